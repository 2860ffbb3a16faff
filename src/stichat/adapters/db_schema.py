"""The database's tables (SQLAlchemy Core). The migrations under `migrations/versions` create them;
this module is what the adapters query, and a test keeps the two equal."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

tickets = Table(
    "tickets", metadata,
    Column("id", String(24), primary_key=True),
    Column("created_at", Float, nullable=False),
    Column("session_id", String(64), nullable=False, default=""),
    Column("status", String(24), nullable=False, default="new"),
    Column("version", Integer, nullable=False, default=1),
    Column("updated_at", Float, nullable=False),
    Column("device_label", String(120), nullable=False, default=""),
    Column("problem_label", String(120), nullable=False, default=""),
    Column("name", String(200)),
    #: The whole ticket as the chat made it (Ticket.to_json), masked.
    Column("body", Text, nullable=False),
    Index("ix_tickets_created", "created_at"),
    Index("ix_tickets_status_created", "status", "created_at"),
    Index("ix_tickets_session", "session_id"),
)

ticket_history = Table(
    "ticket_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", String(24), ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("at", Float, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("from_status", String(24), nullable=False),
    Column("to_status", String(24), nullable=False),
    Index("ix_history_ticket", "ticket_id", "at"),
)

ticket_notes = Table(
    "ticket_notes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", String(24), ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("at", Float, nullable=False),
    Column("author", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_notes_ticket", "ticket_id", "at"),
)

audit = Table(
    "audit", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Float, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("ticket_id", String(24)),
    Column("detail", Text, nullable=False, default=""),
    Index("ix_audit_ticket", "ticket_id", "at"),
    Index("ix_audit_at", "at"),
)

operators = Table(
    "operators", metadata,
    Column("name", String(32), primary_key=True),
    Column("password_hash", String(400), nullable=False),
    Column("created_at", Float, nullable=False),
)

console_sessions = Table(
    "console_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("operator", String(32), ForeignKey("operators.name", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("seen_at", Float, nullable=False),
    Index("ix_console_sessions_operator", "operator"),
    Index("ix_console_sessions_seen", "seen_at"),
)

activity = Table(
    "activity", metadata,
    Column("hour", Integer, primary_key=True),
    Column("name", String(48), primary_key=True),
    Column("count", Integer, nullable=False),
)
