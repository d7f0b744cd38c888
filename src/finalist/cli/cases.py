"""finalist import | export | list | show | remove: cases in and out of the store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from finalist.cli.common import (
    CaseArg,
    JsonOpt,
    TodayOpt,
    console,
    emit_json,
    load_case,
    now,
    store,
    today,
)
from finalist.errors import FinalistError

if TYPE_CHECKING:
    from finalist.model import Case


def import_cases(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="CASE.yaml",
            help="One or more case files; '-' reads one from standard input.",
            show_default=False,
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Store case files in the local database.

    Importing the same file again changes nothing; a changed file updates its case and
    the earlier version is kept. All files are checked first: if one is invalid, nothing
    is stored.
    """
    from finalist.casefile import load_case_file, parse_case, read_stdin

    loaded: list[tuple[Case, str | None]] = []
    for name in files:
        if name == "-":
            loaded.append((parse_case(read_stdin(), "<stdin>"), None))
        else:
            path = Path(name).expanduser()
            loaded.append((load_case_file(path), str(path.resolve())))
    ids = [case.case_id() for case, _ in loaded]
    repeated = {i for i in ids if ids.count(i) > 1}
    if repeated:
        raise FinalistError(
            f"two of these files are the same case ({', '.join(sorted(repeated))}); "
            "import one of them, or give each its own id: field"
        )
    with store() as opened:  # one transaction: every file stored, or none
        results = opened.save_cases(loaded, now=now())
    if as_json:
        emit_json([{"id": r.id, "status": r.status.value, "revision": r.revision} for r in results])
        return
    for r in results:
        print(f"{r.id}\t{r.status.value}" + (f" (revision {r.revision})" if r.revision > 1 else ""))


def export_case(
    case: CaseArg,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write to this file instead of the screen."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the output file if it exists.")
    ] = False,
) -> None:
    """Write a case back as a case file (YAML)."""
    from finalist.casefile import dump_case
    from finalist.store.cases import canonical

    text = dump_case(canonical(load_case(case).case))
    if output is None:
        sys.stdout.write(text)
        return
    write_file(output, text, force=force)
    print(f"wrote {output}", file=sys.stderr)


def write_file(path: Path, text: str, *, force: bool) -> None:
    """Write text to path in one step: a temporary file renamed into place."""
    write_file_bytes(path, text.encode("utf-8"), force=force)


def write_file_bytes(path: Path, data: bytes, *, force: bool = True) -> None:
    """Write bytes to a regular file in one step: a temporary file beside it, flushed to
    disk, then renamed into place, so a crash leaves the old file or the new one. A
    symlink is followed (the file it points to is written, the link stays); a device, a
    pipe, a socket or a folder is refused, whatever --force says."""
    import os
    import stat
    import tempfile

    path = path.expanduser()
    if path.is_symlink():
        path = path.resolve()  # write through the link, deliberately
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise FinalistError(f"cannot write {path}: {exc.strerror}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise FinalistError(f"{path} is a folder; give a file name, e.g. {path / 'case.yaml'}")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise FinalistError(
            f"{path} is not a regular file (a device, pipe or socket); give a file name"
        )
    if info is not None and not force:
        raise FinalistError(f"{path} already exists; add --force to overwrite it")
    if not path.parent.is_dir():
        raise FinalistError(f"the folder {path.parent} does not exist; create it first")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise FinalistError(f"cannot write in {path.parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(tmp, stat.S_IMODE(info.st_mode))  # an overwritten file keeps its mode
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FinalistError(f"cannot write {path}: {exc.strerror}") from None


def list_cases(as_json: JsonOpt = False, today_: TodayOpt = None) -> None:
    """List stored cases: company, role, stage, the next round and what is due."""
    from finalist.coach.glance import at_a_glance, by_next_round

    day = today(today_)
    with store() as opened:
        stored = {s.id: s for s in opened.all_cases()}
    glances = by_next_round([at_a_glance(s.case, day) for s in stored.values()])
    if as_json:
        emit_json(
            [
                {
                    "id": g.case_id,
                    "company": g.company,
                    "role": g.role,
                    "stage": g.stage.value,
                    "next_round": g.next_round.model_dump(mode="json") if g.next_round else None,
                    "due": g.due,
                    "updated_at": stored[g.case_id].updated_at.isoformat(),
                }
                for g in glances
            ]
        )
        return
    from finalist.render.terminal import case_list_view

    console().print(case_list_view(glances))


def show_case(case: CaseArg, as_json: JsonOpt = False, today_: TodayOpt = None) -> None:
    """Show a readable summary of a case: the candidate, every round and person, the stories."""
    from finalist.coach import at_a_glance

    loaded = load_case(case)
    glance = at_a_glance(loaded.case, today(today_))
    if as_json:
        emit_json(
            {
                "id": loaded.case_id,
                "case": loaded.case.model_dump(mode="json", exclude_none=True),
                "glance": glance.model_dump(mode="json"),
            }
        )
        return
    from finalist.render.terminal import case_view

    console().print(case_view(loaded.case, glance))


def remove_case(
    case: CaseArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Remove without asking.")] = False,
) -> None:
    """Remove a stored case and its earlier versions (make a backup first if unsure)."""
    from finalist.cli.common import stored_case_id

    with store() as opened:
        case_id = opened.resolve_id(stored_case_id(case))
        if not yes and not typer.confirm(f"Remove {case_id} and its history?", default=False):
            print("nothing removed")
            return
        opened.remove_case(case_id)
    print(f"removed {case_id}")
