"""Markdown output. User text is escaped so it shows as written, never as markup or HTML."""

from __future__ import annotations

import re

from finalist.coach.brief import Brief
from finalist.coach.glance import Glance
from finalist.render.common import glance_rows, person_text, relative_day, round_facts, when_text

_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def escape(text: str) -> str:
    """Plain text that Markdown (and any HTML inside it) shows literally, on one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([-=+])", r"\1\\\2", text)  # a leading -, = or + starts a list/rule
    text = re.sub(r"^(\s*\d+)\.", r"\1\\.", text)  # so would "1."
    return " ".join(text.split())


def glance_md(g: Glance) -> str:
    out = ["## At a glance", "", "| | |", "|---|---|"]
    out += [f"| {label} | {escape(value)} |" for label, value in glance_rows(g)]
    out.append("")
    if g.next_round is not None:
        out += [f"### Next: {escape(g.next_round.label)}", ""]
        out += [f"- **{label}:** {escape(value)}" for label, value in round_facts(g.next_round)]
        out.append("")
    else:
        out += ["### Next", "", "No round ahead is scheduled.", ""]
    out += ["### Where you stand", ""] + [f"- {escape(line)}" for line in g.standing] + [""]
    if g.due:
        out += ["### Due", ""] + [f"- {escape(line)}" for line in g.due] + [""]
    if g.rounds:
        out += [
            "### All rounds",
            "",
            "| # | Round | When | Format | Who |",
            "|---|---|---|---|---|",
        ]
        for r in g.rounds:
            when = when_text(r.when)
            if r.days_away is not None:
                when += f" ({relative_day(r.days_away)})"
            who = "; ".join(person_text(p) for p in r.people) or "not known yet"
            cells = [str(r.number), r.label, when, r.format.value, who]
            out.append("| " + " | ".join(escape(c) for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def brief_md(brief: Brief) -> str:
    from finalist.coach.asks import AsksResult
    from finalist.render.markdown_people import round_people_md
    from finalist.render.markdown_prepare import (
        asks_md,
        consensus_md,
        plan_md,
        playbook_md,
        round_stories_md,
        why_md,
    )

    g = brief.glance
    head = [
        f"# Brief: {escape(g.role)} at {escape(g.company)}",
        "",
        f"_Prepared for {escape(g.candidate)} on {when_text(brief.today)}._",
        "",
        "",
    ]
    parts = ["\n".join(head) + glance_md(g), why_md(brief.why), plan_md(brief.plan)]
    for rb in brief.rounds:
        parts.append(round_people_md(rb.people, detail=True))
        parts.append(round_stories_md(rb.stories))
        parts.append(consensus_md(rb.consensus))
        parts.append(asks_md(AsksResult(people=rb.asks, own=[])))
        parts.append(playbook_md(rb.playbook))
    if brief.own_questions:
        parts.append(asks_md(AsksResult(people=[], own=brief.own_questions)))
    for notes in brief.notes:
        parts.append(f"## {escape(notes.round_label)}: thank-you notes\n")
        parts += [
            f"**To {escape(n.to)}**: {escape(n.subject)}\n\n```text\n{n.body}```\n"
            for n in notes.notes
        ]
    if brief.timeline.steps:
        parts.append("## After the interview\n")
        parts += [f"- {when_text(s.on)}: {escape(s.what)}" for s in brief.timeline.steps]
        parts.append("")
    return "\n".join(parts)
