"""Conversation behaviour a customer notices, through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.helpers import Chat


def at_steps(client: TestClient, locale: str = "es-AR", problem: str = "mi notebook no prende") -> Chat:
    chat = Chat(client, locale)
    chat.press("BTN_LANG_EN" if locale == "en" else "BTN_LANG_ES_AR")
    chat.say("Ana")
    chat.say(problem)
    assert chat.last["stage"] == "BASIC_TESTS"
    return chat


def test_no_se_hacer_el_paso_2_explains_step_2(client: TestClient) -> None:
    chat = at_steps(client)
    step_two = chat.last["steps"][1]["text"]
    reply = chat.say("no sé hacer el paso 2")
    assert "Paso 2" in reply["reply"] and step_two in reply["reply"]
    assert "BTN_BACK_TO_STEPS" in chat.button_values()


def test_frustration_gets_an_apology_and_a_direct_offer_of_a_technician(client: TestClient) -> None:
    chat = at_steps(client)
    reply = chat.say("esto no sirve para nada, ya probé todo")
    assert "Perdoná" in reply["reply"]
    assert "BTN_CONNECT_TECH" in chat.button_values()
    english = at_steps(client, "en", "my laptop won't turn on")
    assert "sorry" in english.say("this is useless")["reply"].lower()


def test_a_typed_yes_after_the_steps_means_solved(client: TestClient) -> None:
    chat = at_steps(client)
    assert chat.say("sí, ya anda")["stage"] == "ENDED"


def test_the_ticket_summarises_device_problem_and_steps_tried(client: TestClient) -> None:
    chat = at_steps(client, problem="mi impresora no imprime")
    basic = [s["text"] for s in chat.last["steps"]]
    chat.press("BTN_PERSIST")
    ticket_id = chat.press("BTN_CONNECT_TECH")["ticket"]["ticketId"]
    settings = client.app.state.services.settings  # type: ignore[attr-defined]
    text = (settings.tickets_dir / f"{ticket_id}.txt").read_text()
    assert "impresora" in text and "no imprime" in text.lower()
    assert all(step in text for step in basic)
    assert "no lo resolvió" in text


def test_personal_data_is_hidden_and_the_customer_is_told_once(client: TestClient) -> None:
    chat = Chat(client)
    chat.press("BTN_LANG_ES_AR")
    first = chat.say("soy Ana, mi mail es ana@example.com")
    assert "Oculté datos personales" in first["reply"]
    second = chat.say("mi notebook no prende, llamame al 341 555-1234")
    assert "Oculté" not in second["reply"]


def test_an_ambiguous_device_is_asked_not_guessed(client: TestClient) -> None:
    chat = Chat(client)
    chat.press("BTN_LANG_ES_AR")
    chat.say("Toto")
    reply = chat.say("la compu no prende")
    assert reply["stage"] == "ASK_DEVICE" and reply["context"]["device"] is None
    assert {"BTN_DEV_PC", "BTN_DEV_NOTEBOOK"} <= set(chat.button_values())
    assert chat.press("BTN_DEV_PC")["context"]["device"] == "pc"
