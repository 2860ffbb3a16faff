"""The knowledge base: devices, problems and the diagnostic steps for each pair.

Pure: `build_knowledge()` takes already-parsed documents (name → mapping) and validates them,
raising `KnowledgeError` that names the file and the entry. Reading the files is an adapter's job.

Document shapes (YAML under `stichat/knowledge/`):

    taxonomy.yaml
        devices:  {<device>: {es-AR: label, en: label}}
        problems: {<problem>: {es-AR: label, en: label}}
    steps/<problem>.yaml
        problem: <problem>
        devices: [<device>, ...]          # the devices this problem applies to
        generic:  {basic: [STEP...], advanced: [STEP...]}
        specific: {<device>: {basic: [STEP...], advanced: [STEP...]}}   # optional
    STEP = {text: {es-AR, en}, help: {es-AR, en}}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from stichat.domain.answers import Answers, build_answers
from stichat.domain.classifier import Examples, build_examples
from stichat.domain.errors import KnowledgeError
from stichat.domain.nlu import canonical, normalise
from stichat.domain.replies import Catalog, build_catalog
from stichat.domain.shop import ShopFacts
from stichat.domain.vocabulary import ALREADY_DONE

LOCALES = ("es-AR", "en")
LEVELS = ("basic", "advanced")
Level = Literal["basic", "advanced"]
MIN_STEPS = 3


@dataclass(frozen=True)
class Step:
    """One diagnostic step in both languages, with its longer explanation."""

    text: Mapping[str, str]
    help: Mapping[str, str]

    def text_in(self, locale: str) -> str:
        return self.text[locale]

    def help_in(self, locale: str) -> str:
        return self.help[locale]


@dataclass(frozen=True)
class KnowledgeBase:
    device_labels: Mapping[str, Mapping[str, str]]
    problem_labels: Mapping[str, Mapping[str, str]]
    applies: Mapping[str, tuple[str, ...]]
    generic: Mapping[tuple[str, str], tuple[Step, ...]]
    specific: Mapping[tuple[str, str, str], tuple[Step, ...]]
    answers: Answers = field(default_factory=Answers)
    shop: ShopFacts = field(default_factory=ShopFacts)
    examples: Examples = field(default_factory=Examples)
    texts: Catalog = field(default_factory=Catalog)

    @property
    def devices(self) -> tuple[str, ...]:
        return tuple(self.device_labels)

    @property
    def problems(self) -> tuple[str, ...]:
        return tuple(self.problem_labels)

    def steps(self, device: str | None, problem: str | None, level: Level,
              skip: tuple[str, ...] = ()) -> tuple[Step, ...]:
        """Steps for a device/problem pair; the problem's generic set when the pair has none.

        `skip` names what the customer already did: steps that would repeat it are left out, as long as
        at least one step remains.
        """
        p = problem if problem is not None and problem in self.problem_labels else "other"
        if device is not None and (device, p, level) in self.specific:
            steps = self.specific[(device, p, level)]
        else:
            steps = self.generic[(p, level)]
        if not skip:
            return steps
        kept = tuple(s for s in steps if not any(_repeats(s, tag) for tag in skip))
        return kept or steps

    def covers_well(self, device: str | None, problem: str | None) -> bool:
        """Whether the pair has steps written for that device (not only the problem's generic set)."""
        return (device, problem, "basic") in self.specific and problem not in (None, "other")

    def pairs(self) -> list[tuple[str, str]]:
        """Every (device, problem) pair the knowledge base claims to cover."""
        return [(d, p) for p, devices in self.applies.items() for d in devices]

    def device_label(self, device: str | None, locale: str) -> str:
        return self.device_labels.get(device or "other", self.device_labels["other"])[locale]

    def problem_label(self, problem: str | None, locale: str) -> str:
        return self.problem_labels.get(problem or "other", self.problem_labels["other"])[locale]


_DONE_STEPS = {tag: re.compile(step) for tag, (_, step) in ALREADY_DONE.items()}


def _repeats(step: Step, tag: str) -> bool:
    pattern = _DONE_STEPS.get(tag)
    return pattern is not None and any(pattern.search(normalise(text)) for text in step.text.values())


def _fail(doc: str, entry: str, why: str) -> KnowledgeError:
    return KnowledgeError(f"{doc}: {entry}: {why}")


def _labels(doc: str, section: str, raw: Any) -> dict[str, dict[str, str]]:
    if not isinstance(raw, Mapping) or not raw:
        raise _fail(doc, section, "must be a non-empty mapping of key → {es-AR, en}")
    out: dict[str, dict[str, str]] = {}
    for key, labels in raw.items():
        out[str(key)] = _localised(doc, f"{section}.{key}", labels)
    return out


def _localised(doc: str, entry: str, raw: Any) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise _fail(doc, entry, "must map es-AR and en to text")
    out = {}
    for locale in LOCALES:
        value = raw.get(locale)
        if not isinstance(value, str) or not value.strip():
            raise _fail(doc, entry, f"missing or empty {locale} text")
        out[locale] = value.strip()
    return out


def _steps(doc: str, entry: str, raw: Any) -> tuple[Step, ...]:
    if not isinstance(raw, list) or len(raw) < MIN_STEPS:
        raise _fail(doc, entry, f"needs a list of at least {MIN_STEPS} steps")
    steps = []
    for i, item in enumerate(raw, start=1):
        if not isinstance(item, Mapping):
            raise _fail(doc, f"{entry}[{i}]", "a step must have text and help")
        steps.append(Step(text=_localised(doc, f"{entry}[{i}].text", item.get("text")),
                          help=_localised(doc, f"{entry}[{i}].help", item.get("help"))))
    return tuple(steps)


def _levels(doc: str, entry: str, raw: Any) -> dict[str, tuple[Step, ...]]:
    if not isinstance(raw, Mapping):
        raise _fail(doc, entry, "must have basic and advanced steps")
    return {level: _steps(doc, f"{entry}.{level}", raw.get(level)) for level in LEVELS}


#: The dialogue acts the statistical fallback may read at the steps (examples.yaml, acts:).
EXAMPLE_ACTS = ("solved", "persists", "cant_do", "help", "show_steps", "advanced", "technician", "question",
                "thanks", "bye", "complaint")


def build_knowledge(docs: Mapping[str, Mapping[str, Any]], *, answers: Mapping[str, Any] | None = None,
                    shop: ShopFacts | None = None, examples: Mapping[str, Any] | None = None,
                    locales: Mapping[str, Mapping[str, Any]] | None = None) -> KnowledgeBase:
    """Validate parsed documents (file name → content) into a KnowledgeBase."""
    if "taxonomy.yaml" not in docs:
        raise KnowledgeError("taxonomy.yaml: missing")
    taxonomy = docs["taxonomy.yaml"]
    devices = _labels("taxonomy.yaml", "devices", taxonomy.get("devices"))
    problems = _labels("taxonomy.yaml", "problems", taxonomy.get("problems"))
    for section, keys in (("devices", devices), ("problems", problems)):
        if "other" not in keys:
            raise _fail("taxonomy.yaml", section, "must include the key 'other'")
    applies: dict[str, tuple[str, ...]] = {}
    generic: dict[tuple[str, str], tuple[Step, ...]] = {}
    specific: dict[tuple[str, str, str], tuple[Step, ...]] = {}
    for name, doc in docs.items():
        if name == "taxonomy.yaml":
            continue
        problem = doc.get("problem")
        if problem not in problems:
            raise _fail(name, "problem", f"{problem!r} is not a problem key of taxonomy.yaml")
        if problem in applies:
            raise _fail(name, "problem", f"{problem!r} is defined twice")
        listed = doc.get("devices", [])
        if not isinstance(listed, list) or any(d not in devices for d in listed):
            raise _fail(name, "devices", "must list device keys of taxonomy.yaml")
        applies[problem] = tuple(listed)
        for level, steps in _levels(name, "generic", doc.get("generic")).items():
            generic[(problem, level)] = steps
        raw_specific = doc.get("specific") or {}
        if not isinstance(raw_specific, Mapping):
            raise _fail(name, "specific", "must map device keys to basic/advanced steps")
        for device, levels in raw_specific.items():
            if device not in devices:
                raise _fail(name, f"specific.{device}", "is not a device key of taxonomy.yaml")
            for level, steps in _levels(name, f"specific.{device}", levels).items():
                specific[(str(device), problem, level)] = steps
    missing = [p for p in problems if p not in applies]
    if missing:
        raise KnowledgeError(f"steps/: no steps file for problem(s) {', '.join(missing)}")
    learned = build_examples(examples, problems=problems, acts=EXAMPLE_ACTS, normalise=canonical)
    return KnowledgeBase(devices, problems, applies, generic, specific, build_answers(answers), shop or ShopFacts(),
                         learned, build_catalog(locales) if locales is not None else Catalog())
