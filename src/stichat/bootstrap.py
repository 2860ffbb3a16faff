"""The one composition root: builds adapters from Settings and hands them to the services."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import socket
import tempfile
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Engine

from stichat.adapters.aged_files import RotatedLogs
from stichat.adapters.database import database_url, migrate, open_engine
from stichat.adapters.db_activity import DbActivity
from stichat.adapters.db_desk import DbTicketDesk
from stichat.adapters.db_operators import DbOperatorStore, IdleConsoleSessions
from stichat.adapters.db_tickets import DbTicketStore, import_files
from stichat.adapters.file_images import FileImageStore
from stichat.adapters.file_smart_switch import FILE_NAME as SMART_SWITCH_FILE
from stichat.adapters.file_smart_switch import FileSmartSwitch
from stichat.adapters.file_tickets import FileTicketStore
from stichat.adapters.file_transcripts import FileTranscriptStore
from stichat.adapters.imaging import DecodeBudget, PillowImageProcessor
from stichat.adapters.job_queue import JobPolicy, TaskiqImageQueue
from stichat.adapters.knowledge_files import load_knowledge
from stichat.adapters.limits_rate import LimitsRateLimiter
from stichat.adapters.local_locks import LocalSessionLocks
from stichat.adapters.local_rate import LocalRateLimiter
from stichat.adapters.openai_llm import OpenAILLM
from stichat.adapters.redis_client import connect
from stichat.adapters.redis_locks import RedisSessionLocks
from stichat.adapters.redis_sessions import RedisSessionStore
from stichat.adapters.redis_smart_switch import RedisSmartSwitch
from stichat.adapters.sqlite_sessions import SqliteSessionStore
from stichat.adapters.system_clock import SystemClock
from stichat.application import Services
from stichat.config import Settings
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.retention import RetentionPolicy
from stichat.log_hub import LogHub
from stichat.logs import file_name
from stichat.metrics import Metrics
from stichat.ports import (
    LLM,
    AgedStore,
    Clock,
    ImageAnalyzer,
    ImageFiles,
    ImageQueue,
    ImageStore,
    Originals,
    RateLimiter,
    SessionLocks,
    SessionStore,
    SmartSwitch,
    TicketStore,
    TranscriptStore,
)
from stichat.services.breaker import BreakerPolicy, CircuitBreaker, GuardedLLM, gauge_updater
from stichat.services.chat import ChatService
from stichat.services.desk import DeskService
from stichat.services.image_jobs import ImageJobs
from stichat.services.links import LinkSigner
from stichat.services.operators import OperatorService, SignInPolicy
from stichat.services.privacy import PrivacyService
from stichat.services.retention import RetentionService
from stichat.services.smart import SmartAnalyzer, SmartMode
from stichat.services.tickets import TicketService
from stichat.services.uploads import UploadService
from stichat.storage import StorageProbe

__all__ = ["LINK_SECRET_FILE", "Overrides", "Services", "build", "database", "migrate_database", "smart_switch",
           "worker_alive"]

LINK_SECRET_FILE = ".link-secret"  # noqa: S105 - a file name, not a secret


def link_secret(settings: Settings) -> bytes:
    """The key that signs ticket links: LINK_SECRET, else a random one kept under DATA_DIR (0600)."""
    if settings.link_secret:
        return settings.link_secret.encode()
    path = settings.data_dir / LINK_SECRET_FILE
    if not path.exists():
        # Written whole under a temporary name, then linked into place: link() fails if another
        # process got there first, and nobody can ever read the file empty or half-written.
        fd, tmp = tempfile.mkstemp(dir=settings.data_dir, prefix=".link-secret.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(32))
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)
        finally:
            os.unlink(tmp)
    return path.read_bytes().strip()


def _sessions(settings: Settings) -> SessionStore:
    """Embedded: SQLite under DATA_DIR. Scaled (REDIS_URL set): Redis, shared by every replica."""
    if settings.redis_url:
        return RedisSessionStore(connect(settings.redis_url, timeout_ms=settings.redis_timeout_ms),
                                 ttl_seconds=settings.session_ttl_hours * 3600)
    return SqliteSessionStore(settings.data_dir / "sessions.sqlite3")


#: A lock outlives the longest critical section (one LLM call, then a few writes) by this much, and a
#: waiter queues at most one LLM call plus LOCK_QUEUE_SECONDS: see docs/scaling.md.
LOCK_MARGIN_SECONDS, LOCK_QUEUE_SECONDS = 10.0, 2.0


def _locks(settings: Settings) -> SessionLocks:
    """In process when embedded; in Redis (SET NX PX, compare-and-delete) when replicas share sessions."""
    if settings.redis_url:
        return RedisSessionLocks(connect(settings.redis_url, timeout_ms=settings.redis_timeout_ms),
                                 ttl_seconds=settings.openai_timeout + LOCK_MARGIN_SECONDS,
                                 wait_seconds=settings.openai_timeout + LOCK_QUEUE_SECONDS)
    return LocalSessionLocks()


def _rate_limiter(settings: Settings) -> RateLimiter:
    """Moving windows: in this process when embedded, in Redis (shared by every replica) when scaled."""
    if not settings.redis_url:
        return LocalRateLimiter()
    return LimitsRateLimiter(settings.redis_url, redis_timeout_ms=settings.redis_timeout_ms)


def smart_switch(settings: Settings) -> SmartSwitch:
    """The runtime smart-mode switch every process reads: a Redis key when REDIS_URL is set (replicas
    share the Redis), else a file under DATA_DIR (processes share the volume). Either way about 1 s."""
    if settings.redis_url:
        return RedisSmartSwitch(connect(settings.redis_url, timeout_ms=settings.redis_timeout_ms))
    return FileSmartSwitch(settings.data_dir / SMART_SWITCH_FILE)


class KeptTranscripts(TranscriptStore, AgedStore, Protocol):
    """What `build` needs of the transcripts: the chat's store, swept by retention too."""


class KeptImages(ImageStore, ImageFiles, AgedStore, Protocol):
    """What `build` needs of the images: records and files, their erasure and retention, and the
    originals waiting beside them (`FileImageStore` owns both directories)."""

    @property
    def originals(self) -> Originals: ...


@dataclass(frozen=True)
class Overrides:
    """Ports to use instead of the ones the settings choose (tests pass fakes from tests/fakes.py).

    An `llm` turns smart mode on as if SMART_MODE and an endpoint were set, behind the same breaker,
    deadline and metrics as the real adapter.
    """

    clock: Clock | None = None
    sessions: SessionStore | None = None
    locks: SessionLocks | None = None
    tickets: TicketStore | None = None
    transcripts: KeptTranscripts | None = None
    images: KeptImages | None = None
    image_queue: ImageQueue | None = None
    rate_limiter: RateLimiter | None = None
    llm: LLM | None = None
    switch: SmartSwitch | None = None


def _analyzer(settings: Settings, metrics: Metrics, kb: KnowledgeBase,
              given: Overrides) -> tuple[SmartAnalyzer | None, SmartMode]:
    """Smart mode when SMART_MODE and an endpoint are set: the OpenAI adapter behind breaker and deadline."""
    switch = given.switch or smart_switch(settings)
    if not settings.smart_mode_configured and given.llm is None:
        return None, SmartMode(switch=switch, configured=False)
    policy = BreakerPolicy(
        failure_rate=settings.openai_breaker_failure_rate, min_calls=settings.openai_breaker_min_calls,
        window_seconds=settings.openai_breaker_window_seconds, open_seconds=settings.openai_breaker_open_seconds,
        half_open_probes=settings.openai_breaker_half_open_probes,
    )
    breaker = CircuitBreaker(policy, on_change=gauge_updater(metrics))
    adapter = given.llm or OpenAILLM(model=settings.openai_model, api_key=settings.openai_api_key,
                                     base_url=settings.openai_base_url, timeout=settings.openai_timeout,
                                     vision_model=settings.openai_vision_model)
    llm = GuardedLLM(adapter, breaker=breaker, metrics=metrics, timeout=settings.openai_timeout)
    return SmartAnalyzer(llm=llm, kb=kb, switch=switch), SmartMode(switch=switch, configured=True, breaker=breaker)


@dataclass(frozen=True)
class Migration:
    before: str | None
    after: str | None
    imported: int


def database(settings: Settings) -> Engine:
    """The engine of DATABASE_URL, or of the SQLite file under DATA_DIR."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return open_engine(database_url(settings.database_url, settings.data_dir))


def migrate_database(settings: Settings, engine: Engine | None = None) -> Migration:
    """Bring the schema to the newest revision and import ticket files that have no row yet
    (a DATA_DIR from before the database, or a ticket whose row a crash kept from being written)."""
    own = engine is None
    engine = engine or database(settings)
    try:
        before, after = migrate(engine)
        imported = import_files(engine, settings.tickets_dir)
    finally:
        if own:
            engine.dispose()
    return Migration(before, after, imported)


def _tickets(settings: Settings, engine: Engine,
             given: TicketStore | None) -> tuple[TicketStore, FileTicketStore | None]:
    """The database's rows mirrored to TICKETS_DIR's files (the files' one owner, whose orphans the purge
    sweeps), unless a store is given."""
    if given is not None:
        return given, None
    files = FileTicketStore(settings.tickets_dir)
    return DbTicketStore(engine, files), files


def _retention(settings: Settings, *, sessions: SessionStore, transcripts: KeptTranscripts, images: KeptImages,
               ticket_files: FileTicketStore | None, clock: Clock, engine: Engine) -> RetentionService:
    """What `stichat purge` and the daily sweep remove, through the same stores the services write.
    Sessions in Redis expire by their own TTL."""
    stores: dict[str, AgedStore] = {
        "uploads": images, "transcripts": transcripts,
        "logs": RotatedLogs(settings.logs_dir, active=file_name(shared=bool(settings.redis_url))),
    }
    if isinstance(sessions, SqliteSessionStore):
        stores["sessions"] = sessions
    policy = RetentionPolicy(upload_days=settings.upload_retention_days,
                             transcript_days=settings.transcript_retention_days, log_days=settings.log_retention_days)
    orphans: dict[str, AgedStore] = {
        "console_sessions": IdleConsoleSessions(engine, idle_seconds=settings.console_idle_minutes * 60.0),
    }
    if ticket_files is not None:
        orphans["ticket_orphans"] = ticket_files.orphans()
    if isinstance(images, FileImageStore):
        orphans["orphan_originals"] = images.orphan_originals()
    return RetentionService(stores=stores, policy=policy, clock=clock, orphans=orphans)


def image_processor(settings: Settings) -> PillowImageProcessor:
    """One per process, shared by the request path and the jobs: its budget bounds the pixels every
    decode in the process holds together (IMAGE_DECODE_MB), IMAGE_WORKERS decodes at a time."""
    return PillowImageProcessor(DecodeBudget(total=settings.image_decode_mb * 1024 * 1024,
                                             slots=settings.image_workers))


def _image_queue(settings: Settings, *, store: KeptImages, metrics: Metrics,
                 analyzer: ImageAnalyzer | None, processor: PillowImageProcessor) -> TaskiqImageQueue:
    """Image jobs: in this process (embedded default) or on a Redis stream for `stichat worker`."""
    policy = JobPolicy(timeout=settings.image_job_timeout, attempts=settings.image_job_attempts,
                       concurrency=settings.image_workers)
    jobs = ImageJobs(store=store, originals=store.originals, processor=processor, metrics=metrics,
                     analyzer=analyzer, worker_id=f"{socket.gethostname()}:{os.getpid()}",
                     max_attempts=settings.image_job_attempts)
    if settings.redis_url:
        return TaskiqImageQueue.on_redis(settings.redis_url, jobs=jobs, metrics=metrics, policy=policy,
                                         timeout_ms=settings.redis_timeout_ms)
    return TaskiqImageQueue.embedded(jobs=jobs, metrics=metrics, policy=policy)


def _image_store(settings: Settings) -> FileImageStore:
    """UPLOADS_DIR, and DATA_DIR/incoming where validated originals wait for their job: one owner."""
    return FileImageStore(settings.uploads_dir, settings.data_dir / "incoming")


async def worker_alive(settings: Settings) -> bool:
    """`stichat worker --check`: this host's worker updated its heartbeat key recently."""
    queue = _image_queue(settings, store=_image_store(settings), metrics=Metrics.create(), analyzer=None,
                         processor=image_processor(settings))
    try:
        return await queue.alive()
    finally:
        await queue.stop()  # this check's own client; alive() leaves a running worker's open


def build(settings: Settings, *, clock: Clock | None = None, overrides: Overrides | None = None) -> Services:
    """Wire the whole application for these settings, each store built once and shared by every service
    that uses it; `overrides` replaces ports (tests). Nothing is wired at import time."""
    given = overrides or Overrides()
    clock = clock or given.clock or SystemClock()
    for directory in (settings.data_dir, *settings.storage_dirs().values()):
        directory.mkdir(parents=True, exist_ok=True)
    kb = load_knowledge(shop_facts=settings.shop_facts_file)
    metrics = Metrics.create()
    metrics.sse_clients_max.set(settings.max_sse_clients)
    engine = database(settings)
    migration = migrate_database(settings, engine)
    if migration.imported:
        logging.getLogger("stichat").info("tickets_imported", extra={"count": migration.imported})
    ticket_store, ticket_files = _tickets(settings, engine, given.tickets)
    transcripts = given.transcripts or FileTranscriptStore(settings.transcripts_dir)
    images = given.images or _image_store(settings)
    desk_store, activity = DbTicketDesk(engine), DbActivity(engine)
    sessions, locks = given.sessions or _sessions(settings), given.locks or _locks(settings)
    analyzer, smart = _analyzer(settings, metrics, kb, given)
    tickets = TicketService(
        store=ticket_store, kb=kb, clock=clock, signer=LinkSigner(link_secret(settings)),
        metrics=metrics, public_base_url=settings.public_base_url, whatsapp_number=settings.whatsapp_number,
        link_ttl_days=settings.ticket_link_ttl_days,
    )
    chat = ChatService(
        sessions=sessions, locks=locks, transcripts=transcripts, tickets=tickets, kb=kb, clock=clock,
        metrics=metrics, session_ttl_hours=settings.session_ttl_hours, analyzer=analyzer, photos=images,
        activity=activity,
    )
    processor = image_processor(settings)
    image_queue: ImageQueue
    queue: TaskiqImageQueue | None = None  # the real queue is also the `stichat worker` loop
    if given.image_queue is None:
        image_queue = queue = _image_queue(settings, store=images, metrics=metrics, processor=processor,
                                           analyzer=analyzer.analyze_image if analyzer is not None else None)
    else:
        image_queue = given.image_queue
    uploads = UploadService(store=images, originals=images.originals, chat=chat, processor=processor,
                            queue=image_queue, clock=clock)
    rate_limiter = given.rate_limiter or _rate_limiter(settings)
    # Export and erasure: the same stores and locks as the chat, so no turn writes mid-erasure.
    privacy = PrivacyService(sessions=sessions, locks=locks, transcripts=transcripts, tickets=ticket_store,
                             images=images, clock=clock)
    desk = DeskService(desk=desk_store, store=ticket_store, tickets=tickets, transcripts=transcripts,
                       privacy=privacy, activity=activity, clock=clock)
    operators = OperatorService(store=DbOperatorStore(engine), desk=desk_store, limiter=rate_limiter, clock=clock,
                                policy=SignInPolicy(per_address=settings.rate_limit_sign_in,
                                                    per_operator=settings.rate_limit_sign_in_operator,
                                                    idle_seconds=settings.console_idle_minutes * 60.0))
    retention = _retention(settings, sessions=sessions, transcripts=transcripts, images=images,
                           ticket_files=ticket_files, clock=clock, engine=engine)
    return Services(settings=settings, kb=kb, metrics=metrics, log_hub=LogHub(), sessions=sessions, chat=chat,
                    tickets=tickets, uploads=uploads, rate_limiter=rate_limiter, desk=desk, operators=operators,
                    activity=activity, engine=engine, privacy=privacy, retention=retention,
                    storage=StorageProbe({"data": settings.data_dir, **settings.storage_dirs()}),
                    closers=[sessions, transcripts, *([analyzer] if analyzer is not None else [])], smart=smart,
                    image_queue=image_queue,
                    image_worker=queue if settings.redis_url else None)
