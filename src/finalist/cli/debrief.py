"""finalist debrief: log what was discussed with each person, right after a round."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from finalist.cli.common import CaseArg
from finalist.cli.edit import RoundRef, change_stored_case
from finalist.errors import FinalistError

if TYPE_CHECKING:
    from finalist.model import Case


def debrief(
    case: CaseArg,
    round_: RoundRef = None,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="FILE",
            help="Take the debrief from a YAML file shaped like a round's debrief block.",
            show_default=False,
        ),
    ] = None,
    today_: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar="DATE",
            help="As if today were DATE (YYYY-MM-DD).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Log what was discussed with each person, right after the round.

    Asks, person by person, for the topics, a point of interest and a detail to clarify,
    then what was said about next steps and the decision date, and what went well and
    what did not (the next round builds on it). --from FILE takes the same from YAML.
    """
    from finalist import editing
    from finalist.cli.common import today

    day = today(today_)
    if from_file is not None:
        block = _read_debrief(from_file)
    else:
        if not sys.stdin.isatty():
            raise FinalistError("no terminal to ask in: give the debrief with --from FILE")
        block = None

    def change(c: Case) -> tuple[Case, str]:
        data = block if block is not None else _ask_debrief(c, round_)
        new, number = editing.set_debrief(c, round_, data, day)
        return new, f"saved the debrief of round {number}; next: finalist thanks CASE"

    change_stored_case(case, change)


def _read_debrief(path: Path) -> dict[str, Any]:
    import yaml

    from finalist.casefile import _Loader, read_text

    text = read_text(path.expanduser(), 200_000, "debrief files")
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise FinalistError(f"{path} is not valid YAML ({exc}); check the file") from None
    if isinstance(data, dict) and "debrief" in data:
        data = data["debrief"]
    if not isinstance(data, dict):
        raise FinalistError(f"{path}: expected a debrief block (talked_with:, next_steps: ...)")
    return data


def _ask_debrief(case: Case, round_ref: str | None) -> dict[str, Any]:
    from finalist.editing import round_index

    rnd = case.rounds[round_index(case, round_ref)]
    talked = []
    for person in rnd.interviewers:
        topics = typer.prompt(
            f"{person.name}: what did you discuss? (comma-separated, empty to skip)",
            default="",
            show_default=False,
        )
        if not topics.strip():
            continue
        talked.append(
            {
                "interviewer": person.name,
                "topics": [t.strip() for t in topics.split(",") if t.strip()],
                "interest": typer.prompt(
                    "  a point of interest to reiterate", default="", show_default=False
                )
                or None,
                "clarify": typer.prompt("  a detail to clarify", default="", show_default=False)
                or None,
            }
        )

    def ask(text: str) -> str | None:
        answer: str = typer.prompt(text, default="", show_default=False)
        return answer or None

    return {
        "talked_with": talked,
        "next_steps": ask("What was said about next steps?"),
        "decision_date": ask("When do they expect to decide? (YYYY-MM-DD)"),
        "went_well": ask("What went well?"),
        "went_badly": ask("What did not go well?"),
    }
