"""The store, on SQLite always and on PostgreSQL when FINALIST_TEST_POSTGRES_URL is set."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from finalist.casefile import load_case_file
from finalist.errors import FinalistError
from finalist.model import Case
from finalist.settings import Settings
from finalist.store import SCHEMA_REVISION, SaveStatus, Store, open_store
from finalist.store import database as db

from .conftest import DATA, EXAMPLES

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
MINIMAL = load_case_file(DATA / "minimal.yaml")


@pytest.fixture
def store(database_url: str, tmp_path: Path) -> Store:
    settings = Settings(home=tmp_path / "home", database_url=database_url)
    opened = open_store(settings, now=NOW)
    yield opened  # type: ignore[misc]
    opened.close()


def test_schema_constant_matches_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "finalist.store:migrations")
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION


def test_new_database_gets_the_current_schema(store: Store) -> None:
    assert store.revision() == SCHEMA_REVISION
    assert store.case_ids() == []


def test_migrations_match_the_table_definitions(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from finalist.store.tables import metadata

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_save_is_idempotent_and_keeps_history(store: Store) -> None:
    first = store.save_case(MINIMAL, now=NOW)
    assert (first.status, first.revision) == (SaveStatus.created, 1)
    assert store.save_case(MINIMAL, now=NOW).status is SaveStatus.unchanged
    changed = MINIMAL.model_copy(update={"stories": []})
    later = NOW + timedelta(hours=1)
    second = store.save_case(changed, now=later)
    assert (second.status, second.revision) == (SaveStatus.updated, 2)
    assert store.revision_count(first.id) == 1
    stored = store.get_case(first.id)
    assert stored.case.stories == []
    assert stored.revision == 2
    assert stored.created_at.replace(tzinfo=UTC) == NOW or stored.created_at == NOW


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_survive_the_store(store: Store, path: Path) -> None:
    case = load_case_file(path)
    saved = store.save_case(case, now=NOW)
    assert store.get_case(saved.id).case == case.model_copy(update={"id": saved.id})


def test_cases_survive_reopening(database_url: str, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", database_url=database_url)
    with open_store(settings, now=NOW) as first:
        case_id = first.save_case(MINIMAL, now=NOW).id
    with open_store(settings, now=NOW) as second:
        assert second.get_case(case_id).case.candidate.name == "Ines Duarte"


def test_hostile_text_is_stored_as_data(store: Store) -> None:
    hostile = "Robert'); DROP TABLE cases;-- <script>x</script>"
    data = MINIMAL.model_dump()
    data["opportunity"]["company"] = hostile
    data["candidate"]["name"] = "李小龍 🌟"
    case = type(MINIMAL).model_validate(data)
    saved = store.save_case(case, now=NOW)
    back = store.get_case(saved.id).case
    assert back.opportunity.company == hostile
    assert back.candidate.name == "李小龍 🌟"
    assert store.case_ids() == [saved.id]


def test_unknown_id_suggests_close_ones(store: Store) -> None:
    store.save_case(MINIMAL, now=NOW)
    with pytest.raises(FinalistError, match="no case 'lumen-textile-analyst'; did you mean"):
        store.get_case("lumen-textile-analyst")
    assert store.get_case("lumen").id == "lumen-textiles-operations-analyst"


def test_ambiguous_prefix(store: Store) -> None:
    store.save_case(MINIMAL, now=NOW)
    store.save_case(MINIMAL.model_copy(update={"id": "lumen-second"}), now=NOW)
    with pytest.raises(FinalistError, match="'lumen' matches 2 cases"):
        store.get_case("lumen")


def test_unknown_id_in_an_empty_store(store: Store) -> None:
    with pytest.raises(FinalistError, match="no case is stored yet; import one"):
        store.get_case("anything")


def test_remove_deletes_case_and_history(store: Store) -> None:
    case_id = store.save_case(MINIMAL, now=NOW).id
    store.save_case(MINIMAL.model_copy(update={"stories": []}), now=NOW)
    assert store.remove_case(case_id) == case_id
    assert store.case_ids() == []
    assert store.revision_count(case_id) == 0


def test_backup_is_a_working_copy(store: Store, tmp_path: Path) -> None:
    case_id = store.save_case(MINIMAL, now=NOW).id
    target = store.backup(tmp_path / "copy.db")
    copy = Settings(home=tmp_path / "other", database_url=f"sqlite:///{target}")
    with open_store(copy, now=NOW) as restored:
        assert restored.revision() == SCHEMA_REVISION
        assert restored.get_case(case_id).case == store.get_case(case_id).case
    with pytest.raises(FinalistError, match="already exists"):
        store.backup(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".finalist-backup")] == []


def test_an_invalid_change_leaves_the_database_unchanged(store: Store) -> None:
    case_id = store.save_case(MINIMAL, now=NOW).id
    before = store.get_case(case_id)

    def fail(conn: sa.Connection) -> None:
        from finalist.store import cases

        cases.save_case(conn, MINIMAL.model_copy(update={"stories": []}), now=NOW)
        raise FinalistError("stop half-way")

    with pytest.raises(FinalistError, match="stop half-way"):
        db.run(store.engine, fail)
    assert store.get_case(case_id) == before


def test_upgrade_from_empty_and_when_current(database_url: str, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", database_url=database_url)
    with open_store(settings, now=NOW, migrate=False) as store:
        assert store.revision() is None
        result = store.upgrade(NOW)
        assert (result.before, result.after, result.changed) == (None, SCHEMA_REVISION, True)
        assert store.upgrade(NOW).changed is False


def _with_extra_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of the migrations plus one that rewrites data, as the next release's."""
    import shutil

    import finalist.store.migrations as pkg

    folder = tmp_path / "migrations"
    shutil.copytree(Path(pkg.__file__).parent, folder)
    (folder / "versions" / "0099_test.py").write_text(
        f'''"""test migration"""
import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{SCHEMA_REVISION}"
branch_labels = None
depends_on = None
rewrites_data = True


def upgrade() -> None:
    op.execute(sa.text("UPDATE cases SET stage = upper(stage)"))
''',
        encoding="utf-8",
    )
    monkeypatch.setattr(db, "_MIGRATIONS", str(folder))
    monkeypatch.setattr(db, "SCHEMA_REVISION", "0099")


def test_upgrade_from_the_previous_schema_backs_up_sqlite_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    settings = Settings(home=home, database_url=Settings.default_url(home))
    with open_store(settings, now=NOW) as store:
        case_id = store.save_case(MINIMAL, now=NOW).id
    _with_extra_migration(tmp_path, monkeypatch)
    with open_store(settings, now=NOW) as store:
        assert store.revision() == "0099"
        with store.engine.connect() as conn:
            stage = conn.execute(sa.text("SELECT stage FROM cases")).scalar_one()
        assert stage == "SECOND-ROUND"
    backups = list((home / "backups").iterdir())
    assert [b.name for b in backups] == ["finalist-20261125-090000-before-0099.db"]
    old = Settings(home=tmp_path / "old", database_url=f"sqlite:///{backups[0]}")
    with db.create_engine(old.database_url).connect() as conn:
        assert (
            conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            == SCHEMA_REVISION
        )
        assert conn.execute(sa.text("SELECT id FROM cases")).scalar() == case_id


def test_other_databases_wait_for_an_explicit_upgrade(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(home=tmp_path / "home", database_url=database_url)
    with open_store(settings, now=NOW) as store:
        store.save_case(MINIMAL, now=NOW)
    _with_extra_migration(tmp_path, monkeypatch)
    if not settings.is_sqlite:
        with pytest.raises(FinalistError, match="run: finalist db upgrade"):
            open_store(settings, now=NOW)
    with open_store(settings, now=NOW, migrate=False) as store:
        result = store.upgrade(NOW)
        assert (result.before, result.after) == (SCHEMA_REVISION, "0099")
        assert store.get_case("lumen").case.candidate.name == "Ines Duarte"


def test_newer_schema_elsewhere_asks_for_explicit_upgrade(
    database_url: str, tmp_path: Path
) -> None:
    settings = Settings(home=tmp_path / "home", database_url=database_url)
    with open_store(settings, now=NOW) as store, store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'ffff'"))
    with pytest.raises(FinalistError, match="newer than this finalist"):
        open_store(settings, now=NOW)


def test_unreachable_database_is_one_clear_line(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, database_url="sqlite:////nonexistent/folder/x.db")
    with pytest.raises(
        FinalistError, match="the database folder /nonexistent/folder does not exist"
    ):
        open_store(settings, now=NOW)


def test_unknown_driver_is_one_clear_line(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, database_url="nosuchdb://x/y")
    with pytest.raises(FinalistError, match="cannot use the database URL"):
        open_store(settings, now=NOW)


def test_settings_reject_a_malformed_url() -> None:
    with pytest.raises(FinalistError, match="is not a database URL"):
        Settings.from_env({"FINALIST_DATABASE_URL": "just-a-file.db", "FINALIST_HOME": "/tmp/x"})


def test_upgrade_from_every_older_schema(database_url: str, tmp_path: Path) -> None:
    """Each older revision, with a case in it, upgrades to the current schema intact."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from finalist.store import cases as repo

    config = db._alembic_config()
    older = [
        s.revision
        for s in ScriptDirectory.from_config(config).walk_revisions()
        if s.revision != SCHEMA_REVISION
    ]
    assert older, "there is at least one older schema to upgrade from"
    for revision in older:
        engine = db.create_engine(database_url)
        with engine.begin() as conn:
            for table in (
                "briefs",
                "sent_notes",
                "attempts",
                "case_revisions",
                "cases",
                "alembic_version",
            ):
                conn.execute(sa.text(f"DROP TABLE IF EXISTS {table}"))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        with engine.begin() as conn:
            repo.save_case(conn, MINIMAL, now=NOW)
        engine.dispose()
        settings = Settings(home=tmp_path / f"home-{revision}", database_url=database_url)
        with open_store(settings, now=NOW, migrate=False) as store:
            result = store.upgrade(NOW)
            assert (result.before, result.after) == (revision, SCHEMA_REVISION)
            assert store.get_case("lumen").case.candidate.name == "Ines Duarte"


def test_the_data_folder_and_database_are_the_users_alone(tmp_path: Path) -> None:
    import stat
    from datetime import UTC, datetime

    from finalist.settings import Settings
    from finalist.store import open_store

    home = tmp_path / "fresh"
    settings = Settings(home=home, database_url=Settings.default_url(home))
    open_store(settings, now=datetime(2026, 12, 3, tzinfo=UTC)).close()
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "finalist.db").stat().st_mode) == 0o600


def test_a_data_folder_others_can_open_gets_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from finalist.settings import Settings

    home = tmp_path / "shared"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    Settings(home=home, database_url=Settings.default_url(home)).data_dir()
    err = capsys.readouterr().err
    assert f"other users on this machine can open the data folder {home} (mode 755)" in err
    assert f"chmod 700 {home}" in err


def test_a_full_disk_mid_import_stores_nothing_and_says_so(tmp_path: Path) -> None:
    """The database fills up after a few of many cases (SQLite's max_page_count stands in
    for a full disk): the import is one transaction, so none is stored, as the message says."""
    url = f"sqlite:///{tmp_path / 'full.db'}"
    opened = open_store(Settings(home=tmp_path / "home", database_url=url), now=NOW)
    with opened.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()

    @sa.event.listens_for(opened.engine, "connect")
    def _small_disk(dbapi: object, _record: object) -> None:
        dbapi.execute(f"PRAGMA max_page_count = {int(pages) + 8}")  # type: ignore[attr-defined]

    opened.engine.dispose()
    data = load_case_file(EXAMPLES[0]).model_dump()
    many = []
    for i in range(60):
        data["id"] = f"case-{i:03d}"
        many.append((Case.model_validate(data), None))
    with pytest.raises(FinalistError, match="nothing was saved"):
        opened.save_cases(many, now=NOW)
    assert opened.case_ids() == []
    opened.close()


def test_a_change_from_an_old_revision_is_refused(store: Store) -> None:
    from finalist.store.cases import StaleCase

    first = store.save_case(MINIMAL, now=NOW)
    newer = MINIMAL.model_copy(update={"stories": []})
    assert store.save_case(newer, now=NOW, expected=first.revision).revision == 2
    stale = MINIMAL.model_copy(update={"rounds": []})
    with pytest.raises(StaleCase, match="you started from revision 1; it is now at revision 2"):
        store.save_case(stale, now=NOW, expected=first.revision)
    kept = store.get_case(first.id)
    assert kept.revision == 2
    assert kept.case.stories == []
    assert kept.case.rounds == MINIMAL.rounds
    assert store.revision_count(first.id) == 1  # the refused change left no history row
