"""The JSON API: the same operations as the pages, for scripts and other tools.

Every response is the ``coach`` result as JSON (the same as the command line's --json).
Changes take a JSON body; errors come back as {"detail": "..."} with a 4xx status.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request, Response
from pydantic import BaseModel, Field

from finalist.casefile import parse_case
from finalist.errors import FinalistError
from finalist.store import StoredCase
from finalist.text import ascii_number
from finalist.web.app import context
from finalist.web.shared import save_over

router = APIRouter(prefix="/api", tags=["finalist"])
RoundQuery = Annotated[
    str | None, Query(max_length=120, description="A round by number (1 = first) or name.")
]


def _case(request: Request, case_id: str) -> StoredCase:
    return context(request).store.get_case(case_id)


def _json_only(request: Request) -> None:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise FinalistError("send the body as JSON (Content-Type: application/json)")


class CaseSummary(BaseModel):
    id: str
    company: str
    role: str
    stage: str
    next_round: str | None
    due: list[str]


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> Response:
    """The API described in a page of our own (works offline, unlike Swagger UI)."""
    from finalist.web.app import render

    spec = request.app.openapi()
    endpoints = [
        (method.upper(), path, op.get("summary", ""), op.get("description", ""))
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
    ]
    return render(request, "api.html", endpoints=endpoints)


@router.get("/cases", response_model=list[CaseSummary])
def list_cases(request: Request) -> list[CaseSummary]:
    """Every stored case, with its next round and what is due."""
    from finalist.coach.glance import at_a_glance

    ctx = context(request)
    out = []
    for s in ctx.store.all_cases():
        g = at_a_glance(s.case, ctx.today())
        out.append(
            CaseSummary(
                id=s.id,
                company=g.company,
                role=g.role,
                stage=g.stage.value,
                next_round=g.next_round.label if g.next_round else None,
                due=g.due,
            )
        )
    return out


class CaseText(BaseModel):
    text: str = Field(description="A case file (YAML), as `finalist export` writes it.")


class Saved(BaseModel):
    id: str
    status: str


@router.post("/cases", response_model=Saved, status_code=201)
def import_case(
    request: Request, response: Response, body: Annotated[CaseText | dict[str, Any], Body()]
) -> Saved:
    """Store a case: either {"text": "<case file YAML>"} or the case itself as JSON.
    Importing the same case again changes nothing (status "unchanged")."""
    _json_only(request)
    case = _parse(body)
    result = context(request).store.save_case(case, now=datetime.now(UTC), source="api")
    if result.status.value != "created":
        response.status_code = 200
    return Saved(id=result.id, status=result.status.value)


@router.get("/cases/{case_id}")
def get_case(request: Request, response: Response, case_id: str) -> dict[str, Any]:
    """The case as stored; its ETag is the revision, for If-Match on PUT and DELETE."""
    s = _case(request, case_id)
    response.headers["ETag"] = f'"{s.revision}"'
    return {"id": s.id, "revision": s.revision, "case": s.case.model_dump(mode="json")}


def _if_match(request: Request, s: StoredCase) -> None:
    """A change must say which revision it was made from (If-Match, the ETag of GET):
    428 without it, 412 when the case has moved on; the save checks it once more."""
    from fastapi import HTTPException

    sent = request.headers.get("if-match")
    if sent is None:
        raise HTTPException(
            428,
            f"send If-Match with the revision you read (the ETag of GET /api/cases/{s.id}, "
            f'now "{s.revision}"), so that a change made meanwhile is not overwritten',
        )
    revision = ascii_number(sent.strip().removeprefix("W/").strip('"'))
    if revision != s.revision:
        raise HTTPException(
            412,
            f"{s.id} is at revision {s.revision}, not {sent.strip()[:20]}: it changed "
            "meanwhile; GET it again and make your change on that version",
        )
    request.state.revision = s.revision


@router.put("/cases/{case_id}", response_model=Saved)
def replace_case(
    request: Request, case_id: str, body: Annotated[CaseText | dict[str, Any], Body()]
) -> Saved:
    """Replace a stored case with a changed version (YAML text or JSON, as for POST). The
    id stays, even when the company or role changes; the earlier version is kept."""
    _json_only(request)
    s = _case(request, case_id)
    _if_match(request, s)
    case = _parse(body)
    result = save_over(request, s, case, source="api")
    return Saved(id=result.id, status=result.status.value)


def _parse(body: CaseText | dict[str, Any]) -> Any:
    from pydantic import ValidationError

    from finalist.casefile import format_path, problems, within_limit
    from finalist.model import Case

    if isinstance(body, CaseText):
        return parse_case(body.text, "the case text")
    try:
        case = Case.model_validate(body)
    except ValidationError as exc:
        path, message = problems(exc)[0]
        raise FinalistError(f"{format_path(path)}: {message}") from None
    return within_limit(case, "the case")


@router.delete("/cases/{case_id}", status_code=204)
def delete_case(request: Request, case_id: str) -> Response:
    """Remove a case and its history (If-Match: the revision you read)."""
    s = _case(request, case_id)
    _if_match(request, s)
    context(request).store.remove_case(s.id)
    return Response(status_code=204)


@router.get("/cases/{case_id}/brief")
def brief(request: Request, case_id: str) -> dict[str, Any]:
    """Every section of the brief."""
    from finalist.web.shared import brief_for

    s = _case(request, case_id)
    return brief_for(request, s).model_dump(mode="json")


def _rounds(request: Request, case_id: str, ref: str | None) -> tuple[StoredCase, list[int]]:
    from finalist.coach.glance import rounds_to_prepare

    s = _case(request, case_id)
    return s, rounds_to_prepare(s.case, context(request).today(), ref)


@router.get("/cases/{case_id}/questions")
def questions(request: Request, case_id: str, round: RoundQuery = None) -> list[dict[str, Any]]:
    """Each person's dossier and likely questions, per round."""
    from finalist.coach.questions import round_questions

    ctx = context(request)
    s, numbers = _rounds(request, case_id, round)
    return [round_questions(s.case, n, ctx.knowledge).model_dump(mode="json") for n in numbers]


@router.get("/cases/{case_id}/asks")
def asks(request: Request, case_id: str, round: RoundQuery = None) -> dict[str, Any]:
    """Questions to ask each person, and your own questions checked."""
    from finalist.coach.asks import asks_for_case

    ctx = context(request)
    s, numbers = _rounds(request, case_id, round)
    return asks_for_case(s.case, ctx.knowledge, numbers).model_dump(mode="json")


@router.get("/cases/{case_id}/why")
def why(request: Request, case_id: str) -> dict[str, Any]:
    """Your "why", built from your own words, and its critique."""
    from finalist.coach.why import personal_why

    return personal_why(_case(request, case_id).case, context(request).knowledge).model_dump(
        mode="json"
    )


@router.get("/cases/{case_id}/plan")
def plan(request: Request, case_id: str) -> dict[str, Any]:
    """The 30/60/90/180-day plan."""
    from finalist.coach.plan import first_six_months

    return first_six_months(
        _case(request, case_id).case, context(request).knowledge, context(request).today()
    ).model_dump(mode="json")


@router.get("/cases/{case_id}/playbook")
def playbook(request: Request, case_id: str, round: RoundQuery = None) -> list[dict[str, Any]]:
    """The playbook of each round: guides, checklist, scripts."""
    from finalist.coach.playbook import round_playbook

    ctx = context(request)
    s, numbers = _rounds(request, case_id, round)
    return [
        round_playbook(s.case, n, ctx.knowledge, ctx.today()).model_dump(mode="json")
        for n in numbers
    ]


@router.get("/cases/{case_id}/stories")
def stories(request: Request, case_id: str) -> dict[str, Any]:
    """The story bank, checked."""
    from finalist.coach.stories import story_bank

    return story_bank(_case(request, case_id).case, context(request).knowledge).model_dump(
        mode="json"
    )


@router.get("/cases/{case_id}/consensus")
def consensus(request: Request, case_id: str, round: RoundQuery = None) -> list[dict[str, Any]]:
    """The consensus map of each round."""
    from finalist.coach.consensus import consensus_map

    ctx = context(request)
    s, numbers = _rounds(request, case_id, round)
    return [consensus_map(s.case, n, ctx.knowledge).model_dump(mode="json") for n in numbers]


class AnswerIn(BaseModel):
    answer: str = Field(max_length=1_000_000)
    question: str | None = Field(default=None, max_length=1_000)
    title: str | None = Field(default=None, max_length=300, description="Who asks, e.g. 'CFO'.")
    transcript: bool = False


@router.post("/analyze")
def analyze(request: Request, body: AnswerIn) -> dict[str, Any]:
    """Feedback on one answer."""
    _json_only(request)
    from finalist.coach.answers import analyze_answer, check_answer
    from finalist.coach.interviewers import read_title
    from finalist.knowledge.schema import Archetype, Level

    ctx = context(request)
    check_answer(body.answer)
    archetype = level = None
    if body.title:
        reading = read_title(body.title, ctx.knowledge)
        archetype, level = Archetype(reading.archetype.value), Level(reading.level.value)
    return analyze_answer(
        body.answer,
        ctx.knowledge,
        question=body.question,
        archetype=archetype,
        level=level,
        transcript=body.transcript,
    ).model_dump(mode="json")


class DebriefSaved(Saved):
    round: int
    debrief: dict[str, Any] | None = Field(description="The debrief as saved.")
    advice: list[dict[str, Any]] = Field(
        description="Entries the thank-you notes cannot use as written, and what to write "
        "instead: field, where, person, flag, message, suggestion. Saving is never refused "
        "for them."
    )


@router.put("/cases/{case_id}/rounds/{number}/debrief", response_model=DebriefSaved)
def debrief(
    request: Request, case_id: str, number: int, body: Annotated[dict[str, Any], Body()]
) -> DebriefSaved:
    """Replace a round's debrief (the shape of the case file's `debrief` block, with
    `promised` per person and `next_contact` {who, how, by}); returns it as saved, with
    advice on the entries the notes cannot use as written."""
    _json_only(request)
    from finalist import editing
    from finalist.coach.debrief_advice import debrief_advice

    ctx = context(request)
    s = _case(request, case_id)
    _if_match(request, s)
    case, n = editing.set_debrief(s.case, str(number), body, ctx.today())
    result = save_over(request, s, case, source="api")
    rnd = case.rounds[n - 1]
    advice = debrief_advice(rnd, ctx.knowledge, case.opportunity.first_round)
    return DebriefSaved(
        id=result.id,
        status=result.status.value,
        round=n,
        debrief=rnd.debrief.model_dump(mode="json") if rnd.debrief else None,
        advice=[a.model_dump(mode="json") for a in advice],
    )


@router.get("/cases/{case_id}/thanks")
def thanks(request: Request, case_id: str, round: RoundQuery = None) -> dict[str, Any]:
    """One thank-you note per person met in a round (default: the latest round held)."""
    from finalist.coach.followup import thank_you_notes
    from finalist.coach.glance import round_after

    ctx = context(request)
    s = _case(request, case_id)
    n = round_after(s.case, ctx.today(), round, "?round=N")
    from finalist.web.shared import sent

    notes = thank_you_notes(s.case, n, ctx.knowledge, ctx.today(), sent=sent(request, s.id).get(n))
    return notes.model_dump(mode="json")


@router.get("/cases/{case_id}/timeline")
def timeline(request: Request, case_id: str) -> dict[str, Any]:
    """The timeline to the decision."""
    from finalist.coach.followup import rounds_sent
    from finalist.coach.timeline import timeline as build
    from finalist.web.shared import sent

    ctx = context(request)
    s = _case(request, case_id)
    return build(s.case, ctx.today(), rounds_sent(s.case, sent(request, s.id))).model_dump(
        mode="json"
    )


@router.get("/cases/{case_id}/attempts")
def attempts(request: Request, case_id: str) -> dict[str, Any]:
    """Practice attempts, per question, and whether they improved."""
    from finalist.coach.practice import PastAttempt, read_history

    s = _case(request, case_id)
    past = context(request).store.attempts(s.id)
    return read_history([PastAttempt.model_validate(a.model_dump()) for a in past]).model_dump(
        mode="json"
    )
