"""Repository functions for practice attempts."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from pydantic import BaseModel

from finalist.store.tables import attempts

if TYPE_CHECKING:
    from finalist.coach.practice import Turn


class Attempt(BaseModel):
    id: int | None = None
    case_id: str
    interviewer: str
    question_id: str | None
    question: str
    depth: int
    answer: str
    score: int
    findings: list[str]
    seconds_spoken: int
    seconds_taken: int | None
    created_at: datetime

    @classmethod
    def of(cls, case_id: str, interviewer: str, turn: Turn, created_at: datetime) -> Attempt:
        """The record of one practice answer, as the CLI and the web app both save it."""
        return cls(
            case_id=case_id,
            interviewer=interviewer,
            question_id=turn.question_id,
            question=turn.question,
            depth=turn.depth,
            answer=turn.answer,
            score=turn.score,
            findings=[f.id for f in turn.analysis.findings],
            seconds_spoken=turn.analysis.seconds,
            seconds_taken=turn.seconds_taken,
            created_at=created_at,
        )


def save_attempt(conn: sa.Connection, attempt: Attempt) -> int:
    values: dict[str, Any] = attempt.model_dump(exclude={"id"})
    values["question"] = values["question"][:1000]
    values["interviewer"] = values["interviewer"][:120]
    result = conn.execute(attempts.insert().values(**values))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def case_attempts(conn: sa.Connection, case_id: str) -> list[Attempt]:
    rows = conn.execute(
        sa.select(attempts).where(attempts.c.case_id == case_id).order_by(attempts.c.id)
    )
    return [Attempt.model_validate(dict(row._mapping)) for row in rows]


def remove_attempts(conn: sa.Connection, case_id: str) -> None:
    conn.execute(attempts.delete().where(attempts.c.case_id == case_id))
