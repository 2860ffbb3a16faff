"""PII masking, property-based: generated valid numbers inside random Spanish and English sentences
are always masked, and generated technical fragments never change."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stichat.domain import pii

SETTINGS = settings(max_examples=200, deadline=None)

# Filler words: no digits, no keywords that change the meaning of a nearby number (tel, dni,
# precio, $...), so the property is about the number and its own lead-in only.
WORDS_ES = (
    "hola buenas la compu no prende desde ayer te paso los datos para el arreglo gracias "
    "che notebook pantalla lenta después del update quedo atento saludos equipo impresora"
).split()
WORDS_EN = (
    "hi my laptop does not boot since yesterday here are the details for the repair thanks "
    "screen slow after update regards printer please check"
).split()

words = st.lists(st.sampled_from(WORDS_ES + WORDS_EN), min_size=0, max_size=8).map(" ".join)
punct = st.sampled_from(["", ".", ",", "!", "?", ":", ";", ")"])


def digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


def sentence(lead_ins: list[str], item: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, str]]:
    """(sentence, item): random words, a lead-in, the item, punctuation, random words."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, str]:
        value = draw(item)
        before, lead, after, end = draw(words), draw(st.sampled_from(lead_ins)), draw(words), draw(punct)
        text = " ".join(part for part in (before, lead, value + end, after) if part)
        return text, value

    return build()


# --- independent check-digit arithmetic ----------------------------------------------------------


def luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def mod10(block: str, weights: tuple[int, ...]) -> str:
    return str((10 - sum(int(d) * w for d, w in zip(block, weights, strict=True)) % 10) % 10)


def cbu_from(bank: str, branch: str, account: str) -> str:
    first = bank + branch
    return (
        first + mod10(first, (7, 1, 3, 9, 7, 1, 3)) + account + mod10(account, (3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3))
    )


def cuit_check(digits10: str) -> int:
    r = 11 - sum(int(d) * w for d, w in zip(digits10, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    return 0 if r == 11 else r


def spaced(number: str, size: int, sep: str) -> str:
    return sep.join(number[i : i + size] for i in range(0, len(number), size))


# --- strategies for personal data ----------------------------------------------------------------

cbus = st.builds(cbu_from, digits(3), digits(4), digits(13))
cvus = st.builds(cbu_from, st.just("000"), digits(4), digits(13))
cbu_texts = st.one_of(
    cbus,
    cvus,
    cbus.map(lambda n: f"{n[:8]} {n[8:]}"),
    cvus.map(lambda n: spaced(n, 4, " ")),
)


@st.composite
def cuits(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["20", "23", "24", "27", "30", "33", "34"]))
    body = draw(digits(8))
    check = cuit_check(prefix + body)
    if check == 10:  # no valid CUIT exists with this body; use one that has
        body = body[:-1] + str((int(body[-1]) + 1) % 10)
        check = cuit_check(prefix + body)
        if check == 10:
            body = body[:-1] + str((int(body[-1]) + 1) % 10)
            check = cuit_check(prefix + body)
    sep = draw(st.sampled_from(["-", ""]))
    return f"{prefix}{sep}{body}{sep}{check}"


@st.composite
def cards(draw: st.DrawFn) -> str:
    length = draw(st.integers(min_value=13, max_value=19))
    first = draw(st.sampled_from("123456789"))
    number = luhn_complete(first + draw(digits(length - 2)))
    style = draw(st.sampled_from(["plain", "space", "dash"]))
    if style == "plain":
        return number
    return spaced(number, 4, " " if style == "space" else "-")


@st.composite
def dnis(draw: st.DrawFn) -> tuple[str, str]:
    """(lead-in, dni): dotted DNIs stand alone, bare ones come after a document keyword."""
    n = str(draw(st.integers(min_value=1_000_000, max_value=99_999_999)))
    dotted = f"{n[:-6]}.{n[-6:-3]}.{n[-3:]}"
    keyword = draw(st.sampled_from(["dni", "DNI:", "mi documento es", "nro de documento", "D.N.I.", "doc"]))
    return draw(st.sampled_from([("soy Juan,", dotted), ("el titular", dotted), (keyword, dotted), (keyword, n)]))


def assert_masked(text: str, value: str, tok: str) -> None:
    out = pii.mask(text)
    raw = "".join(ch for ch in value if ch.isdigit())
    assert tok in out, (text, out)
    assert value not in out, (text, out)
    assert raw not in "".join(ch for ch in out if ch.isdigit()), (text, out)
    assert pii.contains_pii(text)


@SETTINGS
@given(sentence(["mi cbu es", "CBU:", "te paso el cvu", "transfer to", "alias no, cbu"], cbu_texts))
def test_generated_cbus_and_cvus_never_survive_masking(case: tuple[str, str]) -> None:
    assert_masked(*case, "[CBU]")


@SETTINGS
@given(sentence(["mi cuit es", "CUIL", "factura a", "tax id", "cuit:"], cuits()))
def test_generated_cuits_never_survive_masking(case: tuple[str, str]) -> None:
    assert_masked(*case, "[CUIT]")


@SETTINGS
@given(sentence(["pago con la tarjeta", "card number", "la visa", "te paso la", "número de tarjeta"], cards()))
def test_generated_cards_never_survive_masking(case: tuple[str, str]) -> None:
    assert_masked(*case, "[CARD]")


@SETTINGS
@given(words, dnis(), punct, words)
def test_generated_dnis_never_survive_masking(before: str, lead_and_dni: tuple[str, str], end: str, after: str) -> None:
    lead, dni = lead_and_dni
    text = " ".join(p for p in (before, lead, dni + end, after) if p)
    assert_masked(text, dni, "[DNI]")


# --- technical fragments never change ------------------------------------------------------------

error_codes = st.text(alphabet="0123456789abcdefABCDEF", min_size=8, max_size=8).map(lambda h: "0x" + h)
versions = st.one_of(
    st.builds(lambda y, h: f"{y:02d}H{h}", st.integers(10, 99), st.integers(1, 2)),
    st.builds(lambda a, b, c: f"v{a}.{b}.{c}", st.integers(0, 99), st.integers(0, 99), st.integers(0, 999)),
)
ipv4s = st.builds(lambda *o: ".".join(map(str, o)), *[st.integers(0, 255)] * 4)
dates = st.one_of(
    st.builds(lambda d, m, y: f"{d:02d}/{m:02d}/{y}", st.integers(1, 31), st.integers(1, 12), st.integers(1990, 2099)),
    st.builds(lambda d, m, y: f"{y}-{m:02d}-{d:02d}", st.integers(1, 31), st.integers(1, 12), st.integers(1990, 2099)),
)


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


prices = st.one_of(
    st.integers(0, 9_999_999).map(lambda n: f"$ {_thousands(n)}"),
    st.integers(0, 9_999_999).map(lambda n: f"${n}"),
    st.integers(0, 99_999).map(lambda n: f"USD {n}"),
    st.builds(lambda n, c: f"{_thousands(n)},{c:02d}", st.integers(0, 9_999_999), st.integers(0, 99)),
    st.integers(1000, 9_999_999).map(lambda n: f"{_thousands(n)} pesos"),
)
fragments = st.one_of(error_codes, versions, ipv4s, dates, prices)
leads = st.sampled_from(["me sale", "error", "la versión es", "el router", "vino el", "sale", "costs", "", "ip"])


@SETTINGS
@given(words, leads, fragments, punct, words)
def test_generated_technical_fragments_never_change(
    before: str, lead: str, fragment: str, end: str, after: str
) -> None:
    text = " ".join(p for p in (before, lead, fragment + end, after) if p)
    assert pii.mask(text) == text
    assert not pii.contains_pii(text)


@SETTINGS
@given(st.text(max_size=200))
def test_mask_is_total_and_idempotent_on_any_text(text: str) -> None:
    once = pii.mask(text)
    assert pii.mask(once) == once
    for f in pii.find(text):
        assert 0 <= f.start < f.end <= len(text)
