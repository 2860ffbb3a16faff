"""The chat use cases: greet, validate, take a turn, reset. Load → domain → actions → save."""

from __future__ import annotations

import base64
import logging
import re
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace

from stichat.domain import conversation as conv
from stichat.domain import turns
from stichat.domain.conversation import (
    Conversation,
    Event,
    ExplainStep,
    Finished,
    OpenTicket,
    Reply,
    Stage,
    SuggestSteps,
)
from stichat.domain.errors import CsrfFailed, InvalidSessionId, MessageTooLong, SessionNotFound, TooManyImages
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.nlu import understand
from stichat.domain.pii import mask
from stichat.domain.prompts import steps_for
from stichat.domain.smart import with_photo
from stichat.domain.transcript import TranscriptEntry
from stichat.ports import (
    Activity,
    Analyzer,
    Clock,
    ConversationMetrics,
    ImageRecords,
    SessionLocks,
    SessionStore,
    TranscriptStore,
)
from stichat.services.tickets import TicketLinks, TicketService

log = logging.getLogger("stichat.chat")
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
MAX_MESSAGE = 2000


@dataclass(frozen=True)
class Turn:
    """What a turn produced: the conversation after it, the reply, the ticket links if any."""

    conversation: Conversation
    reply: Reply
    csrf_token: str = ""
    ticket: TicketLinks | None = None
    expires_at: float = 0.0


def new_session_tokens() -> tuple[str, str]:
    """A new session's id and CSRF token: 192 random bits each, 32 characters, from one read of the
    system's random source (a read each cost a greeting a second getrandom call)."""
    both = base64.urlsafe_b64encode(secrets.token_bytes(48)).decode()
    return both[:32], both[32:]  # 24 bytes make exactly 32 characters: the halves share no bits


def check_session_id(session_id: object) -> str:
    if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
        raise InvalidSessionId("sessionId must be the id given by /api/greeting")
    return session_id


class ChatService:
    def __init__(self, *, sessions: SessionStore, locks: SessionLocks, transcripts: TranscriptStore,
                 tickets: TicketService, kb: KnowledgeBase, clock: Clock, metrics: ConversationMetrics,
                 session_ttl_hours: int, analyzer: Analyzer | None = None,
                 photos: ImageRecords | None = None, activity: Activity | None = None) -> None:
        self._sessions, self._locks, self._transcripts = sessions, locks, transcripts
        self._analyzer, self._photos, self._activity = analyzer, photos, activity
        self._tickets, self._kb, self._clock, self._metrics = tickets, kb, clock, metrics
        self._ttl = session_ttl_hours * 3600.0

    async def greet(self, *, locale: str) -> Turn:
        now = self._clock.now()
        session_id, csrf = new_session_tokens()
        conversation, reply = conv.start(session_id, locale=locale, now=now, kb=self._kb)
        await self._sessions.create(conversation, csrf_token=csrf, expires_at=now + self._ttl)
        # No transcript yet: the greeting's line is written with the first turn (`_transcribe`), so a
        # conversation that never starts keeps no file; creating the file was most of a greeting's cost.
        self._metrics.stage_reached(Stage.ASK_CONSENT.value)
        self._count("started", now)
        self._count(f"stage:{Stage.ASK_CONSENT.value}", now)
        return Turn(conversation, reply, csrf, expires_at=now + self._ttl)

    async def load(self, session_id: str) -> tuple[Conversation, str]:
        found = await self._sessions.load(check_session_id(session_id), now=self._clock.now())
        if found is None:
            raise SessionNotFound("unknown or expired session")
        return found

    async def validate(self, session_id: object) -> Turn | None:
        if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
            return None
        # Under the session's lock: sliding the expiry saves the conversation, and a turn running at the
        # same moment must not be overwritten by the copy loaded here.
        async with self._locks.hold(session_id):
            found = await self._sessions.load(session_id, now=self._clock.now())
            if found is None:
                return None
            conversation, csrf = found
            expires = self._clock.now() + self._ttl
            await self._sessions.save(conversation, expires_at=expires)  # validating is activity: slide
        return Turn(conversation, conv.prompt(conversation, self._kb), csrf, expires_at=expires)

    @asynccontextmanager
    async def locked(self, session_id: str, *, csrf: str | None = None,
                     browser: bool = False) -> AsyncIterator[tuple[Conversation, str]]:
        """The session's lock held, its conversation and CSRF token loaded, a browser's token checked."""
        async with self._locks.hold(check_session_id(session_id)):
            conversation, token = await self.load(session_id)
            if browser:
                self.check_csrf(token, csrf)
            yield conversation, token

    def check_csrf(self, csrf: str, presented: str | None) -> None:
        if presented is None or not secrets.compare_digest(csrf.encode(), presented.encode()):
            raise CsrfFailed("missing or wrong X-CSRF-Token")

    async def handle(self, *, session_id: str, message: str | None, action: str | None,
                     csrf: str | None = None, browser: bool = False) -> Turn:
        """One customer turn: a typed message or a button value."""
        if message is not None and len(message) > MAX_MESSAGE:
            raise MessageTooLong(f"at most {MAX_MESSAGE} characters")
        async with self.locked(session_id, csrf=csrf, browser=browser) as (conversation, token):
            event, asked_model = await self._event(conversation, message, action)
            return await self._turn(conversation, event, token, asked_model=asked_model)

    async def _turn(self, conversation: Conversation, event: Event, token: str, *, asked_model: bool) -> Turn:
        """Apply one event under the session's lock, carry out its actions, save, record and count it."""
        now = self._clock.now()
        new_id = await self._tickets.new_id() if conv.needs_new_ticket(conversation, event) else None
        outcome = conv.apply(conversation, event, conv.Context(self._kb, now, new_id))
        after, reply, links = outcome.conversation, outcome.reply, None
        # One model call per turn at most: the turn must end within OPENAI_TIMEOUT plus a margin.
        model_free = not asked_model and self._analyzer is not None
        for act in outcome.actions:
            if isinstance(act, OpenTicket):
                links = self._tickets.links(await self._tickets.ensure(after, act.ticket_id))
            elif isinstance(act, Finished):
                self._metrics.conversation_ended(act.outcome)
                self._count(f"outcome:{act.outcome}", now)
            elif isinstance(act, ExplainStep) and model_free and self._analyzer is not None:
                reply, model_free = await self._explained(self._analyzer, reply, act, after), False
            elif isinstance(act, SuggestSteps) and model_free and self._analyzer is not None:
                reply, model_free = await self._with_suggestions(self._analyzer, reply, after), False
        if links is None and after.ticket_id and after.stage == Stage.TICKET:
            links = self._tickets.links(await self._tickets.ensure(after, after.ticket_id))
        await self._sessions.save(after, expires_at=now + self._ttl)
        await self._transcribe(conversation, [
            TranscriptEntry(now, "customer", conversation.stage.value, event.text, event.button),
            self._bot(after, reply, now),
        ])
        self._metrics.turn_answered()
        # No customer text in the log: names and addresses are not masked, and the log outlives erasure.
        # The transcript keeps what was said; the log keeps what the turn did.
        log.info("chat_turn", extra={"stage_from": conversation.stage.value, "stage_to": after.stage.value,
                                     "kind": event.kind.value, "length": len(event.text),
                                     "device": after.device, "problem": after.problem})
        if after.stage != conversation.stage:
            self._metrics.stage_reached(after.stage.value)
            self._count(f"stage:{after.stage.value}", now)
        return Turn(after, reply, token, links)

    def _count(self, name: str, at: float) -> None:
        """The console's figures of the last 24 hours (in memory; written every few seconds)."""
        if self._activity is not None:
            self._activity.count(name, at)

    async def _event(self, conversation: Conversation, message: str | None,
                     action: str | None) -> tuple[Event, bool]:
        """The turn's event, and whether the model was asked to read it."""
        if action:
            event = turns.button_event(action, self._kb)
            shown = mask(message if message else event.button or "")  # a button value has nothing to hide
            return replace(event, text=shown), False
        text = (message or "").strip()
        masked = mask(text)  # nothing past this line, the LLM included, ever sees the raw text
        heard = understand(masked)
        if conversation.images and conversation.stage in (Stage.ASK_PROBLEM, Stage.ASK_DEVICE):
            heard = with_photo(heard, await self._photo_reading(conversation))
        asked = self._analyzer is not None and turns.rules_unsure(conversation, heard)
        if self._analyzer is not None and asked:
            heard = await self._analyzer.understand(masked, conversation, heard) or heard
        return turns.text_event(conversation, masked, heard, kb=self._kb, had_pii=masked != text), asked

    async def _explained(self, analyzer: Analyzer, reply: Reply, act: ExplainStep, after: Conversation) -> Reply:
        """Smart mode answers a question typed about a step; the shop's own help text stays first."""
        steps = steps_for(after, self._kb, conv.level_of(after))
        if not 1 <= act.number <= len(steps):
            return reply
        extra = await analyzer.explain(question=act.question, step=steps[act.number - 1], number=act.number,
                                       conversation=after)
        return replace(reply, text=f"{reply.text}\n💡 {extra}") if extra else reply

    async def _with_suggestions(self, analyzer: Analyzer, reply: Reply, after: Conversation) -> Reply:
        """Smart mode adds a few safe checks where the knowledge base only has the generic set."""
        extra = await analyzer.suggest_steps(conversation=after)
        if not extra:
            return reply
        lines = "\n".join(f"• {step}" for step in extra)
        return replace(reply, text=f"{reply.text}\n{self._kb.texts.say('suggested_steps', after.locale)}\n{lines}")

    async def _photo_reading(self, conversation: Conversation) -> dict[str, object] | None:
        """The newest smart-mode reading among the customer's last photos, if any."""
        if self._photos is None:
            return None
        for image_id in reversed(conversation.images[-3:]):
            record = await self._photos.load(image_id)
            if record is not None and record.analysis:
                return record.analysis
        return None

    async def open_ticket(self, *, session_id: str, csrf: str | None = None, browser: bool = False) -> Turn:
        """The customer asks for a technician outside the chat flow (the WhatsApp button): a turn like any other."""
        async with self.locked(session_id, csrf=csrf, browser=browser) as (conversation, token):
            event = Event(conv.Kind.WHATSAPP, text=mask("BTN_WHATSAPP"), button="BTN_WHATSAPP")
            return await self._turn(conversation, event, token, asked_model=False)

    async def reset(self, *, session_id: str, csrf: str | None = None, browser: bool = False) -> Turn:
        async with self.locked(session_id, csrf=csrf, browser=browser) as (conversation, token):
            now = self._clock.now()
            # Through the table like any turn, so the diagram shows it and apply() keeps its rules.
            outcome = conv.apply(conversation, Event(conv.Kind.RESET, button="BTN_RESET"),
                                 conv.Context(self._kb, now))
            fresh, reply = outcome.conversation, outcome.reply
            await self._sessions.save(fresh, expires_at=now + self._ttl)
            await self._transcribe(conversation, [self._bot(fresh, reply, now)])
        return Turn(fresh, reply, token)

    async def attach_image(self, session_id: str, image_id: str, *, max_images: int) -> Conversation:
        """Add a photo to the conversation, under its lock so two uploads cannot both pass the cap."""
        async with self.locked(session_id) as (conversation, _):
            if len(conversation.images) >= max_images:
                raise TooManyImages(f"at most {max_images} images", retry_after=3600)
            after = replace(conversation, images=(*conversation.images, image_id))
            await self._sessions.save(after, expires_at=self._clock.now() + self._ttl)
        return after

    async def detach_image(self, session_id: str, image_id: str) -> None:
        """Take back a photo that could not be queued or recorded, so it does not count against the cap."""
        async with self.locked(session_id) as (conversation, _):
            if image_id in conversation.images:
                after = replace(conversation, images=tuple(i for i in conversation.images if i != image_id))
                await self._sessions.save(after, expires_at=self._clock.now() + self._ttl)

    async def _transcribe(self, before: Conversation, entries: list[TranscriptEntry]) -> None:
        """Append a turn's lines to the transcript. Before the first turn nothing is written yet: the
        greeting's line goes first, with the greeting's own time."""
        if before.turns == 0:
            greeting = TranscriptEntry(before.created_at, "bot", before.stage.value, mask(before.last_reply))
            entries = [greeting, *entries]
        await self._transcripts.append(before.session_id, entries)

    async def transcript(self, session_id: str) -> list[TranscriptEntry]:
        return await self._transcripts.read(check_session_id(session_id))

    @staticmethod
    def _bot(conversation: Conversation, reply: Reply, now: float) -> TranscriptEntry:
        return TranscriptEntry(now, "bot", conversation.stage.value, mask(reply.text))
