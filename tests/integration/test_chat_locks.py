"""A session's lock and its photo count, at the service level with the real embedded adapters."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from stichat import bootstrap
from stichat.config import Settings
from tests.conftest import base_env
from tests.helpers import jpeg_bytes


def test_validating_a_session_waits_for_a_turn_that_holds_its_lock(tmp_path: Path) -> None:
    async def scenario() -> tuple[bool, bool]:
        services = bootstrap.build(Settings.from_env(base_env(tmp_path / "data")))
        sid = (await services.chat.greet(locale="es-AR")).conversation.session_id
        async with services.chat.locked(sid):  # a turn in progress
            validating = asyncio.create_task(services.chat.validate(sid))
            for _ in range(20):
                await asyncio.sleep(0)  # let the validation run as far as it can
            waited = not validating.done()
        turn = await validating
        return waited, turn is not None

    waited, valid = asyncio.run(scenario())
    assert waited, "validate saved the conversation while a turn held the session's lock"
    assert valid


class _DownQueue:
    async def enqueue(self, image_id: str) -> None:
        raise ConnectionError("queue down")


def test_a_photo_that_could_not_be_queued_does_not_count_against_the_sessions_ten(tmp_path: Path) -> None:
    async def scenario() -> tuple[int, int]:
        services = bootstrap.build(Settings.from_env(base_env(tmp_path / "data")))
        sid = (await services.chat.greet(locale="es-AR")).conversation.session_id
        services.uploads._queue = _DownQueue()  # type: ignore[assignment]  # Redis is down
        with pytest.raises(ConnectionError):
            await services.uploads.accept(session_id=sid, data=jpeg_bytes())
        conversation, _ = await services.chat.load(sid)
        originals = list((services.settings.uploads_dir).rglob("*.jpg"))
        return len(conversation.images), len(originals)

    images, originals = asyncio.run(scenario())
    assert images == 0 and originals == 0
