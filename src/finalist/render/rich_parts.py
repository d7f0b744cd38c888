"""Small Rich building blocks shared by the terminal views. User text always goes in as
``Text``, never as markup, so brackets and tags in a case show exactly as written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from finalist.text import reflow


def plain(text: str | None, style: str = "") -> Text:
    return Text(text or "", style=style)


def facts(rows: Iterable[tuple[str, str]]) -> Table:
    """Label and value rows; hand-wrapped case text is reflowed into paragraphs."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in rows:
        table.add_row(plain(label), plain(reflow(value)))
    return table


def bullets(lines: Iterable[str], style: str = "") -> Table:
    """A bulleted list whose wrapped lines hang under the text, not the bullet."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(overflow="fold")
    for line in lines:
        table.add_row("•", plain(line, style))
    return table


def heading(text: str) -> Text:
    return Text(text, style="bold underline")


def numbered(rows: Sequence[RenderableType]) -> Table:
    """Rows numbered 1., 2., ... with the text folded beside the number."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for i, row in enumerate(rows, start=1):
        grid.add_row(f"{i}.", row)
    return grid
