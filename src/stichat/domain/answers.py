"""Answers to questions typed during the steps (safety, how-to, meaning), from the knowledge base.

Pure: `build_answers()` validates an already-parsed `answers.yaml`; `Answers.find()` picks the one
whose pattern matches the customer's normalised text. A question nothing here answers is not
guessed at: the conversation says plainly that a technician should decide and offers one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from stichat.domain.errors import KnowledgeError

LOCALES = ("es-AR", "en")
KINDS = ("safety", "howto", "meaning")
DOC = "answers.yaml"


@dataclass(frozen=True)
class Answer:
    """One answer: what it is about, when it applies and what Tecnos says, per locale."""

    id: str
    kind: str
    pattern: re.Pattern[str]
    text: Mapping[str, str]
    handoff: bool = False

    def text_in(self, locale: str) -> str:
        return self.text[locale]


@dataclass(frozen=True)
class Answers:
    entries: tuple[Answer, ...] = ()

    def find(self, text: str) -> Answer | None:
        """The first answer (safety ones come first in the file) whose pattern the text matches."""
        return next((a for a in self.entries if a.pattern.search(text)), None)


def build_answers(raw: Mapping[str, Any] | None) -> Answers:
    if raw is None:
        return Answers()
    items = raw.get("answers")
    if not isinstance(items, list):
        raise KnowledgeError(f"{DOC}: answers: must be a list")
    entries: list[Answer] = []
    seen: set[str] = set()
    for i, item in enumerate(items, start=1):
        where = f"{DOC}: answers[{i}]"
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            raise KnowledgeError(f"{where}: needs an id")
        entry = f"{DOC}: {item['id']}"
        if item["id"] in seen:
            raise KnowledgeError(f"{entry}: defined twice")
        seen.add(item["id"])
        if item.get("kind") not in KINDS:
            raise KnowledgeError(f"{entry}: kind must be one of {', '.join(KINDS)}")
        try:
            pattern = re.compile(rf"(?<!\S)(?:{item.get('match')})(?!\S)")
        except (re.error, TypeError) as exc:
            raise KnowledgeError(f"{entry}: match is not a valid pattern: {exc}") from exc
        text: dict[str, str] = {}
        for locale in LOCALES:
            value = item.get(locale)
            if not isinstance(value, str) or not value.strip():
                raise KnowledgeError(f"{entry}: missing or empty {locale} text")
            text[locale] = value.strip()
        entries.append(Answer(item["id"], item["kind"], pattern, text, bool(item.get("handoff", False))))
    return Answers(tuple(entries))
