"""The consensus map: for each person in a round, what they care about and whether the
candidate's prepared evidence answers it (covered, weak or open), then the round's gaps
ranked by how much they matter to the people who decide.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from finalist.coach.answers import MEASURE
from finalist.coach.interviewers import Dossier, dossier
from finalist.coach.matching import fit, match_round
from finalist.coach.plan import Plan, first_six_months
from finalist.coach.questions import RoundQuestions, round_questions
from finalist.coach.stories import PARTS
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype, Theme
from finalist.model import Case, Story
from finalist.text import distinctive, keywords, sentences

Status = Literal["covered", "weak", "open"]
STRONG_FIT = 2.0  # a story this close to a concern answers it
SOME_FIT = 1.0
CONCERNS_PER_PERSON = 4
# How much each kind of person weighs in the decision (the gaps are ranked by it).
WEIGHT = {
    Archetype.executive: 3.0,
    Archetype.hiring_manager: 3.0,
    Archetype.department_head: 2.0,
    Archetype.cross_functional: 1.5,
    Archetype.hr_recruiter: 1.0,
    Archetype.peer: 1.0,
}
_TOLD = re.compile(r"\b(story|stories|example|told|talked about|described|mentioned)\b", re.I)
_ROUND_ONE_ISSUE = (
    "badly",
    "weak",
    "too general",
    "vague",
    "thin",
    "left open",
    "open",
    "did not",
    "didn't",
    "unsure",
    "not sure",
    "fumbl",
)


class Evidence(BaseModel):
    kind: Literal["story", "plan", "strength"]
    text: str
    detail: str


class Concern(BaseModel):
    text: str
    source: str
    status: Status
    why: str
    evidence: list[Evidence]


class PersonMap(BaseModel):
    name: str
    title: str | None
    archetype: str
    weight: float
    concerns: list[Concern]


class Gap(BaseModel):
    concern: str
    people: list[str]
    status: Status
    weight: float
    prepare: str


class SharedLine(BaseModel):
    question: str
    askers: list[str]
    answer_with: str | None
    advice: str


class ConsensusMap(BaseModel):
    round_number: int
    round_label: str
    people: list[PersonMap]
    gaps: list[Gap]
    shared: list[SharedLine]
    round_one_fixes: list[str]
    told_in_round_one: list[str]


def _complete_and_measured(story: Story) -> bool:
    return all(getattr(story, p) for p in PARTS) and bool(MEASURE.search(story.result or ""))


def _concern(
    text: str, source: str, stories: list[Story], plan: Plan, strengths: list[str]
) -> Concern:
    evidence: list[Evidence] = []
    fits = sorted((fit(text, (), s) for s in stories), key=lambda f: (-f.score, f.story))
    by_title = {s.title: s for s in stories}
    for f in fits[:2]:
        if f.score >= SOME_FIT:
            evidence.append(Evidence(kind="story", text=f.story, detail="; ".join(f.reasons)))
    terms = distinctive(keywords(text))
    for stage in plan.stages:
        for m in stage.milestones:
            if text.lower() in m.text.lower() or len(terms & distinctive(keywords(m.text))) >= 2:
                evidence.append(
                    Evidence(kind="plan", text=m.text, detail=f"by day {stage.days} of your plan")
                )
                break
    for strength in strengths:
        if terms & distinctive(keywords(strength)):
            evidence.append(Evidence(kind="strength", text=strength, detail="a strength you named"))
    strong = [
        f for f in fits if f.score >= STRONG_FIT and _complete_and_measured(by_title[f.story])
    ]
    if strong:
        status: Status = "covered"
        why = f"'{strong[0].story}' answers it, with a measured result"
    elif evidence:
        status = "weak"
        why = (
            "only a plan or a strength speaks to it"
            if not any(e.kind == "story" for e in evidence)
            else "a story touches it, but it is incomplete, unmeasured or a loose fit"
        )
    else:
        status = "open"
        why = "nothing you have prepared speaks to it yet"
    return Concern(text=text, source=source, status=status, why=why, evidence=evidence)


def _person(d: Dossier, case: Case, plan: Plan) -> PersonMap:
    concerns = [
        _concern(p.text.rstrip("."), p.source, case.stories, plan, case.candidate.strengths)
        for p in d.priorities[:CONCERNS_PER_PERSON]
    ]
    return PersonMap(
        name=d.name,
        title=d.title,
        archetype=d.archetype.label,
        weight=WEIGHT[Archetype(d.archetype.value)],
        concerns=concerns,
    )


def _prepare(c: Concern) -> str:
    stories = [e.text for e in c.evidence if e.kind == "story"]
    if c.status == "weak" and stories:
        return (
            f"sharpen '{stories[0]}' for this: say what you did about it yourself and "
            "end with a measured result"
        )
    return f"a story that shows {c.text[:1].lower() + c.text[1:]}, with a measured result"


def consensus_map(
    case: Case,
    number: int,
    knowledge: Knowledge,
    *,
    plan: Plan | None = None,
    questions: RoundQuestions | None = None,
) -> ConsensusMap:
    """The map for one round. ``plan`` and ``questions`` may be passed in when the caller
    has them already (the brief does), so they are not worked out twice."""
    rnd = case.rounds[number - 1]
    plan = plan or first_six_months(case, knowledge)
    people = [
        _person(dossier(p, rnd, number, case, knowledge), case, plan) for p in rnd.interviewers
    ]
    gaps: dict[str, Gap] = {}
    for person in people:
        for c in person.concerns:
            if c.status == "covered":
                continue
            share = person.weight * (1.0 if c.status == "open" else 0.5)
            gap = gaps.get(c.text)
            if gap is None:
                gaps[c.text] = Gap(
                    concern=c.text,
                    people=[person.name],
                    status=c.status,
                    weight=share,
                    prepare=_prepare(c),
                )
            else:
                gap.people.append(person.name)
                gap.weight += share
    ranked = sorted(gaps.values(), key=lambda g: (-g.weight, g.concern))
    rq = questions or round_questions(case, number, knowledge, top=10)
    matches = {m.question_id: m for m in match_round(rq, case.stories).matches}
    first = case.opportunity.first_round
    notes = first.notes if first and first.notes else ""
    fixes = [x for x in sentences(notes) if any(cue in x.lower() for cue in _ROUND_ONE_ISSUE)]
    # what earlier rounds of this stage did not do well, from their debriefs
    fixes += [
        f"{r.label(i)}: {' '.join(r.debrief.went_badly.split())}"
        for i, r in enumerate(case.rounds[: number - 1], start=1)
        if r.debrief is not None and r.debrief.went_badly
    ]
    # a story the round-one notes say was told ("he liked the reconciliation story")
    told_lines = [x for x in sentences(notes) if _TOLD.search(x)]
    told = [
        st.title
        for st in case.stories
        if any(
            len(t) >= 6 and t in distinctive(keywords(line))
            for line in told_lines
            for t in distinctive(keywords(st.title))
        )
    ]
    themes = {q.id: q.themes for p in rq.people for q in p.questions}
    shared = []
    for line in rq.shared:
        match = matches.get(line.id)
        story = match.best.story if match is not None and match.best is not None else None
        if Theme.first_six_months in themes.get(line.id, []):
            advice = (
                "Answer from your first-six-months plan (finalist plan), the same way each time."
            )
            story = None
        elif story:
            advice = f"Give the same answer to each of them: lead with '{story}'."
            if story in told:
                advice += " It was told in round one: use a new example if you have one."
        else:
            advice = "Give the same answer to each of them; prepare a story for it."
        shared.append(
            SharedLine(question=line.text, askers=line.askers, answer_with=story, advice=advice)
        )
    return ConsensusMap(
        round_number=number,
        round_label=rnd.label(number),
        people=people,
        gaps=ranked,
        shared=shared,
        round_one_fixes=fixes,
        told_in_round_one=told,
    )
