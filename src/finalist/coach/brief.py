"""The prep pack: one object with every section, which each shell renders its own way."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from finalist.coach.glance import Glance, at_a_glance
from finalist.model import Case


class Brief(BaseModel):
    """The brief's sections, in reading order. Later capabilities add theirs here."""

    today: date
    glance: Glance


def build_brief(case: Case, today: date) -> Brief:
    return Brief(today=today, glance=at_a_glance(case, today))
