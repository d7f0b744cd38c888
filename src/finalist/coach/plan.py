"""The first six months: learn, contribute, lead, then raise the role.

Every milestone is built from something in the case or the knowledge (the colleagues
the role works with, the job description, a person's stated priority, the department's
measures, the company notes) and says where it came from. Round one is not here: a weak
answer is something to prepare (the consensus map), not a job to do. No number is
invented: measures are "against the day-30 baseline" or "by a target agreed" unless the
case gives one. Every sentence comes from the phrasing in ``phrasing/plan.yaml``.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from finalist.coach.company_notes import CompanyFact, first_of, read_company_notes
from finalist.coach.followup import writer_for
from finalist.coach.interviewers import read_role
from finalist.coach.plan_inputs import People, a_process, ownable, people_of, responsibilities
from finalist.knowledge import Knowledge
from finalist.model import Case, same_person
from finalist.writing import Writer, organisation, possessive, short_role

__all__ = ["Milestone", "Plan", "Stage", "first_six_months", "responsibilities"]

MEET_NAMES = 5
MILESTONES = 4  # at most, per stage
GOOD_PRACTICE = "good practice for a new role"
NOTES = "your company notes"
JOB = "your job description"
Values = str | list[str] | None


class Milestone(BaseModel):
    text: str
    measure: str
    source: str
    quote: str | None = None  # the words of your notes it came from


class Stage(BaseModel):
    days: int
    name: str
    aim: str
    milestones: list[Milestone]


class Plan(BaseModel):
    role: str
    company: str
    stages: list[Stage]
    how_to_use: list[str]
    not_one_to_one: list[str] = []  # who is not planned one to one, and why
    company_facts: list[CompanyFact] = []  # what the plan read in the company notes


class _Writing:
    """The plan's writer, with the employer and the role every wording may use."""

    def __init__(self, writer: Writer, company: str, role: str) -> None:
        self.writer = writer
        self.company = organisation(company)
        self.role = short_role(role)

    def say(self, phrase_id: str, **values: Values) -> str | None:
        return self.writer.say(phrase_id, 0, company=self.company, role=self.role, **values)

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


def _lower(text: str) -> str:
    text = text.rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _learn(
    w: _Writing,
    people: People,
    facts: list[CompanyFact],
    measures: list[tuple[str, str]],
    duties: list[str],
    measured: CompanyFact | None,
) -> list[Milestone]:
    meet = (
        w.milestone(
            "plan-meet" if len(people.colleagues) <= MEET_NAMES else "plan-meet-many",
            "the colleagues you meet in the interviews",
            measured_by="plan-meet-measure",
            names=people.colleagues[:MEET_NAMES],
        )
        if people.colleagues
        else None
    ) or w.milestone("plan-meet-anyone", GOOD_PRACTICE, measured_by="plan-meet-measure")
    inspection = first_of(facts, "inspection")
    finding = first_of(facts, "finding")
    change = first_of(facts, "change")
    look: Milestone | None = None
    if inspection is not None:
        look = w.milestone(
            "plan-inspection" if inspection.subject else "plan-inspection-unnamed",
            NOTES,
            measured_by="plan-inspection-measure",
            quote=inspection.text,
            regulator=inspection.subject,
        )
    elif finding is not None:
        look = w.milestone("plan-finding", NOTES, quote=finding.text, finding=finding.subject)
    elif change is not None:
        look = w.milestone("plan-change-learn", NOTES, quote=change.text, change=change.subject)
    baseline: Milestone | None = None
    if len(measures) > 1:
        (first, one), (other, two) = measures[0], measures[1]
        baseline = w.milestone(
            "plan-baseline-two",
            one if one == two else f"{one} and {two}",
            measured_by="plan-baseline-measure",
            quote=measured.text if measured and one == NOTES else None,
            measure=first,
            other=other,
        )
    if baseline is None and measures:
        baseline = w.milestone(
            "plan-baseline-one",
            measures[0][1],
            measured_by="plan-baseline-measure",
            quote=measured.text if measured and measures[0][1] == NOTES else None,
            measure=measures[0][0],
        )
    baseline = baseline or w.milestone(
        "plan-baseline-unknown", GOOD_PRACTICE, measured_by="plan-baseline-measure"
    )
    owned = [d for d in duties if a_process(d)]
    duty = w.milestone("plan-learn-duty", JOB, duty=owned[0]) if owned else None
    return _kept(meet, look, baseline, duty) or _kept(
        w.milestone("plan-read-reports", GOOD_PRACTICE)
    )


def _contribute(
    w: _Writing, facts: list[CompanyFact], priorities: list[tuple[str, str]], duties: list[str]
) -> tuple[list[Milestone], str | None]:
    """The day-60 milestones, and whose priority they took up."""
    wanted = first_of(facts, "priority")
    improve = (
        w.milestone(
            "plan-company-priority",
            NOTES,
            measured_by="plan-improve-measure",
            quote=wanted.text,
            priority=wanted.subject,
        )
        if wanted is not None
        else None
    )
    used: str | None = None
    for priority, who in priorities if improve is None else []:
        used = who
        improve = w.milestone(
            "plan-person-priority",
            possessive(who) + " stated priority",
            measured_by="plan-improve-measure",
            priority=priority,
            who=who,
        )
        if improve is not None:
            break
    owned = [d for d in duties if ownable(d)]
    own = w.milestone("plan-own-duty", JOB, duty=owned[1]) if len(owned) > 1 else None
    found = _kept(improve, own) or _kept(w.milestone("plan-small-win", GOOD_PRACTICE))
    return found, used if improve is not None else None


def _lead(
    w: _Writing,
    people: People,
    facts: list[CompanyFact],
    duties: list[str],
    measures: list[tuple[str, str]],
) -> list[Milestone]:
    present = (
        w.milestone(
            "plan-present",
            "the decision-makers you meet in the interviews",
            deciders=people.deciders[:3],
        )
        if people.deciders
        else None
    ) or w.milestone("plan-present-manager", GOOD_PRACTICE, measured_by="plan-present-measure")
    end_to_end: Milestone | None = None
    owned = [d for d in duties if ownable(d)]
    if owned:
        duty = owned[-1] if len(owned) > 2 else owned[0]
        reported = w.say("plan-reported-with", measure=measures[0][0]) if measures else None
        thing = re.match(r"^own\s+(.+)", duty)
        text = (
            w.say("plan-end-to-end-own", thing=thing.group(1))
            if thing
            else w.say("plan-end-to-end", duty=duty)
        )
        if text is not None:
            end_to_end = Milestone(
                text=text,
                measure=reported or w.say("plan-reported-agreed") or "",
                source=JOB + (f" and {measures[0][1]}" if reported else ""),
            )
    inspection = first_of(facts, "inspection")
    changes = [f for f in facts if f.kind == "change"]
    if inspection is None and first_of(facts, "finding") is None and changes:
        changes = changes[1:]  # the first change is already in the first 30 days
    follow: Milestone | None = None
    if inspection is not None:
        follow = w.milestone(
            "plan-inspection-lead" if inspection.subject else "plan-inspection-lead-unnamed",
            NOTES,
            measured_by="plan-inspection-lead-measure",
            quote=inspection.text,
            regulator=inspection.subject,
        )
    elif changes:
        follow = w.milestone(
            "plan-change-lead", NOTES, quote=changes[0].text, change=changes[0].subject
        )
    return _kept(present, end_to_end, follow)


def _raise_role(
    w: _Writing,
    knowledge_problem: tuple[str, str] | None,
    facts: list[CompanyFact],
    priorities: list[tuple[str, str]],
    measures: list[tuple[str, str]],
    measured: CompanyFact | None,
    taken: str | None,
) -> list[Milestone]:
    move = (
        w.milestone(
            "plan-move-measure",
            measures[0][1],
            quote=measured.text if measured and measures[0][1] == NOTES else None,
            measure=measures[0][0],
        )
        if measures
        else None
    )
    rivals = first_of(facts, "competitors")
    compare = (
        w.milestone("plan-competitors", NOTES, quote=rivals.text, competitors=rivals.subject)
        if rivals is not None
        else None
    )
    problem = (
        w.milestone("plan-hard-problem", knowledge_problem[1], problem=_lower(knowledge_problem[0]))
        if knowledge_problem
        else None
    )
    worry: Milestone | None = None
    said = {m.casefold() for m, _source in measures[:1]}
    for priority, who in priorities:
        if who == taken or priority.casefold() in said:
            continue
        worry = w.milestone(
            "plan-worry",
            possessive(who) + " stated priority",
            priority=priority,
            who=who,
        )
        if worry is not None:
            break
    return _kept(move, compare, problem, worry)


_FALLBACK = {
    30: "plan-read-reports",
    60: "plan-agree-measures",
    90: "plan-account",
    180: "plan-second-year",
}
_SECOND_FALLBACK = {180: "plan-coach"}
_HOW_TO_USE = ("plan-use-outline", "plan-use-first-30", "plan-use-names", "plan-use-detail")


def first_six_months(case: Case, knowledge: Knowledge) -> Plan:
    opp = case.opportunity
    w = _Writing(writer_for(case, knowledge), opp.company, opp.role)
    role = read_role(case, knowledge)
    dept = knowledge.departments.get(role.department.value) if role.department else None
    duties = responsibilities(opp.job_description)
    facts = read_company_notes(case)
    people = people_of(case, knowledge)
    priorities: list[tuple[str, str]] = []
    for rnd in case.rounds:
        for person in rnd.interviewers:
            known = any(same_person(person.name, who) for _p, who in priorities)
            if person.name in people.colleagues and person.priorities and not known:
                priorities.append((person.priorities[0], person.name))
    where = f"typical measures for {dept.name}" if dept else GOOD_PRACTICE
    measured = first_of(facts, "measure")
    measures = [(_lower(m), where) for m in (dept.measures if dept else [])]
    if measured is not None and measured.subject:
        measures.insert(0, (measured.subject, NOTES))
    problem = (
        (dept.hard_problems[0], f"a typical hard problem for {dept.name}")
        if dept and dept.hard_problems
        else None
    )
    contribute, taken = _contribute(w, facts, priorities, duties)
    plan = {
        30: _learn(w, people, facts, measures, duties, measured),
        60: contribute,
        90: _lead(w, people, facts, duties, measures),
        180: _raise_role(w, problem, facts, priorities, measures, measured, taken),
    }
    for days, milestones in plan.items():
        for phrase_id in (_FALLBACK[days], _SECOND_FALLBACK.get(days)):
            if phrase_id and len(milestones) < 2:
                extra = w.milestone(phrase_id, GOOD_PRACTICE)
                if extra is not None and extra.text not in {m.text for m in milestones}:
                    milestones.append(extra)
    names = {
        30: ("Learn", "plan-aim-learn"),
        60: ("Contribute", "plan-aim-contribute"),
        90: ("Lead", "plan-aim-lead"),
        180: ("Raise the role", "plan-aim-raise"),
    }
    stages = [
        Stage(
            days=days,
            name=names[days][0],
            aim=w.say(names[days][1]) or "",
            milestones=milestones[:MILESTONES],
        )
        for days, milestones in plan.items()
    ]
    return Plan(
        role=opp.role,
        company=opp.company,
        stages=stages,
        how_to_use=[text for phrase_id in _HOW_TO_USE if (text := w.say(phrase_id))],
        not_one_to_one=_left_out(w, people),
        company_facts=facts,
    )


def _left_out(w: _Writing, people: People) -> list[str]:
    said = [
        w.say("plan-not-pupils", names=people.pupils) if people.pupils else None,
        w.say("plan-not-representatives", names=people.representatives)
        if people.representatives
        else None,
        w.say("plan-not-recruiters", names=people.recruiters) if people.recruiters else None,
    ]
    return [s for s in said if s]
