"""The last lines of a thank-you note: the next steps, said only to whoever runs the
process and never asked again once they have said when; and the close, on the person's
own topic (an offer to work on a piece of work, or to go on talking about a subject).
Words come from the phrasing content; every fact from the case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from finalist.coach.company_notes import REGULATORS
from finalist.coach.timeline import says_when
from finalist.knowledge.schema import Archetype, SlotKind
from finalist.model import Case, Round, day_of, same_person
from finalist.writing import Kind, Writer, count_words, for_reader, kind_of

if TYPE_CHECKING:
    from finalist.coach.note_writer import Reader


def next_steps_line(
    writer: Writer, reader: Reader, rnd: Round, today: date, pick: int, told: bool = False
) -> str:
    """The next-steps line for whoever runs the process: what they said (a date, a call),
    or, when they already said when in words (``told``), no question about it."""
    debrief = rnd.debrief
    contact = debrief.next_contact if debrief else None
    by = contact.by if contact and contact.by else debrief.decision_date if debrief else None
    by_day = (by.date() if isinstance(by, datetime) else by) if by is not None else None
    if by_day is not None and by_day <= today:
        by_day = None  # today, or a date already passed, is no news to repeat
    line: str | None = None
    if contact is not None and contact.who:
        if same_person(contact.who, reader.person.name):
            call = bool(re.search(r"phone|call|ring", contact.how or "", re.I))
            line = (
                writer.say("note-next-call" if call else "note-next-from-you", pick, date=by_day)
                if by_day
                else writer.say("note-next-call-soon" if call else "note-next-from-you-soon", pick)
            )
        elif by_day is not None:
            line = writer.say(
                "note-next-from-other",
                pick,
                who=contact.who if contact.who[:1].islower() else contact.who.split()[0],
                date=by_day,
            )
    if line is None and by_day is not None:
        line = writer.say("note-next-known", pick, date=by_day)
    if line is None and told:
        # they said when ("probably by the end of next week"): asking again would show the
        # candidate was not listening
        line = writer.say("note-next-from-you-soon", pick)
    return line or writer.say("note-next-ask", pick) or ""


def told_that_day(case: Case, rnd: Round) -> bool:
    """Whether a debrief of that day says in words when the decision comes ("Maria will
    be in touch, probably by the end of next week", logged after the partner panel)."""
    held = case.when(rnd)
    for other in case.rounds:
        when = case.when(other)
        on_day = held is not None and when is not None and day_of(when) == day_of(held)
        that_day = other is rnd or on_day
        if that_day and other.debrief is not None and says_when(other.debrief.next_steps):
            return True
    return False


def _regulator(topic: str) -> tuple[str, str] | None:
    """(its cue, its name in a sentence) when the topic is only a regulator's name."""
    for cue, name in REGULATORS:
        if re.fullmatch(rf"(?:the\s+)?(?:{cue})", topic.strip(), re.I):
            return cue, name
    return None


def named_topic(topic: str | None, priorities: Sequence[str] = ()) -> str | None:
    """A regulator named alone as a topic ("NAO"): what the candidate noted about it for
    this person, when they did ("the NAO report": one talks through a report, not an
    office), else the name as a sentence carries it ("the CQC")."""
    if topic is None or (found := _regulator(topic)) is None:
        return topic
    cue, name = found
    fuller = [p for p in priorities if re.search(cue, p) and p.strip() != topic.strip()]
    return fuller[0] if fuller else name


# the head of a topic one can work on with someone: a project, not a subject ("hybrid
# working", "major donors", "the welfare cabins" are talked about, not worked on)
WORK_ITEM = re.compile(
    r"\b(?:project|programme|program|plan|review|audit|appeal|bid|campaign|rollout|roll-out|"
    r"migration|launch|redesign|restructure|strategy|refurbishment|contract|tender|pilot|"
    r"scheme|merger|integration|upgrade|transition|consultation|renewal|partnership|"
    r"framework|formula|forecast|rebuild|build|move|overhaul|recovery|expansion|"
    r"implementation|transformation|initiative)s?$",
    re.IGNORECASE,
)


CLOSE_TOPIC_WORDS = 4


def close_topic(writer: Writer, reader: Reader, topics: list[str]) -> str | None:
    """What the close offers to help with: a topic of the talk, the second if there is one
    (the note opened with the first); none for a recruiter or HR contact."""
    if reader.archetype is Archetype.hr_recruiter:
        return None  # their concern is the process, not work to help with
    for text in [*topics[1:2], *topics[:1]]:
        turned = for_reader(text, reader.person.name)
        if (
            turned
            and kind_of(turned) is Kind.noun_phrase
            and count_words(turned) <= CLOSE_TOPIC_WORDS
            and not re.search(r"\b(?:your|my|you|me|I)\b", turned)
            and _regulator(turned) is None  # work is done on its report, not the office
            and writer.fit(SlotKind.about, turned)
        ):
            return turned  # a piece of work ("the equal pay appeal"), not a remark
    return None
