"""The NLU vocabulary's language files and their generated Python copy.

    scripts/language.py build    knowledge/language/*.yaml → src/stichat/domain/vocabulary/data.py
    scripts/language.py check    exit 1 when data.py is not what `build` would write

The domain never reads files: it imports data.py, which `make vocabulary` (a prerequisite of run,
test and lint) rebuilds whenever a language file is newer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from stichat.domain.language import SPEC, build_vocabulary  # noqa: E402
from stichat.domain.patterns import _branches  # noqa: E402

LANGUAGE = ROOT / "src" / "stichat" / "knowledge" / "language"
TAXONOMY = ROOT / "src" / "stichat" / "knowledge" / "taxonomy.yaml"
DATA = ROOT / "src" / "stichat" / "domain" / "vocabulary" / "data.py"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The Python type of each shape of SPEC.
TYPES = {
    "macro": "str", "phrase": "str", "words": "frozenset[str]",
    "weighted_map": "dict[str, tuple[tuple[str, float], ...]]",
    "ambiguous": "tuple[tuple[str, tuple[str, ...]], ...]", "device_list": "tuple[str, ...]",
    "host_map": "dict[str, str]", "problem_sets": "dict[str, frozenset[str]]", "default_map": "dict[str, str]",
    "group_map": "dict[str, str]", "phrase_list": "tuple[str, ...]",
    "phrase_list_map": "dict[str, tuple[str, ...]]", "phrase_map": "dict[str, str]",
    "already_done": "dict[str, tuple[str, str]]", "numbers": "dict[str, int]",
}


def read_docs() -> dict[str, Any]:
    return {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
            for p in sorted(LANGUAGE.glob("*.yaml"))}


def taxonomy_keys() -> tuple[frozenset[str], frozenset[str]]:
    doc = yaml.load(TAXONOMY.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    return frozenset(doc["devices"]), frozenset(doc["problems"])


# ------------------------------------------------------------------------------------------------
# build: the generated module
# ------------------------------------------------------------------------------------------------


def _literal(text: str) -> str:
    if '"' not in text and "\n" not in text and not text.endswith("\\"):
        return f'r"{text}"'
    return repr(text)


def _string(text: str, indent: str) -> str:
    """A pattern as one literal per top-level branch, so the generated file reads like the YAML."""
    branches = _branches(text)
    if len(text) < 90 or len(branches) == 1:
        return _literal(text)
    pieces = [b + "|" for b in branches[:-1]] + [branches[-1]]
    inner = indent + "    "
    return "(\n" + "".join(f"{inner}{_literal(p)}\n" for p in pieces) + f"{indent})"


def _value(value: object, indent: str = "") -> str:
    inner = indent + "    "
    if isinstance(value, str):
        return _string(value, indent)
    if isinstance(value, bool | int | float):
        return repr(value)
    if isinstance(value, frozenset):
        words = sorted(value)
        if not words:
            return "frozenset()"
        lines, line = [], ""
        for word in words:
            if len(line) + len(word) + 1 > 100:
                lines.append(line)
                line = ""
            line = f"{line} {word}" if line else word
        lines.append(line)
        body = "\n".join(lines)
        return f'frozenset("""\n{body}\n""".split())'
    if isinstance(value, dict):
        if not value:
            return "{}"
        rows = "".join(f"{inner}{k!r}: {_value(v, inner)},\n" for k, v in value.items())
        return "{\n" + rows + indent + "}"
    if isinstance(value, tuple):
        if not value:
            return "()"
        rows = "".join(f"{inner}{_value(v, inner)},\n" for v in value)
        return "(\n" + rows + indent + ")"
    raise TypeError(type(value))


def render(values: dict[str, object]) -> str:
    out = [
        '"""The NLU vocabulary (generated from src/stichat/knowledge/language/*.yaml by scripts/language.py;\n'
        'edit the YAML, then `make vocabulary`).\n\n'
        "Do not edit: `make run`, `make test` and `make lint` rebuild this file when a language file is newer,\n"
        'and the knowledge loader refuses to start when it is out of date."""\n',
        "from __future__ import annotations\n",
    ]
    for name, _, _, kind in SPEC:
        out.append(f"{name}: {TYPES[kind]} = {_value(values[name])}\n")
    return "\n".join(out)


def build_text() -> str:
    devices, problems = taxonomy_keys()
    return render(build_vocabulary(read_docs(), devices, problems))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "build":
        text = build_text()
        if not DATA.exists() or DATA.read_text(encoding="utf-8") != text:
            DATA.write_text(text, encoding="utf-8")
            print(f"wrote {DATA.relative_to(ROOT)}")
        else:
            DATA.touch()
        return 0
    if command == "check":
        if DATA.read_text(encoding="utf-8") != build_text():
            print(f"{DATA.relative_to(ROOT)} is out of date: run `make vocabulary`", file=sys.stderr)
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
