"""Customer photos: validate, process off the event loop, store under server-made names."""

from __future__ import annotations

import asyncio
import secrets
import time
from pathlib import Path

from stichat.domain.errors import NotFound, RateLimited
from stichat.domain.images import ImageRecord
from stichat.metrics import Metrics
from stichat.ports import ImageProcessor, ImageStore
from stichat.services.chat import ChatService

MAX_IMAGES_PER_SESSION = 10


class UploadService:
    def __init__(self, *, store: ImageStore, chat: ChatService, processor: ImageProcessor, metrics: Metrics) -> None:
        self._store, self._chat, self._processor, self._metrics = store, chat, processor, metrics

    async def accept(self, *, session_id: str, data: bytes) -> ImageRecord:
        conversation, _ = await self._chat.load(session_id)
        if len(conversation.images) >= MAX_IMAGES_PER_SESSION:
            raise RateLimited("too_many_images", detail=f"at most {MAX_IMAGES_PER_SESSION} images", retry_after=3600)
        started = time.perf_counter()
        # Decoding and resizing take tens of milliseconds of CPU: never on the event loop.
        processed = await asyncio.to_thread(self._processor.process, data)
        record = ImageRecord(secrets.token_hex(12), session_id, "done", time.time(),
                             processed.width, processed.height)
        await self._store.save(record, processed.image, processed.thumbnail)
        self._metrics.upload_analysis.observe(time.perf_counter() - started)
        self._metrics.worker_jobs.labels(result="done").inc()
        await self._chat.attach_image(session_id, record.image_id)
        return record

    async def record(self, image_id: str, *, session_id: str | None, operator: bool = False) -> ImageRecord:
        record = await self._store.load(image_id)
        if record is None or (not operator and record.session_id != session_id):
            raise NotFound("image_not_found")  # another session's image does not exist for you
        return record

    async def file(self, image_id: str, *, session_id: str | None, operator: bool = False,
                   thumbnail: bool = False) -> Path:
        record = await self.record(image_id, session_id=session_id, operator=operator)
        path = self._store.file(record.image_id, thumbnail=thumbnail)
        if path is None:
            raise NotFound("image_not_found")
        return path
