"""What `stichat digest` writes: the daily metrics digest of checklist item 34, from Prometheus, as Markdown.

Requests, 5xx ratio, p95 of /api/chat, tickets, conversations by outcome and LLM calls and failures
over the last `--window` (24 h); the command prints it, writes it to `--out` and with `--smtp` mails it
through the Mailer port (SMTP_HOST to SMTP_TO).
"""

from __future__ import annotations

from datetime import UTC, datetime

from stichat.metrics import OUTCOMES
from stichat.ops.canary import PROBE_ROUTES, scalar, selector
from stichat.ops.ports import MetricsQuery


def _fmt_count(value: float | None) -> str:
    return "no data" if value is None else f"{round(value):,}".replace(",", " ")


def _fmt_pct(value: float | None) -> str:
    return "no traffic" if value is None else f"{value * 100:.2f} %"


def build_digest(prom: MetricsQuery, *, window: str = "24h", sel: str = "", now: datetime | None = None) -> str:
    """The digest as Markdown; raises PrometheusError when Prometheus cannot answer."""
    now = now or datetime.now(UTC)
    customer = selector(sel, f'route!~"{PROBE_ROUTES}"')
    errors = selector(sel, f'route!~"{PROBE_ROUTES}"', 'status=~"5.."')
    chat = selector(sel, 'route="/api/chat"')
    s = selector(sel)
    requests = scalar(prom, f"sum(increase(stichat_http_request_duration_seconds_count{customer}[{window}]))")
    failed = scalar(prom, f"sum(increase(stichat_http_request_duration_seconds_count{errors}[{window}]))")
    ratio = (failed or 0.0) / requests if requests else None
    p95 = scalar(prom, f"histogram_quantile(0.95, sum by (le) "
                     f"(increase(stichat_http_request_duration_seconds_bucket{chat}[{window}])))")
    chat_turns = scalar(prom, f"sum(increase(stichat_chat_messages_total{s}[{window}]))")
    tickets = scalar(prom, f"sum(increase(stichat_tickets_total{s}[{window}]))")
    outcomes = {labels.get("outcome", "?"): value for labels, value in
                prom.query(f"sum by (outcome) (increase(stichat_conversations_total{s}[{window}]))")}
    llm_calls = scalar(prom, f"sum(increase(stichat_openai_requests_total{s}[{window}]))")
    llm_failures = {labels.get("reason", "?"): value for labels, value in
                    prom.query(f"sum by (reason) (increase(stichat_openai_failures_total{s}[{window}]))")}
    breaker = scalar(prom, f"max(max_over_time(stichat_openai_circuit_state{s}[{window}]))")
    disk = scalar(prom, f"max(1 - stichat_storage_free_bytes{s} / stichat_storage_total_bytes{s})")

    failures_total = sum(llm_failures.values())
    llm_ratio = failures_total / llm_calls if llm_calls else None
    lines = [
        f"# STI Chat — daily digest, {now:%Y-%m-%d}",
        "",
        f"Window: the {window} up to {now:%Y-%m-%d %H:%M} UTC (Prometheus `{prom.where}`).",
        "",
        "| metric | value |",
        "|---|---|",
        f"| requests (customer routes) | {_fmt_count(requests)} |",
        f"| 5xx responses | {_fmt_count(failed if requests else None)} ({_fmt_pct(ratio)}; rollback above 0.50 %) |",
        f"| p95 /api/chat | {'no traffic' if p95 is None else f'{p95:.3f} s'} (SLO 2 s) |",
        f"| chat turns | {_fmt_count(chat_turns)} |",
        f"| tickets created | {_fmt_count(tickets)} |",
        f"| LLM calls | {_fmt_count(llm_calls)} |",
        f"| LLM failures | {_fmt_count(failures_total if llm_calls is not None or llm_failures else None)}"
        f" ({_fmt_pct(llm_ratio)}) |",
        f"| LLM breaker, worst state | {_breaker(breaker)} |",
        f"| disk used (data volume) | {'no data' if disk is None else f'{disk * 100:.1f} %'} |",
        "",
        "## Conversations by outcome",
        "",
        "| outcome | conversations |",
        "|---|---|",
        *[f"| {o} | {_fmt_count(outcomes.get(o, 0.0))} |" for o in OUTCOMES],
        *[f"| {o} | {_fmt_count(v)} |" for o, v in sorted(outcomes.items()) if o not in OUTCOMES],
    ]
    if llm_failures:
        lines += ["", "## LLM failures by reason", "", "| reason | failures |", "|---|---|",
                  *[f"| {r} | {_fmt_count(v)} |" for r, v in sorted(llm_failures.items())]]
    return "\n".join(lines) + "\n"


def _breaker(state: float | None) -> str:
    return {None: "no data", 0.0: "closed", 1.0: "half-open", 2.0: "open (tripped in the window)"}.get(
        state, str(state))
