"""The readiness write probe: a real write per dir, cached briefly, re-run at once after a failure."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from stichat.storage import StorageProbe, is_storage_failure, write_probe


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_probe_writes_in_the_dir_and_leaves_nothing_behind(tmp_path: Path) -> None:
    write_probe(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_reported_as_full_and_the_answer_is_cached_for_a_moment(tmp_path: Path) -> None:
    calls: list[Path] = []
    full = {"on": True}

    def probe(directory: Path) -> None:
        calls.append(directory)
        if full["on"]:
            raise OSError(errno.ENOSPC, "No space left on device")

    clock = Clock()
    storage = StorageProbe({"tickets": tmp_path}, ttl=1.5, clock=clock, probe=probe)
    assert storage.check() == {"tickets": "full"}
    full["on"] = False
    clock.now += 1.0
    assert storage.check() == {"tickets": "full"} and len(calls) == 1  # cached
    clock.now += 1.0
    assert storage.check() == {"tickets": "ok"} and len(calls) == 2  # space freed: back by itself


def test_a_failed_write_elsewhere_makes_the_next_check_probe_again(tmp_path: Path) -> None:
    calls: list[Path] = []
    storage = StorageProbe({"data": tmp_path}, clock=Clock(), probe=calls.append)
    storage.check()
    storage.invalidate()
    storage.check()
    assert len(calls) == 2


@pytest.mark.parametrize(("code", "reason"), [(errno.EROFS, "read-only"), (errno.EACCES, "not writable"),
                                              (errno.EDQUOT, "full"), (errno.EFBIG, "full")])
def test_each_kind_of_refusal_has_a_short_reason(tmp_path: Path, code: int, reason: str) -> None:
    def probe(_: Path) -> None:
        raise OSError(code, "refused")
    assert StorageProbe({"logs": tmp_path}, probe=probe).check() == {"logs": reason}


def test_storage_failures_are_told_apart_from_bugs() -> None:
    assert is_storage_failure(OSError(errno.ENOSPC, "full"))
    assert is_storage_failure(sqlite3.OperationalError("database or disk is full"))
    assert is_storage_failure(sqlite3.OperationalError("disk I/O error"))
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = OSError(errno.EROFS, "read-only")
    assert is_storage_failure(wrapped)
    assert not is_storage_failure(FileNotFoundError(errno.ENOENT, "missing"))
    assert not is_storage_failure(ValueError("bug"))
