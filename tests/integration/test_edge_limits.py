"""The request head is capped (431), Host is checked against ALLOWED_HOSTS, and HSTS is sent when a
trusted proxy says the customer connected over https."""

from __future__ import annotations

from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from tests.conftest import OPERATOR_TOKEN, LiveServer, start_server


def test_a_huge_request_header_is_refused_with_431_by_a_real_server(live_server: LiveServer) -> None:
    big = {"x-padding": "a" * (1024 * 1024)}
    response = httpx.get(f"{live_server.url}/api/health", headers=big, timeout=30)
    assert response.status_code == 431
    assert response.json()["error"] == "headers_too_large"


def test_many_small_headers_are_refused_too(client: TestClient) -> None:
    response = client.get("/api/health", headers={f"x-h{i}": "1" for i in range(150)})
    assert response.status_code == 431


def test_ordinary_headers_pass(client: TestClient) -> None:
    assert client.get("/api/health", headers={"cookie": "a=" + "b" * 4000}).status_code == 200


def test_with_allowed_hosts_another_host_name_is_refused_but_probes_pass(make_client: object) -> None:
    client: TestClient = make_client(ALLOWED_HOSTS="chat.sti.com.ar")  # type: ignore[operator]
    refused = client.get("/api/health", headers={"host": "evil.example"})
    assert (refused.status_code, refused.json()["error"]) == (400, "host_not_allowed")
    assert client.get("/api/health", headers={"host": "chat.sti.com.ar"}).status_code == 200
    assert client.get("/api/health", headers={"host": "CHAT.sti.com.ar:443"}).status_code == 200
    assert client.get("/readyz", headers={"host": "10.0.3.7:8080"}).status_code == 200  # kubelet by address


def test_hsts_is_sent_when_a_trusted_proxy_says_https_and_only_then(live_server: LiveServer,
                                                                      tmp_path: Path) -> None:
    behind = start_server(tmp_path / "data", tmp_path / "server.log", TRUSTED_PROXIES="127.0.0.1/32")
    https = {"x-forwarded-proto": "https"}
    try:
        assert "strict-transport-security" not in httpx.get(f"{behind.url}/healthz").headers
        hsts = httpx.get(f"{behind.url}/healthz", headers=https).headers["strict-transport-security"]
        assert hsts.startswith("max-age=")
    finally:
        behind.stop()
    # A server that trusts no proxy ignores the header: anyone could send it.
    assert "strict-transport-security" not in httpx.get(f"{live_server.url}/healthz", headers=https).headers


def test_the_session_database_and_its_wal_and_shm_files_are_readable_by_the_service_only(
        client: TestClient) -> None:
    from tests.helpers import Chat
    Chat(client)  # a write: the WAL and SHM files exist from here
    data_dir = Path(client.app.state.services.settings.data_dir)  # type: ignore[attr-defined]
    modes = {p.name: p.stat().st_mode & 0o777 for p in data_dir.glob("sessions.sqlite3*")}
    assert set(modes) == {"sessions.sqlite3", "sessions.sqlite3-wal", "sessions.sqlite3-shm"}
    assert set(modes.values()) == {0o600}, {name: oct(mode) for name, mode in modes.items()}


def test_lookups_by_guessable_ids_are_limited_per_address(make_client: object) -> None:
    from tests.helpers import Chat
    client: TestClient = make_client(RATE_LIMIT_LOOKUP="2/minute")  # type: ignore[operator]
    chat = Chat(client)
    ticket = client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()
    unknown = {"x-session-id": "Z" * 32}
    tries = {
        "validate": lambda: client.post("/api/session/validate", json={"sessionId": "Z" * 32}),
        "my-data": lambda: client.get("/api/privacy/my-data", headers=unknown),
        "upload": lambda: client.post("/api/upload-image", headers=unknown, files={"image": ("a.jpg", b"x")}),
        "link": lambda: client.get(f"/api/ticket/{ticket['ticketId']}", params={"t": "1.x"}),
    }
    for name, attempt in tries.items():
        statuses = [attempt().status_code for _ in range(3)]
        assert statuses[:2] != [429, 429] and statuses[2] == 429, (name, statuses)
    assert client.get(ticket["publicUrl"].split("8080", 1)[-1]).status_code == 429  # the real link too
    assert client.get(f"/api/ticket/{ticket['ticketId']}?token={OPERATOR_TOKEN}").status_code == 200
