"""The command line: exact output and exit codes, and bad input that changes nothing."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from finalist import __version__
from finalist.store import SCHEMA_REVISION

from .conftest import DATA, EXAMPLES, ROOT, Cli

MINIMAL = DATA / "minimal.yaml"
LUMEN = "lumen-textiles-operations-analyst"


def _snapshot(cli: Cli) -> str:
    """Everything stored, as the CLI exports it: used to prove bad input changed nothing."""
    listing = cli("list", "--json", "--today", "2026-11-25")
    assert listing.code == 0, listing.err
    ids = [row["id"] for row in json.loads(listing.out)]
    return listing.out + "".join(cli("export", i).out for i in ids)


@pytest.fixture
def imported(cli: Cli) -> str:
    result = cli("import", MINIMAL)
    assert result.code == 0, result.err
    return LUMEN


def test_version_and_help(cli: Cli) -> None:
    assert cli("--version").out == f"finalist {__version__}\n"
    helped = cli("--help")
    assert helped.code == 0
    for command in ("import", "export", "list", "show", "remove", "brief", "demo", "db"):
        assert command in helped.out
    bare = cli()
    assert bare.code == 0
    assert "Usage: finalist" in bare.out


def test_import_is_idempotent_and_updates(cli: Cli, tmp_path: Path) -> None:
    assert cli("import", MINIMAL).out == f"{LUMEN}\tcreated\n"
    assert cli("import", MINIMAL).out == f"{LUMEN}\tunchanged\n"
    changed = tmp_path / "changed.yaml"
    changed.write_text(MINIMAL.read_text().replace("Supplier delays", "Late suppliers"))
    assert cli("import", changed).out == f"{LUMEN}\tupdated (revision 2)\n"
    assert json.loads(cli("import", changed, "--json").out) == [
        {"id": LUMEN, "status": "unchanged", "revision": 2}
    ]


def test_import_from_standard_input(cli: Cli) -> None:
    result = cli("import", "-", input=MINIMAL.read_text())
    assert (result.code, result.out) == (0, f"{LUMEN}\tcreated\n")


def test_import_checks_every_file_before_storing_any(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text().replace("format: panel", "format: lunch"))
    before = _snapshot(cli)
    result = cli("import", MINIMAL, bad)
    assert result.code == 1
    assert result.err.startswith(f"error: {bad}:22 rounds[0].format: 'lunch' is not a format")
    assert result.err.count("\n") == 1
    assert _snapshot(cli) == before


def test_import_refuses_two_files_of_one_case(cli: Cli) -> None:
    result = cli("import", MINIMAL, MINIMAL)
    assert result.code == 1
    assert "two of these files are the same case (lumen-textiles-operations-analyst)" in result.err


def test_export_round_trips(cli: Cli, imported: str, tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    assert cli("export", imported, "-o", out).code == 0
    assert out.read_text().startswith(f"id: {LUMEN}\ncandidate:\n  name: Ines Duarte\n")
    assert cli("import", out).out == f"{LUMEN}\tunchanged\n"
    refused = cli("export", imported, "-o", out)
    assert (refused.code, refused.err) == (
        1,
        f"error: {out} already exists; add --force to overwrite it\n",
    )
    assert cli("export", imported, "-o", out, "--force").code == 0
    assert cli("export", imported).out == out.read_text()


def test_list(cli: Cli, imported: str) -> None:
    rows = json.loads(cli("list", "--json", "--today", "2026-12-01").out)
    assert [(r["id"], r["company"], r["stage"]) for r in rows] == [
        (LUMEN, "Lumen Textiles", "second-round")
    ]
    assert rows[0]["next_round"]["when"] == "2026-12-10T14:00:00"
    assert rows[0]["next_round"]["days_away"] == 9
    table = cli("list", "--today", "2026-12-01").out
    assert "Lumen Textiles" in table
    assert "Thu 10 Dec 2026, 14:00" in table
    assert "in 9 days" in table


def test_list_when_empty(cli: Cli) -> None:
    assert cli("list").out.startswith("No cases yet. Import one with: finalist import")


def test_show_a_stored_case_and_a_file(cli: Cli, imported: str) -> None:
    shown = cli("show", imported, "--today", "2026-12-01")
    assert shown.code == 0
    for text in ("Ines Duarte", "Hana Sato", "Head of Supply Chain", "Supplier delays"):
        assert text in shown.out
    as_file = cli("show", MINIMAL, "--json", "--today", "2026-12-01")
    data = json.loads(as_file.out)
    assert data["id"] == LUMEN
    assert data["glance"]["next_round"]["label"] == "Panel"


def test_a_file_is_used_without_importing_it(cli: Cli) -> None:
    assert cli("brief", MINIMAL, "--today", "2026-12-01").code == 0
    assert cli("list").out.startswith("No cases yet")


def test_brief_terminal_markdown_and_json(cli: Cli, imported: str, tmp_path: Path) -> None:
    shown = cli("brief", imported, "--today", "2026-12-09")
    assert shown.code == 0
    assert "Next: Panel" in shown.out
    assert "Thu 10 Dec 2026, 14:00 (tomorrow)" in shown.out
    md = tmp_path / "brief.md"
    assert cli("brief", imported, "--to", "md", "-o", md, "--today", "2026-12-09").code == 0
    text = md.read_text()
    assert text.startswith("# Brief: Operations Analyst at Lumen Textiles\n")
    assert "- **When:** Thu 10 Dec 2026, 14:00 (tomorrow)" in text
    data = json.loads(cli("brief", imported, "--json", "--today", "2026-12-09").out)
    assert data["glance"]["next_round"]["people"][0]["name"] == "Hana Sato"


def test_brief_output_file_needs_markdown(cli: Cli, imported: str, tmp_path: Path) -> None:
    result = cli("brief", imported, "-o", tmp_path / "x.md")
    assert result.code == 1
    assert result.err == "error: -o writes a file: add --to md (the terminal view is for reading)\n"


def test_remove_asks_first(cli: Cli, imported: str) -> None:
    kept = cli("remove", imported, input="n\n")
    assert kept.code == 0
    assert kept.out.endswith("nothing removed\n")
    no_answer = cli("remove", imported, input="")
    assert (no_answer.code, no_answer.err) == (1, "error: stopped; nothing was changed\n")
    assert cli("list", "--json").out != "[]\n"
    assert cli("remove", imported, "--yes").out == f"removed {LUMEN}\n"
    assert cli("list", "--json").out == "[]\n"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_each_example_through_every_command(cli: Cli, path: Path, tmp_path: Path) -> None:
    imported = cli("import", path)
    assert imported.code == 0, imported.err
    case_id = imported.out.split("\t")[0]
    out = tmp_path / "again.yaml"
    assert cli("export", case_id, "-o", out).code == 0
    assert cli("import", out).out == f"{case_id}\tunchanged\n"
    for args in (
        ("list",),
        ("show", case_id),
        ("brief", case_id),
        ("brief", case_id, "--to", "md"),
    ):
        result = cli(*args)
        assert (result.code, result.err) == (0, ""), args


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("show", "nope"), "error: no case 'nope'; finalist list shows them all", id="unknown-id"
        ),
        pytest.param(
            ("show", "lumen-textils-analyst"),
            f"error: no case 'lumen-textils-analyst'; did you mean {LUMEN}?",
            id="close-id",
        ),
        pytest.param(("show", ""), "error: no case given; pass a case id", id="empty-id"),
        pytest.param(("show", "x" * 10_000), "error: no case 'xxxx", id="huge-id"),
        pytest.param(("show", "'; DROP TABLE cases;--"), "error: no case", id="sql-id"),
        pytest.param(("show", "<b>\x1b[31m"), "error: no case", id="markup-id"),
        pytest.param(("show", "missing.yaml"), "error: missing.yaml: no such file", id="no-file"),
        pytest.param(("show", "--bogus"), "error: No such option: --bogus", id="unknown-option"),
        pytest.param(
            ("list", "--today", "soon"), "error: --today: 'soon' is not a date", id="bad-today"
        ),
        pytest.param(
            ("brief", LUMEN, "--to", "pdf"), "error: Invalid value for '--to'", id="unknown-choice"
        ),
        pytest.param(("import",), "error: Missing argument", id="import-nothing"),
        pytest.param(("export",), "error: Missing argument", id="export-nothing"),
        pytest.param(("remove", "nope", "--yes"), "error: no case 'nope'", id="remove-unknown"),
        pytest.param(("nonsense",), "error: No such command 'nonsense'", id="unknown-command"),
        pytest.param(
            ("playbook", LUMEN, "--round", "\u00b2"),
            "error: no round called '\u00b2'",
            id="superscript",
        ),
        pytest.param(
            ("questions", LUMEN, "--round", "\u0663"),
            "error: no round called '\u0663'",
            id="arabic-indic-digit",
        ),
    ],
)
def test_bad_arguments_get_one_line(
    cli: Cli, imported: str, args: tuple[str, ...], message: str
) -> None:
    before = _snapshot(cli)
    result = cli(*args)
    assert result.code == 1
    assert result.err.startswith(message), result.err
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err
    assert _snapshot(cli) == before


BAD_FILES = {
    "empty": b"",
    "not-yaml": b"candidate: [unclosed\n",
    "list-at-top": b"- one\n- two\n",
    "binary": bytes(range(256)),
    "latin-1": "candidate:\n  name: Inès\n".encode("latin-1"),
    "huge": b"candidate:\n  name: A\nopportunity:\n  company: B\n  role: C\n  job_description: "
    + b"x" * 10_000_000,
    # nine levels of aliases: a few hundred bytes that would expand past gigabytes
    "alias-bomb": b"a: &a [x, x, x, x, x, x, x, x, x]\n"
    + b"".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n".encode()
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ),
    "duplicate-key": b"candidate:\n  name: A\n  name: B\nopportunity:\n  company: C\n  role: D\n",
    "binary-tag": b"candidate:\n  name: !!binary aGVsbG8=\nopportunity:\n  company: C\n  role: D\n",
    "set-tag": b"candidate: !!set {a, b}\n",
}

REFUSED_BECAUSE = {
    "alias-bomb": "an alias (*a) repeats another part of the file",
    "duplicate-key": "the key 'name' is given twice (first on line 2)",
    "binary-tag": "the tag 'binary' is not a plain value",
    "set-tag": "the tag 'set' is not a plain value",
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_files_change_nothing(cli: Cli, imported: str, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(BAD_FILES[name])
    before = _snapshot(cli)
    result = cli("import", path)
    assert result.code == 1
    assert result.err.startswith(f"error: {path}")
    assert REFUSED_BECAUSE.get(name, "") in result.err
    assert result.err.count("\n") == 1
    assert _snapshot(cli) == before


def test_what_is_not_a_file_is_refused_before_it_is_read(
    cli: Cli, imported: str, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # opening it to read would wait for a writer forever
    before = _snapshot(cli)
    for path in (fifo, Path("/dev/zero")):
        result = cli("import", path)
        assert result.code == 1
        assert result.err == (
            f"error: {path} is not a regular file (a device, pipe or socket); save the text "
            "to a file first, or pipe it in with -\n"
        )
    assert _snapshot(cli) == before


def test_standard_input_is_read_with_a_limit_and_may_be_closed(imported: str) -> None:
    """Real processes: a closed standard input, and one larger than any case file."""
    import subprocess

    base = [sys.executable, "-m", "finalist", "import", "-"]
    closed = subprocess.run(base, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert closed.returncode == 1  # empty: nothing to import
    shut = subprocess.run(base, capture_output=True, text=True, preexec_fn=lambda: os.close(0))
    assert shut.returncode == 1
    assert shut.stderr == (
        "error: standard input is closed; pipe a case file in (finalist import - < case.yaml) "
        "or give its path\n"
    )
    huge = subprocess.run(base, input=b"a" * 2_000_001, capture_output=True)
    assert huge.returncode == 1
    assert huge.stderr.decode().startswith("error: standard input is larger than 1 MB")


def test_an_export_never_writes_an_alias(cli: Cli, imported: str) -> None:
    out = cli("export", imported).out
    assert "&id" not in out
    assert "*id" not in out


def test_hostile_text_is_shown_literally(cli: Cli, tmp_path: Path) -> None:
    hostile = "[bold red]Acme[/] <script>alert(1)</script> '; DROP TABLE cases;--"
    path = tmp_path / "hostile.yaml"
    path.write_text(
        MINIMAL.read_text().replace("Lumen Textiles", json.dumps(hostile)), encoding="utf-8"
    )
    imported = cli("import", path)
    case_id = imported.out.split("\t")[0]
    shown = cli("show", case_id)
    assert hostile in " ".join(shown.out.split())
    md = cli("brief", case_id, "--to", "md").out
    assert "<script>" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md


def test_commands_work_on_the_configured_database(cli: Cli, on_database: str) -> None:
    assert cli("import", MINIMAL).out == f"{LUMEN}\tcreated\n"
    assert json.loads(cli("list", "--json").out)[0]["id"] == LUMEN
    info = json.loads(cli("db", "info", "--json").out)
    assert info["cases"] == 1
    assert info["schema_revision"] == info["schema_needed"]


def test_db_backup_and_upgrade(cli: Cli, imported: str, tmp_path: Path) -> None:
    target = tmp_path / "backup.db"
    result = cli("db", "backup", target)
    assert result.code == 0
    assert target.is_file()
    assert cli("db", "backup", target).err == (
        f"error: {target} already exists; choose a new file name or remove it\n"
    )
    assert cli("db", "upgrade").out == f"the database is up to date (schema {SCHEMA_REVISION})\n"


def test_demo_runs_in_a_throw_away_store(cli: Cli) -> None:
    result = cli("demo")
    assert result.code == 0, result.err
    assert "Maya Okonkwo" in result.out
    assert "Next: Leadership panel" in result.out
    assert cli("list").out.startswith("No cases yet")


def test_a_bad_database_url_is_one_line(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINALIST_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    result = cli("list")
    assert result.code == 1
    assert result.err.startswith("error: cannot open the database postgresql+psycopg://nobody@")
    assert result.err.count("\n") == 1


def _poison(value: object, path: str = "") -> object:
    """Every text in a case replaced by hostile text (emails and dates stay valid)."""
    if isinstance(value, dict):
        return {k: _poison(v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, str) and not path.endswith(
        ("email", "date", "format", "stage", ".id", "time_zone")
    ):
        if path.endswith(".interviewer"):
            return value  # must keep naming a person of the round
        return f"<script>alert('{path}')</script> '; DROP TABLE cases;-- [red]x[/] {{{{7*7}}}}"
    return value


def test_hostile_text_in_every_field_is_stored_and_shown_as_text(cli: Cli, tmp_path: Path) -> None:
    import yaml

    doc = (ROOT / "docs" / "case-file.md").read_text(encoding="utf-8")
    data = yaml.safe_load(doc.split("```yaml\n", 1)[1].split("```", 1)[0])
    data = _poison(data)
    for person in data["rounds"][0]["interviewers"]:
        person["name"] = "Hana Sato"  # the debrief names her
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cli("import", path).code == 0
    stored = json.loads(cli("show", "lumen-analyst", "--json").out)["case"]
    assert stored["opportunity"]["company"] == data["opportunity"]["company"]
    assert stored["stories"][0]["action"] == data["stories"][0]["action"]
    shown = cli("show", "lumen-analyst")
    assert shown.code == 0
    assert "[red]x[/]" in shown.out
    md = cli("brief", "lumen-analyst", "--to", "md").out
    assert "<script" not in md
    assert "&lt;script&gt;" in md


def test_an_output_that_is_not_a_regular_file_is_refused(cli: Cli, imported: str) -> None:
    result = cli("export", imported, "-o", "/dev/full", "--force")
    assert result.code == 1
    assert result.err == (
        "error: /dev/full is not a regular file (a device, pipe or socket); give a file name\n"
    )
    assert Path("/dev/full").is_char_device()  # not replaced by a plain file


def test_an_output_symlink_is_written_through(cli: Cli, imported: str, tmp_path: Path) -> None:
    target = tmp_path / "target.yaml"
    target.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    assert cli("export", imported, "-o", link, "--force").code == 0
    assert link.is_symlink()
    assert target.read_text().startswith("id: ")


def test_a_folder_that_cannot_be_written_gets_one_line(cli: Cli, imported: str) -> None:
    # /sys is read-only even for root, so this holds however the tests are run
    if not Path("/sys").is_dir():
        pytest.skip("needs a read-only /sys (Linux); run on Linux, as CI does")
    result = cli("export", imported, "-o", "/sys/case.yaml")
    assert result.code == 1
    assert result.err.startswith("error: cannot write in /sys: ")
    assert result.err.count("\n") == 1
