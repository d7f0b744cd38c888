"""finalist eval: measure the coach on files of real questions or labelled answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from finalist.cli.common import JsonOpt, console, emit_json, knowledge
from finalist.errors import FinalistError

eval_app = typer.Typer(
    help="Measure finalist on evaluation files (JSON lines).", no_args_is_help=True
)

if TYPE_CHECKING:
    from pydantic import BaseModel

MAX_EVAL_BYTES = 20_000_000
Row = TypeVar("Row", bound="BaseModel")


def read_rows(path: Path, model: type[Row], check: dict[str, set[str]] | None = None) -> list[Row]:
    """Every line of a JSON-lines file as a validated row; one clear line per problem."""
    from pydantic import ValidationError

    from finalist.casefile import read_text

    text = read_text(path, MAX_EVAL_BYTES, "evaluation files")
    rows: list[Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FinalistError(
                f"{path}:{number} is not JSON ({exc.msg}); one object per line"
            ) from None
        if not isinstance(data, dict):
            raise FinalistError(f"{path}:{number} must be a JSON object, one per line")
        try:
            row = model.model_validate(data)
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            field = ".".join(str(p) for p in err["loc"])
            raise FinalistError(f"{path}:{number} {field}: {err['msg']}") from None
        for field, allowed in (check or {}).items():
            value = getattr(row, field)
            if value not in allowed:
                raise FinalistError(
                    f"{path}:{number} {field}: {str(value)[:60]!r} is not one of "
                    f"{', '.join(sorted(allowed))}"
                )
        rows.append(row)
    if not rows:
        raise FinalistError(f"{path} has no rows; it needs one JSON object per line")
    return rows


@eval_app.command("questions")
def questions(
    file: Annotated[
        Path, typer.Argument(metavar="FILE.jsonl", help="Rows with question and role.")
    ],
    top: Annotated[
        int, typer.Option("--top", min=1, max=100, help="How many predictions per role.")
    ] = 20,
    matches: Annotated[
        bool, typer.Option("--matches", help="Also list each question's closest prediction.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """How many real questions have a close counterpart in finalist's top predictions.

    Per role, finalist predicts the top N questions for a representative interviewer
    of that role; a real question counts as matched when a prediction shares enough
    content words with it (see docs/benchmarks.md for how).
    """
    from finalist.coach.evaluation import REPRESENTATIVE, EvalQuestion, evaluate_questions

    rows = read_rows(file, EvalQuestion, {"role": set(REPRESENTATIVE)})
    report = evaluate_questions(rows, knowledge(), top=top)
    if as_json:
        data = report.model_dump(mode="json", exclude={"matches"} if not matches else set())
        data["overall"] = report.total.model_dump(mode="json")
        emit_json(data)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=f"Questions: top {top} per role, close = similarity >= {report.threshold}",
        title_justify="left",
    )
    for column in ("role", "interviewer", "questions", "close match", "theme covered"):
        table.add_column(column, justify="right" if column != "role" else "left")
    for r in [*report.roles, report.total]:
        table.add_row(
            Text(r.role),
            Text(r.interviewer_title),
            str(r.questions),
            f"{r.close} ({r.close / r.questions:.0%})",
            f"{r.theme_covered} ({r.theme_covered / r.questions:.0%})",
        )
    out = console()
    out.print(table)
    if matches:
        for m in report.matches:
            mark = "close" if m.close else "     "
            out.print(Text(f"{mark} {m.similarity:.2f} [{m.role}] {m.question}\n      -> {m.best}"))


@eval_app.command("star")
def star(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.jsonl", help="Answers split into sentences labelled S/T/A/R/O."
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """How well finalist labels sentences as situation, task, action, result or other.

    Prints per-label precision, recall and F1, and the macro-F1 over S, T, A, R, O.
    """
    from finalist.coach.evaluation import StarAnswer, evaluate_star

    report = evaluate_star(read_rows(file, StarAnswer))
    if as_json:
        emit_json(report.model_dump(mode="json"))
        return
    from rich.table import Table

    table = Table(
        title=f"STAR labels: {report.answers} answers, {report.sentences} sentences",
        title_justify="left",
    )
    for column in ("label", "precision", "recall", "F1", "sentences"):
        table.add_column(column, justify="right" if column != "label" else "left")
    for x in report.labels:
        table.add_row(
            x.label, f"{x.precision:.2f}", f"{x.recall:.2f}", f"{x.f1:.2f}", str(x.support)
        )
    out = console()
    out.print(table)
    out.print(f"macro-F1 {report.macro_f1:.3f}   accuracy {report.accuracy:.3f}", markup=False)
