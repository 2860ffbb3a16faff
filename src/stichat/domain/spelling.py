"""Normalising customer text and correcting its typos against the vocabulary.

``normalise`` lower-cases, strips accents, squeezes repeated letters ("holaaa") and punctuation;
``canonical_word`` keeps a known word, squeezes it ("noo" → "no") or corrects it against the
vocabulary with a bounded edit distance ("impresosra" → "impresora"). Short words are never
fuzzy-matched, and words listed in the vocabulary's common words are never "corrected".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from stichat.domain import vocabulary as v
from stichat.domain.patterns import literal_words
from stichat.domain.vocabulary import dictionary

MAX_INPUT = 2000  # characters read from one message; the rest is ignored

_APOSTROPHES = re.compile(r"['’`´‘]")
#: The tokens masking leaves ("[PHONE]", "[EMAIL]"…) say nothing about the device: "mi cel es [PHONE]"
#: is not a phone problem.
_MASK_TOKEN = re.compile(r"\[(?:EMAIL|CARD|CBU|CUIT|DNI|PHONE)\]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_TRIPLE = re.compile(r"([a-z])\1{2,}")
_RARE_DOUBLE = re.compile(r"([aiuyhjkqvwxz])\1")
_ANY_DOUBLE = re.compile(r"([a-z])\1+")


def _squeeze(match: re.Match[str]) -> str:
    letter = match.group(1)
    return letter * 2 if letter in "lr" else letter


def normalise(text: str) -> str:
    """Lower-case, accent-free, squeezed, punctuation-free text with single spaces."""
    lowered = _APOSTROPHES.sub("", _MASK_TOKEN.sub(" ", text[:MAX_INPUT]).lower())
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _NON_WORD.sub(" ", plain)
    plain = _TRIPLE.sub(_squeeze, plain)
    plain = _RARE_DOUBLE.sub(r"\1", plain)
    return " ".join(plain.split())



def _all_patterns() -> Iterable[str]:
    for entries in (*v.DEVICE_PATTERNS.values(), *v.PROBLEM_PATTERNS.values()):
        yield from (pattern for pattern, _ in entries)
    yield from (pattern for pattern, _ in v.AMBIGUOUS_DEVICE_PATTERNS)
    yield from v.TOPICS.values()
    yield from v.INTENT_PATTERNS.values()
    yield from v.GENERIC_MALFUNCTION
    yield from (v.YES_PHRASES, v.NO_PHRASES, v.WORKS)


_LITERALS = frozenset(word for pattern in _all_patterns() for word in literal_words(pattern))
_LEXICON: frozenset[str] = frozenset(w for w in _LITERALS | v.YES_WORDS | v.NO_WORDS if len(w) >= 4)
KNOWN_WORDS: frozenset[str] = (
    _LITERALS | _LEXICON | v.COMMON_WORDS | v.SPANISH_WORDS | v.ENGLISH_WORDS | v.YES_WORDS | v.NO_WORDS
    | frozenset(v.NUMBER_WORDS) | v.PROFANITY
)


#: Real words the vocabulary does not list stay as typed: "respeto" is not a typo of "resuelto".
_EVERYDAY: frozenset[str] = dictionary.SPANISH | dictionary.ENGLISH


@lru_cache(maxsize=256)
def _candidates(initial: str, length: int, spread: int) -> tuple[str, ...]:
    return tuple(sorted(
        w for w in _LEXICON
        if abs(len(w) - length) <= spread and (length >= 9 or w[0] == initial)
    ))


@lru_cache(maxsize=32768)
def canonical_word(word: str) -> str:
    """The vocabulary word a customer most likely meant, or the word itself."""
    if word in KNOWN_WORDS or len(word) < 3 or word.isdigit():
        return word
    squeezed = _ANY_DOUBLE.sub(r"\1", word)
    if squeezed in KNOWN_WORDS:
        return squeezed
    if len(word) == 4 and word.isalpha():  # only a swapped pair: "trun" → "turn"
        swapped = [w for w in _candidates(word[0], 4, 0) if sorted(w) == sorted(word) and OSA.distance(w, word) == 1]
        return swapped[0] if swapped else word
    if len(word) < 5 or not word.isalpha() or len(word) > 20:
        return word
    if word in _EVERYDAY:
        # A real word the vocabulary does not list is not a typo ("respeto" is not "resuelto", "table"
        # is not "tablet"); only its plural is read as the listed singular ("phones" → "phone").
        for singular in (word[:-1], word[:-2]):
            if word.endswith("s") and singular in _LEXICON:
                return singular
        return word
    spread = 1 if len(word) < 7 else 2
    choices = _candidates(word[0], len(word), spread)
    hits = process.extract(word, choices, scorer=OSA.distance, score_cutoff=spread, limit=8)
    if not hits:
        return word
    best = min(hits, key=lambda h: (h[1], -len(h[0]), h[0]))  # dropped letters are the usual typo
    return str(best[0])
