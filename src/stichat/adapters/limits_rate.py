"""Rate limits on the `limits` library: moving windows, in memory or on Redis."""

from __future__ import annotations

import math
import time
from functools import lru_cache

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from stichat.adapters.redis_client import client_options, unavailable_on_error


@lru_cache(maxsize=64)
def _item(limit: str) -> RateLimitItem:
    return parse(limit)


def _storage_uri(redis_url: str) -> str:
    """limits names schemes `async+redis://`, `async+rediss://`, `async+redis+unix://`."""
    if redis_url.startswith("unix://"):
        return "async+redis+" + redis_url
    return "async+" + redis_url


class LimitsRateLimiter:
    def __init__(self, redis_url: str = "", *, redis_timeout_ms: int = 500) -> None:
        # redis-py's asyncio client (limits defaults to coredis, which we do not install), with the
        # same short timeouts as the session store: a dead Redis is a quick 503, not a hang.
        storage: Storage = (
            RedisStorage(_storage_uri(redis_url), implementation="redispy", **client_options(redis_timeout_ms))
            if redis_url else MemoryStorage()
        )
        self._limiter = MovingWindowRateLimiter(storage)

    async def hit(self, limit: str, *keys: str) -> int | None:
        item = _item(limit)
        with unavailable_on_error():
            if await self._limiter.hit(item, *keys):
                return None
            stats = await self._limiter.get_window_stats(item, *keys)
        return max(1, math.ceil(stats.reset_time - time.time()))

    async def peek(self, limit: str, *keys: str) -> int | None:
        item = _item(limit)
        with unavailable_on_error():
            if await self._limiter.test(item, *keys):
                return None
            stats = await self._limiter.get_window_stats(item, *keys)
        return max(1, math.ceil(stats.reset_time - time.time()))
