"""The shop's side of a ticket: its status, notes, history and audit trail, and the queue's filters.

Pure: times and names come in as arguments. Statuses are the four of CONTRACT.md; a ticket file from
before the console says `open`, which is `new` here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stichat.domain.errors import InvalidOperatorName, InvalidStatus, WeakPassword

STATUSES = ("new", "in_progress", "waiting_customer", "closed")
STATUS_LABELS = {
    "es-AR": {"new": "Nuevo", "in_progress": "En curso", "waiting_customer": "Esperando al cliente",
              "closed": "Cerrado"},
    "en": {"new": "New", "in_progress": "In progress", "waiting_customer": "Waiting for the customer",
           "closed": "Closed"},
}
#: The longest internal note an operator may write.
MAX_NOTE = 4000
OPERATOR_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 256


def desk_status(raw: str | None) -> str:
    """The console status of a ticket file's `status` (`open`, from before the console, is `new`)."""
    return raw if raw in STATUSES else "new"


def file_status(status: str) -> str:
    """What a ticket file says for a console status: `open` while new, as the chat always wrote."""
    return "open" if status == "new" else status


def check_status(value: object) -> str:
    if not isinstance(value, str) or value not in STATUSES:
        raise InvalidStatus(f"one of {', '.join(STATUSES)}")
    return value


def status_label(status: str, locale: str) -> str:
    return STATUS_LABELS["en" if locale == "en" else "es-AR"].get(status, status)


def check_operator_name(value: str) -> str:
    """Lower-case letters, digits, dot, dash, underscore; 2 to 32 characters."""
    name = value.strip().lower()
    if not OPERATOR_NAME.match(name):
        raise InvalidOperatorName("2-32 characters: lower-case letters, digits, '.', '-' or '_'")
    return name


def check_password(value: str) -> str:
    if not MIN_PASSWORD <= len(value) <= MAX_PASSWORD:
        raise WeakPassword(f"{MIN_PASSWORD} to {MAX_PASSWORD} characters")
    if len(set(value)) < 5:
        raise WeakPassword("too repetitive")
    return value


@dataclass(frozen=True)
class QueueQuery:
    """The queue's filters: statuses (empty = all), a creation-date window, a ticket id (or part)."""

    statuses: tuple[str, ...] = ()
    since: float | None = None
    until: float | None = None
    search: str = ""
    limit: int = 100


@dataclass(frozen=True)
class QueueItem:
    ticket_id: str
    created_at: float
    status: str
    version: int
    device_label: str
    problem_label: str
    name: str | None
    updated_at: float


@dataclass(frozen=True)
class DeskState:
    """A ticket's console status and its version (bumped on every change, for optimistic concurrency)."""

    status: str
    version: int
    updated_at: float


@dataclass(frozen=True)
class Note:
    ticket_id: str
    at: float
    author: str
    text: str


@dataclass(frozen=True)
class AuditEntry:
    """Who did what, when: `action` is a short verb (`status`, `note`, `sign_in`, `erasure` …)."""

    at: float
    actor: str
    action: str
    ticket_id: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class Operator:
    name: str
    password_hash: str
    created_at: float


@dataclass(frozen=True)
class ConsoleSession:
    """A signed-in operator's browser session; the cookie carries the token, the store only its hash."""

    token_hash: str
    operator: str
    csrf: str
    created_at: float
    seen_at: float


def search_term(raw: str) -> str:
    """A ticket-id search: upper-cased, only the characters an id may hold, at most 19."""
    return re.sub(r"[^A-Z0-9-]", "", raw.strip().upper())[:19]
