"""Thank-you notes: one per person met in a round, each about what was discussed with them.

Every fact in a note comes from the case (the debrief's topics, the point of interest, the
detail to clarify, what was promised, the candidate's own stories); the wording comes
from the phrasing content, rendered by the writing engine (``note_writer``). Each note is
checked (``note_checks``), and each check is reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

from pydantic import BaseModel

from finalist.coach.address import Seat, address, seat
from finalist.coach.interviewers import dossier
from finalist.coach.note_checks import (
    NEAR_COPY,
    Check,
    body_of,
    check_copies,
    check_note,
    similarity,
)
from finalist.coach.note_evidence import assign_evidence
from finalist.coach.note_writer import Reader, process_owner, write_note
from finalist.coach.plan_inputs import is_outside_recruiter, people_of
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import LEVEL_ORDER, Archetype, Level
from finalist.model import Case, Round, TalkedWith, localise, same_person
from finalist.text import keywords
from finalist.writing import Writer, count_words, spelling_of

__all__ = [
    "NEAR_COPY",
    "Check",
    "Note",
    "NotesResult",
    "rounds_sent",
    "similarity",
    "thank_you_notes",
    "writer_for",
]


class Note(BaseModel):
    to: str
    email: str | None
    greeting: str = ""  # the form of address used
    topics: list[str]
    subject: str
    body: str
    words: int
    due: datetime | None
    attach: list[str] = []  # what the note says is attached: remember to attach it
    checks: list[Check]
    sent_at: datetime | None = None  # when --send handed it to the mail server


class NotesResult(BaseModel):
    round_number: int
    round_label: str
    notes: list[Note]
    missing_topics: list[str]  # people met with no topic logged: no note for them
    message: str | None
    no_note: list[str] = []  # people who get no note of their own, each with why


def writer_for(case: Case, knowledge: Knowledge) -> Writer:
    """The writing engine in the candidate's own spelling."""
    c = case.candidate
    m = c.motivation
    own = [c.background, c.headline, m.past, m.present, m.future, m.company_draw, m.bring]
    own += [s.action for s in case.stories] + [s.result for s in case.stories]
    return Writer(knowledge, spelling_of(knowledge, own, c.time_zone))


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
    notes, missing, no_note = _notes(case, rnd, number, knowledge, today)
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
        round_number=number,
        round_label=label,
        notes=notes,
        missing_topics=missing,
        message=message,
        no_note=no_note,
    )


def _notes(
    case: Case, rnd: Round, number: int, knowledge: Knowledge, today: date
) -> tuple[list[Note], list[str], list[str]]:
    talks = rnd.debrief.talked_with if rnd.debrief else []
    went_badly = keywords(rnd.debrief.went_badly or "") if rnd.debrief else frozenset()
    readers: list[Reader] = []
    missing: list[str] = []
    pupils: list[str] = []
    no_note: list[str] = []
    for person in rnd.interviewers:
        d = dossier(person, rnd, number, case, knowledge)
        archetype = Archetype(d.archetype.value)
        talk = next((t for t in talks if same_person(t.interviewer, person.name)), None)
        later = _later_same_day(case, rnd, person.name)
        if talk is not None and later is not None:
            no_note.append(
                f"{person.name}: you met again in {later} the same day; one note, under "
                "that round, thanks them for both"
            )
            continue
        earlier = _earlier_same_day(case, rnd, person.name)
        if talk is not None and earlier:
            talk = _merged(talk, [t for _, t in earlier])
        about = [talk.interest or "", talk.clarify or "", *talk.topics] if talk else []
        about.append(rnd.debrief.next_steps or "" if rnd.debrief else "")
        said = tuple(about[:-1])  # what was said with them alone, not the round's next steps
        form = address(person, case, knowledge, archetype is Archetype.executive, about, said)
        if form.seat is Seat.pupil:
            pupils.append(person.name)
            continue
        if talk is None or not talk.topics:
            missing.append(person.name)
            continue
        badly = bool(went_badly) and bool(
            went_badly & keywords(" ".join([*talk.topics, person.name]))
        )
        readers.append(
            Reader(
                person,
                form,
                archetype,
                Level(d.level.value),
                talk,
                revisit=badly,
                also_met=[r for r, _ in earlier],
            )
        )
    manager = people_of(case, knowledge).manager
    runner = _runner(case)
    here = next((r for r in readers if runner and same_person(r.person.name, runner)), None)
    if runner is not None:
        owner = here  # they run the process; when met in another round, nobody here does
    else:
        owner = process_owner(
            rnd, readers, _recruiter_elsewhere(case, rnd, number, knowledge), manager
        )
    if owner is not None:
        owner.runs_process = True
    carrier = None if readers else _carrier(case, rnd, knowledge)
    through = (
        (owner or _most_senior(readers)).person.name
        if readers
        else f"your notes after {case.rounds[carrier - 1].label(carrier)}"
        if carrier
        else "the panel chair"
    )
    no_note += [f"{name}: a pupil on the panel; the thanks go through {through}" for name in pupils]
    if pupils and (owner or readers):
        (owner or _most_senior(readers)).pupils = [p.split()[0] for p in pupils]
    # pupils met the same day in a round with no note of its own: this round's carry them
    carried = [
        p.name
        for n, other in _same_day(case, rnd)
        if _carrier(case, other, knowledge) == number
        for p in other.interviewers
        if seat(p, case, knowledge) is Seat.pupil and p.name not in pupils
    ]
    if carried and readers:
        chair = owner or _most_senior(readers)
        chair.pupils = [*chair.pupils, *(p.split()[0] for p in carried)]
    writer = writer_for(case, knowledge)
    cliches = list(knowledge.lexicons["cliches"].words) if "cliches" in knowledge.lexicons else []
    held = case.when(rnd)
    evidence = assign_evidence(readers, case)
    drafts = [
        write_note(writer, reader, case, rnd, held, today, found, i, cliches)
        for i, (reader, found) in enumerate(zip(readers, evidence, strict=True))
    ]
    copies = check_copies(
        [body_of(d.text) for d in drafts],
        [
            [
                *d.spec.topics,
                d.spec.name,
                *d.spec.name.split(),
                d.spec.greeting,
                case.opportunity.company,
                case.opportunity.role,
            ]
            for d in drafts
        ],
    )
    notes = [
        Note(
            to=r.person.name,
            email=r.person.email,
            greeting=r.address.greeting,
            topics=list(r.talk.topics),
            subject=d.subject,
            body=d.text,
            words=count_words(body_of(d.text)),
            due=_due(case, rnd),
            attach=list(d.spec.promised),
            checks=[*check_note(d.text, d.subject, d.spec), copy],
        )
        for r, d, copy in zip(readers, drafts, copies, strict=True)
    ]
    return notes, missing, no_note


def _carrier(case: Case, rnd: Round, knowledge: Knowledge) -> int | None:
    """For a round with no note of its own (pupils only, or everyone thanked in a later
    round the same day): the last round that day with a note, which passes thanks on."""
    if any(
        seat(p, case, knowledge) is Seat.staff
        and _talk_in(rnd, p.name) is not None
        and _later_same_day(case, rnd, p.name) is None
        for p in rnd.interviewers
    ):
        return None
    with_notes = [
        n
        for n, other in _same_day(case, rnd)
        if any(
            seat(p, case, knowledge) is Seat.staff and _talk_in(other, p.name)
            for p in other.interviewers
        )
    ]
    return with_notes[-1] if with_notes else None


def _talk_in(rnd: Round, name: str) -> TalkedWith | None:
    talks = rnd.debrief.talked_with if rnd.debrief else []
    return next((t for t in talks if same_person(t.interviewer, name) and t.topics), None)


def _same_day(case: Case, rnd: Round) -> list[tuple[int, Round]]:
    """The other rounds held on the same day as ``rnd``, in the order of the case."""
    held = case.when(rnd)
    if held is None:
        return []
    return [
        (n, r)
        for n, r in enumerate(case.rounds, start=1)
        if r is not rnd and (w := case.when(r)) is not None and _day(w) == _day(held)
    ]


def _later_same_day(case: Case, rnd: Round, name: str) -> str | None:
    """A later round the same day whose debrief also has this person: its note covers both."""
    at = next(i for i, r in enumerate(case.rounds) if r is rnd)
    for n, other in _same_day(case, rnd):
        if n - 1 > at and _talk_in(other, name) is not None:
            return other.label(n)
    return None


def _earlier_same_day(case: Case, rnd: Round, name: str) -> list[tuple[Round, TalkedWith]]:
    at = next(i for i, r in enumerate(case.rounds) if r is rnd)
    found = []
    for n, other in _same_day(case, rnd):
        talk = _talk_in(other, name)
        if n - 1 < at and talk is not None:
            found.append((other, talk))
    return found


def _merged(talk: TalkedWith, earlier: list[TalkedWith]) -> TalkedWith:
    """One person's talks across a day, as one: this round's topics first."""
    everything = [talk, *earlier]
    topics = list(dict.fromkeys(t for x in everything for t in x.topics))
    clarify = [x.clarify for x in everything if x.clarify]
    return talk.model_copy(
        update={
            "topics": topics,
            "interest": next((x.interest for x in everything if x.interest), None),
            "clarify": "; ".join(clarify) if clarify else None,
            "promised": list(dict.fromkeys(p for x in everything for p in x.promised)),
        }
    )


def _recruiter_elsewhere(case: Case, rnd: Round, number: int, knowledge: Knowledge) -> bool:
    """Whether a recruiter or HR contact the candidate deals with is met in another round
    (or was in round one): they, not this round's people, are the ones to ask about timing."""
    here = [p.name for p in rnd.interviewers]
    first = case.opportunity.first_round
    others = [
        (p, r, n)
        for n, r in enumerate(case.rounds, start=1)
        if r is not rnd
        for p in r.interviewers
    ]
    if first is not None:
        others += [(p, rnd, number) for p in first.interviewers]
    return any(
        not any(same_person(p.name, h) for h in here)
        and (
            is_outside_recruiter(p)
            or dossier(p, r, n, case, knowledge).archetype.value == Archetype.hr_recruiter.value
        )
        for p, r, n in others
    )


def _runner(case: Case) -> str | None:
    """Who the debriefs say will be in touch (the latest that names someone): the person
    who runs the process, wherever they were met."""
    for rnd in reversed(case.rounds):
        contact = rnd.debrief.next_contact if rnd.debrief else None
        if contact is not None and contact.who and contact.who[:1].isupper():
            return contact.who
    return None


def _most_senior(readers: list[Reader]) -> Reader:
    return max(readers, key=lambda r: LEVEL_ORDER[r.level])


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
