"""The exception tree of STI Chat: every error is named by what happened, never by how it is answered.

    StiChatError
    ├── ConfigError                a setting is missing or wrong; the process refuses to start
    ├── KnowledgeError             a knowledge-base file is malformed (names the file and entry)
    ├── LLMFailure                 a model call gave no usable answer (`reason` labels the failure metric)
    ├── BackupError                (stichat.ops.backup) a backup or restore that cannot go on
    ├── PrometheusError, ArchiveStoreError, MailError   (stichat.ops.ports) an operations dependency failed
    ├── Misuse                     a caller broke a precondition: a bug in our code, never the client's
    │   ├── MissingTicketId            a ticket event reached apply() without Context.new_ticket_id
    │   └── InvalidTicketSuffix        a ticket id suffix that is not six characters of ID_ALPHABET
    └── ChatError                  a request cannot be served; the client is told why
        ├── InvalidInput               the request's content cannot be used
        │   ├── InvalidSessionId           a session id the server did not make
        │   ├── MissingInput               neither a message nor a button
        │   ├── MessageTooLong
        │   ├── MissingImage               no photo in the upload
        │   ├── ImageTooLarge              a photo over MAX_UPLOAD_MB
        │   ├── UnknownButton              a button value no stage knows
        │   ├── EmptyNote, NoteTooLong     an operator's note
        │   ├── InvalidStatus              not one of the four ticket statuses
        │   └── InvalidOperatorName, WeakPassword, OperatorExists
        ├── ImageRejected              a photo that can never be used (its `reason` goes on the record)
        │   ├── UnsupportedImageType       not a JPEG, PNG or WebP
        │   ├── ImageTooManyPixels         a pixel bomb, or just too big
        │   └── InvalidImage               damaged or incomplete
        ├── NotSignedIn                no operator credential, or a wrong one
        │   ├── OperatorTokenRequired      LOG_TOKEN missing or wrong
        │   ├── SignInFailed               wrong operator name or password
        │   └── ConsoleSignedOut           no console session, or an expired one
        ├── CsrfFailed                 a browser request without the session's CSRF token
        ├── NotFound                   nothing by that id (for you)
        │   ├── SessionNotFound, TicketNotFound, ImageNotFound
        ├── LinkExpired                a genuine ticket link past its lifetime
        ├── TicketChanged              another operator changed the ticket first
        ├── LimitReached               too much, too fast; `retry_after` says when to try again
        │   ├── RateLimitExceeded          a per-endpoint limit
        │   ├── TooManyImages              the photos one conversation may send
        │   └── TooManySignIns             failed console sign-ins
        └── OutOfService               the service cannot do it right now; `retry_after` may say when
            ├── SessionBusy                another request holds the session's lock
            ├── DependencyUnavailable      a shared store (Redis) did not answer in time
            ├── TicketIdsExhausted         no free ticket id today (only a broken store gets here)
            └── TicketNotOpened            a ticket request ended without a ticket

How a client sees each one (HTTP status and `error` code) is decided at the edge, in one table:
`stichat.web.errors.ANSWERS`. `reason` is the domain's own name for what happened (the class name in
snake_case), for logs, the command line and image records; the wire code is pinned in that table so
that renaming a class can never change the API.
"""

from __future__ import annotations

import re

_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


class StiChatError(Exception):
    """Root of every error this project raises on purpose."""


class ConfigError(StiChatError):
    """A setting is missing or invalid; the message is one line that names it."""


class KnowledgeError(StiChatError):
    """A knowledge-base file is malformed; the message names the file and the entry."""


class LLMFailure(StiChatError):
    """An LLM call that gave no usable answer; `reason` is a label of `stichat_openai_failures_total`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class Misuse(StiChatError):
    """A function was called against its contract: a bug in our code, answered like any crash."""


class MissingTicketId(Misuse):
    """A technician or WhatsApp event needs Context.new_ticket_id (see `needs_new_ticket`)."""


class InvalidTicketSuffix(Misuse):
    """A ticket id's suffix must be six characters of ID_ALPHABET."""


class ChatError(StiChatError):
    """A request that cannot be served. `detail` says why in English, for logs and the command line;
    `retry_after` is how many seconds until trying again may work, when that is known."""

    def __init__(self, detail: str = "", *, retry_after: int | None = None) -> None:
        super().__init__(detail or self.reason)
        self.detail = detail
        self.retry_after = retry_after

    @property
    def reason(self) -> str:
        """What happened, in snake_case: `UnknownButton` is `unknown_button`."""
        return _WORD_START.sub("_", type(self).__name__).lower()


class InvalidInput(ChatError):
    """The request's content cannot be used (a field, its type or its size)."""


class InvalidSessionId(InvalidInput):
    pass


class MissingInput(InvalidInput):
    pass


class MessageTooLong(InvalidInput):
    pass


class MissingImage(InvalidInput):
    pass


class ImageTooLarge(InvalidInput):
    pass


class UnknownButton(InvalidInput):
    pass


class EmptyNote(InvalidInput):
    pass


class NoteTooLong(InvalidInput):
    pass


class InvalidStatus(InvalidInput):
    pass


class InvalidOperatorName(InvalidInput):
    pass


class WeakPassword(InvalidInput):
    pass


class OperatorExists(InvalidInput):
    pass


class ImageRejected(ChatError):
    """A photo that can never be used: the same bytes will fail again, so the job is not retried."""


class UnsupportedImageType(ImageRejected):
    pass


class ImageTooManyPixels(ImageRejected):
    pass


class InvalidImage(ImageRejected):
    pass


class NotSignedIn(ChatError):
    """No operator credential, or a wrong one."""


class OperatorTokenRequired(NotSignedIn):
    pass


class SignInFailed(NotSignedIn):
    pass


class ConsoleSignedOut(NotSignedIn):
    pass


class CsrfFailed(ChatError):
    pass


class NotFound(ChatError):
    """Nothing by that id, or nothing the caller may see (another session's image does not exist)."""


class SessionNotFound(NotFound):
    pass


class TicketNotFound(NotFound):
    pass


class ImageNotFound(NotFound):
    pass


class LinkExpired(ChatError):
    pass


class TicketChanged(ChatError):
    """The ticket changed since the operator loaded it (another operator got there first)."""


class LimitReached(ChatError):
    """Too much, too fast: `retry_after` seconds until the next try may pass."""


class RateLimitExceeded(LimitReached):
    pass


class TooManyImages(LimitReached):
    pass


class TooManySignIns(LimitReached):
    pass


class OutOfService(ChatError):
    """The service cannot do this right now (a dependency or a capacity limit), through no fault of the
    request."""


class SessionBusy(OutOfService):
    pass


class DependencyUnavailable(OutOfService):
    """A shared store (Redis) refused or timed out: the request fails fast rather than hang."""


class TicketIdsExhausted(OutOfService):
    pass


class TicketNotOpened(OutOfService):
    pass
