"""Check digits of the numbers PII masking must recognise: cards (Luhn), CBU/CVU and CUIT/CUIL.

A number whose check digits fail is not masked as that kind: a random run of digits is more often an
order number or a price than a card.
"""

from __future__ import annotations

_CBU_W1 = (7, 1, 3, 9, 7, 1, 3)
_CBU_W2 = (3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3)
_CUIT_W = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_CUIT_PREFIXES = frozenset({"20", "23", "24", "27", "30", "33", "34"})


def digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdecimal())


def luhn_is_valid(number: str) -> bool:
    """Luhn (mod 10) check over the digits of `number`; separators are ignored."""
    ds = digits(number)
    if not ds:
        return False
    total = 0
    for i, ch in enumerate(reversed(ds)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _mod10_check(ds: str, weights: tuple[int, ...]) -> int:
    return (10 - sum(int(c) * w for c, w in zip(ds, weights, strict=True)) % 10) % 10


def cbu_is_valid(number: str) -> bool:
    """Both check digits of an Argentine CBU/CVU (22 digits; separators ignored)."""
    ds = digits(number)
    if len(ds) != 22:
        return False
    return _mod10_check(ds[:7], _CBU_W1) == int(ds[7]) and _mod10_check(ds[8:21], _CBU_W2) == int(ds[21])


def cuit_is_valid(number: str) -> bool:
    """Check digit and prefix of a CUIT/CUIL (11 digits; separators ignored). A remainder of 10
    ("11 - sum % 11 == 10") is treated as invalid."""
    ds = digits(number)
    if len(ds) != 11 or ds[:2] not in _CUIT_PREFIXES:
        return False
    check = 11 - sum(int(c) * w for c, w in zip(ds[:10], _CUIT_W, strict=True)) % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(ds[10])
