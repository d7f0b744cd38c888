"""Small formatting helpers shared by every renderer."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from finalist.coach.glance import Glance, RoundGlance
from finalist.text import reflow

__all__ = ["reflow"]


class Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def department(self) -> str | None: ...


def when_text(when: date | datetime | None) -> str:
    """'Thu 3 Dec 2026, 09:30', or 'not scheduled'."""
    if when is None:
        return "not scheduled"
    day = f"{when:%a} {when.day} {when:%b %Y}"
    if isinstance(when, datetime):
        zone = f" {when:%Z}" if when.tzinfo is not None else ""
        return f"{day}, {when:%H:%M}{zone}"
    return day


def relative_day(days: int | None) -> str:
    if days is None:
        return ""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def person_text(person: Named) -> str:
    """'Priya Natarajan, VP Engineering (Engineering)'."""
    text = person.name
    if person.title:
        text += f", {person.title}"
    if person.department and (
        not person.title or person.department.lower() not in person.title.lower()
    ):
        text += f" ({person.department})"
    return text


def glance_rows(g: Glance) -> list[tuple[str, str]]:
    """The who-and-what of a case at a glance, as (label, value) rows."""
    rows = [("Candidate", g.candidate), ("Company", g.company), ("Role", g.role)]
    if g.department:
        rows.append(("Department", g.department))
    if g.sector:
        rows.append(("Sector", g.sector))
    rows.append(("Stage", g.stage_meaning))
    if g.finalists:
        rows.append(("Finalists", f"one of {g.finalists}"))
    return rows


def round_facts(r: RoundGlance) -> list[tuple[str, str]]:
    """The facts of a round as (label, value) pairs, in the order a candidate reads them."""
    when = when_text(r.when)
    if r.days_away is not None:
        when += f" ({relative_day(r.days_away)})"
    facts = [("When", when), ("Format", f"{r.format.value}: {r.format_meaning}")]
    if r.duration_minutes:
        facts.append(("How long", f"{r.duration_minutes} minutes"))
    if r.location:
        facts.append(("Where", r.location))
    if r.topic:
        facts.append(("Topic", r.topic))
    if r.presentation_minutes:
        facts.append(("Presentation", f"{r.presentation_minutes} minutes"))
    facts.append(("Who", "; ".join(person_text(p) for p in r.people) or "not known yet"))
    return facts
