"""What the knowledge holds, and the gaps the product promises not to have."""

from __future__ import annotations

from typing import Any

from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype, Theme

LIKELY = 0.5  # an archetype "asks" a question when its weight is at least this


def gaps(k: Knowledge) -> list[str]:
    """Every archetype x theme pair with fewer than two questions; every department with
    fewer than five hypothetical challenges."""
    found = []
    for archetype in Archetype:
        for theme in Theme:
            count = sum(
                1 for q in k.questions if theme in q.themes and q.askers.get(archetype, 0) >= LIKELY
            )
            if count < 2:
                found.append(f"{archetype.value} x {theme.value}: {count} question(s)")
    for dept in k.departments:
        count = sum(
            1
            for q in k.questions
            if Theme.hypothetical_challenge in q.themes and dept in q.departments
        )
        if count < 5:
            found.append(f"department {dept}: {count} hypothetical challenge(s)")
    return found


def summary(k: Knowledge) -> dict[str, Any]:
    return {
        "title rules": len(k.titles),
        "title patterns": sum(len(t.patterns) for t in k.titles),
        "departments": len(k.departments),
        "archetype guides": len(k.archetypes),
        "questions": len(k.questions),
        "gaps": gaps(k) if k.departments and k.questions else [],
    }
