"""`stichat smoke`: the checklist's smoke commands against a running service (`stichat.ops.smoke`)."""

from __future__ import annotations

from pathlib import Path

import click

from stichat.ops.smoke import render_report, run_smoke


@click.command()
@click.option("--base-url", required=True, help="Service to test, e.g. https://staging.example or http://stichat-api.")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a Markdown evidence block (for checklist item 3) to this file.")
@click.option("--token", envvar="LOG_TOKEN", default=None, show_envvar=True,
              help="Operator token for /api/logs (never printed).")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds allowed for each request.")
def smoke(base_url: str, report: Path | None, token: str | None, timeout: float) -> None:
    """Run the checklist smoke commands against a running service; exit 0 only if all pass."""
    click.echo(f"stichat smoke: {base_url.rstrip('/')}")
    run = run_smoke(base_url, token or None, timeout)
    passed = sum(s.passed for s in run.steps)
    click.echo(f"{passed}/{len(run.steps)} steps passed")
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(render_report(run), encoding="utf-8")
        click.echo(f"report written to {report}")
    raise SystemExit(0 if run.passed else 1)
