"""`bootstrap.build` with fakes in place of ports: the whole app wired once, on the stores a test gives it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from stichat import bootstrap
from stichat.config import Settings
from stichat.web.app import create_app
from tests.conftest import base_env
from tests.fakes import (
    FakeClock,
    FakeImageStore,
    FakeSessionLocks,
    FakeSessionStore,
    FakeTicketStore,
    FakeTranscriptStore,
)
from tests.helpers import Chat
from tests.integration.test_privacy import MY_DATA, customer_with_ticket_and_photo, owner


class ScriptedLLM:
    """An LLM port that reads every message as a request for a person, and counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    async def complete_json(self, *, system: str, user: str, schema: type[Any], image: bytes | None = None) -> Any:
        self.calls += 1
        return schema.model_validate({"intent": None, "device": None, "problem": None, "sentiment": "neutral",
                                      "needs_human": False, "explanation": "", "steps": []})


def test_every_service_shares_the_stores_build_was_given(tmp_path: Path) -> None:
    sessions, transcripts = FakeSessionStore(), FakeTranscriptStore()
    tickets, images = FakeTicketStore(), FakeImageStore()
    settings = Settings.from_env(base_env(tmp_path / "data"))
    services = bootstrap.build(settings, overrides=bootstrap.Overrides(
        clock=FakeClock(time.time()), sessions=sessions, locks=FakeSessionLocks(), transcripts=transcripts,
        tickets=tickets, images=images))
    with TestClient(create_app(settings, services=services)) as client:
        chat, ticket_id, image_id = customer_with_ticket_and_photo(client)
        assert chat.session_id in sessions.rows and ticket_id in tickets.tickets
        assert images.records[image_id].status == "done"  # the embedded job wrote to the same store
        # The privacy service erases from the very stores the chat and the uploads wrote to.
        assert client.delete(MY_DATA, headers=owner(chat)).status_code == 200
    assert chat.session_id not in sessions.rows and chat.session_id not in transcripts.entries
    assert images.records == {} and tickets.tickets[ticket_id].session_id == ""
    assert not any((tmp_path / "data" / "transcripts").iterdir())


def test_an_llm_given_to_build_turns_smart_mode_on_behind_its_guard(tmp_path: Path) -> None:
    llm = ScriptedLLM()
    settings = Settings.from_env(base_env(tmp_path / "data"))
    services = bootstrap.build(settings, overrides=bootstrap.Overrides(llm=llm))
    assert services.smart is not None and services.smart.configured
    with TestClient(create_app(settings, services=services)) as client:
        chat = Chat(client)
        chat.press("BTN_LANG_ES_AR")
        chat.say("Ana")
        chat.say("tengo un problema con una cosa")
    assert llm.calls >= 1
    assert services.metrics.openai_requests._value.get() == llm.calls  # counted by the guard
