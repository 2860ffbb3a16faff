"""The image worker process (`stichat worker`, in `stichat.cli.worker`): image jobs from the Redis queue.

Only with REDIS_URL: without it `stichat serve` runs the jobs itself. SIGTERM (Kubernetes stopping
the pod) stops taking jobs and lets the running ones finish, up to the job timeout; `--burst` runs
until the queue is empty (deterministic tests, one-off catch-up); `--check` is the liveness probe:
exit 0 when this host's worker beat within the last 15 s, 1 otherwise.
"""

from __future__ import annotations

import asyncio
import signal

from stichat import bootstrap, logs
from stichat.config import Settings
from stichat.domain.errors import ConfigError


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
