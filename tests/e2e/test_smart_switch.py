"""The runtime kill switch against a real `stichat serve`: `stichat smart-mode off` on the same DATA_DIR
stops every call to the model within 2 s without a restart, and `on` resumes them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import OPERATOR_TOKEN, LiveServer, base_env, start_server
from tests.helpers import Chat
from tests.stub_llm import StubLLM

UNPLACEABLE = "mi aparato hace cosas raras cuando lo enchufo"
FLIP_WITHIN = 2.0


@pytest.fixture(scope="module")
def stub() -> Iterator[StubLLM]:
    with StubLLM() as llm:
        yield llm


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, stub: StubLLM) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("smart")
    live = start_server(tmp / "data", tmp / "server.log", SMART_MODE="true", OPENAI_BASE_URL=stub.base_url,
                        OPENAI_TIMEOUT="2")
    yield live
    live.stop()


def cli(data_dir: Path, *args: str) -> str:
    env = {**os.environ, **base_env(data_dir, SMART_MODE="true", OPENAI_BASE_URL="http://127.0.0.1:9/v1")}
    done = subprocess.run([sys.executable, "-m", "stichat", "smart-mode", *args], env=env, capture_output=True,
                          text=True, timeout=30, check=True)
    return done.stdout


def unsure_turn(http: httpx.Client, stub: StubLLM) -> bool:
    """One turn the rules cannot place; whether it reached the model."""
    chat = Chat(http)
    chat.press("BTN_LANG_ES_AR")
    chat.press("BTN_NO_NAME")
    before = stub.calls()
    chat.say(UNPLACEABLE)
    return stub.calls() > before


def seconds_until(http: httpx.Client, stub: StubLLM, *, reaches: bool) -> float:
    """Time from now until a turn's reaching the model equals `reaches`; fails past FLIP_WITHIN."""
    started = time.monotonic()
    while time.monotonic() - started < FLIP_WITHIN:
        if unsure_turn(http, stub) == reaches:
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"still {'not ' if reaches else ''}calling the model {FLIP_WITHIN}s after the flip")


def test_the_cli_switch_stops_and_resumes_llm_calls_without_a_restart(server: LiveServer, stub: StubLLM) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        assert unsure_turn(http, stub), "smart mode is on at start"

        assert "smart-mode switch: off" in cli(server.data_dir, "off")
        took_off = seconds_until(http, stub, reaches=False)
        for _ in range(3):
            assert not unsure_turn(http, stub)
        status = http.get("/api/smart-mode", headers={"Authorization": f"Bearer {OPERATOR_TOKEN}"}).json()
        assert status["enabled"] is False and status["active"] is False

        assert "smart-mode switch: on" in cli(server.data_dir, "on")
        took_on = seconds_until(http, stub, reaches=True)
        assert unsure_turn(http, stub)
    pid = server.process.pid
    assert server.process.poll() is None, f"the server (pid {pid}) kept running throughout"
    print(f"switch off took effect in {took_off:.2f}s, on in {took_on:.2f}s")
