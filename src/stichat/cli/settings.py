"""The one way a `stichat` command loads its settings: from the environment, or one line and exit 2."""

from __future__ import annotations

from collections.abc import Callable

import click

from stichat.config import Settings
from stichat.domain.errors import ConfigError

#: The exit code of every command whose settings do not parse (docs/cli.md).
CONFIG_ERROR_EXIT = 2


def say_on_stderr(exc: ConfigError) -> None:
    click.echo(f"stichat: configuration error: {exc}", err=True)


def load_settings(*, say: Callable[[ConfigError], None] = say_on_stderr) -> Settings:
    """Settings from the environment; when they do not parse, `say` tells why in one line and the
    command exits 2. `preflight` passes its own `say`: its refusal is a FAIL line of its report."""
    try:
        return Settings.from_env()
    except ConfigError as exc:
        say(exc)
        raise SystemExit(CONFIG_ERROR_EXIT) from None
