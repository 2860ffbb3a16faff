"""The ports the operations own: a metrics query API, a store of backup archives, a mailer, and the
errors they raise. Adapters implement them; `stichat.bootstrap_ops` builds them for the commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from stichat.domain.errors import StiChatError

#: One series of an instant query: its labels and its value (NaN for no value).
Sample = tuple[dict[str, str], float]


class PrometheusError(StiChatError):
    """Prometheus did not answer a query; the message says which and why."""


class ArchiveStoreError(StiChatError):
    """The archive store refused a request or could not be reached; the message is the store's."""


class MailError(StiChatError):
    """A mail that could not be sent; the message says why in one line."""


class MetricsQuery(Protocol):
    """Instant queries of a Prometheus-compatible HTTP API."""

    @property
    def where(self) -> str:
        """The server asked (its base URL), as reports name it."""
        ...

    def query(self, expr: str) -> list[Sample]:
        """Each series of the result; raises PrometheusError when the server cannot answer."""
        ...


class ArchiveStore(Protocol):
    """Backup archives in one bucket of an object store, by key; each method raises ArchiveStoreError."""

    def keys(self, prefix: str) -> list[str]: ...

    def size(self, key: str) -> int: ...

    def put(self, path: Path, key: str, *, progress: Callable[[int], object]) -> None:
        """Upload a local file, visible under `key` only once complete; `progress` gets bytes sent."""
        ...

    def get(self, key: str, path: Path, *, progress: Callable[[int], object]) -> None: ...

    def delete(self, key: str) -> None: ...


class Mailer(Protocol):
    def send(self, *, subject: str, body: str) -> None:
        """Send a plain-text mail to the configured recipients; raises MailError."""
        ...
