"""A real PostgreSQL of the tests' own: `initdb` into a temporary directory and `pg_ctl` on a free
loopback port, as an unprivileged user (PostgreSQL refuses to run as root; under root the suite runs
it as `nobody` through setpriv). Never the PostgreSQL a machine may already run on 5432.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import free_port

USER = "stichat"
PASSWORD = "pg-test-" + "Vw8kQ3zL" * 2


def pg_bin(name: str) -> str:
    """Debian keeps the server programs under /usr/lib/postgresql/<version>/bin, off PATH."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path is None:
        pytest.fail(f"{name} is missing: run make sysdeps (Debian package postgresql)")
    return on_path


@dataclass
class PostgresServer:
    directory: Path
    port: int

    def url(self, database: str = "stichat") -> str:
        return f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{database}"

    def createdb(self, name: str) -> str:
        _run([pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", USER, name],
             env={"PGPASSWORD": PASSWORD})
        return self.url(name)


def _as_postgres_user() -> list[str]:
    """Root cannot run PostgreSQL: drop to `nobody` (setpriv, util-linux) when we are root."""
    if os.getuid() != 0:
        return []
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]


def _run(args: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run([*_as_postgres_user(), *args], capture_output=True, text=True, timeout=120,
                            env={**os.environ, **(env or {})}, cwd="/")
    if result.returncode != 0:
        raise RuntimeError(f"{args[0]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    # Not under pytest's tmp_path: that is private to root, and the server runs as another user.
    root = Path(tempfile.mkdtemp(prefix="stichat-pg-"))
    data, password_file = root / "data", root / "password"
    password_file.write_text(PASSWORD + "\n")
    if os.getuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(root, nobody.pw_uid, nobody.pw_gid)
        os.chown(password_file, nobody.pw_uid, nobody.pw_gid)
    server = PostgresServer(root, free_port())
    try:
        _run([pg_bin("initdb"), "-D", str(data), "-U", USER, "--pwfile", str(password_file), "-A", "scram-sha-256",
              "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {root} -c fsync=off -c max_connections=60"
        _run([pg_bin("pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-o", options, "-w", "-t", "60",
              "start"])
        server.createdb("stichat")
        yield server
    finally:
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            _run([pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        for _ in range(3):
            with contextlib.suppress(OSError):
                shutil.rmtree(root)
                break
            time.sleep(0.2)
