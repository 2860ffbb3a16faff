"""`make bench`: a chat turn and a greeting against a bare FastAPI POST, measured in the same run.

Two processes on loopback, started here: the service as `stichat serve` runs it (logging at INFO to
stdout and its file, rate limits lifted, smart mode off) and `bench/bare.py` (one pydantic body, one
small JSON answer, the same uvicorn, uvloop and httptools). Each is loaded by wrk, closed loop at 16
connections, then open loop at 50 req/s (no coordinated omission). The figures that matter are the
ratios service/bare; the targets are those of issue 14. At the end the run checks that no work was
dropped: every turn counted, in the transcript and in the log.

`python bench/run.py --profile` also samples the service with py-spy under each load and writes the
collapsed stacks and a summary under test-output/profile/.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RATE = 50  # requests per second in the open-loop phase (the checklist's load)
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
WARM_UP_SECONDS = 2.0
CONNECTIONS = 16
CONVERSATIONS = 64
#: A free-text turn that keeps the conversation at BASIC_TESTS: the customer asks about a step.
TURN = "no sé hacer el paso 2"
PROFILE_RATE = 100  # samples per second
TARGETS = {"chat req/s": 0.40, "greeting req/s": 0.50, "chat p99": 3.0}


@dataclass(frozen=True)
class Load:
    """One closed-loop run of wrk."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    failed: int  # non-2xx answers, timeouts and socket errors

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


@dataclass(frozen=True)
class OpenLoop:
    p50_ms: float
    p99_ms: float


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


WRK_SCRIPT = """
local bodies = {%(bodies)s}
local i = 0
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", "%(path)s", {["Content-Type"] = "application/json"}, bodies[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_RESULT %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status + e.connect + e.read + e.write + e.timeout))
end
"""


def wrk(url: str, path: str, bodies: list[dict[str, str]], seconds: float, workdir: Path) -> Load:
    """Closed loop: CONNECTIONS connections sending back to back, cycling through `bodies`."""
    script = workdir / "load.lua"
    lua_bodies = ", ".join(f"[==[{json.dumps(b)}]==]" for b in bodies)
    script.write_text(WRK_SCRIPT % {"bodies": lua_bodies, "path": path})
    out = subprocess.run(["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds:g}s", "--timeout", "5s", "-s", str(script),
                          url], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^WRK_RESULT (\d+) (\d+) (\d+) (\d+) (\d+)$", out, re.M)
    if found is None:
        raise RuntimeError(f"wrk gave no result:\n{out}")
    requests, duration_us, p50_us, p99_us, failed = map(int, found.groups())
    return Load(requests, duration_us / 1e6, p50_us / 1000, p99_us / 1000, failed)


async def open_loop(url: str, path: str, bodies: list[dict[str, str]]) -> OpenLoop:
    """RATE requests per second for SECONDS whatever the answers take (no coordinated omission)."""
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=url, timeout=10, limits=limits) as http:

        async def one(body: dict[str, str]) -> None:
            started = time.perf_counter()
            (await http.post(path, json=body)).raise_for_status()
            latencies.append(time.perf_counter() - started)

        tasks = []
        begin = time.perf_counter()
        for i in range(int(RATE * SECONDS)):
            delay = begin + i / RATE - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(bodies[i % len(bodies)])))
        await asyncio.gather(*tasks)
    return OpenLoop(percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000)


class Server:
    """A server process on a free loopback port, stopped on exit."""

    def __init__(self, argv: list[str], env: dict[str, str], stdout: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._out = stdout.open("wb")
        self.process = subprocess.Popen([*argv, str(self.port)], env=env, stdout=self._out,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{self.url}/healthz", timeout=1).raise_for_status()
                return
            except httpx.TransportError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{argv} did not start; see {stdout}") from None
                time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self._out.close()


@contextmanager
def profiled(enabled: bool, pid: int, name: str, seconds: float) -> Iterator[None]:
    """py-spy samples the process while the block runs (closed-loop load), then a summary is written."""
    if not enabled:
        yield
        return
    out_dir = ROOT / "test-output" / "profile"
    out_dir.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"\W+", "-", name).strip("-").lower()
    raw = out_dir / f"{slug}.txt"
    spy = subprocess.Popen([str(Path(sys.executable).with_name("py-spy")), "record", "--pid", str(pid), "--rate",
                            str(PROFILE_RATE), "--duration", str(int(seconds)), "--format", "raw", "--threads",
                            "--output", str(raw)], stdout=subprocess.DEVNULL)
    try:
        yield
    finally:
        spy.wait(timeout=seconds + 30)
    summary = summarise(raw, seconds, PROFILE_RATE)
    (out_dir / f"{slug}-summary.txt").write_text(summary)
    print(f"\nprofile of {name} (py-spy, share of the event loop's samples):\n{summary}")


def summarise(raw: Path, seconds: float, rate: int, top: int = 40) -> str:
    """The event loop's thread from py-spy's collapsed stacks: how busy it was, and the share of its
    busy samples spent under each function (inclusive) and in each function itself."""
    per_thread: dict[str, list[tuple[list[str], int]]] = collections.defaultdict(list)
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        thread, _, frames = stack.partition(";")
        per_thread[thread].append((frames.split(";"), int(count)))
    loop_thread = max(per_thread, key=lambda t: sum(n for _, n in per_thread[t]))
    stacks = per_thread[loop_thread]
    busy = sum(n for _, n in stacks)
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    for frames, n in stacks:
        for frame in {re.sub(r":\d+\)$", ")", f) for f in frames}:
            inclusive[frame] += n
        own[re.sub(r":\d+\)$", ")", frames[-1])] += n
    others = sum(n for t, rows in per_thread.items() if t != loop_thread for _, n in rows)
    lines = [f"event loop busy {100 * busy / (seconds * rate):.0f} % of the time; other threads "
             f"{100 * others / (seconds * rate):.0f} % of one core", "inclusive (share of busy samples):"]
    lines += [f"{100 * n / busy:5.1f} %  {frame}" for frame, n in inclusive.most_common(top)]
    lines += ["self:"] + [f"{100 * n / busy:5.1f} %  {frame}" for frame, n in own.most_common(top // 2)]
    return "\n".join(lines)


def conversations(url: str) -> list[dict[str, str]]:
    """CONVERSATIONS sessions brought to BASIC_TESTS, and the free-text turn each will send."""
    bodies = []
    with httpx.Client(base_url=url, timeout=10) as http:
        for _ in range(CONVERSATIONS):
            sid = http.post("/api/greeting", json={"locale": "es-AR"}).json()["sessionId"]
            for step in ({"action": "BTN_LANG_ES_AR"}, {"message": "Lucía"}, {"message": "mi notebook no prende"}):
                answer = http.post("/api/chat", json={"sessionId": sid, **step}).json()
            if answer["stage"] != "BASIC_TESTS":
                raise RuntimeError(f"the set-up conversation ended at {answer['stage']}")
            bodies.append({"sessionId": sid, "message": TURN})
    return bodies


def counted_turns(url: str) -> int:
    text = httpx.get(f"{url}/metrics", timeout=10).text
    found = re.search(r"^stichat_chat_messages_total ([0-9.e+]+)$", text, re.M)
    return int(float(found.group(1))) if found else -1


def work_check(url: str, data: Path, bodies: list[dict[str, str]]) -> str:
    """Every turn counted, appended to its transcript and logged: the three counts must agree."""
    turns = counted_turns(url)
    settled, logged = -1, 0
    for _ in range(50):  # the log writer may still be draining the last lines
        logged = sum(f.read_text(errors="replace").count('"event": "chat_turn"')
                     for f in (data / "logs").glob("stichat*.log*"))
        if logged == settled:
            break
        settled = logged
        time.sleep(0.2)
    saved = sum(json.loads(line)["role"] == "customer" for b in bodies
                for line in (data / "transcripts" / f"{b['sessionId']}.jsonl").read_text().splitlines())
    verdict = "all equal" if turns == saved == logged else "MISMATCH: work was dropped"
    return f"turns counted {turns}, customer lines in transcripts {saved}, chat_turn log lines {logged}: {verdict}"


def measure(name: str, server: Server, path: str, bodies: list[dict[str, str]], workdir: Path,
            profile: bool) -> tuple[Load, OpenLoop]:
    print(f"  {name}: closed loop {SECONDS:g}s ...", flush=True)
    wrk(server.url, path, bodies, WARM_UP_SECONDS, workdir)
    with profiled(profile, server.process.pid, name, SECONDS):
        closed = wrk(server.url, path, bodies, SECONDS, workdir)
    print(f"  {name}: open loop {RATE} req/s for {SECONDS:g}s ...", flush=True)
    return closed, asyncio.run(open_loop(server.url, path, bodies))


def report(results: dict[str, tuple[Load, OpenLoop]]) -> bool:
    print(f"\nloopback, one uvicorn process each; wrk closed loop at {CONNECTIONS} connections for {SECONDS:g}s; "
          f"open loop at {RATE} req/s")
    print(f"{'':<18}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}{'50/s p50':>10}{'50/s p99':>10}")
    for name, (closed, opened) in results.items():
        print(f"{name:<18}{closed.rps:>9.0f}{closed.p50_ms:>9.2f}{closed.p99_ms:>9.2f}{closed.failed:>9}"
              f"{opened.p50_ms:>10.2f}{opened.p99_ms:>10.2f}")
    bare = results["bare FastAPI POST"][0]
    chat, greeting = results["POST /api/chat"][0], results["POST /api/greeting"][0]
    ratios = {"chat req/s": chat.rps / bare.rps, "greeting req/s": greeting.rps / bare.rps,
              "chat p99": chat.p99_ms / bare.p99_ms}
    print("\nratio to the bare app      value   target")
    ok = True
    for name, value in ratios.items():
        good = value <= TARGETS[name] if name.endswith("p99") else value >= TARGETS[name]
        ok &= good
        sign = "≤" if name.endswith("p99") else "≥"
        print(f"{name:<24}{value:>8.2f}×  {sign} {TARGETS[name]:.2f}×  {'ok' if good else 'MISSED'}")
    print(f"{'greeting p99':<24}{greeting.p99_ms / bare.p99_ms:>8.2f}×")
    failed = sum(closed.failed for closed, _ in results.values())
    print(f"{'non-2xx':<24}{failed:>8}   = 0      {'ok' if failed == 0 else 'MISSED'}")
    return ok and failed == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="sample the service with py-spy under load")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / "data"
        env = {**os.environ, "APP_ENV": "development", "DATA_DIR": str(data), "SMART_MODE": "false",
               "OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "REDIS_URL": "", "LOG_LEVEL": "INFO",
               "RATE_LIMIT_GREETING": "100000000/minute", "RATE_LIMIT_CHAT": "100000000/minute",
               "RATE_LIMIT_CHAT_SESSION": "100000000/minute"}
        stichat = str(Path(sys.executable).with_name("stichat"))
        # The service's stdout (its JSON log lines, as a container runtime would collect) goes to a file.
        service = Server([stichat, "serve", "--port"], env, work / "service.out")
        bare = Server([sys.executable, str(Path(__file__).with_name("bare.py"))], env, work / "bare.out")
        try:
            bodies = conversations(service.url)
            results: dict[str, tuple[Load, OpenLoop]] = {}
            print("measuring (the bare app before and after the service, averaged):")
            before = measure("bare FastAPI POST", bare, "/bare", bodies, work, False)
            results["POST /api/chat"] = measure("POST /api/chat", service, "/api/chat", bodies, work, args.profile)
            results["POST /api/greeting"] = measure("POST /api/greeting", service, "/api/greeting",
                                                    [{"locale": "es-AR"}], work, args.profile)
            after = measure("bare FastAPI POST", bare, "/bare", bodies, work, False)
            results = {"bare FastAPI POST": average(before, after), **results}
            ok = report(results)
            print("\n" + work_check(service.url, data, bodies))
        finally:
            service.stop()
            bare.stop()
    if os.environ.get("BENCH_STRICT") and not ok:
        sys.exit(1)


def average(a: tuple[Load, OpenLoop], b: tuple[Load, OpenLoop]) -> tuple[Load, OpenLoop]:
    (ca, oa), (cb, ob) = a, b
    closed = Load(ca.requests + cb.requests, ca.seconds + cb.seconds, (ca.p50_ms + cb.p50_ms) / 2,
                  (ca.p99_ms + cb.p99_ms) / 2, ca.failed + cb.failed)
    return closed, OpenLoop((oa.p50_ms + ob.p50_ms) / 2, (oa.p99_ms + ob.p99_ms) / 2)


if __name__ == "__main__":
    main()
