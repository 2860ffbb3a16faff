"""A real `stichat serve` whose disk "fills": RLIMIT_FSIZE lowered to 0 on the running process (no
root, no loop device) makes every write that grows a file fail in the kernel, as a full volume does.
Readiness turns red, writes answer 503 `storage_unavailable`, nothing is left half-written, and the
service comes back by itself once the limit is lifted."""

from __future__ import annotations

import resource
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer, start_server
from tests.helpers import Chat, jpeg_bytes


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = start_server(tmp_path / "data", tmp_path / "server.log")
    yield live
    resource.prlimit(live.process.pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    live.stop()


def fill_disk(server: LiveServer, full: bool) -> None:
    _, hard = resource.prlimit(server.process.pid, resource.RLIMIT_FSIZE)
    resource.prlimit(server.process.pid, resource.RLIMIT_FSIZE, (0 if full else hard, hard))


def ready_state(http: httpx.Client, wanted: int, timeout: float = 10) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while True:
        response = http.get("/readyz")
        if response.status_code == wanted or time.monotonic() > deadline:
            assert response.status_code == wanted, response.text
            body: dict[str, object] = response.json()
            return body
        time.sleep(0.05)


def leftovers(data_dir: Path) -> list[str]:
    """Temporary files of an atomic write, ticket halves, waiting originals."""
    found = [p.name for p in data_dir.rglob("*.tmp")]
    found += [p.name for p in (data_dir / "incoming").glob("*")]
    tickets = {p.stem for p in (data_dir / "tickets").glob("TCK-*.json")}
    texts = {p.stem for p in (data_dir / "tickets").glob("TCK-*.txt")}
    found += sorted(tickets ^ texts)
    return found


def test_a_full_disk_turns_readiness_red_answers_writes_with_503_and_recovers_by_itself(
        server: LiveServer) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        chat = Chat(http)
        chat.press("BTN_LANG_EN")
        assert http.get("/readyz").status_code == 200

        fill_disk(server, True)
        started = time.monotonic()
        red = ready_state(http, 503)
        noticed = time.monotonic() - started
        assert red["checks"]["data"] == "full" and red["checks"]["tickets"] == "full", red  # type: ignore[index]
        assert http.get("/api/health").status_code == 503
        assert noticed < 5  # a sanity bound only: the probe is cached for 1.5 s

        turn = http.post("/api/chat", json={"sessionId": chat.session_id, "message": "Lucía"})
        upload = http.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                           files={"image": ("foto.jpg", jpeg_bytes(), "image/jpeg")})
        ticket = http.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id})
        for response in (turn, upload, ticket):
            assert response.status_code == 503, response.text
            assert response.json()["error"] == "storage_unavailable"
            assert response.headers["retry-after"] == "30"
        assert leftovers(server.data_dir) == []
        assert "Traceback" not in server.log_path.read_text()

        fill_disk(server, False)
        assert ready_state(http, 200)["ok"] is True
        assert http.post("/api/chat", json={"sessionId": chat.session_id, "message": "Lucía"}).status_code == 200
        sent = http.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                         files={"image": ("foto.jpg", jpeg_bytes(), "image/jpeg")})
        assert sent.status_code == 200, sent.text
        assert http.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).status_code == 200
