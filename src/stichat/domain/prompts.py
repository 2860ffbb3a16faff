"""What Tecnos says at each stage: the stage's question, the numbered steps and their buttons."""

from __future__ import annotations

from stichat.domain.dialogue import Conversation, Reply, Stage
from stichat.domain.knowledge import KnowledgeBase, Level, Step
from stichat.domain.replies import Button, device_button, problem_button

#: Problems offered as buttons when a first message says only that something is wrong.
COMMON_PROBLEMS = ("no_power", "slow", "freezes", "no_internet", "no_display", "battery", "printing")


def buttons(conversation: Conversation, kb: KnowledgeBase, *values: str) -> tuple[Button, ...]:
    return tuple(kb.texts.button(v, conversation.locale) for v in values)


def named(kb: KnowledgeBase, key: str, conversation: Conversation, **values: object) -> str:
    if conversation.name:
        return kb.texts.say(key, conversation.locale, name=conversation.name, **values)
    return kb.texts.say(f"{key}_anon", conversation.locale, **values)


def consent_buttons(c: Conversation, kb: KnowledgeBase) -> tuple[Button, ...]:
    return buttons(c, kb, "BTN_LANG_ES_AR", "BTN_LANG_EN", "BTN_CONSENT_NO")


def device_buttons(c: Conversation, kb: KnowledgeBase) -> tuple[Button, ...]:
    if c.device_candidates:
        keys = list(c.device_candidates)
    else:
        applies = kb.applies.get(c.problem or "other") or ()
        keys = [d for d in applies if d != "other"][:7] or [d for d in kb.devices if d != "other"][:7]
    keys.append("other")
    return tuple(device_button(d, kb.device_label(d, c.locale)) for d in dict.fromkeys(keys))


def problem_buttons(c: Conversation, kb: KnowledgeBase) -> tuple[Button, ...]:
    """A short menu of the common problems, those of the customer's device first."""
    fits = [p for p in COMMON_PROBLEMS if c.device is None or c.device in kb.applies.get(p, ())]
    keys = [*(fits or list(COMMON_PROBLEMS))[:5], "other"]
    return (*(problem_button(p, kb.problem_label(p, c.locale)) for p in keys),
            *buttons(c, kb, "BTN_CONNECT_TECH"))


def level_of(c: Conversation) -> Level:
    """The level of the steps a conversation is on (advanced only once it has moved there)."""
    if c.stage == Stage.ADVANCED_TESTS:
        return "advanced"
    if c.stage == Stage.ESCALATE and "advanced" in c.levels_tried:
        return "advanced"
    return "basic"


def steps_for(c: Conversation, kb: KnowledgeBase, level: Level) -> tuple[Step, ...]:
    """The steps this customer is shown: without those that repeat what they said they already did."""
    return kb.steps(c.device, c.problem, level, skip=c.done)


def step_buttons(c: Conversation, kb: KnowledgeBase, level: Level) -> tuple[Button, ...]:
    count = len(steps_for(c, kb, level))
    return (*buttons(c, kb, "BTN_SOLVED", "BTN_PERSIST"),
            *(kb.texts.help_button(n, c.locale) for n in range(1, count + 1)),
            *buttons(c, kb, "BTN_CONNECT_TECH"))


def steps_reply(c: Conversation, kb: KnowledgeBase, level: Level, intro: str) -> Reply:
    steps = steps_for(c, kb, level)
    numbered = tuple((n, s.text_in(c.locale)) for n, s in enumerate(steps, start=1))
    body = "\n".join(f"{n}. {text}" for n, text in numbered)
    question = kb.texts.say("steps_question", c.locale)
    text = f"{intro}\n{body}\n{question}" if intro else f"{body}\n{question}"
    return Reply(text, step_buttons(c, kb, level), numbered)


def stage_buttons(c: Conversation, kb: KnowledgeBase) -> tuple[Button, ...]:
    """The buttons a reply that keeps the conversation where it was carries."""
    return prompt(c, kb).buttons


def prompt(c: Conversation, kb: KnowledgeBase, *, again: bool = False) -> Reply:
    """What Tecnos asks at a stage: used on entering it and when a turn is not understood."""
    loc = c.locale
    match c.stage:
        case Stage.ASK_CONSENT:
            return Reply(kb.texts.say("consent_again" if again else "consent", loc), consent_buttons(c, kb))
        case Stage.CLOSED:
            return Reply(kb.texts.say("refused", loc), consent_buttons(c, kb))
        case Stage.ASK_NAME:
            return Reply(kb.texts.say("ask_name_again" if again else "ask_name", loc), buttons(c, kb, "BTN_NO_NAME"))
        case Stage.ASK_PROBLEM:
            if again:
                return Reply(kb.texts.say("ask_problem_again", loc), problem_buttons(c, kb))
            if c.device:
                return Reply(kb.texts.say("ask_problem_for_device", loc, device=kb.device_label(c.device, loc)),
                             problem_buttons(c, kb))
            return Reply(named(kb, "ask_problem", c), buttons(c, kb, "BTN_CONNECT_TECH"))
        case Stage.ASK_DEVICE:
            text = kb.texts.say("ask_device_again", loc) if again else kb.texts.say(
                "ask_device", loc, problem=kb.problem_label(c.problem, loc))
            return Reply(text, device_buttons(c, kb))
        case Stage.BASIC_TESTS | Stage.ADVANCED_TESTS:
            if again:
                return Reply(kb.texts.say("steps_unclear", loc), step_buttons(c, kb, level_of(c)))
            if c.stage == Stage.ADVANCED_TESTS:
                intro = kb.texts.say("advanced_steps", loc)
            elif c.device == "other":
                intro = kb.texts.say("other_device_steps", loc, problem=kb.problem_label(c.problem, loc))
            else:
                intro = kb.texts.say("basic_steps", loc, device=kb.device_label(c.device, loc),
                            problem=kb.problem_label(c.problem, loc))
            return steps_reply(c, kb, level_of(c), intro)
        case Stage.ESCALATE:
            if "advanced" in c.levels_tried:
                return Reply(kb.texts.say("escalate_again", loc), buttons(c, kb, "BTN_CONNECT_TECH",
                                                                          "BTN_BACK_TO_STEPS",
                                                                 "BTN_REPHRASE"))
            return Reply(kb.texts.say("escalate", loc), buttons(c, kb, "BTN_ADVANCED_TESTS", "BTN_CONNECT_TECH",
                                                       "BTN_BACK_TO_STEPS"))
        case Stage.TICKET:
            return Reply(kb.texts.say("after_ticket", loc), buttons(c, kb, "BTN_REPHRASE", "BTN_CLOSE"))
        case Stage.ENDED:
            return Reply(kb.texts.say("ended_hint", loc), buttons(c, kb, "BTN_REPHRASE"))
    raise AssertionError(f"no prompt for stage {c.stage}")  # pragma: no cover - every stage is matched
