"""A client that reads /openapi.json knows every refusal it can get: each error an `/api/` operation
really answers is listed under its status, with its code, in that operation's own responses."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import OPERATOR_TOKEN
from tests.helpers import Chat

OPERATOR = {"authorization": f"Bearer {OPERATOR_TOKEN}"}
NOT_A_SESSION = "not-a-session"

#: (method, path as the spec names it, the URL asked, headers, JSON body): one refusal each.
REFUSALS: list[tuple[str, str, str, dict[str, str], dict[str, Any] | None]] = [
    ("GET", "/api/transcript/{session_id}", f"/api/transcript/{NOT_A_SESSION}", {"x-session-id": NOT_A_SESSION},
     None),
    ("GET", "/api/transcript/{session_id}", f"/api/transcript/{NOT_A_SESSION}", OPERATOR, None),
    ("GET", "/api/transcript/{session_id}", "/api/transcript/" + "a" * 32, {}, None),
    ("POST", "/api/chat", "/api/chat", {}, {"sessionId": NOT_A_SESSION, "message": "hola"}),
    ("POST", "/api/chat", "/api/chat", {}, {"sessionId": "a" * 32, "message": "hola"}),
    ("POST", "/api/session/validate", "/api/session/validate", {}, {"sessionId": 7}),
    ("GET", "/api/privacy/my-data", "/api/privacy/my-data", {"x-session-id": NOT_A_SESSION}, None),
    ("DELETE", "/api/privacy/my-data", "/api/privacy/my-data", {"x-session-id": "a" * 32}, None),
    ("GET", "/api/upload-image/{image_id}", "/api/upload-image/" + "a" * 24, {"x-session-id": "a" * 32}, None),
    ("GET", "/api/ticket/{ticket_id}", "/api/ticket/TCK-20250101-AAAAAA", {}, None),
    ("GET", "/api/tickets", "/api/tickets", {}, None),
    ("GET", "/api/smart-mode", "/api/smart-mode", {}, None),
]


@pytest.mark.parametrize(("method", "path", "url", "headers", "body"), REFUSALS,
                         ids=[f"{m} {u} {sorted(h)}" for m, _, u, h, _ in REFUSALS])
def test_a_refusal_is_documented_under_its_status_with_its_code(
        client: TestClient, method: str, path: str, url: str, headers: dict[str, str],
        body: dict[str, Any] | None) -> None:
    Chat(client)  # the store is not empty: a refusal is about the request, not an empty service
    answer = client.request(method, url, headers=headers, json=body)
    assert 400 <= answer.status_code < 500, answer.text
    documented = client.get("/openapi.json").json()["paths"][path][method.lower()]["responses"]
    status = str(answer.status_code)
    assert status in documented, f"{method} {path} answers {status} {answer.json()['error']} undocumented"
    assert answer.json()["error"] in documented[status]["description"].split(", ")
