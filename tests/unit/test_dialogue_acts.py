"""Dialogue acts at the steps and around them, on the domain alone (no service, no I/O)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from stichat.adapters.knowledge_files import load_knowledge
from stichat.domain import conversation as conv
from stichat.domain import turns
from stichat.domain.conversation import Context, Conversation, Kind, Stage
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.nlu import Intent, understand
from stichat.domain.ticket_summary import summarize_steps, summary_paragraph
from stichat.domain.tickets import Ticket, reply_text, whatsapp_text

TICKET = "TCK-20231114-ABCDEF"


@cache
def kb() -> KnowledgeBase:
    return load_knowledge()


def say(c: Conversation, text: str) -> conv.Outcome:
    event = turns.text_event(c, text, understand(text), kb=kb())
    return conv.apply(c, event, Context(kb(), 1_700_000_000.0, TICKET))


def press(c: Conversation, value: str) -> conv.Outcome:
    return conv.apply(c, turns.button_event(value, kb()), Context(kb(), 1_700_000_000.0, TICKET))


WONT_TURN_ON = {"es-AR": "mi notebook no prende", "en": "my laptop won't turn on"}


def at_steps(text: str = "mi notebook no prende", locale: str = "es-AR") -> Conversation:
    c, _ = conv.start("s" * 32, locale=locale, now=0.0, kb=kb())
    c = press(c, "BTN_LANG_EN" if locale == "en" else "BTN_LANG_ES_AR").conversation
    c = say(c, "Ana").conversation
    c = say(c, text).conversation
    assert c.stage == Stage.BASIC_TESTS, c
    return c


@pytest.mark.parametrize("text", ["sigue sin prender", "tampoco", "probé los tres y nada cambió", "no hubo caso",
                                  "reinicié y nada che", "ni ahí, sigue igual"])
def test_typed_ways_of_saying_it_still_fails_move_on_to_the_escalation(text: str) -> None:
    assert say(at_steps(), text).conversation.stage == Stage.ESCALATE


@pytest.mark.parametrize("text", ["no change at all", "nothing worked", "still dead", "none of them helped"])
def test_english_ways_of_saying_it_still_fails_move_on_too(text: str) -> None:
    assert say(at_steps("my laptop won't turn on", "en"), text).conversation.stage == Stage.ESCALATE


@pytest.mark.parametrize("text", ["pasame las avanzadas", "si dale, pasame las avanzadas", "can we try the harder ones",
                                  "yes ok, the advanced steps please"])
def test_asking_for_the_advanced_steps_by_typing_shows_them_even_with_a_yes_in_front(text: str) -> None:
    c = at_steps()
    out = say(c, text)
    assert out.conversation.stage == Stage.ADVANCED_TESTS
    assert conv.Finished("solved") not in out.actions
    assert out.reply.steps == tuple((n, s.text_in("es-AR")) for n, s in enumerate(
        kb().steps("notebook", "no_power", "advanced"), start=1))


def test_better_but_still_wrong_after_a_but_is_not_solved() -> None:
    c = at_steps("se me mojó el celu")
    out = say(c, "lo sequé y ahora prende, pero la pantalla tiene manchas y no anda el táctil")
    assert out.conversation.stage == Stage.ESCALATE
    assert say(c, "ya anda, gracias!").conversation.stage == Stage.ENDED


@pytest.mark.parametrize(("locale", "text"), [
    ("es-AR", "reseteé el chrome y desaparecieron las publicidades, genial"),
    ("en", "that did the trick"), ("en", "it hasn't shut off in 2 hours, guess that was it!"),
    ("en", "I reset it and now it connect!"),
])
def test_solved_said_by_what_went_away_or_what_works_now_ends_the_chat(locale: str, text: str) -> None:
    first = "mi notebook no prende" if locale == "es-AR" else "my laptop won't turn on"
    assert say(at_steps(first, locale), text).conversation.stage == Stage.ENDED


def test_asking_for_the_most_technical_steps_is_the_advanced_steps_not_a_technician() -> None:
    assert say(at_steps(), "eso ya lo hice todo, salteá y pasame lo más técnico").conversation.stage == (
        Stage.ADVANCED_TESTS)


@pytest.mark.parametrize("text", ["yes please connect me with someone",
                                  "is there any possibility your technician can check it?"])
def test_a_polite_or_roundabout_request_for_a_person_opens_a_ticket(text: str) -> None:
    assert say(at_steps("my laptop won't turn on", "en"), text).conversation.stage == Stage.TICKET


def test_a_menu_that_is_not_there_is_a_step_that_could_not_be_done_and_asks_which() -> None:
    out = say(at_steps("mi celu no carga"), "en mi celu no existe ese menú que decís")
    assert out.conversation.stage == Stage.BASIC_TESTS
    assert "¿Cuál paso no pudiste hacer?" in out.reply.text
    assert any(b.value.startswith("BTN_HELP_") for b in out.reply.buttons)


def test_no_internet_on_every_machine_of_the_office_is_the_router() -> None:
    heard = understand("no ai internet en ninguna maquina de la ofi")
    assert (heard.device, heard.problem) == ("router", "no_internet")
    assert understand("no internet on any device in the house").device == "router"
    assert understand("mi celu no tiene internet en la casa").device == "smartphone"


def test_a_surname_that_is_also_a_device_word_names_no_device() -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    c = press(c, "BTN_LANG_ES_AR").conversation
    c = say(c, "me llamo Juan Cruz de la Torre").conversation
    assert (c.name, c.device, c.stage) == ("Juan Cruz de la Torre", None, Stage.ASK_PROBLEM)
    assert say(c, "la compu tarda una eternidad en arrancar").conversation.stage == Stage.ASK_DEVICE


def test_correcting_to_the_notebooks_own_keyboard_moves_to_the_notebook() -> None:
    out = say(at_steps("el teclado no anda"), "ah no para, es el teclado de la notebook, no uno enchufado aparte")
    assert (out.conversation.device, out.conversation.stage) == ("notebook", Stage.BASIC_TESTS)


def test_a_where_do_i_find_question_about_another_thing_is_answered_not_taken_as_a_new_problem() -> None:
    c = say(at_steps("mi notebook no tiene internet"), "sigue igual").conversation
    out = say(c, "y la contraseña del wifi donde la veo? no me la acuerdo")
    assert out.conversation.stage == Stage.ESCALATE and out.conversation.device == "notebook"
    assert "etiqueta" in out.reply.text


def test_asking_how_much_free_space_there_is_is_not_a_price_question() -> None:
    out = say(at_steps("my laptop is slow", "en"), "how do i check how much free space i have?")
    assert "This PC" in out.reply.text and "$" not in out.reply.text


def test_an_angry_first_message_is_still_read_for_its_problem() -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    c = say(press(c, "BTN_LANG_ES_AR").conversation, "Ana").conversation
    out = say(c, "ESTA IMPRESORA DE MIERDA NO IMPRIME NADA")
    assert (out.conversation.device, out.conversation.problem) == ("printer", "printing")


@pytest.mark.parametrize(("locale", "text"), [
    ("es-AR", "cambié el canal como decía el paso 2 y hace media hora que no se corta"),
    ("en", "ok swapped to the displayport cable and the flickering stopped"),
    ("en", "signed in with my work account and now its activated"),
    ("en", "oh the bluetooth was still connected to my car lol, works now"),
])
def test_more_indirect_ways_of_saying_it_is_fixed_end_the_chat(locale: str, text: str) -> None:
    first = "se corta el wifi" if locale == "es-AR" else "my monitor flickers"
    assert say(at_steps(first, locale), text).conversation.stage == Stage.ENDED


@pytest.mark.parametrize("text", ["pls escalate this to support staff",
                                  "this is useless, connect me to an actual person"])
def test_asking_to_escalate_or_for_an_actual_person_opens_a_ticket(text: str) -> None:
    assert say(at_steps("my laptop won't turn on", "en"), text).conversation.stage == Stage.TICKET


def test_no_hay_caso_still_fails_and_asking_for_the_list_again_shows_the_steps() -> None:
    c = at_steps()
    assert say(c, "no hay caso").conversation.stage == Stage.ESCALATE
    again = say(c, "me pasás de nuevo la lista de pasos?")
    assert again.conversation.stage == Stage.BASIC_TESTS and again.reply.steps


def test_thanking_with_slang_after_the_end_is_not_a_new_problem() -> None:
    ended = say(at_steps(), "ya anda!").conversation
    assert ended.stage == Stage.ENDED
    assert say(ended, "mil gracias crack").conversation.stage == Stage.ENDED


@pytest.mark.parametrize(("text", "device", "problem"), [
    ("se me tildó la compu y no responde nada, ni el mouse", None, "freezes"),
    ("enchufé el monitor a la notebook de mi hermano y anda, en mi pc no da imagen", "pc", "no_display"),
    ("el ssd nuevo que compré no aparece en la pc", "storage", "not_detected"),
    ("no sound on calls on my samsung, and people cant hear me either", "smartphone", "no_sound"),
    ("volqué mate sobre el teclado y ahora escribe cualquier cosa", "keyboard", "physical_damage"),
    ("it's broken", None, None), ("celu roto", "smartphone", "physical_damage"),
    ("la pc anda para atrás", "pc", None),
    ("la pc prende, las luces del teclado se encienden, pero no da video", "pc", "no_display"),
    ("el teclado usb de la pc no prende las luces y no escribe", "keyboard", "not_detected"),
    ("my laptop speakers crackle and then no sound at all", "notebook", "no_sound"),
    ("cant print from my iphone", "smartphone", "printing"),
    ("el celu se reinicia solo a cada rato, un xiaomi redmi note 10", "smartphone", "freezes"),
])
def test_first_messages_name_the_device_at_fault_and_only_a_problem_they_say(
        text: str, device: str | None, problem: str | None) -> None:
    heard = understand(text)
    assert (heard.device, heard.problem) == (device, problem)


#: Follow-ups from the v14–v16 rounds, each typed at the steps of the conversation it came from.
@pytest.mark.parametrize(("first", "text", "kind"), [
    ("la pc está lenta", "el paso 2 como sería? dónde queda la tapita de atrás", Kind.HELP),
    ("la pc está lenta", "no sé cómo se abre el gabinete, no le encuentro los tornillos", Kind.CANT_DO),
    ("la pc está lenta", "no veo ninguna mejora, sigue siendo una tortuga", Kind.PERSISTS),
    ("la pc está lenta", "dejé el botón apretado 30 segundos y ni se inmuta", Kind.PERSISTS),
    ("la pc está lenta", "volvé a pasarme la lista q no la veo", Kind.SHOW_STEPS),
    ("la pc está lenta", "ya van 2 horas sin cortes", Kind.SOLVED),
    ("la pc está lenta", "no habrá alguien q me pueda dar una mano en persona?", Kind.TECHNICIAN),
    ("la pc está lenta", "che y no hay forma de q alguien la revise por anydesk?", Kind.TECHNICIAN),
    ("la pc no da imagen", "listo!! lo pasé al puerto de abajo y ahora ya veo el escritorio de windows", Kind.SOLVED),
    ("la pc no da imagen", "hice lo del comando netsh y reinicié, ahora navega perfecto", Kind.SOLVED),
    ("la pc no da imagen", "bueno pasemos a lo difícil", Kind.ADVANCED),
    ("la pc no da imagen", "no me salió ninguno, sigue tirando el mismo error", Kind.PERSISTS),
    ("la pc no da imagen", "no tengo cinta de embalar como dice el 1", Kind.CANT_DO),
    ("la pc no da imagen",
     "me lo arreglan ustedes? quiero hablar con el técnico para q me pase presupuesto", Kind.TECHNICIAN),
    ("la pc no da imagen", "con quién hablo para que me lo instalen remoto?", Kind.TECHNICIAN),
    ("la pc no da imagen", "hacen visitas a oficinas o hay q llevarla?", Kind.SHOP),
    ("mi notebook no prende", "y cuánto me sale si la llevo al local?", Kind.SHOP),
    ("mi notebook no prende", "quiero dejarla en el local para q la revisen, me atiende alguien?", Kind.TECHNICIAN),
    ("mi notebook no prende", "más pasos no hay?", Kind.ADVANCED),
    ("mi notebook no prende", "ya hice todo eso", Kind.PERSISTS),
    ("mi notebook no prende", "no prende ni a palos", Kind.PERSISTS),
    ("mi notebook no prende", "se me volcó un poco de mate encima antes, tendrá q ver?", Kind.QUESTION),
    ("mi notebook no prende", "q es la dirección mac?", Kind.QUESTION),
    ("mi notebook no prende", "no me animo a hacer eso del registro, no quiero romper nada", Kind.CANT_DO),
    ("mi notebook no prende", "ahora sí se mueve, era el receptor usb q estaba flojo", Kind.SOLVED),
])
def test_typed_follow_ups_at_the_steps_are_read_as_the_act_they_say(first: str, text: str, kind: Kind) -> None:
    c = at_steps(first)
    assert turns.text_event(c, text, understand(text), kb=kb()).kind == kind


def test_a_device_denied_after_the_one_meant_is_set_aside() -> None:
    assert understand("la q se cierra y tiene batería, no la de escritorio").device == "notebook"
    assert understand("es la aspiradora robot, una xiaomi, lo demás anda bien con el wifi").device == "other"
    assert understand("el monitor nuevo anda con la play pero con la pc no da imagen").device == "pc"


def test_a_phone_number_given_as_contact_is_not_the_device_at_fault() -> None:
    heard = understand("anotate mi cel [PHONE] x las dudas, la pc se apaga sola dsp de un rato")
    assert heard.device == "pc"


def test_a_bare_yes_at_the_steps_asks_whether_it_is_fixed_instead_of_closing() -> None:
    out = say(at_steps(), "sí")
    assert out.conversation.stage == Stage.BASIC_TESTS
    assert [b.value for b in out.reply.buttons][:2] == ["BTN_SOLVED", "BTN_PERSIST"]


def test_saying_it_works_now_ends_the_conversation_as_solved() -> None:
    out = say(at_steps(), "ya prendió!! era el cable")
    assert out.conversation.stage == Stage.ENDED and conv.Finished("solved") in out.actions


def test_could_not_do_a_step_explains_that_step_and_is_noted_for_the_technician() -> None:
    c = at_steps()
    out = say(c, "no pude hacer el 2")
    assert out.conversation.stage == Stage.BASIC_TESTS
    assert kb().steps("notebook", "no_power", "basic")[1].help_in("es-AR") in out.reply.text
    assert out.conversation.step_notes == ("basic:2:cant_do",)


def test_a_safety_question_is_answered_from_the_knowledge_base_and_opens_no_ticket() -> None:
    c = at_steps()
    out = say(c, "¿puedo abrir la tapa para limpiarla?")
    assert out.conversation.stage == Stage.BASIC_TESTS and not out.actions
    assert "garantía" in out.reply.text
    assert out.conversation.questions == ("¿puedo abrir la tapa para limpiarla?",)


def test_a_question_nobody_wrote_an_answer_for_is_honestly_handed_to_a_technician() -> None:
    out = say(at_steps(), "¿y si le cambio el procesador por uno más nuevo?")
    assert out.conversation.stage == Stage.BASIC_TESTS and not out.actions
    assert "técnico" in out.reply.text and "BTN_CONNECT_TECH" in [b.value for b in out.reply.buttons]


@pytest.mark.parametrize(("text", "word"), [("a que hora abren?", "lunes"), ("donde quedan?", "Rosario"),
                                            ("cuanto sale el diagnostico?", "diagnóstico"),
                                            ("tienen garantia?", "garantía"), ("arreglan consolas?", "Consolas")])
def test_shop_questions_are_answered_from_the_shop_facts_and_the_steps_stay(text: str, word: str) -> None:
    c = at_steps()
    out = say(c, text)
    assert word in out.reply.text
    assert out.conversation.stage == Stage.BASIC_TESTS and out.conversation.problem == "no_power"


def test_a_complaint_about_a_past_repair_is_acknowledged_and_handed_to_a_person() -> None:
    out = say(at_steps(), "la note que me arreglaron la semana pasada volvió a fallar")
    assert out.conversation.stage == Stage.TICKET and out.conversation.ticket_reason == "complaint"
    assert conv.OpenTicket(TICKET) in out.actions and "Lamento" in out.reply.text


def test_a_second_device_mentioned_at_the_steps_is_kept_and_offered_once_the_first_is_solved() -> None:
    c = say(at_steps(), "y además la impresora no imprime").conversation
    assert c.stage == Stage.BASIC_TESTS and c.device == "notebook" and "impresora" in c.pending
    done = say(c, "listo, ya prendió")
    assert "impresora" in done.reply.text and "BTN_NEXT_PROBLEM" in [b.value for b in done.reply.buttons]
    after = press(done.conversation, "BTN_NEXT_PROBLEM").conversation
    assert (after.device, after.problem, after.stage) == ("printer", "printing", Stage.BASIC_TESTS)


def test_correcting_the_device_restarts_the_steps_for_the_right_one() -> None:
    out = say(at_steps("la pc no prende"), "no, perdón, es la notebook")
    assert out.conversation.device == "notebook" and out.conversation.stage == Stage.BASIC_TESTS


def test_asking_to_see_the_steps_at_the_escalation_shows_them_again() -> None:
    c = press(at_steps(), "BTN_PERSIST").conversation
    out = say(c, "mostrame los pasos de nuevo")
    assert out.conversation.stage == Stage.BASIC_TESTS and out.reply.steps


def test_the_same_reply_is_never_sent_twice_in_a_row() -> None:
    c = at_steps()
    first = say(c, "asdfgh")
    second = say(first.conversation, "asdfgh")
    third = say(second.conversation, "asdfgh")
    assert first.reply.text != second.reply.text != third.reply.text
    assert "BTN_CONNECT_TECH" in [b.value for b in second.reply.buttons]


def test_a_vague_first_message_gets_a_menu_of_common_problems_not_generic_steps() -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    c = say(press(c, "BTN_LANG_ES_AR").conversation, "Ana").conversation
    out = say(c, "no funciona bien")
    assert out.conversation.stage == Stage.ASK_PROBLEM and out.conversation.problem is None
    values = [b.value for b in out.reply.buttons]
    assert "BTN_PROBLEM_NO_POWER" in values and "BTN_CONNECT_TECH" in values


def test_a_device_outside_the_taxonomy_is_other_with_an_honest_reply() -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    c = say(press(c, "BTN_LANG_ES_AR").conversation, "Ana").conversation
    out = say(c, "el proyector epson no da imagen")
    assert out.conversation.device == "other" and "No tengo una guía específica" in out.reply.text


def test_clicking_no_acepto_again_counts_one_refusal() -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    first = press(c, "BTN_CONSENT_NO")
    second = press(first.conversation, "BTN_CONSENT_NO")
    assert conv.Finished("refused") in first.actions and conv.Finished("refused") not in second.actions


def test_an_english_typed_reply_to_the_notice_gets_the_english_fallback() -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    out = say(c, "what is this about")
    assert "accept" in out.reply.text and out.conversation.locale == "en"


def test_steps_tried_list_each_step_with_its_result() -> None:
    lines = summarize_steps(("basic",), {"basic": ["A", "B", "C"]}, "en", ("basic:2:cant_do",), texts=kb().texts)
    assert lines == ("Basic 1: A — did not fix it", "Basic 2: B — could not do it", "Basic 3: C — did not fix it")


def test_the_summary_is_one_readable_paragraph_of_what_was_tried_and_asked() -> None:
    text = summary_paragraph(locale="es-AR", name="Marta", device_label="impresora", problem_label="no imprime",
                             levels_tried=("basic", "advanced"), notes=("basic:2:cant_do",),
                             questions=("¿puedo abrir la tapa?",), reason="asked", counts={"basic": 3, "advanced": 3},
                             texts=kb().texts)
    assert text == ("Marta consulta por su impresora: no imprime. Probó los 3 pasos básicos sin resultado y los 3 "
                    "pasos avanzados sin resultado. No pudo hacer el paso básico 2. Preguntó: «¿puedo abrir la "
                    "tapa?». Pidió hablar con un técnico.")
    assert "|" not in text


@pytest.mark.parametrize(("locale", "expected"), [
    ("es-AR", "Ana consulta por su notebook: no prende. Vio los 3 pasos básicos, sin decir cómo le fue. Pidió "
              "hablar con un técnico."),
    ("en", "Ana needs help with their laptop: won't power on. They saw the 3 basic steps without saying how they "
           "went. They asked to talk to a technician."),
])
def test_steps_shown_without_a_result_read_as_their_own_sentence(locale: str, expected: str) -> None:
    device, problem = ("notebook", "no prende") if locale == "es-AR" else ("laptop", "won't power on")
    text = summary_paragraph(locale=locale, name="Ana", device_label=device, problem_label=problem,
                             levels_tried=("basic:unfinished",), notes=(), questions=(), reason="asked",
                             counts={"basic": 3}, texts=kb().texts)
    assert text == expected


def test_a_ticket_after_still_broken_marks_the_level_as_failed_not_unfinished() -> None:
    c = at_steps()
    out = say(c, "sigue igual, quiero hablar con un técnico")
    assert out.conversation.stage == Stage.TICKET and out.conversation.levels_tried == ("basic",)
    untouched = say(replace(c), "quiero hablar con un técnico").conversation
    assert untouched.levels_tried == ("basic:unfinished",)
    assert say(c, "quiero hablar con un técnico").reply.text.count("TCK-") == 1
    assert Kind.TECHNICIAN in conv.TRANSITIONS[Stage.BASIC_TESTS]


def test_a_second_problem_in_the_first_message_is_kept_and_offered_after_the_first() -> None:
    c = at_steps("la note no prende y además la impresora no imprime")
    assert (c.device, c.problem) == ("notebook", "no_power") and c.pending == "la impresora no imprime"
    ticket = say(c, "quiero hablar con un técnico")
    assert "la impresora no imprime" in ticket.reply.text
    assert "BTN_NEXT_PROBLEM" in [b.value for b in ticket.reply.buttons]


def test_gibberish_at_the_steps_is_never_guessed_into_an_act() -> None:
    out = say(at_steps(), "asdfgh qwerty")
    assert out.conversation.stage == Stage.BASIC_TESTS and not out.actions


def test_steps_leave_out_what_the_customer_says_they_already_did() -> None:
    c = at_steps("la pc no prende, ya probé con otro cable")
    shown = [text for _, text in conv.prompt(c, kb()).steps or ()]
    assert c.done == ("cable",)
    assert shown and not any("otro cable" in text for text in shown)
    full = [s.text_in("es-AR") for s in kb().steps("pc", "no_power", "basic")]
    assert any("otro cable" in text for text in full)  # the step exists; it is only not repeated
    assert len(press(c, "BTN_HELP_2").reply.text) > 0 and len(shown) == len(full) - 1


@pytest.mark.parametrize("text", ["anda!! era el enchufe", "listo, ya suena", "got it working, thanks",
                                  "way smoother now"])
def test_saying_it_works_or_what_the_cause_was_ends_as_solved(text: str) -> None:
    assert say(at_steps(), text).conversation.stage == Stage.ENDED


@pytest.mark.parametrize("text", ["desde que la trajeron anda mal, una falta de respeto",
                                  "i just want it fixed, can someone take it from here"])
def test_a_message_that_says_it_still_works_badly_never_ends_the_chat(text: str) -> None:
    assert say(at_steps(), text).conversation.stage != Stage.ENDED


@pytest.mark.parametrize("text", ["mandame a alguien que sepa", "prefiero que la vean ustedes", "esto ya me supera",
                                  "could someone at the shop take over?"])
def test_indirect_requests_for_a_person_open_a_ticket(text: str) -> None:
    out = say(at_steps(), text)
    assert out.conversation.stage == Stage.TICKET
    assert any(isinstance(a, conv.OpenTicket) for a in out.actions)


def test_asking_whether_the_advanced_steps_are_hard_is_answered_before_showing_them() -> None:
    c = say(at_steps(), "sigue igual").conversation
    out = say(c, "¿las avanzadas son difíciles?")
    assert out.conversation.stage == Stage.ESCALATE
    assert "técnicas" in out.reply.text
    assert say(out.conversation, "bueno, pasámelas").conversation.stage == Stage.ADVANCED_TESTS


def test_a_long_report_that_ends_in_it_still_happening_escalates() -> None:
    c = at_steps("la pc tiene virus, me salen ventanitas")
    out = say(c, "pasé el antivirus, reinicié, mi hijo también le metió mano y siguen apareciendo, no entiendo nada")
    assert out.conversation.stage == Stage.ESCALATE


@pytest.mark.parametrize(("text", "locale"), [("hola, no me anda bien", "es-AR"), ("it just won't work", "en")])
def test_a_vague_first_message_is_asked_what_it_does_with_a_menu_not_told_it_was_not_understood(
        text: str, locale: str) -> None:
    c, _ = conv.start("v" * 32, locale=locale, now=0.0, kb=kb())
    c = press(c, "BTN_LANG_EN" if locale == "en" else "BTN_LANG_ES_AR").conversation
    c = say(c, "Belu").conversation
    out = say(c, text)
    assert out.conversation.stage == Stage.ASK_PROBLEM
    assert out.reply.text == kb().texts.say("ask_what_it_does", locale)
    assert any(b.value.startswith("BTN_PROBLEM_") for b in out.reply.buttons)


@pytest.mark.parametrize("text", ["no se colgó más en toda la mañana", "¡ahora sí!", "ya me aparece el wifi, gracias",
                                  "ya recuperé la cuenta"])
def test_saying_the_fault_no_longer_happens_ends_as_solved(text: str) -> None:
    assert say(at_steps(), text).conversation.stage == Stage.ENDED


@pytest.mark.parametrize("text", ["le cambié el cable, nada", "hice las tres cosas y me volvió a pasar",
                                  "did all of it and the error came back again"])
def test_what_was_tried_followed_by_how_it_went_escalates(text: str) -> None:
    assert say(at_steps(), text).conversation.stage == Stage.ESCALATE


@pytest.mark.parametrize("text", ["q lo vea alguien q sepa", "¿no me podrían mandar a alguien?"])
def test_chat_abbreviations_and_questions_still_ask_for_a_person(text: str) -> None:
    assert say(at_steps(), text).conversation.stage == Stage.TICKET


@pytest.mark.parametrize("text", ["me la devolvieron hace una semana y anda igual, me tienen cansado",
                                  "you guys cleaned this laptop in may and it's doing the same thing again"])
def test_a_repair_that_did_not_last_is_a_complaint_with_a_ticket(text: str) -> None:
    out = say(at_steps(), text)
    assert out.conversation.stage == Stage.TICKET
    assert out.conversation.ticket_reason == "complaint"


def test_another_device_that_fails_too_is_kept_for_later_not_read_as_the_steps_failing() -> None:
    out = say(at_steps(), "ok, y la impresora tampoco anda, pero eso lo vemos después")
    assert out.conversation.stage == Stage.BASIC_TESTS
    assert out.conversation.pending


def test_da_lo_mismo_asks_whether_the_order_matters_it_does_not_say_it_still_fails() -> None:
    assert say(at_steps(), "¿hay que hacerlos en orden o da lo mismo?").conversation.stage == Stage.BASIC_TESTS


def test_a_safety_question_that_mentions_the_plug_is_answered_not_read_as_still_failing() -> None:
    out = say(at_steps("my pc won't turn on", "en"), "is it safe to touch the inside while it's still plugged in?")
    assert out.conversation.stage == Stage.BASIC_TESTS
    assert "unplug" in out.reply.text


def test_a_customer_who_did_the_steps_and_no_longer_sees_the_error_is_solved() -> None:
    out = say(at_steps("la pc tira pantallazo azul"), "hice todos y no me salió más el pantallazo")
    assert out.conversation.stage == Stage.ENDED


@pytest.mark.parametrize("text", ["se volvió a colgar", "se volvio a trabar"])
def test_it_came_back_escalates(text: str) -> None:
    assert say(at_steps("se me tilda la notebook"), text).conversation.stage == Stage.ESCALATE


@pytest.mark.parametrize("text", ["ahora arranca mucho más rápido", "creo que ya está", "it's lasting way longer now"])
def test_it_got_better_ends_as_solved(text: str) -> None:
    assert say(at_steps("la notebook anda lenta"), text).conversation.stage == Stage.ENDED


def test_a_professional_is_a_person() -> None:
    assert say(at_steps("my laptop won't turn on", "en"), "I need a professional to handle this").conversation.stage \
        == Stage.TICKET


@pytest.mark.parametrize("text", ["ninguno de los pasos sirvió", "ya hice eso también y se volvió a congelar",
                                  "nada, otra vez azul apenas arranca"])
def test_saying_none_of_the_steps_worked_or_that_it_happened_again_is_never_read_as_solved(text: str) -> None:
    assert say(at_steps("la note se tilda"), text).conversation.stage == Stage.ESCALATE


@pytest.mark.parametrize("text", ["did all of it, it rebooted again 10 min ago",
                                  "charged it 2 hours and held the button, black screen"])
def test_saying_what_was_tried_and_the_symptom_that_is_left_escalates(text: str) -> None:
    assert say(at_steps("my laptop won't turn on", "en"), text).conversation.stage == Stage.ESCALATE


@pytest.mark.parametrize("text", ["ahí volvió! tenía puesto el no molestar sin darme cuenta",
                                  "entré con la cuenta de microsoft y cambié la clave, listo", "ya volvió a andar"])
def test_saying_it_came_back_or_listo_after_what_was_done_ends_as_solved(text: str) -> None:
    assert say(at_steps(), text).conversation.stage == Stage.ENDED


@pytest.mark.parametrize("text", ["dale, tirame las más técnicas a ver", "vamos con las complicadas entonces"])
def test_asking_for_the_harder_ones_in_slang_shows_the_advanced_steps_not_a_technician(text: str) -> None:
    c = say(at_steps(), "sigue igual").conversation
    assert say(c, text).conversation.stage == Stage.ADVANCED_TESTS


@pytest.mark.parametrize(("text", "locale"), [("¿no hay nadie que me lo pueda mirar?", "es-AR"),
                                              ("¿me podés conectar con alguien que me lo instale remoto?", "es-AR"),
                                              ("is there a human i could talk to?", "en")])
def test_asking_whether_there_is_a_person_opens_a_ticket(text: str, locale: str) -> None:
    c = say(at_steps("la notebook no prende" if locale == "es-AR" else "my laptop won't turn on", locale),
            "sigue igual" if locale == "es-AR" else "still the same").conversation
    out = say(c, text)
    assert out.conversation.stage == Stage.TICKET
    assert any(isinstance(a, conv.OpenTicket) for a in out.actions)


def test_a_correction_that_names_the_wrong_device_after_the_right_one_takes_the_right_one() -> None:
    c = at_steps("my monitor shows no signal", "en")
    out = say(c, "wait sorry, it's actually my tv, not a monitor. samsung smart tv with a cable box")
    assert out.conversation.device == "tv"


def test_a_device_the_customer_says_will_come_up_later_is_kept_for_after() -> None:
    out = say(at_steps(), "ah y después te consulto por el mouse que anda cuando se le canta, pero primero esto")
    assert out.conversation.stage == Stage.BASIC_TESTS and out.conversation.device == "notebook"
    assert "mouse" in out.conversation.pending


def test_asking_whether_the_shop_works_on_consoles_is_a_shop_question() -> None:
    out = say(at_steps(), "ustedes le meten mano a las play o solo a compus?")
    assert out.conversation.stage == Stage.BASIC_TESTS
    assert "PlayStation" in out.reply.text or "consola" in out.reply.text.lower()


@pytest.mark.parametrize(("text", "locale"), [
    ("resulta que era el driver de la placa wifi, volví a la versión anterior y chau pantallazo", "es-AR"),
    ("ahí pude! saqué como 8 programas del inicio y ahora arranca en un toque", "es-AR"),
    ("disabled like 12 things in startup and it boots in under a minute now, thank you!", "en"),
    ("turns out filter keys had been switched on, turned it off and everything types again", "en")])
def test_telling_the_cause_or_how_well_it_works_now_ends_as_solved(text: str, locale: str) -> None:
    c = at_steps("la note se tilda" if locale == "es-AR" else "my laptop is really slow", locale)
    assert say(c, text).conversation.stage == Stage.ENDED


@pytest.mark.parametrize("text", ["resulta que no prende", "turns out it still won't boot"])
def test_a_cause_followed_by_it_still_failing_is_not_solved(text: str) -> None:
    assert say(at_steps(), text).conversation.stage != Stage.ENDED


@pytest.mark.parametrize("text", ["lo reinicié como decís y anda 5 minutos y se vuelve a cortar",
                                  "cambié el hdmi por el de la tele y lo mismo, sin señal",
                                  "olvidé la red y le puse la clave de nuevo, me tira error de conexión igual"])
def test_it_failing_again_or_the_same_after_what_was_tried_escalates(text: str) -> None:
    assert say(at_steps(), text).conversation.stage == Stage.ESCALATE


def test_a_how_to_question_about_a_step_explains_the_step_it_shares_words_with() -> None:
    c = at_steps("my laptop has no internet", "en")
    out = say(c, "how do i unplug the router you mentioned?")
    assert out.conversation.stage == Stage.BASIC_TESTS
    assert any(isinstance(a, conv.ExplainStep) and a.number == 2 for a in out.actions)  # "Unplug the router, wait…"
    assert "30 seconds" in out.reply.text


def test_asking_how_a_numbered_step_goes_explains_that_step() -> None:
    out = say(at_steps(), "y el 3 como es? que tengo que tocar ahi")
    assert any(isinstance(a, conv.ExplainStep) and a.number == 3 for a in out.actions)


def test_a_correction_takes_the_first_device_named_after_es() -> None:
    out = say(at_steps("la pc no prende"), "ah no perdón, es la notebook, la de escritorio ni la uso")
    assert out.conversation.device == "notebook"


@pytest.mark.parametrize(("locale", "name", "expected"), [
    ("es-AR", "Ana", "¡Hola Ana! Te escribimos de STI por tu ticket TCK-20231114-ABCDEF."),
    ("en", None, "Hi! This is STI about your ticket TCK-20231114-ABCDEF."),
])
def test_an_operators_first_whatsapp_answer_names_the_ticket_in_the_customers_language(
        locale: str, name: str | None, expected: str) -> None:
    ticket = Ticket(id=TICKET, created_at=0.0, session_id="s" * 32, locale=locale, name=name, device="notebook",
                    problem="no_power", device_label="notebook", problem_label="no prende", description="")
    assert reply_text(ticket, kb().texts).strip() == expected
    assert TICKET in whatsapp_text(ticket, "https://example.test/t", kb().texts)


@pytest.mark.parametrize(("first", "locale", "text"), [
    ("la pc no da imagen", "es-AR", "era la ram que estaba mal calzada, la saqué y ahora da imagen"),
    ("me salen ventanitas de publicidad en la note", "es-AR", "pasé el antivirus, borré 3 cosas y ya no salta nada"),
    ("la pc hace mucho ruido", "es-AR", "la limpié y el ruido bajó un montón"),
    ("la impresora no imprime", "es-AR", "borré la cola, reinicié y salió todo"),
    ("no puedo instalar la impresora", "es-AR", "ahí quedó instalada, gracias!"),
    ("my external drive isn't detected", "en", "ok the drive shows up now"),
])
def test_saying_what_fixed_it_and_how_it_is_now_ends_as_solved(first: str, locale: str, text: str) -> None:
    assert say(at_steps(first, locale), text).conversation.stage == Stage.ENDED


@pytest.mark.parametrize(("locale", "text"), [("es-AR", "ya hice todo lo q dijiste y ni un led che"),
                                              ("en", "doesnt work, tried every option")])
def test_having_done_every_step_with_nothing_to_show_moves_on_to_the_escalation(locale: str, text: str) -> None:
    assert say(at_steps(WONT_TURN_ON[locale], locale), text).conversation.stage == Stage.ESCALATE


@pytest.mark.parametrize(("locale", "text"), [
    ("es-AR", "prefiero no tocar nada más, ¿me puede ayudar alguien del taller?"),
    ("es-AR", "¿tienen el repuesto? prefiero hablar con alguien para el presupuesto"),
    ("en", "ok a person please"),
])
def test_a_request_for_a_person_opens_a_ticket_even_beside_a_question(locale: str, text: str) -> None:
    out = say(at_steps(WONT_TURN_ON[locale], locale), text)
    assert out.conversation.stage == Stage.TICKET and conv.OpenTicket(TICKET) in out.actions


@pytest.mark.parametrize(("locale", "text", "word"), [("es-AR", "a que hora puedo pasar a dejarlo?", "lunes"),
                                                      ("es-AR", "en que calle estan?", "Rosario"),
                                                      ("en", "are you guys even able to repair these?", "repair")])
def test_more_ways_of_asking_the_shop_are_answered_and_the_steps_stay(locale: str, text: str, word: str) -> None:
    out = say(at_steps(WONT_TURN_ON[locale], locale), text)
    assert word in out.reply.text and out.conversation.stage == Stage.BASIC_TESTS


def test_a_device_named_alone_at_the_steps_is_the_device_meant() -> None:
    c = at_steps("el router no anda, no hay internet")
    out = say(c, "un samsung a32")
    assert out.conversation.device == "smartphone" and out.conversation.problem == "no_internet"


def test_something_that_will_not_join_the_wifi_is_asked_about_not_taken_for_the_router() -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    c = press(c, "BTN_LANG_ES_AR").conversation
    c = say(c, "Ana").conversation
    c = say(c, "no se me conecta al wifi de casa").conversation
    assert c.stage == Stage.ASK_DEVICE and c.problem == "no_internet" and "router" not in c.device_candidates


@pytest.mark.parametrize(("locale", "text", "word"), [("en", "wait whats disk management", "Disk Management"),
                                                      ("es-AR", "que es la memoria ram? es lo mismo que el disco?",
                                                       "RAM"),
                                                      ("es-AR", "y el administrador de dispositivos donde esta?",
                                                       "Administrador de dispositivos")])
def test_what_a_word_of_the_steps_means_is_answered_at_the_steps(locale: str, text: str, word: str) -> None:
    first = "my external drive isn't detected" if locale == "en" else "el disco externo no lo detecta"
    out = say(at_steps(first, locale), text)
    assert word in out.reply.text and out.conversation.stage == Stage.BASIC_TESTS


def test_trying_another_computer_too_is_a_result_of_the_steps_not_another_problem() -> None:
    c = at_steps("el disco externo no lo lee ninguna compu y tengo todas las fotos ahi")
    assert say(c, "probé en la otra compu también, no aparece por ningún lado").conversation.stage == Stage.ESCALATE


@pytest.mark.parametrize(("first", "locale", "text"), [
    ("me salen ventanitas de publicidad en la note", "es-AR", "listo le pasé el antivirus y no aparecen más"),
    ("la note no agarra el wifi", "es-AR", "listo ahí lo agarró, mil gracias"),
    ("my laptop is really slow", "en", "ok found it, turned off background refresh and its way better"),
    ("my laptop is really slow", "en", "thats way better, fast again. thanks!"),
    ("la pc no da imagen", "es-AR", "ya fue era el cable hdmi jajaja, ya anda"),
])
def test_more_ways_of_saying_it_is_fixed_end_as_solved(first: str, locale: str, text: str) -> None:
    assert say(at_steps(first, locale), text).conversation.stage == Stage.ENDED


@pytest.mark.parametrize("text", ["che y no puede venir alguien a verla?",
                                  "no, no quiero más pruebas, que lo revise alguien de ustedes"])
def test_refusing_more_steps_or_asking_for_a_visit_opens_a_ticket(text: str) -> None:
    c = press(at_steps(), "BTN_PERSIST").conversation
    assert say(c, text).conversation.stage == Stage.TICKET


def test_a_complaint_about_a_repair_said_to_be_fixed_is_not_read_as_solved() -> None:
    text = ("ya se la llevé el mes pasado por esto mismo, me dijeron que quedó arreglada y es un desastre, "
            "me siento estafado")
    out = say(at_steps(), text)
    assert out.conversation.stage == Stage.TICKET and out.conversation.ticket_reason == "complaint"


@pytest.mark.parametrize(("text", "device"), [
    ("es la de escritorio, la q tengo abajo de la mesa enchufada al monitor grande", "pc"),
    ("its an lg ultrawide plugged into my desktop", "monitor"),
])
def test_what_the_device_is_plugged_into_is_not_the_device_at_fault(text: str, device: str) -> None:
    assert understand(text).device == device


def test_a_device_plugged_into_a_computer_that_fails_there_points_at_the_computer() -> None:
    assert understand("los parlantes andan con el celu pero enchufados a la pc no se escucha nada").device == "pc"


@pytest.mark.parametrize(("text", "problem"), [
    ("hi, things just aren't working right", None),  # "arent" is not corrected to "agent"
    ("the vr headset wont connect to wifi", "no_internet"),
    ("se me queda colgada la compu en el circulito de windows y no pasa de ahi", "no_boot"),
    ("tengo un drama con el monitor", None),
])
def test_first_messages_read_as_they_are_meant(text: str, problem: str | None) -> None:
    heard = understand(text)
    assert heard.problem == problem and Intent.TECHNICIAN not in heard.intents


def test_a_repair_dropped_off_is_asked_about_not_a_dropped_device() -> None:
    heard = understand("hey just checking if my laptop is ready yet, dropped it off monday")
    assert heard.topic == "repair_status" and heard.problem is None


def test_a_message_opening_on_a_step_number_is_about_that_step() -> None:
    assert understand("en el 3 qué es el menú OSD?").step == 3


@pytest.mark.parametrize(("text", "name"), [("Mark", "Mark"), ("Ella", "Ella"), ("Bien", None)])
def test_one_capitalised_word_answering_the_name_question_is_the_name(text: str, name: str | None) -> None:
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb())
    c = press(c, "BTN_LANG_ES_AR").conversation
    assert say(c, text).conversation.name == name
