"""Uploaded images: the record kept for each one (never the original bytes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class ImageRecord:
    image_id: str
    session_id: str
    status: str  # queued, processing, done, failed
    created_at: float
    width: int = 0
    height: int = 0
    analysis: dict[str, Any] | None = None

    def public(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": True, "imageId": self.image_id, "status": self.status,
                                "width": self.width, "height": self.height}
        if self.analysis is not None:
            body["analysis"] = self.analysis
        return body
