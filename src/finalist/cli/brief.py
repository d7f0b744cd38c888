"""finalist brief: the prep pack, in the terminal or as Markdown."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from finalist.cli.common import (
    CaseArg,
    JsonOpt,
    TodayOpt,
    console,
    emit_json,
    knowledge,
    load_case,
    now,
    store,
    today,
)
from finalist.errors import FinalistError


class To(StrEnum):
    terminal = "terminal"
    md = "md"


def brief(
    case: CaseArg,
    to: Annotated[
        To, typer.Option("--to", help="Where it goes: the terminal, or Markdown.")
    ] = To.terminal,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file (with --to md).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file.")] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Print every section in the terminal, not the summary (Markdown is always "
            "in full).",
        ),
    ] = False,
    as_json: JsonOpt = False,
    today_: TodayOpt = None,
) -> None:
    """The prep pack for a case: what matters first, then (--full) every section.

    In the terminal, a five-minute summary of the next round(s): each person, the
    questions most worth preparing with your story for each, the gaps, what to do next.
    --full prints everything: for every round ahead, each dossier and likely question,
    the consensus map, questions to ask, the playbook; then the scripts, once.
    """
    loaded = load_case(case)
    day = today(today_)
    if loaded.stored_id is None:
        from finalist.coach import build_brief

        result = build_brief(loaded.case, day, knowledge(), {})
    else:  # built once per case, day and notes sent, then read from the store
        from finalist.briefs import stored_brief
        from finalist.store.sent import by_round

        with store() as opened:
            sent = by_round(opened.sent_notes(loaded.stored_id))
            result = stored_brief(
                opened, loaded.stored_id, loaded.case, day, knowledge(), sent, now=now()
            )
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    if to is To.md:
        from finalist.cli.cases import write_file
        from finalist.render.markdown import brief_md

        text = brief_md(result)
        if output is None:
            sys.stdout.write(text)
        else:
            write_file(output, text, force=force)
            print(f"wrote {output}", file=sys.stderr)
        return
    if output is not None:
        raise FinalistError("-o writes a file: add --to md (the terminal view is for reading)")
    if full:
        from finalist.render.terminal import brief_view

        console().print(brief_view(result))
        return
    from finalist.coach.summary import brief_summary
    from finalist.render.terminal_summary import summary_view

    ref = loaded.stored_id or case
    summary = brief_summary(result, loaded.case, ref, stored=loaded.stored_id is not None)
    console().print(summary_view(result, summary))
