"""The `stichat` command: serve, and the operations jobs (each with --help, documented in docs/)."""

from __future__ import annotations

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
    uvicorn.run(app, host=host or settings.host, port=port if port is not None else settings.port,
                access_log=False, log_level="warning", proxy_headers=False, server_header=False)

from stichat.smoke import smoke  # noqa: E402

main.add_command(smoke)
