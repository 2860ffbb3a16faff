"""`stichat operator add|list|remove|passwd`: the console's named accounts.

The password is typed twice at a terminal (not echoed); when stdin is not a terminal it is read as
two lines, so a script can pipe it. Same settings as the service (DATA_DIR or DATABASE_URL).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, TypeVar

import click

from stichat.cli.settings import load_settings
from stichat.domain.errors import InvalidInput

T = TypeVar("T")


def _password() -> str:
    if sys.stdin.isatty():
        first = click.prompt("password", hide_input=True, err=True)
        second = click.prompt("password again", hide_input=True, err=True)
    else:
        first, second = sys.stdin.readline().rstrip("\r\n"), sys.stdin.readline().rstrip("\r\n")
    if first != second:
        click.echo("stichat operator: the two passwords differ", err=True)
        raise SystemExit(2)
    return str(first)


def _run(job: Callable[..., Coroutine[Any, Any, T]], *args: str) -> T:
    from stichat import bootstrap

    logging.getLogger("stichat").addHandler(logging.NullHandler())
    services = bootstrap.build(load_settings())
    try:
        return asyncio.run(job(services.operators, *args))
    except InvalidInput as exc:
        click.echo(f"stichat operator: {exc.reason}: {exc.detail}", err=True)
        raise SystemExit(2) from None
    finally:
        services.close()


@click.group()
def operator() -> None:
    """Named operator accounts for the console (/console)."""


@operator.command("add")
@click.argument("name")
def add(name: str) -> None:
    """Create an operator; the password is asked twice (or read as two lines from stdin)."""
    made = _run(lambda ops, n, p: ops.add(n, p), name, _password())
    click.echo(f"operator added: {made.name}")


@operator.command("list")
def list_() -> None:
    """List the operators and when each was created."""
    for found in _run(lambda ops: ops.names()):
        click.echo(f"{found.name}\t{datetime.fromtimestamp(found.created_at, UTC):%Y-%m-%d %H:%M} UTC")


@operator.command("remove")
@click.argument("name")
def remove(name: str) -> None:
    """Remove an operator and sign out their sessions."""
    if not _run(lambda ops, n: ops.remove(n), name):
        click.echo(f"stichat operator: no operator named {name}", err=True)
        raise SystemExit(1)
    click.echo(f"operator removed: {name}")


@operator.command("passwd")
@click.argument("name")
def passwd(name: str) -> None:
    """Set a new password (asked twice); the operator's open sessions end."""
    if not _run(lambda ops, n, p: ops.set_password(n, p), name, _password()):
        click.echo(f"stichat operator: no operator named {name}", err=True)
        raise SystemExit(1)
    click.echo(f"password changed: {name}")
