"""Two `stichat serve` replicas on one PostgreSQL and one Redis (both started by the test): a ticket
made through one is in the other's queue at once, a console session signed in on one works on the
other, and a stale status change sent to the second replica is refused after the first changed it."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer, base_env, start_server
from tests.helpers import Chat
from tests.postgres_server import PostgresServer, running_postgres
from tests.redis_server import running_redis

pytestmark = pytest.mark.redis
PASSWORD = "una clave larga 42"


@dataclass
class Pair:
    replicas: list[LiveServer]
    postgres: PostgresServer


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    tmp = tmp_path_factory.mktemp("console-replicas")
    with running_postgres() as postgres, running_redis(tmp / "redis") as redis:
        env = {"REDIS_URL": redis.url(), "DATABASE_URL": postgres.url(), "LINK_SECRET": "shared-" + "Qm7vT2xR" * 3}
        done = subprocess.run([sys.executable, "-m", "stichat", "operator", "add", "ana"], input=f"{PASSWORD}\n" * 2,
                              text=True, capture_output=True, timeout=60,
                              env={**base_env(tmp / "data", **env), "PATH": "/usr/bin:/bin"})
        assert done.returncode == 0, done.stderr
        with ThreadPoolExecutor(max_workers=2) as pool:
            # One DATA_DIR, as the shared volume of a Deployment: the ticket files' mirror lives there.
            starting = [pool.submit(start_server, tmp / "data", tmp / f"replica-{name}.log", **env)
                        for name in ("a", "b")]
        replicas = [future.result() for future in starting]
        try:
            yield Pair(replicas, postgres)
        finally:
            for replica in replicas:
                replica.stop()


def field(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', page)
    assert found, name
    return found.group(1)


def test_two_replicas_share_the_queue_the_session_and_refuse_a_stale_change(pair: Pair) -> None:
    a, b = (httpx.Client(base_url=r.url, timeout=15, follow_redirects=True) for r in pair.replicas)
    chat = Chat(a)
    chat.say("mi impresora no imprime")
    ticket_id = a.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()["ticketId"]
    signed = b.post("/console/sign-in", data={"user": "ana", "password": PASSWORD})
    assert signed.status_code == 200 and ticket_id in signed.text, "replica b's queue has a's ticket"
    a.cookies.update(b.cookies)  # the same browser, sent to the other replica by the load balancer
    page = a.get(f"/console/tickets/{ticket_id}")
    assert page.status_code == 200, "a session made on b works on a"
    csrf, version = field(page.text, "csrf"), field(page.text, "version")
    assert a.post(f"/console/tickets/{ticket_id}/status",
                  data={"csrf": csrf, "status": "closed", "version": version}).status_code == 200
    stale = b.post(f"/console/tickets/{ticket_id}/status",
                   data={"csrf": csrf, "status": "in_progress", "version": version})
    assert stale.status_code == 409 and "(ana)" in stale.text
    assert "Cerrado" in b.get(f"/console/tickets/{ticket_id}").text
    assert not Path(pair.replicas[0].data_dir / "stichat.sqlite3").exists(), "PostgreSQL, not a local file"
