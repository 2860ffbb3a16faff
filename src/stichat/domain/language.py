"""The NLU vocabulary built from the language files (``knowledge/language/*.yaml``), validated.

Pure: `build_vocabulary()` takes the already-parsed documents (file stem → mapping) and the taxonomy's
device and problem keys, and returns every constant of ``stichat.domain.vocabulary`` by name, raising
`KnowledgeError` that names the file and the entry. Reading the files is an adapter's job; the domain
itself reads the generated copies, ``vocabulary/<file>.py`` (``scripts/language.py build``).

A pattern is written as its top-level alternatives, one per line, grouped by the language they are in:

    es-AR: [Spanish branches]    en: [English branches]    any: [brands, models, numbers, mixed]

and is built as ``es-AR|en|any`` in that order: the code only asks whether a pattern matches and where
the match starts, which the order of top-level alternatives does not change. ``{NAME}`` is a macro of
``macros.yaml``: ``{NEG}``, ``{CL}``, ``{G}`` and ``{ART}`` stay in the pattern (``patterns`` expands them
when compiling); the others are replaced when the vocabulary is built.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from stichat.domain.errors import KnowledgeError

LOCALE_KEYS = ("es-AR", "en", "any")
#: Macros ``patterns.compile_rule`` expands; any other macro is replaced at build time.
COMPILE_MACROS = ("NEG", "CL", "G", "ART")
MAX_WEIGHT = 5.0
_MACRO = re.compile(r"\{([A-Za-z_]+)\}")

#: Every constant: its name, the file (stem) it comes from, the key in that file (None: the whole
#: file) and its shape.
SPEC: tuple[tuple[str, str, str | None, str], ...] = (
    ("NEG", "macros", "NEG", "macro"),
    ("CLITIC", "macros", "CL", "macro"),
    ("GAP", "macros", "G", "macro"),
    ("ART", "macros", "ART", "macro"),
    ("WORKS", "macros", "WORKS", "macro"),
    ("DEVICE_PATTERNS", "devices", None, "weighted_map"),
    ("AMBIGUOUS_DEVICE_PATTERNS", "device_hints", "ambiguous", "ambiguous"),
    ("PERIPHERALS", "device_hints", "peripherals", "device_list"),
    ("PART_OF", "device_hints", "part_of", "phrase"),
    ("PART_OF_EN", "device_hints", "part_of_en", "phrase"),
    ("PART_HOSTS", "device_hints", "part_hosts", "host_map"),
    ("DEVICE_PROBLEMS", "device_hints", "plausible_problems", "problem_sets"),
    ("DEVICE_DEFAULT_PROBLEM", "device_hints", "default_problem", "default_map"),
    ("PROBLEM_PATTERNS", "problems", None, "weighted_map"),
    ("TOPICS", "symptoms", "topics", "group_map"),
    ("GENERIC_MALFUNCTION", "symptoms", "generic_malfunction", "phrase_list"),
    ("PROBLEM_SUPPRESSORS", "suppressors", None, "phrase_list_map"),
    ("YES_WORDS", "intents", "yes_words", "words"),
    ("YES_PHRASES", "intents", "yes_phrases", "phrase"),
    ("NO_WORDS", "intents", "no_words", "words"),
    ("NO_FOLLOWERS", "intents", "no_followers", "words"),
    ("NO_PHRASES", "intents", "no_phrases", "phrase"),
    ("INTENT_PATTERNS", "intents", "intents", "phrase_map"),
    ("DIALOGUE_PATTERNS", "acts", None, "phrase_map"),
    ("SHOP_TOPICS", "shop_topics", None, "phrase_map"),
    ("ALREADY_DONE", "already_done", None, "already_done"),
    ("NUMBER_WORDS", "words", "number_words", "numbers"),
    ("SPANISH_WORDS", "words", "spanish_words", "words"),
    ("ENGLISH_WORDS", "words", "english_words", "words"),
    ("COMMON_WORDS", "words", "common_words", "words"),
    ("PROFANITY", "words", "profanity", "words"),
    ("PROFANE_PHRASES", "words", "profane_phrases", "phrase"),
    ("NAME_INTROS", "words", "name_intros", "phrase"),
    ("NAME_PARTICLES", "words", "name_particles", "words"),
)
FILES = tuple(dict.fromkeys(file for _, file, _, _ in SPEC))


class _Builder:
    def __init__(self, docs: Mapping[str, Mapping[str, Any]], devices: frozenset[str],
                 problems: frozenset[str], compile_each: bool) -> None:
        self.docs, self.devices, self.problems = docs, devices, problems
        self.compile_each = compile_each
        self.file = "macros"
        raw = self._doc("macros")
        self.macros: dict[str, str] = {}
        for name, node in raw.items():
            self.macros[str(name)] = self.macro(node, str(name))

    # -- errors and lookups ---------------------------------------------------------------------------

    def fail(self, entry: str, why: str) -> KnowledgeError:
        return KnowledgeError(f"language/{self.file}.yaml: {entry}: {why}")

    def _doc(self, file: str) -> Mapping[str, Any]:
        self.file = file
        doc = self.docs.get(file)
        if doc is None:
            raise KnowledgeError(f"language/{file}.yaml: missing")
        if not isinstance(doc, Mapping):
            raise KnowledgeError(f"language/{file}.yaml: must be a mapping at the top level")
        return doc

    def mapping(self, node: Any, entry: str) -> Mapping[str, Any]:
        if not isinstance(node, Mapping) or not node:
            raise self.fail(entry, "must be a non-empty mapping")
        return node

    def key_in(self, key: Any, known: frozenset[str], kind: str, entry: str) -> str:
        if str(key) not in known:
            raise self.fail(entry, f"unknown {kind} {key!r} (not in taxonomy.yaml)")
        return str(key)

    # -- patterns ---------------------------------------------------------------------------------------

    def _branch(self, branch: Any, entry: str) -> str:
        if not isinstance(branch, str) or not branch.strip():
            raise self.fail(entry, "a branch must be a non-empty string")
        expanded = branch
        for name in _MACRO.findall(branch):
            if name not in self.macros and name not in COMPILE_MACROS:
                raise self.fail(entry, f"unknown macro {{{name}}} in {branch!r}")
            if name not in COMPILE_MACROS:
                expanded = expanded.replace(f"{{{name}}}", self.macros[name])
        if not self.compile_each:
            return expanded
        checked = expanded
        for name in COMPILE_MACROS:
            checked = checked.replace(f"{{{name}}}", self.macros.get(name, ""))
        try:
            re.compile(checked)
        except re.error as exc:
            raise self.fail(entry, f"{branch!r} is not a valid regular expression: {exc}") from exc
        return expanded

    def phrase(self, node: Any, entry: str, extra: tuple[str, ...] = ()) -> str:
        """A pattern written as branches by language, joined back as ``es-AR|en|any``."""
        node = self.mapping(node, entry)
        unknown = [str(k) for k in node if k not in LOCALE_KEYS and k not in extra]
        if unknown:
            raise self.fail(entry, f"unknown key {unknown[0]!r} (a pattern has {', '.join(LOCALE_KEYS)})")
        branches: list[str] = []
        for locale in LOCALE_KEYS:
            listed = node.get(locale, [])
            if not isinstance(listed, list):
                raise self.fail(f"{entry}.{locale}", "must be a list of branches")
            for branch in listed:
                if branch in branches:
                    raise self.fail(f"{entry}.{locale}", f"duplicate branch {branch!r}")
                branches.append(branch)
        if not branches:
            raise self.fail(entry, "has no branches")
        return "|".join(self._branch(b, entry) for b in branches)

    def macro(self, node: Any, entry: str) -> str:
        if isinstance(node, str):
            return self._branch(node, entry)
        return f"(?:{self.phrase(node, entry)})"

    def weighted(self, node: Any, entry: str) -> tuple[tuple[str, float], ...]:
        if not isinstance(node, list) or not node:
            raise self.fail(entry, "must be a non-empty list of {weight, es-AR, en, any}")
        out: list[tuple[str, float]] = []
        for i, item in enumerate(node, 1):
            where = f"{entry}[{i}]"
            weight = self.mapping(item, where).get("weight")
            if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= MAX_WEIGHT:
                raise self.fail(where, f"weight must be a number above 0 and at most {MAX_WEIGHT:g}, not {weight!r}")
            out.append((self.phrase(item, where, ("weight",)), float(weight)))
        return tuple(out)

    def words(self, node: Any, entry: str) -> frozenset[str]:
        parts = node.items() if isinstance(node, Mapping) else [("any", node)]
        found: set[str] = set()
        for locale, text in parts:
            if locale not in LOCALE_KEYS:
                raise self.fail(entry, f"unknown key {locale!r} (a word list has {', '.join(LOCALE_KEYS)})")
            if not isinstance(text, str):
                raise self.fail(f"{entry}.{locale}", "must be words separated by spaces")
            found.update(text.split())
        if not found:
            raise self.fail(entry, "has no words")
        return frozenset(found)

    # -- one constant -----------------------------------------------------------------------------------

    def constant(self, file: str, key: str | None, kind: str) -> object:
        doc = self._doc(file)
        if key is not None and key not in doc:
            raise KnowledgeError(f"language/{file}.yaml: {key}: missing")
        node = doc if key is None else doc[key]
        entry = key or "(top level)"
        devices, problems = self.devices, self.problems
        if kind == "macro":
            return self.macros[str(key)]
        if kind == "phrase":
            return self.phrase(node, entry)
        if kind == "words":
            return self.words(node, entry)
        table = self.mapping(node, entry) if kind != "phrase_list" and kind != "device_list" and kind != "ambiguous" \
            else node
        if kind == "weighted_map":
            known, what = (devices, "device") if file == "devices" else (problems, "problem")
            return {self.key_in(k, known, what, str(k)): self.weighted(val, str(k)) for k, val in table.items()}
        if kind == "group_map":
            return {self.key_in(k, problems, "problem", f"{entry}.{k}"): f"(?:{self.phrase(val, f'{entry}.{k}')})"
                    for k, val in table.items()}
        if kind == "phrase_map":
            return {str(k): self.phrase(val, f"{entry}.{k}" if key else str(k)) for k, val in table.items()}
        if kind == "phrase_list_map":
            return {self.key_in(k, problems, "problem", str(k)): self.phrase_list(val, str(k))
                    for k, val in table.items()}
        if kind == "phrase_list":
            return self.phrase_list(node, entry)
        if kind == "already_done":
            return {str(k): (self.phrase(self.mapping(val, str(k)).get("said"), f"{k}.said"),
                             self.phrase(val.get("repeats"), f"{k}.repeats")) for k, val in table.items()}
        if kind == "ambiguous":
            return self.ambiguous(node, entry)
        if kind == "device_list":
            if not isinstance(node, list) or not node:
                raise self.fail(entry, "must be a non-empty list of devices")
            return tuple(self.key_in(d, devices, "device", entry) for d in node)
        if kind == "host_map":
            return {str(k): self.key_in(d, devices, "device", f"{entry}.{k}") for k, d in table.items()}
        if kind == "problem_sets":
            return {self.key_in(k, devices, "device", f"{entry}.{k}"): frozenset(
                self.key_in(p, problems, "problem", f"{entry}.{k}") for p in self.list_of(val, f"{entry}.{k}"))
                for k, val in table.items()}
        if kind == "default_map":
            return {self.key_in(k, devices, "device", f"{entry}.{k}"): self.key_in(p, problems, "problem",
                                                                                  f"{entry}.{k}")
                    for k, p in table.items()}
        if kind == "numbers":
            for k, n in table.items():
                if isinstance(n, bool) or not isinstance(n, int):
                    raise self.fail(f"{entry}.{k}", f"must be a whole number, not {n!r}")
            return {str(k): int(n) for k, n in table.items()}
        raise AssertionError(kind)  # pragma: no cover - SPEC names only the shapes above

    def list_of(self, node: Any, entry: str) -> list[Any]:
        if not isinstance(node, list) or not node:
            raise self.fail(entry, "must be a non-empty list")
        return node

    def phrase_list(self, node: Any, entry: str) -> tuple[str, ...]:
        return tuple(self.phrase(item, f"{entry}[{i}]") for i, item in enumerate(self.list_of(node, entry), 1))

    def ambiguous(self, node: Any, entry: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        out = []
        for i, item in enumerate(self.list_of(node, entry), 1):
            where = f"{entry}[{i}]"
            could_be = self.list_of(self.mapping(item, where).get("could_be"), f"{where}.could_be")
            out.append((self.phrase(item, where, ("could_be",)),
                        tuple(self.key_in(d, self.devices, "device", f"{where}.could_be") for d in could_be)))
        return tuple(out)


def build_vocabulary(docs: Mapping[str, Mapping[str, Any]], devices: frozenset[str],
                     problems: frozenset[str], compile_each: bool = True) -> dict[str, object]:
    """Every vocabulary constant by name, from the parsed language files (file stem → document).

    `compile_each` compiles every branch (macros expanded) to name the one that is not a valid regular
    expression; without it the build is ten times faster, for a caller that knows the result compiles
    (the start-up check, when the result is the generated module ``patterns`` has already compiled).
    """
    unknown = sorted(set(docs) - set(FILES))
    if unknown:
        raise KnowledgeError(f"language/{unknown[0]}.yaml: not a language file (they are {', '.join(FILES)})")
    builder = _Builder(docs, devices, problems, compile_each)
    return {name: builder.constant(file, key, kind) for name, file, key, kind in SPEC}


def file_of(name: str) -> str:
    """The language file a constant comes from."""
    return next(f"language/{file}.yaml" for constant, file, _, _ in SPEC if constant == name)


def generated_module(file: str) -> str:
    """Where the generated copy of a language file lives, relative to src/."""
    return f"stichat/domain/vocabulary/{file}.py"
