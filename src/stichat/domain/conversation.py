"""The conversation: stages, events, the transition table and `apply()`.

Sans-I/O: `apply(conversation, event, context)` returns the next conversation, the reply and the
actions the service must carry out (open a ticket, count an outcome). Time, the knowledge base and
the id of a ticket that may be opened all come in through `Context`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any

from stichat.domain.errors import Unprocessable
from stichat.domain.knowledge import KnowledgeBase, Level
from stichat.domain.nlu import Intent, Understanding, extract_name
from stichat.domain.replies import Button, button, device_button, help_button, say


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
    ACCEPT = "accept"
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

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["stage"] = self.stage.value
        return data

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Conversation:
        data = dict(raw)
        data["stage"] = Stage(data["stage"])
        for key in ("device_candidates", "levels_tried", "images"):
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


@dataclass(frozen=True)
class Event:
    kind: Kind
    value: str | None = None
    step: int | None = None
    heard: Understanding = field(default_factory=Understanding)
    text: str = ""
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
    reuse: bool


@dataclass(frozen=True)
class Finished:
    outcome: str  # solved, ticket, abandoned, refused


Action = OpenTicket | Finished


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


# --- interpreting a turn ---------------------------------------------------------------------------

_SIMPLE_BUTTONS = {
    "BTN_LANG_ES_AR": (Kind.LANGUAGE, "es-AR"),
    "BTN_LANG_EN": (Kind.LANGUAGE, "en"),
    "BTN_CONSENT_NO": (Kind.REFUSE, None),
    "BTN_NO_NAME": (Kind.SKIP_NAME, None),
    "BTN_SOLVED": (Kind.SOLVED, None),
    "BTN_PERSIST": (Kind.PERSISTS, None),
    "BTN_BACK_TO_STEPS": (Kind.SHOW_STEPS, None),
    "BTN_ADVANCED_TESTS": (Kind.ADVANCED, None),
    "BTN_CONNECT_TECH": (Kind.TECHNICIAN, None),
    "BTN_REPHRASE": (Kind.REPHRASE, None),
    "BTN_CLOSE": (Kind.CLOSE, None),
}
MAX_HELP_STEP = 20


def button_event(value: str, kb: KnowledgeBase) -> Event:
    """The event a button value stands for; an unknown value is a 422."""
    if value in _SIMPLE_BUTTONS:
        kind, arg = _SIMPLE_BUTTONS[value]
        return Event(kind, value=arg, button=value)
    if value.startswith("BTN_DEV_"):
        device = value.removeprefix("BTN_DEV_").lower()
        if device in kb.device_labels:
            return Event(Kind.DEVICE, value=device, button=value)
    if value.startswith("BTN_HELP_"):
        number = value.removeprefix("BTN_HELP_")
        if number.isdigit() and 1 <= int(number) <= MAX_HELP_STEP:
            return Event(Kind.HELP, step=int(number), button=value)
    raise Unprocessable("unknown_button", detail=f"unknown button value {value[:40]!r}")


# Intents in the order they win when a message says several things.
_INTENT_ORDER = (
    (Intent.CLOSE, Kind.CLOSE), (Intent.TECHNICIAN, Kind.TECHNICIAN), (Intent.FRUSTRATION, Kind.FRUSTRATION),
    (Intent.REPHRASE, Kind.REPHRASE), (Intent.HELP, Kind.HELP), (Intent.SHOW_STEPS, Kind.SHOW_STEPS),
    (Intent.SOLVED, Kind.SOLVED), (Intent.PERSISTS, Kind.PERSISTS), (Intent.ADVANCED, Kind.ADVANCED),
)


def text_event(conversation: Conversation, text: str, heard: Understanding, *, had_pii: bool = False) -> Event:
    """Interpret free text in the light of the stage it arrives at."""
    stage, intents = conversation.stage, heard.intents

    def ev(kind: Kind, value: str | None = None, step: int | None = None) -> Event:
        return Event(kind, value=value, step=step, heard=heard, text=text, had_pii=had_pii)

    if stage in (Stage.ASK_CONSENT, Stage.CLOSED):
        # A refusal is never read as consent: "no acepto" says both "no" and "acepto".
        if Intent.NO in intents:
            return ev(Kind.REFUSE)
        if Intent.YES in intents:
            return ev(Kind.LANGUAGE, "en" if heard.language == "en" else conversation.locale)
        return ev(Kind.UNCLEAR)
    if stage == Stage.ASK_NAME:
        if intents & {Intent.CLOSE, Intent.TECHNICIAN}:
            return ev(Kind.CLOSE if Intent.CLOSE in intents else Kind.TECHNICIAN)
        name = extract_name(text)
        if name:
            return ev(Kind.NAME, name)
        if heard.problem or heard.device or heard.device_candidates:
            return ev(Kind.DESCRIBE)
        if Intent.NO in intents:
            return ev(Kind.SKIP_NAME)
        return ev(Kind.UNCLEAR)
    for intent, kind in _INTENT_ORDER:
        if intent in intents and kind in TRANSITIONS[stage]:
            return ev(kind, step=heard.step)
    if stage in (Stage.ASK_PROBLEM, Stage.ASK_DEVICE):
        if stage == Stage.ASK_DEVICE and heard.device:
            return ev(Kind.DEVICE, heard.device)
        if heard.problem or heard.device or heard.device_candidates:
            return ev(Kind.DESCRIBE)
        if stage == Stage.ASK_PROBLEM and len(text.split()) >= 2 and not intents:
            return ev(Kind.DESCRIBE)  # a description the rules cannot place: _describe decides
    if stage in (Stage.BASIC_TESTS, Stage.ADVANCED_TESTS):
        if Intent.YES in intents:
            return ev(Kind.SOLVED)
        if Intent.NO in intents:
            return ev(Kind.PERSISTS)
    if stage == Stage.ESCALATE and Intent.YES in intents:
        return ev(Kind.ADVANCED)
    if Intent.THANKS in intents:
        return ev(Kind.THANKS)
    if Intent.GREETING in intents:
        return ev(Kind.GREETING)
    return ev(Kind.UNCLEAR)


UNSURE_BELOW = 0.5


def rules_unsure(conversation: Conversation, heard: Understanding) -> bool:
    """Whether smart mode should be asked: the rules placed nothing useful where it matters."""
    if conversation.stage in (Stage.ASK_PROBLEM, Stage.ASK_DEVICE):
        return heard.problem is None or heard.problem_confidence < UNSURE_BELOW or (
            heard.device is None and not heard.device_candidates and conversation.device is None)
    if conversation.stage in (Stage.BASIC_TESTS, Stage.ADVANCED_TESTS, Stage.ESCALATE):
        return not heard.intents and heard.problem is None
    return False


# --- replies for each stage -------------------------------------------------------------------------


def _b(conversation: Conversation, *values: str) -> tuple[Button, ...]:
    return tuple(button(v, conversation.locale) for v in values)


def _named(key: str, conversation: Conversation, **values: object) -> str:
    if conversation.name:
        return say(key, conversation.locale, name=conversation.name, **values)
    return say(f"{key}_anon", conversation.locale, **values)


def _consent_buttons(c: Conversation) -> tuple[Button, ...]:
    return _b(c, "BTN_LANG_ES_AR", "BTN_LANG_EN", "BTN_CONSENT_NO")


def _device_buttons(c: Conversation, kb: KnowledgeBase) -> tuple[Button, ...]:
    if c.device_candidates:
        keys = list(c.device_candidates)
    else:
        applies = kb.applies.get(c.problem or "other") or ()
        keys = [d for d in applies if d != "other"][:7] or [d for d in kb.devices if d != "other"][:7]
    keys.append("other")
    seen = list(dict.fromkeys(keys))
    return tuple(device_button(d, kb.device_label(d, c.locale)) for d in seen)


def _steps_reply(c: Conversation, kb: KnowledgeBase, level: Level, intro: str) -> Reply:
    steps = kb.steps(c.device, c.problem, level)
    numbered = tuple((n, s.text_in(c.locale)) for n, s in enumerate(steps, start=1))
    body = "\n".join(f"{n}. {text}" for n, text in numbered)
    buttons = (
        *_b(c, "BTN_SOLVED", "BTN_PERSIST"),
        *(help_button(n, c.locale) for n, _ in numbered),
        *_b(c, "BTN_CONNECT_TECH"),
    )
    text = f"{intro}\n{body}\n{say('steps_question', c.locale)}"
    return Reply(text, buttons, numbered)


def level_of(c: Conversation) -> Level:
    """The level of the steps a conversation is on (advanced only once it has moved there)."""
    return "advanced" if c.stage == Stage.ADVANCED_TESTS else "basic"




def prompt(c: Conversation, kb: KnowledgeBase, *, again: bool = False) -> Reply:
    """What Tecnos asks at a stage: used on entering it and when a turn is not understood."""
    loc = c.locale
    match c.stage:
        case Stage.ASK_CONSENT:
            return Reply(say("consent_again" if again else "consent", loc), _consent_buttons(c))
        case Stage.CLOSED:
            return Reply(say("refused", loc), _consent_buttons(c))
        case Stage.ASK_NAME:
            return Reply(say("ask_name_again" if again else "ask_name", loc), _b(c, "BTN_NO_NAME"))
        case Stage.ASK_PROBLEM:
            if again:
                text = say("ask_problem_again", loc)
            elif c.device:
                text = say("ask_problem_for_device", loc, device=kb.device_label(c.device, loc))
            else:
                text = _named("ask_problem", c)
            return Reply(text, _b(c, "BTN_CONNECT_TECH"))
        case Stage.ASK_DEVICE:
            text = say("ask_device_again", loc) if again else say(
                "ask_device", loc, problem=kb.problem_label(c.problem, loc))
            return Reply(text, _device_buttons(c, kb))
        case Stage.BASIC_TESTS | Stage.ADVANCED_TESTS:
            if again:
                return Reply(say("steps_unclear", loc), _steps_reply(c, kb, level_of(c), "").buttons)
            intro_key = "advanced_steps" if c.stage == Stage.ADVANCED_TESTS else "basic_steps"
            intro = say(intro_key, loc, device=kb.device_label(c.device, loc),
                        problem=kb.problem_label(c.problem, loc))
            return _steps_reply(c, kb, level_of(c), intro)
        case Stage.ESCALATE:
            if "advanced" in c.levels_tried:
                return Reply(say("escalate_again", loc), _b(c, "BTN_CONNECT_TECH", "BTN_REPHRASE"))
            return Reply(say("escalate", loc), _b(c, "BTN_ADVANCED_TESTS", "BTN_CONNECT_TECH"))
        case Stage.TICKET:
            return Reply(say("after_ticket", loc), _b(c, "BTN_REPHRASE", "BTN_CLOSE"))
        case Stage.ENDED:
            return Reply(say("ended_hint", loc), _b(c, "BTN_REPHRASE"))
    raise AssertionError(f"no prompt for stage {c.stage}")  # pragma: no cover - every stage is matched


# --- handlers ---------------------------------------------------------------------------------------


def _enter(c: Conversation, ctx: Context, stage: Stage, *actions: Action, lead: str = "") -> Outcome:
    moved = replace(c, stage=stage, unclear=0)
    reply = prompt(moved, ctx.kb)
    if lead:
        reply = replace(reply, text=f"{lead}\n{reply.text}")
    return Outcome(moved, reply, actions)


def _choose_language(c: Conversation, e: Event, ctx: Context) -> Outcome:
    return _enter(replace(c, locale=e.value or c.locale), ctx, Stage.ASK_NAME)


def _refuse(c: Conversation, e: Event, ctx: Context) -> Outcome:
    return _enter(c, ctx, Stage.CLOSED, Finished("refused"))


def _again(c: Conversation, e: Event, ctx: Context) -> Outcome:
    return Outcome(replace(c, unclear=c.unclear + 1), prompt(c, ctx.kb, again=True))


def _stay(key: str) -> Handler:
    def handler(c: Conversation, e: Event, ctx: Context) -> Outcome:
        base = prompt(c, ctx.kb)
        return Outcome(c, replace(base, text=f"{say(key, c.locale)}\n{base.text}"))
    return handler


def _give_name(c: Conversation, e: Event, ctx: Context) -> Outcome:
    named = replace(c, name=e.value)
    if e.heard.problem or e.heard.device or e.heard.device_candidates:
        return _describe(replace(named, stage=Stage.ASK_PROBLEM), e, ctx)
    return _enter(named, ctx, Stage.ASK_PROBLEM)


def _skip_name(c: Conversation, e: Event, ctx: Context) -> Outcome:
    return _enter(c, ctx, Stage.ASK_PROBLEM)


def _describe(c: Conversation, e: Event, ctx: Context) -> Outcome:
    heard = e.heard
    device = heard.device or c.device
    candidates = () if device else (heard.device_candidates or c.device_candidates)
    problem = heard.problem or c.problem
    description = c.description
    if e.text and (heard.problem or heard.device or not description):
        description = f"{description} | {e.text}" if description else e.text
    merged = replace(c, device=device, device_candidates=candidates, problem=problem,
                     description=description[:1000])
    if problem is None and device is None:
        if c.unclear >= 1 and not candidates:
            # Twice not understood: carry on with a generic problem rather than loop forever.
            return _enter(replace(merged, problem="other"), ctx, Stage.ASK_DEVICE)
        if candidates:
            return _enter(merged, ctx, Stage.ASK_PROBLEM)
        return Outcome(replace(merged, unclear=c.unclear + 1, stage=Stage.ASK_PROBLEM),
                       prompt(replace(merged, stage=Stage.ASK_PROBLEM), ctx.kb, again=True))
    lead = _understood(merged, heard, ctx.kb)
    if problem is None:
        return _enter(merged, ctx, Stage.ASK_PROBLEM, lead=lead)
    if device is None:
        return _enter(merged, ctx, Stage.ASK_DEVICE, lead=lead)
    return _enter(merged, ctx, Stage.BASIC_TESTS, lead=lead)


def _understood(c: Conversation, heard: Understanding, kb: KnowledgeBase) -> str:
    """Smart mode's reading (of the text or of a photo) said aloud, so the customer sees it and can
    correct it; the rules stay silent."""
    via = heard.extra.get("via")
    if via not in ("llm", "photo"):
        return ""
    loc, problem = c.locale, c.problem if c.problem != "other" else None
    if problem and c.device:
        return say(f"{via}_understood", loc, device=kb.device_label(c.device, loc),
                   problem=kb.problem_label(problem, loc))
    if problem:
        return say(f"{via}_understood_problem", loc, problem=kb.problem_label(problem, loc))
    if c.device:
        return say(f"{via}_understood_device", loc, device=kb.device_label(c.device, loc))
    return ""


def _choose_device(c: Conversation, e: Event, ctx: Context) -> Outcome:
    chosen = replace(c, device=e.value, device_candidates=())
    if chosen.problem is None:
        return _enter(chosen, ctx, Stage.ASK_PROBLEM)
    return _enter(chosen, ctx, Stage.BASIC_TESTS)


def _solved(c: Conversation, e: Event, ctx: Context) -> Outcome:
    done = replace(c, stage=Stage.ENDED, levels_tried=(*c.levels_tried, f"{level_of(c)}:solved"))
    return Outcome(done, Reply(_named("solved", c), _b(c, "BTN_REPHRASE", "BTN_CLOSE")), (Finished("solved"),))


def _persists(c: Conversation, e: Event, ctx: Context) -> Outcome:
    tried = (*c.levels_tried, level_of(c))
    return _enter(replace(c, levels_tried=tried), ctx, Stage.ESCALATE)


def _help(c: Conversation, e: Event, ctx: Context) -> Outcome:
    steps = ctx.kb.steps(c.device, c.problem, level_of(c))
    n = e.step
    if n is None or not 1 <= n <= len(steps):
        text = say("help_no_step", c.locale, count=len(steps))
        return Outcome(c, Reply(text, _steps_reply(c, ctx.kb, level_of(c), "").buttons))
    step = steps[n - 1]
    text = say("help_step", c.locale, n=n, text=step.text_in(c.locale), help=step.help_in(c.locale))
    return Outcome(c, Reply(text, _b(c, "BTN_BACK_TO_STEPS", "BTN_SOLVED", "BTN_PERSIST")))


def _show_steps(c: Conversation, e: Event, ctx: Context) -> Outcome:
    return Outcome(c, prompt(c, ctx.kb))


def _advanced(c: Conversation, e: Event, ctx: Context) -> Outcome:
    return _enter(c, ctx, Stage.ADVANCED_TESTS)


def needs_new_ticket(conversation: Conversation, event: Event) -> bool:
    """Whether applying `event` may open a ticket that does not exist yet (the service then supplies an id)."""
    return event.kind == Kind.TECHNICIAN and conversation.current_ticket is None


def _technician(c: Conversation, e: Event, ctx: Context) -> Outcome:
    if c.current_ticket:
        moved = replace(c, stage=Stage.TICKET)
        text = say("ticket_exists", c.locale, ticket=c.current_ticket)
        return Outcome(moved, Reply(text, _b(c, "BTN_REPHRASE", "BTN_CLOSE")), (OpenTicket(c.current_ticket, True),))
    if ctx.new_ticket_id is None:
        raise ValueError("a technician event needs Context.new_ticket_id (see needs_new_ticket)")
    moved = replace(c, stage=Stage.TICKET, ticket_id=ctx.new_ticket_id, ticket_problem=c.problem)
    text = _named("ticket", c, ticket=ctx.new_ticket_id)
    actions = (OpenTicket(ctx.new_ticket_id, False), Finished("ticket"))
    return Outcome(moved, Reply(text, _b(c, "BTN_REPHRASE", "BTN_CLOSE")), actions)


def _rephrase(c: Conversation, e: Event, ctx: Context) -> Outcome:
    fresh = replace(c, device=None, problem=None, device_candidates=(), description="", levels_tried=())
    moved = replace(fresh, stage=Stage.ASK_PROBLEM, unclear=0)
    return Outcome(moved, Reply(say("rephrase", c.locale), _b(c, "BTN_CONNECT_TECH")))


def _close(c: Conversation, e: Event, ctx: Context) -> Outcome:
    if not c.consented:
        return _enter(c, ctx, Stage.CLOSED, Finished("refused"))
    finished = () if c.stage in (Stage.TICKET, Stage.ENDED) else (Finished("abandoned"),)
    moved = replace(c, stage=Stage.ENDED)
    return Outcome(moved, Reply(say("closed", c.locale), _b(c, "BTN_REPHRASE")), finished)


def _frustration(c: Conversation, e: Event, ctx: Context) -> Outcome:
    return Outcome(c, Reply(say("frustration", c.locale), _b(c, "BTN_CONNECT_TECH", *(
        ("BTN_BACK_TO_STEPS",) if c.stage in (Stage.BASIC_TESTS, Stage.ADVANCED_TESTS) else ()))))


# --- the table --------------------------------------------------------------------------------------

S = Stage
_ANYWHERE = {Kind.CLOSE: Rule(_close, (S.ENDED, S.CLOSED))}
_AFTER_CONSENT = {
    **_ANYWHERE,
    Kind.TECHNICIAN: Rule(_technician, (S.TICKET,)),
    Kind.FRUSTRATION: Rule(_frustration, ()),
    Kind.GREETING: Rule(_stay("greeting_again"), ()),
    Kind.THANKS: Rule(_stay("thanks"), ()),
    Kind.UNCLEAR: Rule(_again, ()),
}
_AFTER_NAME = {**_AFTER_CONSENT, Kind.REPHRASE: Rule(_rephrase, (S.ASK_PROBLEM,))}
_DESCRIBE = Rule(_describe, (S.ASK_PROBLEM, S.ASK_DEVICE, S.BASIC_TESTS))
_TESTS = {
    **_AFTER_NAME,
    Kind.SOLVED: Rule(_solved, (S.ENDED,)),
    Kind.PERSISTS: Rule(_persists, (S.ESCALATE,)),
    Kind.HELP: Rule(_help, ()),
    Kind.SHOW_STEPS: Rule(_show_steps, ()),
}
_CONSENT = {
    **_ANYWHERE,
    Kind.LANGUAGE: Rule(_choose_language, (S.ASK_NAME,)),
    Kind.ACCEPT: Rule(_choose_language, (S.ASK_NAME,)),
    Kind.REFUSE: Rule(_refuse, (S.CLOSED,)),
    Kind.UNCLEAR: Rule(_again, ()),
}

TRANSITIONS: dict[Stage, dict[Kind, Rule]] = {
    S.ASK_CONSENT: _CONSENT,
    S.CLOSED: _CONSENT,
    S.ASK_NAME: {
        **_AFTER_CONSENT,
        Kind.NAME: Rule(_give_name, (S.ASK_PROBLEM, S.ASK_DEVICE, S.BASIC_TESTS)),
        Kind.SKIP_NAME: Rule(_skip_name, (S.ASK_PROBLEM,)),
        Kind.DESCRIBE: _DESCRIBE,
    },
    S.ASK_PROBLEM: {**_AFTER_NAME, Kind.DESCRIBE: _DESCRIBE},
    S.ASK_DEVICE: {
        **_AFTER_NAME,
        Kind.DEVICE: Rule(_choose_device, (S.ASK_PROBLEM, S.BASIC_TESTS)),
        Kind.DESCRIBE: _DESCRIBE,
    },
    S.BASIC_TESTS: _TESTS,
    S.ADVANCED_TESTS: _TESTS,
    S.ESCALATE: {**_AFTER_NAME, Kind.ADVANCED: Rule(_advanced, (S.ADVANCED_TESTS,)),
                 Kind.SHOW_STEPS: Rule(_show_steps, ())},
    S.TICKET: {**_AFTER_NAME},
    S.ENDED: {**_AFTER_NAME, Kind.CLOSE: Rule(_close, (S.ENDED,))},
}


def apply(conversation: Conversation, event: Event, context: Context) -> Outcome:
    """Apply one event: the next conversation, its reply and the actions to carry out.

    An event the current stage does not expect (a stale button, say) repeats the stage's question:
    customers click old buttons, and that is not an error.
    """
    rule = TRANSITIONS[conversation.stage].get(event.kind)
    if rule is None:
        outcome = Outcome(conversation, prompt(conversation, context.kb, again=True))
    else:
        outcome = rule.handler(conversation, event, context)
    after = replace(outcome.conversation, turns=conversation.turns + 1, updated_at=context.now)
    reply = outcome.reply
    if event.had_pii and not conversation.pii_warned:
        after = replace(after, pii_warned=True)
        reply = replace(reply, text=f"{say('pii_notice', after.locale)}\n{reply.text}")
    return Outcome(after, reply, outcome.actions)


def start(session_id: str, *, locale: str, now: float, kb: KnowledgeBase) -> tuple[Conversation, Reply]:
    """A new conversation at ASK_CONSENT and its first message."""
    conversation = Conversation(session_id=session_id, created_at=now, locale=locale, updated_at=now)
    return conversation, prompt(conversation, kb)


def diagram() -> str:
    """The state diagram (Mermaid) drawn from TRANSITIONS: the docs embed it, a test keeps it fresh."""
    lines = ["stateDiagram-v2", "    [*] --> ASK_CONSENT"]
    seen: set[tuple[str, str, str]] = set()
    for stage, rules in TRANSITIONS.items():
        for kind, rule in rules.items():
            for target in rule.targets:
                edge = (stage.value, target.value, kind.value)
                if edge not in seen and target != stage:
                    seen.add(edge)
                    lines.append(f"    {stage.value} --> {target.value}: {kind.value}")
    lines.append("    ENDED --> [*]")
    return "\n".join(lines)
