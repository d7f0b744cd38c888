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
from finalist.knowledge.schema import SeatGuide, SeatKind
from finalist.model import Interviewer, Sector

_HONORIFIC_MEMBER = re.compile(r"^(?:cllr|councill?or)\.?\s", re.IGNORECASE)


class SeatReading(BaseModel):
    kind: SeatKind
    name: str  # "a pupil on a student panel"
    reasons: list[str]  # "the title says 'Year 10'"


@cache
def _patterns(
    knowledge: Knowledge,
) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None, SeatKind], ...]:
    """Every seat's title words, longest first, so "student representative" is read
    before "student"; each with the words that make the title staff instead."""
    found = [
        (p, _words([p]), _words(guide.unless) if guide.unless else None, guide.id)
        for guide in knowledge.seats.values()
        for p in guide.patterns
    ]
    return tuple(sorted(found, key=lambda item: (-len(item[0]), item[0])))


def _words(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def read_seat(
    person: Interviewer, knowledge: Knowledge, sector: Sector | None = None
) -> SeatReading | None:
    """The seat of someone who is not staff, or None for staff (the usual case)."""
    kind: SeatKind | None = None
    reason = ""
    # the title first, then the department: "Year 10 student" in "Student council"
    for where, text in (("title", person.title), ("department", person.department)):
        for _word, rx, staff, seat in _patterns(knowledge) if text else ():
            if staff is not None and staff.search(text or ""):
                continue  # "Volunteer Coordinator": staff who work with the seat
            if found := rx.search(text or ""):
                kind, reason = seat, f"the {where} says '{found.group(0)}'"
                break
        if kind is not None:
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
    guide = knowledge.seats.get(kind.value)
    if guide is None:
        return None
    return SeatReading(kind=kind, name=guide.name, reasons=[reason])


def seat_guide(reading: SeatReading | None, knowledge: Knowledge) -> SeatGuide | None:
    return knowledge.seats.get(reading.kind.value) if reading is not None else None
