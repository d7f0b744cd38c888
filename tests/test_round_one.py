"""Round one where it belongs: read as well / badly / not asked, a weak answer prepared
again (never a job milestone), and a plan that names the employer and its notes."""

from __future__ import annotations

import re
from datetime import date

import pytest

from finalist.casefile import load_case_file
from finalist.coach.company_notes import read_company_notes
from finalist.coach.consensus import consensus_map
from finalist.coach.followup import writer_for
from finalist.coach.plan import first_six_months
from finalist.coach.plan_inputs import a_process, people_of, responsibilities
from finalist.coach.repairs import repairs
from finalist.coach.round_one import cue_of, read_round_one, topic_of
from finalist.knowledge import load
from finalist.model import Case

from .conftest import DATA, EXAMPLES, ROOT, Cli

KB = load(None)
TODAY = date(2026, 12, 2)
SECTORS = sorted((DATA / "sectors").glob("*.yaml"))
ALL = EXAMPLES + SECTORS


def _case(notes: str | None = None, **fields: str) -> Case:
    case = load_case_file(DATA / "riverside.yaml")
    first = case.opportunity.first_round
    assert first is not None
    data = first.model_dump()
    data.update({"notes": notes, "went_well": None, "went_badly": None, "not_asked": None} | fields)
    opp = case.opportunity.model_copy(update={"first_round": type(first)(**data)})
    return case.model_copy(update={"opportunity": opp})


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("My answer on pricing sounded thin.", "went_badly"),
        ("Nobody asked about the budget.", "not_asked"),
        ("Left open: whether the team grows next year.", "not_asked"),
        ("She liked the warehouse story.", "went_well"),
        ("We talked about the weather.", None),
    ],
)
def test_a_sentence_of_the_notes_is_read_by_its_cue(sentence: str, part: str | None) -> None:
    found = cue_of(sentence)
    assert (found[0] if found else None) == part


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("It went badly when she asked about trade spend: I have never done it.", "trade spend"),
        (
            "He asked me how I would run the budget round, and I rambled.",
            "how you would run the budget round",
        ),
        ("Research: I was vague on methods.", "research"),
        ("Did not ask about the on-call rota.", "the on-call rota"),
    ],
)
def test_the_topic_is_what_the_point_was_about_in_the_second_person(text: str, topic: str) -> None:
    assert topic_of(text) == topic


def test_the_case_fields_win_over_the_free_notes() -> None:
    case = _case(
        notes="Nobody asked about pay.",
        went_badly="My answer on the Year 9 scheme of work was vague.",
        not_asked="Whether the department keeps its second room",
    )
    r1 = read_round_one(case)
    assert [i.text for i in r1.went_badly] == ["My answer on the Year 9 scheme of work was vague."]
    assert [i.text for i in r1.not_asked] == ["Whether the department keeps its second room"]
    assert r1.went_badly[0].source == "went_badly in your round-one notes"
    assert "you wrote it under went_badly" in r1.went_badly[0].why


def test_free_notes_are_split_into_points_and_who_heard_them() -> None:
    case = _case(
        notes=(
            "Met the head of department first. It went badly when she asked about sixth-form "
            "results: my answer was too general. Left open: whether A level classes are "
            "shared, and whether the trust sets the timetable."
        )
    )
    r1 = read_round_one(case)
    assert len(r1.went_badly) == 1
    assert len(r1.not_asked) == 2
    assert all(i.raise_it for i in r1.not_asked)
    assert [i.topic for i in r1.not_asked] == [
        "whether A level classes are shared",
        "whether the trust sets the timetable",
    ]


def test_no_round_one_reads_as_nothing() -> None:
    case = _case()
    r1 = read_round_one(
        case.model_copy(
            update={"opportunity": case.opportunity.model_copy(update={"first_round": None})}
        )
    )
    assert r1.items() == []


def test_a_weak_answer_becomes_a_question_to_prepare_with_advice_for_what_went_wrong() -> None:
    case = _case(went_badly="She asked about trade spend and I admitted I have never managed it.")
    found = repairs(writer_for(case, KB), read_round_one(case), case.stories, [])
    assert len(found) == 1
    r = found[0]
    assert r.kind == "weak answer"
    assert r.question in (
        "How would you approach trade spend?",
        "How would you approach the trade spend?",
    )
    assert r.point
    assert "trade spend" in r.point
    assert any("have and have not done" in a for a in r.advice)  # the gap advice, not generic


def test_something_left_open_becomes_a_question_to_ask() -> None:
    case = _case(notes="Left open: whether the post is permanent.")
    (r,) = repairs(writer_for(case, KB), read_round_one(case), case.stories, [])
    assert r.kind == "to raise"
    assert r.question is not None
    assert r.question.endswith("?")
    assert "whether the post is permanent" in r.question
    assert r.point is None  # nothing to repair: a question to ask


def test_a_weak_answer_is_a_concern_of_the_person_who_heard_it() -> None:
    case = load_case_file(next(p for p in EXAMPLES if "castellan" in p.name))
    r1 = read_round_one(case)
    weak = r1.went_badly[0]
    assert weak.heard_by == "Nadia Rahimi"
    for n, _rnd in enumerate(case.rounds, start=1):
        cmap = consensus_map(case, n, KB)
        for person in cmap.people:
            hit = any("trade spend" in c.text for c in person.concerns)
            assert hit == (person.name == "Nadia Rahimi"), (n, person.name)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_round_one_is_never_a_job_milestone(path) -> None:  # type: ignore[no-untyped-def]
    case = load_case_file(path)
    plan = first_six_months(case, KB, TODAY)
    text = " ".join(
        m.text + " " + m.measure + " " + m.source for s in plan.stages for m in s.milestones
    )
    assert "round one" not in text.lower()
    for item in read_round_one(case).items():
        assert item[1].text not in text
    assert "..." not in text
    assert "\u2026" not in text


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_the_plan_names_the_employer_and_meets_only_colleagues_one_to_one(path) -> None:  # type: ignore[no-untyped-def]
    case = load_case_file(path)
    plan = first_six_months(case, KB, TODAY)
    people = people_of(case, KB)
    meet = plan.stages[0].milestones[0].text
    for name in people.pupils + people.recruiters + people.hr:
        assert name not in meet
        assert any(name in line for line in plan.not_one_to_one)
    for name in people.representatives:  # they speak for people the role serves
        assert name not in meet
        assert any(name in m.text for m in plan.stages[0].milestones[1:])
    if people.manager:
        assert plan.manager is not None
        assert meet.startswith(f"Meet {plan.manager} first")
    words = plan.title + " ".join(m.text for s in plan.stages for m in s.milestones)
    short = re.sub(r"\s*\(.*\)$", "", case.opportunity.company)
    assert short.split()[0] in words, case.opportunity.company
    assert plan.title.startswith("My first six months as")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_each_measure_is_its_own_and_the_plan_is_in_the_first_person(path) -> None:  # type: ignore[no-untyped-def]
    plan = first_six_months(load_case_file(path), KB, TODAY)
    milestones = [m for s in plan.stages for m in s.milestones]
    measures = [m.measure for m in milestones]
    assert len(set(measures)) == len(measures), measures  # no stock measure repeated
    texts = [m.text for m in milestones]
    assert len(set(texts)) == len(texts)
    for m in milestones:
        assert not re.search(r"\byou(?:r)?\b", m.text + " " + m.measure), m.text
        assert "day-30 baseline" not in m.measure


def test_the_plan_uses_what_the_company_notes_say() -> None:
    case = load_case_file(next(p for p in ALL if "school" in p.name))
    facts = {f.kind: f for f in read_company_notes(case)}
    assert facts["inspection"].subject == "Ofsted"
    assert "competitors" in facts
    plan = first_six_months(case, KB, TODAY)
    quoted = [
        m for s in plan.stages for m in s.milestones if m.source.startswith("your company notes")
    ]
    assert any("Ofsted" in m.text for m in quoted)
    assert any(facts["competitors"].subject in m.text for m in quoted)
    assert all(m.quote for m in quoted)  # each says which words of the notes it came from


def test_duties_keep_whole_phrases_and_drop_requirements() -> None:
    jd = (
        "You will lead the maths curriculum from Year 7 to Year 13, manage the department "
        "budget, and line manage a team of eight teachers. You have a strong record of "
        "results. Report to the Deputy Head."
    )
    duties = responsibilities(jd)
    assert duties == [
        "lead the maths curriculum from Year 7 to Year 13",
        "manage the department budget",
        "line manage a team of eight teachers",
    ]
    assert [a_process(d) for d in duties] == [True, True, False]


def test_the_employers_voice_is_turned_to_the_role() -> None:
    assert responsibilities("You will partner with Sales on our move upmarket.") == [
        "partner with Sales on the move upmarket"
    ]


def test_the_plan_alone_to_share(cli: Cli) -> None:
    path = next(p for p in EXAMPLES if "castellan" in p.name)
    full = cli("plan", path, "--today", "2026-12-02").out
    shared = cli("plan", path, "--share", "--today", "2026-12-02").out
    assert "From:" in full
    assert "How to use it in the interview" in full
    assert "From:" not in shared
    assert "How to use it in the interview" not in shared
    assert "Not on the list of one-to-ones" not in shared  # a note for you, not the panel
    assert "My first six months as Chief Financial Officer at Castellan Foods" in shared


def test_a_safety_record_in_the_notes_comes_first_in_the_plan() -> None:
    case = load_case_file(ROOT / "examples" / "warehouse-site-general-manager.yaml")
    facts = [f for f in read_company_notes(case) if f.kind == "safety"]
    assert facts
    assert "RIDDOR" in facts[0].text
    learn = first_six_months(case, KB, TODAY).stages[0].milestones
    safety = [m for m in learn if "safety incident" in m.text]
    assert safety
    assert safety[0].quote == facts[0].text
    school = load_case_file(ROOT / "examples" / "school-head-of-maths.yaml")
    assert not [f for f in read_company_notes(school) if f.kind == "safety"]
