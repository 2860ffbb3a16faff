"""A whole conversation over real HTTP, in es-AR and in English, to a ticket and its page."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import httpx

from tests.conftest import LiveServer
from tests.helpers import Chat

# Words that give away Spanish in an English reply (with the accents and ¿¡ of written Spanish).
SPANISH = re.compile(r"[¿¡áéíóúñ]|\b(?:el|los|las|que|para|con|tu|tenés|podés|probá|fijate|equipo|pasos?)\b", re.I)


def walk(http: httpx.Client, locale: str, problem: str, name: str) -> tuple[Chat, list[dict]]:
    chat = Chat(http, locale)
    replies = [chat.greeting]
    lang_button = "BTN_LANG_EN" if locale == "en" else "BTN_LANG_ES_AR"
    replies.append(chat.press(lang_button))
    assert chat.last["stage"] == "ASK_NAME"
    replies.append(chat.say(name))
    assert chat.last["stage"] == "ASK_PROBLEM"
    assert chat.last["context"]["name"] == name
    replies.append(chat.say(problem))
    assert chat.last["stage"] == "BASIC_TESTS", chat.last
    assert chat.last["context"]["device"] == "notebook"
    assert chat.last["context"]["problem"] == "no_power"
    assert len(chat.last["steps"]) >= 3
    assert "BTN_HELP_2" in chat.button_values()
    replies.append(chat.press("BTN_HELP_2"))
    assert chat.last["stage"] == "BASIC_TESTS"
    assert "2" in chat.last["reply"]
    replies.append(chat.press("BTN_PERSIST"))
    assert chat.last["stage"] == "ESCALATE"
    replies.append(chat.press("BTN_ADVANCED_TESTS"))
    assert chat.last["stage"] == "ADVANCED_TESTS"
    assert len(chat.last["steps"]) >= 3
    replies.append(chat.press("BTN_CONNECT_TECH"))
    assert chat.last["stage"] == "TICKET"
    return chat, replies


def check_ticket(http: httpx.Client, chat: Chat, expected_text: str) -> None:
    ticket = chat.last["ticket"]
    assert re.fullmatch(r"TCK-\d{8}-[A-Z0-9]{6}", ticket["ticketId"])
    wa = urlparse(ticket["whatsappUrl"])
    assert wa.scheme == "https" and wa.netloc == "wa.me"
    text = parse_qs(wa.query)["text"][0]
    assert ticket["ticketId"] in text and expected_text in text
    public = urlparse(ticket["publicUrl"])
    page = http.get(f"{public.path}?{public.query}")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert ticket["ticketId"] in page.text
    as_json = http.get(f"/api{public.path}?{public.query}")
    assert as_json.status_code == 200 and as_json.json()["ticket"]["ticketId"] == ticket["ticketId"]


def test_a_spanish_customer_walks_from_greeting_to_a_ticket_page(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url, timeout=10) as http:
        chat, _ = walk(http, "es-AR", "mi notebook no prende", "Lucía")
        assert "Lucía" in chat.last["reply"] or chat.last["context"]["name"] == "Lucía"
        check_ticket(http, chat, "Lucía")
        again = http.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()
        assert again["ticketId"] == chat.last["ticket"]["ticketId"]


def test_an_english_customer_walks_to_a_ticket_without_a_word_of_spanish(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url, timeout=10) as http:
        chat, replies = walk(http, "en", "my laptop won't turn on", "Mary")
        check_ticket(http, chat, "Hi STI")
        for reply in replies[1:]:
            texts = [reply["reply"], *(b["label"] for b in reply["buttons"]),
                     *(s["text"] for s in reply.get("steps", []))]
            for text in texts:
                assert not SPANISH.search(text), f"Spanish in an English reply: {text!r}"
