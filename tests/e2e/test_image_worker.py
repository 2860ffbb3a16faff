"""`stichat serve` with REDIS_URL hands image jobs to `stichat worker` processes over a real Redis.

The Redis is the tests' own (tests/redis_server.py); the workers and the server share DATA_DIR like
pods share a volume. A worker killed in the middle of a job loses nothing: another one takes it over.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from tests.conftest import LiveServer, base_env, start_server
from tests.helpers import Chat, jpeg_bytes
from tests.redis_server import RedisServer, running_redis

pytestmark = pytest.mark.redis

#: Short enough that a job left by a dead worker is taken over within seconds (docs/images.md).
FAST = {"IMAGE_JOB_TIMEOUT": "5", "IMAGE_JOB_ATTEMPTS": "2", "IMAGE_WORKERS": "1"}


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    with running_redis(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture
def setup(tmp_path: Path, redis_server: RedisServer) -> Iterator[tuple[LiveServer, dict[str, str]]]:
    db = len(list(tmp_path.parent.iterdir())) % 16  # a clean database per test on the shared server
    redis_server.client(db).flushdb()
    env = {"REDIS_URL": redis_server.url(db), **FAST}
    server = start_server(tmp_path / "data", tmp_path / "server.log", **env)
    yield server, env
    server.stop()


class Worker:
    def __init__(self, data_dir: Path, log: Path, env: dict[str, str], *args: str) -> None:
        full = {**os.environ, **base_env(data_dir, **env)}
        self.log = log
        self.process = subprocess.Popen([sys.executable, "-m", "stichat", "worker", *args], env=full,
                                        stdout=log.open("ab"), stderr=subprocess.STDOUT)

    @property
    def name_suffix(self) -> str:
        return f":{self.process.pid}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def worker(server: LiveServer, env: dict[str, str], name: str, *args: str) -> Worker:
    return Worker(server.data_dir, server.data_dir.parent / f"{name}.log", env, *args)


def record(server: LiveServer, image_id: str) -> dict[str, Any]:
    """The record as the workers write it (read straight from the shared volume, no HTTP in between)."""
    try:
        data: dict[str, Any] = json.loads((server.data_dir / "uploads" / f"{image_id}.json").read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {"status": "missing"}
    return data


def wait_for(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.005)
    raise AssertionError(f"timed out waiting for {what}")


def large_png() -> bytes:
    out = io.BytesIO()
    Image.linear_gradient("L").resize((5000, 5000)).convert("RGB").save(out, "PNG", compress_level=9)
    return out.getvalue()


def send(http: httpx.Client, chat: Chat, data: bytes) -> str:
    response = http.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                         files={"image": ("foto.png", data, "image/png")})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "queued"
    return str(response.json()["imageId"])


def test_uploads_through_the_api_are_processed_by_a_worker(setup: tuple[LiveServer, dict[str, str]]) -> None:
    server, env = setup
    one = worker(server, env, "worker-a")
    try:
        with httpx.Client(base_url=server.url, timeout=10) as http:
            chat = Chat(http)
            image_id = send(http, chat, jpeg_bytes(2400, 1800))
            wait_for(lambda: record(server, image_id)["status"] == "done", 30, "the worker to process it")
            assert record(server, image_id)["worker"].endswith(one.name_suffix)
            status = http.get(f"/api/upload-image/{image_id}", headers={"x-session-id": chat.session_id}).json()
            assert (status["status"], status["width"], status["height"]) == ("done", 1920, 1440)
            wait_for(lambda: not list((server.data_dir / "incoming").iterdir()), 5, "the original to go")
        check = subprocess.run([sys.executable, "-m", "stichat", "worker", "--check"], capture_output=True,
                               env={**os.environ, **base_env(server.data_dir, **env)}, timeout=30)
        assert check.returncode == 0, check.stderr
        one.process.send_signal(signal.SIGTERM)
        assert one.process.wait(timeout=20) == 0
        check = subprocess.run([sys.executable, "-m", "stichat", "worker", "--check"], capture_output=True,
                               env={**os.environ, **base_env(server.data_dir, **env)}, timeout=30)
        assert check.returncode == 1  # a stopped worker removes its heartbeat: the probe fails
    finally:
        one.stop()


def test_a_job_of_a_worker_killed_mid_job_is_finished_by_another(setup: tuple[LiveServer, dict[str, str]]) -> None:
    server, env = setup
    first = worker(server, env, "worker-first")
    second: Worker | None = None
    try:
        with httpx.Client(base_url=server.url, timeout=10) as http:
            chat = Chat(http)
            slow = send(http, chat, large_png())  # a second or two of work
            others = [send(http, chat, jpeg_bytes(1200, 900)) for _ in range(3)]
            wait_for(lambda: record(server, slow)["status"] == "processing", 30, "the first worker to start")
            first.process.send_signal(signal.SIGKILL)
            first.process.wait()
            assert record(server, slow)["status"] == "processing"  # killed in the middle of the job
            second = worker(server, env, "worker-second")
            for image_id in (slow, *others):
                wait_for(lambda i=image_id: record(server, i)["status"] == "done", 45, f"{image_id} to be done")
        taken_over = record(server, slow)
        assert taken_over["worker"].endswith(second.name_suffix)
        assert taken_over["attempts"] == 2
        wait_for(lambda: not list((server.data_dir / "incoming").iterdir()), 5, "the originals to go")
    finally:
        first.stop()
        if second is not None:
            second.stop()


def queue_length(http: httpx.Client) -> float:
    found = re.search(r"^stichat_upload_queue_length ([0-9.e+]+)$", http.get("/metrics").text, re.M)
    assert found is not None
    return float(found.group(1))


def test_the_api_reports_the_queue_drained_by_the_workers(setup: tuple[LiveServer, dict[str, str]]) -> None:
    """The gauge is read at scrape time: the service sees the workers empty the queue it filled."""
    server, env = setup
    with httpx.Client(base_url=server.url, timeout=10) as http:
        chat = Chat(http)
        images = [send(http, chat, jpeg_bytes(640, 480)) for _ in range(2)]
        assert queue_length(http) == 2  # no worker yet
        one = worker(server, env, "worker-a", "--burst")
        try:
            assert one.process.wait(timeout=60) == 0
        finally:
            one.stop()
        assert all(record(server, image_id)["status"] == "done" for image_id in images)
        assert queue_length(http) == 0
