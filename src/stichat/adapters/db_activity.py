"""Hourly activity counts on the database (Activity): counted in memory, written every few seconds
by one upsert per name and hour, so a chat turn never waits for the database."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter

from sqlalchemy import Engine, func, select

from stichat.adapters.db_schema import activity
from stichat.adapters.db_tickets import insert_for

HOUR = 3600


class DbActivity:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._pending: Counter[tuple[int, str]] = Counter()
        self._lock = threading.Lock()

    def count(self, name: str, at: float) -> None:
        with self._lock:
            self._pending[(int(at // HOUR), name[:48])] += 1

    async def flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, Counter()
        if pending:
            await asyncio.to_thread(self._write, pending)

    def _write(self, pending: Counter[tuple[int, str]]) -> None:
        insert = insert_for(self._engine)
        with self._engine.begin() as connection:
            for (hour, name), count in sorted(pending.items()):
                statement = insert(activity).values(hour=hour, name=name, count=count)
                connection.execute(statement.on_conflict_do_update(
                    index_elements=["hour", "name"], set_={"count": activity.c.count + statement.excluded["count"]}))

    async def totals(self, since: float) -> dict[str, int]:
        await self.flush()

        def read() -> dict[str, int]:
            with self._engine.connect() as connection:
                rows = connection.execute(select(activity.c.name, func.sum(activity.c.count))
                                          .where(activity.c.hour >= int(since // HOUR)).group_by(activity.c.name))
                return {name: int(total) for name, total in rows}
        return await asyncio.to_thread(read)
