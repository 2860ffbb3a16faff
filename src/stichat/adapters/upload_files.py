"""Every file kept for an uploaded image, wherever it lives, for erasure and retention.

An image's files are all named after its id (`<id>.json`, `<id>.jpg`, `<id>.thumb.jpg`, a waiting
original `<id>.upload`, a torn temporary `.<id>.jpg.x.tmp`), under UPLOADS_DIR or the directory the
originals wait in. Whatever the image pipeline adds later, named the same way, goes with them; a
file named otherwise is not ours to remove.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from pathlib import Path

from stichat.adapters.aged_files import aged, group_by_key, remove_unchanged
from stichat.domain.images import FINISHED
from stichat.domain.retention import Aged

_IMAGE_ID = re.compile(r"^[0-9a-f]{24}$")
_IMAGE_FILE = re.compile(r"^\.?([0-9a-f]{24})(?![0-9a-f])")


def _key(name: str) -> str | None:
    found = _IMAGE_FILE.match(name)
    return found.group(1) if found else None


class UploadFiles:
    def __init__(self, *directories: Path) -> None:
        self._dirs = directories
        self._planned: dict[str, list[Path]] = {}

    def _groups(self) -> dict[str, list[Path]]:
        groups: dict[str, list[Path]] = {}
        for directory in self._dirs:
            for key, paths in group_by_key(directory, _key, recursive=True).items():
                groups.setdefault(key, []).extend(paths)
        return groups

    async def delete(self, image_id: str) -> bool:
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
