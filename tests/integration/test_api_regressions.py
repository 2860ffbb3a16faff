"""Defects of the Node.js original that must never come back, and bad input that must stay a 4xx."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.helpers import Chat


def error_of(response) -> str:  # type: ignore[no-untyped-def]
    body = response.json()
    assert body["ok"] is False and body["message"], body
    return str(body["error"])


@pytest.mark.parametrize("refusal", ["no acepto", "No acepto.", "no", "NO ACEPTO", "I don't accept"])
def test_a_typed_refusal_at_consent_closes_the_conversation(client: TestClient, refusal: str) -> None:
    chat = Chat(client)
    assert chat.say(refusal)["stage"] == "CLOSED"


@pytest.mark.parametrize("consent", ["sí", "si", "dale", "ok", "Sí, acepto"])
def test_a_typed_yes_at_consent_accepts_and_asks_the_name(client: TestClient, consent: str) -> None:
    chat = Chat(client)
    assert chat.say(consent)["stage"] == "ASK_NAME"


def test_the_refusal_button_closes_and_the_language_button_reopens(client: TestClient) -> None:
    chat = Chat(client)
    assert chat.press("BTN_CONSENT_NO")["stage"] == "CLOSED"
    assert chat.press("BTN_LANG_EN")["stage"] == "ASK_NAME"
    assert chat.last["context"]["locale"] == "en"


def test_a_fresh_session_can_validate_and_ask_for_a_ticket(client: TestClient) -> None:
    chat = Chat(client)
    assert client.post("/api/session/validate", json={"sessionId": chat.session_id}).json()["valid"] is True
    ticket = client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id})
    assert ticket.status_code == 200 and ticket.json()["ticketId"].startswith("TCK-")


def test_asking_twice_for_a_ticket_returns_the_same_ticket(client: TestClient) -> None:
    chat = Chat(client)
    chat.press("BTN_LANG_ES_AR")
    chat.say("Ana")
    chat.say("mi impresora no imprime")
    first = client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()
    second = client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()
    assert first["ticketId"] == second["ticketId"]
    assert chat.press("BTN_CONNECT_TECH")["ticket"]["ticketId"] == first["ticketId"]


def test_a_client_chosen_session_id_is_never_adopted(client: TestClient) -> None:
    chosen = "my-own-session-id-0123456789abcdef"
    greeting = client.post("/api/greeting", json={"sessionId": chosen}).json()
    assert greeting["sessionId"] != chosen
    response = client.post("/api/chat", json={"sessionId": chosen, "message": "hola"})
    assert response.status_code == 404 and error_of(response) == "session_not_found"
    assert client.post("/api/session/validate", json={"sessionId": chosen}).json() == {"valid": False}


def test_session_ids_are_long_and_unguessable(client: TestClient) -> None:
    ids = {client.post("/api/greeting", json={}).json()["sessionId"] for _ in range(20)}
    assert len(ids) == 20
    assert all(len(i) >= 32 for i in ids)  # 32 url-safe characters carry 192 bits


@pytest.mark.parametrize("ticket_id", ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "TCK-1-2", "nope"])
def test_a_malformed_ticket_id_is_a_404(client: TestClient, ticket_id: str) -> None:
    for path in (f"/api/ticket/{ticket_id}?t=1.abc", f"/ticket/{ticket_id}?t=1.abc"):
        response = client.get(path)
        assert response.status_code == 404, (path, response.text)
        assert response.headers["content-type"].startswith("application/json")


def test_a_ticket_whose_text_copy_is_missing_is_a_404_not_a_crash(client: TestClient) -> None:
    chat = Chat(client)
    ticket = client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()
    settings = client.app.state.services.settings  # type: ignore[attr-defined]
    (settings.tickets_dir / f"{ticket['ticketId']}.txt").unlink()
    link = ticket["publicUrl"].split("/ticket/", 1)[1]
    assert client.get(f"/api/ticket/{link}").status_code == 404
    assert client.get(f"/ticket/{link}").status_code == 404


def test_a_ticket_link_needs_its_own_token(client: TestClient) -> None:
    one = client.post("/api/whatsapp-ticket", json={"sessionId": Chat(client).session_id}).json()
    two = client.post("/api/whatsapp-ticket", json={"sessionId": Chat(client).session_id}).json()
    token_two = two["publicUrl"].split("?t=", 1)[1]
    assert client.get(f"/api/ticket/{one['ticketId']}").status_code == 404
    assert client.get(f"/api/ticket/{one['ticketId']}?t=1.wrong").status_code == 404
    assert client.get(f"/api/ticket/{one['ticketId']}?t={token_two}").status_code == 404


def test_malformed_json_is_a_400(client: TestClient) -> None:
    response = client.post("/api/chat", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 400 and error_of(response) == "invalid_json"


@pytest.mark.parametrize("body", [
    {"sessionId": 123, "message": "hola"},
    {"sessionId": ["a"], "message": "hola"},
    {"message": "hola"},
    {"sessionId": "x" * 32, "message": {"text": "hola"}},
    [],
])
def test_wrong_types_and_missing_fields_are_4xx_json(client: TestClient, body: object) -> None:
    response = client.post("/api/chat", json=body)
    assert 400 <= response.status_code < 500
    error_of(response)


def test_a_five_megabyte_message_is_refused_with_413(client: TestClient) -> None:
    chat = Chat(client)
    response = client.post("/api/chat", json={"sessionId": chat.session_id, "message": "a" * 5_000_000})
    assert response.status_code == 413 and error_of(response) == "payload_too_large"


def test_an_overlong_message_within_the_body_cap_is_a_400(client: TestClient) -> None:
    chat = Chat(client)
    response = client.post("/api/chat", json={"sessionId": chat.session_id, "message": "a" * 5000})
    assert response.status_code == 400 and error_of(response) == "message_too_long"


def test_an_unknown_button_value_is_a_422(client: TestClient) -> None:
    chat = Chat(client)
    response = client.post("/api/chat", json={"sessionId": chat.session_id, "action": "BTN_SELF_DESTRUCT"})
    assert response.status_code == 422 and error_of(response) == "unknown_button"


def test_an_unknown_session_is_a_404(client: TestClient) -> None:
    response = client.post("/api/chat", json={"sessionId": "A" * 32, "message": "hola"})
    assert response.status_code == 404 and error_of(response) == "session_not_found"


def test_an_empty_turn_is_a_400(client: TestClient) -> None:
    chat = Chat(client)
    response = client.post("/api/chat", json={"sessionId": chat.session_id, "message": "   "})
    assert response.status_code == 400 and error_of(response) == "missing_input"


def test_unknown_routes_answer_json_not_html(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.headers["content-type"].startswith("application/json")


def test_errors_speak_the_language_the_browser_prefers(client: TestClient) -> None:
    response = client.post("/api/chat", json={"sessionId": "A" * 32, "message": "hi"},
                           headers={"accept-language": "en-US,en;q=0.9"})
    assert "session" in response.json()["message"].lower() and "sesión" not in response.json()["message"]


def test_the_v7_widget_protocol_still_works(client: TestClient) -> None:
    greeting = client.get("/api/greeting")
    assert greeting.status_code == 200 and greeting.json()["stage"] == "ASK_CONSENT"
    sid = greeting.json()["sessionId"]
    pressed = client.post("/api/chat", json={"sessionId": sid, "action": "button", "value": "BTN_LANG_ES_AR",
                                             "text": "Español", "images": []})
    assert pressed.status_code == 200 and pressed.json()["stage"] == "ASK_NAME"
    typed = client.post("/api/chat", json={"sessionId": sid, "text": "Pepe", "images": []})
    assert typed.json()["context"]["name"] == "Pepe"
    assert "options" not in typed.json()
    assert all(set(b) == {"value", "label"} for b in typed.json()["buttons"])


def test_reset_starts_the_conversation_again(client: TestClient) -> None:
    chat = Chat(client)
    chat.press("BTN_LANG_ES_AR")
    response = client.post("/api/reset", json={"sessionId": chat.session_id})
    assert response.status_code == 200 and response.json()["stage"] == "ASK_CONSENT"


def test_transcript_is_for_the_owner_or_the_operator_only(client: TestClient) -> None:
    from tests.conftest import OPERATOR_TOKEN

    chat = Chat(client)
    chat.press("BTN_LANG_ES_AR")
    chat.say("Soy Ana, mi mail es ana.perez@example.com")
    path = f"/api/transcript/{chat.session_id}"
    assert client.get(path).status_code == 404
    assert client.get(path, headers={"x-session-id": "B" * 32}).status_code == 404
    own = client.get(path, headers={"x-session-id": chat.session_id})
    assert own.status_code == 200 and "[EMAIL]" in own.text and "ana.perez@example.com" not in own.text
    assert client.get(path, headers={"authorization": f"Bearer {OPERATOR_TOKEN}"}).status_code == 200


@pytest.mark.parametrize("raw", [b"hola \\ud800", b"\\udfff", b"\\ud83d solo la mitad"])
def test_a_lone_utf16_surrogate_in_a_message_is_answered_not_a_500(client: TestClient, raw: bytes) -> None:
    chat = Chat(client)
    chat.press("BTN_LANG_EN")
    body = b'{"sessionId": "%s", "message": "%s"}' % (chat.session_id.encode(), raw)
    response = client.post("/api/chat", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    transcript = client.get(f"/api/transcript/{chat.session_id}", headers={"x-session-id": chat.session_id})
    assert transcript.status_code == 200 and "\ufffd" in transcript.text  # kept as a replacement character


@pytest.mark.parametrize("token", ["1999999999.ñññ", "²3.abcdef", "١٢٣.abcdef", "１２３.abcdef", "9" * 40 + ".x",
                                   "1999999999.\u00e9" * 3])
def test_a_ticket_link_token_with_non_ascii_or_unicode_digits_is_not_found_not_a_500(
        client: TestClient, token: str) -> None:
    chat = Chat(client)
    ticket_id = client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()["ticketId"]
    for path in (f"/api/ticket/{ticket_id}", f"/ticket/{ticket_id}"):
        response = client.get(path, params={"t": token})
        assert (response.status_code, error_of(response)) == (404, "ticket_not_found")
