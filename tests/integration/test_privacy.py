"""The customer's data over HTTP: export what is kept, erase it, and the daily sweep in the service."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from stichat.services import retention
from tests.conftest import OPERATOR_TOKEN
from tests.helpers import Chat, jpeg_bytes

MY_DATA = "/api/privacy/my-data"


def data_dir(http: TestClient) -> Path:
    return Path(http.app.state.services.settings.data_dir)  # type: ignore[attr-defined]


def customer_with_ticket_and_photo(http: TestClient) -> tuple[Chat, str, str]:
    chat = Chat(http)
    chat.press("BTN_LANG_ES_AR")
    chat.say("Lucía")
    chat.say("mi notebook no prende, escribime a lucia@example.com")
    ticket_id = chat.press("BTN_CONNECT_TECH")["ticket"]["ticketId"]
    upload = http.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                       files={"image": ("foto.jpg", jpeg_bytes(), "image/jpeg")})
    assert upload.status_code == 200, upload.text
    image_id = upload.json()["imageId"]
    for _ in range(100):  # the embedded worker finishes the photo in a few milliseconds
        if http.get(f"/api/upload-image/{image_id}", headers={"x-session-id": chat.session_id}).json().get(
                "status") in ("done", "failed"):
            break
        time.sleep(0.02)
    return chat, ticket_id, image_id


def owner(chat: Chat, **more: str) -> dict[str, str]:
    return {"x-session-id": chat.session_id, **more}


def test_the_export_holds_the_conversation_transcript_tickets_and_images(client: TestClient) -> None:
    chat, ticket_id, image_id = customer_with_ticket_and_photo(client)
    answer = client.get(MY_DATA, headers=owner(chat))
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["ok"] is True and data["sessionId"] == chat.session_id
    assert data["conversation"]["name"] == "Lucía" and data["conversation"]["device"] == "notebook"
    assert any(e["role"] == "customer" and "no prende" in e["text"] for e in data["transcript"])
    assert [t["ticketId"] for t in data["tickets"]] == [ticket_id]
    assert "sessionId" not in data["tickets"][0]  # tickets as their public view
    assert data["images"] == [image_id]
    assert "lucia@example.com" not in answer.text and "[EMAIL]" in answer.text


def test_my_data_needs_a_valid_session_and_for_browsers_the_csrf_token(client: TestClient) -> None:
    chat = Chat(client)
    for method in ("GET", "DELETE"):
        assert client.request(method, MY_DATA).status_code == 400
        assert client.request(method, MY_DATA, headers={"x-session-id": "x" * 32}).status_code == 404
        browser = {"origin": "http://testserver"}
        refused = client.request(method, MY_DATA, headers=owner(chat, **browser))
        assert refused.status_code == 403 and refused.json()["error"] == "csrf_failed"
        wrong = client.request(method, MY_DATA, headers=owner(chat, **browser, **{"x-csrf-token": "nope"}))
        assert wrong.status_code == 403
        foreign = client.request(method, MY_DATA, headers=owner(chat, origin="https://evil.example"))
        assert foreign.status_code == 403 and foreign.json()["error"] == "origin_not_allowed"
    token = chat.greeting["csrfToken"]
    assert client.get(MY_DATA, headers=owner(chat, origin="http://testserver", **{"x-csrf-token": token})
                      ).status_code == 200
    assert client.delete(MY_DATA, headers=owner(chat, origin="http://testserver", **{"x-csrf-token": token})
                         ).status_code == 200


def test_erasure_deletes_session_transcript_and_images_and_anonymises_the_ticket(client: TestClient) -> None:
    chat, ticket_id, image_id = customer_with_ticket_and_photo(client)
    root = data_dir(client)
    assert list(root.rglob(f"*{image_id}*")) and (root / "transcripts" / f"{chat.session_id}.jsonl").exists()

    answer = client.delete(MY_DATA, headers=owner(chat))
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"ok": True, "erased": {"sessions": 1, "transcripts": 1, "images": 1,
                                                    "ticketsAnonymised": 1}}

    assert not list(root.rglob(f"*{image_id}*"))
    assert not (root / "transcripts" / f"{chat.session_id}.jsonl").exists()
    stored: dict[str, Any] = json.loads((root / "tickets" / f"{ticket_id}.json").read_text())
    assert stored["name"] is None and stored["description"] == "[erased]" and stored["session_id"] == ""
    assert stored["images"] == [] and "erased_at" in stored["extra"]
    assert (stored["id"], stored["device"], stored["problem"], stored["status"]) == (
        ticket_id, "notebook", "no_power", "open")
    text = (root / "tickets" / f"{ticket_id}.txt").read_text()
    assert "Lucía" not in text and chat.session_id not in text and "no prende" not in text
    # The session is gone for every endpoint, and the operator's view has no transcript to show.
    assert client.post("/api/chat", json={"sessionId": chat.session_id, "message": "hola"}).status_code == 404
    assert client.get(MY_DATA, headers=owner(chat)).status_code == 404
    assert client.delete(MY_DATA, headers=owner(chat)).status_code == 404
    view = client.get(f"/api/ticket/{ticket_id}", headers={"Authorization": f"Bearer {OPERATOR_TOKEN}"}).json()
    assert view["ticket"]["name"] is None and view["ticket"]["sessionId"] is None and view["ticket"]["transcript"] == []


def test_erasure_leaves_no_trace_of_the_session_in_the_database_file(client: TestClient) -> None:
    chat = Chat(client)
    chat.press("BTN_LANG_ES_AR")
    chat.say("Lucía")
    assert client.delete(MY_DATA, headers=owner(chat)).status_code == 200
    root = data_dir(client)
    blob = b"".join(p.read_bytes() for p in root.glob("sessions.sqlite3*") if p.is_file())
    assert chat.session_id.encode() not in blob
    assert chat.greeting["csrfToken"].encode() not in blob


def test_another_session_is_untouched_by_an_erasure(client: TestClient) -> None:
    mine, other = Chat(client), Chat(client)
    other.press("BTN_LANG_ES_AR")
    assert client.delete(MY_DATA, headers=owner(mine)).status_code == 200
    assert other.say("Pepe")["context"]["name"] == "Pepe"
    assert client.get(MY_DATA, headers=owner(other)).json()["conversation"]["name"] == "Pepe"


def test_the_service_sweeps_old_data_shortly_after_it_starts(make_client: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retention, "FIRST_RUN_DELAY_SECONDS", 0.05)
    transcripts = tmp_path / "data0" / "transcripts"  # make_client's first DATA_DIR, filled before it starts
    transcripts.mkdir(parents=True)
    old, recent = transcripts / ("o" * 32 + ".jsonl"), transcripts / ("r" * 32 + ".jsonl")
    for path in (old, recent):
        path.write_text('{"at": 0, "role": "bot", "stage": "ASK_CONSENT", "text": "hola"}\n')
    os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    http: TestClient = make_client(TRANSCRIPT_RETENTION_DAYS="1")
    assert data_dir(http) == tmp_path / "data0"
    for _ in range(100):
        if not old.exists():
            break
        time.sleep(0.05)
    assert not old.exists() and recent.exists()


@pytest.mark.parametrize("typed", ["Pepe pepe@example.com", "soy juan.perez@gmail.com", "Marta +54 9 341 512-3456",
                                   "Me llamo Ana, 341 15 512-3456"])
def test_a_name_never_carries_an_email_or_a_phone(client: TestClient, typed: str) -> None:
    chat = Chat(client)
    chat.press("BTN_LANG_ES_AR")
    name = chat.say(typed)["context"]["name"]
    assert name is None or not any(c in name for c in "@[]+0123456789")
    state = client.get(MY_DATA, headers=owner(chat)).text
    assert "example.com" not in state and "gmail.com" not in state and "512-3456" not in state


def test_a_typed_name_is_kept_as_typed(client: TestClient) -> None:
    chat = Chat(client)
    chat.press("BTN_LANG_ES_AR")
    assert chat.say("María José")["context"]["name"] == "María José"
