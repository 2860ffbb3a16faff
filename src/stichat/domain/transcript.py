"""Transcript entries: what was said in a conversation, masked before it is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class TranscriptEntry:
    at: float
    role: str  # "customer" or "bot"
    stage: str
    text: str
    button: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at, "role": self.role, "stage": self.stage, "text": self.text, "button": self.button}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> TranscriptEntry:
        return cls(at=float(raw["at"]), role=str(raw["role"]), stage=str(raw["stage"]),
                   text=str(raw["text"]), button=raw.get("button"))

    def as_line(self) -> str:
        when = datetime.fromtimestamp(self.at, UTC).strftime("%Y-%m-%d %H:%M:%S")
        who = "Cliente" if self.role == "customer" else "Tecnos"
        button = f" [{self.button}]" if self.button else ""
        return f"[{when} UTC] {who} ({self.stage}){button}: {self.text}"
