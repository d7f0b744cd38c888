"""Shared fixtures: a fresh data folder for every test, the CLI runner, the databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from finalist.cli import run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = Path(__file__).resolve().parent / "data"
PG_HELP = (
    "PostgreSQL tests need a server: set FINALIST_TEST_POSTGRES_URL, e.g. "
    "postgresql+psycopg://postgres@127.0.0.1:5432/test (.ci/run sets it when one answers)"
)


@pytest.fixture(autouse=True)
def _fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real home folder or a database set in the environment."""
    home = tmp_path / "home"
    monkeypatch.setenv("FINALIST_HOME", str(home))
    monkeypatch.delenv("FINALIST_DATABASE_URL", raising=False)
    monkeypatch.delenv("FINALIST_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    return home


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class Cli:
    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch

    def __call__(self, *args: str, input: str | None = None) -> Result:
        self.capsys.readouterr()
        if input is not None:
            import io

            self.monkeypatch.setattr("sys.stdin", io.StringIO(input))
        code = run([str(a) for a in args])
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Runs `finalist ARGS...` in-process and returns exit code, stdout and stderr."""
    return Cli(capsys, monkeypatch)


def _postgres_url() -> str | None:
    return os.environ.get("FINALIST_TEST_POSTGRES_URL") or None


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, and a PostgreSQL schema when configured."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    base = _postgres_url()
    if base is None:
        pytest.skip(PG_HELP)
    import sqlalchemy as sa

    schema = f"finalist_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    joiner = "&" if "?" in base else "?"
    try:
        yield f"{base}{joiner}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def on_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Points the CLI at the parametrised database."""
    monkeypatch.setenv("FINALIST_DATABASE_URL", database_url)
    return database_url
