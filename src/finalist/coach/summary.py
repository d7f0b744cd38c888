"""The brief's summary: what matters for the next day of interviews, in five minutes.

Chosen from the brief's own results (nothing is worked out again, no sentence is made
up here): each person in the next round(s) with their top concern and their most likely
question, the questions most worth preparing with the story that answers each, the
gaps in your evidence, and the next things to do, with the command for each.
"""

from __future__ import annotations

import re
import shlex
from datetime import date

from pydantic import BaseModel

from finalist.coach.brief import Brief, RoundBrief
from finalist.coach.consensus import Status
from finalist.coach.matching import QuestionStories
from finalist.fields import day_of
from finalist.model import Case

SUMMARY_QUESTIONS = 5  # the questions most worth preparing, across the day's rounds
SUMMARY_GAPS = 5
_SAFE = re.compile(r"^[\w@%+=:,./-]+$")


class PersonLine(BaseModel):
    """One person you will meet, in about three lines."""

    name: str
    title: str | None
    round_number: int
    round_label: str
    index: int  # their place in the round, from 1 (the web links to practice with it)
    kind: str  # their part in the decision: "hiring manager", "peer"...
    cares: str | None  # their top priority or concern
    cares_source: str | None  # "you noted", "typical for Finance"
    cares_status: Status | None  # whether your evidence answers it
    question: str | None  # the question they are most likely to ask
    story: str | None  # the story that answers it; None: no story yet
    top_number: int | None = None  # its place among the questions most worth preparing


class TopQuestion(BaseModel):
    """A question worth preparing, with who asks it and your story for it."""

    text: str
    askers: list[str]
    round_labels: list[str]
    because: str  # why it is likely, from the prediction's reasons
    story: str | None  # None: no story answers it yet
    story_why: str | None  # why the story fits, or what to do about the gap


class SummaryGap(BaseModel):
    concern: str
    people: list[str]
    status: Status
    prepare: str


class NextStep(BaseModel):
    """A concrete next action: a short fixed label, the detail from the brief, and the
    command (terminal) or page (web, relative to the case's page) that does it."""

    label: str
    detail: str | None = None
    on: date | None = None
    command: str | None = None
    page: str | None = None


class BriefSummary(BaseModel):
    rounds: list[str]  # the rounds it covers: the next one and any on the same day
    later: list[str]  # the rounds ahead it leaves to the full brief
    people: list[PersonLine]
    questions: list[TopQuestion]
    asked: int  # likely questions in these rounds, each once
    unanswered: int  # of them, those no story answers yet
    stories: int  # stories in the case
    gaps: list[SummaryGap]
    next_steps: list[NextStep]


def focus_rounds(brief: Brief) -> list[RoundBrief]:
    """The next round and the other rounds ahead on the same day (a day of interviews)."""
    nxt = brief.glance.next_round
    if nxt is None:
        return []
    numbers = {nxt.number}
    if nxt.when is not None:
        day = day_of(nxt.when)
        numbers |= {
            r.number
            for r in brief.glance.rounds
            if r.when is not None and day_of(r.when) == day and (r.days_away or 0) >= 0
        }
    return [rb for rb in brief.rounds if rb.people.round_number in numbers]


def arg(text: str) -> str:
    """A command-line argument as a person would type it: quoted only when it must be."""
    if _SAFE.match(text):
        return text
    if not re.search(r'["$`\\!]', text):
        return f'"{text}"'
    return shlex.quote(text)


def _matches(rb: RoundBrief) -> dict[tuple[str, str], QuestionStories]:
    return {(m.interviewer, m.question_id): m for m in rb.stories.matches}


def _people(focus: list[RoundBrief]) -> list[PersonLine]:
    lines: list[PersonLine] = []
    seen: set[str] = set()
    for rb in focus:
        matches = _matches(rb)
        maps = {p.name: p for p in rb.consensus.people}
        for index, pq in enumerate(rb.people.people, start=1):
            d = pq.dossier
            if d.name in seen:
                continue
            seen.add(d.name)
            pm = maps.get(d.name)
            concern = pm.concerns[0] if pm is not None and pm.concerns else None
            top = pq.questions[0] if pq.questions else None
            match = matches.get((d.name, top.id)) if top is not None else None
            lines.append(
                PersonLine(
                    name=d.name,
                    title=d.title,
                    round_number=rb.people.round_number,
                    round_label=rb.people.round_label,
                    index=index,
                    kind=d.seat.label if d.seat else d.archetype.label,
                    cares=concern.text if concern else None,
                    cares_source=concern.source if concern else None,
                    cares_status=concern.status if concern else None,
                    question=top.text if top else None,
                    story=match.best.story if match and match.best else None,
                )
            )
    return lines


def _questions(focus: list[RoundBrief]) -> list[TopQuestion]:
    """Ranked by how likely each asker is to ask it, weighted by how much their voice
    counts in the decision (the consensus map's weights): a question several people who
    decide will ask comes first."""
    ranked: dict[str, tuple[float, TopQuestion]] = {}
    for rb in focus:
        matches = _matches(rb)
        weights = {p.name: p.weight for p in rb.consensus.people}
        for pq in rb.people.people:
            name = pq.dossier.name
            for q in pq.questions:
                value = q.score * weights.get(name, 1.0)
                held = ranked.get(q.text)
                if held is not None:
                    total, top = held
                    if name not in top.askers:
                        top.askers.append(name)
                    if rb.people.round_label not in top.round_labels:
                        top.round_labels.append(rb.people.round_label)
                    ranked[q.text] = (total + value, top)
                    continue
                m = matches.get((name, q.id))
                best = m.best if m is not None else None
                ranked[q.text] = (
                    value,
                    TopQuestion(
                        text=q.text,
                        askers=[name],
                        round_labels=[rb.people.round_label],
                        because=q.reasons[0] if q.reasons else q.why,
                        story=best.story if best else None,
                        story_why=("; ".join(best.reasons) if best and best.reasons else None)
                        if best
                        else (m.note if m is not None else None),
                    ),
                )
    order = sorted(ranked.values(), key=lambda item: (-item[0], item[1].text))
    return [top for _value, top in order[:SUMMARY_QUESTIONS]]


def _gaps(focus: list[RoundBrief]) -> list[SummaryGap]:
    """Concerns nothing answers first (open), then weak ones, most weight first."""
    merged: dict[str, tuple[float, SummaryGap]] = {}
    for rb in focus:
        for g in rb.consensus.gaps:
            held = merged.get(g.concern)
            if held is None:
                merged[g.concern] = (
                    g.weight,
                    SummaryGap(
                        concern=g.concern, people=list(g.people), status=g.status, prepare=g.prepare
                    ),
                )
                continue
            weight, gap = held
            gap.people += [p for p in g.people if p not in gap.people]
            if g.status == "open":
                gap.status = "open"
            merged[g.concern] = (weight + g.weight, gap)
    order = sorted(
        merged.values(), key=lambda item: (item[1].status != "open", -item[0], item[1].concern)
    )
    return [gap for _w, gap in order[:SUMMARY_GAPS]]


def _practice_with(people: list[PersonLine], focus: list[RoundBrief]) -> PersonLine | None:
    """The person to rehearse with first: who weighs most in the decision, preferring one
    whose likeliest question has no story yet."""
    weights = {p.name: p.weight for rb in focus for p in rb.consensus.people}
    if not people:
        return None
    return min(
        people,
        key=lambda p: (p.question is None, p.story is not None, -weights.get(p.name, 1.0)),
    )


_STORY_ADD = 'finalist story add {case} --title "TITLE" --situation "..." --result "..."'
_ROUND_ADD = "finalist round add {case} --name NAME --date YYYY-MM-DDTHH:MM"
_PERSON_ADD = 'finalist interviewer add {case} --round N --name "NAME" --title "TITLE"'


def _next_steps(
    brief: Brief,
    stories: int,
    people: list[PersonLine],
    gaps: list[SummaryGap],
    focus: list[RoundBrief],
    ref: str,
    stored: bool,
) -> list[NextStep]:
    """The next things to do, most urgent first. A case read from a file cannot be
    changed from the command line: its changes point to importing it first."""
    case = arg(ref)
    steps: list[NextStep] = []

    def change(label: str, command: str, page: str, detail: str | None = None) -> None:
        steps.append(
            NextStep(
                label=label,
                detail=detail,
                command=command.format(case=case) if stored else None,
                page=page,
            )
        )

    for r in brief.glance.rounds:
        if r.days_away is not None and r.days_away < 0 and not r.debriefed:
            change(
                "Log the debrief",
                f"finalist debrief {{case}} --round {r.number}",
                f"/debrief?round={r.number}",
                r.label,
            )
    labels = {r.number: r.label for r in brief.glance.rounds}
    for step in brief.timeline.steps:
        if step.due and step.notes_round is not None:
            steps.append(
                NextStep(
                    label="Send your thank-you notes",
                    detail=labels.get(step.notes_round),
                    on=step.on,
                    command=f"finalist thanks {case} --round {step.notes_round}",
                    page=f"/thanks?round={step.notes_round}",
                )
            )
    if not brief.glance.rounds:
        change("Add the rounds you are invited to", _ROUND_ADD, "/rounds/new")
    elif not focus:
        upcoming = next((s for s in brief.timeline.steps if s.on > brief.today), None)
        if upcoming is not None:
            steps.append(
                NextStep(label="Next on your timeline", detail=upcoming.what, on=upcoming.on)
            )
        change("Invited to another round? Add it", _ROUND_ADD, "/rounds/new")
    elif not people:
        change("Ask the recruiter who you will meet, then add them", _PERSON_ADD, "/edit")
    if not stories:
        change("Add your stories", _STORY_ADD, "/stories/new")
    elif gaps:
        change("Close the first gap with a story", _STORY_ADD, "/stories/new", gaps[0].concern)
    if not stored and any(s.command is None and s.page for s in steps):
        steps.append(
            NextStep(
                label="To change the case from here, store it first",
                command=f"finalist import {case}",
            )
        )
    first = _practice_with(people, focus)
    if first is not None:
        rounds = [r for r in brief.glance.rounds if any(p.name == first.name for p in r.people)]
        where = f" --round {first.round_number}" if len(rounds) > 1 else ""
        steps.append(
            NextStep(
                label="Practise aloud",
                detail=first.name,
                command=f"finalist practice {case} -i {arg(first.name)}{where}",
                page=f"/practice/{first.round_number}/{first.index}",
            )
        )
    steps.append(
        NextStep(
            label="Everything, in full: dossiers, all questions, playbooks, scripts",
            command=f"finalist brief {case} --full",
        )
    )
    steps.append(
        NextStep(label="To print or share", command=f"finalist brief {case} --to md -o brief.md")
    )
    return steps


def brief_summary(
    brief: Brief, case: Case, case_ref: str | None = None, *, stored: bool = True
) -> BriefSummary:
    """What matters most in the brief of ``case``, for the next day of interviews.
    ``case_ref`` is how the candidate named the case (its id, by default) for the
    commands it suggests; ``stored`` is False for a case read from a file, which the
    commands that change a case cannot change."""
    focus = focus_rounds(brief)
    people = _people(focus)
    questions = _questions(focus)
    numbers = {q.text: i for i, q in enumerate(questions, start=1)}
    for p in people:
        p.top_number = numbers.get(p.question or "")
    # each question once, however many people ask it: answered when any story answers it
    answered: dict[str, bool] = {}
    for rb in focus:
        for m in rb.stories.matches:
            answered[m.question] = answered.get(m.question, False) or m.best is not None
    ahead = {r.number for r in brief.glance.rounds if r.days_away is None or r.days_away >= 0}
    covered = {rb.people.round_number for rb in focus}
    count = len(case.stories)
    gaps = _gaps(focus)
    return BriefSummary(
        rounds=[rb.people.round_label for rb in focus],
        later=[r.label for r in brief.glance.rounds if r.number in ahead - covered],
        people=people,
        questions=questions,
        asked=len(answered),
        unanswered=sum(not ok for ok in answered.values()),
        stories=count,
        gaps=gaps,
        next_steps=_next_steps(
            brief, count, people, gaps, focus, case_ref or brief.glance.case_id, stored
        ),
    )
