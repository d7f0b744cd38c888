"""The timeline to the decision: notes due, the decision date, polite check-ins, and when
to consider the process stalled; each step with a short draft for it.

Pure: takes the case and ``today``. A decision date the employer did not give is assumed
(ten business days after the last round) and marked as assumed.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, datetime, timedelta

from pydantic import BaseModel

from finalist.model import Case, Round, day_of

ASSUMED_DECISION_DAYS = 10  # business days after the last round, when no date was given
FIRST_CHECK_IN = 2  # business days after the decision date passes
SECOND_CHECK_IN = 5  # business days after the first check-in (a week later)
STALLED = 15  # business days after the decision date with no news


_WHEN_TOLD = re.compile(
    r"\b(?:decision|decide|decided|results?|outcome|hear(?: back)?|let (?:me|you|us) know|"
    r"offers?|feedback|in touch|get back|come back|call|ring)\b[^.;\n]{0,50}?"
    r"\b(?:by|on|within|before|after|end of|next|this)\b"
    r"[^.;\n]{0,30}?\b(?:\d{1,2}|monday|tuesday|wednesday|thursday|friday|weeks?|months?|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|days?)\b",
    re.IGNORECASE,
)


def says_when(text: str | None) -> str | None:
    """The words of ``text`` that say when the decision comes, if it does."""
    found = _WHEN_TOLD.search(" ".join((text or "").split()))  # a block's line breaks too
    return found.group(0) if found else None


def told_when(case: Case) -> str | None:
    """Where the case already says when the decision comes: a debrief's decision date, or
    the words of round one's notes or a debrief's next steps ("results by 18 December").
    Asking again would show you were not listening."""
    held = [day_of(r.date) for r in case.rounds if r.date is not None]
    last = max(held) if held else None
    for rnd in case.rounds:
        decided = rnd.debrief.decision_date if rnd.debrief is not None else None
        # a date before the last round is when that round's stage was decided, not the job
        if decided is not None and (last is None or day_of(decided) >= last):
            return "the decision date in your debrief"
    first = case.opportunity.first_round
    texts = [first.notes or ""] if first is not None else []
    texts += [r.debrief.next_steps or "" for r in case.rounds if r.debrief is not None]
    for text in texts:
        if said := says_when(text):
            return said
    return None


def add_business_days(start: date, days: int) -> date:
    """``days`` working days after ``start`` (Saturday and Sunday skipped)."""
    current = start
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current


class Step(BaseModel):
    on: date
    what: str
    assumed: bool
    draft: str | None
    due: bool  # today or overdue
    notes_round: int | None = None  # the round whose thank-you notes this step is about


class Timeline(BaseModel):
    steps: list[Step]
    decision: date | None
    decision_assumed: bool
    message: str | None


def _end(case: Case, rnd: Round) -> date | None:
    """The day the round ends, in the candidate's time zone."""
    when = case.when(rnd)
    if isinstance(when, datetime):
        return (when + timedelta(minutes=rnd.duration_minutes or 60)).date()
    return when


def timeline(case: Case, today: date, notes_sent: Collection[int] = ()) -> Timeline:
    """The steps from the rounds to the decision. ``notes_sent`` are the rounds whose
    thank-you notes have all gone (``followup.rounds_sent``): their step is done."""
    opp = case.opportunity
    dated = [(n, r) for n, r in enumerate(case.rounds, start=1) if r.date is not None]
    if not dated:
        return Timeline(
            steps=[],
            decision=None,
            decision_assumed=False,
            message="no dated round yet: add the rounds' dates to see the timeline",
        )
    steps: list[Step] = []
    for number, rnd in dated:
        end = _end(case, rnd)
        assert end is not None
        steps.append(
            Step(
                on=end + timedelta(days=1),
                what=f"Thank-you notes for {rnd.label(number)} (within 24 hours)",
                notes_round=number,
                assumed=False,
                draft=None,
                due=False,
            )
        )
    given = [
        day_of(r.debrief.decision_date)
        for _n, r in dated
        if r.debrief is not None and r.debrief.decision_date is not None
    ]
    last_end = max(e for e in (_end(case, r) for _n, r in dated) if e is not None)
    decision = max(given) if given else add_business_days(last_end, ASSUMED_DECISION_DAYS)
    assumed = not given
    steps.append(
        Step(
            on=decision,
            what="Decision expected"
            + (
                " (assumed: ask for the date at the end of the round)"
                if assumed
                else " (the date they gave)"
            ),
            assumed=assumed,
            draft=None,
            due=False,
        )
    )
    first = add_business_days(decision, FIRST_CHECK_IN)
    second = add_business_days(first, SECOND_CHECK_IN)
    stalled = add_business_days(decision, STALLED)
    steps += [
        Step(
            on=first,
            what="A short, polite check-in",
            assumed=assumed,
            due=False,
            draft=(
                f"I hope you are well. I wanted to follow up on the {opp.role} role: is "
                "there any news on the timing of a decision? I remain very interested."
            ),
        ),
        Step(
            on=second,
            what="A second check-in, a week later",
            assumed=assumed,
            due=False,
            draft=(
                f"I wanted to check in once more about the {opp.role} role at "
                f"{opp.company}. If anything has changed in the timeline, I would be "
                "grateful to know; I am still keen."
            ),
        ),
        Step(
            on=stalled,
            what="Consider the process stalled: keep your other options moving",
            assumed=assumed,
            draft=None,
            due=False,
        ),
    ]
    for step in steps:
        done = step.notes_round is not None and step.notes_round in notes_sent
        if done:
            step.what += " (sent)"
        step.due = step.on <= today and not done
    steps.sort(key=lambda s: s.on)
    return Timeline(steps=steps, decision=decision, decision_assumed=assumed, message=None)
