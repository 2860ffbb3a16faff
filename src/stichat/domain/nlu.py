"""Understanding customer text: normalisation, typo tolerance, intents, device and problem detection.

Pure domain code: no I/O, no clock, no randomness. The word lists live in
``stichat.domain.vocabulary``, normalisation and typo correction in ``spelling``, pattern
compilation in ``patterns`` and names in ``names``; this module reads a message with them.

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
from dataclasses import dataclass, field, replace
from enum import StrEnum

from stichat.domain import vocabulary as v
from stichat.domain.names import PHONE_WORDS, extract_name
from stichat.domain.patterns import Rule, compile_rule, compile_test, word_starts
from stichat.domain.spelling import MAX_INPUT, canonical_word, normalise
from stichat.domain.subjects import find_device, find_problem, prefer_plausible


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
    #: What the customer says they already did (keys of vocabulary.ALREADY_DONE): steps repeating it are left out.
    done: frozenset[str] = frozenset()





_JOINS = ((re.compile(r"\bwi fi\b"), "wifi"), (re.compile(r"\be mail\b"), "email"),
          # chat abbreviations: "q lo mire alguien q sepa", "xq no anda", "tmb"
          (re.compile(r"\b[qk]\b"), "que"), (re.compile(r"\b(?:xq|pq|porq)\b"), "porque"),
          (re.compile(r"\b(?:tmb|tb)\b"), "tambien"),
          (re.compile(r"\bred (?=light|led|blink)"), "redcolour "))  # English "red light" is no network

_GENERIC_RES = tuple(compile_rule(p) for p in v.GENERIC_MALFUNCTION)
_DONE_RES = {tag: re.compile(rf"(?<!\S)(?:{said})(?!\S)") for tag, (said, _) in v.ALREADY_DONE.items()}
_INTENT_RES = {name: compile_test(p) for name, p in v.INTENT_PATTERNS.items()}
_DIALOGUE_RES = {name: compile_test(p) for name, p in v.DIALOGUE_PATTERNS.items()}
_TOPIC_RES = tuple((topic, compile_test(p)) for topic, p in v.SHOP_TOPICS.items())
_QUESTION_LEAD = re.compile(
    r"^(?:(?:y|pero|che|ok|bueno|hola|disculpa|perdon|wait|sorry|so|and|but|um|uh|ah|eh|ey|hey|oh|a ver|espera|"
    r"perdona) )*(?:como|que es|que significa|cual|cuales|cuando|donde|"
    r"cuanto|cuanta|por que|para que|how|what|whats|wats|wat|wut|which|when|where|why)\b")
#: "tengo un problema con el monitor": the subject is named, what it does is not, not even "no anda".
_OPENER = re.compile(r"^(?:hola |buenas |hi |hello )?(?:tengo|tenemos|i have|ive got|i got|we have) (?:un|una|a|an) "
                     r"(?:drama|problema|problemita|lio|quilombo|temita|tema|consulta|problem|issue|question) "
                     r"(?:con|with) (?:el|la|mi|los|las|my|the|our) \S+(?: \S+)?$")
_YES_RE = compile_rule(v.YES_PHRASES)
_NO_RE = compile_rule(v.NO_PHRASES)
_CLOSE_SHORT_RE = re.compile(
    r"^(?:(?:quiero|queria|podemos|vamos a|lets|i want to|can we|please|por favor|ok|bueno|listo|"
    r"gracias|thanks|ya|dale|si) )*(?:" + v.INTENT_PATTERNS["close_short"] + r")(?: (?:el chat|la charla|"
    r"la conversacion|the chat|chat|conversation|por favor|please|gracias|thanks|now|ya))*$"
)
_PROFANE_RE = compile_rule(v.PROFANE_PHRASES)
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(v.NUMBER_WORDS, key=len, reverse=True)) + ")"
_STEP_KEYWORD_RE = re.compile(
    rf"(?<!\S)(?:paso|pasos|step|steps|punto|item|numero|nro|n) (?:numero |nro )?{_NUMBER}(?!\S)"
)
_STEP_ORDINAL_RE = re.compile(rf"(?<!\S){_NUMBER} (?:paso|step)(?!\S)")
_STEP_ARTICLE_RE = re.compile(rf"(?<!\S)(?:el|la|lo del|the|del|al|number|nro|numero) {_NUMBER}(?!\S)")
#: "en el 3 qué es el menú OSD?": a message that opens on a number is about that step.
_STEP_LEAD_RE = re.compile(
    rf"^(?:y |pero |che |and |but )?(?:en|con|in|on|for|with) (?:el|la|the|step|paso) {_NUMBER}(?!\S)")
_NOTHING_AFTER = re.compile(r"(?i)\w[,.;:]\s*(?:y\s+|and\s+|pero\s+)?(?:nada|nothing|nope|igual|same)\W*$")
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


_TOGETHER = re.compile(r"(?i)\b(?:both|los dos|las dos|ambos|ambas|at the same time|al mismo tiempo)\b")


def understand(text: str) -> Understanding:
    """Read one customer message: intents, step, device, problem and language.

    A message that describes two things ("la note no prende y además la impresora no imprime") is
    read as the first, with the second kept in ``extra["second"]`` for the conversation to offer later.
    """
    heard = _read(text)
    split = _SECOND.search(text[:MAX_INPUT])
    if split is None or split.start() < 6 or not (heard.device or heard.problem) or _TOGETHER.search(text):
        return heard  # "my laptop and my phone both lose wifi" is one problem of two devices
    first, second = _read(text[:split.start()]), _read(text[split.end():])
    if not (first.device or first.problem) or not (second.device or second.problem):
        return heard
    if (second.device, second.problem) in ((first.device, first.problem), (first.device, None)):
        return heard
    if first.device is None and second.problem is None:
        return heard  # "se me volcó el mate encima del teclado de la notebook": one subject, not two
    # What the customer says of the steps counts wherever it is said ("…, y sigue saliendo la ventanita").
    return replace(first, intents=first.intents | heard.intents,
                   extra={**first.extra, "second": text[split.end():].strip()[:120]})


#: A phone number given as contact ("mi cel [PHONE]"): the phone it names is not the device at fault.
_CONTACT_PHONE = re.compile(rf"(?i)\b(?:mi|my|el|al|a mi)?\s*(?:{PHONE_WORDS})\s*(?:es|is|:)?\s*\[PHONE\]")


def _read(text: str) -> Understanding:
    if "[PHONE]" in text:
        text = _CONTACT_PHONE.sub(" ", text)
    raw_tokens = normalise(text).split()
    canon = canonical(text)
    tokens = canon.split()
    prefixes = word_starts(tokens)
    intents, step = _intents(canon, tokens, text, prefixes)
    plain = " ".join(raw_tokens)
    topic = _dialogue(canon, plain, text, intents, word_starts(raw_tokens) | prefixes)
    if step is None and (lead := _STEP_LEAD_RE.match(canon)):
        step = _to_step(lead.group(1))
    if step is None and Intent.CANT_DO in intents:
        found = _STEP_ARTICLE_RE.search(canon)  # "no pude hacer el 2"
        step = _to_step(found.group(1)) if found else None
    problem, problem_conf, hits = find_problem(canon, prefixes)
    if Intent.SOLVED in intents and _still_wrong_after_but(canon, prefixes):
        intents = (intents - {Intent.SOLVED}) | {Intent.PERSISTS}
    device, device_conf, candidates = find_device(canon, problem, prefixes)
    if problem is not None and device is not None and hits:
        problem, problem_conf = prefer_plausible(device, problem, problem_conf, hits, canon)
    if problem == "physical_damage" and device is None and not candidates and hits[problem][0] < 2.0:
        problem, problem_conf = None, 0.0  # "it's broken" says nothing yet; "celu roto" says the phone is damaged
    opener = problem is None and not intents and bool(_OPENER.match(canon))
    vague = problem is None and (opener or _generic_malfunction(canon, intents, prefixes))
    if vague and device in v.DEVICE_DEFAULT_PROBLEM and not opener:
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
        done=frozenset(tag for tag, said in _DONE_RES.items() if said.search(canon) or said.search(plain)),
    )


_BUT = re.compile(r" (?:pero|but|aunque|although|except|salvo que|solo que) ")
_STILL = re.compile(r"(?<!\S)(?:todavia|sigue|siguen|still|no|not|ni)(?!\S)")


def _still_wrong_after_but(canon: str, prefixes: frozenset[str]) -> bool:
    """ "Ahora prende pero la pantalla tiene manchas": better, and still a problem after the "pero"."""
    for part in _BUT.split(canon)[1:]:
        problem, confidence, _ = find_problem(part, prefixes)
        if problem is not None and (confidence >= 0.6 or _STILL.search(part)):
            return True
    return False


def _dialogue(canon: str, plain: str, raw: str, intents: set[Intent], prefixes: frozenset[str]) -> str | None:
    """Add the dialogue acts of Conversation v2 to `intents`; return the shop topic asked about, if any.

    Matched against the typo-corrected text and the plain one: the correction lexicon is built for
    devices and problems, so a word like "garantia" must be found as typed too.
    """
    def said(rule: Rule) -> bool:
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
    if _NOTHING_AFTER.search(raw):
        found.add(Intent.PERSISTS)  # "lo cambié de puerto, nada": what was tried, then how it went
    if _INTENT_RES["not_advanced"].search(canon, prefixes):
        found.discard(Intent.ADVANCED)  # "no quiero más pruebas, que lo revise alguien": no more steps
    if Intent.PERSISTS in found or _INTENT_RES["not_solved"].search(canon, prefixes):
        found.discard(Intent.SOLVED)  # "desde ahí anda mal", "I just want it fixed": not solved
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


def _generic_malfunction(canon: str, intents: set[Intent], prefixes: frozenset[str]) -> bool:
    conversational = intents - {Intent.GREETING, Intent.NO, Intent.YES, Intent.PERSISTS}
    if conversational:
        return False
    return any(r.search(canon, prefixes) for r in _GENERIC_RES)


def _language(tokens: list[str]) -> str | None:
    es = sum(1 for t in tokens if t in _ES_ONLY)
    en = sum(1 for t in tokens if t in _EN_ONLY)
    if es > en:
        return "es"
    if en > es:
        return "en"
    return None


__all__ = ["Intent", "Understanding", "canonical", "extract_name", "normalise", "understand"]
