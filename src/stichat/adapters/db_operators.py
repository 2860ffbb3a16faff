"""Operator accounts and their console sessions on the database (OperatorStore)."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError

from stichat.adapters.db_schema import console_sessions, operators
from stichat.domain.desk import ConsoleSession, Operator
from stichat.domain.retention import Aged

#: A session's `seen_at` is written again only when it is at least this old: one write a minute, not
#: one per request, and the idle expiry is still exact to the minute.
TOUCH_SECONDS = 60.0


def _session(row: Any) -> ConsoleSession:
    return ConsoleSession(row.token_hash, row.operator, row.csrf, row.created_at, row.seen_at)


class DbOperatorStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    async def add(self, operator: Operator) -> bool:
        def write() -> bool:
            try:
                with self._engine.begin() as connection:
                    connection.execute(operators.insert().values(
                        name=operator.name, password_hash=operator.password_hash, created_at=operator.created_at))
            except IntegrityError:
                return False
            return True
        return await asyncio.to_thread(write)

    async def get(self, name: str) -> Operator | None:
        def read() -> Operator | None:
            with self._engine.connect() as connection:
                row = connection.execute(select(operators).where(operators.c.name == name)).first()
            return Operator(row.name, row.password_hash, row.created_at) if row is not None else None
        return await asyncio.to_thread(read)

    async def names(self) -> list[Operator]:
        def read() -> list[Operator]:
            with self._engine.connect() as connection:
                rows = connection.execute(select(operators).order_by(operators.c.name))
                return [Operator(r.name, r.password_hash, r.created_at) for r in rows]
        return await asyncio.to_thread(read)

    async def remove(self, name: str) -> bool:
        def write() -> bool:
            with self._engine.begin() as connection:
                connection.execute(delete(console_sessions).where(console_sessions.c.operator == name))
                return connection.execute(delete(operators).where(operators.c.name == name)).rowcount == 1
        return await asyncio.to_thread(write)

    async def set_password(self, name: str, password_hash: str) -> bool:
        def write() -> bool:
            with self._engine.begin() as connection:
                done = connection.execute(update(operators).where(operators.c.name == name)
                                          .values(password_hash=password_hash)).rowcount == 1
                connection.execute(delete(console_sessions).where(console_sessions.c.operator == name))
                return done
        return await asyncio.to_thread(write)

    async def open_session(self, session: ConsoleSession) -> None:
        def write() -> None:
            with self._engine.begin() as connection:
                connection.execute(console_sessions.insert().values(
                    token_hash=session.token_hash, operator=session.operator, csrf=session.csrf,
                    created_at=session.created_at, seen_at=session.seen_at))
        await asyncio.to_thread(write)

    async def session(self, token_hash: str, *, now: float, idle_seconds: float) -> ConsoleSession | None:
        def read() -> ConsoleSession | None:
            with self._engine.connect() as connection:
                row = connection.execute(select(console_sessions)
                                         .where(console_sessions.c.token_hash == token_hash)).first()
            if row is None:
                return None
            found = _session(row)
            if now - found.seen_at > idle_seconds:
                with self._engine.begin() as connection:
                    connection.execute(delete(console_sessions).where(console_sessions.c.token_hash == token_hash))
                return None
            if now - found.seen_at >= TOUCH_SECONDS:
                with self._engine.begin() as connection:
                    connection.execute(update(console_sessions).where(console_sessions.c.token_hash == token_hash)
                                       .values(seen_at=now))
            return found
        return await asyncio.to_thread(read)

    async def close_session(self, token_hash: str) -> None:
        def write() -> None:
            with self._engine.begin() as connection:
                connection.execute(delete(console_sessions).where(console_sessions.c.token_hash == token_hash))
        await asyncio.to_thread(write)


class IdleConsoleSessions:
    """For the purge (AgedStore, with the orphans' cutoff of an hour ago): console sessions idle for
    longer than their idle expiry before that cutoff, so none that could still be used goes."""

    def __init__(self, engine: Engine, *, idle_seconds: float) -> None:
        self._engine, self._idle = engine, idle_seconds

    async def older_than(self, cutoff: float) -> list[Aged]:
        def read() -> list[Aged]:
            with self._engine.connect() as connection:
                rows = connection.execute(select(console_sessions.c.token_hash, console_sessions.c.seen_at)
                                          .where(console_sessions.c.seen_at <= cutoff - self._idle))
                return [Aged("console_sessions", r.token_hash, 0, r.seen_at) for r in rows]
        return await asyncio.to_thread(read)

    async def remove(self, item: Aged) -> bool:
        def write() -> bool:
            with self._engine.begin() as connection:
                return connection.execute(delete(console_sessions).where(
                    console_sessions.c.token_hash == item.key, console_sessions.c.seen_at <= item.at)).rowcount == 1
        return await asyncio.to_thread(write)
