"""What the candidate brings: questions to ask, the why, the plan, the playbooks."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from finalist.casefile import dump_case, load_case_file
from finalist.coach.asks import check_question, questions_to_ask
from finalist.coach.plan import first_six_months, responsibilities
from finalist.coach.playbook import round_playbook
from finalist.coach.why import critique_why, personal_why
from finalist.knowledge import load, shipped_sources
from finalist.model import Case, Format

from .conftest import DATA, EXAMPLES, Cli

KB = load(None)
CASE = load_case_file(DATA / "riverside.yaml")


LOGISTICS = [
    "What is the salary range for this role?",
    "How much annual leave do you offer?",
    "Is there a bonus scheme?",
    "Can I work from home on Fridays?",
    "What are the working hours?",
    "How many office days are expected each week?",
    "What does the pension scheme look like?",
    "Is there private health insurance?",
    "Do you offer a car allowance?",
    "When would I start?",
    "How long is the notice period you expect?",
    "Is the role fully remote?",
    "What is the holiday allowance?",
    "Would I get stock options?",
    "Is there free parking at the office?",
    "How flexible are the hours?",
    "What is the overtime policy?",
]
STRATEGIC = [
    "How does the team decide between new features and reliability when both are urgent?",
    "What would make you say in a year that this hire was the right call?",
    "Which competitor worries you most at the moment, and why?",
    "Where do finance and store operations disagree most often?",
    "What is the hardest problem the department is working on right now?",
    "How has your own role changed since you joined?",
    "What would you want me to achieve in the first six months?",
    "Who else will be part of the decision, and what matters most to them?",
    "How is success in this role measured after the first year?",
    "What did the last person in this role do that you would like to see continue?",
    "How does the roadmap get decided, and who has the final say?",
    "What surprised you most when you joined?",
    "Where is the business investing next year?",
    "What would the team like the new person to change?",
]


@pytest.mark.parametrize("question", LOGISTICS)
def test_logistics_questions_are_flagged_with_a_better_one(question: str) -> None:
    check = check_question(question, KB, CASE)
    kinds = [f.kind for f in check.findings]
    assert "logistics" in kinds, question
    logistics = next(f for f in check.findings if f.kind == "logistics")
    assert logistics.evidence
    assert logistics.fix


@pytest.mark.parametrize("question", STRATEGIC)
def test_strategic_questions_pass(question: str) -> None:
    assert check_question(question, KB, CASE).findings == []


def test_the_table_has_thirty_questions() -> None:
    assert len(LOGISTICS) + len(STRATEGIC) >= 30


@pytest.mark.parametrize(
    ("question", "opened"),
    [
        ("Is there a mentoring scheme?", "What mentoring scheme is there, and how does it work"),
        ("Do you use agile methods?", "How do you use agile methods, and what would you change"),
        ("Does the team work closely with sales?", "How does the team work closely with sales"),
        ("Will I manage people?", "How would I manage people here"),
        (
            "Do you think the market will recover?",
            "How do you think the market will recover, and why?",
        ),
        ("Have you ever cancelled a launch?", "Tell me about a time you cancelled a launch"),
    ],
)
def test_yes_no_questions_get_an_open_rewording(question: str, opened: str) -> None:
    closed = [f for f in check_question(question, KB, CASE).findings if f.kind == "closed"]
    assert closed, question
    assert opened in closed[0].fix


def test_each_person_gets_three_to_five_questions_none_shared() -> None:
    for number in range(1, len(CASE.rounds) + 1):
        people = questions_to_ask(CASE, KB, number)
        ids = [a.id for p in people for a in p.asks]
        assert len(ids) == len(set(ids)), "no question goes to two people in a round"
        for p in people:
            assert 3 <= len(p.asks) <= 5, p.name
            for a in p.asks:
                assert a.why
                assert a.reasons
                assert not re.search(r"\{(company|role|department)\}", a.text)


def test_asks_fit_the_person() -> None:
    people = {p.name: p for p in questions_to_ask(CASE, KB, 1)}
    cfo_topics = {a.topic.value for a in people["Amelia Clarke"].asks}
    peer_topics = {a.topic.value for a in people["Ravi Patel"].asks}
    assert cfo_topics != peer_topics


DRAFTS = [
    # draft, findings expected, findings not expected
    (
        "I am passionate about retail and I love a fast-paced environment.",
        {"cliches", "not-specific", "too-short", "no-bring"},
        set(),
    ),
    ("The salary and the short commute are the main reasons.", {"perks", "not-specific"}, set()),
    (
        "I started in store operations at a small chain. Now I run finance systems for 60 stores. "
        "Next I want to lead a ledger replacement end to end, and Riverside Grocers is replacing "
        "its ledger and planning tools while margins are under pressure from discounters. I would "
        "bring "
        "the close automation I built, which took our monthly close from nine days to five, and I "
        "know how to keep the stores on side while the systems change underneath them. I have done "
        "two system replacements and I know where they go wrong: in the data, the training and the "
        "month-end after go-live. That is why this is the logical next step for me. Before "
        "finance I spent two years on the shop floor, so I know what a till and a stock count "
        "look like at seven in the morning, and I still talk to store managers every week. "
        "What I want now is the chance to do this at a larger scale, with a team that owns the "
        "result from the first design workshop to the first clean close.",
        set(),
        {"not-specific", "no-arc", "no-bring", "cliches", "perks", "too-short"},
    ),
    (
        "Riverside Grocers is a great company.",
        {"no-arc", "no-bring", "too-short"},
        {"not-specific"},
    ),
    ("I want to grow.", {"not-specific", "no-bring", "too-short"}, set()),
    ("I'm a team player and a self-starter who will hit the ground running.", {"cliches"}, set()),
    ("I bring ten years of ledger work.", {"not-specific", "too-short"}, {"no-bring"}),
    (
        "Currently I lead a finance systems team; next I want to own a ledger programme at "
        "Riverside Grocers.",
        {"too-short"},
        {"not-specific"},
    ),
    ("The dream job for me, honestly.", {"cliches"}, set()),
    (
        " ".join(["I started in audit and I now lead finance systems, and next I want more."] * 20),
        {"too-long"},
        {"too-short"},
    ),
    ("Work-life balance and the benefits matter most to me.", {"perks"}, set()),
]


@pytest.mark.parametrize(("draft", "expected", "absent"), DRAFTS)
def test_why_critic(draft: str, expected: set[str], absent: set[str]) -> None:
    found = {f.id for f in critique_why(draft, CASE, KB)}
    assert expected <= found, found
    assert not (absent & found), found
    for f in critique_why(draft, CASE, KB):
        assert f.why
        assert f.fix


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


ALLOWED = _numbers(" ".join(s.text for s in shipped_sources())) | {
    "30",
    "60",
    "90",
    "180",
    "150",
    "10",
    "15",
    "20",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "0",
}


def _advice_texts(case: Case) -> list[str]:
    """Every sentence of advice finalist writes for a case (counts such as word totals and
    minutes are measurements, not facts, and are left out)."""
    why = personal_why(case, KB)
    texts = [why.composed, *(f.fix for f in why.findings)]
    plan = first_six_months(case, KB)
    texts += [m.text + " " + m.measure for stage in plan.stages for m in stage.milestones]
    for n in range(1, len(case.rounds) + 1):
        pb = round_playbook(case, n, KB, date(2026, 11, 25))
        texts += [m.needs for m in pb.members] + pb.openers
        texts += [line for script in pb.scripts for line in script.lines]
        if pb.presentation:
            texts += pb.presentation.likely_questions
        texts += [a.text for p in questions_to_ask(case, KB, n) for a in p.asks]
    return texts


@pytest.mark.parametrize("path", [*EXAMPLES, DATA / "riverside.yaml"], ids=lambda p: p.name)
def test_no_invented_facts_and_no_placeholders(path: Path) -> None:
    case = load_case_file(path)
    case_numbers = _numbers(dump_case(case))
    for text in _advice_texts(case):
        assert not re.search(r"\{(company|role|department)\}", text), text
        invented = _numbers(text) - case_numbers - ALLOWED
        assert not invented, f"{text!r}: numbers not in the case or the knowledge: {invented}"


def test_the_why_is_made_of_the_candidates_words() -> None:
    case = load_case_file(EXAMPLES[1])  # harbourline
    result = personal_why(case, KB)
    for part in ("past", "present", "future"):
        text = getattr(case.candidate.motivation, part)
        assert " ".join(text.split()) in result.composed


def _case_with_every_format() -> Case:
    data = CASE.model_dump(mode="json")
    data["rounds"] = [
        {
            "name": f.value,
            "date": f"2026-12-{10 + i:02d}T10:00",
            "format": f.value,
            "topic": "A plan for the ledger" if f is Format.presentation else None,
            "presentation_minutes": 20 if f is Format.presentation else None,
            "interviewers": [
                {"name": f"Person {i}", "title": "Chief Executive Officer"},
                {"name": f"Peer {i}", "title": "Financial Analyst"},
            ],
        }
        for i, f in enumerate(Format)
    ]
    return Case.model_validate(data)


def test_a_plan_and_a_playbook_for_every_format() -> None:
    case = _case_with_every_format()
    plan = first_six_months(case, KB)
    assert [s.days for s in plan.stages] == [30, 60, 90, 180]
    for stage in plan.stages:
        assert 2 <= len(stage.milestones) <= 4
        for m in stage.milestones:
            assert m.source
            assert m.measure
    for number, fmt in enumerate(Format, start=1):
        pb = round_playbook(case, number, KB, date(2026, 12, 1))
        assert pb.format is fmt
        assert pb.guides, fmt
        assert all(g.format is fmt for g in pb.guides)
        assert pb.checklist
        assert {s.id for s in pb.scripts} >= {"offer-on-the-spot", "deadline-other-offer"}
        assert [m.name for m in pb.members] == [f"Person {number - 1}", f"Peer {number - 1}"]
        if fmt is Format.presentation:
            assert pb.presentation is not None
            assert sum(p.minutes for p in pb.presentation.outline) == pytest.approx(20, abs=1)
            assert len(pb.presentation.likely_questions) >= 8
            assert pb.presentation.slides == 10
        if fmt is Format.one_on_one:
            assert any(g.audience and g.audience.value == "executive" for g in pb.guides)
        if fmt is Format.informal:
            assert pb.openers


def test_responsibilities_come_from_the_job_description() -> None:
    duties = responsibilities(CASE.opportunity.job_description)
    assert duties[0].startswith("lead the replacement of the ledger")  # "our" is theirs
    jd = " ".join(CASE.opportunity.job_description.lower().replace(" our ", " the ").split())
    assert all(d.lower() in jd for d in duties)  # whole phrases, never cut with "..."


@pytest.mark.parametrize("command", ["asks", "why", "plan", "playbook"])
def test_commands_show_and_speak_json(cli: Cli, command: str) -> None:
    path = str(DATA / "riverside.yaml")
    shown = (
        cli(command, path, "--today", "2026-12-01")
        if command in ("asks", "playbook")
        else cli(command, path)
    )
    assert shown.code == 0, shown.err
    assert shown.out.strip()
    args = [command, path, "--json"] + (
        ["--today", "2026-12-01"] if command in ("asks", "playbook") else []
    )
    assert json.loads(cli(*args).out)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("asks", "nope"), "error: no case 'nope'"),
        (
            ("asks", str(DATA / "riverside.yaml"), "-i", "Amelia Clark"),
            "did you mean 'Amelia Clarke'?",
        ),
        (("playbook", str(DATA / "riverside.yaml"), "--round", "9"), "there is no round 9"),
        (
            ("playbook", str(DATA / "riverside.yaml"), "--today", "someday"),
            "--today: 'someday' is not a date",
        ),
        (("plan", ""), "error: no case given"),
        (("why", "x" * 5000), "error: no case"),
    ],
)
def test_bad_input(cli: Cli, args: tuple[str, ...], message: str) -> None:
    result = cli(*args)
    assert result.code == 1
    assert message in result.err, result.err
    assert result.err.count("\n") == 1


def test_hostile_questions_and_drafts_are_data(cli: Cli, tmp_path: Path) -> None:
    data = CASE.model_dump(mode="json")
    data["opportunity"]["my_questions"] = [
        "<script>alert(1)</script> Is there a bonus?",
        "'; DROP TABLE cases;-- what is the hardest problem?",
    ]
    data["candidate"]["motivation"] = {"draft": "[red]passionate[/] {{7*7}} 🌟 and the salary"}
    path = tmp_path / "hostile.yaml"
    path.write_text(dump_case(Case.model_validate(data)), encoding="utf-8")
    md = cli("brief", path, "--to", "md", "--today", "2026-12-01")
    assert md.code == 0, md.err
    assert "<script>" not in md.out
    assert "&lt;script&gt;" in md.out
    shown = cli("why", path)
    assert "[red]passionate[/]" in shown.out


def test_no_one_is_asked_when_the_decision_comes_once_it_was_said() -> None:
    """Round one's notes say "results by 18 December": asking the panel when they will
    decide would show the candidate was not listening. A case that was never told still
    gets the question."""
    import re

    from finalist.casefile import load_case_file
    from finalist.coach.asks import questions_to_ask
    from finalist.coach.timeline import told_when
    from finalist.knowledge import load

    kb = load(None)
    timing = re.compile(r"\bwhen\b.*\bdecision\b|\bdecision\b.*\bwhen\b", re.I)
    told = load_case_file(DATA / "care-home.yaml")
    assert told_when(told) == "results by 18"
    asked = [a.text for p in questions_to_ask(told, kb, 1) for a in p.asks]
    assert asked
    assert not [t for t in asked if timing.search(t)]
    untold = told.model_copy(
        update={
            "opportunity": told.opportunity.model_copy(
                update={
                    "first_round": told.opportunity.first_round.model_copy(  # type: ignore[union-attr]
                        update={"notes": "Paul asked about the CQC rating."}
                    )
                }
            )
        }
    )
    assert told_when(untold) is None
    asked = [a.text for p in questions_to_ask(untold, kb, 1) for a in p.asks]
    assert [t for t in asked if timing.search(t)]
