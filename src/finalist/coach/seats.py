"""People on the panel who are not staff: a pupil, a patient representative, a tenant, a
councillor, a governor, a volunteer, an independent member.

Each seat (``knowledge/data/seats.yaml``) is placed by the words of the person's title
(and an honorific such as "Cllr" in their name), with the reason quoted. What they want to
learn, how to talk to them, what they are likely to ask and how to thank them come from
the seat, not from the staff archetypes: a Year 10 pupil is not a future colleague. Pure
and deterministic.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from finalist.knowledge import Knowledge
from finalist.knowledge.sector_schema import SeatGuide, SeatKind
from finalist.model import Interviewer, Sector
from finalist.text import Phrases, any_word

_HONORIFIC_MEMBER = re.compile(r"^(?:cllr|councill?or)\.?\s", re.IGNORECASE)


class SeatReading(BaseModel):
    kind: SeatKind
    name: str  # "a pupil on a student panel"
    reasons: list[str]  # "the title says 'Year 10'"


@cache
def _patterns(
    knowledge: Knowledge,
) -> tuple[Phrases, dict[str, SeatKind], dict[SeatKind, Phrases]]:
    """Every seat's title words in one pattern, longest first, so "student
    representative" is read before "student"; which seat each word places; and for each
    seat, the words that make the title staff instead."""
    seat_of = {p: guide.id for guide in knowledge.seats.values() for p in guide.patterns}
    staff = {
        guide.id: any_word(tuple(guide.unless))
        for guide in knowledge.seats.values()
        if guide.unless
    }
    return any_word(tuple(seat_of)), seat_of, staff


def _place(text: str, knowledge: Knowledge) -> tuple[SeatKind, str] | None:
    """The seat the longest of the text's seat words places, unless the text also says the
    person is staff for that seat ("Volunteer Coordinator")."""
    if not knowledge.seats:
        return None
    every, seat_of, staff = _patterns(knowledge)
    found = sorted(every.find(text), key=len, reverse=True)
    for word in found:
        seat = seat_of[word.lower()]
        if seat in staff and staff[seat].search(text):
            continue
        return seat, word
    return None


def read_seat(
    person: Interviewer, knowledge: Knowledge, sector: Sector | None = None
) -> SeatReading | None:
    """The seat of someone who is not staff, or None for staff (the usual case)."""
    kind: SeatKind | None = None
    reason = ""
    # the title first, then the department: "Year 10 student" in "Student council"
    for where, text in (("title", person.title), ("department", person.department)):
        placed = _place(text, knowledge) if text else None
        if placed is not None:
            kind, reason = placed[0], f"the {where} says '{placed[1]}'"
            break
    if kind is None and _HONORIFIC_MEMBER.match(person.name):
        kind, reason = SeatKind.elected_member, f"the name starts '{person.name.split()[0]}'"
    if kind is None:
        return None
    # a student on a school's panel is a pupil; a pupil-sounding word at a university is not
    if kind is SeatKind.student and sector is Sector.schools:
        kind = SeatKind.young_person
        reason += " at a school"
    elif kind is SeatKind.young_person and sector is Sector.universities:
        kind = SeatKind.student
        reason += " at a university"
    elif kind is SeatKind.tenant and sector is Sector.health:
        kind = SeatKind.service_user  # a care home's residents are the people it cares for
        reason += " at a care provider"
    guide = knowledge.seats.get(kind.value)
    if guide is None:
        return None
    return SeatReading(kind=kind, name=guide.name, reasons=[reason])


def seat_guide(reading: SeatReading | None, knowledge: Knowledge) -> SeatGuide | None:
    return knowledge.seats.get(reading.kind.value) if reading is not None else None
