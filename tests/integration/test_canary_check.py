"""`stichat canary-check` and `stichat digest` against a real Prometheus scraping two fake instances.

One instance is healthy, the other trips every rollback criterion. They serve the service's own
metric names (the exposition format of src/stichat/metrics.py) with counters that grow with wall
time, Prometheus scrapes both every second, and the commands ask Prometheus's HTTP API the way they
would in production, narrowed with `--selector job="…"`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from stichat.cli import main
from tests.conftest import base_env, free_port

PROMETHEUS = shutil.which("prometheus") or "/usr/bin/prometheus"
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)


@dataclass
class Shape:
    """Per-second rates and gauges of one fake instance."""

    ok_per_s: float
    errors_per_s: float
    chat_latency: float  # every /api/chat request takes this long
    breaker: int
    free_fraction: float


HEALTHY = Shape(ok_per_s=100, errors_per_s=0.1, chat_latency=0.02, breaker=0, free_fraction=0.6)
UNHEALTHY = Shape(ok_per_s=100, errors_per_s=5, chat_latency=1.5, breaker=2, free_fraction=0.05)


def exposition(shape: Shape, seconds: float) -> str:
    """What /metrics of an instance with this shape says `seconds` after it started."""
    ok, err = shape.ok_per_s * seconds, shape.errors_per_s * seconds
    hist = "stichat_http_request_duration_seconds"
    lines = [f"# TYPE {hist} histogram"]
    for status, count in (("200", ok), ("500", err)):
        for le in BUCKETS:
            lines.append(f'{hist}_bucket{{route="/api/chat",method="POST",status="{status}",le="{le}"}} '
                         f"{count if shape.chat_latency <= le else 0}")
        lines.append(f'{hist}_bucket{{route="/api/chat",method="POST",status="{status}",le="+Inf"}} {count}')
        lines.append(f'{hist}_count{{route="/api/chat",method="POST",status="{status}"}} {count}')
        lines.append(f'{hist}_sum{{route="/api/chat",method="POST",status="{status}"}} {count * shape.chat_latency}')
    lines.append(f'{hist}_count{{route="/healthz",method="GET",status="503"}} {50 * seconds}')  # probes: ignored
    total = 100 * 2**30
    lines += [
        "# TYPE stichat_openai_circuit_state gauge", f"stichat_openai_circuit_state {shape.breaker}",
        "# TYPE stichat_storage_free_bytes gauge", f"stichat_storage_free_bytes {total * shape.free_fraction}",
        "# TYPE stichat_storage_total_bytes gauge", f"stichat_storage_total_bytes {total}",
        "# TYPE stichat_tickets_total counter", f"stichat_tickets_total {2 * seconds}",
        "# TYPE stichat_chat_messages_total counter", f"stichat_chat_messages_total {ok}",
        "# TYPE stichat_conversations_total counter",
        f'stichat_conversations_total{{outcome="solved"}} {3 * seconds}',
        f'stichat_conversations_total{{outcome="ticket"}} {2 * seconds}',
        "# TYPE stichat_openai_requests_total counter", f"stichat_openai_requests_total {10 * seconds}",
        "# TYPE stichat_openai_failures_total counter",
        f'stichat_openai_failures_total{{reason="timeout"}} {shape.breaker * seconds}',
    ]
    return "\n".join(lines) + "\n"


class Instance:
    def __init__(self, shape: Shape) -> None:
        started = time.time()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = exposition(shape, time.time() - started).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; version=0.0.4")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.target = f"127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def prometheus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not shutil.which(PROMETHEUS) and not Path(PROMETHEUS).exists():
        pytest.fail("prometheus is not installed: run make sysdeps (Debian package prometheus)")
    tmp = tmp_path_factory.mktemp("prometheus")
    healthy, unhealthy = Instance(HEALTHY), Instance(UNHEALTHY)
    (tmp / "prometheus.yml").write_text(f"""
global: {{scrape_interval: 1s, scrape_timeout: 900ms}}
scrape_configs:
  - job_name: healthy
    static_configs: [{{targets: ["{healthy.target}"]}}]
  - job_name: unhealthy
    static_configs: [{{targets: ["{unhealthy.target}"]}}]
""")
    port = free_port()
    log = (tmp / "prometheus.log").open("wb")
    process = subprocess.Popen([PROMETHEUS, f"--config.file={tmp / 'prometheus.yml'}",
                                f"--storage.tsdb.path={tmp / 'tsdb'}", f"--web.listen-address=127.0.0.1:{port}"],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # until both jobs have three samples: enough for rate()
            try:
                r = httpx.get(f"{url}/api/v1/query", params={"query": "count_over_time(up[1m]) >= 3"}, timeout=1)
                if r.status_code == 200 and len(r.json()["data"]["result"]) == 2:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError(f"prometheus did not scrape in time:\n{(tmp / 'prometheus.log').read_text()}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        healthy.stop()
        unhealthy.stop()


def check(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, ["canary-check", *args], env=env)


def test_a_healthy_canary_trips_nothing(prometheus: str) -> None:
    result = check("--prometheus", prometheus, "--selector", 'job="healthy"', "--baseline-p95", "0.05")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("OK") and "5xx ratio" in line and "0.10 %" in line for line in lines), result.output
    assert any(line.startswith("OK") and "LLM breaker" in line and "closed" in line for line in lines)
    assert any(line.startswith("OK") and "disk used" in line and "40.0 % used" in line for line in lines)
    assert "verdict: OK" in result.output


def test_an_unhealthy_canary_trips_every_criterion_and_exits_1(prometheus: str) -> None:
    result = check("--prometheus", prometheus, "--selector", 'job="unhealthy"', "--baseline-p95", "0.05",
                   "--json")
    assert result.exit_code == 1, result.output
    import json

    doc = json.loads(result.output)
    by_name: dict[str, Any] = {c["name"]: c for c in doc["criteria"]}
    assert doc["rollback"] is True
    assert all(c["tripped"] for c in doc["criteria"]), doc
    assert by_name["5xx ratio (5m)"]["value"] == pytest.approx(5 / 105, rel=0.05)
    assert 1.0 < by_name["p95 /api/chat (5m)"]["value"] <= 2.0 and by_name["p95 /api/chat (5m)"]["limit"] == 0.1
    assert by_name["LLM breaker"]["value"] == 2
    assert by_name["disk used"]["value"] == pytest.approx(0.95)


def test_the_p95_criterion_compares_with_twice_the_baseline(prometheus: str) -> None:
    generous = check("--prometheus", prometheus, "--selector", 'job="healthy"', "--baseline-p95", "0.02")
    assert generous.exit_code == 0, generous.output
    tight = check("--prometheus", prometheus, "--selector", 'job="healthy"', "--baseline-p95", "0.005")
    assert tight.exit_code == 1 and "ROLLBACK  p95 /api/chat" in tight.output


def test_without_a_baseline_the_p95_is_shown_but_not_judged(prometheus: str) -> None:
    result = check("--prometheus", prometheus, "--selector", 'job="healthy"')
    assert result.exit_code == 0 and "no baseline" in result.output


def test_no_traffic_trips_nothing(prometheus: str) -> None:
    result = check("--prometheus", prometheus, "--selector", 'job="absent"', "--baseline-p95", "0.1")
    assert result.exit_code == 0 and "no traffic" in result.output


def test_an_unreachable_prometheus_exits_2() -> None:
    result = check("--prometheus", f"http://127.0.0.1:{free_port()}", "--timeout", "1")
    assert result.exit_code == 2 and "cannot evaluate" in result.output


def test_a_bad_selector_is_reported_as_a_query_error(prometheus: str) -> None:
    result = check("--prometheus", prometheus, "--selector", "job=")
    assert result.exit_code == 2 and "query failed" in result.output


# --- the daily digest -------------------------------------------------------------------------------

def test_the_digest_is_markdown_with_every_figure(prometheus: str, tmp_path: Path) -> None:
    out = tmp_path / "digest.md"
    result = CliRunner().invoke(main, ["digest", "--prometheus", prometheus, "--window", "1m", "--selector",
                                       'job="unhealthy"', "--out", str(out)], env=base_env(tmp_path / "data"))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith("# STI Chat — daily digest")
    for row in ("| requests (customer routes) |", "| 5xx responses |", "| p95 /api/chat |", "| tickets created |",
                "| LLM failures |", "| solved |", "| ticket |", "| abandoned |", "| timeout |"):
        assert row in text, row
    # 1 in 21 customer requests failed; Prometheus extrapolates rates over the window's edges, so the
    # printed share moves a little with timing (4.76 % seen idle, 4.81 % under load).
    share = re.search(r"\| 5xx responses \| \d+ \((\d+\.\d+) %", text)
    assert share and 4.5 <= float(share.group(1)) <= 5.1, text
    assert "open (tripped in the window)" in text


def test_the_digest_is_mailed_through_smtp(prometheus: str, tmp_path: Path) -> None:
    import aiosmtpd.controller as controller_module  # a dev dependency
    received: list[bytes] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope.content)
            return "250 OK"

    port = free_port()
    controller = controller_module.Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        env = base_env(tmp_path / "data", SMTP_HOST="127.0.0.1", SMTP_PORT=str(port), SMTP_STARTTLS="false",
                       SMTP_FROM="stichat@sti.example", SMTP_TO="sre@sti.example, lead@sti.example")
        result = CliRunner().invoke(main, ["digest", "--prometheus", prometheus, "--window", "1m", "--smtp"],
                                    env=env)
    finally:
        controller.stop()
    assert result.exit_code == 0, result.output
    assert len(received) == 1
    mail = message_from_bytes(received[0])
    assert mail["To"] == "sre@sti.example, lead@sti.example" and mail["Subject"].startswith("STI Chat digest")
    assert "| tickets created |" in mail.get_payload(decode=True).decode()


def test_digest_smtp_without_a_server_configured_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["digest", "--prometheus", "http://127.0.0.1:9", "--smtp"],
                                env=base_env(tmp_path / "data"))
    assert result.exit_code == 2 and "SMTP_HOST" in result.output
