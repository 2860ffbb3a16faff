"""The dialogue's data: stages, dialogue acts, the conversation's state, events, replies and actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.nlu import Understanding
from stichat.domain.pii import NOTHING, Masked
from stichat.domain.replies import Button


class Stage(StrEnum):
    ASK_CONSENT = "ASK_CONSENT"
    ASK_NAME = "ASK_NAME"
    ASK_PROBLEM = "ASK_PROBLEM"
    ASK_DEVICE = "ASK_DEVICE"
    BASIC_TESTS = "BASIC_TESTS"
    ESCALATE = "ESCALATE"
    ADVANCED_TESTS = "ADVANCED_TESTS"
    TICKET = "TICKET"
    ENDED = "ENDED"
    CLOSED = "CLOSED"


class Kind(StrEnum):
    """What a customer's turn means, once buttons and text are interpreted."""

    LANGUAGE = "language"
    REFUSE = "refuse"
    NAME = "name"
    SKIP_NAME = "skip_name"
    DESCRIBE = "describe"
    DEVICE = "device"
    SOLVED = "solved"
    PERSISTS = "persists"
    HELP = "help"
    SHOW_STEPS = "show_steps"
    ADVANCED = "advanced"
    TECHNICIAN = "technician"
    REPHRASE = "rephrase"
    CLOSE = "close"
    GREETING = "greeting"
    THANKS = "thanks"
    FRUSTRATION = "frustration"
    UNCLEAR = "unclear"
    CANT_DO = "cant_do"
    QUESTION = "question"
    SHOP = "shop"
    COMPLAINT = "complaint"
    ANOTHER_PROBLEM = "another_problem"
    NEXT_PROBLEM = "next_problem"
    CHANGE_DEVICE = "change_device"
    AFFIRM = "affirm"
    PROBLEM = "problem"
    RESET = "reset"
    WHATSAPP = "whatsapp"  # the widget's WhatsApp button: a ticket without leaving the stage's flow


@dataclass(frozen=True)
class Conversation:
    """One customer's conversation. Text fields hold masked text only."""

    session_id: str
    created_at: float
    locale: str = "es-AR"
    stage: Stage = Stage.ASK_CONSENT
    name: str | None = None
    device: str | None = None
    problem: str | None = None
    description: str = ""
    device_candidates: tuple[str, ...] = ()
    levels_tried: tuple[str, ...] = ()
    unclear: int = 0
    ticket_id: str | None = None
    ticket_problem: str | None = None
    pii_warned: bool = False
    images: tuple[str, ...] = ()
    turns: int = 0
    updated_at: float = 0.0
    #: What happened at single steps: "basic:2:cant_do" (the customer could not do basic step 2).
    step_notes: tuple[str, ...] = ()
    #: Questions the customer typed (masked), for the technician's ticket.
    questions: tuple[str, ...] = ()
    #: A second problem the customer mentioned (masked text), offered once the first is done.
    pending: str = ""
    #: The last reply's text: a reply is never sent twice in a row word for word.
    last_reply: str = ""
    #: Why a ticket was opened: "asked" (the customer asked for a person), "complaint", "unsolved".
    ticket_reason: str = ""
    #: What the customer already did ("cable", "restart"…): the steps shown leave those out.
    done: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        # Every field is a str, number, None or a flat tuple of str: a plain copy is enough (asdict walks
        # and deep-copies every value, a measurable share of a chat turn), and JSON writes tuples as lists.
        data = {name: getattr(self, name) for name in _CONVERSATION_FIELDS}
        data["stage"] = self.stage.value
        return data

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Conversation:
        data = dict(raw)
        data["stage"] = Stage(data["stage"])
        for key in ("device_candidates", "levels_tried", "images", "step_notes", "questions", "done"):
            data[key] = tuple(data.get(key, ()))
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    @property
    def consented(self) -> bool:
        return self.stage not in (Stage.ASK_CONSENT, Stage.CLOSED)

    @property
    def current_ticket(self) -> str | None:
        """The ticket already opened for the problem being discussed: asking again reuses it."""
        return self.ticket_id if self.ticket_id and self.ticket_problem == self.problem else None


_CONVERSATION_FIELDS = tuple(f.name for f in fields(Conversation))


@dataclass(frozen=True)
class Event:
    kind: Kind
    value: str | None = None
    step: int | None = None
    heard: Understanding = field(default_factory=Understanding)
    #: What the customer typed, masked: the only form in which it reaches the conversation and the stores.
    text: Masked = NOTHING
    button: str | None = None
    had_pii: bool = False


@dataclass(frozen=True)
class Context:
    kb: KnowledgeBase
    now: float
    #: A fresh, collision-checked ticket id; the service makes one only for a turn that may open a
    #: ticket (`needs_new_ticket`), so ordinary turns touch no ticket storage.
    new_ticket_id: str | None = None


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = ()
    steps: tuple[tuple[int, str], ...] | None = None


@dataclass(frozen=True)
class OpenTicket:
    ticket_id: str


@dataclass(frozen=True)
class Finished:
    outcome: str  # solved, ticket, abandoned, refused


@dataclass(frozen=True)
class ExplainStep:
    """Smart mode may add to the shop's help text for step `number`, answering `question` (masked)."""

    number: int
    question: str


@dataclass(frozen=True)
class SuggestSteps:
    """Smart mode may add a few safe checks where the knowledge base has only the generic set."""


Action = OpenTicket | Finished | ExplainStep | SuggestSteps


@dataclass(frozen=True)
class Outcome:
    conversation: Conversation
    reply: Reply
    actions: tuple[Action, ...] = ()


Handler = Callable[[Conversation, Event, Context], Outcome]


@dataclass(frozen=True)
class Rule:
    """One row of the table: the handler and the stages it may lead to (for the docs' diagram)."""

    handler: Handler
    targets: tuple[Stage, ...]


