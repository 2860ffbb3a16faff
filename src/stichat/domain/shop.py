"""The shop's own facts (hours, address, services, prices, warranty, repair status) and their answers.

Pure: `build_shop_facts()` validates an already-parsed shop-facts file (SHOP_FACTS_FILE). The file
the package ships is an example (`example: true`): preflight warns when production still uses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from stichat.domain.errors import KnowledgeError

LOCALES = ("es-AR", "en")
TOPICS = ("hours", "address", "services", "prices", "warranty", "repair_status")


@dataclass(frozen=True)
class ShopFacts:
    facts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    example: bool = True

    def answer(self, topic: str | None, locale: str) -> str | None:
        entry = self.facts.get(topic or "")
        return entry[locale] if entry else None


def build_shop_facts(raw: Mapping[str, Any], source: str) -> ShopFacts:
    """Validate a shop-facts document; errors name the file and the entry."""
    facts = raw.get("facts")
    if not isinstance(facts, Mapping):
        raise KnowledgeError(f"{source}: facts: must map topics to {{es-AR, en}} text")
    out: dict[str, dict[str, str]] = {}
    for topic in TOPICS:
        entry = facts.get(topic)
        if not isinstance(entry, Mapping):
            raise KnowledgeError(f"{source}: facts.{topic}: missing")
        texts: dict[str, str] = {}
        for locale in LOCALES:
            value = entry.get(locale)
            if not isinstance(value, str) or not value.strip():
                raise KnowledgeError(f"{source}: facts.{topic}: missing or empty {locale} text")
            texts[locale] = value.strip()
        out[topic] = texts
    unknown = sorted(set(facts) - set(TOPICS))
    if unknown:
        raise KnowledgeError(f"{source}: facts.{unknown[0]}: not a topic ({', '.join(TOPICS)})")
    return ShopFacts(out, example=bool(raw.get("example", False)))
