"""Pages for practising and for after the round: one answer checked, the mock interview,
the debrief, the thank-you notes and the timeline."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from finalist.errors import FinalistError
from finalist.store import StoredCase
from finalist.web.app import FormError, check_csrf, context, render
from finalist.web.shared import now, posted, save_over, stored, to

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
    if not raw.isdigit() or int(raw) >= max(count, 1):
        raise FinalistError(f"there is no question {raw[:10]!r} for this person; start again")
    return int(raw)


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
    seconds = int(seconds_text) if seconds_text.isdigit() and len(seconds_text) < 6 else None
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


def _debrief_form(s: StoredCase, n: int) -> dict[str, str]:
    rnd = s.case.rounds[n - 1]
    form: dict[str, str] = {}
    d = rnd.debrief
    if d is None:
        return form
    for key in ("next_steps", "went_well", "went_badly"):
        form[key] = getattr(d, key) or ""
    form["decision_date"] = d.decision_date.isoformat() if d.decision_date else ""
    for k, p in enumerate(rnd.interviewers, start=1):
        talk = next((t for t in d.talked_with if t.interviewer == p.name), None)
        if talk:
            form[f"p{k}.topics"] = "\n".join(talk.topics)
            form[f"p{k}.interest"] = talk.interest or ""
            form[f"p{k}.clarify"] = talk.clarify or ""
    return form


@router.get("/cases/{case_id}/debrief")
def debrief_page(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    n = _chosen(request, s, request.query_params.get("round"))
    form = _debrief_form(s, n) if n else {}
    return render(
        request,
        "debrief.html",
        s=s,
        section="debrief",
        n=n,
        form=form,
        past=_past_rounds(request, s),
        saved=request.query_params.get("saved"),
    )


_DEBRIEF_PATH = re.compile(r"^rounds\[\d+\]\.debrief\.(?:talked_with\[(\d+)\]\.)?(\w+)[^:]*: (.*)$")


@router.post("/cases/{case_id}/debrief", dependencies=[Csrf])
async def save_debrief(request: Request, case_id: str) -> Response:
    from finalist import editing

    s = stored(request, case_id)
    values = await posted(request)
    n = _chosen(request, s, str(values.get("round", "")) or None)
    if n is None:
        raise FinalistError("no round has taken place yet: debrief a round after it")
    rnd = s.case.rounds[n - 1]
    talked: list[dict[str, Any]] = []
    order: list[int] = []
    try:
        for k, p in enumerate(rnd.interviewers, start=1):
            topics = [
                t.strip()
                for t in re.split(r"[\n;]", _line(values, f"p{k}.topics", 5_000))
                if t.strip()
            ]
            interest = _line(values, f"p{k}.interest", 5_000) or None
            clarify = _line(values, f"p{k}.clarify", 5_000) or None
            if topics or interest or clarify:
                talked.append(
                    {
                        "interviewer": p.name,
                        "topics": topics,
                        "interest": interest,
                        "clarify": clarify,
                    }
                )
                order.append(k)
        block: dict[str, Any] = {
            key: (_line(values, key, 20_000) or None)
            for key in ("next_steps", "went_well", "went_badly", "decision_date")
        }
        block["talked_with"] = talked
        try:
            case, _number = editing.set_debrief(s.case, str(n), block, context(request).today())
        except FinalistError as exc:
            match = _DEBRIEF_PATH.match(exc.message)
            if not match:
                raise FormError({"": exc.message}) from None
            person, field, message = match.groups()
            key = f"p{order[int(person)]}.{field}" if person is not None else field
            raise FormError({key: message}) from None
    except FormError as exc:
        return render(
            request,
            "debrief.html",
            400,
            s=s,
            section="debrief",
            n=n,
            form=values,
            errors=exc.errors,
            past=_past_rounds(request, s),
        )
    save_over(request, s, case)
    return to(f"/cases/{s.id}/thanks?round={n}&saved=debrief")


# --- thank-you notes and the timeline -------------------------------------------------


def _notes(request: Request, s: StoredCase, n: int) -> Any:
    from finalist.coach.followup import thank_you_notes
    from finalist.web.shared import sent

    ctx = context(request)
    return thank_you_notes(s.case, n, ctx.knowledge, ctx.today(), sent=sent(request, s).get(n))


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
    result = timeline(s.case, context(request).today(), rounds_sent(s.case, sent(request, s)))
    return render(request, "timeline.html", s=s, section="timeline", tl=result)
