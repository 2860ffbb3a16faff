"""What a crash leaves half-done is still found: a ticket half by the customer's export and erasure
(through the per-session index, which also keeps them from reading every ticket), orphan halves and
finished originals by the purge."""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stichat.adapters import file_tickets
from stichat.adapters.file_images import OrphanOriginals
from stichat.adapters.file_tickets import FileTicketStore, TicketOrphans
from tests.helpers import Chat
from tests.integration.test_privacy import MY_DATA, customer_with_ticket_and_photo, data_dir, owner


def hours_ago(path: Path, hours: float) -> None:
    at = time.time() - hours * 3600
    os.utime(path, (at, at))


def test_a_ticket_left_without_its_readable_copy_is_exported_and_erased(client: TestClient) -> None:
    chat, ticket_id, _ = customer_with_ticket_and_photo(client)
    tickets = data_dir(client) / "tickets"
    (tickets / f"{ticket_id}.txt").unlink()  # killed between the JSON and the text
    exported = client.get(MY_DATA, headers=owner(chat)).json()
    assert [t["ticketId"] for t in exported["tickets"]] == [ticket_id]
    assert client.delete(MY_DATA, headers=owner(chat)).json()["erased"]["ticketsAnonymised"] == 1
    kept = json.loads((tickets / f"{ticket_id}.json").read_text())
    assert kept["name"] is None and kept["session_id"] == ""
    assert "Lucía" not in (tickets / f"{ticket_id}.txt").read_text()
    assert not (tickets / ".by-session" / chat.session_id).exists()


def test_a_readable_copy_left_without_its_json_is_anonymised_by_erasure(client: TestClient) -> None:
    chat, ticket_id, _ = customer_with_ticket_and_photo(client)
    tickets = data_dir(client) / "tickets"
    (tickets / f"{ticket_id}.json").unlink()  # the order of an older version, killed in between
    assert "Lucía" in (tickets / f"{ticket_id}.txt").read_text()
    assert client.delete(MY_DATA, headers=owner(chat)).status_code == 200
    # The database still holds the ticket: erasure anonymises it, and its files say so.
    assert "Lucía" not in (tickets / f"{ticket_id}.txt").read_text()
    assert json.loads((tickets / f"{ticket_id}.json").read_text())["name"] is None


def test_tickets_written_before_the_index_existed_are_found_once_indexed(client: TestClient) -> None:
    chat, ticket_id, _ = customer_with_ticket_and_photo(client)
    index = data_dir(client) / "tickets" / ".by-session"
    for path in index.iterdir():
        path.unlink()  # as a data dir from before this version
    exported = client.get(MY_DATA, headers=owner(chat)).json()
    assert [t["ticketId"] for t in exported["tickets"]] == [ticket_id]
    assert (index / ".complete").exists() and (index / chat.session_id).exists()


def test_my_data_reads_only_the_sessions_own_tickets(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(30):
        other = Chat(client)
        assert client.post("/api/whatsapp-ticket", json={"sessionId": other.session_id}).status_code == 200
    chat, _, _ = customer_with_ticket_and_photo(client)
    client.get(MY_DATA, headers=owner(chat))  # the index is complete from here
    reads: list[str] = []
    real = FileTicketStore._read_json

    def counted(self: FileTicketStore, ticket_id: str) -> object:
        reads.append(ticket_id)
        return real(self, ticket_id)

    monkeypatch.setattr(file_tickets.FileTicketStore, "_read_json", counted)
    assert len(client.get(MY_DATA, headers=owner(chat)).json()["tickets"]) == 1
    assert len(reads) <= 2  # its own ticket (and the conversation's pointer to it), not 31 files


def test_the_purge_removes_ticket_halves_older_than_an_hour_and_keeps_whole_tickets(tmp_path: Path) -> None:
    for name, hours in (("TCK-20260101-AAAAAA.json", 2), ("TCK-20260101-BBBBBB.txt", 2),
                        ("TCK-20260101-CCCCCC.json", 0), ("TCK-20260101-DDDDDD.json", 5),
                        ("TCK-20260101-DDDDDD.txt", 5)):
        (tmp_path / name).write_text("{}")
        hours_ago(tmp_path / name, hours)
    orphans = TicketOrphans(tmp_path)
    found = asyncio.run(orphans.older_than(time.time() - 3600))
    assert sorted(item.key for item in found) == ["TCK-20260101-AAAAAA.json", "TCK-20260101-BBBBBB.txt"]
    assert all(asyncio.run(orphans.remove(item)) for item in found)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["TCK-20260101-CCCCCC.json", "TCK-20260101-DDDDDD.json",
                                                          "TCK-20260101-DDDDDD.txt"]


def test_the_purge_removes_originals_whose_job_finished_or_never_got_a_record(tmp_path: Path) -> None:
    incoming, uploads = tmp_path / "incoming", tmp_path / "uploads"
    incoming.mkdir()
    uploads.mkdir()
    for image_id, status in (("a" * 24, "done"), ("b" * 24, "failed"), ("c" * 24, None), ("d" * 24, "queued")):
        (incoming / f"{image_id}.upload").write_bytes(b"GPS inside")
        hours_ago(incoming / f"{image_id}.upload", 2)
        if status:
            (uploads / f"{image_id}.json").write_text(json.dumps({"status": status}))
    orphans = OrphanOriginals(incoming, uploads)
    found = asyncio.run(orphans.older_than(time.time() - 3600))
    assert sorted(item.key for item in found) == ["a" * 24, "b" * 24, "c" * 24]
    assert all(asyncio.run(orphans.remove(item)) for item in found)
    assert [p.name for p in incoming.iterdir()] == ["d" * 24 + ".upload"]  # still waiting for its job


def test_a_restart_drops_the_original_of_an_image_already_done(make_client: object) -> None:
    client: TestClient = make_client()  # type: ignore[operator]
    chat, _, image_id = customer_with_ticket_and_photo(client)
    incoming = data_dir(client) / "incoming"
    (incoming / f"{image_id}.upload").write_bytes(b"left by a crash after the result was stored")
    asyncio.run(client.app.state.services.uploads.requeue_unfinished())  # type: ignore[attr-defined]
    assert list(incoming.iterdir()) == []
    assert chat.session_id
