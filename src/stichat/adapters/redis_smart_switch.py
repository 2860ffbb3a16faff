"""The smart-mode switch as one Redis key, for replicas that share a Redis (REDIS_URL set).

Same contract as the file switch: every process re-reads it at most once a second, so `stichat
smart-mode off` (or `POST /api/smart-mode` on any replica) reaches them all within about a second.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from redis.asyncio import Redis
from redis.exceptions import RedisError

from stichat.adapters.redis_keys import SMART_MODE

#: String holding `{"enabled": bool, "changedAt": epoch}`; no TTL: a switch lasts until flipped.
KEY = SMART_MODE
CACHE_SECONDS = 1.0


class RedisSmartSwitch:
    def __init__(self, client: Redis, *, cache_seconds: float = CACHE_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._client, self._cache, self._clock = client, cache_seconds, clock
        self._value = True
        self._read_at: float | None = None

    async def enabled(self) -> bool:
        now = self._clock()
        if self._read_at is None or now - self._read_at >= self._cache:
            self._value, self._read_at = await self._read(), now
        return self._value

    async def set(self, enabled: bool) -> None:
        await self._client.set(KEY, json.dumps({"enabled": enabled, "changedAt": round(time.time(), 3)}))
        self._value, self._read_at = enabled, self._clock()

    async def _read(self) -> bool:
        try:
            raw = await self._client.get(KEY)
        except (RedisError, OSError):
            return False  # a switch we cannot read fails safe: the rules answer on their own
        if raw is None:
            return True  # never switched: SMART_MODE alone decides
        try:
            data = json.loads(raw)
        except ValueError:
            return False
        return isinstance(data, dict) and data.get("enabled") is True
