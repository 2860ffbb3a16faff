"""`stichat digest`: the daily metrics digest (`stichat.ops.digest`) printed, written and mailed."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import click

from stichat import bootstrap_ops
from stichat.cli.settings import load_settings
from stichat.ops.digest import build_digest
from stichat.ops.ports import MailError, PrometheusError

WINDOW = re.compile(r"^\d+[smhdw]$")


@click.command()
@click.option("--prometheus", "prometheus_url", required=True, metavar="URL", help="Prometheus base URL.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the Markdown to this file.")
@click.option("--smtp", "send", is_flag=True, help="Mail it to SMTP_TO through SMTP_HOST.")
@click.option("--window", default="24h", show_default=True, help="How far back, in PromQL duration (24h, 3d).")
@click.option("--selector", "sel", default="", metavar="MATCHERS",
              help='Label matchers added to every query, e.g. namespace="stichat".')
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds allowed for each query.")
def digest(prometheus_url: str, out: Path | None, send: bool, window: str, sel: str, timeout: float) -> None:
    """The daily metrics digest (checklist item 34) as Markdown; optionally by e-mail."""
    if not WINDOW.match(window):
        click.echo(f"stichat digest: --window must look like 24h or 3d, got {window!r}", err=True)
        raise SystemExit(2)
    settings = load_settings()
    if send and not settings.smtp.configured:
        click.echo("stichat digest: --smtp needs SMTP_HOST and SMTP_TO", err=True)
        raise SystemExit(2)
    try:
        with bootstrap_ops.prometheus(prometheus_url, timeout=timeout) as prom:
            text = build_digest(prom, window=window, sel=sel)
    except PrometheusError as exc:
        click.echo(f"stichat digest: cannot build the digest: {exc}", err=True)
        raise SystemExit(2) from None
    click.echo(text, nl=False)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        click.echo(f"digest written to {out}", err=True)
    if send:
        subject = f"STI Chat digest {datetime.now(UTC):%Y-%m-%d}"
        try:
            bootstrap_ops.mailer(settings.smtp).send(subject=subject, body=text)
        except MailError as exc:
            click.echo(f"stichat digest: cannot send the mail: {exc}", err=True)
            raise SystemExit(1) from None
        click.echo(f"digest mailed to {', '.join(settings.smtp.to)}", err=True)
