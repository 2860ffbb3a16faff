"""One way to open a Redis client with short timeouts, and to turn its failures into a 503."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.retry import Retry  # not redis.retry.Retry: the asyncio client awaits its retries
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from stichat.domain.errors import DependencyUnavailable

#: Connections per process and client. A request holds one only for the length of a command
#: (lock waiters sleep without one), so this is far above what a replica ever has in flight.
MAX_CONNECTIONS = 200


def client_options(timeout_ms: int) -> dict[str, Any]:
    """Keyword arguments for `Redis.from_url` (also handed to the `limits` storage).

    Connect and every read give up after REDIS_TIMEOUT_MS, and a failed command is retried once at
    once on a fresh connection: a connection the server closed (a restarted Redis) is replaced
    without the customer noticing, and a dead or paused Redis costs a request at most about twice
    the timeout before it is answered with a 503. redis-py's default (three retries with backoff)
    would triple that.
    """
    seconds = timeout_ms / 1000
    return {
        "socket_timeout": seconds,
        "socket_connect_timeout": seconds,
        "retry": Retry(NoBackoff(), 1),
        "max_connections": MAX_CONNECTIONS,
        "health_check_interval": 0,
    }


def connect(url: str, *, timeout_ms: int) -> Redis:
    """A client for REDIS_URL (`redis://[:password@]host:port[/db]`, `rediss://…`, `unix://…`).

    Nothing is connected here: the pool dials on first use, inside the event loop that uses it.
    """
    client: Redis = Redis.from_url(url, decode_responses=True, **client_options(timeout_ms))
    return client


@contextmanager
def unavailable_on_error() -> Iterator[None]:
    """Refused, timed out, failed over, wrong password: the caller sees DependencyUnavailable."""
    try:
        yield
    except (RedisError, OSError) as exc:
        raise DependencyUnavailable(f"redis: {type(exc).__name__}") from exc
