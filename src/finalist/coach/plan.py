"""The first six months: learn, contribute, lead, then look ahead.

Written in the candidate's voice, so it can be shared as it stands. Every milestone is
built from something in the case (the colleagues and the line manager, the team the job
description says the role leads, its duties, a person's stated priority, the company
notes) or, for the baseline only, the department's usual measures when the department is
read with confidence; each says where it came from, and each measure says what the
milestone produces. Round one is not here: a weak answer is something to prepare (the
consensus map), not a job to do. No number is invented: a target is quoted from the
company notes or left to be agreed. Every sentence comes from ``phrasing/plan.yaml``.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from finalist.coach.address import address, given_name
from finalist.coach.company_notes import CompanyFact, read_company_notes
from finalist.coach.followup import writer_for
from finalist.coach.interviewers import read_role
from finalist.coach.plan_inputs import (
    People,
    as_named,
    in_my_voice,
    leads_team,
    named,
    ownable,
    people_of,
    responsibilities,
    team_of,
    unit_of,
)
from finalist.coach.plan_stages import (
    GOOD_PRACTICE,
    MILESTONES,
    NOTES,
    Milestone,
    PlanInputs,
    PlanWriter,
    contribute,
    lead,
    learn,
    look_ahead,
    lower_first_letter,
)
from finalist.coach.sector import vocabulary_of
from finalist.knowledge import Knowledge
from finalist.model import Case

__all__ = ["Milestone", "Plan", "Stage", "first_six_months", "responsibilities"]


class Stage(BaseModel):
    days: int
    name: str
    aim: str
    milestones: list[Milestone]


class Plan(BaseModel):
    role: str
    company: str
    title: str = ""  # "My first six months as Head of Mathematics at Fenwick Vale Academy"
    stages: list[Stage]
    how_to_use: list[str]
    not_one_to_one: list[str] = []  # who is not planned one to one, and why
    company_facts: list[CompanyFact] = []  # what the plan read in the company notes
    manager: str | None = None  # the line manager the plan names, when finalist can tell


_FALLBACK = {
    30: ("plan-agree-measures",),
    60: ("plan-small-win",),
    90: ("plan-second-year",),
    180: ("plan-second-year", "plan-coach"),
}
_HOW_TO_USE = (
    "plan-use-outline",
    "plan-use-first-30",
    "plan-use-names",
    "plan-use-detail",
)


def first_six_months(case: Case, knowledge: Knowledge, today: date | None = None) -> Plan:
    opp = case.opportunity
    people = as_named(people_of(case, knowledge), case)
    w = PlanWriter(writer_for(case, knowledge), opp.company, opp.role, people.manager)
    role = read_role(case, knowledge)
    sure = role.department is not None and role.department.confidence == "high"
    dept = knowledge.departments.get(role.department.value) if role.department and sure else None
    facts = read_company_notes(case)
    jd_duties = responsibilities(opp.job_description)
    baseline: list[tuple[str, str, str | None]] = []
    baseline += [(f.subject, NOTES, f.text) for f in facts if f.kind == "measure" and f.subject]
    baseline = baseline[:2]
    vocabulary = vocabulary_of(case, knowledge)
    if dept is not None:
        baseline += [
            (lower_first_letter(m), f"what {dept.name} is usually measured on", None)
            for m in dept.measures
            if vocabulary.fits(m)  # no "share of revenue" for a hospital
        ]
    priorities: list[tuple[str, str]] = []
    for name in people.colleagues:
        person = next(
            (
                p
                for r in case.rounds
                for p in r.interviewers
                if name.endswith(p.name) or p.name.endswith(name)
            ),
            None,
        )
        if person is not None and person.priorities and all(who != name for _p, who in priorities):
            priorities.append((person.priorities[0], name))
    # the line manager's priority first: the one to agree early work with
    priorities.sort(key=lambda pw: pw[1] != people.manager)
    team = team_of(opp.job_description)
    x = PlanInputs(
        people=people,
        facts=facts,
        duties=[in_my_voice(d) for d in jd_duties if ownable(d) and not leads_team(d)],
        team=team,
        baseline=baseline[:2],
        priorities=priorities,
        today=today or date.today(),
        unit=unit_of(opp.role),
    )
    day_60, taken, begun = contribute(w, x)
    plan = {
        30: learn(w, x),
        60: day_60,
        90: lead(w, x, begun),
        180: look_ahead(w, x, taken),
    }
    said = {m.text for milestones in plan.values() for m in milestones}
    for days, milestones in plan.items():
        for phrase_id in _FALLBACK[days]:
            if len(milestones) < 2:
                extra = w.milestone(phrase_id, GOOD_PRACTICE)
                if extra is not None and extra.text not in said:
                    milestones.append(extra)
                    said.add(extra.text)
    names = {
        30: ("Learn", "plan-aim-learn"),
        60: ("Contribute", "plan-aim-contribute"),
        90: ("Lead", "plan-aim-lead"),
        180: ("Look ahead", "plan-aim-further"),
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
    _shorten_names(stages, case, knowledge)
    return Plan(
        role=opp.role,
        company=opp.company,
        title=w.say("plan-title") or f"My first six months as {opp.role}",
        stages=stages,
        how_to_use=[text for phrase_id in _HOW_TO_USE if (text := w.say(phrase_id))],
        not_one_to_one=_left_out(w, people),
        company_facts=facts,
        manager=people.manager,
    )


def _shorten_names(stages: list[Stage], case: Case, knowledge: Knowledge) -> None:
    """A person named in full the first time, then as a colleague would write it: the
    given name, or the title and surname where that is the form ("Canon Amesbury")."""
    first = case.opportunity.first_round
    met = [p for r in case.rounds for p in r.interviewers]
    met += list(first.interviewers) if first else []
    forms: dict[str, str] = {}
    for person in met:
        form = address(person, case, knowledge)
        forms.setdefault(named(person), form.greeting if form.formal else given_name(person.name))
    seen: set[str] = set()
    for stage in stages:
        for m in stage.milestones:
            for field in ("text", "measure"):
                value = getattr(m, field)
                for full, short in forms.items():
                    if full == short or full not in value:
                        continue
                    if full in seen:
                        value = value.replace(full, short)
                    else:
                        head, _, tail = value.partition(full)
                        value = head + full + tail.replace(full, short)
                        seen.add(full)
                setattr(m, field, value)


def _left_out(w: PlanWriter, people: People) -> list[str]:
    said = [
        w.say("plan-not-pupils", names=people.pupils) if people.pupils else None,
        w.say("plan-not-recruiters", names=people.recruiters) if people.recruiters else None,
        w.say("plan-not-hr", names=people.hr) if people.hr else None,
    ]
    return [s for s in said if s]
