"""What the knowledge holds, and the gaps the product promises not to have."""

from __future__ import annotations

from typing import Any

from finalist.knowledge import Knowledge
from finalist.knowledge.schema import Archetype, AskTopic, Theme
from finalist.model import Format

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
    if k.asks:
        for archetype in Archetype:
            for topic in AskTopic:
                count = sum(
                    1 for a in k.asks if a.topic is topic and a.suits.get(archetype, 0) >= LIKELY
                )
                if count < 2:
                    found.append(f"asks {topic.value} for {archetype.value}: {count}")
    if k.playbooks:
        missing = set(Format) - {p.format for p in k.playbooks if p.audience is None}
        found += [f"no playbook for the format {f.value}" for f in sorted(missing)]
    for script in ("offer-on-the-spot", "deadline-other-offer"):
        if k.scripts and script not in k.scripts:
            found.append(f"no script {script}")
    return found


def summary(k: Knowledge) -> dict[str, Any]:
    return {
        "title rules": len(k.titles),
        "title patterns": sum(len(t.patterns) for t in k.titles),
        "departments": len(k.departments),
        "archetype guides": len(k.archetypes),
        "questions": len(k.questions),
        "questions to ask": len(k.asks),
        "playbooks": len(k.playbooks),
        "checklist items": len(k.checklist),
        "scripts": len(k.scripts),
        "lexicons": len(k.lexicons),
        "gaps": gaps(k) if k.departments and k.questions else [],
    }
