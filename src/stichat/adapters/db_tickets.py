"""Tickets in the database, with the `.json`/`.txt` files kept as a mirror.

The files are written first, exactly as before (atomically, the session's index line first), so the
checklist's `TICKETS_DIR/<id>.json` and `.txt` stay; then the row. A crash between the two leaves a
file without its row, which the next start (or `stichat migrate`) imports: the import is idempotent,
and a row is the source for everything the console shows.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite

from stichat.adapters.db_schema import tickets
from stichat.adapters.file_tickets import FileTicketStore
from stichat.domain.desk import desk_status, file_status
from stichat.domain.tickets import Ticket, is_ticket_id


def insert_for(engine: Engine) -> Any:
    """The dialect's INSERT, which has `on_conflict_do_nothing` / `on_conflict_do_update`."""
    return postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert


def ticket_row(ticket: Ticket, *, status: str, at: float) -> dict[str, Any]:
    return {"id": ticket.id, "created_at": ticket.created_at, "session_id": ticket.session_id,
            "status": status, "version": 1, "updated_at": at, "device_label": ticket.device_label[:120],
            "problem_label": ticket.problem_label[:120], "name": (ticket.name or None) and ticket.name[:200],
            "body": json.dumps(ticket.to_json(), ensure_ascii=False)}


def ticket_of(row: Any) -> Ticket:
    """The ticket as stored, carrying the console's current status (as a file would say it)."""
    return replace(Ticket.from_json(json.loads(row.body)), status=file_status(row.status))


class DbTicketStore:
    """TicketStore on the database; `files` is the mirror under TICKETS_DIR."""

    def __init__(self, engine: Engine, files: FileTicketStore) -> None:
        self._engine, self._files = engine, files

    async def save(self, ticket: Ticket) -> None:
        await self._files.save(ticket)
        await asyncio.to_thread(self._upsert, ticket)

    def _upsert(self, ticket: Ticket) -> None:
        row = ticket_row(ticket, status=desk_status(ticket.status), at=ticket.created_at)
        statement = insert_for(self._engine)(tickets).values(**row)
        # A ticket saved again (erasure anonymises it) keeps its console status and version.
        changed = {key: statement.excluded[key] for key in ("session_id", "name", "body", "device_label",
                                                            "problem_label")}
        with self._engine.begin() as connection:
            connection.execute(statement.on_conflict_do_update(index_elements=["id"], set_=changed))

    async def load(self, ticket_id: str) -> Ticket | None:
        if not is_ticket_id(ticket_id):
            return None

        def read() -> Ticket | None:
            # As before the database: a ticket whose readable copy is gone (deleted by hand, or a
            # crash between the two files) is not served.
            if not self._files.readable(ticket_id):
                return None
            with self._engine.connect() as connection:
                row = connection.execute(select(tickets.c.body, tickets.c.status)
                                         .where(tickets.c.id == ticket_id)).first()
            return ticket_of(row) if row is not None else None
        return await asyncio.to_thread(read)

    async def exists(self, ticket_id: str) -> bool:
        if not is_ticket_id(ticket_id):
            return False
        if await self._files.exists(ticket_id):
            return True
        return await self.load(ticket_id) is not None

    async def list_ids(self) -> list[str]:
        def read() -> list[str]:
            with self._engine.connect() as connection:
                return sorted(connection.execute(select(tickets.c.id)).scalars())
        return await asyncio.to_thread(read)

    async def by_session(self, session_id: str) -> list[Ticket]:
        if not session_id:
            return []

        def read() -> list[Ticket]:
            with self._engine.connect() as connection:
                rows = connection.execute(select(tickets.c.body, tickets.c.status)
                                          .where(tickets.c.session_id == session_id)
                                          .order_by(tickets.c.created_at)).all()
            return [ticket_of(row) for row in rows]
        found = {t.id: t for t in await asyncio.to_thread(read)}
        for ticket in await self._files.by_session(session_id):  # a file a crash left without its row
            found.setdefault(ticket.id, ticket)
        return sorted(found.values(), key=lambda t: t.created_at)

    async def forget_session(self, session_id: str) -> int:
        return await self._files.forget_session(session_id)

    async def mirror_status(self, ticket_id: str) -> None:
        """Write the files again after a status change, so they say what the console says."""
        ticket = await self.load(ticket_id)
        if ticket is not None:
            await self._files.save(ticket)


def import_files(engine: Engine, directory: Path) -> int:
    """Insert every ticket file that has no row yet (both halves present, readable); the count added.
    Idempotent: a ticket already in the database is left as it is."""
    if not directory.is_dir():
        return 0
    with engine.connect() as connection:
        known = set(connection.execute(select(tickets.c.id)).scalars())
    rows = []
    for path in sorted(directory.glob("TCK-*.json")):
        if path.stem in known or not is_ticket_id(path.stem) or not path.with_suffix(".txt").exists():
            continue
        try:
            ticket = Ticket.from_json(json.loads(path.read_bytes()))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if ticket.id == path.stem:
            rows.append(ticket_row(ticket, status=desk_status(ticket.status), at=path.stat().st_mtime))
    if rows:
        with engine.begin() as connection:
            connection.execute(insert_for(engine)(tickets).on_conflict_do_nothing(index_elements=["id"]), rows)
    return len(rows)

