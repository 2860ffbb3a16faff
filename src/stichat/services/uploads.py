"""Customer photos: validate in the request, keep the original aside, queue the job, answer at once."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import replace
from pathlib import Path

from stichat.domain.errors import ImageNotFound
from stichat.domain.images import FAILED, MAX_IMAGES_PER_SESSION, QUEUED, ImageRecord
from stichat.ports import Clock, ImageProcessor, ImageQueue, ImageStore, Originals
from stichat.services.chat import ChatService


class UploadService:
    def __init__(self, *, store: ImageStore, originals: Originals, chat: ChatService, processor: ImageProcessor,
                 queue: ImageQueue, clock: Clock) -> None:
        self._store, self._originals, self._chat, self._processor = store, originals, chat, processor
        self._queue, self._clock = queue, clock

    async def accept(self, *, session_id: str, data: bytes) -> ImageRecord:
        """Validate (type by magic bytes, pixel cap, integrity), store aside, enqueue; raise `ImageRejected`
        (the type, the pixels, a broken file) or `TooManyImages`."""
        await asyncio.to_thread(self._processor.inspect, data)  # a JPEG is decoded at 1/8 scale: a thread
        image_id = secrets.token_hex(12)
        # The original first: a full disk fails here with nothing written and nothing attached.
        await self._originals.put(image_id, data)
        try:
            # Attaching takes the session's lock, loads the conversation once and enforces the cap.
            conversation = await self._chat.attach_image(session_id, image_id, max_images=MAX_IMAGES_PER_SESSION)
        except BaseException:
            await self._originals.drop(image_id)  # refused: the photo is not kept
            raise
        record = ImageRecord(image_id, session_id, QUEUED, self._clock.now(), locale=conversation.locale)
        try:
            await self._store.save_record(record)
        except BaseException:
            await self._originals.drop(image_id)  # not recorded: not kept, and not counted
            await self._chat.detach_image(session_id, image_id)
            raise
        try:
            await self._queue.enqueue(record.image_id)
        except Exception:
            # The queue is down (Redis): the customer is told to retry, the photo is not left waiting and does
            # not count against the session's ten.
            await self._store.save_record(replace(record, status=FAILED, error="queue_unavailable"))
            await self._originals.drop(record.image_id)
            await self._chat.detach_image(session_id, image_id)
            raise
        return record

    async def record(self, image_id: str, *, session_id: str | None, operator: bool = False) -> ImageRecord:
        record = await self._store.load(image_id)
        if record is None or (not operator and record.session_id != session_id):
            raise ImageNotFound()  # another session's image does not exist for you
        return record

    async def file(self, image_id: str, *, session_id: str | None, operator: bool = False,
                   thumbnail: bool = False) -> Path:
        record = await self.record(image_id, session_id=session_id, operator=operator)
        path = self._store.file(record.image_id, thumbnail=thumbnail)
        if path is None:
            raise ImageNotFound()  # not processed yet, or failed: there is nothing to show
        return path

    async def requeue_unfinished(self) -> int:
        """Queue again what a stopped embedded service left queued (the originals wait on disk); an
        original whose image finished before a crash let it go is let go now."""
        queued = 0
        for image_id in await self._originals.waiting():
            record = await self._store.load(image_id)
            if record is not None and record.finished:
                await self._originals.drop(image_id)
            elif record is not None:
                await self._queue.enqueue(image_id)
                queued += 1
        return queued
