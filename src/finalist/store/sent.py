"""Repository functions for thank-you notes sent by email."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from pydantic import BaseModel

from finalist.store.tables import sent_notes


class SentNote(BaseModel):
    id: int | None = None
    case_id: str
    round_number: int
    person: str
    address: str
    subject: str
    message_id: str
    sent_at: datetime


def record_sent(conn: sa.Connection, note: SentNote) -> int:
    values = note.model_dump(exclude={"id"})
    values["subject"] = values["subject"][:300]
    result = conn.execute(sent_notes.insert().values(**values))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def case_sent(conn: sa.Connection, case_id: str) -> list[SentNote]:
    rows = conn.execute(
        sa.select(sent_notes).where(sent_notes.c.case_id == case_id).order_by(sent_notes.c.id)
    )
    notes = [SentNote.model_validate(dict(row._mapping)) for row in rows]
    for note in notes:  # SQLite gives back the time without its zone: it was UTC
        if note.sent_at.tzinfo is None:
            note.sent_at = note.sent_at.replace(tzinfo=UTC)
    return notes


def by_round(notes: list[SentNote]) -> dict[int, dict[str, datetime]]:
    """When each person's note was sent, round by round: what the coach needs."""
    out: dict[int, dict[str, datetime]] = {}
    for note in notes:
        out.setdefault(note.round_number, {})[note.person] = note.sent_at
    return out


def remove_sent(conn: sa.Connection, case_id: str) -> None:
    conn.execute(sent_notes.delete().where(sent_notes.c.case_id == case_id))
