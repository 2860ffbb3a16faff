"""The JSON bodies the API answers, built at the edge from domain and service objects, which know
nothing of the wire's camelCase (web/responses.py documents the same shapes for OpenAPI)."""

from __future__ import annotations

from typing import Any

from pydantic_core import to_json
from starlette.responses import Response

from stichat.domain.conversation import Conversation, Stage
from stichat.domain.images import ImageRecord
from stichat.domain.tickets import Ticket, iso_utc
from stichat.services.chat import Turn
from stichat.services.privacy import Erasure, Export
from stichat.services.smart import SmartStatus
from stichat.services.tickets import TicketLinks


class Json(Response):
    """A JSON answer written by pydantic's serializer, as FastAPI writes a returned `dict`, but without
    validating it against the route's model first: the body is already built, so nothing is paid twice."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return to_json(content)


def context(c: Conversation) -> dict[str, Any]:
    return {"locale": c.locale, "name": c.name, "device": c.device, "problem": c.problem}


def reply(turn: Turn, *, with_csrf: bool = False) -> dict[str, Any]:
    """The one reply shape of CONTRACT.md."""
    c, said = turn.conversation, turn.reply
    body: dict[str, Any] = {
        "ok": True,
        "sessionId": c.session_id,
        "stage": c.stage.value,
        "reply": said.text,
        "buttons": [b.to_json() for b in said.buttons],
        "context": context(c),
    }
    if with_csrf:
        body["csrfToken"] = turn.csrf_token
    if said.steps is not None:
        body["steps"] = [{"n": n, "text": text} for n, text in said.steps]
    if turn.ticket is not None:
        body["ticket"] = ticket_links(turn.ticket)
    return body


def public_ticket(t: Ticket) -> dict[str, Any]:
    """What the customer's link shows, and no more: the link travels in a WhatsApp message and may be
    forwarded, so no name, session id, images or transcript."""
    return {
        "ticketId": t.id, "status": t.status, "createdAt": iso_utc(t.created_at),
        "device": t.device, "problem": t.problem,
        "deviceLabel": t.device_label, "problemLabel": t.problem_label,
        "description": t.description, "stepsTried": list(t.steps_tried),
    }


def operator_ticket(t: Ticket, transcript: list[str]) -> dict[str, Any]:
    """Everything the ticket holds, for the shop's technicians, with the conversation that led to it."""
    return {**public_ticket(t), "name": t.name, "sessionId": t.session_id or None,
            "locale": t.locale, "images": list(t.images),
            "linkExpiresAt": iso_utc(t.link_expires_at), "extra": dict(t.extra),
            "summary": t.summary, "questions": list(t.questions), "reason": t.reason,
            "transcript": transcript}


def image_status(r: ImageRecord) -> dict[str, Any]:
    body: dict[str, Any] = {"ok": True, "imageId": r.image_id, "status": r.status,
                            "width": r.width, "height": r.height}
    if r.analysis is not None:
        body["analysis"] = r.analysis
    if r.error is not None:
        body["error"] = r.error
    return body


def my_data(export: Export) -> dict[str, Any]:
    """Everything kept about a session, as the customer downloads it."""
    return {
        "ok": True,
        "sessionId": export.session_id,
        "conversation": export.conversation.to_json(),
        "transcript": [entry.to_json() for entry in export.transcript],
        "tickets": [public_ticket(ticket) for ticket in export.tickets],
        "images": list(export.conversation.images),
    }


def ticket_links(links: TicketLinks) -> dict[str, str]:
    return {"ticketId": links.ticket_id, "whatsappUrl": links.whatsapp_url, "publicUrl": links.public_url}


def ticket_opened(links: TicketLinks, ticket: Ticket, stage: Stage) -> dict[str, Any]:
    return {"ok": True, **ticket_links(links), "ticket": public_ticket(ticket), "stage": stage}


def erased(e: Erasure) -> dict[str, Any]:
    return {"ok": True, "erased": {"sessions": e.sessions, "transcripts": e.transcripts, "images": e.images,
                                   "ticketsAnonymised": e.tickets}}


def upload(r: ImageRecord) -> dict[str, Any]:
    return {"ok": True, "imageId": r.image_id, "status": r.status, "statusUrl": f"/api/upload-image/{r.image_id}"}


def smart_status(s: SmartStatus) -> dict[str, Any]:
    """Smart mode as `/api/health` reports it."""
    return {"enabled": s.enabled, "configured": s.configured, "active": s.active,
            "circuitState": s.circuit_state.value}


def smart_mode(s: SmartStatus) -> dict[str, Any]:
    """The answer of `/api/smart-mode`, read or flipped."""
    return {"ok": True, **smart_status(s)}
