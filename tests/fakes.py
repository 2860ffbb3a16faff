"""In-memory fakes of the ports in stichat/ports.py, and the services wired on them.

Each fake keeps its state in plain attributes a test can read (`sessions.saved`, `queue.jobs` …) and
behaves like the real adapter where a service depends on it: an expired session is not found, a
ticket is found by its session, an image's files go with it. Nothing here touches a disk, a socket
or the wall clock, so the service tests run in milliseconds.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from stichat.domain.conversation import Conversation
from stichat.domain.errors import UnsupportedImageType
from stichat.domain.images import ImageRecord
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.retention import Aged
from stichat.domain.tickets import Ticket
from stichat.domain.transcript import TranscriptEntry
from stichat.services.chat import ChatService
from stichat.services.image_jobs import ImageJobs
from stichat.services.links import LinkSigner
from stichat.services.privacy import PrivacyService
from stichat.services.tickets import TicketService
from stichat.services.uploads import UploadService

#: 2025-03-14 12:00 UTC, a Friday inside the shop's hours.
T0 = 1741953600.0


class FakeClock:
    def __init__(self, now: float = T0) -> None:
        self.at = now

    def now(self) -> float:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += seconds


class FakeSessionStore:
    def __init__(self) -> None:
        self.rows: dict[str, tuple[Conversation, str, float]] = {}
        self.saves = 0

    async def create(self, conversation: Conversation, *, csrf_token: str, expires_at: float) -> None:
        self.rows[conversation.session_id] = (conversation, csrf_token, expires_at)

    async def load(self, session_id: str, *, now: float) -> tuple[Conversation, str] | None:
        row = self.rows.get(session_id)
        if row is None or row[2] <= now:
            return None
        return row[0], row[1]

    async def save(self, conversation: Conversation, *, expires_at: float) -> None:
        _, csrf, _ = self.rows[conversation.session_id]
        self.rows[conversation.session_id] = (conversation, csrf, expires_at)
        self.saves += 1

    async def delete(self, session_id: str) -> None:
        self.rows.pop(session_id, None)

    async def ping(self) -> None:
        return None

    def conversation(self, session_id: str) -> Conversation:
        return self.rows[session_id][0]


class FakeSessionLocks:
    """One asyncio lock per session; `held` lists the sessions locked so far, in order."""

    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self.held: list[str] = []

    @asynccontextmanager
    async def hold(self, session_id: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(session_id, asyncio.Lock())
        async with lock:
            self.held.append(session_id)
            yield


class FakeTicketStore:
    def __init__(self) -> None:
        self.tickets: dict[str, Ticket] = {}
        self.writes = 0
        self.forgotten: list[str] = []

    async def save(self, ticket: Ticket) -> None:
        self.tickets[ticket.id] = ticket
        self.writes += 1

    async def load(self, ticket_id: str) -> Ticket | None:
        return self.tickets.get(ticket_id)

    async def exists(self, ticket_id: str) -> bool:
        return ticket_id in self.tickets

    async def list_ids(self) -> list[str]:
        return sorted(self.tickets)

    async def by_session(self, session_id: str) -> list[Ticket]:
        return [t for t in self.tickets.values() if t.session_id == session_id]

    async def forget_session(self, session_id: str) -> int:
        self.forgotten.append(session_id)
        return 0


class FakeTranscriptStore:
    def __init__(self) -> None:
        self.entries: dict[str, list[TranscriptEntry]] = {}

    async def append(self, session_id: str, entries: list[TranscriptEntry]) -> None:
        self.entries.setdefault(session_id, []).extend(entries)

    async def read(self, session_id: str) -> list[TranscriptEntry]:
        return list(self.entries.get(session_id, []))

    async def delete(self, session_id: str) -> bool:
        return self.entries.pop(session_id, None) is not None

    async def older_than(self, cutoff: float) -> list[Aged]:
        return [Aged("transcripts", key, len(entries), entries[-1].at)
                for key, entries in self.entries.items() if entries and entries[-1].at <= cutoff]

    async def remove(self, item: Aged) -> bool:
        return await self.delete(item.key)


class FakeOriginals:
    """Uploads waiting for their job, by image id."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}

    async def put(self, image_id: str, data: bytes) -> None:
        self.data[image_id] = data

    async def read(self, image_id: str) -> bytes | None:
        return self.data.get(image_id)

    async def drop(self, image_id: str) -> None:
        self.data.pop(image_id, None)

    async def waiting(self) -> list[str]:
        return sorted(self.data)


class FakeImageStore:
    """Records and processed files, each in a dict, and the originals beside them; `delete` removes all."""

    def __init__(self) -> None:
        self.records: dict[str, ImageRecord] = {}
        self.files: dict[str, tuple[bytes, bytes]] = {}
        self.originals = FakeOriginals()

    async def save(self, record: ImageRecord, image: bytes, thumbnail: bytes) -> None:
        self.files[record.image_id] = (image, thumbnail)
        self.records[record.image_id] = record

    async def save_record(self, record: ImageRecord) -> None:
        self.records[record.image_id] = record

    async def load(self, image_id: str) -> ImageRecord | None:
        return self.records.get(image_id)

    def file(self, image_id: str, *, thumbnail: bool = False) -> Path | None:
        name = f"{image_id}.thumb.jpg" if thumbnail else f"{image_id}.jpg"
        return Path("/fake-uploads") / name if image_id in self.files else None

    async def delete(self, image_id: str) -> bool:
        found = [store.pop(image_id, None) for store in (self.records, self.files, self.originals.data)]
        return any(item is not None for item in found)

    async def older_than(self, cutoff: float) -> list[Aged]:
        return [Aged("uploads", r.image_id, 0, r.created_at) for r in self.records.values() if r.created_at <= cutoff]

    async def remove(self, item: Aged) -> bool:
        return await self.delete(item.key)


class FakeMetrics:
    """Every metrics port; `counts` holds what was counted, e.g. `counts["stage:TICKET"]`."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def turn_answered(self) -> None:
        self.counts["turns"] += 1

    def stage_reached(self, stage: str) -> None:
        self.counts[f"stage:{stage}"] += 1

    def conversation_ended(self, outcome: str) -> None:
        self.counts[f"outcome:{outcome}"] += 1

    def ticket_opened(self) -> None:
        self.counts["tickets"] += 1

    def image_processed(self, seconds: float) -> None:
        self.counts["images"] += 1

    def llm_called(self) -> None:
        self.counts["llm_calls"] += 1

    def llm_answered(self, seconds: float) -> None:
        self.counts["llm_answers"] += 1

    def llm_failed(self, reason: str, seconds: float) -> None:
        self.counts[f"llm_failed:{reason}"] += 1

    def circuit_changed(self, state: str) -> None:
        self.counts[f"circuit:{state}"] += 1


#: The first bytes of a JPEG: the fake processor takes these as an image and refuses anything else.
JPEG_MAGIC = b"\xff\xd8\xff"


@dataclass(frozen=True)
class FakeImage:
    kind: str = "jpeg"
    width: int = 640
    height: int = 480
    image: bytes = b"\xff\xd8processed"
    thumbnail: bytes = b"\xff\xd8thumb"


class FakeImageProcessor:
    def inspect(self, data: bytes) -> FakeImage:
        if not data.startswith(JPEG_MAGIC):
            raise UnsupportedImageType("only JPEG, PNG and WebP images")
        return FakeImage()

    def process(self, data: bytes) -> FakeImage:
        return self.inspect(data)


class FakeImageQueue:
    """Remembers the jobs; `down = True` makes `enqueue` fail like a Redis that does not answer."""

    def __init__(self) -> None:
        self.jobs: list[str] = []
        self.down = False

    async def enqueue(self, image_id: str) -> None:
        if self.down:
            raise ConnectionError("queue down")
        self.jobs.append(image_id)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def failed(self, limit: int = 100) -> list[dict[str, object]]:
        return []

    async def refresh_length(self) -> None:
        return None


class FakeActivity:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def count(self, name: str, at: float) -> None:
        self.counts[name] += 1

    async def totals(self, since: float) -> dict[str, int]:
        return dict(self.counts)

    async def flush(self) -> None:
        return None


@dataclass
class OnFakes:
    """The chat, ticket, upload, image-job and privacy services wired on fakes, and the fakes themselves."""

    kb: KnowledgeBase
    clock: FakeClock = field(default_factory=FakeClock)
    sessions: FakeSessionStore = field(default_factory=FakeSessionStore)
    locks: FakeSessionLocks = field(default_factory=FakeSessionLocks)
    ticket_store: FakeTicketStore = field(default_factory=FakeTicketStore)
    transcripts: FakeTranscriptStore = field(default_factory=FakeTranscriptStore)
    images: FakeImageStore = field(default_factory=FakeImageStore)
    queue: FakeImageQueue = field(default_factory=FakeImageQueue)
    activity: FakeActivity = field(default_factory=FakeActivity)
    metrics: FakeMetrics = field(default_factory=FakeMetrics)

    def __post_init__(self) -> None:
        self.tickets = TicketService(store=self.ticket_store, kb=self.kb, clock=self.clock,
                                     signer=LinkSigner(b"a test key, 16 bytes or more"), metrics=self.metrics,
                                     public_base_url="https://chat.example", whatsapp_number="5493410000000",
                                     link_ttl_days=30)
        self.chat = ChatService(sessions=self.sessions, locks=self.locks, transcripts=self.transcripts,
                                tickets=self.tickets, kb=self.kb, clock=self.clock, metrics=self.metrics,
                                session_ttl_hours=24, photos=self.images, activity=self.activity)
        processor = FakeImageProcessor()
        self.uploads = UploadService(store=self.images, originals=self.images.originals, chat=self.chat,
                                     processor=processor, queue=self.queue, clock=self.clock)
        self.jobs = ImageJobs(store=self.images, originals=self.images.originals, processor=processor,
                              metrics=self.metrics, analyzer=None, worker_id="test:1", max_attempts=3)
        self.privacy = PrivacyService(sessions=self.sessions, locks=self.locks, transcripts=self.transcripts,
                                      tickets=self.ticket_store, images=self.images, clock=self.clock)
