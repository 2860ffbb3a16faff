"""The image-job queue on taskiq: in this process by default, a Redis stream with REDIS_URL.

One task, one handler, two brokers from the same library:
- embedded (no REDIS_URL): taskiq's `InMemoryBroker` runs each job as a task of the service's own
  event loop; the CPU work inside goes to a thread, IMAGE_WORKERS jobs at a time. A restart loses
  nothing: the originals wait on disk and `UploadService.requeue_unfinished` queues them again.
- scaled (REDIS_URL): `taskiq_redis.RedisStreamBroker` puts jobs on a stream read by a consumer group;
  `stichat serve` only adds jobs, `stichat worker` processes read them. A job is acknowledged only
  after it ran, so a worker killed mid-job leaves it pending, and another worker claims it (XAUTOCLAIM)
  once it has been idle for longer than any live job can take (`claim_after`).

Around the job, the handler adds what the library leaves to us: a timeout, retries with exponential
backoff, a bounded failed-jobs list, the metrics, and (worker side) a heartbeat key for
`stichat worker --check`, burst mode, and draining running jobs on SIGTERM.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import time
from collections import deque
from collections.abc import AsyncGenerator, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError
from taskiq import AckableMessage, AsyncBroker, AsyncTaskiqDecoratedTask, InMemoryBroker
from taskiq.acks import AcknowledgeType
from taskiq.receiver import Receiver
from taskiq_redis import RedisStreamBroker

from stichat.adapters import redis_keys as keys
from stichat.domain.errors import DependencyUnavailable
from stichat.domain.images import FAILED
from stichat.metrics import Metrics
from stichat.ports import ImageJobRunner

log = logging.getLogger("stichat.worker")

TASK_NAME = "stichat.image_job"
#: The stream of jobs, its consumer group, the failed-jobs list (newest first) and one heartbeat key
#: per worker host: named in redis_keys like every other key of ours (docs/images.md lists them).
STREAM = keys.IMAGE_JOBS_STREAM
GROUP = keys.IMAGE_JOBS_GROUP
FAILED_LIST = keys.IMAGE_JOBS_FAILED
HEARTBEAT = keys.WORKER_HEARTBEAT
FAILED_KEPT = 1000
STREAM_MAXLEN = 10_000  # acknowledged entries are trimmed past this (approximately)
HEARTBEAT_SECONDS = 5.0
HEARTBEAT_TTL_SECONDS = 3 * HEARTBEAT_SECONDS  # missed three beats: the probe says dead


@dataclass(frozen=True)
class JobPolicy:
    timeout: float = 60.0
    attempts: int = 3
    concurrency: int = 2
    backoff: float = 1.0  # seconds before the 2nd attempt; doubled for each next one

    def delay(self, attempt: int) -> float:
        """Backoff after failed attempt `attempt` (1-based), capped by the timeout."""
        return float(min(self.backoff * 2 ** (attempt - 1), self.timeout))

    @property
    def claim_after(self) -> float:
        """Seconds a delivered job may stay unacknowledged before another worker takes it over.

        A live worker holds one delivery for one attempt plus, when that attempt failed, the backoff
        it sleeps before queueing the next (the last attempt sleeps none); past that, its holder is dead.
        """
        return self.timeout + self.delay(max(1, self.attempts - 1)) + 2.0


class _MemoryFailed:
    def __init__(self) -> None:
        self._items: deque[dict[str, Any]] = deque(maxlen=FAILED_KEPT)

    async def push(self, item: dict[str, Any]) -> None:
        self._items.appendleft(item)

    async def read(self, limit: int) -> list[dict[str, Any]]:
        return list(self._items)[:limit]


class _RedisFailed:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def push(self, item: dict[str, Any]) -> None:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.lpush(FAILED_LIST, json.dumps(item))
            pipe.ltrim(FAILED_LIST, 0, FAILED_KEPT - 1)
            await pipe.execute()

    async def read(self, limit: int) -> list[dict[str, Any]]:
        return [json.loads(raw) for raw in await self._redis.lrange(FAILED_LIST, 0, limit - 1)]


class _ClaimingStreamBroker(RedisStreamBroker):
    """taskiq-redis's stream broker, reading the same way, but claiming jobs left by dead workers on
    every round: the library's `listen` looks for them only after new jobs arrived, so on a quiet
    queue a killed worker's job would wait for the next upload."""

    async def listen(self) -> AsyncGenerator[AckableMessage, None]:
        async with Redis(connection_pool=self.connection_pool) as redis:
            while True:
                fetched: Any = await redis.xreadgroup(self.consumer_group_name, self.consumer_name,
                                                 {self.queue_name: ">"}, block=self.block, count=self.count)
                for stream, entries in fetched or []:
                    for entry_id, fields in entries:
                        yield AckableMessage(data=fields[b"data"], ack=self._ack_generator(entry_id, stream))
                # Entries delivered to a consumer that has not acknowledged them for `idle_timeout`:
                # its worker died (a live one finishes or gives up well within that, see claim_after).
                claimed: Any = await redis.xautoclaim(self.queue_name, self.consumer_group_name, self.consumer_name,
                                                 min_idle_time=self.idle_timeout, count=1)
                for entry_id, fields in claimed[1]:
                    if fields:  # None when the entry was trimmed away meanwhile
                        log.warning("image_job_claimed", extra={"entry": str(entry_id)})
                        yield AckableMessage(data=fields[b"data"], ack=self._ack_generator(entry_id, self.queue_name))


class TaskiqImageQueue:
    """The `ImageQueue` port (both modes) and, with Redis, the worker loop of `stichat worker`."""

    def __init__(self, broker: AsyncBroker, *, jobs: ImageJobRunner, metrics: Metrics, policy: JobPolicy,
                 redis: Redis | None = None) -> None:
        self._broker, self._jobs, self._metrics, self._policy = broker, jobs, metrics, policy
        self._redis = redis
        self._failed: _MemoryFailed | _RedisFailed = _RedisFailed(redis) if redis is not None else _MemoryFailed()
        self._embedded = isinstance(broker, InMemoryBroker)
        self._slots = asyncio.Semaphore(policy.concurrency) if self._embedded else None
        self._waiting = 0
        self._closing = False
        self._started = False

        async def image_job(image_id: str, attempt: int = 1) -> None:  # a function: taskiq renames it
            await self._handle(image_id, attempt)

        self._task: AsyncTaskiqDecoratedTask[[str, int], Coroutine[Any, Any, None]] = broker.register_task(
            image_job, task_name=TASK_NAME)

    @classmethod
    def embedded(cls, *, jobs: ImageJobRunner, metrics: Metrics, policy: JobPolicy) -> TaskiqImageQueue:
        broker = InMemoryBroker(sync_tasks_pool_size=1, max_stored_results=1)
        queue = cls(broker, jobs=jobs, metrics=metrics, policy=policy)
        metrics.upload_queue_length.set_function(lambda: queue._waiting)
        return queue

    @classmethod
    def on_redis(cls, url: str, *, jobs: ImageJobRunner, metrics: Metrics, policy: JobPolicy,
                 timeout_ms: int) -> TaskiqImageQueue:
        seconds = timeout_ms / 1000
        broker = _ClaimingStreamBroker(
            url, queue_name=STREAM, consumer_group_name=GROUP, consumer_name=worker_name(),
            consumer_id="0",  # a group made after jobs were added still sees them
            xread_block=1000, xread_count=1,  # one job at a time per free slot: fair, and a killed
            maxlen=STREAM_MAXLEN,             # worker holds only what it was running
            idle_timeout=int(policy.claim_after * 1000),
            max_connection_pool_size=policy.concurrency + 8,
            socket_connect_timeout=seconds, socket_timeout=seconds + 2.0,  # past XREADGROUP's 1 s block
        )
        redis = Redis.from_url(url, decode_responses=True, socket_timeout=seconds, socket_connect_timeout=seconds)
        return cls(broker, jobs=jobs, metrics=metrics, policy=policy, redis=redis)

    # -- the ImageQueue port -------------------------------------------------------------------

    async def start(self) -> None:
        if not self._started:
            with _unavailable():
                await self._broker.startup()
            self._started = True

    async def enqueue(self, image_id: str) -> None:
        await self.start()
        if self._embedded:
            self._waiting += 1
        with _unavailable():
            await self._task.kiq(image_id, 1)
        await self.refresh_length()

    async def stop(self) -> None:
        """Embedded: stop starting jobs (they stay queued on disk), let running ones finish."""
        self._closing = True
        if self._started and isinstance(self._broker, InMemoryBroker):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._broker.wait_all(), timeout=self._policy.timeout)
        if self._started:
            with contextlib.suppress(RedisError, OSError):
                await self._broker.shutdown()
        if self._redis is not None:
            await self._redis.aclose()
        self._started = False

    async def failed(self, limit: int = 100) -> list[dict[str, Any]]:
        with _unavailable():
            return await self._failed.read(limit)

    async def length(self) -> int | None:
        """Jobs waiting for a worker (not counting those running); None when Redis does not answer."""
        if self._redis is None:
            return self._waiting
        with contextlib.suppress(RedisError, OSError):
            for group in await self._redis.xinfo_groups(STREAM):
                if group.get("name") == GROUP:
                    return int(group.get("lag") or 0)
            return 0
        return None

    async def refresh_length(self) -> None:
        """Set `stichat_upload_queue_length` from the stream. With Redis the workers take the jobs, out
        of this process's sight, so the gauge is read again at every scrape (and after an enqueue or a
        job); when Redis does not answer it keeps the last value read. The embedded gauge reads the
        queue itself."""
        if self._redis is not None and (waiting := await self.length()) is not None:
            self._metrics.upload_queue_length.set(waiting)

    # -- the job --------------------------------------------------------------------------------

    async def _handle(self, image_id: str, attempt: int = 1) -> None:
        """Run one attempt; never raise (the message is acknowledged after this returns)."""
        try:
            result = await self._attempt(image_id)
        except Exception as exc:  # storage, Redis, a timeout: worth another attempt
            if attempt < self._policy.attempts and not self._closing:
                self._metrics.worker_jobs.labels(result="retried").inc()
                log.warning("image_job_retry", extra={"image_id": image_id, "attempt": attempt,
                                                      "error": type(exc).__name__})
                await asyncio.sleep(self._policy.delay(attempt))
                if self._embedded:
                    self._waiting += 1
                await self._task.kiq(image_id, attempt + 1)
                return
            if self._closing:
                return  # embedded shutdown: the job stays queued on disk for the next start
            with contextlib.suppress(Exception):
                await self._jobs.give_up(image_id, "job_failed")
            await self._record_failure(image_id, f"{type(exc).__name__}: {exc}"[:300], attempt)
            result = FAILED
        else:
            if result is None:
                return
            if result == FAILED:
                await self._record_failure(image_id, "unusable image", attempt)
        self._metrics.worker_jobs.labels(result=result).inc()
        await self.refresh_length()

    async def _attempt(self, image_id: str) -> str | None:
        if self._slots is None:
            async with asyncio.timeout(self._policy.timeout):
                return await self._jobs.run(image_id)
        async with self._slots:
            self._waiting -= 1
            if self._closing:
                return None
            async with asyncio.timeout(self._policy.timeout):
                return await self._jobs.run(image_id)

    async def _record_failure(self, image_id: str, error: str, attempt: int) -> None:
        with contextlib.suppress(RedisError, OSError):
            await self._failed.push({"imageId": image_id, "error": error, "attempts": attempt,
                                     "worker": worker_name(), "at": time.time()})

    # -- the worker process (Redis only) ---------------------------------------------------------

    async def work(self, stop: asyncio.Event, *, burst: bool = False) -> None:
        """Run jobs until `stop` is set (SIGTERM) or, in burst mode, until none is left; then let the
        running jobs finish (at most the job timeout) and return."""
        if self._redis is None:
            raise RuntimeError("stichat worker needs REDIS_URL: without it the service runs its jobs itself")
        await self.start()
        self._broker.is_worker_process = True
        receiver = Receiver(
            broker=self._broker, executor=ThreadPoolExecutor(max_workers=1), run_startup=False,
            max_async_tasks=self._policy.concurrency, ack_type=AcknowledgeType.WHEN_EXECUTED,
            wait_tasks_timeout=self._policy.claim_after,
        )
        finish = asyncio.Event()
        helpers = [asyncio.create_task(self._beat(finish)), asyncio.create_task(_relay(stop, finish))]
        if burst:
            helpers.append(asyncio.create_task(self._until_empty(finish)))
        log.info("worker_started", extra={"worker": worker_name(), "burst": burst,
                                          "concurrency": self._policy.concurrency})
        try:
            await receiver.listen(finish)
        finally:
            for helper in helpers:
                helper.cancel()
            with contextlib.suppress(RedisError, OSError):
                await self._redis.delete(heartbeat_key())
            log.info("worker_stopped", extra={"worker": worker_name()})

    def _connected(self) -> Redis:
        if self._redis is None:
            raise DependencyUnavailable("the queue has no Redis client")
        return self._redis

    async def _beat(self, finish: asyncio.Event) -> None:
        redis = self._connected()
        while not finish.is_set():
            with contextlib.suppress(RedisError, OSError):
                body = {"worker": worker_name(), "at": time.time()}
                await redis.set(heartbeat_key(), json.dumps(body), ex=int(HEARTBEAT_TTL_SECONDS))
                await self.refresh_length()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(finish.wait(), HEARTBEAT_SECONDS)

    async def _until_empty(self, finish: asyncio.Event) -> None:
        """Burst mode: finish once the stream has nothing undelivered and nothing unacknowledged."""
        redis = self._connected()
        while not finish.is_set():
            await asyncio.sleep(0.5)
            with contextlib.suppress(RedisError, OSError):
                for group in await redis.xinfo_groups(STREAM):
                    if group.get("name") == GROUP and not group.get("lag") and not group.get("pending"):
                        finish.set()

    async def alive(self) -> bool:
        """This host's worker beat within HEARTBEAT_TTL_SECONDS (the key expires otherwise). The client
        stays open: the caller that made this queue closes it (`stop`), a running worker keeps using it."""
        try:
            raw = await self._connected().get(heartbeat_key())
        except (RedisError, OSError):
            return False
        if raw is None:
            return False
        return time.time() - float(json.loads(raw).get("at", 0)) < HEARTBEAT_TTL_SECONDS


async def _relay(stop: asyncio.Event, finish: asyncio.Event) -> None:
    await stop.wait()
    log.info("worker_draining")
    finish.set()


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def heartbeat_key() -> str:
    """One key per host: in Kubernetes a pod is a host, and its liveness probe runs inside it."""
    return HEARTBEAT.format(host=socket.gethostname())


@contextlib.contextmanager
def _unavailable() -> Iterator[None]:
    try:
        yield
    except (RedisError, OSError) as exc:
        raise DependencyUnavailable(f"queue: {type(exc).__name__}") from exc
