"""What every command shares: the store, finding a case, today, JSON and the console.

Heavy modules (SQLAlchemy, the coach) are imported inside the functions that need them,
so ``finalist --help`` and ``--version`` start fast.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from finalist.errors import FinalistError

if TYPE_CHECKING:
    from pydantic import BaseModel
    from rich.console import Console

    from finalist.knowledge import Knowledge
    from finalist.model import Case
    from finalist.store import Store

CaseArg = Annotated[
    str,
    typer.Argument(
        metavar="CASE",
        help="A stored case's id (or the start of it), or the path of a case file.",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON, for scripts.")]
TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        help="Plan as if today were DATE (YYYY-MM-DD); default: the real today.",
        show_default=False,
    ),
]


def long_running() -> None:
    """For a command that keeps running (the web server, the mock interview): the cyclic
    garbage collector, held off while a short command runs (see ``finalist.cli.main``),
    works as usual again; what start-up loaded is set aside so it is not scanned again."""
    gc.freeze()
    gc.enable()


def now() -> datetime:
    return datetime.now(UTC)


def today(value: str | None) -> date:
    """The --today option, or the real date."""
    if not value:
        return date.today()
    from finalist.model import parse_when

    try:
        parsed = parse_when(value)
    except ValueError as exc:
        raise FinalistError(f"--today: {exc}") from None
    if isinstance(parsed, datetime):
        return parsed.date()
    assert isinstance(parsed, date)
    return parsed


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def knowledge() -> Knowledge:
    """The curated knowledge, with the user's own files when FINALIST_KNOWLEDGE is set."""
    from finalist import knowledge as kb
    from finalist.settings import Settings

    settings = Settings.from_env()
    extra = settings.knowledge
    return kb.load(str(extra) if extra else None, str(settings.home / "cache"))


def show_all(items: Sequence[BaseModel], as_json: bool, view: Callable[[Any], Any]) -> None:
    """Results as a JSON list, or each drawn with its terminal view."""
    if as_json:
        emit_json([item.model_dump(mode="json") for item in items])
        return
    out = console()
    for item in items:
        out.print(view(item))


@contextmanager
def store() -> Iterator[Store]:
    from finalist.settings import Settings
    from finalist.store import open_store

    opened = open_store(Settings.from_env(), now=now())
    try:
        yield opened
    finally:
        opened.close()


@dataclass(frozen=True)
class Loaded:
    """A case and where it came from: a stored id, or a file used as it is."""

    case: Case
    stored_id: str | None
    path: Path | None

    @property
    def case_id(self) -> str:
        return self.stored_id or self.case.case_id()


def looks_like_path(ref: str) -> bool:
    """Whether CASE names a file rather than a stored case's id."""
    if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref or ref == "-":
        return True
    try:
        return Path(ref).expanduser().is_file()
    except (OSError, ValueError):  # a name too long or with a NUL byte is no file
        return False


def load_case(ref: str) -> Loaded:
    """A case from a file path (used directly, not imported) or from the store."""
    ref = ref.strip()
    if not ref:
        raise FinalistError("no case given; pass a case id (see finalist list) or a case file")
    if looks_like_path(ref):
        from finalist.casefile import load_case_file

        path = Path(ref).expanduser()
        return Loaded(load_case_file(path), None, path)
    with store() as opened:
        stored = opened.get_case(ref)
    return Loaded(stored.case, stored.id, None)


def stored_case_id(ref: str) -> str:
    """For commands that change a case: they work on stored cases only."""
    if looks_like_path(ref):
        raise FinalistError(
            f"{ref} is a file: edit it directly, or import it first (finalist import {ref}) "
            "and change the stored case"
        )
    return ref


def chosen_rounds(case: Case, ref: str | None, day: date) -> list[int]:
    """The round the user named (--round), or every round from ``day`` on; the last
    round when all are past."""
    from finalist.coach.glance import rounds_to_prepare

    return rounds_to_prepare(case, day, ref)
