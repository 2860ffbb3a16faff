"""`stichat worker`: the image worker process that runs image jobs from the Redis queue.

Only with REDIS_URL: without it `stichat serve` runs the jobs itself. SIGTERM (Kubernetes stopping
the pod) stops taking jobs and lets the running ones finish, up to the job timeout; `--burst` runs
until the queue is empty (deterministic tests, one-off catch-up); `--check` is the liveness probe:
exit 0 when this host's worker beat within the last 15 s, 1 otherwise.
"""

from __future__ import annotations

import asyncio
import signal
import sys

import click

from stichat import bootstrap, logs
from stichat.config import Settings
from stichat.domain.errors import ConfigError, KnowledgeError


def _settings() -> Settings:
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        click.echo(f"stichat: configuration error: {exc}", err=True)
        sys.exit(2)
    if not settings.redis_url:
        click.echo("stichat worker: REDIS_URL is not set; without it `stichat serve` runs image jobs itself",
                   err=True)
        sys.exit(2)
    return settings


async def run(settings: Settings, *, burst: bool = False) -> None:
    """Work until SIGTERM/SIGINT (or, with `burst`, an empty queue), then drain and return."""
    services = bootstrap.build(settings)
    logs.configure(settings.logs_dir, level=settings.log_level, hub=services.log_hub,
                   stdout=settings.app_env != "test", shared=bool(settings.redis_url))
    if services.image_worker is None or services.image_queue is None:  # checked by load(): REDIS_URL is set
        raise ConfigError("stichat worker needs REDIS_URL")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await services.image_worker.work(stop, burst=burst)
    finally:
        await services.image_queue.stop()
        services.close()


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
