"""The Dockerfile's runtime stage, reproduced without Docker.

The project is built into a wheel and installed alone into a fresh venv (as `pip install` does in the
image), the venv is made read-only, and `stichat serve` runs from it as an unprivileged user (nobody)
with HOME=/nonexistent, PYTHONDONTWRITEBYTECODE=1 and only DATA_DIR writable for it — as in the pod.
`stichat smoke` from the same venv must pass against it, and nothing may be written outside DATA_DIR.
It needs root (to switch user) and takes about a minute (the install); it runs once per session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534
TOKEN = "rt-" + "Hq7Zp3Lx" * 4
SYSTEM_PYTHON = "/usr/bin/python3"  # the venv's python must be reachable by nobody (not under /root)

pytestmark = [pytest.mark.timeout(300)]


@pytest.fixture(autouse=True)
def _prerequisites() -> None:
    """What the image's runtime stage needs here; missing is a failure that names it, never a skip."""
    assert os.geteuid() == 0, "this test runs the service as another user: run make test as root (as CI does)"
    assert shutil.which("setpriv"), "setpriv is missing: run make sysdeps (Debian package util-linux)"
    assert Path(SYSTEM_PYTHON).exists(), "/usr/bin/python3 is missing: install python3 and python3-venv"


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.fixture(scope="module")
def stage() -> Iterator[Path]:
    """A world-traversable temporary dir holding the wheel, the read-only venv and DATA_DIR."""
    base = Path(tempfile.mkdtemp(prefix="stichat-runtime-"))
    base.chmod(0o755)
    try:
        wheels = base / "wheels"
        clean = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
        quiet = {"capture_output": True, "text": True, "timeout": 240, "check": False, "env": clean}
        built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                               **quiet)  # type: ignore[call-overload]
        assert built.returncode == 0, built.stderr[-2000:]
        venv = base / "venv"
        made = subprocess.run([SYSTEM_PYTHON, "-m", "venv", str(venv)], **quiet)  # type: ignore[call-overload]
        assert made.returncode == 0, made.stderr[-2000:]
        wheel = next(wheels.glob("stichat-*.whl"))
        installed = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
                                    str(wheel)], **quiet)  # type: ignore[call-overload]
        assert installed.returncode == 0, installed.stderr[-3000:]
        subprocess.run(["chmod", "-R", "a-w", str(venv)], check=True)  # the code is read-only, as in the image
        yield base
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(base)], check=False)
        shutil.rmtree(base, ignore_errors=True)


def test_the_installed_wheel_serves_as_nobody_from_a_read_only_venv_and_passes_smoke(stage: Path) -> None:
    venv, data = stage / "venv", stage / "data"
    data.mkdir(mode=0o750)
    os.chown(data, NOBODY, NOBODY)
    venv_before = files_under(venv)
    stage_before = files_under(stage)
    port = free_port()
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": "/nonexistent", "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUNBUFFERED": "1", "DATA_DIR": str(data), "HOST": "127.0.0.1", "PORT": str(port),
        "APP_ENV": "production", "LOG_TOKEN": TOKEN, "ALLOWED_ORIGINS": "https://sti.example", "SMART_MODE": "false",
        "TMPDIR": str(data / "tmp"),
    }
    (data / "tmp").mkdir(mode=0o700)
    os.chown(data / "tmp", NOBODY, NOBODY)
    as_nobody = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    log = (stage / "serve.log").open("wb")
    server = subprocess.Popen([*as_nobody, str(venv / "bin" / "stichat"), "serve"], env=env, stdout=log,
                              stderr=subprocess.STDOUT, cwd="/")
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert server.poll() is None, (stage / "serve.log").read_text()
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("stichat serve did not become ready:\n" + (stage / "serve.log").read_text())

        smoke = subprocess.run([*as_nobody, str(venv / "bin" / "stichat"), "smoke", "--base-url", url],
                               env=env, capture_output=True, text=True, timeout=60, cwd="/", check=False)
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr
        assert "7/7 steps passed" in smoke.stdout
        assert TOKEN not in smoke.stdout + smoke.stderr
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert files_under(venv) == venv_before, "nothing written into the venv (no __pycache__, no .pyc)"
    new_outside = files_under(stage) - stage_before - {"serve.log"}
    assert all(name.startswith("data") for name in new_outside), sorted(new_outside)
    owned = [p for p in stage.rglob("*") if p.stat().st_uid == NOBODY and data not in (p, *p.parents)]
    assert owned == [], owned
    assert list((data / "tickets").glob("TCK-*.json")), "the smoke's ticket is on the data volume"
