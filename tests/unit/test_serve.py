"""`stichat serve` hands uvicorn the options production needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from stichat.cli import main
from tests.conftest import base_env


def test_serve_keeps_idle_connections_open_longer_than_a_proxys_upstream_keep_alive(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # uvicorn's own 5 s closes connections a proxy (60 s in ingress-nginx) or a customer pausing between
    # messages still reuses: the request sent just as the server closes it fails (a 502, or no answer).
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    result = CliRunner().invoke(main, ["serve", "--port", "0"], env=base_env(tmp_path / "data"))
    assert result.exit_code == 0, result.output
    assert seen["timeout_keep_alive"] > 60
