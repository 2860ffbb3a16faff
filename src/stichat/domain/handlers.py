"""One handler per dialogue act: the conversation after the turn, the reply and the actions.

Each handler is a row's target in `conversation.TRANSITIONS`; none does I/O. A reply that keeps
the conversation where it was carries the stage's buttons, so the customer is never left without
a way on.
"""

from __future__ import annotations

from dataclasses import replace

from stichat.domain.dialogue import (
    Action,
    Context,
    Conversation,
    Event,
    ExplainStep,
    Finished,
    Handler,
    OpenTicket,
    Outcome,
    Reply,
    Stage,
    SuggestSteps,
)
from stichat.domain.errors import MissingTicketId
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.nlu import Intent, Understanding, understand
from stichat.domain.pii import Masked
from stichat.domain.prompts import (
    buttons,
    level_of,
    named,
    problem_buttons,
    prompt,
    stage_buttons,
    step_buttons,
    steps_for,
)

STEP_STAGES = (Stage.BASIC_TESTS, Stage.ADVANCED_TESTS)
MAX_QUESTIONS = 5  # kept for the ticket, each cut to 200 characters
MAX_DESCRIPTION = 1000


def enter(c: Conversation, ctx: Context, stage: Stage, *actions: Action, lead: str = "") -> Outcome:
    moved = replace(c, stage=stage, unclear=0)
    reply = prompt(moved, ctx.kb)
    if lead:
        reply = replace(reply, text=f"{lead}\n{reply.text}")
    return Outcome(moved, reply, actions)


def _stay_with(c: Conversation, ctx: Context, text: str) -> Outcome:
    """A reply that answers the turn and keeps the conversation at its stage, with that stage's buttons."""
    return Outcome(c, Reply(text, stage_buttons(c, ctx.kb)))


def choose_language(c: Conversation, e: Event, ctx: Context) -> Outcome:
    return enter(replace(c, locale=e.value or c.locale), ctx, Stage.ASK_NAME)


def refuse(c: Conversation, e: Event, ctx: Context) -> Outcome:
    counted = () if c.stage == Stage.CLOSED else (Finished("refused"),)  # one refusal per conversation
    return enter(c, ctx, Stage.CLOSED, *counted)


def again(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """Not understood. The same question at most twice: then a menu and the offer of a person."""
    if c.stage == Stage.ASK_CONSENT and e.value == "en" and c.locale != "en":
        c = replace(c, locale="en")  # typed in English: answer in English
    if c.unclear >= 1 and c.consented:
        reply = prompt(c, ctx.kb, again=True)
        menu = problem_buttons(c, ctx.kb) if c.stage == Stage.ASK_PROBLEM else (
            *reply.buttons, *(buttons(c, ctx.kb, "BTN_CONNECT_TECH") if "BTN_CONNECT_TECH" not in
                              {b.value for b in reply.buttons} else ()))
        text = ctx.kb.texts.say("still_unclear", c.locale)
        return Outcome(replace(c, unclear=c.unclear + 1), Reply(text, menu))
    return Outcome(replace(c, unclear=c.unclear + 1), prompt(c, ctx.kb, again=True))


def stay(key: str) -> Handler:
    def handler(c: Conversation, e: Event, ctx: Context) -> Outcome:
        base = prompt(c, ctx.kb)
        return Outcome(c, replace(base, text=f"{ctx.kb.texts.say(key, c.locale)}\n{base.text}"))
    return handler


def give_name(c: Conversation, e: Event, ctx: Context) -> Outcome:
    named_c = replace(c, name=e.value)
    if e.heard.problem or e.heard.device or e.heard.device_candidates:
        return describe(replace(named_c, stage=Stage.ASK_PROBLEM), e, ctx)
    return enter(named_c, ctx, Stage.ASK_PROBLEM)


def skip_name(c: Conversation, e: Event, ctx: Context) -> Outcome:
    return enter(c, ctx, Stage.ASK_PROBLEM)


def _add_description(c: Conversation, text: str) -> str:
    if not text:
        return c.description
    joined = f"{c.description}\n{text}" if c.description else text
    return joined[:MAX_DESCRIPTION]


def _second_subject(c: Conversation, e: Event) -> str:
    """A second problem said in the same message ("…y después vemos la impresora"), kept for later."""
    heard = e.heard
    extra = heard.extra.get("second")
    if extra:
        return extra
    return c.pending


def describe(c: Conversation, e: Event, ctx: Context) -> Outcome:
    heard = e.heard
    device = heard.device or c.device
    candidates = () if device else (heard.device_candidates or c.device_candidates)
    problem = heard.problem or c.problem
    keep = bool(e.text) and (bool(heard.problem or heard.device) or not c.description)
    merged = replace(c, device=device, device_candidates=candidates, problem=problem,
                     done=tuple(sorted({*c.done, *heard.done})),
                     description=_add_description(c, e.text) if keep else c.description,
                     pending=_second_subject(c, e))
    learned = (heard.device not in (None, c.device) or heard.problem is not None
               or heard.device_candidates != c.device_candidates)
    if problem is None and device is None and not candidates and heard.extra.get("vague") and not c.unclear:
        # "no funciona bien", "it just won't work": something is wrong, nothing says what; ask with a menu
        asked = replace(merged, stage=Stage.ASK_PROBLEM, unclear=1)
        return Outcome(asked, Reply(ctx.kb.texts.say("ask_what_it_does", c.locale), problem_buttons(asked, ctx.kb)))
    if (problem is None and device is None and not candidates) or (problem is None and not learned):
        return again(replace(merged, stage=Stage.ASK_PROBLEM), e, ctx)  # nothing new: ask differently
    if problem is None and device is None:
        return enter(merged, ctx, Stage.ASK_PROBLEM)
    lead = _understood(merged, heard, ctx.kb)
    if problem is None:
        return enter(merged, ctx, Stage.ASK_PROBLEM, lead=lead)
    if device is None:
        return enter(merged, ctx, Stage.ASK_DEVICE, lead=lead)
    return _to_steps(merged, ctx, lead)


def _to_steps(c: Conversation, ctx: Context, lead: str = "") -> Outcome:
    actions: tuple[Action, ...] = () if ctx.kb.covers_well(c.device, c.problem) else (SuggestSteps(),)
    return enter(c, ctx, Stage.BASIC_TESTS, *actions, lead=lead)


def _understood(c: Conversation, heard: Understanding, kb: KnowledgeBase) -> str:
    """Smart mode's reading (of the text or of a photo) said aloud, so the customer sees it and can
    correct it; the rules stay silent."""
    via = heard.extra.get("via")
    if via not in ("llm", "photo"):
        return ""
    loc, problem = c.locale, c.problem if c.problem != "other" else None
    if problem and c.device:
        return kb.texts.say(f"{via}_understood", loc, device=kb.device_label(c.device, loc),
                            problem=kb.problem_label(problem, loc))
    if problem:
        return kb.texts.say(f"{via}_understood_problem", loc, problem=kb.problem_label(problem, loc))
    if c.device:
        return kb.texts.say(f"{via}_understood_device", loc, device=kb.device_label(c.device, loc))
    return ""


def choose_device(c: Conversation, e: Event, ctx: Context) -> Outcome:
    chosen = replace(c, device=e.value, device_candidates=())
    if chosen.problem is None:
        return enter(chosen, ctx, Stage.ASK_PROBLEM)
    return _to_steps(chosen, ctx)


def choose_problem(c: Conversation, e: Event, ctx: Context) -> Outcome:
    chosen = replace(c, problem=e.value)
    if chosen.device is None:
        return enter(chosen, ctx, Stage.ASK_DEVICE)
    return _to_steps(chosen, ctx)


def change_device(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """ "No, es la notebook": the same problem on the device the customer means, from the basic steps."""
    moved = replace(c, device=e.value, device_candidates=(), levels_tried=(), step_notes=())
    lead = ctx.kb.texts.say("device_changed", c.locale, device=ctx.kb.device_label(e.value, c.locale))
    return _to_steps(moved, ctx, lead)


def solved(c: Conversation, e: Event, ctx: Context) -> Outcome:
    done = replace(c, stage=Stage.ENDED, levels_tried=(*c.levels_tried, f"{level_of(c)}:solved"))
    text = named(ctx.kb, "solved", c)
    extra = buttons(c, ctx.kb, "BTN_NEXT_PROBLEM") if c.pending else ()
    if c.pending:
        text = f"{text}\n{ctx.kb.texts.say('pending_offer', c.locale, what=c.pending)}"
    return Outcome(done, Reply(text, (*extra, *buttons(c, ctx.kb, "BTN_REPHRASE", "BTN_CLOSE"))), (Finished("solved"),))


def persists(c: Conversation, e: Event, ctx: Context) -> Outcome:
    if c.stage == Stage.ESCALATE:
        if "advanced" in c.levels_tried:
            return technician(c, e, ctx)  # nothing left to try from here: a person takes it
        return enter(c, ctx, Stage.ADVANCED_TESTS)
    tried = (*c.levels_tried, level_of(c))
    return enter(replace(c, levels_tried=tried), ctx, Stage.ESCALATE)


def affirm(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """A bare "sí" at the steps: solved needs a statement that the problem is gone, so ask."""
    return Outcome(c, Reply(ctx.kb.texts.say("confirm_solved", c.locale), buttons(c, ctx.kb, "BTN_SOLVED",
                                                                                   "BTN_PERSIST",
                                                                     "BTN_CONNECT_TECH")))


def help_step(c: Conversation, e: Event, ctx: Context, *, lead: str = "") -> Outcome:
    level = level_of(c)
    steps = steps_for(c, ctx.kb, level)
    n = e.step
    if n is None or not 1 <= n <= len(steps):
        key = "help_which_step" if n is None else "help_no_step"
        text = ctx.kb.texts.say(key, c.locale, count=len(steps))
        return Outcome(c, Reply(f"{lead}\n{text}" if lead else text, step_buttons(c, ctx.kb, level)))
    step = steps[n - 1]
    text = ctx.kb.texts.say("help_step", c.locale, n=n, text=step.text_in(c.locale), help=step.help_in(c.locale))
    actions: tuple[Action, ...] = (ExplainStep(n, e.text),) if e.text and not e.button else ()
    back = "BTN_BACK_TO_STEPS" if c.stage in STEP_STAGES else "BTN_ADVANCED_TESTS"
    return Outcome(c, Reply(f"{lead}\n{text}" if lead else text,
                            buttons(c, ctx.kb, back, "BTN_SOLVED", "BTN_PERSIST", "BTN_CONNECT_TECH")), actions)


def cant_do(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """The customer could not do a step: explain it, and note it for the technician."""
    if e.step is None:
        level = level_of(c)
        text = ctx.kb.texts.say("cant_do_which", c.locale, count=len(steps_for(c, ctx.kb, level)))
        return Outcome(c, Reply(text, step_buttons(c, ctx.kb, level)))
    noted = replace(c, step_notes=(*c.step_notes, f"{level_of(c)}:{e.step}:cant_do")[-20:])
    return help_step(noted, e, ctx, lead=ctx.kb.texts.say("cant_do", c.locale))


def question(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """A question typed at the steps: answered from the knowledge base, or honestly handed over."""
    asked = replace(c, questions=(*c.questions, e.text[:200])[-MAX_QUESTIONS:]) if e.text else c
    answer = next((a for a in ctx.kb.answers.entries if a.id == e.value), None) if e.value else None
    if answer is None:
        answer = ctx.kb.answers.find(e.heard.canon) if e.heard.canon else None
    back = buttons(c, ctx.kb, "BTN_BACK_TO_STEPS") if c.stage in STEP_STAGES else ()
    if answer is None:
        return Outcome(asked, Reply(ctx.kb.texts.say("question_for_technician", c.locale),
                                    (*buttons(c, ctx.kb, "BTN_CONNECT_TECH"), *back)))
    text = answer.text_in(c.locale)
    if answer.handoff:
        return Outcome(asked, Reply(f"{text}\n{ctx.kb.texts.say('handoff_offer', c.locale)}",
                                    (*buttons(c, ctx.kb, "BTN_CONNECT_TECH"), *back)))
    return Outcome(asked, Reply(f"{text}\n{ctx.kb.texts.say('carry_on', c.locale)}", stage_buttons(c, ctx.kb)))


def shop(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """A question about the shop: answered from the shop's facts, the conversation stays where it was."""
    fact = ctx.kb.shop.answer(e.value, c.locale) or ctx.kb.texts.say("shop_unknown", c.locale)
    if c.stage in (Stage.ASK_PROBLEM, Stage.ASK_DEVICE, Stage.ASK_NAME) or not c.consented:
        return _stay_with(c, ctx, f"{fact}\n{prompt(c, ctx.kb).text}")
    if c.stage in (Stage.TICKET, Stage.ENDED):
        return _stay_with(c, ctx, f"{fact}\n{ctx.kb.texts.say('anything_else', c.locale)}")
    return _stay_with(c, ctx, f"{fact}\n{ctx.kb.texts.say('carry_on', c.locale)}")


def another_problem(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """A second problem while one is being worked on: kept and offered once this one is done."""
    if c.stage in (Stage.TICKET, Stage.ENDED):
        fresh = _fresh(c)
        return describe(replace(fresh, stage=Stage.ASK_PROBLEM), e, ctx)
    what = e.text[:120]
    kept = replace(c, pending=what)
    device = ctx.kb.device_label(c.device, c.locale)
    return _stay_with(kept, ctx, ctx.kb.texts.say("pending_kept", c.locale, device=device))


def next_problem(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """The second problem the customer mentioned earlier, now."""
    if not c.pending:
        return rephrase(c, e, ctx)
    fresh = replace(_fresh(c), stage=Stage.ASK_PROBLEM)
    heard = understand(c.pending)  # the pending text is already masked
    return describe(fresh, replace(e, heard=heard, text=Masked(c.pending)), ctx)


def show_steps(c: Conversation, e: Event, ctx: Context) -> Outcome:
    if c.stage == Stage.ESCALATE:
        back = Stage.ADVANCED_TESTS if level_of(c) == "advanced" else Stage.BASIC_TESTS
        return enter(c, ctx, back)
    return Outcome(c, prompt(c, ctx.kb))


def advanced(c: Conversation, e: Event, ctx: Context) -> Outcome:
    if c.stage == Stage.ADVANCED_TESTS:
        return enter(c, ctx, Stage.ESCALATE) if "advanced" in c.levels_tried else Outcome(c, prompt(c, ctx.kb))
    tried = c.levels_tried if c.stage == Stage.ESCALATE else (*c.levels_tried, "basic")
    return enter(replace(c, levels_tried=tried), ctx, Stage.ADVANCED_TESTS)


def _with_description(c: Conversation, e: Event) -> Conversation:
    """What a request for a person also says about the problem goes into the ticket."""
    heard = e.heard
    if c.stage not in (Stage.ASK_NAME, Stage.ASK_PROBLEM, Stage.ASK_DEVICE) or not (heard.device or heard.problem):
        return c
    return replace(c, device=c.device or heard.device, problem=c.problem or heard.problem,
                   description=_add_description(c, e.text))


def technician(c: Conversation, e: Event, ctx: Context, *, reason: str = "asked", lead: str = "") -> Outcome:
    c = _with_description(c, e)
    if c.current_ticket:
        moved = replace(c, stage=Stage.TICKET)
        text = ctx.kb.texts.say("ticket_exists", c.locale, ticket=c.current_ticket)
        return Outcome(moved, Reply(f"{lead}\n{text}" if lead else text,
                                    buttons(c, ctx.kb, "BTN_REPHRASE", "BTN_CLOSE")),
                       (OpenTicket(c.current_ticket),))
    if ctx.new_ticket_id is None:
        raise MissingTicketId("a technician event needs Context.new_ticket_id (see needs_new_ticket)")
    tried = c.levels_tried
    if c.stage in STEP_STAGES and level_of(c) not in {t.partition(":")[0] for t in tried}:
        # "sigue igual, pasame con un técnico" says how the steps went; a bare request does not.
        failed = Intent.PERSISTS in e.heard.intents or e.button == "BTN_PERSIST"
        tried = (*tried, level_of(c) if failed else f"{level_of(c)}:unfinished")
    moved = replace(c, stage=Stage.TICKET, ticket_id=ctx.new_ticket_id, ticket_problem=c.problem,
                    levels_tried=tried, ticket_reason=reason)
    key = "ticket" if tried or c.step_notes else "ticket_untried"
    text = named(ctx.kb, key, c, ticket=ctx.new_ticket_id)
    if c.pending:
        text = f"{text}\n{ctx.kb.texts.say('pending_offer', c.locale, what=c.pending)}"
    actions = (OpenTicket(ctx.new_ticket_id), Finished("ticket"))
    extra = buttons(c, ctx.kb, "BTN_NEXT_PROBLEM") if c.pending else ()
    return Outcome(moved, Reply(f"{lead}\n{text}" if lead else text,
                                (*extra, *buttons(c, ctx.kb, "BTN_REPHRASE", "BTN_CLOSE"))), actions)


def whatsapp(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """The WhatsApp button, at any stage: the conversation's ticket (a new one if it has none).

    The customer leaves for WhatsApp, so the chat does not move on: before consent nothing changes
    but the ticket, after it the stage becomes TICKET (an ended conversation stays ENDED).
    """
    ticket_id = c.current_ticket or ctx.new_ticket_id
    if ticket_id is None:
        raise MissingTicketId("a WhatsApp event needs Context.new_ticket_id (see needs_new_ticket)")
    moved = replace(c, ticket_id=ticket_id, ticket_problem=c.problem)
    if moved.consented and moved.stage != Stage.ENDED:
        moved = replace(moved, stage=Stage.TICKET)
    actions: tuple[Action, ...] = (OpenTicket(ticket_id),)
    if c.current_ticket is None:
        actions = (*actions, Finished("ticket"))
    return Outcome(moved, prompt(moved, ctx.kb), actions)


def complaint(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """A complaint about a past repair: acknowledged and handed to a person, with a ticket."""
    noted = _with_description(c, e)
    if e.text and noted is c:
        noted = replace(c, description=_add_description(c, e.text))
    return technician(replace(noted, stage=c.stage), replace(e, heard=Understanding()), ctx, reason="complaint",
                      lead=ctx.kb.texts.say("complaint", c.locale))


def _fresh(c: Conversation) -> Conversation:
    return replace(c, device=None, problem=None, device_candidates=(), description="", levels_tried=(),
                   step_notes=(), questions=(), pending="", unclear=0)


def rephrase(c: Conversation, e: Event, ctx: Context) -> Outcome:
    moved = replace(_fresh(c), stage=Stage.ASK_PROBLEM)
    return Outcome(moved, Reply(ctx.kb.texts.say("rephrase", c.locale), buttons(c, ctx.kb, "BTN_CONNECT_TECH")))


def reset(c: Conversation, e: Event, ctx: Context) -> Outcome:
    """Start again from the privacy notice, keeping the session, its photos and its creation time."""
    fresh = Conversation(session_id=c.session_id, created_at=c.created_at, locale=c.locale, images=c.images)
    return Outcome(fresh, prompt(fresh, ctx.kb))


def close(c: Conversation, e: Event, ctx: Context) -> Outcome:
    if not c.consented:
        return refuse(c, e, ctx)
    finished = () if c.stage in (Stage.TICKET, Stage.ENDED) else (Finished("abandoned"),)
    moved = replace(c, stage=Stage.ENDED)
    return Outcome(moved, Reply(ctx.kb.texts.say("closed", c.locale), buttons(c, ctx.kb, "BTN_REPHRASE")), finished)


def frustration(c: Conversation, e: Event, ctx: Context) -> Outcome:
    back = ("BTN_BACK_TO_STEPS",) if c.stage in STEP_STAGES else ()
    return Outcome(c, Reply(ctx.kb.texts.say("frustration", c.locale), buttons(c, ctx.kb, "BTN_CONNECT_TECH", *back)))
