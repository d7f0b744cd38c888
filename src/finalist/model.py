"""The domain as typed models. The case-file schema *is* these models.

Text from the user is data: it is normalised (Unicode NFC, newlines, no control
characters) and length-limited here, once, so every shell can show it as plain text.
The limits are documented in docs/case-file.md and checked by a test.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from finalist.fields import (
    MAX_ITEMS,
    MAX_LINE,
    MAX_LONG_TEXT,
    MAX_NAME,
    MAX_ROUNDS,
    MAX_STORIES,
    MAX_TEXT,
    Line,
    Name,
    OptEmail,
    OptLine,
    OptLongText,
    OptName,
    OptText,
    OptZone,
    When,
    _clean_line,
    _empty_line_to_none,
    day_of,
    localise,
    parse_when,
    person_key,
    same_person,
)

__all__ = [
    "MAX_ITEMS",
    "MAX_LINE",
    "MAX_LONG_TEXT",
    "MAX_NAME",
    "MAX_ROUNDS",
    "MAX_STORIES",
    "MAX_TEXT",
    "Case",
    "Format",
    "Sector",
    "Stage",
    "_clean_line",
    "day_of",
    "localise",
    "parse_when",
    "person_key",
    "same_person",
]


class Stage(StrEnum):
    applied = "applied"
    screening = "screening"
    first_round = "first-round"
    second_round = "second-round"
    final = "final"
    offer = "offer"
    closed = "closed"


class Sector(StrEnum):
    """Where the employer works: sets the words, people and knowledge that fit."""

    schools = "schools"  # schools and colleges
    universities = "universities"
    health = "health"  # hospitals and health care
    government = "government"  # local and central government, public services
    charities = "charities"  # charities and non-profits
    retail_hospitality = "retail-hospitality"
    industry = "industry"  # manufacturing, logistics and warehouse operations
    professional = "professional-services"  # law, accounting, consulting
    finance = "finance"  # banking and insurance
    technology = "technology"  # technology and software
    creative = "creative-media"


class Format(StrEnum):
    panel = "panel"
    one_on_one = "one-on-one"
    presentation = "presentation"
    informal = "informal"
    virtual = "virtual"
    group = "group"


# Words people use for a format, to suggest the right one in an error message.
FORMAT_SYNONYMS: dict[str, Format] = {
    "lunch": Format.informal,
    "coffee": Format.informal,
    "dinner": Format.informal,
    "meal": Format.informal,
    "video": Format.virtual,
    "zoom": Format.virtual,
    "teams": Format.virtual,
    "phone": Format.virtual,
    "remote": Format.virtual,
    "online": Format.virtual,
    "1:1": Format.one_on_one,
    "1-1": Format.one_on_one,
    "one to one": Format.one_on_one,
    "one-to-one": Format.one_on_one,
    "individual": Format.one_on_one,
    "talk": Format.presentation,
    "case study": Format.presentation,
    "assessment centre": Format.group,
    "assessment center": Format.group,
    "committee": Format.panel,
    "board": Format.panel,
}


class CaseProblem(ValueError):
    """A problem found across fields, pointing at the exact place (relative to the model)."""

    def __init__(self, path: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


# --- the models -------------------------------------------------------------------------


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        use_enum_values=False,
        validate_assignment=True,
        str_strip_whitespace=False,
    )


class Motivation(Model):
    """Raw material for the personal "why": the candidate's own words, never invented."""

    past: OptText = None
    present: OptText = None
    future: OptText = None
    company_draw: OptText = None
    bring: OptText = None
    draft: OptText = None  # the candidate's own answer to "why this role, here, now"


class Candidate(Model):
    name: Name
    email: OptEmail = None
    phone: OptName = None
    headline: OptLine = None
    background: OptText = None
    strengths: Annotated[list[Line], Field(max_length=MAX_ITEMS)] = []
    motivation: Motivation = Motivation()
    time_zone: OptZone = None


class Story(Model):
    """One story from the candidate's career, told in the STAR shape."""

    title: Line
    situation: OptText = None
    task: OptText = None
    action: OptText = None
    result: OptText = None
    competencies: Annotated[list[Line], Field(max_length=MAX_ITEMS)] = []


class Interviewer(Model):
    name: Name
    title: OptLine = None
    department: OptLine = None
    email: OptEmail = None
    priorities: Annotated[list[Line], Field(max_length=MAX_ITEMS)] = []
    notes: OptText = None
    address_as: OptName = None  # how a note greets them ("Dr Okafor", "Sam"): overrides the default


def _unique_people(people: list[Interviewer], where: tuple[str | int, ...]) -> None:
    seen: dict[str, int] = {}
    for i, person in enumerate(people):
        key = person_key(person.name)
        if key in seen:
            raise CaseProblem(
                (*where, i, "name"),
                f"{person.name!r} is listed twice (also as interviewer {seen[key] + 1}); "
                "list each person once",
            )
        seen[key] = i


class FirstRound(Model):
    """What the first interview gathered, carried into round two."""

    date: When = None
    notes: OptText = None
    went_well: OptText = None  # what to build on
    went_badly: OptText = None  # a weak answer: prepared again for round two
    not_asked: OptText = None  # what was left open or never asked
    interviewers: Annotated[list[Interviewer], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="after")
    def _people_once(self) -> FirstRound:
        _unique_people(self.interviewers, ("interviewers",))
        return self


class TalkedWith(Model):
    """What was discussed with one interviewer, logged after the round."""

    interviewer: Name
    topics: Annotated[list[Line], Field(max_length=MAX_ITEMS)] = []
    interest: OptText = None
    clarify: OptText = None
    promised: Annotated[list[Line], Field(max_length=MAX_ITEMS)] = []  # what you said you'd send


class NextContact(Model):
    """Who said they would be in touch, how, and by when: the facts behind next steps."""

    who: OptName = None  # one of the round's people, or the recruiter
    how: OptLine = None  # phone, email, ...
    by: When = None


class Debrief(Model):
    decision_date: When = None
    next_steps: OptText = None
    next_contact: NextContact | None = None
    went_well: OptText = None  # carried into the next round's preparation
    went_badly: OptText = None
    talked_with: Annotated[list[TalkedWith], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="after")
    def _no_empty_contact(self) -> Debrief:
        if self.next_contact is not None and self.next_contact == NextContact():
            self.__dict__["next_contact"] = None  # one spelling of "nobody said"
        return self


class Round(Model):
    name: OptLine = None
    date: When = None
    duration_minutes: Annotated[int | None, Field(ge=5, le=720)] = None
    location: OptLine = None
    format: Format = Format.one_on_one
    topic: OptLine = None
    presentation_minutes: Annotated[int | None, Field(ge=1, le=240)] = None
    interviewers: Annotated[list[Interviewer], Field(max_length=MAX_ITEMS)] = []
    debrief: Debrief | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Round:
        if self.debrief is not None and self.debrief == Debrief():
            self.__dict__["debrief"] = None  # an empty debrief is no debrief
        _unique_people(self.interviewers, ("interviewers",))
        if (
            self.presentation_minutes is not None
            and self.duration_minutes is not None
            and self.presentation_minutes > self.duration_minutes
        ):
            raise CaseProblem(
                ("presentation_minutes",),
                f"the presentation ({self.presentation_minutes} min) is longer than the round "
                f"({self.duration_minutes} min); check both numbers",
            )
        if self.debrief is not None:
            names = [p.name for p in self.interviewers]
            for i, talk in enumerate(self.debrief.talked_with):
                if not any(same_person(talk.interviewer, n) for n in names):
                    raise CaseProblem(
                        ("debrief", "talked_with", i, "interviewer"),
                        f"{talk.interviewer!r} is not an interviewer of this round"
                        + _did_you_mean(talk.interviewer, names)
                        + "; add them to the round's interviewers or fix the name",
                    )
        return self

    def label(self, number: int) -> str:
        """How the round is called in lists: its name, or 'Round N'."""
        return self.name or f"Round {number}"


class Opportunity(Model):
    company: Line
    role: Line
    department: OptLine = None
    sector: Sector | None = None  # finalist works it out when not set
    stage: Stage = Stage.second_round
    finalists: Annotated[int | None, Field(ge=1, le=100)] = None
    job_description: OptLongText = None
    company_notes: OptText = None
    first_round: FirstRound | None = None
    my_questions: Annotated[list[Line], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="after")
    def _no_empty_first_round(self) -> Opportunity:
        # an empty block says nothing: keep one spelling of "no first round on record"
        if self.first_round is not None and self.first_round == FirstRound():
            self.__dict__["first_round"] = None
        return self


_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def _check_id(value: Any) -> Any:
    value = _empty_line_to_none(value)
    if isinstance(value, str) and not _ID.match(value):
        raise ValueError(
            f"{value[:40]!r} is not a usable case id; use lowercase letters, digits and "
            "hyphens (e.g. acme-product-lead), at most 80 characters"
        )
    return value


class Case(Model):
    """One opportunity, from the invitation to the decision: the whole case file."""

    id: Annotated[str | None, BeforeValidator(_check_id)] = None
    candidate: Candidate
    opportunity: Opportunity
    stories: Annotated[list[Story], Field(max_length=MAX_STORIES)] = []
    rounds: Annotated[list[Round], Field(max_length=MAX_ROUNDS)] = []

    @model_validator(mode="after")
    def _stories_named_once(self) -> Case:
        seen: dict[str, int] = {}
        for i, story in enumerate(self.stories):
            key = person_key(story.title)
            if key in seen:
                raise CaseProblem(
                    ("stories", i, "title"),
                    f"two stories are titled {story.title!r}; give each story its own title",
                )
            seen[key] = i
        return self

    def when(self, rnd: Round) -> date | datetime | None:
        """The round's date or time in the candidate's time zone (see ``localise``)."""
        return localise(rnd.date, self.candidate.time_zone) if rnd.date is not None else None

    def case_id(self) -> str:
        """The id the case is stored under: its own, or one made from company and role."""
        return self.id or slugify(f"{self.opportunity.company} {self.opportunity.role}")


def _did_you_mean(name: str, options: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_STOP = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"}


def slugify(text: str) -> str:
    """A readable ASCII id from any text; falls back to a short hash for other scripts."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^a-z0-9]+", folded.lower()) if w and w not in _STOP]
    slug = "-".join(words)
    if len(slug) > 36:  # short enough to type: cut at a word boundary
        cut = slug[:37].rfind("-")
        slug = slug[: cut if cut >= 16 else 36]
    if len(slug) < 3:
        import hashlib

        digest = hashlib.sha256(text.encode()).hexdigest()[:8]
        slug = f"{slug}-{digest}" if slug else f"case-{digest}"
    return slug
