"""ASGI middleware: the edge (request ids, origin guard, CORS, security headers, access log and
metrics) and body caps."""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
import secrets
import time
from collections.abc import Callable
from typing import Any

from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stichat.logs import request_id_var, session_id_var
from stichat.metrics import Metrics
from stichat.web.errors import error_response

_REQUEST_ID = re.compile(rb"[A-Za-z0-9._-]{8,64}")
log = logging.getLogger("stichat.http")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'; object-src 'none'")
_SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"content-security-policy", CSP.encode()),
    (b"cross-origin-resource-policy", b"cross-origin"),
)
_HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class RequestIds:
    """Request ids for correlation, not secrets: a random per-process prefix and a counter, 16 characters
    (a fresh random id per request cost a getrandom call on every one)."""

    def __init__(self) -> None:
        self._prefix, self._count = secrets.token_hex(4), itertools.count()

    def next(self) -> str:
        return f"{self._prefix}{next(self._count) & 0xFFFFFFFF:08x}"


class Edge:
    """The first layer of every HTTP request, with one wrapper of `send`: a request id on the response and
    on every log line, the origin guard, CORS for browser requests, the security headers, one access log
    line and one histogram sample.

    CORS only concerns requests that carry Origin (browsers); the rest skip it and get only its
    `Vary: Origin`, so a shared cache never serves one to the other.
    """

    def __init__(self, app: ASGIApp, *, metrics: Metrics, allowed_origins: tuple[str, ...],
                 cors: dict[str, Any]) -> None:
        self.app, self.metrics, self.allowed = app, metrics, set(allowed_origins)
        self.cors = CORSMiddleware(app, allow_origins=list(allowed_origins), **cors)
        self._ids = RequestIds()
        self._samples: dict[tuple[str, str, int], Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = origin = host = None
        for name, value in scope["headers"]:  # the first of each, as Headers.get would give
            if name == b"x-request-id" and incoming is None:
                incoming = value
            elif name == b"origin" and origin is None:
                origin = value.decode("latin-1")
            elif name == b"host" and host is None:
                host = value.decode("latin-1")
        # fullmatch, not match: `$` also matches before a trailing newline, which must never be echoed.
        rid = incoming.decode() if incoming is not None and _REQUEST_ID.fullmatch(incoming) else self._ids.next()
        rid_token, sid_token = request_id_var.set(rid), session_id_var.set(None)
        extra = [(b"x-request-id", rid.encode()), *_SECURITY_HEADERS]
        if scope.get("scheme") == "https":
            extra.append(_HSTS)
        if origin is None:
            extra.append((b"vary", b"Origin"))
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            if origin is None:
                await self.app(scope, receive, send_wrapper)
            elif _origin_ok(origin, scope, host, self.allowed):
                await self.cors(scope, receive, send_wrapper)
            else:
                await error_response(Request(scope), 403, "origin_not_allowed")(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            self._sample(template, scope["method"], status).observe(elapsed)
            # The path only: a query string may carry the operator token.
            log.info("http_request", extra={"method": scope["method"], "route": template, "status": status,
                                            "duration_ms": round(elapsed * 1000, 2)})
            request_id_var.reset(rid_token)
            session_id_var.reset(sid_token)

    def _sample(self, route: str, method: str, status: int) -> Any:
        """The histogram's child for these labels, looked up once (routes, methods and statuses are few)."""
        key = (route, method, status)
        child = self._samples.get(key)
        if child is None:
            child = self.metrics.http_duration.labels(route=route, method=method, status=str(status))
            if len(self._samples) < 1000:
                self._samples[key] = child
        return child


def _origin_ok(origin: str, scope: Scope, host: str | None, allowed: set[str]) -> bool:
    """A browser request must come from this site or from ALLOWED_ORIGINS."""
    origin = origin.strip().rstrip("/")
    if origin == "null" or not origin:
        return False
    if origin in allowed:
        return True
    return origin == f"{scope.get('scheme', 'http')}://{host or ''}"


class BodyLimit:
    """Refuse a body over its cap with 413, from Content-Length or while it streams in."""

    def __init__(self, app: ASGIApp, cap_for: Callable[[str], int]) -> None:
        self.app, self.cap_for = app, cap_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        cap = self.cap_for(scope["path"])
        declared = next((value for name, value in scope["headers"] if name == b"content-length"), None)
        if declared is not None and declared.isdigit():
            if int(declared) > cap:
                await self._refuse(scope, receive, send)
                return
            # The HTTP parser delivers exactly Content-Length bytes (and refuses it next to chunked
            # encoding), so a declared length under the cap needs no counting.
            await self.app(scope, receive, send)
            return
        seen = 0
        started = exceeded = False

        async def counting_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    exceeded = True
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                return  # FastAPI turns our _TooLarge into its own 400; the answer is ours, a 413
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        with contextlib.suppress(_TooLarge):
            await self.app(scope, counting_receive, tracking_send)
        if exceeded and not started:
            await self._refuse(scope, receive, send)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
        await error_response(Request(scope), 413, "payload_too_large")(scope, receive, send)


class _TooLarge(Exception):
    pass
