"""The consensus map: for each person in a round, what they care about and whether the
candidate's prepared evidence answers it (covered, weak or open), then the round's gaps
ranked by how much they matter to the people who decide. Round one's weak answers come
back here as preparation: a concern for the person who heard the answer when they are in
the round, otherwise a point for the whole round, and a prepared answer (``repairs``).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from finalist.coach.answers import MEASURE
from finalist.coach.followup import writer_for
from finalist.coach.interviewers import Dossier, dossier
from finalist.coach.matching import fit, match_round
from finalist.coach.plan import Plan, first_six_months
from finalist.coach.questions import RoundQuestions, round_questions
from finalist.coach.reasons import Reasons, reasons_for
from finalist.coach.repairs import Repair, repairs
from finalist.coach.round_one import RoundOne, read_round_one
from finalist.coach.stories import PARTS
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype, Theme
from finalist.model import Case, Story, same_person
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
    from_round_one: bool = False  # a weak answer from round one, for the whole round


class ConsensusMap(BaseModel):
    round_number: int
    round_label: str
    people: list[PersonMap]
    gaps: list[Gap]
    shared: list[SharedLine]
    round_one_fixes: list[str]  # what went badly before this round, as you wrote it
    told_in_round_one: list[str]
    repairs: list[Repair] = []  # round one's weak answers and open questions, prepared


def _complete_and_measured(story: Story) -> bool:
    return all(getattr(story, p) for p in PARTS) and bool(MEASURE.search(story.result or ""))


def _concern(
    text: str, source: str, stories: list[Story], plan: Plan, strengths: list[str], say: Reasons
) -> Concern:
    evidence: list[Evidence] = []
    fits = sorted((fit(text, (), s, say) for s in stories), key=lambda f: (-f.score, f.story))
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


def _person(d: Dossier, case: Case, plan: Plan, say: Reasons) -> PersonMap:
    concerns = [
        _concern(p.text.rstrip("."), p.source, case.stories, plan, case.candidate.strengths, say)
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


def _told(case: Case, round_one: RoundOne) -> list[str]:
    """The stories round one's notes say were told ("he liked the reconciliation story")."""
    first = case.opportunity.first_round
    notes = first.notes if first and first.notes else ""
    lines = [x for x in sentences(notes) if _TOLD.search(x)]
    lines += [item.text for item in round_one.went_well]
    return [
        st.title
        for st in case.stories
        if any(
            len(t) >= 6 and t in distinctive(keywords(line))
            for line in lines
            for t in distinctive(keywords(st.title))
        )
    ]


def _repair_concern(r: Repair, case: Case, plan: Plan, say: Reasons) -> Concern:
    """A weak answer from round one, as a concern of the person who heard it."""
    c = _concern(
        r.topic or r.noted, r.point or "", case.stories, plan, case.candidate.strengths, say
    )
    if r.story and not any(e.kind == "story" and e.text == r.story for e in c.evidence):
        c.evidence.insert(0, Evidence(kind="story", text=r.story, detail=r.story_why or ""))
    return c


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
    w = writer_for(case, knowledge)
    say = reasons_for(knowledge)
    people = [
        _person(dossier(p, rnd, number, case, knowledge), case, plan, say) for p in rnd.interviewers
    ]
    round_one = read_round_one(case)
    told = _told(case, round_one)
    found = repairs(w, round_one, case.stories, told)
    in_case = [p.name for r in case.rounds for p in r.interviewers]
    kept: list[Repair] = []
    shared_repairs: list[SharedLine] = []
    for r in found:
        here = next((p for p in people if r.heard_by and same_person(p.name, r.heard_by)), None)
        elsewhere = r.heard_by is not None and any(same_person(r.heard_by, n) for n in in_case)
        if r.kind != "weak answer":
            kept.append(r)
        elif here is not None:
            here.concerns.insert(0, _repair_concern(r, case, plan, say))
            kept.append(r)
        elif not elsewhere:  # heard by no one in the rounds ahead: the whole round prepares
            shared_repairs.append(
                SharedLine(
                    question=r.question or r.noted,
                    askers=[p.name for p in people],
                    answer_with=r.story,
                    advice=" ".join(a for a in [r.point, *r.advice] if a),
                    from_round_one=True,
                )
            )
            kept.append(r)
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
    matches = {m.question_id: m for m in match_round(rq, case.stories, knowledge).matches}
    fixes = [item.text for item in round_one.went_badly]
    # what earlier rounds of this stage did not do well, from their debriefs
    fixes += [
        f"{r.label(i)}: {' '.join(r.debrief.went_badly.split())}"
        for i, r in enumerate(case.rounds[: number - 1], start=1)
        if r.debrief is not None and r.debrief.went_badly
    ]
    themes = {q.id: q.themes for p in rq.people for q in p.questions}
    shared = []
    for line in rq.shared:
        match = matches.get(line.id)
        story = match.best.story if match is not None and match.best is not None else None
        if Theme.first_six_months in themes.get(line.id, []):
            advice = w.say("consensus-shared-plan")
            story = None
        elif story:
            advice = w.say("consensus-shared-story", story=story)
            if story in told:
                advice = w.say("consensus-shared-told", story=story) or advice
        else:
            advice = w.say("consensus-shared-none")
        shared.append(
            SharedLine(
                question=line.text, askers=line.askers, answer_with=story, advice=advice or ""
            )
        )
    return ConsensusMap(
        round_number=number,
        round_label=rnd.label(number),
        people=people,
        gaps=ranked,
        shared=shared_repairs + shared,
        round_one_fixes=fixes,
        told_in_round_one=told,
        repairs=kept,
    )
