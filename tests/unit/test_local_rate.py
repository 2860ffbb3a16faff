"""The in-process rate limiter: a moving window per key, with the wait until the oldest hit leaves it."""

from __future__ import annotations

import asyncio

from stichat.adapters.local_rate import SWEEP_SECONDS, LocalRateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def limiter_at(clock: Clock) -> LocalRateLimiter:
    return LocalRateLimiter(now=clock)


def test_the_hit_past_the_limit_is_told_to_wait_until_the_oldest_hit_leaves_the_window() -> None:
    clock = Clock()
    limiter = limiter_at(clock)

    async def scenario() -> list[int | None]:
        answers = []
        for _ in range(3):
            answers.append(await limiter.hit("3/minute", "greeting", "10.0.0.1"))
            clock.now += 10
        answers.append(await limiter.hit("3/minute", "greeting", "10.0.0.1"))  # 30 s after the first
        clock.now = 1000.0 + 60  # the first hit has left the window
        answers.append(await limiter.hit("3/minute", "greeting", "10.0.0.1"))
        return answers

    assert asyncio.run(scenario()) == [None, None, None, 30, None]


def test_refused_hits_do_not_count_against_the_window() -> None:
    clock = Clock()
    limiter = limiter_at(clock)

    async def scenario() -> int | None:
        await limiter.hit("1/minute", "chat", "a")
        for _ in range(50):
            await limiter.hit("1/minute", "chat", "a")
        clock.now += 60
        return await limiter.hit("1/minute", "chat", "a")

    assert asyncio.run(scenario()) is None


def test_each_key_and_each_limit_has_its_own_window() -> None:
    limiter = limiter_at(Clock())

    async def scenario() -> list[int | None]:
        return [await limiter.hit("1/minute", "chat", "a"), await limiter.hit("1/minute", "chat", "b"),
                await limiter.hit("1/minute", "chat-session", "a"), await limiter.hit("1/minute", "chat", "a")]

    answers = asyncio.run(scenario())
    assert answers[:3] == [None, None, None] and answers[3] is not None


def test_clients_gone_quiet_are_forgotten_so_memory_follows_the_last_window() -> None:
    clock = Clock()
    limiter = limiter_at(clock)

    async def scenario() -> None:
        for n in range(100):
            await limiter.hit("5/minute", "greeting", f"10.0.0.{n}")
        clock.now += max(60, SWEEP_SECONDS) + 1
        await limiter.hit("5/minute", "greeting", "10.0.1.1")

    asyncio.run(scenario())
    assert len(limiter._hits) == 1
