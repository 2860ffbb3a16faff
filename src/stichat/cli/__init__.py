"""The `stichat` command: serve, worker and the operations jobs, one module per command (each with
--help, documented in docs/cli.md). What the operations commands do lives in `stichat.ops`."""

from __future__ import annotations

import click

from stichat import __version__

# The modules, not their commands, are this package's names: `stichat.cli.purge` stays the module.
from stichat.cli import (
    backup,
    canary,
    digest,
    migrate,
    operator,
    preflight,
    purge,
    restore,
    serve,
    smart_mode,
    smoke,
    ticket,
    worker,
)


@click.group()
@click.version_option(__version__, prog_name="stichat")
def main() -> None:
    """STI Chat: Tecnos, the technical-support chat assistant of STI."""


for command in (serve.serve, smoke.smoke, smart_mode.smart_mode, purge.purge, preflight.preflight, backup.backup,
                restore.restore, ticket.ticket, canary.canary_check, digest.digest, worker.worker, migrate.migrate,
                operator.operator):
    main.add_command(command)
