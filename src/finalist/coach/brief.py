"""The prep pack: one object with every section, which each shell renders its own way."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from finalist.coach.glance import Glance, at_a_glance
from finalist.coach.questions import RoundQuestions, round_questions
from finalist.knowledge import Knowledge
from finalist.model import Case

BRIEF_QUESTIONS = 10  # per person: enough to prepare, few enough to read


class Brief(BaseModel):
    """The brief's sections, in reading order. Later capabilities add theirs here."""

    today: date
    glance: Glance
    rounds: list[RoundQuestions]  # the rounds ahead: each person's dossier and questions


def build_brief(case: Case, today: date, knowledge: Knowledge) -> Brief:
    glance = at_a_glance(case, today)
    ahead = [
        r.number for r in glance.rounds if (r.days_away is None or r.days_away >= 0) and r.people
    ]
    return Brief(
        today=today,
        glance=glance,
        rounds=[round_questions(case, n, knowledge, top=BRIEF_QUESTIONS) for n in ahead],
    )
