"""Docs are tested: every setting has an entry in docs/configuration.md."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from stichat.config import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"
NOT_SETTINGS = {"log_token_generated"}


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text()
    for field in dataclasses.fields(Settings):
        if field.name in NOT_SETTINGS:
            continue
        assert f"`{field.name.upper()}`" in text, f"{field.name.upper()} is not in docs/configuration.md"


def test_every_api_route_is_documented(tmp_path: Path) -> None:
    from stichat.web.app import create_app

    app = create_app(Settings.from_env({"APP_ENV": "test", "DATA_DIR": str(tmp_path)}))
    text = (DOCS / "api.md").read_text()
    for route in app.routes:
        path = getattr(route, "path", "")
        if path.startswith(("/api", "/healthz", "/readyz", "/metrics", "/ticket")):
            assert path.replace("{ticket_id}", "{id}").replace("{image_id}", "{id}").replace(
                "{session_id}", "{sessionId}").split("/file")[0] in text, path
