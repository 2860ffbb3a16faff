"""One-off: write knowledge/language/*.yaml from the Python vocabulary modules (``scripts/language.py export``).

Deterministic: the same modules give the same files byte for byte. Each pattern is split at its top-level
``|`` into branches, each branch filed under the language its words are in (es-AR, en, or any when it has
none or both); the symptom words (TURN_ON, START, …) written inline by f-strings become ``{TURN_ON}`` again.
The comments above entries are carried over as YAML comments.
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path
from typing import Any

from stichat.domain.language import SPEC
from stichat.domain.patterns import _branches, literal_words

VOCABULARY = Path(__file__).resolve().parents[1] / "src" / "stichat" / "domain" / "vocabulary"
#: Symptom words other patterns are built from: macros of macros.yaml, replaced at build time.
WORD_MACROS = ("TURN_ON", "START", "OS", "WORKS", "MEDIA", "LIQUID", "ACCOUNT", "PASSWORD")
#: Where each file's entries (and their comments) come from.
SOURCES = {
    "macros": ("macros", "symptoms"), "devices": ("devices",), "device_hints": ("devices",),
    "problems": ("problems", "software"), "symptoms": ("symptoms",), "suppressors": ("suppressors",),
    "intents": ("intents",), "acts": ("acts",), "shop_topics": ("shop_topics",),
    "already_done": ("already_done",), "words": ("words",),
}
#: Comments the walk cannot place (one left at the end of a dict, about the next one's first entry).
PLACED = {("problems", "other"): ['Not a fault: a question about an upgrade ("can I put more RAM in it?") is the '
                                  '"other" problem.']}
#: Patterns whose alternatives are read in order (the first that fits wins): kept as one list under `any`.
ORDERED = ("NAME_INTROS", "PART_OF", "PART_OF_EN")
TITLES = {
    "macros": "the building blocks other patterns name in braces. {NEG} a negation (\"no\", \"nunca\", \"ya no\", "
              "\"sigue sin\", \"doesnt\"…), {CL} optional clitics after it (\"no *se me* prende\"), {G} a gap of up "
              "to three words, {ART} optional articles and possessives; the others are the words turning on, "
              "starting, working, media, liquids, accounts and passwords are said with.",
    "devices": "what customers call each device of taxonomy.yaml, as weighted patterns (the heaviest device wins).",
    "device_hints": "names that could be several devices (the engine asks), peripherals, a part named \"of\" a "
                    "device that has it built in, the problems that make sense for each device and what a vague "
                    "\"no anda\" means for it.",
    "problems": "weighted phrases per problem of taxonomy.yaml, in the order the rules are tried (the heaviest "
                "problem wins; the words they are built from are macros).",
    "symptoms": "the nouns that tie a vague \"no anda\" to a problem (\"no anda el wifi\" → no_internet) and the "
                "vague malfunctions.",
    "suppressors": "phrases that cancel a problem's weak readings (weight < 2): \"carga bien pero se calienta\" is "
                   "not a battery problem, while \"carga bien pero la batería dura poco\" still is.",
    "intents": "yes and no (consent), and the intents read at every stage: solved, persists, help, the steps "
               "again, advanced steps, a technician, closing, greetings, thanks, frustration.",
    "acts": "dialogue acts read beside the intents: could not do a step, a question, a past repair, a "
            "complaint, a correction, something else to look at later.",
    "shop_topics": "what a shop question is about; the answer comes from the shop-facts file.",
    "already_done": "what a customer says they already did (\"ya cambié el cable\"), and the steps that would "
                    "repeat it: a step whose text (normalised, either language) matches `repeats` is left out.",
    "words": "word lists: numbers, language markers, common words never corrected, profanity, name "
             "introductions. Words are separated by spaces.",
}
HEADER = """\
# {title}
#
# Source of truth for the NLU vocabulary; the domain reads a generated copy. After editing, run
# `make vocabulary` (or just `make run` / `make test`). Format: docs/conversation.md, "Language files".
# A pattern is a list of alternatives (regular expressions over normalised text: lower case, no accents,
# no punctuation), one per line, under es-AR (Spanish), en (English) or any (brands, models, numbers,
# mixed). {{NAME}} is a macro of macros.yaml. Weights: ~1 a vague hint, ~2 a clear description, ~3
# unmistakable.
"""


class Comments:
    """The comment lines above (and inside) each entry of a module's top-level assignments."""

    def __init__(self, module: str) -> None:
        path = VOCABULARY / f"{module}.py"
        self.lines = path.read_text(encoding="utf-8").splitlines()
        self.tree = ast.parse("\n".join(self.lines))
        self.found: dict[tuple[Any, ...], list[str]] = {}
        self.doc = ast.get_docstring(self.tree) or ""
        for node in self.tree.body:
            target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
            value = getattr(node, "value", None)
            if not isinstance(target, ast.Name) or value is None:
                continue
            self.found[(target.id,)] = self._above(node.lineno)
            if isinstance(value, ast.Dict):
                for key, item in zip(value.keys, value.values, strict=True):
                    if not isinstance(key, ast.Constant):
                        continue
                    self.found[(target.id, key.value)] = self._above(key.lineno)
                    if isinstance(item, ast.Tuple):
                        for i, element in enumerate(item.elts):
                            self.found[(target.id, key.value, i)] = (
                                self._above(element.lineno) + self._inside(element))

    def _above(self, lineno: int) -> list[str]:
        out: list[str] = []
        i = lineno - 2
        while i >= 0 and self.lines[i].strip().startswith("#"):
            out.insert(0, self.lines[i].strip().lstrip("#:").strip())
            i -= 1
        return out

    def _inside(self, node: ast.AST) -> list[str]:
        start, end = node.lineno, getattr(node, "end_lineno", node.lineno) or node.lineno
        return [self.lines[i].strip().lstrip("#").strip() for i in range(start, end - 1)
                if self.lines[i].strip().startswith("#")]


def _classifier() -> Any:
    from stichat.domain.vocabulary import dictionary, words

    spanish = words.SPANISH_WORDS | dictionary.SPANISH
    english = words.ENGLISH_WORDS | dictionary.ENGLISH
    es_only, en_only = spanish - english, english - spanish

    def locale_of(branch: str) -> str:
        found = set(literal_words(re.sub(r"\{[A-Z_]+\}", " ", branch)))
        es, en = bool(found & es_only), bool(found & en_only)
        return "es-AR" if es and not en else "en" if en and not es else "any"

    return locale_of


class Exporter:
    def __init__(self) -> None:
        from stichat.domain.vocabulary import symptoms

        self.words = {name: getattr(symptoms, name) for name in WORD_MACROS}
        self.locale_of = _classifier()

    def unmacro(self, branch: str) -> str:
        for name in sorted(self.words, key=lambda n: -len(self.words[n])):
            branch = branch.replace(self.words[name], f"{{{name}}}")
        return branch

    def phrase(self, pattern: str, indent: str, ordered: bool = False, first: str = "") -> list[str]:
        """A pattern as `es-AR/en/any` lists of branches (the first line may carry a `- ` marker)."""
        groups: dict[str, list[str]] = {"es-AR": [], "en": [], "any": []}
        seen: set[str] = set()
        for branch in _branches(pattern):
            if branch in seen:  # the same alternative twice says nothing more: the check refuses it
                print(f"  dropped a duplicate branch {branch!r}")
                continue
            seen.add(branch)
            groups["any" if ordered else self.locale_of(branch)].append(self.unmacro(branch))
        out: list[str] = []
        for locale, branches in groups.items():
            if branches:
                lead = first if not out and first else indent
                out.append(f"{lead}{locale}:")
                out.extend(f"{indent}  - {_quote(b)}" for b in branches)
        return out


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _key(key: object) -> str:
    text = str(key)
    plain = re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", text) and text.lower() not in {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null"}
    return text if plain else _quote(text)


def _comment(lines: list[str], indent: str) -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in lines]


def _words(words: frozenset[str], indent: str, locale_of: Any | None) -> list[str]:
    groups: dict[str, list[str]] = {}
    for word in sorted(words):
        groups.setdefault(locale_of(word) if locale_of else "any", []).append(word)

    def block(items: list[str], pad: str) -> list[str]:
        lines, line = [], ""
        for word in items:
            if line and len(line) + len(word) + 1 > 100:
                lines.append(pad + line)
                line = ""
            line = f"{line} {word}" if line else word
        return [*lines, pad + line]

    if locale_of is None:
        return [" |", *block(groups["any"], indent + "  ")]
    out = [""]
    for locale in ("es-AR", "en", "any"):
        if locale in groups:
            out += [f"{indent}  {locale}: |", *block(groups[locale], indent + "    ")]
    return out


def export(directory: Path) -> None:
    vocabulary = importlib.import_module("stichat.domain.vocabulary")
    ex = Exporter()
    directory.mkdir(parents=True, exist_ok=True)
    per_file: dict[str, list[str]] = {}
    for name, file, key, kind in SPEC:
        sources = [Comments(m) for m in SOURCES[file]]

        def note(*path: Any, sources: list[Comments] = sources) -> list[str]:
            for source in sources:
                for var in source.found:
                    if var[1:] == path and len(var) == len(path) + 1 and (len(path) > 0):
                        return source.found[var]
            return []

        def top(var: str, sources: list[Comments] = sources) -> list[str]:
            return next((s.found[(var,)] for s in sources if (var,) in s.found), [])

        value = getattr(vocabulary, name)
        out = per_file.setdefault(file, [])
        pad = "  " if key else ""
        if key:
            out += ["", *_comment(top(name), "")]
        if kind == "macro":
            if not _wrapped(value):
                out.append(f"{key}: {_quote(value)}")
            else:
                out += [f"{key}:", *ex.phrase(value[3:-1], "  ")]
            continue
        if kind in ("phrase",):
            out += [f"{key}:", *ex.phrase(value, pad, ordered=name in ORDERED)]
            continue
        if kind == "words":
            split = name not in ("SPANISH_WORDS", "ENGLISH_WORDS")
            out += [f"{key}:" + _words(value, "", ex.locale_of if split else None)[0],
                    *_words(value, "", ex.locale_of if split else None)[1:]]
            continue
        if key:
            out.append(f"{key}:")
        if kind == "weighted_map":
            for k, entries in value.items():
                lead = note(k) or PLACED.get((file, k), [])
                out += [*([""] if not key else []), *_comment(lead, pad), f"{pad}{_key(k)}:"]
                for i, (pattern, weight) in enumerate(entries):
                    out += _comment(note(k, i), pad + "  ")
                    out.append(f"{pad}  - weight: {weight:g}")
                    out += ex.phrase(pattern, pad + "    ")
        elif kind in ("phrase_map", "group_map"):
            for k, pattern in value.items():
                body = pattern[3:-1] if kind == "group_map" else pattern
                out += [*([""] if not key else []), *_comment(note(k), pad), f"{pad}{_key(k)}:",
                        *ex.phrase(body, pad + "  ")]
        elif kind == "phrase_list_map":
            for k, patterns in value.items():
                out += [*_comment(note(k), pad), f"{pad}{_key(k)}:"]
                for pattern in patterns:
                    out += ex.phrase(pattern, pad + "    ", first=pad + "  - ")
        elif kind == "phrase_list":
            for pattern in value:
                out += ex.phrase(pattern, pad + "    ", first=pad + "  - ")
        elif kind == "already_done":
            for k, (said, repeats) in value.items():
                out += ["", *_comment(note(k), pad), f"{_key(k)}:", "  # what the customer says they did",
                        "  said:", *ex.phrase(said, "    "),
                        "  # a step whose text matches this would repeat it", "  repeats:",
                        *ex.phrase(repeats, "    ")]
        elif kind == "ambiguous":
            for pattern, could_be in value:
                out.append(f"  - could_be: [{', '.join(could_be)}]")
                out += ex.phrase(pattern, "    ")
        elif kind == "device_list":
            out[-1] += f" [{', '.join(value)}]"
        elif kind in ("host_map", "default_map", "numbers"):
            out += [f"  {_key(k)}: {v}" for k, v in value.items()]
        elif kind == "problem_sets":
            out += [f"  {_key(k)}: [{', '.join(sorted(v))}]" for k, v in value.items()]
        else:
            raise AssertionError(kind)
    for name in WORD_MACROS:
        if name != "WORKS":
            sources = [Comments("symptoms")]
            per_file["macros"] += ["", f"{name}:", *ex.phrase(ex.words[name][3:-1], "  ")]
    for file, lines in per_file.items():
        title = f"{file}.yaml: {TITLES[file]}"
        text = HEADER.format(title=_wrap(title)) + "\n" + "\n".join(lines).lstrip("\n") + "\n"
        (directory / f"{file}.yaml").write_text(text.replace("\n\n\n", "\n\n"), encoding="utf-8")
        print(f"wrote {file}.yaml")


def _wrapped(value: str) -> bool:
    return value.startswith("(?:") and value.endswith(")") and len(_branches(value)) == 1


def _wrap(text: str) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > 100:
            lines.append(line)
            line = ""
        line = f"{line} {word}" if line else word
    return "\n# ".join([*lines, line])
