"""`stichat backup` and `stichat restore`: complete, checked, atomic, to a directory or to S3."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from stichat.cli import main
from stichat.ops import backup as backup_module
from tests.conftest import base_env, free_port

FILES = {
    "tickets/TCK-20250101-ABCDEF.json": b'{"id": "TCK-20250101-ABCDEF"}',  # not a whole ticket: not imported
    "tickets/TCK-20250101-ABCDEF.txt": "Ticket TCK-20250101-ABCDEF\nCliente: Lucía\n".encode(),
    "transcripts/session-1.jsonl": b'{"who": "user", "text": "hola"}\n' * 50,
    "uploads/ab/img-1.jpg": os.urandom(70_000),
    "uploads/img-2.jpg": os.urandom(1_000),
}


def run(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--quiet"], env=env)


def populate(data: Path) -> None:
    for name, body in FILES.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    (data / "tickets" / ".TCK-20250101-ZZZZZZ.json.x1.tmp").write_bytes(b"half a ticket")  # write_atomic leftover


def tree(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(data.rglob("*"))
            if p.is_file() and p.parts[len(data.parts)] in {"tickets", "transcripts", "uploads"}}


def members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, "r:gz") as tar:
        out = {}
        for m in tar:
            if m.isfile():
                f = tar.extractfile(m)
                assert f is not None
                out[m.name] = f.read()
        return out


@pytest.fixture
def source(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    data = tmp_path / "source"
    populate(data)
    return data, base_env(data)


def one_backup(dest: Path) -> Path:
    archives = sorted(dest.glob("stichat-backup-*.tar.gz"))
    assert len(archives) == 1, archives
    return archives[0]


def test_a_backup_holds_every_file_and_a_manifest_with_size_and_sha256(source: tuple[Path, dict[str, str]],
                                                                        tmp_path: Path) -> None:
    _, env = source
    result = run(env, "backup", "--dest", str(tmp_path / "backups"))
    assert result.exit_code == 0, result.output
    archive = one_backup(tmp_path / "backups")
    assert f"backup written: {archive}" in result.output and "6 files" in result.output
    assert not [p for p in (tmp_path / "backups").iterdir() if p.name.endswith(".partial")]
    inside = members(archive)
    manifest = json.loads(inside.pop("manifest.json"))
    rows = inside.pop("database/rows.jsonl")  # the database's rows, one JSON object a line
    assert all(json.loads(line)["table"] for line in rows.splitlines())
    assert inside == FILES, "every file, byte for byte, and no half-written temporary file"
    assert manifest["format"] == "stichat-backup/1" and manifest["file_count"] == 6
    assert {e["path"]: (e["size"], e["sha256"]) for e in manifest["files"]} == {
        name: (len(body), hashlib.sha256(body).hexdigest())
        for name, body in {**FILES, "database/rows.jsonl": rows}.items()}
    assert oct(archive.stat().st_mode & 0o777) == "0o640"


def test_restore_puts_back_exactly_what_was_backed_up(source: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    _, env = source
    assert run(env, "backup", "--dest", str(tmp_path / "backups")).exit_code == 0
    target = tmp_path / "restored"
    result = run(base_env(target), "restore", "--from", str(one_backup(tmp_path / "backups")))
    assert result.exit_code == 0, result.output
    assert "restored 6 files" in result.output and "database rows restored: operators 0" in result.output
    assert tree(target) == FILES
    assert not [p.name for p in target.iterdir() if p.name.startswith(".")], "no staging dirs left"


def test_restore_refuses_to_overwrite_without_force_and_replaces_with_it(
        source: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    data, env = source
    assert run(env, "backup", "--dest", str(tmp_path / "backups")).exit_code == 0
    (data / "tickets" / "TCK-20250202-NEWONE.json").write_text("{}")
    (data / "uploads" / "ab" / "img-1.jpg").write_bytes(b"changed since")

    refused = run(env, "restore", "--from", str(tmp_path / "backups"))
    assert refused.exit_code == 1 and "--force" in refused.output
    assert (data / "tickets" / "TCK-20250202-NEWONE.json").exists(), "nothing touched"

    forced = run(env, "restore", "--from", str(tmp_path / "backups"), "--force")
    assert forced.exit_code == 0, forced.output
    assert tree(data) == FILES, "the dirs are the backup's again, later files gone"
    assert not [p.name for p in data.iterdir() if "restore" in p.name], "nothing left beside the dirs"


def rewrite(archive: Path, out: Path, change: Any) -> None:
    """Copy the archive member by member through `change(name, bytes) -> (name, bytes) | None`."""
    with tarfile.open(archive, "r:gz") as src, tarfile.open(out, "w:gz") as dst:
        for m in src:
            body = src.extractfile(m).read() if m.isfile() else b""  # type: ignore[union-attr]
            changed = change(m.name, body)
            if changed is None:
                continue
            m.name, body = changed
            m.size = len(body)
            dst.addfile(m, io.BytesIO(body) if m.isfile() else None)


@pytest.mark.parametrize(("case", "change", "why"), [
    ("flipped byte", lambda n, b: (n, b[:-1] + bytes([b[-1] ^ 1])) if n == "uploads/img-2.jpg" else (n, b),
     "checksum mismatch for uploads/img-2.jpg"),
    ("file removed", lambda n, b: None if n == "transcripts/session-1.jsonl" else (n, b),
     "transcripts/session-1.jsonl is in the manifest but not in the archive"),
    ("manifest replaced", lambda n, b: ("tickets/evil.json", b) if n == "manifest.json" else (n, b),
     "no manifest.json"),
    ("path escape", lambda n, b: ("tickets/../../etc/cron.d/x", b) if n == "uploads/img-2.jpg" else (n, b),
     "outside tickets, transcripts, uploads"),
])
def test_a_tampered_archive_is_refused_before_anything_is_touched(
        source: tuple[Path, dict[str, str]], tmp_path: Path, case: str, change: Any, why: str) -> None:
    _, env = source
    assert run(env, "backup", "--dest", str(tmp_path / "backups")).exit_code == 0
    bad = tmp_path / "stichat-backup-20250101T000000Z.tar.gz"
    rewrite(one_backup(tmp_path / "backups"), bad, change)
    target = tmp_path / "target"
    (target / "tickets").mkdir(parents=True)
    (target / "tickets" / "keep.json").write_text("{}")
    result = run(base_env(target), "restore", "--from", str(bad), "--force")
    assert result.exit_code != 0, case
    assert "refused" in result.output and why in result.output, result.output
    assert (target / "tickets" / "keep.json").exists() and not (target / "uploads").exists()
    assert not [p.name for p in target.iterdir() if p.name.startswith(".")]


def test_verify_only_checks_and_changes_nothing(source: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    _, env = source
    assert run(env, "backup", "--dest", str(tmp_path / "backups")).exit_code == 0
    target = tmp_path / "untouched"
    result = run(base_env(target), "restore", "--from", str(tmp_path / "backups"), "--verify-only")
    assert result.exit_code == 0 and "every checksum matches" in result.output
    assert not target.exists()


def test_a_failed_backup_leaves_no_partial_archive(source: tuple[Path, dict[str, str]], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _, env = source

    def broken(dirs: dict[str, Path], handle: Any, *, progress: bool = True) -> dict[str, Any]:
        handle.write(b"\x1f\x8b half an archive")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module, "write_archive", broken)
    dest = tmp_path / "backups"
    result = run(env, "backup", "--dest", str(dest))
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert list(dest.iterdir()) == []


def test_keep_prunes_the_oldest_backups(source: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    _, env = source
    dest = tmp_path / "backups"
    dest.mkdir()
    for day in ("01", "02", "03"):
        (dest / f"stichat-backup-202501{day}T040000Z.tar.gz").write_bytes(b"old")
    (dest / "notes.txt").write_text("not ours")
    result = run(env, "backup", "--dest", str(dest), "--keep", "2")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in dest.iterdir())
    assert names[0] == "notes.txt" and len(names) == 3
    assert names[1] == "stichat-backup-20250103T040000Z.tar.gz"


# --- S3, against a local S3-compatible server (moto in server mode) ---------------------------------

@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer  # a dev dependency: missing means a broken install, not a skip

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


S3_ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}


def test_backup_to_s3_and_restore_from_it(source: tuple[Path, dict[str, str]], tmp_path: Path,
                                          s3_endpoint: str) -> None:
    import boto3
    _, env = source
    s3 = boto3.client("s3", endpoint_url=s3_endpoint, **{
        "aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"})
    s3.create_bucket(Bucket="stichat-backups")
    env = {**env, **S3_ENV, "TMPDIR": str(tmp_path)}

    result = run(env, "backup", "--dest", "s3://stichat-backups/daily", "--endpoint-url", s3_endpoint)
    assert result.exit_code == 0, result.output
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="stichat-backups")["Contents"]]
    assert len(keys) == 1 and keys[0].startswith("daily/stichat-backup-") and keys[0].endswith(".tar.gz")
    assert f"backup written: s3://stichat-backups/{keys[0]}" in result.output
    assert not list(tmp_path.glob(".stichat-backup-*")), "the staged archive is removed after the upload"

    target = tmp_path / "from-s3"
    restored = run({**base_env(target), **S3_ENV, "AWS_ENDPOINT_URL": s3_endpoint},
                   "restore", "--from", "s3://stichat-backups/daily/")  # a prefix: the newest backup in it
    assert restored.exit_code == 0, restored.output
    assert tree(target) == FILES

    # A tampered object is refused like a tampered file.
    body = s3.get_object(Bucket="stichat-backups", Key=keys[0])["Body"].read()
    (tmp_path / "good.tar.gz").write_bytes(body)
    rewrite(tmp_path / "good.tar.gz", tmp_path / "bad.tar.gz",
            lambda n, b: (n, b + b"!") if n == "tickets/TCK-20250101-ABCDEF.txt" else (n, b))
    bad_key = "daily/stichat-backup-29990101T000000Z.tar.gz"
    s3.put_object(Bucket="stichat-backups", Key=bad_key, Body=(tmp_path / "bad.tar.gz").read_bytes())
    refused = run({**base_env(tmp_path / "other"), **S3_ENV}, "restore", "--from",
                  f"s3://stichat-backups/{bad_key}", "--endpoint-url", s3_endpoint)
    assert refused.exit_code == 1 and "checksum mismatch" in refused.output
