"""Processed images and their records as files under UPLOADS_DIR, named by the server."""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import asdict
from pathlib import Path

from stichat.adapters.files import write_atomic
from stichat.domain.images import ImageRecord

_IMAGE_ID = re.compile(r"^[0-9a-f]{24}$")


class FileImageStore:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._dir = directory

    def _path(self, image_id: str, suffix: str) -> Path:
        if not _IMAGE_ID.match(image_id):
            raise KeyError(image_id)
        return self._dir / f"{image_id}{suffix}"

    async def save(self, record: ImageRecord, image: bytes, thumbnail: bytes) -> None:
        def write() -> None:
            write_atomic(self._path(record.image_id, ".jpg"), image)
            write_atomic(self._path(record.image_id, ".thumb.jpg"), thumbnail)
            write_atomic(self._path(record.image_id, ".json"), json.dumps(asdict(record)).encode())
        await asyncio.to_thread(write)

    async def load(self, image_id: str) -> ImageRecord | None:
        try:
            raw = await asyncio.to_thread(self._path(image_id, ".json").read_bytes)
            return ImageRecord(**json.loads(raw))
        except (KeyError, FileNotFoundError, ValueError, TypeError):
            return None

    def file(self, image_id: str, *, thumbnail: bool = False) -> Path | None:
        try:
            path = self._path(image_id, ".thumb.jpg" if thumbnail else ".jpg")
        except KeyError:
            return None
        return path if path.exists() else None
