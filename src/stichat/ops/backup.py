"""`stichat backup` and `stichat restore`: tickets, transcripts, uploads and the database (item 6).

A backup is one `stichat-backup-<UTC stamp>.tar.gz` holding `tickets/`, `transcripts/`,
`uploads/`, `database/rows.jsonl` (every row of the database: tickets, history, notes, audit,
operators; SQLite or PostgreSQL alike) and, as its last member, `manifest.json`: every file with its
size and sha256, hashed from the very bytes written into the archive (a file appended to while it
is read is still consistent). It is written under a temporary name in the destination and renamed
when complete, so a crash never leaves a half archive under the final name; to S3 (or any
S3-compatible store) it goes by one PUT or multipart upload, which the store makes visible only when
complete.

A restore reads the whole archive first and checks every member against the manifest (names, sizes,
sha256, nothing missing, nothing extra, no path outside the three dirs); anything wrong refuses the
archive before a single file is touched. It then writes each dir in full next to the live one and
swaps them with one rename each (rolling back the swaps already made if a later one fails).
Dirs that already hold files are only replaced with `--force`.

An S3 store is reached through the ArchiveStore port (`stichat.adapters.s3_archives`, built by
`stichat.bootstrap_ops`), the database through the dump and load functions the command passes in.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import secrets
import shutil
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

import click

from stichat import __version__
from stichat.config import Settings
from stichat.domain.errors import StiChatError
from stichat.ops.ports import ArchiveStore, ArchiveStoreError

FORMAT = "stichat-backup/1"
MANIFEST = "manifest.json"
NAME_PATTERN = re.compile(r"^stichat-backup-\d{8}T\d{6}Z(?:-[a-z0-9]+)?\.tar\.gz$")
CHUNK = 1024 * 1024


class BackupError(StiChatError):
    """A backup or restore that cannot go on; the message is one line for the operator."""


def backed_up_dirs(settings: Settings) -> dict[str, Path]:
    """What a backup holds: the three dirs of checklist item 6 (logs are shipped, not backed up)."""
    dirs = settings.storage_dirs()
    return {name: dirs[name] for name in ("tickets", "transcripts", "uploads")}


# --- where archives live ------------------------------------------------------------------------------

@dataclass(frozen=True)
class S3Location:
    bucket: str
    key: str  # a prefix ("" or ending in "/") or an object key

    @classmethod
    def parse(cls, url: str) -> S3Location:
        rest = url.removeprefix("s3://")
        bucket, _, key = rest.partition("/")
        if not bucket:
            raise BackupError(f"not an S3 URL: {url} (expected s3://bucket/prefix)")
        return cls(bucket, key)

    def join(self, name: str) -> str:
        prefix = self.key.strip("/")
        return f"{prefix}/{name}" if prefix else name

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.key}"


def is_s3(target: str) -> bool:
    return target.startswith("s3://")


# --- writing an archive -------------------------------------------------------------------------------

class _HashingReader(io.RawIOBase):
    """A read-only file that hashes what tarfile takes from it."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self.sha256 = hashlib.sha256()
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self.sha256.update(data)
        self.read_bytes += len(data)
        return data


def _skipped(name: str) -> bool:
    # write_atomic's temporary files (`.<name>.<random>.tmp`) are half-written by definition.
    return name.startswith(".") and name.endswith(".tmp")


def collect(dirs: dict[str, Path]) -> list[tuple[str, Path]]:
    """(archive name, path) of every regular file under the dirs, sorted; symlinks are not followed."""
    found: list[tuple[str, Path]] = []
    for name, directory in dirs.items():
        if not directory.is_dir():
            continue
        for root, subdirs, files in os.walk(directory):
            subdirs.sort()
            for file_name in sorted(files):
                path = Path(root) / file_name
                if _skipped(file_name) or path.is_symlink() or not path.is_file():
                    continue
                found.append((str(PurePosixPath(name, path.relative_to(directory).as_posix())), path))
    return found


DATABASE_DIR = "database"
DUMP_FILE = "rows.jsonl"


#: Writes every row of the database to a binary handle (`bootstrap_ops.dump_database`, bound to settings).
Dump = Callable[[IO[bytes]], object]
#: Loads such a dump back, returning the count per table (`bootstrap_ops.load_database`).
Load = Callable[[IO[bytes]], dict[str, int]]


@contextlib.contextmanager
def database_dump(data_dir: Path, dump: Dump) -> Iterator[Path]:
    """A directory under `data_dir` holding the database's rows as JSON lines, for the archive; removed
    afterwards."""
    data_dir.mkdir(parents=True, exist_ok=True)
    directory = Path(tempfile.mkdtemp(dir=data_dir, prefix=".backup-database-"))
    try:
        with (directory / DUMP_FILE).open("wb") as handle:
            dump(handle)
            handle.flush()
            os.fsync(handle.fileno())
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def restore_database(directory: Path, load: Load) -> dict[str, int] | None:
    """Load the restored `database/rows.jsonl` (None for an archive from before the database)."""
    try:
        dump_path = directory / DUMP_FILE
        if not dump_path.is_file():
            return None
        with dump_path.open("rb") as handle:
            return load(handle)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def archive_name(now: float) -> str:
    return f"stichat-backup-{datetime.fromtimestamp(now, UTC):%Y%m%dT%H%M%SZ}.tar.gz"


def write_archive(dirs: dict[str, Path], handle: IO[bytes], *, progress: bool = True) -> dict[str, Any]:
    """Write the tar.gz of `dirs` to `handle`, manifest last; return the manifest."""
    files = collect(dirs)
    entries: list[dict[str, Any]] = []
    with tarfile.open(fileobj=handle, mode="w:gz", compresslevel=6) as tar:
        for name in dirs:  # the three dirs exist in every archive, even empty
            info = tarfile.TarInfo(name)
            info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o750, int(time.time())
            tar.addfile(info)
        with click.progressbar(files, label="archiving", show_pos=True, hidden=not progress,
                               item_show_func=lambda item: item[0] if item else None) as bar:
            for arcname, path in bar:
                try:
                    source = path.open("rb")
                except FileNotFoundError:
                    continue  # deleted since it was listed (a purge, an expired upload)
                with source:
                    st = os.fstat(source.fileno())
                    info = tarfile.TarInfo(arcname)
                    info.size, info.mtime, info.mode = st.st_size, int(st.st_mtime), st.st_mode & 0o777
                    reader = _HashingReader(source)
                    tar.addfile(info, reader)
                entries.append({"path": arcname, "size": reader.read_bytes, "sha256": reader.sha256.hexdigest(),
                                "mtime": int(st.st_mtime)})
        manifest = {
            "format": FORMAT, "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "stichat_version": __version__, "dirs": list(dirs), "files": entries,
            "file_count": len(entries), "total_bytes": sum(e["size"] for e in entries),
        }
        body = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(body), int(time.time()), 0o640
        tar.addfile(info, io.BytesIO(body))
    return manifest


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _temporary(directory: Path, name: str) -> Iterator[tuple[IO[bytes], Path]]:
    """A temporary file next to where `name` will go; removed unless the caller renamed it away."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".partial")
    path = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle, path
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def backup_to_dir(dirs: dict[str, Path], dest: Path, *, now: float,
                  progress: bool = True) -> tuple[Path, dict[str, Any]]:
    dest.mkdir(parents=True, exist_ok=True)
    name = archive_name(now)
    final = dest / name
    if final.exists():  # two backups in one second: keep both
        final = dest / name.replace(".tar.gz", f"-{secrets.token_hex(3)}.tar.gz")
    with _temporary(dest, final.name) as (handle, tmp):
        manifest = write_archive(dirs, handle, progress=progress)
        handle.flush()
        os.fsync(handle.fileno())
        os.chmod(tmp, 0o640)
        os.replace(tmp, final)
    fsync_dir(dest)
    return final, manifest


def backup_to_s3(dirs: dict[str, Path], location: S3Location, store: ArchiveStore, *, now: float,
                 tmp_dir: Path | None, progress: bool = True) -> tuple[str, dict[str, Any]]:
    name = archive_name(now)
    key = location.join(name)
    directory = tmp_dir or Path(tempfile.gettempdir())
    with _temporary(directory, name) as (handle, tmp):
        manifest = write_archive(dirs, handle, progress=progress)
        handle.flush()
        size = tmp.stat().st_size
        with click.progressbar(length=size, label=f"uploading to s3://{location.bucket}/{key}",
                               hidden=not progress) as bar:
            try:
                store.put(tmp, key, progress=bar.update)
            except ArchiveStoreError as exc:
                raise BackupError(f"upload to s3://{location.bucket}/{key} failed: {exc}") from exc
    return f"s3://{location.bucket}/{key}", manifest


def prune_dir(dest: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives of ours in `dest` (names sort by time)."""
    archives = sorted(p for p in dest.iterdir() if NAME_PATTERN.match(p.name))
    doomed = archives[:-keep] if keep > 0 else []
    for path in doomed:
        path.unlink()
    return doomed


def prune_s3(store: ArchiveStore, location: S3Location, keep: int) -> list[str]:
    """Delete all but the newest `keep` archives of ours directly under the location's prefix."""
    keys = sorted(s3_archives(store, location))
    doomed = keys[:-keep] if keep > 0 else []
    for key in doomed:
        store.delete(key)
    return doomed


def s3_archives(store: ArchiveStore, location: S3Location) -> list[str]:
    """The keys of our archives directly under the location's prefix (not in "subfolders")."""
    prefix = location.key.strip("/")
    prefix = f"{prefix}/" if prefix else ""
    return [key for key in store.keys(prefix)
            if NAME_PATTERN.match(key.rsplit("/", 1)[-1]) and "/" not in key[len(prefix):]]
