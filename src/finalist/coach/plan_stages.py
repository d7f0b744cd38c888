"""The plan's four stages, milestone by milestone: learn (meet, look, baseline), contribute,
lead, look ahead. Each milestone is built from the case and worded from
``phrasing/plan.yaml``; ``plan`` puts the stages together.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel

from finalist.coach.company_notes import CompanyFact, first_of
from finalist.coach.plan_inputs import LARGE_TEAM, People, doing_form, team_size
from finalist.writing import Writer, organisation, possessive, short_role

Values = str | list[str] | None

MEET_NAMES = 5
MILESTONES = 4  # at most, per stage
PEOPLE = "the people you met"
GOOD_PRACTICE = "a step most new starters take"
NOTES = "your company notes"
JOB = "your job description"
MY_MANAGER = "my line manager"
OLD_CHANGE_YEARS = 2  # a change the notes date this many years back is history, not news


class Milestone(BaseModel):
    text: str
    measure: str
    source: str
    quote: str | None = None  # the words of your notes it came from


class PlanWriter:
    """The plan's writer, with what every wording may use: the employer, the role and the
    line manager ("my line manager" when finalist cannot tell who it is)."""

    def __init__(self, writer: Writer, company: str, role: str, manager: str | None) -> None:
        self.writer = writer
        self.company = organisation(company)
        self.role = short_role(role)
        self.manager = manager or MY_MANAGER

    def say(self, phrase_id: str, **values: Values) -> str | None:
        given: dict[str, Values] = {
            "company": self.company,
            "role": self.role,
            "manager": self.manager,
        }
        return self.writer.say(phrase_id, 0, **(given | values))

    def milestone(
        self,
        phrase_id: str,
        source: str,
        *,
        measured_by: str | None = None,
        quote: str | None = None,
        **values: Values,
    ) -> Milestone | None:
        """A milestone and its measure (the entry ``phrase_id``-measure unless named), or
        None when its wording cannot take the values."""
        text = self.say(phrase_id, **values)
        measure = self.say(measured_by or f"{phrase_id}-measure", **values)
        if text is None or measure is None:
            return None
        return Milestone(text=text, measure=measure, source=source, quote=quote)


def _kept(*milestones: Milestone | None) -> list[Milestone]:
    return [m for m in milestones if m is not None]


def lower_first_letter(text: str) -> str:
    text = text.rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


class PlanInputs(BaseModel):
    """What the plan is built from, read once."""

    people: People
    facts: list[CompanyFact]
    duties: list[str]  # the duties the role can own, in the job description's words
    team: str | None
    baseline: list[tuple[str, str, str | None]]  # (measure, where from, the words quoted)
    priorities: list[tuple[str, str]]  # (priority, whose), colleagues in round order
    today: date
    unit: str | None = None  # the site, ward or team the role runs: "Hollins Park"

    def recent(self, fact: CompanyFact) -> bool:
        """A change the notes do not date years back ("bought ... in 2022" is history)."""
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", fact.text)]
        return not years or max(years) > self.today.year - OLD_CHANGE_YEARS


def learn(w: PlanWriter, x: PlanInputs) -> list[Milestone]:
    people = x.people
    others = [n for n in people.colleagues if n != people.manager][:MEET_NAMES]
    meet: Milestone | None = None
    if people.manager and others:
        meet = w.milestone(
            "plan-meet-manager", PEOPLE, measured_by="plan-meet-measure", names=others
        )
    elif people.manager:
        meet = w.milestone("plan-meet-manager-only", PEOPLE, measured_by="plan-meet-measure")
    elif people.colleagues:
        meet = w.milestone(
            "plan-meet", PEOPLE, measured_by="plan-meet-measure", names=people.colleagues[:5]
        )
    meet = meet or w.milestone("plan-meet-anyone", GOOD_PRACTICE, measured_by="plan-meet-measure")
    size = team_size(x.team) if x.team else None
    large = size is not None and size > LARGE_TEAM
    team = (
        w.milestone("plan-meet-team-large" if large else "plan-meet-team", JOB, team=x.team)
        if x.team
        else None
    )
    voices = (
        w.milestone("plan-meet-representatives", PEOPLE, names=people.representatives)
        if people.representatives
        else None
    )
    look = _look(w, x)
    harm = first_of(x.facts, "safety")
    safety = w.milestone("plan-safety", NOTES, quote=harm.text) if harm is not None else None
    baseline: Milestone | None = None
    if len(x.baseline) > 1:
        (one, src1, quote), (two, src2, _q) = x.baseline[0], x.baseline[1]
        baseline = w.milestone(
            "plan-baseline-two",
            src1 if src1 == src2 else f"{src1} and {src2}",
            measured_by="plan-baseline-measure",
            quote=quote,
            measure=one,
            other=two,
            company=x.unit or w.company,
        )
    if baseline is None and x.baseline:
        one, src1, quote = x.baseline[0]
        baseline = w.milestone(
            "plan-baseline-one",
            src1,
            measured_by="plan-baseline-measure",
            quote=quote,
            measure=one,
            company=x.unit or w.company,
        )
    agree = w.milestone("plan-agree-measures", GOOD_PRACTICE)
    return _kept(meet, safety, team, voices, look, baseline, agree)[:MILESTONES]


def _look(w: PlanWriter, x: PlanInputs) -> Milestone | None:
    """What the company notes say the new starter must get to grips with first."""
    inspection = first_of(x.facts, "inspection")
    if inspection is not None:
        return w.milestone(
            "plan-inspection" if inspection.subject else "plan-inspection-unnamed",
            NOTES,
            measured_by="plan-inspection-measure",
            quote=inspection.text,
            regulator=inspection.subject,
        )
    finding = first_of(x.facts, "finding")
    if finding is not None:
        return w.milestone("plan-finding", NOTES, quote=finding.text, finding=finding.subject)
    change = next((f for f in x.facts if f.kind == "change" and x.recent(f)), None)
    if change is not None:
        return w.milestone("plan-change-learn", NOTES, quote=change.text, change=change.subject)
    return None


def contribute(w: PlanWriter, x: PlanInputs) -> tuple[list[Milestone], str | None, str | None]:
    """The day-60 milestones, whose priority they took up, and the duty begun."""
    measured = {m.casefold() for m, _src, _q in x.baseline}
    wanted = first_of(x.facts, "priority")
    improve: Milestone | None = None
    used: str | None = None
    if wanted is not None and wanted.subject:
        against = wanted.subject.casefold() in measured
        improve = w.milestone(
            "plan-company-priority",
            NOTES,
            measured_by="plan-improve-against-baseline" if against else "plan-improve-reviewed",
            quote=wanted.text,
            priority=wanted.subject,
            who=w.manager,
        )
    for priority, who in x.priorities if improve is None else []:
        against = priority.casefold() in measured
        improve = w.milestone(
            "plan-person-priority",
            possessive(who) + " stated priority",
            measured_by="plan-improve-against-baseline" if against else "plan-improve-reviewed",
            priority=priority,
            who=who,
        )
        if improve is not None:
            used = who
            break
    begun = x.duties[1] if len(x.duties) > 1 else x.duties[0] if x.duties else None
    doing = doing_form(begun) if begun else None
    own = w.milestone("plan-begin-duty", JOB, doing=doing) if doing else None
    found = _kept(improve, own) or _kept(w.milestone("plan-small-win", GOOD_PRACTICE))
    return found, used, begun if own is not None else None


def lead(w: PlanWriter, x: PlanInputs, begun: str | None) -> list[Milestone]:
    people = x.people
    deciders = [n for n in people.deciders if n != people.manager]
    audience = ([people.manager] if people.manager else []) + deciders
    present = (
        w.milestone("plan-present", PEOPLE, deciders=audience[:3])
        if audience
        else w.milestone("plan-present", GOOD_PRACTICE, deciders=[MY_MANAGER])
    )
    own: Milestone | None = None
    rest = [d for d in x.duties if d != begun]
    if rest:
        duty = rest[0]  # the duty the job description puts first
        doing = doing_form(duty)
        own = w.milestone("plan-own-duty", JOB, doing=doing) if doing else None
    inspection = first_of(x.facts, "inspection")
    follow: Milestone | None = None
    if inspection is not None:
        follow = w.milestone(
            "plan-inspection-lead" if inspection.subject else "plan-inspection-lead-unnamed",
            NOTES,
            measured_by="plan-inspection-lead-measure",
            quote=inspection.text,
            regulator=inspection.subject,
        )
    else:
        changes = [f for f in x.facts if f.kind == "change" and x.recent(f)]
        if first_of(x.facts, "finding") is None and changes:
            changes = changes[1:]  # the first change is already in the first 30 days
        if changes:
            follow = w.milestone(
                "plan-change-lead", NOTES, quote=changes[0].text, change=changes[0].subject
            )
    return _kept(present, own, follow)


_TARGET = re.compile(
    r"\b(?:a |the )?target of (?P<t>[^,;()]+?\bby (?:19|20)\d\d|[^,;()]+?)(?=[,;()]|$| on\b)", re.I
)


def look_ahead(w: PlanWriter, x: PlanInputs, taken: str | None) -> list[Milestone]:
    move: Milestone | None = None
    measured = first_of(x.facts, "measure")
    if measured is not None and measured.subject:
        target = _TARGET.search(measured.text)
        move = (
            w.milestone(
                "plan-move-target",
                NOTES,
                measured_by="plan-move-measure",
                quote=measured.text,
                measure=measured.subject,
                target="the target of " + target.group("t").strip(),
            )
            if target
            else None
        ) or w.milestone(
            "plan-move",
            NOTES,
            measured_by="plan-move-measure",
            quote=measured.text,
            measure=measured.subject,
        )
    rivals = first_of(x.facts, "competitors")
    compare = (
        w.milestone("plan-competitors", NOTES, quote=rivals.text, competitors=rivals.subject)
        if rivals is not None
        else None
    )
    report: Milestone | None = None
    for priority, who in x.priorities:
        if who == taken:
            continue
        report = w.milestone(
            "plan-report-priority", possessive(who) + " stated priority", priority=priority, who=who
        )
        if report is not None:
            break
    return _kept(move, compare, report)
