"""The customer's rights over their data: see everything kept about their session, and erase it."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from stichat.domain.conversation import Conversation
from stichat.domain.errors import CsrfFailed, SessionNotFound
from stichat.domain.tickets import Ticket
from stichat.domain.transcript import TranscriptEntry
from stichat.ports import Clock, ImageFiles, SessionLocks, SessionStore, TicketStore, TranscriptStore
from stichat.services.chat import check_session_id

log = logging.getLogger("stichat.privacy")


@dataclass(frozen=True)
class Export:
    """Everything kept about one session (web/views.py writes it as the API's JSON)."""

    session_id: str
    conversation: Conversation
    transcript: list[TranscriptEntry]
    tickets: list[Ticket]


@dataclass(frozen=True)
class Erasure:
    """What one erasure removed (or, for tickets, anonymised)."""

    sessions: int
    transcripts: int
    images: int
    tickets: int

    def counts(self) -> dict[str, int]:
        """The figures as log fields."""
        return {"sessions": self.sessions, "transcripts": self.transcripts, "images": self.images,
                "tickets": self.tickets}


class PrivacyService:
    def __init__(self, *, sessions: SessionStore, locks: SessionLocks, transcripts: TranscriptStore,
                 tickets: TicketStore, images: ImageFiles, clock: Clock) -> None:
        self._sessions, self._locks, self._transcripts = sessions, locks, transcripts
        self._tickets, self._images, self._clock = tickets, images, clock

    async def _owned(self, session_id: str, csrf: str | None, browser: bool) -> Conversation:
        found = await self._sessions.load(session_id, now=self._clock.now())
        if found is None:
            raise SessionNotFound("unknown or expired session")
        conversation, token = found
        if browser and (csrf is None or not secrets.compare_digest(token.encode(), csrf.encode())):
            raise CsrfFailed("missing or wrong X-CSRF-Token")
        return conversation

    async def _tickets_of(self, conversation: Conversation) -> list[Ticket]:
        found = {t.id: t for t in await self._tickets.by_session(conversation.session_id)}
        if conversation.ticket_id and conversation.ticket_id not in found:
            ticket = await self._tickets.load(conversation.ticket_id)
            if ticket is not None and ticket.session_id == conversation.session_id:
                found[ticket.id] = ticket
        return sorted(found.values(), key=lambda t: t.created_at)

    async def export(self, *, session_id: str, csrf: str | None = None, browser: bool = False) -> Export:
        """Everything kept about this session: conversation state (with its image ids), transcript, tickets."""
        async with self._locks.hold(check_session_id(session_id)):
            conversation = await self._owned(session_id, csrf, browser)
            transcript = await self._transcripts.read(session_id)
            tickets = await self._tickets_of(conversation)
        return Export(session_id, conversation, transcript, tickets)

    async def erase(self, *, session_id: str, csrf: str | None = None, browser: bool = False) -> Erasure:
        """Delete the session, its transcript and its images; anonymise its tickets (the shop keeps
        the id, device, problem and status). Under the session lock, so no turn writes in between."""
        async with self._locks.hold(check_session_id(session_id)):
            conversation = await self._owned(session_id, csrf, browser)
            now = self._clock.now()
            images = 0
            for image_id in conversation.images:
                images += int(await self._images.delete(image_id))
            tickets = await self._tickets_of(conversation)
            for ticket in tickets:
                await self._tickets.save(ticket.anonymised(now))
            await self._tickets.forget_session(session_id)
            transcripts = int(await self._transcripts.delete(session_id))
            await self._sessions.delete(session_id)
        erasure = Erasure(sessions=1, transcripts=transcripts, images=images, tickets=len(tickets))
        log.info("privacy_erased", extra=erasure.counts())
        return erasure

    async def erase_by_operator(self, ticket: Ticket) -> Erasure:
        """An erasure an operator was asked for, from a ticket: the session (if it is still there), its
        transcript, the images of the session and the ticket, and every ticket of the session
        anonymised. No CSRF of the customer's: the operator's own session and CSRF were checked."""
        session_id = ticket.session_id
        if not session_id:  # already erased, or typed in by hand: nothing names the customer but this
            await self._tickets.save(ticket.anonymised(self._clock.now()))
            return Erasure(sessions=0, transcripts=0, images=0, tickets=1)
        async with self._locks.hold(check_session_id(session_id)):
            now = self._clock.now()
            found = await self._sessions.load(session_id, now=now)
            tickets = {t.id: t for t in await self._tickets.by_session(session_id)}
            tickets.setdefault(ticket.id, ticket)
            image_ids = {*ticket.images, *(found[0].images if found else ())}
            for other in tickets.values():
                image_ids.update(other.images)
            images = 0
            for image_id in sorted(image_ids):
                images += int(await self._images.delete(image_id))
            for other in tickets.values():
                await self._tickets.save(other.anonymised(now))
            await self._tickets.forget_session(session_id)
            transcripts = int(await self._transcripts.delete(session_id))
            if found is not None:
                await self._sessions.delete(session_id)
        erasure = Erasure(sessions=int(found is not None), transcripts=transcripts, images=images,
                          tickets=len(tickets))
        log.info("privacy_erased", extra={**erasure.counts(), "by": "operator"})
        return erasure
