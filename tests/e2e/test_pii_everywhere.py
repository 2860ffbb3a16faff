"""No raw personal data anywhere: a real `stichat serve` gets a conversation full of it, and every byte it
keeps (DATA_DIR, the SQLite database and its WAL, the log file and stdout) and every view it serves
(ticket, transcript, logs, the live stream, the WhatsApp link, the export) is scanned for it."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx
import pytest

from stichat.domain.pii import cbu_is_valid, cuit_is_valid, luhn_is_valid
from tests.conftest import OPERATOR_TOKEN, LiveServer, start_server
from tests.helpers import Chat, jpeg_bytes

TECHNICAL = ("0x80070005", "22H2", "15-dw1024la", "192.168.0.1", "28/11/2026")
NOTICE = "Oculté datos personales"


# --- valid personal data, made with the real check-digit algorithms --------------------------------

def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def make_card(rng: random.Random) -> str:
    body = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    number = body + luhn_digit(body)
    return " ".join(number[i:i + 4] for i in range(0, 16, 4))


def weighted_digit(digits: str, weights: tuple[int, ...]) -> str:
    return str((10 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 10) % 10)


def make_cbu(rng: random.Random) -> str:
    """Bank and branch (7 digits) + check, account (13 digits) + check, as BCRA defines them."""
    first = "".join(rng.choice("0123456789") for _ in range(7))
    second = "".join(rng.choice("0123456789") for _ in range(13))
    return (first + weighted_digit(first, (7, 1, 3, 9, 7, 1, 3))
            + second + weighted_digit(second, (3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3)))


def make_cuit(rng: random.Random) -> str:
    while True:
        body = "20" + "".join(rng.choice("0123456789") for _ in range(8))
        check = 11 - sum(int(d) * w for d, w in zip(body, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if check != 10:  # 10 has no single digit: AFIP issues another prefix instead
            return f"{body[:2]}-{body[2:]}-{0 if check == 11 else check}"


@pytest.fixture(scope="module")
def personal() -> dict[str, str]:
    rng = random.Random()
    dni = f"{rng.randint(20, 45)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}"
    values = {
        "email": f"lucia.perez{rng.randint(1000, 9999)}@example.com",
        "card": make_card(rng),
        "cbu": make_cbu(rng),
        "cuit": make_cuit(rng),
        "dni": dni,
        "mobile": f"+54 9 341 {rng.randint(500, 699)}-{rng.randint(1000, 9999)}",
    }
    assert luhn_is_valid(values["card"]) and cbu_is_valid(values["cbu"]) and cuit_is_valid(values["cuit"])
    return values


def forms(value: str) -> set[str]:
    """The value as typed, and its digits alone (a store that dropped the spaces still leaks it)."""
    digits = re.sub(r"\D", "", value)
    return {value, digits} if "@" not in value else {value, value.upper()}


def leaks(blob: bytes, personal: dict[str, str]) -> list[str]:
    text = blob.decode("utf-8", errors="replace")
    variants = {text, unquote(text)}
    return [f"{kind}={form!r}" for kind, value in personal.items() for form in forms(value)
            if any(form in v for v in variants) or form.encode() in blob]


def everything_under(root: Path) -> Iterator[tuple[Path, bytes]]:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path, path.read_bytes()


# --- the conversation -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, personal: dict[str, str]) -> Iterator[dict[str, object]]:
    tmp = tmp_path_factory.mktemp("pii")
    # development, not test: the JSON log lines also go to stdout, which is scanned too.
    server = start_server(tmp / "data", tmp / "server.log", APP_ENV="development")
    try:
        yield converse(server, personal)
    finally:
        server.stop()


def converse(server: LiveServer, p: dict[str, str]) -> dict[str, object]:
    views: list[str] = []
    with httpx.Client(base_url=server.url, timeout=10) as http:
        chat = Chat(http)
        chat.press("BTN_LANG_ES_AR")
        chat.say("Lucía")
        replies = [
            chat.say(f"mi notebook HP 15-dw1024la no prende desde el 28/11/2026, error 0x80070005 con "
                     f"Windows 22H2. Mi mail es {p['email']} y mi cel {p['mobile']}"),
            chat.say(f"el router es 192.168.0.1. Te paso mi tarjeta {p['card']} y mi CBU {p['cbu']}"),
            chat.say(f"mi dni es {p['dni']} y mi CUIT {p['cuit']}"),
        ]
        stage_before_ticket = chat.last["stage"]
        ticket = chat.press("BTN_CONNECT_TECH")["ticket"]
        upload = http.post("/api/upload-image", headers={"x-session-id": chat.session_id},
                           files={"image": ("foto.jpg", jpeg_bytes(), "image/jpeg")})
        assert upload.status_code == 200, upload.text
        again = http.post("/api/whatsapp-ticket", json={"sessionId": chat.session_id}).json()
        public = urlparse(ticket["publicUrl"])
        operator = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
        owner = {"x-session-id": chat.session_id}
        for response in (
            http.get(f"/api/ticket/{ticket['ticketId']}?{public.query}"),
            http.get(f"/ticket/{ticket['ticketId']}?{public.query}"),
            http.get(f"/api/ticket/{ticket['ticketId']}", headers=operator),
            http.get(f"/ticket/{ticket['ticketId']}", headers=operator),
            http.get(f"/api/transcript/{chat.session_id}", headers=owner),
            http.get("/api/privacy/my-data", headers=owner),
            http.get("/api/logs", headers=operator),
        ):
            assert response.status_code == 200, (response.request.url, response.text)
            views.append(response.text)
        views += [unquote(ticket["whatsappUrl"]), unquote(again["whatsappUrl"]), json.dumps(chat.last)]
        views.append(read_stream(server))
    return {"server": server, "chat": chat, "replies": replies, "views": views, "ticket": ticket,
            "stage_before_ticket": stage_before_ticket}


def read_stream(server: LiveServer) -> str:
    """The live stream's replay of recent lines, up to the `/api/logs` request made just before."""
    lines: list[str] = []
    url = f"{server.url}/api/logs/stream?tail=1000"
    headers = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
    with httpx.Client(timeout=httpx.Timeout(10)) as http, http.stream("GET", url, headers=headers) as live:
        for line in live.iter_lines():
            lines.append(line)
            if line.startswith("data:") and '"/api/logs"' in line:
                break
    assert any("chat_turn" in line for line in lines)
    return "\n".join(lines)


# --- the checks -------------------------------------------------------------------------------------

def test_the_scanner_finds_each_value_in_any_form(personal: dict[str, str]) -> None:
    for kind, value in personal.items():
        assert leaks(f"x {value} y".encode(), personal), kind
        assert leaks(re.sub(r"\D", "", value).encode() if "@" not in value else value.upper().encode(), personal)
    assert not leaks(" ".join(TECHNICAL).encode(), personal)


def test_the_bot_says_once_that_it_hid_personal_data(run: dict[str, object]) -> None:
    replies = run["replies"]
    assert isinstance(replies, list)
    assert NOTICE in replies[0]["reply"]
    assert all(NOTICE not in r["reply"] for r in replies[1:])


def test_no_file_under_data_dir_holds_a_raw_value(run: dict[str, object], personal: dict[str, str]) -> None:
    server = run["server"]
    assert isinstance(server, LiveServer)
    files = dict(everything_under(server.data_dir))
    names = {p.name for p in files}
    # The database and its write-ahead log are read as bytes, whichever holds the rows right now.
    assert "sessions.sqlite3" in names and any(p.parent.name == "tickets" for p in files)
    assert any(p.parent.name == "transcripts" for p in files) and any(p.parent.name == "logs" for p in files)
    assert any(p.parent.name == "uploads" for p in files)
    found = {str(path.relative_to(server.data_dir)): leak for path, blob in files.items()
             if (leak := leaks(blob, personal))}
    assert not found


def test_no_view_and_no_log_output_shows_a_raw_value(run: dict[str, object], personal: dict[str, str]) -> None:
    server, views = run["server"], run["views"]
    assert isinstance(server, LiveServer) and isinstance(views, list)
    stdout = server.log_path.read_bytes()
    assert b"chat_turn" in stdout  # the JSON log lines did go to stdout
    found = [leak for blob in (stdout, *(v.encode() for v in views)) for leak in leaks(blob, personal)]
    assert not found


def test_the_masked_tokens_stand_where_the_data_was(run: dict[str, object]) -> None:
    server = run["server"]
    assert isinstance(server, LiveServer)
    transcript = "".join(p.read_text() for p in (server.data_dir / "transcripts").glob("*.jsonl"))
    for token in ("[EMAIL]", "[PHONE]", "[CARD]", "[CBU]", "[DNI]", "[CUIT]"):
        assert token in transcript, token


def test_the_technical_details_stay_readable_for_the_technician(run: dict[str, object]) -> None:
    server, views, ticket = run["server"], run["views"], run["ticket"]
    assert isinstance(server, LiveServer) and isinstance(views, list) and isinstance(ticket, dict)
    transcript = "".join(p.read_text() for p in (server.data_dir / "transcripts").glob("*.jsonl"))
    stored = json.loads((server.data_dir / "tickets" / f"{ticket['ticketId']}.json").read_text())
    operator_view = views[2]
    for fragment in TECHNICAL:
        assert fragment in transcript, fragment
        assert fragment in operator_view, fragment
    for fragment in ("0x80070005", "22H2", "15-dw1024la", "28/11/2026"):  # the problem's own message
        assert fragment in stored["description"], fragment


def test_the_name_is_kept_as_typed(run: dict[str, object]) -> None:
    chat, server, ticket = run["chat"], run["server"], run["ticket"]
    assert isinstance(chat, Chat) and isinstance(server, LiveServer) and isinstance(ticket, dict)
    assert chat.last["context"]["name"] == "Lucía"
    stored = json.loads((server.data_dir / "tickets" / f"{ticket['ticketId']}.json").read_text())
    assert stored["name"] == "Lucía"
