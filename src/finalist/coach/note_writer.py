"""What each thank-you note says, decided person by person, and its words.

The coach decides the moves (thanks for the conversation and its topic; a point of
interest in their terms; the candidate's own evidence for their topic; a correction or a
promised document; the timing question for the person who runs the process; a close),
then the writing engine words each move from the phrasing content. Every fact comes
from the case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from finalist.coach.address import Address, Seat
from finalist.coach.note_checks import NoteSpec
from finalist.coach.note_evidence import story_phrase, story_text
from finalist.coach.note_lines import (
    WORK_ITEM,
    close_topic,
    named_topic,
    next_steps_line,
    told_that_day,
)
from finalist.knowledge.schema import LEVEL_ORDER, Archetype, Level, SlotKind
from finalist.model import Case, Interviewer, Round, TalkedWith, same_person
from finalist.text import distinctive, keywords, similarity
from finalist.writing import (
    Kind,
    Writer,
    count_words,
    for_reader,
    join,
    kind_of,
    organisation,
    sentence,
    short_role,
    unsentence,
    with_article,
)

# the length guides ask for, by who reads it
STAFF_WORDS = (90, 180)
SENIOR_WORDS = (60, 150)  # a senior executive or an elected member: shorter
SHORT_WORDS = (25, 100)  # a lay or student representative: a short courteous note
SUBJECT_LENGTH = 70  # characters: what a phone's inbox shows


@dataclass
class Reader:
    """One person to write to, with what the coach knows about them."""

    person: Interviewer
    address: Address
    archetype: Archetype
    level: Level
    talk: TalkedWith
    runs_process: bool = False
    pupils: list[str] = field(default_factory=list)  # to thank through this person
    revisit: bool = False  # the debrief says an answer to them went badly
    also_met: list[Round] = field(default_factory=list)  # earlier rounds the same day


@dataclass
class Draft:
    subject: str
    text: str
    spec: NoteSpec


def process_owner(
    rnd: Round,
    readers: list[Reader],
    recruiter_elsewhere: bool = False,
    line_manager: str | None = None,
) -> Reader | None:
    """Who runs the process, of the people met: the one who said they would be in touch,
    else the recruiter or HR contact; when no recruiter or HR contact is met in another
    round (who would be the one to ask), the line manager the job description names, else
    the most senior hiring manager, else the only person met, unless the line manager
    is met in another round."""
    staff = [r for r in readers if r.address.seat is Seat.staff]
    contact = rnd.debrief.next_contact if rnd.debrief else None
    if contact is not None and contact.who:
        named = next((r for r in staff if same_person(r.person.name, contact.who)), None)
        if named is not None:
            return named
    recruiter = next((r for r in staff if r.archetype is Archetype.hr_recruiter), None)
    if recruiter is not None or recruiter_elsewhere:
        return recruiter
    if line_manager is not None:
        return next((r for r in staff if same_person(r.person.name, line_manager)), None)
    managers = [r for r in staff if r.archetype is Archetype.hiring_manager]
    if managers:
        return max(managers, key=lambda r: LEVEL_ORDER[r.level])
    return staff[0] if len(staff) == 1 else None


def senior(reader: Reader) -> bool:
    greeting = reader.address.greeting.split(" ", 1)[0]
    return reader.level in (Level.executive, Level.board) or greeting in ("Councillor", "Cllr")


# --- the words -----------------------------------------------------------------------------

_CORRECTION = re.compile(
    r"^I (?:said|told (?:them|him|her|you)|suggested|mentioned)\s+(?:that\s+)?(?P<claim>.+?)"
    r"\s*[;,.\u2013\u2014-]+\s*(?:but\s+)?(?:it'?s|it is|that'?s|it was|in fact|actually)\s+"
    r"(?:actually\s+|really\s+)?(?P<fact>.+?)\.?$",
    re.IGNORECASE,
)


def meeting_of(rounds: list[Round]) -> str:
    """What the note thanks them for: one round's meeting, or two on the same day
    ("watching my lesson and talking it through, and for the panel interview")."""
    said = list(dict.fromkeys(_meeting(r) for r in rounds))
    return ", and for ".join(said)


def _meeting(rnd: Round) -> str:
    name = (rnd.name or "").lower()
    for word, meeting in (
        ("lunch", "lunch"),
        ("coffee", "the coffee"),
        ("tour", "the tour and our conversation"),
        ("lesson", "watching my lesson and talking it through"),
        ("presentation", "listening to my presentation"),
    ):
        if word in name:
            return meeting
    return {
        "panel": "the panel interview",
        "presentation": "listening to my presentation",
        "informal": "meeting me",
        "virtual": "our call",
        "group": "the assessment day",
    }.get(rnd.format.value, "our conversation")


def _day(held: date | datetime | None) -> str:
    if held is None:
        return "the day"
    day = held.date() if isinstance(held, datetime) else held
    return f"{day:%A}"


def interest_line(writer: Writer, reader: Reader, pick: int) -> str | None:
    """The point of interest, in their terms: turned to 'you' when it is about them."""
    interest = reader.talk.interest
    if interest is None or kind_of(interest) in (Kind.empty, Kind.first_person):
        return None
    turned = for_reader(re.split(r"\s*;\s*", interest)[0], reader.person.name)
    if turned is None:
        return None  # (a jotting of two points joined by ";": the first is the point)
    if kind_of(turned) is Kind.sentence:
        # "you said students want ..." is what students want: the saying goes unsaid
        heard = re.sub(
            r"^(?:you|he|she|they) (?:said|mentioned|told me|explained|felt)(?: that)? ",
            "",
            turned,
        )
        return writer.say("note-interest-you", pick, clause=heard)
    return writer.say("note-interest-np", pick, interest=turned)


def clarify_line(writer: Writer, reader: Reader, pick: int) -> str | None:
    text = reader.talk.clarify
    if not text:
        return None
    text = for_reader(" ".join(text.split()), reader.person.name) or ""
    if not text:
        return None
    text = _lower_first(unsentence(text))
    match = _CORRECTION.match(text)
    if match:
        return writer.say(
            "note-correction", pick, claim=match.group("claim"), fact=match.group("fact")
        )
    return writer.say("note-clarify", pick, clarify=text)


def write_note(
    writer: Writer,
    reader: Reader,
    case: Case,
    rnd: Round,
    held: date | datetime | None,
    today: date,
    evidence: tuple[str, str] | None,
    pick: int,
    cliches: list[str],
) -> Draft:
    opp = case.opportunity
    short = reader.address.seat is not Seat.staff
    low, high = SHORT_WORDS if short else SENIOR_WORDS if senior(reader) else STAFF_WORDS
    turned = [
        named_topic(for_reader(t, reader.person.name), list(reader.person.priorities))
        for t in reader.talk.topics
    ]
    topics = [t for t in turned if t and writer.fit(SlotKind.about, t)]
    company = organisation(opp.company)
    meeting, day = meeting_of([*reader.also_met, rnd]), _day(held)
    # each sentence tagged with its move, so a long note loses the least needed first
    first: list[tuple[str, str | None]] = []
    second: list[tuple[str, str | None]] = []
    third: list[tuple[str, str | None]] = []
    if short:
        first.append(
            (
                "thanks",
                writer.say("note-thanks-short", pick, meeting=meeting, day=day, topic=topics[0])
                if topics
                else writer.say("note-thanks-plain", pick, meeting=meeting, day=day),
            )
        )
        first.append(("interest", interest_line(writer, reader, pick)))
        second.append(("clarify", clarify_line(writer, reader, pick)))  # always delivered
        if reader.talk.promised:
            second.append(
                ("promised", writer.say("note-promised", pick, items=reader.talk.promised))
            )
        third.append(("close", writer.say("note-close", pick, company=company)))
    else:
        first.append(
            (
                "thanks",
                writer.say("note-thanks", pick, meeting=meeting, day=day, topic=topics[0])
                if topics
                else writer.say("note-thanks-plain", pick, meeting=meeting, day=day),
            )
        )
        # the evidence names the topic of theirs its story answers
        story_of = next((st for st in case.stories if evidence and st.title == evidence[0]), None)
        linked = (
            _closest(topics, [story_text(story_of)], at_least=LINK_WORDS)
            if story_of is not None
            else _closest(topics, [evidence[1]])
            if evidence is not None
            else None
        )
        first.append(("interest", interest_line(writer, reader, pick)))
        if evidence is not None:
            topic = linked
            story = story_phrase(evidence[0])
            told = sentence(evidence[1])
            line = None
            if not evidence[1] and story is not None:
                line = writer.say(
                    "note-evidence-title" if topic else "note-evidence-title-plain",
                    pick,
                    topic=topic,
                    story=story,
                )
            elif reader.revisit:
                line = writer.say("note-evidence-revisit", pick, topic=topic, evidence=told)
            if line is None and story is not None:
                line = writer.say(
                    "note-evidence-story" if topic else "note-evidence-story-plain",
                    pick,
                    topic=topic,
                    story=story,
                    evidence=told,
                )
            line = line or writer.say("note-evidence", pick, topic=topic, evidence=told)
            line = line or writer.say("note-evidence", pick, topic=None, evidence=told)
            second.append(("evidence", line))
        elif (strength := _closest(case.candidate.strengths, topics)) is not None:
            line = writer.say("note-strength-plain", pick, strength=strength)
            second.append(("evidence", line))
            evidence = ("", strength) if line else None
        second.append(("clarify", clarify_line(writer, reader, pick)))
        if reader.talk.promised:
            second.append(
                ("promised", writer.say("note-promised", pick, items=reader.talk.promised))
            )
        if reader.runs_process:
            said_when = told_that_day(case, rnd)
            third.append(("next", next_steps_line(writer, reader, rnd, today, pick, said_when)))
        if reader.pupils:
            third.append(("pupils", writer.say("note-pupils", pick, names=join(reader.pupils))))
        on = close_topic(writer, reader, topics)
        close = None
        if on is not None and WORK_ITEM.search(on):  # a project: offer to work on it
            close = writer.say("note-close-on", pick, topic=on, company=company)
        elif on is not None and topics and on == topics[0]:  # named once already
            close = writer.say("note-close-again", pick)
        elif on is not None:  # a subject: offer to go on talking about it
            close = writer.say("note-close-about", pick, topic=on)
        if close is not None:
            third.append(("close", close))
        else:
            keen = writer.say("note-keen", pick, company=company, role=_role(opp.role))
            third.append(("keen", keen))
            third.append(("close", writer.say("note-close", pick, company=company)))
    groups = [[(m, t) for m, t in g if t] for g in (first, second, third)]
    body = "\n\n".join(" ".join(t for _, t in g) for g in _fit_length(groups, low, high) if g)
    c = case.candidate
    signoff = "\n".join(filter(None, [writer.say("note-signoff", 0), c.name, c.email, c.phone]))
    text = f"Dear {reader.address.greeting},\n\n{body}\n\n{signoff}\n"
    subject = writer.say("note-subject", pick, role=short_role(opp.role), meeting=meeting)
    if subject is None or len(subject) > SUBJECT_LENGTH:
        subject = writer.say("note-short-subject", pick, role=short_role(opp.role))
    spec = NoteSpec(
        name=reader.person.name,
        greeting=reader.address.greeting,
        role=opp.role,
        topics=[*reader.talk.topics, *topics],  # as logged, or as the note names them
        evidence=[evidence[1] or story_phrase(evidence[0]) or evidence[0]] if evidence else [],
        needs_evidence=not short,
        runs_process=reader.runs_process,
        promised=list(reader.talk.promised) if not short else [],
        min_words=low,
        max_words=high,
        cliches=cliches,
    )
    return Draft(subject=subject or short_role(opp.role), text=text, spec=spec)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() and first != "I" else text


LINK_WORDS = 1  # words a topic must share with a story to be named as what it answers


def _closest(options: list[str], to: list[str], at_least: int = 1) -> str | None:
    """The option that shares most words with ``to``; None when none shares ``at_least``
    distinctive words."""
    want = distinctive(keywords(" ".join(to)))
    scored = [
        (len(want & distinctive(keywords(o))), similarity(want, keywords(o)), o) for o in options
    ]
    best = max(scored, default=(0, 0.0, ""))
    return best[2] if best[0] >= at_least else None


def _role(role: str) -> str:
    """The role as it reads after "join X as": "Head of Mathematics" needs no article."""
    role = short_role(role)
    return role if role[:1].isupper() else with_article(role)


_DROP_ORDER = ("keen", "interest")  # least needed first


def _fit_length(
    groups: list[list[tuple[str, str]]], low: int, high: int
) -> list[list[tuple[str, str]]]:
    """Drop the least needed sentences until the note is within the length: never the
    thanks, the evidence, a correction, a promised item or the timing. A short note is
    left short: no sentence is added only to make up the words."""

    def total() -> int:
        return sum(count_words(t) for g in groups for _, t in g)

    for move in _DROP_ORDER:
        if total() <= high:
            break
        groups = [[(m, t) for m, t in g if m != move] for g in groups]
    # a short closing paragraph is joined to the one before, so no paragraph is a stub
    if groups[2] and count_words(" ".join(t for _, t in groups[2])) < 8 and groups[1]:
        groups = [groups[0], groups[1] + groups[2], []]
    return groups
