"""A malformed knowledge base fails at start-up with an error that names the file and the entry."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from stichat.domain.errors import KnowledgeError
from stichat.domain.knowledge import build_knowledge
from stichat.domain.replies import build_catalog, placeholders

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


def _locale_docs() -> dict[str, dict[str, object]]:
    folder = Path(__file__).resolve().parents[2] / "src" / "stichat" / "knowledge" / "locales"
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}


def test_every_sentence_and_button_exists_in_every_locale_with_the_same_placeholders() -> None:
    catalog = build_catalog(_locale_docs())
    assert set(catalog.texts["es-AR"]) == set(catalog.texts["en"])
    assert set(catalog.buttons["es-AR"]) == set(catalog.buttons["en"])
    for key, text in catalog.texts["es-AR"].items():
        assert placeholders(text) == placeholders(catalog.texts["en"][key]), key


def test_a_sentence_missing_from_one_locale_is_refused_naming_file_and_entry() -> None:
    docs = _locale_docs()
    del docs["en.yaml"]["texts"]["ask_name"]  # type: ignore[attr-defined]
    with pytest.raises(KnowledgeError, match=r"en\.yaml: texts\.ask_name: missing"):
        build_catalog(docs)


def test_a_misspelt_placeholder_is_refused_naming_file_and_entry() -> None:
    docs = _locale_docs()
    docs["en.yaml"]["texts"]["ticket_exists"] = "Your ticket is {tiket}."  # type: ignore[index]
    with pytest.raises(KnowledgeError, match=r"en\.yaml: texts\.ticket_exists: placeholders"):
        build_catalog(docs)


def test_every_button_the_engine_shows_has_a_label_in_every_locale() -> None:
    catalog = build_catalog(_locale_docs())
    source = "".join(p.read_text() for p in (Path(__file__).resolve().parents[2] / "src" / "stichat" / "domain")
                     .glob("*.py"))
    shown = set(re.findall(r'"(BTN_[A-Z_]+)"', source)) - {"BTN_WHATSAPP", "BTN_RESET", "BTN_HELP_",
                                                                "BTN_DEV_", "BTN_PROBLEM_"}
    for locale in ("es-AR", "en"):
        assert shown <= set(catalog.buttons[locale]), shown - set(catalog.buttons[locale])


def test_a_shop_facts_file_without_a_topic_is_refused_naming_file_and_topic() -> None:
    from stichat.domain.shop import build_shop_facts

    facts = {t: {"es-AR": "x", "en": "x"} for t in ("hours", "address", "services", "prices", "warranty")}
    with pytest.raises(KnowledgeError, match=r"shop\.yaml: facts\.repair_status: missing"):
        build_shop_facts({"facts": facts}, "shop.yaml")
    with pytest.raises(KnowledgeError, match=r"shop\.yaml: facts\.hours: missing or empty en text"):
        build_shop_facts({"facts": {**facts, "repair_status": facts["hours"], "hours": {"es-AR": "9 a 13"}}},
                         "shop.yaml")


def test_the_example_shop_facts_read_as_an_example_to_replace() -> None:
    from stichat.adapters.knowledge_files import load_knowledge

    shop = load_knowledge().shop
    assert shop.example and "ejemplo" in (shop.answer("address", "es-AR") or "")


@pytest.mark.parametrize(("entry", "message"), [
    ({"id": "x", "kind": "gossip", "match": "a", "es-AR": "a", "en": "a"}, "kind must be one of"),
    ({"id": "x", "kind": "safety", "match": "(", "es-AR": "a", "en": "a"}, "match is not a valid pattern"),
    ({"id": "x", "kind": "safety", "match": "a", "es-AR": "a"}, "missing or empty en text"),
])
def test_a_broken_answer_is_refused_naming_its_id(entry: dict[str, str], message: str) -> None:
    from stichat.domain.answers import build_answers

    with pytest.raises(KnowledgeError, match=rf"answers\.yaml: x: {message}"):
        build_answers({"answers": [entry]})
