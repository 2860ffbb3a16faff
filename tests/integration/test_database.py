"""The database adapter on real SQLite files and on a real PostgreSQL the suite starts itself: the
migrations, the import of ticket files, optimistic concurrency, notes, audit, operators, dump/load."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine

from stichat.adapters.database import database_url, dump, load, migrate, open_engine
from stichat.adapters.db_activity import DbActivity
from stichat.adapters.db_desk import DbTicketDesk
from stichat.adapters.db_operators import DbOperatorStore, IdleConsoleSessions
from stichat.adapters.db_schema import metadata
from stichat.adapters.db_tickets import DbTicketStore, import_files
from stichat.adapters.file_tickets import FileTicketStore
from stichat.domain.desk import AuditEntry, ConsoleSession, Note, Operator, QueueQuery
from stichat.domain.errors import TicketChanged, TicketNotFound
from stichat.domain.tickets import Ticket
from tests.postgres_server import PostgresServer, running_postgres


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    with running_postgres() as server:
        yield server


_databases = iter(range(1000))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        url = database_url("", tmp_path)
    else:
        server: PostgresServer = request.getfixturevalue("postgres")
        url = database_url(server.createdb(f"t{next(_databases)}"), tmp_path)
    made = open_engine(url)
    migrate(made)
    yield made
    made.dispose()


def ticket(ticket_id: str = "TCK-20261207-ABCDEF", at: float = 1_800_000_000.0, session: str = "s" * 32) -> Ticket:
    return Ticket(id=ticket_id, created_at=at, session_id=session, locale="es-AR", name="Lucía", device="notebook",
                  problem="no_power", device_label="Notebook", problem_label="No enciende", description="no prende")


def test_the_migrations_make_exactly_the_schema_the_adapters_query_and_run_once(engine: Engine) -> None:
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    assert migrate(engine) == ("0001", "0001")


def test_a_ticket_is_written_to_the_files_and_the_database(engine: Engine, tmp_path: Path) -> None:
    store = DbTicketStore(engine, FileTicketStore(tmp_path / "tickets"))
    asyncio.run(store.save(ticket()))
    assert (tmp_path / "tickets" / "TCK-20261207-ABCDEF.json").exists()
    assert (tmp_path / "tickets" / "TCK-20261207-ABCDEF.txt").exists()
    loaded = asyncio.run(store.load("TCK-20261207-ABCDEF"))
    assert loaded is not None and loaded.name == "Lucía" and loaded.status == "open"
    assert asyncio.run(store.list_ids()) == ["TCK-20261207-ABCDEF"]
    assert [t.id for t in asyncio.run(store.by_session("s" * 32))] == ["TCK-20261207-ABCDEF"]
    assert asyncio.run(store.exists("TCK-20261207-ABCDEF")) and not asyncio.run(store.exists("nope"))


def test_ticket_files_of_an_older_version_are_imported_once_with_nothing_lost(engine: Engine,
                                                                              tmp_path: Path) -> None:
    files = FileTicketStore(tmp_path / "tickets")
    for n, suffix in enumerate(("AAAAAA", "BBBBBB", "CCCCCC")):
        asyncio.run(files.save(ticket(f"TCK-20261207-{suffix}", at=1_800_000_000.0 + n)))
    (tmp_path / "tickets" / "TCK-20261207-ZZZZZZ.json").write_text("{broken")
    assert import_files(engine, tmp_path / "tickets") == 3
    assert import_files(engine, tmp_path / "tickets") == 0
    queue = asyncio.run(DbTicketDesk(engine).queue(QueueQuery()))
    assert [q.ticket_id for q in queue] == ["TCK-20261207-CCCCCC", "TCK-20261207-BBBBBB", "TCK-20261207-AAAAAA"]
    assert {q.status for q in queue} == {"new"}


def test_a_status_change_on_a_stale_version_is_refused_and_history_and_audit_name_the_author(
        engine: Engine, tmp_path: Path) -> None:
    asyncio.run(DbTicketStore(engine, FileTicketStore(tmp_path / "t")).save(ticket()))
    desk = DbTicketDesk(engine)
    first = asyncio.run(desk.state("TCK-20261207-ABCDEF"))
    assert first is not None and (first.status, first.version) == ("new", 1)
    moved = asyncio.run(desk.change_status("TCK-20261207-ABCDEF", "in_progress", expected_version=1, actor="ana",
                                           at=1_800_000_100.0))
    assert (moved.status, moved.version) == ("in_progress", 2)
    with pytest.raises(TicketChanged):
        asyncio.run(desk.change_status("TCK-20261207-ABCDEF", "closed", expected_version=1, actor="beto",
                                       at=1_800_000_200.0))
    with pytest.raises(TicketNotFound):
        asyncio.run(desk.change_status("TCK-20261207-NOPE22", "closed", expected_version=1, actor="beto", at=1.0))
    asyncio.run(desk.add_note(Note("TCK-20261207-ABCDEF", 1_800_000_300.0, "ana", "cambié el cargador")))
    assert [(n.author, n.text) for n in asyncio.run(desk.notes("TCK-20261207-ABCDEF"))] == [
        ("ana", "cambié el cargador")]
    trail = asyncio.run(desk.audit(ticket_id="TCK-20261207-ABCDEF"))
    assert [(a.actor, a.action) for a in trail] == [("ana", "note"), ("ana", "status")]
    assert asyncio.run(desk.count_since(0)) == {"in_progress": 1}


def test_the_queue_filters_by_status_date_and_ticket_id(engine: Engine, tmp_path: Path) -> None:
    store = DbTicketStore(engine, FileTicketStore(tmp_path / "t"))
    for n, suffix in enumerate(("AAAAAA", "BBBBBB", "CCCCCC")):
        asyncio.run(store.save(ticket(f"TCK-20261207-{suffix}", at=1_800_000_000.0 + n * 100)))
    desk = DbTicketDesk(engine)
    asyncio.run(desk.change_status("TCK-20261207-BBBBBB", "closed", expected_version=1, actor="ana", at=2e9))

    def ids(**query: object) -> list[str]:
        return [q.ticket_id[-6:] for q in asyncio.run(desk.queue(QueueQuery(**query)))]  # type: ignore[arg-type]
    assert ids(statuses=("closed",)) == ["BBBBBB"]
    assert ids(statuses=("new", "in_progress")) == ["CCCCCC", "AAAAAA"]
    assert ids(since=1_800_000_050.0) == ["CCCCCC", "BBBBBB"]
    assert ids(until=1_800_000_050.0) == ["AAAAAA"]
    assert ids(search="CCC") == ["CCCCCC"]
    assert ids(search="%") == []


def test_operators_and_their_sessions(engine: Engine) -> None:
    store = DbOperatorStore(engine)
    assert asyncio.run(store.add(Operator("ana", "hash", 1.0)))
    assert not asyncio.run(store.add(Operator("ana", "other", 2.0)))
    asyncio.run(store.open_session(ConsoleSession("h1", "ana", "csrf", 10.0, 10.0)))
    assert asyncio.run(store.session("h1", now=20.0, idle_seconds=60)) is not None
    assert asyncio.run(store.session("h1", now=200.0, idle_seconds=60)) is None, "idle too long"
    asyncio.run(store.open_session(ConsoleSession("h2", "ana", "csrf", 10.0, 10.0)))
    assert asyncio.run(store.set_password("ana", "new-hash"))
    assert asyncio.run(store.session("h2", now=11.0, idle_seconds=60)) is None, "a new password ends sessions"
    found = asyncio.run(store.get("ana"))
    assert found is not None and found.password_hash == "new-hash"
    idle = IdleConsoleSessions(engine, idle_seconds=60)
    asyncio.run(store.open_session(ConsoleSession("h3", "ana", "csrf", 10.0, 10.0)))
    old = asyncio.run(idle.older_than(100.0))
    assert [a.key for a in old] == ["h3"] and asyncio.run(idle.remove(old[0]))
    assert asyncio.run(store.remove("ana")) and not asyncio.run(store.remove("ana"))
    assert asyncio.run(store.names()) == []


def test_activity_counts_add_up_across_processes(engine: Engine) -> None:
    one, two = DbActivity(engine), DbActivity(engine)
    for counter in (one, two):
        counter.count("started", 7200.0)
        counter.count("started", 7300.0)
        counter.count("outcome:solved", 7300.0)
    asyncio.run(one.flush())
    assert asyncio.run(two.totals(3600.0)) == {"started": 4, "outcome:solved": 2}
    assert asyncio.run(two.totals(1e9)) == {}


def test_a_dump_loads_back_into_an_empty_database(engine: Engine, tmp_path: Path) -> None:
    asyncio.run(DbTicketStore(engine, FileTicketStore(tmp_path / "t")).save(ticket()))
    desk = DbTicketDesk(engine)
    asyncio.run(desk.add_note(Note("TCK-20261207-ABCDEF", 5.0, "ana", "nota")))
    asyncio.run(desk.record(AuditEntry(6.0, "ana", "sign_in")))
    buffer = io.BytesIO()
    counts = dump(engine, buffer)
    assert counts["tickets"] == 1 and counts["ticket_notes"] == 1 and counts["audit"] == 2
    other = open_engine(database_url("", tmp_path / "other"))
    (tmp_path / "other").mkdir(exist_ok=True)
    migrate(other)
    assert load(other, io.BytesIO(buffer.getvalue()))["tickets"] == 1
    again = DbTicketDesk(other)
    assert [n.text for n in asyncio.run(again.notes("TCK-20261207-ABCDEF"))] == ["nota"]
    asyncio.run(again.add_note(Note("TCK-20261207-ABCDEF", 7.0, "ana", "otra")))  # ids carry on
    assert {json.loads(line)["table"] for line in buffer.getvalue().splitlines()} == {"tickets", "ticket_notes",
                                                                                     "audit"}
    other.dispose()


def test_two_operators_racing_on_one_version_one_wins_and_one_is_told(engine: Engine, tmp_path: Path) -> None:
    asyncio.run(DbTicketStore(engine, FileTicketStore(tmp_path / "t")).save(ticket()))
    desk = DbTicketDesk(engine)

    async def race() -> list[object]:
        return await asyncio.gather(*(desk.change_status("TCK-20261207-ABCDEF", status, expected_version=1,
                                                         actor=actor, at=10.0)
                                      for actor, status in (("ana", "closed"), ("beto", "in_progress"))),
                                    return_exceptions=True)
    results = asyncio.run(race())
    assert sorted(type(r).__name__ for r in results) == ["DeskState", "TicketChanged"]
    assert len(asyncio.run(desk.audit(ticket_id="TCK-20261207-ABCDEF"))) == 1


def test_replicas_starting_together_on_one_sqlite_file_migrate_it_once(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    engines = [open_engine(database_url("", tmp_path)) for _ in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(migrate, engines))
    assert sorted(str(before) for before, _ in results) == ["0001", "0001", "0001", "None"]
    for made in engines:
        made.dispose()
