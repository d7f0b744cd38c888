"""A playbook per round: how to handle its format, with the people and dates of the case.

Panels get each member and what they need to agree; presentations get an outline with a
time budget, a slide count, a rehearsal schedule and the questions likely to follow;
informal meetings get openers drawn from what the candidate knows of the people. Every
round gets its logistics checklist (dated when the round is) and the scripts for an
offer on the spot and for a deadline from another offer.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel

from finalist.coach.interviewers import Dossier, dossier
from finalist.coach.questions import predict_questions
from finalist.coach.sector import read_sector
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype, Playbook, Theme
from finalist.model import Case, Format, Interviewer, Round, day_of
from finalist.text import any_word, distinctive, keywords, sentences
from finalist.writing import with_article

# Share of the presentation time per part: opening, problem, approach, plan, impact, close.
OUTLINE = (
    (
        "Opening",
        0.08,
        "Who you are in one line, the question you were set, and your answer up front.",
    ),
    ("The problem", 0.17, "What is at stake for them, in their numbers and words."),
    ("Approach", 0.20, "How you would find out what is really going on, and what you assume."),
    ("The plan", 0.30, "What you would do, in what order, with whom, and what you would not do."),
    ("Impact", 0.15, "How everyone would know it worked: the measures and when."),
    ("Close", 0.10, "The answer again in one sentence, and an invitation to questions."),
)
DEFAULT_PRESENTATION_MINUTES = 15
REHEARSALS = (
    (7, "Write the outline and the one-sentence answer; check the brief and the topic again."),
    (5, "First full run aloud with a timer; cut whatever runs over."),
    (3, "Run it for a friend or colleague; ask them for the three questions they would ask."),
    (2, "Prepare short answers to the likely questions below."),
    (1, "Final timed run; print handouts; save the file in two places."),
    (0, "Arrive early, test the screen and clicker, and run the opening once in your head."),
)


class Member(BaseModel):
    name: str
    title: str | None
    needs: str  # what they need to agree to hire you
    source: str


class OutlinePart(BaseModel):
    part: str
    minutes: float
    what: str


class Rehearsal(BaseModel):
    on: date | None
    days_before: int
    what: str


class Presentation(BaseModel):
    topic: str | None
    minutes: int
    minutes_given: bool
    slides: int
    outline: list[OutlinePart]
    rehearsals: list[Rehearsal]
    likely_questions: list[str]


class CheckItem(BaseModel):
    text: str
    due: date | None
    days_before: int
    why: str
    overdue: bool  # its day has passed: do it now


class ScriptText(BaseModel):
    id: str
    title: str
    when: str
    lines: list[str]
    notes: list[str]


class RoundPlaybook(BaseModel):
    round_number: int
    round_label: str
    format: Format
    guides: list[Playbook]
    members: list[Member]
    presentation: Presentation | None
    openers: list[str]
    checklist: list[CheckItem]
    scripts: list[ScriptText]


def _fill(text: str, case: Case) -> str:
    return (
        text.replace("{company}", case.opportunity.company)
        .replace("{role}", case.opportunity.role)
        .replace("{department}", case.opportunity.department or "the team")
    )


def _needs(d: Dossier, person_priorities: list[str]) -> tuple[str, str]:
    if person_priorities:
        return (f"confidence that you will deliver on {person_priorities[0]}", "you noted it")
    if d.priorities:
        top = d.priorities[0]
        return (f"evidence on: {top.text[:1].lower() + top.text[1:]}", top.source)
    return ("to see how you would work with them day to day", with_article(d.archetype.label))


def round_playbook(case: Case, number: int, knowledge: Knowledge, today: date) -> RoundPlaybook:
    rnd = case.rounds[number - 1]
    people = [(p, dossier(p, rnd, number, case, knowledge)) for p in rnd.interviewers]
    guides = _guides(case, rnd, [d for _p, d in people], knowledge)
    members = []
    for person, d in people:
        needs, source = _needs(d, person.priorities)
        members.append(Member(name=d.name, title=d.title, needs=needs, source=source))
    presentation = (
        _presentation(case, number, knowledge, today)
        if (rnd.format is Format.presentation or rnd.presentation_minutes)
        and all(pb.outline for pb in guides)
        else None
    )
    return RoundPlaybook(
        round_number=number,
        round_label=rnd.label(number),
        format=rnd.format,
        guides=guides,
        members=members,
        presentation=presentation,
        openers=_openers(case, people) if rnd.format in (Format.informal, Format.group) else [],
        checklist=_checklist(case, number, knowledge, today),
        scripts=[
            ScriptText(
                id=s.id,
                title=s.title,
                when=s.when,
                lines=[_fill(line, case) for line in s.lines],
                notes=list(s.notes),
            )
            for s in knowledge.scripts.values()
        ],
    )


def _guides(case: Case, rnd: Round, people: list[Dossier], knowledge: Knowledge) -> list[Playbook]:
    """The round's playbooks: the one its name, topic or place asks for ("a Year 9
    lesson", "in-tray exercise", "site tour"), in place of its format's when it is for the
    same format and before it otherwise; or the one for a panel of the people the job
    serves; else its format's, with the pairing for a kind of interviewer in it."""
    sector = read_sector(case, knowledge).value
    fits = [pb for pb in knowledge.playbooks if not pb.sectors or sector in pb.sectors]
    said = " ".join(filter(None, [rnd.name, rnd.topic, rnd.location]))
    named = [pb for pb in fits if pb.cues and any_word(tuple(pb.cues)).search(said)][:1]
    if named and named[0].format is rnd.format:
        return named  # a taught lesson replaces the presentation's advice
    # pupils, patients, tenants: the people the job serves (not a board member, who
    # asks as staff do)
    if (
        not named
        and people
        and all(
            d.seat is not None and not knowledge.seats[d.seat.value].asks_as_staff for d in people
        )
    ):
        seats = [pb for pb in fits if pb.for_seats]
        if seats:
            return seats[:1]
    audiences = {Archetype(d.archetype.value) for d in people}
    # "Panel and walk round": the walk round's advice, then the panel's
    # a format's own playbooks: the ones no words or seats pick
    own = [pb for pb in fits if pb.format is rnd.format and not pb.cues and not pb.for_seats]
    guides = named + [pb for pb in own if pb.audience is None]
    guides += [pb for pb in own if pb.audience is not None and pb.audience in audiences]
    return guides


def _presentation(case: Case, number: int, knowledge: Knowledge, today: date) -> Presentation:
    rnd = case.rounds[number - 1]
    minutes = rnd.presentation_minutes or DEFAULT_PRESENTATION_MINUTES
    outline = [
        OutlinePart(part=part, minutes=round(minutes * share * 2) / 2, what=what)
        for part, share, what in OUTLINE
    ]
    when = case.when(rnd)
    on = day_of(when) if when else None
    rehearsals = [
        Rehearsal(on=(on - timedelta(days=before)) if on else None, days_before=before, what=what)
        for before, what in REHEARSALS
        if on is None or on - timedelta(days=before) >= today
    ]
    likely: list[str] = []
    for person in rnd.interviewers:
        for q in predict_questions(person, rnd, case, knowledge, top=15, number=number):
            if Theme.presentation_follow_up in q.themes and q.text not in likely:
                likely.append(q.text)
    for entry in knowledge.questions:  # top up from the bank: always eight or more
        if len(likely) >= 10:
            break
        if Theme.presentation_follow_up in entry.themes and "{department}" not in entry.text:
            text = _fill(entry.text, case)
            if text not in likely:
                likely.append(text)
    return Presentation(
        topic=rnd.topic,
        minutes=minutes,
        minutes_given=rnd.presentation_minutes is not None,
        slides=max(3, round(minutes / 2)),
        outline=outline,
        rehearsals=rehearsals,
        likely_questions=likely[:12],
    )


def _openers(case: Case, people: list[tuple[Interviewer, Dossier]]) -> list[str]:
    """Conversation openers from what the case says about the people and the company."""
    openers = []
    for person, d in people:
        priorities = person.priorities
        notes = person.notes
        if priorities:
            openers.append(f"Ask {d.name} how {priorities[0]} is going this year.")
        elif d.department:
            openers.append(f"Ask {d.name} what a good week in {d.department.label} looks like.")
        if notes:
            openers.append(f"Something you noted about {d.name}: {notes.splitlines()[0][:140]}")
        openers.append(
            f"Ask {d.name} how they came to {case.opportunity.company} and what has "
            "kept them there."
        )
    if case.opportunity.company_notes:
        # the sentence that says most (a move, a launch, a market), not "Founded in 2004"
        best = max(
            sentences(case.opportunity.company_notes), key=lambda x: len(distinctive(keywords(x)))
        )
        openers.append(f"From your company notes, ask what it means for their team: {best}")
    return openers


def _checklist(case: Case, number: int, knowledge: Knowledge, today: date) -> list[CheckItem]:
    rnd = case.rounds[number - 1]
    when = case.when(rnd)
    on = day_of(when) if when else None
    items = [
        CheckItem(
            text=_fill(item.text, case),
            due=(on - timedelta(days=item.when)) if on else None,
            days_before=item.when,
            why=item.why,
            overdue=on is not None and on - timedelta(days=item.when) < today,
        )
        for item in knowledge.checklist
        if not item.formats or rnd.format in item.formats
    ]
    return sorted(items, key=lambda i: (-i.days_before, i.text))


def playbooks(
    case: Case, knowledge: Knowledge, today: date, rounds: list[int]
) -> list[RoundPlaybook]:
    return [round_playbook(case, n, knowledge, today) for n in rounds]
