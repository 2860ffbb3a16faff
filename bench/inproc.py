"""CPU time per request of the ASGI app driven in process, beside the bare app of bench/bare.py.

No network and no uvicorn: each request is one call of the app with a complete body, so what is
measured is our own code and the framework's, in CPU time (process time, the log writer's thread
included), best of three rounds. On a machine shared with other work this moves far less than the
closed-loop throughput of bench/run.py, so it is the figure to compare a change by:

    python bench/inproc.py chat        # the free-text turn of bench/run.py, 64 conversations at BASIC_TESTS
    python bench/inproc.py greeting    # a new conversation each time
    PYTHONPATH=<another checkout>/src python bench/inproc.py chat   # the same for another version
    python bench/inproc.py chat --concurrency 16    # 16 requests in flight, as bench/run.py's 16 connections

The service runs as bench/run.py starts it (embedded default, a temporary DATA_DIR, logging at INFO
to its file and to stdout, here thrown away, rate limits lifted). `--rounds` and `--requests` change
the length.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bare  # bench/bare.py, beside this file

Message = dict[str, Any]
App = Any  # an ASGI application
TURN = "no sé hacer el paso 2"  # as bench/run.py
CONVERSATIONS = 64


async def call(app: App, path: str, body: dict[str, str]) -> tuple[int, bytes]:
    """One POST with a JSON body, as uvicorn would hand it over."""
    raw = json.dumps(body).encode()
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(b"host", b"127.0.0.1:8080"), (b"content-type", b"application/json"),
                         (b"content-length", str(len(raw)).encode())],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8080), "state": {}}
    messages = [{"type": "http.request", "body": raw, "more_body": False}]
    sent: list[Message] = []

    async def receive() -> Message:
        if messages:
            return messages.pop()
        await asyncio.Event().wait()  # the client never disconnects
        raise AssertionError("unreachable")

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    body_out = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return int(sent[0]["status"]), body_out


async def started(app: App) -> asyncio.Task[None]:
    """Run the app's lifespan start-up (the service's background tasks start there)."""
    inbox: asyncio.Queue[Message] = asyncio.Queue()
    outbox: asyncio.Queue[Message] = asyncio.Queue()
    await inbox.put({"type": "lifespan.startup"})
    task = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}},
                                   inbox.get, outbox.put))
    answer = await outbox.get()
    if answer["type"] != "lifespan.startup.complete":
        raise RuntimeError(f"the service did not start: {answer}")
    return task


async def conversations(app: App) -> list[dict[str, str]]:
    bodies = []
    for _ in range(CONVERSATIONS):
        sid = json.loads((await call(app, "/api/greeting", {"locale": "es-AR"}))[1])["sessionId"]
        for step in ({"action": "BTN_LANG_ES_AR"}, {"message": "Lucía"}, {"message": "mi notebook no prende"}):
            answer = json.loads((await call(app, "/api/chat", {"sessionId": sid, **step}))[1])
        if answer["stage"] != "BASIC_TESTS":
            raise RuntimeError(f"the set-up conversation ended at {answer['stage']}")
        bodies.append({"sessionId": sid, "message": TURN})
    return bodies


async def cpu_per_request(app: App, path: str, bodies: list[dict[str, str]], requests: int, rounds: int,
                          concurrency: int = 1) -> float:
    """Best of `rounds`: CPU µs per request over `requests` requests, `concurrency` of them in flight at once
    (each wave on as many different conversations)."""
    async def wave(first: int) -> None:
        answers = await asyncio.gather(*(call(app, path, bodies[(first + k) % len(bodies)])
                                         for k in range(concurrency)))
        for status, body in answers:
            if status != 200:
                raise RuntimeError(f"{path} answered {status}: {body[:200]!r}")

    for i in range(0, requests // 10, concurrency):  # warm-up
        await wave(i)
    best = float("inf")
    for _ in range(rounds):
        began = time.process_time()
        for i in range(0, requests, concurrency):
            await wave(i)
        best = min(best, (time.process_time() - began) / requests)
    return best * 1e6


async def measure(which: str, requests: int, rounds: int, concurrency: int = 1) -> None:
    from stichat.cli.settings import load_settings
    from stichat.web.app import create_app

    service: App = create_app(load_settings())
    lifespan = await started(service)
    bodies = await conversations(service)
    gc.collect()
    gc.freeze()  # as `stichat serve` does after start-up
    baseline = await cpu_per_request(bare.create_app(), "/bare", bodies, requests, rounds, concurrency)
    if which == "chat":
        ours = await cpu_per_request(service, "/api/chat", bodies, requests, rounds, concurrency)
    else:
        ours = await cpu_per_request(service, "/api/greeting", [{"locale": "es-AR"}], requests, rounds, concurrency)
    where = "in process" if concurrency == 1 else f"in process, {concurrency} in flight"
    print(f"bare FastAPI POST {baseline:6.0f} µs CPU per request ({where})", file=sys.stderr)
    print(f"POST /api/{which:<8}{ours:6.0f} µs CPU per request ({where}), {ours / baseline:.1f}× the bare app",
          file=sys.stderr)
    lifespan.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await lifespan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["chat", "greeting"])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=1, choices=range(1, CONVERSATIONS + 1),
                        metavar="N", help="requests in flight at once (1 to 64)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update({
            "APP_ENV": "development", "DATA_DIR": str(Path(tmp) / "data"), "SMART_MODE": "false",
            "OPENAI_API_KEY": "", "OPENAI_BASE_URL": "", "REDIS_URL": "", "LOG_LEVEL": "INFO",
            "RATE_LIMIT_GREETING": "100000000/minute", "RATE_LIMIT_CHAT": "100000000/minute",
            "RATE_LIMIT_CHAT_SESSION": "100000000/minute"})
        # The service logs every request to stdout (its writer keeps the stream it was given, so this
        # one stays open); the figures go to stderr.
        with contextlib.redirect_stdout(open(os.devnull, "w")):
            asyncio.run(measure(args.which, args.requests, args.rounds, args.concurrency))


if __name__ == "__main__":
    main()
