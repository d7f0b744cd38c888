"""Opening the database, keeping its schema current, and copying it safely.

Alembic is imported only when a migration is due, so everyday commands start fast: the
schema's revision is read straight from ``alembic_version`` and compared with
``SCHEMA_REVISION`` (a test keeps that constant equal to the newest migration).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from finalist.errors import FinalistError
from finalist.store import tables

log = logging.getLogger(__name__)

SCHEMA_REVISION = "0004"
_MIGRATIONS = "finalist.store:migrations"


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable URL)"


def create_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys, WAL and a busy timeout."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            folder = Path(parsed.database).expanduser().parent
            if not folder.is_dir():
                raise FinalistError(
                    f"the database folder {folder} does not exist; create it or change "
                    "FINALIST_DATABASE_URL"
                )
        engine = sa.create_engine(parsed)
    except (ArgumentError, NoSuchModuleError, ModuleNotFoundError) as exc:
        raise FinalistError(
            f"cannot use the database URL {safe_url(url)} ({exc}); for PostgreSQL install "
            "finalist[postgres] and use postgresql+psycopg://user@host/dbname"
        ) from None
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database, or None for an empty one."""
    with connect(engine) as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            if sa.inspect(conn).has_table("cases"):
                raise FinalistError(
                    f"the database {safe_url(str(engine.url))} has finalist tables but no "
                    "schema version; restore it from a backup (finalist db backup)"
                )
            return None
        row = conn.execute(sa.text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def connect(engine: Engine) -> sa.Connection:
    try:
        return engine.connect()
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise FinalistError(
            f"cannot open the database {safe_url(str(engine.url))} ({reason}); "
            "check FINALIST_DATABASE_URL or FINALIST_HOME"
        ) from None


@dataclass(frozen=True)
class Upgrade:
    """What ``upgrade`` did: the revisions before and after, and the backup it took."""

    before: str | None
    after: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def ensure_schema(engine: Engine, backups: Path | None, now: datetime) -> Upgrade | None:
    """Bring an older or empty database to the current schema; None when already current.

    A SQLite database with data is backed up first. Any other database must be upgraded
    on purpose, with ``finalist db upgrade``, since several servers may share it.
    """
    revision = current_revision(engine)
    if revision == SCHEMA_REVISION:
        return None
    if revision is not None:
        _check_known(revision)
        if engine.dialect.name != "sqlite":
            raise FinalistError(
                f"the database schema is at revision {revision}, this finalist needs "
                f"{SCHEMA_REVISION}; run: finalist db upgrade"
            )
    return upgrade(engine, backups, now)


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", _MIGRATIONS)
    return config


def _check_known(revision: str) -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_alembic_config())
    if revision not in {s.revision for s in scripts.walk_revisions()}:
        raise FinalistError(
            f"the database schema ({revision}) is newer than this finalist knows; "
            "upgrade finalist (pip install -U finalist) before using this database"
        )


def upgrade(engine: Engine, backups: Path | None, now: datetime) -> Upgrade:
    """Run every pending migration, after a backup when SQLite data would be touched."""
    from alembic import command
    from alembic.script import ScriptDirectory

    config = _alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    before = current_revision(engine)
    if before is not None:
        _check_known(before)
    if before == head:
        return Upgrade(before, before, None)
    backup_path = None
    if before is not None and backups is not None and engine.dialect.name == "sqlite":
        backup_path = backups / f"finalist-{now:%Y%m%d-%H%M%S}-before-{head}.db"
        backup(engine, backup_path)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return Upgrade(before, head, backup_path)


def backup(engine: Engine, target: Path) -> Path:
    """A consistent copy of the database as a SQLite file, even while others write to it.

    SQLite copies itself with VACUUM INTO; any other database is read in one snapshot
    transaction and written into a new SQLite file with the same schema. The copy is
    made under a temporary name and renamed at the end, so no half-written file remains.
    """
    target = target.expanduser()
    if target.exists():
        raise FinalistError(f"{target} already exists; choose a new file name or remove it")
    if not target.parent.is_dir():
        try:
            target.parent.mkdir(parents=True)
        except OSError as exc:
            raise FinalistError(f"cannot create {target.parent}: {exc.strerror}") from None
    fd, tmp_name = tempfile.mkstemp(prefix=".finalist-backup-", suffix=".db", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        if engine.dialect.name == "sqlite":
            with connect(engine) as conn:
                conn.exec_driver_sql("VACUUM INTO ?", (str(tmp),))
        else:
            _copy_to_sqlite(engine, tmp)
        tmp.replace(target)
    except SQLAlchemyError as exc:
        raise FinalistError(
            f"the backup failed ({exc.__class__.__name__}); nothing was written"
        ) from None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _copy_to_sqlite(source: Engine, target: Path) -> None:
    copy = create_engine(f"sqlite:///{target}")
    try:
        revision = current_revision(source)
        with copy.begin() as dst:
            tables.metadata.create_all(dst)
            version = sa.table("alembic_version", sa.column("version_num"))
            dst.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            dst.execute(version.insert().values(version_num=revision))
            with connect(source) as src:
                src = src.execution_options(isolation_level="REPEATABLE READ")
                with src.begin():
                    for table in tables.metadata.sorted_tables:
                        rows = [dict(r._mapping) for r in src.execute(table.select())]
                        if rows:
                            dst.execute(table.insert(), rows)
    finally:
        copy.dispose()


def run(engine: Engine, work: Callable[[sa.Connection], Any]) -> Any:
    """Run ``work`` in one transaction; a database error becomes a FinalistError."""
    try:
        with engine.begin() as conn:
            return work(conn)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        log.debug("database error", exc_info=True)
        raise FinalistError(
            f"the database refused the change ({reason}); nothing was saved"
        ) from None
