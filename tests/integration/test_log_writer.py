"""The log writer: one masked JSON line per record in every sink, written off the caller's thread, into a
file of this process's own that rotates by size, never ends in a torn line, and merges with the
files of other processes in the tail."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from stichat import logs
from stichat.log_hub import LogHub


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[tuple[logs.LogWriter, io.StringIO, LogHub]]:
    out, hub = io.StringIO(), LogHub()
    handler = logs.LogWriter(logs.LogFile(tmp_path / logs.LOG_FILE), stdout=out, hub=hub)
    logger = logging.getLogger("stichat.test-writer")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    yield handler, out, hub
    logger.removeHandler(handler)
    handler.close()


def test_a_line_reaches_the_file_stdout_and_the_live_stream_once_identical_and_masked(
        tmp_path: Path, writer: tuple[logs.LogWriter, io.StringIO, LogHub]) -> None:
    handler, out, hub = writer
    logging.getLogger("stichat.test-writer").info("chat_turn", extra={"text": "mail pepe@example.com\nforged"})
    handler.flush()
    file_lines = (tmp_path / logs.LOG_FILE).read_text().splitlines()
    assert file_lines == out.getvalue().splitlines() == list(hub.ring)
    assert len(file_lines) == 1
    event = json.loads(file_lines[0])
    assert event["event"] == "chat_turn" and event["text"] == "mail [EMAIL]\nforged" and event["level"] == "info"


def test_a_line_keeps_the_request_and_session_it_was_logged_in_though_written_later(
        tmp_path: Path, writer: tuple[logs.LogWriter, io.StringIO, LogHub]) -> None:
    handler, _, _ = writer
    rid, sid = logs.request_id_var.set("req-12345678"), logs.session_id_var.set("s" * 32)
    logging.getLogger("stichat.test-writer").info("http_request")
    logs.request_id_var.reset(rid)
    logs.session_id_var.reset(sid)
    logging.getLogger("stichat.test-writer").info("outside")
    handler.flush()
    inside, outside = (json.loads(x) for x in (tmp_path / logs.LOG_FILE).read_text().splitlines())
    assert inside["request_id"] == "req-12345678" and inside["session_id"] == "s" * 32
    assert "request_id" not in outside and "session_id" not in outside


def test_an_error_keeps_its_exception_name_and_message(
        tmp_path: Path, writer: tuple[logs.LogWriter, io.StringIO, LogHub]) -> None:
    handler, _, _ = writer
    try:
        raise ValueError("disk said no")
    except ValueError:
        logging.getLogger("stichat.test-writer").exception("unhandled_error")
    handler.flush()
    assert json.loads((tmp_path / logs.LOG_FILE).read_text())["error"] == "ValueError: disk said no"


def test_a_writer_closed_by_logging_shutdown_writes_again_on_the_next_line(
        tmp_path: Path, writer: tuple[logs.LogWriter, io.StringIO, LogHub]) -> None:
    handler, _, _ = writer
    logging.shutdown([lambda: handler])  # what uvicorn's logging set-up does to every handler at start
    logging.getLogger("stichat.test-writer").info("after_start")
    handler.flush()
    assert '"after_start"' in (tmp_path / logs.LOG_FILE).read_text()


def test_the_log_file_rotates_at_its_size_into_numbered_copies_of_whole_lines(tmp_path: Path) -> None:
    file = logs.LogFile(tmp_path / logs.LOG_FILE, max_bytes=1000, backups=2)
    for n in range(100):
        file.write(json.dumps({"n": n, "pad": "x" * 40}).encode() + b"\n")
    file.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["stichat.log", "stichat.log.1", "stichat.log.2"]
    for path in tmp_path.iterdir():
        assert path.stat().st_size <= 1000
        assert all(json.loads(line) for line in path.read_text().splitlines())
        assert path.stat().st_mode & 0o777 == 0o640
    last = [json.loads(x)["n"] for x in (tmp_path / "stichat.log").read_text().splitlines()]
    assert last[-1] == 99


def test_a_full_disk_leaves_no_torn_line_and_the_writer_carries_on(tmp_path: Path) -> None:
    # RLIMIT_FSIZE makes the kernel stop a write part-way, as a full disk does.
    script = textwrap.dedent(f"""
        import resource, signal
        from pathlib import Path
        from stichat import logs
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (250, 250))
        file = logs.LogFile(Path({str(tmp_path)!r}) / "stichat.log", max_bytes=10**6)
        failures = 0
        for n in range(10):
            try:
                file.write(('{{"n": %d, "pad": "%s"}}\\n' % (n, "x" * 60)).encode())
            except OSError:
                failures += 1
        print(failures)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert int(done.stdout) > 0
    text = (tmp_path / "stichat.log").read_text()
    assert text.endswith("\n")
    assert [json.loads(line)["n"] for line in text.splitlines()] == list(range(len(text.splitlines())))


def test_replicas_sharing_the_logs_dir_write_their_own_files_and_the_tail_merges_them_by_time(
        tmp_path: Path) -> None:
    mine = logs.file_name(shared=True)
    assert mine != logs.LOG_FILE and str(os.getpid()) in mine and logs.file_name(shared=False) == logs.LOG_FILE

    def line(second: int, who: str) -> bytes:
        return json.dumps({"ts": f"2026-12-07T10:00:{second:02d}.000Z", "event": who}).encode() + b"\n"

    first, second = logs.LogFile(tmp_path / mine), logs.LogFile(tmp_path / "stichat-other-host-1.log")
    for s in range(0, 20, 2):
        first.write(line(s, "a"))
        second.write(line(s + 1, "b"))
    first.close()
    second.close()
    tail = logs.read_tail(tmp_path, max_bytes=10_000)
    seconds = [int(json.loads(x)["ts"][17:19]) for x in tail.splitlines()]
    assert seconds == list(range(20))
    short = logs.read_tail(tmp_path, max_bytes=200)
    assert 0 < len(short.encode()) <= 200 and all(json.loads(x) for x in short.splitlines())


def test_lines_past_the_queue_bound_are_dropped_and_counted_in_the_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = logs.LogWriter(logs.LogFile(tmp_path / logs.LOG_FILE), stdout=None, hub=None)
    monkeypatch.setattr(logs, "MAX_QUEUED", 0)  # as if the writer had fallen that far behind
    for _ in range(20):
        handler.emit(logging.LogRecord("stichat", logging.INFO, __file__, 0, "lost", None, None))
    monkeypatch.undo()
    handler.emit(logging.LogRecord("stichat", logging.INFO, __file__, 0, "kept", None, None))
    handler.close()
    events = [json.loads(x) for x in (tmp_path / logs.LOG_FILE).read_text().splitlines()]
    assert [e["event"] for e in events] == ["kept", "log_lines_dropped"] and events[-1]["dropped"] == 20
