"""Uploaded images: the record kept for each one (never the original bytes) and its life cycle."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: queued → processing → done, or → failed (the image could not be used, or every attempt failed).
QUEUED, PROCESSING, DONE, FAILED = "queued", "processing", "done", "failed"
FINISHED = frozenset({DONE, FAILED})

#: At most this many photos per conversation: enough to show a problem, too few to use us as storage.
MAX_IMAGES_PER_SESSION = 10


@dataclass
class ImageRecord:
    image_id: str
    session_id: str
    status: str
    created_at: float
    width: int = 0
    height: int = 0
    analysis: dict[str, Any] | None = None
    locale: str = "es-AR"
    #: Times a job started on this image (a worker killed mid-job leaves one more than it finished).
    attempts: int = 0
    #: The short error code when status is failed (invalid_image, job_failed …).
    error: str | None = None
    #: Which worker process finished it (`host:pid`); for operators and tests, never shown to customers.
    worker: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED
