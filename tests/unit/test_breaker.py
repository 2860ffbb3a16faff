"""The LLM breaker's transitions, with a clock moved by hand, and the guard that wraps the port."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from pydantic import BaseModel

from stichat.domain.errors import LLMFailure
from stichat.metrics import Metrics
from stichat.services.breaker import BreakerPolicy, CircuitBreaker, CircuitState, GuardedLLM, gauge_updater

POLICY = BreakerPolicy(failure_rate=0.5, min_calls=4, window_seconds=60, open_seconds=30, half_open_probes=1)


class ManualClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def breaker(policy: BreakerPolicy = POLICY) -> tuple[CircuitBreaker, ManualClock, list[CircuitState]]:
    clock, changes = ManualClock(), []
    return CircuitBreaker(policy, clock=clock, on_change=changes.append), clock, changes


def calls(b: CircuitBreaker, *outcomes: bool) -> None:
    """Make allowed calls with these outcomes (True = success)."""
    for ok in outcomes:
        assert b.allow()
        b.success() if ok else b.failure()


def test_a_new_breaker_is_closed_and_allows_calls() -> None:
    b, _, changes = breaker()
    assert b.state == CircuitState.CLOSED and b.allow() and changes == []


def test_failures_below_the_minimum_number_of_calls_do_not_open_it() -> None:
    b, _, _ = breaker()
    calls(b, False, False, False)
    assert b.state == CircuitState.CLOSED


def test_it_opens_when_the_failure_rate_reaches_the_threshold_over_enough_calls() -> None:
    b, _, changes = breaker()
    calls(b, True, True, False, False)  # 2 of 4 failed: 50 %
    assert b.state == CircuitState.OPEN and changes == [CircuitState.OPEN]
    assert not b.allow()


def test_a_low_failure_rate_keeps_it_closed() -> None:
    b, _, _ = breaker()
    calls(b, True, True, True, False, True, True, False, True)  # 25 %
    assert b.state == CircuitState.CLOSED


def test_outcomes_older_than_the_window_are_forgotten() -> None:
    b, clock, _ = breaker()
    calls(b, False, False, False)
    clock.advance(61)
    calls(b, True, True, True, False)  # only these 4 count: 25 %
    assert b.state == CircuitState.CLOSED


def test_after_the_open_period_it_is_half_open_and_lets_one_probe_through() -> None:
    b, clock, changes = breaker()
    calls(b, False, False, False, False)
    clock.advance(29.9)
    assert b.state == CircuitState.OPEN and not b.allow()
    clock.advance(0.1)
    assert b.state == CircuitState.HALF_OPEN
    assert b.allow()
    assert not b.allow(), "a second call while the probe is in flight"
    assert changes == [CircuitState.OPEN, CircuitState.HALF_OPEN]


def test_a_successful_probe_closes_it_with_a_clean_record() -> None:
    b, clock, changes = breaker()
    calls(b, False, False, False, False)
    clock.advance(30)
    calls(b, True)
    assert b.state == CircuitState.CLOSED and changes[-1] == CircuitState.CLOSED
    calls(b, False, False, False)  # the old failures no longer count
    assert b.state == CircuitState.CLOSED


def test_a_failed_probe_opens_it_for_a_fresh_period() -> None:
    b, clock, _ = breaker()
    calls(b, False, False, False, False)
    clock.advance(30)
    calls(b, False)
    assert b.state == CircuitState.OPEN
    clock.advance(29)
    assert b.state == CircuitState.OPEN
    clock.advance(1)
    assert b.state == CircuitState.HALF_OPEN


def test_several_probes_must_all_succeed_when_configured() -> None:
    b, clock, _ = breaker(BreakerPolicy(min_calls=1, failure_rate=1.0, open_seconds=5, half_open_probes=2))
    calls(b, False)
    clock.advance(5)
    assert b.allow() and b.allow() and not b.allow()
    b.success()
    assert b.state == CircuitState.HALF_OPEN
    b.success()
    assert b.state == CircuitState.CLOSED


def test_an_abandoned_probe_frees_its_slot() -> None:
    b, clock, _ = breaker()
    calls(b, False, False, False, False)
    clock.advance(30)
    assert b.allow()
    b.abandon()
    assert b.state == CircuitState.HALF_OPEN and b.allow()


def test_the_gauge_follows_the_state() -> None:
    metrics = Metrics.create()
    clock = ManualClock()
    b = CircuitBreaker(POLICY, clock=clock, on_change=gauge_updater(metrics))

    def gauge() -> float | None:
        return metrics.registry.get_sample_value("stichat_openai_circuit_state")

    calls(b, False, False, False, False)
    assert gauge() == 2
    clock.advance(30)
    assert b.state == CircuitState.HALF_OPEN and gauge() == 1
    calls(b, True)
    assert gauge() == 0


# --- the guard --------------------------------------------------------------------------------------


class Answer(BaseModel):
    value: str


class ScriptedLLM:
    def __init__(self, *script: Any) -> None:
        self.script, self.calls = list(script), 0

    async def complete_json(self, *, system: str, user: str, schema: type[Any], image: bytes | None = None) -> Any:
        self.calls += 1
        step = self.script.pop(0)
        if isinstance(step, float):
            await asyncio.sleep(step)
            return schema(value="late")
        if isinstance(step, BaseException):
            raise step
        return schema(value=step)


def failures(metrics: Metrics) -> dict[str, float]:
    text = metrics.render().decode()
    return {m[0]: float(m[1]) for m in re.findall(r'stichat_openai_failures_total\{reason="(\w+)"\} (\S+)', text)}


def guarded(llm: ScriptedLLM, timeout: float = 0.2) -> tuple[GuardedLLM, CircuitBreaker, Metrics]:
    metrics = Metrics.create()
    b = CircuitBreaker(BreakerPolicy(min_calls=2, failure_rate=0.5, open_seconds=60), on_change=gauge_updater(metrics))
    return GuardedLLM(llm, breaker=b, metrics=metrics, timeout=timeout), b, metrics


def test_the_guard_counts_requests_and_returns_answers() -> None:
    guard, _, metrics = guarded(ScriptedLLM("ok"))
    answer = asyncio.run(guard.complete_json(system="s", user="u", schema=Answer))
    assert answer.value == "ok"
    assert metrics.registry.get_sample_value("stichat_openai_requests_total") == 1
    assert metrics.registry.get_sample_value("stichat_openai_latency_seconds_count") == 1


def test_the_guard_enforces_one_deadline_and_calls_it_a_timeout() -> None:
    guard, _breaker, metrics = guarded(ScriptedLLM(5.0), timeout=0.1)
    with pytest.raises(LLMFailure) as caught:
        asyncio.run(guard.complete_json(system="s", user="u", schema=Answer))
    assert caught.value.reason == "timeout" and failures(metrics) == {"timeout": 1}


def test_the_guard_labels_adapter_failures_and_unexpected_errors() -> None:
    guard, _breaker, metrics = guarded(ScriptedLLM(LLMFailure("http_5xx"), ValueError("bug")))
    for _ in range(2):
        with pytest.raises(LLMFailure):
            asyncio.run(guard.complete_json(system="s", user="u", schema=Answer))
    assert failures(metrics) == {"http_5xx": 1, "error": 1}


def test_an_open_breaker_makes_no_call() -> None:
    llm = ScriptedLLM(LLMFailure("connection"), LLMFailure("connection"), "never")
    guard, b, metrics = guarded(llm)
    for _ in range(3):
        with pytest.raises(LLMFailure):
            asyncio.run(guard.complete_json(system="s", user="u", schema=Answer))
    assert b.state == CircuitState.OPEN and llm.calls == 2
    assert metrics.registry.get_sample_value("stichat_openai_requests_total") == 2
    assert failures(metrics) == {"connection": 2}
