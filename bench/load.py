"""`make load`: the checklist's load tests (item 25) with Locust, against a service started here.

Two deployments, each on a fresh DATA_DIR on loopback: the embedded default (one `stichat serve`),
and two replicas on a redis-server started on a free port, with one `stichat worker` for the photos.
On each, three runs of `bench/locustfile.py` (whole conversations; the production rate limits, each
conversation from its own address):

- A: conversations at 50 req/s for 5 minutes (250 customers, one turn every 5 s each);
- B: the same rate from 100 customers, about half of whose conversations send a photo and poll its
  status; after the load every photo must be processed (the queue drains) and memory stay flat;
- soak: 25 req/s for 5 minutes; the RSS of every service process after warm-up may grow 10 % at most.

Thresholds (CHECKLIST.md items 13 and 25): p95 under 2 s, errors (any non-2xx) under 0.5 %. Each run
writes Locust's HTML report, and `test-output/load/report.md` sums them up; the exit code is 1 when a
threshold failed. `--seconds` shortens the runs (the figures are then only indicative).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
P95_MS, ERROR_RATE, RSS_GROWTH, DRAIN_SECONDS = 2000.0, 0.005, 0.10, 120.0
OPERATOR_TOKEN = "load-test-operator-token-0123456789"  # noqa: S105 - a throwaway token for a local run


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    users: int
    rps: float
    photos: bool = False
    checks_memory: bool = False


SCENARIOS = {
    "A": Scenario("A", "whole conversations at 50 req/s", users=250, rps=50),
    "B": Scenario("B", "conversations with photos at 50 req/s, 100 customers", users=100, rps=50, photos=True,
                  checks_memory=True),
    "soak": Scenario("soak", "soak at 25 req/s", users=125, rps=25, checks_memory=True),
}


@dataclass
class Deployment:
    name: str
    urls: list[str]
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)


@dataclass
class Result:
    mode: str
    scenario: Scenario
    seconds: float
    requests: int = 0
    failures: int = 0
    rps: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0
    rss: dict[str, tuple[float, float]] = field(default_factory=dict)  # process -> MB after warm-up, at end
    photos: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early; see {log}")
        try:
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not become ready; see {log}")


@contextmanager
def deployment(mode: str, work: Path) -> Iterator[Deployment]:
    """The service as it runs in `mode`, on a fresh DATA_DIR; everything started here is stopped."""
    data = work / mode / "data"
    data.mkdir(parents=True)
    env = {**os.environ, "APP_ENV": "development", "DATA_DIR": str(data), "SMART_MODE": "false",
           "OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "LOG_TOKEN": OPERATOR_TOKEN, "LOG_LEVEL": "INFO",
           "TRUSTED_PROXIES": "127.0.0.1", "REDIS_URL": ""}
    started = Deployment(mode, [])
    logs: list[Path] = []

    def spawn(name: str, argv: list[str], extra: dict[str, str]) -> subprocess.Popen[bytes]:
        log = work / mode / f"{name}.out"
        logs.append(log)
        process = subprocess.Popen(argv, env={**env, **extra}, stdout=log.open("wb"), stderr=subprocess.STDOUT)
        started.processes[name] = process
        return process

    try:
        if mode == "redis":
            redis_port = free_port()
            spawn("redis", ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                            "--appendonly", "no"], {})
            env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            time.sleep(0.5)
            spawn("worker", [str(BIN / "stichat"), "worker"], {})
        for n in range(2 if mode == "redis" else 1):
            port = free_port()
            name = f"replica-{n + 1}" if mode == "redis" else "service"
            process = spawn(name, [str(BIN / "stichat"), "serve", "--port", str(port)], {})
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url, process, logs[-1])
            started.urls.append(url)
        yield started
    finally:
        for process in reversed(list(started.processes.values())):
            if process.poll() is None:
                process.terminate()
        for process in started.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class MemoryWatch:
    """The RSS of each service process every second while a run lasts."""

    def __init__(self, processes: dict[str, subprocess.Popen[bytes]]) -> None:
        self.pids = {name: p.pid for name, p in processes.items() if name != "redis"}
        self.samples: dict[str, list[float]] = {name: [] for name in self.pids}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(1.0):
            for name, pid in self.pids.items():
                self.samples[name].append(rss_mb(pid))

    def growth(self) -> dict[str, tuple[float, float]]:
        """Per process: the median RSS of the fifth after the warm-up fifth, and of the last fifth."""
        out = {}
        for name, values in self.samples.items():
            fifth = max(1, len(values) // 5)
            if len(values) < 3:
                continue
            out[name] = (statistics.median(values[fifth:2 * fifth]), statistics.median(values[-fifth:]))
        return out


def locust(deploy: Deployment, scenario: Scenario, seconds: float, out: Path) -> Path:
    """Run Locust headless; its CSV and HTML land under `out`. Returns the pending-photos file."""
    prefix = out / f"{deploy.name}-{scenario.name}"
    pending = prefix.with_name(prefix.name + "-pending.json")
    env = {**os.environ, "LOAD_HOSTS": ",".join(deploy.urls), "LOAD_USER_RPS": f"{scenario.rps / scenario.users:.4f}",
           "LOAD_PHOTOS": "0.5" if scenario.photos else "0", "LOAD_PENDING_FILE": str(pending)}
    spawn_rate = max(1, scenario.users // 10)
    subprocess.run([str(BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")), "--headless",
                    "-u", str(scenario.users), "-r", str(spawn_rate), "-t", f"{int(seconds)}s", "--host",
                    deploy.urls[0], "--csv", str(prefix), "--html", str(prefix) + ".html", "--only-summary",
                    "--stop-timeout", "30", "--exit-code-on-error", "0", "-L", "WARNING"], env=env, check=True,
                   stdout=(out / f"{deploy.name}-{scenario.name}.locust.txt").open("w"), stderr=subprocess.STDOUT)
    return pending


def read_stats(prefix: Path, result: Result) -> None:
    with prefix.with_name(prefix.name + "_stats.csv").open() as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                result.requests, result.failures = int(row["Request Count"]), int(row["Failure Count"])
                result.rps = float(row["Requests/s"])
                result.p50, result.p95, result.p99 = (float(row[k] or 0) for k in ("50%", "95%", "99%"))


def drained(deploy: Deployment, pending_file: Path) -> str:
    """Wait until every photo still pending when the load stopped is processed; a verdict line."""
    pending = json.loads(pending_file.read_text()) if pending_file.exists() else []
    started, left = time.monotonic(), list(pending)
    with httpx.Client(timeout=5) as http:
        while left and time.monotonic() - started < DRAIN_SECONDS:
            still = []
            for item in left:
                answer = http.get(f"{deploy.urls[0]}/api/upload-image/{item['imageId']}",
                                  headers={"x-session-id": item["sessionId"]})
                if answer.status_code != 200 or answer.json().get("status") not in ("done", "failed"):
                    still.append(item)
            left = still
            if left:
                time.sleep(1)
        queue = http.get(f"{deploy.urls[0]}/api/metrics", params={"token": OPERATOR_TOKEN}).json()
    length = queue["uploads"]["queueLength"]
    if left:
        return f"NOT DRAINED: {len(left)} of {len(pending)} photos unprocessed after {DRAIN_SECONDS:.0f} s"
    return (f"drained: {len(pending)} photos pending at the end, all processed in "
            f"{time.monotonic() - started:.1f} s; queue length {length:.0f}")


def run(mode: str, scenario: Scenario, deploy: Deployment, seconds: float, out: Path) -> Result:
    result = Result(mode, scenario, seconds)
    print(f"[{mode}] scenario {scenario.name}: {scenario.title}, {seconds:.0f} s ...", flush=True)
    with MemoryWatch(deploy.processes) as memory:
        pending = locust(deploy, scenario, seconds, out)
    read_stats(out / f"{mode}-{scenario.name}", result)
    result.rss = memory.growth()
    if result.requests == 0:
        result.problems.append("no request was made")
    elif result.failures / result.requests > ERROR_RATE:
        result.problems.append(f"errors {100 * result.failures / result.requests:.2f} % > {100 * ERROR_RATE:.1f} %")
    if result.p95 > P95_MS:
        result.problems.append(f"p95 {result.p95:.0f} ms > {P95_MS:.0f} ms")
    if scenario.photos:
        result.photos = drained(deploy, pending)
        if not result.photos.startswith("drained"):
            result.problems.append(result.photos)
    if scenario.checks_memory:
        for name, (after_warm_up, at_end) in result.rss.items():
            if after_warm_up and (at_end - after_warm_up) / after_warm_up > RSS_GROWTH:
                result.problems.append(f"{name} RSS grew {after_warm_up:.0f} → {at_end:.0f} MB "
                                       f"(> {100 * RSS_GROWTH:.0f} %)")
    print(f"  {result.requests} requests, {result.rps:.1f} req/s, failures {result.failures}, "
          f"p50/p95/p99 {result.p50:.0f}/{result.p95:.0f}/{result.p99:.0f} ms: "
          f"{'ok' if result.passed else '; '.join(result.problems)}", flush=True)
    return result


def report(results: list[Result], out: Path) -> Path:
    lines = ["# Load tests (CHECKLIST.md item 25)", "",
             f"Thresholds: p95 ≤ {P95_MS:.0f} ms, errors ≤ {100 * ERROR_RATE:.1f} % of requests (any non-2xx), "
             f"RSS growth after warm-up ≤ {100 * RSS_GROWTH:.0f} % (B and soak), every photo processed "
             f"within {DRAIN_SECONDS:.0f} s of the end (B).", "",
             "| deployment | scenario | length | requests | req/s | errors | p50 ms | p95 ms | p99 ms | "
             "RSS MB after warm-up → end | photos | verdict |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        rss = ", ".join(f"{name} {a:.0f} → {b:.0f}" for name, (a, b) in r.rss.items())
        errors = f"{r.failures} ({100 * r.failures / r.requests:.2f} %)" if r.requests else "–"
        lines.append(f"| {r.mode} | {r.scenario.name}: {r.scenario.title} | {r.seconds:.0f} s | {r.requests} | "
                     f"{r.rps:.1f} | {errors} | {r.p50:.0f} | {r.p95:.0f} | {r.p99:.0f} | {rss} | "
                     f"{r.photos or '–'} | {'pass' if r.passed else 'FAIL: ' + '; '.join(r.problems)} |")
    lines += ["", "Locust's HTML report of each run is beside this file (`<deployment>-<scenario>.html`)."]
    path = out / "report.md"
    path.write_text("\n".join(lines) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300, help="length of each run (default 300)")
    parser.add_argument("--modes", default="embedded,redis", help="embedded, redis or both")
    parser.add_argument("--scenarios", default="A,B,soak", help="which of A, B, soak")
    parser.add_argument("--out", type=Path, default=ROOT / "test-output" / "load")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for mode in args.modes.split(","):
            with deployment(mode, Path(tmp)) as deploy:
                for name in args.scenarios.split(","):
                    results.append(run(mode, SCENARIOS[name], deploy, args.seconds, args.out))
    path = report(results, args.out)
    print(f"\n{path.read_text()}")
    sys.exit(0 if all(r.passed for r in results) else 1)


if __name__ == "__main__":
    main()
