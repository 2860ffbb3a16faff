"""Conversation endpoints: greeting, session validation, chat turns, reset, WhatsApp ticket."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from stichat.domain import errors as e
from stichat.domain.tickets import iso_utc
from stichat.logs import session_id_var
from stichat.web import views
from stichat.web.errors import locale_from_header
from stichat.web.responses import BAD_BODY, ReplyOut, TicketOpenedOut, ValidationOut, failures
from stichat.web.schemas import ChatIn, GreetingIn, SessionIn
from stichat.web.security import CSRF_HEADER, client_ip, is_browser, limit, limit_address, services_of
from stichat.web.views import Json

router = APIRouter(prefix="/api")


def _locale(requested: str | None, request: Request) -> str:
    if requested in ("es-AR", "en"):
        return requested
    if requested and requested.lower().startswith("en"):
        return "en"
    if requested and requested.lower().startswith("es"):
        return "es-AR"
    return locale_from_header(request.headers.get("accept-language", ""))


async def _greet(request: Request, body: GreetingIn | None) -> Json:
    svc = services_of(request)
    await limit(svc, svc.settings.rate_limit_greeting, "greeting", client_ip(request, svc.settings.trusted_proxies))
    turn = await svc.chat.greet(locale=_locale(body.locale if body else None, request))
    session_id_var.set(turn.conversation.session_id)
    return Json(views.reply(turn, with_csrf=True))


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


#: What a turn on an existing session may be refused for, besides its limits.
TURN_ERRORS = (e.InvalidSessionId, e.SessionNotFound, e.CsrfFailed, e.SessionBusy)


@router.post("/greeting", response_model=ReplyOut,
             responses={**SESSION_LINKS, **failures(e.RateLimitExceeded, edge=BAD_BODY)})
async def greeting(request: Request, body: GreetingIn | None = None) -> Json:
    return await _greet(request, body)


@router.get("/greeting", response_model=ReplyOut, responses=failures(e.RateLimitExceeded))
async def greeting_get(request: Request) -> Json:
    """The v7 widget greets with GET."""
    return await _greet(request, None)


@router.post("/session/validate", response_model=ValidationOut,
             responses=failures(e.RateLimitExceeded, e.SessionBusy, edge=BAD_BODY))
async def validate(body: SessionIn, request: Request) -> Json:
    svc = services_of(request)
    await limit_address(request, svc, "validate")
    turn = await svc.chat.validate(body.sessionId)
    if turn is None:
        return Json({"valid": False})
    return Json({"valid": True, "stage": turn.conversation.stage.value, "locale": turn.conversation.locale,
                 "expiresAt": iso_utc(turn.expires_at), "csrfToken": turn.csrf_token})


@router.post("/chat", response_model=ReplyOut, responses=failures(
    *TURN_ERRORS, e.RateLimitExceeded, e.MissingInput, e.MessageTooLong, e.UnknownButton, e.TicketIdsExhausted,
    edge=BAD_BODY), openapi_extra=CSRF_HEADER)
async def chat(body: ChatIn, request: Request) -> Json:
    svc = services_of(request)
    s = svc.settings
    await limit(svc, s.rate_limit_chat, "chat", client_ip(request, s.trusted_proxies))
    await limit(svc, s.rate_limit_chat_session, "chat-session", body.sessionId)
    button, typed = body.button(), body.typed()
    if not button and (typed is None or not typed.strip()):
        raise e.MissingInput("send a message or an action")
    session_id_var.set(body.sessionId)
    turn = await svc.chat.handle(session_id=body.sessionId, message=typed, action=button,
                                 csrf=request.headers.get("x-csrf-token"), browser=is_browser(request))
    request.state.locale = turn.conversation.locale
    return Json(views.reply(turn))


@router.post("/reset", response_model=ReplyOut, responses=failures(*TURN_ERRORS, edge=BAD_BODY),
             openapi_extra=CSRF_HEADER)
async def reset(body: SessionIn, request: Request) -> Json:
    svc = services_of(request)
    turn = await svc.chat.reset(session_id=body.sessionId, csrf=request.headers.get("x-csrf-token"),
                                browser=is_browser(request))
    return Json(views.reply(turn))


@router.post("/whatsapp-ticket", response_model=TicketOpenedOut, responses=failures(
    *TURN_ERRORS, e.RateLimitExceeded, e.TicketIdsExhausted, e.TicketNotOpened, edge=BAD_BODY),
    openapi_extra=CSRF_HEADER)
async def whatsapp_ticket(body: SessionIn, request: Request) -> Json:
    svc = services_of(request)
    await limit(svc, svc.settings.rate_limit_ticket, "ticket", body.sessionId)
    turn = await svc.chat.open_ticket(session_id=body.sessionId, csrf=request.headers.get("x-csrf-token"),
                                      browser=is_browser(request))
    if turn.ticket is None:  # open_ticket always makes one; never answer a ticket request without it
        raise e.TicketNotOpened("the ticket could not be opened")
    ticket = await svc.tickets.by_operator(turn.ticket.ticket_id)
    return Json(views.ticket_opened(turn.ticket, ticket, turn.conversation.stage))
