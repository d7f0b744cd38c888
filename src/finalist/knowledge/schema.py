"""The shape of the curated knowledge: every entry validated strictly when loaded.

The vocabularies (archetypes, seniority levels, themes, formats) are closed lists here;
departments are open (a data file adds one) and referenced by their id.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from finalist.model import Format, Sector


class Archetype(StrEnum):
    """Who someone is in the hiring decision, whatever their exact title."""

    executive = "executive"
    department_head = "department-head"
    hiring_manager = "hiring-manager"
    peer = "peer"
    hr_recruiter = "hr-recruiter"
    cross_functional = "cross-functional"


# Each reads after "a" and after "the" ("a senior executive", "the recruiter or HR contact"):
# a label never starts with a vowel sound, so text that puts "a" before one stays right.
ARCHETYPE_LABEL: dict[Archetype, str] = {
    Archetype.executive: "senior executive",
    Archetype.department_head: "department head",
    Archetype.hiring_manager: "hiring manager",
    Archetype.peer: "peer",
    Archetype.hr_recruiter: "recruiter or HR contact",
    Archetype.cross_functional: "cross-functional partner",
}


class Level(StrEnum):
    """Seniority, from the first job to the board, in order."""

    entry = "entry"
    ic = "ic"
    senior_ic = "senior-ic"
    manager = "manager"
    director = "director"
    vp = "vp"
    executive = "executive"
    board = "board"


LEVEL_ORDER: dict[Level, int] = {level: i for i, level in enumerate(Level)}

LEVEL_LABEL: dict[Level, str] = {
    Level.entry: "entry level",
    Level.ic: "individual contributor",
    Level.senior_ic: "senior individual contributor",
    Level.manager: "manager",
    Level.director: "director",
    Level.vp: "vice president",
    Level.executive: "C-level executive",
    Level.board: "board member",
}


class Theme(StrEnum):
    strategic_vision = "strategic-vision"
    first_six_months = "first-six-months"
    hypothetical_challenge = "hypothetical-challenge"
    layered_behavioural = "layered-behavioural"
    adaptability = "adaptability-under-pressure"
    communicating_to_leadership = "communicating-to-leadership"
    culture_fit = "culture-fit"
    cross_functional = "cross-functional"
    motivation = "motivation"
    elevating_the_role = "elevating-the-role"
    presentation_follow_up = "presentation-follow-up"
    validating_round_one = "validating-round-one"


THEME_LABEL: dict[Theme, str] = {
    Theme.strategic_vision: "strategic vision",
    Theme.first_six_months: "first six months",
    Theme.hypothetical_challenge: "hypothetical departmental challenge",
    Theme.layered_behavioural: "layered behavioural",
    Theme.adaptability: "adaptability under pressure",
    Theme.communicating_to_leadership: "communicating to leadership",
    Theme.culture_fit: "culture fit and chemistry",
    Theme.cross_functional: "cross-functional collaboration",
    Theme.motivation: "motivation",
    Theme.elevating_the_role: "elevating the role",
    Theme.presentation_follow_up: "presentation follow-up",
    Theme.validating_round_one: "validating round one",
}

SLOTS = ("company", "role", "department")
_SLOT = re.compile(r"\{([^{}]*)\}")
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,60}$")]
Sentence = Annotated[str, StringConstraints(min_length=3, max_length=600, strip_whitespace=True)]
Word = Annotated[str, StringConstraints(min_length=1, max_length=80, strip_whitespace=True)]


def check_slots(text: str) -> str:
    """Refuse a slot other than {company}, {role} and {department}."""
    for slot in _SLOT.findall(text):
        if slot not in SLOTS:
            raise ValueError(f"unknown slot {{{slot}}}; use {', '.join(SLOTS)}")
    return text


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class TitleRule(Entry):
    """Title patterns that place a person: matched as whole words, case ignored."""

    id: Id
    patterns: Annotated[list[Word], Field(min_length=1)]
    archetype: Archetype
    level: Level
    department: Id | None = None
    note: Sentence | None = None

    @field_validator("patterns")
    @classmethod
    def _lowercase(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            if p != p.lower():
                raise ValueError(f"pattern {p!r} must be lowercase")
        return patterns


class Department(Entry):
    id: Id
    name: Word
    keywords: Annotated[list[Word], Field(min_length=1)]
    priorities: Annotated[list[Sentence], Field(min_length=3)]
    measures: Annotated[list[Sentence], Field(min_length=3)]
    hard_problems: Annotated[list[Sentence], Field(min_length=3)]


class ArchetypeGuide(Entry):
    """What each kind of interviewer wants to learn, and how to talk to them."""

    id: Archetype
    summary: Sentence
    wants_to_learn: Annotated[list[Sentence], Field(min_length=2)]
    how_to_talk: Annotated[list[Sentence], Field(min_length=2)]


class Question(Entry):
    id: Id
    text: Sentence
    themes: Annotated[list[Theme], Field(min_length=1)]
    askers: dict[Archetype, Annotated[float, Field(ge=0, le=1)]]
    formats: list[Format] = []
    levels: list[Level] = []
    departments: list[Id] = []
    competencies: list[Word] = []
    why: Sentence
    strong_answer: Sentence
    probes: Annotated[list[Sentence], Field(min_length=1, max_length=2)]
    # the sectors it fits; empty: every sector (a knowledge check refuses an entry that
    # uses one sector's own words, "pupils" or "roadmap", and names no sectors)
    sectors: list[Sector] = []
    # a classic that a new interviewer still asks in round two ("tell me about yourself"):
    # every person's list keeps a few of these
    staple: bool = False

    @field_validator("text")
    @classmethod
    def _known_slots(cls, text: str) -> str:
        return check_slots(text)

    @field_validator("askers")
    @classmethod
    def _someone_asks(cls, askers: dict[Archetype, float]) -> dict[Archetype, float]:
        if not askers or max(askers.values()) < 0.5:
            raise ValueError("at least one archetype must be likely (0.5 or more) to ask it")
        return askers


# --- what the candidate brings (questions to ask, playbooks, checklists, scripts) ----------


class AskTopic(StrEnum):
    competitive_strategy = "competitive-strategy"
    collaboration = "collaboration"
    roadmap = "roadmap"
    success_measures = "success-measures"
    team_culture = "team-culture"
    hardest_problem = "hardest-problem"
    first_six_months = "first-six-months"
    their_view = "their-view"
    decision_process = "decision-process"


ASK_TOPIC_LABEL: dict[AskTopic, str] = {
    AskTopic.competitive_strategy: "competitive strategy",
    AskTopic.collaboration: "working across departments",
    AskTopic.roadmap: "plans and what comes next",
    AskTopic.success_measures: "how success is measured",
    AskTopic.team_culture: "team and culture",
    AskTopic.hardest_problem: "the hardest current problem",
    AskTopic.first_six_months: "the first six months",
    AskTopic.their_view: "their own path and view",
    AskTopic.decision_process: "the decision and next steps",
}


class Ask(Entry):
    """A question for the candidate to ask an interviewer."""

    id: Id
    text: Sentence
    topic: AskTopic
    suits: dict[Archetype, Annotated[float, Field(ge=0, le=1)]]
    departments: list[Id] = []
    why: Sentence
    sectors: list[Sector] = []  # the sectors it fits; empty: every sector

    @field_validator("text")
    @classmethod
    def _known_slots(cls, text: str) -> str:
        return check_slots(text)

    @field_validator("suits")
    @classmethod
    def _suits_someone(cls, suits: dict[Archetype, float]) -> dict[Archetype, float]:
        if not suits or max(suits.values()) < 0.5:
            raise ValueError("it must suit at least one archetype well (0.5 or more)")
        return suits


class Playbook(Entry):
    """How to handle one interview format (optionally: with one kind of interviewer)."""

    id: Id
    format: Format
    audience: Archetype | None = None
    # words in the round's name, topic or place that make this the round's playbook, over
    # its format's: "lesson", "in-tray", "site tour"; matched as whole words, case ignored
    cues: list[Word] = []
    # the round is a panel of the people the job serves, not staff: pupils, patients, tenants
    for_seats: bool = False
    # the round gets the presentation outline and slide timings (a taught lesson does not)
    outline: bool = True
    purpose: Sentence
    before: Annotated[list[Sentence], Field(min_length=2)]
    during: Annotated[list[Sentence], Field(min_length=3)]
    after: Annotated[list[Sentence], Field(min_length=1)]
    avoid: Annotated[list[Sentence], Field(min_length=2)]
    sectors: list[Sector] = []  # the sectors it fits; empty: every sector


class ChecklistItem(Entry):
    """One logistics item to check before a round."""

    id: Id
    text: Sentence
    when: Annotated[int, Field(ge=0, le=14)]  # days before the round (0 = on the day)
    formats: list[Format] = []
    why: Sentence


class Script(Entry):
    """Words for a delicate moment, in the candidate's voice."""

    id: Id
    title: Sentence
    when: Sentence
    lines: Annotated[list[Sentence], Field(min_length=2)]
    notes: Annotated[list[Sentence], Field(min_length=1)]

    @field_validator("lines")
    @classmethod
    def _known_slots(cls, lines: list[str]) -> list[str]:
        for line in lines:
            check_slots(line)
        return lines


class Lexicon(Entry):
    """Words the coach looks for, and what to say when it finds them."""

    id: Id
    words: Annotated[list[Word], Field(min_length=1)]
    advice: Sentence
    alternative: AskTopic | None = None  # for logistics words: a better topic to ask about


# --- phrasing: the sentences finalist writes, as content ----------------------------------


class SlotKind(StrEnum):
    """What a slot in a phrasing takes; the writing engine fits each value to its kind."""

    name = "name"  # a person's or employer's name, as written
    text = "text"  # short text put in as it is (a role, a time)
    np = "np"  # a noun phrase: "the ETA roadmap"
    about = "about"  # what follows "about": a noun phrase or a clause ("how to measure ...")
    clause = "clause"  # a sentence made to follow "that": "you want a safety huddle"
    sentence = "sentence"  # a full sentence, anyone's
    first = "first"  # a full sentence in the candidate's own voice ("I ...", "We ...")
    list = "list"  # noun phrases joined with commas and "and"
    date = "date"  # a day, written "Friday 11 December"


_PHRASE_SLOT = re.compile(r"\{([a-z_]+)(?::([a-z]+))?(?:\|([a-z]+))?\}")
_FILTERS = ("possessive", "a")


class Phrasing(Entry):
    """One thing finalist says, in several wordings; each slot declares its kind."""

    id: Id
    slots: dict[Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")], SlotKind] = {}
    variants: Annotated[list[Sentence], Field(min_length=1)]
    note: Sentence | None = None  # for the writer of the content: where it is used
    # the sectors it is written for, when its words are one sector's ("pupils"); the
    # knowledge check refuses such words without them
    sectors: list[Sector] = []

    @field_validator("variants")
    @classmethod
    def _slots_declared(cls, variants: list[str], info: ValidationInfo) -> list[str]:
        declared = info.data.get("slots", {})
        for variant in variants:
            if variant.count("{") != variant.count("}"):
                raise ValueError(f"unbalanced braces in {variant!r}")
            for name, kind, how in _PHRASE_SLOT.findall(variant):
                if name not in declared:
                    raise ValueError(f"slot {{{name}}} is not declared under slots")
                if kind and kind not in SlotKind.__members__.values():
                    raise ValueError(f"unknown slot kind :{kind} in {variant!r}")
                if how and how not in _FILTERS:
                    raise ValueError(f"unknown filter |{how}; use {', '.join(_FILTERS)}")
            if len(_PHRASE_SLOT.findall(variant)) != variant.count("{"):
                raise ValueError(f"a slot in {variant!r} is not of the form {{name}}")
        return variants
