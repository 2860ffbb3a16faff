"""Transcript files: what a turn appends reads back as said, accents and all, old lines included."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

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
