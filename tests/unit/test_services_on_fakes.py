"""The use cases on fake ports: chat, tickets, uploads and privacy, each as a customer would notice it."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

import pytest

from stichat.adapters.knowledge_files import load_knowledge
from stichat.domain.conversation import Stage
from stichat.domain.errors import (
    CsrfFailed,
    ImageNotFound,
    SessionNotFound,
    TicketNotFound,
    TooManyImages,
    UnsupportedImageType,
)
from stichat.domain.images import DONE, FAILED, MAX_IMAGES_PER_SESSION, QUEUED
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.tickets import Ticket
from stichat.services.chat import SESSION_ID, Turn, new_session_tokens
from tests.fakes import JPEG_MAGIC, OnFakes

T = TypeVar("T")
PHOTO = JPEG_MAGIC + b"a photo of a blue screen"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture
def app(kb: KnowledgeBase) -> OnFakes:
    return OnFakes(kb)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)


async def at_steps(app: OnFakes, problem: str = "mi notebook no prende") -> Turn:
    """A conversation that gave its name and its problem and now sees the basic steps."""
    greeting = await app.chat.greet(locale="es-AR")
    sid = greeting.conversation.session_id
    await app.chat.handle(session_id=sid, message=None, action="BTN_LANG_ES_AR")
    await app.chat.handle(session_id=sid, message="Ana", action=None)
    turn = await app.chat.handle(session_id=sid, message=problem, action=None)
    assert turn.conversation.stage == Stage.BASIC_TESTS
    return turn


async def with_ticket(app: OnFakes) -> Turn:
    sid = (await at_steps(app, "mi impresora no imprime")).conversation.session_id
    await app.chat.handle(session_id=sid, message=None, action="BTN_PERSIST")
    turn = await app.chat.handle(session_id=sid, message=None, action="BTN_CONNECT_TECH")
    assert turn.ticket is not None
    return turn


def stored(app: OnFakes, turn: Turn) -> Ticket:
    """The ticket a turn opened, as the fake store holds it."""
    assert turn.ticket is not None
    return app.ticket_store.tickets[turn.ticket.ticket_id]


# chat


def test_a_turn_is_saved_and_both_sides_are_transcribed_masked(app: OnFakes) -> None:
    async def scenario() -> None:
        sid = (await at_steps(app)).conversation.session_id
        await app.chat.handle(session_id=sid, message="escribime a ana.perez@example.com", action=None)
        saved = app.sessions.conversation(sid)
        assert saved.turns >= 4
        said = await app.chat.transcript(sid)
        assert [e.role for e in said[-2:]] == ["customer", "bot"]
        assert all("ana.perez@example.com" not in e.text for e in said)
        assert "mi notebook no prende" in [e.text for e in said]
    run(scenario())


def test_a_conversation_that_never_starts_keeps_no_transcript(app: OnFakes) -> None:
    sid = run(conversation(app))
    assert sid not in app.transcripts.entries
    assert run(app.chat.transcript(sid)) == []


def test_the_first_turn_writes_the_greeting_first_with_the_greetings_own_time(app: OnFakes) -> None:
    async def scenario() -> None:
        greeting = await app.chat.greet(locale="es-AR")
        sid = greeting.conversation.session_id
        app.clock.advance(90)
        await app.chat.handle(session_id=sid, message=None, action="BTN_LANG_ES_AR")
        await app.chat.handle(session_id=sid, message="Ana", action=None)
        said = await app.chat.transcript(sid)
        assert [(e.role, e.stage) for e in said] == [("bot", "ASK_CONSENT"), ("customer", "ASK_CONSENT"),
                                                     ("bot", "ASK_NAME"), ("customer", "ASK_NAME"),
                                                     ("bot", "ASK_PROBLEM")]
        assert said[0].text == greeting.reply.text
        assert said[0].at == greeting.conversation.created_at == said[1].at - 90
    run(scenario())


def test_a_reset_before_the_first_answer_still_transcribes_the_greeting(app: OnFakes) -> None:
    async def scenario() -> None:
        greeting = await app.chat.greet(locale="es-AR")
        sid = greeting.conversation.session_id
        await app.chat.reset(session_id=sid)
        said = await app.chat.transcript(sid)
        assert [e.role for e in said] == ["bot", "bot"]
        assert said[0].text == greeting.reply.text
    run(scenario())


def test_a_session_past_its_lifetime_is_not_found(app: OnFakes) -> None:
    async def scenario() -> None:
        sid = (await app.chat.greet(locale="en")).conversation.session_id
        app.clock.advance(25 * 3600)
        with pytest.raises(SessionNotFound):
            await app.chat.handle(session_id=sid, message="hello", action=None)
    run(scenario())


def test_a_browser_turn_without_the_csrf_token_is_refused_and_changes_nothing(app: OnFakes) -> None:
    async def scenario() -> None:
        greeting = await app.chat.greet(locale="es-AR")
        sid = greeting.conversation.session_id
        with pytest.raises(CsrfFailed):
            await app.chat.handle(session_id=sid, message=None, action="BTN_LANG_ES_AR", browser=True)
        assert app.sessions.conversation(sid).stage == Stage.ASK_CONSENT
        await app.chat.handle(session_id=sid, message=None, action="BTN_LANG_ES_AR", browser=True,
                              csrf=greeting.csrf_token)
        assert app.sessions.conversation(sid).stage != Stage.ASK_CONSENT
    run(scenario())


def test_starting_a_conversation_counts_it_for_the_console(app: OnFakes) -> None:
    run(app.chat.greet(locale="es-AR"))
    assert app.activity.counts["started"] == 1


# tickets


def test_a_ticket_opens_once_however_often_the_customer_asks(app: OnFakes) -> None:
    async def scenario() -> None:
        first = await with_ticket(app)
        sid = first.conversation.session_id
        again = await app.chat.open_ticket(session_id=sid)
        assert first.ticket is not None and again.ticket is not None
        assert again.ticket.ticket_id == first.ticket.ticket_id
        assert list(app.ticket_store.tickets) == [first.ticket.ticket_id]
        assert app.metrics.counts["tickets"] == 1
    run(scenario())


def test_the_ticket_carries_device_problem_and_a_whatsapp_link_with_its_id(app: OnFakes) -> None:
    async def scenario() -> None:
        turn = await with_ticket(app)
        ticket = stored(app, turn)
        assert ticket.device == "printer" and "imprim" in ticket.problem_label.lower()
        assert turn.ticket is not None and turn.ticket.whatsapp_url.startswith("https://wa.me/5493410000000")
        assert turn.ticket.ticket_id in turn.ticket.whatsapp_url
    run(scenario())


def test_a_ticket_link_opens_the_ticket_and_a_forged_token_does_not(app: OnFakes) -> None:
    async def scenario() -> None:
        links = (await with_ticket(app)).ticket
        assert links is not None
        token = links.public_url.split("?t=", 1)[1]
        assert (await app.tickets.by_link(links.ticket_id, token)).id == links.ticket_id
        with pytest.raises(TicketNotFound):
            await app.tickets.by_link(links.ticket_id, "forged")
    run(scenario())


def test_a_ticket_typed_in_by_an_operator_is_masked(app: OnFakes) -> None:
    ticket = run(app.tickets.create_from_fields(name="Ana", device="pc", problem="no_power",
                                                description="llamar al 341 555-1234", locale="es-AR"))
    assert "555-1234" not in app.ticket_store.tickets[ticket.id].description


# uploads


async def conversation(app: OnFakes) -> str:
    return (await app.chat.greet(locale="es-AR")).conversation.session_id


async def started(app: OnFakes) -> str:
    """A conversation the customer answered once: it has a transcript."""
    sid = await conversation(app)
    await app.chat.handle(session_id=sid, message=None, action="BTN_LANG_ES_AR")
    return sid


def test_a_photo_is_queued_attached_and_its_original_kept_for_the_job(app: OnFakes) -> None:
    async def scenario() -> None:
        sid = await conversation(app)
        record = await app.uploads.accept(session_id=sid, data=PHOTO)
        assert record.status == QUEUED
        assert app.queue.jobs == [record.image_id]
        assert app.sessions.conversation(sid).images == (record.image_id,)
        assert app.images.originals.data[record.image_id] == PHOTO
    run(scenario())


def test_the_job_makes_the_photo_done_and_lets_the_original_go(app: OnFakes) -> None:
    async def scenario() -> None:
        sid = await conversation(app)
        image_id = (await app.uploads.accept(session_id=sid, data=PHOTO)).image_id
        assert await app.jobs.run(image_id) == "done"
        assert (await app.uploads.record(image_id, session_id=sid)).status == DONE
        assert image_id not in app.images.originals.data
        assert await app.uploads.file(image_id, session_id=sid) is not None
    run(scenario())


def test_an_upload_past_the_cap_is_refused_and_not_kept(app: OnFakes) -> None:
    async def scenario() -> None:
        sid = await conversation(app)
        for _ in range(MAX_IMAGES_PER_SESSION):
            await app.uploads.accept(session_id=sid, data=PHOTO)
        with pytest.raises(TooManyImages) as refused:
            await app.uploads.accept(session_id=sid, data=PHOTO)
        assert refused.value.retry_after
        assert len(app.sessions.conversation(sid).images) == MAX_IMAGES_PER_SESSION
        assert len(app.images.originals.data) == MAX_IMAGES_PER_SESSION
    run(scenario())


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_kept(app: OnFakes) -> None:
    async def scenario() -> None:
        sid = await conversation(app)
        with pytest.raises(UnsupportedImageType):
            await app.uploads.accept(session_id=sid, data=b"%PDF-1.7 not a photo")
        assert app.images.originals.data == {} and app.images.records == {}
        assert app.sessions.conversation(sid).images == ()
    run(scenario())


def test_a_photo_the_queue_cannot_take_is_failed_and_does_not_count_against_the_cap(app: OnFakes) -> None:
    async def scenario() -> None:
        sid = await conversation(app)
        app.queue.down = True
        with pytest.raises(ConnectionError):
            await app.uploads.accept(session_id=sid, data=PHOTO)
        [record] = app.images.records.values()
        assert (record.status, record.error) == (FAILED, "queue_unavailable")
        assert app.images.originals.data == {}
        assert app.sessions.conversation(sid).images == ()
    run(scenario())


def test_after_a_restart_waiting_photos_are_queued_again_and_finished_ones_let_go(app: OnFakes) -> None:
    async def scenario() -> None:
        sid = await conversation(app)
        done, waiting = [(await app.uploads.accept(session_id=sid, data=PHOTO)).image_id for _ in range(2)]
        await app.jobs.run(done)
        await app.images.originals.put(done, PHOTO)  # a crash kept the finished job from letting it go
        app.queue.jobs.clear()
        assert await app.uploads.requeue_unfinished() == 1
        assert app.queue.jobs == [waiting] and list(app.images.originals.data) == [waiting]
    run(scenario())


def test_another_session_cannot_see_a_photo(app: OnFakes) -> None:
    async def scenario() -> None:
        image_id = (await app.uploads.accept(session_id=await conversation(app), data=PHOTO)).image_id
        with pytest.raises(ImageNotFound):
            await app.uploads.record(image_id, session_id=await conversation(app))
        assert (await app.uploads.record(image_id, session_id=None, operator=True)).image_id == image_id
    run(scenario())


# privacy


def test_an_erasure_removes_the_customers_session_transcript_and_photos_and_anonymises_the_ticket(
        app: OnFakes) -> None:
    async def scenario() -> None:
        turn = await with_ticket(app)
        sid = turn.conversation.session_id
        image_id = (await app.uploads.accept(session_id=sid, data=PHOTO)).image_id
        erasure = await app.privacy.erase(session_id=sid)
        assert (erasure.sessions, erasure.transcripts, erasure.images, erasure.tickets) == (1, 1, 1, 1)
        assert sid not in app.sessions.rows and sid not in app.transcripts.entries
        assert image_id not in app.images.records and image_id not in app.images.originals.data
        ticket = stored(app, turn)
        assert (ticket.name, ticket.session_id) == (None, "")
        assert ticket.device == "printer"  # the shop keeps what was repaired
    run(scenario())


def test_an_erasure_leaves_another_customer_untouched(app: OnFakes) -> None:
    async def scenario() -> None:
        mine, theirs = await started(app), await started(app)
        await app.privacy.erase(session_id=mine)
        assert theirs in app.sessions.rows and theirs in app.transcripts.entries
        assert mine not in app.sessions.rows
    run(scenario())


def test_a_browser_erasure_without_the_csrf_token_erases_nothing(app: OnFakes) -> None:
    async def scenario() -> None:
        sid = await started(app)
        with pytest.raises(CsrfFailed):
            await app.privacy.erase(session_id=sid, browser=True, csrf="wrong")
        assert sid in app.sessions.rows and sid in app.transcripts.entries
    run(scenario())


def test_an_operator_erasure_from_a_ticket_reaches_the_session_behind_it(app: OnFakes) -> None:
    async def scenario() -> None:
        turn = await with_ticket(app)
        ticket = stored(app, turn)
        erasure = await app.privacy.erase_by_operator(ticket)
        assert (erasure.sessions, erasure.tickets) == (1, 1)
        assert ticket.session_id not in app.sessions.rows
        assert app.ticket_store.tickets[ticket.id].name is None
    run(scenario())


def test_a_new_sessions_id_and_csrf_token_are_each_32_url_safe_characters_and_never_repeat() -> None:
    made = [new_session_tokens() for _ in range(200)]
    assert all(SESSION_ID.match(session_id) and SESSION_ID.match(csrf) for session_id, csrf in made)
    assert len({token for pair in made for token in pair}) == 400
