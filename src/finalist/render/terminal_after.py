"""Terminal views for after the round: the thank-you notes, what --send will send, and
the timeline to the decision."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from finalist.coach.followup import Note, NotesResult
from finalist.coach.timeline import Timeline
from finalist.render.common import when_text
from finalist.render.rich_parts import heading, numbered, plain


def notes_view(result: NotesResult) -> RenderableType:
    parts: list[RenderableType] = [heading(f"Thank-you notes: {result.round_label}")]
    for note in result.notes:
        head = Text.assemble(("To: ", "bold"), note.to)
        if note.email:
            head.append(f" <{note.email}>")
        head.append(f"\nSubject: {note.subject}")
        if note.sent_at:
            head.append(f"\nSent: {when_text(note.sent_at)}", style="green")
        elif note.due:
            head.append(f"\nSend by: {when_text(note.due)}", style="yellow")
        checks = Text(
            "  ".join(("✓ " if c.passed else "✗ ") + c.name for c in note.checks), style="dim"
        )
        parts += [Text(), head, plain(note.body), checks]
        for c in note.checks:  # what failed, and why, in full
            if not c.passed:
                parts.append(Text(f"✗ {c.name}: {c.detail}", style="yellow"))
        if note.attach:
            parts.append(Text("Attach: " + "; ".join(note.attach), style="bold yellow"))
    for line in result.no_note:
        parts += [Text(), Text(f"No note of their own: {line}", style="dim")]
    if result.message:
        parts += [Text(), Text(result.message, style="yellow")]
    return Group(*parts)


def outgoing_view(notes: list[Note], sender: str, server: str) -> RenderableType:
    """What --send is about to send, shown in full before asking."""
    parts: list[RenderableType] = [heading(f"About to send from {sender} through {server}")]
    for note in notes:
        head = Text.assemble(("To: ", "bold"), f"{note.to} <{note.email}>")
        head.append(f"\nSubject: {note.subject}")
        parts += [Text(), head, plain(note.body)]
    return Group(*parts)


def timeline_view(tl: Timeline) -> RenderableType:
    parts: list[RenderableType] = [heading("Your timeline to the decision")]
    rows = []
    for step in tl.steps:
        text = Text.assemble((when_text(step.on), "bold"), "  ", step.what)
        if step.notes_round is not None:
            text.append(f": finalist thanks CASE --round {step.notes_round}", style="dim")
        if step.due:
            text.append("  (due)", style="yellow")
        if step.draft:
            text.append(f"\nDraft: {step.draft}", style="dim")
        rows.append(text)
    parts.append(numbered(rows))
    return Group(*parts)
