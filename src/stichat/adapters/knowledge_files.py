"""Loads the knowledge base from the YAML files shipped in the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from stichat.domain import vocabulary
from stichat.domain.errors import KnowledgeError
from stichat.domain.knowledge import KnowledgeBase, build_knowledge
from stichat.domain.language import SPEC, build_vocabulary, file_of, generated_module
from stichat.domain.shop import build_shop_facts

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "knowledge"


#: libyaml's safe loader when PyYAML was built with it: the knowledge base parses ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
EXAMPLE_SHOP_FACTS = DEFAULT_DIR / "shop_facts.example.yaml"


def _read(path: Path, name: str | None = None) -> dict[str, Any]:
    name = name or path.name
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{name}: missing") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(content, dict):
        raise KnowledgeError(f"{name}: must be a mapping at the top level")
    return content


def _keys(taxonomy: dict[str, Any], section: str) -> frozenset[str]:
    entries = taxonomy.get(section)
    return frozenset(str(k) for k in entries) if isinstance(entries, dict) else frozenset()


def load_language(directory: Path = DEFAULT_DIR, generated: object = vocabulary) -> dict[str, object]:
    """Read and validate the language files (``language/*.yaml``) against the taxonomy, and check that the
    modules the domain reads (``vocabulary/<file>.py``) were built from them."""
    taxonomy = _read(directory / "taxonomy.yaml")
    docs = {p.stem: _read(p, f"language/{p.name}") for p in sorted((directory / "language").glob("*.yaml"))}
    devices, problems = _keys(taxonomy, "devices"), _keys(taxonomy, "problems")
    # The generated module has been compiled by `patterns` already: when the files give exactly it, every
    # branch is a valid regular expression. Otherwise each is compiled, to name a broken one first.
    built = build_vocabulary(docs, devices, problems, compile_each=False)
    for name, file, _, _ in SPEC:
        if getattr(generated, name, None) != built[name]:
            build_vocabulary(docs, devices, problems)
            raise KnowledgeError(f"{file_of(name)}: changed since src/{generated_module(file)} was "
                                 f"generated ({name} differs): run `make vocabulary`")
    return built


@lru_cache(maxsize=4)
def load_knowledge(directory: Path = DEFAULT_DIR, shop_facts: Path | None = None) -> KnowledgeBase:
    """Parse and validate once per process: the knowledge base is immutable.

    The steps and answers ship with the package; the shop's facts come from SHOP_FACTS_FILE (the
    example in the package when it is not set).
    """
    load_language(directory)
    docs: dict[str, Any] = {}
    for path in [directory / "taxonomy.yaml", *sorted((directory / "steps").glob("*.yaml"))]:
        docs[path.name] = _read(path)
    answers, examples = directory / "answers.yaml", directory / "examples.yaml"
    shop_path = shop_facts or EXAMPLE_SHOP_FACTS
    return build_knowledge(docs, answers=_read(answers) if answers.exists() else None,
                           shop=build_shop_facts(_read(shop_path), shop_path.name),
                           examples=_read(examples) if examples.exists() else None,
                           locales={p.name: _read(p) for p in sorted((directory / "locales").glob("*.yaml"))})
