"""Editing a stored case from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import DATA, ROOT, Cli

LUMEN = "lumen-textiles-operations-analyst"


@pytest.fixture(autouse=True)
def _stored(cli: Cli) -> None:
    assert cli("import", DATA / "minimal.yaml").code == 0


def _case(cli: Cli) -> dict[str, object]:
    return json.loads(cli("show", LUMEN, "--json").out)["case"]  # type: ignore[no-any-return]


def test_round_add_set_remove(cli: Cli) -> None:
    added = cli(
        "round",
        "add",
        "lumen",
        "--name",
        "Lunch",
        "--format",
        "informal",
        "--date",
        "2026-12-11T12:30",
        "--duration",
        "60",
    )
    assert (added.code, added.out) == (0, f"{LUMEN}: added round 2 (Lunch)\n")
    assert cli("round", "set", "lumen", "2", "--location", "Canteen").out == (
        f"{LUMEN}: updated round 2\n"
    )
    rounds = _case(cli)["rounds"]
    assert rounds[1]["location"] == "Canteen"  # type: ignore[index]
    assert cli("round", "remove", "lumen", "Lunch", "--yes").out == f"{LUMEN}: removed Lunch\n"
    assert len(_case(cli)["rounds"]) == 1  # type: ignore[arg-type]


def test_interviewer_add_and_set(cli: Cli) -> None:
    added = cli(
        "interviewer",
        "add",
        "lumen",
        "--name",
        "Ana Ruiz",
        "--title",
        "Data Engineer",
        "--priority",
        "data quality",
        "--priority",
        "on-call",
    )
    assert added.out == f"{LUMEN}: added Ana Ruiz to round 1\n"
    changed = cli("interviewer", "set", "lumen", "ana ruiz", "--email", "ana@example.com")
    assert changed.out == f"{LUMEN}: updated ana ruiz\n"
    person = _case(cli)["rounds"][0]["interviewers"][2]  # type: ignore[index]
    assert person == {
        "name": "Ana Ruiz",
        "title": "Data Engineer",
        "email": "ana@example.com",
        "priorities": ["data quality", "on-call"],
    }
    # how a note greets her: set, used by the note's greeting, too long refused, cleared
    assert cli("interviewer", "set", "lumen", "Ana Ruiz", "--address-as", "Dr Ruiz").code == 0
    assert _case(cli)["rounds"][0]["interviewers"][2]["address_as"] == "Dr Ruiz"  # type: ignore[index]
    dossier = cli("dossier", "lumen", "--json")
    assert '"greeting": "Dr Ruiz"' in dossier.out
    long = cli("interviewer", "set", "lumen", "Ana Ruiz", "--address-as", "x" * 300)
    assert (long.code, long.err.count("\n")) == (1, 1)
    assert "--address-as" in long.err
    assert cli("interviewer", "set", "lumen", "Ana Ruiz", "--address-as", "").code == 0
    assert "address_as" not in _case(cli)["rounds"][0]["interviewers"][2]  # type: ignore[index,operator]


def test_story_add_set_remove(cli: Cli) -> None:
    assert cli("story", "add", "lumen", "--title", "Audit", "--result", "Passed.").code == 0
    assert cli("story", "set", "lumen", "Audit", "--task", "Lead it.").code == 0
    assert _case(cli)["stories"][1] == {  # type: ignore[index]
        "title": "Audit",
        "task": "Lead it.",
        "result": "Passed.",
        "competencies": [],
    }
    removed = cli("story", "remove", "lumen", "Audit", input="y\n")
    assert removed.out.endswith(f"{LUMEN}: removed the story 'Audit'\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("round", "add", "lumen", "--format", "brunch"),
            "error: --format: 'brunch' is not a format; use one of",
            id="bad-format",
        ),
        pytest.param(
            ("round", "add", "lumen", "--date", "31/12/2026"),
            "error: --date: '31/12/2026' is not a date",
            id="bad-date",
        ),
        pytest.param(
            ("round", "add", "lumen", "--duration", "long"),
            "error: Invalid value for '--duration'",
            id="wrong-type",
        ),
        pytest.param(
            ("round", "set", "lumen", "7", "--name", "x"),
            "error: there is no round 7; the case has 1 (1 = Panel)",
            id="unknown-round",
        ),
        pytest.param(
            ("interviewer", "add", "lumen", "--name", "Hana Sato"),
            "error: --name: 'Hana Sato' is listed twice",
            id="duplicate-person",
        ),
        pytest.param(
            ("interviewer", "add", "lumen", "--name", "X", "--email", "<script>"),
            "error: --email: '<script>' is not an email address",
            id="bad-email",
        ),
        pytest.param(
            ("interviewer", "add", "lumen", "--name", ""),
            "error: --name: is empty",
            id="empty-name",
        ),
        pytest.param(
            ("interviewer", "set", "lumen", "Nobody", "--title", "x"),
            "error: no interviewer called 'Nobody'",
            id="unknown-person",
        ),
        pytest.param(
            ("interviewer", "remove", "lumen", "Hana Sato", "--yes"),
            "error: 'Hana Sato' has debrief notes in round 1",
            id="person-with-debrief",
        ),
        pytest.param(
            ("story", "add", "lumen", "--title", "supplier DELAYS"),
            "error: --title: two stories are titled 'supplier DELAYS'",
            id="duplicate-story",
        ),
        pytest.param(
            ("story", "set", "lumen", "x" * 5000, "--task", "y"),
            "error: no story titled 'xxxx",
            id="huge-title",
        ),
        pytest.param(
            ("story", "add", str(DATA / "minimal.yaml"), "--title", "New"),
            "is a file: edit it directly, or import it first",
            id="edit-a-file",
        ),
        pytest.param(
            ("story", "add", "nope", "--title", "New"),
            "error: no case 'nope'",
            id="unknown-case",
        ),
    ],
)
def test_bad_edits_change_nothing(cli: Cli, args: tuple[str, ...], message: str) -> None:
    before = cli("export", LUMEN).out
    result = cli(*args)
    assert result.code == 1
    assert message in result.err, result.err
    assert result.err.count("\n") == 1
    assert cli("export", LUMEN).out == before


def test_hostile_and_non_latin_text_is_accepted(cli: Cli) -> None:
    hostile = "<img src=x onerror=alert(1)> ' OR 1=1;-- 佐藤 🌸"
    assert cli("interviewer", "add", "lumen", "--name", hostile).code == 0
    names = [p["name"] for p in _case(cli)["rounds"][0]["interviewers"]]  # type: ignore[index]
    assert hostile in names


def _race(tmp_path: Path, meanwhile: list[str]) -> tuple[int, str, str]:
    """With real processes: `round remove CASE 3` waits at its question while another
    command runs; then the question is answered. The remover's exit code and error, and
    the case as shown afterwards."""
    import os
    import select
    import subprocess
    import sys
    import time

    env = {**os.environ, "FINALIST_HOME": str(tmp_path / "race-home")}
    finalist = [sys.executable, "-m", "finalist"]
    example = ROOT / "examples" / "castellan-cfo-search.yaml"
    imported = subprocess.run([*finalist, "import", str(example)], env=env, capture_output=True)
    case_id = imported.stdout.decode().split("\t")[0]
    remover = subprocess.Popen(
        [*finalist, "round", "remove", case_id, "3"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert remover.stdout is not None
    assert remover.stdin is not None
    seen = b""
    deadline = time.monotonic() + 60
    while b"?" not in seen and time.monotonic() < deadline:  # wait for the question
        ready, _w, _x = select.select([remover.stdout], [], [], 1)
        if ready:
            seen += os.read(remover.stdout.fileno(), 1024)
    assert b"Remove" in seen, seen
    other = subprocess.run(
        [*finalist, *[case_id if a == "CASE" else a for a in meanwhile]],
        env=env,
        capture_output=True,
        text=True,
    )
    assert other.returncode == 0, other.stderr
    _out, err = remover.communicate(b"y\n", timeout=60)
    shown = subprocess.run(
        [*finalist, "show", case_id], env=env, capture_output=True, text=True
    ).stdout
    return remover.returncode, err.decode(), shown


def test_a_removal_raced_by_another_edit_keeps_both(tmp_path: Path) -> None:
    """The issue's reproduction: a removal waits at its question while a story is added.
    The round is found again by what it is, not where it stood: it is removed, and the
    story added meanwhile is kept."""
    code, err, shown = _race(tmp_path, ["story", "add", "CASE", "--title", "Added meanwhile"])
    assert code == 0, err
    assert "Added meanwhile" in shown
    assert "plant visit" not in shown.lower()  # round 3 is gone


def test_a_removal_of_a_round_changed_meanwhile_is_refused(tmp_path: Path) -> None:
    """The round itself changed while the question waited: what was confirmed is no longer
    what is there, so nothing is removed, and the change made meanwhile is kept."""
    code, err, shown = _race(tmp_path, ["round", "set", "CASE", "3", "--location", "Room 12"])
    assert code == 1
    assert err.startswith("error: Chief Operating Officer and plant visit was changed"), err
    assert err.count("\n") == 1
    assert "Room 12" in shown
