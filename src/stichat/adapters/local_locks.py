"""Per-session locks inside one process (the embedded default)."""

from __future__ import annotations

import asyncio
import weakref


class LocalSessionLocks:
    """An asyncio.Lock per session id, forgotten when no request holds or waits on it."""

    def __init__(self) -> None:
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    def hold(self, session_id: str) -> asyncio.Lock:
        """The session's lock, itself the context manager to hold it with (`async with locks.hold(id)`):
        a generator-based wrapper around it cost every turn a few microseconds for nothing. The caller's
        `async with` keeps it alive while held."""
        lock = self._locks.get(session_id)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[session_id] = lock
        return lock
