"""Storage health: a small real write in each storage dir (cached), and what counts as a storage failure.

`os.access` says only that the permissions allow a write; a full disk, an exhausted quota or a volume
remounted read-only still pass it. So readiness writes (and fsyncs, and removes) a few kilobytes in
every dir, at most once per CACHE_SECONDS, and a write that fails for one of those reasons anywhere in
the service answers 503 `storage_unavailable` and makes the next probe run at once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

#: What the probe writes: a page or so, enough to need a free block.
PROBE_BYTES = 4096
#: Readiness probes come every few seconds from each kubelet and load balancer: one real write per dir
#: per this many seconds is enough to notice a full disk within two seconds.
CACHE_SECONDS = 1.5
#: errno values that mean "the storage cannot take writes now", not "this request is wrong".
FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
STORAGE_ERRNOS = FULL | {errno.EROFS, errno.EIO}
#: SQLite reports the same conditions in its own words (SQLITE_FULL, SQLITE_IOERR, SQLITE_READONLY).
_SQLITE_STORAGE = ("database or disk is full", "disk i/o error", "readonly database")

OK = "ok"


def is_storage_failure(exc: BaseException | None) -> bool:
    """True when `exc`, or an exception it was raised from, is a full, read-only or failing disk."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno in STORAGE_ERRNOS:
            return True
        if isinstance(exc, sqlite3.DatabaseError) and any(s in str(exc).lower() for s in _SQLITE_STORAGE):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _reason(exc: OSError) -> str:
    if exc.errno in FULL:
        return "full"
    if exc.errno == errno.EROFS:
        return "read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "not writable"
    return f"error: {errno.errorcode.get(exc.errno or 0, 'unknown')}"


def write_probe(directory: Path) -> None:
    """Create, fill, fsync and remove a small file in `directory`; raise the OSError if any step fails."""
    path = directory / f".write-probe-{os.getpid()}-{threading.get_ident()}"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"\0" * PROBE_BYTES)
            os.fsync(fd)
        finally:
            os.close(fd)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


class StorageProbe:
    """Per storage dir, "ok" or a short reason ("full", "read-only", "not writable"), cached briefly."""

    def __init__(self, dirs: Mapping[str, Path], *, ttl: float = CACHE_SECONDS,
                 clock: Callable[[], float] = time.monotonic, probe: Callable[[Path], None] = write_probe) -> None:
        self._dirs, self._ttl, self._clock, self._probe = dict(dirs), ttl, clock, probe
        self._lock = threading.Lock()
        self._result: dict[str, str] = {}
        self._at: float | None = None

    def invalidate(self) -> None:
        """A write just failed for lack of storage: the next check probes again instead of trusting the cache."""
        with self._lock:
            self._at = None

    def check(self) -> dict[str, str]:
        """Blocking (a write and an fsync per dir): callers on the event loop run it in a thread."""
        with self._lock:
            now = self._clock()
            if self._at is not None and now - self._at < self._ttl:
                return dict(self._result)
            result = {}
            for name, directory in self._dirs.items():
                try:
                    self._probe(directory)
                    result[name] = OK
                except OSError as exc:
                    result[name] = _reason(exc)
            self._result, self._at = result, now
            return dict(result)


def dir_size(directory: Path) -> int:
    """Bytes used by the files under `directory` (walks every file: callers keep it off the hot path)."""
    total = 0
    for root, _, files in os.walk(directory):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                continue
    return total
