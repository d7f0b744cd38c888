"""Predicting each interviewer's questions: ranked, explained, varied and clean."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from finalist.casefile import load_case_file
from finalist.coach.interviewers import dossier
from finalist.coach.questions import predict_questions, round_questions
from finalist.knowledge import load
from finalist.knowledge.schema import Theme
from finalist.model import Case

from .conftest import DATA, EXAMPLES, Cli

KB = load(None)
CASE = load_case_file(DATA / "riverside.yaml")


def _ask(name: str, top: int = 15, case: Case = CASE) -> list:  # type: ignore[type-arg]
    for number, rnd in enumerate(case.rounds, start=1):
        for person in rnd.interviewers:
            if person.name == name:
                return predict_questions(person, rnd, case, KB, top=top, number=number)
    raise AssertionError(name)


def test_predictions_are_deterministic() -> None:
    assert _ask("Amelia Clarke") == _ask("Amelia Clarke")


def test_a_cfo_and_a_peer_engineer_ask_different_questions() -> None:
    cfo = {q.id for q in _ask("Amelia Clarke")}
    engineer = {q.id for q in _ask("Ravi Patel")}
    assert len(cfo) == len(engineer) == 15
    assert len(cfo & engineer) <= 5


def test_lunch_brings_chemistry_questions() -> None:
    lunch = _ask("Nia Roberts", top=10)
    chemistry = [q for q in lunch if Theme.culture_fit in q.themes]
    assert len(chemistry) >= 5
    assert Theme.culture_fit in lunch[0].themes


def test_a_presentation_brings_questions_about_it() -> None:
    after = _ask("Owen Hughes", top=5)
    assert any(Theme.presentation_follow_up in q.themes for q in after[:3])
    assert any(
        "they will follow up your presentation on 'Replacing the general ledger" in r
        for q in after
        for r in q.reasons
    )


def test_stated_priorities_show_in_the_reasons() -> None:
    reasons = [r for q in _ask("Amelia Clarke") for r in q.reasons]
    assert any("you noted that Amelia Clarke cares about '" in r for r in reasons)


def test_round_one_carries_forward() -> None:
    grace = _ask("Grace Lin")
    reasons = [r for q in grace for r in q.reasons]
    assert any("you met Grace Lin in round one" in r for r in reasons)
    assert any(Theme.validating_round_one in q.themes for q in grace[:8])


def test_every_question_has_reasons_and_no_placeholder() -> None:
    for path in [*EXAMPLES, DATA / "riverside.yaml"]:
        case = load_case_file(path)
        for number, rnd in enumerate(case.rounds, start=1):
            for person in rnd.interviewers:
                for q in predict_questions(person, rnd, case, KB, number=number):
                    assert q.reasons, q.id
                    assert not re.search(r"\{(company|role|department)\}", q.text), q.text
                    assert "  " not in q.text, q.text
                    assert q.text == q.text.strip(), q.text


def test_near_duplicates_are_removed_and_themes_vary() -> None:
    from finalist.text import keywords, similarity

    questions = _ask("Grace Lin")
    terms = [keywords(q.text) for q in questions]
    for i, a in enumerate(terms):
        for b in terms[i + 1 :]:
            assert similarity(a, b) < 0.5
    assert len({q.themes[0] for q in questions}) >= 5


def test_questions_several_people_will_ask_are_listed_once() -> None:
    rq = round_questions(CASE, 1, KB)
    assert [p.dossier.name for p in rq.people] == ["Amelia Clarke", "Grace Lin", "Ravi Patel"]
    for shared in rq.shared:
        assert len(shared.askers) >= 2
        assert "consistent" in shared.advice
    ids = [s.id for s in rq.shared]
    assert len(ids) == len(set(ids))


def test_dossier_in_context() -> None:
    rnd = CASE.rounds[0]
    grace = dossier(rnd.interviewers[1], rnd, 1, CASE, KB)
    assert grace.archetype.value == "hiring-manager"
    assert grace.met_in_round_one
    ravi = dossier(rnd.interviewers[2], rnd, 1, CASE, KB)
    assert ravi.archetype.value == "peer"
    assert ravi.also is not None
    assert ravi.also.value == "cross-functional"
    amelia = dossier(rnd.interviewers[0], rnd, 1, CASE, KB)
    assert [p.text for p in amelia.priorities[:2]] == ["cash", "controls"]
    assert amelia.priorities[0].source == "you noted"
    assert amelia.priorities[2].source == "typical for Finance"
    assert amelia.wants_to_learn
    assert amelia.how_to_talk


@pytest.mark.parametrize(
    "title", ["", "x" * 300, "<script>alert('x')</script>", "'; DROP TABLE cases;--", "部長"]
)
def test_odd_titles_still_get_predictions(title: str) -> None:
    data = CASE.model_dump()
    data["rounds"][0]["interviewers"][0]["title"] = title
    case = Case.model_validate(data)
    rnd = case.rounds[0]
    questions = predict_questions(rnd.interviewers[0], rnd, case, KB)
    assert len(questions) == 15
    assert dossier(rnd.interviewers[0], rnd, 1, case, KB).archetype.confidence == "low"


def test_a_5000_character_title_is_refused_with_one_line(cli: Cli) -> None:
    assert cli("import", DATA / "riverside.yaml").code == 0
    result = cli("interviewer", "set", "riverside", "Ravi Patel", "--title", "x" * 5000)
    assert result.code == 1
    assert result.err == "error: --title: has 5,000 characters; the limit is 300 (shorten it)\n"


def test_the_cli_questions_and_dossier(cli: Cli) -> None:
    path = str(DATA / "riverside.yaml")
    result = cli("questions", path, "--interviewer", "amelia clarke", "--json", "--top", "5")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["dossier"]["name"] == "Amelia Clarke"
    first = data["questions"][0]
    assert set(first) == {
        "id",
        "text",
        "score",
        "likelihood",
        "themes",
        "competencies",
        "reasons",
        "round_one",
        "why",
        "strong_answer",
        "probes",
    }
    assert len(data["questions"]) == 5
    shown = cli("questions", path, "-i", "Ravi Patel")
    assert shown.code == 0
    assert "Likely questions from Ravi Patel" in shown.out
    assert "Why they ask:" in shown.out
    everyone = json.loads(cli("questions", path, "--round", "3", "--json").out)
    assert [p["dossier"]["name"] for p in everyone["people"]] == ["Nia Roberts", "Ben Carter"]
    dossiers = json.loads(cli("dossier", path, "--json").out)
    assert len(dossiers) == 7
    assert cli("dossier", path, "-i", "Owen Hughes").out.count("Owen Hughes") >= 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("-i", "Amelia Clark"),
            "no interviewer called 'Amelia Clark'; did you mean 'Amelia Clarke'?",
            id="close-name",
        ),
        pytest.param(("-i", "Nobody Atall"), "no interviewer called 'Nobody Atall'", id="unknown"),
        pytest.param(
            ("-i", "Grace Lin"),
            "'Grace Lin' is in rounds 1, 2; say which with --round N",
            id="ambiguous",
        ),
        pytest.param(("-i", "x" * 5000), "no interviewer called 'xxxx", id="huge"),
        pytest.param(("-i", "<b>"), "no interviewer called '<b>'", id="hostile"),
        pytest.param(("--top", "0"), "Invalid value for '--top'", id="top-zero"),
        pytest.param(("--top", "many"), "Invalid value for '--top'", id="top-text"),
        pytest.param(("--round", "9"), "there is no round 9", id="round"),
    ],
)
def test_bad_questions_input(cli: Cli, args: tuple[str, ...], message: str) -> None:
    result = cli("questions", str(DATA / "riverside.yaml"), *args)
    assert result.code == 1
    assert message in result.err, result.err
    assert result.err.count("\n") == 1


def test_brief_has_a_section_per_person(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = cli(
        "brief", str(DATA / "riverside.yaml"), "--to", "md", "-o", out, "--today", "2026-12-01"
    )
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    for name in ("Amelia Clarke", "Ravi Patel", "Owen Hughes", "Nia Roberts"):
        assert f"### {name}" in text
    assert "**Likely questions**" in text
    assert "Why they ask:" in text
    assert "{company}" not in text
