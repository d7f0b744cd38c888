"""finalist knowledge: check the curated content and see what it holds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from finalist.cli.common import JsonOpt, emit_json

knowledge_app = typer.Typer(help="The curated knowledge: check it, count it.", no_args_is_help=True)


@knowledge_app.command("check")
def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE.yaml",
            help="Check only these files: references to other files are not checked, other "
            "sectors' words are (against the shipped sectors).",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Validate every knowledge entry and report what there is.

    Without files: the shipped knowledge plus FINALIST_KNOWLEDGE, references included.
    A bad entry is reported with its file and id.
    """
    from finalist import knowledge
    from finalist.cli.common import knowledge as load_knowledge
    from finalist.knowledge.coverage import summary

    if files:
        sources = [knowledge.Source(str(f), _read(f)) for f in files]
        if not any(re.search(r"^sectors:", s.text, re.M) for s in sources):
            # the shipped sectors, so that a file alone is checked for other sectors' words
            sources += [s for s in knowledge.shipped_sources() if s.name.endswith("/sectors.yaml")]
        loaded = knowledge.parse(sources, check_references=False)
    else:
        loaded = load_knowledge()
    report = summary(loaded)
    if as_json:
        emit_json(report)
        return
    for key, value in report.items():
        if isinstance(value, list):
            print(f"{key}: {len(value)}" + "".join(f"\n  - {v}" for v in value))
        else:
            print(f"{key}: {value}")


def _read(path: Path) -> str:
    from finalist.casefile import read_text

    return read_text(path)
