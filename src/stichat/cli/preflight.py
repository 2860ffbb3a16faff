"""`stichat preflight`: production readiness on this machine, printed as PASS, WARN and FAIL lines.

The checks live in `stichat.ops.preflight`; exit 0 when nothing failed, 1 otherwise, 2 when the
settings themselves do not parse (that refusal is printed as the report's failed `settings` line).
"""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from stichat.cli.settings import load_settings
from stichat.domain.errors import ConfigError
from stichat.ops.preflight import LLM_TIMEOUT_SECONDS, MIN_FREE_PERCENT, Check, run_preflight


def _echo(check: Check) -> None:
    click.echo(f"{check.status}  {check.name:<24} {check.detail}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON document.")
@click.option("--min-free", type=click.FloatRange(0, 100), default=MIN_FREE_PERCENT, show_default=True,
              help="Fail when free space or free inodes fall under this percentage.")
@click.option("--llm-timeout", type=float, default=LLM_TIMEOUT_SECONDS, show_default=True,
              help="Seconds allowed for GET {OPENAI_BASE_URL}/models.")
def preflight(as_json: bool, min_free: float, llm_timeout: float) -> None:
    """Check production readiness on this machine: settings, secrets, storage, disk, Redis, LLM."""
    def refuse(exc: ConfigError) -> None:  # the report's first check, failed: still PASS/WARN/FAIL lines
        if as_json:
            click.echo(json.dumps({"ok": False, "checks": [asdict(Check("settings", "FAIL", str(exc)))]}))
        else:
            _echo(Check("settings", "FAIL", str(exc)))

    settings = load_settings(say=refuse)
    report = run_preflight(settings, min_free_percent=min_free, llm_timeout=llm_timeout)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(f"stichat preflight: APP_ENV={settings.app_env}, DATA_DIR={settings.data_dir}")
        for check in report.checks:
            _echo(check)
        counts = report.counts()
        click.echo(f"{counts['PASS']} passed, {counts['WARN']} warnings, {counts['FAIL']} failed")
    raise SystemExit(0 if report.ok else 1)
