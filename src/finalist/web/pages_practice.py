"""Pages for practising: one answer checked, and the mock interview."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from finalist.errors import FinalistError
from finalist.store import StoredCase
from finalist.text import ascii_number
from finalist.web.app import FormError, check_csrf, context, render
from finalist.web.shared import now, posted, stored

if TYPE_CHECKING:
    pass

router = APIRouter(include_in_schema=False)
Csrf = Depends(check_csrf)
PRACTICE_QUESTIONS = 5  # per interviewer, the most likely first
MAX_LINE = 1_000


def _line(values: dict[str, Any], key: str, limit: int = MAX_LINE) -> str:
    value = values.get(key, "")
    if not isinstance(value, str):
        raise FormError({key: "expected text"})
    if len(value) > limit:
        raise FormError({key: f"this is {len(value):,} characters; keep it under {limit:,}"})
    return value.strip()


# --- one answer -----------------------------------------------------------------------


@router.get("/analyze")
def analyze_page(request: Request) -> Response:
    return render(request, "analyze.html", analysis=None)


@router.post("/analyze", dependencies=[Csrf])
async def analyze_answer_page(request: Request) -> Response:
    from finalist.coach.answers import MAX_ANSWER_BYTES, analyze_answer, check_answer
    from finalist.coach.interviewers import read_title
    from finalist.knowledge.schema import Archetype, Level

    ctx = context(request)
    values = await posted(request)
    try:
        question = _line(values, "question") or None
        title = _line(values, "title", 300) or None
        answer = _line(values, "answer", MAX_ANSWER_BYTES)
        try:
            check_answer(answer)
        except FinalistError as exc:
            raise FormError({"answer": exc.message}) from None
        archetype = level = None
        if title:
            reading = read_title(title, ctx.knowledge)
            archetype, level = Archetype(reading.archetype.value), Level(reading.level.value)
        analysis = analyze_answer(
            answer,
            ctx.knowledge,
            question=question,
            archetype=archetype,
            level=level,
            transcript=values.get("transcript") == "on",
        )
    except FormError as exc:
        return render(request, "analyze.html", 400, analysis=None, form=values, errors=exc.errors)
    return render(request, "analyze.html", analysis=analysis, form=values)


# --- the mock interview ---------------------------------------------------------------


def _person(s: StoredCase, n: int, k: int) -> tuple[Any, Any]:
    from finalist.web.shared import person_no

    i, j = person_no(s, n, k)
    return s.case.rounds[i], s.case.rounds[i].interviewers[j]


def _interviewer(request: Request, s: StoredCase, n: int, k: int) -> tuple[Any, Any, Any]:
    from finalist.coach.interviewers import dossier
    from finalist.coach.practice import Interviewer
    from finalist.knowledge.schema import Archetype, Level

    rnd, person = _person(s, n, k)
    d = dossier(person, rnd, n, s.case, context(request).knowledge)
    who = Interviewer(
        name=d.name, archetype=Archetype(d.archetype.value), level=Level(d.level.value)
    )
    return rnd, person, who


def _history(request: Request, s: StoredCase) -> Any:
    from finalist.coach.practice import PastAttempt, read_history

    past = context(request).store.attempts(s.id)
    return read_history([PastAttempt.model_validate(a.model_dump()) for a in past])


@router.get("/cases/{case_id}/practice")
def practice_start(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    return render(
        request, "practice.html", s=s, section="practice", history=_history(request, s), person=None
    )


@router.get("/cases/{case_id}/practice/{n}/{k}")
def practice_question(request: Request, case_id: str, n: int, k: int) -> Response:
    from finalist.coach.questions import predict_questions

    s = stored(request, case_id)
    rnd, person, _who = _interviewer(request, s, n, k)
    qs = predict_questions(
        person, rnd, s.case, context(request).knowledge, top=PRACTICE_QUESTIONS, number=n
    )
    q = _index(request.query_params.get("q"), len(qs))
    return render(
        request,
        "practice.html",
        s=s,
        section="practice",
        person=person,
        n=n,
        k=k,
        questions=qs,
        q=q,
        prompt=qs[q].text if qs else None,
        depth=0,
        asked=[],
        turn=None,
    )


def _index(raw: str | None, count: int) -> int:
    if raw is None or raw == "":
        return 0
    number = ascii_number(raw)
    if number is None or number >= max(count, 1):
        raise FinalistError(f"there is no question {raw[:10]!r} for this person; start again")
    return number


@router.post("/cases/{case_id}/practice/{n}/{k}", dependencies=[Csrf])
async def practice_answer(request: Request, case_id: str, n: int, k: int) -> Response:
    from finalist.coach.answers import MAX_ANSWER_BYTES, check_answer
    from finalist.coach.practice import respond
    from finalist.coach.questions import predict_questions
    from finalist.store import Attempt

    ctx = context(request)
    s = stored(request, case_id)
    rnd, person, who = _interviewer(request, s, n, k)
    qs = predict_questions(person, rnd, s.case, ctx.knowledge, top=PRACTICE_QUESTIONS, number=n)
    values = await posted(request)
    q = _index(str(values.get("q", "0")), len(qs))
    if not qs:
        raise FinalistError("no question is predicted for this person; add their title first")
    depth_text = str(values.get("depth", "0"))
    depth = int(depth_text) if depth_text in ("0", "1", "2") else 0
    prompt = qs[q].text if depth == 0 else _line(values, "prompt") or qs[q].text
    asked = _asked(values.get("asked"))
    seconds_text = str(values.get("seconds", ""))
    seconds = ascii_number(seconds_text) if len(seconds_text) < 6 else None
    page = {
        "s": s,
        "section": "practice",
        "person": person,
        "n": n,
        "k": k,
        "questions": qs,
        "q": q,
        "prompt": prompt,
        "depth": depth,
        "asked": asked,
    }
    try:
        answer = _line(values, "answer", MAX_ANSWER_BYTES)
        try:
            check_answer(answer)
        except FinalistError as exc:
            raise FormError({"answer": exc.message}) from None
    except FormError as exc:
        return render(
            request, "practice.html", 400, turn=None, form=values, errors=exc.errors, **page
        )
    turn = respond(qs[q], prompt, depth, answer, who, ctx.knowledge, asked, seconds)
    ctx.store.save_attempt(Attempt.of(s.id, person.name, turn, now()))
    next_asked = [*asked, turn.probe.text] if turn.probe else asked
    return render(request, "practice.html", turn=turn, next_asked=json.dumps(next_asked), **page)


def _asked(raw: Any) -> list[str]:
    """The probes already asked for this question, as the page sent them back."""
    if not isinstance(raw, str) or not raw or len(raw) > 5_000:
        return []
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    return [x[:MAX_LINE] for x in data if isinstance(x, str)][:4] if isinstance(data, list) else []
