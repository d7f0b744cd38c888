"""What the plan is built from: the duties a job description gives, and the people the
role will work with (not pupils or representatives on a panel, nor a recruiter from
another firm)."""

from __future__ import annotations

import re

from pydantic import BaseModel

from finalist.coach.address import Seat, seat
from finalist.coach.interviewers import dossier
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype
from finalist.model import Case, Interviewer, same_person
from finalist.text import lower_first, sentences
from finalist.writing import shorten

_VERBS = (
    "own|owns|lead|leads|define|run|build|improve|reduce|deliver|manage|partner|develop|"
    "drive|design|grow|launch|replace|set up|create|make|refinance|strengthen|prepare|raise|"
    "increase|line manage|work|teach|support|oversee|ensure|shape|chair|coordinate|recruit|"
    "plan|review|maintain|handle|advise|represent|implement|establish|embed|monitor|report|"
    "negotiate|secure|bring|open|cut|modernise|modernize|rebuild|restore|expand|supervise|"
    "recover|transform|deliver"
)
# duties one does not "own end to end": a reporting line, working alongside others
_SHARED = re.compile(r"^(?:report|work|partner|support|teach|advise|represent)\b", re.I)
_ACTION = re.compile(rf"\b({_VERBS})\b", re.I)
_STARTS_WITH_VERB = re.compile(rf"^(?:and\s+)?({_VERBS})\b", re.I)
_LEAD_IN = re.compile(
    r"^(?:(?:over|in|during|within|from) [^,]{3,40}?,? )?"
    r"(you will|you'll|you would|the [\w\s,]+? will|this role will|in this role you will|"
    r"we need someone to|we are looking for someone to|responsible for|the role)\s+",
    re.I,
)
_OUTSIDE_FIRM = re.compile(
    r"\bretained by\b|\b(?:search|recruitment|recruiting|headhunting|staffing) "
    r"(?:firm|agency|consultancy|partner)\b|\b[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3} "
    r"(?:Search|Recruitment|Recruiting|Headhunters|Staffing)\b"
)
DUTY_WORDS = 18  # a duty longer than this is shortened at a clause boundary, or left out


def _duties_of(sentence: str) -> list[str]:
    """A sentence of duties, one phrase per duty: "refinance ..., lead ..., and prepare
    ..." gives three; "work with A, B and C" stays one."""
    out: list[str] = []
    for part in re.split(r",\s+|;\s+", sentence):
        part = part.strip()
        if out and not _STARTS_WITH_VERB.match(part):
            out[-1] += ", " + part
        elif part:
            out.append(re.sub(r"^and\s+", "", part, flags=re.I))
    return out


def responsibilities(job_description: str | None) -> list[str]:
    """The duties a job description gives, as short phrases in its own words."""
    found: list[str] = []
    for line in sentences(job_description or ""):
        line = line.strip().lstrip("-*• ")
        addressed = _LEAD_IN.match(line)
        if not (addressed or _STARTS_WITH_VERB.match(line)) or not _ACTION.search(line):
            continue  # a sentence about the company, not about the job
        body = _LEAD_IN.sub("", line).rstrip(".")
        body = lower_first(body) if addressed else body[:1].lower() + body[1:]
        for duty in _duties_of(body):
            if not _STARTS_WITH_VERB.match(duty) or re.match(r"^report to\b", duty, re.I):
                continue  # a requirement ("have a strong record ...") or a reporting line
            duty = re.sub(r"\bour\b", "the", duty)  # the employer's voice: "our move upmarket"
            short = shorten(duty.split(": ", 1)[0], DUTY_WORDS)
            if short and short not in found:
                found.append(short)
    return found


def ownable(duty: str) -> bool:
    """A duty the role can own end to end, not one shared with others."""
    return not _SHARED.match(duty)


_PEOPLE = re.compile(
    r"^(?:lead|manage|line manage|supervise|develop|recruit|coach)\b[^,]{0,40}?\b"
    r"(?:team|teams|staff|managers|people|colleagues|department|reports)"
    r"(?=$|,|\s+(?:of|and|in|to|through|across|who|that)\b)",
    re.I,
)


def a_process(duty: str) -> bool:
    """A duty that is a piece of work with a process behind it, not leading people."""
    return ownable(duty) and not _PEOPLE.match(duty)


def is_outside_recruiter(person: Interviewer) -> bool:
    """Someone from a search or recruitment firm hiring for the employer: their title or
    department names the firm ("Ardmore Search (retained by Castellan)")."""
    return bool(_OUTSIDE_FIRM.search(" ".join(filter(None, [person.title, person.department]))))


class People(BaseModel):
    colleagues: list[str]  # to meet one to one: round two's people, then round one's
    deciders: list[str]
    pupils: list[str]
    representatives: list[str]
    recruiters: list[str]


def people_of(case: Case, knowledge: Knowledge) -> People:
    """Who the role works with, and who sat on a panel without being a colleague."""
    found = People(colleagues=[], deciders=[], pupils=[], representatives=[], recruiters=[])
    people: list[tuple[Interviewer, bool]] = []
    for n, rnd in enumerate(case.rounds, start=1):
        for person in rnd.interviewers:
            kind = dossier(person, rnd, n, case, knowledge).archetype.value
            people.append((person, kind in (Archetype.executive, Archetype.hiring_manager)))
    first = case.opportunity.first_round
    people += [(p, False) for p in (first.interviewers if first else [])]
    seen: list[str] = []
    for person, decides in people:
        if any(same_person(person.name, s) for s in seen):
            continue
        seen.append(person.name)
        where = seat(person)
        if where is Seat.pupil and "representative" in (person.title or "").lower():
            where = Seat.representative  # "Student Representative, BA Social Work (Year 3)"
        if where is Seat.pupil:
            found.pupils.append(person.name)
        elif where is Seat.representative:
            found.representatives.append(person.name)
        elif is_outside_recruiter(person):
            found.recruiters.append(person.name)
        else:
            found.colleagues.append(person.name)
            if decides:
                found.deciders.append(person.name)
    return found
