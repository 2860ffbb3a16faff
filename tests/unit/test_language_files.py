"""The language files (knowledge/language/*.yaml): validated at start-up, tied to the taxonomy, and the
generated modules the domain reads (vocabulary/<file>.py) built from them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from stichat.adapters.knowledge_files import DEFAULT_DIR, load_language
from stichat.domain import vocabulary as v
from stichat.domain.errors import KnowledgeError
from stichat.domain.language import FILES, SPEC

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = yaml.safe_load((DEFAULT_DIR / "taxonomy.yaml").read_text("utf-8"))


def test_the_generated_module_is_the_one_the_language_files_give() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "language.py"), "check"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_the_shipped_files_load_and_give_every_constant_the_vocabulary_exports() -> None:
    built = load_language()
    assert set(built) == {name for name, *_ in SPEC} == set(v.__all__) - {"Pattern"}
    assert all(getattr(v, name) == value for name, value in built.items())
    assert sorted(p.stem for p in (DEFAULT_DIR / "language").glob("*.yaml")) == sorted(FILES)


def test_every_device_and_problem_of_the_taxonomy_has_patterns_and_no_other_key_is_used() -> None:
    devices, problems = set(TAXONOMY["devices"]), set(TAXONOMY["problems"])
    assert set(v.DEVICE_PATTERNS) == devices
    assert set(v.PROBLEM_PATTERNS) == problems
    used_devices = (set(v.DEVICE_PROBLEMS) | set(v.DEVICE_DEFAULT_PROBLEM) | set(v.PERIPHERALS)
                    | set(v.PART_HOSTS.values()) | {d for _, could_be in v.AMBIGUOUS_DEVICE_PATTERNS for d in could_be})
    used_problems = (set(v.PROBLEM_SUPPRESSORS) | set(v.TOPICS) | set(v.DEVICE_DEFAULT_PROBLEM.values())
                     | {p for plausible in v.DEVICE_PROBLEMS.values() for p in plausible})
    assert used_devices <= devices
    assert used_problems <= problems


# ------------------------------------------------------------------------------------------------
# Each check, on a copy of the files with one thing broken
# ------------------------------------------------------------------------------------------------


def _broken(tmp_path: Path, file: str, edit: Callable[[Any], None]) -> Path:
    shutil.copy(DEFAULT_DIR / "taxonomy.yaml", tmp_path / "taxonomy.yaml")
    shutil.copytree(DEFAULT_DIR / "language", tmp_path / "language")
    path = tmp_path / "language" / f"{file}.yaml"
    doc = yaml.safe_load(path.read_text("utf-8"))
    edit(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return tmp_path


def _error(directory: Path) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_language(directory)
    return str(caught.value)


def test_an_unknown_device_is_refused_naming_the_file_and_the_key(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "devices", lambda doc: doc.update(projector=doc["tv"])))
    assert message.startswith("language/devices.yaml: projector: unknown device 'projector'")


def test_an_unknown_problem_is_refused_wherever_it_is_named(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "device_hints",
                             lambda doc: doc["default_problem"].update(keyboard="sticky_keys")))
    assert message.startswith("language/device_hints.yaml: default_problem.keyboard: unknown problem 'sticky_keys'")


def test_an_unknown_locale_is_refused(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "devices", lambda doc: doc["mouse"][0].update(es=["ratoncito"])))
    assert message.startswith("language/devices.yaml: mouse[1]: unknown key 'es'")


@pytest.mark.parametrize("weight", ["heavy", 0, 9, True])
def test_a_weight_that_is_not_a_number_in_range_is_refused(tmp_path: Path, weight: object) -> None:
    message = _error(_broken(tmp_path, "problems", lambda doc: doc["slow"][1].update(weight=weight)))
    assert message.startswith("language/problems.yaml: slow[2]: weight must be a number above 0 and at most 5")


def test_a_branch_that_is_not_a_regular_expression_is_refused(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "problems", lambda doc: doc["slow"][0]["es-AR"].append("anda (?:lento")))
    assert message.startswith("language/problems.yaml: slow[1]: 'anda (?:lento' is not a valid regular expression")


def test_a_branch_that_breaks_only_once_its_macro_is_expanded_is_refused(tmp_path: Path) -> None:
    # As text "{G}" has a fixed width; expanded to "(?:\S+ ){0,3}" it cannot stand in a look-behind.
    branch = "(?<!no {G})anda lento"
    message = _error(_broken(tmp_path, "problems", lambda doc: doc["slow"][0]["es-AR"].append(branch)))
    assert message.startswith(f"language/problems.yaml: slow[1]: {branch!r} is not a valid regular expression")


def test_an_unknown_macro_is_refused(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "problems", lambda doc: doc["slow"][0]["es-AR"].append("{SLOWLY} anda")))
    assert message.startswith("language/problems.yaml: slow[1]: unknown macro {SLOWLY}")


@pytest.mark.parametrize("empty", [{"weight": 2}, {"weight": 2, "en": []}, {"weight": 2, "en": ["  "]}])
def test_an_empty_entry_is_refused(tmp_path: Path, empty: dict[str, object]) -> None:
    message = _error(_broken(tmp_path, "devices", lambda doc: doc["mouse"].append(empty)))
    assert message.startswith("language/devices.yaml: mouse[2]: ")
    assert "has no branches" in message or "non-empty string" in message


def test_a_duplicate_branch_is_refused_even_under_another_locale(tmp_path: Path) -> None:
    def twice(doc: Any) -> None:
        doc["keyboard"][0]["any"] = [*doc["keyboard"][0].get("any", []), doc["keyboard"][0]["es-AR"][0]]

    message = _error(_broken(tmp_path, "devices", twice))
    assert message.startswith("language/devices.yaml: keyboard[1].any: duplicate branch 'teclado'")


def test_an_edit_the_generated_module_does_not_have_says_to_run_make_vocabulary(tmp_path: Path) -> None:
    message = _error(_broken(tmp_path, "devices", lambda doc: doc["mouse"][0]["es-AR"].append("ratoncito")))
    assert message.startswith("language/devices.yaml: changed since src/stichat/domain/vocabulary/devices.py")
    assert "run `make vocabulary`" in message


def test_a_missing_file_and_a_stray_one_are_named(tmp_path: Path) -> None:
    directory = _broken(tmp_path, "acts", lambda doc: None)
    (directory / "language" / "acts.yaml").rename(directory / "language" / "actos.yaml")
    assert _error(directory).startswith("language/actos.yaml: not a language file")
    (directory / "language" / "actos.yaml").unlink()
    assert _error(directory) == "language/acts.yaml: missing"


def _set(path: tuple[Any, ...], value: object) -> Callable[[Any], None]:
    def edit(doc: Any) -> None:
        for step in path[:-1]:
            doc = doc[step]
        doc[path[-1]] = value
    return edit


@pytest.mark.parametrize(("file", "edit", "expected"), [
    ("words", _set(("number_words", "once"), "eleven"),
     "language/words.yaml: number_words.once: must be a whole number"),
    ("words", _set(("profanity",), {"es": "tonto"}), "language/words.yaml: profanity: unknown key 'es'"),
    ("words", _set(("name_particles",), "  "), "language/words.yaml: name_particles: has no words"),
    ("words", _set(("profanity", "en"), ["fool"]), "language/words.yaml: profanity.en: must be words separated by"),
    ("intents", _set(("no_phrases", "en"), "i decline"), "language/intents.yaml: no_phrases.en: must be a list"),
    ("device_hints", _set(("peripherals",), "printer"), "language/device_hints.yaml: peripherals: must be a non-empty"),
    ("device_hints", _set(("ambiguous", 0, "could_be"), ["pc", "laptop"]),
     "language/device_hints.yaml: ambiguous[1].could_be: unknown device 'laptop'"),
    ("device_hints", _set(("plausible_problems", "pc"), ["slow", "sluggish"]),
     "language/device_hints.yaml: plausible_problems.pc: unknown problem 'sluggish'"),
    ("device_hints", _set(("part_hosts", "celu"), "cellphone"),
     "language/device_hints.yaml: part_hosts.celu: unknown device 'cellphone'"),
    ("symptoms", _set(("topics", "wifi"), {"en": ["wifi"]}), "language/symptoms.yaml: topics.wifi: unknown problem"),
    ("symptoms", _set(("generic_malfunction",), []),
     "language/symptoms.yaml: generic_malfunction: must be a non-empty"),
    ("suppressors", _set(("overheat",), [{"en": ["runs cool"]}]),
     "language/suppressors.yaml: overheat: unknown problem"),
    ("already_done", _set(("cable", "repeats"), None),
     "language/already_done.yaml: cable.repeats: must be a non-empty"),
    ("problems", _set(("slow",), []), "language/problems.yaml: slow: must be a non-empty list"),
    ("acts", _set(("question",), "how"), "language/acts.yaml: question: must be a non-empty mapping"),
    ("macros", _set(("NEG", "es-AR"), ["no", "nunca", "no"]), "language/macros.yaml: NEG.es-AR: duplicate branch 'no'"),
])
def test_every_shape_is_checked_where_it_is_written(tmp_path: Path, file: str, edit: Callable[[Any], None],
                                                    expected: str) -> None:
    assert _error(_broken(tmp_path, file, edit)).startswith(expected)


def test_a_file_that_is_not_a_mapping_or_lacks_a_section_is_named(tmp_path: Path) -> None:
    directory = _broken(tmp_path, "words", lambda doc: doc.pop("profanity"))
    assert _error(directory) == "language/words.yaml: profanity: missing"
    (directory / "language" / "acts.yaml").write_text("- just a list\n", "utf-8")
    assert _error(directory) == "language/acts.yaml: must be a mapping at the top level"
