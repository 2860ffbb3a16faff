"""The Redis adapters against a real redis-server the test starts: sessions, locks, rate limits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pytest

from stichat.adapters import redis_keys as keys
from stichat.adapters.limits_rate import LimitsRateLimiter
from stichat.adapters.redis_client import connect
from stichat.adapters.redis_locks import RedisSessionLocks
from stichat.adapters.redis_sessions import RedisSessionStore
from stichat.domain.conversation import Conversation, Stage
from stichat.domain.errors import DependencyUnavailable, SessionBusy
from tests.redis_server import RedisServer, running_redis

pytestmark = pytest.mark.redis
T = TypeVar("T")
NOW = time.time()
PASSWORD = "s3cret-Redis-pw"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    with running_redis(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture(autouse=True)
def empty(server: RedisServer) -> None:
    server.client().flushall()


def run(make: Callable[[], Awaitable[T]]) -> T:
    """One event loop per test: redis.asyncio pools belong to the loop that opened them."""
    async def body() -> T:
        return await make()
    return asyncio.run(body())


def conversation(session_id: str = "s" * 32, **changes: object) -> Conversation:
    return replace(Conversation(session_id=session_id, created_at=NOW), **changes)  # type: ignore[arg-type]


def test_a_session_comes_back_with_its_csrf_token_and_lives_under_the_stichat_prefix(server: RedisServer) -> None:
    async def scenario() -> tuple[Conversation, str] | None:
        store = RedisSessionStore(connect(server.url(), timeout_ms=500), ttl_seconds=3600)
        await store.create(conversation(name="Lucía"), csrf_token="csrf-1", expires_at=NOW + 3600)
        return await store.load("s" * 32, now=NOW)

    found = run(scenario)
    assert found is not None
    assert found[0].name == "Lucía" and found[1] == "csrf-1"
    names = list(server.client().scan_iter(match="*"))
    assert names == [keys.session("s" * 32)] and names[0].startswith("stichat:session:")


def test_every_save_slides_the_redis_ttl_back_to_the_session_lifetime(server: RedisServer) -> None:
    async def scenario() -> None:
        store = RedisSessionStore(connect(server.url(), timeout_ms=500), ttl_seconds=3600)
        await store.create(conversation(), csrf_token="c", expires_at=NOW + 3600)
        server.client().expire(keys.session("s" * 32), 5)  # as if the session had been idle for hours
        await store.save(conversation(stage=Stage.ASK_NAME), expires_at=NOW + 3600)

    run(scenario)
    assert 3590 <= server.client().ttl(keys.session("s" * 32)) <= 3600


def test_a_session_past_its_expiry_is_not_loaded_even_before_redis_drops_it(server: RedisServer) -> None:
    async def scenario() -> tuple[Conversation, str] | None:
        store = RedisSessionStore(connect(server.url(), timeout_ms=500), ttl_seconds=3600)
        await store.create(conversation(), csrf_token="c", expires_at=NOW + 10)
        return await store.load("s" * 32, now=NOW + 11)

    assert run(scenario) is None


def test_saving_a_session_that_expired_meanwhile_does_not_bring_it_back_without_its_token(
    server: RedisServer,
) -> None:
    async def scenario() -> tuple[Conversation, str] | None:
        store = RedisSessionStore(connect(server.url(), timeout_ms=500), ttl_seconds=3600)
        await store.create(conversation(), csrf_token="c", expires_at=NOW + 3600)
        await store.delete("s" * 32)
        await store.save(conversation(stage=Stage.ASK_NAME), expires_at=NOW + 3600)
        return await store.load("s" * 32, now=NOW)

    assert run(scenario) is None
    assert server.client().exists(keys.session("s" * 32)) == 0


def test_two_replicas_never_lose_an_update_to_one_session(server: RedisServer) -> None:
    """Fifty read-modify-write cycles, half through each replica's own client, with a pause
    between the read and the write: without the lock most increments would be lost."""

    async def scenario() -> int:
        stores = [RedisSessionStore(connect(server.url(), timeout_ms=500), ttl_seconds=3600) for _ in range(2)]
        locks = [RedisSessionLocks(connect(server.url(), timeout_ms=500), ttl_seconds=10, wait_seconds=10)
                 for _ in range(2)]
        await stores[0].create(conversation(), csrf_token="c", expires_at=NOW + 3600)

        async def increment(replica: int) -> None:
            async with locks[replica].hold("s" * 32):
                found = await stores[replica].load("s" * 32, now=NOW)
                assert found is not None
                await asyncio.sleep(0.002)
                await stores[replica].save(replace(found[0], turns=found[0].turns + 1), expires_at=NOW + 3600)

        await asyncio.gather(*(increment(i % 2) for i in range(50)))
        final = await stores[1].load("s" * 32, now=NOW)
        assert final is not None
        return final[0].turns

    assert run(scenario) == 50
    assert server.client().exists(keys.session_lock("s" * 32)) == 0  # every holder gave it back


def test_a_crashed_holder_blocks_the_session_only_until_the_lock_ttl(server: RedisServer) -> None:
    server.client().set(keys.session_lock("s" * 32), "token-of-a-dead-process", px=300)

    async def scenario() -> float:
        locks = RedisSessionLocks(connect(server.url(), timeout_ms=500), ttl_seconds=10, wait_seconds=5)
        started = time.monotonic()
        async with locks.hold("s" * 32):
            return time.monotonic() - started

    assert 0.2 <= run(scenario) < 1.5


def test_a_holder_whose_ttl_ran_out_does_not_release_the_next_holders_lock(server: RedisServer) -> None:
    async def scenario() -> str | None:
        locks = RedisSessionLocks(connect(server.url(), timeout_ms=500), ttl_seconds=0.1, wait_seconds=5)
        async with locks.hold("s" * 32):
            await asyncio.sleep(0.2)  # our lock expires; another replica takes the session
            server.client().set(keys.session_lock("s" * 32), "the-next-holder", px=5000)
        return server.client().get(keys.session_lock("s" * 32))

    assert run(scenario) == "the-next-holder"


def test_a_waiter_gives_up_with_session_busy_after_its_bounded_wait(server: RedisServer) -> None:
    server.client().set(keys.session_lock("s" * 32), "someone-else", px=10_000)

    async def scenario() -> None:
        locks = RedisSessionLocks(connect(server.url(), timeout_ms=500), ttl_seconds=10, wait_seconds=0.3)
        async with locks.hold("s" * 32):
            pass

    started = time.monotonic()
    with pytest.raises(SessionBusy) as caught:
        run(scenario)
    assert caught.value.retry_after == 1
    assert time.monotonic() - started < 1.0


def test_limits_count_in_redis_with_a_password_and_a_database_number(tmp_path: Path) -> None:
    with running_redis(tmp_path / "auth", password=PASSWORD) as server:
        url = server.url(db=3)

        async def scenario() -> list[int | None]:
            limiter = LimitsRateLimiter(url, redis_timeout_ms=500)
            other_replica = LimitsRateLimiter(url, redis_timeout_ms=500)
            return [await limiter.hit("2/minute", "greeting", "203.0.113.9"),
                    await other_replica.hit("2/minute", "greeting", "203.0.113.9"),
                    await limiter.hit("2/minute", "greeting", "203.0.113.9")]

        first, second, third = run(scenario)
        assert first is None and second is None
        assert third is not None and 1 <= third <= 60
        names = list(server.client(db=3).scan_iter(match="*"))
        assert names and all(name.startswith(keys.RATE_LIMIT_PREFIX + ":") for name in names)
        assert server.client(db=0).dbsize() == 0

        async def sessions_in_db_3() -> None:
            store = RedisSessionStore(connect(url, timeout_ms=500), ttl_seconds=60)
            await store.create(conversation(), csrf_token="c", expires_at=NOW + 60)

        run(sessions_in_db_3)
        assert server.client(db=3).exists(keys.session("s" * 32)) == 1


def test_a_wrong_password_is_a_dependency_failure_not_a_crash(tmp_path: Path) -> None:
    with running_redis(tmp_path / "auth", password=PASSWORD) as server:
        wrong = server.url().replace(PASSWORD, "not-the-password")
        with pytest.raises(DependencyUnavailable):
            run(lambda: RedisSessionStore(connect(wrong, timeout_ms=500), ttl_seconds=60).ping())


def test_an_unreachable_redis_fails_fast_in_every_adapter(tmp_path: Path) -> None:
    url = RedisServer(tmp_path).url()  # a free port where nothing listens

    async def each() -> list[str]:
        store = RedisSessionStore(connect(url, timeout_ms=300), ttl_seconds=60)
        locks = RedisSessionLocks(connect(url, timeout_ms=300), ttl_seconds=10, wait_seconds=10)
        limiter = LimitsRateLimiter(url, redis_timeout_ms=300)
        codes = []
        for attempt in (store.ping(), store.load("s" * 32, now=NOW), limiter.hit("5/minute", "x")):
            try:
                await attempt
            except DependencyUnavailable as exc:
                codes.append(exc.reason)
        try:
            async with locks.hold("s" * 32):
                pass
        except DependencyUnavailable as exc:
            codes.append(exc.reason)
        return codes

    started = time.monotonic()
    assert run(each) == ["dependency_unavailable"] * 4
    assert time.monotonic() - started < 3


def test_connections_left_idle_across_a_redis_restart_do_not_fail_the_next_call(tmp_path: Path) -> None:
    """The pool's sockets die with the server; the retry on a fresh connection hides that. (With
    redis-py's sync Retry class on the asyncio client it did not, and every replica kept failing.)"""
    with running_redis(tmp_path / "restart") as server:

        async def scenario() -> list[object]:
            store = RedisSessionStore(connect(server.url(), timeout_ms=500), ttl_seconds=60)
            locks = RedisSessionLocks(connect(server.url(), timeout_ms=500), ttl_seconds=10, wait_seconds=1)
            limiter = LimitsRateLimiter(server.url(), redis_timeout_ms=500)
            await store.create(conversation(), csrf_token="c", expires_at=NOW + 60)
            async with locks.hold("s" * 32):
                await limiter.hit("100/minute", "x")
            server.stop(save=True)
            server.start()
            async with locks.hold("s" * 32):
                found = await store.load("s" * 32, now=NOW)
            return [found is not None, await limiter.hit("100/minute", "x")]

        assert run(scenario) == [True, None]
