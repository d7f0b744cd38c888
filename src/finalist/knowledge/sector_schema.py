"""The shape of the knowledge about sectors and the people on a panel who are not staff:
each sector's words, and the seats at the table (a pupil, a patient's voice, a tenant, a
councillor...). Validated strictly when loaded, like every entry (see ``schema``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator

from finalist.knowledge.schema import AskTopic, Entry, Sentence, Word, check_slots
from finalist.model import Sector


class SectorGuide(Entry):
    """A sector: the words in a case that point to it, and who it serves."""

    id: Sector
    name: Sentence  # as it reads after "in": "schools and colleges"
    strong: list[Word] = []  # one of these settles it: "Ofsted", "NHS", "Borough Council"
    cues: Annotated[list[Word], Field(min_length=5)]  # each one points to it
    people: Annotated[list[Word], Field(min_length=1)]  # whom it serves: "pupils", "parents"
    # words of its own that sound wrong elsewhere ("roadmap", "pupils"): a question or a
    # question to ask that uses one reaches a case in another sector only when the case
    # itself uses the word
    words: list[Word] = []
    # words of one setting within the sector ("ward", "patient": a hospital's, not a care
    # home's): they reach a case of this sector too only when the case itself uses them
    setting_words: list[Word] = []


class SeatKind(StrEnum):
    """Someone on the panel who is not staff: whom they speak for."""

    young_person = "young-person"  # a pupil on a school's student panel
    student = "student"  # a university or college student on a panel
    service_user = "service-user"  # patients, service users, carers, lay members
    tenant = "tenant"  # tenants and residents on a housing panel
    elected_member = "elected-member"  # councillors, cabinet members
    governor = "governor"  # governors, trustees, non-executive directors
    volunteer = "volunteer"
    external_member = "external-member"  # an independent or external panel member


class SeatQuestion(Entry):
    """A question someone in that seat is likely to ask, in their own voice."""

    text: Sentence
    why: Sentence
    strong_answer: Sentence
    probes: Annotated[list[Sentence], Field(min_length=1, max_length=2)]
    sectors: list[Sector] = []

    @field_validator("text")
    @classmethod
    def _known_slots(cls, text: str) -> str:
        return check_slots(text)


class SeatAsk(Entry):
    """A question for the candidate to ask someone in that seat, in plain words."""

    text: Sentence
    topic: AskTopic
    why: Sentence  # what the answer tells the candidate


class SeatGuide(Entry):
    """A seat at the table for someone who is not staff: how to read them and talk to them,
    what they ask, and how (or whether) to thank them."""

    id: SeatKind
    name: Sentence  # as it reads in a sentence: "a pupil on a student panel"
    patterns: Annotated[list[Word], Field(min_length=1)]  # words of a title that place it
    # words that make the same title a member of staff: "Volunteer Coordinator" is not a
    # volunteer, "Student Services Manager" is not a student
    unless: list[Word] = []
    summary: Sentence
    wants_to_learn: Annotated[list[Sentence], Field(min_length=2)]
    how_to_talk: Annotated[list[Sentence], Field(min_length=2)]
    thank_you: Sentence
    questions: Annotated[list[SeatQuestion], Field(min_length=3)]
    # what to ask them: asked before anything a staff seat would be asked
    asks: list[SeatAsk] = []
    # their list goes on with what their title's staff seat asks: a non-executive asks
    # what a senior executive asks; a pupil does not ask what a colleague would
    asks_as_staff: bool = False

    @field_validator("patterns", "unless")
    @classmethod
    def _lowercase(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            if p != p.lower():
                raise ValueError(f"pattern {p!r} must be lowercase")
        return patterns
