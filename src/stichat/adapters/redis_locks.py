"""Per-session locks in Redis: one writer per session across every replica."""

from __future__ import annotations

import asyncio
import logging
import random
import secrets
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.asyncio import Redis
from redis.exceptions import RedisError

from stichat.adapters import redis_keys as keys
from stichat.adapters.redis_client import unavailable_on_error
from stichat.domain.errors import SessionBusy

log = logging.getLogger("stichat.redis")

# SET NX PX with our random token. A timed-out reply makes redis-py send the SET again; finding our
# own token then means the first one landed, so taking the lock stays idempotent.
_ACQUIRE = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then return 1 end
return 0
"""

# Compare-and-delete: a holder whose TTL ran out must not free the lock a later holder now owns.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

FIRST_DELAY, MAX_DELAY = 0.005, 0.1


class RedisSessionLocks:
    """`hold(session_id)` waits for the session's lock with jittered exponential backoff.

    `ttl_seconds` bounds how long a crashed holder blocks the session (Redis drops the key), so it
    must exceed the longest critical section (one LLM call plus a few writes). `wait_seconds` bounds
    how long a request queues behind others before it gets a 503 `session_busy`. A Redis failure
    while taking the lock is DependencyUnavailable (503); one while releasing is only logged, since
    the TTL frees the lock anyway and the request's own outcome must stand.
    """

    def __init__(self, client: Redis, *, ttl_seconds: float, wait_seconds: float) -> None:
        self._ttl_ms = max(1, int(ttl_seconds * 1000))
        self._wait = wait_seconds
        self._acquire = client.register_script(_ACQUIRE)
        self._release = client.register_script(_RELEASE)

    @asynccontextmanager
    async def hold(self, session_id: str) -> AsyncIterator[None]:
        key, token = keys.session_lock(session_id), secrets.token_hex(16)
        await self._take(key, token)
        try:
            yield
        finally:
            await self._give_back(key, token)

    async def _take(self, key: str, token: str) -> None:
        deadline = time.monotonic() + self._wait
        delay = FIRST_DELAY
        while True:
            with unavailable_on_error():
                if await self._acquire(keys=[key], args=[token, self._ttl_ms]):
                    return
            if time.monotonic() + delay > deadline:
                raise SessionBusy("another request holds this session", retry_after=1)
            await asyncio.sleep(delay * (0.5 + random.random()))  # jitter: waiters do not poll in step
            delay = min(delay * 2, MAX_DELAY)

    async def _give_back(self, key: str, token: str) -> None:
        try:
            released = await self._release(keys=[key], args=[token])
        except (RedisError, OSError) as exc:
            log.warning("session_lock_release_failed", extra={"error_type": type(exc).__name__})
            return
        if not released:
            # The TTL ran out while we held it: a slower section than the TTL allows. Say so loudly.
            log.warning("session_lock_expired_while_held", extra={"ttl_ms": self._ttl_ms})
