"""`stichat backup` and `stichat restore` on PostgreSQL: the console's rows come back into a new database.

The suite starts its own PostgreSQL (tests/postgres_server.py); the commands run as an operator runs them,
with DATABASE_URL in the environment.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from stichat.adapters.database import database_url, open_engine
from stichat.adapters.db_desk import DbTicketDesk
from stichat.adapters.db_tickets import DbTicketStore
from stichat.adapters.file_tickets import FileTicketStore
from stichat.cli import main
from stichat.domain.desk import Note
from stichat.domain.tickets import Ticket
from tests.conftest import base_env
from tests.postgres_server import PostgresServer, running_postgres

TICKET_ID = "TCK-20261207-PGREST"


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    with running_postgres() as server:
        yield server


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, input=stdin)


def test_a_backup_of_a_postgresql_console_restores_into_a_new_database(postgres: PostgresServer,
                                                                        tmp_path: Path) -> None:
    source_env = base_env(tmp_path / "source", DATABASE_URL=postgres.createdb("backup_source"))
    assert run(source_env, "migrate").exit_code == 0
    added = run(source_env, "operator", "add", "ana", stdin="una clave larga 123\nuna clave larga 123\n")
    assert added.exit_code == 0, added.output
    engine = open_engine(database_url(source_env["DATABASE_URL"], tmp_path / "source"))
    ticket = Ticket(id=TICKET_ID, created_at=1_800_000_000.0, session_id="s" * 32, locale="es-AR", name="Lucía",
                    device="notebook", problem="no_power", device_label="Notebook", problem_label="No enciende",
                    description="no prende")
    asyncio.run(DbTicketStore(engine, FileTicketStore(tmp_path / "source" / "tickets")).save(ticket))
    asyncio.run(DbTicketDesk(engine).add_note(Note(TICKET_ID, 5.0, "ana", "Le pedí otro cargador.")))
    engine.dispose()

    backed_up = run(source_env, "backup", "--dest", str(tmp_path / "backups"), "--quiet")
    assert backed_up.exit_code == 0, backed_up.output
    archive = next((tmp_path / "backups").glob("stichat-backup-*.tar.gz"))

    target_env = base_env(tmp_path / "target", DATABASE_URL=postgres.createdb("backup_target"))
    restored = run(target_env, "restore", "--from", str(archive), "--quiet")
    assert restored.exit_code == 0, restored.output
    assert "operators 1" in restored.output

    listed = run(target_env, "operator", "list")
    assert "ana" in listed.output
    target = open_engine(database_url(target_env["DATABASE_URL"], tmp_path / "target"))
    desk = DbTicketDesk(target)
    assert [n.text for n in asyncio.run(desk.notes(TICKET_ID))] == ["Le pedí otro cargador."]
    asyncio.run(desk.add_note(Note(TICKET_ID, 6.0, "ana", "Retira el viernes.")))  # the ids carry on after a restore
    assert len(asyncio.run(desk.notes(TICKET_ID))) == 2
    target.dispose()
