"""Tickets, their history and notes, the audit trail, operators and their sessions, hourly activity.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", sa.String(24), primary_key=True),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("device_label", sa.String(120), nullable=False),
        sa.Column("problem_label", sa.String(120), nullable=False),
        sa.Column("name", sa.String(200)),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_tickets_created", "tickets", ["created_at"])
    op.create_index("ix_tickets_status_created", "tickets", ["status", "created_at"])
    op.create_index("ix_tickets_session", "tickets", ["session_id"])
    op.create_table(
        "ticket_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ticket_id", sa.String(24), sa.ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("from_status", sa.String(24), nullable=False),
        sa.Column("to_status", sa.String(24), nullable=False),
    )
    op.create_index("ix_history_ticket", "ticket_history", ["ticket_id", "at"])
    op.create_table(
        "ticket_notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ticket_id", sa.String(24), sa.ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_notes_ticket", "ticket_notes", ["ticket_id", "at"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("ticket_id", sa.String(24)),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_ticket", "audit", ["ticket_id", "at"])
    op.create_index("ix_audit_at", "audit", ["at"])
    op.create_table(
        "operators",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("password_hash", sa.String(400), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "console_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("operator", sa.String(32), sa.ForeignKey("operators.name", ondelete="CASCADE"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("seen_at", sa.Float, nullable=False),
    )
    op.create_index("ix_console_sessions_operator", "console_sessions", ["operator"])
    op.create_index("ix_console_sessions_seen", "console_sessions", ["seen_at"])
    op.create_table(
        "activity",
        sa.Column("hour", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(48), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("activity", "console_sessions", "operators", "audit", "ticket_notes", "ticket_history",
                  "tickets"):
        op.drop_table(table)
