"""The conversation state machine: table-driven, total, and always offering a way forward."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stichat.adapters.knowledge_files import load_knowledge
from stichat.domain import conversation as conv
from stichat.domain import turns
from stichat.domain.conversation import TRANSITIONS, Context, Kind, Stage
from stichat.domain.errors import UnknownButton
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.nlu import understand

BUTTONS = ["BTN_LANG_ES_AR", "BTN_LANG_EN", "BTN_CONSENT_NO", "BTN_NO_NAME", "BTN_SOLVED", "BTN_PERSIST",
           "BTN_BACK_TO_STEPS", "BTN_ADVANCED_TESTS", "BTN_CONNECT_TECH", "BTN_REPHRASE", "BTN_CLOSE",
           "BTN_HELP_1", "BTN_HELP_2", "BTN_HELP_9", "BTN_DEV_NOTEBOOK", "BTN_DEV_PRINTER", "BTN_DEV_OTHER"]
TEXTS = ["hola", "sí", "no", "no acepto", "Lucía", "mi notebook no prende", "la compu no anda", "sigue igual",
         "se solucionó", "no sé hacer el paso 2", "quiero hablar con un técnico", "esto no sirve", "chau",
         "gracias", "asdfgh", "my laptop won't turn on", "", "1234", "la impresora no imprime", "otra consulta"]


@cache
def kb() -> KnowledgeBase:
    return load_knowledge()


def ctx(n: int = 0) -> Context:
    return Context(kb(), 1_700_000_000.0 + n, f"TCK-20231114-ABCDE{'FGHJKLMNPQ'[n % 10]}")


def turn(c: conv.Conversation, step: tuple[str, str], n: int) -> conv.Outcome:
    kind, value = step
    if kind == "button":
        event = turns.button_event(value, kb())
    else:
        event = turns.text_event(c, value, understand(value), kb=kb())
    return conv.apply(c, event, ctx(n))


def test_every_stage_has_a_row_and_every_row_leads_to_a_known_stage() -> None:
    assert set(TRANSITIONS) == set(Stage)
    for rules in TRANSITIONS.values():
        for rule in rules.values():
            assert all(target in Stage for target in rule.targets)


def test_close_is_accepted_at_every_stage() -> None:
    assert all(Kind.CLOSE in rules for rules in TRANSITIONS.values())


def test_a_refusal_is_never_read_as_consent() -> None:
    start, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    out = turn(start, ("text", "no acepto"), 0)
    assert out.conversation.stage == Stage.CLOSED
    assert conv.Finished("refused") in out.actions


def test_an_unknown_button_is_an_error_not_a_transition() -> None:
    with pytest.raises(UnknownButton):
        turns.button_event("BTN_NOPE", kb())


def test_a_problem_typed_at_the_name_step_is_kept() -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    c = turn(c, ("button", "BTN_LANG_ES_AR"), 1).conversation
    out = turn(c, ("text", "mi notebook no prende"), 2)
    assert out.conversation.problem == "no_power" and out.conversation.device == "notebook"
    assert out.conversation.stage == Stage.BASIC_TESTS


def test_an_ambiguous_device_is_asked_with_device_buttons() -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    c = turn(c, ("button", "BTN_LANG_ES_AR"), 1).conversation
    c = turn(c, ("text", "Ana"), 2).conversation
    out = turn(c, ("text", "la compu no prende"), 3)
    assert out.conversation.stage == Stage.ASK_DEVICE
    values = [b.value for b in out.reply.buttons]
    assert "BTN_DEV_PC" in values and "BTN_DEV_NOTEBOOK" in values


def test_the_same_problem_reuses_its_ticket_and_a_new_problem_gets_a_new_one() -> None:
    c, _ = conv.start("s" * 32, locale="en", now=0.0, kb=kb())
    for n, step in enumerate([("button", "BTN_LANG_EN"), ("text", "Mary"), ("text", "my printer won't print")]):
        c = turn(c, step, n).conversation
    first = turn(c, ("button", "BTN_CONNECT_TECH"), 5)
    again = turn(first.conversation, ("button", "BTN_CONNECT_TECH"), 6)
    assert again.conversation.ticket_id == first.conversation.ticket_id
    assert conv.OpenTicket(first.conversation.ticket_id or "") in again.actions
    c = turn(again.conversation, ("button", "BTN_REPHRASE"), 7).conversation
    c = turn(c, ("text", "my laptop is very slow"), 8).conversation
    other = turn(c, ("button", "BTN_CONNECT_TECH"), 9)
    assert other.conversation.ticket_id != first.conversation.ticket_id


steps = st.lists(st.one_of(st.tuples(st.just("button"), st.sampled_from(BUTTONS)),
                           st.tuples(st.just("text"), st.sampled_from(TEXTS)),
                           st.tuples(st.just("text"), st.text(max_size=60))), max_size=25)


@settings(max_examples=300, deadline=None)
@given(steps, st.sampled_from(["es-AR", "en"]))
def test_random_turns_never_raise_never_leave_the_table_and_always_offer_a_way_forward(
        sequence: list[tuple[str, str]], locale: str) -> None:
    c, _ = conv.start("s" * 32, locale=locale, now=0.0, kb=kb())
    for n, step in enumerate(sequence):
        out = turn(c, step, n)
        c = out.conversation
        assert c.stage in TRANSITIONS
        reply = out.reply
        assert reply.text.strip()
        assert reply.buttons or reply.text.rstrip().endswith("?") or c.stage in (Stage.ASK_NAME, Stage.ASK_PROBLEM)
        if c.stage in (Stage.BASIC_TESTS, Stage.ADVANCED_TESTS):
            assert {"BTN_SOLVED", "BTN_PERSIST"} <= {b.value for b in reply.buttons} or any(
                b.value == "BTN_CONNECT_TECH" for b in reply.buttons)


def test_the_whatsapp_button_goes_through_the_table_and_keeps_one_ticket() -> None:
    c, _ = conv.start("w" * 32, locale="es-AR", now=0.0, kb=kb())
    for n, step in enumerate([("button", "BTN_LANG_ES_AR"), ("text", "Lucía"), ("text", "mi notebook no prende")]):
        c = turn(c, step, n).conversation
    assert Kind.WHATSAPP in TRANSITIONS[Stage.BASIC_TESTS]
    whatsapp = conv.Event(Kind.WHATSAPP, button="BTN_WHATSAPP")
    assert conv.needs_new_ticket(c, whatsapp)
    first = conv.apply(c, whatsapp, ctx(5))
    assert first.conversation.stage == Stage.TICKET
    assert first.actions == (conv.OpenTicket(ctx(5).new_ticket_id or ""), conv.Finished("ticket"))
    again = conv.apply(first.conversation, whatsapp, ctx(6))
    assert again.actions == (conv.OpenTicket(ctx(5).new_ticket_id or ""),), "a second click reuses the ticket"
    assert again.reply.text != first.reply.text, "and is not answered with the same words"


def test_the_whatsapp_button_before_consent_opens_a_ticket_but_keeps_the_privacy_question() -> None:
    c, _ = conv.start("x" * 32, locale="es-AR", now=0.0, kb=kb())
    out = conv.apply(c, conv.Event(Kind.WHATSAPP, button="BTN_WHATSAPP"), ctx(1))
    assert out.conversation.stage == Stage.ASK_CONSENT
    assert out.conversation.ticket_id == ctx(1).new_ticket_id
