"""Transcript files: what a turn appends reads back as said, accents and all, old lines included."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from stichat.adapters import file_transcripts
from stichat.adapters.file_transcripts import FileTranscriptStore
from stichat.domain.transcript import TranscriptEntry

SID = "t" * 32


def test_appended_lines_read_back_as_said_with_accents_kept_readable(tmp_path: Path) -> None:
    store = FileTranscriptStore(tmp_path)
    said = [TranscriptEntry(1.5, "customer", "BASIC_TESTS", "no sé hacer el paso 2"),
            TranscriptEntry(1.5, "bot", "BASIC_TESTS", "Probá así 👉", "BTN_HELP")]
    asyncio.run(store.append(SID, said))
    assert asyncio.run(store.read(SID)) == said
    assert "no sé hacer el paso 2" in (tmp_path / f"{SID}.jsonl").read_text(encoding="utf-8")


def test_lines_the_previous_version_wrote_read_alike(tmp_path: Path) -> None:
    old = TranscriptEntry(1.0, "bot", "ASK_CONSENT", "¡Hola! Soy Tecnos")
    (tmp_path / f"{SID}.jsonl").write_text(json.dumps(old.to_json()) + "\n", encoding="utf-8")
    store = FileTranscriptStore(tmp_path)
    new = TranscriptEntry(2.0, "customer", "ASK_CONSENT", "español")
    asyncio.run(store.append(SID, [new]))
    assert asyncio.run(store.read(SID)) == [old, new]


def test_a_kept_file_unlinked_meanwhile_is_written_again_by_name(tmp_path: Path) -> None:
    store = FileTranscriptStore(tmp_path)
    first = TranscriptEntry(1.0, "bot", "ASK_CONSENT", "hola")
    second = TranscriptEntry(2.0, "customer", "ASK_CONSENT", "sí")
    asyncio.run(store.append(SID, [first]))
    (tmp_path / f"{SID}.jsonl").unlink()  # the retention sweep, or another replica's erasure
    asyncio.run(store.append(SID, [second]))
    assert asyncio.run(store.read(SID)) == [second]
    store.close()


def test_an_erased_transcript_starts_a_new_file_and_is_not_reopened_by_the_store(tmp_path: Path) -> None:
    store = FileTranscriptStore(tmp_path)
    entry = TranscriptEntry(1.0, "bot", "ASK_CONSENT", "hola")
    asyncio.run(store.append(SID, [entry]))
    assert asyncio.run(store.delete(SID)) is True
    assert asyncio.run(store.read(SID)) == []
    asyncio.run(store.append(SID, [entry]))
    assert asyncio.run(store.read(SID)) == [entry]
    store.close()


def test_no_more_files_than_the_cap_stay_open_and_the_evicted_ones_still_take_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_transcripts, "KEEP_OPEN", 2)
    store = FileTranscriptStore(tmp_path)
    before = len(os.listdir("/proc/self/fd"))
    ids = [letter * 32 for letter in "abc"]
    for at, sid in enumerate([*ids, *ids]):
        asyncio.run(store.append(sid, [TranscriptEntry(float(at), "bot", "ASK_CONSENT", sid[0])]))
    assert len(os.listdir("/proc/self/fd")) - before == 2
    assert [len(asyncio.run(store.read(sid))) for sid in ids] == [2, 2, 2]
    store.close()
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_store_dropped_without_closing_leaves_no_file_open(tmp_path: Path) -> None:
    before = len(os.listdir("/proc/self/fd"))
    store = FileTranscriptStore(tmp_path)
    asyncio.run(store.append(SID, [TranscriptEntry(1.0, "bot", "ASK_CONSENT", "hola")]))
    del store
    assert len(os.listdir("/proc/self/fd")) == before
