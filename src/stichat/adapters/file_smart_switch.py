"""The smart-mode switch as a small JSON file under DATA_DIR, shared by every process on the volume.

`stichat smart-mode off` on the host (or `POST /api/smart-mode` on any replica) writes it
atomically; every process re-reads it at most once a second, so a flip reaches them all within
about a second without a restart and without a file read on every chat turn.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from stichat.adapters.files import write_atomic

FILE_NAME = "smart-mode.json"
CACHE_SECONDS = 1.0  # the promise is "within seconds"; one stat+read per second per process is nothing


class FileSmartSwitch:
    def __init__(self, path: Path, *, cache_seconds: float = CACHE_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._path, self._cache, self._clock = path, cache_seconds, clock
        self._value = True
        self._read_at: float | None = None

    async def enabled(self) -> bool:
        now = self._clock()
        if self._read_at is None or now - self._read_at >= self._cache:
            self._value, self._read_at = self._read(), now
        return self._value

    async def set(self, enabled: bool) -> None:
        body = {"enabled": enabled, "changedAt": round(time.time(), 3)}
        write_atomic(self._path, json.dumps(body).encode(), mode=0o644)
        self._value, self._read_at = enabled, self._clock()

    def _read(self) -> bool:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return True  # never switched: SMART_MODE alone decides
        except (OSError, ValueError):
            return False  # a switch we cannot read fails safe: the rules answer on their own
        return isinstance(data, dict) and data.get("enabled") is True
