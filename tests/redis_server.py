"""A real redis-server of the tests' own, on a free loopback port in a temporary directory.

Never the Redis a developer may run on 6379: every test that needs Redis starts one of these and
stops it. `stop(save=True)` and `start()` again on the same port and directory play a Redis restart
that keeps its data (SHUTDOWN SAVE writes dump.rdb, which the next start loads).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis

from tests.conftest import free_port

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def require_redis_server() -> None:
    if not os.access(REDIS_SERVER, os.X_OK):
        pytest.fail("redis-server is not installed: run make sysdeps (Debian package redis-server)")


@dataclass
class RedisServer:
    directory: Path
    port: int = field(default_factory=free_port)
    password: str | None = None
    process: subprocess.Popen[bytes] | None = None

    def url(self, db: int = 0) -> str:
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}127.0.0.1:{self.port}/{db}"

    def client(self, db: int = 0) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, db=db, password=self.password,
                           socket_timeout=2, decode_responses=True)

    def start(self) -> RedisServer:
        require_redis_server()
        self.directory.mkdir(parents=True, exist_ok=True)
        args = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", str(self.directory), "--dbfilename", "dump.rdb"]
        if self.password:
            args += ["--requirepass", self.password]
        log = (self.directory / "redis.log").open("ab")
        self.process = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {(self.directory / 'redis.log').read_text()}")
            try:
                if self.client().ping():
                    return self
            except redis.RedisError:
                time.sleep(0.02)
        self.stop()
        raise RuntimeError("redis-server did not answer PING within 10 s")

    def stop(self, *, save: bool = False) -> None:
        """Stop the server; with `save`, write its data first so a restart finds it again."""
        if self.process is None or self.process.poll() is not None:
            return
        if save:
            with contextlib.suppress(redis.RedisError):
                self.client().shutdown(save=True)
        else:
            self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): connections open, nothing answers, the worst failure."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)


@contextlib.contextmanager
def running_redis(directory: Path, *, password: str | None = None) -> Iterator[RedisServer]:
    server = RedisServer(directory, password=password).start()
    try:
        yield server
    finally:
        server.resume()  # a paused server ignores SIGTERM until it runs again
        server.stop()
