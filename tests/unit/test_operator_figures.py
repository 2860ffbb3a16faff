"""What operators read of smart mode and of the last 24 hours: the services hand back plain records,
the edge writes them as `/api/smart-mode` JSON and as the console's overview."""

from __future__ import annotations

import asyncio

import pytest

from stichat.adapters.knowledge_files import load_knowledge
from stichat.domain.desk import ConsoleSession
from stichat.domain.knowledge import KnowledgeBase
from stichat.services.breaker import BreakerPolicy, CircuitBreaker, CircuitState
from stichat.services.desk import DeskFigures, DeskService
from stichat.services.smart import SmartMode, SmartStatus
from stichat.web import views
from stichat.web.console_pages import overview
from tests.fakes import T0, OnFakes

SESSION = ConsoleSession("hash", "ana", "csrf-token", T0, T0)
NO_TICKETS = DeskFigures(conversations=0, tickets_by_status={}, solved=0, solved_rate=None, funnel=())


class UnreadableSwitch:
    async def enabled(self) -> bool:
        raise OSError("the volume is gone")

    async def set(self, enabled: bool) -> None:
        raise OSError("the volume is gone")


class CountingSwitch:
    def __init__(self) -> None:
        self.on = True

    async def enabled(self) -> bool:
        return self.on

    async def set(self, enabled: bool) -> None:
        self.on = enabled


class TicketsByStatus:
    """The one desk query the figures make: tickets opened since a time, by status."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.since: list[float] = []

    async def count_since(self, since: float) -> dict[str, int]:
        self.since.append(since)
        return dict(self.counts)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def test_a_switch_that_cannot_be_read_is_reported_as_unknown_and_no_call_is_allowed() -> None:
    status = asyncio.run(SmartMode(switch=UnreadableSwitch(), configured=True).status())
    assert status == SmartStatus(enabled=None, configured=True, circuit_state=CircuitState.CLOSED)
    assert views.smart_mode(status) == {"ok": True, "enabled": None, "configured": True, "active": False,
                                        "circuitState": "closed"}


def test_calls_are_allowed_only_when_switched_on_and_configured_at_start() -> None:
    switch = CountingSwitch()
    assert asyncio.run(SmartMode(switch=switch, configured=True).status()).active
    assert not asyncio.run(SmartMode(switch=switch, configured=False).status()).active
    assert not asyncio.run(SmartMode(switch=switch, configured=True).set(False)).active
    assert switch.on is False


def test_a_tripped_breaker_shows_as_open_in_the_status_and_in_the_health_body() -> None:
    breaker = CircuitBreaker(BreakerPolicy(min_calls=1), clock=lambda: 100.0)
    breaker.failure()
    status = asyncio.run(SmartMode(switch=CountingSwitch(), configured=True, breaker=breaker).status())
    assert views.smart_status(status) == {"enabled": True, "configured": True, "active": True, "circuitState": "open"}


def test_the_figures_cover_the_last_day_and_rate_only_the_conversations_that_ended(kb: KnowledgeBase) -> None:
    app = OnFakes(kb)
    desk = TicketsByStatus({"new": 2, "closed": 1})
    service = DeskService(desk=desk, store=app.ticket_store, tickets=app.tickets,
                          transcripts=app.transcripts, privacy=app.privacy, activity=app.activity, clock=app.clock)
    for name in ("started", "started", "started", "started", "stage:BASIC_TESTS",
                 "outcome:solved", "outcome:solved", "outcome:ticket"):
        app.activity.count(name, T0)
    figures = asyncio.run(service.figures())
    assert desk.since == [T0 - 86400]
    assert (figures.conversations, figures.tickets, figures.solved, figures.solved_rate) == (4, 3, 2, 0.667)
    assert figures.funnel[0] == ("ASK_CONSENT", 0) and ("BASIC_TESTS", 1) in figures.funnel
    app.activity.counts.clear()
    assert asyncio.run(service.figures()).solved_rate is None


def test_the_overview_shows_the_solved_rate_as_a_percentage_and_the_breaker_in_words() -> None:
    figures = DeskFigures(conversations=3, tickets_by_status={"new": 1}, solved=2, solved_rate=0.667,
                          funnel=(("ASK_CONSENT", 3), ("TICKET", 1)))
    smart = SmartStatus(enabled=False, configured=True, circuit_state=CircuitState.OPEN)
    page = overview("en", SESSION, figures, smart, [])
    assert "<dd>67 %</dd>" in page and "cut off after failures" in page
    assert "Privacy notice" in page and "Ticket opened" in page
    assert '<input type="hidden" name="enabled" value="true"><button type="submit">Turn on</button>' in page


def test_an_overview_without_smart_mode_says_it_is_not_configured_and_the_model_working() -> None:
    page = overview("es-AR", SESSION, NO_TICKETS, None, [])
    assert "No configurado (sin clave o servidor del modelo)" in page and "<dd>funcionando</dd>" in page
    assert "<dd>—</dd>" in page and 'action="/console/smart-mode"' not in page
