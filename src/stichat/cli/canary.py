"""`stichat canary-check`: the rollback criteria of checklist item 33 (`stichat.ops.canary`), printed
with their values; exit 1 when any trips, 2 when Prometheus cannot answer."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from stichat import bootstrap_ops
from stichat.ops.canary import evaluate
from stichat.ops.ports import PrometheusError


@click.command("canary-check")
@click.option("--prometheus", "prometheus_url", required=True, metavar="URL",
              help="Prometheus base URL, e.g. http://prometheus-operated.monitoring.svc:9090.")
@click.option("--baseline-p95", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="The stable p95 of /api/chat; default: the same p95 a day earlier.")
@click.option("--selector", "sel", default="", metavar="MATCHERS",
              help='Label matchers added to every query, e.g. namespace="stichat",rollouts_pod_template_hash="abc".')
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds allowed for each query.")
@click.option("--json", "as_json", is_flag=True, help="Print the criteria as JSON.")
def canary_check(prometheus_url: str, baseline_p95: float | None, sel: str, timeout: float, as_json: bool) -> None:
    """Evaluate the rollback criteria (checklist item 33); exit 1 when any trips."""
    try:
        with bootstrap_ops.prometheus(prometheus_url, timeout=timeout) as prom:
            criteria = evaluate(prom, sel, baseline_p95)
    except PrometheusError as exc:
        click.echo(f"stichat canary-check: cannot evaluate: {exc}", err=True)
        raise SystemExit(2) from None
    tripped = [c for c in criteria if c.tripped]
    if as_json:
        click.echo(json.dumps({"rollback": bool(tripped), "criteria": [asdict(c) for c in criteria]}, indent=2))
    else:
        click.echo(f"stichat canary-check: {prometheus_url.rstrip('/')}" + (f" {{{sel}}}" if sel else ""))
        for c in criteria:
            click.echo(f"{'ROLLBACK' if c.tripped else 'OK':<8}  {c.name:<20} {c.shown}")
        if tripped:
            click.echo(f"verdict: ROLLBACK ({', '.join(c.name for c in tripped)})")
        else:
            click.echo("verdict: OK (no rollback criterion tripped)")
    raise SystemExit(1 if tripped else 0)
