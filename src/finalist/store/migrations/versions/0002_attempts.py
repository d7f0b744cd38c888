"""practice attempts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None
rewrites_data = False


def upgrade() -> None:
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(80), nullable=False),
        sa.Column("interviewer", sa.String(120), nullable=False),
        sa.Column("question_id", sa.String(80), nullable=True),
        sa.Column("question", sa.String(1000), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("seconds_spoken", sa.Integer(), nullable=False),
        sa.Column("seconds_taken", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attempts")),
    )
    op.create_index(op.f("ix_attempts_case_id"), "attempts", ["case_id"], unique=False)
