"""A real `stichat serve` under three concurrent 40-megapixel uploads of each hostile kind: its peak
RSS (VmHWM, read from /proc) grows by less than 300 MB, request checks and jobs included."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer, start_server
from tests.helpers import Chat
from tests.image_bombs import WEBP_6300, jpeg_40mp, png_rgba16

MB = 1024 * 1024


def memory(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no {field} in /proc/{pid}/status")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("memory")
    live = start_server(tmp / "data", tmp / "server.log", MAX_UPLOAD_MB="8")
    yield live
    live.stop()


def upload_and_wait(url: str, data: bytes) -> dict[str, object]:
    with httpx.Client(base_url=url, timeout=60) as http:
        chat = Chat(http)
        headers = {"x-session-id": chat.session_id}
        sent = http.post("/api/upload-image", headers=headers, files={"image": ("foto", data, "image/png")})
        if sent.status_code != 200:
            return {"status": sent.status_code, "error": sent.json()["error"]}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            body: dict[str, object] = http.get(sent.json()["statusUrl"], headers=headers).json()
            if body["status"] in ("done", "failed"):
                return body
            time.sleep(0.1)
        raise AssertionError("the image job did not finish")


@pytest.mark.parametrize("kind", ["png16", "jpeg", "webp"])
def test_three_concurrent_40_megapixel_uploads_grow_the_server_by_less_than_300_mb(
        server: LiveServer, kind: str) -> None:
    data = {"png16": lambda: png_rgba16(6300, 6300), "jpeg": jpeg_40mp, "webp": lambda: WEBP_6300}[kind]()
    before = memory(server.process.pid, "VmRSS")
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda _: upload_and_wait(server.url, data), range(3)))
    growth = memory(server.process.pid, "VmHWM") - before
    assert growth < 300 * MB, (growth // MB, results)
    if kind == "webp":  # its decoder alone would need 600 MB: refused from the header, nothing decoded
        assert all(r == {"status": 422, "error": "image_too_many_pixels"} for r in results), results
    else:
        assert all(r["status"] == "done" for r in results), results
