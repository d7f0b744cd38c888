"""At a glance: where the candidate stands, what comes next and what is due.

Pure: takes the case and ``today``; every line it says comes from the case's own facts.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from finalist.model import Case, Format, Round, Stage, day_of, localise
from finalist.writing import join

STAGE_MEANING: dict[Stage, str] = {
    Stage.applied: "Applied: the application is in; nothing is scheduled yet.",
    Stage.screening: "Screening: a first call in which the team checks the basics.",
    Stage.first_round: "First round: the question is 'can you do the job?'",
    Stage.second_round: (
        "Second round: a few finalists meet more people, and the question shifts from "
        "'can you do the job?' to 'how will you do it, and how will you raise the role?'"
    ),
    Stage.final: "Final round: the team is choosing between its last candidates.",
    Stage.offer: "Offer: ask for it in writing and for time to decide.",
    Stage.closed: "Closed: this opportunity is over.",
}

FORMAT_MEANING: dict[Format, str] = {
    Format.panel: "several interviewers at once, to reach a shared decision",
    Format.one_on_one: "one interviewer at a time",
    Format.presentation: "a presentation on an assigned topic, then questions",
    Format.informal: "an informal meeting (coffee or lunch): a chemistry check",
    Format.virtual: "a video or phone interview",
    Format.group: "several candidates or an exercise together",
}


class Person(BaseModel):
    name: str
    title: str | None = None
    department: str | None = None


class RoundGlance(BaseModel):
    """One round as the candidate needs to see it in a list."""

    number: int
    label: str
    when: date | datetime | None
    days_away: int | None
    format: Format
    format_meaning: str
    duration_minutes: int | None
    location: str | None
    topic: str | None
    presentation_minutes: int | None
    people: list[Person]
    debriefed: bool


class Glance(BaseModel):
    """The brief's first section: who, what, when, and where the candidate stands."""

    case_id: str
    candidate: str
    company: str
    role: str
    department: str | None
    stage: Stage
    stage_meaning: str
    sector: str | None = None  # "schools and colleges (high: the company says 'academy')"
    finalists: int | None
    next_round: RoundGlance | None
    rounds: list[RoundGlance]
    standing: list[str]
    due: list[str]


def round_glance(rnd: Round, number: int, today: date, zone: str | None = None) -> RoundGlance:
    when = localise(rnd.date, zone) if rnd.date is not None else None
    days = (day_of(when) - today).days if when is not None else None
    return RoundGlance(
        number=number,
        label=rnd.label(number),
        when=when,
        days_away=days,
        format=rnd.format,
        format_meaning=FORMAT_MEANING[rnd.format],
        duration_minutes=rnd.duration_minutes,
        location=rnd.location,
        topic=rnd.topic,
        presentation_minutes=rnd.presentation_minutes,
        people=[
            Person(name=p.name, title=p.title, department=p.department) for p in rnd.interviewers
        ],
        debriefed=rnd.debrief is not None and bool(rnd.debrief.talked_with),
    )


def next_round(rounds: list[RoundGlance]) -> RoundGlance | None:
    """The earliest round from today on; rounds with no date come after dated ones."""
    upcoming = [r for r in rounds if r.days_away is None or r.days_away >= 0]
    if not upcoming:
        return None
    return min(upcoming, key=lambda r: (r.days_away is None, r.days_away or 0, _sort_time(r)))


def _sort_time(r: RoundGlance) -> str:
    return r.when.isoformat() if r.when is not None else ""


def at_a_glance(case: Case, today: date) -> Glance:
    opp = case.opportunity
    rounds = [
        round_glance(r, i, today, case.candidate.time_zone)
        for i, r in enumerate(case.rounds, start=1)
    ]
    upcoming = next_round(rounds)
    return Glance(
        case_id=case.case_id(),
        candidate=case.candidate.name,
        company=opp.company,
        role=opp.role,
        department=opp.department,
        stage=opp.stage,
        stage_meaning=STAGE_MEANING[opp.stage],
        finalists=opp.finalists,
        next_round=upcoming,
        rounds=rounds,
        standing=_standing(case, rounds, upcoming, today),
        due=_due(case, rounds, today),
    )


def _standing(
    case: Case, rounds: list[RoundGlance], upcoming: RoundGlance | None, today: date
) -> list[str]:
    opp = case.opportunity
    lines: list[str] = []
    if opp.finalists == 1:
        lines.append("You are the only finalist: the round is about confirming fit and buy-in.")
    elif opp.finalists:
        lines.append(
            f"You are one of {opp.finalists} finalists: the team already believes you can do "
            "the job and is now comparing how each finalist would do it."
        )
    done = [r for r in rounds if r.days_away is not None and r.days_away < 0]
    unscheduled = [r for r in rounds if r.when is None]
    if not rounds:
        lines.append("No rounds are recorded yet: add the rounds you were invited to.")
    elif upcoming is None:
        lines.append(
            "The round is behind you."
            if len(rounds) == 1
            else f"All {len(rounds)} rounds are behind you."
        )
    else:
        ahead = len(rounds) - len(done)
        lines.append(
            f"{len(done)} of {len(rounds)} rounds done, {ahead} ahead"
            + (f" ({len(unscheduled)} not scheduled yet)" if unscheduled else "")
            + "."
        )
    people = {p.name for r in rounds for p in r.people}
    if len(people) > 1:
        lines.append(
            f"You will meet {len(people)} people: a second round seeks consensus, so each "
            "of them needs their own reason to say yes."
        )
    for glance, rnd in zip(rounds, case.rounds, strict=True):
        if rnd.debrief is not None and rnd.debrief.decision_date is not None:
            decision = day_of(rnd.debrief.decision_date)
            days = (decision - today).days
            if days >= 0:
                lines.append(
                    f"After {glance.label} you were told to expect a decision by "
                    f"{decision:%a} {decision.day} {decision:%b %Y} ({_in(days)})."
                )
    first = opp.first_round
    if first is not None and (first.notes or first.interviewers):
        names = join([p.name for p in first.interviewers]) or "the first interviewer"
        lines.append(
            f"Round one ({names}) is on record: deepen what went well, fix what did not, "
            "and bring new examples."
        )
    return lines


def _due(case: Case, rounds: list[RoundGlance], today: date) -> list[str]:
    due: list[str] = []
    for glance, rnd in zip(rounds, case.rounds, strict=True):
        if glance.days_away is not None and glance.days_away < 0 and not glance.debriefed:
            due.append(
                f"{glance.label} took place {_ago(-glance.days_away)}: log what you discussed "
                "with each person in the round's debrief, then send each a thank-you note "
                "(within 24 hours of the interview)."
            )
        if rnd.debrief is not None and rnd.debrief.decision_date is not None:
            days = (day_of(rnd.debrief.decision_date) - today).days
            if days < 0:
                due.append(
                    f"The decision date after {glance.label} passed {_ago(-days)}: "
                    "a short, polite check-in is in order."
                )
        if glance.days_away is not None and 0 <= glance.days_away <= 2 and not glance.people:
            due.append(
                f"{glance.label} is {_in(glance.days_away)} and lists no interviewers: "
                "ask the recruiter for the names and titles."
            )
    return due


def rounds_ahead(glance: Glance) -> list[int]:
    """The numbers of the rounds from today on (undated ones count as ahead)."""
    return [r.number for r in glance.rounds if r.days_away is None or r.days_away >= 0]


def rounds_to_prepare(case: Case, today: date, ref: str | None = None) -> list[int]:
    """The round the user named (by number or name), or every round from ``today`` on;
    the last round when all are past."""
    from finalist.editing import round_index
    from finalist.errors import FinalistError

    if ref is not None:
        return [round_index(case, ref) + 1]
    if not case.rounds:
        raise FinalistError("the case has no rounds yet; add one with: finalist round add CASE")
    return rounds_ahead(at_a_glance(case, today)) or [len(case.rounds)]


def rounds_held(case: Case, today: date) -> list[int]:
    """The numbers of the rounds that have taken place (today's included)."""
    g = at_a_glance(case, today)
    return [r.number for r in g.rounds if r.days_away is not None and r.days_away <= 0]


def round_after(case: Case, today: date, ref: str | None, how: str) -> int:
    """The round the user named, or the latest one held; ``how`` says how to name one."""
    from finalist.editing import round_index
    from finalist.errors import FinalistError

    if ref is not None:
        return round_index(case, ref) + 1
    held = rounds_held(case, today)
    if not held:
        raise FinalistError(f"no round has taken place yet; say which with {how}")
    return held[-1]


def by_next_round(glances: list[Glance]) -> list[Glance]:
    """Cases in the order they need attention: the soonest next round first."""

    def key(g: Glance) -> tuple[int, int, str]:
        nxt = g.next_round
        if nxt is None or nxt.days_away is None:
            return (1, 0, g.case_id)
        return (0, nxt.days_away, _sort_time(nxt))

    return sorted(glances, key=key)


def _ago(days: int) -> str:
    return "yesterday" if days == 1 else f"{days} days ago"


def _in(days: int) -> str:
    return {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
