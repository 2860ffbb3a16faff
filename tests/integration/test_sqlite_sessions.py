"""The embedded session store: what it keeps decoded after a save never hides another connection's write."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from stichat.adapters.sqlite_sessions import RECENT, SqliteSessionStore
from stichat.domain.conversation import Conversation, Stage
from stichat.domain.retention import Aged

SID = "s" * 32


def conversation(session_id: str = SID) -> Conversation:
    return Conversation(session_id=session_id, created_at=1.0, description="mi notebook no prende")


def test_a_saved_conversation_loads_as_saved_with_its_token(tmp_path: Path) -> None:
    async def scenario() -> tuple[Conversation, str] | None:
        store = SqliteSessionStore(tmp_path / "sessions.sqlite3")
        await store.create(conversation(), csrf_token="tok", expires_at=100.0)
        await store.save(replace(conversation(), stage=Stage.ASK_NAME, turns=1), expires_at=200.0)
        return await store.load(SID, now=150.0)

    assert asyncio.run(scenario()) == (replace(conversation(), stage=Stage.ASK_NAME, turns=1), "tok")


def test_a_kept_conversation_still_expires(tmp_path: Path) -> None:
    async def scenario() -> tuple[object, object]:
        store = SqliteSessionStore(tmp_path / "sessions.sqlite3")
        await store.create(conversation(), csrf_token="tok", expires_at=100.0)
        return await store.load(SID, now=99.0), await store.load(SID, now=100.0)

    alive, expired = asyncio.run(scenario())
    assert alive is not None and expired is None


def test_another_connections_write_is_seen_at_the_next_load(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"

    async def scenario() -> list[object]:
        service, purge = SqliteSessionStore(path), SqliteSessionStore(path)  # `stichat purge` runs beside
        await service.create(conversation(), csrf_token="tok", expires_at=100.0)
        await service.create(conversation("t" * 32), csrf_token="tok", expires_at=100.0)
        seen = [await service.load(SID, now=50.0)]
        await purge.save(replace(conversation(), stage=Stage.CLOSED), expires_at=100.0)
        seen.append(await service.load(SID, now=50.0))
        await purge.remove(Aged("sessions", "t" * 32, 0, 100.0))
        seen.append(await service.load("t" * 32, now=50.0))
        return seen

    before, changed, removed = asyncio.run(scenario())
    assert before == (conversation(), "tok")
    assert changed == (replace(conversation(), stage=Stage.CLOSED), "tok")
    assert removed is None


def test_an_erased_session_is_gone_at_once(tmp_path: Path) -> None:
    async def scenario() -> object:
        store = SqliteSessionStore(tmp_path / "sessions.sqlite3")
        await store.create(conversation(), csrf_token="tok", expires_at=100.0)
        await store.delete(SID)
        await store.save(conversation(), expires_at=100.0)  # a late save does not bring it back
        return await store.load(SID, now=50.0)

    assert asyncio.run(scenario()) is None


def test_only_the_most_recently_written_conversations_are_kept(tmp_path: Path) -> None:
    async def scenario() -> tuple[int, object]:
        store = SqliteSessionStore(tmp_path / "sessions.sqlite3")
        for n in range(RECENT + 10):
            await store.create(conversation(f"{n:032d}"), csrf_token="tok", expires_at=100.0)
        return len(store._recent), await store.load(f"{0:032d}", now=50.0)  # the oldest is read from the file

    kept, oldest = asyncio.run(scenario())
    assert kept == RECENT and oldest == (conversation(f"{0:032d}"), "tok")


def test_the_expiry_index_of_an_older_version_is_dropped_and_purge_still_finds_expired_sessions(
        tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript("CREATE TABLE sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL, csrf TEXT NOT NULL, "
                         "expires_at REAL NOT NULL); CREATE INDEX sessions_expiry ON sessions (expires_at);")

    async def scenario() -> list[Aged]:
        store = SqliteSessionStore(path)
        await store.create(conversation(), csrf_token="tok", expires_at=10.0)
        await store.create(conversation("t" * 32), csrf_token="tok", expires_at=1000.0)
        return await store.older_than(100.0)

    aged = asyncio.run(scenario())
    assert [a.key for a in aged] == [SID]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'sessions_expiry'"
                          ).fetchone() is None


def test_a_session_written_by_the_previous_version_loads_with_its_accents(tmp_path: Path) -> None:
    """The previous version wrote the standard library's JSON (non-ASCII escaped): it still reads."""
    path = tmp_path / "sessions.sqlite3"
    before = replace(conversation(), name="Lucía", stage=Stage.ASK_PROBLEM, levels_tried=("basic",))
    SqliteSessionStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO sessions (id, data, csrf, expires_at) VALUES (?, ?, ?, ?)",
                   (SID, json.dumps(before.to_json()), "tok", 100.0))

    async def scenario() -> tuple[Conversation, str] | None:
        return await SqliteSessionStore(path).load(SID, now=50.0)

    assert asyncio.run(scenario()) == (before, "tok")
