"""Files found and removed by age (retention), and the rotated log files under LOGS_DIR."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from stichat.domain.retention import Aged


def group_by_key(directory: Path, key_of: Callable[[str], str | None], *,
                 recursive: bool = False) -> dict[str, list[Path]]:
    """Regular files under `directory` grouped by `key_of(file name)`; names it maps to None are left alone."""
    groups: dict[str, list[Path]] = {}
    if not directory.is_dir():
        return groups
    candidates = directory.rglob("*") if recursive else directory.iterdir()
    for path in candidates:
        key = key_of(path.name)
        if key is not None and path.is_file() and not path.is_symlink():
            groups.setdefault(key, []).append(path)
    return groups


def _stat(paths: Iterable[Path]) -> tuple[int, float] | None:
    size, newest, seen = 0, 0.0, False
    for path in paths:
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            continue
        size, newest, seen = size + st.st_size, max(newest, st.st_mtime), True
    return (size, newest) if seen else None


def aged(kind: str, groups: dict[str, list[Path]], cutoff: float) -> list[Aged]:
    """The groups whose newest file was last written at or before `cutoff`."""
    found = []
    for key, paths in sorted(groups.items()):
        stat = _stat(paths)
        if stat is not None and stat[1] <= cutoff:
            found.append(Aged(kind, key, stat[0], stat[1]))
    return found


def remove_unchanged(paths: list[Path], at: float) -> bool:
    """Unlink the files unless one was written after `at` (then it is in use again: keep them all)."""
    stat = _stat(paths)
    if stat is None or stat[1] > at:
        return False
    removed = False
    for path in paths:
        try:
            path.unlink()
            removed = True
        except FileNotFoundError:
            continue  # another replica's purge got there first
    return removed


class RotatedLogs:
    """LOGS_DIR's files other than the one being written: rotated copies, removed by age."""

    def __init__(self, directory: Path, *, active: str) -> None:
        self._dir, self._active = directory, active

    def _key(self, name: str) -> str | None:
        return None if name == self._active else name

    async def older_than(self, cutoff: float) -> list[Aged]:
        groups = await asyncio.to_thread(group_by_key, self._dir, self._key)
        return aged("logs", groups, cutoff)

    async def remove(self, item: Aged) -> bool:
        if self._key(item.key) is None or Path(item.key).name != item.key:
            return False
        return await asyncio.to_thread(remove_unchanged, [self._dir / item.key], item.at)
