"""The console's use cases: the queue, one ticket with everything about it, status changes with
optimistic concurrency, internal notes, the figures of the last 24 hours and an erasure request."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from stichat.domain.desk import (
    MAX_NOTE,
    AuditEntry,
    DeskState,
    Note,
    QueueItem,
    QueueQuery,
    check_status,
)
from stichat.domain.errors import EmptyNote, NoteTooLong, TicketNotFound
from stichat.domain.pii import mask
from stichat.domain.tickets import Ticket, is_ticket_id
from stichat.domain.transcript import TranscriptEntry
from stichat.ports import Activity, Clock, TicketDesk, TicketStore, TranscriptStore
from stichat.services.privacy import Erasure, PrivacyService
from stichat.services.tickets import TicketService

log = logging.getLogger("stichat.console")
DAY = 86400.0
#: The stages of the funnel the figures draw, in the order a conversation reaches them.
FUNNEL = ("ASK_CONSENT", "ASK_NAME", "ASK_PROBLEM", "BASIC_TESTS", "ADVANCED_TESTS", "TICKET", "ENDED")


@dataclass(frozen=True)
class TicketView:
    ticket: Ticket
    state: DeskState
    transcript: list[TranscriptEntry]
    notes: list[Note]
    audit: list[AuditEntry]
    customer_url: str
    reply_url: str


@dataclass(frozen=True)
class DeskFigures:
    """The last 24 hours, as the console's overview draws them."""

    conversations: int  # started
    tickets_by_status: Mapping[str, int]  # tickets opened, by their status now
    solved: int  # ended solved, without a technician
    solved_rate: float | None  # of the conversations that ended, to 3 places; None when none ended
    funnel: tuple[tuple[str, int], ...]  # (stage, conversations that reached it), in FUNNEL's order

    @property
    def tickets(self) -> int:
        return sum(self.tickets_by_status.values())


class DeskService:
    def __init__(self, *, desk: TicketDesk, store: TicketStore, tickets: TicketService,
                 transcripts: TranscriptStore, privacy: PrivacyService, activity: Activity, clock: Clock) -> None:
        self._desk, self._store, self._tickets, self._transcripts = desk, store, tickets, transcripts
        self._privacy, self._activity, self._clock = privacy, activity, clock

    async def queue(self, query: QueueQuery) -> list[QueueItem]:
        return await self._desk.queue(query)

    async def _ticket(self, ticket_id: str) -> Ticket:
        ticket = await self._store.load(ticket_id) if is_ticket_id(ticket_id) else None
        if ticket is None:
            raise TicketNotFound()
        return ticket

    async def view(self, ticket_id: str) -> TicketView:
        ticket = await self._ticket(ticket_id)
        state = await self._desk.state(ticket_id)
        if state is None:  # pragma: no cover - the row was just read
            raise TicketNotFound()
        transcript = await self._transcripts.read(ticket.session_id) if ticket.session_id else []
        return TicketView(ticket=ticket, state=state, transcript=transcript, notes=await self._desk.notes(ticket_id),
                          audit=await self._desk.audit(ticket_id=ticket_id),
                          customer_url=self._tickets.links(ticket).whatsapp_url,
                          reply_url=self._tickets.reply_url(ticket))

    async def change_status(self, ticket_id: str, status: object, *, version: int, actor: str) -> DeskState:
        new_status = check_status(status)
        await self._ticket(ticket_id)
        state = await self._desk.change_status(ticket_id, new_status, expected_version=version, actor=actor,
                                               at=self._clock.now())
        await self._mirror(ticket_id)
        log.info("console_status_changed", extra={"ticket_id": ticket_id, "operator": actor, "status": new_status})
        return state

    async def _mirror(self, ticket_id: str) -> None:
        ticket = await self._store.load(ticket_id)
        if ticket is not None:
            await self._store.save(ticket)  # the .json/.txt say the new status too

    async def add_note(self, ticket_id: str, text: object, *, actor: str, version: int | None = None) -> DeskState:
        if not isinstance(text, str) or not text.strip():
            raise EmptyNote()
        if len(text) > MAX_NOTE:
            raise NoteTooLong(f"at most {MAX_NOTE} characters")
        await self._ticket(ticket_id)
        # Notes are written by people about people: masked like everything else that is kept.
        state = await self._desk.add_note(Note(ticket_id, self._clock.now(), actor, mask(text.strip())),
                                          expected_version=version)
        log.info("console_note_added", extra={"ticket_id": ticket_id, "operator": actor})
        return state

    async def figures(self) -> DeskFigures:
        """The last 24 hours: conversations, tickets, solved rate and the funnel."""
        since = self._clock.now() - DAY
        counts = await self._activity.totals(since)
        solved = counts.get("outcome:solved", 0)
        finished = sum(v for k, v in counts.items() if k.startswith("outcome:"))
        by_status = await self._desk.count_since(since)
        return DeskFigures(conversations=counts.get("started", 0), tickets_by_status=by_status, solved=solved,
                           solved_rate=round(solved / finished, 3) if finished else None,
                           funnel=tuple((stage, counts.get(f"stage:{stage}", 0)) for stage in FUNNEL))

    async def erase(self, ticket_id: str, *, actor: str) -> Erasure:
        """The customer of this ticket asked to be forgotten (by phone, at the counter, on WhatsApp)."""
        ticket = await self._ticket(ticket_id)
        erasure = await self._privacy.erase_by_operator(ticket)
        await self._desk.record(AuditEntry(self._clock.now(), actor, "erasure", ticket_id,
                                           f"{erasure.tickets} ticket(s), {erasure.transcripts} transcript(s), "
                                           f"{erasure.images} image(s)"))
        return erasure

    async def record(self, actor: str, action: str, detail: str = "") -> None:
        await self._desk.record(AuditEntry(self._clock.now(), actor, action, detail=detail))

    async def latest_change(self, ticket_id: str) -> str | None:
        """Who changed the ticket last (for the message of a refused, stale change)."""
        entries = await self._desk.audit(ticket_id=ticket_id, limit=1)
        return entries[0].actor if entries else None

    async def audit(self, limit: int = 100) -> list[AuditEntry]:
        return await self._desk.audit(limit=limit)


