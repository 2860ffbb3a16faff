"""A local OpenAI-compatible server for tests: real HTTP on loopback, scripted replies, injected faults.

    with StubLLM() as llm:                      # a thread serving POST /v1/chat/completions
        llm.answer({"intent": None, ...})       # what a healthy model says from now on
        llm.fault("hang")                       # or: slow, 500, 429, reset, non_json, schema, refusal
        ... llm.requests                        # every request body received, parsed
        llm.base_url                            # for OPENAI_BASE_URL

A fault stays until changed (`llm.healthy()` to stop); `llm.queue(...)` scripts one-off behaviours
that run before the standing one.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FAULTS = ("ok", "hang", "slow", "500", "429", "reset", "non_json", "schema", "refusal")
HANG_SECONDS = 30.0  # longer than any deadline under test; released early when the stub stops

GOOD_ANSWER: dict[str, Any] = {"intent": None, "device": "notebook", "problem": "no_power",
                               "sentiment": "neutral", "needs_human": False}


def completion(content: str | None, *, refusal: str | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal is not None:
        message["refusal"] = refusal
    return {"id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()), "model": "stub",
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


class StubLLM:
    def __init__(self, *, slow_seconds: float = 3.0) -> None:
        self.slow_seconds = slow_seconds
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._standing = "ok"
        self._once: deque[str] = deque()
        self._content: dict[str, Any] = dict(GOOD_ANSWER)
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="stub-llm", daemon=True)

    # --- control --------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def answer(self, content: dict[str, Any]) -> None:
        with self._lock:
            self._content, self._standing = dict(content), "ok"

    def fault(self, kind: str) -> None:
        assert kind in FAULTS, kind
        with self._lock:
            self._standing = kind

    def healthy(self) -> None:
        self.fault("ok")

    def queue(self, *kinds: str) -> None:
        with self._lock:
            self._once.extend(kinds)

    def calls(self) -> int:
        with self._lock:
            return len(self.requests)

    def prompts(self) -> str:
        """Everything the model was sent, as one text (for leak assertions)."""
        with self._lock:
            return "\n".join(json.dumps(body, ensure_ascii=False) for body in self.requests)

    def start(self) -> StubLLM:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> StubLLM:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- serving --------------------------------------------------------------------------------

    def _next(self, body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        with self._lock:
            self.requests.append(body)
            kind = self._once.popleft() if self._once else self._standing
            return kind, dict(self._content)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                raw = self.rfile.read(length)
                if not self.path.endswith("/chat/completions"):
                    self._send(404, {"error": {"message": "not found"}})
                    return
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {"unparsed": raw.decode("utf-8", "replace")}
                kind, content = stub._next(body)
                if kind == "hang":
                    stub._stopping.wait(HANG_SECONDS)
                    self.close_connection = True
                    return
                if kind == "slow":
                    stub._stopping.wait(stub.slow_seconds)
                    kind = "ok"
                if kind == "reset":
                    # RST instead of FIN: the client sees "connection reset by peer" mid-request.
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                if kind == "500":
                    self._send(500, {"error": {"message": "internal error", "type": "server_error"}})
                elif kind == "429":
                    self._send(429, {"error": {"message": "rate limited", "type": "rate_limit_error"}},
                               {"retry-after": "30"})
                elif kind == "non_json":
                    self._send(200, completion("Sure! The device is probably a notebook that won't turn on."))
                elif kind == "schema":
                    self._send(200, completion(json.dumps({"answer": "notebook", "confidence": "high"})))
                elif kind == "refusal":
                    self._send(200, completion(None, refusal="I can't help with that."))
                else:
                    self._send(200, completion(json.dumps(content)))

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up (its deadline passed)
                    self.wfile.write(data)

        return Handler
