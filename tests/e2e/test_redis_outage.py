"""Redis goes away mid-conversation: quick 503s, not hangs; back again, the service recovers by itself.

The bound is docs/scaling.md's: every Redis call gives up after REDIS_TIMEOUT_MS and is retried
once, so a request that needs Redis is answered in about twice that. The tests allow generous
slack for a loaded CI machine, far below what a hang would take.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from tests.conftest import LiveServer, start_server
from tests.helpers import Chat
from tests.redis_server import RedisServer, running_redis

pytestmark = pytest.mark.redis
TIMEOUT_MS = 300
BOUND_SECONDS = 2 * TIMEOUT_MS / 1000 + 1.5


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RedisServer, LiveServer]]:
    tmp = tmp_path_factory.mktemp("outage")
    with running_redis(tmp / "redis") as redis:
        server = start_server(tmp / "data", tmp / "server.log", REDIS_URL=redis.url(),
                              REDIS_TIMEOUT_MS=str(TIMEOUT_MS))
        try:
            yield redis, server
        finally:
            server.stop()


def answer_within(bound: float, send: Callable[[], httpx.Response]) -> httpx.Response:
    started = time.monotonic()
    response = send()
    elapsed = time.monotonic() - started
    assert elapsed < bound, f"took {elapsed:.2f}s, documented bound {bound:.2f}s"
    return response


def assert_dependency_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["ok"] is False and body["error"] == "dependency_unavailable" and body["message"]
    assert "x-request-id" in response.headers


def test_a_stopped_redis_means_quick_503s_and_a_restarted_one_serves_the_same_conversation(
    stack: tuple[RedisServer, LiveServer],
) -> None:
    redis, server = stack
    http = httpx.Client(base_url=server.url, timeout=30)
    chat = Chat(http)
    chat.press("BTN_LANG_ES_AR")

    redis.stop(save=True)  # the data survives in dump.rdb, as with a persistent Redis
    turn = answer_within(BOUND_SECONDS, lambda: http.post("/api/chat", json={"sessionId": chat.session_id,
                                                                             "message": "Lucía"}))
    assert_dependency_unavailable(turn)
    assert_dependency_unavailable(answer_within(BOUND_SECONDS, lambda: http.post("/api/greeting", json={})))
    assert_dependency_unavailable(answer_within(
        BOUND_SECONDS, lambda: http.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id})))
    ready = answer_within(BOUND_SECONDS + 2, lambda: http.get("/readyz"))
    assert ready.status_code == 503 and ready.json()["ok"] is False
    assert ready.json()["checks"]["redis"].startswith("error")
    assert http.get("/api/health").status_code == 503
    assert http.get("/healthz").status_code == 200  # alive: restarting the process would not help

    redis.start()  # same port, same directory: no restart of the service
    assert chat.say("Lucía")["stage"] == "ASK_PROBLEM"  # the very next turn, the same conversation
    assert http.get("/readyz").status_code == 200
    assert server.process.poll() is None


def test_a_frozen_redis_is_answered_within_the_timeout_and_forgotten_once_it_thaws(
    stack: tuple[RedisServer, LiveServer],
) -> None:
    redis, server = stack
    http = httpx.Client(base_url=server.url, timeout=30)
    chat = Chat(http)
    chat.press("BTN_LANG_EN")

    redis.pause()  # connections stay open and nothing answers: only the timeouts can save us
    try:
        turn = answer_within(BOUND_SECONDS, lambda: http.post("/api/chat", json={"sessionId": chat.session_id,
                                                                                 "message": "Sam"}))
        assert_dependency_unavailable(turn)
        assert answer_within(BOUND_SECONDS + 2, lambda: http.get("/readyz")).status_code == 503
        assert http.get("/healthz").status_code == 200
    finally:
        redis.resume()
    assert chat.say("Sam")["stage"] == "ASK_PROBLEM"
    assert http.get("/readyz").status_code == 200
