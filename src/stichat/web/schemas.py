"""Request shapes of the HTTP API and the one error shape (answers are documented in responses.py)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(value: str) -> str:
    """JSON may carry a lone UTF-16 half ("\\ud800") that no UTF-8 file, log or database can hold:
    it becomes U+FFFD here, at the edge, like any other undecodable character."""
    return _LONE_SURROGATE.sub("\ufffd", value)


#: Every string a client sends in a JSON body.
Text = Annotated[str, AfterValidator(_no_lone_surrogates)]
SessionId = Annotated[str, Field(description="the id from /api/greeting (server-made, 32 url-safe characters)",
                                 examples=["N2Vh3m1vQ0xk9cW8r7t6y5u4i3o2p1aB"]), AfterValidator(_no_lone_surrogates)]


class ErrorOut(BaseModel):
    """Every JSON error: `{"ok": false, "error": "<snake_case_code>", "message": "<in the session's language>"}`."""

    ok: bool = Field(description="always false")
    error: str = Field(description="snake_case code, listed in docs/api.md")
    message: str = Field(description="a sentence for the customer, in the session's language")


#: What every route may answer besides its success (docs/api.md lists the codes); 5xx other than 503
#: is never documented: the schema fuzz in `make test` fails on any.
#: Spelled as JSON content (not `model`) so that routes answering text or HTML still document JSON errors.
ERROR_JSON = {"application/json": {"schema": ErrorOut.model_json_schema()}}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {"description": "bad input, auth, not found, gone, too large, rate limited", "content": ERROR_JSON},
    503: {"description": "storage or a shared store unavailable, or a capacity limit", "content": ERROR_JSON},
}


class GreetingIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    locale: Text | None = Field(default=None, description='"es-AR" or "en"; anything else falls back to '
                                                          "Accept-Language")


class SessionIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    sessionId: SessionId


class ChatIn(BaseModel):
    """A turn: `message` (or the v7 widget's `text`), or a button in `action` (or v7's
    `{"action": "button", "value": "BTN_…"}`). Unknown fields such as `images: []` are ignored."""

    model_config = ConfigDict(extra="ignore")
    sessionId: SessionId
    message: Text | None = Field(default=None, description="what the customer typed")
    text: Text | None = Field(default=None, description="the v7 widget's name for `message`")
    action: Text | None = Field(default=None, description='a button value (BTN_…), or "button" with `value`')
    value: Text | None = Field(default=None, description='the button value when `action` is "button"')

    def typed(self) -> str | None:
        return self.message if self.message is not None else self.text

    def button(self) -> str | None:
        if self.action == "button":
            return self.value
        if self.action == "text":
            return None
        return self.action
