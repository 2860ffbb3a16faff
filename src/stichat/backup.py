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

S3 credentials and the endpoint come the usual boto3 ways (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
AWS_ENDPOINT_URL, a profile, a pod identity); `--endpoint-url` overrides the endpoint.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import json
import os
import re
import secrets
import shutil
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

import click

from stichat import __version__
from stichat.config import Settings

FORMAT = "stichat-backup/1"
MANIFEST = "manifest.json"
NAME_PATTERN = re.compile(r"^stichat-backup-\d{8}T\d{6}Z(?:-[a-z0-9]+)?\.tar\.gz$")
CHUNK = 1024 * 1024


class BackupError(Exception):
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


def s3_client(endpoint_url: str | None) -> Any:
    """A boto3 S3 client; boto3 is loaded only by the commands that use it."""
    try:
        boto3 = importlib.import_module("boto3")
    except ImportError as exc:
        raise BackupError("S3 needs boto3 (pip install boto3)") from exc
    return boto3.client("s3", endpoint_url=endpoint_url or None)


def _s3_errors() -> tuple[type[BaseException], ...]:
    try:
        exceptions = importlib.import_module("botocore.exceptions")
    except ImportError:
        return ()
    return (exceptions.BotoCoreError, exceptions.ClientError)


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


@contextlib.contextmanager
def database_dump(settings: Settings) -> Iterator[Path]:
    """A directory holding the database's rows as JSON lines, for the archive; removed afterwards."""
    from stichat import bootstrap

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    directory = Path(tempfile.mkdtemp(dir=settings.data_dir, prefix=".backup-database-"))
    try:
        with (directory / DUMP_FILE).open("wb") as handle:
            bootstrap.dump_database(settings, handle)
            handle.flush()
            os.fsync(handle.fileno())
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def restore_database(settings: Settings, directory: Path) -> dict[str, int] | None:
    """Load the restored `database/rows.jsonl` (None for an archive from before the database)."""
    from stichat import bootstrap

    try:
        dump_path = directory / DUMP_FILE
        if not dump_path.is_file():
            return None
        with dump_path.open("rb") as handle:
            return bootstrap.load_database(settings, handle)
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


def _fsync_dir(directory: Path) -> None:
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
    _fsync_dir(dest)
    return final, manifest


def backup_to_s3(dirs: dict[str, Path], location: S3Location, *, now: float, endpoint_url: str | None,
                 tmp_dir: Path | None, progress: bool = True) -> tuple[str, dict[str, Any]]:
    client = s3_client(endpoint_url)
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
                client.upload_file(str(tmp), location.bucket, key, Callback=bar.update,
                                   ExtraArgs={"ContentType": "application/gzip"})
            except _s3_errors() as exc:
                raise BackupError(f"upload to s3://{location.bucket}/{key} failed: {exc}") from exc
    return f"s3://{location.bucket}/{key}", manifest


def prune_dir(dest: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` archives of ours in `dest` (names sort by time)."""
    archives = sorted(p for p in dest.iterdir() if NAME_PATTERN.match(p.name))
    doomed = archives[:-keep] if keep > 0 else []
    for path in doomed:
        path.unlink()
    return doomed


def prune_s3(client: Any, location: S3Location, keep: int) -> list[str]:
    keys = sorted(_s3_archives(client, location))
    doomed = keys[:-keep] if keep > 0 else []
    for key in doomed:
        client.delete_object(Bucket=location.bucket, Key=key)
    return doomed


def _s3_archives(client: Any, location: S3Location) -> list[str]:
    prefix = location.key.strip("/")
    prefix = f"{prefix}/" if prefix else ""
    keys: list[str] = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=location.bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            key = str(item["Key"])
            if NAME_PATTERN.match(key.rsplit("/", 1)[-1]) and "/" not in key[len(prefix):]:
                keys.append(key)
    return keys


# --- reading and checking an archive ------------------------------------------------------------------

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
            _fsync_dir(directory.parent)
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


def fetch(source: str, *, endpoint_url: str | None, tmp_dir: Path | None, progress: bool,
          stack: contextlib.ExitStack) -> tuple[Path, str]:
    """A local path for `source` (a file, a dir of backups, an S3 key or prefix) and its display name."""
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
    client = s3_client(endpoint_url)
    errors = _s3_errors()
    try:
        key = location.key
        if not NAME_PATTERN.match(key.rsplit("/", 1)[-1]):
            keys = sorted(_s3_archives(client, location))
            if not keys:
                raise BackupError(f"no stichat-backup-*.tar.gz under {location}")
            key = keys[-1]
        size = int(client.head_object(Bucket=location.bucket, Key=key)["ContentLength"])
        directory = tmp_dir or Path(tempfile.gettempdir())
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".stichat-restore-", suffix=".tar.gz")
        os.close(fd)
        stack.callback(lambda: Path(tmp).unlink(missing_ok=True))
        with click.progressbar(length=size, label=f"downloading s3://{location.bucket}/{key}",
                               hidden=not progress) as bar:
            client.download_file(location.bucket, key, tmp, Callback=bar.update)
    except errors as exc:
        raise BackupError(f"download from {location} failed: {exc}") from exc
    return Path(tmp), f"s3://{location.bucket}/{key}"


# --- the commands ---------------------------------------------------------------------------------------

def _settings() -> Settings:
    from stichat.cli import load_settings

    return load_settings()


_endpoint_option = click.option(
    "--endpoint-url", default=None,
    help="S3-compatible endpoint (MinIO, Ceph, R2…); default: AWS_ENDPOINT_URL or AWS itself.")
_tmp_option = click.option(
    "--tmp-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Where an S3 archive is staged (default: the system temp dir); needs room for one archive.")


@click.command()
@click.option("--dest", required=True, metavar="DIR|s3://BUCKET/PREFIX",
              help="A directory (e.g. the backups volume) or an S3 location.")
@click.option("--keep", type=click.IntRange(min=0), default=0, show_default=True,
              help="Then delete all but the newest KEEP backups at the destination (0 keeps every one).")
@_endpoint_option
@_tmp_option
@click.option("--quiet", is_flag=True, help="No progress bars.")
def backup(dest: str, keep: int, endpoint_url: str | None, tmp_dir: Path | None, quiet: bool) -> None:
    """Archive TICKETS_DIR, TRANSCRIPTS_DIR and UPLOADS_DIR into one tar.gz with a sha256 manifest."""
    settings = _settings()
    dirs = backed_up_dirs(settings)
    now = time.time()
    try:
        with contextlib.ExitStack() as stack:
            dirs[DATABASE_DIR] = stack.enter_context(database_dump(settings))
            where, manifest, pruned = _backup(dirs, dest, keep, now=now, endpoint_url=endpoint_url,
                                              tmp_dir=tmp_dir, quiet=quiet)
    except Exception as exc:  # any failure (disk, S3, the database): one line, exit 1
        click.echo(f"stichat backup: failed: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}", err=True)
        raise SystemExit(1) from None
    click.echo(f"backup written: {where}")
    click.echo(f"{manifest['file_count']} files, {manifest['total_bytes']} bytes "
               f"(from {', '.join(str(d) for n, d in dirs.items() if n != DATABASE_DIR)} and the database)")
    for gone in pruned:
        click.echo(f"pruned old backup: {gone}")


def _backup(dirs: dict[str, Path], dest: str, keep: int, *, now: float, endpoint_url: str | None,
            tmp_dir: Path | None, quiet: bool) -> tuple[str, dict[str, Any], list[str]]:
    try:
        if is_s3(dest):
            location = S3Location.parse(dest)
            where, manifest = backup_to_s3(dirs, location, now=now, endpoint_url=endpoint_url, tmp_dir=tmp_dir,
                                           progress=not quiet)
            pruned = [f"s3://{location.bucket}/{k}" for k in prune_s3(s3_client(endpoint_url), location, keep)]
        else:
            path, manifest = backup_to_dir(dirs, Path(dest), now=now, progress=not quiet)
            where = str(path)
            pruned = [str(p) for p in prune_dir(Path(dest), keep)]
    except (BackupError, OSError, tarfile.TarError) as exc:
        raise BackupError(str(exc)) from exc
    return where, manifest, pruned


@click.command("restore")
@click.option("--from", "source", required=True, metavar="FILE|DIR|s3://BUCKET/KEY",
              help="A backup file, a directory of backups or an S3 key or prefix (the newest backup is used).")
@click.option("--force", is_flag=True, help="Replace dirs that already hold files.")
@click.option("--verify-only", is_flag=True, help="Check every checksum and stop; change nothing.")
@_endpoint_option
@_tmp_option
@click.option("--quiet", is_flag=True, help="No progress bars.")
def restore(source: str, force: bool, verify_only: bool, endpoint_url: str | None, tmp_dir: Path | None,
            quiet: bool) -> None:
    """Check a backup's every checksum, then put its dirs back in place, one atomic rename each."""
    settings = _settings()
    dirs = backed_up_dirs(settings)
    staged_rows = settings.data_dir / ".restore-database"
    shutil.rmtree(staged_rows, ignore_errors=True)
    dirs[DATABASE_DIR] = staged_rows
    rows: dict[str, int] | None = None
    with contextlib.ExitStack() as stack:
        try:
            archive, shown = fetch(source, endpoint_url=endpoint_url, tmp_dir=tmp_dir, progress=not quiet,
                                   stack=stack)
            if verify_only:
                manifest = verify(archive, tuple(dirs), progress=not quiet)
                click.echo(f"backup verified: {shown}: {manifest['file_count']} files, every checksum matches")
                return
            manifest = restore_archive(archive, dirs, force=force, progress=not quiet)
            rows = restore_database(settings, staged_rows)
        except (BackupError, OSError) as exc:
            click.echo(f"stichat restore: {exc}", err=True)
            raise SystemExit(1) from None
        finally:
            shutil.rmtree(staged_rows, ignore_errors=True)
    click.echo(f"restored {manifest['file_count']} files ({manifest['total_bytes']} bytes) from {shown}")
    if rows is not None:
        click.echo("database rows restored: " + ", ".join(f"{name} {count}" for name, count in rows.items()))
    click.echo(f"backup made at {manifest.get('created_at', '?')} by stichat {manifest.get('stichat_version', '?')}")

