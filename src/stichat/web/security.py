"""Who is asking: client address (proxy-aware), browser origin, CSRF and the operator token."""

from __future__ import annotations

import hmac
import ipaddress
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request

from stichat.bootstrap import Services
from stichat.domain.errors import OperatorTokenRequired, RateLimitExceeded

#: Parameters read from the request, declared so that the OpenAPI document (and the fuzzer) knows them.
SessionHeader = Annotated[str | None, Header(alias="x-session-id",
                                             description="the session id from /api/greeting")]
_CSRF_DESCRIPTION = "the session's csrfToken; required when the request carries Origin (every browser request)"
CsrfHeader = Annotated[str | None, Header(alias="x-csrf-token", description=_CSRF_DESCRIPTION)]
TokenQuery = Annotated[str | None, Query(description="the operator token (LOG_TOKEN); or Authorization: Bearer")]
BearerHeader = Annotated[str | None, Header(alias="authorization", description="`Bearer <LOG_TOKEN>`")]
LinkTokenQuery = Annotated[str | None, Query(description="the link token of the ticket (`<expiry>.<signature>`)")]


async def services(request: Request) -> Services:
    # async on purpose: FastAPI runs a plain `def` dependency in a worker thread, a hop on every request.
    return services_of(request)


ServicesDep = Annotated[Services, Depends(services)]


def services_of(request: Request) -> Services:
    """What `ServicesDep` gives, read off the request: the chat routes take it this way, so that FastAPI
    solves no dependency on every turn (a measurable share of one)."""
    svc: Services = request.app.state.services
    return svc


#: The `X-CSRF-Token` header as the OpenAPI document declares it for a route that reads it itself
#: (`openapi_extra=CSRF_HEADER`; the value is `request.headers.get("x-csrf-token")`), exactly as
#: FastAPI documents `CsrfHeader`: a declared header parameter costs its parsing on every request.
CSRF_HEADER: dict[str, Any] = {"parameters": [{
    "name": "x-csrf-token", "in": "header", "required": False, "description": _CSRF_DESCRIPTION,
    "schema": {"anyOf": [{"type": "string"}, {"type": "null"}], "description": _CSRF_DESCRIPTION,
               "title": "X-Csrf-Token"},
}]}


def is_trusted_proxy(address: str, proxies: tuple[str, ...]) -> bool:
    """The address is one of TRUSTED_PROXIES (an IP or a CIDR)."""
    return _trusted(address, proxies)


def _trusted(address: str, proxies: tuple[str, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for entry in proxies:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_ip(request: Request, trusted_proxies: tuple[str, ...]) -> str:
    """The peer address; X-Forwarded-For is believed only when the peer is a trusted proxy, and then
    only as far back as the chain stays inside trusted proxies."""
    peer = request.client.host if request.client else "unknown"
    if not trusted_proxies or not _trusted(peer, trusted_proxies):
        return peer
    chain = [p.strip() for p in request.headers.get("x-forwarded-for", "").split(",") if p.strip()]
    for hop in reversed(chain):
        if not _trusted(hop, trusted_proxies):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer
    return peer


def is_browser(request: Request) -> bool:
    """Browsers send Origin on every POST; requests without it cannot be forged cross-site."""
    return "origin" in request.headers


def presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.query_params.get("token")


def is_operator(request: Request, log_token: str) -> bool:
    token = presented_token(request)
    if not token or not log_token:
        return False
    return hmac.compare_digest(token.encode(), log_token.encode())


#: The console's session cookie (HttpOnly, SameSite=Strict; Secure behind TLS).
CONSOLE_COOKIE = "stichat_console"


async def require_operator(request: Request, svc: ServicesDep, token: TokenQuery = None,
                           authorization: BearerHeader = None) -> None:
    """LOG_TOKEN (machines), or a signed-in console session for reading (the live log in the browser);
    a change through the cookie alone would need CSRF, so only GET and HEAD take it."""
    if is_operator(request, svc.settings.log_token):
        return
    cookie = request.cookies.get(CONSOLE_COOKIE)
    if cookie and request.method in ("GET", "HEAD") and await svc.operators.session(cookie) is not None:
        return
    raise OperatorTokenRequired()


OperatorDep = Annotated[None, Depends(require_operator)]


async def limit_address(request: Request, svc: Services, what: str) -> None:
    """RATE_LIMIT_LOOKUP per client address: lookups that take an id a client may guess (a session,
    a ticket link) or that cost a read before the session is known."""
    await limit(svc, svc.settings.rate_limit_lookup, what, client_ip(request, svc.settings.trusted_proxies))


async def limit(svc: Services, limit_value: str, *keys: str) -> None:
    """Count one request against a limit; 429 with Retry-After when over it."""
    wait = await svc.rate_limiter.hit(limit_value, *keys)
    if wait is not None:
        raise RateLimitExceeded(retry_after=wait)
