"""The ASGI app factory: `create_app(settings)` wires routes, middleware and error mapping."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from stichat import __version__, bootstrap, logs
from stichat.config import Settings
from stichat.domain.errors import DependencyUnavailable
from stichat.services import retention
from stichat.web import errors
from stichat.web.edge import ForwardedScheme, HeadLimits
from stichat.web.middleware import BodyLimit, Edge
from stichat.web.routes import chat, console, ops, privacy, smart, tickets, uploads
from stichat.web.schemas import ERROR_RESPONSES

STATIC_DIR = Path(__file__).resolve().parent / "static"
JSON_BODY_CAP = 64 * 1024


async def start_image_jobs(svc: bootstrap.Services) -> None:
    """Connect the image queue; embedded, also queue again what the last run left unfinished."""
    if svc.image_queue is None:
        return
    if svc.settings.redis_url:
        with contextlib.suppress(DependencyUnavailable):  # Redis down at start: connect on first upload
            await svc.image_queue.start()
        return
    await svc.image_queue.start()
    await svc.uploads.requeue_unfinished()


ACTIVITY_FLUSH_SECONDS = 5.0


async def flush_activity(svc: bootstrap.Services) -> None:
    """Write the console's activity counts every few seconds (a failed write is retried next time)."""
    while True:
        await asyncio.sleep(ACTIVITY_FLUSH_SECONDS)
        try:
            await svc.activity.flush()
        except Exception as exc:  # the database is down: the figures wait, the chat does not
            logging.getLogger("stichat").warning("activity_flush_failed", extra={"error": type(exc).__name__})


def create_app(settings: Settings, *, services: bootstrap.Services | None = None) -> FastAPI:
    svc = services or bootstrap.build(settings)
    logs.configure(settings.logs_dir, level=settings.log_level, hub=svc.log_hub,
                   stdout=settings.app_env != "test", shared=bool(settings.redis_url))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log = logging.getLogger("stichat")
        log.info("service_started", extra={"version": __version__, "mode": "redis" if settings.redis_url else
                                           "embedded", "smart_mode": settings.smart_mode_configured})
        purge = asyncio.create_task(retention.run_daily(svc.retention), name="daily-purge")
        counts = asyncio.create_task(flush_activity(svc), name="activity-flush")
        await start_image_jobs(svc)
        yield
        counts.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await counts
        with contextlib.suppress(Exception):
            await svc.activity.flush()
        if svc.image_queue is not None:
            await svc.image_queue.stop()  # embedded: running jobs finish; queued ones wait on disk
        purge.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await purge
        log.info("service_stopping")
        await svc.aclose()

    # Metrics are Prometheus (metrics.py) and logs our own: FastAPI's OpenTelemetry hooks, unconfigured,
    # would still cost a provider lookup on every request and an operation span around every route.
    app = FastAPI(title="STI Chat", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False})
    app.state.services = svc
    errors.install(app)
    for router in (chat.router, uploads.router, tickets.router, ops.router, smart.router, privacy.router):
        app.include_router(router, responses=ERROR_RESPONSES)
    app.include_router(console.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    upload_cap = settings.max_upload_mb * 1024 * 1024 + 64 * 1024

    def cap_for(path: str) -> int:
        return upload_cap if path.startswith("/api/upload-image") else JSON_BODY_CAP

    # Outermost last: forwarded scheme → the edge (request id, security headers, origin guard, CORS, access
    # log) → head limits and Host → body caps → app.
    app.add_middleware(BodyLimit, cap_for=cap_for)
    app.add_middleware(HeadLimits, allowed_hosts=settings.allowed_hosts)
    app.add_middleware(
        Edge, metrics=svc.metrics, allowed_origins=settings.allowed_origins,
        cors={"allow_credentials": False, "allow_methods": ["GET", "POST", "DELETE", "OPTIONS"],
              "allow_headers": ["content-type", "x-csrf-token", "x-session-id", "authorization", "x-request-id"],
              "expose_headers": ["retry-after", "x-request-id"], "max_age": 600},
    )
    app.add_middleware(ForwardedScheme, trusted_proxies=settings.trusted_proxies)
    return app
