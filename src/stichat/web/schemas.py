"""Request and response shapes of the HTTP API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from stichat.domain.conversation import Conversation
from stichat.services.chat import Turn


class GreetingIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    locale: str | None = None


class SessionIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    sessionId: str


class ChatIn(BaseModel):
    """A turn: `message` (or the v7 widget's `text`), or a button in `action` (or v7's
    `{"action": "button", "value": "BTN_…"}`). Unknown fields such as `images: []` are ignored."""

    model_config = ConfigDict(extra="ignore")
    sessionId: str
    message: str | None = None
    text: str | None = None
    action: str | None = None
    value: str | None = None

    def typed(self) -> str | None:
        return self.message if self.message is not None else self.text

    def button(self) -> str | None:
        if self.action == "button":
            return self.value
        if self.action == "text":
            return None
        return self.action


def context(c: Conversation) -> dict[str, Any]:
    return {"locale": c.locale, "name": c.name, "device": c.device, "problem": c.problem}


def reply_body(turn: Turn, *, with_csrf: bool = False) -> dict[str, Any]:
    """The one reply shape of CONTRACT.md."""
    c, reply = turn.conversation, turn.reply
    body: dict[str, Any] = {
        "ok": True,
        "sessionId": c.session_id,
        "stage": c.stage.value,
        "reply": reply.text,
        "buttons": [b.to_json() for b in reply.buttons],
        "context": context(c),
    }
    if with_csrf:
        body["csrfToken"] = turn.csrf_token
    if reply.steps is not None:
        body["steps"] = [{"n": n, "text": text} for n, text in reply.steps]
    if turn.ticket is not None:
        body["ticket"] = turn.ticket.to_json()
    return body
