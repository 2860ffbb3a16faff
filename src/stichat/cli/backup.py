"""`stichat backup` (checklist item 6): its options, output and exit codes.

What it does lives in `stichat.ops.backup` (the archive's format and writing it); `stichat restore`
is its pair in `stichat.cli.restore`.
"""

from __future__ import annotations

import contextlib
import functools
import tarfile
import time
from pathlib import Path
from typing import Any

import click

from stichat import bootstrap_ops
from stichat.cli.settings import load_settings
from stichat.ops.backup import (
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
)
from stichat.ops.ports import ArchiveStoreError

endpoint_option = click.option(
    "--endpoint-url", default=None,
    help="S3-compatible endpoint (MinIO, Ceph, R2…); default: AWS_ENDPOINT_URL or AWS itself.")
tmp_option = click.option(
    "--tmp-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Where an S3 archive is staged (default: the system temp dir); needs room for one archive.")


@click.command()
@click.option("--dest", required=True, metavar="DIR|s3://BUCKET/PREFIX",
              help="A directory (e.g. the backups volume) or an S3 location.")
@click.option("--keep", type=click.IntRange(min=0), default=0, show_default=True,
              help="Then delete all but the newest KEEP backups at the destination (0 keeps every one).")
@endpoint_option
@tmp_option
@click.option("--quiet", is_flag=True, help="No progress bars.")
def backup(dest: str, keep: int, endpoint_url: str | None, tmp_dir: Path | None, quiet: bool) -> None:
    """Archive TICKETS_DIR, TRANSCRIPTS_DIR and UPLOADS_DIR into one tar.gz with a sha256 manifest."""
    settings = load_settings()
    dirs = backed_up_dirs(settings)
    now = time.time()
    try:
        with contextlib.ExitStack() as stack:
            dump = functools.partial(bootstrap_ops.dump_database, settings)
            dirs[DATABASE_DIR] = stack.enter_context(database_dump(settings.data_dir, dump))
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
            store = bootstrap_ops.archive_store(location.bucket, endpoint_url=endpoint_url)
            where, manifest = backup_to_s3(dirs, location, store, now=now, tmp_dir=tmp_dir, progress=not quiet)
            pruned = [f"s3://{location.bucket}/{k}" for k in prune_s3(store, location, keep)]
        else:
            path, manifest = backup_to_dir(dirs, Path(dest), now=now, progress=not quiet)
            where = str(path)
            pruned = [str(p) for p in prune_dir(Path(dest), keep)]
    except (BackupError, ArchiveStoreError, OSError, tarfile.TarError) as exc:
        raise BackupError(str(exc)) from exc
    return where, manifest, pruned
