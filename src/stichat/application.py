"""The wired application `bootstrap.build` returns: every service, and the process's health and storage figures."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from dataclasses import dataclass, field

from sqlalchemy import Engine

from stichat.config import Settings
from stichat.domain.knowledge import KnowledgeBase
from stichat.log_hub import LogHub
from stichat.metrics import Metrics
from stichat.ports import Activity, ImageQueue, ImageWorker, RateLimiter, SessionStore
from stichat.services.chat import ChatService
from stichat.services.desk import DeskService
from stichat.services.operators import OperatorService
from stichat.services.privacy import PrivacyService
from stichat.services.retention import RetentionService
from stichat.services.smart import SmartMode
from stichat.services.tickets import TicketService
from stichat.services.uploads import UploadService
from stichat.storage import OK, StorageProbe, dir_size

#: How often /metrics recounts the bytes under each storage dir (a walk of every file).
STORAGE_WALK_SECONDS = 60.0
HEALTH_TIMEOUT_SECONDS = 2.0


@dataclass
class Services:
    settings: Settings
    kb: KnowledgeBase
    metrics: Metrics
    log_hub: LogHub
    sessions: SessionStore
    chat: ChatService
    tickets: TicketService
    uploads: UploadService
    rate_limiter: RateLimiter
    privacy: PrivacyService
    retention: RetentionService
    storage: StorageProbe
    desk: DeskService
    operators: OperatorService
    activity: Activity
    engine: Engine
    started_at: float = field(default_factory=time.time)
    closers: list[object] = field(default_factory=list)
    smart: SmartMode | None = None
    image_queue: ImageQueue | None = None
    #: The `stichat worker` loop; None in the embedded default, where `stichat serve` runs the jobs.
    image_worker: ImageWorker | None = None
    _sizes_at: float | None = None

    async def health(self) -> dict[str, str]:
        """Each dependency: "ok" or a short reason. Storage dirs must take a real write (full disk, quota,
        read-only volume all fail it), probed at most every 1.5 s."""
        checks = await asyncio.to_thread(self.storage_checks)
        try:
            # The store's own timeouts answer first (REDIS_TIMEOUT_MS); this bound is the backstop
            # that keeps a probe from ever hanging.
            await asyncio.wait_for(self.sessions.ping(), timeout=HEALTH_TIMEOUT_SECONDS)
            checks["sessions"] = "ok"
        except Exception as exc:  # any failure of the store is a failed check, reported not raised
            checks["sessions"] = f"error: {type(exc).__name__}"
        if self.settings.redis_url:
            checks["redis"] = checks["sessions"]  # sessions live in Redis: one PING answers both
        return checks

    def storage_checks(self) -> dict[str, str]:
        checks = self.storage.check()
        for name, state in checks.items():
            self.metrics.storage_writable.labels(dir=name).set(1 if state == OK else 0)
        return checks

    async def update_metrics(self) -> None:
        """What a scrape reads that no request keeps up to date: storage figures and the image queue."""
        await asyncio.to_thread(self.update_storage_metrics)
        if self.image_queue is not None:
            await self.image_queue.refresh_length()

    def update_storage_metrics(self) -> None:
        """Free space and inodes on every scrape (cheap, and the disk alerts need them fresh); the bytes
        used per directory at most once a minute, because counting them walks every file."""
        m = self.metrics
        self.storage_checks()
        now = time.monotonic()
        if self._sizes_at is None or now - self._sizes_at >= STORAGE_WALK_SECONDS:
            self._sizes_at = now
            for name, directory in self.settings.storage_dirs().items():
                m.storage_used.labels(dir=name).set(dir_size(directory))
        usage = shutil.disk_usage(self.settings.data_dir)
        m.storage_free.set(usage.free)
        m.storage_total.set(usage.total)
        stats = os.statvfs(self.settings.data_dir)
        m.storage_free_inodes_ratio.set(stats.f_favail / stats.f_files if stats.f_files else 1.0)

    def close(self) -> None:
        self.engine.dispose()
        for closer in self.closers:
            close = getattr(closer, "close", None)
            if callable(close):
                close()

    async def aclose(self) -> None:
        """At shutdown, inside the event loop: async clients (the LLM's HTTP pool) first, then the rest."""
        for closer in self.closers:
            aclose = getattr(closer, "aclose", None)
            if callable(aclose):
                await aclose()
        self.close()
