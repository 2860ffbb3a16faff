"""Tickets as files: `<id>.json` for machines and `<id>.txt` for people, both written atomically.

Beside them, `.by-session/<session id>` lists the tickets each session opened, one id a line, written
before the ticket itself: the customer's export and erasure read only their own tickets (not every
file), and a ticket a crash left half-written (one half without the other) is still found by its
session. Orphan halves older than an hour are removed by the purge (`TicketOrphans`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
from pathlib import Path

from stichat.adapters.aged_files import remove_unchanged
from stichat.adapters.files import write_atomic
from stichat.domain.retention import Aged
from stichat.domain.tickets import Ticket, is_ticket_id

INDEX_DIR = ".by-session"
#: Written once every ticket on disk is in the index (tickets from before the index existed included).
INDEX_COMPLETE = ".complete"
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
#: The readable copy names its session on this line (domain/tickets.py, `Ticket.as_text`).
_SESSION_LINE = re.compile(r"^Sesión / Session: ([A-Za-z0-9_-]{16,64})$", re.MULTILINE)


class FileTicketStore:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._dir = directory
        self._index = directory / INDEX_DIR

    def orphans(self) -> TicketOrphans:
        """The purge's view of this directory: halves a crash left without the other."""
        return TicketOrphans(self._dir)

    def _path(self, ticket_id: str, suffix: str) -> Path:
        if not is_ticket_id(ticket_id):  # never let an id walk out of the directory
            raise ValueError("not a ticket id")
        return self._dir / f"{ticket_id}{suffix}"

    async def save(self, ticket: Ticket) -> None:
        body = json.dumps(ticket.to_json(), ensure_ascii=False, indent=2).encode()
        text = ticket.as_text().encode()
        json_path, text_path = self._path(ticket.id, ".json"), self._path(ticket.id, ".txt")
        await asyncio.to_thread(self._write_both, ticket, json_path, body, text_path, text)

    def _write_both(self, ticket: Ticket, json_path: Path, body: bytes, text_path: Path, text: bytes) -> None:
        # The index line first, then the JSON: whatever a crash leaves, the session still finds it.
        # A new ticket whose second half cannot be written (a full disk) is taken back.
        if ticket.session_id:
            self._index_add(ticket.session_id, ticket.id)
        new = not json_path.exists()
        write_atomic(json_path, body)
        try:
            write_atomic(text_path, text)
        except BaseException:
            if new:
                with contextlib.suppress(FileNotFoundError):
                    json_path.unlink()
            raise

    def _index_file(self, session_id: str) -> Path | None:
        return self._index / session_id if _SESSION_ID.match(session_id) else None

    def _index_add(self, session_id: str, ticket_id: str) -> None:
        path = self._index_file(session_id)
        if path is None or ticket_id in self._index_read(session_id):
            return
        self._index.mkdir(exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(fd, f"{ticket_id}\n".encode())  # one short line on O_APPEND: never torn by another
        finally:
            os.close(fd)

    def _index_read(self, session_id: str) -> list[str]:
        path = self._index_file(session_id)
        if path is None:
            return []
        try:
            lines = path.read_text(encoding="utf-8").split()
        except FileNotFoundError:
            return []
        return list(dict.fromkeys(line for line in lines if is_ticket_id(line)))

    def _ensure_index(self) -> None:
        """Index, once, the tickets written before the index existed (a scan of every file)."""
        if (self._index / INDEX_COMPLETE).exists():
            return
        for path in sorted(self._dir.glob("TCK-*.json")):
            with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                ticket = Ticket.from_json(json.loads(path.read_bytes()))
                if ticket.session_id:
                    self._index_add(ticket.session_id, ticket.id)
        for path in sorted(self._dir.glob("TCK-*.txt")):
            with contextlib.suppress(OSError, UnicodeDecodeError):
                found = _SESSION_LINE.search(path.read_text(encoding="utf-8"))
                if found and is_ticket_id(path.stem):
                    self._index_add(found.group(1), path.stem)
        self._index.mkdir(exist_ok=True)
        (self._index / INDEX_COMPLETE).touch()

    def _read_json(self, ticket_id: str) -> Ticket | None:
        try:
            return Ticket.from_json(json.loads(self._path(ticket_id, ".json").read_bytes()))
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None

    async def load(self, ticket_id: str) -> Ticket | None:
        if not is_ticket_id(ticket_id):
            return None
        if not self._path(ticket_id, ".txt").exists():
            return None  # both halves or nothing: a ticket missing its readable copy is not served
        return await asyncio.to_thread(self._read_json, ticket_id)

    def readable(self, ticket_id: str) -> bool:
        """The readable copy is there (a ticket is served only with both halves on disk)."""
        return is_ticket_id(ticket_id) and self._path(ticket_id, ".txt").exists()

    async def exists(self, ticket_id: str) -> bool:
        return is_ticket_id(ticket_id) and self._path(ticket_id, ".json").exists()

    async def list_ids(self) -> list[str]:
        return sorted(p.stem for p in self._dir.glob("TCK-*.json") if is_ticket_id(p.stem))

    async def by_session(self, session_id: str) -> list[Ticket]:
        """The session's tickets from its index line, a JSON without its readable copy included."""
        def read() -> list[Ticket]:
            self._ensure_index()
            found = []
            for ticket_id in self._index_read(session_id):
                ticket = self._read_json(ticket_id)
                if ticket is not None and ticket.session_id == session_id:
                    found.append(ticket)
            return found
        return await asyncio.to_thread(read) if session_id else []

    async def forget_session(self, session_id: str) -> int:
        """After erasure: remove readable copies a crash left without their JSON (they carry the name
        and session) and the session's index. Returns how many files went."""
        def forget() -> int:
            self._ensure_index()
            removed = 0
            for ticket_id in self._index_read(session_id):
                text = self._path(ticket_id, ".txt")
                if not self._path(ticket_id, ".json").exists() and text.exists():
                    text.unlink(missing_ok=True)
                    removed += 1
            path = self._index_file(session_id)
            if path is not None and path.exists():
                path.unlink(missing_ok=True)
                removed += 1
            return removed
        return await asyncio.to_thread(forget)


#: An orphan half younger than this may be a ticket being written right now: the purge leaves it.
ORPHAN_AGE_SECONDS = 3600.0


class TicketOrphans:
    """For the purge: ticket halves whose other half is missing (a crash between the two writes)."""

    def __init__(self, directory: Path) -> None:
        self._dir = directory

    def _orphans(self) -> dict[str, Path]:
        halves: dict[str, list[Path]] = {}
        for path in self._dir.glob("TCK-*.*"):
            if path.suffix in (".json", ".txt") and is_ticket_id(path.stem):
                halves.setdefault(path.stem, []).append(path)
        return {key: paths[0] for key, paths in halves.items() if len(paths) == 1}

    async def older_than(self, cutoff: float) -> list[Aged]:
        def scan() -> list[Aged]:
            found = []
            for _, path in sorted(self._orphans().items()):
                with contextlib.suppress(FileNotFoundError):
                    st = path.stat()
                    if st.st_mtime <= cutoff:
                        found.append(Aged("ticket_orphans", path.name, st.st_size, st.st_mtime))
            return found
        return await asyncio.to_thread(scan)

    async def remove(self, item: Aged) -> bool:
        path = self._dir / item.key
        if path.name != item.key or path.stem not in self._orphans():
            return False  # its other half appeared meanwhile: a ticket, not an orphan
        return await asyncio.to_thread(remove_unchanged, [path], item.at)
