"""Sessions in a SQLite file under DATA_DIR: the embedded default (one process)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path

import orjson

from stichat.domain.conversation import Conversation
from stichat.domain.retention import Aged

# No index on expires_at: every save slides the expiry, and keeping an index in step doubled the cost of
# the UPDATE (measured: ~95 → ~40 µs); the daily purge scans a table of at most SESSION_TTL_HOURS of
# sessions instead.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    csrf TEXT NOT NULL,
    expires_at REAL NOT NULL
);
DROP INDEX IF EXISTS sessions_expiry;
"""
#: Conversations kept decoded after a save, at most: those in the middle of a conversation.
RECENT = 1024


def _encode(conversation: Conversation) -> str:
    # orjson: a fifth of the standard library's time for a conversation, which every turn writes. Text
    # (not bytes), so the column stays TEXT; it reads rows the standard library wrote alike.
    return orjson.dumps(conversation.to_json()).decode()


class SqliteSessionStore:
    """Conversation JSON per session id. Statements take microseconds (WAL, one connection), so they
    run on the event loop: a thread hop would cost more than the query.

    The conversations this store last wrote are kept decoded (they are immutable), so the next turn's
    load skips the SELECT and the JSON. The copy is used only while the database is as this store left
    it: `PRAGMA data_version` changes when another connection (`stichat purge`, another process on the
    same file) commits, and then every kept copy is dropped and read again.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = path
        self._lock = threading.Lock()
        # Created 0600 before SQLite opens it: SQLite gives the -wal and -shm files the database's own
        # mode, so they hold the same conversations no more readably than the database does.
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        path.chmod(0o600)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=2000")
        # An erased or expired session must not linger in free pages of the file.
        self._db.execute("PRAGMA secure_delete=ON")
        self._db.executescript(_SCHEMA)
        for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                companion.chmod(0o600)  # made 0644 by an older version
        self._recent: dict[str, tuple[Conversation, str, float]] = {}  # id → conversation, csrf, expiry
        self._version = self._data_version()

    def _data_version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def _keep(self, conversation: Conversation, csrf: str, expires_at: float) -> None:
        """Remember what was just written; the oldest written go first."""
        self._recent.pop(conversation.session_id, None)
        if len(self._recent) >= RECENT:
            del self._recent[next(iter(self._recent))]
        self._recent[conversation.session_id] = (conversation, csrf, expires_at)

    async def create(self, conversation: Conversation, *, csrf_token: str, expires_at: float) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO sessions (id, data, csrf, expires_at) VALUES (?, ?, ?, ?)",
                (conversation.session_id, _encode(conversation), csrf_token, expires_at),
            )
            self._keep(conversation, csrf_token, expires_at)

    async def load(self, session_id: str, *, now: float) -> tuple[Conversation, str] | None:
        with self._lock:
            version = self._data_version()
            if version != self._version:  # another connection wrote: what is kept may be stale
                self._recent.clear()
                self._version = version
            kept = self._recent.get(session_id)
            if kept is not None:
                conversation, csrf, expires_at = kept
                return (conversation, csrf) if expires_at > now else None
            row = self._db.execute(
                "SELECT data, csrf, expires_at FROM sessions WHERE id = ? AND expires_at > ?", (session_id, now)
            ).fetchone()
            if row is None:
                return None
            conversation, csrf = Conversation.from_json(orjson.loads(row[0])), str(row[1])
            self._keep(conversation, csrf, float(row[2]))
        return conversation, csrf

    async def save(self, conversation: Conversation, *, expires_at: float) -> None:
        with self._lock:
            cursor = self._db.execute(
                "UPDATE sessions SET data = ?, expires_at = ? WHERE id = ?",
                (_encode(conversation), expires_at, conversation.session_id),
            )
            kept = self._recent.get(conversation.session_id)
            if kept is not None and cursor.rowcount > 0:
                self._keep(conversation, kept[1], expires_at)
            else:  # not known here (or erased meanwhile): the next load reads the row
                self._recent.pop(conversation.session_id, None)

    async def delete(self, session_id: str) -> None:
        with self._lock:
            self._recent.pop(session_id, None)
            self._db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            # Erasure: copy the zeroed pages back and empty the WAL, which still holds the old frames.
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()

    async def older_than(self, cutoff: float) -> list[Aged]:
        """Sessions whose expiry is at or before `cutoff` (the retention sweep passes "now")."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, length(data) + length(csrf), expires_at FROM sessions WHERE expires_at <= ?", (cutoff,)
            ).fetchall()
        return [Aged("sessions", str(r[0]), int(r[1]), float(r[2])) for r in rows]

    async def remove(self, item: Aged) -> bool:
        with self._lock:  # a session whose expiry slid forward since the plan is alive again: kept
            cursor = self._db.execute("DELETE FROM sessions WHERE id = ? AND expires_at <= ?", (item.key, item.at))
            if cursor.rowcount > 0:
                self._recent.pop(item.key, None)
            return cursor.rowcount > 0

    async def ping(self) -> None:
        with self._lock:
            self._db.execute("SELECT 1").fetchone()

    def close(self) -> None:
        with self._lock:
            self._db.close()
