"""The brief as a five-minute read in the terminal: at a glance, the people of the next
round(s), the questions most worth preparing, the gaps, and what to do next.

User text always goes in as ``Text``, never as markup."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from finalist.coach.brief import Brief
from finalist.coach.summary import BriefSummary, NextStep, PersonLine, TopQuestion
from finalist.render.common import when_text
from finalist.render.rich_parts import numbered
from finalist.writing import join

_STATUS_STYLE = {"covered": "green", "weak": "yellow", "open": "red"}


def _rule(*parts: str) -> Rule:
    return Rule(Text(": ".join(p for p in parts if p)), style="dim")


def _story(story: str | None, why: str | None = None) -> Text:
    if story is None:
        return Text("no story yet", style="yellow")
    text = Text(story, style="green")
    if why:
        text.append(f"  ({why})", style="dim")
    return text


def _person(p: PersonLine, several_rounds: bool) -> Text:
    text = Text(p.name, style="bold")
    if p.title:
        text.append(f", {p.title}", style="bold")
    if several_rounds:
        text.append(f"  ·  {p.round_label}", style="dim")
    text.append("\n")
    text.append(p.kind, style="cyan")
    if p.cares:
        text.append("  ·  cares about: ", style="dim")
        text.append(p.cares)
        if p.cares_status:
            text.append(f"  {p.cares_status}", style=_STATUS_STYLE[p.cares_status])
    if p.question and p.top_number is not None:
        text.append("\nMost likely to ask: ", style="dim")
        text.append(f"question {p.top_number} below")
    elif p.question:
        text.append("\nMost likely to ask: ", style="dim")
        text.append(p.question)
        text.append("\nYour story: ", style="dim")
        text.append_text(_story(p.story))
    return text


def _question(q: TopQuestion) -> Text:
    text = Text(q.text, style="bold")
    text.append("\nAsked by: ", style="dim")
    text.append(join(q.askers))
    text.append(f"  ({q.because})", style="dim")
    text.append("\nYour story: ", style="dim")
    text.append_text(_story(q.story, q.story_why if q.story else None))
    return text


def _step(step: NextStep) -> Text:
    text = Text()
    if step.on is not None:
        text.append(f"{when_text(step.on)}: ", style="bold")
    text.append(step.label, style="bold")
    if step.detail:
        text.append(": ", style="bold")
        text.append(step.detail)
    if step.command:
        text.append(f"\n$ {step.command}", style="cyan")
    return text


def summary_view(brief: Brief, summary: BriefSummary) -> RenderableType:
    """The default brief: the glance panel, then what matters for the next round(s)."""
    from finalist.render.terminal import brief_title, glance_view

    parts: list[RenderableType] = [*brief_title(brief), Text(), glance_view(brief.glance)]
    if summary.people:
        several = len(summary.rounds) > 1
        parts += [
            Text(),
            _rule("Who you will meet", ", ".join(summary.rounds)),
            Group(*[Group(_person(p, several), Text()) for p in summary.people]),
        ]
    elif summary.rounds:
        parts += [
            Text(),
            _rule("Who you will meet", ", ".join(summary.rounds)),
            Text("No interviewers are listed yet.", style="yellow"),
        ]
    if summary.questions:
        parts += [
            _rule("The questions most worth preparing"),
            numbered([_question(q) for q in summary.questions]),
        ]
    if summary.asked:
        line = Text("Likely questions with no story yet: ", style="bold")
        line.append(f"{summary.unanswered} of {summary.asked}", style="yellow")
        line.append(f"  (your stories: {summary.stories})", style="dim")
        parts += [Text(), line]
    if summary.gaps:
        rows: list[RenderableType] = []
        for g in summary.gaps:
            row = Text(g.concern, style="bold")
            row.append("\n")
            row.append(g.status, style=_STATUS_STYLE[g.status])
            row.append(f"  ·  {', '.join(g.people)}", style="dim")
            row.append("\nPrepare: ", style="dim")
            row.append(g.prepare)
            rows.append(row)
        parts += [Text(), _rule("Gaps: what your evidence does not answer yet"), numbered(rows)]
    if summary.later:
        later = Text("Later rounds, in the full brief: ", style="dim")
        later.append(join(summary.later))
        parts += [Text(), later]
    parts += [
        Text(),
        _rule("What to do next"),
        numbered([_step(s) for s in summary.next_steps]),
    ]
    return Group(*parts)
