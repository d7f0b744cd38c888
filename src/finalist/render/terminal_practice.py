"""Terminal views of answer feedback."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from finalist.coach.answers import STAR_LABEL, Analysis
from finalist.coach.practice import History, Turn
from finalist.render.rich_parts import bullets, plain

_STYLE = {"S": "blue", "T": "magenta", "A": "green", "R": "bold cyan", "O": "dim"}


def analysis_view(a: Analysis) -> RenderableType:
    parts: list[RenderableType] = []
    if a.question:
        parts.append(Text.assemble(("Question: ", "bold"), a.question))
    parts.append(
        Text(
            f"{a.words} words, about {a.seconds} seconds at 150 words a minute "
            f"(aim for {a.target_seconds[0]} to {a.target_seconds[1]})",
            style="dim",
        )
    )
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for s in a.sentences:
        grid.add_row(Text(STAR_LABEL[s.label], style=_STYLE[s.label]), plain(s.text))
    parts += [Text(), grid, Text()]
    if a.findings:
        parts.append(Text("What a listener would notice", style="bold"))
        rows = Table.grid(padding=(0, 1))
        rows.add_column(justify="right", no_wrap=True, style="bold")
        rows.add_column(overflow="fold")
        for i, f in enumerate(a.findings, start=1):
            body = Text(f.message, style="bold yellow")
            if f.evidence:
                body.append("\nIn your words: " + "; ".join(f.evidence), style="italic")
            body.append(f"\nWhy: {f.why}", style="dim")
            body.append(f"\nFix: {f.fix}")
            rows.add_row(f"{i}.", body)
        parts += [rows, Text()]
        parts += [
            Text("The changes that would help most", style="bold"),
            bullets(a.top_changes),
            Text(),
        ]
    else:
        parts += [Text("Nothing to fix: a clear, complete answer.", style="green"), Text()]
    if a.stronger:
        parts += [Text("A stronger version, in your own words", style="bold"), plain(a.stronger)]
    if a.notes:
        parts += [Text(), bullets(a.notes, "dim")]
    return Group(*parts)


def turn_view(turn: Turn) -> RenderableType:
    a = turn.analysis
    parts: list[RenderableType] = [
        Text(
            f"Score {turn.score}/100 · {a.words} words, about {a.seconds} seconds"
            + (f" (you took {turn.seconds_taken} s)" if turn.seconds_taken else ""),
            style="bold",
        )
    ]
    if a.findings:
        parts.append(bullets([f"{f.message}: {f.fix}" for f in a.findings[:3]], "yellow"))
    else:
        parts.append(Text("A clear, complete answer.", style="green"))
    if turn.probe is not None:
        parts.append(Text(f"They would ask next because {turn.probe.why}.", style="dim"))
    return Group(*parts)


def history_view(h: History) -> RenderableType:
    if not h.attempts:
        return Text("No practice yet: finalist practice CASE --interviewer NAME")
    table = Table(title=f"{h.attempts} answers practised", title_justify="left")
    table.add_column("Question", overflow="fold", ratio=3)
    table.add_column("Tries", justify="right")
    table.add_column("First", justify="right")
    table.add_column("Last", justify="right")
    table.add_column("Best", justify="right")
    for p in h.questions:
        change = p.last_score - p.first_score
        style = "green" if change > 0 else ("red" if change < 0 else "")
        table.add_row(
            plain(p.question),
            str(p.attempts),
            str(p.first_score),
            Text(str(p.last_score), style=style),
            str(p.best_score),
        )
    return Group(table, Text(h.verdict, style="bold"))
