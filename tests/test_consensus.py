"""The consensus map: concerns per person against the evidence, gaps, round one."""

from __future__ import annotations

import json

from finalist.casefile import load_case_file
from finalist.coach.consensus import consensus_map
from finalist.knowledge import load
from finalist.model import Case

from .conftest import DATA, EXAMPLES, Cli

KB = load(None)
HARBOURLINE = load_case_file(next(p for p in EXAMPLES if "harbourline" in p.name))


def test_concerns_start_with_what_the_candidate_noted() -> None:
    cm = consensus_map(HARBOURLINE, 1, KB)
    priya = next(p for p in cm.people if p.name == "Priya Natarajan")
    assert [c.text for c in priya.concerns[:2]] == ["platform reliability", "team load"]
    assert priya.concerns[0].source == "you noted"
    for person in cm.people:
        for c in person.concerns:
            assert c.status in ("covered", "weak", "open")
            assert c.why
            if c.status == "open":
                assert c.evidence == []


def test_gaps_are_ranked_by_who_decides() -> None:
    cm = consensus_map(HARBOURLINE, 1, KB)
    weights = [g.weight for g in cm.gaps]
    assert weights == sorted(weights, reverse=True)
    assert all(g.prepare for g in cm.gaps)


def test_round_one_carries_forward() -> None:
    cm = consensus_map(HARBOURLINE, 1, KB)
    assert any("too general" in f for f in cm.round_one_fixes)
    assert cm.told_in_round_one == ["Reconciliation rebuild"]


def test_no_stories_means_open_concerns_and_no_crash() -> None:
    data = HARBOURLINE.model_dump()
    data["stories"] = []
    data["candidate"]["strengths"] = []
    case = Case.model_validate(data)
    cm = consensus_map(case, 1, KB)
    statuses = {c.status for p in cm.people for c in p.concerns}
    assert "covered" not in statuses
    assert cm.gaps


def test_the_command(cli: Cli) -> None:
    path = str(DATA / "riverside.yaml")
    result = cli("consensus", path, "--round", "1", "--json")
    assert result.code == 0, result.err
    maps = json.loads(result.out)
    assert [p["name"] for p in maps[0]["people"]] == ["Amelia Clarke", "Grace Lin", "Ravi Patel"]
    shown = cli("consensus", path, "--round", "1")
    assert "Consensus map" in shown.out
    bad = cli("consensus", path, "--round", "9")
    assert bad.code == 1
    assert "there is no round 9" in bad.err
