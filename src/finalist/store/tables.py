"""The database tables (SQLAlchemy Core). Changes here need an Alembic migration."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# One row per case. The validated case is kept whole in ``document``; the columns beside
# it are copies of what lists sort and filter by, written in the same statement.
cases = sa.Table(
    "cases",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("company", sa.String(300), nullable=False),
    sa.Column("role", sa.String(300), nullable=False),
    sa.Column("stage", sa.String(20), nullable=False),
    sa.Column("candidate", sa.String(120), nullable=False),
    sa.Column("document", sa.JSON, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("source", sa.String(1000)),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# Every earlier version of a case, so an import or an edit never loses what was there.
case_revisions = sa.Table(
    "case_revisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "case_id",
        sa.String(80),
        sa.ForeignKey("cases.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("document", sa.JSON, nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
)

# Every practice answer, so the candidate can see whether their answers improve. Kept by
# case id (a case practised from a file may not be stored); removed with the case.
attempts = sa.Table(
    "attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(80), nullable=False, index=True),
    sa.Column("interviewer", sa.String(120), nullable=False),
    sa.Column("question_id", sa.String(80)),
    sa.Column("question", sa.String(1000), nullable=False),
    sa.Column("depth", sa.Integer, nullable=False),  # 0: the question, 1 and 2: probes
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("score", sa.Integer, nullable=False),
    sa.Column("findings", sa.JSON, nullable=False),
    sa.Column("seconds_spoken", sa.Integer, nullable=False),
    sa.Column("seconds_taken", sa.Integer),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# Thank-you notes that left by email (finalist thanks --send): a note is recorded only
# once the mail server has accepted it, so a failed send leaves nothing marked as sent.
sent_notes = sa.Table(
    "sent_notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(80), nullable=False, index=True),
    sa.Column("round_number", sa.Integer, nullable=False),
    sa.Column("person", sa.String(120), nullable=False),
    sa.Column("address", sa.String(320), nullable=False),
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("message_id", sa.String(300), nullable=False),
    sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
)

# The case's whole brief as last built (JSON), under a key made of everything it depends
# on (the case's content, the day, the notes sent, the knowledge and the code): a command
# that shows a brief for a case that has not changed reads it instead of building it.
# Only a cache: a brief that cannot be read or kept is simply built again.
briefs = sa.Table(
    "briefs",
    metadata,
    sa.Column(
        "case_id",
        sa.String(80),
        sa.ForeignKey("cases.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("key", sa.String(64), nullable=False),
    sa.Column("brief", sa.Text, nullable=False),
    sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
)
