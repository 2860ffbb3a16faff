"""Transcripts as append-only JSON lines, one file per session."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import re
import weakref
from pathlib import Path

import orjson

from stichat.adapters.aged_files import aged, group_by_key, remove_unchanged
from stichat.domain.retention import Aged
from stichat.domain.transcript import TranscriptEntry

_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


#: Transcript files kept open for appending, at most: the conversations going on now (the rest reopen).
KEEP_OPEN = 256


def _cut(fd: int, size: int) -> None:
    with contextlib.suppress(OSError):
        os.ftruncate(fd, size)


def append_whole(fd: int, size: int, data: bytes, *, name: str) -> None:
    """One write() of whole lines on an O_APPEND descriptor of a file of `size` bytes: lines never
    interleave. A short write (the disk filled mid-line) is cut back, so the next entry does not start
    inside a torn line."""
    try:
        written = os.write(fd, data)
    except OSError:
        _cut(fd, size)
        raise
    if written != len(data):
        _cut(fd, size)
        raise OSError(errno.ENOSPC, "transcript line only partly written", name)


def _close_all(kept: dict[str, int]) -> None:
    while kept:
        os.close(kept.popitem()[1])


class FileTranscriptStore:
    """One append-only file per session. The files of the conversations going on are kept open (at most
    KEEP_OPEN, the least recently written closed first): opening the file by name cost a turn more than
    all the rest of its append (docs/performance.md). A kept file that was unlinked meanwhile (erasure,
    the retention sweep, another replica on a shared volume) is opened again by name, so nothing is
    written to a file no one can read."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._dir = directory
        self._open: dict[str, int] = {}  # session id → O_APPEND descriptor, least recently written first
        weakref.finalize(self, _close_all, self._open)  # a store dropped without close() (tests) leaks none

    def _path(self, session_id: str) -> Path:
        if not _SESSION_ID.match(session_id):
            raise ValueError("not a session id")
        return self._dir / f"{session_id}.jsonl"

    async def append(self, session_id: str, entries: list[TranscriptEntry]) -> None:
        # orjson writes UTF-8 as is (as ensure_ascii=False did), in a seventh of the standard library's time.
        data = b"".join(orjson.dumps(e.to_json(), option=orjson.OPT_APPEND_NEWLINE) for e in entries)
        # On the event loop: one write of a few hundred bytes. Measured under load (docs/performance.md),
        # the round trip to a worker thread and back cost more than the write.
        fd, size = self._descriptor(session_id)
        try:
            append_whole(fd, size, data, name=session_id)
        except OSError:
            self._forget(session_id)
            raise

    def _descriptor(self, session_id: str) -> tuple[int, int]:
        """The session's file open for appending, and its size; opened (and created) by name when it is
        not kept or was unlinked."""
        fd = self._open.pop(session_id, None)
        if fd is not None:
            st = os.fstat(fd)
            if st.st_nlink > 0:
                self._open[session_id] = fd  # last: the most recently written
                return fd, st.st_size
            os.close(fd)
        fd = os.open(self._path(session_id), os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o640)
        if len(self._open) >= KEEP_OPEN:
            os.close(self._open.pop(next(iter(self._open))))
        self._open[session_id] = fd
        return fd, os.fstat(fd).st_size

    def _forget(self, session_id: str) -> None:
        fd = self._open.pop(session_id, None)
        if fd is not None:
            os.close(fd)

    def close(self) -> None:
        """Close the kept files (at shutdown)."""
        _close_all(self._open)

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
        self._forget(session_id)
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
        removed = await asyncio.to_thread(remove_unchanged, [self._path(item.key)], item.at)
        if removed:
            self._forget(item.key)
        return removed
