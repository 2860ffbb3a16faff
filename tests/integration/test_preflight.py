"""`stichat preflight` tells a ready machine from one that is not, and never prints a secret."""

from __future__ import annotations

import json
import os
import tempfile
import threading
import traceback
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from stichat.cli import main
from stichat.config import Settings
from stichat.ops.preflight import run_preflight
from tests.conftest import OPERATOR_TOKEN, base_env, free_port

API_KEY = "sk-test-" + "Zq8Yx2Wv" * 4
REDIS_PASSWORD = "redis-" + "pW9xQ2" * 4


def preflight(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(main, ["preflight", *args], env=env)


def report(env: dict[str, str], *args: str) -> tuple[int, dict[str, Any]]:
    result = preflight(env, "--json", *args)
    return result.exit_code, json.loads(result.output)


def by_name(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in doc["checks"]}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    for name in ("", "transcripts", "tickets", "uploads", "logs"):
        (data / name).mkdir(exist_ok=True)
        (data / name).chmod(0o750)
    return data


class Models(BaseHTTPRequestHandler):
    """GET /v1/models of an OpenAI-compatible server, with a key check."""

    key = API_KEY

    def do_GET(self) -> None:
        if self.path != "/v1/models":
            self.send_error(404)
            return
        if self.headers.get("Authorization") != f"Bearer {self.key}":
            body = json.dumps({"error": {"message": "Incorrect API key provided"}}).encode()
            self.send_response(401)
        else:
            body = json.dumps({"object": "list", "data": [{"id": "gpt-4o-mini", "object": "model"}]}).encode()
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def models_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Models)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_a_ready_machine_passes_with_the_ls_ld_evidence_of_every_storage_dir(data_dir: Path) -> None:
    code, doc = report(base_env(data_dir))
    checks = by_name(doc)
    assert code == 0 and doc["ok"] is True and doc["fail"] == 0
    for name in ("data", "transcripts", "tickets", "uploads", "logs"):
        check = checks[f"storage {name}"]
        assert check["status"] == "PASS", check
        assert check["evidence"]["mode"] == "drwxr-x---" and check["evidence"]["octal"] == "0750"
        assert check["evidence"]["owner"] == "root" and check["evidence"]["uid"] == os.getuid()
        assert check["detail"].startswith("drwxr-x--- root root ")
    assert checks["secret LOG_TOKEN"]["status"] == "PASS"
    assert checks["redis"]["detail"].startswith("not configured")
    disk = next(c for c in doc["checks"] if c["name"].startswith("disk "))
    assert disk["status"] == "PASS" and 0 < disk["evidence"]["free_percent"] <= 100
    assert not list(data_dir.rglob(".preflight-*")), "the write probe leaves nothing behind"


def test_the_text_report_says_pass_and_counts(data_dir: Path) -> None:
    result = preflight(base_env(data_dir))
    assert result.exit_code == 0
    assert "PASS  storage tickets" in result.output
    assert "0 failed" in result.output


def test_little_free_space_fails(data_dir: Path) -> None:
    code, doc = report(base_env(data_dir), "--min-free", "100")
    disk = next(c for c in doc["checks"] if c["name"].startswith("disk "))
    assert code == 1 and disk["status"] == "FAIL" and "under 100 %" in disk["detail"]


def test_a_missing_log_token_and_a_world_writable_dir_fail(data_dir: Path) -> None:
    (data_dir / "uploads").chmod(0o777)
    env = base_env(data_dir)
    env["LOG_TOKEN"] = ""
    code, doc = report(env)
    checks = by_name(doc)
    assert code == 1
    assert checks["secret LOG_TOKEN"]["status"] == "FAIL"
    uploads = checks["storage uploads"]
    assert uploads["status"] == "FAIL" and "writable by everyone" in uploads["detail"]


def test_invalid_settings_exit_2_with_the_reason(data_dir: Path) -> None:
    result = preflight(base_env(data_dir, PORT="eighty"))
    assert result.exit_code == 2 and "PORT must be a whole number" in result.output


def as_user(uid: int, settings: Settings) -> dict[str, Any]:
    """The preflight report computed in a child process running as `uid` (what the pod's user sees)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to the user, check, send the report, leave
        try:
            os.close(read)
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            with os.fdopen(write, "w") as out:
                try:
                    out.write(json.dumps(run_preflight(settings).to_json()))
                except BaseException:
                    out.write(json.dumps({"error": traceback.format_exc()}))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        text = answer.read()
    os.waitpid(pid, 0)
    doc = dict(json.loads(text))
    assert "error" not in doc, doc.get("error")
    return doc


def test_a_dir_the_service_user_cannot_write_fails(data_dir: Path) -> None:
    """As the unprivileged user the pod runs as: a root-owned 0755 dir is not writable for it."""
    assert os.geteuid() == 0, "this test runs the check as another user: run make test as root (as CI does)"
    for parent in (data_dir, *data_dir.parents):  # pytest's tmp dirs are root's 0700: let the user in
        if parent == Path(tempfile.gettempdir()):
            break
        parent.chmod(0o755)
    for sub in ("transcripts", "uploads", "logs"):
        os.chown(data_dir / sub, 65534, 65534)
    (data_dir / "tickets").chmod(0o755)  # still root's
    doc = as_user(65534, Settings.from_env(base_env(data_dir)))
    checks = by_name(doc)
    assert doc["ok"] is False
    assert checks["storage tickets"]["status"] == "FAIL"
    assert "not writable" in checks["storage tickets"]["detail"]
    assert checks["storage uploads"]["status"] == "PASS"
    assert checks["storage uploads"]["evidence"]["owner"] == "nobody"
    assert checks["storage uploads"]["detail"].startswith("drwxr-x--- nobody nogroup ")


def test_the_llm_endpoint_is_reached_and_the_key_never_printed(data_dir: Path, models_server: str) -> None:
    env = base_env(data_dir, SMART_MODE="true", OPENAI_BASE_URL=models_server, OPENAI_API_KEY=API_KEY)
    result = preflight(env)
    assert result.exit_code == 0, result.output
    assert "PASS  llm" in result.output and "gpt-4o-mini listed" in result.output
    assert "PASS  secret OPENAI_API_KEY    present" in result.output
    assert API_KEY not in result.output and OPERATOR_TOKEN not in result.output


def test_a_refused_key_fails_without_showing_it(data_dir: Path, models_server: str) -> None:
    wrong = API_KEY[::-1]
    env = base_env(data_dir, SMART_MODE="true", OPENAI_BASE_URL=models_server, OPENAI_API_KEY=wrong)
    code, doc = report(env)
    assert code == 1 and by_name(doc)["llm"]["status"] == "FAIL"
    assert "refused the key" in by_name(doc)["llm"]["detail"]
    assert wrong not in json.dumps(doc)


def test_an_unreachable_llm_fails_fast(data_dir: Path) -> None:
    env = base_env(data_dir, SMART_MODE="true", OPENAI_BASE_URL=f"http://127.0.0.1:{free_port()}/v1")
    code, doc = report(env, "--llm-timeout", "1")
    assert code == 1 and by_name(doc)["llm"]["status"] == "FAIL"


@pytest.mark.redis
def test_redis_answers_with_its_latency_and_its_password_stays_hidden(data_dir: Path, tmp_path: Path) -> None:
    from tests.redis_server import running_redis

    with running_redis(tmp_path / "redis", password=REDIS_PASSWORD) as server:
        code, doc = report(base_env(data_dir, REDIS_URL=server.url()))
        redis_check = by_name(doc)["redis"]
        assert code == 0, doc
        assert redis_check["status"] == "PASS" and "PONG" in redis_check["detail"]
        assert redis_check["evidence"]["latency_ms"] < 1000
        assert by_name(doc)["secret REDIS_URL"]["detail"] == "present"
        assert REDIS_PASSWORD not in json.dumps(doc)


def test_an_unreachable_redis_fails_within_the_timeout(data_dir: Path) -> None:
    url = f"redis://:{REDIS_PASSWORD}@127.0.0.1:{free_port()}/0"
    code, doc = report(base_env(data_dir, REDIS_URL=url))
    assert code == 1 and by_name(doc)["redis"]["status"] == "FAIL"
    assert REDIS_PASSWORD not in json.dumps(doc)
