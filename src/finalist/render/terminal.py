"""Terminal output with Rich. User text always goes in as ``Text``, never as markup, so
brackets, tags and escape sequences in a case show exactly as written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from finalist.coach.glance import Glance, RoundGlance
from finalist.model import Case, Interviewer, Story
from finalist.render.common import (
    glance_rows,
    person_text,
    relative_day,
    round_facts,
    when_text,
)
from finalist.render.rich_parts import bullets, facts, plain

if TYPE_CHECKING:  # the brief's modules load only when a brief is drawn
    from finalist.coach.brief import Brief


def glance_view(g: Glance) -> RenderableType:
    parts: list[RenderableType] = [facts(glance_rows(g)), Text()]
    if g.next_round is not None:
        parts += [
            Text.assemble(("Next: ", "bold cyan"), (g.next_round.label, "bold cyan")),
            facts(round_facts(g.next_round)),
            Text(),
        ]
    else:
        parts += [Text("No round ahead is scheduled.", style="bold"), Text()]
    parts += [Text("Where you stand", style="bold"), bullets(g.standing)]
    if g.due:
        parts += [Text(), Text("Due", style="bold yellow"), bullets(g.due, "yellow")]
    if len(g.rounds) > 1:
        parts += [Text(), rounds_table(g.rounds)]
    return Panel(Group(*parts), title="At a glance", title_align="left", box=box.ROUNDED)


def rounds_table(rounds: list[RoundGlance]) -> Table:
    table = Table(title="All rounds", title_justify="left", box=box.SIMPLE_HEAD, expand=False)
    for column in ("#", "Round", "When", "Format", "Who"):
        table.add_column(column, overflow="fold")
    for r in rounds:
        when = when_text(r.when)
        if r.days_away is not None:
            when += f" ({relative_day(r.days_away)})"
        style = "dim" if r.days_away is not None and r.days_away < 0 else ""
        table.add_row(
            plain(str(r.number)),
            plain(r.label),
            plain(when),
            plain(r.format.value),
            plain(", ".join(p.name for p in r.people) or "not known yet"),
            style=style,
        )
    return table


def brief_title(brief: Brief) -> list[RenderableType]:
    g = brief.glance
    title = Text.assemble(("Brief: ", "bold"), (g.role, "bold"), " at ", (g.company, "bold"))
    return [title, Text(f"Prepared for {g.candidate} on {when_text(brief.today)}", style="dim")]


def _rule(*parts: str) -> Rule:
    """A section rule; its title may hold a round's name, so it goes in as text."""
    return Rule(Text(": ".join(parts)))


def brief_view(brief: Brief) -> RenderableType:
    """The whole brief (``finalist brief --full``): every section of every round ahead,
    and the scripts once at the end, since they are the same for every round."""
    from finalist.coach.asks import AsksResult
    from finalist.coach.brief import shared_scripts
    from finalist.render.terminal_after import notes_view, timeline_view
    from finalist.render.terminal_people import round_people_view
    from finalist.render.terminal_prepare import (
        asks_view,
        consensus_view,
        plan_view,
        playbook_view,
        round_stories_view,
        scripts_view,
        why_view,
    )

    parts: list[RenderableType] = [*brief_title(brief), Text(), glance_view(brief.glance), Text()]
    parts += [_rule("Your why"), why_view(brief.why), Text()]
    parts += [_rule("Your first six months"), plan_view(brief.plan), Text()]
    for rb in brief.rounds:
        label = rb.people.round_label
        parts += [_rule(label, "who you will meet"), round_people_view(rb.people), Text()]
        parts += [round_stories_view(rb.stories), Text()]
        parts += [consensus_view(rb.consensus), Text()]
        parts += [
            _rule(label, "questions to ask"),
            asks_view(AsksResult(people=rb.asks, own=[])),
            Text(),
        ]
        parts += [_rule(label, "playbook"), playbook_view(rb.playbook, scripts=False), Text()]
    if brief.own_questions:
        parts += [
            _rule("Your own questions"),
            asks_view(AsksResult(people=[], own=brief.own_questions)),
        ]
    for notes in brief.notes:
        parts += [Text(), _rule(notes.round_label, "thank-you notes"), notes_view(notes)]
    if brief.timeline.steps:
        parts += [Text(), _rule("After the interview"), timeline_view(brief.timeline)]
    scripts = shared_scripts(brief)
    if scripts:
        parts += [Text(), _rule("Scripts for every round"), scripts_view(scripts)]
    return Group(*parts)


def case_list_view(glances: list[Glance]) -> RenderableType:
    if not glances:
        return Text("No cases yet. Import one with: finalist import CASE.yaml (try examples/).")
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("Case", no_wrap=True, style="cyan")
    table.add_column("Opportunity", overflow="fold", min_width=16)
    table.add_column("Next round", min_width=12)
    table.add_column("Due", justify="right", style="yellow")
    for g in glances:
        nxt = g.next_round
        when = Text("none ahead", style="dim")
        if nxt is not None:
            when = plain(when_text(nxt.when))
            if nxt.days_away is not None:
                when.append(f"\n{relative_day(nxt.days_away)}", style="dim")
        table.add_row(
            plain(g.case_id),
            Text.assemble(g.role, (" at ", "dim"), g.company, (f"\n{g.stage.value}", "dim")),
            when,
            plain(str(len(g.due)) if g.due else ""),
        )
    return table


def _person_block(p: Interviewer) -> RenderableType:
    rows = [("Title", p.title or "not given"), ("Department", p.department or "not given")]
    if p.email:
        rows.append(("Email", p.email))
    if p.priorities:
        rows.append(("Priorities", "; ".join(p.priorities)))
    if p.notes:
        rows.append(("Notes", p.notes))
    return Group(Text(p.name, style="bold"), facts(rows))


def _story_line(s: Story) -> Text:
    parts = [k for k in ("situation", "task", "action", "result") if getattr(s, k)]
    missing = [k for k in ("situation", "task", "action", "result") if not getattr(s, k)]
    text = Text.assemble(("• ", "dim"), (s.title, "bold"))
    if s.competencies:
        text.append(f"  [{', '.join(s.competencies)}]", style="dim")
    if missing:
        text.append(f"  (no {', '.join(missing)})", style="yellow")
    elif parts:
        text.append("  (complete)", style="green")
    return text


def case_view(case: Case, glance: Glance) -> RenderableType:
    c = case.candidate
    opp = case.opportunity
    parts: list[RenderableType] = [glance_view(glance), Text()]
    who = [("Name", c.name)]
    who += [
        (label, v)
        for label, v in (("Headline", c.headline), ("Email", c.email), ("Phone", c.phone))
        if v
    ]
    if c.strengths:
        who.append(("Strengths", "; ".join(c.strengths)))
    parts += [Text("Candidate", style="bold underline"), facts(who), Text()]
    if opp.first_round is not None:
        fr = opp.first_round
        rows = [("When", when_text(fr.date))]
        if fr.interviewers:
            rows.append(("With", "; ".join(person_text(p) for p in fr.interviewers)))
        if fr.notes:
            rows.append(("Notes", fr.notes))
        parts += [Text("First round", style="bold underline"), facts(rows), Text()]
    for number, rnd in enumerate(case.rounds, start=1):
        g = glance.rounds[number - 1]
        parts += [Text(f"{rnd.label(number)}", style="bold underline"), facts(round_facts(g))]
        for person in rnd.interviewers:
            parts += [Text(), _person_block(person)]
        if rnd.debrief is not None:
            d = rnd.debrief
            rows = []
            if d.decision_date:
                rows.append(("Decision by", when_text(d.decision_date)))
            if d.next_steps:
                rows.append(("Next steps", d.next_steps))
            for talk in d.talked_with:
                rows.append((f"With {talk.interviewer}", "; ".join(talk.topics) or "no topics"))
            parts += [Text(), Text("Debrief", style="bold"), facts(rows)]
        parts.append(Text())
    parts.append(Text(f"Stories ({len(case.stories)})", style="bold underline"))
    if case.stories:
        parts.append(Group(*(_story_line(s) for s in case.stories)))
    else:
        parts.append(Text("No stories yet: add them with finalist story add.", style="yellow"))
    return Group(*parts)
