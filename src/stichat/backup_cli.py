"""The `stichat backup` and `stichat restore` commands (checklist item 6): options, progress and exit codes.

What they do lives in `stichat.backup` (writing an archive) and `stichat.restore` (checking and
restoring one).
"""

from __future__ import annotations

import contextlib
import shutil
import tarfile
import time
from pathlib import Path
from typing import Any

import click

from stichat.backup import (
    DATABASE_DIR,
    BackupError,
    S3Location,
    backed_up_dirs,
    backup_to_dir,
    backup_to_s3,
    database_dump,
    is_s3,
    prune_dir,
    prune_s3,
    restore_database,
    s3_client,
)
from stichat.config import Settings
from stichat.restore import fetch, restore_archive, verify


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

