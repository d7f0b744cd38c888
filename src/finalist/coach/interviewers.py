"""Who is across the table: each interviewer placed by title, and their dossier.

Every placement carries a confidence and the reasons in words, so the candidate can see
why finalist thinks the CFO cares about cash and the staff engineer about on-call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel

from finalist.coach.address import Address, address
from finalist.coach.seats import read_seat, seat_guide
from finalist.coach.sector import read_sector, vocabulary_of
from finalist.coach.title_words import as_written
from finalist.coach.title_words import normalise_title as normalise_title
from finalist.knowledge import Knowledge
from finalist.knowledge.schema import (
    ARCHETYPE_LABEL,
    LEVEL_LABEL,
    LEVEL_ORDER,
    Archetype,
    Department,
    Level,
    TitleRule,
)
from finalist.model import Case, Format, Interviewer, Round, same_person

Confidence = Literal["high", "medium", "low"]

# Words that move an individual contributor's level up or down, whatever the job.
_RAISE = {"senior", "principal", "staff", "lead", "distinguished"}
_LOWER = {"junior", "graduate", "trainee", "intern", "apprentice"}


class Placement(BaseModel):
    """One inferred fact about a person, how sure finalist is, and why."""

    value: str
    label: str
    confidence: Confidence
    reasons: list[str]


class TitleReading(BaseModel):
    archetype: Placement
    level: Placement
    department: Placement | None


@dataclass(frozen=True)
class _Index:
    patterns: dict[tuple[str, ...], TitleRule]
    keywords: dict[tuple[str, ...], Department]
    longest: int


@cache
def _index(knowledge: Knowledge) -> _Index:
    patterns = {
        tuple(normalise_title(p).split()): rule for rule in knowledge.titles for p in rule.patterns
    }
    keywords: dict[tuple[str, ...], Department] = {}
    for dept in knowledge.departments.values():
        for k in [*dept.keywords, dept.id.replace("-", " "), dept.name]:
            key = tuple(normalise_title(k).split())
            if key:
                keywords.setdefault(key, dept)
    longest = max((len(k) for k in [*patterns, *keywords]), default=1)
    return _Index(patterns, keywords, longest)


def _ngrams(tokens: list[str], longest: int) -> list[tuple[str, ...]]:
    return [
        tuple(tokens[i : i + n]) for n in range(1, longest + 1) for i in range(len(tokens) - n + 1)
    ]


@cache
def find_department(text: str, knowledge: Knowledge) -> tuple[Department, str] | None:
    """The department a title or department name speaks of, with the words that said so."""
    index = _index(knowledge)
    hits = [g for g in _ngrams(normalise_title(text).split(), index.longest) if g in index.keywords]
    if not hits:
        return None
    best = max(hits, key=len)
    return index.keywords[best], " ".join(best)


def all_departments(text: str, knowledge: Knowledge) -> list[str]:
    """Every department a text names, in the order they appear ('Clinical Operations'
    names clinical and operations)."""
    index = _index(knowledge)
    found: list[str] = []
    for gram in _ngrams(normalise_title(text).split(), index.longest):
        dept = index.keywords.get(gram)
        if dept is not None and dept.id not in found:
            found.append(dept.id)
    return found


@cache
def read_title(title: str | None, knowledge: Knowledge) -> TitleReading:
    """Archetype, level and department from a job title alone (cached: do not mutate)."""
    text = (title or "").strip()
    tokens = normalise_title(text).split()[:40]
    index = _index(knowledge)
    matches = [
        (g, index.patterns[g]) for g in _ngrams(tokens, index.longest) if g in index.patterns
    ]
    dept_hit = find_department(text, knowledge) if tokens else None
    if not matches:
        return _guess(text, dept_hit)
    pattern, rule = max(matches, key=lambda m: (len(m[0]), LEVEL_ORDER[m[1].level], m[1].id))
    said = f"'{as_written(text, pattern)}' in the title"
    level = rule.level
    level_reasons = [f"{said}: {LEVEL_LABEL[level]}"]
    if level in (Level.ic, Level.entry):
        raised = sorted(w for w in _RAISE if w in tokens and w not in pattern)
        lowered = sorted(w for w in _LOWER if w in tokens and w not in pattern)
        if raised and level is Level.ic:
            level = Level.senior_ic
            word = as_written(text, [raised[0]])
            level_reasons.append(f"'{word}' raises it to {LEVEL_LABEL[level]}")
        elif lowered:
            level = Level.entry
            word = as_written(text, [lowered[0]])
            level_reasons.append(f"'{word}' makes it {LEVEL_LABEL[level]}")
    archetype = Placement(
        value=rule.archetype.value,
        label=ARCHETYPE_LABEL[rule.archetype],
        confidence="high" if len(pattern) > 1 or len(tokens) <= 2 else "medium",
        reasons=[f"{said}: usually the {ARCHETYPE_LABEL[rule.archetype]} in a hiring decision"],
    )
    department = None
    if rule.department and rule.department in knowledge.departments:
        dept = knowledge.departments[rule.department]
        department = Placement(
            value=dept.id, label=dept.name, confidence="high", reasons=[f"{said} names it"]
        )
    elif dept_hit:
        department = _from_keywords(dept_hit, text)
    return TitleReading(
        archetype=archetype,
        level=Placement(
            value=level.value, label=LEVEL_LABEL[level], confidence="high", reasons=level_reasons
        ),
        department=department,
    )


def _from_keywords(hit: tuple[Department, str], title: str) -> Placement:
    return Placement(
        value=hit[0].id,
        label=hit[0].name,
        confidence="medium",
        reasons=[f"'{as_written(title, hit[1].split())}' in the title"],
    )


def _guess(text: str, dept_hit: tuple[Department, str] | None) -> TitleReading:
    """A title no rule knows: a careful guess, marked as one."""
    if not text:
        why = "no title given: a guess; add their title to the case for a better reading"
    elif len(text) > 60:  # too long to quote in a reason: said without it
        why = "no known title pattern in their title: a guess, check it"
    else:
        why = f"no known title pattern in '{text}': a guess, check it"
    department = _from_keywords(dept_hit, text) if dept_hit else None
    return TitleReading(
        archetype=Placement(
            value=Archetype.peer.value,
            label=ARCHETYPE_LABEL[Archetype.peer],
            confidence="low",
            reasons=[why],
        ),
        level=Placement(
            value=Level.ic.value, label=LEVEL_LABEL[Level.ic], confidence="low", reasons=[why]
        ),
        department=department,
    )


# --- in the context of the case ------------------------------------------------------


class RoleReading(BaseModel):
    """The role being hired for, read like a title: its level, its department, and every
    department its title or department name touches."""

    level: Level
    department: Placement | None
    departments: list[str]


def read_role(case: Case, knowledge: Knowledge) -> RoleReading:
    opp = case.opportunity
    reading = read_title(opp.role, knowledge)
    department = _stated_department(opp.department, knowledge) or reading.department
    touched = all_departments(f"{opp.department or ''} {opp.role}", knowledge)
    if department is not None and department.value and department.value not in touched:
        touched.insert(0, department.value)
    return RoleReading(level=Level(reading.level.value), department=department, departments=touched)


def _stated_department(text: str | None, knowledge: Knowledge) -> Placement | None:
    if not text:
        return None
    hit = find_department(text, knowledge)
    if hit is None:
        return Placement(value="", label=text, confidence="medium", reasons=[f"you wrote '{text}'"])
    return Placement(
        value=hit[0].id, label=hit[0].name, confidence="high", reasons=[f"you wrote '{text}'"]
    )


# what the candidate's notes on someone say they focus on: "asks about budgets", "leads the
# CPD programme", "keen on data"
_FOCUS = re.compile(
    r"\b(?:asks?(?: a lot| often)? about|asked about|interested in|cares? about|keen on|"
    r"focus(?:es|ed)? on|passionate about|worried about|concerned about|background in|"
    r"leads|runs|responsible for|in charge of|chairs)\s+(?:the\s+)?([^.;:!?()\n]+)",
    re.IGNORECASE,
)
FOCUS_WORDS = 8  # a focus longer than this is cut at its first comma or "and", or dropped


def note_focus(notes: str | None) -> list[str]:
    """What the notes on someone say they ask about or lead, in the notes' own words."""
    found: list[str] = []
    for match in _FOCUS.finditer(notes or ""):
        focus = match.group(1).strip().rstrip(",")
        if len(focus.split()) > FOCUS_WORDS:
            focus = re.split(r",|\band\b", focus)[0].strip()
        if 0 < len(focus.split()) <= FOCUS_WORDS and focus.lower() not in map(str.lower, found):
            found.append(focus)
    return found


class Priority(BaseModel):
    text: str
    source: str  # "you noted", "typical for Finance"


class Dossier(BaseModel):
    name: str
    title: str | None
    round_number: int
    round_label: str
    format: Format
    archetype: Placement
    also: Placement | None
    level: Placement
    department: Placement | None
    met_in_round_one: bool
    priorities: list[Priority]
    wants_to_learn: list[str]
    how_to_talk: list[str]
    notes: str | None
    address: Address | None = None  # how to address them in writing, and why
    # someone who is not staff (a pupil, a patient representative, a councillor): their
    # seat, what it means, and how to thank them; None for staff
    seat: Placement | None = None
    seat_summary: str | None = None
    thank_you: str | None = None


def dossier(
    person: Interviewer, rnd: Round, number: int, case: Case, knowledge: Knowledge
) -> Dossier:
    reading = read_title(person.title, knowledge)
    role = read_role(case, knowledge)
    department = _stated_department(person.department, knowledge) or reading.department
    archetype, also = _in_context(reading, department, role)
    first = case.opportunity.first_round
    met = first is not None and any(same_person(p.name, person.name) for p in first.interviewers)
    priorities = [Priority(text=p, source="you noted") for p in person.priorities]
    priorities += [
        Priority(text=f, source="your notes on them")
        for f in note_focus(person.notes)
        if f.lower() not in {p.text.lower() for p in priorities}
    ]
    seat = read_seat(person, knowledge, read_sector(case, knowledge).value)
    guide = seat_guide(seat, knowledge)
    dept = knowledge.departments.get(department.value) if department and not seat else None
    if dept is not None:
        words = vocabulary_of(case, knowledge)  # a department's usual cares, in the sector's words
        fitting = [p for p in dept.priorities if words.fits(p)]
        priorities += [
            Priority(text=p, source=f"typical for {dept.name}")
            for p in fitting[: max(0, 5 - len(priorities))]
        ]
    staff = knowledge.archetypes.get(Archetype(archetype.value))
    if guide is not None:
        wants, talk = list(guide.wants_to_learn[:4]), list(guide.how_to_talk[:4])
    else:
        wants = list(staff.wants_to_learn[:4]) if staff else []
        talk = list(staff.how_to_talk[:4]) if staff else []
    if (
        guide is None
        and also is not None
        and (extra := knowledge.archetypes.get(Archetype(also.value)))
    ):
        wants.append(extra.wants_to_learn[0])
    wants += _format_wants(rnd.format)
    talks = rnd.debrief.talked_with if rnd.debrief else []
    logged = next((t for t in talks if same_person(t.interviewer, person.name)), None)
    said = tuple(
        x
        for x in ([logged.interest or "", logged.clarify or "", *logged.topics] if logged else [])
        if x
    )
    about = [*said, rnd.debrief.next_steps or ""] if rnd.debrief else list(said)
    form = address(
        person, case, knowledge, archetype.value == Archetype.executive.value, about, said
    )
    return Dossier(
        name=person.name,
        title=person.title,
        round_number=number,
        round_label=rnd.label(number),
        format=rnd.format,
        archetype=archetype,
        also=also,
        level=reading.level,
        department=department,
        met_in_round_one=met,
        priorities=priorities,
        wants_to_learn=wants,
        how_to_talk=talk,
        notes=person.notes,
        address=form,
        seat=Placement(
            value=seat.kind.value, label=seat.name, confidence="high", reasons=seat.reasons
        )
        if seat
        else None,
        seat_summary=guide.summary if guide else None,
        thank_you=guide.thank_you if guide else None,
    )


def _in_context(
    reading: TitleReading, department: Placement | None, role: RoleReading
) -> tuple[Placement, Placement | None]:
    """Refine the archetype with the role: the likely hiring manager, or a partner from
    another department."""
    archetype = reading.archetype
    level = Level(reading.level.value)
    same_dept = (
        department is not None
        and role.department is not None
        and department.value != ""
        and department.value == role.department.value
    )
    other_dept = (
        department is not None
        and role.department is not None
        and department.value not in ("", role.department.value)
    )
    gap = LEVEL_ORDER[level] - LEVEL_ORDER[role.level]
    if (
        same_dept
        and archetype.value
        in (
            Archetype.department_head.value,
            Archetype.hiring_manager.value,
        )
        and 1 <= gap <= 2
    ):
        return (
            Placement(
                value=Archetype.hiring_manager.value,
                label=ARCHETYPE_LABEL[Archetype.hiring_manager],
                confidence="medium",
                reasons=[
                    *archetype.reasons,
                    "same department as the role and one step above it: probably the person "
                    "the role reports to",
                ],
            ),
            None,
        )
    if other_dept and archetype.value in (
        Archetype.peer.value,
        Archetype.hiring_manager.value,
        Archetype.department_head.value,
    ):
        assert department is not None
        assert role.department is not None
        return archetype, Placement(
            value=Archetype.cross_functional.value,
            label=ARCHETYPE_LABEL[Archetype.cross_functional],
            confidence="medium",
            reasons=[
                f"works in {department.label}, the role in {role.department.label}: "
                "they will judge how you would work with their team"
            ],
        )
    return archetype, None


def _format_wants(fmt: Format) -> list[str]:
    return {
        Format.panel: [
            "Whether the rest of the panel will back you: they compare notes afterwards."
        ],
        Format.presentation: [
            "How you handle their questions on your presentation: the reasoning behind it, "
            "not just the slides."
        ],
        Format.informal: [
            "Whether they would enjoy working with you: the meal or coffee is a chemistry check."
        ],
        Format.group: ["How you work with others when everyone is watching."],
        Format.virtual: [],
        Format.one_on_one: [],
    }[fmt]


def round_dossiers(case: Case, knowledge: Knowledge) -> list[Dossier]:
    """Every interviewer of every round, in order."""
    return [
        dossier(person, rnd, number, case, knowledge)
        for number, rnd in enumerate(case.rounds, start=1)
        for person in rnd.interviewers
    ]
