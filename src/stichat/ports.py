"""Small Protocols the core owns; adapters implement them, fakes in tests/fakes.py too."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from stichat.domain.conversation import Conversation
from stichat.domain.desk import AuditEntry, ConsoleSession, DeskState, Note, Operator, QueueItem, QueueQuery
from stichat.domain.images import ImageRecord
from stichat.domain.knowledge import Step
from stichat.domain.nlu import Understanding
from stichat.domain.retention import Aged
from stichat.domain.tickets import Ticket
from stichat.domain.transcript import TranscriptEntry

M = TypeVar("M", bound=BaseModel)


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch (UTC)."""
        ...


class ConversationMetrics(Protocol):
    """What the chat and the tickets count (Prometheus in `stichat.metrics.Metrics`)."""

    def turn_answered(self) -> None: ...

    def stage_reached(self, stage: str) -> None: ...

    def conversation_ended(self, outcome: str) -> None: ...

    def ticket_opened(self) -> None: ...


class ImageMetrics(Protocol):
    def image_processed(self, seconds: float) -> None:
        """One image job finished, done, after `seconds` of decoding, shrinking and reading."""
        ...


class LLMMetrics(Protocol):
    """The model's calls as the guard around the LLM port sees them."""

    def llm_called(self) -> None: ...

    def llm_answered(self, seconds: float) -> None: ...

    def llm_failed(self, reason: str, seconds: float) -> None: ...

    def circuit_changed(self, state: str) -> None:
        """The breaker moved to `state` (closed, half_open, open)."""
        ...


class SessionStore(Protocol):
    """Conversations by session id, each with its CSRF token and a sliding expiry."""

    async def create(self, conversation: Conversation, *, csrf_token: str, expires_at: float) -> None: ...

    async def load(self, session_id: str, *, now: float) -> tuple[Conversation, str] | None:
        """The conversation and its CSRF token, or None when unknown or expired."""
        ...

    async def save(self, conversation: Conversation, *, expires_at: float) -> None: ...

    async def delete(self, session_id: str) -> None: ...

    async def ping(self) -> None:
        """Raise when the store cannot be used."""
        ...


class SessionLocks(Protocol):
    """One writer per session at a time, across every replica that shares the store."""

    def hold(self, session_id: str) -> AbstractAsyncContextManager[None]: ...


class TicketStore(Protocol):
    """One port, not split: every caller reads and writes (tickets, desk, privacy); only `exists` and
    `list_ids` (fresh ids, the operators' list) and `by_session` and `forget_session` (erasure) are one
    service's each, too few to be ports of their own. One adapter and one fake implement all six."""

    async def save(self, ticket: Ticket) -> None:
        """Write atomically: a reader sees the old file, the new file, or nothing; never half."""
        ...

    async def load(self, ticket_id: str) -> Ticket | None: ...

    async def exists(self, ticket_id: str) -> bool: ...

    async def list_ids(self) -> list[str]: ...

    async def by_session(self, session_id: str) -> list[Ticket]:
        """Every ticket opened from this session (for the customer's export and erasure), including
        one a crash left without its readable copy."""
        ...

    async def forget_session(self, session_id: str) -> int:
        """After erasure: remove what still names the session (a readable copy left without its JSON,
        the session's index of tickets); the number of files removed."""
        ...


class TranscriptStore(Protocol):
    async def append(self, session_id: str, entries: list[TranscriptEntry]) -> None:
        """Append already-masked entries, in order."""
        ...

    async def read(self, session_id: str) -> list[TranscriptEntry]: ...

    async def delete(self, session_id: str) -> bool:
        """Remove the whole transcript; False when there was none."""
        ...


class RateLimiter(Protocol):
    async def hit(self, limit: str, *keys: str) -> int | None:
        """Count one request; None when allowed, else the seconds to wait before retrying."""
        ...

    async def peek(self, limit: str, *keys: str) -> int | None:
        """What `hit` would answer now, without counting (failed sign-ins count only when they fail)."""
        ...


class ProcessedImage(Protocol):
    @property
    def image(self) -> bytes: ...

    @property
    def thumbnail(self) -> bytes: ...

    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...


class ImageInfo(Protocol):
    @property
    def kind(self) -> str: ...

    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...


class ImageProcessor(Protocol):
    """CPU-bound and blocking: callers run it in a thread, never on the event loop."""

    def inspect(self, data: bytes) -> ImageInfo:
        """Type by magic bytes, pixel cap from the header, integrity; raise ImageRejected
        (UnsupportedImageType, ImageTooManyPixels, InvalidImage). Cheap enough for a request."""
        ...

    def process(self, data: bytes) -> ProcessedImage:
        """Upright, metadata stripped, fitted inside 1920 px, re-encoded; raise ImageRejected."""
        ...


class ImageRecords(Protocol):
    """An image's record by id: its status, size and smart mode's reading (the chat reads the latter)."""

    async def load(self, image_id: str) -> ImageRecord | None: ...


class ImageStore(ImageRecords, Protocol):
    """Records and processed files under UPLOADS_DIR: only what the service itself made."""

    async def save(self, record: ImageRecord, image: bytes, thumbnail: bytes) -> None:
        """Write the processed files, then the record (a reader never sees done without its files)."""
        ...

    async def save_record(self, record: ImageRecord) -> None: ...

    def file(self, image_id: str, *, thumbnail: bool = False) -> Path | None:
        """The processed JPEG, None until there is one. A path, not bytes, because the one caller (the
        web edge) streams it from disk with sendfile, Range and Last-Modified."""
        ...


class Originals(Protocol):
    """Validated uploads waiting for their job, outside anything served (each still has its EXIF)."""

    async def put(self, image_id: str, data: bytes) -> None: ...

    async def read(self, image_id: str) -> bytes | None: ...

    async def drop(self, image_id: str) -> None:
        """Forget it; nothing happens when it is already gone."""
        ...

    async def waiting(self) -> list[str]:
        """The ids of every original still waiting (after a restart, their jobs are queued again)."""
        ...


#: Smart mode's reading of one photo: `await analyze_image(jpeg, locale)`; None means no analysis.
ImageAnalyzer = Callable[[bytes, str], Awaitable[dict[str, Any] | None]]


class ImageJobRunner(Protocol):
    """The image job the queue runs: `run` returns done, failed or skipped; raises to be retried."""

    async def run(self, image_id: str) -> str: ...

    async def give_up(self, image_id: str, error: str = "job_failed") -> None: ...


class ImageWorker(Protocol):
    """The `stichat worker` loop over the shared queue, and its liveness probe."""

    async def work(self, stop: asyncio.Event, *, burst: bool = False) -> None: ...

    async def alive(self) -> bool: ...


class ImageQueue(Protocol):
    """Image jobs: in this process by default, in Redis for `stichat worker` processes when REDIS_URL is set."""

    async def enqueue(self, image_id: str) -> None: ...

    async def start(self) -> None:
        """Connect; the embedded queue also starts running jobs here."""
        ...

    async def stop(self) -> None:
        """Stop taking jobs and let the running ones finish (bounded by the job timeout)."""
        ...

    async def failed(self, limit: int = 100) -> list[dict[str, Any]]:
        """The last jobs that gave up, newest first: image id, error, attempts, time."""
        ...

    async def refresh_length(self) -> None:
        """Bring the queue-length gauge up to date (the metrics scrape asks before it reads the gauges)."""
        ...


class Analyzer(Protocol):
    """Smart mode's reading of one turn. None means "no analysis": the rules' answer stands.

    Implementations own their deadline and breaker: this call must never raise and never take
    longer than OPENAI_TIMEOUT plus a small margin.
    """

    async def understand(self, text: str, conversation: Conversation, heard: Understanding) -> Understanding | None:
        ...

    async def explain(self, *, question: str, step: Step, number: int, conversation: Conversation) -> str | None:
        """A short explanation of one knowledge-base step that answers the customer's own question."""
        ...

    async def suggest_steps(self, *, conversation: Conversation) -> list[str]:
        """Up to three extra safe steps for a device/problem the knowledge base covers only generically."""
        ...


class LLM(Protocol):
    """One OpenAI-compatible chat model answering with a JSON object.

    Raise `stichat.domain.errors.LLMFailure(reason)` for every failure (timeout, connection, http_5xx,
    rate_limited, invalid_json, schema, refusal …); return only an answer that validates as `schema`.
    """

    async def complete_json(self, *, system: str, user: str, schema: type[M], image: bytes | None = None) -> M:
        """`image` (a JPEG) goes to the vision model with the user text."""
        ...


class SmartSwitch(Protocol):
    """The runtime kill switch of smart mode, shared by every process and replica of the service."""

    async def enabled(self) -> bool:
        """The switch as last set (on when never set); may be cached for about a second."""
        ...

    async def set(self, enabled: bool) -> None: ...


class AgedStore(Protocol):
    """What `stichat purge` sweeps in one store: the items older than a cutoff, removed one by one."""

    async def older_than(self, cutoff: float) -> list[Aged]:
        """Items whose `at` (last write, or expiry for sessions) is at or before `cutoff`."""
        ...

    async def remove(self, item: Aged) -> bool:
        """Remove the item unless it changed since it was listed; True when something was removed."""
        ...


class ImageFiles(Protocol):
    """Every file kept for one image, wherever the image pipeline put it (erasure)."""

    async def delete(self, image_id: str) -> bool:
        """Remove them all; False when there were none."""
        ...


class TicketDesk(Protocol):
    """The console's side of the tickets: queue, status with a version, notes, history, audit trail.

    Implemented on the database (SQLite under DATA_DIR, or PostgreSQL) shared by every replica.
    """

    async def queue(self, query: QueueQuery) -> list[QueueItem]:
        """Newest first, filtered; at most `query.limit` rows."""
        ...

    async def state(self, ticket_id: str) -> DeskState | None: ...

    async def change_status(self, ticket_id: str, status: str, *, expected_version: int, actor: str,
                            at: float) -> DeskState:
        """Set the status if the ticket is still at `expected_version`, recording history and audit in
        the same transaction; raise `TicketChanged` when another change got there first."""
        ...

    async def add_note(self, note: Note, *, expected_version: int | None = None) -> DeskState:
        """Append an (already masked) note and its audit entry; bumps the version."""
        ...

    async def notes(self, ticket_id: str) -> list[Note]: ...

    async def audit(self, *, ticket_id: str | None = None, limit: int = 200) -> list[AuditEntry]:
        """Newest first; one ticket's entries, or every entry."""
        ...

    async def record(self, entry: AuditEntry) -> None: ...

    async def count_since(self, since: float) -> dict[str, int]:
        """Tickets created since `since`, by status."""
        ...


class OperatorStore(Protocol):
    """Named operator accounts and their signed-in browser sessions."""

    async def add(self, operator: Operator) -> bool:
        """False when the name is taken."""
        ...

    async def get(self, name: str) -> Operator | None: ...

    async def names(self) -> list[Operator]: ...

    async def remove(self, name: str) -> bool:
        """Remove the account and every session of it; False when there was none."""
        ...

    async def set_password(self, name: str, password_hash: str) -> bool:
        """Change the hash and end the operator's sessions; False when there is no such operator."""
        ...

    async def open_session(self, session: ConsoleSession) -> None: ...

    async def session(self, token_hash: str, *, now: float, idle_seconds: float) -> ConsoleSession | None:
        """The session unless it is unknown or idle for longer than `idle_seconds`; slides `seen_at`."""
        ...

    async def close_session(self, token_hash: str) -> None: ...


class Activity(Protocol):
    """Counts per hour shared by every replica (conversations started, stages reached, outcomes)
    for the console's figures of the last 24 hours. `count` never blocks a request."""

    def count(self, name: str, at: float) -> None: ...

    async def totals(self, since: float) -> dict[str, int]: ...

    async def flush(self) -> None:
        """Write what was counted since the last flush."""
        ...
