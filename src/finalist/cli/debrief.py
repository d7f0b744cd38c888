"""finalist debrief: log what was discussed with each person, right after a round."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from finalist.cli.common import CaseArg, JsonOpt
from finalist.cli.edit import RoundRef
from finalist.errors import FinalistError

if TYPE_CHECKING:
    from finalist.coach.debrief_advice import Advice
    from finalist.model import Round


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
    as_json: JsonOpt = False,
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

    Asks, person by person, for the topics (a few words each), what they said that you
    want to come back to, a fact to correct and what you promised to send; then what was
    said about next steps, who will be in touch, how and by when, the decision date, and
    what went well and what did not (the next round builds on it). --from FILE takes the
    same from YAML. After saving, it lists the entries the thank-you notes cannot use as
    written, and what to write instead.
    """
    from finalist import editing
    from finalist.cli.common import knowledge, now, store, stored_case_id, today
    from finalist.coach.debrief_advice import debrief_advice

    day = today(today_)
    block = _read_debrief(from_file) if from_file is not None else None
    if block is None and not sys.stdin.isatty():
        raise FinalistError("no terminal to ask in: give the debrief with --from FILE")
    with store() as opened:
        stored = opened.get_case(stored_case_id(case))
        index = editing.round_to_debrief(stored.case, round_, day)
        data = block if block is not None else _ask_debrief(stored.case.rounds[index])
        new, number = editing.set_debrief(stored.case, str(index + 1), data, day)
        result = opened.save_case(new, now=now(), expected=stored.revision)
    rnd = new.rounds[number - 1]
    advice = debrief_advice(rnd, knowledge(), new.opportunity.first_round)
    if as_json:
        from finalist.cli.common import emit_json

        emit_json(
            {
                "id": result.id,
                "status": result.status.value,
                "round": number,
                "debrief": rnd.debrief.model_dump(mode="json") if rnd.debrief else None,
                "advice": [a.model_dump(mode="json") for a in advice],
            }
        )
        return
    unchanged = " (nothing changed)" if result.status.value == "unchanged" else ""
    print(
        f"{result.id}: saved the debrief of round {number}{unchanged}; "
        f"next: finalist thanks {result.id} --round {number}"
    )
    print(advice_text(advice), end="")


def advice_text(advice: list[Advice]) -> str:
    """The advice as lines for the terminal: where and what, then what to write."""
    if not advice:
        return ""
    lines = ["", "Before you write the notes, change these so the notes can use them:"]
    for a in advice:
        lines += [f"  {a.where}: {a.message}", f"    {a.suggestion}"]
    return "\n".join(lines) + "\n"


def _read_debrief(path: Path) -> dict[str, Any]:
    import yaml

    from finalist.case_yaml import CaseLoader
    from finalist.casefile import read_text

    text = read_text(path.expanduser(), 200_000, "debrief files")
    try:
        data = yaml.load(text, Loader=CaseLoader)
    except yaml.YAMLError as exc:
        raise FinalistError(f"{path} is not valid YAML ({exc}); check the file") from None
    if isinstance(data, dict) and "debrief" in data:
        data = data["debrief"]
    if not isinstance(data, dict):
        raise FinalistError(f"{path}: expected a debrief block (talked_with:, next_steps: ...)")
    return data


# --- asking in the terminal ----------------------------------------------------------


def _ask(text: str) -> str | None:
    answer: str = typer.prompt(text, default="", show_default=False, prompt_suffix=" ")
    return answer.strip() or None


def _ask_date(text: str) -> str | None:
    """A date, asked again until it reads as one (or is left empty)."""
    from finalist.model import parse_when

    while True:
        answer = _ask(text)
        try:
            parse_when(answer)
        except ValueError as exc:
            typer.echo(f"  {exc}", err=True)
            continue
        return answer


# a comma between digits belongs to a number ("£6,000"), not between two items
_ITEMS = re.compile(r"(?<!\d),|,(?!\d)")


def _items(text: str | None) -> list[str]:
    return [t.strip() for t in _ITEMS.split(text or "") if t.strip()]


def _ask_debrief(rnd: Round) -> dict[str, Any]:
    talked = []
    for person in rnd.interviewers:
        topics = _items(
            _ask(
                f"Topics you discussed with {person.name}, a few words each, like "
                "'the ETA roadmap' (comma-separated; empty to skip):"
            )
        )
        if not topics:
            continue
        talked.append(
            {
                "interviewer": person.name,
                "topics": topics,
                "interest": _ask(
                    "  What did they say or propose that you want to come back to? (optional)"
                ),
                "clarify": _ask(
                    "  Anything to correct? The right fact, like 'the lead time is nine "
                    "weeks, not six' (optional):"
                ),
                "promised": _items(_ask("  What did you promise to send them? (optional)")),
            }
        )
    block: dict[str, Any] = {
        "talked_with": talked,
        "next_steps": _ask("What was said about next steps? (for you; the notes use the facts)"),
    }
    example = f"a name, like {rnd.interviewers[0].name}" if rnd.interviewers else "a name"
    who = _ask(f"Who said they would be in touch? ({example}; empty if nobody said)")
    if who:
        block["next_contact"] = {
            "who": who,
            "how": _ask("  How? (phone, email ...)"),
            "by": _ask_date("  By when? (YYYY-MM-DD)"),
        }
    block["decision_date"] = _ask_date("When do they expect to decide? (YYYY-MM-DD)")
    block["went_well"] = _ask("What went well?")
    block["went_badly"] = _ask("What did not go well?")
    return block
