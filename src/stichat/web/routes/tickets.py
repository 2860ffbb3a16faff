"""Ticket views (JSON and HTML, by link token or operator token) and transcripts."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

from stichat.domain import errors as e
from stichat.domain.tickets import Ticket
from stichat.web import views
from stichat.web.responses import TicketListOut, TicketViewOut, failures
from stichat.web.security import (
    BearerHeader,
    LinkTokenQuery,
    OperatorDep,
    ServicesDep,
    SessionHeader,
    TokenQuery,
    is_operator,
    limit_address,
)
from stichat.web.views import Json

router = APIRouter()


async def _ticket(request: Request, svc: ServicesDep, ticket_id: str) -> tuple[Ticket, bool]:
    if is_operator(request, svc.settings.log_token):
        return await svc.tickets.by_operator(ticket_id), True
    await limit_address(request, svc, "ticket-link")  # a link token cannot be guessed, nor tried fast
    return await svc.tickets.by_link(ticket_id, request.query_params.get("t")), False


async def _transcript_lines(svc: ServicesDep, ticket: Ticket) -> list[str]:
    """The operator's view carries the conversation that led to the ticket (gone once erased)."""
    if not ticket.session_id:
        return []
    return [entry.as_line() for entry in await svc.chat.transcript(ticket.session_id)]


#: A ticket by its link: a wrong or missing token is no ticket at all; a genuine one may have expired.
BY_LINK = (e.TicketNotFound, e.LinkExpired, e.RateLimitExceeded)


@router.get("/api/ticket/{ticket_id}", response_model=TicketViewOut, responses=failures(*BY_LINK))
async def ticket_json(ticket_id: str, request: Request, svc: ServicesDep, t: LinkTokenQuery = None,
                      token: TokenQuery = None, authorization: BearerHeader = None) -> Json:
    ticket, operator = await _ticket(request, svc, ticket_id)
    if operator:
        return Json({"ok": True, "ticket": views.operator_ticket(ticket, await _transcript_lines(svc, ticket))})
    return Json({"ok": True, "ticket": views.public_ticket(ticket)})


@router.get("/api/tickets", response_model=TicketListOut, responses=failures(e.OperatorTokenRequired))
async def ticket_list(_: OperatorDep, svc: ServicesDep) -> Json:
    return Json({"ok": True, "tickets": await svc.tickets.list_ids()})


@router.get("/ticket/{ticket_id}", response_class=HTMLResponse, responses=failures(*BY_LINK))
async def ticket_page(ticket_id: str, request: Request, svc: ServicesDep, t: LinkTokenQuery = None,
                      token: TokenQuery = None, authorization: BearerHeader = None) -> HTMLResponse:
    ticket, operator = await _ticket(request, svc, ticket_id)
    transcript = await _transcript_lines(svc, ticket) if operator else None
    return HTMLResponse(render_ticket(ticket, transcript=transcript))


def render_ticket(t: Ticket, *, transcript: list[str] | None = None) -> str:
    """The public page; with `transcript` (operators only) also the name, session and conversation."""
    es = t.locale != "en"
    labels = (("Equipo", "Problema", "Descripción", "Pasos probados", "Estado") if es
              else ("Device", "Problem", "Description", "Steps tried", "Status"))
    steps = "".join(f"<li>{escape(s)}</li>" for s in t.steps_tried) or "<li>-</li>"
    operator = ""
    if transcript is not None:
        lines = escape("\n".join(transcript) or "-")
        operator = (f"<h2>{'Cliente' if es else 'Customer'}</h2><dl><dt>{'Nombre' if es else 'Name'}</dt>"
                    f"<dd>{escape(t.name or '-')}</dd><dt>{'Sesión' if es else 'Session'}</dt>"
                    f"<dd>{escape(t.session_id or '-')}</dd></dl>"
                    f"<h2>{'Conversación' if es else 'Conversation'}</h2><pre>{lines}</pre>")
    return f"""<!doctype html>
<html lang="{'es-AR' if es else 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(t.id)} · STI</title><link rel="stylesheet" href="/static/ticket.css"></head>
<body><main class="ticket"><h1>Ticket {escape(t.id)}</h1>
<dl><dt>{labels[4]}</dt><dd>{escape(t.status)}</dd>
<dt>{labels[0]}</dt><dd>{escape(t.device_label)}</dd>
<dt>{labels[1]}</dt><dd>{escape(t.problem_label)}</dd>
<dt>{labels[2]}</dt><dd>{escape(t.description or '-')}</dd></dl>
<h2>{labels[3]}</h2><ul>{steps}</ul>{operator}</main></body></html>
"""


@router.get("/api/transcript/{session_id}", response_class=PlainTextResponse,
            responses=failures(e.InvalidSessionId, e.SessionNotFound))
async def transcript(session_id: str, request: Request, svc: ServicesDep, x_session_id: SessionHeader = None,
                     token: TokenQuery = None, authorization: BearerHeader = None) -> PlainTextResponse:
    owner = request.headers.get("x-session-id") == session_id
    if not owner and not is_operator(request, svc.settings.log_token):
        raise e.SessionNotFound()
    entries = await svc.chat.transcript(session_id)
    if not entries:
        raise e.SessionNotFound()
    return PlainTextResponse("\n".join(e.as_line() for e in entries) + "\n")
