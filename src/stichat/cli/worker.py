"""`stichat worker`: run image jobs from the Redis queue (needs REDIS_URL), or `--check` its liveness."""

from __future__ import annotations

import asyncio
import sys

import click

from stichat import bootstrap
from stichat.cli.settings import load_settings
from stichat.config import Settings
from stichat.domain.errors import KnowledgeError
from stichat.worker import run


def _settings() -> Settings:
    settings = load_settings()
    if not settings.redis_url:
        click.echo("stichat worker: REDIS_URL is not set; without it `stichat serve` runs image jobs itself",
                   err=True)
        sys.exit(2)
    return settings



@click.command()
@click.option("--check", is_flag=True, help="Liveness probe: exit 0 if this host's worker beat recently, else 1.")
@click.option("--burst", is_flag=True, help="Exit once the queue is empty (after the running jobs finish).")
def worker(check: bool, burst: bool) -> None:
    """Run image jobs from the Redis queue (needs REDIS_URL); SIGTERM drains running jobs."""
    settings = _settings()
    if check:
        alive = asyncio.run(bootstrap.worker_alive(settings))
        click.echo("worker: alive" if alive else "worker: no recent heartbeat", err=not alive)
        sys.exit(0 if alive else 1)
    try:
        asyncio.run(run(settings, burst=burst))
    except (KnowledgeError, OSError) as exc:
        click.echo(f"stichat worker: cannot start: {exc}", err=True)
        sys.exit(2)
