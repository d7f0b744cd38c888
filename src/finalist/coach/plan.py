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

import re
from datetime import date

from pydantic import BaseModel

from finalist.coach.address import address, given_name
from finalist.coach.company_notes import CompanyFact, first_of, read_company_notes
from finalist.coach.followup import writer_for
from finalist.coach.interviewers import read_role
from finalist.coach.plan_inputs import (
    LARGE_TEAM,
    VERBS,
    People,
    as_named,
    named,
    ownable,
    people_of,
    responsibilities,
    team_of,
    team_size,
)
from finalist.coach.sector import Vocabulary
from finalist.knowledge import Knowledge
from finalist.model import Case
from finalist.writing import Writer, gerund, organisation, possessive, short_role

__all__ = ["Milestone", "Plan", "Stage", "first_six_months", "responsibilities"]

MEET_NAMES = 5
MILESTONES = 4  # at most, per stage
PEOPLE = "the people you met"
GOOD_PRACTICE = "a step most new starters take"
NOTES = "your company notes"
JOB = "your job description"
MY_MANAGER = "my line manager"
OLD_CHANGE_YEARS = 2  # a change the notes date this many years back is history, not news
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
    title: str = ""  # "My first six months as Head of Mathematics at Fenwick Vale Academy"
    stages: list[Stage]
    how_to_use: list[str]
    not_one_to_one: list[str] = []  # who is not planned one to one, and why
    company_facts: list[CompanyFact] = []  # what the plan read in the company notes
    manager: str | None = None  # the line manager the plan names, when finalist can tell


class _Writing:
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


def _lower(text: str) -> str:
    text = text.rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


class _Inputs(BaseModel):
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


def _learn(w: _Writing, x: _Inputs) -> list[Milestone]:
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


def _look(w: _Writing, x: _Inputs) -> Milestone | None:
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


def _contribute(w: _Writing, x: _Inputs) -> tuple[list[Milestone], str | None, str | None]:
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
    doing = _doing(begun) if begun else None
    own = w.milestone("plan-begin-duty", JOB, doing=doing) if doing else None
    found = _kept(improve, own) or _kept(w.milestone("plan-small-win", GOOD_PRACTICE))
    return found, used, begun if own is not None else None


def _lead(w: _Writing, x: _Inputs, begun: str | None) -> list[Milestone]:
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
        doing = _doing(duty)
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


def _further(w: _Writing, x: _Inputs, taken: str | None) -> list[Milestone]:
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
    w = _Writing(writer_for(case, knowledge), opp.company, opp.role, people.manager)
    role = read_role(case, knowledge)
    sure = role.department is not None and role.department.confidence == "high"
    dept = knowledge.departments.get(role.department.value) if role.department and sure else None
    facts = read_company_notes(case)
    jd_duties = responsibilities(opp.job_description)
    baseline: list[tuple[str, str, str | None]] = []
    baseline += [(f.subject, NOTES, f.text) for f in facts if f.kind == "measure" and f.subject]
    baseline = baseline[:2]
    vocabulary = Vocabulary(case, knowledge)
    if dept is not None:
        baseline += [
            (_lower(m), f"what {dept.name} is usually measured on", None)
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
    x = _Inputs(
        people=people,
        facts=facts,
        duties=[_mine(d) for d in jd_duties if ownable(d) and not _leads_team(d)],
        team=team,
        baseline=baseline[:2],
        priorities=priorities,
        today=today or date.today(),
        unit=_unit(opp.role),
    )
    contribute, taken, begun = _contribute(w, x)
    plan = {
        30: _learn(w, x),
        60: contribute,
        90: _lead(w, x, begun),
        180: _further(w, x, taken),
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
    _shorten_names(stages, case)
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


def _shorten_names(stages: list[Stage], case: Case) -> None:
    """A person named in full the first time, then as a colleague would write it: the
    given name, or the title and surname where that is the form ("Canon Amesbury")."""
    first = case.opportunity.first_round
    met = [p for r in case.rounds for p in r.interviewers]
    met += list(first.interviewers) if first else []
    forms: dict[str, str] = {}
    for person in met:
        form = address(person, case)
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


_TEAM_DUTY = re.compile(
    r"^(?:lead|manage|line manage|supervise|develop|coach)\b.{0,30}\b(?:team|staff|managers|"
    r"officers|people)\b",
    re.I,
)


def _doing(duty: str) -> str | None:
    """A duty in its -ing form, every verb of it: "prepare for renewals and make sure
    the site is safe" as "preparing for renewals and making sure the site is safe"."""
    parts = re.split(rf"\s+and\s+(?=(?:{VERBS})\b)", duty)
    done = [gerund(part) for part in parts]
    return None if any(d is None for d in done) else " and ".join(d for d in done if d)


def _unit(role: str) -> str | None:
    """The site, ward or team a role names after a comma: "Site General Manager, Hollins
    Park" runs Hollins Park; "(Grade 7)" and "/" alternatives are not places."""
    if ", " not in role:
        return None
    unit = re.sub(r"\s*\([^)]*\)", "", role.rsplit(", ", 1)[1]).strip()
    return unit if unit[:1].isupper() and "/" not in unit and len(unit.split()) <= 4 else None


def _mine(duty: str) -> str:
    """A duty in the candidate's voice: "coach your product managers" as "coach my ..."."""
    return re.sub(r"\byour\b", "my", re.sub(r"\byourself\b", "myself", duty))


def _leads_team(duty: str) -> bool:
    """A duty that is leading people ("line manage and develop the team"): the plan meets
    the team instead of treating it as a piece of work."""
    return bool(_TEAM_DUTY.match(duty))


def _left_out(w: _Writing, people: People) -> list[str]:
    said = [
        w.say("plan-not-pupils", names=people.pupils) if people.pupils else None,
        w.say("plan-not-recruiters", names=people.recruiters) if people.recruiters else None,
        w.say("plan-not-hr", names=people.hr) if people.hr else None,
    ]
    return [s for s in said if s]
