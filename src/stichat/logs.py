"""Structured logging: JSON lines with PII masked, to stdout, a rotating file and a live ring.

Every line passes `mask_record` (a plain processor: PII masking of the message and string fields),
is encoded as one JSON object (so a newline in customer text can never forge a second line), and goes
to stdout, to LOGS_DIR/stichat.log (size-rotated) and to the in-memory `LogHub` that feeds
`/api/logs/stream`.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import json
import logging
import logging.handlers
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any

from stichat.domain.pii import mask

LOGGER_NAME = "stichat"
LOG_FILE = "stichat.log"
request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
session_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("session_id", default=None)

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
#: Fields that must never be logged, whatever a caller passes.
_SECRET_FIELDS = {"token", "csrf", "csrf_token", "authorization", "log_token", "password", "api_key"}


def get_logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


def event_dict(record: logging.LogRecord) -> dict[str, Any]:
    """The record as a dict: timestamp, level, event, request and session ids, extra fields."""
    data: dict[str, Any] = {
        "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
        "level": record.levelname.lower(),
        "event": record.getMessage(),
        "logger": record.name,
    }
    rid, sid = getattr(record, "request_id", None) or request_id_var.get(), session_id_var.get()
    if rid:
        data["request_id"] = rid
    if sid:
        data["session_id"] = sid
    for key, value in vars(record).items():
        if key in _STANDARD or key.startswith("_") or key in data:
            continue
        if key.lower() in _SECRET_FIELDS:
            continue
        data[key] = value
    if record.exc_info and record.exc_info[0] is not None:
        data["error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"
    return data


def mask_record(data: dict[str, Any]) -> dict[str, Any]:
    """The PII processor: mask every string value (one level deep is all our events use)."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str):
            out[key] = mask(value)
        elif isinstance(value, (int, float, bool)) or value is None:
            out[key] = value
        else:
            out[key] = mask(json.dumps(value, default=str, ensure_ascii=False))
    return out


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(mask_record(event_dict(record)), ensure_ascii=False, default=str)


class LogHub(logging.Handler):
    """The last N formatted lines, and the live subscribers of `/api/logs/stream`."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__()
        self.setFormatter(JsonFormatter())
        self.ring: deque[str] = deque(maxlen=capacity)
        self._subscribers: set[tuple[asyncio.AbstractEventLoop, asyncio.Queue[str]]] = set()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:  # a logging failure must never break a request
            self.handleError(record)
            return
        self.ring.append(line)
        for loop, queue in list(self._subscribers):
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_offer, queue, line)

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    def open(self, *, tail: int = 0) -> Subscription:
        """Register a subscriber now (so caps count it at once), primed with the last `tail` lines."""
        subscription = Subscription(self, asyncio.get_running_loop())
        for line in list(self.ring)[-tail:] if tail > 0 else []:
            _offer(subscription.queue, line)
        self._subscribers.add(subscription.entry)
        return subscription

    def _close(self, entry: tuple[asyncio.AbstractEventLoop, asyncio.Queue[str]]) -> None:
        self._subscribers.discard(entry)


class Subscription:
    """One live reader of the hub; `close()` must be called when the reader goes away."""

    def __init__(self, hub: LogHub, loop: asyncio.AbstractEventLoop) -> None:
        self.hub = hub
        self.queue: asyncio.Queue[str] = asyncio.Queue(maxsize=1000)
        self.entry = (loop, self.queue)

    async def next(self) -> str:
        return await self.queue.get()

    def close(self) -> None:
        self.hub._close(self.entry)


def _offer(queue: asyncio.Queue[str], line: str) -> None:
    # A slow reader loses lines rather than growing memory without bound.
    with contextlib.suppress(asyncio.QueueFull):
        queue.put_nowait(line)


def configure(logs_dir: Path, *, level: str = "INFO", hub: LogHub | None = None, stdout: bool = True) -> None:
    """Send the `stichat` logger to stdout, LOGS_DIR/stichat.log (rotated) and the hub."""
    logs_dir.mkdir(parents=True, exist_ok=True)
    logger = get_logger()
    logger.setLevel(level)
    logger.propagate = False
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    formatter = JsonFormatter()
    file_handler = logging.handlers.RotatingFileHandler(
        logs_dir / LOG_FILE, maxBytes=10 * 1024 * 1024, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(formatter)
    logger.addHandler(file_handler)
    if stdout:
        out = logging.StreamHandler(sys.stdout)
        out.setFormatter(formatter)
        logger.addHandler(out)
    if hub is not None:
        logger.addHandler(hub)


def read_tail(logs_dir: Path, max_bytes: int) -> str:
    """The last `max_bytes` of the log file, starting at a whole line, masked again on the way out."""
    path = logs_dir / LOG_FILE
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - max_bytes))
            data = handle.read()
    except FileNotFoundError:
        return ""
    text = data.decode("utf-8", errors="replace")
    if size > max_bytes and "\n" in text:
        text = text.split("\n", 1)[1]
    return mask(text)
