"""What a candidate reads carries no internals: reasons quote the case's own words (never
a stem), no score number, no text cut with '...', a/an right, the round-one weak spot
said once per person. Checked on every example case and every sector case."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from finalist.casefile import load_case_file
from finalist.coach.asks import asks_for_case
from finalist.coach.interviewers import round_dossiers
from finalist.coach.matching import match_round
from finalist.coach.questions import ROUND_ONE_ABOVE, PersonQuestions, round_questions
from finalist.coach.stories import story_bank
from finalist.knowledge import load
from finalist.knowledge.schema import ARCHETYPE_LABEL
from finalist.model import Case
from finalist.writing import article

from .conftest import DATA, EXAMPLES, Cli

KB = load(None)
CASES = [*EXAMPLES, *sorted((DATA / "sectors").glob("*.yaml"))]
IDS = [p.stem for p in CASES]
_QUOTED = re.compile(r"(?<!\w)'(.+?)'(?!\w)|\u201c(.+?)\u201d")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _flat(texts: Iterator[str]) -> str:
    return " ".join(" ".join(t.split()) for t in texts).casefold()


@cache
def _knowledge_text() -> str:
    folder = resources.files("finalist.knowledge") / "data"
    texts: list[str] = []

    def walk(node: Any) -> None:
        for child in node.iterdir():
            if child.is_dir():
                walk(child)
            elif child.name.endswith(".yaml"):
                texts.append(child.read_text(encoding="utf-8"))

    walk(folder)
    return _flat(iter(texts))


def _reasons(case: Case) -> list[str]:
    """Every reason the coach gives for this case: questions, asks, dossiers, stories."""
    out: list[str] = []
    numbers = list(range(1, len(case.rounds) + 1))
    for n in numbers:
        rq = round_questions(case, n, KB)
        for pq in rq.people:
            out += [r for q in pq.questions for r in [*q.reasons, q.round_one or ""] if r]
        for m in match_round(rq, case.stories, KB).matches:
            out += [r for f in (m.best, m.runner_up) if f for r in f.reasons]
            out += [m.note] if m.note else []
    out += [r for p in asks_for_case(case, KB, numbers).people for a in p.asks for r in a.reasons]
    for d in round_dossiers(case, KB):
        for placement in (d.archetype, d.also, d.level, d.department):
            out += placement.reasons if placement else []
    out += [s.because for r in story_bank(case, KB).stories for s in r.suggested]
    return out


@pytest.mark.parametrize("path", CASES, ids=IDS)
def test_every_quoted_word_is_the_cases_own(path: Path) -> None:
    """A word quoted in a reason is a whole word of the case or of the knowledge, as
    written there: never a stem ('promis', 'sal'), and no reason is cut with '...'."""
    case = load_case_file(path)
    source = _flat(_strings(case.model_dump(mode="json"))) + " " + _knowledge_text()
    reasons = _reasons(case)
    assert reasons
    for reason in reasons:
        assert "..." not in reason, reason
        assert "\u2026" not in reason, reason
        assert not re.search(r"\ban? (?:a|an|the)\b", reason), reason
        for match in _QUOTED.finditer(reason):
            said = " ".join((match.group(1) or match.group(2)).split()).casefold()
            found = re.search(rf"(?<!\w){re.escape(said)}(?!\w)", source)
            assert found, f"{said!r} in {reason!r} is not a word of the case"


def _outputs(cli: Cli, path: Path) -> dict[str, str]:
    runs = {
        "questions": ("questions", path),
        "dossier": ("dossier", path),
        "brief --full": ("brief", path, "--full"),
        "brief --to md": ("brief", path, "--to", "md"),
    }
    out = {}
    for name, args in runs.items():
        result = cli(*[str(a) for a in args])
        assert result.code == 0, (name, result.err)
        out[name] = result.out
    return out


@pytest.mark.parametrize("path", CASES, ids=IDS)
def test_what_a_person_reads_has_no_score_and_no_article_slip(cli: Cli, path: Path) -> None:
    for name, text in _outputs(cli, path).items():
        flat = " ".join(text.split())
        assert not re.search(r"\bscore:? \d", flat, re.I), name
        assert not re.search(r"\ba (?:HR|executive)\b", flat, re.I), name
        assert not re.search(r"\ban (?:HR or recruiter|recruiter|senior)\b", flat), name


@pytest.mark.parametrize("path", CASES, ids=IDS)
def test_the_round_one_weak_spot_is_said_once_per_person(cli: Cli, path: Path) -> None:
    case = load_case_file(path)
    for n in range(1, len(case.rounds) + 1):
        rq = round_questions(case, n, KB)
        notes = {q.round_one for pq in rq.people for q in pq.questions if q.round_one}
        shown = cli("questions", str(path), "--round", str(n)).out
        flat = " ".join(shown.split())
        for section in flat.split("Likely questions from ")[1:]:
            for note in notes:
                assert section.count(" ".join(note.split())) <= 1, (n, note)


def _person(reasons: list[list[str]], round_one: list[str | None]) -> PersonQuestions:
    from finalist.coach.interviewers import dossier

    case = load_case_file(EXAMPLES[0])
    rnd = case.rounds[0]
    d = dossier(rnd.interviewers[0], rnd, 1, case, KB)
    questions = [
        {
            "id": f"q{i}",
            "text": f"Question {i}?",
            "score": 4.0,
            "likelihood": "likely",
            "themes": ["motivation"],
            "competencies": [],
            "reasons": r,
            "round_one": o,
            "why": "Why.",
            "strong_answer": "Answer.",
            "probes": [],
        }
        for i, (r, o) in enumerate(zip(reasons, round_one, strict=True))
    ]
    return PersonQuestions.model_validate({"dossier": d.model_dump(), "questions": questions})


@pytest.mark.parametrize(
    ("reasons", "round_one", "above", "under_first"),
    [
        pytest.param(
            [["a", "b"], ["a"], ["a", "c"]], [None, None, None], ["a"], ["b"], id="most-share"
        ),
        pytest.param([["a"], ["b"], ["a"]], [None] * 3, ["a"], [], id="two-of-three"),
        pytest.param([["a"], ["b"]], [None, None], [], ["a"], id="half-is-not-most"),
        pytest.param([["a"]], [None], [], ["a"], id="one-question"),
        pytest.param(
            [["a"], ["b"]], ["weak", None], [], ["a", ROUND_ONE_ABOVE], id="round-one-pointer"
        ),
    ],
)
def test_what_most_questions_share_is_said_once_above(
    reasons: list[list[str]], round_one: list[str | None], above: list[str], under_first: list[str]
) -> None:
    pq = _person(reasons, round_one)
    assert pq.said_once() == above
    assert pq.own_reasons(pq.questions[0]) == under_first
    assert pq.round_one() == [o for o in round_one if o]


@pytest.mark.parametrize("label", list(ARCHETYPE_LABEL.values()))
def test_every_archetype_label_reads_after_a(label: str) -> None:
    """Code elsewhere writes 'a {label}'; every label must take 'a'."""
    assert article(label) == "a", label
