"""Pages for after the round: the debrief, the thank-you notes and the timeline."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from finalist.errors import FinalistError
from finalist.store import StoredCase
from finalist.web.app import FormError, check_csrf, context, render
from finalist.web.shared import posted, save_over, stored, to

if TYPE_CHECKING:
    from finalist.model import Round

router = APIRouter(include_in_schema=False)
Csrf = Depends(check_csrf)


# --- the debrief ----------------------------------------------------------------------


def _past_rounds(request: Request, s: StoredCase) -> list[int]:
    from finalist.coach.glance import rounds_held

    return rounds_held(s.case, context(request).today())


def _chosen(request: Request, s: StoredCase, raw: str | None) -> int | None:
    from finalist.editing import round_index

    if raw:
        return round_index(s.case, raw) + 1
    past = _past_rounds(request, s)
    return past[-1] if past else None


def _talk_numbers(rnd: Round) -> list[int]:
    """For each person in the round's debrief, their number on the form (p1, p2, ...)."""
    from finalist.model import same_person

    talked = rnd.debrief.talked_with if rnd.debrief else []
    return [
        next(
            (k for k, p in enumerate(rnd.interviewers, 1) if same_person(p.name, t.interviewer)), 0
        )
        for t in talked
    ]


_IN_TALK = re.compile(r"^talked_with\[(\d+)\]\.(\w+)")
_IN_CONTACT = re.compile(r"^next_contact(?:\.(\w+))?")


def _form_key(field: str, numbers: list[int]) -> str:
    """The form input a place in the debrief belongs to: "talked_with[1].topics[0]" is the
    second person's topics ("p2.topics" when they are second on the form)."""
    talk = _IN_TALK.match(field)
    if talk:
        i, name = int(talk.group(1)), talk.group(2)
        k = numbers[i] if i < len(numbers) else 0
        return f"p{k}.{name}" if k and name != "interviewer" else ""
    contact = _IN_CONTACT.match(field)
    if contact:
        return f"next_contact.{contact.group(1) or 'who'}"
    return re.split(r"[.\[]", field, maxsplit=1)[0]


def _debrief_page(
    request: Request,
    s: StoredCase,
    n: int | None,
    form: dict[str, Any],
    status: int = 200,
    errors: dict[str, str] | None = None,
    saved: str | None = None,
) -> Response:
    """The debrief form; with the stored debrief's advice, in a list and by each field."""
    from finalist.coach.debrief_advice import debrief_advice
    from finalist.web.forms import DEBRIEF, debrief_person

    advice: list[Any] = []
    advice_at: dict[str, list[Any]] = {}
    people: list[Any] = []
    if n is not None:
        rnd = s.case.rounds[n - 1]
        people = [(p, debrief_person(k)) for k, p in enumerate(rnd.interviewers, start=1)]
        if not errors:
            numbers = _talk_numbers(rnd)
            advice = debrief_advice(rnd, context(request).knowledge, s.case.opportunity.first_round)
            for a in advice:
                advice_at.setdefault(_form_key(a.field, numbers), []).append(a)
    return render(
        request,
        "debrief.html",
        status,
        s=s,
        section="debrief",
        n=n,
        form=form,
        errors=errors or {},
        past=_past_rounds(request, s),
        saved=saved,
        people=people,
        fields=DEBRIEF,
        advice=advice,
        advice_at=advice_at,
    )


def _debrief_form(rnd: Round) -> dict[str, str]:
    """What the form shows for the stored debrief."""
    from finalist.model import same_person
    from finalist.web.forms import DEBRIEF, DEBRIEF_PERSON, current

    d = rnd.debrief
    if d is None:
        return {}
    form = current(DEBRIEF, d.model_dump())
    for k, p in enumerate(rnd.interviewers, start=1):
        talk = next((t for t in d.talked_with if same_person(t.interviewer, p.name)), None)
        if talk:
            shown = current(DEBRIEF_PERSON, talk.model_dump())
            form.update({f"p{k}.{key}": value for key, value in shown.items()})
    return form


@router.get("/cases/{case_id}/debrief")
def debrief_page(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    n = _chosen(request, s, request.query_params.get("round"))
    form = _debrief_form(s.case.rounds[n - 1]) if n else {}
    return _debrief_page(request, s, n, form, saved=request.query_params.get("saved"))


def _posted_debrief(rnd: Round, values: dict[str, Any]) -> tuple[dict[str, Any], list[int]]:
    """The debrief block from the form, and each entry's person number; FormError for
    input that is not even text (the model judges the rest)."""
    from finalist.web.forms import DEBRIEF, debrief_person, form_values

    block, errors = form_values(DEBRIEF, values)
    talked: list[dict[str, Any]] = []
    numbers: list[int] = []
    for k, p in enumerate(rnd.interviewers, start=1):
        data, more = form_values(debrief_person(k), values)
        errors.update(more)
        talk = data.get(f"p{k}", {})
        # a semicolon parts topics too, as it always has
        talk["topics"] = [t.strip() for t in ";".join(talk["topics"] or []).split(";") if t.strip()]
        talk["promised"] = talk["promised"] or []
        if any(talk.values()):
            talked.append({"interviewer": p.name, **talk})
            numbers.append(k)
    if errors:
        raise FormError(errors)
    block["talked_with"] = talked
    return block, numbers


@router.post("/cases/{case_id}/debrief", dependencies=[Csrf])
async def save_debrief(request: Request, case_id: str) -> Response:
    from finalist import editing
    from finalist.coach.debrief_advice import debrief_advice
    from finalist.errors import FieldError

    s = stored(request, case_id)
    values = await posted(request)
    n = _chosen(request, s, str(values.get("round", "")) or None)
    if n is None:
        raise FinalistError("no round has taken place yet: debrief a round after it")
    try:
        block, numbers = _posted_debrief(s.case.rounds[n - 1], values)
        try:
            case, _number = editing.set_debrief(s.case, str(n), block, context(request).today())
        except FieldError as exc:
            key = _form_key(exc.field, numbers)
            raise FormError({key: exc.problem if key else exc.message}) from None
        except FinalistError as exc:
            raise FormError({"": exc.message}) from None
    except FormError as exc:
        return _debrief_page(request, s, n, values, 400, exc.errors)
    save_over(request, s, case)
    ctx = context(request)
    if debrief_advice(case.rounds[n - 1], ctx.knowledge, case.opportunity.first_round):
        return to(f"/cases/{s.id}/debrief?round={n}&saved=debrief#advice")
    return to(f"/cases/{s.id}/thanks?round={n}&saved=debrief")


# --- thank-you notes and the timeline -------------------------------------------------


def _notes(request: Request, s: StoredCase, n: int) -> Any:
    from finalist.coach.followup import thank_you_notes
    from finalist.web.shared import sent

    ctx = context(request)
    return thank_you_notes(s.case, n, ctx.knowledge, ctx.today(), sent=sent(request, s.id).get(n))


@router.get("/cases/{case_id}/thanks")
def thanks_page(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    n = _chosen(request, s, request.query_params.get("round"))
    result = _notes(request, s, n) if n else None
    return render(
        request,
        "thanks.html",
        s=s,
        section="thanks",
        n=n,
        result=result,
        past=_past_rounds(request, s),
        saved=request.query_params.get("saved"),
    )


@router.get("/cases/{case_id}/thanks/{n}/{k}.eml")
def thanks_eml(request: Request, case_id: str, n: int, k: int) -> Response:
    from finalist.model import slugify
    from finalist.render.email import note_message
    from finalist.web.shared import download, round_no

    s = stored(request, case_id)
    round_no(s, n)
    result = _notes(request, s, n)
    if not 1 <= k <= len(result.notes):
        raise FinalistError(f"there is no note {k} for round {n}")
    note = result.notes[k - 1]
    body = bytes(note_message(note, s.case, draft=True))
    return download(body, f"{k:02d}-{slugify(note.to)}.eml", "message/rfc822")


@router.get("/cases/{case_id}/timeline")
def timeline_page(request: Request, case_id: str) -> Response:
    from finalist.coach.followup import rounds_sent
    from finalist.coach.timeline import timeline
    from finalist.web.shared import sent

    s = stored(request, case_id)
    result = timeline(s.case, context(request).today(), rounds_sent(s.case, sent(request, s.id)))
    return render(request, "timeline.html", s=s, section="timeline", tl=result)
