"""CSRF and origins: browser requests (with Origin) must come from an allowed site with the token."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.helpers import Chat

SITE = "https://www.sti.com.ar"


def test_a_browser_turn_without_the_csrf_token_is_refused(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(ALLOWED_ORIGINS=SITE)
    sid = Chat(client).session_id
    response = client.post("/api/chat", json={"sessionId": sid, "message": "hola"}, headers={"origin": SITE})
    assert response.status_code == 403 and response.json()["error"] == "csrf_failed"


def test_a_browser_turn_with_the_csrf_token_from_an_allowed_origin_works(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(ALLOWED_ORIGINS=SITE)
    greeting = client.post("/api/greeting", json={}, headers={"origin": SITE}).json()
    response = client.post("/api/chat", json={"sessionId": greeting["sessionId"], "action": "BTN_LANG_ES_AR"},
                           headers={"origin": SITE, "x-csrf-token": greeting["csrfToken"]})
    assert response.status_code == 200, response.text
    assert response.headers["access-control-allow-origin"] == SITE


def test_a_wrong_csrf_token_is_refused(make_client) -> None:  # type: ignore[no-untyped-def]
    client: TestClient = make_client(ALLOWED_ORIGINS=SITE)
    sid = Chat(client).session_id
    response = client.post("/api/chat", json={"sessionId": sid, "message": "hola"},
                           headers={"origin": SITE, "x-csrf-token": "forged"})
    assert response.status_code == 403


def test_a_disallowed_origin_and_the_null_origin_are_refused_with_json(make_client) -> None:  # type: ignore[no-untyped-def]
    client: TestClient = make_client(ALLOWED_ORIGINS=SITE)
    for origin in ("https://evil.example", "null"):
        response = client.post("/api/greeting", json={}, headers={"origin": origin})
        assert response.status_code == 403
        assert response.json()["error"] == "origin_not_allowed"


def test_a_cors_preflight_from_an_allowed_origin_is_answered(make_client) -> None:  # type: ignore[no-untyped-def]
    client: TestClient = make_client(ALLOWED_ORIGINS=SITE)
    response = client.options("/api/chat", headers={
        "origin": SITE, "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-csrf-token"})
    assert response.status_code == 200
    assert "x-csrf-token" in response.headers["access-control-allow-headers"].lower()


def test_requests_without_origin_need_no_csrf_token(client: TestClient) -> None:
    sid = Chat(client).session_id
    assert client.post("/api/chat", json={"sessionId": sid, "message": "hola"}).status_code == 200


def test_operator_endpoints_need_the_token(client: TestClient) -> None:
    from tests.conftest import OPERATOR_TOKEN

    assert client.get("/api/logs").status_code == 401
    assert client.get("/api/logs?token=wrong").status_code == 401
    assert client.get("/api/metrics").status_code == 401
    assert client.get(f"/api/logs?token={OPERATOR_TOKEN}").status_code == 200
    assert client.get("/api/metrics", headers={"authorization": f"Bearer {OPERATOR_TOKEN}"}).status_code == 200


def test_the_greeting_limit_answers_429_with_retry_after(make_client) -> None:  # type: ignore[no-untyped-def]
    client: TestClient = make_client(RATE_LIMIT_GREETING="5/minute")
    statuses = [client.post("/api/greeting", json={}).status_code for _ in range(6)]
    assert statuses[:5] == [200] * 5 and statuses[5] == 429
    refused = client.post("/api/greeting", json={})
    assert int(refused.headers["retry-after"]) >= 1 and refused.json()["error"] == "rate_limited"


def test_every_response_carries_a_request_id_and_security_headers(client: TestClient) -> None:
    responses = [
        client.get("/api/health"),
        client.post("/api/greeting", json={}),
        client.get("/api/nothing-here"),  # a JSON error
        client.post("/api/chat", content=b"{", headers={"content-type": "application/json"}),
        client.get("/"),  # an HTML page
        client.get("/static/stichat-widget.js"),
        client.get("/metrics"),
    ]
    ids = [r.headers["x-request-id"] for r in responses]
    assert all(len(i) >= 8 for i in ids) and len(set(ids)) == len(ids)
    for response in responses:
        assert response.headers["x-content-type-options"] == "nosniff", response.url
        assert "frame-ancestors" in response.headers["content-security-policy"], response.url
