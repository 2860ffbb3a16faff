"""Tickets: the id format, the model, the readable text and the WhatsApp message."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from stichat.domain.errors import InvalidTicketSuffix
from stichat.domain.replies import Catalog

ERASED = "[erased]"  # what erasure leaves in a ticket's free-text fields
ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
TICKET_ID = re.compile(r"^TCK-\d{8}-[A-Z0-9]{6}$")


def make_ticket_id(at: float, suffix: str) -> str:
    """`TCK-YYYYMMDD-XXXXXX` with the UTC date of `at` and a random six-character suffix."""
    if len(suffix) != 6 or any(c not in ID_ALPHABET for c in suffix):
        raise InvalidTicketSuffix(f"the suffix must be six characters of ID_ALPHABET, not {suffix!r}")
    return f"TCK-{datetime.fromtimestamp(at, UTC):%Y%m%d}-{suffix}"


def is_ticket_id(value: str) -> bool:
    return bool(TICKET_ID.match(value))


@dataclass(frozen=True)
class Ticket:
    """A request for a human technician, built from a conversation; text fields are masked."""

    id: str
    created_at: float
    session_id: str
    locale: str
    name: str | None
    device: str | None
    problem: str | None
    device_label: str
    problem_label: str
    description: str
    steps_tried: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    #: One readable paragraph for the technician (masked like every other text field).
    summary: str = ""
    #: Questions the customer typed during the conversation (masked).
    questions: tuple[str, ...] = ()
    #: Why a person was asked for: "asked", "complaint", "unsolved", "manual".
    reason: str = ""
    status: str = "open"
    link_expires_at: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["steps_tried"] = list(self.steps_tried)
        data["images"] = list(self.images)
        data["questions"] = list(self.questions)
        return data

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Ticket:
        return cls(
            id=str(raw["id"]), created_at=float(raw["created_at"]), session_id=str(raw["session_id"]),
            locale=str(raw.get("locale", "es-AR")), name=raw.get("name"), device=raw.get("device"),
            problem=raw.get("problem"), device_label=str(raw.get("device_label", "")),
            problem_label=str(raw.get("problem_label", "")), description=str(raw.get("description", "")),
            steps_tried=tuple(raw.get("steps_tried", ())), images=tuple(raw.get("images", ())),
            status=str(raw.get("status", "open")), link_expires_at=float(raw.get("link_expires_at", 0.0)),
            extra=dict(raw.get("extra", {})), summary=str(raw.get("summary", "")),
            questions=tuple(raw.get("questions", ())), reason=str(raw.get("reason", "")),
        )

    def anonymised(self, at: float) -> Ticket:
        """The ticket after the customer's erasure: no name, description or session; the shop keeps the
        id, device, problem, status and steps so its records stay consistent."""
        return replace(self, name=None, description=ERASED, session_id="", images=(), summary=ERASED, questions=(),
                       extra={**self.extra, "erased_at": iso_utc(at)})

    def as_text(self) -> str:
        lines = [
            f"Ticket {self.id}",
            f"Creado / Created: {iso_utc(self.created_at)}",
            f"Estado / Status: {self.status}",
            f"Idioma / Language: {self.locale}",
            f"Cliente / Customer: {self.name or '-'}",
            f"Equipo / Device: {self.device_label} ({self.device or 'unknown'})",
            f"Problema / Problem: {self.problem_label} ({self.problem or 'unknown'})",
            f"Resumen / Summary: {self.summary or '-'}",
            "En sus palabras / In their words:",
            *[f"  {line}" for line in (self.description or "-").splitlines()],
            "Pasos probados / Steps tried:",
            *[f"  - {s}" for s in self.steps_tried or ("-",)],
            "Preguntas / Questions:",
            *[f"  - {q}" for q in self.questions or ("-",)],
            f"Imágenes / Images: {len(self.images)}",
            f"Sesión / Session: {self.session_id or '-'}",
        ]
        return "\n".join(lines) + "\n"


def iso_utc(at: float) -> str:
    """`2026-12-07T20:54:35Z`: how tickets and the API write a moment."""
    return datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def whatsapp_text(ticket: Ticket, public_url: str, texts: Catalog) -> str:
    """The prefilled WhatsApp message, in the customer's language (``whatsapp_*`` in the locale files)."""
    loc, summary = ticket.locale, ticket.summary or ticket.description
    parts = [
        texts.say("whatsapp_hello_name", loc, name=ticket.name) if ticket.name else texts.say("whatsapp_hello", loc),
        texts.say("whatsapp_ticket", loc, ticket=ticket.id),
        texts.say("whatsapp_subject", loc, device=ticket.device_label, problem=ticket.problem_label),
        texts.say("whatsapp_summary", loc, summary=summary) if summary else "",
        texts.say("whatsapp_link", loc, url=public_url),
    ]
    return "\n".join(p for p in parts if p)


def reply_text(ticket: Ticket, texts: Catalog) -> str:
    """An operator's first WhatsApp answer to the customer, naming the ticket (``whatsapp_reply*``)."""
    if ticket.name:
        return texts.say("whatsapp_reply_name", ticket.locale, name=ticket.name, ticket=ticket.id)
    return texts.say("whatsapp_reply", ticket.locale, ticket=ticket.id)


def whatsapp_url(number: str, text: str) -> str:
    return f"https://wa.me/{number}?text={quote(text, safe='')}"
