"""What smart mode may contribute: how a model's reading is narrowed to allowed values and merged into
the rules' `Understanding` (a failed call is `errors.LLMFailure`).

Pure: the model's answer arrives as plain values; anything outside the allowed sets is dropped, so
a model can choose among known devices, problems and intents but never invent one (nor a button, nor
a stage: the conversation table still decides every move).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from stichat.domain.nlu import Intent, Understanding
from stichat.domain.replies import Catalog

SENTIMENTS = ("positive", "neutral", "negative", "frustrated")
#: Intents a model may report. YES/NO are left to the rules: they answer questions the model never saw.
MODEL_INTENTS = tuple(i for i in Intent if i not in (Intent.YES, Intent.NO))
#: Confidence given to a value the model chose: above the rules' "unsure" line, below a sure match.
MODEL_CONFIDENCE = 0.7


@dataclass(frozen=True)
class Reading:
    """A model's reading of one message, already narrowed to allowed values."""

    intent: Intent | None = None
    device: str | None = None
    problem: str | None = None
    sentiment: str | None = None
    needs_human: bool = False

    @property
    def informative(self) -> bool:
        """Whether it says more than "something is wrong with something"."""
        return self.intent is not None or self.device not in (None, "other") or self.problem not in (None, "other")


def _pick(value: str | None, allowed: Collection[str]) -> str | None:
    if value is None:
        return None
    key = value.strip().lower()
    return key if key in allowed else None


def narrow(*, intent: str | None, device: str | None, problem: str | None, sentiment: str | None,
           needs_human: bool, devices: Collection[str], problems: Collection[str]) -> Reading:
    """Keep only allowed values: device and problem keys of the knowledge base, `MODEL_INTENTS`."""
    chosen = _pick(intent, [i.value for i in MODEL_INTENTS])
    return Reading(
        intent=Intent(chosen) if chosen else None,
        device=_pick(device, devices),
        problem=_pick(problem, problems),
        sentiment=_pick(sentiment, SENTIMENTS),
        needs_human=bool(needs_human),
    )


def merge(heard: Understanding, reading: Reading) -> Understanding | None:
    """The rules' understanding improved by the model's reading; None when the model adds nothing.

    What the rules placed with confidence is kept; the model fills what they missed.
    """
    if not reading.informative:
        return None
    device, device_conf, candidates = heard.device, heard.device_confidence, heard.device_candidates
    if reading.device not in (None, "other") and device is None:
        device, device_conf, candidates = reading.device, MODEL_CONFIDENCE, ()
    problem, problem_conf = heard.problem, heard.problem_confidence
    if reading.problem not in (None, "other") and (problem in (None, "other") or problem_conf < MODEL_CONFIDENCE):
        problem, problem_conf = reading.problem, MODEL_CONFIDENCE
    intents = heard.intents | ({reading.intent} if reading.intent else set())
    if (device, problem, intents) == (heard.device, heard.problem, heard.intents):
        return None
    extra = {**heard.extra, "via": "llm", "needs_human": "true" if reading.needs_human else "false"}
    if reading.sentiment:
        extra["sentiment"] = reading.sentiment
    return replace(heard, intents=frozenset(intents), device=device, device_confidence=device_conf,
                   device_candidates=candidates, problem=problem, problem_confidence=problem_conf, extra=extra)


#: What a photo reading may say in its own words, at most (the customer sees it).
MAX_PHOTO_TEXT = 200


def photo_analysis(*, device: str | None, problem: str | None, text_seen: str | None, error_code: str | None,
                   suggestion: str | None, devices: Collection[str], problems: Collection[str],
                   device_label: str | None, problem_label: str | None, locale: str,
                   texts: Catalog) -> dict[str, str | None] | None:
    """A vision model's reading of a photo, narrowed to known keys and bounded; None when it says nothing.

    Text fields must arrive masked: the caller masks what the model read off the photo.
    """
    d, p = _pick(device, devices), _pick(problem, problems)
    seen = (text_seen or "").strip()[:MAX_PHOTO_TEXT] or None
    code = (error_code or "").strip()[:40] or None
    tip = (suggestion or "").strip()[:MAX_PHOTO_TEXT] or None
    if not (d or p or seen or code):
        return None
    parts = [texts.say("photo_device", locale, device=device_label) if d and device_label else
             texts.say("photo_looked", locale),
             texts.say("photo_problem", locale, problem=problem_label) if p and problem_label else None,
             texts.say("photo_text", locale, text=code or seen) if code or seen else None]
    summary = "; ".join(x for x in parts if x) + "."
    return {"device": d, "problem": p, "textSeen": seen, "errorCode": code, "suggestion": tip, "summary": summary}


def with_photo(heard: Understanding, analysis: dict[str, object] | None) -> Understanding:
    """Fill what the rules missed from the latest photo's reading (device, problem); rules win."""
    if not analysis:
        return heard
    device = analysis.get("device") if isinstance(analysis.get("device"), str) else None
    problem = analysis.get("problem") if isinstance(analysis.get("problem"), str) else None
    new_device = heard.device is None and not heard.device_candidates and device not in (None, "other")
    new_problem = heard.problem in (None, "other") and problem not in (None, "other")
    if not (new_device or new_problem):
        return heard
    return replace(
        heard,
        device=str(device) if new_device else heard.device,
        device_confidence=MODEL_CONFIDENCE if new_device else heard.device_confidence,
        problem=str(problem) if new_problem else heard.problem,
        problem_confidence=MODEL_CONFIDENCE if new_problem else heard.problem_confidence,
        extra={**heard.extra, "via": "photo"},
    )


#: Words that make a model's suggested step unsafe to show a customer: destructive, firmware, opening.
UNSAFE_STEP = re.compile(
    r"format|factory|f[aá]brica|restablec|reset de f|borr[aá]|delet|eras|bios|uefi|firmware|flash|"
    r"regedit|registro de windows|registry|abr[ií]|destornill|screwdriver|open (?:the|it|up)|desarm|"
    r"tornillo|screw|sold|solder|diskpart|fdisk|rm -|del /|cmd /c|powershell",
    re.IGNORECASE,
)
MAX_SUGGESTED_STEPS = 3
MAX_STEP_TEXT = 160


def safe_suggestions(lines: list[str]) -> list[str]:
    """A model's extra steps, kept only when short, plain and harmless; at most three."""
    kept: list[str] = []
    for line in lines:
        text = re.sub(r"[<>`*#]", "", line).strip().lstrip("-•0123456789.) ").strip()
        if 8 <= len(text) <= MAX_STEP_TEXT and not UNSAFE_STEP.search(text) and text not in kept:
            kept.append(text)
        if len(kept) == MAX_SUGGESTED_STEPS:
            break
    return kept
