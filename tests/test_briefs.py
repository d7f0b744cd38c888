"""A stored case's brief is built once and read back from the store while nothing it
depends on changes; on SQLite always, on PostgreSQL when FINALIST_TEST_POSTGRES_URL is set."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from finalist.briefs import Sent, brief_key, stored_brief
from finalist.casefile import load_case_file
from finalist.coach.brief import Brief
from finalist.knowledge import load
from finalist.settings import Settings
from finalist.store import SentNote, Store, open_store
from finalist.store.tables import briefs

from .conftest import ROOT, Cli

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DAY = date(2026, 11, 20)
SCHOOL = ROOT / "examples" / "school-head-of-maths.yaml"
CASE = load_case_file(SCHOOL)


@pytest.fixture
def store(database_url: str, tmp_path: Path) -> Store:
    opened = open_store(Settings(home=tmp_path / "home", database_url=database_url), now=NOW)
    yield opened  # type: ignore[misc]
    opened.close()


MARK = date(2001, 1, 1)


def _mark(store: Store, case_id: str) -> None:
    """Change the kept brief's day, so a test can tell a kept brief from a new one."""
    import json

    with store.engine.begin() as conn:
        text = conn.scalar(sa.select(briefs.c.brief).where(briefs.c.case_id == case_id))
        assert text is not None
        data = json.loads(text)
        data["today"] = MARK.isoformat()
        conn.execute(
            briefs.update().where(briefs.c.case_id == case_id).values(brief=json.dumps(data))
        )


def _brief(store: Store, case_id: str, day: date = DAY, sent: Sent | None = None) -> Brief:
    stored = store.get_case(case_id)
    return stored_brief(store, case_id, stored.case, day, load(), sent or {}, now=NOW)


def test_a_brief_is_kept_then_read_until_what_it_depends_on_changes(store: Store) -> None:
    case_id = store.save_case(CASE, now=NOW).id
    _brief(store, case_id)
    name = CASE.rounds[0].interviewers[0].name
    _mark(store, case_id)
    assert _brief(store, case_id).today == MARK  # read back
    assert _brief(store, case_id, date(2026, 11, 21)).today != MARK  # another day
    _brief(store, case_id)
    _mark(store, case_id)
    assert _brief(store, case_id, sent={1: {name: NOW}}).today != MARK  # a note sent
    _brief(store, case_id)
    _mark(store, case_id)
    changed = CASE.model_copy(update={"stories": CASE.stories[:1]})
    store.save_case(changed.model_copy(update={"id": case_id}), now=NOW)
    again = _brief(store, case_id)
    assert again.today != MARK
    assert again == stored_brief(store, case_id, changed, DAY, load(), {}, now=NOW)


def test_one_brief_per_case_and_none_after_the_case_is_removed(store: Store) -> None:
    case_id = store.save_case(CASE, now=NOW).id
    for day in (DAY, date(2026, 11, 21), date(2026, 11, 22)):
        _brief(store, case_id, day)
    with store.engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(briefs)) == 1
    store.remove_case(case_id)
    with store.engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(briefs)) == 0


def test_a_kept_brief_that_cannot_be_read_is_built_again(store: Store) -> None:
    case_id = store.save_case(CASE, now=NOW).id
    good = _brief(store, case_id)
    for bad in ("", "not json", '{"rounds": 3}', "{" * 10_000):
        with store.engine.begin() as conn:
            conn.execute(briefs.update().values(brief=bad))
        assert _brief(store, case_id) == good


def test_the_key_names_every_input() -> None:
    knowledge = load()
    base = brief_key(CASE, DAY, knowledge, {})
    assert base == brief_key(CASE, DAY, knowledge, {})
    assert base != brief_key(CASE, date(2026, 11, 21), knowledge, {})
    assert base != brief_key(CASE, DAY, knowledge, {1: {"Someone": NOW}})
    other = CASE.model_copy(update={"stories": CASE.stories[:1]})
    assert base != brief_key(other, DAY, knowledge, {})


def test_the_command_line_shows_the_same_brief_kept_or_built(cli: Cli) -> None:
    imported = cli("import", str(SCHOOL))
    assert imported.code == 0, imported.err
    case_id = imported.out.split("\t")[0]
    shown = [cli("brief", ref, "--to", "md", "--today", "2026-11-20") for ref in (case_id,) * 2]
    assert [r.code for r in shown] == [0, 0]
    assert shown[0].out == shown[1].out  # built, then read back
    from_file = cli("brief", str(SCHOOL), "--to", "md", "--today", "2026-11-20").out
    assert shown[0].out == from_file


def test_a_sent_note_record_is_part_of_the_key(store: Store) -> None:
    case_id = store.save_case(CASE, now=NOW).id
    _brief(store, case_id)
    name = CASE.rounds[0].interviewers[0].name
    _mark(store, case_id)
    store.record_sent(
        SentNote(
            case_id=case_id,
            round_number=1,
            person=name,
            address="a@example.org",
            subject="Thank you",
            message_id="<1@example.org>",
            sent_at=NOW,
        )
    )
    from finalist.store.sent import by_round

    sent = by_round(store.sent_notes(case_id))
    assert _brief(store, case_id, sent=sent).today != MARK
