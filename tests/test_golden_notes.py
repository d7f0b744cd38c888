"""Golden thank-you notes: the examples and our sector cases, note by note.

A change to the wording shows up here as a diff to read, not as a silent drift. After a
deliberate change, write the files again with ``FINALIST_UPDATE_GOLDEN=1 pytest
tests/test_golden_notes.py`` and read the diff before committing it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from finalist.casefile import load_case_file
from finalist.coach.followup import thank_you_notes
from finalist.knowledge import load
from finalist.model import Case, day_of

KB = load(None)
ROOT = Path(__file__).parent
GOLDEN = ROOT / "data" / "golden" / "notes"
CASES = sorted(
    [*(ROOT.parent / "examples").glob("*.yaml"), *(ROOT / "data" / "sectors").glob("*.yaml")]
)
TODAY = date(2026, 12, 2)


def _with_demo_debrief(path: Path) -> Case:
    """The demo's scripted debrief on its example, as `finalist demo` shows it."""
    from finalist.cli.demo import DEMO_DEBRIEF
    from finalist.editing import set_debrief

    case = load_case_file(path)
    if path.name != "harbourline-product-lead.yaml" or case.rounds[0].date is None:
        return case
    names = {p.name for p in case.rounds[0].interviewers}
    debrief = dict(DEMO_DEBRIEF)
    debrief["talked_with"] = [t for t in DEMO_DEBRIEF["talked_with"] if t["interviewer"] in names]
    debriefed, _ = set_debrief(case, "1", debrief, day_of(case.rounds[0].date))
    return debriefed


def _notes_text(path: Path) -> str:
    case = _with_demo_debrief(path)
    parts: list[str] = []
    for number, rnd in enumerate(case.rounds, start=1):
        if rnd.debrief is None or not rnd.debrief.talked_with:
            continue
        today = max(TODAY, day_of(rnd.date)) if rnd.date is not None else TODAY
        result = thank_you_notes(case, number, KB, today)
        for note in result.notes:
            parts.append(f"=== {result.round_label}: {note.to}\nSubject: {note.subject}\n")
            parts.append(note.body)
        parts += [f"(no note) {line}\n" for line in result.no_note]
    return "\n".join(parts)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_notes_match_their_golden_copy(path: Path) -> None:
    text = _notes_text(path)
    golden = GOLDEN / f"{path.stem}.txt"
    if os.environ.get("FINALIST_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden copy: run FINALIST_UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_note_of_our_cases_passes_its_blocking_checks(path: Path) -> None:
    """The checks that hold a note back from --send (the advice ones, such as "add a
    story that fits their topic", may fail: they tell the candidate what to add)."""
    case = _with_demo_debrief(path)
    for number, rnd in enumerate(case.rounds, start=1):
        if rnd.debrief is None or not rnd.debrief.talked_with:
            continue
        today = max(TODAY, day_of(rnd.date)) if rnd.date is not None else TODAY
        for note in thank_you_notes(case, number, KB, today).notes:
            failed = [f"{c.name}: {c.detail}" for c in note.checks if c.blocking and not c.passed]
            assert not failed, (note.to, failed, note.body)
