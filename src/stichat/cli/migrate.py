"""`stichat migrate`: bring the database's schema to the newest revision and import ticket files.

The service does the same at start-up; this command lets a deploy do it first (a Kubernetes Job,
an init container), and reports what it did. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

import json
import logging

import click

from stichat.cli.settings import load_settings


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def migrate(as_json: bool) -> None:
    """Create or upgrade the database schema (DATABASE_URL, or SQLite under DATA_DIR) and import
    the ticket files under TICKETS_DIR that are not in it yet."""
    from stichat import bootstrap

    logging.getLogger("stichat").addHandler(logging.NullHandler())
    settings = load_settings()
    try:
        done = bootstrap.migrate_database(settings)
    except Exception as exc:  # a database that cannot be reached or written: one line, exit 1
        click.echo(f"stichat migrate: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}", err=True)
        raise SystemExit(1) from None
    where = "PostgreSQL (DATABASE_URL)" if settings.database_url else f"SQLite in {settings.data_dir}"
    if as_json:
        click.echo(json.dumps({"database": "postgresql" if settings.database_url else "sqlite",
                               "revisionBefore": done.before, "revision": done.after,
                               "ticketsImported": done.imported}))
        return
    click.echo(f"database: {where}")
    click.echo(f"schema: {done.before or 'empty'} -> {done.after}")
    click.echo(f"ticket files imported: {done.imported}")
