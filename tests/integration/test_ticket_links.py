"""Ticket links: signed, expiring, showing the customer only what they need; operators see everything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient

from stichat import bootstrap
from stichat.config import Settings
from stichat.web.app import create_app
from tests.conftest import OPERATOR_TOKEN, base_env
from tests.helpers import Chat

DAY = 86400.0
OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
PUBLIC_FIELDS = {"ticketId", "status", "createdAt", "device", "problem", "deviceLabel", "problemLabel",
                 "description", "stepsTried"}


class FakeClock:
    def __init__(self, now: float = 1_790_000_000.0) -> None:
        self.at = now

    def now(self) -> float:
        return self.at


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def client(tmp_path: Path, clock: FakeClock) -> Iterator[TestClient]:
    settings = Settings.from_env(base_env(tmp_path / "data", TICKET_LINK_TTL_DAYS="3"))
    app = create_app(settings, services=bootstrap.build(settings, clock=clock))
    with TestClient(app, raise_server_exceptions=False) as http:
        yield http


def open_ticket(http: TestClient, problem: str = "mi notebook no prende") -> tuple[Chat, dict[str, Any]]:
    chat = Chat(http)
    chat.press("BTN_LANG_ES_AR")
    chat.say("Lucía")
    chat.say(problem)
    ticket = chat.press("BTN_CONNECT_TECH")["ticket"]
    return chat, ticket


def token_of(ticket: dict[str, Any]) -> str:
    return parse_qs(urlparse(ticket["publicUrl"]).query)["t"][0]


def both_views(http: TestClient, ticket_id: str, query: str = "", **headers: str) -> list[int]:
    return [http.get(f"{path}/{ticket_id}{query}", headers=headers).status_code for path in ("/api/ticket", "/ticket")]


def test_a_link_without_its_token_with_a_wrong_one_or_another_tickets_is_not_found(client: TestClient) -> None:
    _, one = open_ticket(client)
    _, two = open_ticket(client, "la impresora no imprime")
    assert both_views(client, one["ticketId"]) == [404, 404]
    assert both_views(client, one["ticketId"], "?t=") == [404, 404]
    assert both_views(client, one["ticketId"], "?t=9999999999.AAAAAAAAAAAAAAAAAAAAAAAA") == [404, 404]
    assert both_views(client, one["ticketId"], f"?t={token_of(two)}") == [404, 404]
    assert both_views(client, "TCK-20300101-ABCDEF", f"?t={token_of(one)}") == [404, 404]
    assert client.get(f"/api/ticket/{one['ticketId']}?t={token_of(two)}").json()["error"] == "ticket_not_found"


def test_a_link_answers_until_ticket_link_ttl_days_then_410(client: TestClient, clock: FakeClock) -> None:
    _, ticket = open_ticket(client)
    query = f"?t={token_of(ticket)}"
    assert both_views(client, ticket["ticketId"], query) == [200, 200]
    clock.at += 3 * DAY - 60
    assert both_views(client, ticket["ticketId"], query) == [200, 200]
    clock.at += 120
    assert both_views(client, ticket["ticketId"], query) == [410, 410]
    gone = client.get(f"/api/ticket/{ticket['ticketId']}{query}").json()
    assert gone["ok"] is False and gone["error"] == "link_expired"
    # An expired link is still a genuine one only for its own ticket: a forged one stays 404.
    assert both_views(client, ticket["ticketId"], "?t=1.AAAAAAAAAAAAAAAAAAAAAAAA") == [404, 404]
    assert both_views(client, ticket["ticketId"], **OPERATOR) == [200, 200]  # operators are not bound by it


def test_the_public_view_shows_what_the_customer_needs_and_no_more(client: TestClient) -> None:
    chat, ticket = open_ticket(client)
    query = f"?t={token_of(ticket)}"
    view = client.get(f"/api/ticket/{ticket['ticketId']}{query}").json()["ticket"]
    assert set(view) == PUBLIC_FIELDS
    assert view["ticketId"] == ticket["ticketId"] and view["status"] == "open"
    assert view["device"] == "notebook" and view["problem"] == "no_power"
    assert "no prende" in view["description"]
    page = client.get(f"/ticket/{ticket['ticketId']}{query}").text
    assert ticket["ticketId"] in page and "no prende" in page
    for private in ("Lucía", chat.session_id, "Tecnos"):
        assert private not in page and private not in str(view)


def test_the_operator_sees_the_whole_ticket_with_its_transcript(client: TestClient) -> None:
    chat, ticket = open_ticket(client)
    answer = client.get(f"/api/ticket/{ticket['ticketId']}", headers=OPERATOR)
    assert answer.status_code == 200
    view = answer.json()["ticket"]
    assert set(view) >= PUBLIC_FIELDS
    assert view["name"] == "Lucía" and view["sessionId"] == chat.session_id and view["locale"] == "es-AR"
    assert any("Cliente" in line and "mi notebook no prende" in line for line in view["transcript"])
    assert any("Tecnos" in line for line in view["transcript"])
    page = client.get(f"/ticket/{ticket['ticketId']}?token={OPERATOR_TOKEN}").text
    assert "Lucía" in page and chat.session_id in page and "mi notebook no prende" in page


def test_a_wrong_operator_token_gets_the_public_rules(client: TestClient) -> None:
    _, ticket = open_ticket(client)
    assert both_views(client, ticket["ticketId"], Authorization="Bearer not-the-token") == [404, 404]
