"""The exception tree of STI Chat.

    StiChatError
    ├── ConfigError            a setting is missing or wrong; the process refuses to start
    ├── KnowledgeError         a knowledge-base file is malformed (names the file and entry)
    └── ChatError              a request cannot be served; `code` and `status` map it to HTTP
        ├── BadRequest             400 malformed input (fields, types, sizes)
        ├── Unauthorized           401 operator token missing or wrong
        ├── Forbidden              403 origin or CSRF check failed
        ├── NotFound               404 unknown session, ticket, image (or a bad link token)
        ├── Gone                   410 an expired link
        ├── PayloadTooLarge        413 body over its cap
        ├── UnsupportedMedia       415 not a JPEG, PNG or WebP
        ├── Unprocessable          422 well-formed but unusable (unknown button, corrupt image)
        ├── RateLimited            429 with `retry_after` seconds
        └── Unavailable            503 a dependency (storage, Redis) or a capacity limit
            └── DependencyUnavailable  503 a shared store (Redis) did not answer in time
"""

from __future__ import annotations


class StiChatError(Exception):
    """Root of every error this project raises on purpose."""


class ConfigError(StiChatError):
    """A setting is missing or invalid; the message is one line that names it."""


class KnowledgeError(StiChatError):
    """A knowledge-base file is malformed; the message names the file and the entry."""


class ChatError(StiChatError):
    """An error a client sees as JSON: `{"ok": false, "error": code, "message": ...}`."""

    status = 400
    code = "bad_request"

    def __init__(self, code: str | None = None, *, detail: str = "", retry_after: int | None = None) -> None:
        super().__init__(detail or code or self.code)
        if code:
            self.code = code
        self.detail = detail
        self.retry_after = retry_after


class BadRequest(ChatError):
    status, code = 400, "bad_request"


class Unauthorized(ChatError):
    status, code = 401, "unauthorized"


class Forbidden(ChatError):
    status, code = 403, "forbidden"


class NotFound(ChatError):
    status, code = 404, "not_found"


class Gone(ChatError):
    status, code = 410, "gone"


class PayloadTooLarge(ChatError):
    status, code = 413, "payload_too_large"


class UnsupportedMedia(ChatError):
    status, code = 415, "unsupported_media_type"


class Unprocessable(ChatError):
    status, code = 422, "unprocessable"


class RateLimited(ChatError):
    status, code = 429, "rate_limited"


class Unavailable(ChatError):
    status, code = 503, "unavailable"


class DependencyUnavailable(Unavailable):
    """A shared store (Redis) refused or timed out: the request fails fast rather than hang."""

    status, code = 503, "dependency_unavailable"
