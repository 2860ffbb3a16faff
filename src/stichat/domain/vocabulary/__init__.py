"""Word lists and phrase patterns that ``stichat.domain.nlu`` uses to understand customers.

Everything here is data, split by noun: ``macros`` (the building blocks, and how a pattern is
written and weighted), ``devices``, ``symptoms`` (the words problems are described with),
``problems`` and ``software`` (its problems), ``suppressors``, ``intents``, ``acts`` (the dialogue acts),
``shop_topics``, ``already_done``, ``words`` and
``dictionary`` (everyday words, generated). Import it as ``from stichat.domain import vocabulary as v``.
"""

from __future__ import annotations

from stichat.domain.vocabulary.acts import DIALOGUE_PATTERNS
from stichat.domain.vocabulary.already_done import ALREADY_DONE
from stichat.domain.vocabulary.devices import (
    AMBIGUOUS_DEVICE_PATTERNS,
    DEVICE_DEFAULT_PROBLEM,
    DEVICE_PATTERNS,
    DEVICE_PROBLEMS,
    PART_HOSTS,
    PART_OF,
    PART_OF_EN,
    PERIPHERALS,
)
from stichat.domain.vocabulary.intents import (
    INTENT_PATTERNS,
    NO_FOLLOWERS,
    NO_PHRASES,
    NO_WORDS,
    YES_PHRASES,
    YES_WORDS,
)
from stichat.domain.vocabulary.macros import (
    ART,
    CLITIC,
    GAP,
    NEG,
    Pattern,
)
from stichat.domain.vocabulary.problems import PROBLEM_PATTERNS
from stichat.domain.vocabulary.shop_topics import SHOP_TOPICS
from stichat.domain.vocabulary.suppressors import PROBLEM_SUPPRESSORS
from stichat.domain.vocabulary.symptoms import GENERIC_MALFUNCTION, TOPICS, WORKS
from stichat.domain.vocabulary.words import (
    COMMON_WORDS,
    ENGLISH_WORDS,
    NAME_INTROS,
    NAME_PARTICLES,
    NUMBER_WORDS,
    PROFANE_PHRASES,
    PROFANITY,
    SPANISH_WORDS,
)

__all__ = [
    "ALREADY_DONE",
    "AMBIGUOUS_DEVICE_PATTERNS",
    "ART",
    "CLITIC",
    "COMMON_WORDS",
    "DEVICE_DEFAULT_PROBLEM",
    "DEVICE_PATTERNS",
    "DEVICE_PROBLEMS",
    "DIALOGUE_PATTERNS",
    "ENGLISH_WORDS",
    "GAP",
    "GENERIC_MALFUNCTION",
    "INTENT_PATTERNS",
    "NAME_INTROS",
    "NAME_PARTICLES",
    "NEG",
    "NO_FOLLOWERS",
    "NO_PHRASES",
    "NO_WORDS",
    "NUMBER_WORDS",
    "PART_HOSTS",
    "PART_OF",
    "PART_OF_EN",
    "PERIPHERALS",
    "PROBLEM_PATTERNS",
    "PROBLEM_SUPPRESSORS",
    "PROFANE_PHRASES",
    "PROFANITY",
    "SHOP_TOPICS",
    "SPANISH_WORDS",
    "TOPICS",
    "WORKS",
    "YES_PHRASES",
    "YES_WORDS",
    "Pattern",
]
