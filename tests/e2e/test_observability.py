"""Metrics move with real traffic; the live log stream is capped, shows new turns, and masks them."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import OPERATOR_TOKEN, LiveServer, start_server
from tests.helpers import Chat, jpeg_bytes


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("obs")
    live = start_server(tmp / "data", tmp / "server.log", MAX_SSE_CLIENTS="2")
    yield live
    live.stop()


def sample(text: str, name: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name) and not line.startswith("#"):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_counters_move_after_a_chat_turn_an_upload_and_a_ticket(server: LiveServer) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        before = http.get("/metrics").text
        chat = Chat(http)
        chat.say("hola")
        upload = http.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                           files={"image": ("a.jpg", jpeg_bytes(), "image/jpeg")})
        assert upload.status_code == 200
        for _ in range(200):  # the image job runs after the reply; its time is observed when it ends
            status = http.get(upload.json()["statusUrl"], headers={"x-session-id": chat.session_id}).json()
            if status["status"] == "done":
                break
            time.sleep(0.02)
        assert http.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).status_code == 200
        after = http.get("/metrics").text
        for name in ("stichat_chat_messages_total", "stichat_tickets_total", "stichat_upload_analysis_seconds_count"):
            assert sample(after, name) > sample(before, name), name
        assert 'route="/api/chat"' in after  # by route template, never the raw path
        assert "stichat_storage_free_bytes" in after
        as_json = http.get("/api/metrics", headers={"authorization": f"Bearer {OPERATOR_TOKEN}"}).json()
        assert as_json["chat"]["totalMessages"] >= 1
        assert as_json["uploads"]["avgAnalysisTime"] > 0
        assert {"requests", "failures", "circuitState"} <= set(as_json["openai"])
        assert "clients" in as_json["sse"]


def test_the_third_stream_is_refused_and_an_open_stream_shows_a_turn_without_its_words(server: LiveServer) -> None:
    url = f"{server.url}/api/logs/stream?token={OPERATOR_TOKEN}"
    with (httpx.Client(timeout=httpx.Timeout(10, read=30)) as streams,
          httpx.Client(base_url=server.url, timeout=10) as http,
          streams.stream("GET", url) as first, streams.stream("GET", url) as second):
        assert first.status_code == 200 and second.status_code == 200
        lines: list[str] = []
        stop = threading.Event()
        first_lines = first.iter_lines()
        assert next(first_lines) == "event: hello"
        second_lines = second.iter_lines()  # kept referenced: a dropped iterator closes its stream
        assert next(second_lines) == "event: hello"
        third = httpx.get(url, timeout=10)
        assert third.status_code == 503 and third.json()["error"] == "too_many_streams"

        def read_until_closed() -> None:
            try:
                for line in first_lines:
                    if stop.is_set():
                        return
                    lines.append(line)
            except httpx.HTTPError:
                return  # the stream was closed under the reader at the end of the test: nothing more to read

        reader = threading.Thread(target=read_until_closed)
        reader.daemon = True
        reader.start()
        chat = Chat(http)
        chat.press("BTN_LANG_ES_AR")
        chat.say("me llamo Ana, mi mail es ana.gomez@example.com")
        for _ in range(100):
            if any("chat_turn" in x and chat.session_id in x for x in lines):
                break
            threading.Event().wait(0.05)
        stop.set()
    joined = "\n".join(lines)
    assert "/api/chat" in joined
    assert "ana.gomez@example.com" not in joined
    turns = [e for e in (json.loads(x[6:]) for x in lines if x.startswith('data: {"ts"')) if e["event"] == "chat_turn"]
    # The log says what the turn did, never what the customer typed: that stays in the transcript.
    mine = [e for e in turns if e["session_id"] == chat.session_id]
    assert mine and all("text" not in e and e["length"] > 0 and e["kind"] for e in mine)
    assert "Ana" not in joined
    events = [json.loads(x[6:]) for x in lines if x.startswith('data: {"ts"')]
    assert events and all("ts" in e and "level" in e for e in events)


def test_the_log_file_never_holds_the_operator_token_or_raw_pii(server: LiveServer) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        http.get(f"/api/logs?token={OPERATOR_TOKEN}")
        chat = Chat(http)
        chat.press("BTN_LANG_ES_AR")
        chat.say("mi teléfono es +54 9 341 555-1234 y mi mail pepe@example.com")
    text = "".join(p.read_text() for p in Path(server.data_dir, "logs").glob("*.log*"))
    assert OPERATOR_TOKEN not in text
    assert "pepe@example.com" not in text
    assert re.search(r"\{.*\"event\": \"http_request\"", text)


def test_a_closed_stream_is_removed_at_once(server: LiveServer) -> None:
    url = f"{server.url}/api/logs/stream?token={OPERATOR_TOKEN}&tail=5"
    metrics = f"{server.url}/api/metrics?token={OPERATOR_TOKEN}"
    with httpx.Client(timeout=httpx.Timeout(10, read=30)) as streams, streams.stream("GET", url) as live:
        lines = live.iter_lines()
        assert next(lines) == "event: hello"
        assert httpx.get(metrics).json()["sse"]["clients"] >= 1
    for _ in range(50):
        if httpx.get(metrics).json()["sse"]["clients"] == 0:
            break
        threading.Event().wait(0.1)
    assert httpx.get(metrics).json()["sse"]["clients"] == 0


def test_the_log_tail_is_bounded(tmp_path: Path) -> None:
    live = start_server(tmp_path / "data", tmp_path / "server.log", LOGS_MAX_BYTES="2048")
    try:
        with httpx.Client(base_url=live.url, timeout=10) as http:
            for _ in range(30):
                http.get("/healthz")
            tail = http.get(f"/api/logs?token={OPERATOR_TOKEN}").text
        assert 0 < len(tail.encode()) <= 2048
        assert all(json.loads(line)["event"] for line in tail.strip().splitlines())  # whole lines only
    finally:
        live.stop()
