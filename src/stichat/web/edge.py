"""The edge checks that come before everything else: the scheme a trusted proxy saw, a cap on the
request head (431), and in production a Host allowlist.

- `ForwardedScheme`: behind the TLS ingress the connection is plain HTTP, so HSTS (sent only over
  https) was never sent. X-Forwarded-Proto is believed from TRUSTED_PROXIES only, like X-Forwarded-For.
- `HeadLimits`: the HTTP parser accepts a head of any size (a 64 MB header was taken); past
  MAX_HEADER_BYTES the request is answered 431 before any route or session lookup runs.
- `HostAllowlist`: with ALLOWED_HOSTS set (production), a request naming another Host is refused (400
  `host_not_allowed`), so the service cannot be reached under a name it does not own (cache poisoning,
  links built from Host). Probes and scrapes come by pod address, so `/healthz`, `/readyz` and
  `/metrics` are exempt.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from stichat.web.errors import error_response
from stichat.web.security import is_trusted_proxy

#: Every header name and value together; browsers send a few kB (cookies included), 16 kB is generous.
MAX_HEADER_BYTES = 16 * 1024
MAX_HEADERS = 100
#: Paths reached by address, not by name: kubelet probes and Prometheus scrapes.
HOST_EXEMPT = ("/healthz", "/readyz", "/metrics")


class ForwardedScheme:
    def __init__(self, app: ASGIApp, *, trusted_proxies: tuple[str, ...]) -> None:
        self.app, self.trusted = app, trusted_proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.trusted:
            peer = scope.get("client")
            if peer and is_trusted_proxy(peer[0], self.trusted):
                for name, value in scope["headers"]:
                    if name == b"x-forwarded-proto":
                        proto = value.decode("latin-1").split(",")[0].strip().lower()
                        if proto in ("http", "https"):
                            scope = {**scope, "scheme": proto}
                        break
        await self.app(scope, receive, send)


class HeadLimits:
    def __init__(self, app: ASGIApp, *, allowed_hosts: tuple[str, ...] = ()) -> None:
        self.app = app
        self.hosts = frozenset(h.lower() for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope["headers"]
        if len(headers) > MAX_HEADERS or sum(len(n) + len(v) for n, v in headers) > MAX_HEADER_BYTES:
            await error_response(Request(scope), 431, "headers_too_large")(scope, receive, send)
            return
        if self.hosts and not scope.get("path", "").startswith(HOST_EXEMPT):
            host = next((v.decode("latin-1") for n, v in headers if n == b"host"), "")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.lower() not in self.hosts and host.lower() not in self.hosts:
                await error_response(Request(scope), 400, "host_not_allowed")(scope, receive, send)
                return
        await self.app(scope, receive, send)
