"""Start-up stays light: help and version load no database or web framework."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from finalist.cli import run
code = run({args!r})
heavy = sorted(
    m
    for m in ("sqlalchemy", "fastapi", "alembic", "uvicorn")
    + ("finalist.coach.brief", "rich.markdown")
    if m in sys.modules
)
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["db", "--help"], ["import", "-h"]])
def test_help_and_version_import_no_database_or_web_framework(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=True
    )
    heavy = done.stderr.strip().splitlines()[-1]
    assert heavy == "HEAVY:", f"finalist {' '.join(args)} imported {heavy[6:]}"


def test_listing_cases_loads_the_store_but_not_the_brief(tmp_path: Path) -> None:
    env = {**os.environ, "FINALIST_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=["list"])], capture_output=True, text=True, env=env
    )
    heavy = done.stderr.strip().splitlines()[-1][6:].split(",")
    assert "sqlalchemy" in heavy  # it opened the store (a new one, so alembic made it)
    assert "finalist.coach.brief" not in heavy, heavy
    assert "fastapi" not in heavy, heavy


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "finalist", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("finalist ")


def test_the_process_ends_with_everything_written_and_its_exit_code(tmp_path: Path) -> None:
    """``main`` skips the interpreter's tear-down: what was printed still arrives whole,
    and a mistake still ends with exit code 1."""
    env = {**os.environ, "FINALIST_HOME": str(tmp_path)}
    example = Path(__file__).parent.parent / "examples" / "harbourline-product-lead.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "finalist", "brief", str(example), "--to", "md"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Brief:")
    assert done.stdout.endswith("\n")
    assert len(done.stdout) > 10_000  # much more than one pipe buffer
    bad = subprocess.run(
        [sys.executable, "-m", "finalist", "brief", "no-such-case"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: ")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_output_is_one_line_and_exit_1(tmp_path: Path) -> None:
    env = {**os.environ, "FINALIST_HOME": str(tmp_path)}
    example = Path(__file__).parent.parent / "examples" / "harbourline-product-lead.yaml"
    for args in (["brief", str(example), "--to", "md"], ["list"], ["--help"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [sys.executable, "-m", "finalist", *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
        assert done.returncode == 1, (args, done.stderr)
        assert done.stderr.count("\n") == 1, (args, done.stderr)
        assert "No space left on device" in done.stderr, (args, done.stderr)
