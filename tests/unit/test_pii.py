"""PII masking: an input → output table over realistic es-AR and English chat lines.

Valid numbers are built here with check-digit helpers written independently of the module, so a
case never relies on a number nobody can verify.
"""

from __future__ import annotations

import time
from collections import namedtuple

import pytest

from stichat.domain import pii

# --------------------------------------------------------------------------------------------------
# Independent check-digit helpers
# --------------------------------------------------------------------------------------------------


def luhn_complete(body: str) -> str:
    """`body` plus the Luhn check digit that makes the whole number valid."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def break_last_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def _cbu_check(digits: str, weights: tuple[int, ...]) -> str:
    return str((10 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 10) % 10)


def make_cbu(bank: str, branch: str, account: str) -> str:
    """A valid 22-digit CBU (or CVU when bank is "000") from bank(3) + branch(4) + account(13)."""
    assert len(bank) == 3 and len(branch) == 4 and len(account) == 13
    first = bank + branch
    return (
        first
        + _cbu_check(first, (7, 1, 3, 9, 7, 1, 3))
        + account
        + _cbu_check(account, (3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3))
    )


def cuit_check(prefix: str, body: str) -> int:
    """The CUIT check digit, or 10 when that combination has no valid check digit."""
    digits = prefix + body
    r = 11 - sum(int(d) * w for d, w in zip(digits, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    return 0 if r == 11 else r


def make_cuit(prefix: str, body: str, sep: str = "-") -> str:
    check = cuit_check(prefix, body)
    assert check != 10, "pick another body: this one has no valid check digit"
    return f"{prefix}{sep}{body}{sep}{check}"


def group(number: str, sizes: tuple[int, ...], sep: str) -> str:
    out, pos = [], 0
    for size in sizes:
        out.append(number[pos : pos + size])
        pos += size
    assert pos == len(number)
    return sep.join(out)


# Known-good published examples agree with the helpers.
def test_helpers_reproduce_published_check_digits() -> None:
    assert luhn_complete("411111111111111") == "4111111111111111"
    assert make_cbu("285", "0590", "4009041813520") == "2850590940090418135201"
    assert make_cuit("20", "12345678") == "20-12345678-6"


VISA = luhn_complete("411111111111111")
MASTER = luhn_complete("545454545454545")
AMEX = luhn_complete("37828224631000")
VISA13 = luhn_complete("422222222222")
MAESTRO19 = luhn_complete("676770000000000000")
CBU_1 = make_cbu("285", "0590", "4009041813520")
CBU_2 = make_cbu("011", "0123", "4000012345678")
CVU = make_cbu("000", "0003", "1000012345678")
CBU_BAD = break_last_digit(CBU_1)
CUIT_20 = make_cuit("20", "12345678")
CUIT_27 = make_cuit("27", "30123456")
CUIT_30 = make_cuit("30", "71234560")
CUIT_23 = make_cuit("23", "40111222")

for _n in (VISA, MASTER, AMEX, VISA13, MAESTRO19):
    assert pii.luhn_is_valid(_n), _n
for _n in (CBU_1, CBU_2, CVU):
    assert pii.cbu_is_valid(_n), _n
for _n in (CUIT_20, CUIT_27, CUIT_30, CUIT_23):
    assert pii.cuit_is_valid(_n), _n


# --------------------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------------------

P = pytest.param

POSITIVE = [
    # e-mail
    P("mi mail es juan.perez@gmail.com", "mi mail es [EMAIL]", id="email-es"),
    P("escribime a maria_gomez+sti@hotmail.com.ar.", "escribime a [EMAIL].", id="email-plus-tag-ar"),
    P("My email is John.Smith@Example.co.uk, thanks", "My email is [EMAIL], thanks", id="email-en"),
    P("correo: soporte123@sti-rosario.com.ar (trabajo)", "correo: [EMAIL] (trabajo)", id="email-digits"),
    P("mails: a@b.io y c.d@e.com", "mails: [EMAIL] y [EMAIL]", id="email-two"),
    # CBU / CVU
    P(f"te paso mi CBU {CBU_1}", "te paso mi CBU [CBU]", id="cbu-plain"),
    P(f"CBU: {CBU_2[:8]} {CBU_2[8:]} a nombre mío", "CBU: [CBU] a nombre mío", id="cbu-two-blocks"),
    P(f"cbu {group(CBU_1, (4, 4, 4, 4, 4, 2), ' ')} gracias", "cbu [CBU] gracias", id="cbu-groups"),
    P(f"mi CVU de Mercado Pago es {CVU}.", "mi CVU de Mercado Pago es [CBU].", id="cvu"),
    P(f"transfer to {CBU_2} please", "transfer to [CBU] please", id="cbu-en"),
    P(f"el cbu {CBU_BAD} me da error", "el cbu [CBU] me da error", id="cbu-failing-check-still-masked"),
    # cards
    P(f"pago con la {group(VISA, (4, 4, 4, 4), ' ')} vence 12/27", "pago con la [CARD] vence 12/27", id="card-spaced"),
    P(f"tarjeta {group(MASTER, (4, 4, 4, 4), '-')}", "tarjeta [CARD]", id="card-dashed"),
    P(f"número {VISA} y cvv aparte", "número [CARD] y cvv aparte", id="card-contiguous"),
    P(f"amex {group(AMEX, (4, 6, 5), ' ')} ok", "amex [CARD] ok", id="card-amex-4-6-5"),
    P(f"old visa {VISA13}", "old visa [CARD]", id="card-13-digits"),
    P(f"maestro {MAESTRO19}", "maestro [CARD]", id="card-19-digits"),
    P(
        f"my card is {group(VISA, (4, 4, 4, 4), ' ')}, charged 2 times",
        "my card is [CARD], charged 2 times",
        id="card-en",
    ),
    P(f"la {group(VISA, (4, 4, 4, 4), ' ')} 2 veces", "la [CARD] 2 veces", id="card-then-count"),
    # CUIT / CUIL
    P(f"mi cuit es {CUIT_20}", "mi cuit es [CUIT]", id="cuit-dashed"),
    P(f"CUIL {CUIT_27.replace('-', '')} para la factura", "CUIL [CUIT] para la factura", id="cuil-plain"),
    P(f"factura A a {CUIT_30}, razón social STI", "factura A a [CUIT], razón social STI", id="cuit-company"),
    P(f"cuit {make_cuit('23', '40111222', ' ')}", "cuit [CUIT]", id="cuit-spaced"),
    P(f"tax id {CUIT_23}.", "tax id [CUIT].", id="cuit-en"),
    # DNI
    P("mi dni es 12345678", "mi dni es [DNI]", id="dni-keyword"),
    P("DNI: 30.123.456", "DNI: [DNI]", id="dni-keyword-dotted"),
    P("a nombre de Juan, 12.345.678", "a nombre de Juan, [DNI]", id="dni-dotted-alone"),
    P("es 1.234.567 el número", "es [DNI] el número", id="dni-dotted-7-digits"),
    P("mi documento es 23456789", "mi documento es [DNI]", id="dni-mi-documento-es"),
    P("nro de documento 7654321", "nro de documento [DNI]", id="dni-nro-de-documento"),
    P("D.N.I. 28999111 del titular", "D.N.I. [DNI] del titular", id="dni-dotted-keyword"),
    P("doc. 34111222", "doc. [DNI]", id="dni-doc"),
    P("12345678 es mi dni", "[DNI] es mi dni", id="dni-keyword-after"),
    P("el dni del titular es 30111222", "el dni del titular es [DNI]", id="dni-few-words-away"),
    # phones
    P("mi cel es +54 9 341 555-1234", "mi cel es [PHONE]", id="phone-intl-mobile"),
    P("whatsapp +5493415551234", "whatsapp [PHONE]", id="phone-intl-compact"),
    P("llamame al 0341 155551234", "llamame al [PHONE]", id="phone-trunk-15"),
    P("fijo 0341-4556677 de 9 a 18", "fijo [PHONE] de 9 a 18", id="phone-landline-dash"),
    P("el local: (0341) 455-6677", "el local: [PHONE]", id="phone-landline-parens"),
    P("15-5551234 es mi número", "[PHONE] es mi número", id="phone-15-dash-no-context"),
    P("mi cel 341 5551234", "mi cel [PHONE]", id="phone-area-with-context"),
    P("wsp 3415551234", "wsp [PHONE]", id="phone-contiguous-with-context"),
    P("escribime al 11 2345-6789", "escribime al [PHONE]", id="phone-baires"),
    P("call me at +1 415 555 2671", "call me at [PHONE]", id="phone-us"),
    P("my phone: +34 612 345 678", "my phone: [PHONE]", id="phone-spain"),
    P("tel 4556677", "tel [PHONE]", id="phone-local-with-context"),
    P("teléfono 455-6677 o 0341 4556678", "teléfono [PHONE] o [PHONE]", id="phone-two"),
    P("011 15 2345-6789 (celu)", "[PHONE] (celu)", id="phone-baires-15"),
    P("mi celular es el 341 555 1234", "mi celular es el [PHONE]", id="phone-spaced-groups"),
    # mixed
    P(
        f"Soy Ana, dni 30123456, cel 0341 155551234, mail ana@x.com, cbu {CBU_1}",
        "Soy Ana, dni [DNI], cel [PHONE], mail [EMAIL], cbu [CBU]",
        id="mixed-everything",
    ),
    P(
        "mi dni es 12.345.678 y pagué $ 1.500.000",
        "mi dni es [DNI] y pagué $ 1.500.000",
        id="mixed-dni-and-price",
    ),
    P(
        "ticket TCK-20261128-AB12CD, dni 12345678",
        "ticket TCK-20261128-AB12CD, dni [DNI]",
        id="mixed-ticket-id-and-dni",
    ),
    P("mi tel es (341) 4556677", "mi tel es [PHONE]", id="phone-area-in-parens"),
    P("+54 0341 4556677 (fijo)", "[PHONE] (fijo)", id="phone-intl-with-trunk-zero"),
    P("te llamo al 0341 4556677 mañana", "te llamo al [PHONE] mañana", id="phone-trunk-space"),
    P(
        f"error 0x80070005 al pagar con {VISA}",
        "error 0x80070005 al pagar con [CARD]",
        id="mixed-error-code-and-card",
    ),
]

NEGATIVE = [
    # error codes
    "me sale el error 0x80070005 al actualizar",
    "pantalla azul 0xc000021a",
    "error 651 al conectar",
    "el administrador muestra código 43",
    "código 0x800f081f en Windows Update",
    # versions
    "tengo Windows 10 21H2",
    "la 22H2 no instala",
    "driver v7.2.1 y firmware 1.0.0.3",
    "build 10.0.19045.2965",
    # model numbers
    "es una HP 15-dw1024la",
    "notebook HP 240 G8",
    "impresora Epson L3150",
    "procesador i5-8250U",
    "placa RTX 3060 de 12GB",
    "Samsung SM-A525F",
    # networks
    "el router es 192.168.0.1",
    "la IP es 10.0.0.138",
    "gateway 192.168.100.254, DNS 8.8.8.8",
    "MAC 00:1A:2B:3C:4D:5E",
    "MAC 00-1A-2B-3C-4D-5E",
    # dates and times
    "vino el 28/11/2026",
    "fecha 2026-11-28 14:30:05",
    "turno 28-11-2026 a las 10:30",
    "llamame el 28-11-2026",
    # prices
    "el arreglo sale $ 15.000",
    "pagué $15000",
    "cuesta USD 120",
    "total 1.500,50",
    "el presupuesto es $ 1.500.000",
    "me cobraron 1.500.000 pesos",
    # counts and sizes
    "se reinició 3 veces",
    "hace 2 días que no anda",
    "disco de 500 GB",
    "16GB RAM",
    "resolución 1920x1080",
    # ids, years, short numbers
    "mi ticket es TCK-20261128-AB12CD",
    "lo compré en 2019",
    "pedido 12345678",
    "factura B 00003-00001234",
    "factura 0001-00012345 del 28/11/2026",
    f"el IMEI es {luhn_complete('35693803564380')}",
    "sale un total de 1.500.000",
    "me cobraron 1.500.000 de pesos",
    "Intel Core i7 8700K, planilla Excel con 1234567 filas",
    "llm call latency 1234567 us",
    "iPhone 13 Pro Max de 256 GB",
    "orden de compra 87654321 del sitio",
    "se cortó 4 de 5 veces",
    # non-valid numbers
    f"código de barras {break_last_digit(VISA)}",
    f"serie {break_last_digit(CUIT_20).replace('-', '')}",
    "english: my order 1234567 arrived on 2026-11-28",
]

MASK_TABLE = POSITIVE + [P(text, text, id=f"keep-{i:02d}-{text[:24]}") for i, text in enumerate(NEGATIVE)]


@pytest.mark.parametrize(("text", "expected"), MASK_TABLE)
def test_mask_replaces_personal_data_and_keeps_technical_text(text: str, expected: str) -> None:
    assert pii.mask(text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_technical_text_is_not_reported_as_personal_data(text: str) -> None:
    assert not pii.contains_pii(text)
    assert pii.find(text) == []


def test_the_table_is_large_enough_to_mean_something() -> None:
    assert len(MASK_TABLE) >= 70


def test_a_22_digit_run_failing_its_check_digits_is_still_masked_as_cbu() -> None:
    assert not pii.cbu_is_valid(CBU_BAD)
    assert pii.find(CBU_BAD) == [pii.Finding("CBU", 0, 22)]


def test_a_non_luhn_16_digit_number_is_not_a_card() -> None:
    number = break_last_digit(VISA)
    assert not pii.luhn_is_valid(number)
    assert all(f.kind != "CARD" for f in pii.find(f"numero {number}"))
    assert pii.mask(f"numero {number}") == f"numero {number}"


def test_a_cuit_with_a_wrong_check_digit_is_not_a_cuit() -> None:
    wrong = break_last_digit(CUIT_20)
    assert pii.mask(f"cuit {wrong}") == f"cuit {wrong}"


def test_find_reports_kind_and_span_in_text_order() -> None:
    text = f"mail a@b.com, cuit {CUIT_20}, tel 4556677"
    found = pii.find(text)
    assert [f.kind for f in found] == ["EMAIL", "CUIT", "PHONE"]
    assert [text[f.start : f.end] for f in found] == ["a@b.com", CUIT_20, "4556677"]


def test_contains_pii_is_true_only_with_personal_data() -> None:
    assert pii.contains_pii("mi dni es 12345678")
    assert not pii.contains_pii("mi pedido es 12345678")
    assert not pii.contains_pii("")


def test_text_without_digits_or_at_sign_is_returned_as_is() -> None:
    text = "hola, la compu no prende desde ayer"
    assert pii.mask(text) is text


def test_every_kind_has_its_token() -> None:
    assert {pii.token(k) for k in pii.KINDS} == {"[EMAIL]", "[CARD]", "[CBU]", "[CUIT]", "[DNI]", "[PHONE]"}


Pair = namedtuple("Pair", "label value")


def test_mask_data_masks_nested_string_values_and_leaves_keys_and_other_values() -> None:
    data = {
        "juan@mail.com": "key stays",
        "customer": {"email": "juan@mail.com", "dni": "dni 12345678", "age": 40, "vip": None},
        "messages": ["mi cel es 0341-4556677", ("cuit", CUIT_20), 3.5],
        "pair": Pair("cbu", CBU_1),
        "error": "0x80070005",
    }
    masked = pii.mask_data(data)
    assert masked == {
        "juan@mail.com": "key stays",
        "customer": {"email": "[EMAIL]", "dni": "dni [DNI]", "age": 40, "vip": None},
        "messages": ["mi cel es [PHONE]", ("cuit", "[CUIT]"), 3.5],
        "pair": Pair("cbu", "[CBU]"),
        "error": "0x80070005",
    }
    assert isinstance(masked, dict)
    assert isinstance(masked["messages"][1], tuple)
    assert isinstance(masked["pair"], Pair)


def test_mask_data_returns_a_new_structure_and_does_not_touch_the_input() -> None:
    data = {"a": ["tel 4556677"]}
    masked = pii.mask_data(data)
    assert data == {"a": ["tel 4556677"]}
    assert masked == {"a": ["tel [PHONE]"]}
    assert masked is not data


def test_mask_data_on_scalars() -> None:
    assert pii.mask_data("mail x@y.com") == "mail [EMAIL]"
    assert pii.mask_data(12345678) == 12345678
    assert pii.mask_data(None) is None


def test_long_runs_of_digit_groups_are_masked_in_linear_time() -> None:
    text = "1234 5678 " * 2000 + "tel 4556677 pedido 12345678 dni 12.345.678 " * 500
    began = time.perf_counter()
    pii.mask(text)
    assert time.perf_counter() - began < 5.0


@pytest.mark.parametrize(("text", "expected"), [
    ("mi numero 341-5123456", "mi numero [PHONE]"),
    ("mi número es 3415123456", "mi número es [PHONE]"),
    ("my number is 341 5123456", "my number is [PHONE]"),
    ("mi número de pedido es 12345678", "mi número de pedido es 12345678"),
    ("mi numero de serie 1234567890", "mi numero de serie 1234567890"),
])
def test_my_number_before_a_full_length_number_is_a_phone_but_order_numbers_stay(text: str, expected: str) -> None:
    assert pii.mask(text) == expected
