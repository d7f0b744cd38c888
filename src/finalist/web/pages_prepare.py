"""Pages for preparing: people and their questions, questions to ask, the why, the plan,
the playbooks, the story bank and the consensus map. Each calls the same ``coach``
function as its command."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from finalist.store import StoredCase
from finalist.web.app import context, render
from finalist.web.shared import stored

router = APIRouter(include_in_schema=False)


def _rounds(request: Request, case_id: str) -> tuple[StoredCase, list[int]]:
    from finalist.coach.glance import rounds_to_prepare

    s = stored(request, case_id)
    ref = request.query_params.get("round") or None
    numbers = rounds_to_prepare(s.case, context(request).today(), ref) if s.case.rounds else []
    return s, numbers


@router.get("/cases/{case_id}/people")
def people(request: Request, case_id: str) -> Response:
    from finalist.coach.questions import round_questions

    ctx = context(request)
    s, numbers = _rounds(request, case_id)
    rounds = [round_questions(s.case, n, ctx.knowledge) for n in numbers]
    return render(
        request,
        "section.html",
        s=s,
        section="people",
        rounds=rounds,
        title="People and their likely questions",
    )


@router.get("/cases/{case_id}/asks")
def asks(request: Request, case_id: str) -> Response:
    from finalist.coach.asks import asks_for_case

    ctx = context(request)
    s, numbers = _rounds(request, case_id)
    result = asks_for_case(s.case, ctx.knowledge, numbers)
    return render(
        request, "section.html", s=s, section="asks", asks=result, title="Questions to ask"
    )


@router.get("/cases/{case_id}/why")
def why(request: Request, case_id: str) -> Response:
    from finalist.coach.why import personal_why

    s = stored(request, case_id)
    result = personal_why(s.case, context(request).knowledge)
    return render(request, "section.html", s=s, section="why", why=result, title='Your "why"')


@router.get("/cases/{case_id}/plan")
def plan(request: Request, case_id: str, share: bool = False) -> Response:
    """The plan; ``?share=1``: the plan alone, to print or send."""
    from finalist.coach.plan import first_six_months

    s = stored(request, case_id)
    result = first_six_months(s.case, context(request).knowledge, context(request).today())
    return render(
        request,
        "section.html",
        s=s,
        section="plan",
        plan=result,
        share=share,
        title="Your first six months",
    )


@router.get("/cases/{case_id}/playbook")
def playbook(request: Request, case_id: str) -> Response:
    from finalist.coach.playbook import round_playbook

    ctx = context(request)
    s, numbers = _rounds(request, case_id)
    books = [round_playbook(s.case, n, ctx.knowledge, ctx.today()) for n in numbers]
    return render(
        request, "section.html", s=s, section="playbook", playbooks=books, title="Playbooks"
    )


@router.get("/cases/{case_id}/stories")
def stories(request: Request, case_id: str) -> Response:
    from finalist.coach.matching import match_round
    from finalist.coach.questions import round_questions
    from finalist.coach.stories import story_bank

    ctx = context(request)
    s, numbers = _rounds(request, case_id)
    bank = story_bank(s.case, ctx.knowledge)
    matches = [
        match_round(round_questions(s.case, n, ctx.knowledge), s.case.stories, ctx.knowledge)
        for n in numbers
    ]
    return render(
        request,
        "section.html",
        s=s,
        section="stories",
        bank=bank,
        matches=matches,
        title="Your stories",
    )


@router.get("/cases/{case_id}/consensus")
def consensus(request: Request, case_id: str) -> Response:
    from finalist.coach.consensus import consensus_map

    ctx = context(request)
    s, numbers = _rounds(request, case_id)
    maps = [consensus_map(s.case, n, ctx.knowledge) for n in numbers]
    return render(
        request, "section.html", s=s, section="consensus", maps=maps, title="Consensus map"
    )
