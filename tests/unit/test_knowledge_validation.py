"""A malformed knowledge base fails at start-up with an error that names the file and the entry."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from stichat.domain.errors import KnowledgeError
from stichat.domain.knowledge import build_knowledge

KNOWLEDGE = Path(__file__).resolve().parents[2] / "src" / "stichat" / "knowledge"


def docs() -> dict[str, dict]:
    found = {"taxonomy.yaml": yaml.safe_load((KNOWLEDGE / "taxonomy.yaml").read_text())}
    found.update({p.name: yaml.safe_load(p.read_text()) for p in (KNOWLEDGE / "steps").glob("*.yaml")})
    return found


def test_the_shipped_knowledge_base_is_valid() -> None:
    assert len(build_knowledge(docs()).pairs()) >= 100


def test_a_missing_translation_names_the_file_and_the_step() -> None:
    broken = copy.deepcopy(docs())
    del broken["printing.yaml"]["generic"]["basic"][1]["help"]["en"]
    with pytest.raises(KnowledgeError, match=r"printing\.yaml: generic\.basic\[2\]\.help: missing or empty en"):
        build_knowledge(broken)


def test_too_few_steps_names_the_entry() -> None:
    broken = copy.deepcopy(docs())
    broken["slow.yaml"]["generic"]["advanced"] = broken["slow.yaml"]["generic"]["advanced"][:2]
    with pytest.raises(KnowledgeError, match=r"slow\.yaml: generic\.advanced: needs a list of at least 3"):
        build_knowledge(broken)


def test_an_unknown_device_names_the_file() -> None:
    broken = copy.deepcopy(docs())
    broken["no_power.yaml"]["devices"].append("toaster")
    with pytest.raises(KnowledgeError, match=r"no_power\.yaml: devices"):
        build_knowledge(broken)
