"""An uploaded image's every file: the one owner of UPLOADS_DIR and of DATA_DIR/incoming.

UPLOADS_DIR holds only what the service itself made: `<id>.json` (the record), `<id>.jpg` and
`<id>.thumb.jpg` (re-encoded, metadata-free). A customer's original bytes never go there: the
validated original waits for its job under `DATA_DIR/incoming/<id>.upload` (0600, a directory no
route serves; shared by the workers through the same volume as DATA_DIR) and is deleted once the job
is finished, done or failed.

Every file of an image is named after its id (`<id>.json`, `<id>.jpg`, `<id>.thumb.jpg`, a waiting
`<id>.upload`, a torn temporary `.<id>.jpg.x.tmp`): erasure and retention remove them together, and
whatever the pipeline adds later, named the same way, goes with them; a file named otherwise is not
ours to remove.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
from dataclasses import asdict, fields
from pathlib import Path

from stichat.adapters.aged_files import aged, group_by_key, remove_unchanged
from stichat.adapters.files import write_atomic
from stichat.domain.images import FINISHED, ImageRecord
from stichat.domain.retention import Aged

_IMAGE_ID = re.compile(r"^[0-9a-f]{24}$")
_IMAGE_FILE = re.compile(r"^\.?([0-9a-f]{24})(?![0-9a-f])")
_FIELDS = {f.name for f in fields(ImageRecord)}


class FileImageStore:
    """The ImageStore (records, processed files), erasure's ImageFiles and the retention sweep of uploads;
    `originals` is the Originals port on the same directories."""

    def __init__(self, directory: Path, incoming: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        incoming.mkdir(parents=True, exist_ok=True)
        os.chmod(incoming, 0o700)
        self._dir, self._incoming = directory, incoming
        self._planned: dict[str, list[Path]] = {}
        self.originals = IncomingOriginals(incoming)

    def _path(self, image_id: str, suffix: str) -> Path:
        return _named(self._dir, image_id, suffix)

    def orphan_originals(self) -> OrphanOriginals:
        """The purge's view of originals whose job can no longer run (see `OrphanOriginals`)."""
        return OrphanOriginals(self._incoming, self._dir)

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

    def _groups(self) -> dict[str, list[Path]]:
        groups: dict[str, list[Path]] = {}
        for directory in (self._dir, self._incoming):
            for key, paths in group_by_key(directory, _key, recursive=True).items():
                groups.setdefault(key, []).extend(paths)
        return groups

    async def delete(self, image_id: str) -> bool:
        """Every file of the image, wherever it is (erasure); False when there were none."""
        if not _IMAGE_ID.match(image_id):
            return False
        paths = (await asyncio.to_thread(self._groups)).get(image_id, [])
        return await asyncio.to_thread(remove_unchanged, paths, float("inf"))

    async def older_than(self, cutoff: float) -> list[Aged]:
        """Images whose newest file was written at or before `cutoff`."""
        groups = await asyncio.to_thread(self._groups)
        found = aged("uploads", groups, cutoff)
        # Remembered so that removing N images walks the directories once, not N times.
        self._planned = {item.key: groups[item.key] for item in found}
        return found

    async def remove(self, item: Aged) -> bool:
        paths = self._planned.pop(item.key, None)
        if paths is None:
            paths = (await asyncio.to_thread(self._groups)).get(item.key, [])
        return await asyncio.to_thread(remove_unchanged, paths, item.at)


class IncomingOriginals:
    """The Originals port: validated uploads under DATA_DIR/incoming (0600), never served."""

    def __init__(self, directory: Path) -> None:
        self._dir = directory

    def _path(self, image_id: str) -> Path:
        return _named(self._dir, image_id, ".upload")

    async def put(self, image_id: str, data: bytes) -> None:
        await asyncio.to_thread(write_atomic, self._path(image_id), data, mode=0o600)

    async def read(self, image_id: str) -> bytes | None:
        try:
            return await asyncio.to_thread(self._path(image_id).read_bytes)
        except (KeyError, FileNotFoundError):
            return None

    async def drop(self, image_id: str) -> None:
        with contextlib.suppress(KeyError, FileNotFoundError):
            await asyncio.to_thread(self._path(image_id).unlink)

    async def waiting(self) -> list[str]:
        def scan() -> list[str]:
            return sorted(p.name[:-len(".upload")] for p in self._dir.glob("*.upload"))
        return await asyncio.to_thread(scan)


class OrphanOriginals:
    """For the purge: originals still waiting in incoming/ whose image has no record or a finished one
    (a crash between storing the result and deleting the original, or before the record was written).
    Each still carries the customer's EXIF, GPS included."""

    def __init__(self, incoming: Path, uploads: Path) -> None:
        self._incoming, self._uploads = incoming, uploads

    def _orphan(self, image_id: str) -> bool:
        try:
            status = json.loads((self._uploads / f"{image_id}.json").read_bytes()).get("status")
        except FileNotFoundError:
            return True
        except ValueError:
            return False
        return status in FINISHED

    async def older_than(self, cutoff: float) -> list[Aged]:
        def scan() -> list[Aged]:
            found = []
            for path in sorted(self._incoming.glob("*.upload")):
                image_id = path.name[: -len(".upload")]
                if _IMAGE_ID.match(image_id) and self._orphan(image_id):
                    with contextlib.suppress(FileNotFoundError):
                        st = path.stat()
                        if st.st_mtime <= cutoff:
                            found.append(Aged("orphan_originals", image_id, st.st_size, st.st_mtime))
            return found
        return await asyncio.to_thread(scan)

    async def remove(self, item: Aged) -> bool:
        if not _IMAGE_ID.match(item.key) or not self._orphan(item.key):
            return False
        return await asyncio.to_thread(remove_unchanged, [self._incoming / f"{item.key}.upload"], item.at)


def _named(directory: Path, image_id: str, suffix: str) -> Path:
    if not _IMAGE_ID.match(image_id):  # never let an id walk out of the directory
        raise KeyError(image_id)
    return directory / f"{image_id}{suffix}"


def _key(name: str) -> str | None:
    found = _IMAGE_FILE.match(name)
    return found.group(1) if found else None


def _dump(record: ImageRecord) -> bytes:
    return json.dumps(asdict(record)).encode()
