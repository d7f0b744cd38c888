"""Thank-you notes: one per person, about their topic, not copies of each other."""

from __future__ import annotations

import email
from datetime import date
from email import policy
from pathlib import Path

import pytest

from finalist.coach.followup import NEAR_COPY, similarity, thank_you_notes
from finalist.knowledge import load
from finalist.model import Case

from .conftest import Cli

KB = load(None)
TITLES = [
    "Chief Financial Officer",
    "Director of Finance",
    "Senior Accountant",
    "Recruiter",
    "Head of IT",
    "Store Operations Manager",
    "Financial Analyst",
    "HR Business Partner",
]
TOPICS = [
    "the ledger cut-over plan",
    "month-end close automation",
    "bank reconciliations",
    "the hiring timeline",
    "single sign-on for the finance tools",
    "store cash counts",
    "the weekly margin report",
    "the training plan for new starters",
]


INTERESTS = [
    "your plan to run both ledgers side by side through the year-end close",
    "why the close slips every quarter when the stores report late",
    "the reconciliations your team still does by hand on Monday mornings",
    "what good looks like for the first hire on the new team",
    "moving the finance tools behind one login before the audit",
    "the cash counts that take store managers an hour a night",
    "which numbers the regional directors actually read each week",
    "how new starters learn the systems in their first fortnight",
]
CLARIFY = [
    "",
    "the automation I described covered bank feeds only, not supplier statements",
    "",
    "I can start after a one-month notice period, not three",
    "",
    "the store pilot I mentioned ran in twelve stores, not twenty",
    "",
    "my team at the time was six people, two of them part-time",
]


STORIES = [
    {
        "title": "Two ledgers, one close",
        "situation": "Our ledger cut-over was due in the middle of the year-end close.",
        "action": "I ran the old and new ledgers side by side for one quarter and reconciled "
        "them every week with the controllers.",
        "result": "We closed the year on the new ledger with no restatement, and month-end "
        "close fell from nine working days to six.",
    },
    {
        "title": "Reconciliations by rule",
        "situation": "Bank reconciliations took three people every Monday morning.",
        "action": "I wrote matching rules for the bank feeds and trained the team to review "
        "only the exceptions.",
        "result": "Automatic matching rose to 92% of lines, and the Monday work fell from "
        "three people to one.",
    },
    {
        "title": "Store cash counts",
        "situation": "Store managers spent an hour a night counting cash for the weekly "
        "margin report.",
        "action": "I moved the counts to a single tablet form and sent the totals straight "
        "to the finance tools.",
        "result": "Counting time fell to twenty minutes a night in 40 stores, and the "
        "margin report arrived a day earlier.",
    },
]


def _case(people: int, with_topics: int | None = None) -> Case:
    names = [f"Person{i} Example{i}" for i in range(people)]
    talked = [
        {
            "interviewer": n,
            "topics": [TOPICS[i], TOPICS[(i + 1) % len(TOPICS)]],
            "interest": INTERESTS[i],
            "clarify": CLARIFY[i] if i % 2 else None,
        }
        for i, n in enumerate(names)
    ]
    return Case.model_validate(
        {
            "candidate": {
                "name": "Tomasz Nowak",
                "email": "tomasz@example.net",
                "strengths": [
                    "training new starters on finance systems",
                    "setting up single sign-on for finance teams",
                ],
            },
            "stories": STORIES,
            "opportunity": {"company": "Riverside Grocers", "role": "Finance Systems Lead"},
            "rounds": [
                {
                    "name": "Panel",
                    "date": "2026-12-07T10:00",
                    "duration_minutes": 90,
                    "interviewers": [
                        {"name": n, "title": TITLES[i], "email": f"p{i}@example.com"}
                        for i, n in enumerate(names)
                    ],
                    "debrief": {
                        "decision_date": "2026-12-18",
                        "talked_with": talked[: people if with_topics is None else with_topics],
                    },
                }
            ],
        }
    )


@pytest.mark.parametrize("people", range(1, 9))
def test_one_note_per_person_about_their_topic(people: int) -> None:
    result = thank_you_notes(_case(people), 1, KB, date(2026, 12, 7))
    assert len(result.notes) == people
    for i, note in enumerate(result.notes):
        assert TOPICS[i] in note.body
        assert note.body.startswith(f"Dear Person{i},")
        # Person0 and Person2 each have a story of their own; the others' topics are left
        # with none once those are used, and the advice to add one may fail for them
        failed = [c for c in note.checks if not c.passed and (c.blocking or i in (0, 2))]
        assert not failed, (note.body, failed)
        assert note.due is not None
        assert note.due.isoformat().startswith("2026-12-08T11:30")


def test_the_near_copy_check_catches_copies() -> None:
    a = "Thank you for the conversation. It confirmed how much I would like to join the team."
    assert similarity(a, a) == 1.0
    assert similarity(a, a.replace("conversation", "chat")) >= NEAR_COPY
    assert similarity(a, "I enjoyed hearing about your plans for next year and the launch.") < 0.2


def test_people_without_topics_get_no_note_and_a_message() -> None:
    result = thank_you_notes(_case(3, with_topics=1), 1, KB, date(2026, 12, 7))
    assert len(result.notes) == 1
    assert result.missing_topics == ["Person1 Example1", "Person2 Example2"]
    assert result.message is not None
    assert "rounds[0].debrief.talked_with" in result.message


def test_a_round_in_the_future_is_refused() -> None:
    result = thank_you_notes(_case(2), 1, KB, date(2026, 12, 1))
    assert result.notes == []
    assert result.message == "Panel has not happened yet: notes come after it"


def test_eml_drafts_parse_back(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    from finalist.casefile import dump_case

    path.write_text(dump_case(_case(2)), encoding="utf-8")
    out = tmp_path / "drafts"
    result = cli("thanks", path, "--eml", out, "--today", "2026-12-08")
    assert result.code == 0, result.err
    files = sorted(out.glob("*.eml"))
    assert len(files) == 2
    message = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert message["To"] == "Person0 Example0 <p0@example.com>"
    assert message["Subject"] == "Thank you for our conversation: Finance Systems Lead"
    assert TOPICS[0] in message.get_content()


def test_thanks_bad_input(cli: Cli, tmp_path: Path) -> None:
    from finalist.casefile import dump_case

    path = tmp_path / "case.yaml"
    path.write_text(dump_case(_case(2, with_topics=0)), encoding="utf-8")
    result = cli("thanks", path, "--today", "2026-12-08")
    assert result.code == 1
    assert "no topic logged for Person0 Example0, Person1 Example1" in result.err
    early = cli("thanks", path, "--today", "2026-12-01")
    assert early.code == 1
    assert "no round has taken place yet" in early.err


def test_notes_that_differ_only_in_names_and_topics_are_flagged() -> None:
    from finalist.coach.note_checks import check_copies

    body = (
        "Thank you for the conversation about {t}. It confirmed how much I would like to "
        "join Riverside Grocers, and I hope to hear from you soon about the next steps."
    )
    people = (("Ann Lee", "the ledger"), ("Bo Chen", "store cash counts"))
    checks = check_copies(
        [body.format(t=t) for _, t in people], [[n, *n.split(), t] for n, t in people]
    )
    assert all(not c.passed for c in checks)
    assert "shares a sentence" in checks[0].detail
    own = check_copies(
        ["I enjoyed the tour of the depot.", "Your view of the rota helped."], [[], []]
    )
    assert all(c.passed for c in own)


def test_two_rounds_on_one_day_give_one_note_per_person() -> None:
    from finalist.casefile import load_case_file

    from .conftest import ROOT

    case = load_case_file(ROOT / "examples" / "school-head-of-maths.yaml")
    day = date(2026, 11, 30)
    results = [thank_you_notes(case, n, KB, day) for n in range(1, len(case.rounds) + 1)]
    lesson, panel = results[0], results[2]
    assert lesson.notes == []
    assert any(
        x.startswith("Marcus Hale: you met again in Interview panel") for x in lesson.no_note
    )
    marcus = next(n for n in panel.notes if n.to == "Marcus Hale")
    assert "watching my lesson" in marcus.body
    assert "panel interview" in marcus.body
    lesson_talk = next(
        t for t in case.rounds[0].debrief.talked_with if t.interviewer == "Marcus Hale"
    )  # type: ignore[union-attr]
    assert set(lesson_talk.topics) <= set(marcus.topics)  # what the lesson's debrief logged
    everyone = [n for r in results for n in r.notes]
    assert len({n.to for n in everyone}) == len(everyone)  # nobody gets two notes that day
    thanked = [n for n in everyone if "Amira" in n.body]
    assert len(thanked) == 1  # the pupils' thanks are passed on once, by one person


def test_only_the_person_who_runs_the_process_hears_about_timing() -> None:
    from finalist.casefile import load_case_file

    from .conftest import DATA

    timing = ("next steps", "what happens next", "reach a decision", "in touch", "your call")
    case = load_case_file(DATA / "sectors" / "construction-project-manager.yaml")
    day = date(2026, 12, 10)
    notes = [
        n for i in range(1, len(case.rounds) + 1) for n in thank_you_notes(case, i, KB, day).notes
    ]
    asked = [n.to for n in notes if any(t in n.body for t in timing)]
    # the debrief says Nigel Boswell will be in touch: nobody else is asked, or told so
    assert asked == ["Nigel Boswell"] or asked == []
    assert all(n.to == "Nigel Boswell" for n in notes if any(t in n.body for t in timing))


def test_a_regulator_is_talked_through_by_its_report_and_never_worked_on() -> None:
    """A topic jotted as "NAO": the note names what the candidate noted about it for that
    person ("the NAO report"); with nothing noted, the close does not offer to work on
    the National Audit Office itself."""
    from finalist.casefile import load_case_file

    path = Path(__file__).parent / "data" / "sectors" / "civil-service-grade7-policy.yaml"
    case = load_case_file(path)
    kb = load(None)
    day = date(2026, 12, 2)
    (noted,) = [n for n in thank_you_notes(case, 1, kb, day).notes if n.to == "Matthew Greaves"]
    assert "the NAO report" in noted.body
    rnd = case.rounds[0]
    people = [
        p.model_copy(update={"priorities": []}) if p.name == "Matthew Greaves" else p
        for p in rnd.interviewers
    ]
    bare = case.model_copy(update={"rounds": [rnd.model_copy(update={"interviewers": people})]})
    (plain,) = [n for n in thank_you_notes(bare, 1, kb, day).notes if n.to == "Matthew Greaves"]
    assert "the National Audit Office" in plain.body  # as a sentence names it
    assert "work on the National Audit Office" not in plain.body


def test_the_close_offers_to_talk_about_a_subject_and_the_timing_is_not_asked_twice() -> None:
    """The practice manager talked about hybrid working, a subject: the close offers to go
    on talking, not to "work on hybrid working", and does not name it twice. She had said
    she would be in touch "probably by the end of next week" (logged after the partner
    panel that day), so her note does not ask when the decision comes."""
    from finalist.casefile import load_case_file

    path = Path(__file__).parent / "data" / "sectors" / "law-firm-senior-associate.yaml"
    case = load_case_file(path)
    notes = thank_you_notes(case, 2, load(None), date(2026, 11, 27)).notes
    (maria,) = [n for n in notes if n.to == "Maria Doukas"]
    assert "work on hybrid working" not in maria.body
    assert maria.body.count("hybrid working") == 1  # the close does not name it again
    assert any(w in maria.body for w in ("where we left off", "the conversation", "talk more"))
    assert "when you expect" not in maria.body
    assert "I look forward to hearing from you" in maria.body
