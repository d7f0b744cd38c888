"""What every page module needs: the stored case, saving, redirects, downloads, and
finding a round, a person or a story by its number in the URL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from finalist.errors import FinalistError
from finalist.model import Case
from finalist.store import SaveResult, StoredCase
from finalist.text import ascii_number
from finalist.web.app import context

if TYPE_CHECKING:
    from finalist.coach.brief import Brief


def now() -> datetime:
    return datetime.now(UTC)


def stored(request: Request, case_id: str) -> StoredCase:
    return context(request).store.get_case(case_id)


def sent(request: Request, case_id: str) -> dict[int, dict[str, datetime]]:
    """When each of the case's notes was sent, by round and person."""
    from finalist.store.sent import by_round

    return by_round(context(request).store.sent_notes(case_id))


def sent_key(notes: dict[int, dict[str, datetime]]) -> str:
    """The notes sent, as part of a key: the same notes, the same text."""
    return repr(sorted((n, sorted(who.items())) for n, who in notes.items()))


BRIEFS_KEPT = 32  # briefs kept per server: one per case and day is plenty
_BUILDING = threading.Lock()


def brief_for(request: Request, s: StoredCase) -> Brief:
    """The case's whole brief, built once per revision, day and sent notes, then reused:
    kept in memory for this server, and in the store for every process. The knowledge is
    loaded once per server, so it needs no place in the memory's key."""
    from finalist.briefs import stored_brief

    ctx = context(request)
    notes = sent(request, s.id)
    day = ctx.today()
    key = (s.id, s.revision, day, sent_key(notes))
    with _BUILDING:  # twenty tabs opening a changed case build its brief once, not twenty times
        cached = ctx.briefs.get(key)
        if cached is None:
            # a brief built before (by this server, the command line or a server since
            # stopped) is read from the store
            cached = stored_brief(ctx.store, s.id, s.case, day, ctx.knowledge, notes, now=now())
            ctx.briefs[key] = cached
            while len(ctx.briefs) > BRIEFS_KEPT:
                ctx.briefs.popitem(last=False)
        else:
            ctx.briefs.move_to_end(key)
    return cached


def save(request: Request, case: Case, source: str = "web") -> SaveResult:
    """Store the case; a form that carried the revision it was shown at is saved only if
    the case is still at that revision (a stale tab is refused, not written over)."""
    expected = getattr(request.state, "revision", None)
    return context(request).store.save_case(case, now=now(), source=source, expected=expected)


def save_over(request: Request, s: StoredCase, case: Case, source: str = "web") -> SaveResult:
    """A changed version of a stored case, kept under its id even if the company or the
    role was renamed (the id is otherwise made from them)."""
    return save(request, case.model_copy(update={"id": s.id}), source)


def to(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


async def posted(request: Request) -> dict[str, Any]:
    """The form's fields; the revision the page was shown at is kept aside for ``save``."""
    form = await request.form()
    fields = dict(form.multi_items())
    revision = fields.pop("revision", None)
    if isinstance(revision, str) and (number := ascii_number(revision)) is not None:
        request.state.revision = number
    return fields


def download(body: bytes | str, filename: str, media_type: str) -> Response:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def round_no(s: StoredCase, n: int) -> int:
    if not 1 <= n <= len(s.case.rounds):
        raise FinalistError(f"there is no round {n} in {s.id}; it has {len(s.case.rounds)}")
    return n - 1


def person_no(s: StoredCase, n: int, k: int) -> tuple[int, int]:
    i = round_no(s, n)
    people = s.case.rounds[i].interviewers
    if not 1 <= k <= len(people):
        raise FinalistError(f"round {n} has no person {k}; it has {len(people)}")
    return i, k - 1


def story_no(s: StoredCase, k: int) -> int:
    if not 1 <= k <= len(s.case.stories):
        raise FinalistError(f"there is no story {k} in {s.id}; it has {len(s.case.stories)}")
    return k - 1
