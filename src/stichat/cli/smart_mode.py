"""`stichat smart-mode on|off|status`: the runtime smart-mode switch (docs/smart-mode.md)."""

from __future__ import annotations

import asyncio
import logging

import click

from stichat.cli.settings import load_settings


@click.group("smart-mode")
def smart_mode() -> None:
    """Turn smart mode (LLM calls) on or off at run time, in every process sharing DATA_DIR.

    The switch takes effect within about a second without a restart. SMART_MODE=false at start
    stays final: `on` cannot enable a process started without smart mode.
    """


def _run(enabled: bool | None) -> None:
    from stichat import bootstrap
    from stichat.services.smart import SmartMode

    logging.getLogger("stichat").addHandler(logging.NullHandler())  # this command speaks on stdout only
    settings = load_settings()
    smart = SmartMode(switch=bootstrap.smart_switch(settings), configured=settings.smart_mode_configured)
    try:
        status = asyncio.run(smart.status() if enabled is None else smart.set(enabled))
    except Exception as exc:  # a file or Redis that cannot be reached: one line, exit 1
        click.echo(f"stichat: cannot reach the smart-mode switch: {exc}", err=True)
        raise SystemExit(1) from None
    switch = {True: "on", False: "off", None: "unreadable"}[status.enabled]
    click.echo(f"smart-mode switch: {switch}")
    click.echo(f"configured at start (SMART_MODE and an OpenAI key or base URL): "
               f"{'yes' if status.configured else 'no'}")
    click.echo(f"LLM calls: {'allowed' if status.active else 'none'}")
    if enabled and not status.configured:
        click.echo("note: this process's settings leave smart mode off (SMART_MODE=false or no endpoint); "
                   "servers started that way stay rule-based until restarted with it on", err=True)


@smart_mode.command("on")
def smart_mode_on() -> None:
    """Allow LLM calls again (where SMART_MODE and an endpoint were set at start)."""
    _run(True)


@smart_mode.command("off")
def smart_mode_off() -> None:
    """Stop every LLM call within about a second; customers get the rule-based answers."""
    _run(False)


@smart_mode.command("status")
def smart_mode_status() -> None:
    """Show the switch and whether LLM calls are allowed (breaker state: GET /api/smart-mode)."""
    _run(None)
