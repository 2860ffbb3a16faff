"""Operator endpoints: health, readiness, logs (tail and live stream) and metrics."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse

from stichat import __version__
from stichat.domain.errors import OperatorTokenRequired
from stichat.logs import read_tail
from stichat.web import views
from stichat.web.errors import error_response
from stichat.web.responses import BAD_QUERY, AliveOut, HealthOut, MetricsOut, ReadyOut, failures
from stichat.web.security import OperatorDep, ServicesDep
from stichat.web.views import Json

router = APIRouter()
KEEPALIVE_SECONDS = 15.0


def checks_503(model: type[AliveOut | HealthOut]) -> dict[int | str, dict[str, Any]]:
    """Health and readiness answer 503 with their checks, not with the error shape."""
    return {503: {"description": "a dependency is down; `checks` says which", "model": model}}


#: What an operator endpoint answers without LOG_TOKEN (or a console session, for reading).
OPERATOR_ONLY = failures(OperatorTokenRequired)


@router.get("/api/health", response_model=HealthOut, responses=checks_503(HealthOut))
async def health(svc: ServicesDep) -> JSONResponse:
    checks = await svc.health()
    ok = all(v == "ok" for v in checks.values())
    body = {"ok": ok, "status": "healthy" if ok else "unhealthy", "version": __version__,
            "uptimeSeconds": round(time.time() - svc.started_at, 1), "checks": checks,
            "smartMode": svc.settings.smart_mode_configured,
            "smart": views.smart_status(await svc.smart.status()) if svc.smart else None}
    return JSONResponse(body, status_code=200 if ok else 503)


@router.get("/healthz", response_model=AliveOut)
async def healthz() -> Json:
    return Json({"ok": True, "status": "alive"})


@router.get("/readyz", response_model=ReadyOut, responses=checks_503(ReadyOut))
async def readyz(svc: ServicesDep) -> JSONResponse:
    checks = await svc.health()
    ok = all(v == "ok" for v in checks.values())
    return JSONResponse({"ok": ok, "status": "ready" if ok else "not_ready", "checks": checks},
                        status_code=200 if ok else 503)


@router.get("/api/logs", response_class=PlainTextResponse, responses=OPERATOR_ONLY)
async def logs(_: OperatorDep, svc: ServicesDep) -> PlainTextResponse:
    text = await asyncio.to_thread(read_tail, svc.settings.logs_dir, svc.settings.logs_max_bytes)
    return PlainTextResponse(text, headers={"Cache-Control": "no-store"})


@router.get("/api/logs/stream", response_class=StreamingResponse, responses={
    200: {"content": {"text/event-stream": {"schema": {"type": "string"}}}},
    **failures(OperatorTokenRequired, edge={**BAD_QUERY, 503: ["too_many_streams"]})})
async def log_stream(_: OperatorDep, request: Request, svc: ServicesDep, tail: int = 0,
                     level: str | None = None, event: str | None = None,
                     session: str | None = None) -> Response:
    hub, cap = svc.log_hub, svc.settings.max_sse_clients
    if hub.subscribers >= cap:
        return error_response(request, 503, "too_many_streams", retry_after=5)

    def wanted(line: str) -> bool:
        if not (level or event or session):
            return True
        try:
            data = json.loads(line)
        except ValueError:
            return False
        return ((not level or data.get("level") == level.lower()) and (not event or data.get("event") == event)
                and (not session or data.get("session_id") == session))

    # Registered before the response starts, so concurrent opens cannot slip past the cap.
    subscription = hub.open(tail=max(0, min(tail, 1000)))
    svc.metrics.sse_clients.inc()

    async def stream() -> AsyncIterator[str]:
        pending: asyncio.Task[str] | None = None
        try:
            yield f"event: hello\ndata: {json.dumps({'maxClients': cap})}\n\n"
            while True:
                pending = pending or asyncio.ensure_future(subscription.next())
                done, _ = await asyncio.wait({pending}, timeout=KEEPALIVE_SECONDS)
                if not done:
                    if await request.is_disconnected():
                        break
                    yield ": keep-alive\n\n"
                    continue
                line, pending = pending.result(), None
                if wanted(line):
                    yield f"data: {line}\n\n"
        finally:
            if pending is not None:
                pending.cancel()
            subscription.close()
            svc.metrics.sse_clients.dec()

    return StreamingResponse(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


@router.get("/api/metrics", response_model=MetricsOut, responses=OPERATOR_ONLY)
async def metrics_json(_: OperatorDep, svc: ServicesDep) -> Json:
    m = svc.metrics
    if svc.image_queue is not None:
        await svc.image_queue.refresh_length()
    analysis_count = _sample(m, "stichat_upload_analysis_seconds_count")
    analysis_sum = _sample(m, "stichat_upload_analysis_seconds_sum")
    if svc.smart is not None:
        svc.smart.circuit_state()  # an open period that has run out reads (and is counted) as half-open
    state = int(_sample(m, "stichat_openai_circuit_state"))
    return Json({
        "ok": True,
        "openai": {"requests": _sample(m, "stichat_openai_requests_total"),
                   "failures": _sum_samples(m, "stichat_openai_failures_total"),
                   "circuitState": {0: "closed", 1: "half_open", 2: "open"}.get(state, "closed"),
                   "smartMode": svc.settings.smart_mode_configured},
        "uploads": {"total": analysis_count,
                    "avgAnalysisTime": round(analysis_sum / analysis_count, 4) if analysis_count else 0.0,
                    "queueLength": _sample(m, "stichat_upload_queue_length")},
        "chat": {"totalMessages": _sample(m, "stichat_chat_messages_total"),
                 "tickets": _sample(m, "stichat_tickets_total")},
        "sse": {"clients": _sample(m, "stichat_sse_clients"), "maxClients": svc.settings.max_sse_clients},
        "uptimeSeconds": round(time.time() - svc.started_at, 1),
    })


def _sample(m: Any, name: str) -> float:
    value = m.registry.get_sample_value(name)
    return float(value) if value is not None else 0.0


def _sum_samples(m: Any, name: str) -> float:
    total = 0.0
    for family in m.registry.collect():
        for sample in family.samples:
            if sample.name == name:
                total += sample.value
    return total


@router.get("/metrics", response_class=PlainTextResponse)
async def prometheus(svc: ServicesDep) -> Response:
    await svc.update_metrics()
    return Response(svc.metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")
