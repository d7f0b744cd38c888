"""The local store: SQLite by default, any SQLAlchemy URL through FINALIST_DATABASE_URL.

``Store`` is the one door to the database; each method is one transaction and calls the
repository functions in ``finalist.store.cases``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy.engine import Engine

from finalist.model import Case
from finalist.settings import Settings
from finalist.store import attempts as attempts_repo
from finalist.store import briefs as briefs_repo
from finalist.store import cases as repo
from finalist.store import database
from finalist.store import sent as sent_repo
from finalist.store.attempts import Attempt
from finalist.store.cases import SaveResult, SaveStatus, StoredCase
from finalist.store.database import SCHEMA_REVISION, Upgrade
from finalist.store.sent import SentNote

__all__ = [
    "SCHEMA_REVISION",
    "Attempt",
    "SaveResult",
    "SaveStatus",
    "SentNote",
    "Store",
    "StoredCase",
    "Upgrade",
    "open_store",
]

T = TypeVar("T")


class Store:
    def __init__(self, engine: Engine, backups: Path | None = None) -> None:
        self.engine = engine
        self.backups = backups

    def _run(self, work: Callable[..., T]) -> T:
        result: T = database.run(self.engine, work)
        return result

    def save_case(
        self,
        case: Case,
        *,
        now: datetime,
        source: str | None = None,
        expected: int | None = None,
    ) -> SaveResult:
        """Store a case; with ``expected``, only if it is still at that revision."""
        return self._run(
            lambda conn: repo.save_case(conn, case, now=now, source=source, expected=expected)
        )

    def save_cases(
        self, items: Sequence[tuple[Case, str | None]], *, now: datetime
    ) -> list[SaveResult]:
        """Store several cases in one transaction: all of them, or (on any error) none."""
        return self._run(
            lambda conn: [repo.save_case(conn, c, now=now, source=src) for c, src in items]
        )

    def get_case(self, ref: str) -> StoredCase:
        return self._run(lambda conn: repo.get_case(conn, ref))

    def case_revision(self, ref: str) -> tuple[str, int]:
        """(id, revision) of a stored case: enough to tell whether it changed."""
        return self._run(lambda conn: repo.case_revision(conn, ref))

    def all_cases(self) -> list[StoredCase]:
        return self._run(repo.all_cases)

    def case_ids(self) -> list[str]:
        return self._run(repo.case_ids)

    def remove_case(self, ref: str) -> str:
        return self._run(lambda conn: repo.remove_case(conn, ref))

    def resolve_id(self, ref: str) -> str:
        return self._run(lambda conn: repo.resolve_id(conn, ref))

    def save_attempt(self, attempt: Attempt) -> int:
        return self._run(lambda conn: attempts_repo.save_attempt(conn, attempt))

    def attempts(self, case_id: str) -> list[Attempt]:
        return self._run(lambda conn: attempts_repo.case_attempts(conn, case_id))

    def record_sent(self, note: SentNote) -> int:
        return self._run(lambda conn: sent_repo.record_sent(conn, note))

    def sent_notes(self, case_id: str) -> list[SentNote]:
        return self._run(lambda conn: sent_repo.case_sent(conn, case_id))

    def kept_brief(self, case_id: str, key: str) -> str | None:
        """The case's brief as last built under ``key`` (JSON), or None."""
        return self._run(lambda conn: briefs_repo.kept_brief(conn, case_id, key))

    def keep_brief(self, case_id: str, key: str, text: str, *, now: datetime) -> None:
        self._run(lambda conn: briefs_repo.keep_brief(conn, case_id, key, text, now))

    def revision_count(self, case_id: str) -> int:
        return self._run(lambda conn: repo.revision_count(conn, case_id))

    def backup(self, target: Path) -> Path:
        return database.backup(self.engine, target)

    def upgrade(self, now: datetime) -> Upgrade:
        return database.upgrade(self.engine, self.backups, now)

    def revision(self) -> str | None:
        return database.current_revision(self.engine)

    def url(self) -> str:
        return database.safe_url(str(self.engine.url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_store(settings: Settings, *, now: datetime, migrate: bool = True) -> Store:
    """Open the configured database, creating or upgrading its schema when needed."""
    backups = None
    own_file: Path | None = None
    if settings.is_sqlite and settings.database_url == Settings.default_url(settings.home):
        settings.data_dir()
        own_file = settings.home / "finalist.db"
    created = own_file is not None and not own_file.exists()
    if settings.is_sqlite:
        backups = settings.home / "backups"
    engine = database.create_engine(settings.database_url)
    store = Store(engine, backups)
    try:
        if migrate:
            database.ensure_schema(engine, backups, now)
        if created and own_file is not None and own_file.exists():
            own_file.chmod(0o600)  # the candidate's data, for them alone
    except BaseException:
        store.close()
        raise
    return store
