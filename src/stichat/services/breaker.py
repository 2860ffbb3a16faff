"""The LLM's circuit breaker, and the guard that wraps the LLM port with it, a deadline and metrics.

    closed ──(failure rate ≥ threshold over the window, with ≥ min calls)──▶ open
    open ──(open period elapsed)──▶ half-open
    half-open ──(every probe succeeds)──▶ closed
    half-open ──(any probe fails)──▶ open (a fresh open period)

The breaker keeps no thread and no timer: it reads its injectable clock when asked, so a test
moves time by hand and the state is exact at every call.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from pydantic import BaseModel

from stichat.domain.errors import LLMFailure
from stichat.ports import LLM, LLMMetrics

log = logging.getLogger("stichat.smart")
M = TypeVar("M", bound=BaseModel)


class CircuitState(StrEnum):
    CLOSED = "closed"
    HALF_OPEN = "half_open"
    OPEN = "open"


@dataclass(frozen=True)
class BreakerPolicy:
    """When to open and how to recover. Defaults and their reasons: docs/smart-mode.md."""

    failure_rate: float = 0.5
    min_calls: int = 5
    window_seconds: float = 60.0
    open_seconds: float = 30.0
    half_open_probes: int = 1


class CircuitBreaker:
    """Closed / open / half-open over a sliding time window of call outcomes.

    Callers ask `allow()` before a call and report exactly one of `success()`, `failure()` or
    `abandon()` (a call cancelled before it had an outcome) for every call that was allowed.
    """

    def __init__(self, policy: BreakerPolicy | None = None, *, clock: Callable[[], float] = time.monotonic,
                 on_change: Callable[[CircuitState], None] | None = None) -> None:
        self.policy = policy or BreakerPolicy()
        self._clock = clock
        self._on_change = on_change
        self._state = CircuitState.CLOSED
        self._outcomes: deque[tuple[float, bool]] = deque()  # (when, failed)
        self._opened_at = 0.0
        self._probes_in_flight = 0
        self._probes_passed = 0

    @property
    def state(self) -> CircuitState:
        """The state now: an open breaker whose period has passed reads as half-open."""
        if self._state == CircuitState.OPEN and self._clock() - self._opened_at >= self.policy.open_seconds:
            self._move(CircuitState.HALF_OPEN)
        return self._state

    def allow(self) -> bool:
        """Whether a call may go out now; in half-open only a limited number of probes at once."""
        state = self.state
        if state == CircuitState.CLOSED:
            return True
        probes = self._probes_in_flight + self._probes_passed
        if state == CircuitState.HALF_OPEN and probes < self.policy.half_open_probes:
            self._probes_in_flight += 1
            return True
        return False

    def success(self) -> None:
        if self._state == CircuitState.HALF_OPEN:
            self._probes_in_flight = max(0, self._probes_in_flight - 1)
            self._probes_passed += 1
            if self._probes_passed >= self.policy.half_open_probes:
                self._move(CircuitState.CLOSED)
            return
        self._record(failed=False)

    def failure(self) -> None:
        if self._state == CircuitState.HALF_OPEN:
            self._trip()
            return
        self._record(failed=True)
        if self._state == CircuitState.CLOSED and self._should_open():
            self._trip()

    def abandon(self) -> None:
        """A call that ended with no outcome (cancelled): free its probe slot, count nothing."""
        if self._state == CircuitState.HALF_OPEN:
            self._probes_in_flight = max(0, self._probes_in_flight - 1)

    def _record(self, *, failed: bool) -> None:
        now = self._clock()
        self._outcomes.append((now, failed))
        horizon = now - self.policy.window_seconds
        while self._outcomes and self._outcomes[0][0] <= horizon:
            self._outcomes.popleft()

    def _should_open(self) -> bool:
        calls = len(self._outcomes)
        failures = sum(1 for _, failed in self._outcomes if failed)
        return calls >= self.policy.min_calls and failures / calls >= self.policy.failure_rate

    def _trip(self) -> None:
        self._opened_at = self._clock()
        self._move(CircuitState.OPEN)

    def _move(self, state: CircuitState) -> None:
        self._state = state
        self._probes_in_flight = self._probes_passed = 0
        if state == CircuitState.CLOSED:
            self._outcomes.clear()  # a recovered endpoint starts with a clean record
        if self._on_change is not None:
            self._on_change(state)


class GuardedLLM:
    """The LLM port behind the breaker, one total deadline per call, and the openai metrics.

    Raises LLMFailure for every failure, `circuit_open` included (that one makes no call and is not
    counted as a failure of the endpoint).
    """

    def __init__(self, inner: LLM, *, breaker: CircuitBreaker, metrics: LLMMetrics, timeout: float) -> None:
        self._inner, self._breaker, self._metrics, self._timeout = inner, breaker, metrics, timeout

    async def aclose(self) -> None:
        aclose = getattr(self._inner, "aclose", None)
        if callable(aclose):
            await aclose()

    async def complete_json(self, *, system: str, user: str, schema: type[M], image: bytes | None = None) -> M:
        if not self._breaker.allow():
            raise LLMFailure("circuit_open")
        self._metrics.llm_called()
        started = time.monotonic()
        try:
            async with asyncio.timeout(self._timeout):
                answer = await self._inner.complete_json(system=system, user=user, schema=schema, image=image)
        except TimeoutError:
            self._failed("timeout", started)
            raise LLMFailure("timeout") from None
        except LLMFailure as exc:
            self._failed(exc.reason, started)
            raise
        except asyncio.CancelledError:
            self._breaker.abandon()
            raise
        except Exception as exc:  # an adapter bug is still just "no analysis" for the customer
            self._failed("error", started)
            raise LLMFailure("error", type(exc).__name__) from exc
        self._metrics.llm_answered(time.monotonic() - started)
        self._breaker.success()
        return answer

    def _failed(self, reason: str, started: float) -> None:
        self._metrics.llm_failed(reason, time.monotonic() - started)
        self._breaker.failure()
        log.warning("llm_failure", extra={"reason": reason, "circuit": self._breaker.state.value})


def gauge_updater(metrics: LLMMetrics) -> Callable[[CircuitState], None]:
    """Keep `stichat_openai_circuit_state` equal to the breaker's state (0 closed, 1 half-open, 2 open)."""
    def update(state: CircuitState) -> None:
        metrics.circuit_changed(state.value)
        log.info("llm_circuit", extra={"state": state.value})
    return update
