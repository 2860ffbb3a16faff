"""What every API operation answers, as models for OpenAPI (docs only: routes build the bodies in views.py).

Routes return pre-built JSON (`views.Json`), so FastAPI never validates or re-serialises a body on
the way out (a chat turn pays nothing for its schema); tests/integration/test_openapi.py checks real
bodies against these models, so the two cannot drift. `extra="forbid"` makes the schema say that no
other field appears.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from stichat.domain.conversation import Stage
from stichat.domain.errors import ChatError
from stichat.web.errors import ANSWERS
from stichat.web.schemas import ERROR_JSON


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ButtonOut(Out):
    value: str = Field(description="what to send back as `action` (BTN_…)")
    label: str = Field(description="what the button says, in the session's language")


class ContextOut(Out):
    locale: str = Field(description='"es-AR" or "en"')
    name: str | None
    device: str | None = Field(description="a device key of TAXONOMY.md, null while unknown")
    problem: str | None = Field(description="a problem key of TAXONOMY.md, null while unknown")


class StepOut(Out):
    n: int = Field(description="1-based; BTN_HELP_<n> explains it")
    text: str


class TicketLinksOut(Out):
    ticketId: str = Field(description="TCK-YYYYMMDD-XXXXXX")
    whatsappUrl: str = Field(description="wa.me link whose prefilled text carries the ticket")
    publicUrl: str = Field(description="the customer's link to the ticket, with its token")


class ReplyOut(Out):
    """The one reply shape of a chat turn (greeting, chat, reset)."""

    ok: Literal[True]
    sessionId: str
    stage: Stage
    reply: str = Field(description="may contain **bold** and numbered lines")
    buttons: list[ButtonOut]
    context: ContextOut
    csrfToken: str = Field(default="", description="greeting only: send it as X-CSRF-Token from a browser")
    steps: list[StepOut] = Field(default=[], description="only while steps are shown")
    ticket: TicketLinksOut | None = Field(default=None, description="once the conversation has a ticket")


class ValidationOut(Out):
    valid: bool
    stage: Stage | None = Field(default=None, description="when valid")
    locale: str | None = Field(default=None, description="when valid")
    expiresAt: str | None = Field(default=None, description="when valid: ISO 8601 UTC")
    csrfToken: str | None = Field(default=None, description="when valid")


class TicketOut(Out):
    """A ticket as its customer's link shows it."""

    ticketId: str
    status: str = Field(description="open (new), in_progress, waiting_customer or closed")
    createdAt: str = Field(description="ISO 8601 UTC")
    device: str | None
    problem: str | None
    deviceLabel: str
    problemLabel: str
    description: str
    stepsTried: list[str]


class OperatorTicketOut(TicketOut):
    """Everything a ticket holds, for the operator token."""

    name: str | None
    sessionId: str | None = Field(description="null once the customer's data was erased")
    locale: str
    images: list[str]
    linkExpiresAt: str = Field(description="ISO 8601 UTC")
    extra: dict[str, Any]
    summary: str
    questions: list[str]
    reason: str
    transcript: list[str] = Field(description="the conversation that led to the ticket, masked")


class TicketViewOut(Out):
    ok: Literal[True]
    ticket: OperatorTicketOut | TicketOut


class TicketOpenedOut(TicketLinksOut):
    ok: Literal[True]
    ticket: TicketOut
    stage: Stage


class TicketListOut(Out):
    ok: Literal[True]
    tickets: list[str] = Field(description="ticket ids")


class UploadOut(Out):
    ok: Literal[True]
    imageId: str
    status: str = Field(description="queued, or done when processed at once")
    statusUrl: str


class ImageOut(Out):
    ok: Literal[True]
    imageId: str
    status: str = Field(description="queued, processing, done or failed")
    width: int
    height: int
    analysis: dict[str, Any] | None = Field(default=None, description="what the vision model read, when it did")
    error: str | None = Field(default=None, description="why, when failed")


class SmartStatusOut(Out):
    enabled: bool | None = Field(description="the runtime switch; null when it cannot be read")
    configured: bool = Field(description="SMART_MODE and an OpenAI key or base URL at start")
    active: bool
    circuitState: str = Field(description="closed, half_open or open")


class SmartModeOut(SmartStatusOut):
    ok: Literal[True]


class HealthOut(Out):
    ok: bool
    status: str = Field(description="healthy or unhealthy")
    version: str
    uptimeSeconds: float
    checks: dict[str, str] = Field(description='each dependency: "ok" or a short reason')
    smartMode: bool
    smart: SmartStatusOut | None


class AliveOut(Out):
    ok: bool
    status: str


class ReadyOut(AliveOut):
    checks: dict[str, str]


class OpenAIFigures(Out):
    requests: float
    failures: float
    circuitState: str
    smartMode: bool


class UploadFigures(Out):
    total: float
    avgAnalysisTime: float = Field(description="seconds")
    queueLength: float


class ChatFigures(Out):
    totalMessages: float
    tickets: float


class StreamFigures(Out):
    clients: float
    maxClients: int


class MetricsOut(Out):
    ok: Literal[True]
    openai: OpenAIFigures
    uploads: UploadFigures
    chat: ChatFigures
    sse: StreamFigures
    uptimeSeconds: float


class TranscriptEntryOut(Out):
    at: float
    role: str = Field(description="customer or bot")
    stage: str
    text: str
    button: str | None


class MyDataOut(Out):
    ok: Literal[True]
    sessionId: str
    conversation: dict[str, Any] = Field(description="the conversation state as stored (masked text only)")
    transcript: list[TranscriptEntryOut]
    tickets: list[TicketOut]
    images: list[str]


class ErasureOut(Out):
    sessions: int
    transcripts: int
    images: int
    ticketsAnonymised: int


class ErasedOut(Out):
    ok: Literal[True]
    erased: ErasureOut


#: Refusals FastAPI answers before a route runs, for a body or a query that breaks its schema.
BAD_BODY = {400: ["invalid_json"], 422: ["invalid_request"]}
BAD_QUERY = {422: ["invalid_request"]}


def failures(*kinds: type[ChatError], edge: dict[int, list[str]] | None = None) -> dict[int | str, dict[str, Any]]:
    """OpenAPI responses for the errors a route may answer, one per status, naming its codes (from the
    one table, so the document and the answers agree)."""
    codes: dict[int, set[str]] = {status: set(names) for status, names in (edge or {}).items()}
    for kind in kinds:
        status, code = ANSWERS[kind]
        codes.setdefault(status, set()).add(code)
    if 503 in codes:
        codes[503].add("storage_unavailable")
    return {status: {"description": ", ".join(sorted(names)), "content": ERROR_JSON}
            for status, names in sorted(codes.items())}
