"""Docs are tested: every setting has an entry in docs/configuration.md."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from stichat.config import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"
NOT_SETTINGS = {"log_token_generated"}


def variables() -> list[str]:
    """Every setting's variable: a field's name upper-cased, or for a group of its own (SmtpSettings)
    the variable each of its fields names."""
    names: list[str] = []
    defaults = Settings()
    for field in dataclasses.fields(Settings):
        if field.name in NOT_SETTINGS:
            continue
        group = getattr(defaults, field.name)
        if dataclasses.is_dataclass(group):
            names += [member.metadata["env"] for member in dataclasses.fields(group)]
        else:
            names.append(field.name.upper())
    return names


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text()
    assert "SMTP_FROM" in variables()  # the groups are walked too
    for name in variables():
        assert f"`{name}`" in text, f"{name} is not in docs/configuration.md"


def test_every_api_route_is_documented(tmp_path: Path) -> None:
    from stichat.web.app import create_app

    app = create_app(Settings.from_env({"APP_ENV": "test", "DATA_DIR": str(tmp_path)}))
    text = (DOCS / "api.md").read_text()
    for route in app.routes:
        path = getattr(route, "path", "")
        if path.startswith(("/api", "/healthz", "/readyz", "/metrics", "/ticket")):
            assert path.replace("{ticket_id}", "{id}").replace("{image_id}", "{id}").replace(
                "{session_id}", "{sessionId}").split("/file")[0] in text, path
