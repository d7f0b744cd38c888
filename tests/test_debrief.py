"""The debrief: from a file or asked person by person; a round still to come is refused."""

from __future__ import annotations

import json
from pathlib import Path

from finalist.casefile import dump_case, load_case_file
from finalist.coach.consensus import consensus_map
from finalist.knowledge import load
from finalist.model import Case

from .conftest import DATA, Cli

RIVERSIDE = "riverside-grocers-senior-manager"


def _stored(cli: Cli) -> None:
    assert cli("import", DATA / "riverside.yaml").code == 0


def test_debrief_from_a_file(cli: Cli, tmp_path: Path) -> None:
    _stored(cli)
    path = tmp_path / "debrief.yaml"
    path.write_text(
        "decision_date: 2026-12-18\n"
        "next_steps: They will call by Friday.\n"
        "went_badly: I rushed the cash question.\n"
        "talked_with:\n"
        "  - interviewer: Amelia Clarke\n"
        "    topics: [cash forecasting]\n",
        encoding="utf-8",
    )
    result = cli("debrief", RIVERSIDE, "--round", "1", "--from", path, "--today", "2026-12-08")
    assert result.code == 0, result.err
    assert "saved the debrief of round 1" in result.out
    case = json.loads(cli("show", RIVERSIDE, "--json").out)["case"]
    debrief = case["rounds"][0]["debrief"]
    assert debrief["talked_with"][0]["topics"] == ["cash forecasting"]
    assert debrief["went_badly"] == "I rushed the cash question."


def test_a_round_still_to_come_is_refused(cli: Cli, tmp_path: Path) -> None:
    _stored(cli)
    path = tmp_path / "debrief.yaml"
    path.write_text("next_steps: soon\n", encoding="utf-8")
    before = cli("export", RIVERSIDE).out
    result = cli("debrief", RIVERSIDE, "--round", "1", "--from", path, "--today", "2026-12-01")
    assert result.code == 1
    assert result.err == (
        "error: Finance panel is on 2026-12-07, still to come: debrief it after it has "
        "taken place\n"
    )
    assert cli("export", RIVERSIDE).out == before


def test_unknown_names_are_refused_with_a_suggestion(cli: Cli, tmp_path: Path) -> None:
    _stored(cli)
    path = tmp_path / "debrief.yaml"
    path.write_text(
        "talked_with:\n  - interviewer: Amelia Clark\n    topics: [cash]\n", encoding="utf-8"
    )
    result = cli("debrief", RIVERSIDE, "--round", "1", "--from", path, "--today", "2026-12-08")
    assert result.code == 1
    assert (
        "'Amelia Clark' is not an interviewer of this round (did you mean 'Amelia Clarke'?)"
        in result.err
    )


def test_debrief_needs_a_terminal_or_a_file(cli: Cli) -> None:
    _stored(cli)
    result = cli("debrief", RIVERSIDE, "--round", "1", "--today", "2026-12-08")
    assert result.code == 1
    assert "give the debrief with --from FILE" in result.err


def test_what_went_badly_is_carried_into_the_next_round(tmp_path: Path) -> None:
    case = load_case_file(DATA / "riverside.yaml")
    data = case.model_dump(mode="json")
    data["rounds"][0]["debrief"] = {
        "went_badly": "I had no number for the close time.",
        "talked_with": [],
    }
    cm = consensus_map(Case.model_validate(data), 2, load(None))
    assert "Finance panel: I had no number for the close time." in cm.round_one_fixes
    assert dump_case(Case.model_validate(data))


def test_the_interactive_debrief_in_a_real_terminal(tmp_path: Path) -> None:
    import os
    import sys

    import pytest

    pexpect = pytest.importorskip("pexpect", reason="pip install pexpect (in .[dev])")
    env = {**os.environ, "FINALIST_HOME": str(tmp_path / "home"), "TERM": "dumb"}
    imported = pexpect.run(
        f"{sys.executable} -m finalist import {DATA / 'riverside.yaml'}", env=env, encoding="utf-8"
    )
    assert RIVERSIDE in imported
    child = pexpect.spawn(
        sys.executable,
        ["-m", "finalist", "debrief", RIVERSIDE, "--round", "1", "--today", "2026-12-08"],
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    child.expect("Amelia Clarke: what did you discuss")
    child.sendline("cash forecasting, the close")
    child.expect("point of interest")
    child.sendline("weekly cash calls with the stores")
    child.expect("detail to clarify")
    child.sendline("")
    child.expect("Grace Lin: what did you discuss")
    child.sendline("")
    child.expect("Ravi Patel: what did you discuss")
    child.sendline("")
    for prompt in ("next steps", "decide", "went well", "did not go well"):
        child.expect(prompt)
        child.sendline("2026-12-18" if prompt == "decide" else "")
    child.expect("saved the debrief of round 1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = pexpect.run(
        f"{sys.executable} -m finalist show {RIVERSIDE} --json", env=env, encoding="utf-8"
    )
    case = json.loads(shown)["case"]
    talk = case["rounds"][0]["debrief"]["talked_with"]
    assert talk == [
        {
            "interviewer": "Amelia Clarke",
            "topics": ["cash forecasting", "the close"],
            "interest": "weekly cash calls with the stores",
        }
    ]
