"""`make load`'s locustfile, for a few seconds against a real server: customers hold whole conversations and
send photos without one failed request. The five-minute runs with their thresholds are `make load`."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import start_server

ROOT = Path(__file__).resolve().parents[2]
LOCUST = Path(sys.executable).with_name("locust")


def test_a_few_seconds_of_the_load_test_hold_conversations_and_send_photos_without_a_failure(tmp_path: Path) -> None:
    assert LOCUST.exists(), "locust is missing: it is a dev extra (pip install -e '.[dev]')"
    server = start_server(tmp_path / "data", tmp_path / "server.log", TRUSTED_PROXIES="127.0.0.1")
    prefix = tmp_path / "smoke"
    env = {**os.environ, "LOAD_HOSTS": server.url, "LOAD_USER_RPS": "2", "LOAD_PHOTOS": "1",
           "LOAD_PENDING_FILE": str(tmp_path / "pending.json")}
    try:
        done = subprocess.run([str(LOCUST), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", "4",
                               "-r", "4", "-t", "6s", "--stop-timeout", "20", "--csv", str(prefix), "--only-summary",
                               "-L", "WARNING"], env=env, capture_output=True, text=True, timeout=120)
    finally:
        server.stop()
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]  # locust exits 1 on any failure
    with prefix.with_name("smoke_stats.csv").open() as handle:
        counts = {row["Name"]: (int(row["Request Count"]), int(row["Failure Count"])) for row in csv.DictReader(handle)}
    assert counts["Aggregated"][1] == 0
    assert {"/api/greeting", "/api/chat", "/api/upload-image"} <= set(counts), counts
    stages = set()
    for transcript in (tmp_path / "data" / "transcripts").glob("*.jsonl"):
        stages |= {json.loads(line)["stage"] for line in transcript.read_text().splitlines()}
    assert {"ASK_NAME", "ASK_PROBLEM"} <= stages and stages & {"BASIC_TESTS", "ASK_DEVICE"}, stages
    assert isinstance(json.loads((tmp_path / "pending.json").read_text()), list)
