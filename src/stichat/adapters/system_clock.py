"""The wall clock, the `Clock` port's real implementation (tests pass their own)."""

from __future__ import annotations

import time


class SystemClock:
    def now(self) -> float:
        return time.time()
