"""Tickets as files: `<id>.json` for machines and `<id>.txt` for people, both written atomically."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path

from stichat.adapters.files import write_atomic
from stichat.domain.tickets import Ticket, is_ticket_id


class FileTicketStore:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._dir = directory

    def _path(self, ticket_id: str, suffix: str) -> Path:
        if not is_ticket_id(ticket_id):  # never let an id walk out of the directory
            raise ValueError("not a ticket id")
        return self._dir / f"{ticket_id}{suffix}"

    async def save(self, ticket: Ticket) -> None:
        body = json.dumps(ticket.to_json(), ensure_ascii=False, indent=2).encode()
        text = ticket.as_text().encode()
        json_path, text_path = self._path(ticket.id, ".json"), self._path(ticket.id, ".txt")
        await asyncio.to_thread(self._write_both, json_path, body, text_path, text)

    @staticmethod
    def _write_both(json_path: Path, body: bytes, text_path: Path, text: bytes) -> None:
        # The JSON first: it names the session, so erasure finds a ticket whose readable copy a crash
        # never wrote (and `load` serves only both halves). A new ticket whose second half cannot be
        # written (a full disk) is taken back, so nothing half-written stays behind.
        new = not json_path.exists()
        write_atomic(json_path, body)
        try:
            write_atomic(text_path, text)
        except BaseException:
            if new:
                with contextlib.suppress(FileNotFoundError):
                    json_path.unlink()
            raise

    async def load(self, ticket_id: str) -> Ticket | None:
        if not is_ticket_id(ticket_id):
            return None
        path = self._path(ticket_id, ".json")
        if not self._path(ticket_id, ".txt").exists():
            return None  # both halves or nothing: a ticket missing its readable copy is not served
        try:
            raw = await asyncio.to_thread(path.read_bytes)
            return Ticket.from_json(json.loads(raw))
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None

    async def exists(self, ticket_id: str) -> bool:
        return is_ticket_id(ticket_id) and self._path(ticket_id, ".json").exists()

    async def list_ids(self) -> list[str]:
        return sorted(p.stem for p in self._dir.glob("TCK-*.json") if is_ticket_id(p.stem))

    async def by_session(self, session_id: str) -> list[Ticket]:
        """A scan of every ticket: erasure and export are rare, and a shop opens a few a day."""
        found = []
        for ticket_id in await self.list_ids():
            ticket = await self.load(ticket_id)
            if ticket is not None and session_id and ticket.session_id == session_id:
                found.append(ticket)
        return found
