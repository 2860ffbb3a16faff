"""ASGI middleware: request ids and access logs with metrics, origin guard, body caps, headers."""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
import time
from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stichat.logs import request_id_var, session_id_var
from stichat.metrics import Metrics
from stichat.web.errors import error_response

_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
log = logging.getLogger("stichat.http")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'; object-src 'none'")


class RequestContext:
    """A request id on every response and log line; one access log line and one histogram sample."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get("x-request-id", "")
        # fullmatch, not match: `$` also matches before a trailing newline, which must never be echoed.
        rid = incoming if _REQUEST_ID.fullmatch(incoming) else secrets.token_hex(8)
        rid_token, sid_token = request_id_var.set(rid), session_id_var.set(None)
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", rid.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            self.metrics.http_duration.labels(route=template, method=scope["method"], status=str(status)).observe(
                elapsed
            )
            # The path only: a query string may carry the operator token.
            log.info("http_request", extra={"method": scope["method"], "route": template, "status": status,
                                            "duration_ms": round(elapsed * 1000, 2)})
            request_id_var.reset(rid_token)
            session_id_var.reset(sid_token)


class OriginGuard:
    """A browser request (it has Origin) must come from this site or from ALLOWED_ORIGINS."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app, self.allowed = app, set(allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = Headers(scope=scope)
            origin = headers.get("origin")
            if origin is not None and not self._ok(origin, scope, headers):
                await error_response(Request(scope), 403, "origin_not_allowed")(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _ok(self, origin: str, scope: Scope, headers: Headers) -> bool:
        origin = origin.strip().rstrip("/")
        if origin == "null" or not origin:
            return False
        if origin in self.allowed:
            return True
        host = headers.get("host", "")
        forwarded_proto = scope.get("scheme", "http")
        return origin == f"{forwarded_proto}://{host}"


class BodyLimit:
    """Refuse a body over its cap with 413, from Content-Length or while it streams in."""

    def __init__(self, app: ASGIApp, cap_for: Callable[[str], int]) -> None:
        self.app, self.cap_for = app, cap_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        cap = self.cap_for(scope["path"])
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > cap:
            await self._refuse(scope, receive, send)
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


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"strict-origin-when-cross-origin"),
                    (b"content-security-policy", CSP.encode()),
                    (b"cross-origin-resource-policy", b"cross-origin"),
                ]
                if https:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_wrapper)
