"""The log's last lines in memory and its live readers: what feeds `/api/logs` and the SSE stream.

The writer thread publishes each batch of formatted (masked) lines; every subscriber gets them on its
own event loop, and a slow reader loses lines rather than growing memory without bound.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Iterable


class LogHub:
    """The last N formatted lines, and the live subscribers of `/api/logs/stream`."""

    def __init__(self, capacity: int = 2000) -> None:
        self.ring: deque[str] = deque(maxlen=capacity)
        self._subscribers: set[tuple[asyncio.AbstractEventLoop, asyncio.Queue[str]]] = set()

    def publish(self, lines: list[str]) -> None:
        """Called by the writer thread with each batch; subscribers get it on their own loop."""
        self.ring.extend(lines)
        for loop, lines_queue in list(self._subscribers):
            with contextlib.suppress(RuntimeError):  # that loop has closed: its reader is gone
                loop.call_soon_threadsafe(_offer, lines_queue, lines)

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    def open(self, *, tail: int = 0) -> Subscription:
        """Register a subscriber now (so caps count it at once), primed with the last `tail` lines."""
        subscription = Subscription(self, asyncio.get_running_loop())
        _offer(subscription.queue, list(self.ring)[-tail:] if tail > 0 else [])
        self._subscribers.add(subscription.entry)
        return subscription

    def _close(self, entry: tuple[asyncio.AbstractEventLoop, asyncio.Queue[str]]) -> None:
        self._subscribers.discard(entry)


class Subscription:
    """One live reader of the hub; `close()` must be called when the reader goes away."""

    def __init__(self, hub: LogHub, loop: asyncio.AbstractEventLoop) -> None:
        self.hub = hub
        self.queue: asyncio.Queue[str] = asyncio.Queue(maxsize=1000)
        self.entry = (loop, self.queue)

    async def next(self) -> str:
        return await self.queue.get()

    def close(self) -> None:
        self.hub._close(self.entry)


def _offer(lines_queue: asyncio.Queue[str], lines: Iterable[str]) -> None:
    # A slow reader loses lines rather than growing memory without bound.
    with contextlib.suppress(asyncio.QueueFull):
        for line in lines:
            lines_queue.put_nowait(line)
