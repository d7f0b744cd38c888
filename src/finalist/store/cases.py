"""Repository functions for cases: the only place that queries the cases tables."""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa

from finalist.errors import FinalistError, NotFound
from finalist.model import Case
from finalist.store.tables import attempts, briefs, case_revisions, cases, sent_notes


class SaveStatus(StrEnum):
    created = "created"
    updated = "updated"
    unchanged = "unchanged"


@dataclass(frozen=True)
class SaveResult:
    id: str
    status: SaveStatus
    revision: int


@dataclass(frozen=True)
class StoredCase:
    """A case as stored, with its bookkeeping."""

    id: str
    case: Case
    revision: int
    source: str | None
    created_at: datetime
    updated_at: datetime


def canonical(case: Case) -> Case:
    """The case as it is stored: with its id filled in."""
    return case if case.id else case.model_copy(update={"id": case.case_id()})


def document(case: Case) -> dict[str, Any]:
    return case.model_dump(mode="json", exclude_none=True)


def content_hash(doc: dict[str, Any]) -> str:
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


class StaleCase(FinalistError):
    """The case changed after the change was read from it: nothing was saved."""


def stale(case_id: str, expected: int, found: int) -> StaleCase:
    """The refusal of a change made from revision ``expected`` of a case now at ``found``."""
    return StaleCase(
        f"{case_id} changed while you were editing it (you started from revision "
        f"{expected}; it is now at revision {found}, saved from another window or command); "
        "nothing was saved: run the command again, or reload the page, to make your change "
        "on the latest version"
    )


def save_case(
    conn: sa.Connection,
    case: Case,
    *,
    now: datetime,
    source: str | None = None,
    expected: int | None = None,
) -> SaveResult:
    """Store a case: create it, update it (keeping the old version), or leave it as is.

    With ``expected``, the revision the change was made from: if the stored case has
    moved on since (another window, another command), nothing is saved and StaleCase says
    so; the update itself is conditional on that revision, so two writers racing between
    the read and the write cannot both win."""
    case = canonical(case)
    case_id = case.case_id()
    doc = document(case)
    digest = content_hash(doc)
    row = conn.execute(
        sa.select(cases.c.revision, cases.c.content_hash, cases.c.document).where(
            cases.c.id == case_id
        )
    ).first()
    columns = {
        "company": case.opportunity.company,
        "role": case.opportunity.role,
        "stage": case.opportunity.stage.value,
        "candidate": case.candidate.name,
        "document": doc,
        "content_hash": digest,
        "updated_at": now,
    }
    if source is not None:
        columns["source"] = source[:1000]
    if row is None:
        if expected is not None:
            raise StaleCase(
                f"{case_id} was removed while you were editing it; nothing was saved: import "
                "it again or start a new case"
            )
        conn.execute(cases.insert().values(id=case_id, revision=1, created_at=now, **columns))
        return SaveResult(case_id, SaveStatus.created, 1)
    if expected is not None and row.revision != expected:
        raise stale(case_id, expected, row.revision)
    if row.content_hash == digest:
        return SaveResult(case_id, SaveStatus.unchanged, row.revision)
    conn.execute(
        case_revisions.insert().values(
            case_id=case_id, revision=row.revision, document=row.document, saved_at=now
        )
    )
    revision = row.revision + 1
    updated = conn.execute(
        cases.update()
        .where(cases.c.id == case_id, cases.c.revision == row.revision)
        .values(revision=revision, **columns)
    )
    if updated.rowcount != 1:  # another writer got there between our read and this write
        raise stale(case_id, row.revision, row.revision + 1)
    return SaveResult(case_id, SaveStatus.updated, revision)


def case_ids(conn: sa.Connection) -> list[str]:
    return list(conn.scalars(sa.select(cases.c.id).order_by(cases.c.id)))


def resolve_id(conn: sa.Connection, ref: str) -> str:
    """The id a user means: the exact id, or a unique start of one; else a helpful error."""
    ref = ref.strip()
    ids = case_ids(conn)
    if ref in ids:
        return ref
    lowered = ref.lower()
    starting = [i for i in ids if i.startswith(lowered)] if lowered else []
    if len(starting) == 1:
        return starting[0]
    if len(starting) > 1:
        shown = ", ".join(starting[:5])
        raise FinalistError(f"{ref!r} matches {len(starting)} cases ({shown}); give more of the id")
    if not ids:
        raise NotFound(
            f"no case {ref[:80]!r}: no case is stored yet; import one with "
            "finalist import CASE.yaml, or give the path of a case file"
        )
    close = difflib.get_close_matches(lowered, ids, n=3, cutoff=0.5)
    words = [w for w in lowered.replace("-", " ").split() if len(w) >= 3]
    close += [i for i in ids if i not in close and any(w in i for w in words)]
    close = close[:3]
    hint = f"did you mean {' or '.join(close)}?" if close else "finalist list shows them all"
    raise NotFound(f"no case {ref[:80]!r}; {hint}")


def get_case(conn: sa.Connection, ref: str) -> StoredCase:
    case_id = resolve_id(conn, ref)
    row = conn.execute(sa.select(cases).where(cases.c.id == case_id)).one()
    return _stored(row)


def case_revision(conn: sa.Connection, ref: str) -> tuple[str, int]:
    """(id, revision) of the case a user means, without reading the case itself."""
    case_id = resolve_id(conn, ref)
    revision = conn.scalar(sa.select(cases.c.revision).where(cases.c.id == case_id))
    return case_id, int(revision or 0)


def all_cases(conn: sa.Connection) -> list[StoredCase]:
    rows = conn.execute(sa.select(cases).order_by(cases.c.updated_at.desc(), cases.c.id))
    return [_stored(row) for row in rows]


def _stored(row: Any) -> StoredCase:
    return StoredCase(
        id=row.id,
        case=Case.model_validate(row.document),
        revision=row.revision,
        source=row.source,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def remove_case(conn: sa.Connection, ref: str) -> str:
    case_id = resolve_id(conn, ref)
    conn.execute(attempts.delete().where(attempts.c.case_id == case_id))
    conn.execute(sent_notes.delete().where(sent_notes.c.case_id == case_id))
    conn.execute(briefs.delete().where(briefs.c.case_id == case_id))
    conn.execute(case_revisions.delete().where(case_revisions.c.case_id == case_id))
    conn.execute(cases.delete().where(cases.c.id == case_id))
    return case_id


def revision_count(conn: sa.Connection, case_id: str) -> int:
    return int(
        conn.scalar(sa.select(sa.func.count()).where(case_revisions.c.case_id == case_id)) or 0
    )
