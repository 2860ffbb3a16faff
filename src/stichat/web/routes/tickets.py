"""Ticket views (JSON and HTML, by link token or operator token) and transcripts."""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

from stichat.domain.errors import SessionNotFound
from stichat.domain.tickets import Ticket
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


@router.get("/api/ticket/{ticket_id}")
async def ticket_json(ticket_id: str, request: Request, svc: ServicesDep, t: LinkTokenQuery = None,
                      token: TokenQuery = None, authorization: BearerHeader = None) -> dict[str, Any]:
    ticket, operator = await _ticket(request, svc, ticket_id)
    if operator:
        return {"ok": True, "ticket": {**ticket.operator_view(), "transcript": await _transcript_lines(svc, ticket)}}
    return {"ok": True, "ticket": ticket.public_view()}


@router.get("/api/tickets")
async def ticket_list(_: OperatorDep, svc: ServicesDep) -> dict[str, Any]:
    return {"ok": True, "tickets": await svc.tickets.list_ids()}


@router.get("/ticket/{ticket_id}", response_class=HTMLResponse)
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


@router.get("/api/transcript/{session_id}", response_class=PlainTextResponse)
async def transcript(session_id: str, request: Request, svc: ServicesDep, x_session_id: SessionHeader = None,
                     token: TokenQuery = None, authorization: BearerHeader = None) -> PlainTextResponse:
    owner = request.headers.get("x-session-id") == session_id
    if not owner and not is_operator(request, svc.settings.log_token):
        raise SessionNotFound()
    entries = await svc.chat.transcript(session_id)
    if not entries:
        raise SessionNotFound()
    return PlainTextResponse("\n".join(e.as_line() for e in entries) + "\n")
