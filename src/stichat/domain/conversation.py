"""The conversation: the transition table and `apply()`.

Sans-I/O: `apply(conversation, event, context)` returns the next conversation, the reply and the
actions the service must carry out (open a ticket, count an outcome, let smart mode explain a step
or suggest checks). Time, the knowledge base and the id of a ticket that may be opened all come in
through `Context`. The data it works on lives in `dialogue`, the handlers in `handlers`, what
Tecnos asks at each stage in `prompts`, and how a turn is read in `turns`.
"""

from __future__ import annotations

from dataclasses import replace

from stichat.domain import handlers as h
from stichat.domain.dialogue import (
    Action,
    Context,
    Conversation,
    Event,
    ExplainStep,
    Finished,
    Kind,
    OpenTicket,
    Outcome,
    Reply,
    Rule,
    Stage,
    SuggestSteps,
)
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.prompts import level_of, prompt

__all__ = [
    "TRANSITIONS", "Action", "Context", "Conversation", "Event", "ExplainStep", "Finished", "Kind", "OpenTicket",
    "Outcome", "Reply", "Stage", "SuggestSteps", "apply", "diagram", "level_of", "needs_new_ticket", "prompt",
    "start",
]

S = Stage
_ANYWHERE = {Kind.CLOSE: Rule(h.close, (S.ENDED, S.CLOSED)), Kind.RESET: Rule(h.reset, (S.ASK_CONSENT,)),
             Kind.WHATSAPP: Rule(h.whatsapp, (S.TICKET,))}
_AFTER_CONSENT = {
    **_ANYWHERE,
    Kind.TECHNICIAN: Rule(h.technician, (S.TICKET,)),
    Kind.COMPLAINT: Rule(h.complaint, (S.TICKET,)),
    Kind.SHOP: Rule(h.shop, ()),
    Kind.FRUSTRATION: Rule(h.frustration, ()),
    Kind.GREETING: Rule(h.stay("greeting_again"), ()),
    Kind.THANKS: Rule(h.stay("thanks"), ()),
    Kind.UNCLEAR: Rule(h.again, ()),
}
_AFTER_NAME = {**_AFTER_CONSENT, Kind.REPHRASE: Rule(h.rephrase, (S.ASK_PROBLEM,)),
               Kind.QUESTION: Rule(h.question, ())}
_DESCRIBE = Rule(h.describe, (S.ASK_PROBLEM, S.ASK_DEVICE, S.BASIC_TESTS))
_TESTS = {
    **_AFTER_NAME,
    Kind.SOLVED: Rule(h.solved, (S.ENDED,)),
    Kind.PERSISTS: Rule(h.persists, (S.ESCALATE,)),
    Kind.AFFIRM: Rule(h.affirm, ()),
    Kind.HELP: Rule(h.help_step, ()),
    Kind.CANT_DO: Rule(h.cant_do, ()),
    Kind.SHOW_STEPS: Rule(h.show_steps, ()),
    Kind.ADVANCED: Rule(h.advanced, (S.ADVANCED_TESTS, S.ESCALATE)),
    Kind.ANOTHER_PROBLEM: Rule(h.another_problem, ()),
    Kind.CHANGE_DEVICE: Rule(h.change_device, (S.BASIC_TESTS,)),
}
_CONSENT = {
    **_ANYWHERE,
    Kind.LANGUAGE: Rule(h.choose_language, (S.ASK_NAME,)),
    Kind.REFUSE: Rule(h.refuse, (S.CLOSED,)),
    Kind.UNCLEAR: Rule(h.again, ()),
}
_FINISHED = {
    **_AFTER_NAME,
    Kind.ANOTHER_PROBLEM: Rule(h.another_problem, (S.ASK_PROBLEM, S.ASK_DEVICE, S.BASIC_TESTS)),
    Kind.NEXT_PROBLEM: Rule(h.next_problem, (S.ASK_PROBLEM, S.ASK_DEVICE, S.BASIC_TESTS)),
}

TRANSITIONS: dict[Stage, dict[Kind, Rule]] = {
    S.ASK_CONSENT: _CONSENT,
    S.CLOSED: _CONSENT,
    S.ASK_NAME: {
        **_AFTER_CONSENT,
        Kind.NAME: Rule(h.give_name, (S.ASK_PROBLEM, S.ASK_DEVICE, S.BASIC_TESTS)),
        Kind.SKIP_NAME: Rule(h.skip_name, (S.ASK_PROBLEM,)),
        Kind.DESCRIBE: _DESCRIBE,
    },
    S.ASK_PROBLEM: {**_AFTER_NAME, Kind.DESCRIBE: _DESCRIBE, Kind.PROBLEM: Rule(h.choose_problem, (
        S.ASK_DEVICE, S.BASIC_TESTS))},
    S.ASK_DEVICE: {
        **_AFTER_NAME,
        Kind.DEVICE: Rule(h.choose_device, (S.ASK_PROBLEM, S.BASIC_TESTS)),
        Kind.DESCRIBE: _DESCRIBE,
    },
    S.BASIC_TESTS: _TESTS,
    S.ADVANCED_TESTS: _TESTS,
    S.ESCALATE: {**_TESTS, Kind.SHOW_STEPS: Rule(h.show_steps, (S.BASIC_TESTS, S.ADVANCED_TESTS)),
                 Kind.PERSISTS: Rule(h.persists, (S.ADVANCED_TESTS, S.TICKET))},
    S.TICKET: _FINISHED,
    S.ENDED: {**_FINISHED, Kind.CLOSE: Rule(h.close, (S.ENDED,))},
}


def needs_new_ticket(conversation: Conversation, event: Event) -> bool:
    """Whether applying `event` may open a ticket that does not exist yet (the service then supplies an id)."""
    if conversation.current_ticket is not None:
        return False
    if event.kind in (Kind.TECHNICIAN, Kind.COMPLAINT, Kind.WHATSAPP):
        return True
    return (event.kind == Kind.PERSISTS and conversation.stage == Stage.ESCALATE
            and "advanced" in conversation.levels_tried)


def apply(conversation: Conversation, event: Event, context: Context) -> Outcome:
    """Apply one event: the next conversation, its reply and the actions to carry out.

    An event the current stage does not expect (a stale button, say) repeats the stage's question:
    customers click old buttons, and that is not an error. A reply is never the previous one word
    for word: a customer who gets the same text twice thinks the bot is stuck.
    """
    rule = TRANSITIONS[conversation.stage].get(event.kind)
    if rule is None:
        outcome = Outcome(conversation, prompt(conversation, context.kb, again=True))
    else:
        outcome = rule.handler(conversation, event, context)
    moved, reply = outcome.conversation, outcome.reply
    warn = event.had_pii and not conversation.pii_warned
    if warn:
        reply = replace(reply, text=f"{context.kb.texts.say('pii_notice', moved.locale)}\n{reply.text}")
    if reply.text == conversation.last_reply:
        reply = replace(reply, text=f"{context.kb.texts.say('said_again', moved.locale)}\n{reply.text}")
    after = replace(moved, turns=conversation.turns + 1, updated_at=context.now, last_reply=reply.text[:2000],
                    pii_warned=moved.pii_warned or warn)
    return Outcome(after, reply, outcome.actions)


def start(session_id: str, *, locale: str, now: float, kb: KnowledgeBase) -> tuple[Conversation, Reply]:
    """A new conversation at ASK_CONSENT and its first message."""
    def made(last_reply: str = "") -> Conversation:
        return Conversation(session_id=session_id, created_at=now, locale=locale, updated_at=now,
                            last_reply=last_reply)

    reply = prompt(made(), kb)
    return made(reply.text), reply  # made twice: cheaper than a replace() of its 25 fields


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
