"""Terminal views of what the candidate brings: questions to ask, the why, the plan, the
playbooks."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from finalist.coach.asks import AsksResult, QuestionCheck
from finalist.coach.consensus import ConsensusMap
from finalist.coach.matching import RoundStories
from finalist.coach.plan import Plan
from finalist.coach.playbook import CheckItem, RoundPlaybook, ScriptText
from finalist.coach.stories import Bank
from finalist.coach.why import WhyResult
from finalist.render.common import when_text
from finalist.render.rich_parts import bullets, heading, numbered, plain


def _check_view(check: QuestionCheck) -> Text:
    text = Text(check.question, style="bold")
    if check.ok:
        text.append("\nfine for a second round", style="green")
    for f in check.findings:
        text.append(f"\n{f.message}", style="yellow")
        text.append(f"\nWhy: {f.why}", style="dim")
        text.append(f"\nInstead: {f.fix}")
    return text


def asks_view(result: AsksResult) -> RenderableType:
    parts: list[RenderableType] = []
    for person in result.people:
        title = Text.assemble(("Questions to ask ", "bold"), (person.name, "bold cyan"))
        if person.title:
            title.append(f", {person.title}", style="cyan")
        title.append(f"  ·  {person.round_label}", style="dim")
        rows = [
            Text.assemble(
                (a.text, "bold"),
                "\n",
                (f"{a.topic_label} · {'; '.join(a.reasons)}", "dim"),
                "\n",
                a.why,
            )
            for a in person.asks
        ]
        parts += [title, numbered(rows) if rows else plain("No question fits yet."), Text()]
    if result.own:
        parts += [
            heading("Your own questions, checked"),
            numbered([_check_view(c) for c in result.own]),
        ]
    return Group(*parts)


def why_view(result: WhyResult) -> RenderableType:
    parts: list[RenderableType] = [heading('Your "why": why this role, at this company, now')]
    if result.composed:
        parts += [
            Text(
                f"Built from your own words ({result.composed_words} words, about "
                f"{result.composed_seconds} seconds at 150 words a minute):",
                style="dim",
            ),
            plain(result.composed),
        ]
    else:
        parts.append(plain("Nothing to build it from yet: fill in candidate.motivation."))
    if result.missing:
        parts += [Text("To make it complete, add:", style="yellow"), bullets(result.missing)]
    if result.draft:
        parts += [
            Text(),
            Text(
                f"Your draft ({result.draft_words} words, about {result.draft_seconds} seconds):",
                style="dim",
            ),
            plain(result.draft),
        ]
    checked = "your draft" if result.draft else "the answer above"
    if result.findings:
        rows = [
            Text.assemble(
                (f.message, "bold yellow"), "\n", (f"Why: {f.why}", "dim"), "\n", f"Fix: {f.fix}"
            )
            for f in result.findings
        ]
        parts += [
            Text(),
            Text(f"What a listener would notice in {checked}:", style="bold"),
            numbered(rows),
        ]
    elif result.composed or result.draft:
        parts += [Text(), Text(f"Nothing to fix in {checked}.", style="green")]
    return Group(*parts)


def plan_view(plan: Plan, share: bool = False) -> RenderableType:
    """The plan; ``share``: the plan alone, as the candidate would hand it over."""
    parts: list[RenderableType] = [heading(plan.title or f"My first six months as {plan.role}")]
    for stage in plan.stages:
        parts.append(
            Text(f"By day {stage.days} \u00b7 {stage.name}: {stage.aim}", style="bold cyan")
        )
        rows = []
        for m in stage.milestones:
            row = Text.assemble(m.text, "\n", (f"Measure: {m.measure}", ""))
            if not share:
                quote = f" (\u201c{m.quote}\u201d)" if m.quote else ""
                row.append(f"\nFrom: {m.source}{quote}", style="dim")
            rows.append(row)
        parts += [numbered(rows), Text()]
    if share:
        return Group(*parts)
    if plan.not_one_to_one:
        parts += [bullets(plan.not_one_to_one, "dim"), Text()]
    parts += [Text("How to use it in the interview", style="bold"), bullets(plan.how_to_use)]
    parts.append(Text("To bring a copy: finalist plan CASE --share prints the plan alone.", "dim"))
    return Group(*parts)


def _due(item: CheckItem) -> str:
    if item.overdue:
        return f"Now (was due {when_text(item.due)}): "
    if item.due:
        return f"{when_text(item.due)}: "
    return f"{item.days_before} days before: " if item.days_before else "On the day: "


def playbook_view(pb: RoundPlaybook, *, scripts: bool = True) -> RenderableType:
    """One round's playbook; ``scripts=False`` leaves out the scripts, which are the same
    for every round (the full brief prints them once, with ``scripts_view``)."""
    parts: list[RenderableType] = [heading(f"Playbook: {pb.round_label} ({pb.format.value})")]
    for guide in pb.guides:
        who = f" with {guide.audience.value.replace('-', ' ')}s" if guide.audience else ""
        parts += [Text.assemble((f"{guide.format.value}{who}: ", "bold"), guide.purpose)]
        for label, items in (
            ("Before", guide.before),
            ("In the room", guide.during),
            ("After", guide.after),
            ("Avoid", guide.avoid),
        ):
            parts += [Text(label, style="bold"), bullets(items)]
        parts.append(Text())
    if pb.members:
        table = Table(
            title="Who is in the room, and what each needs to agree", box=None, title_justify="left"
        )
        table.add_column("Person", style="bold", overflow="fold")
        table.add_column("Needs", overflow="fold")
        for m in pb.members:
            table.add_row(
                plain(m.name + (f", {m.title}" if m.title else "")),
                Text.assemble(m.needs, (f"  ({m.source})", "dim")),
            )
        parts += [table, Text()]
    if pb.presentation:
        p = pb.presentation
        parts.append(Text(f"Your presentation{': ' + p.topic if p.topic else ''}", style="bold"))
        if not p.minutes_given:
            parts.append(
                Text(
                    f"No length given: planned for {p.minutes} minutes; ask the "
                    "recruiter for the real one.",
                    style="yellow",
                )
            )
        outline = Table(box=None)
        outline.add_column("Part", style="bold")
        outline.add_column("Minutes", justify="right")
        outline.add_column("What", overflow="fold")
        for part in p.outline:
            outline.add_row(part.part, f"{part.minutes:g}", plain(part.what))
        parts += [outline, Text(f"About {p.slides} slides for {p.minutes} minutes.", style="dim")]
        parts.append(Text("Rehearsal schedule", style="bold"))
        parts.append(
            bullets(
                [
                    (f"{when_text(r.on)}: " if r.on else f"{r.days_before} days before: ") + r.what
                    for r in p.rehearsals
                ]
                or ["The day has come: run the opening once and trust your preparation."]
            )
        )
        parts += [
            Text("Questions likely to follow", style="bold"),
            bullets(p.likely_questions),
            Text(),
        ]
    if pb.openers:
        parts += [Text("Conversation openers", style="bold"), bullets(pb.openers), Text()]
    parts.append(Text("Logistics checklist", style="bold"))
    parts.append(bullets([_due(i) + i.text for i in pb.checklist]))
    if scripts and pb.scripts:
        parts += [Text(), scripts_view(pb.scripts)]
    return Group(*parts)


def scripts_view(scripts: list[ScriptText]) -> RenderableType:
    """Words for the delicate moments: an offer on the spot, a deadline from elsewhere."""
    parts: list[RenderableType] = []
    for script in scripts:
        if parts:
            parts.append(Text())
        parts += [
            Text.assemble((script.title, "bold"), (f"  ({script.when})", "dim")),
            plain(" ".join(script.lines)),
            bullets(script.notes, "dim"),
        ]
    return Group(*parts)


def stories_view(bank: Bank) -> RenderableType:
    parts: list[RenderableType] = [heading(f"Your story bank ({len(bank.stories)})")]
    rows = []
    for s in bank.stories:
        text = Text(s.title, style="bold")
        text.append(
            "  complete" if s.complete else f"  missing: {', '.join(s.missing)}",
            style="green" if s.complete else "yellow",
        )
        if s.numbers:
            text.append(
                "\nNumbers, from your own words: "
                + "; ".join(f"{c.value} ({c.field})" for c in s.numbers),
                style="dim",
            )
        if s.competencies:
            text.append("\nShows: " + ", ".join(s.competencies))
        for suggestion in s.suggested:
            text.append(
                f"\nCould show: {suggestion.competency} ({suggestion.because})", style="cyan"
            )
        for finding in s.findings:
            text.append(f"\nTold as it is: {finding}", style="yellow")
        rows.append(text)
    if rows:
        parts.append(numbered(rows))
    if bank.advice:
        parts += [Text(), bullets(bank.advice, "bold")]
    return Group(*parts)


def round_stories_view(rs: RoundStories) -> RenderableType:
    """Which story answers which question, round by round, and what has no story yet."""
    table = Table(box=None, title="Your stories for these questions", title_justify="left")
    table.add_column("Who", style="bold", no_wrap=True)
    table.add_column("Question", overflow="fold", ratio=3)
    table.add_column("Your story", overflow="fold", ratio=2)
    for m in rs.matches:
        if m.best is None:
            story = Text("none yet: a gap", style="yellow")
        else:
            story = Text(m.best.story, style="bold")
            if m.best.reasons:
                story.append(f"\n{'; '.join(m.best.reasons)}", style="dim")
            if m.runner_up:
                story.append(f"\nor: {m.runner_up.story}", style="dim")
            if m.note:
                story.append(f"\n{m.note}", style="yellow")
        table.add_row(plain(m.interviewer), plain(m.question), story)
    return table


_STATUS_STYLE = {"covered": "green", "weak": "yellow", "open": "red"}


def consensus_view(cm: ConsensusMap) -> RenderableType:
    parts: list[RenderableType] = [heading(f"Consensus map: {cm.round_label}")]
    table = Table(box=None)
    table.add_column("Person", style="bold", overflow="fold")
    table.add_column("What they care about", overflow="fold", ratio=2)
    table.add_column("Status", no_wrap=True)
    table.add_column("Your evidence", overflow="fold", ratio=2)
    for person in cm.people:
        first = True
        for c in person.concerns:
            evidence = Text(
                "; ".join(f"{e.kind}: {e.text}" for e in c.evidence) or "none",
                style="" if c.evidence else "dim",
            )
            table.add_row(
                plain(f"{person.name}\n{person.archetype}") if first else Text(""),
                Text.assemble(c.text, (f"\n{c.source}", "dim")),
                Text(c.status, style=_STATUS_STYLE[c.status]),
                evidence,
            )
            first = False
    parts.append(table)
    if cm.gaps:
        parts += [
            Text(),
            Text("Gaps, most important first (who decides weighs most)", style="bold"),
            numbered(
                [
                    Text.assemble(
                        (g.concern, "bold"),
                        f"  ({', '.join(g.people)}; {g.status})\nPrepare: {g.prepare}",
                    )
                    for g in cm.gaps[:8]
                ]
            ),
        ]
    several = [s for s in cm.shared if not s.from_round_one]
    if several:
        parts += [
            Text(),
            Text("Asked by several people: one consistent answer", style="bold"),
            bullets([f"{s.question} ({', '.join(s.askers)}) {s.advice}" for s in several[:6]]),
        ]
    if cm.repairs:
        parts += [Text(), Text("From round one: prepare again", style="bold"), _repairs(cm)]
    noted = {r.noted for r in cm.repairs}
    fixes = [x for x in cm.round_one_fixes if x not in noted]
    if fixes or cm.told_in_round_one:
        items = [f"Fix from an earlier round: {x}" for x in fixes]
        items += [f"'{t}' was told in round one: bring a new example" for t in cm.told_in_round_one]
        parts += [Text(), bullets(items, "yellow")]
    return Group(*parts)


def _repairs(cm: ConsensusMap) -> RenderableType:
    """Round one's weak answers and open questions: the question, why, how, the story."""
    rows = []
    for r in cm.repairs:
        row = Text.assemble((f"{r.label}: ", "bold"), (r.question or r.noted))
        if r.question:
            row.append(f"\nYou noted: {r.noted}", style="dim")
        row.append(f"\nWhy: {r.why}", style="dim")
        for line in r.advice:
            row.append(f"\n{line}")
        if r.story and r.story_why:
            row.append(f" ({r.story_why})", style="dim")
        rows.append(row)
    return numbered(rows)
