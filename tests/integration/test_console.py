"""The operator console over HTTP (in process, real SQLite): sign-in, the queue, a ticket, a status
change refused when stale, notes with their author, CSRF, strangers, escaping and the sign-in limits."""

from __future__ import annotations

import asyncio
import re

from fastapi.testclient import TestClient

from tests.helpers import Chat

PASSWORD = "una clave larga 42"
XSS = "<script>alert(1)</script> mi notebook no prende"


def operator(client: TestClient, name: str = "ana") -> None:
    asyncio.run(client.app.state.services.operators.add(name, PASSWORD))  # type: ignore[attr-defined]


def signed_in(client: TestClient, name: str = "ana") -> TestClient:
    response = client.post("/console/sign-in", data={"user": name, "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 303, response.text
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie
    return client


def csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found
    return found.group(1)


def version(page: str) -> str:
    found = re.search(r'name="version" value="(\d+)"', page)
    assert found
    return found.group(1)


def ticket_from_chat(client: TestClient) -> str:
    chat = Chat(client)
    chat.say(XSS)
    return str(client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()["ticketId"])


def test_a_stranger_sees_the_sign_in_form_and_nothing_of_a_ticket(client: TestClient) -> None:
    ticket_id = ticket_from_chat(client)
    page = client.get("/console", headers={"Accept-Language": "en"})
    assert page.status_code == 200 and '<label for="user">User</label>' in page.text
    assert '<label for="password">Password</label>' in page.text and ticket_id not in page.text
    assert client.get(f"/console/tickets/{ticket_id}").status_code == 401
    assert client.get(f"/console/tickets/{ticket_id}/photos/x").status_code == 401
    assert client.get("/console/overview").status_code == 401
    assert client.get("/api/logs/stream").status_code == 401
    denied = client.post(f"/console/tickets/{ticket_id}/status", data={"status": "closed", "version": "1",
                                                                      "csrf": "x"})
    assert denied.status_code == 401 and ticket_id not in denied.text
    client.cookies.set("stichat_console", "forged")
    assert client.get(f"/console/tickets/{ticket_id}").status_code == 401


def test_a_wrong_password_is_refused_in_the_operators_language_and_the_right_one_opens_the_queue(
        client: TestClient) -> None:
    operator(client)
    ticket_id = ticket_from_chat(client)
    wrong = client.post("/console/sign-in", data={"user": "ana", "password": "no es esta"})
    assert wrong.status_code == 401 and "El usuario o la contraseña no son correctos." in wrong.text
    signed_in(client)
    queue = client.get("/console").text
    assert ticket_id in queue and "Nuevo" in queue and "<script>" not in queue
    assert client.get("/console?status=closed").text.count(ticket_id) == 0
    assert ticket_id in client.get(f"/console?q={ticket_id[-6:].lower()}").text


def test_a_status_change_and_a_note_survive_a_reload_and_name_their_author_and_a_stale_change_is_409(
        client: TestClient) -> None:
    operator(client)
    ticket_id = ticket_from_chat(client)
    signed_in(client)
    page = client.get(f"/console/tickets/{ticket_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    token, seen = csrf(page), version(page)
    saved = client.post(f"/console/tickets/{ticket_id}/status",
                        data={"csrf": token, "status": "in_progress", "version": seen})
    assert saved.status_code == 200 and "Estado guardado." in saved.text and "En curso" in saved.text
    stale = client.post(f"/console/tickets/{ticket_id}/status", data={"csrf": token, "status": "closed",
                                                                      "version": seen})
    assert stale.status_code == 409 and "Otra persona cambió este ticket" in stale.text and "(ana)" in stale.text
    noted = client.post(f"/console/tickets/{ticket_id}/notes", data={"csrf": token, "text": "Llamar al 341 555-1234"})
    assert noted.status_code == 200
    again = client.get(f"/console/tickets/{ticket_id}").text
    assert "En curso" in again and "ana" in again and "[PHONE]" in again and "555-1234" not in again
    assert "cambió el estado" in again and "agregó una nota" in again
    assert client.get(f"/console/tickets/{ticket_id}").text.count('name="version" value="3"') == 1
    files = client.app.state.services.settings.tickets_dir  # type: ignore[attr-defined]
    assert "in_progress" in (files / f"{ticket_id}.txt").read_text()


def test_a_change_without_the_sessions_csrf_token_is_refused(client: TestClient) -> None:
    operator(client)
    ticket_id = ticket_from_chat(client)
    signed_in(client)
    refused = client.post(f"/console/tickets/{ticket_id}/status", data={"csrf": "wrong", "status": "closed",
                                                                        "version": "1"})
    assert refused.status_code == 403
    bad = client.post(f"/console/tickets/{ticket_id}/status", data={"csrf": csrf(client.get("/console").text),
                                                                    "status": "borrado", "version": "1"})
    assert bad.status_code == 400


def test_the_overview_the_smart_switch_the_live_log_and_signing_out(client: TestClient) -> None:
    operator(client)
    ticket_from_chat(client)
    signed_in(client)
    asyncio.run(client.app.state.services.activity.flush())  # type: ignore[attr-defined]
    overview = client.get("/console/overview", headers={"Accept-Language": "en"}).text
    assert "Last 24 hours" in overview and "<svg" in overview and "Conversation funnel" in overview
    assert "Privacy notice" in overview and "Ticket opened" in overview and "ASK_CONSENT" not in overview
    assert client.get("/console/live").status_code == 200
    assert client.get("/api/logs").status_code == 200, "the session reads the log like the token"
    assert client.post("/api/smart-mode", json={"enabled": False}).status_code == 401, "no change by cookie alone"
    token = csrf(client.get("/console").text)
    out = client.post("/console/sign-out", data={"csrf": token}, follow_redirects=False)
    assert out.status_code == 303
    client.cookies.clear()
    assert client.get("/console/overview").status_code == 401


def test_failed_sign_ins_are_limited_per_operator_name(make_client: object) -> None:
    client: TestClient = make_client(RATE_LIMIT_SIGN_IN_OPERATOR="3/minute")  # type: ignore[operator]
    operator(client)
    for _ in range(3):
        assert client.post("/console/sign-in", data={"user": "ana", "password": "wrong one"}).status_code == 401
    limited = client.post("/console/sign-in", data={"user": "ana", "password": PASSWORD})
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1


def test_an_operator_erases_a_customers_data_from_the_ticket(client: TestClient) -> None:
    operator(client)
    ticket_id = ticket_from_chat(client)
    signed_in(client)
    token = csrf(client.get("/console").text)
    assert client.post(f"/console/tickets/{ticket_id}/erase", data={"csrf": token}).status_code == 400
    done = client.post(f"/console/tickets/{ticket_id}/erase", data={"csrf": token, "confirm": "yes"})
    assert done.status_code == 200 and "Datos del cliente borrados" in done.text
    assert "[erased]" in done.text and "La conversación ya no está" in done.text
