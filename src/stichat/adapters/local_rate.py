"""Rate limits inside one process (the embedded default): moving windows kept as times of hits.

The same rule as the `limits` library's moving window on Redis (at most N hits in any window of the
limit's length; the wait is until the oldest hit in the window leaves it), in a deque per key: a hit
costs O(1) and nothing runs in between. The `limits` in-memory storage inserts at the front of a list
per key and sweeps expired entries with a thread hop per key, over and over while hits come in.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from functools import lru_cache

from limits import RateLimitItem, parse

#: How often idle keys are forgotten, so memory follows the clients of the last window, not all of them.
SWEEP_SECONDS = 60.0


@lru_cache(maxsize=64)
def _item(limit: str) -> RateLimitItem:
    return parse(limit)


class LocalRateLimiter:
    def __init__(self, *, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._hits: dict[tuple[str, ...], tuple[float, deque[float]]] = {}
        self._swept = self._now()

    async def hit(self, limit: str, *keys: str) -> int | None:
        item = _item(limit)
        window, now = float(item.get_expiry()), self._now()
        key = (limit, *keys)
        entry = self._hits.get(key)
        hits = entry[1] if entry is not None else deque()
        while hits and hits[0] <= now - window:
            hits.popleft()
        if now - self._swept >= SWEEP_SECONDS:
            self._sweep(now)
        if len(hits) >= item.amount:
            self._hits[key] = (window, hits)
            return max(1, math.ceil(hits[0] + window - now))
        hits.append(now)
        self._hits[key] = (window, hits)
        return None

    async def peek(self, limit: str, *keys: str) -> int | None:
        item = _item(limit)
        window, now = float(item.get_expiry()), self._now()
        entry = self._hits.get((limit, *keys))
        hits = [at for at in (entry[1] if entry is not None else ()) if at > now - window]
        if len(hits) >= item.amount:
            return max(1, math.ceil(hits[0] + window - now))
        return None

    def _sweep(self, now: float) -> None:
        self._swept = now
        for key, (window, hits) in list(self._hits.items()):
            if not hits or hits[-1] <= now - window:
                del self._hits[key]
