"""The image job: process one validated upload, record the result, ask the vision model if any.

The same code runs in `stichat serve` (embedded default) and in `stichat worker` processes (REDIS_URL):
the queue adapter only decides where. A job may run more than once (a worker killed mid-job leaves
its job to another), so it is idempotent: a finished record is never processed again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import replace

from stichat.domain.errors import ImageRejected
from stichat.domain.images import DONE, FAILED, PROCESSING, ImageRecord
from stichat.ports import ImageAnalyzer, ImageMetrics, ImageProcessor, ImageStore, Originals

log = logging.getLogger("stichat.images")

#: Results a job reports to the queue (the `result` label of stichat_worker_jobs_total).
RESULT_DONE, RESULT_FAILED, RESULT_SKIPPED = "done", "failed", "skipped"
#: Starts beyond the queue's own attempts: a photo that kills its worker every time (a crash loop,
#: not an exception) is given up after this many extra starts instead of looping for ever.
CRASH_STARTS = 2


class ImageJobs:
    def __init__(self, *, store: ImageStore, originals: Originals, processor: ImageProcessor, metrics: ImageMetrics,
                 analyzer: ImageAnalyzer | None, worker_id: str, max_attempts: int) -> None:
        self._store, self._originals, self._processor, self._metrics = store, originals, processor, metrics
        self._analyzer, self._worker_id, self._max_starts = analyzer, worker_id, max_attempts + CRASH_STARTS

    async def run(self, image_id: str) -> str:
        """Process one image; raise for a failure worth retrying (storage, timeout), else report it."""
        record = await self._store.load(image_id)
        if record is None or record.finished:
            await self._originals.drop(image_id)  # purged meanwhile, or a duplicate delivery
            return RESULT_SKIPPED
        record = replace(record, status=PROCESSING, attempts=record.attempts + 1)
        if record.attempts > self._max_starts:
            await self._fail(record, "job_failed")
            return RESULT_FAILED
        await self._store.save_record(record)
        data = await self._originals.read(image_id)
        if data is None:
            await self._fail(record, "original_missing")
            return RESULT_FAILED
        started = time.perf_counter()
        try:
            # Decoding and resizing take tens of milliseconds of CPU: never on the event loop.
            processed = await asyncio.to_thread(self._processor.process, data)
        except ImageRejected as exc:
            await self._fail(record, exc.reason)  # the same bytes will never work: no retry
            return RESULT_FAILED
        analysis = await self._analyze(processed.image, record.locale)
        done = replace(record, status=DONE, width=processed.width, height=processed.height, analysis=analysis,
                       worker=self._worker_id, error=None)
        await self._store.save(done, processed.image, processed.thumbnail)
        await self._originals.drop(image_id)
        self._metrics.image_processed(time.perf_counter() - started)
        log.info("image_processed", extra={"image_id": image_id, "attempt": done.attempts,
                                           "analysis": analysis is not None})
        return RESULT_DONE

    async def give_up(self, image_id: str, error: str = "job_failed") -> None:
        """Every attempt failed: the record says so (the widget shows it) and the original goes."""
        record = await self._store.load(image_id)
        if record is not None and not record.finished:
            await self._fail(record, error)
        else:
            await self._originals.drop(image_id)

    async def _analyze(self, jpeg: bytes, locale: str) -> dict[str, object] | None:
        """Smart mode's reading; any failure is just "no analysis": the photo is kept either way."""
        if self._analyzer is None:
            return None
        try:
            return await self._analyzer(jpeg, locale)
        except Exception:  # the analyzer owns its deadline and breaker; a slip must not lose the photo
            log.warning("image_analysis_failed", exc_info=True)
            return None

    async def _fail(self, record: ImageRecord, error: str) -> None:
        await self._store.save_record(replace(record, status=FAILED, error=error, worker=self._worker_id))
        await self._originals.drop(record.image_id)
        log.warning("image_failed", extra={"image_id": record.image_id, "error": error,
                                           "attempt": record.attempts})
