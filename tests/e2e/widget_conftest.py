"""Fixtures for the widget's browser tests: the real server as a subprocess, Debian's Chromium through
Playwright, and axe-core from the npm registry. Imported by tests/e2e/test_widget_browser.py."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_DIR = Path(__file__).resolve().parent / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
OUTPUT = REPO / "test-output"
SERVER_ENV = {
    "APP_ENV": "test",
    "LOG_TOKEN": "abcdefghijklmnopqrstuvwxyz123456",
    "SMART_MODE": "false",
    "RATE_LIMIT_GREETING": "1000/minute",
    "RATE_LIMIT_CHAT": "1000/minute",
    "RATE_LIMIT_CHAT_SESSION": "1000/minute",
    "RATE_LIMIT_UPLOAD": "100/minute",
    "RATE_LIMIT_TICKET": "1000/hour",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class WidgetServer:
    base: str
    embed_origin: str  # another origin (ALLOWED_ORIGINS) for the cross-site embedding test
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_tail(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""


@contextmanager
def serve_page(origin: str, html: str) -> Iterator[str]:
    """A one-page site on `origin` (a loopback address, so Chromium lets it call the API on loopback)."""
    body = html.encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    port = int(origin.rsplit(":", 1)[1])
    httpd = ThreadingHTTPServer(("127.0.0.1", port), Page)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield origin + "/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def widget_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WidgetServer]:
    """`python -m stichat serve` on a free port with a fresh DATA_DIR; stopped at the end."""
    root = tmp_path_factory.mktemp("widget-server")
    port = _free_port()
    embed_origin = f"http://127.0.0.1:{_free_port()}"
    env = {
        **os.environ,
        **SERVER_ENV,
        "DATA_DIR": str(root / "data"),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "ALLOWED_ORIGINS": embed_origin,
    }
    env.pop("REDIS_URL", None)
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    log_path = root / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "stichat", "serve"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    server = WidgetServer(
        base=f"http://127.0.0.1:{port}", embed_origin=embed_origin, process=process, log_path=log_path
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"the server exited with {process.returncode}:\n{server.log_tail()}")
            try:
                if httpx.get(server.base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server did not answer /healthz within 30 s:\n{server.log_tail()}")
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the widget's browser tests need Debian's Chromium. "
            "Install it with `apt-get install -y chromium` (the Makefile's system dependencies list it)."
        )


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (no downloaded browsers)."""
    require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - a setup problem, reported clearly
        pytest.fail("the Python package `playwright` is missing: install the dev extras (pip install -e '.[dev]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watch:
    """What a page did that a test may assert on: dialogs, script errors, POST headers."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    posts: list[tuple[str, dict[str, str]]] = field(default_factory=list)


def watch(page: Any) -> Watch:
    seen = Watch()

    def on_dialog(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            seen.errors.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("response", lambda res: seen.errors.append(f"HTTP {res.status} {res.url}") if res.status >= 400 else None)
    page.on("request", lambda req: seen.posts.append((req.url, req.headers)) if req.method == "POST" else None)
    return seen


def ensure_axe() -> Path:
    """axe-core from the npm registry, installed into tests/e2e/axe/node_modules on first use."""
    if AXE_JS.exists():
        return AXE_JS
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is missing: the accessibility check installs axe-core with npm (apt-get install -y npm)")
    result = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund"], cwd=AXE_DIR, capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0 or not AXE_JS.exists():
        pytest.fail(f"npm install of axe-core failed in {AXE_DIR}:\n{result.stdout}\n{result.stderr}")
    return AXE_JS
