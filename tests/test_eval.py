"""finalist eval questions: the report, and bad evaluation files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finalist.coach.evaluation import CLOSE, EvalQuestion, evaluate_questions
from finalist.knowledge import load

from .conftest import DATA, Cli

ROWS = DATA / "eval_questions.jsonl"


def test_report_counts_per_role_and_overall() -> None:
    rows = [EvalQuestion.model_validate(json.loads(line)) for line in ROWS.read_text().splitlines()]
    report = evaluate_questions(rows, load(None), top=20)
    assert [r.role for r in report.roles] == sorted({r.role for r in rows})
    assert report.total.questions == 6
    assert report.threshold == CLOSE
    for match in report.matches:
        assert match.close == (match.similarity >= CLOSE)
        assert match.best, "every real question is compared with its closest prediction"
    assert report.total.close == sum(m.close for m in report.matches)
    theme_rows = [m for m in report.matches if m.role == "department head/director"]
    assert theme_rows[0].theme_covered is False, "an unknown theme is never counted as covered"
    first = next(m for m in report.matches if m.role == "hiring manager/supervisor")
    assert first.theme_covered, "a hiring manager's top 20 include first-six-months questions"


def test_the_command(cli: Cli) -> None:
    result = cli("eval", "questions", ROWS, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["overall"]["questions"] == 6
    assert "matches" not in data
    table = cli("eval", "questions", ROWS, "--matches")
    assert "overall" in table.out
    assert "->" in table.out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("", "has no rows", id="empty"),
        pytest.param("not json\n", ":1 is not JSON", id="not-json"),
        pytest.param("[1, 2]\n", ":1 must be a JSON object", id="list"),
        pytest.param('{"role": "executive"}\n', ":1 question: Field required", id="missing"),
        pytest.param(
            '{"question": 5, "role": "executive"}\n', ":1 question: Input should be", id="type"
        ),
        pytest.param(
            '{"question": "Why?", "role": "CEO"}\n', ":1 role: 'CEO' is not one of", id="role"
        ),
        pytest.param(
            '{"question": "<script>x</script>", "role": "executive"}\n{"oops"\n',
            ":2 is not JSON",
            id="second-line",
        ),
    ],
)
def test_bad_files(cli: Cli, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(content, encoding="utf-8")
    result = cli("eval", "questions", path)
    assert result.code == 1
    assert message in result.err, result.err
    assert result.err.count("\n") == 1


def test_missing_and_binary_files(cli: Cli, tmp_path: Path) -> None:
    assert "no such file" in cli("eval", "questions", tmp_path / "none.jsonl").err
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\x00\x01\x02")
    assert "binary file" in cli("eval", "questions", binary).err
