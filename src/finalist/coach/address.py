"""How to address each person in writing, and whether they get a note of their own.

A careful default, always overridable with ``address_as``: the given name for most
interviewers; the title and surname where the title or the setting asks for it (Dr,
Professor, Councillor, Reverend, a judge, a head teacher or governor in a school, an
executive where the company notes say the culture is formal). People who are not staff
are told apart: a pupil gets no note of their own (the chair passes the thanks on); a
lay or student representative gets a short one.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel

from finalist.knowledge import Knowledge
from finalist.knowledge.sector_schema import SeatKind
from finalist.model import Case, Interviewer


class Seat(StrEnum):
    """Where someone sits at the table, for what they are sent."""

    staff = "staff"
    representative = "representative"  # a lay member, patient, tenant or student representative
    pupil = "pupil"  # a child on a student panel: thanked through the chair


class Address(BaseModel):
    greeting: str  # what follows "Dear": "Dr Okafor", "Sam"
    formal: bool  # a title and surname (or a full name), rather than a given name
    seat: Seat
    why: str  # in plain words
    check: str | None = None  # what the candidate should confirm, when finalist is unsure


# honorifics written before a name, and how they are written in a greeting
_HONORIFICS: dict[str, str] = {
    "dr": "Dr",
    "doctor": "Dr",
    "prof": "Professor",
    "professor": "Professor",
    "cllr": "Councillor",
    "councillor": "Councillor",
    "councilor": "Councilor",
    "rev": "Reverend",
    "revd": "Reverend",
    "reverend": "Reverend",
    "the": "",  # "The Revd Canon ..."
    "canon": "Canon",
    "judge": "Judge",
    "mr": "Mr",
    "mrs": "Mrs",
    "ms": "Ms",
    "miss": "Miss",
    "mx": "Mx",
    "sir": "Sir",
    "dame": "Dame",
    "lord": "Lord",
    "lady": "Lady",
}
_SUFFIXES = frozenset("md phd dphil mbe obe cbe frcs frcp mrcp rn jr sr ii iii qc kc".split())
_TITLE_FORMS: tuple[tuple[str, str], ...] = (  # a title that asks for a form of address
    (r"\b(?:cllr|councill?or)\b", "Councillor"),
    (r"\bprofessor\b|^prof\b", "Professor"),
    (r"\b(?:reverend|revd|vicar|rector|chaplain|canon)\b", "Reverend"),
    (r"\b(?:judge|recorder)\b", "Judge"),
    (
        r"\b(?:consultant (?:physician|cardiologist|psychiatrist|paediatrician|pediatrician|"
        r"anaesthetist|anesthetist|radiologist|geriatrician|oncologist|neurologist|"
        r"haematologist|microbiologist|histopathologist|dermatologist|rheumatologist)|"
        r"medical director|clinical director|general practitioner|gp partner|"
        r"physician|cardiologist|psychiatrist|paediatrician|pediatrician)\b",
        "Dr",
    ),
)
_SCHOOL_LEADER = re.compile(
    r"\b(?:head ?teacher|head of school|principal|chair of (?:the )?governors|governor|"
    r"executive head|head master|headmaster|headmistress|trustee)\b",
    re.IGNORECASE,
)
_VOLUNTEER_GOVERNOR = re.compile(r"\b(?:governors?|trustee)\b", re.IGNORECASE)
_SCHOOL = re.compile(
    r"\b(?:school|academy|pupils|primary|secondary|sixth form|ofsted|multi-academy|mat)\b",
    re.IGNORECASE,
)
_FORMAL_CULTURE = re.compile(r"\bformal\b|\btraditional\b|\bhierarch", re.IGNORECASE)


def _split_name(name: str) -> tuple[list[str], list[str]]:
    """The honorifics before a name, and the name itself without suffixes."""
    words = name.replace(",", " ").split()
    before: list[str] = []
    while words and words[0].lower().rstrip(".") in _HONORIFICS and len(words) > 1:
        before.append(words.pop(0))
    while len(words) > 1 and words[-1].lower().replace(".", "") in _SUFFIXES:
        words.pop()
    return before, words


def given_name(name: str) -> str:
    _, words = _split_name(name)
    return words[0] if words else name


def surname(name: str) -> str:
    _, words = _split_name(name)
    return words[-1] if words else name


def is_school(case: Case) -> bool:
    opp = case.opportunity
    return bool(_SCHOOL.search(" ".join(filter(None, [opp.company, opp.role, opp.department]))))


_SERVES = frozenset(
    {
        SeatKind.student,
        SeatKind.service_user,
        SeatKind.tenant,
        SeatKind.external_member,
    }
)


def seat(person: Interviewer, case: Case, knowledge: Knowledge) -> Seat:
    """Where the person sits, for their note and the plan, as the knowledge's seats place
    them (``seats.read_seat``, the one place that does): a pupil; a member who is not
    staff (a patient's, a resident's or a relative's voice, a student, a tenant, an
    independent member); or staff, with those who govern (a governor, a trustee, a
    councillor) and volunteers (a churchwarden), who work with the role in their own way."""
    from finalist.coach.seats import read_seat
    from finalist.coach.sector import read_sector

    reading = read_seat(person, knowledge, read_sector(case, knowledge).value)
    if reading is None:
        return Seat.staff
    if reading.kind is SeatKind.young_person:
        return Seat.pupil
    return Seat.representative if reading.kind in _SERVES else Seat.staff


def _courtesy(texts: list[str]) -> str | None:
    """Ms or Mr, when what the candidate wrote about the person says "she" or "he"."""
    joined = " ".join(texts).lower()
    she = len(re.findall(r"\b(?:she|her|hers|herself)\b", joined))
    he = len(re.findall(r"\b(?:he|him|his|himself)\b", joined))
    if she > he:
        return "Ms"
    if he > she:
        return "Mr"
    return None


def address(
    person: Interviewer,
    case: Case,
    knowledge: Knowledge,
    executive: bool = False,
    about: list[str] | None = None,
    said: tuple[str, ...] = (),
) -> Address:
    """How a note greets ``person``, and why; ``about`` is what the candidate wrote in the
    debrief, read for "Mrs Akinola"; ``said`` is what they wrote about this person alone
    (their notes, what the two of you talked about), read for "she" or "he"."""
    where = seat(person, case, knowledge)
    if person.address_as:
        return Address(
            greeting=person.address_as,
            formal=person.address_as.split()[0].lower().rstrip(".") in _HONORIFICS,
            seat=where,
            why="as you set it",
        )
    before, words = _split_name(person.name)
    last = words[-1] if words else person.name
    written = [_HONORIFICS[b.lower().rstrip(".")] for b in before]
    written = [w for w in written if w]
    if "Reverend" in written or "Canon" in written:  # "The Revd Canon Jane Hale": Canon Hale
        form = "Canon" if "Canon" in written else "Reverend"
        return Address(
            greeting=f"{form} {last}", formal=True, seat=where, why="a member of the clergy"
        )
    if written:
        return Address(
            greeting=f"{written[0]} {words[0] if written[0] in ('Sir', 'Dame') else last}",
            formal=True,
            seat=where,
            why=f"their name is written with {written[0]}",
        )
    title = (person.title or "").lower()
    for pattern, form in _TITLE_FORMS:
        if re.search(pattern, title):
            return Address(
                greeting=f"{form} {last}",
                formal=True,
                seat=where,
                why=f"the title {person.title} asks for {form} {last}",
                check=None if form != "Dr" else "a surgeon in the UK is Mr or Ms, not Dr",
            )
    if where is Seat.pupil:
        return Address(
            greeting=words[0] if words else person.name,
            formal=False,
            seat=where,
            why="a pupil: thank them through the panel's chair, not with a note of their own",
        )
    full = " ".join(words) or person.name
    school_leader = is_school(case) and _SCHOOL_LEADER.search(title)
    formal_culture = executive and _FORMAL_CULTURE.search(case.opportunity.company_notes or "")
    if school_leader or formal_culture:
        why = (
            "a school leader or governor: a letter from a candidate uses the surname unless "
            "they asked you to use their first name"
            if school_leader
            else "your company notes say the culture is formal"
        )
        titled = re.search(
            rf"\b(Mrs|Mr|Ms|Miss|Mx|Dr)\.? {re.escape(last)}\b", " ".join(about or [])
        )
        courtesy = titled.group(1) if titled else _courtesy([person.notes or "", *said])
        if courtesy is not None:
            return Address(
                greeting=f"{courtesy} {last}",
                formal=True,
                seat=where,
                why=why,
                check=f"if they use Mrs, Miss or another title, write it in their 'address as' "
                f"({last})",
            )
        if school_leader and _VOLUNTEER_GOVERNOR.search(title):
            return Address(
                greeting=words[0] if words else person.name,
                formal=False,
                seat=where,
                why="a governor or trustee, who gives their time as a volunteer: the given "
                "name, since the case does not say which title they use",
                check=f"if they were introduced as Mr, Mrs or Ms {last}, write that in their "
                "'address as'",
            )
        return Address(
            greeting=full,
            formal=True,
            seat=where,
            why=why + "; the full name, since the case does not say which title they use",
            check=f"write the form they use in their 'address as', such as Ms {last} or Mr {last}",
        )
    return Address(
        greeting=words[0] if words else person.name,
        formal=False,
        seat=where,
        why="the given name, as most interviewers expect after a conversation",
        check="if you did not use their first name in the interview, write the form you used "
        "in their 'address as'",
    )
