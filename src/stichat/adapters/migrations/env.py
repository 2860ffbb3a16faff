"""Alembic's environment: migrations run on the connection `database.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from stichat.adapters.db_schema import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):  # pragma: no cover - only `database.migrate` runs these
    raise RuntimeError("run migrations through `stichat migrate` (stichat.adapters.database.migrate)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
