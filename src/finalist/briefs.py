"""The brief of a stored case, built once and kept in the store.

A brief depends on the case, the day, the notes already sent, the knowledge and the code
that builds it; the key is a hash of all five. A command (or a web page) that shows the
brief of a case that has not changed reads the one kept by the last, instead of building
it again. The store keeps one brief per case, so a case that changes replaces its own.
Only a cache: a kept brief that cannot be read, or cannot be kept, is simply built again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from finalist.errors import FinalistError

if TYPE_CHECKING:
    from finalist.coach.brief import Brief
    from finalist.knowledge import Knowledge
    from finalist.model import Case
    from finalist.store import Store

Sent = dict[int, dict[str, datetime]]


_CODE = {".py", ".json", ".jsonl"}


@cache
def _code() -> str:
    """The version and the state of the code that builds a brief: a working copy that
    changed since the brief was kept must not show the old one."""
    from finalist import __version__

    root = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    paths = [root / name for name in ("text.py", "model.py", "fields.py")]
    for folder in ("coach", "writing"):
        paths += sorted(p for p in (root / folder).rglob("*") if p.suffix in _CODE)
    for path in paths:
        stat = path.stat()
        digest.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def brief_key(case: Case, day: date, knowledge: Knowledge, sent: Sent) -> str:
    notes = sorted(
        (n, sorted((p, t.isoformat()) for p, t in who.items())) for n, who in sent.items()
    )
    parts = [_code(), knowledge.fingerprint, day.isoformat(), json.dumps(notes)]
    digest = hashlib.sha256("\0".join(parts).encode())
    digest.update(case.model_dump_json().encode())
    return digest.hexdigest()


def stored_brief(
    store: Store,
    case_id: str,
    case: Case,
    day: date,
    knowledge: Knowledge,
    sent: Sent,
    *,
    now: datetime,
) -> Brief:
    """The stored case's brief: the one kept for exactly this case, day, notes, knowledge
    and code, or a new one, then kept."""
    from pydantic import ValidationError

    from finalist.coach.brief import Brief, build_brief

    key = brief_key(case, day, knowledge, sent) if knowledge.fingerprint else None
    if key is not None:
        try:
            kept = store.kept_brief(case_id, key)
        except FinalistError:  # a locked or read-only database: build it instead
            kept = None
        if kept is not None:
            try:
                return Brief.model_validate_json(kept)
            except ValidationError:
                pass  # kept by another version: build it again
    brief = build_brief(case, day, knowledge, sent)
    if key is not None:
        # the case removed meanwhile, a full disk: the brief is still shown, just not kept
        with contextlib.suppress(FinalistError):
            store.keep_brief(case_id, key, brief.model_dump_json(), now=now)
    return brief
