"""Sessions in Redis, shared by every replica: one hash per session with a sliding TTL."""

from __future__ import annotations

import asyncio
import contextlib

import orjson
from redis.asyncio import Redis

from stichat.adapters import redis_keys as keys
from stichat.adapters.redis_client import unavailable_on_error
from stichat.domain.conversation import Conversation

# Update a session only while it exists: a save racing the key's expiry must not bring back a
# hash without its CSRF token. Sets the fields and slides the TTL in one atomic step.
_SAVE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 1
"""


class RedisSessionStore:
    """Conversation JSON, CSRF token and logical expiry per session id.

    Two clocks guard a session: the key's Redis TTL (SESSION_TTL_HOURS, renewed by every save with
    EXPIRE) frees the memory of abandoned sessions, and `expires_at` inside the hash answers `load`
    exactly as the SQLite store does, with the service's clock. Every Redis failure becomes
    DependencyUnavailable (503).
    """

    def __init__(self, client: Redis, *, ttl_seconds: int) -> None:
        self._redis = client
        self._ttl = max(1, ttl_seconds)
        self._save = client.register_script(_SAVE)

    async def create(self, conversation: Conversation, *, csrf_token: str, expires_at: float) -> None:
        key = keys.session(conversation.session_id)
        with unavailable_on_error():
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.hset(key, mapping={keys.FIELD_DATA: orjson.dumps(conversation.to_json()),
                                        keys.FIELD_CSRF: csrf_token, keys.FIELD_EXPIRES_AT: repr(expires_at)})
                pipe.expire(key, self._ttl)
                await pipe.execute()

    async def load(self, session_id: str, *, now: float) -> tuple[Conversation, str] | None:
        with unavailable_on_error():
            data, csrf, expires = await self._redis.hmget(
                keys.session(session_id), [keys.FIELD_DATA, keys.FIELD_CSRF, keys.FIELD_EXPIRES_AT])
        if data is None or csrf is None or expires is None or float(expires) <= now:
            return None
        return Conversation.from_json(orjson.loads(data)), str(csrf)

    async def save(self, conversation: Conversation, *, expires_at: float) -> None:
        with unavailable_on_error():
            await self._save(keys=[keys.session(conversation.session_id)],
                             args=[keys.FIELD_DATA, orjson.dumps(conversation.to_json()),
                                   keys.FIELD_EXPIRES_AT, repr(expires_at), self._ttl])

    async def delete(self, session_id: str) -> None:
        with unavailable_on_error():
            await self._redis.delete(keys.session(session_id))

    async def ttl(self, session_id: str) -> float | None:
        """Seconds the key has left in Redis (None when it is gone): for tests and operators."""
        with unavailable_on_error():
            left = await self._redis.pttl(keys.session(session_id))
        return None if left < 0 else left / 1000

    async def ping(self) -> None:
        with unavailable_on_error():
            await self._redis.ping()

    def close(self) -> None:
        """Called at shutdown from inside the event loop: close the pool without blocking it."""
        with contextlib.suppress(RuntimeError):  # no running loop: the process is going away anyway
            task = asyncio.get_running_loop().create_task(self._redis.aclose())
            _CLOSING.add(task)
            task.add_done_callback(_CLOSING.discard)


# Strong references to the close tasks until they finish (the loop keeps only weak ones).
_CLOSING: set[asyncio.Task[None]] = set()
