"""Checklist item 3: the seven smoke commands, exactly as written there, against a real server."""

from __future__ import annotations

import time

import httpx

from tests.conftest import OPERATOR_TOKEN, LiveServer
from tests.helpers import jpeg_bytes


def test_the_seven_checklist_smoke_commands_pass_against_a_real_server(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url, timeout=10) as http:
        health = http.get("/api/health")
        assert health.status_code == 200
        assert health.json()["ok"] is True

        greeting = http.post("/api/greeting", headers={"Content-Type": "application/json"}, content=b"{}")
        assert greeting.status_code == 200
        body = greeting.json()
        assert body["ok"] is True and body["sessionId"] and body["csrfToken"]
        sid = body["sessionId"]

        validate = http.post("/api/session/validate", json={"sessionId": sid})
        assert validate.status_code == 200
        assert validate.json()["valid"] is True

        started = time.perf_counter()
        chat = http.post("/api/chat", json={"sessionId": sid, "message": "hola"})
        elapsed = time.perf_counter() - started
        assert chat.status_code == 200
        assert chat.json()["ok"] is True and chat.json()["reply"]
        assert elapsed < 2.0

        upload = http.post("/api/upload-image", headers={"x-session-id": sid},
                           files={"image": ("fixture.jpg", jpeg_bytes(), "image/jpeg")})
        assert upload.status_code == 200, upload.text
        assert upload.json()["ok"] is True

        ticket = http.post("/api/whatsapp-ticket", json={"sessionId": sid})
        assert ticket.status_code == 200, ticket.text
        assert ticket.json()["ok"] is True and ticket.json()["ticketId"].startswith("TCK-")

        logs = http.get(f"/api/logs?token={OPERATOR_TOKEN}")
        assert logs.status_code == 200
        assert logs.headers["content-type"].startswith("text/plain")
        assert "http_request" in logs.text


def test_no_smoke_command_answers_with_a_server_error(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url, timeout=10) as http:
        statuses = [
            http.get("/api/health").status_code,
            http.post("/api/greeting", json={}).status_code,
            http.post("/api/session/validate", json={"sessionId": "x" * 32}).status_code,
            http.post("/api/chat", json={"sessionId": "x" * 32, "message": "hola"}).status_code,
            http.post("/api/upload-image", headers={"x-session-id": "x" * 32},
                      files={"image": ("a.jpg", b"not an image", "image/jpeg")}).status_code,
            http.post("/api/whatsapp-ticket", json={"sessionId": "x" * 32}).status_code,
            http.get("/api/logs?token=wrong").status_code,
        ]
    assert all(status < 500 for status in statuses), statuses
