"""Conversation endpoints: greeting, session validation, chat turns, reset, WhatsApp ticket."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request

from stichat.domain.errors import MissingInput, TicketNotOpened
from stichat.logs import session_id_var
from stichat.web.errors import locale_from_header
from stichat.web.schemas import ChatIn, GreetingIn, SessionIn, reply_body
from stichat.web.security import CsrfHeader, ServicesDep, client_ip, is_browser, limit, limit_address

router = APIRouter(prefix="/api")


def _locale(requested: str | None, request: Request) -> str:
    if requested in ("es-AR", "en"):
        return requested
    if requested and requested.lower().startswith("en"):
        return "en"
    if requested and requested.lower().startswith("es"):
        return "es-AR"
    return locale_from_header(request.headers.get("accept-language", ""))


async def _greet(request: Request, svc: ServicesDep, body: GreetingIn | None) -> dict[str, Any]:
    await limit(svc, svc.settings.rate_limit_greeting, "greeting", client_ip(request, svc.settings.trusted_proxies))
    turn = await svc.chat.greet(locale=_locale(body.locale if body else None, request))
    session_id_var.set(turn.conversation.session_id)
    return reply_body(turn, with_csrf=True)


def _with_session(operation_id: str, *, header: bool = False) -> dict[str, Any]:
    where = {"parameters": {"header.x-session-id": "$response.body#/sessionId"}} if header else {
        "requestBody": {"sessionId": "$response.body#/sessionId"}}
    return {"operationId": operation_id, **where}


#: OpenAPI links from a greeting to what its session can do next: the schema fuzz in `make test`
#: follows them (stateful), so it reaches turns, tickets, uploads and erasure with a real session.
SESSION_LINKS: dict[int | str, dict[str, Any]] = {200: {"links": {
    "Chat": _with_session("chat_api_chat_post"),
    "Validate": _with_session("validate_api_session_validate_post"),
    "Reset": _with_session("reset_api_reset_post"),
    "Ticket": _with_session("whatsapp_ticket_api_whatsapp_ticket_post"),
    "Upload": _with_session("upload_api_upload_image_post", header=True),
    "MyData": _with_session("my_data_api_privacy_my_data_get", header=True),
    "Erase": _with_session("erase_my_data_api_privacy_my_data_delete", header=True),
}}}


@router.post("/greeting", responses=SESSION_LINKS)
async def greeting(request: Request, svc: ServicesDep, body: GreetingIn | None = None) -> dict[str, Any]:
    return await _greet(request, svc, body)


@router.get("/greeting")
async def greeting_get(request: Request, svc: ServicesDep) -> dict[str, Any]:
    """The v7 widget greets with GET."""
    return await _greet(request, svc, None)


@router.post("/session/validate")
async def validate(body: SessionIn, request: Request, svc: ServicesDep) -> dict[str, Any]:
    await limit_address(request, svc, "validate")
    turn = await svc.chat.validate(body.sessionId)
    if turn is None:
        return {"valid": False}
    expires = datetime.fromtimestamp(turn.expires_at, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"valid": True, "stage": turn.conversation.stage.value, "locale": turn.conversation.locale,
            "expiresAt": expires, "csrfToken": turn.csrf_token}


@router.post("/chat")
async def chat(body: ChatIn, request: Request, svc: ServicesDep, x_csrf_token: CsrfHeader = None) -> dict[str, Any]:
    s = svc.settings
    await limit(svc, s.rate_limit_chat, "chat", client_ip(request, s.trusted_proxies))
    await limit(svc, s.rate_limit_chat_session, "chat-session", body.sessionId)
    button, typed = body.button(), body.typed()
    if not button and (typed is None or not typed.strip()):
        raise MissingInput("send a message or an action")
    session_id_var.set(body.sessionId)
    turn = await svc.chat.handle(session_id=body.sessionId, message=typed, action=button,
                                 csrf=request.headers.get("x-csrf-token"), browser=is_browser(request))
    request.state.locale = turn.conversation.locale
    return reply_body(turn)


@router.post("/reset")
async def reset(body: SessionIn, request: Request, svc: ServicesDep, x_csrf_token: CsrfHeader = None) -> dict[str, Any]:
    turn = await svc.chat.reset(session_id=body.sessionId, csrf=request.headers.get("x-csrf-token"),
                                browser=is_browser(request))
    return reply_body(turn)


@router.post("/whatsapp-ticket")
async def whatsapp_ticket(body: SessionIn, request: Request, svc: ServicesDep,
                          x_csrf_token: CsrfHeader = None) -> dict[str, Any]:
    await limit(svc, svc.settings.rate_limit_ticket, "ticket", body.sessionId)
    turn = await svc.chat.open_ticket(session_id=body.sessionId, csrf=request.headers.get("x-csrf-token"),
                                      browser=is_browser(request))
    if turn.ticket is None:  # open_ticket always makes one; never answer a ticket request without it
        raise TicketNotOpened("the ticket could not be opened")
    ticket = await svc.tickets.by_operator(turn.ticket.ticket_id)
    return {"ok": True, **turn.ticket.to_json(), "ticket": ticket.public_view(), "stage": turn.conversation.stage}
