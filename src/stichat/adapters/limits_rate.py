"""Rate limits on the `limits` library: moving windows, in memory or on Redis."""

from __future__ import annotations

import math
import time
from functools import lru_cache

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter


@lru_cache(maxsize=64)
def _item(limit: str) -> RateLimitItem:
    return parse(limit)


class LimitsRateLimiter:
    def __init__(self, redis_url: str = "") -> None:
        storage: Storage = RedisStorage(f"async+{redis_url}") if redis_url else MemoryStorage()
        self._limiter = MovingWindowRateLimiter(storage)

    async def hit(self, limit: str, *keys: str) -> int | None:
        item = _item(limit)
        if await self._limiter.hit(item, *keys):
            return None
        stats = await self._limiter.get_window_stats(item, *keys)
        return max(1, math.ceil(stats.reset_time - time.time()))
