"""docs/conversation.md carries the state diagram generated from the transition table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_state_diagram_in_the_docs_matches_the_transition_table() -> None:
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    gen_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen_docs)
    assert gen_docs.generated_block() in (ROOT / "docs" / "conversation.md").read_text(), (
        "docs/conversation.md is stale: run python scripts/gen_docs.py")


def test_the_diagram_shows_every_stage() -> None:
    from stichat.domain.conversation import Stage, diagram

    drawn = diagram()
    assert all(stage.value in drawn for stage in Stage)
