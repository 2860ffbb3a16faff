"""A write that fails for lack of space, injected through the file adapter: the customer gets 503
`storage_unavailable` (in their language, with Retry-After), no half of a ticket stays on disk, and
readiness is re-probed at once."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from stichat.adapters import file_tickets, file_transcripts, files
from tests.helpers import Chat, jpeg_bytes


def no_space(*_: Any, **__: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def walk_to_ticket(chat: Chat) -> None:
    chat.press("BTN_LANG_EN")
    chat.press("BTN_NO_NAME")


def test_a_ticket_whose_readable_half_cannot_be_written_leaves_no_half_behind(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    chat = Chat(client)
    walk_to_ticket(chat)
    writes: list[Path] = []

    def second_write_fails(path: Path, data: bytes, **kw: Any) -> None:
        writes.append(path)
        if len(writes) == 2:
            no_space()
        files.write_atomic(path, data, **kw)

    monkeypatch.setattr(file_tickets, "write_atomic", second_write_fails)
    response = client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id},
                           headers={"accept-language": "en"})
    assert response.status_code == 503
    assert response.json() == {"ok": False, "error": "storage_unavailable",
                               "message": "I can't save anything right now. Please try again shortly."}
    assert response.headers["retry-after"] == "30"
    tickets_dir = client.app.state.services.settings.tickets_dir  # type: ignore[attr-defined]
    assert [p.suffix for p in writes] == [".json", ".txt"]  # the half that names the session first
    assert list(tickets_dir.glob("TCK-*")) == []


def test_an_upload_on_a_full_disk_keeps_nothing_and_attaches_nothing(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    chat = Chat(client)
    walk_to_ticket(chat)
    import stichat.adapters.file_images as file_images
    monkeypatch.setattr(file_images, "write_atomic", no_space)
    response = client.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                           files={"image": ("foto.jpg", jpeg_bytes(), "image/jpeg")})
    assert (response.status_code, response.json()["error"]) == (503, "storage_unavailable")
    data_dir = client.app.state.services.settings.data_dir  # type: ignore[attr-defined]
    assert list((data_dir / "incoming").iterdir()) == []
    assert client.get("/api/privacy/my-data", headers={"x-session-id": chat.session_id}).json()["images"] == []


def test_a_transcript_line_cut_short_by_a_full_disk_is_taken_back(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'{"whole": "line"}\n')
    real_write = file_transcripts.os.write

    def short_write(fd: int, data: bytes) -> int:
        return real_write(fd, data[:5])

    monkeypatch.setattr(file_transcripts.os, "write", short_write)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    try:
        with pytest.raises(OSError) as caught:
            file_transcripts.append_whole(fd, path.stat().st_size, b'{"next": "line"}\n', name="s")
    finally:
        os.close(fd)
    assert caught.value.errno == errno.ENOSPC
    assert path.read_bytes() == b'{"whole": "line"}\n'


def test_a_storage_failure_reprobes_readiness_at_once(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    chat = Chat(client)
    walk_to_ticket(chat)
    assert client.get("/readyz").status_code == 200  # cached for 1.5 s from here
    probe = client.app.state.services.storage  # type: ignore[attr-defined]
    monkeypatch.setattr(probe, "_probe", no_space)
    monkeypatch.setattr(file_tickets, "write_atomic", no_space)
    assert client.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).status_code == 503
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["checks"]["tickets"] == "full"
    metrics = client.get("/metrics").text
    assert 'stichat_storage_writable{dir="tickets"} 0.0' in metrics
