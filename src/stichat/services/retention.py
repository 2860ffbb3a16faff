"""Retention: remove uploads, transcripts, expired sessions and rotated logs past their lifetime.

`stichat purge` runs it once; the service runs it daily in its lifespan, the first run a minute after
start so that start-up and the first readiness probes are not slowed by a long sweep. Replicas sharing
the volume may sweep at the same time: a removal that finds the file gone is simply not counted.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping

from stichat.domain.retention import KINDS, Aged, PurgeReport, RetentionPolicy
from stichat.ports import AgedStore, Clock

log = logging.getLogger("stichat.retention")

#: What a crash left half-done (a ticket half, an original whose job finished) is swept once it is this
#: old: past any write still in progress, long before the kind's own retention.
ORPHAN_AGE_SECONDS = 3600.0
#: Read when the loop starts (tests shorten them).
FIRST_RUN_DELAY_SECONDS = 60.0
INTERVAL_SECONDS = 24 * 3600.0


class RetentionService:
    def __init__(self, *, stores: Mapping[str, AgedStore], policy: RetentionPolicy, clock: Clock,
                 orphans: Mapping[str, AgedStore] | None = None) -> None:
        self._stores, self._policy, self._clock = dict(stores), policy, clock
        self._orphans = dict(orphans or {})

    async def plan(self) -> list[Aged]:
        """Everything past its lifetime now, kind by kind (a kind without a store is skipped:
        sessions in Redis expire by themselves)."""
        now = self._clock.now()
        cutoffs = self._policy.cutoffs(now)
        items: list[Aged] = []
        for kind in KINDS:
            store = self._stores.get(kind)
            if store is not None:
                items += await store.older_than(cutoffs[kind])
        for store in self._orphans.values():
            items += await store.older_than(now - ORPHAN_AGE_SECONDS)
        return items

    async def apply(self, items: list[Aged], *, dry_run: bool = False,
                    progress: Callable[[Aged], None] | None = None) -> PurgeReport:
        """Remove the planned items (a dry run only counts them); `progress` is told of each one."""
        report = PurgeReport(dry_run=dry_run)
        for item in items:
            store = self._stores.get(item.kind) or self._orphans[item.kind]
            if dry_run or await store.remove(item):
                report.add(item)
            if progress is not None:
                progress(item)
        return report

    async def purge(self, *, dry_run: bool = False) -> PurgeReport:
        report = await self.apply(await self.plan(), dry_run=dry_run)
        log.info("purge_done", extra={"dry_run": dry_run, "removed": report.counts, "bytes": report.sizes})
        return report


async def run_daily(service: RetentionService) -> None:
    """The embedded service's retention loop; a failed run is logged and retried the next day."""
    await asyncio.sleep(FIRST_RUN_DELAY_SECONDS)
    while True:
        try:
            await service.purge()
        except Exception:  # retention must never take the service down
            log.exception("purge_failed")
        await asyncio.sleep(INTERVAL_SECONDS)
