"""Small helpers the tests share: images made on the fly, a conversation driver."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image


def jpeg_bytes(width: int = 64, height: int = 48, color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG", quality=90)
    return out.getvalue()


class Chat:
    """Drives one conversation over any httpx-like client (TestClient or httpx.Client)."""

    def __init__(self, http: Any, locale: str = "es-AR") -> None:
        self.http = http
        first = http.post("/api/greeting", json={"locale": locale})
        assert first.status_code == 200, first.text
        self.greeting: dict[str, Any] = first.json()
        self.session_id: str = self.greeting["sessionId"]
        self.last: dict[str, Any] = self.greeting

    def say(self, message: str) -> dict[str, Any]:
        response = self.http.post("/api/chat", json={"sessionId": self.session_id, "message": message})
        assert response.status_code == 200, response.text
        self.last = response.json()
        return self.last

    def press(self, value: str) -> dict[str, Any]:
        response = self.http.post("/api/chat", json={"sessionId": self.session_id, "action": value})
        assert response.status_code == 200, response.text
        self.last = response.json()
        return self.last

    def button_values(self) -> list[str]:
        return [b["value"] for b in self.last["buttons"]]
