"""Loads the knowledge base from the YAML files shipped in the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from stichat.domain.errors import KnowledgeError
from stichat.domain.knowledge import KnowledgeBase, build_knowledge

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "knowledge"


@lru_cache(maxsize=4)
def load_knowledge(directory: Path = DEFAULT_DIR) -> KnowledgeBase:
    """Parse and validate once per process: the knowledge base is immutable."""
    docs: dict[str, Any] = {}
    files = [directory / "taxonomy.yaml", *sorted((directory / "steps").glob("*.yaml"))]
    for path in files:
        try:
            content = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise KnowledgeError(f"{path.name}: missing") from exc
        except yaml.YAMLError as exc:
            raise KnowledgeError(f"{path.name}: not valid YAML: {exc}") from exc
        if not isinstance(content, dict):
            raise KnowledgeError(f"{path.name}: must be a mapping at the top level")
        docs[path.name] = content
    return build_knowledge(docs)
