"""What `stichat canary-check` judges: the rollback criteria of checklist item 33, asked of Prometheus.

The same four criteria as the canary's AnalysisTemplate (deploy/k8s/overlays/canary), for a person
with a terminal or a pipeline step without Argo Rollouts: the 5xx ratio over 5 minutes above 0.5 %,
the p95 of /api/chat above twice the baseline, the LLM breaker open, the data volume above 90 % used.
Each is printed with its value and limit; exit 1 when any trips (roll back), 2 when Prometheus cannot
answer (nothing could be judged), 0 otherwise. No traffic (an empty or NaN result) trips nothing.

`--selector` narrows every query to some series, e.g. `namespace="stichat",rollouts_pod_template_hash="<canary>"`.
Without `--baseline-p95` the baseline is the same p95 a day earlier (`offset 1d`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from stichat.ops.ports import MetricsQuery

PROBE_ROUTES = "/healthz|/readyz|/metrics|/api/health"  # probes are not customer traffic
MAX_5XX_RATIO = 0.005
P95_FACTOR = 2.0
BREAKER_OPEN = 2.0
MAX_DISK_USED = 0.90


def selector(*matchers: str) -> str:
    """`{a="b",c=~"d"}` from matchers, leaving out empty ones; "" when there are none."""
    parts = [m.strip().strip(",") for m in matchers if m and m.strip().strip(",")]
    return "{" + ",".join(parts) + "}" if parts else ""


def scalar(prom: MetricsQuery, expr: str) -> float | None:
    """The single number an aggregated query gives; None for no series or NaN (no traffic)."""
    series = prom.query(expr)
    if not series:
        return None
    number = series[0][1]
    return None if math.isnan(number) else number


@dataclass
class Criterion:
    name: str
    query: str
    value: float | None
    limit: float | None
    tripped: bool
    shown: str


def ratio_5xx_query(sel: str) -> str:
    customer = f'route!~"{PROBE_ROUTES}"'
    errors = selector(sel, customer, 'status=~"5.."')
    every = selector(sel, customer)
    return (f"sum(rate(stichat_http_request_duration_seconds_count{errors}[5m]))"
            f" / sum(rate(stichat_http_request_duration_seconds_count{every}[5m]))")


def p95_chat_query(sel: str, *, offset: str = "") -> str:
    series = selector(sel, 'route="/api/chat"')
    shift = f" offset {offset}" if offset else ""
    return (f"histogram_quantile(0.95, sum by (le) "
            f"(rate(stichat_http_request_duration_seconds_bucket{series}[5m]{shift})))")


def breaker_query(sel: str) -> str:
    return f"max(stichat_openai_circuit_state{selector(sel)})"


def disk_used_query(sel: str) -> str:
    s = selector(sel)
    return f"max(1 - stichat_storage_free_bytes{s} / stichat_storage_total_bytes{s})"


def evaluate(prom: MetricsQuery, sel: str = "", baseline_p95: float | None = None) -> list[Criterion]:
    """The four rollback criteria, each with its value; raises PrometheusError when one cannot be asked."""
    out: list[Criterion] = []

    q = ratio_5xx_query(sel)
    v = scalar(prom, q)
    out.append(Criterion("5xx ratio (5m)", q, v, MAX_5XX_RATIO, v is not None and v > MAX_5XX_RATIO,
                         "no traffic" if v is None else f"{v * 100:.2f} % (limit {MAX_5XX_RATIO * 100:.2f} %)"))

    q = p95_chat_query(sel)
    v = scalar(prom, q)
    baseline = baseline_p95
    base_note = "--baseline-p95"
    if baseline is None:
        baseline = scalar(prom, p95_chat_query(sel, offset="1d"))
        base_note = "p95 a day ago"
    limit = P95_FACTOR * baseline if baseline else None
    if v is None:
        shown = "no /api/chat traffic"
    elif limit is None:
        shown = f"{v:.3f} s (no baseline: not judged; pass --baseline-p95)"
    else:
        shown = f"{v:.3f} s (limit {P95_FACTOR:g} × {baseline:.3f} s = {limit:.3f} s, {base_note})"
    out.append(Criterion("p95 /api/chat (5m)", q, v, limit, v is not None and limit is not None and v > limit, shown))

    q = breaker_query(sel)
    v = scalar(prom, q)
    states = {0.0: "closed", 1.0: "half-open", 2.0: "open"}
    shown = "no LLM breaker reported" if v is None else f"{states.get(v, str(v))} (max state {v:g})"
    out.append(Criterion("LLM breaker", q, v, BREAKER_OPEN, v is not None and v >= BREAKER_OPEN, shown))

    q = disk_used_query(sel)
    v = scalar(prom, q)
    shown = "no storage metrics" if v is None else f"{v * 100:.1f} % used (limit {MAX_DISK_USED * 100:.0f} %)"
    out.append(Criterion("disk used", q, v, MAX_DISK_USED, v is not None and v > MAX_DISK_USED, shown))
    return out
