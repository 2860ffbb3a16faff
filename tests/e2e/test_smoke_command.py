"""`stichat smoke` runs checklist item 3 against a real server, writes evidence, and fails loudly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import OPERATOR_TOKEN, LiveServer, free_port

ENDPOINTS = ("/api/health", "/api/greeting", "/api/session/validate", "/api/chat", "/api/upload-image",
             "/api/whatsapp-ticket", "/api/logs")


def smoke(*args: str, token: str | None = OPERATOR_TOKEN) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LOG_TOKEN"}
    if token is not None:
        env["LOG_TOKEN"] = token
    return subprocess.run([sys.executable, "-m", "stichat", "smoke", *args], env=env, capture_output=True,
                          text=True, timeout=90, check=False)


def test_smoke_passes_against_a_healthy_server_and_writes_the_evidence(
        live_server: LiveServer, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    result = smoke("--base-url", live_server.url, "--report", str(report))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "7/7 steps passed" in result.stdout
    evidence = report.read_text(encoding="utf-8")
    assert "PASSED" in evidence
    for path in ENDPOINTS:
        assert path in evidence, f"{path} missing from the report"
        assert f"PASS  {'GET' if path in ('/api/health', '/api/logs') else 'POST'}" in result.stdout


def test_the_operator_token_never_reaches_the_output_or_the_report(live_server: LiveServer, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    result = smoke("--base-url", live_server.url, "--report", str(report))
    assert result.returncode == 0, result.stdout + result.stderr
    for text in (result.stdout, result.stderr, report.read_text(encoding="utf-8")):
        assert OPERATOR_TOKEN not in text
    assert "<LOG_TOKEN>" in report.read_text(encoding="utf-8")


def test_a_token_given_as_an_option_works_like_the_environment(live_server: LiveServer) -> None:
    result = smoke("--base-url", live_server.url, "--token", OPERATOR_TOKEN, token=None)
    assert result.returncode == 0, result.stdout + result.stderr


def test_smoke_fails_when_the_operator_token_is_wrong(live_server: LiveServer, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    result = smoke("--base-url", live_server.url, "--report", str(report), token="wrong-" + "x" * 26)
    assert result.returncode == 1, result.stdout
    assert "FAIL  GET  /api/logs" in result.stdout
    assert "FAILED" in report.read_text(encoding="utf-8")


def test_smoke_fails_without_a_token_rather_than_skipping_the_logs(live_server: LiveServer) -> None:
    result = smoke("--base-url", live_server.url, token=None)
    assert result.returncode == 1
    assert "no --token and no LOG_TOKEN" in result.stdout


def test_smoke_fails_when_nothing_listens(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    result = smoke("--base-url", f"http://127.0.0.1:{free_port()}", "--timeout", "2", "--report", str(report))
    assert result.returncode == 1
    assert "0/7 steps passed" in result.stdout
    assert "request failed" in report.read_text(encoding="utf-8")
