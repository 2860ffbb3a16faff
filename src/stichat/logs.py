"""Structured logging: JSON lines with PII masked, written off the request path.

Logging a line costs the caller a queue put: the record's request and session ids are read there (they
live in the caller's context) and the record goes on a queue. One writer thread takes whatever has
queued, formats each line once (`event_dict`, then the PII processor `mask_record`, then one JSON
object, so a newline in customer text can never forge a second line) and hands the batch, in one
write each, to every sink: stdout, this process's log file under LOGS_DIR (size-rotated by the
writer, which keeps count of the size instead of asking the file system on every line) and the
in-memory `LogHub` that feeds `/api/logs/stream`.

The embedded default (one process) writes LOGS_DIR/stichat.log. Replicas and workers sharing
LOGS_DIR (REDIS_URL set) each write their own `stichat-<host>-<pid>.log`: a rotating file is not safe
to write from several processes. `read_tail` merges the files of every process by time.
"""

from __future__ import annotations

import contextlib
import contextvars
import heapq
import json
import logging
import os
import queue
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from stichat.domain.pii import mask
from stichat.log_hub import LogHub

LOGGER_NAME = "stichat"
LOG_FILE = "stichat.log"
LOG_FILE_BYTES, LOG_FILE_BACKUPS = 10 * 1024 * 1024, 5
#: Lines waiting for the writer at most; past that new lines are counted and dropped, not queued, so a
#: stalled disk or stdout cannot grow memory without bound.
MAX_QUEUED = 50_000
#: The writer lets lines gather this long after each batch: a line costs the caller a queue put that wakes
#: no thread, and the sinks get at most a hundred writes a second instead of several per request.
BATCH_SECONDS = 0.01
#: How long the writer sleeps at most while no line comes: the most a line waits when the service is idle.
IDLE_SECONDS = 0.1
request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
session_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("session_id", default=None)

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
#: Fields that must never be logged, whatever a caller passes.
_SECRET_FIELDS = {"token", "csrf", "csrf_token", "authorization", "log_token", "password", "api_key"}
#: Fields this module writes itself from fixed vocabularies: nothing of a customer's can reach them.
_OWN_FIELDS = {"ts", "level", "logger"}
_ID_FIELDS = {"request_id", "session_id"}


def get_logger() -> logging.Logger:
    return logging.getLogger(LOGGER_NAME)


def file_name(*, shared: bool) -> str:
    """The log file this process writes: its own one when other processes share LOGS_DIR."""
    return f"stichat-{socket.gethostname()}-{os.getpid()}.log" if shared else LOG_FILE


_last_second: tuple[int, str] = (-1, "")


def _iso_second(second: int) -> str:
    """The UTC time of `second`, formatted once for all the lines of the same second (one tuple swapped
    whole, so threads formatting in place read a consistent pair)."""
    global _last_second
    cached, text = _last_second
    if cached != second:
        text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
        _last_second = (second, text)
    return text


def event_dict(record: logging.LogRecord) -> dict[str, Any]:
    """The record as a dict: timestamp, level, event, request and session ids, extra fields."""
    data: dict[str, Any] = {
        "ts": f"{_iso_second(int(record.created))}.{int(record.msecs):03d}Z",
        "level": record.levelname.lower(),
        "event": record.getMessage(),
        "logger": record.name,
    }
    # The ids the writer took on the caller's thread; read here only for a record formatted in place.
    rid, sid = getattr(record, "_ids", None) or (request_id_var.get(), session_id_var.get())
    rid = getattr(record, "request_id", None) or rid
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
    error = getattr(record, "_error", None)
    if error is None and record.exc_info and record.exc_info[0] is not None:
        error = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"
    if error is not None:
        data["error"] = error
    return data


_masked_ids: dict[str, str] = {}


def _mask_id(value: str) -> str:
    """`mask` of a request or session id, remembered: the same ids come back on every line of a request
    and of a session. Only ids are kept, never customer text."""
    masked = _masked_ids.get(value)
    if masked is None:
        masked = mask(value)
        if len(_masked_ids) >= 4096:
            _masked_ids.clear()
        _masked_ids[value] = masked
    return masked


def mask_record(data: dict[str, Any]) -> dict[str, Any]:
    """The PII processor: mask every string value (one level deep is all our events use)."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in _OWN_FIELDS or isinstance(value, (int, float, bool)) or value is None:
            out[key] = value
        elif key in _ID_FIELDS and isinstance(value, str) and len(value) <= 64:
            out[key] = _mask_id(value)
        elif isinstance(value, str):
            out[key] = mask(value)
        else:
            out[key] = mask(json.dumps(value, default=str, ensure_ascii=False))
    return out


def format_line(record: logging.LogRecord) -> str:
    """One record as one masked JSON line (without its newline)."""
    return json.dumps(mask_record(event_dict(record)), ensure_ascii=False, default=str)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return format_line(record)


class LogFile:
    """LOGS_DIR/<name>, written only by this process's writer thread, rotated into <name>.1 … .N."""

    def __init__(self, path: Path, *, max_bytes: int = LOG_FILE_BYTES, backups: int = LOG_FILE_BACKUPS) -> None:
        self.path, self.max_bytes, self.backups = path, max_bytes, backups
        self._fd, self._size = self._open()

    def _open(self) -> tuple[int, int]:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        os.fchmod(fd, 0o640)  # a file left by an older version may be world-readable
        return fd, os.fstat(fd).st_size

    def write(self, data: bytes) -> None:
        if self._fd < 0:
            self._fd, self._size = self._open()
        if self._size and self._size + len(data) > self.max_bytes:
            self._rotate()
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view):]
        except OSError:
            # A full disk: cut what part of the batch got in, so the file never ends in a torn line.
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._size)
            raise
        self._size += len(data)

    def _rotate(self) -> None:
        os.close(self._fd)
        for n in range(self.backups - 1, 0, -1):
            with contextlib.suppress(FileNotFoundError):
                os.replace(f"{self.path}.{n}", f"{self.path}.{n + 1}")
        os.replace(self.path, f"{self.path}.1")
        self._fd, self._size = self._open()

    def close(self) -> None:
        """Close the file; the next write opens it again."""
        fd, self._fd = self._fd, -1
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)


class LogWriter(logging.Handler):
    """The one handler of the `stichat` logger: a queue on the caller's side, a thread on the other."""

    def __init__(self, file: LogFile, *, stdout: TextIO | None, hub: LogHub | None) -> None:
        super().__init__()
        self._file, self._stdout, self._hub = file, stdout, hub
        self._queue: queue.SimpleQueue[logging.LogRecord | threading.Event | None] = queue.SimpleQueue()
        self._dropped = 0
        self._failing: set[str] = set()
        self._thread: threading.Thread | None = None
        self._starting = threading.Lock()
        self._wake = threading.Event()  # set by flush and close only, never per line
        self._start()

    def _start(self) -> None:
        with self._starting:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="stichat-log-writer", daemon=True)
                self._thread.start()

    def handle(self, record: logging.LogRecord) -> bool:
        """Queue the record without taking the handler's lock (the queue is safe between threads and only
        the writer thread writes): one lock less on every line."""
        if self.filters and not self.filter(record):
            return False
        self.emit(record)
        return True

    def emit(self, record: logging.LogRecord) -> None:
        """On the caller's thread: take what lives in its context, then queue the record."""
        if self._queue.qsize() >= MAX_QUEUED:
            self._dropped += 1
            return
        taken = vars(record)
        taken["_ids"] = (request_id_var.get(), session_id_var.get())
        if record.exc_info and record.exc_info[0] is not None:
            taken["_error"] = f"{record.exc_info[0].__name__}: {record.exc_info[1]}"
            record.exc_info = None  # the traceback's frames need not outlive the request
        self._queue.put(record)
        if self._thread is None:
            # Closed (logging.shutdown, or uvicorn's dictConfig closing every handler at start-up) but
            # still attached: write again, as logging's own file handlers reopen on the next line.
            self._start()

    def flush(self, timeout: float = 5.0) -> None:
        """Return once every line logged before this call has been written (or `timeout` passed)."""
        if self._thread is None:
            return
        done = threading.Event()
        self._queue.put(done)
        self._wake.set()
        done.wait(timeout)

    def close(self) -> None:
        """Write what is queued and stop the thread; a later line starts it again."""
        with self._starting:
            thread, self._thread = self._thread, None
        if thread is not None and thread.is_alive():
            self._queue.put(None)
            self._wake.set()
            thread.join(timeout=5.0)
        self._file.close()
        super().close()

    def _run(self) -> None:
        # The writer looks for lines every BATCH_SECONDS (backing off to IDLE_SECONDS when there are none)
        # instead of sleeping on the queue: waking a thread on every put cost the caller a system call and
        # a hand-over of the GIL on every line.
        pause = BATCH_SECONDS
        while True:
            batch: list[logging.LogRecord | threading.Event | None] = []
            with contextlib.suppress(queue.Empty):
                while len(batch) < 5000:
                    batch.append(self._queue.get_nowait())
            if not batch:
                self._wake.wait(pause)
                self._wake.clear()
                pause = min(pause * 2, IDLE_SECONDS)
                continue
            pause = BATCH_SECONDS
            lines: list[str] = []
            for item in batch:
                if isinstance(item, logging.LogRecord):
                    try:
                        lines.append(format_line(item))
                    except Exception:  # one bad record must not stop the writer
                        self.handleError(item)
            if self._dropped:
                lines.append(self._dropped_line())
            if lines:
                self._write(lines)
            for item in batch:
                if isinstance(item, threading.Event):
                    item.set()
            if None in batch:
                return
            self._wake.wait(BATCH_SECONDS)
            self._wake.clear()

    def _dropped_line(self) -> str:
        dropped, self._dropped = self._dropped, 0
        record = logging.LogRecord(LOGGER_NAME, logging.WARNING, __file__, 0, "log_lines_dropped", None, None)
        vars(record).update(_ids=(None, None), dropped=dropped)
        return format_line(record)

    def _write(self, lines: list[str]) -> None:
        text = "".join(line + "\n" for line in lines)
        self._sink("file", lambda: self._file.write(text.encode("utf-8")))
        if self._stdout is not None:
            out = self._stdout

            def to_stdout() -> None:
                out.write(text)
                out.flush()

            self._sink("stdout", to_stdout)
        if self._hub is not None:
            self._hub.publish(lines)

    def _sink(self, name: str, write: Callable[[], None]) -> None:
        """Write to one sink; a failing sink is reported once on stderr until it works again."""
        try:
            write()
        except Exception as exc:  # the disk or stdout failing must not stop the other sinks
            if name not in self._failing:
                self._failing.add(name)
                with contextlib.suppress(Exception):
                    sys.stderr.write(f"stichat: cannot write the log to {name}: {exc}\n")
            return
        self._failing.discard(name)


def configure(logs_dir: Path, *, level: str = "INFO", hub: LogHub | None = None, stdout: bool = True,
              shared: bool = False) -> None:
    """Send the `stichat` logger to stdout, this process's file under LOGS_DIR and the hub."""
    logs_dir.mkdir(parents=True, exist_ok=True)
    # The logging HOWTO's "Optimization": our lines never carry the caller's file and line, thread or
    # process, so no record pays for collecting them (a walk up the stack on every line).
    logging._srcfile = None
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    logger = get_logger()
    logger.setLevel(level)
    logger.propagate = False
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    logger.addHandler(LogWriter(LogFile(logs_dir / file_name(shared=shared)),
                                stdout=sys.stdout if stdout else None, hub=hub))


def flush() -> None:
    """Wait until every line logged so far is written (the log tail, tests, shutdown)."""
    for handler in get_logger().handlers:
        handler.flush()


def read_tail(logs_dir: Path, max_bytes: int) -> str:
    """The last `max_bytes` of the log, every process's file merged by time, starting at a whole line,
    masked again on the way out."""
    flush()
    per_file = [_tail_lines(path, max_bytes) for path in sorted(logs_dir.glob("stichat*.log"))]
    # Each line starts with {"ts": "<ISO time>", so lines sort by time as strings.
    merged = list(heapq.merge(*per_file))
    kept: list[str] = []
    size = 0
    for line in reversed(merged):
        size += len(line.encode()) + 1
        if size > max_bytes:
            break
        kept.append(line)
    return mask("".join(line + "\n" for line in reversed(kept)))


def _tail_lines(path: Path, max_bytes: int) -> list[str]:
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - max_bytes))
            data = handle.read()
    except FileNotFoundError:
        return []
    lines = data.decode("utf-8", errors="replace").split("\n")
    if size > max_bytes:
        lines = lines[1:]  # the first line is cut
    return [line for line in lines if line]
