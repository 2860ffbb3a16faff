"""The `stichat` command: serve, and the operations jobs (each with --help, documented in docs/)."""

from __future__ import annotations

import gc
import sys

import click

from stichat import __version__
from stichat.config import Settings
from stichat.domain.errors import ConfigError, KnowledgeError


def load_settings() -> Settings:
    """Settings from the environment, or exit 2 with a one-line reason."""
    try:
        return Settings.from_env()
    except ConfigError as exc:
        click.echo(f"stichat: configuration error: {exc}", err=True)
        sys.exit(2)


@click.group()
@click.version_option(__version__, prog_name="stichat")
def main() -> None:
    """STI Chat: Tecnos, the technical-support chat assistant of STI."""


KEEP_ALIVE_SECONDS = 75


@main.command()
@click.option("--host", default=None, help="Listen address (default: HOST or 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Listen port (default: PORT or 8080).")
def serve(host: str | None, port: int | None) -> None:
    """Run the HTTP service (uvicorn)."""
    import uvicorn

    from stichat.web.app import create_app

    settings = load_settings()
    try:
        app = create_app(settings)
    except (KnowledgeError, OSError) as exc:
        click.echo(f"stichat: cannot start: {exc}", err=True)
        sys.exit(2)
    if settings.log_token_generated:
        click.echo(f"stichat: development LOG_TOKEN for this run: {settings.log_token}", err=True)
    # What start-up loaded (the knowledge base, compiled patterns, the app) lives as long as the process:
    # frozen, the collector never walks it again. Unfrozen, each full collection walked ~140,000 objects
    # on the event loop, a pause of ~160 ms that every request in flight waited out (the p99 under load).
    gc.collect()
    gc.freeze()
    # Idle keep-alive connections stay open 75 s, longer than a proxy's upstream keep-alive (60 s in
    # ingress-nginx): the proxy, never uvicorn (5 s by default), closes an idle connection, so no request
    # is sent on a connection just as the server closes it (a 502 for the customer).
    uvicorn.run(app, host=host or settings.host, port=port if port is not None else settings.port,
                access_log=False, log_level="warning", proxy_headers=False, server_header=False,
                timeout_keep_alive=KEEP_ALIVE_SECONDS)

from stichat.smoke import smoke  # noqa: E402

main.add_command(smoke)


@main.group("smart-mode")
def smart_mode() -> None:
    """Turn smart mode (LLM calls) on or off at run time, in every process sharing DATA_DIR.

    The switch takes effect within about a second without a restart. SMART_MODE=false at start
    stays final: `on` cannot enable a process started without smart mode.
    """


def _smart_mode_run(enabled: bool | None) -> None:
    import asyncio
    import logging

    from stichat import bootstrap
    from stichat.services.smart import SmartMode

    logging.getLogger("stichat").addHandler(logging.NullHandler())  # this command speaks on stdout only
    settings = load_settings()
    smart = SmartMode(switch=bootstrap.smart_switch(settings), configured=settings.smart_mode_configured)
    try:
        status = asyncio.run(smart.status() if enabled is None else smart.set(enabled))
    except Exception as exc:  # a file or Redis that cannot be reached: one line, exit 1
        click.echo(f"stichat: cannot reach the smart-mode switch: {exc}", err=True)
        sys.exit(1)
    switch = {True: "on", False: "off", None: "unreadable"}[status["enabled"]]
    click.echo(f"smart-mode switch: {switch}")
    click.echo(f"configured at start (SMART_MODE and an OpenAI key or base URL): "
               f"{'yes' if status['configured'] else 'no'}")
    click.echo(f"LLM calls: {'allowed' if status['active'] else 'none'}")
    if enabled and not status["configured"]:
        click.echo("note: this process's settings leave smart mode off (SMART_MODE=false or no endpoint); "
                   "servers started that way stay rule-based until restarted with it on", err=True)


@smart_mode.command("on")
def smart_mode_on() -> None:
    """Allow LLM calls again (where SMART_MODE and an endpoint were set at start)."""
    _smart_mode_run(True)


@smart_mode.command("off")
def smart_mode_off() -> None:
    """Stop every LLM call within about a second; customers get the rule-based answers."""
    _smart_mode_run(False)


@smart_mode.command("status")
def smart_mode_status() -> None:
    """Show the switch and whether LLM calls are allowed (breaker state: GET /api/smart-mode)."""
    _smart_mode_run(None)

from stichat.backup_cli import backup, restore  # noqa: E402
from stichat.preflight import preflight  # noqa: E402
from stichat.ticket_cli import ticket  # noqa: E402

main.add_command(preflight)
main.add_command(backup)
main.add_command(restore)
main.add_command(ticket)

from stichat.purge import purge  # noqa: E402

main.add_command(purge)

from stichat.canary import canary_check  # noqa: E402
from stichat.digest import digest  # noqa: E402

main.add_command(canary_check)
main.add_command(digest)

from stichat.worker import worker  # noqa: E402

main.add_command(worker)

from stichat.migrate import migrate  # noqa: E402
from stichat.operator_cli import operator  # noqa: E402

main.add_command(migrate)
main.add_command(operator)
