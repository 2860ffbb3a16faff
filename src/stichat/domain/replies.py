"""The catalog of every sentence Tecnos says and every button label, per locale.

Pure: `build_catalog()` validates already-parsed locale files (``knowledge/locales/<locale>.yaml``):
every locale has every key, and each sentence has the same ``{placeholders}`` in every locale, so a
missing translation or a misspelt placeholder stops the service at start-up with the file and the
entry named, never in front of a customer. Adding a language is adding one file.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from stichat.domain.errors import KnowledgeError

LOCALES = ("es-AR", "en")


@dataclass(frozen=True)
class Button:
    value: str
    label: str

    def to_json(self) -> dict[str, str]:
        return {"value": self.value, "label": self.label}


@dataclass(frozen=True)
class Catalog:
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    buttons: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    help_labels: Mapping[str, str] = field(default_factory=dict)

    def say(self, key: str, locale: str, **values: object) -> str:
        """The sentence `key` in `locale`, with `{placeholders}` filled in."""
        return self.texts[locale][key].format(**values)

    def button(self, value: str, locale: str) -> Button:
        return Button(value, self.buttons[locale][value])

    def help_button(self, n: int, locale: str) -> Button:
        return Button(f"BTN_HELP_{n}", self.help_labels[locale].format(n=n))


def device_button(device: str, label: str) -> Button:
    return Button(f"BTN_DEV_{device.upper()}", label)


def problem_button(problem: str, label: str) -> Button:
    return Button(f"BTN_PROBLEM_{problem.upper()}", label)


def placeholders(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def _strings(doc: str, section: str, raw: Any) -> dict[str, str]:
    if not isinstance(raw, Mapping) or not raw:
        raise KnowledgeError(f"{doc}: {section}: must map keys to text")
    out: dict[str, str] = {}
    for key, value in raw.items():
        if not isinstance(value, str) or not value.strip():
            raise KnowledgeError(f"{doc}: {section}.{key}: missing or empty text")
        out[str(key)] = value.strip()
    return out


def build_catalog(docs: Mapping[str, Mapping[str, Any]]) -> Catalog:
    """Validate locale documents (file name → content) into one catalog."""
    texts: dict[str, dict[str, str]] = {}
    buttons: dict[str, dict[str, str]] = {}
    helps: dict[str, str] = {}
    files: dict[str, str] = {}
    for name, doc in docs.items():
        locale = doc.get("locale")
        if locale not in LOCALES:
            raise KnowledgeError(f"{name}: locale: must be one of {', '.join(LOCALES)}")
        files[locale] = name
        texts[locale] = _strings(name, "texts", doc.get("texts"))
        buttons[locale] = _strings(name, "buttons", doc.get("buttons"))
        helps[locale] = _strings(name, "help_button", {"help_button": doc.get("help_button")})["help_button"]
        if placeholders(helps[locale]) != {"n"}:
            raise KnowledgeError(f"{name}: help_button: must have exactly the placeholder {{n}}")
    missing = [loc for loc in LOCALES if loc not in texts]
    if missing:
        raise KnowledgeError(f"locales/: no file for {', '.join(missing)}")
    first = LOCALES[0]
    for locale in LOCALES[1:]:
        for section, table in (("texts", texts), ("buttons", buttons)):
            for key in sorted(set(table[first]) ^ set(table[locale])):
                lacking = files[locale] if key in table[first] else files[first]
                raise KnowledgeError(f"{lacking}: {section}.{key}: missing (every locale needs every key)")
        for key, text in texts[first].items():
            if placeholders(text) != placeholders(texts[locale][key]):
                theirs = sorted(placeholders(texts[locale][key]))
                raise KnowledgeError(f"{files[locale]}: texts.{key}: placeholders {theirs} "
                                     f"differ from {files[first]}'s {sorted(placeholders(text))}")
    return Catalog(texts, buttons, helps)
