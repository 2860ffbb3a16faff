"""Settings: every CONTRACT.md name is read, secrets may come from files, production refuses weak setups."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stichat.config import Settings
from stichat.domain.errors import ConfigError

STRONG = "Zq8-vX2m_Lp4Rt7nWc9yBd3Hs6Kf1Gj"
PROD = {"APP_ENV": "production", "LOG_TOKEN": STRONG, "ALLOWED_ORIGINS": "https://www.sti.com.ar"}


def test_defaults_match_the_contract() -> None:
    s = Settings.from_env({})
    assert (s.host, s.port, s.redis_url, s.smart_mode) == ("127.0.0.1", 8080, "", True)
    assert s.data_dir == Path("data") and s.tickets_dir == Path("data/tickets")
    assert s.whatsapp_number == "5493417422422" and s.openai_timeout == 8.0
    assert (s.max_sse_clients, s.max_upload_mb, s.session_ttl_hours, s.ticket_link_ttl_days) == (100, 5, 48, 30)
    assert s.rate_limit_greeting == "5/minute" and s.rate_limit_ticket == "3/hour"
    assert s.public_base_url == "http://127.0.0.1:8080"


def test_development_generates_an_operator_token_per_process() -> None:
    one, two = Settings.from_env({}), Settings.from_env({})
    assert one.log_token_generated and len(one.log_token) >= 24 and one.log_token != two.log_token


def test_a_secret_can_come_from_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "token"
    secret.write_text(STRONG + "\n")
    assert Settings.from_env({"LOG_TOKEN_FILE": str(secret)}).log_token == STRONG


def test_a_missing_secret_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="LOG_TOKEN_FILE"):
        Settings.from_env({"LOG_TOKEN_FILE": str(tmp_path / "nope")})


def test_production_with_strong_secrets_starts() -> None:
    assert Settings.from_env(PROD).is_production
    assert Settings.from_env({**PROD, "REDIS_URL": "redis://:Qx7vN2kLp9zR4tWm@redis:6379/0"}).redis_url


@pytest.mark.parametrize(("change", "reason"), [
    ({"LOG_TOKEN": ""}, "LOG_TOKEN"),
    ({"ALLOWED_ORIGINS": ""}, "ALLOWED_ORIGINS"),
    ({"LOG_TOKEN": "changeme"}, "placeholder"),
    ({"LOG_TOKEN": "secret"}, "placeholder"),
    ({"LOG_TOKEN": "short-token-123"}, "at least 24"),
    ({"LOG_TOKEN": "a" * 30}, "repetitive"),
    ({"OPENAI_API_KEY": "changeme"}, "placeholder"),
    ({"ALLOWED_ORIGINS": "*"}, "not '\\*'"),
    ({"ALLOWED_ORIGINS": "null"}, "https://"),
    ({"ALLOWED_ORIGINS": "https://www.sti.com.ar,http://www.sti.com.ar"}, "https://"),
    ({"REDIS_URL": "redis://:changeme@redis:6379/0"}, "REDIS_URL carries a placeholder"),
    ({"REDIS_URL": "redis://default:password@redis:6379/0"}, "REDIS_URL carries a placeholder"),
])
def test_production_refuses_missing_or_placeholder_secrets(change: dict[str, str], reason: str) -> None:
    with pytest.raises(ConfigError, match=reason):
        Settings.from_env({**PROD, **change})


@pytest.mark.parametrize(("name", "value"), [
    ("PORT", "eighty"), ("PORT", "70000"), ("SMART_MODE", "maybe"), ("OPENAI_TIMEOUT", "-1"),
    ("RATE_LIMIT_CHAT", "lots"), ("WHATSAPP_NUMBER", "+54 9 341"), ("MAX_SSE_CLIENTS", "0"),
])
def test_invalid_values_name_the_setting(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value})


def test_stichat_serve_refuses_production_without_a_token_with_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {"APP_ENV": "production", "ALLOWED_ORIGINS": "https://x.example", "DATA_DIR": str(tmp_path), "PATH": ""}
    done = subprocess.run([sys.executable, "-m", "stichat", "serve"], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "LOG_TOKEN" in lines[0]


def test_the_mail_settings_are_a_group_of_their_own_read_from_the_smtp_variables(tmp_path: Path) -> None:
    (tmp_path / "smtp-password").write_text("s3cret-relay-pass\n")
    settings = Settings.from_env({
        "SMTP_HOST": "relay.sti.example", "SMTP_PORT": "2525", "SMTP_USER": "digest",
        "SMTP_PASSWORD_FILE": str(tmp_path / "smtp-password"), "SMTP_FROM": "tecnos@sti.example",
        "SMTP_TO": "sre@sti.example, lead@sti.example", "SMTP_STARTTLS": "false"})
    smtp = settings.smtp
    assert (smtp.host, smtp.port, smtp.user, smtp.password, smtp.sender, smtp.to, smtp.starttls) == (
        "relay.sti.example", 2525, "digest", "s3cret-relay-pass", "tecnos@sti.example",
        ("sre@sti.example", "lead@sti.example"), False)
    assert smtp.configured and "s3cret" not in repr(settings)
    assert not Settings.from_env({}).smtp.configured
