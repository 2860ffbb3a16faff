"""Runtime checks that must hold under `python -O` and on a concurrent start."""

from __future__ import annotations

import ast
import asyncio
import threading
from pathlib import Path

from stichat import bootstrap
from stichat.config import Settings
from tests.conftest import base_env

SRC = Path(__file__).resolve().parents[2] / "src" / "stichat"


def test_no_assert_is_used_as_a_runtime_check_in_the_service() -> None:
    """`python -O` strips asserts: a check that matters must be an explicit error."""
    found = [f"{path.relative_to(SRC)}:{node.lineno}" for path in SRC.rglob("*.py")
             for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Assert)]
    assert found == []


def test_processes_starting_at_once_all_read_the_same_whole_link_secret(tmp_path: Path) -> None:
    settings = Settings.from_env(base_env(tmp_path))
    tmp_path.mkdir(exist_ok=True)
    start, read = threading.Barrier(8), []

    def boot() -> None:
        start.wait()
        read.append(bootstrap.link_secret(settings))

    threads = [threading.Thread(target=boot) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(read)) == 1 and len(read[0]) >= 32
    assert (tmp_path / bootstrap.LINK_SECRET_FILE).stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [bootstrap.LINK_SECRET_FILE]  # no temporary left


def test_a_worker_liveness_check_leaves_the_queues_client_open() -> None:
    """`alive()` used to close the Redis client it was given, so a worker asking itself lost its own."""
    from stichat.adapters.job_queue import TaskiqImageQueue

    closed: list[bool] = []

    class Client:
        async def get(self, key: str) -> None:
            return None

        async def aclose(self) -> None:
            closed.append(True)

    queue = TaskiqImageQueue.__new__(TaskiqImageQueue)
    queue._redis = Client()  # type: ignore[assignment]
    assert asyncio.run(queue.alive()) is False
    assert closed == []
