"""Understanding customer text: normalisation, typo tolerance, intents, device and problem detection.

Pure domain code: no I/O, no clock, no randomness. The word lists live in
``stichat.domain.vocabulary``; this module compiles them once at import time.

How a message is read:

1. ``normalise`` lower-cases it, strips accents, squeezes repeated letters ("holaaa") and
   punctuation.
2. Each word is *canonicalised*: kept when it is a known word, otherwise squeezed ("noo" → "no")
   or corrected against the vocabulary with a bounded edit distance ("impresosra" → "impresora").
   Short words are never fuzzy-matched.
3. Weighted phrase patterns vote for problems and devices; intents are read with their own
   patterns plus a few positional rules ("no" is a refusal only when it stands alone or leads a
   short refusal, never in "no prende").

Ambiguity is explicit: ``device`` is ``None`` with ``device_candidates`` set when the customer
said something like "compu" or "pantalla"; the conversation engine asks instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from stichat.domain import vocabulary as v


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
    CANT_DO = "cant_do"
    QUESTION = "question"
    COMPLAINT = "complaint"
    CORRECTION = "correction"
    ALSO = "also"
    SHOP = "shop"


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
    #: What a shop question is about (a key of the shop-facts file), when the message asks one.
    topic: str | None = None
    #: The text as the rules read it (normalised, typos corrected): what the knowledge base's
    #: question answers are matched against.
    canon: str = ""


DEVICE_KEYS = frozenset(v.DEVICE_PATTERNS)
PROBLEM_KEYS = frozenset(v.PROBLEM_PATTERNS) | {"other"}
MAX_INPUT = 2000  # characters read from one message; the rest is ignored

# ------------------------------------------------------------------------------------------------
# Normalisation
# ------------------------------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"['’`´‘]")
#: The tokens masking leaves ("[PHONE]", "[EMAIL]"…) say nothing about the device: "mi cel es [PHONE]"
#: is not a phone problem.
_MASK_TOKEN = re.compile(r"\[(?:EMAIL|CARD|CBU|CUIT|DNI|PHONE)\]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_TRIPLE = re.compile(r"([a-z])\1{2,}")
_RARE_DOUBLE = re.compile(r"([aiuyhjkqvwxz])\1")
_ANY_DOUBLE = re.compile(r"([a-z])\1+")
_KEEP_DOUBLE = frozenset("lrceosnftpmdgb")


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


# ------------------------------------------------------------------------------------------------
# Vocabulary compilation
# ------------------------------------------------------------------------------------------------

_MACROS = {"{NEG}": v.NEG, "{CL}": v.CLITIC, "{G}": v.GAP, "{ART}": v.ART}


def _expand(pattern: str) -> str:
    for macro, body in _MACROS.items():
        pattern = pattern.replace(macro, body)
    return pattern


_Req = frozenset[str] | None


class _Required:
    """Which word starts any match of one of our patterns must contain (None: no constraint).

    A tiny reader for the regex subset the vocabulary uses: literals, ``(?:…)`` groups, ``|``,
    quantifiers, classes and escapes. Only literal runs that begin a word count, so the result is
    safe to test against the set of prefixes of the message's words.
    """

    def __init__(self, pattern: str) -> None:
        text = pattern.replace("{G}", "\x01").replace("{CL}", "\x01").replace("{ART}", "\x01")
        self.text = text.replace("{NEG}", "\x02")
        self.pos = 0

    def parse(self) -> _Req:
        req, _ = self._alternation(True)
        return req

    def _alternation(self, at_start: bool) -> tuple[_Req, bool]:
        branches: list[_Req] = []
        end_flag = False
        while True:
            req, end_flag = self._sequence(at_start)
            branches.append(req)
            if self.pos < len(self.text) and self.text[self.pos] == "|":
                self.pos += 1
                continue
            break
        if any(b is None for b in branches):
            return None, end_flag
        return frozenset().union(*[b for b in branches if b is not None]), end_flag

    def _quantified_optional(self) -> bool:
        text, pos = self.text, self.pos
        if pos < len(text) and text[pos] in "?*+{":
            if text[pos] == "{":
                close = text.index("}", pos)
                optional = text[pos + 1:close].split(",")[0] in ("", "0")
                self.pos = close + 1
            else:
                optional = text[pos] != "+"
                self.pos += 1
            if self.pos < len(text) and text[self.pos] == "?":
                self.pos += 1
            return optional
        return False

    def _sequence(self, at_start: bool) -> tuple[_Req, bool]:
        items: list[frozenset[str]] = []
        text = self.text
        while self.pos < len(text) and text[self.pos] not in "|)":
            ch = text[self.pos]
            if ch == "(":
                self.pos += 1
                look = text.startswith(("?<!", "?<=", "?!", "?="), self.pos)
                if text.startswith("?:", self.pos):
                    self.pos += 2
                elif look:
                    self.pos += 3 if text[self.pos + 1] == "<" else 2
                req, flag = self._alternation(at_start)
                self.pos += 1  # the closing parenthesis
                if not self._quantified_optional() and not look and req is not None:
                    items.append(req)
                at_start = at_start if look else flag
            elif ch.isalnum():
                run_start = self.pos
                while self.pos < len(text) and text[self.pos].isalnum():
                    self.pos += 1
                run = text[run_start:self.pos]
                if self.pos < len(text) and text[self.pos] in "?*{":
                    run = run[:-1]
                    self._quantified_optional()
                if at_start and run:
                    items.append(frozenset({run[:12]}))
                at_start = False
            else:
                self.pos += 2 if ch == "\\" else 1
                if ch == "[":
                    self.pos = text.index("]", self.pos) + 1
                self._quantified_optional()
                at_start = ch in " \x01^"
        if not items:
            return None, at_start
        best = max(items, key=lambda r: (min(len(f) for f in r), -len(r)))
        return best, at_start


@dataclass(frozen=True)
class _Rule:
    """A compiled pattern and the word starts one of which any match must contain.

    Running ~150 regular expressions on every message is slow; a rule runs only when some word of
    the message starts with one of its literal fragments (a cheap set test). Fragments are taken
    from the pattern outside macros, so the test never skips a rule that could match.
    """

    regex: re.Pattern[str]
    fragments: frozenset[str]

    def search(self, text: str, prefixes: frozenset[str]) -> re.Match[str] | None:
        if self.fragments and self.fragments.isdisjoint(prefixes):
            return None
        return self.regex.search(text)


class _Index:
    """Weighted rules looked up by the word starts of a message instead of tried one by one.

    A rule can only match when one of its fragments is a word start of the message, so indexing the
    rules by fragment finds the few worth running with one dict lookup per word start; rules with no
    fragment always run. The order of the table is kept (it breaks ties).
    """

    def __init__(self, rules: tuple[tuple[str, _Rule, float], ...]) -> None:
        self.rules = rules
        self._always = tuple(i for i, (_, rule, _) in enumerate(rules) if not rule.fragments)
        index: dict[str, list[int]] = {}
        for i, (_, rule, _) in enumerate(rules):
            for fragment in rule.fragments:
                index.setdefault(fragment, []).append(i)
        self._index = {k: tuple(v) for k, v in index.items()}

    def matches(self, text: str, prefixes: frozenset[str]) -> Iterable[tuple[str, re.Match[str], float]]:
        found = set(self._always)
        for prefix in prefixes:
            found.update(self._index.get(prefix, ()))
        for i in sorted(found):
            key, rule, weight = self.rules[i]
            match = rule.regex.search(text)
            if match:
                yield key, match, weight


def _compile(pattern: str) -> _Rule:
    regex = re.compile(rf"(?<!\S)(?:{_expand(pattern)})(?!\S)")
    return _Rule(regex, _Required(pattern).parse() or frozenset())


def _prefixes(tokens: Iterable[str]) -> frozenset[str]:
    return frozenset(t[:i] for t in tokens for i in range(1, min(len(t), 12) + 1))


_WORDISH = re.compile(r"(?<![\\a-z])([a-z]+(?:\[[a-z]+\][a-z]*)*)(s\?)?(?![a-z\\(\[])")


def _literal_words(pattern: str) -> Iterable[str]:
    """Whole words a pattern spells out (for the typo-correction lexicon)."""
    for match in _WORDISH.finditer(pattern):
        body, plural = match.group(1), match.group(2)
        variants = [""]
        for piece in re.split(r"(\[[a-z]+\])", body):
            options = list(piece[1:-1]) if piece.startswith("[") else [piece]
            variants = [pre + opt for pre in variants for opt in options]
        for word in variants:
            yield word
            if plural:
                yield word + "s"


def _all_patterns() -> Iterable[str]:
    for entries in (*v.DEVICE_PATTERNS.values(), *v.PROBLEM_PATTERNS.values()):
        yield from (pattern for pattern, _ in entries)
    yield from (pattern for pattern, _ in v.AMBIGUOUS_DEVICE_PATTERNS)
    yield from v.TOPICS.values()
    yield from v.INTENT_PATTERNS.values()
    yield from v.GENERIC_MALFUNCTION
    yield from (v.YES_PHRASES, v.NO_PHRASES, v.WORKS)


_LITERALS = frozenset(word for pattern in _all_patterns() for word in _literal_words(pattern))
_LEXICON: frozenset[str] = frozenset(w for w in _LITERALS | v.YES_WORDS | v.NO_WORDS if len(w) >= 4)
_KNOWN: frozenset[str] = (
    _LITERALS | _LEXICON | v.COMMON_WORDS | v.SPANISH_WORDS | v.ENGLISH_WORDS | v.YES_WORDS | v.NO_WORDS
    | frozenset(v.NUMBER_WORDS) | v.PROFANITY
)


@lru_cache(maxsize=256)
def _candidates(initial: str, length: int, spread: int) -> tuple[str, ...]:
    return tuple(sorted(
        w for w in _LEXICON
        if abs(len(w) - length) <= spread and (length >= 9 or w[0] == initial)
    ))


@lru_cache(maxsize=32768)
def canonical_word(word: str) -> str:
    """The vocabulary word a customer most likely meant, or the word itself."""
    if word in _KNOWN or len(word) < 3 or word.isdigit():
        return word
    squeezed = _ANY_DOUBLE.sub(r"\1", word)
    if squeezed in _KNOWN:
        return squeezed
    if len(word) == 4 and word.isalpha():  # only a swapped pair: "trun" → "turn"
        swapped = [w for w in _candidates(word[0], 4, 0) if sorted(w) == sorted(word) and OSA.distance(w, word) == 1]
        return swapped[0] if swapped else word
    if len(word) < 5 or not word.isalpha() or len(word) > 20:
        return word
    spread = 1 if len(word) < 7 else 2
    choices = _candidates(word[0], len(word), spread)
    hits = process.extract(word, choices, scorer=OSA.distance, score_cutoff=spread, limit=8)
    if not hits:
        return word
    best = min(hits, key=lambda h: (h[1], -len(h[0]), h[0]))  # dropped letters are the usual typo
    return str(best[0])


_JOINS = ((re.compile(r"\bwi fi\b"), "wifi"), (re.compile(r"\be mail\b"), "email"),
          (re.compile(r"\bred (?=light|led|blink)"), "redcolour "))  # English "red light" is no network

_DEVICE_RES = tuple(
    (device, _compile(pattern), weight)
    for device, entries in v.DEVICE_PATTERNS.items()
    for pattern, weight in entries
)
_AMBIGUOUS_RES = tuple((_compile(pattern), cands) for pattern, cands in v.AMBIGUOUS_DEVICE_PATTERNS)


def _topic_patterns() -> Iterable[tuple[str, str, float]]:
    neg_works = rf"{{NEG}} {{CL}}{v.WORKS}"
    trouble = r"(?:problemas?|falla|fallas|problem|problems|issue|issues|trouble)"
    broken = r"(?:not working|stopped working|is broken|anda mal|funciona mal|dejo de (?:andar|funcionar))"
    for key, noun in v.TOPICS.items():
        yield key, rf"{noun} {{G}}{neg_works}", 2.0
        yield key, rf"{neg_works} (?:\S+ )?{{ART}}{noun}", 2.0
        yield key, rf"{trouble} (?:con|de|with|en|in) {{ART}}{noun}", 1.9
        yield key, rf"{noun} {{G}}(?:is |are )?{broken}", 2.0


_PROBLEM_RES = tuple(
    (key, _compile(pattern), weight)
    for key, entries in v.PROBLEM_PATTERNS.items()
    for pattern, weight in entries
) + tuple((key, _compile(pattern), weight) for key, pattern, weight in _topic_patterns())
_PROBLEM_INDEX = _Index(_PROBLEM_RES)
_DEVICE_INDEX = _Index(_DEVICE_RES)
_SUPPRESSOR_RES = {key: tuple(_compile(p) for p in pats) for key, pats in v.PROBLEM_SUPPRESSORS.items()}
_GENERIC_RES = tuple(_compile(p) for p in v.GENERIC_MALFUNCTION)
_INTENT_RES = {name: _compile(p) for name, p in v.INTENT_PATTERNS.items()}
_DIALOGUE_RES = {name: _compile(p) for name, p in v.DIALOGUE_PATTERNS.items()}
_TOPIC_RES = tuple((topic, _compile(p)) for topic, p in v.SHOP_TOPICS.items())
_QUESTION_LEAD = re.compile(
    r"^(?:y |pero |che |ok |bueno |hola |disculpa |perdon )?(?:como|que es|que significa|cual|cuales|cuando|donde|"
    r"cuanto|cuanta|por que|para que|how|what|whats|which|when|where|why)\b")
_YES_RE = _compile(v.YES_PHRASES)
_NO_RE = _compile(v.NO_PHRASES)
_CLOSE_SHORT_RE = re.compile(
    r"^(?:(?:quiero|queria|podemos|vamos a|lets|i want to|can we|please|por favor|ok|bueno|listo|"
    r"gracias|thanks|ya|dale|si) )*(?:" + v.INTENT_PATTERNS["close_short"] + r")(?: (?:el chat|la charla|"
    r"la conversacion|the chat|chat|conversation|por favor|please|gracias|thanks|now|ya))*$"
)
_PROFANE_RE = _compile(v.PROFANE_PHRASES)
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(v.NUMBER_WORDS, key=len, reverse=True)) + ")"
_STEP_KEYWORD_RE = re.compile(
    rf"(?<!\S)(?:paso|pasos|step|steps|punto|item|numero|nro|n) (?:numero |nro )?{_NUMBER}(?!\S)"
)
_STEP_ORDINAL_RE = re.compile(rf"(?<!\S){_NUMBER} (?:paso|step)(?!\S)")
_STEP_ARTICLE_RE = re.compile(rf"(?<!\S)(?:el|la|lo del|the|del|al|number|nro|numero) {_NUMBER}(?!\S)")
_SI_FIRM_RE = re.compile(r"^\W*(?:s[ií]{2,}|sí|si\s*[,.!;:])", re.IGNORECASE)
_ES_ONLY = v.SPANISH_WORDS - v.ENGLISH_WORDS
_EN_ONLY = v.ENGLISH_WORDS - v.SPANISH_WORDS


# ------------------------------------------------------------------------------------------------
# Understanding
# ------------------------------------------------------------------------------------------------


def canonical(text: str) -> str:
    """The text as the rules read it: normalised, each word typo-corrected, split words joined."""
    canon = " ".join(canonical_word(t) for t in normalise(text).split())
    for regex, joined in _JOINS:
        canon = regex.sub(joined, canon)
    return canon


_SECOND = re.compile(
    r"(?i)[\s,.;]+(?:y\s+)?(?:adem[aá]s|tambi[eé]n|aparte|encima|despu[eé]s\s+vemos|de\s+paso|otra\s+cosa|"
    r"and\s+also|also|plus|besides|on\s+top\s+of\s+that|another\s+thing|and\s+my|y\s+(?:mi|la|el)\s+(?=\S+\s+"
    r"(?:tampoco|tambi[eé]n)))\b[\s,:]*")


def understand(text: str) -> Understanding:
    """Read one customer message: intents, step, device, problem and language.

    A message that describes two things ("la note no prende y además la impresora no imprime") is
    read as the first, with the second kept in ``extra["second"]`` for the conversation to offer later.
    """
    heard = _read(text)
    split = _SECOND.search(text[:MAX_INPUT])
    if split is None or split.start() < 6 or not (heard.device or heard.problem):
        return heard
    first, second = _read(text[:split.start()]), _read(text[split.end():])
    if not (first.device or first.problem) or not (second.device or second.problem):
        return heard
    if (second.device, second.problem) in ((first.device, first.problem), (first.device, None)):
        return heard
    return replace(first, extra={**first.extra, "second": text[split.end():].strip()[:120]})


def _read(text: str) -> Understanding:
    raw_tokens = normalise(text).split()
    canon = canonical(text)
    tokens = canon.split()
    prefixes = _prefixes(tokens)
    intents, step = _intents(canon, tokens, text, prefixes)
    plain = " ".join(raw_tokens)
    topic = _dialogue(canon, plain, text, intents, _prefixes(raw_tokens) | prefixes)
    if step is None and Intent.CANT_DO in intents:
        found = _STEP_ARTICLE_RE.search(canon)  # "no pude hacer el 2"
        step = _to_step(found.group(1)) if found else None
    problem, problem_conf, hits = _problem(canon, prefixes)
    device, device_conf, candidates = _device(canon, problem, prefixes)
    if problem is not None and device is not None and hits:
        problem, problem_conf = _prefer_plausible(device, problem, problem_conf, hits)
    vague = problem is None and _generic_malfunction(canon, intents, prefixes)
    if vague and device in v.DEVICE_DEFAULT_PROBLEM:
        # "el mouse no anda" can only mean one thing; "la compu anda mal" says nothing yet: ask.
        problem, problem_conf, vague = v.DEVICE_DEFAULT_PROBLEM[device], 0.5, False
    return Understanding(
        intents=frozenset(intents),
        step=step,
        device=device,
        device_confidence=device_conf,
        device_candidates=candidates,
        problem=problem,
        problem_confidence=round(problem_conf, 2),
        language=_language(raw_tokens),
        topic=topic,
        canon=canon,
        extra={"vague": "yes"} if vague else {},
    )


def _dialogue(canon: str, plain: str, raw: str, intents: set[Intent], prefixes: frozenset[str]) -> str | None:
    """Add the dialogue acts of Conversation v2 to `intents`; return the shop topic asked about, if any.

    Matched against the typo-corrected text and the plain one: the correction lexicon is built for
    devices and problems, so a word like "garantia" must be found as typed too.
    """
    def said(rule: _Rule) -> bool:
        return bool(rule.search(canon, prefixes) or rule.search(plain, prefixes))

    for name, intent in (("cant_do", Intent.CANT_DO), ("correction", Intent.CORRECTION), ("also", Intent.ALSO)):
        if said(_DIALOGUE_RES[name]):
            intents.add(intent)
    asks = "?" in raw or "¿" in raw or bool(_QUESTION_LEAD.match(plain))
    if said(_DIALOGUE_RES["question"]) or (asks and len(plain.split()) >= 2):
        intents.add(Intent.QUESTION)
    repair = said(_DIALOGUE_RES["past_repair"])
    if said(_DIALOGUE_RES["complaint"]) or (repair and said(_DIALOGUE_RES["negative"])):
        intents.add(Intent.COMPLAINT)
    for topic, rule in _TOPIC_RES:
        if said(rule):
            if topic == "repair_status" and Intent.COMPLAINT in intents:
                continue
            intents.add(Intent.SHOP)
            return topic
    return None


def _intents(
    canon: str, tokens: list[str], raw: str, prefixes: frozenset[str]
) -> tuple[set[Intent], int | None]:
    found: set[Intent] = set()
    if not tokens:
        return found, None
    first, n = tokens[0], len(tokens)
    second = tokens[1] if n > 1 else ""
    refusal = bool(_NO_RE.search(canon, prefixes)) or (
        first in v.NO_WORDS and (n == 1 or second in v.NO_FOLLOWERS)
    ) or (n <= 3 and any(t in {"nop", "nope", "nah", "negativo"} for t in tokens))
    if refusal:
        found.add(Intent.NO)
    if not refusal:
        firm = first != "si" or n <= 2 or second in v.YES_WORDS or bool(_SI_FIRM_RE.match(raw))
        if (first in v.YES_WORDS and n <= 6 and firm) or _YES_RE.search(canon, prefixes):
            found.add(Intent.YES)
    for name, intent in (
        ("solved", Intent.SOLVED), ("persists", Intent.PERSISTS), ("show_steps", Intent.SHOW_STEPS),
        ("advanced", Intent.ADVANCED), ("technician", Intent.TECHNICIAN), ("close", Intent.CLOSE),
        ("rephrase", Intent.REPHRASE), ("thanks", Intent.THANKS), ("frustration", Intent.FRUSTRATION),
    ):
        if _INTENT_RES[name].search(canon, prefixes):
            found.add(intent)
    if Intent.PERSISTS in found:
        found.discard(Intent.SOLVED)
    if n <= 8 and _CLOSE_SHORT_RE.match(canon):
        found.add(Intent.CLOSE)
    if _INTENT_RES["greeting"].search(" ".join(tokens[:4]), prefixes):
        found.add(Intent.GREETING)
    if any(t in v.PROFANITY for t in tokens) or _PROFANE_RE.search(canon, prefixes):
        found.add(Intent.FRUSTRATION)
    step = _step(canon)
    asks_help = bool(_INTENT_RES["help"].search(canon, prefixes))
    if asks_help or (step is not None and n <= 4):
        found.add(Intent.HELP)
    if step is None and asks_help:
        match = _STEP_ARTICLE_RE.search(canon)
        step = _to_step(match.group(1)) if match else None
    return found, step


def _to_step(word: str) -> int | None:
    number = int(word) if word.isdigit() else v.NUMBER_WORDS.get(word)
    return number if number is not None and 1 <= number <= 20 else None


def _step(canon: str) -> int | None:
    match = _STEP_KEYWORD_RE.search(canon) or _STEP_ORDINAL_RE.search(canon)
    return _to_step(match.group(1)) if match else None


def _problem(canon: str, prefixes: frozenset[str]) -> tuple[str | None, float, dict[str, tuple[float, int]]]:
    hits: dict[str, list[tuple[float, int]]] = {}
    for key, match, weight in _PROBLEM_INDEX.matches(canon, prefixes):
        hits.setdefault(key, []).append((weight, match.start()))
    for key, suppressors in _SUPPRESSOR_RES.items():
        if key in hits and any(s.search(canon, prefixes) for s in suppressors):
            strong = [h for h in hits[key] if h[0] >= 2.0]
            if strong:
                hits[key] = strong
            else:
                del hits[key]
    if not hits:
        return None, 0.0, {}
    best = {key: (max(w for w, _ in hs), min(p for _, p in hs)) for key, hs in hits.items()}
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    key, (weight, _) = ranked[0]
    if weight < 1.0:  # only vague hints ("internet" alone): not a problem description yet
        return None, 0.0, best
    confidence = min(1.0, weight / 2.5)
    if len(ranked) > 1 and ranked[1][1][0] >= weight - 0.25:
        confidence *= 0.75
    return key, confidence, best


def _prefer_plausible(
    device: str, problem: str, confidence: float, best: dict[str, tuple[float, int]]
) -> tuple[str, float]:
    plausible = v.DEVICE_PROBLEMS.get(device, frozenset())
    if problem in plausible:
        return problem, confidence
    top = best[problem][0]
    for key, (weight, _) in sorted(best.items(), key=lambda kv: (-kv[1][0], kv[1][1])):
        if key in plausible and weight >= 1.0 and weight + 0.3 >= top:
            return key, min(1.0, weight / 2.5) * 0.8
    return problem, confidence


def _generic_malfunction(canon: str, intents: set[Intent], prefixes: frozenset[str]) -> bool:
    conversational = intents - {Intent.GREETING, Intent.NO, Intent.YES}
    if conversational:
        return False
    return any(r.search(canon, prefixes) for r in _GENERIC_RES)


_PART_OF = (re.compile(rf"\b{v.PART_OF}\b"), re.compile(rf"\b{v.PART_OF_EN}\b"))


def _device(
    canon: str, problem: str | None, prefixes: frozenset[str]
) -> tuple[str | None, float, tuple[str, ...]]:
    hits: dict[str, tuple[float, int]] = {}
    for device, match, weight in _DEVICE_INDEX.matches(canon, prefixes):
        old = hits.get(device)
        if old is None or weight > old[0]:
            hits[device] = (weight, match.start())
    for pattern in _PART_OF:
        part = pattern.search(canon)
        if part:
            return v.PART_HOSTS[part.group("host")], 0.8, ()
    if hits.get("other", (0.0, 0))[0] >= 3.0:
        return "other", 0.9, ()  # a device outside the taxonomy, named outright
    strong = {d: h for d, h in hits.items() if h[0] >= 2.0 and d != "other"}
    working = _working(canon, prefixes) if strong else set()
    broken = {d: h for d, h in strong.items() if d not in working}
    # "el monitor anda con la otra compu, con esta no": the broken one is a computer, which one?
    named_vaguely = not broken and any(rule.search(canon, prefixes) for rule, _ in _AMBIGUOUS_RES)
    strong = {} if named_vaguely else (broken or strong)
    if len(strong) == 1:
        device = next(iter(strong))
        return device, 0.9, ()
    if strong:
        peripherals = [d for d in strong if d in v.PERIPHERALS]
        if len(peripherals) == 1:
            return peripherals[0], 0.7, ()
        pool = {d: strong[d] for d in peripherals} if peripherals else strong
        device = min(pool, key=lambda d: (-pool[d][0], pool[d][1]))
        return device, 0.6, ()
    ambiguous: list[tuple[int, tuple[str, ...]]] = []
    for rule, cands in _AMBIGUOUS_RES:
        vague = rule.search(canon, prefixes)
        if vague:
            ambiguous.append((vague.start(), cands))
    weak = {d: h for d, h in hits.items() if d not in strong}
    if ambiguous:
        ambiguous.sort()
        candidates = ambiguous[0][1]
        for _, more in ambiguous[1:]:
            narrowed = tuple(c for c in candidates if c in more)
            candidates = narrowed or candidates
        if "storage" in weak and problem in {"not_detected", "data_recovery"}:
            return "storage", 0.5, ()
        if problem == "battery" and "notebook" in candidates and "pc" in candidates:
            return "notebook", 0.6, ()
        if len(candidates) == 1:
            return candidates[0], 0.6, ()
        return None, 0.0, candidates
    if weak:
        device = max(weak, key=lambda d: weak[d][0])
        return device, round(min(0.6, weak[device][0]), 2), ()
    return None, 0.0, ()


_CLAUSE = re.compile(r" (?:pero|but|y en|and on|mientras que|while|aunque|although) |(?<=\S) (?:con esta|con este|"
                     r"with this one|on this one|en la mia|en el mio|on mine)(?= )")
_WORKS_FINE = re.compile(rf"(?<!\S)(?:{v.WORKS}|imprime|imprimo|prints|se conectan?|connects?|charges?|carga|"
                         rf"se ve|anda)(?: \S+)?(?: (?:bien|joya|perfecto|barbaro|fine|ok|okay|well|perfectly))?(?!\S)")
_NEGATED = re.compile(rf"(?<!\S){v.NEG}(?!\S)")


def _working(canon: str, prefixes: frozenset[str]) -> set[str]:
    """Devices named in a clause that says they work ("el monitor anda con la notebook, pero con la pc
    no"): when a message names two, the one with the problem is the other."""
    working: set[str] = set()
    for clause in _CLAUSE.split(canon):
        if _NEGATED.search(clause) or not _WORKS_FINE.search(clause):
            continue
        for device, rule, weight in _DEVICE_RES:
            if weight >= 2.0 and rule.search(clause, prefixes):
                working.add(device)
    return working


def _language(tokens: list[str]) -> str | None:
    es = sum(1 for t in tokens if t in _ES_ONLY)
    en = sum(1 for t in tokens if t in _EN_ONLY)
    if es > en:
        return "es"
    if en > es:
        return "en"
    return None


# ------------------------------------------------------------------------------------------------
# Names
# ------------------------------------------------------------------------------------------------

_RAW_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_INTROS = tuple(
    tuple(intro.split()) for intro in sorted(v.NAME_INTROS.split("|"), key=lambda s: -len(s.split()))
)
_WEAK_INTROS = frozenset({("soy",), ("im",), ("i", "am"), ("i", "m"), ("its",), ("it", "s"), ("this", "is"),
                          ("habla",), ("aca",), ("aqui",), ("nombre",), ("decime",)})
_LEAD_SKIP = frozenset({
    "hola", "holis", "buenas", "buen", "buenos", "dia", "dias", "tardes", "noches", "que", "tal", "hi",
    "hello", "hey", "good", "morning", "afternoon", "evening", "tecnos", "ok", "dale", "si", "bueno",
    "che", "ah", "eh", "yes", "sure", "okay", "claro", "well", "perdon", "disculpa", "gracias", "thanks",
})
_NOT_NAMES = _KNOWN | frozenset("""
cliente estudiante profesor profesora docente jubilado jubilada nuevo nueva medico medica abogado abogada
contador contadora tecnico tecnica usuario usuaria dueno duena mama papa hijo hija abuela abuelo nieto
nieta senor senora yo usted vos nadie alguien anonimo anonima student teacher customer user owner
from here there having trying looking wondering not sure sorry new old the lol xd jaja jajaja jeje
""".split())
_BAD_CHARS = re.compile(r"[@#$%&*=+<>/\\|{}\[\]~^]|https?|www\.")
_HAS_VOWEL = re.compile(r"[aeiouy]")


def _name_key(word: str) -> str:
    return normalise(word).replace(" ", "")


def _is_name_word(word: str) -> bool:
    key = _name_key(word)
    if len(key) < 2 or key in _NOT_NAMES or key in v.PROFANITY:
        return False
    if len(key) >= 3 and not _HAS_VOWEL.search(key):
        return False
    return not (key.endswith("ing") and len(key) > 5)


def _format_name(words: list[str]) -> str:
    name = " ".join(words)
    if name != name.lower() and name != name.upper():
        return name
    words = [w.lower() for w in words]
    out: list[str] = []
    for i, word in enumerate(words):
        if i > 0 and word in v.NAME_PARTICLES:
            out.append(word)
            continue
        out.append(re.sub(r"(^|['’\-])(\w)", lambda m: m.group(1) + m.group(2).upper(), word))
    return " ".join(out)


def _collect(words: list[str], gaps: list[str], start: int) -> list[str]:
    taken: list[str] = []
    i = start
    while i < len(words) and len(taken) < 6:
        if i > start and gaps[i].strip():
            break  # punctuation between words ends the name
        key = _name_key(words[i])
        after = i + 1
        while after < len(words) and _name_key(words[after]) in v.NAME_PARTICLES:
            after += 1  # "de los", "van der": particles in a row before the next name word
        particle = bool(taken) and key in v.NAME_PARTICLES and after < len(words)
        if (particle and _is_name_word(words[after])) or _is_name_word(words[i]):
            taken.append(words[i])
        else:
            break
        i += 1
    while taken and _name_key(taken[-1]) in v.NAME_PARTICLES:
        taken.pop()
    return taken


_CONTACT = re.compile(
    r"\[(?:EMAIL|CARD|CBU|CUIT|DNI|PHONE)\]|\S+@\S+|\+?\d[\d\s().-]{5,}|"
    r"(?i:\b(?:mi|my)\s+(?:cel|celu|celular|tel|tel[eé]fono|whatsapp|wsp|wpp|mail|e-?mail|correo|n[uú]mero|"
    r"number|phone|cell)\b|\b(?:cel|tel|mail|email|phone)\b\s*[:.]?\s*(?=\[|\d|\S+@))")
_NAME_TAIL = re.compile(r"(?i)^(?:name'?s|names|name is)\s+|\s+(?:here|aqu[ií]|ac[aá])\s*[.!]*$")


def extract_name(text: str) -> str | None:
    """The customer's name in a reply to "what is your name?", or None when it is not a name.

    Contact details typed with it ("soy Juan, mi cel es …") are cut off first: the name stays, the
    number never becomes part of it.
    """
    raw = _CONTACT.split(text.strip()[:200], maxsplit=1)[0]
    raw = _NAME_TAIL.sub("", raw.strip(" ,;:-–—.")).strip(" ,;:-–—.")
    raw = re.sub(r"(?i)^(?:hi|hello|hey|hola|buenas)[,!.\s]+", "", raw).strip()
    if not raw or any(c.isdigit() for c in raw) or _BAD_CHARS.search(raw.lower()):
        return None
    norm = normalise(raw)
    if any(t in v.PROFANITY for t in norm.split()) or _PROFANE_RE.regex.search(norm):
        return None
    matches = list(_RAW_WORD.finditer(raw))
    if not matches:
        return None
    words = [m.group(0) for m in matches]
    gaps = [raw[(matches[i - 1].end() if i else 0):m.start()] for i, m in enumerate(matches)]
    keys = [_name_key(w) for w in words]
    for i in range(len(keys)):
        for intro in _INTROS:
            if tuple(keys[i:i + len(intro)]) != intro:
                continue
            start = i + len(intro)
            if intro in _WEAK_INTROS and any(k not in _LEAD_SKIP for k in keys[:i]):
                continue  # "no soy experto", "mi compu es ..." are not introductions
            taken = _collect(words, gaps, start)
            if taken and (start >= len(words) or len(taken) <= 6):
                return _format_name(taken)
            if intro not in _WEAK_INTROS:
                return None
    start = 0
    while start < len(keys) and keys[start] in _LEAD_SKIP:
        start += 1
    rest = words[start:]
    if not rest or len(rest) > 6:
        return None
    taken = _collect(words, gaps, start)
    return _format_name(taken) if len(taken) == len(rest) else None
