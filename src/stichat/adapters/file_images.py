"""Processed images and their records as files under UPLOADS_DIR, named by the server.

UPLOADS_DIR holds only what the service itself made: `<id>.json` (the record), `<id>.jpg` and
`<id>.thumb.jpg` (re-encoded, metadata-free). A customer's original bytes never go there: the
validated original waits for its job under `DATA_DIR/incoming/<id>.upload` (0600, a directory no
route serves; shared by the workers through the same volume as DATA_DIR) and is deleted once the job
is finished, done or failed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
from dataclasses import asdict, fields
from pathlib import Path

from stichat.adapters.files import write_atomic
from stichat.domain.images import FINISHED, ImageRecord

_IMAGE_ID = re.compile(r"^[0-9a-f]{24}$")
_FIELDS = {f.name for f in fields(ImageRecord)}


class FileImageStore:
    def __init__(self, directory: Path, incoming: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        incoming.mkdir(parents=True, exist_ok=True)
        os.chmod(incoming, 0o700)
        self._dir, self._incoming = directory, incoming

    def _path(self, image_id: str, suffix: str, directory: Path | None = None) -> Path:
        if not _IMAGE_ID.match(image_id):
            raise KeyError(image_id)
        return (directory or self._dir) / f"{image_id}{suffix}"

    async def save(self, record: ImageRecord, image: bytes, thumbnail: bytes) -> None:
        def write() -> None:
            write_atomic(self._path(record.image_id, ".jpg"), image)
            write_atomic(self._path(record.image_id, ".thumb.jpg"), thumbnail)
            write_atomic(self._path(record.image_id, ".json"), _dump(record))
        await asyncio.to_thread(write)

    async def save_record(self, record: ImageRecord) -> None:
        await asyncio.to_thread(write_atomic, self._path(record.image_id, ".json"), _dump(record))

    async def load(self, image_id: str) -> ImageRecord | None:
        try:
            raw = await asyncio.to_thread(self._path(image_id, ".json").read_bytes)
            data = json.loads(raw)
            return ImageRecord(**{k: v for k, v in data.items() if k in _FIELDS})
        except (KeyError, FileNotFoundError, ValueError, TypeError):
            return None

    def file(self, image_id: str, *, thumbnail: bool = False) -> Path | None:
        try:
            path = self._path(image_id, ".thumb.jpg" if thumbnail else ".jpg")
        except KeyError:
            return None
        return path if path.exists() else None

    async def put_original(self, image_id: str, data: bytes) -> None:
        await asyncio.to_thread(write_atomic, self._path(image_id, ".upload", self._incoming), data, mode=0o600)

    async def original(self, image_id: str) -> bytes | None:
        try:
            return await asyncio.to_thread(self._path(image_id, ".upload", self._incoming).read_bytes)
        except (KeyError, FileNotFoundError):
            return None

    async def drop_original(self, image_id: str) -> None:
        with contextlib.suppress(KeyError, FileNotFoundError):
            await asyncio.to_thread(self._path(image_id, ".upload", self._incoming).unlink)

    async def unfinished(self) -> list[ImageRecord]:
        def scan() -> list[str]:
            return [p.name[:-len(".upload")] for p in self._incoming.glob("*.upload")]
        found = []
        for image_id in await asyncio.to_thread(scan):
            record = await self.load(image_id)
            if record is not None and record.status not in FINISHED:
                found.append(record)
            elif record is not None:
                await self.drop_original(image_id)  # finished before a crash kept it from going
        return found


def _dump(record: ImageRecord) -> bytes:
    return json.dumps(asdict(record)).encode()
