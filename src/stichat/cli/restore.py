"""`stichat restore` (checklist item 6): its options, output and exit codes.

What it does lives in `stichat.ops.restore` (checking an archive whole, then one rename per dir).
"""

from __future__ import annotations

import contextlib
import functools
import shutil
from pathlib import Path

import click

from stichat import bootstrap_ops
from stichat.cli.backup import endpoint_option, tmp_option
from stichat.cli.settings import load_settings
from stichat.ops.backup import DATABASE_DIR, BackupError, backed_up_dirs, restore_database
from stichat.ops.restore import fetch, restore_archive, verify


@click.command("restore")
@click.option("--from", "source", required=True, metavar="FILE|DIR|s3://BUCKET/KEY",
              help="A backup file, a directory of backups or an S3 key or prefix (the newest backup is used).")
@click.option("--force", is_flag=True, help="Replace dirs that already hold files.")
@click.option("--verify-only", is_flag=True, help="Check every checksum and stop; change nothing.")
@endpoint_option
@tmp_option
@click.option("--quiet", is_flag=True, help="No progress bars.")
def restore(source: str, force: bool, verify_only: bool, endpoint_url: str | None, tmp_dir: Path | None,
            quiet: bool) -> None:
    """Check a backup's every checksum, then put its dirs back in place, one atomic rename each."""
    settings = load_settings()
    dirs = backed_up_dirs(settings)
    staged_rows = settings.data_dir / ".restore-database"
    shutil.rmtree(staged_rows, ignore_errors=True)
    dirs[DATABASE_DIR] = staged_rows
    rows: dict[str, int] | None = None
    with contextlib.ExitStack() as stack:
        try:
            stores = functools.partial(bootstrap_ops.archive_store, endpoint_url=endpoint_url)
            archive, shown = fetch(source, stores=stores, tmp_dir=tmp_dir, progress=not quiet,
                                   stack=stack)
            if verify_only:
                manifest = verify(archive, tuple(dirs), progress=not quiet)
                click.echo(f"backup verified: {shown}: {manifest['file_count']} files, every checksum matches")
                return
            manifest = restore_archive(archive, dirs, force=force, progress=not quiet)
            rows = restore_database(staged_rows, functools.partial(bootstrap_ops.load_database, settings))
        except (BackupError, OSError) as exc:
            click.echo(f"stichat restore: {exc}", err=True)
            raise SystemExit(1) from None
        finally:
            shutil.rmtree(staged_rows, ignore_errors=True)
    click.echo(f"restored {manifest['file_count']} files ({manifest['total_bytes']} bytes) from {shown}")
    if rows is not None:
        click.echo("database rows restored: " + ", ".join(f"{name} {count}" for name, count in rows.items()))
    click.echo(f"backup made at {manifest.get('created_at', '?')} by stichat {manifest.get('stichat_version', '?')}")
