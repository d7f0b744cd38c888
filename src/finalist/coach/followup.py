"""Thank-you notes: one per person met in a round, each about what was discussed with them.

Every fact in a note comes from the case (the debrief's topics, the point of interest, the
detail to clarify, the next steps); the joining sentences are ours and vary from person to
person, so colleagues who compare notes see that they are not copies. Each note is checked,
and each check is reported.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from pydantic import BaseModel

from finalist.coach.interviewers import dossier
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype
from finalist.model import Case, Round, TalkedWith, localise, same_person
from finalist.text import words

NEAR_COPY = 0.6  # share of word pairs two notes may have in common, names and topics removed
MIN_WORDS, MAX_WORDS = 80, 180

_OPENINGS = (
    "Thank you for taking the time to talk with me about {topic}.",
    "I enjoyed our conversation about {topic}, and I wanted to thank you for it.",
    "Thank you for walking me through {topic}; it was one of the most useful parts of my day.",
    "I am grateful for the time you gave me, and especially for what you shared about {topic}.",
    "Our discussion of {topic} has stayed with me since, so thank you.",
    "Many thanks for your candour about {topic}.",
    "It was a pleasure to hear your thinking on {topic}, and I wanted to say thank you.",
    "Thank you for making time for me, and for the frank picture of {topic}.",
)
_INTEREST = (
    "It left me even keener to help {company} with {priority}.",
    "Hearing how you think about {priority} made the role more attractive to me, not less.",
    "The way you described {priority} is exactly the kind of work I would like to take on.",
    "It confirmed that {priority} is where I could add most, and quickly.",
)
_GENERAL = (
    "It confirmed how much I would like to join {company} as {role}.",
    "I came away more certain that this role is the right next step for me.",
    "It made the work feel concrete, and I would very much like to be part of it.",
    "I left with a clearer picture of the role, and a stronger wish to do it.",
)
_INTEREST_LEAD = (
    "I was especially glad we talked about ",
    "What stayed with me most was our exchange on ",
    "I keep thinking about our discussion of ",
    "I particularly valued the chance to discuss ",
    "The part I found most useful was ",
    "I came away thinking hard about ",
    "One thing I would love to dig into further is ",
    "I appreciated your honesty on ",
)
_ALSO = (
    "I also appreciated hearing your view on {topic}.",
    "Your point about {topic} was useful too.",
    "Thank you too for your thoughts on {topic}.",
    "I noted what you said about {topic}, too.",
)
_CLOSE = (
    "Thank you again, and I hope to be working with you at {company}.",
    "I hope we get to continue the conversation at {company}.",
    "With thanks, and I hope to see you again soon.",
    "Thanks again for your time and your openness.",
)
_PEER = (
    "I would enjoy working alongside you, and I hope we get the chance.",
    "It would be a pleasure to be on the same team.",
    "I would be glad to learn from how your team works.",
)


class Check(BaseModel):
    name: str
    passed: bool
    detail: str


class Note(BaseModel):
    to: str
    email: str | None
    topics: list[str]
    subject: str
    body: str
    words: int
    due: datetime | None
    checks: list[Check]
    sent_at: datetime | None = None  # when --send handed it to the mail server


class NotesResult(BaseModel):
    round_number: int
    round_label: str
    notes: list[Note]
    missing_topics: list[str]  # people met with no topic logged: no note for them
    message: str | None


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def _as_sentence(text: str, lead: str) -> str:
    """The candidate's words in the note: a full sentence as written, a phrase after a
    lead-in of ours ("I was especially glad we talked about ...")."""
    text = " ".join(text.split())
    if text.endswith((".", "!", "?")):
        return text
    return (
        lead + text[:1].lower() + text[1:] + "."
        if text[:2] != text[:2].upper()
        else (lead + text + ".")
    )


def _first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def _due(case: Case, rnd: Round) -> datetime | None:
    """24 hours after the round ends (the end of the next day when no time is known), in
    the candidate's time zone. The 24 hours are real hours, so a clock change between
    the round and the deadline moves the deadline's wall-clock time by an hour."""
    when = case.when(rnd)
    if when is None:
        return None
    if isinstance(when, datetime):
        later = timedelta(minutes=rnd.duration_minutes or 60) + timedelta(hours=24)
        if when.tzinfo is None:
            return when + later
        return (when.astimezone(UTC) + later).astimezone(when.tzinfo)  # real hours
    return datetime.combine(when + timedelta(days=1), datetime.max.time().replace(microsecond=0))


def thank_you_notes(
    case: Case,
    number: int,
    knowledge: Knowledge,
    today: date,
    sent: Mapping[str, datetime] | None = None,
) -> NotesResult:
    """One note per person met in round ``number``; ``sent`` says which were already sent
    (by person's name, as recorded by the store) so they are marked, not written anew."""
    rnd = case.rounds[number - 1]
    label = rnd.label(number)
    held = case.when(rnd)
    if held is not None and _day(held) > today:
        return NotesResult(
            round_number=number,
            round_label=label,
            notes=[],
            missing_topics=[],
            message=f"{label} has not happened yet: notes come after it",
        )
    talks = rnd.debrief.talked_with if rnd.debrief else []
    notes: list[Note] = []
    missing: list[str] = []
    for i, person in enumerate(rnd.interviewers):
        talk = next((t for t in talks if same_person(t.interviewer, person.name)), None)
        if talk is None or not talk.topics:
            missing.append(person.name)
            continue
        d = dossier(person, rnd, number, case, knowledge)
        notes.append(
            _note(
                case,
                rnd,
                person.name,
                person.email,
                person.priorities,
                Archetype(d.archetype.value),
                talk,
                i,
            )
        )
    _check_copies(notes, case)
    for note in notes:
        at = next((at for who, at in (sent or {}).items() if same_person(who, note.to)), None)
        if at is not None:  # shown on the candidate's clock
            at = at if at.tzinfo else at.replace(tzinfo=UTC)
            note.sent_at = localise(at, case.candidate.time_zone)  # type: ignore[assignment]
    message = None
    if missing:
        message = (
            f"no topic logged for {', '.join(missing)}: add what you discussed under "
            f"rounds[{number - 1}].debrief.talked_with (interviewer, topics) and run again"
        )
    return NotesResult(
        round_number=number, round_label=label, notes=notes, missing_topics=missing, message=message
    )


def rounds_sent(case: Case, sent: Mapping[int, Mapping[str, datetime]]) -> set[int]:
    """The rounds whose notes have all been sent: everyone in the round with an email
    address has a note recorded as sent (``sent``: by round, person and time sent)."""
    done: set[int] = set()
    for number, rnd in enumerate(case.rounds, start=1):
        people = [p.name for p in rnd.interviewers if p.email]
        went = list(sent.get(number, {}))
        if went and all(any(same_person(w, p) for w in went) for p in people):
            done.add(number)
    return done


def _day(when: date | datetime) -> date:
    return when.date() if isinstance(when, datetime) else when


def _note(
    case: Case,
    rnd: Round,
    name: str,
    email: str | None,
    priorities: list[str],
    archetype: Archetype,
    talk: TalkedWith,
    index: int,
) -> Note:
    opp = case.opportunity
    topic = talk.topics[0]
    # different strides through the variants, so no two people get the same combination
    pick = index % len(_OPENINGS)
    lead = (index * 3 + 1) % len(_INTEREST_LEAD)
    lines = [_OPENINGS[pick].format(topic=topic)]
    if talk.interest:
        lines.append(_as_sentence(talk.interest, _INTEREST_LEAD[lead]))
    elif priorities:
        lines.append(
            _INTEREST[index % len(_INTEREST)].format(company=opp.company, priority=priorities[0])
        )
    else:
        lines.append(_GENERAL[index % len(_GENERAL)].format(company=opp.company, role=opp.role))
    if len(talk.topics) > 1:
        lines.append(_ALSO[(index * 5 + 2) % len(_ALSO)].format(topic=talk.topics[1]))
    if talk.clarify:
        lines.append(_as_sentence(talk.clarify, "One thing I would like to clarify: "))
    if archetype is Archetype.peer:
        lines.append(_PEER[index % len(_PEER)])
    if archetype in (Archetype.hiring_manager, Archetype.hr_recruiter):
        steps = rnd.debrief.next_steps if rnd.debrief else None
        if steps:
            lines.append(_as_sentence(steps, "I understand the next step is "))
            lines.append("Please let me know if you need anything else from me before then.")
        else:
            lines.append(
                "Could you let me know what the next steps are, and when you expect "
                "to reach a decision?"
            )
    if archetype is not Archetype.executive:
        lines.append(_CLOSE[(index * 3 + 2) % len(_CLOSE)].format(company=opp.company))
    greeting = (
        f"Dear {name},"
        if archetype is Archetype.executive
        else f"Hi {_first_name(name)},"
        if archetype is Archetype.peer
        else f"Dear {_first_name(name)},"
    )
    c = case.candidate
    signoff = "\n".join(filter(None, ["Best regards,", c.name, c.email, c.phone]))
    body = f"{greeting}\n\n" + " ".join(lines) + f"\n\n{signoff}\n"
    subject = f"Thank you: our conversation about {topic}"
    count = len(words(" ".join(lines)))
    checks = [
        Check(name="names the person", passed=name.split()[0] in body, detail=greeting),
        Check(name="mentions their topic", passed=topic in body, detail=topic),
        Check(
            name="no placeholder",
            passed=not re.search(r"\{[a-z_]+\}|\[[^\]]*\]", body),
            detail="no {slot} or [gap] left",
        ),
        Check(
            name="length",
            passed=MIN_WORDS // 2 <= count <= MAX_WORDS,
            detail=f"{count} words (aim {MIN_WORDS} to {MAX_WORDS}; shorter suits an executive)",
        ),
    ]
    return Note(
        to=name,
        email=email,
        topics=list(talk.topics),
        subject=subject,
        body=body,
        words=count,
        due=_due(case, rnd),
        checks=checks,
    )


def _shingles(text: str) -> set[tuple[str, str]]:
    tokens = words(text)
    return set(itertools.pairwise(tokens))


def similarity(a: str, b: str) -> float:
    """Share of word pairs two texts have in common (Jaccard over bigrams)."""
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def _strip_specifics(note: Note, case: Case) -> str:
    text = note.body.split("\n\n", 1)[-1].rsplit("\n\n", 1)[0]
    specifics = [
        *note.topics,
        note.to,
        *note.to.split(),
        case.opportunity.company,
        case.opportunity.role,
    ]
    for specific in sorted(specifics, key=len, reverse=True):
        text = text.replace(specific, " ")
    return text


def _check_copies(notes: list[Note], case: Case) -> None:
    """Each note is compared with the others, names, topics, company and role removed."""
    stripped = [_strip_specifics(n, case) for n in notes]
    for i, note in enumerate(notes):
        worst = max(
            (similarity(stripped[i], stripped[j]) for j in range(len(notes)) if j != i), default=0.0
        )
        note.checks.append(
            Check(
                name="not a copy of another note",
                passed=worst < NEAR_COPY,
                detail=f"{worst:.0%} of word pairs shared with the closest other note "
                f"(limit {NEAR_COPY:.0%})",
            )
        )
