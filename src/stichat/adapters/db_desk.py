"""The console's queue, statuses, notes, history and audit trail on the database (TicketDesk)."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import Connection, Engine, func, select, update

from stichat.adapters.db_schema import audit, ticket_history, ticket_notes, tickets
from stichat.domain.desk import AuditEntry, DeskState, Note, QueueItem, QueueQuery
from stichat.domain.errors import TicketChanged, TicketNotFound


def _state(row: Any) -> DeskState:
    return DeskState(status=row.status, version=row.version, updated_at=row.updated_at)


def _audit_row(entry: AuditEntry) -> dict[str, Any]:
    return {"at": entry.at, "actor": entry.actor, "action": entry.action, "ticket_id": entry.ticket_id,
            "detail": entry.detail[:2000]}


class DbTicketDesk:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    async def queue(self, query: QueueQuery) -> list[QueueItem]:
        statement = select(tickets.c.id, tickets.c.created_at, tickets.c.status, tickets.c.version,
                           tickets.c.device_label, tickets.c.problem_label, tickets.c.name, tickets.c.updated_at)
        if query.statuses:
            statement = statement.where(tickets.c.status.in_(query.statuses))
        if query.since is not None:
            statement = statement.where(tickets.c.created_at >= query.since)
        if query.until is not None:
            statement = statement.where(tickets.c.created_at < query.until)
        if query.search:
            # An id's characters only (QueueQuery.search went through desk.search_term): no wildcards.
            statement = statement.where(tickets.c.id.contains(query.search, autoescape=True))
        statement = statement.order_by(tickets.c.created_at.desc(), tickets.c.id.desc()).limit(query.limit)

        def read() -> list[QueueItem]:
            with self._engine.connect() as connection:
                return [QueueItem(ticket_id=r.id, created_at=r.created_at, status=r.status, version=r.version,
                                  device_label=r.device_label, problem_label=r.problem_label, name=r.name,
                                  updated_at=r.updated_at) for r in connection.execute(statement)]
        return await asyncio.to_thread(read)

    async def state(self, ticket_id: str) -> DeskState | None:
        def read() -> DeskState | None:
            with self._engine.connect() as connection:
                row = connection.execute(select(tickets.c.status, tickets.c.version, tickets.c.updated_at)
                                         .where(tickets.c.id == ticket_id)).first()
            return _state(row) if row is not None else None
        return await asyncio.to_thread(read)

    def _bump(self, connection: Connection, ticket_id: str, expected: int | None, at: float,
              **values: Any) -> tuple[DeskState, DeskState]:
        """Compare-and-set on the version in one UPDATE: the old and new state, or TicketChanged."""
        old = connection.execute(select(tickets.c.status, tickets.c.version, tickets.c.updated_at)
                                 .where(tickets.c.id == ticket_id)).first()
        if old is None:
            raise TicketNotFound()
        version = old.version if expected is None else expected
        done = connection.execute(update(tickets)
                                  .where(tickets.c.id == ticket_id, tickets.c.version == version)
                                  .values(version=version + 1, updated_at=at, **values))
        if done.rowcount != 1:
            raise TicketChanged(f"the ticket is at version {old.version}, not {version}")
        new = connection.execute(select(tickets.c.status, tickets.c.version, tickets.c.updated_at)
                                 .where(tickets.c.id == ticket_id)).one()
        return _state(old), _state(new)

    async def change_status(self, ticket_id: str, status: str, *, expected_version: int, actor: str,
                            at: float) -> DeskState:
        def write() -> DeskState:
            with self._engine.begin() as connection:
                old, new = self._bump(connection, ticket_id, expected_version, at, status=status)
                connection.execute(ticket_history.insert().values(
                    ticket_id=ticket_id, at=at, actor=actor, from_status=old.status, to_status=status))
                connection.execute(audit.insert().values(**_audit_row(AuditEntry(
                    at, actor, "status", ticket_id, f"{old.status} → {status}"))))
            return new
        return await asyncio.to_thread(write)

    async def add_note(self, note: Note, *, expected_version: int | None = None) -> DeskState:
        def write() -> DeskState:
            with self._engine.begin() as connection:
                _, new = self._bump(connection, note.ticket_id, expected_version, note.at)
                connection.execute(ticket_notes.insert().values(
                    ticket_id=note.ticket_id, at=note.at, author=note.author, text=note.text))
                connection.execute(audit.insert().values(**_audit_row(AuditEntry(
                    note.at, note.author, "note", note.ticket_id, f"{len(note.text)} characters"))))
            return new
        return await asyncio.to_thread(write)

    async def notes(self, ticket_id: str) -> list[Note]:
        def read() -> list[Note]:
            with self._engine.connect() as connection:
                rows = connection.execute(select(ticket_notes).where(ticket_notes.c.ticket_id == ticket_id)
                                          .order_by(ticket_notes.c.at, ticket_notes.c.id))
                return [Note(r.ticket_id, r.at, r.author, r.text) for r in rows]
        return await asyncio.to_thread(read)

    async def audit(self, *, ticket_id: str | None = None, limit: int = 200) -> list[AuditEntry]:
        statement = select(audit).order_by(audit.c.at.desc(), audit.c.id.desc()).limit(limit)
        if ticket_id is not None:
            statement = statement.where(audit.c.ticket_id == ticket_id)

        def read() -> list[AuditEntry]:
            with self._engine.connect() as connection:
                return [AuditEntry(r.at, r.actor, r.action, r.ticket_id, r.detail)
                        for r in connection.execute(statement)]
        return await asyncio.to_thread(read)

    async def record(self, entry: AuditEntry) -> None:
        def write() -> None:
            with self._engine.begin() as connection:
                connection.execute(audit.insert().values(**_audit_row(entry)))
        await asyncio.to_thread(write)

    async def count_since(self, since: float) -> dict[str, int]:
        def read() -> dict[str, int]:
            with self._engine.connect() as connection:
                rows = connection.execute(select(tickets.c.status, func.count()).where(tickets.c.created_at >= since)
                                          .group_by(tickets.c.status))
                return {status: int(count) for status, count in rows}
        return await asyncio.to_thread(read)
