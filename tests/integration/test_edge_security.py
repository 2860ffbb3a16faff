"""The hardened edge: origins, CSRF, client addresses behind proxies, body caps, header injection and
the operator token kept out of every log line. Each refusal is JSON with the right status."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from stichat import logs
from stichat.bootstrap import Services
from stichat.config import Settings
from stichat.web.app import create_app
from tests.conftest import OPERATOR_TOKEN, base_env
from tests.helpers import Chat

SITE = "https://www.sti.com.ar"
PROXY = ("10.0.0.5", 41000)


def refused(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["ok"] is False and body["error"] == code and body["message"]
    assert len(response.headers["x-request-id"]) >= 8


@contextmanager
def client_from(tmp_path: Path, peer: tuple[str, int], **env: str) -> Iterator[TestClient]:
    """An in-process client whose TCP peer is `peer` (a proxy, or a customer talking directly)."""
    app = create_app(Settings.from_env(base_env(tmp_path / "data", **env)))
    with TestClient(app, client=peer, raise_server_exceptions=False) as client:
        yield client


def services(client: TestClient) -> Services:
    app: FastAPI = client.app  # type: ignore[assignment]
    svc: Services = app.state.services
    return svc


# Origins and CSRF


def test_a_site_that_is_not_allowed_cannot_use_the_chat(make_client: Any) -> None:
    client = make_client(ALLOWED_ORIGINS=SITE)
    for origin in ("https://evil.example", "https://www.sti.com.ar.evil.example", "http://www.sti.com.ar"):
        refused(client.post("/api/greeting", json={}, headers={"origin": origin}), 403, "origin_not_allowed")
    assert "access-control-allow-origin" not in client.options("/api/chat", headers={
        "origin": "https://evil.example", "access-control-request-method": "POST"}).headers


def test_the_null_origin_of_sandboxed_frames_and_files_is_refused(make_client: Any) -> None:
    client = make_client(ALLOWED_ORIGINS=SITE)
    sid = Chat(client).session_id
    refused(client.post("/api/chat", json={"sessionId": sid, "message": "hola"}, headers={"origin": "null"}),
            403, "origin_not_allowed")


@pytest.mark.parametrize("path", ["/api/chat", "/api/whatsapp-ticket", "/api/reset"])
def test_a_browser_request_needs_the_sessions_own_csrf_token(make_client: Any, path: str) -> None:
    client = make_client(ALLOWED_ORIGINS=SITE)
    mine = client.post("/api/greeting", json={}, headers={"origin": SITE}).json()
    other = client.post("/api/greeting", json={}, headers={"origin": SITE}).json()
    body = {"sessionId": mine["sessionId"], "action": "BTN_LANG_ES_AR"}
    for token in (None, "", "forged-token", other["csrfToken"], mine["csrfToken"] + "\r\nx: y"):
        headers = {"origin": SITE} | ({"x-csrf-token": token} if token is not None else {})
        refused(client.post(path, json=body, headers=headers), 403, "csrf_failed")
    accepted = client.post(path, json=body, headers={"origin": SITE, "x-csrf-token": mine["csrfToken"]})
    assert accepted.status_code == 200, accepted.text


# Client addresses: X-Forwarded-For only from TRUSTED_PROXIES


def test_a_forged_forwarded_for_from_an_untrusted_peer_does_not_escape_the_limit(tmp_path: Path) -> None:
    with client_from(tmp_path, ("198.51.100.7", 50000), RATE_LIMIT_GREETING="3/minute",
                     TRUSTED_PROXIES="10.0.0.0/8") as client:
        answers = [client.post("/api/greeting", json={}, headers={"x-forwarded-for": f"192.0.2.{n}"})
                   for n in range(4)]
    assert [r.status_code for r in answers[:3]] == [200, 200, 200]
    refused(answers[3], 429, "rate_limited")
    assert 1 <= int(answers[3].headers["retry-after"]) <= 60


def test_behind_a_trusted_proxy_each_customer_has_their_own_limit(tmp_path: Path) -> None:
    with client_from(tmp_path, PROXY, RATE_LIMIT_GREETING="2/minute", TRUSTED_PROXIES="10.0.0.0/8") as client:
        def greet(chain: str) -> int:
            return client.post("/api/greeting", json={}, headers={"x-forwarded-for": chain}).status_code

        assert [greet("192.0.2.1"), greet("192.0.2.1"), greet("192.0.2.1")] == [200, 200, 429]
        assert greet("192.0.2.2") == 200  # another customer behind the same proxy
        # A customer who writes their own X-Forwarded-For only adds hops to the left of the address
        # the proxy saw: the right-most untrusted hop is the one counted.
        assert greet("6.6.6.6, 192.0.2.1") == 429
        assert greet("7.7.7.7, 192.0.2.1, 10.0.0.9") == 429
        assert greet("not-an-address") == 200  # unparseable: the proxy itself is counted, once
        assert greet("not-an-address") == 200
        assert greet("not-an-address") == 429


# Bodies


def test_an_oversized_body_is_refused_whether_declared_or_streamed(client: TestClient) -> None:
    sid = Chat(client).session_id
    big = json.dumps({"sessionId": sid, "message": "x" * 100_000}).encode()
    refused(client.post("/api/chat", content=big, headers={"content-type": "application/json"}), 413,
            "payload_too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap must hold while the body streams in
        yield b'{"sessionId": "' + sid.encode() + b'", "message": "'
        for _ in range(100):
            yield b"y" * 1024
        yield b'"}'

    refused(client.post("/api/chat", content=chunks(), headers={"content-type": "application/json"}), 413,
            "payload_too_large")
    assert client.post("/api/chat", json={"sessionId": sid, "message": "hola"}).status_code == 200


# Header injection and request ids


def raw_request(app: Any, path: str, headers: list[tuple[bytes, bytes]], query: bytes = b"") -> dict[str, Any]:
    """Drive the ASGI app with header bytes no HTTP client would send (CR/LF inside a value)."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
             "headers": [(b"host", b"testserver"), *headers], "client": ("198.51.100.7", 50000),
             "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return {"status": start["status"], "headers": start["headers"], "body": body}


@pytest.mark.parametrize("incoming", [
    b"abcdefgh\r\nSet-Cookie: stolen=1", b"abcdefgh\nSet-Cookie: stolen=1", b"abcdefgh\n", b"abc def ghi",
    b"<script>alert(1)</script>", b"x" * 65, b"short", "caf\u00e9-request-id".encode(),
])
def test_an_odd_request_id_is_replaced_never_echoed(client: TestClient, incoming: bytes) -> None:
    answer = raw_request(client.app, "/healthz", [(b"x-request-id", incoming)])
    assert answer["status"] == 200
    ids = [value for name, value in answer["headers"] if name.lower() == b"x-request-id"]
    assert len(ids) == 1 and ids[0] != incoming and ids[0].isalnum() and len(ids[0]) == 16
    assert all(name.lower() != b"set-cookie" for name, _ in answer["headers"])
    assert all(b"\r" not in value and b"\n" not in value for _, value in answer["headers"])


def test_a_well_formed_request_id_is_kept_for_tracing(client: TestClient) -> None:
    assert client.get("/healthz", headers={"x-request-id": "lb-7f3a.9c_21"}).headers["x-request-id"] == "lb-7f3a.9c_21"


@pytest.mark.parametrize(("path", "query"), [
    ("/api/ticket/TCK-20250101-ABCDEF", b"t=%0d%0aSet-Cookie:%20stolen=1"),
    ("/api/logs", b"token=%0d%0aSet-Cookie:%20stolen=1"),
    ("/api/logs/stream", b"token=x&level=%0d%0aSet-Cookie:%20stolen=1"),
    ("/api/upload-image/%0d%0aSet-Cookie:%20stolen=1", b""),
    ("/api/greeting", b"locale=%0d%0aSet-Cookie:%20stolen=1"),
])
def test_cr_lf_in_a_query_or_path_is_never_echoed_into_headers_or_body(
    client: TestClient, path: str, query: bytes
) -> None:
    answer = raw_request(client.app, path, [], query)
    assert answer["status"] in (200, 401, 404, 405), answer
    assert all(name.lower() != b"set-cookie" for name, _ in answer["headers"])
    assert all(b"\r" not in value and b"\n" not in value for _, value in answer["headers"])
    assert b"stolen" not in answer["body"] and b"Set-Cookie" not in answer["body"]


# The operator token never reaches a log


def test_the_operator_token_never_appears_in_any_log_line(client: TestClient) -> None:
    sid = Chat(client).session_id
    client.get("/api/logs", params={"token": OPERATOR_TOKEN})
    client.get("/api/metrics", headers={"authorization": f"Bearer {OPERATOR_TOKEN}"})
    client.get("/api/tickets", params={"token": OPERATOR_TOKEN})
    client.get(f"/api/transcript/{sid}", params={"token": OPERATOR_TOKEN})
    client.get("/api/logs", params={"token": OPERATOR_TOKEN[:-1]})  # a near miss is a 401, also unlogged
    client.get(f"/api/nowhere/{OPERATOR_TOKEN}", params={"token": OPERATOR_TOKEN})  # unmatched route
    client.post("/api/chat", json={"sessionId": sid, "message": "hola"},
                headers={"authorization": f"Bearer {OPERATOR_TOKEN}"})
    svc = services(client)
    logs.flush()  # lines are written by the log writer thread
    file_lines = (svc.settings.logs_dir / "stichat.log").read_text().splitlines()
    ring_lines = list(svc.log_hub.ring)
    assert sum('"http_request"' in line for line in file_lines) >= 7
    assert ring_lines and all('"http_request"' not in line or '"route"' in line for line in ring_lines)
    for line in file_lines + ring_lines:
        assert OPERATOR_TOKEN not in line and OPERATOR_TOKEN[:24] not in line, line
    tail = client.get("/api/logs", params={"token": OPERATOR_TOKEN}).text
    assert OPERATOR_TOKEN not in tail
