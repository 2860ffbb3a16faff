"""Transcripts as append-only JSON lines, one file per session."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import re
from pathlib import Path

import orjson

from stichat.adapters.aged_files import aged, group_by_key, remove_unchanged
from stichat.domain.retention import Aged
from stichat.domain.transcript import TranscriptEntry

_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _cut(fd: int, size: int) -> None:
    with contextlib.suppress(OSError):
        os.ftruncate(fd, size)


class FileTranscriptStore:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._dir = directory

    def _path(self, session_id: str) -> Path:
        if not _SESSION_ID.match(session_id):
            raise ValueError("not a session id")
        return self._dir / f"{session_id}.jsonl"

    async def append(self, session_id: str, entries: list[TranscriptEntry]) -> None:
        # orjson writes UTF-8 as is (as ensure_ascii=False did), in a seventh of the standard library's time.
        data = b"".join(orjson.dumps(e.to_json(), option=orjson.OPT_APPEND_NEWLINE) for e in entries)
        # On the event loop, new file or not: one write of a few hundred bytes. Measured under load
        # (docs/performance.md), the round trip to a worker thread and back cost more than the write,
        # even the one that creates the file.
        self._append(self._path(session_id), data)

    @staticmethod
    def _append(path: Path, data: bytes) -> None:
        # One write() of whole lines on an O_APPEND descriptor: lines never interleave. A short write
        # (the disk filled mid-line) is cut back, so the next entry does not start inside a torn line.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            size = os.fstat(fd).st_size
            try:
                written = os.write(fd, data)
            except OSError:
                _cut(fd, size)
                raise
            if written != len(data):
                _cut(fd, size)
                raise OSError(errno.ENOSPC, "transcript line only partly written", str(path))
        finally:
            os.close(fd)

    async def read(self, session_id: str) -> list[TranscriptEntry]:
        path = self._path(session_id)
        try:
            raw = await asyncio.to_thread(path.read_text, "utf-8")
        except FileNotFoundError:
            return []
        entries = []
        for line in raw.splitlines():
            try:
                entries.append(TranscriptEntry.from_json(orjson.loads(line)))
            except (ValueError, KeyError):
                continue  # a torn last line after a crash is skipped, not fatal
        return entries

    async def delete(self, session_id: str) -> bool:
        try:
            self._path(session_id).unlink()
        except FileNotFoundError:
            return False
        return True

    @staticmethod
    def _key(name: str) -> str | None:
        session_id, _, suffix = name.partition(".")
        return session_id if suffix == "jsonl" and _SESSION_ID.match(session_id) else None

    async def older_than(self, cutoff: float) -> list[Aged]:
        """Transcripts last appended to at or before `cutoff`."""
        return aged("transcripts", await asyncio.to_thread(group_by_key, self._dir, self._key), cutoff)

    async def remove(self, item: Aged) -> bool:
        return await asyncio.to_thread(remove_unchanged, [self._path(item.key)], item.at)
