"""Shared fixtures: settings on a fresh DATA_DIR, an in-process client, a real server on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from stichat.config import Settings
from stichat.web.app import create_app

OPERATOR_TOKEN = "op-token-" + "k3yZ8qW2" * 3
GENEROUS_LIMITS = {
    "RATE_LIMIT_GREETING": "1000/minute",
    "RATE_LIMIT_CHAT": "1000/minute",
    "RATE_LIMIT_CHAT_SESSION": "1000/minute",
    "RATE_LIMIT_UPLOAD": "1000/minute",
    "RATE_LIMIT_TICKET": "1000/hour",
    "RATE_LIMIT_LOOKUP": "5000/minute",
}


def base_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {"APP_ENV": "test", "DATA_DIR": str(data_dir), "LOG_TOKEN": OPERATOR_TOKEN, "SMART_MODE": "false",
           **GENEROUS_LIMITS}
    env.update(extra)
    return env


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[object]:
    """Build an in-process client for given settings overrides (each call gets its own DATA_DIR)."""
    clients: list[TestClient] = []

    def factory(**extra: str) -> TestClient:
        data_dir = tmp_path / f"data{len(clients)}"
        settings = Settings.from_env(base_env(data_dir, **extra))
        client = TestClient(create_app(settings), raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: object) -> TestClient:
    return make_client()  # type: ignore[operator, no-any-return]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    data_dir: Path
    process: subprocess.Popen[bytes]
    log_path: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(data_dir: Path, log_path: Path, **extra: str) -> LiveServer:
    """`stichat serve` as a real process on a free loopback port; waits until /healthz answers."""
    port = free_port()
    env = {**os.environ, **base_env(data_dir, PORT=str(port), HOST="127.0.0.1", **extra)}
    handle = log_path.open("wb")
    process = subprocess.Popen([sys.executable, "-m", "stichat", "serve"], env=env, stdout=handle,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"stichat serve exited early:\n{log_path.read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return LiveServer(url, data_dir, process, log_path)
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"stichat serve did not become healthy:\n{log_path.read_text()}")


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One real server per test module (starting a process takes a second or two)."""
    tmp = tmp_path_factory.mktemp("live")
    server = start_server(tmp / "data", tmp / "server.log")
    yield server
    server.stop()
