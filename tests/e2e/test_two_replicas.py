"""Two `stichat serve` replicas on one Redis and one shared DATA_DIR, as on Kubernetes.

A load balancer may send any request to either replica: conversations, limits and the
exactly-once ticket must hold whichever one answers. Each test speaks from its own client address
(X-Forwarded-For through a trusted proxy) so the per-IP limits of one test never touch another.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import OPERATOR_TOKEN, LiveServer, start_server
from tests.helpers import Chat
from tests.redis_server import RedisServer, running_redis

pytestmark = pytest.mark.redis
LINK_SECRET = "shared-link-secret-" + "Qm7vT2xR" * 3
_addresses = (f"203.0.113.{n}" for n in itertools.count(10))


@dataclass
class Cluster:
    redis: RedisServer
    replicas: list[LiveServer]
    data_dir: Path

    def clients(self, ip: str) -> list[httpx.Client]:
        """One client per replica, all speaking as `ip` (the proxy's X-Forwarded-For)."""
        return [httpx.Client(base_url=r.url, timeout=15, headers={"X-Forwarded-For": ip}) for r in self.replicas]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    tmp = tmp_path_factory.mktemp("replicas")
    with running_redis(tmp / "redis") as redis:
        env = {"REDIS_URL": redis.url(), "RATE_LIMIT_GREETING": "5/minute", "LINK_SECRET": LINK_SECRET,
               "TRUSTED_PROXIES": "127.0.0.1"}
        with ThreadPoolExecutor(max_workers=2) as pool:  # start both at once: start-up is mostly imports
            starting = [pool.submit(start_server, tmp / "data", tmp / f"replica-{name}.log", **env)
                        for name in ("a", "b")]
        replicas = [future.result() for future in starting if future.exception() is None]
        try:
            assert len(replicas) == 2, [str(f.exception()) for f in starting]
            yield Cluster(redis, replicas, tmp / "data")
        finally:
            for replica in replicas:
                replica.stop()


class Alternating:
    """An httpx-like client that sends each request to the next replica in turn."""

    def __init__(self, clients: list[httpx.Client]) -> None:
        self._next = itertools.cycle(clients)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return next(self._next).post(url, **kwargs)


def test_a_conversation_started_on_one_replica_continues_on_the_other(cluster: Cluster) -> None:
    a, b = cluster.clients(next(_addresses))
    chat = Chat(a)
    chat.http = b
    assert chat.press("BTN_LANG_ES_AR")["stage"] == "ASK_NAME"
    chat.http = a
    assert chat.say("Me llamo Lucía")["context"]["name"] == "Lucía"
    chat.http = b
    reply = chat.say("mi notebook no enciende, no prende ninguna luz")
    assert reply["stage"] == "BASIC_TESTS"
    assert (reply["context"]["device"], reply["context"]["problem"]) == ("notebook", "no_power")
    checked = a.post("/api/session/validate", json={"sessionId": chat.session_id}).json()
    assert checked["valid"] is True and checked["stage"] == "BASIC_TESTS"
    assert checked["csrfToken"] == chat.greeting["csrfToken"]  # the CSRF token travels with the session


def test_the_greeting_limit_is_shared_by_both_replicas(cluster: Cluster) -> None:
    a, b = cluster.clients(next(_addresses))
    answers = [(a if n % 2 == 0 else b).post("/api/greeting", json={}) for n in range(5)]
    assert [r.status_code for r in answers] == [200] * 5
    for replica in (a, b):  # the sixth within the minute is refused whichever replica gets it
        refused = replica.post("/api/greeting", json={})
        assert refused.status_code == 429
        assert refused.json()["ok"] is False and refused.json()["error"] == "rate_limited"
        assert 1 <= int(refused.headers["retry-after"]) <= 60
    other, _ = cluster.clients(next(_addresses))
    assert other.post("/api/greeting", json={}).status_code == 200  # someone else is not affected


def test_twenty_concurrent_technician_requests_over_both_replicas_open_exactly_one_ticket(cluster: Cluster) -> None:
    a, b = cluster.clients(next(_addresses))
    chat = Chat(Alternating([a, b]))
    chat.press("BTN_LANG_ES_AR")
    chat.say("Martín")
    chat.say("la impresora no imprime, dice papel atascado")
    tickets_before = set((cluster.data_dir / "tickets").glob("*.json"))
    start = threading.Barrier(20)

    def connect(n: int) -> httpx.Response:
        client = (a, b)[n % 2]
        start.wait()
        if n % 4 < 2:
            return client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id})
        return client.post("/api/chat", json={"sessionId": chat.session_id, "action": "BTN_CONNECT_TECH"})

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(connect, range(20)))
    assert [r.status_code for r in answers] == [200] * 20, [r.text for r in answers if r.status_code != 200]
    ids = {r.json().get("ticketId") or r.json()["ticket"]["ticketId"] for r in answers}
    created = set((cluster.data_dir / "tickets").glob("*.json")) - tickets_before
    assert len(ids) == 1 and [p.stem for p in created] == list(ids)
    assert (cluster.data_dir / "tickets" / f"{ids.pop()}.txt").exists()


def test_concurrent_turns_on_one_session_all_land_in_the_transcript_in_order(cluster: Cluster) -> None:
    a, b = cluster.clients(next(_addresses))
    chat = Chat(a)
    chat.press("BTN_LANG_EN")
    chat.say("Sam")
    lines = [f"note {word}" for word in ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
                                         "hotel", "india", "juliett", "kilo", "lima")]
    start = threading.Barrier(len(lines))

    def say(n: int) -> httpx.Response:
        start.wait()
        return (a, b)[n % 2].post("/api/chat", json={"sessionId": chat.session_id, "message": lines[n]})

    with ThreadPoolExecutor(max_workers=len(lines)) as pool:
        answers = list(pool.map(say, range(len(lines))))
    assert [r.status_code for r in answers] == [200] * len(lines), [r.text for r in answers]

    text = b.get(f"/api/transcript/{chat.session_id}", headers={"x-session-id": chat.session_id})
    assert text.status_code == 200
    entries = text.text.strip().splitlines()
    customer = [i for i, line in enumerate(entries) if " Cliente (" in line]
    for line in lines:
        assert sum(entry.endswith(f": {line}") for entry in entries) == 1, line
    # Turns were serialised: each customer line is followed by its own answer, never by another
    # customer line, and each turn starts in the stage the previous answer left the conversation in.
    for i in customer:
        assert " Tecnos (" in entries[i + 1]
    headers = [i for i, line in enumerate(entries) if line.startswith("[")]  # a reply may span lines
    for i in customer[1:]:
        answer = max(h for h in headers if h < i)
        stage_before = entries[i].split(" Cliente (", 1)[1].split(")", 1)[0]
        stage_answered = entries[answer].split(" Tecnos (", 1)[1].split(")", 1)[0]
        assert stage_before == stage_answered, (entries[answer], entries[i])


def test_the_operator_token_never_reaches_a_log_of_either_replica(cluster: Cluster) -> None:
    for replica in cluster.replicas:
        assert httpx.get(f"{replica.url}/api/logs", params={"token": OPERATOR_TOKEN}).status_code == 200
        assert httpx.get(f"{replica.url}/api/metrics",
                         headers={"Authorization": f"Bearer {OPERATOR_TOKEN}"}).status_code == 200
        assert httpx.get(f"{replica.url}/api/logs", params={"token": OPERATOR_TOKEN + "x"}).status_code == 401
    written = [replica.log_path.read_text(errors="replace") for replica in cluster.replicas]  # uvicorn's own
    written += [p.read_text(errors="replace") for p in (cluster.data_dir / "logs").glob("*.log*")]
    assert any("http_request" in text for text in written)
    assert all(OPERATOR_TOKEN not in text for text in written)


def test_both_replicas_are_ready_and_say_redis_is_ok(cluster: Cluster) -> None:
    for replica in cluster.replicas:
        health = httpx.get(f"{replica.url}/api/health").json()
        assert health["ok"] is True and health["checks"]["redis"] == "ok"
        assert httpx.get(f"{replica.url}/readyz").status_code == 200
