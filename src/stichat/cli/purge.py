"""`stichat purge`: apply the retention settings once, and say what was removed."""

from __future__ import annotations

import asyncio
import logging
import sys

import click

from stichat import bootstrap
from stichat.cli.settings import load_settings
from stichat.domain.errors import KnowledgeError
from stichat.domain.retention import KINDS, Aged, PurgeReport, human_bytes
from stichat.services.retention import RetentionService

#: Past this many items the sweep shows a progress bar (on a terminal; stderr, so stdout stays the report).
PROGRESS_FROM = 200


async def _run(service: RetentionService, *, dry_run: bool) -> PurgeReport:
    items = await service.plan()
    if len(items) < PROGRESS_FROM:
        return await service.apply(items, dry_run=dry_run)
    label = "counting" if dry_run else "removing"
    with click.progressbar(length=len(items), label=label, file=sys.stderr) as bar:
        def advance(_: Aged) -> None:
            bar.update(1)
        return await service.apply(items, dry_run=dry_run, progress=advance)


@click.command()
@click.option("--dry-run", is_flag=True, help="Only report what would be removed; remove nothing.")
def purge(dry_run: bool) -> None:
    """Remove what is past its retention: uploads (UPLOAD_RETENTION_DAYS), transcripts
    (TRANSCRIPT_RETENTION_DAYS), expired sessions (SQLite; Redis expires its own) and rotated log
    files (LOG_RETENTION_DAYS). Tickets are kept. Prints counts and bytes per kind.
    """
    logging.getLogger("stichat").addHandler(logging.NullHandler())  # this command speaks on stdout only
    settings = load_settings()
    try:
        services = bootstrap.build(settings)
    except (KnowledgeError, OSError) as exc:
        click.echo(f"stichat: cannot purge: {exc}", err=True)
        raise SystemExit(2) from None
    try:
        report = asyncio.run(_run(services.retention, dry_run=dry_run))
    finally:
        services.close()
    for line in report.lines():
        click.echo(line)
    for kind in sorted(set(report.counts) - set(KINDS)):  # what crashes left half-done, an hour on
        verb = "would remove" if dry_run else "removed"
        click.echo(f"{kind}: {verb} {report.counts[kind]} ({human_bytes(report.sizes.get(kind, 0))})")
    total = human_bytes(sum(report.sizes.values()))
    click.echo(f"total: {'would remove' if dry_run else 'removed'} {report.total} ({total})"
               + (" — dry run, nothing removed" if dry_run else ""))
