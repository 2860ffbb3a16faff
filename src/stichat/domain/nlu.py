"""Understanding customer text: normalisation, intents, device and problem detection.

PLACEHOLDER: a minimal keyword version; the conversation-engine work replaces it keeping this API.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class Intent(StrEnum):
    YES = "yes"
    NO = "no"
    SOLVED = "solved"
    PERSISTS = "persists"
    HELP = "help"
    SHOW_STEPS = "show_steps"
    ADVANCED = "advanced"
    TECHNICIAN = "technician"
    CLOSE = "close"
    REPHRASE = "rephrase"
    GREETING = "greeting"
    THANKS = "thanks"
    FRUSTRATION = "frustration"


@dataclass(frozen=True)
class Understanding:
    """What one message says. Keys are those of TAXONOMY.md."""

    intents: frozenset[Intent] = frozenset()
    step: int | None = None
    device: str | None = None
    device_confidence: float = 0.0
    device_candidates: tuple[str, ...] = ()
    problem: str | None = None
    problem_confidence: float = 0.0
    language: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[^a-z0-9ñ ]+", " ", plain)
    return re.sub(r"\s+", " ", plain).strip()


_DEVICES = {"notebook": "notebook", "laptop": "notebook", "impresora": "printer", "printer": "printer",
            "router": "router", "celular": "smartphone", "phone": "smartphone", "pc": "pc"}
_PROBLEMS = {"prende": "no_power", "turn on": "no_power", "internet": "no_internet", "lenta": "slow",
             "slow": "slow", "imprime": "printing", "print": "printing"}


def understand(text: str) -> Understanding:
    norm = normalise(text)
    words = set(norm.split())
    intents: set[Intent] = set()
    if words & {"si", "dale", "ok", "yes", "sure"}:
        intents.add(Intent.YES)
    if words & {"no", "nope"} and len(words) <= 2:
        intents.add(Intent.NO)
    step = None
    m = re.search(r"paso (\d+)|step (\d+)", norm)
    if m:
        intents.add(Intent.HELP)
        step = int(m.group(1) or m.group(2))
    device = next((v for k, v in _DEVICES.items() if k in words), None)
    candidates: tuple[str, ...] = ("pc", "notebook") if device is None and "compu" in words else ()
    problem = next((v for k, v in _PROBLEMS.items() if k in norm), None)
    return Understanding(
        intents=frozenset(intents), step=step, device=device, device_confidence=1.0 if device else 0.0,
        device_candidates=candidates, problem=problem, problem_confidence=1.0 if problem else 0.0,
    )


def extract_name(text: str) -> str | None:
    m = re.match(r"^\s*(?:me llamo|soy|mi nombre es|i'm|i am|my name is)?\s*(.+?)\s*$", text, re.I)
    name = m.group(1) if m else ""
    if not name or any(ch.isdigit() for ch in name) or len(name.split()) > 4:
        return None
    return name
