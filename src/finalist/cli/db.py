"""finalist db: where the data lives, backups, and schema upgrades."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from finalist.cli.common import JsonOpt, emit_json, now

db_app = typer.Typer(help="The local database: info, backup, upgrade.", no_args_is_help=True)


def _open(migrate: bool = True):  # type: ignore[no-untyped-def]
    from finalist.settings import Settings
    from finalist.store import open_store

    return open_store(Settings.from_env(), now=now(), migrate=migrate)


@db_app.command("info")
def info(as_json: JsonOpt = False) -> None:
    """Show where the data lives, the schema revision and how many cases are stored."""
    from finalist.settings import Settings
    from finalist.store import SCHEMA_REVISION

    settings = Settings.from_env()
    with _open(migrate=False) as store:
        revision = store.revision()
        count = len(store.case_ids()) if revision == SCHEMA_REVISION else None
        data = {
            "data_folder": str(settings.home),
            "database": store.url(),
            "schema_revision": revision,
            "schema_needed": SCHEMA_REVISION,
            "cases": count,
        }
    if as_json:
        emit_json(data)
        return
    for key, value in data.items():
        print(f"{key.replace('_', ' ')}: {'none' if value is None else value}")


@db_app.command("backup")
def backup(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Where to write the copy (.db).")],
) -> None:
    """Write a consistent copy of the database to FILE, safe while finalist runs.

    The copy is a SQLite file. To use it: FINALIST_DATABASE_URL=sqlite:///FILE.
    """
    with _open() as store:
        target = store.backup(file)
    print(f"backed up {store.url()} to {target}")


@db_app.command("upgrade")
def upgrade() -> None:
    """Bring the database schema up to date (a SQLite database is backed up first)."""
    with _open(migrate=False) as store:
        result = store.upgrade(now())
    if not result.changed:
        print(f"the database is up to date (schema {result.after})")
        return
    print(f"upgraded the schema from {result.before or 'empty'} to {result.after}")
    if result.backup:
        print(f"the earlier database is saved in {result.backup}")
