"""`make bench`: chat-turn latency and throughput on loopback next to a bare hello route.

Both are served by the same uvicorn + FastAPI + middleware stack in one server process started here,
and measured in the same run; the figures that matter are the ratios chat/hello.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

RATE = 50  # requests per second in the open-loop phase (the target load)
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
CONCURRENCY = 8


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def mid_conversation(http: httpx.AsyncClient) -> dict[str, str]:
    sid = (await http.post("/api/greeting", json={"locale": "es-AR"})).json()["sessionId"]
    for step in ({"action": "BTN_LANG_ES_AR"}, {"message": "Lucía"}, {"message": "mi notebook no prende"}):
        await http.post("/api/chat", json={"sessionId": sid, **step})
    # Asking for help with a step keeps the conversation at BASIC_TESTS: a realistic repeatable turn.
    return {"sessionId": sid, "message": "no sé hacer el paso 2"}


async def open_loop(http: httpx.AsyncClient, method: str, path: str, body: dict[str, str] | None) -> list[float]:
    """Fire RATE requests per second for SECONDS regardless of answers (no coordinated omission)."""
    latencies: list[float] = []

    async def one() -> None:
        started = time.perf_counter()
        response = await http.request(method, path, json=body)
        response.raise_for_status()
        latencies.append(time.perf_counter() - started)

    tasks = []
    begin = time.perf_counter()
    for i in range(int(RATE * SECONDS)):
        delay = begin + i / RATE - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one()))
    await asyncio.gather(*tasks)
    return latencies


async def closed_loop(http: httpx.AsyncClient, method: str, path: str, body: dict[str, str] | None) -> float:
    """Requests per second with CONCURRENCY clients sending back to back."""
    count = 0
    stop = time.perf_counter() + SECONDS / 2

    async def client() -> None:
        nonlocal count
        while time.perf_counter() < stop:
            (await http.request(method, path, json=body)).raise_for_status()
            count += 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(CONCURRENCY)))
    return count / (time.perf_counter() - started)


async def measure(url: str) -> None:
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=url, timeout=10, limits=limits) as http:
        chat_body = await mid_conversation(http)
        cases = {"hello": ("GET", "/__hello", None), "chat turn": ("POST", "/api/chat", chat_body)}
        results = {}
        for name, (method, path, body) in cases.items():
            await open_loop(http, method, path, body)  # warm-up
            latencies = await open_loop(http, method, path, body)
            rps = await closed_loop(http, method, path, body)
            results[name] = (rps, percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000,
                             statistics.mean(latencies) * 1000)
    print(f"\nloopback, one server process, {RATE} req/s open loop for {SECONDS:.0f}s; "
          f"throughput with {CONCURRENCY} concurrent clients")
    print(f"{'endpoint':<12}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'mean ms':>10}")
    for name, (rps, p50, p99, mean) in results.items():
        print(f"{name:<12}{rps:>10.0f}{p50:>10.2f}{p99:>10.2f}{mean:>10.2f}")
    hello, chat = results["hello"], results["chat turn"]
    print(f"{'chat/hello':<12}{chat[0] / hello[0]:>10.2f}{chat[1] / hello[1]:>10.2f}{chat[2] / hello[2]:>10.2f}"
          f"{chat[3] / hello[3]:>10.2f}")


def main() -> None:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "APP_ENV": "test", "DATA_DIR": str(Path(tmp) / "data"), "SMART_MODE": "false",
               "RATE_LIMIT_GREETING": "100000/minute", "RATE_LIMIT_CHAT": "1000000/minute",
               "RATE_LIMIT_CHAT_SESSION": "1000000/minute", "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO")}
        # Logs stay on (INFO, as in production) and are written; the terminal is spared them.
        server = subprocess.Popen([sys.executable, str(Path(__file__).with_name("server.py")), str(port)], env=env,
                                  stdout=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    httpx.get(f"{url}/healthz", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            asyncio.run(measure(url))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
