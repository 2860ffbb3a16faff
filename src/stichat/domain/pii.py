"""PII masking: detectors declared as data, each with its validator.

Before anything is written (transcript, ticket, log line, LLM prompt) personal data is replaced by
tokens `[EMAIL]`, `[CARD]`, `[CBU]`, `[CUIT]`, `[DNI]`, `[PHONE]` (see CONTRACT.md, "PII masking").

How it works: `DETECTORS` is an ordered tuple. Each detector is a precompiled regular expression
that proposes candidate spans plus an optional validator (check digits, digit counts, nearby
keywords) that accepts or rejects a candidate. Detectors run in order and a later detector never
takes a span that overlaps one already claimed, so the order is the priority:

    EMAIL > CBU (22 digits) > CARD (Luhn) > CUIT (check digit) > PHONE (unambiguous shapes)
          > DNI (dotted, or near a keyword) > PHONE (ambiguous shapes, only near a keyword)

Precision is as important as recall: error codes, versions, model numbers, IP and MAC addresses,
dates, times, prices, counts and ticket ids must stay byte-identical. Every digit candidate is
therefore bounded on both sides: it may not touch a letter or digit, may not follow `+ $ # @ / -`
(ticket ids, negative numbers, paths) and may not continue as `.5`, `,5`, `:5`, `/5`, `-5`
(decimals, IPs, versions, times, dates).

A bare 7-12 digit number is not personal data on its own (it can be an order number); it is masked
only when the nearest keyword within four words is a phone word (tel, cel, whatsapp, llamame,
phone, call me...) or a document word (dni, documento, doc, d.n.i.). A dotted 12.345.678 is a
DNI by itself unless it reads as an amount ($ 1.500.000, 1.500.000 pesos). A 15-digit Luhn number
right after "IMEI" is a device id, not a card, and stays readable.

Pure domain code: standard library only, no I/O, no logging.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NewType

from stichat.domain.check_digits import cbu_is_valid, cuit_is_valid, luhn_is_valid

__all__ = [
    "CARD",
    "CBU",
    "CUIT",
    "DETECTORS",
    "DNI",
    "EMAIL",
    "KINDS",
    "PHONE",
    "Detector",
    "Finding",
    "cbu_is_valid",
    "contains_pii",
    "cuit_is_valid",
    "find",
    "luhn_is_valid",
    "mask",
    "mask_data",
    "token",
]

EMAIL = "EMAIL"
CARD = "CARD"
CBU = "CBU"
CUIT = "CUIT"
DNI = "DNI"
PHONE = "PHONE"
KINDS: tuple[str, ...] = (EMAIL, CARD, CBU, CUIT, DNI, PHONE)


def token(kind: str) -> str:
    """The replacement text for a kind: `token("CBU") == "[CBU]"`."""
    return f"[{kind}]"


@dataclass(frozen=True, slots=True)
class Finding:
    """One detected item: its kind and the half-open span `text[start:end]`."""

    kind: str
    start: int
    end: int


Validator = Callable[[str, int, int], bool]
"""Receives the whole text and the candidate span; True accepts the candidate."""


@dataclass(frozen=True, slots=True)
class Detector:
    """A candidate pattern and the check that turns a candidate into a finding."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    validator: Validator | None = None
    needs_digits: bool = True  # skipped on texts without a stretch of seven digits


# --------------------------------------------------------------------------------------------------
# Context: keywords near a number, amounts
# --------------------------------------------------------------------------------------------------

_DNI_WORDS = r"d\.?n\.?i\.?|documento|document|doc"
_PHONE_WORDS = (
    r"tel[eé]fono|telefono|telephone|tel|cel(?:ular|u)?|m[oó]vil|whats\s?app|whats|wsp|wpp|wasap"
    r"|guasap|ll[aá]m[aáeé]\w*|fijo|phone|cell(?:phone)?|mobile|call\s+me|text\s+me|sms"
)
# A keyword is a whole word: "Intel", "Excel", "iPhone" or "doc_id" hold none.
_KEYWORD = re.compile(rf"(?<!\w)(?:(?P<dni>{_DNI_WORDS})|(?P<phone>{_PHONE_WORDS}))(?!\w)", re.IGNORECASE)
# What may sit between a keyword and its number: punctuation and at most four words of letters.
_GAP = re.compile(r"[^\w]*(?:[^\W\d_]+[^\w]+){0,4}")
_WINDOW = 80

# An amount: a currency or price word right before the number (at most two words between:
# "un total de 1.500.000"), or a currency or unit right after it ("1.500.000 de pesos").
_AMOUNT_BEFORE = re.compile(
    r"(?:[$€£]|(?<!\w)(?:u\$s|us\$|usd|ars|eur|precio|cuesta|sale|vale|total|costo|presupuesto|pag\w*)(?!\w))"
    r"[^\w]*(?:[^\W\d_]+[^\w]+){0,2}$",
    re.IGNORECASE,
)
_AMOUNT_AFTER = re.compile(
    r"\s*(?:de\s+)?(?:[$€£]|(?:pesos|ars|usd|u\$s|d[oó]lares|dollars|euros|mangos|lucas|bytes|[kmgt]i?b|km)(?!\w))",
    re.IGNORECASE,
)


def _keyword_kind(text: str, start: int, end: int) -> str | None:
    """DNI or PHONE when the nearest keyword before the number (else after it) is within reach."""
    lo = max(0, start - _WINDOW)
    last: re.Match[str] | None = None
    for m in _KEYWORD.finditer(text, lo, start):
        last = m
    if last is not None and _GAP.fullmatch(text, last.end(), start):
        return DNI if last.group("dni") else PHONE
    # Search a little past the window so a keyword is never cut in half ("cel|ebrar").
    nxt = _KEYWORD.search(text, end, min(len(text), end + _WINDOW + 40))
    if nxt is not None and nxt.start() <= end + _WINDOW and _GAP.fullmatch(text, end, nxt.start()):
        return DNI if nxt.group("dni") else PHONE
    return None


_IMEI_BEFORE = re.compile(r"(?<!\w)imei\s?\d?(?!\w)[^\w]*(?:[^\W\d_]+[^\w]+){0,2}$", re.IGNORECASE)


def _is_amount(text: str, start: int, end: int) -> bool:
    lo = max(0, start - 40)
    return bool(_AMOUNT_BEFORE.search(text, lo, start) or _AMOUNT_AFTER.match(text, end))


# --------------------------------------------------------------------------------------------------
# Validators
# --------------------------------------------------------------------------------------------------


def _ndigits(text: str, start: int, end: int) -> int:
    return sum(map(str.isdecimal, text[start:end]))


def _card_ok(text: str, start: int, end: int) -> bool:
    n = _ndigits(text, start, end)
    if n == 15 and _IMEI_BEFORE.search(text, max(0, start - 40), start):
        return False  # an IMEI is Luhn-valid too, and the technician needs it
    return 13 <= n <= 19 and luhn_is_valid(text[start:end])


def _cuit_ok(text: str, start: int, end: int) -> bool:
    return cuit_is_valid(text[start:end])


def _digit_count_in(*allowed: int) -> Validator:
    counts = frozenset(allowed)

    def check(text: str, start: int, end: int) -> bool:
        return _ndigits(text, start, end) in counts

    return check


def _dni_ok(text: str, start: int, end: int) -> bool:
    if _keyword_kind(text, start, end) == DNI:
        return True
    return "." in text[start:end] and not _is_amount(text, start, end)


# "mi número es 341-5123456": a possessive "my number" right before a full-length (10-12 digit)
# Argentine number. Shorter numbers after "número" stay readable: order and serial numbers.
_MY_NUMBER = re.compile(r"(?<!\w)(?:mi|my)\s+(?:n[uú]mero|nro\.?|number)(?:\s+(?:es|is))?\s*:?\s*$",
                        re.IGNORECASE)


def _phone_near(text: str, start: int, end: int) -> bool:
    digits = _ndigits(text, start, end)
    if 7 <= digits <= 12 and _keyword_kind(text, start, end) == PHONE:
        return True
    return 10 <= digits <= 12 and bool(_MY_NUMBER.search(text, max(0, start - 30), start))


# --------------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------------

# Left: not glued to a word, not after + $ # @ / - ; not continuing "1.", "1,", "1:".
_L = r"(?<![\w+$#@/\-])(?<!\d[.,:])"
# Right: not glued to a word or e-mail; not continuing as ".5", ",5", ":5", "/5", "-5".
_R = r"(?![\w@])(?![.,:/\-]\d)"
_SEP = r"(?:\ ?-\ ?|\ )"  # phone group separator: "-", " - ", " "
_CARD_SEP = r"(?:\ ?-\ ?|\ {1,2})"


def _rx(body: str) -> re.Pattern[str]:
    return re.compile(_L + "(?:" + body + ")" + _R, re.VERBOSE)


_EMAIL_RX = re.compile(r"(?<![\w.%+\-])[\w%+\-]+(?:\.[\w%+\-]+)*@(?:[^\W_](?:[\w\-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w\-])")

_CBU_RX = _rx(r"\d(?:[\ \-]?\d){21}")

# Bounded repetitions everywhere: a long run of digit groups must cost linear time, not quadratic.
_CARD_RX = _rx(rf"[1-9]\d{{2,5}}(?:{_CARD_SEP}\d{{3,6}}){{0,5}}{_CARD_SEP}\d{{1,6}} | [1-9]\d{{12,18}}")

_CUIT_RX = _rx(r"(?:20|23|24|27|30|33|34) (?P<s>[\ .\-]?) (?:\d{8}|\d{2}\.\d{3}\.\d{3}) (?P=s) \d")

# +54 [9] area subscriber, in the usual spellings.
_PHONE_AR_INTL_RX = re.compile(
    rf"""(?<![\w+])\+\ ?54 {_SEP}? (?:9 {_SEP}?)?
        (?:\(0?[1-9]\d{{1,3}}\) | 0?[1-9]\d{{1,3}}) {_SEP}? (?:15 {_SEP}?)? [1-9]\d{{1,3}} {_SEP}? \d{{4}} {_R}""",
    re.VERBOSE,
)
# Any other international number: "+" country code and groups of two or more digits.
_PHONE_INTL_RX = re.compile(
    rf"""(?<![\w+])\+\ ?[1-9]\d{{0,3}}
        (?: (?:\ ?[.\-]\ ?|\ )\d{{2,6}} | (?:\ ?[.\-]\ ?|\ )?\(\d{{1,4}}\) ){{1,6}} {_R}
      | (?<![\w+])\+[1-9]\d{{6,14}} {_R}""",
    re.VERBOSE,
)
# National with the trunk 0: 0341-4556677, (0341) 455-6677, 0341 155551234, 011 15 2345-6789.
# Area codes and subscriber numbers never start with 0, so invoice numbers (00003-00001234) are safe.
_PHONE_TRUNK_RX = _rx(
    rf"(?:\(0[1-9]\d{{0,3}}\) | 0[1-9]\d{{0,3}}) {_SEP}? (?:15 {_SEP}?)? [1-9]\d{{1,3}} {_SEP}? \d{{4}}"
)
# Area code in parentheses without the trunk 0: (341) 455-6677, (11) 15 2345-6789.
_PHONE_PARENS_RX = _rx(r"\([1-9]\d{1,3}\)\ ?(?:15[\ \-]?)?[1-9]\d{1,3}[\ \-]?\d{4}")
# Shapes no technical text has: "11 2345-6789", "341 15 555-1234", "15-5551234", "15 555-1234".
_PHONE_DASHED_RX = _rx(
    r"""[1-9]\d{1,3}\ (?:15\ ?)?\d{2,4}-\d{4}
      | 15-\d{6,8}
      | 15[\ \-]\d{2,4}-\d{4}"""
)
# DNI: dotted 12.345.678 / 1.234.567, spaced 12 345 678, or a bare run of 7-8 digits.
_DNI_RX = _rx(r"\d{1,2}(?P<s>[.\ ])\d{3}(?P=s)\d{3} | \d{7,8}")
# Ambiguous phone shapes, accepted only near a phone keyword (longest shapes first).
_PHONE_NEAR_RX = _rx(
    r"""\d{2,4}[\ \-]15[\ \-]?\d{2,4}[\ \-]?\d{4}
      | \d{2,4}[\ \-]\d{3,4}[\ \-]\d{4}
      | \d{2,4}[\ \-]\d{6,8}
      | 15[\ \-]\d{6,8}
      | \d{3,4}[\ \-]\d{4}
      | \d{7,12}"""
)

DETECTORS: tuple[Detector, ...] = (
    Detector("email", EMAIL, _EMAIL_RX, needs_digits=False),
    # 22 digits: masked even when a check digit fails (nothing else in a chat has 22 digits).
    Detector("cbu", CBU, _CBU_RX),
    Detector("card", CARD, _CARD_RX, _card_ok),
    Detector("cuit", CUIT, _CUIT_RX, _cuit_ok),
    Detector("phone-ar-intl", PHONE, _PHONE_AR_INTL_RX, _digit_count_in(12, 13, 14, 15)),
    Detector("phone-intl", PHONE, _PHONE_INTL_RX, _digit_count_in(*range(8, 16))),
    Detector("phone-trunk", PHONE, _PHONE_TRUNK_RX, _digit_count_in(11, 13)),
    Detector("phone-parens", PHONE, _PHONE_PARENS_RX, _digit_count_in(10, 12)),
    Detector("phone-dashed", PHONE, _PHONE_DASHED_RX, _digit_count_in(8, 9, 10, 12)),
    Detector("dni", DNI, _DNI_RX, _dni_ok),
    Detector("phone-near-keyword", PHONE, _PHONE_NEAR_RX, _phone_near),
)

# Every digit detector needs seven digits with at most three of " .-()" between neighbours; texts
# without such a stretch ("error 651", "hace 2 días", "Windows 10 21H2") skip them all.
_DIGIT_STRETCH = re.compile(r"\d(?:[\ .\-()]{0,3}\d){6}")


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------


def find(text: str) -> list[Finding]:
    """Every detected item, by position, without overlaps."""
    has_at = "@" in text
    has_digits = _DIGIT_STRETCH.search(text) is not None
    if not has_at and not has_digits:
        return []
    taken = _Claims()
    for det in DETECTORS:
        if (det.needs_digits and not has_digits) or (det.kind == EMAIL and not has_at):
            continue
        pos = 0
        while (m := det.pattern.search(text, pos)) is not None:
            start, end = m.span()
            accepted = _accept(det, text, start, end, taken)
            if accepted is None:
                pos = start + 1
            else:
                taken.add(Finding(det.kind, start, accepted))
                pos = accepted
    return taken.findings


class _Claims:
    """Spans already claimed, kept sorted; overlap checks are a binary search."""

    __slots__ = ("findings", "starts")

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.starts: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.findings[i - 1].end > start:
            return True
        return i < len(self.starts) and self.starts[i] < end

    def add(self, finding: Finding) -> None:
        i = bisect.bisect_right(self.starts, finding.start)
        self.starts.insert(i, finding.start)
        self.findings.insert(i, finding)


def _accept(det: Detector, text: str, start: int, end: int, taken: _Claims) -> int | None:
    """The end of the accepted span, or None. When the whole candidate fails its validator, shorter
    spans ending before a space or dash are tried, longest first: "4111 1111 1111 1111 2 veces"
    still yields the card, "tel 341 5551234 20 veces" still yields the phone."""
    if det.validator is None:
        return None if taken.overlaps(start, end) else end
    for cut in range(end, start, -1):
        if cut != end and not (text[cut] in " -" and text[cut - 1].isdigit()):
            continue
        if not taken.overlaps(start, cut) and det.validator(text, start, cut):
            return cut
    return None


#: Text that has been through `mask`: what a customer typed may be stored, logged or sent on only as this.
Masked = NewType("Masked", str)
NOTHING = Masked("")


def mask(text: str) -> Masked:
    """Return `text` with every detected item replaced by its token, e.g. `[EMAIL]`."""
    found = find(text)
    if not found:
        return Masked(text)
    parts: list[str] = []
    pos = 0
    for f in found:
        parts.append(text[pos : f.start])
        parts.append(token(f.kind))
        pos = f.end
    parts.append(text[pos:])
    return Masked("".join(parts))


def contains_pii(text: str) -> bool:
    return bool(find(text))


def mask_data(value: object) -> object:
    """A new structure with every str value masked, recursing into dicts, lists and tuples.

    Dict keys are kept as they are; other values (numbers, None, bytes...) are returned unchanged.
    """
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {k: mask_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [mask_data(v) for v in value]
    if isinstance(value, tuple):
        items = [mask_data(v) for v in value]
        make = getattr(value, "_make", None)  # a namedtuple keeps its type
        return make(items) if callable(make) else tuple(items)
    return value
