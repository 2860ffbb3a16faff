"""`stichat restore`'s work: read an archive whole, check every member against its manifest, then swap
each dir in with one rename (see `stichat.ops.backup` for the archive's format).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

import click

from stichat.ops.backup import (
    CHUNK,
    FORMAT,
    MANIFEST,
    NAME_PATTERN,
    BackupError,
    S3Location,
    fsync_dir,
    is_s3,
    s3_archives,
)
from stichat.ops.ports import ArchiveStore, ArchiveStoreError


def _chunks(handle: IO[bytes]) -> Iterator[bytes]:
    while chunk := handle.read(CHUNK):
        yield chunk


def _safe_member(name: str, dirs: tuple[str, ...]) -> bool:
    path = PurePosixPath(name)
    return (not path.is_absolute() and ".." not in path.parts and len(path.parts) >= 1
            and (path.parts[0] in dirs) and "\\" not in name)


def verify(archive: Path, dirs: tuple[str, ...], *, progress: bool = True) -> dict[str, Any]:
    """Check every member against the manifest; return the manifest, or raise BackupError saying why."""
    actual: dict[str, tuple[int, str]] = {}
    manifest: dict[str, Any] | None = None
    size = archive.stat().st_size
    try:
        with archive.open("rb") as raw, click.progressbar(length=size, label="verifying", hidden=not progress) as bar, \
                tarfile.open(fileobj=raw, mode="r:gz") as tar:
            for member in tar:
                bar.update(raw.tell() - bar.pos)
                if member.name == MANIFEST and member.isfile():
                    extracted = tar.extractfile(member)
                    if manifest is not None or extracted is None:
                        raise BackupError("the archive holds more than one manifest")
                    manifest = json.loads(extracted.read())
                    continue
                if not _safe_member(member.name, dirs):
                    raise BackupError(f"refused: member {member.name!r} is outside {', '.join(dirs)}")
                if member.isdir():
                    continue
                if not member.isfile():
                    raise BackupError(f"refused: member {member.name!r} is not a regular file")
                if member.name in actual:
                    raise BackupError(f"refused: member {member.name!r} appears twice")
                extracted = tar.extractfile(member)
                if extracted is None:
                    raise BackupError(f"refused: member {member.name!r} cannot be read")
                digest = hashlib.sha256()
                for chunk in _chunks(extracted):
                    digest.update(chunk)
                actual[member.name] = (member.size, digest.hexdigest())
    except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
        raise BackupError(f"refused: not a readable stichat backup: {type(exc).__name__}: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"refused: no {MANIFEST} of format {FORMAT} in the archive")
    expected = {str(e["path"]): (int(e["size"]), str(e["sha256"])) for e in manifest.get("files", [])}
    for name, (want_size, want_sha) in expected.items():
        if name not in actual:
            raise BackupError(f"refused: {name} is in the manifest but not in the archive")
        got_size, got_sha = actual[name]
        if got_size != want_size or got_sha != want_sha:
            raise BackupError(f"refused: checksum mismatch for {name} (manifest {want_sha[:12]}…, "
                              f"archive {got_sha[:12]}…)")
    extra = sorted(set(actual) - set(expected))
    if extra:
        raise BackupError(f"refused: {extra[0]} is in the archive but not in the manifest")
    return manifest


# --- restoring ----------------------------------------------------------------------------------------

def _owner_of(path: Path) -> tuple[int, int] | None:
    """Whom restored files belong to when root restores: the owner of the dir (or its parent)."""
    if os.geteuid() != 0:
        return None
    target = path if path.exists() else path.parent
    st = target.stat()
    return st.st_uid, st.st_gid


def _extract(archive: Path, manifest: dict[str, Any], staging: dict[str, Path], *, progress: bool) -> None:
    """Write every file into the staging dirs, hashing again on the way (the archive may have changed)."""
    expected = {str(e["path"]): e for e in manifest["files"]}
    with archive.open("rb") as raw, tarfile.open(fileobj=raw, mode="r:gz") as tar, \
            click.progressbar(length=len(expected), label="restoring", show_pos=True, hidden=not progress) as bar:
        for member in tar:
            entry = expected.get(member.name)
            if entry is None or not member.isfile():
                continue
            top, _, rest = member.name.partition("/")
            target = staging[top] / rest
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o750)
            extracted = tar.extractfile(member)
            if extracted is None:
                raise BackupError(f"{member.name} cannot be read")
            digest = hashlib.sha256()
            with target.open("xb") as out:
                for chunk in _chunks(extracted):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != entry["sha256"]:
                raise BackupError(f"refused: {member.name} changed while restoring")
            os.chmod(target, (member.mode & 0o770) or 0o640)  # never world-readable or writable
            os.utime(target, (member.mtime, member.mtime))
            bar.update(1)


def _chown_tree(root: Path, owner: tuple[int, int]) -> None:
    os.chown(root, *owner)
    for parent, subdirs, files in os.walk(root):
        for name in (*subdirs, *files):
            os.chown(Path(parent) / name, *owner)


def restore_archive(archive: Path, dirs: dict[str, Path], *, force: bool, progress: bool = True) -> dict[str, Any]:
    """Verify `archive`, then replace each dir with its content in the archive (one rename per dir)."""
    names = tuple(dirs)
    manifest = verify(archive, names, progress=progress)
    busy = [f"{d} ({sum(1 for _ in d.iterdir())} entries)" for d in dirs.values() if d.is_dir() and any(d.iterdir())]
    if busy and not force:
        raise BackupError("refused: these dirs already hold files (use --force to replace them): " + ", ".join(busy))
    stamp = secrets.token_hex(4)
    staging: dict[str, Path] = {}
    try:
        for name, directory in dirs.items():
            directory.parent.mkdir(parents=True, exist_ok=True)
            staging[name] = directory.parent / f".{directory.name}.restore-{stamp}"
            staging[name].mkdir(mode=0o750)
        _extract(archive, manifest, staging, progress=progress)
        for name, directory in dirs.items():
            owner = _owner_of(directory)
            if owner is not None:
                _chown_tree(staging[name], owner)
        _swap_all(dirs, staging, stamp)
    finally:
        for path in staging.values():
            shutil.rmtree(path, ignore_errors=True)
    return manifest


def _swap_all(dirs: dict[str, Path], staging: dict[str, Path], stamp: str) -> None:
    """Move each live dir aside and the staged one in; undo every swap made if one fails."""
    done: list[tuple[Path, Path | None]] = []  # (dir, where the old one went)
    try:
        for name, directory in dirs.items():
            aside: Path | None = None
            if directory.exists():
                aside = directory.parent / f".{directory.name}.before-restore-{stamp}"
                os.rename(directory, aside)
            done.append((directory, aside))
            os.rename(staging[name], directory)
            fsync_dir(directory.parent)
    except OSError as exc:
        for directory, aside in reversed(done):
            if directory.exists() and aside is not None:
                shutil.rmtree(directory, ignore_errors=True)
            if aside is not None:
                os.rename(aside, directory)
        raise BackupError(f"restore failed and was rolled back: {exc}") from exc
    for _, aside in done:
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)


def fetch(source: str, *, stores: Callable[[str], ArchiveStore], tmp_dir: Path | None, progress: bool,
          stack: contextlib.ExitStack) -> tuple[Path, str]:
    """A local path for `source` (a file, a dir of backups, an S3 key or prefix) and its display name;
    `stores` gives the archive store of an S3 bucket."""
    if not is_s3(source):
        path = Path(source)
        if path.is_dir():
            archives = sorted(p for p in path.iterdir() if NAME_PATTERN.match(p.name))
            if not archives:
                raise BackupError(f"no stichat-backup-*.tar.gz in {path}")
            path = archives[-1]
        if not path.is_file():
            raise BackupError(f"{source}: no such backup file")
        return path, str(path)
    location = S3Location.parse(source)
    store = stores(location.bucket)
    try:
        key = location.key
        if not NAME_PATTERN.match(key.rsplit("/", 1)[-1]):
            keys = sorted(s3_archives(store, location))
            if not keys:
                raise BackupError(f"no stichat-backup-*.tar.gz under {location}")
            key = keys[-1]
        size = store.size(key)
        directory = tmp_dir or Path(tempfile.gettempdir())
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".stichat-restore-", suffix=".tar.gz")
        os.close(fd)
        stack.callback(lambda: Path(tmp).unlink(missing_ok=True))
        with click.progressbar(length=size, label=f"downloading s3://{location.bucket}/{key}",
                               hidden=not progress) as bar:
            store.get(key, Path(tmp), progress=bar.update)
    except ArchiveStoreError as exc:
        raise BackupError(f"download from {location} failed: {exc}") from exc
    return Path(tmp), f"s3://{location.bucket}/{key}"


