"""Repository functions for the briefs kept between commands (see ``tables.briefs``)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from finalist.store.tables import briefs


def kept_brief(conn: sa.Connection, case_id: str, key: str) -> str | None:
    """The brief kept for the case under ``key`` (JSON), or None."""
    row = conn.execute(
        sa.select(briefs.c.brief).where(briefs.c.case_id == case_id, briefs.c.key == key)
    ).first()
    return None if row is None else str(row[0])


def keep_brief(conn: sa.Connection, case_id: str, key: str, text: str, now: datetime) -> None:
    """Keep one brief per case: the newest replaces what was there."""
    conn.execute(briefs.delete().where(briefs.c.case_id == case_id))
    conn.execute(briefs.insert().values(case_id=case_id, key=key, brief=text, built_at=now))
