"""The operations' judgements on fake ports: rollback criteria, the digest, pruning S3 and mail failures."""

from __future__ import annotations

import math
import re
import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stichat import bootstrap_ops
from stichat.config import SmtpSettings
from stichat.ops.backup import S3Location, prune_s3
from stichat.ops.canary import evaluate
from stichat.ops.digest import build_digest
from stichat.ops.ports import MailError, Sample


class FakeMetrics:
    """A MetricsQuery answering each query from the first (pattern, samples) pair its text matches."""

    where = "http://prometheus.test:9090"

    def __init__(self, answers: list[tuple[str, list[Sample]]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def query(self, expr: str) -> list[Sample]:
        self.asked.append(expr)
        return next((samples for pattern, samples in self.answers if re.search(pattern, expr)), [])


class FakeArchives:
    """An ArchiveStore in memory."""

    def __init__(self, keys: list[str]) -> None:
        self.objects = dict.fromkeys(keys, 1)

    def keys(self, prefix: str) -> list[str]:
        return [key for key in self.objects if key.startswith(prefix)]

    def size(self, key: str) -> int:
        return self.objects[key]

    def put(self, path: Path, key: str, *, progress: Callable[[int], object]) -> None:
        self.objects[key] = path.stat().st_size

    def get(self, key: str, path: Path, *, progress: Callable[[int], object]) -> None:
        path.write_bytes(b"x" * self.objects[key])

    def delete(self, key: str) -> None:
        del self.objects[key]


UNHEALTHY = [
    (r"status=~\"5\.\.\"", [({}, 0.05)]),  # the 5xx ratio
    (r"offset 1d", [({}, 0.2)]),  # yesterday's p95
    (r"histogram_quantile", [({}, 1.5)]),
    (r"circuit_state", [({}, 2.0)]),
    (r"storage_free_bytes", [({}, 0.95)]),
]


def test_an_unhealthy_service_trips_every_rollback_criterion() -> None:
    criteria = evaluate(FakeMetrics(UNHEALTHY))
    assert [c.name for c in criteria if c.tripped] == ["5xx ratio (5m)", "p95 /api/chat (5m)", "LLM breaker",
                                                       "disk used"]
    assert "limit 2 × 0.200 s = 0.400 s, p95 a day ago" in criteria[1].shown


def test_no_traffic_trips_nothing() -> None:
    criteria = evaluate(FakeMetrics([(r".", [({}, math.nan)])]))
    assert not any(c.tripped for c in criteria)
    assert criteria[0].shown == "no traffic"


def test_the_digest_names_the_prometheus_it_asked_and_every_outcome() -> None:
    metrics = FakeMetrics([(r"by \(outcome\)", [({"outcome": "solved"}, 30.0), ({"outcome": "ticket"}, 7.0)]),
                           (r"tickets_total", [({}, 7.0)])])
    text = build_digest(metrics, window="24h", now=datetime(2025, 3, 1, 8, 0, tzinfo=UTC))
    assert text.startswith("# STI Chat — daily digest, 2025-03-01\n")
    assert "(Prometheus `http://prometheus.test:9090`)" in text
    assert "| tickets created | 7 |" in text and "| solved | 30 |" in text and "| abandoned | 0 |" in text


def test_pruning_s3_keeps_the_newest_archives_directly_under_the_prefix() -> None:
    names = [f"daily/stichat-backup-2025030{d}T000000Z.tar.gz" for d in range(1, 5)]
    store = FakeArchives([*names, "daily/old/stichat-backup-20240101T000000Z.tar.gz", "daily/notes.txt"])
    gone = prune_s3(store, S3Location.parse("s3://backups/daily/"), keep=2)
    assert gone == names[:2]
    assert set(store.objects) == {*names[2:], "daily/notes.txt", "daily/old/stichat-backup-20240101T000000Z.tar.gz"}


def test_a_mail_relay_that_is_not_there_is_one_line_naming_the_failure() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mailer = bootstrap_ops.mailer(SmtpSettings(host="127.0.0.1", port=port, to=("sre@sti.example",)))
    with pytest.raises(MailError, match=r"^ConnectionRefusedError: ") as refused:
        mailer.send(subject="digest", body="hola")
    assert "\n" not in str(refused.value)
