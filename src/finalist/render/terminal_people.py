"""Terminal views of the people across the table: dossiers and predicted questions."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from finalist.coach.interviewers import Dossier, Placement
from finalist.coach.questions import PersonQuestions, Predicted, RoundQuestions, SharedQuestion
from finalist.knowledge.schema import THEME_LABEL
from finalist.render.rich_parts import bullets, plain
from finalist.writing import join

_CONFIDENCE_STYLE = {"high": "green", "medium": "yellow", "low": "red"}


def _placement(p: Placement) -> Text:
    text = Text.assemble(
        (p.label, "bold"), " ", (f"({p.confidence})", _CONFIDENCE_STYLE[p.confidence])
    )
    if p.reasons:
        text.append(f"  {'; '.join(p.reasons)}", style="dim")
    return text


def _address(d: Dossier) -> Text:
    """ "Dear Mrs Akinola", why, and what to confirm."""
    a = d.address
    assert a is not None
    if a.seat.value == "pupil":
        return Text(a.why[:1].upper() + a.why[1:], style="dim")
    text = Text.assemble((f"Dear {a.greeting}", "bold"), (f"  {a.why}", "dim"))
    if a.check:
        text.append(f"\n{a.check[:1].upper()}{a.check[1:]}.", style="dim")
    return text


def dossier_view(d: Dossier) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    if d.seat is not None:  # not staff: their seat says more than a rank or a department
        grid.add_row("Seat at the table", _placement(d.seat))
        grid.add_row("Who they are", plain(d.seat_summary or ""))
    else:
        grid.add_row("Role in the decision", _placement(d.archetype))
        if d.also is not None:
            grid.add_row("Also", _placement(d.also))
        grid.add_row("Seniority", _placement(d.level))
        grid.add_row(
            "Department",
            _placement(d.department) if d.department else Text("not known", style="dim"),
        )
    if d.address is not None:
        grid.add_row("In writing", _address(d))
    if d.thank_you:
        grid.add_row("Thanking them", plain(d.thank_you))
    if d.met_in_round_one:
        grid.add_row("Round one", plain("You met them in round one: build on that conversation."))
    if d.priorities:
        table = Table.grid(padding=(0, 1))
        table.add_column(style="dim", no_wrap=True)
        table.add_column(overflow="fold")
        for p in d.priorities:
            table.add_row("•", Text.assemble(p.text, (f"  ({p.source})", "dim")))
        grid.add_row("Likely cares about", table)
    if d.wants_to_learn:
        grid.add_row("Wants to learn", bullets(d.wants_to_learn))
    if d.how_to_talk:
        grid.add_row("How to talk to them", bullets(d.how_to_talk))
    title = Text.assemble((d.name, "bold"))
    if d.title:
        title.append(f", {d.title}")
    title.append(f"  ·  {d.round_label} ({d.format.value})", style="dim")
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED)


def _question_body(q: Predicted, reasons: list[str], detail: bool) -> Text:
    themes = ", ".join(THEME_LABEL[t] for t in q.themes)
    body = Text.assemble(
        (q.text, "bold"), "\n", (q.likelihood, "bold dim"), (f" · {themes}", "dim")
    )
    if reasons:
        body.append(f" · because {'; '.join(reasons)}", style="dim")
    if detail:
        body.append("\nWhy they ask: ", style="italic")
        body.append(q.why)
        body.append("\nA strong answer: ", style="italic")
        body.append(q.strong_answer)
        body.append("\nThen they may probe: ", style="italic")
        body.append(" / ".join(q.probes))
        body.append("\n")
    return body


def questions_view(pq: PersonQuestions, detail: bool = True) -> RenderableType:
    """The list as one grid: each number hangs to the left of its wrapped lines."""
    d = pq.dossier
    title = Text.assemble(("Likely questions from ", "bold"), (d.name, "bold cyan"))
    if d.title:
        title.append(f", {d.title}", style="cyan")
    if not pq.questions:
        return Group(
            title, Text("No question fits this person and round well enough to predict it.")
        )
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for i, q in enumerate(pq.questions, start=1):
        grid.add_row(f"{i}.", _question_body(q, pq.own_reasons(q), detail))
    return Group(title, *_said_once(pq), Text(), grid)


def _said_once(pq: PersonQuestions) -> list[Text]:
    """What most of the questions share, said once above them."""
    lines = []
    for note in pq.round_one():
        lines.append(Text.assemble(("Round one matters here: ", "bold yellow"), note + "."))
    shared = pq.said_once()
    if shared:
        lines.append(
            Text.assemble(("Behind most of these: ", "bold"), ("; ".join(shared) + ".", "dim"))
        )
    return lines


def shared_view(shared: list[SharedQuestion]) -> RenderableType:
    if not shared:
        return Text()
    table = Table(title="Asked by more than one person", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("Question", overflow="fold", ratio=3)
    table.add_column("Who", overflow="fold", ratio=1)
    for s in shared:
        table.add_row(plain(s.text), plain(join(s.askers)))
    return Group(
        table,
        Text("Keep your answer consistent across them: they will compare notes.", style="yellow"),
    )


def round_people_view(rq: RoundQuestions, detail: bool = False) -> RenderableType:
    parts: list[RenderableType] = []
    for pq in rq.people:
        parts += [dossier_view(pq.dossier), questions_view(pq, detail=detail), Text()]
    parts.append(shared_view(rq.shared))
    return Group(*parts)
