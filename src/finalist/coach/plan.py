"""The first six months: learn, contribute, lead, then raise the role.

Every milestone is built from something in the case or the knowledge (the job
description, a person's stated priority, the department's measures, round one's open
points) and says where it came from. No number is invented: measures are "against the
day-30 baseline" or "by a target agreed" unless the case gives one.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from finalist.coach.interviewers import dossier, read_role
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype
from finalist.model import Case
from finalist.text import lower_first, sentences

_ACTION = re.compile(
    r"\b(own|owns|lead|leads|define|run|build|improve|reduce|deliver|manage|partner|"
    r"develop|drive|design|grow|launch|replace|set up|create|make)\b",
    re.I,
)
_LEAD_IN = re.compile(
    r"^(you will|you'll|you would|the [\w\s,]+? will|this role will|in this role you will|"
    r"we need someone to|we are looking for someone to|responsible for|the role)\s+",
    re.I,
)
_OPEN = re.compile(
    r"\b(left open|open question|not sure|unsure|too general|badly|weak|did not|didn't)\b", re.I
)

GOOD_PRACTICE = "good practice for a new role"


class Milestone(BaseModel):
    text: str
    measure: str
    source: str


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


HOW_TO_USE = [
    "Share the outline and the thinking behind it (learn, contribute, lead, raise the "
    "role), not a finished plan: you do not yet know what they know.",
    "Say what you would want to find out in the first 30 days before committing to the "
    "later milestones; it shows judgement, not hesitation.",
    "Use the people's names and priorities from the plan when you talk to them, and ask "
    "each whether the order feels right.",
    "Keep the detail (dates, targets) for after the offer, when you can agree it with "
    "your manager.",
]


def responsibilities(job_description: str | None) -> list[str]:
    """The duties a job description gives, as short phrases in its own words."""
    found: list[str] = []
    for sentence in sentences(job_description or ""):
        sentence = sentence.strip().lstrip("-*• ")
        addressed = _LEAD_IN.match(sentence)
        starts_with_duty = _ACTION.match(sentence)
        if not (addressed or starts_with_duty) or not _ACTION.search(sentence):
            continue  # a sentence about the company, not about the job
        phrase = _LEAD_IN.sub("", sentence).rstrip(".")
        phrase = _clip(lower_first(phrase) if addressed else phrase[:1].lower() + phrase[1:], 100)
        if phrase and phrase not in found:
            found.append(phrase)
    return found


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "..."


def first_six_months(case: Case, knowledge: Knowledge) -> Plan:
    opp = case.opportunity
    role = read_role(case, knowledge)
    dept = knowledge.departments.get(role.department.value) if role.department else None
    duties = responsibilities(opp.job_description)
    people = [
        (p, dossier(p, r, n, case, knowledge))
        for n, r in enumerate(case.rounds, start=1)
        for p in r.interviewers
    ]
    seen: set[str] = set()
    unique = []
    for p, d in people:
        if d.name not in seen:
            seen.add(d.name)
            unique.append((p, d))
    priorities = [(p.priorities[0], d.name) for p, d in unique if p.priorities]
    deciders = [
        d.name
        for _p, d in unique
        if d.archetype.value in (Archetype.executive.value, Archetype.hiring_manager.value)
    ]
    open_points = (
        [s for s in sentences(opp.first_round.notes or "") if _OPEN.search(s)]
        if opp.first_round
        else []
    )
    names = ", ".join(d.name for _p, d in unique[:5])
    measures = list(dept.measures) if dept else []
    where = f"typical measures for {dept.name}" if dept else GOOD_PRACTICE

    learn = [
        Milestone(
            text=f"Meet {names} one to one and write down what each needs from the {opp.role}."
            if names
            else f"Meet each person the {opp.role} works with and write down what they need.",
            measure="A note from every conversation by day 30.",
            source="the people you meet in round two" if names else GOOD_PRACTICE,
        ),
        Milestone(
            text="Write down today's baseline for "
            + (
                f"two measures: {_lower(measures[0])}; and {_lower(measures[1])}"
                if len(measures) > 1
                else "the numbers the role will be judged by"
            )
            + ".",
            measure="Baseline figures agreed with your manager by day 30.",
            source=where,
        ),
    ]
    if duties:
        learn.append(
            Milestone(
                text=f"Learn how this works today, who does what and where it breaks: {duties[0]}.",
                measure="A one-page map of the current process by day 30.",
                source="your job description",
            )
        )
    contribute: list[Milestone] = []
    if priorities:
        priority, who = priorities[0]
        contribute.append(
            Milestone(
                text=f"Deliver one visible improvement on {priority}, chosen with {who}.",
                measure="Shipped by day 60, with its effect shown against the day-30 baseline.",
                source=f"{who}'s stated priority",
            )
        )
    if len(duties) > 1:
        contribute.append(
            Milestone(
                text=f"Take over day-to-day ownership: {duties[1]}.",
                measure="Running without hand-holding by day 60.",
                source="your job description",
            )
        )
    if open_points:
        contribute.append(
            Milestone(
                text=f"Close what round one left open: {_clip(open_points[0], 140)}",
                measure="An answer you can show in numbers by day 60.",
                source="your round-one notes",
            )
        )
    if not contribute:
        contribute.append(
            Milestone(
                text="Pick one small, visible improvement your manager cares about and ship it.",
                measure="Shipped by day 60.",
                source=GOOD_PRACTICE,
            )
        )
    lead = [
        Milestone(
            text="Present a plan for the next two quarters to "
            + (", ".join(deciders[:3]) if deciders else "your manager")
            + ", built on what the first 60 days taught you.",
            measure="The plan agreed by day 90.",
            source="the decision-makers you meet in round two" if deciders else GOOD_PRACTICE,
        )
    ]
    if duties:
        lead.append(
            Milestone(
                text="Own end to end: "
                + re.sub(r"^own\s+", "", duties[-1] if len(duties) > 2 else duties[0])
                + ".",
                measure=(
                    f"Reported monthly with {_lower(measures[0])}."
                    if measures
                    else "Reported monthly with a measure agreed with your manager."
                ),
                source="your job description" + (f" and {where}" if measures else ""),
            )
        )
    raise_role = []
    if measures:
        raise_role.append(
            Milestone(
                text=f"Move {_lower(measures[0])} by the target agreed at day 90.",
                measure="Compared with the day-30 baseline at day 180.",
                source=where,
            )
        )
    if dept and dept.hard_problems:
        raise_role.append(
            Milestone(
                text="Take on a problem beyond the job description: "
                + _lower(dept.hard_problems[0]),
                measure="A proposal with its cost and benefit by day 180.",
                source=f"a typical hard problem for {dept.name}",
            )
        )
    if len(priorities) > 1:
        priority, who = priorities[1]
        raise_role.append(
            Milestone(
                text=f"Make {priority} something {who} no longer has to worry about.",
                measure=f"{who} agrees it is handled, at your six-month review.",
                source=f"{who}'s stated priority",
            )
        )
    if len(raise_role) < 2:
        raise_role.append(
            Milestone(
                text="Write down what the role should become in its second year and agree it "
                "with your manager.",
                measure="Agreed at the six-month review.",
                source=GOOD_PRACTICE,
            )
        )
    for stage, fallback in (
        (learn, _FALLBACK[30]),
        (contribute, _FALLBACK[60]),
        (lead, _FALLBACK[90]),
        (raise_role, _FALLBACK[180]),
    ):
        for milestone in fallback:
            if len(stage) >= 2:
                break
            stage.append(milestone)
    stages = [
        Stage(
            days=30,
            name="Learn",
            aim="Listen, map how things work, set the baselines.",
            milestones=learn[:4],
        ),
        Stage(
            days=60,
            name="Contribute",
            aim="Earn trust with visible, useful work.",
            milestones=contribute[:4],
        ),
        Stage(
            days=90,
            name="Lead",
            aim="Take full ownership and set the direction.",
            milestones=lead[:4],
        ),
        Stage(
            days=180,
            name="Raise the role",
            aim="Do more than the job description asked.",
            milestones=raise_role[:4],
        ),
    ]
    return Plan(role=opp.role, company=opp.company, stages=stages, how_to_use=HOW_TO_USE)


_FALLBACK: dict[int, list[Milestone]] = {
    30: [
        Milestone(
            text="Read the last two quarters' reports and list the three gaps you see.",
            measure="The list shared with your manager by day 30.",
            source=GOOD_PRACTICE,
        )
    ],
    60: [
        Milestone(
            text="Agree with your manager the two measures your work will be judged by.",
            measure="Written down and agreed by day 60.",
            source=GOOD_PRACTICE,
        )
    ],
    90: [
        Milestone(
            text="Write a short account of what you changed, what you learnt and what comes next.",
            measure="Shared with your manager at day 90.",
            source=GOOD_PRACTICE,
        )
    ],
    180: [
        Milestone(
            text="Coach someone in the team on a skill you bring.",
            measure="They do it without you by day 180.",
            source=GOOD_PRACTICE,
        )
    ],
}


def _lower(text: str) -> str:
    text = text.rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
