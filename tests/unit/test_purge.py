"""`stichat purge` on a data dir whose files have known ages: what goes, what stays, what is reported."""

from __future__ import annotations

import asyncio
import os
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from stichat import bootstrap
from stichat.cli import main, purge
from stichat.config import Settings
from stichat.domain.conversation import Conversation
from stichat.domain.retention import KINDS, PurgeReport, human_bytes
from tests.conftest import base_env

DAY = 86400.0
OLD_IMAGE, NEW_IMAGE = "a" * 24, "b" * 24


def aged(path: Path, days: float, data: bytes = b"x" * 100) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    at = time.time() - days * DAY
    os.utime(path, (at, at))
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**base_env(tmp_path / "data"), "REDIS_URL": ""}


@pytest.fixture
def data(env: dict[str, str]) -> dict[str, list[Path]]:
    """Past retention: one image (its four files), one transcript, two sessions, one rotated log.
    Within it, or never purged: the rest."""
    settings = Settings.from_env(env)
    root = settings.data_dir
    services = bootstrap.build(settings)
    now = time.time()

    async def sessions() -> None:
        for sid, expires in (("e" * 32, now - 3600), ("f" * 32, now - 60), ("l" * 32, now + 3600)):
            await services.sessions.create(Conversation(session_id=sid, created_at=now - DAY), csrf_token="c" * 32,
                                           expires_at=expires)
    asyncio.run(sessions())
    services.close()
    gone = [
        aged(root / "uploads" / f"{OLD_IMAGE}.json", 8), aged(root / "uploads" / f"{OLD_IMAGE}.jpg", 8, b"j" * 5000),
        aged(root / "uploads" / f"{OLD_IMAGE}.thumb.jpg", 8), aged(root / "incoming" / f"{OLD_IMAGE}.upload", 9),
        aged(root / "transcripts" / f"{'o' * 32}.jsonl", 91),
        aged(root / "logs" / "stichat.log.3", 31),
    ]
    kept = [
        aged(root / "uploads" / f"{NEW_IMAGE}.json", 1), aged(root / "uploads" / f"{NEW_IMAGE}.jpg", 6),
        aged(root / "uploads" / "notes.txt", 400),  # not named after an image: not ours to remove
        aged(root / "transcripts" / f"{'n' * 32}.jsonl", 89),
        aged(root / "logs" / "stichat.log", 60),  # the file being written is never removed
        aged(root / "logs" / "stichat.log.1", 2),
        aged(root / "tickets" / "TCK-20240101-ABCDEF.json", 900),  # tickets are the shop's records
        aged(root / "tickets" / "TCK-20240101-ABCDEF.txt", 900),  # (a whole one: both halves)
    ]
    return {"gone": gone, "kept": kept}


def run(env: dict[str, str], *args: str) -> Result:
    result = CliRunner().invoke(main, ["purge", *args], env=env)
    assert result.exit_code == 0, result.output
    return result


def report(result: Result) -> dict[str, tuple[int, str]]:
    found = re.findall(r"^(\w+): (?:would remove|removed) (\d+) \(([^)]*)\)$", result.stdout, re.MULTILINE)
    return {kind: (int(count), size) for kind, count, size in found if kind in KINDS}


def session_ids(env: dict[str, str]) -> set[str]:
    services = bootstrap.build(Settings.from_env(env))
    try:
        now = time.time()
        return {sid for sid in ("e" * 32, "f" * 32, "l" * 32)
                if asyncio.run(services.sessions.load(sid, now=now - 7200)) is not None}
    finally:
        services.close()


def test_a_dry_run_removes_nothing_and_reports_what_a_real_run_removes(env: dict[str, str],
                                                                        data: dict[str, list[Path]]) -> None:
    dry = run(env, "--dry-run")
    assert "dry run" in dry.stdout
    assert all(p.exists() for p in data["gone"] + data["kept"])
    assert session_ids(env) == {"e" * 32, "f" * 32, "l" * 32}

    real = run(env)
    assert report(dry) == report(real)
    counts = {kind: count for kind, (count, _) in report(real).items()}
    assert counts == {"uploads": 1, "transcripts": 1, "sessions": 2, "logs": 1}
    assert report(real)["uploads"][1] == human_bytes(100 + 5000 + 100 + 100)
    assert "total: removed 5" in real.stdout


def test_a_real_run_removes_what_is_past_retention_and_keeps_the_rest(env: dict[str, str],
                                                                       data: dict[str, list[Path]]) -> None:
    run(env)
    assert not [p for p in data["gone"] if p.exists()]
    assert not [p for p in data["kept"] if not p.exists()]
    assert session_ids(env) == {"l" * 32}
    again = report(run(env))
    assert {count for count, _ in again.values()} == {0}


def test_the_retention_settings_move_the_cutoffs(env: dict[str, str], data: dict[str, list[Path]]) -> None:
    longer = {**env, "UPLOAD_RETENTION_DAYS": "30", "TRANSCRIPT_RETENTION_DAYS": "365", "LOG_RETENTION_DAYS": "1"}
    counts = {kind: count for kind, (count, _) in report(run(longer, "--dry-run")).items()}
    assert counts == {"uploads": 0, "transcripts": 0, "sessions": 2, "logs": 2}


def test_a_long_run_shows_a_progress_bar_and_the_same_report(env: dict[str, str], data: dict[str, list[Path]],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(purge, "PROGRESS_FROM", 1)
    result = run(env)
    assert "removing" in result.stderr
    assert {kind: count for kind, (count, _) in report(result).items()} == {
        "uploads": 1, "transcripts": 1, "sessions": 2, "logs": 1}


def test_a_transcript_written_to_after_the_plan_is_kept(env: dict[str, str], data: dict[str, list[Path]]) -> None:
    services = bootstrap.build(Settings.from_env(env))
    try:
        items = asyncio.run(services.retention.plan())
        transcript = next(p for p in data["gone"] if p.suffix == ".jsonl")
        os.utime(transcript)  # a new line arrived between the plan and the removal
        result: PurgeReport = asyncio.run(services.retention.apply(items))
    finally:
        services.close()
    assert transcript.exists() and result.counts["transcripts"] == 0 and result.counts["uploads"] == 1


def test_purge_has_help_and_refuses_a_bad_setting(env: dict[str, str]) -> None:
    assert "--dry-run" in CliRunner().invoke(main, ["purge", "--help"]).output
    bad = CliRunner().invoke(main, ["purge"], env={**env, "LOG_RETENTION_DAYS": "soon"})
    assert bad.exit_code == 2 and "LOG_RETENTION_DAYS" in bad.output
