"""What smart mode may contribute: why an LLM call failed, and how a model's reading is narrowed to
allowed values and merged into the rules' `Understanding`.

Pure: the model's answer arrives as plain values; anything outside the allowed sets is dropped, so
a model can choose among known devices, problems and intents but never invent one (nor a button, nor
a stage: the conversation table still decides every move).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from stichat.domain.nlu import Intent, Understanding

#: Labels of `stichat_openai_failures_total{reason}`.
FAILURE_REASONS = ("timeout", "connection", "http_5xx", "http_4xx", "rate_limited", "invalid_json", "schema",
                   "refusal", "error")
SENTIMENTS = ("positive", "neutral", "negative", "frustrated")
#: Intents a model may report. YES/NO are left to the rules: they answer questions the model never saw.
MODEL_INTENTS = tuple(i for i in Intent if i not in (Intent.YES, Intent.NO))
#: Confidence given to a value the model chose: above the rules' "unsure" line, below a sure match.
MODEL_CONFIDENCE = 0.7


class LLMFailure(Exception):
    """An LLM call that gave no usable answer; `reason` is a label of `stichat_openai_failures_total`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


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
