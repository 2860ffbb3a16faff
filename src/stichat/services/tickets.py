"""Opening tickets from conversations, and showing them through their links."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import quote

from stichat.domain.conversation import Conversation
from stichat.domain.errors import TicketIdsExhausted, TicketNotFound
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.pii import mask
from stichat.domain.prompts import steps_for
from stichat.domain.ticket_summary import summarize_steps, summary_paragraph
from stichat.domain.tickets import (
    ID_ALPHABET,
    Ticket,
    is_ticket_id,
    make_ticket_id,
    reply_text,
    whatsapp_text,
    whatsapp_url,
)
from stichat.ports import Clock, ConversationMetrics, TicketStore
from stichat.services.links import LinkSigner

DAY = 86400.0


@dataclass(frozen=True)
class TicketLinks:
    ticket_id: str
    whatsapp_url: str
    public_url: str


class TicketService:
    def __init__(self, *, store: TicketStore, kb: KnowledgeBase, clock: Clock, signer: LinkSigner,
                 metrics: ConversationMetrics, public_base_url: str, whatsapp_number: str, link_ttl_days: int) -> None:
        self._store, self._kb, self._clock, self._signer = store, kb, clock, signer
        self._metrics = metrics
        self._base = public_base_url
        self._number = whatsapp_number
        self._ttl = link_ttl_days * DAY

    async def new_id(self) -> str:
        """A fresh `TCK-YYYYMMDD-XXXXXX`, checked against the tickets already on disk."""
        now = self._clock.now()
        for _ in range(8):
            candidate = make_ticket_id(now, "".join(secrets.choice(ID_ALPHABET) for _ in range(6)))
            if not await self._store.exists(candidate):
                return candidate
        raise TicketIdsExhausted()  # 32^6 ids a day: only a broken store gets here

    def build(self, conversation: Conversation, ticket_id: str) -> Ticket:
        c, kb, loc = conversation, self._kb, conversation.locale
        now = self._clock.now()
        step_texts = {
            level: [s.text_in(loc) for s in steps_for(c, kb, level)]
            for level in ("basic", "advanced")
        }
        device_label, problem_label = kb.device_label(c.device, loc), kb.problem_label(c.problem, loc)
        reason = c.ticket_reason or "asked"
        summary = summary_paragraph(
            locale=loc, name=c.name, device_label=device_label, problem_label=problem_label,
            levels_tried=c.levels_tried, notes=c.step_notes, questions=c.questions, reason=reason,
            counts={level: len(texts) for level, texts in step_texts.items()}, texts=kb.texts)
        return Ticket(
            id=ticket_id, created_at=now, session_id=c.session_id, locale=loc, name=c.name,
            device=c.device, problem=c.problem, device_label=device_label, problem_label=problem_label,
            description=c.description,
            steps_tried=summarize_steps(c.levels_tried, step_texts, loc, c.step_notes, texts=kb.texts),
            images=c.images, link_expires_at=now + self._ttl, summary=mask(summary), questions=c.questions,
            reason=reason,
        )

    def build_from_fields(self, ticket_id: str, *, name: str | None, device: str, problem: str, description: str,
                          locale: str, session_id: str = "manual") -> Ticket:
        """A ticket typed in by an operator (when automatic creation failed); masked like any other."""
        now = self._clock.now()
        return Ticket(
            id=ticket_id, created_at=now, session_id=session_id, locale=locale,
            name=mask(name.strip()) if name and name.strip() else None, device=device, problem=problem,
            device_label=self._kb.device_label(device, locale), problem_label=self._kb.problem_label(problem, locale),
            description=mask(description.strip()), link_expires_at=now + self._ttl, extra={"source": "manual"},
            reason="manual",
        )

    async def create_from_fields(self, *, name: str | None, device: str, problem: str, description: str,
                                 locale: str) -> Ticket:
        """Build (see `build_from_fields`) under a fresh, collision-checked id and write it atomically."""
        ticket = self.build_from_fields(await self.new_id(), name=name, device=device, problem=problem,
                                        description=description, locale=locale)
        await self._store.save(ticket)
        self._metrics.ticket_opened()
        return ticket

    async def ensure(self, conversation: Conversation, ticket_id: str) -> Ticket:
        """The ticket with this id, written now from the conversation if it does not exist yet."""
        existing = await self._store.load(ticket_id)
        if existing is not None:
            return existing
        ticket = self.build(conversation, ticket_id)
        await self._store.save(ticket)
        self._metrics.ticket_opened()
        return ticket

    def links(self, ticket: Ticket) -> TicketLinks:
        token = self._signer.token(ticket.id, ticket.link_expires_at)
        public = f"{self._base}/ticket/{ticket.id}?t={quote(token)}"
        text = whatsapp_text(ticket, public, self._kb.texts)
        return TicketLinks(ticket.id, whatsapp_url(self._number, text), public)

    def reply_url(self, ticket: Ticket) -> str:
        """A WhatsApp link with no number (WhatsApp asks which chat) and an operator's first answer in the
        customer's language that names the ticket: the customer's own message carries the same id."""
        return f"https://wa.me/?text={quote(reply_text(ticket, self._kb.texts), safe='')}"

    async def by_link(self, ticket_id: str, token: str | None) -> Ticket:
        if not is_ticket_id(ticket_id):
            raise TicketNotFound()
        self._signer.check(ticket_id, token, now=self._clock.now())
        ticket = await self._store.load(ticket_id)
        if ticket is None:
            raise TicketNotFound()
        return ticket

    async def list_ids(self) -> list[str]:
        return await self._store.list_ids()

    async def by_operator(self, ticket_id: str) -> Ticket:
        ticket = await self._store.load(ticket_id) if is_ticket_id(ticket_id) else None
        if ticket is None:
            raise TicketNotFound()
        return ticket
