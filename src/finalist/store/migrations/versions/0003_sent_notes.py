"""thank-you notes sent by email

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None
rewrites_data = False


def upgrade() -> None:
    op.create_table(
        "sent_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(80), nullable=False),
        sa.Column("round_number", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(120), nullable=False),
        sa.Column("address", sa.String(320), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("message_id", sa.String(300), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_notes")),
    )
    op.create_index(op.f("ix_sent_notes_case_id"), "sent_notes", ["case_id"], unique=False)
