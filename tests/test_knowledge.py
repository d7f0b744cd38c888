"""The curated knowledge: complete, consistent, and strict about bad entries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from finalist import knowledge
from finalist.errors import FinalistError
from finalist.knowledge.coverage import gaps
from finalist.knowledge.schema import Archetype, Theme

from .conftest import Cli

KB = knowledge.load(None)


def test_the_shipped_knowledge_is_complete() -> None:
    assert sum(len(t.patterns) for t in KB.titles) >= 150
    assert len(KB.departments) >= 15
    assert len(KB.questions) >= 300
    assert set(KB.archetypes) == set(Archetype)
    assert gaps(KB) == []


def test_every_theme_is_served() -> None:
    served = {t for q in KB.questions for t in q.themes}
    assert served == set(Theme)


def test_ids_are_unique_across_files() -> None:
    ids = [q.id for q in KB.questions]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("question", KB.questions, ids=lambda q: q.id)
def test_questions_fill_cleanly(question: knowledge.Question) -> None:  # type: ignore[name-defined]
    filled = (
        question.text.replace("{company}", "Acme")
        .replace("{role}", "Analyst")
        .replace("{department}", "Finance")
    )
    assert not re.search(r"[{}]", filled)
    assert question.why.strip()
    assert question.strong_answer.strip()
    assert question.probes


GOOD = """questions:
  - id: t-001
    text: "How would you make {company}'s reporting simpler?"
    themes: [strategic-vision]
    askers: {executive: 0.8}
    why: They want to see judgement.
    strong_answer: A plan with a first step.
    probes: ["What would you cut?"]
"""


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(("[strategic-vision]", "[vision]"), "'t-001': themes.0", id="unknown-theme"),
        pytest.param(("executive: 0.8", "ceo: 0.8"), "'t-001': askers.ceo", id="unknown-archetype"),
        pytest.param(
            ("executive: 0.8", "executive: 0.3"), "likely (0.5 or more)", id="nobody-asks"
        ),
        pytest.param(("executive: 0.8", "executive: 2"), "'t-001': askers.executive", id="weight"),
        pytest.param(("    why: They want to see judgement.\n", ""), "'t-001': why", id="no-why"),
        pytest.param(("    probes:", "    colour: red\n    probes:"), "colour", id="extra-field"),
        pytest.param(("{company}'s", "{team}'s"), "unknown slot {team}", id="unknown-slot"),
        pytest.param(("id: t-001", "id: T 1"), "'T 1': id", id="bad-id"),
        pytest.param(('["What would you cut?"]', "[]"), "'t-001': probes", id="no-probe"),
        pytest.param(("themes: [strategic-vision]", "themes: strategic"), "themes", id="not-list"),
        pytest.param(("questions:", "questionz:"), "one list under one of", id="unknown-kind"),
        pytest.param(
            (": [strategic-vision]", ": [strategic-vision"), "is not valid YAML", id="yaml"
        ),
    ],
)
def test_a_bad_entry_is_named_with_its_file_and_id(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(FinalistError) as caught:
        knowledge.parse([knowledge.Source("mine/extra.yaml", GOOD.replace(old, new, 1))])
    assert caught.value.message.startswith("mine/extra.yaml")
    assert expected in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("questions:\n  - [id, t-001]\n", "questions[0] must be a mapping"),
        ("questions: many\n", "questions: must be a list of entries"),
        ("", "a knowledge file holds one list"),
    ],
)
def test_a_bad_file_shape(text: str, expected: str) -> None:
    with pytest.raises(FinalistError, match=re.escape(expected)):
        knowledge.parse([knowledge.Source("mine/extra.yaml", text)])


def test_duplicate_ids_in_one_file() -> None:
    twice = GOOD + GOOD.split("questions:\n", 1)[1]
    with pytest.raises(FinalistError, match="'t-001' appears twice"):
        knowledge.parse([knowledge.Source("mine/extra.yaml", twice)])


def test_references_are_checked() -> None:
    text = GOOD.replace("    why:", "    departments: [astrology]\n    why:")
    sources = [*knowledge.shipped_sources(), knowledge.Source("mine/extra.yaml", text)]
    with pytest.raises(
        FinalistError, match=r"mine/extra.yaml: questions entry 't-001': department"
    ):
        knowledge.parse(sources)


def test_a_title_pattern_may_belong_to_one_rule_only() -> None:
    rule = KB.titles[0]
    text = (
        f"titles:\n  - id: copy\n    patterns: [{rule.patterns[0]}]\n"
        "    archetype: peer\n    level: ic\n"
    )
    sources = [*knowledge.shipped_sources(), knowledge.Source("mine/titles.yaml", text)]
    with pytest.raises(FinalistError, match=f"pattern '{rule.patterns[0]}' is also in"):
        knowledge.parse(sources)


def test_users_can_add_their_own_questions(tmp_path: Path) -> None:
    (tmp_path / "extra.yaml").write_text(GOOD, encoding="utf-8")
    loaded = knowledge.parse([*knowledge.shipped_sources(), *knowledge.folder_sources(tmp_path)])
    assert loaded.questions[-1].id == "t-001"
    assert len(loaded.questions) == len(KB.questions) + 1


def test_knowledge_check_command(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = cli("knowledge", "check")
    assert result.code == 0
    assert "gaps: 0\n" in result.out
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("[strategic-vision]", "[vision]"), encoding="utf-8")
    failed = cli("knowledge", "check", bad)
    assert failed.code == 1
    assert failed.err.startswith(f"error: {bad}: questions entry 't-001': themes.0")
    monkeypatch.setenv("FINALIST_KNOWLEDGE", str(tmp_path))
    knowledge.load.cache_clear()
    try:
        assert cli("knowledge", "check").code == 1
    finally:
        knowledge.load.cache_clear()


def test_one_file_checked_alone_is_checked_for_other_sectors_words(
    cli: Cli, tmp_path: Path
) -> None:
    """`finalist knowledge check FILE` reads the shipped sectors, so a file of one's own
    that uses "roadmap" without naming its sectors is refused on its own too; and every
    shipped file passes alone."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        GOOD.replace("text: ", "text: What did you take off the roadmap? ", 1), encoding="utf-8"
    )
    refused = cli("knowledge", "check", mine)
    assert refused.code == 1, refused.out
    assert "it uses 'roadmap', a word of technology" in refused.err
    assert refused.err.count("\n") == 1
    root = Path(knowledge.__file__).parent / "data"
    for path in sorted(root.rglob("*.yaml")):
        alone = cli("knowledge", "check", path)
        assert alone.code == 0, (path.name, alone.err)


def test_the_knowledge_cache_is_reused_and_never_trusted_when_others_could_write_it(
    tmp_path: Path,
) -> None:
    cache_dir = tmp_path / "home" / "cache"
    knowledge.load.cache_clear()
    try:
        first = knowledge.load(None, str(cache_dir))
        (kept,) = cache_dir.glob("knowledge-*.pickle")
        assert oct(cache_dir.stat().st_mode & 0o777) == "0o700"
        knowledge.load.cache_clear()
        again = knowledge.load(None, str(cache_dir))
        assert again is not first  # a new object, read back from the file
        assert [q.id for q in again.questions] == [q.id for q in first.questions]
        assert again.phrasing.keys() == first.phrasing.keys()

        # a cache that someone else could have written is not read: it is rebuilt
        kept.write_bytes(b"not a pickle")
        kept.chmod(0o664)
        assert knowledge._read_cache(kept) is None
        kept.chmod(0o600)
        assert knowledge._read_cache(kept) is None  # and garbage is not read either
        knowledge.load.cache_clear()
        rebuilt = knowledge.load(None, str(cache_dir))
        assert [q.id for q in rebuilt.questions] == [q.id for q in first.questions]
        assert knowledge._read_cache(kept) is not None

        cache_dir.chmod(0o770)  # a folder others can write to: not trusted
        assert knowledge._read_cache(kept) is None
        cache_dir.chmod(0o700)
        link = cache_dir / "linked.pickle"
        link.symlink_to(kept)
        assert knowledge._read_cache(link) is None
    finally:
        knowledge.load.cache_clear()
