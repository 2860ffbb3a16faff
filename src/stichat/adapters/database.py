"""The database: SQLite under DATA_DIR by default, PostgreSQL when DATABASE_URL is set.

`open_engine` makes the SQLAlchemy engine (WAL and a busy timeout on SQLite, so the service and a
`stichat` command can share the file); `migrate` brings the schema to the newest Alembic revision
under a lock (a file lock on SQLite, an advisory lock on PostgreSQL), so replicas starting together
migrate once. `dump` and `load` move every row as JSON lines for `stichat backup` and `restore`.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from stichat.adapters import db_schema

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SQLITE_FILE = "stichat.sqlite3"
#: PostgreSQL advisory lock key held while migrating ("stichat" in ASCII, as one 64-bit number).
MIGRATION_LOCK = 0x73746963686174


def database_url(database_url: str, data_dir: Path) -> str:
    """The SQLAlchemy URL: psycopg 3 for `postgresql://`, else the SQLite file under DATA_DIR."""
    if not database_url:
        return f"sqlite:///{(data_dir / SQLITE_FILE).resolve()}"
    url = make_url(database_url)
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if url.drivername == "sqlite":
        return database_url
    raise ValueError(f"DATABASE_URL must be postgresql://… (or sqlite:///…), got a {url.drivername} URL")


def open_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 10, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, pool_timeout=5,
                         connect_args={"connect_timeout": 5})


@contextlib.contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    """SQLite: a lock file beside the database, held around the whole migration transaction (taken
    before it begins and released after it commits, so the next process reads the new revision)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> tuple[str | None, str | None]:
    """Upgrade to the newest revision; the revision before and after (None = empty database)."""
    with _file_lock(engine), engine.begin() as connection:
        if engine.dialect.name == "postgresql":  # held until this transaction ends
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        before = current_revision(connection)
        command.upgrade(alembic_config(connection), "head")
        after = current_revision(connection)
    return before, after


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


#: Parents before children, so a load never breaks a foreign key.
TABLES = (db_schema.operators, db_schema.tickets, db_schema.ticket_history, db_schema.ticket_notes,
          db_schema.audit, db_schema.console_sessions, db_schema.activity)


def dump(engine: Engine, handle: IO[bytes]) -> dict[str, int]:
    """Every row of every table as one JSON line `{"table": …, "row": {…}}`; the count per table."""
    counts: dict[str, int] = {}
    with engine.connect() as connection:
        for table in TABLES:
            counts[table.name] = 0
            for row in connection.execute(table.select()).mappings():
                handle.write(json.dumps({"table": table.name, "row": dict(row)}, ensure_ascii=False).encode() + b"\n")
                counts[table.name] += 1
    return counts


def load(engine: Engine, lines: IO[bytes]) -> dict[str, int]:
    """Replace every table's rows with a dump's, in one transaction (all or nothing)."""
    by_name = {table.name: table for table in TABLES}
    rows: dict[str, list[dict[str, Any]]] = {table.name: [] for table in TABLES}
    for raw in lines:
        if raw.strip():
            item = json.loads(raw)
            if item.get("table") in by_name:
                rows[item["table"]].append(dict(item["row"]))
    with engine.begin() as connection:
        for table in reversed(TABLES):
            connection.execute(table.delete())
        for table in TABLES:
            if rows[table.name]:
                connection.execute(table.insert(), rows[table.name])
        if engine.dialect.name == "postgresql":
            for table in TABLES:
                if "id" in table.c and table.c.id.autoincrement is True:
                    connection.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608 - our names
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
    return {name: len(found) for name, found in rows.items()}
