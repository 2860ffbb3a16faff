"""Retention: how long each kind of stored data lives, and the report of what a purge removed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DAY = 86400.0
#: The kinds `stichat purge` sweeps, in the order it reports them. Tickets are not swept: they are
#: the shop's records (erasure anonymises them instead).
KINDS = ("uploads", "transcripts", "sessions", "logs")


@dataclass(frozen=True)
class Aged:
    """One stored thing past its lifetime: an upload (all its files), a transcript, a session, a log file.

    `at` is what made it old (last write, or the session's expiry); a store removes the item only if
    that has not moved since, so a transcript written to after the plan was made is kept.
    """

    kind: str
    key: str
    size: int
    at: float


@dataclass(frozen=True)
class RetentionPolicy:
    upload_days: int
    transcript_days: int
    log_days: int

    def cutoffs(self, now: float) -> dict[str, float]:
        """Per kind, the moment before which an item is old. Sessions carry their own expiry."""
        return {
            "uploads": now - self.upload_days * DAY,
            "transcripts": now - self.transcript_days * DAY,
            "sessions": now,
            "logs": now - self.log_days * DAY,
        }


@dataclass
class PurgeReport:
    """Counts and bytes per kind; a dry run reports what a real run would remove."""

    dry_run: bool
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    sizes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def add(self, item: Aged) -> None:
        self.counts[item.kind] = self.counts.get(item.kind, 0) + 1
        self.sizes[item.kind] = self.sizes.get(item.kind, 0) + item.size

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        verb = "would remove" if self.dry_run else "removed"
        return [f"{kind}: {verb} {self.counts.get(kind, 0)} ({human_bytes(self.sizes.get(kind, 0))})"
                for kind in KINDS]

    def to_json(self) -> dict[str, Any]:
        return {"dryRun": self.dry_run, "counts": dict(self.counts), "bytes": dict(self.sizes)}


def human_bytes(size: int) -> str:
    """`1536` → `1.5 KiB`; exact bytes below 1 KiB."""
    if size < 1024:
        return f"{size} B"
    value = float(size)
    for unit in ("KiB", "MiB", "GiB"):
        value /= 1024
        if value < 1024 or unit == "GiB":
            break
    return f"{value:.1f} {unit}"
