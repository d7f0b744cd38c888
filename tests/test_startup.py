"""Start-up stays light: help and version load no database or web framework."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from finalist.cli import run
code = run({args!r})
heavy = sorted(m for m in ("sqlalchemy", "fastapi", "alembic", "uvicorn") if m in sys.modules)
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["db", "--help"], ["import", "-h"]])
def test_help_and_version_import_no_database_or_web_framework(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, check=True
    )
    heavy = done.stderr.strip().splitlines()[-1]
    assert heavy == "HEAVY:", f"finalist {' '.join(args)} imported {heavy[6:]}"


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "finalist", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("finalist ")
