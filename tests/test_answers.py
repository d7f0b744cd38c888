"""Feedback on answers: the STAR labels, the findings, the probes and the commands."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from finalist.coach.answers import Finding, analyze_answer, question_kind
from finalist.coach.interviewers import read_title
from finalist.coach.probes import choose_probe
from finalist.knowledge import load
from finalist.knowledge.schema import Archetype, Level

from .conftest import DATA, ROOT, Cli

KB = load(None)
TABLE: list[dict[str, Any]] = yaml.safe_load(
    (DATA / "answer_findings.yaml").read_text(encoding="utf-8")
)["answers"]


def _analyze(row: dict[str, Any]) -> Any:
    archetype = level = None
    if row.get("title"):
        reading = read_title(row["title"], KB)
        archetype, level = Archetype(reading.archetype.value), Level(reading.level.value)
    return analyze_answer(
        row["answer"],
        KB,
        question=row.get("question"),
        archetype=archetype,
        level=level,
        transcript=bool(row.get("transcript")),
    )


def test_the_table_is_big_enough() -> None:
    assert len(TABLE) >= 40


@pytest.mark.parametrize("row", TABLE, ids=[r["id"] for r in TABLE])
def test_findings(row: dict[str, Any]) -> None:
    result = _analyze(row)
    found = {f.id for f in result.findings}
    assert set(row.get("must") or []) <= found, f"missing: {set(row['must']) - found}"
    assert not (set(row.get("must_not") or []) & found), f"false alarm: {found}"
    for f in result.findings:
        assert f.why
        assert f.fix
    assert result.top_changes == [f.fix for f in result.findings[:3]]


@pytest.mark.parametrize("row", TABLE, ids=[r["id"] for r in TABLE])
def test_the_stronger_version_invents_nothing(row: dict[str, Any]) -> None:
    result = _analyze(row)
    without_marks = re.sub(r"\[[^\]]*\]", "", result.stronger)
    for number in re.findall(r"\d+", without_marks):
        assert number in row["answer"], number
    for sentence in result.sentences:
        if sentence.label in "AR":  # every action and result survives the rewrite
            assert sentence.text in result.stronger


def test_open_questions_are_not_forced_into_star() -> None:
    assert question_kind("Tell me about yourself.").value == "open"
    assert question_kind("Why do you want to work here?").value == "open"
    assert question_kind("Tell me about a time you failed.").value == "story"
    assert question_kind("How would you run the first month?").value == "hypothetical"


def _finding(fid: str) -> Finding:
    return Finding(id=fid, message=fid, evidence=[], why="w", fix="f", weight=5)


@pytest.mark.parametrize(
    ("findings", "archetype", "expected"),
    [
        (["no-result"], None, "What changed as a result, and how did you know?"),
        (["we-not-i"], None, "What was your own part in that?"),
        (["past-only"], None, "How would you approach that here, with what you know about us?"),
        (
            [],
            Archetype.executive,
            "What did it mean for the business, in money, risk or customers?",
        ),
        (["no-result", "we-not-i"], None, "What changed as a result, and how did you know?"),
    ],
)
def test_probe_chooser(findings: list[str], archetype: Archetype | None, expected: str) -> None:
    result = analyze_answer(
        "Last year I led the rota change and it worked well. Here I would start the same way.",
        KB,
        question="Tell me about a time.",
    )
    result = result.model_copy(update={"findings": [_finding(f) for f in findings]})
    assert choose_probe(result, archetype, [], []).text == expected


def test_never_the_same_probe_twice_in_a_row() -> None:
    result = analyze_answer(
        "We planned it and we shipped it as a team.",
        KB,
        question="Tell me about a time you shipped something hard.",
    )
    first = choose_probe(result, None, ["What was hard?"], [])
    second = choose_probe(result, None, ["What was hard?"], [first.text])
    assert first.text != second.text


def test_the_model_is_reproducible_from_our_data() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    from train_star import TARGET, trained_weights

    assert trained_weights() == TARGET.read_text(encoding="utf-8"), "run: make model"


def test_training_data_is_ours_and_large_enough() -> None:
    rows = [
        json.loads(line)
        for line in (ROOT / "src/finalist/coach/data/star_answers.jsonl").read_text().splitlines()
        if line.strip()
    ]
    assert len(rows) >= 60
    assert all(row["source"] == "written by the finalist developers" for row in rows)


def test_eval_star(cli: Cli) -> None:
    result = cli("eval", "star", DATA / "star_small.jsonl", "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["answers"] == 3
    assert report["sentences"] == 9
    assert [x["label"] for x in report["labels"]] == ["S", "T", "A", "R", "O"]
    assert 0 <= report["macro_f1"] <= 1
    assert "macro-F1" in cli("eval", "star", DATA / "star_small.jsonl").out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"answer_id": "x", "sentences": []}\n', "sentences"),
        ('{"answer_id": "x", "sentences": [{"text": "Hi.", "label": "Q"}]}\n', "label"),
        ("nonsense\n", ":1 is not JSON"),
    ],
)
def test_eval_star_bad_files(cli: Cli, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "star.jsonl"
    path.write_text(content, encoding="utf-8")
    result = cli("eval", "star", path)
    assert result.code == 1
    assert message in result.err


def test_analyze_command(cli: Cli, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(
        "We redesigned the rota as a team and we rolled it out together. "
        "We also trained the new starters.",
        encoding="utf-8",
    )
    result = cli(
        "analyze", answer, "--question", "Tell me about a time you improved a rota.", "--json"
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert {f["id"] for f in data["findings"]} >= {"no-result", "we-not-i"}
    shown = cli(
        "analyze", "-", "-q", "Tell me about a time you improved a rota.", input=answer.read_text()
    )
    assert "What a listener would notice" in shown.out
    assert "[your measured result" in shown.out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("   \n\t", "is empty"),
        ("?!... --- !!!", "has no words"),
        ("word " * 50_000, "has 50,000 words; an answer is at most 5,000"),
    ],
)
def test_analyze_bad_input(cli: Cli, text: str, message: str) -> None:
    result = cli("analyze", "-", input=text)
    assert result.code == 1
    assert message in result.err
    assert result.err.count("\n") == 1


@pytest.mark.parametrize(
    "text",
    [
        "Hace dos años dirigí un equipo de ventas y aumentamos los ingresos un 20 por ciento.",
        "<script>alert(1)</script> I led the migration; it finished 2 weeks early.",
        "我领导了一个项目。结果很好。",
        "'; DROP TABLE attempts;-- we did it 🎉",
    ],
)
def test_analyze_odd_text(cli: Cli, text: str) -> None:
    result = cli("analyze", "-", input=text)
    assert result.code == 0, result.err
