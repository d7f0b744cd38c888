"""The debrief: from a file or asked person by person; a round still to come is refused."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from finalist.casefile import dump_case, load_case_file
from finalist.coach.consensus import consensus_map
from finalist.coach.debrief_advice import debrief_advice
from finalist.editing import set_debrief
from finalist.errors import FieldError
from finalist.knowledge import load
from finalist.model import Case, FirstRound, Interviewer, Round

from .conftest import DATA, ROOT, Cli

RIVERSIDE = "riverside-grocers-senior-manager"
TODAY = date(2026, 12, 8)


def _stored(cli: Cli) -> None:
    assert cli("import", DATA / "riverside.yaml").code == 0


def test_debrief_from_a_file(cli: Cli, tmp_path: Path) -> None:
    _stored(cli)
    path = tmp_path / "debrief.yaml"
    path.write_text(
        "decision_date: 2026-12-18\n"
        "next_steps: They will call by Friday.\n"
        "went_badly: I rushed the cash question.\n"
        "talked_with:\n"
        "  - interviewer: Amelia Clarke\n"
        "    topics: [cash forecasting]\n",
        encoding="utf-8",
    )
    result = cli("debrief", RIVERSIDE, "--round", "1", "--from", path, "--today", "2026-12-08")
    assert result.code == 0, result.err
    assert "saved the debrief of round 1" in result.out
    case = json.loads(cli("show", RIVERSIDE, "--json").out)["case"]
    debrief = case["rounds"][0]["debrief"]
    assert debrief["talked_with"][0]["topics"] == ["cash forecasting"]
    assert debrief["went_badly"] == "I rushed the cash question."


def test_a_round_still_to_come_is_refused(cli: Cli, tmp_path: Path) -> None:
    _stored(cli)
    path = tmp_path / "debrief.yaml"
    path.write_text("next_steps: soon\n", encoding="utf-8")
    before = cli("export", RIVERSIDE).out
    result = cli("debrief", RIVERSIDE, "--round", "1", "--from", path, "--today", "2026-12-01")
    assert result.code == 1
    assert result.err == (
        "error: Finance panel is on 2026-12-07, still to come: debrief it after it has "
        "taken place\n"
    )
    assert cli("export", RIVERSIDE).out == before


def test_unknown_names_are_refused_with_a_suggestion(cli: Cli, tmp_path: Path) -> None:
    _stored(cli)
    path = tmp_path / "debrief.yaml"
    path.write_text(
        "talked_with:\n  - interviewer: Amelia Clark\n    topics: [cash]\n", encoding="utf-8"
    )
    result = cli("debrief", RIVERSIDE, "--round", "1", "--from", path, "--today", "2026-12-08")
    assert result.code == 1
    assert (
        "'Amelia Clark' is not an interviewer of this round (did you mean 'Amelia Clarke'?)"
        in result.err
    )


def test_debrief_needs_a_terminal_or_a_file(cli: Cli) -> None:
    _stored(cli)
    result = cli("debrief", RIVERSIDE, "--round", "1", "--today", "2026-12-08")
    assert result.code == 1
    assert "give the debrief with --from FILE" in result.err


def test_what_went_badly_is_carried_into_the_next_round(tmp_path: Path) -> None:
    case = load_case_file(DATA / "riverside.yaml")
    data = case.model_dump(mode="json")
    data["rounds"][0]["debrief"] = {
        "went_badly": "I had no number for the close time.",
        "talked_with": [],
    }
    cm = consensus_map(Case.model_validate(data), 2, load(None))
    assert "Finance panel: I had no number for the close time." in cm.round_one_fixes
    assert dump_case(Case.model_validate(data))


# --- advice on a debrief: what the notes cannot use as written ---------------------------

GOOD_TALK: dict[str, Any] = {
    "interviewer": "Tom Price",
    "topics": ["the ETA roadmap", "how to measure inclusion", "to cut agency spend"],
    "interest": "he wants a weekly safety huddle on every site",
    "clarify": "the lead time is nine weeks, not six",
    "promised": ["the TA training outline"],
}
GOOD_DEBRIEF: dict[str, Any] = {
    "next_steps": "Tom said he would ring me by Thursday.",
    "next_contact": {"who": "Tom Price", "how": "phone", "by": "2026-12-10"},
    "decision_date": "2026-12-11",
}
FIRST_ROUND = FirstRound(interviewers=[Interviewer(name="Bethan Lewis", title="HR Officer")])


def _round(talk: dict[str, Any] | None = None, **debrief: Any) -> Round:
    """A round with Tom Price and Dr Asha Rao; ``talk`` and ``debrief`` change the good one."""
    return Round.model_validate(
        {
            "interviewers": [{"name": "Tom Price"}, {"name": "Dr Asha Rao"}],
            "debrief": {**GOOD_DEBRIEF, "talked_with": [{**GOOD_TALK, **(talk or {})}], **debrief},
        }
    )


def _flags(rnd: Round) -> list[tuple[str, str]]:
    return [(a.field, a.flag) for a in debrief_advice(rnd, load(None), FIRST_ROUND)]


@pytest.mark.parametrize(
    ("talk", "debrief", "expected"),
    [
        pytest.param({}, {}, [], id="good-debrief"),
        pytest.param(
            {"topics": ["the ETA roadmap", "She wants a safety huddle"]},
            {},
            [("talked_with[0].topics[1]", "topic-sentence")],
            id="topic-sentence",
        ),
        pytest.param(
            {"topics": ["I liked the audit plan"]},
            {},
            [("talked_with[0].topics[0]", "topic-first-person")],
            id="topic-first-person",
        ),
        pytest.param(
            {"topics": ["budget"]},
            {},
            [("talked_with[0].topics[0]", "topic-one-word")],
            id="one-word",
        ),
        pytest.param(
            {
                "topics": [
                    "the plan for the new depot and the routes that will change in the spring"
                ]
            },
            {},
            [("talked_with[0].topics[0]", "topic-long")],
            id="topic-over-twelve-words",
        ),
        pytest.param(
            {"topics": ["x" * 300]},
            {},
            [("talked_with[0].topics[0]", "topic-long")],
            id="300-chars",
        ),
        pytest.param(
            {"topics": ["日本語の研修計画"]}, {}, [], id="unspaced-script-is-not-one-word"
        ),
        pytest.param(
            {"clarify": "the lead time"},
            {},
            [("talked_with[0].clarify", "clarify-not-a-fact")],
            id="clarify-bare-noun-phrase",
        ),
        pytest.param(
            {"clarify": "how many data drops we run"},
            {},
            [("talked_with[0].clarify", "clarify-not-a-fact")],
            id="clarify-question",
        ),
        pytest.param(
            {"clarify": "I said we use 4 data drops; it's actually 3 plus mocks."},
            {},
            [],
            id="clarify-i-said-actually",
        ),
        pytest.param({"clarify": "nine weeks lead time, not six"}, {}, [], id="clarify-contrast"),
        pytest.param(
            {"interest": "I liked his plan for the depots"},
            {},
            [("talked_with[0].interest", "interest-first-person")],
            id="interest-first-person",
        ),
        pytest.param(
            {"promised": ["the TA outline", "I'll send my CV"]},
            {},
            [("talked_with[0].promised[1]", "promised-not-a-thing")],
            id="promised-sentence",
        ),
        pytest.param(
            {},
            {"next_contact": None},
            [("next_steps", "next-steps-no-contact")],
            id="next-steps-name-someone",
        ),
        pytest.param(
            {},
            {"next_contact": None, "next_steps": "Mrs Okafor will email the shortlist."},
            [("next_steps", "next-steps-no-contact")],
            id="next-steps-name-a-title",
        ),
        pytest.param(
            {},
            {"next_contact": None, "next_steps": "They will call soon.", "decision_date": None},
            [("next_steps", "next-steps-no-facts")],
            id="next-steps-no-facts",
        ),
        pytest.param(
            {},
            {"next_contact": None, "next_steps": "They will call soon."},
            [],
            id="next-steps-anonymous-with-a-date",
        ),
        pytest.param(
            {},
            {"next_contact": {"who": "Sam Lee", "how": "email"}},
            [("next_contact.who", "contact-not-met")],
            id="contact-not-met",
        ),
        pytest.param(
            {}, {"next_contact": {"who": "Bethan Lewis"}}, [], id="contact-from-round-one"
        ),
        pytest.param({}, {"next_contact": {"who": "dr asha rao"}}, [], id="contact-any-spelling"),
    ],
)
def test_debrief_advice(
    talk: dict[str, Any], debrief: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    rnd = _round(talk, **debrief)
    assert _flags(rnd) == expected
    assert _flags(rnd) == expected  # deterministic


def test_advice_says_what_is_wrong_and_what_to_write() -> None:
    rnd = _round(
        {"topics": ["I liked the audit plan", "budget"], "promised": ["I'll send my CV"]},
        next_contact={"who": "Mr Price"},
    )
    advice = debrief_advice(rnd, load(None), FIRST_ROUND)
    assert [(a.where, a.person, a.message, a.suggestion) for a in advice] == [
        (
            "Tom Price, topic 1",
            "Tom Price",
            "'I liked the audit plan' is your own remark, and the note puts a topic after 'about'.",
            "Write it as a few words, like 'the audit plan'.",
        ),
        (
            "Tom Price, topic 2",
            "Tom Price",
            "'budget' is one word, which says little: what about it?",
            "Say in a few words what about it you discussed: 'the maths budget for next "
            "year' says more than 'budget'.",
        ),
        (
            "Tom Price, promised item 1",
            "Tom Price",
            "'I'll send my CV' is not the name of something to send, so the note leaves it out.",
            "Name the thing itself, like 'my CV': the note says it is attached.",
        ),
        (
            "who will be in touch",
            None,
            "Mr Price did not interview you in this round or in round one.",
            "That is fine for a recruiter; if you meant Tom Price, write the name as the "
            "case has it.",
        ),
    ]


def test_no_debrief_no_advice() -> None:
    assert debrief_advice(Round(interviewers=[Interviewer(name="Tom Price")]), load(None)) == []


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "'; DROP TABLE cases; --",
    "line\x00with\x07controls\x1b[31m",
    "y" * 5000,
    "Ünïcödé 日本語 العربية עברית",
    "I said {quote} [gap] %s; it's actually {0}",
]
FIELDS = ["topics", "interest", "clarify", "promised", "next_steps", "who"]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: repr(t[:12]))
def test_hostile_text_gives_one_line_of_advice_and_no_error(field: str, text: str) -> None:
    line = text[:300] if field in ("topics", "promised") else text  # the limit on a line
    if field == "who":
        rnd = _round(next_contact={"who": text[:120]})
    elif field == "next_steps":
        rnd = _round(next_steps=line, next_contact=None)
    else:
        rnd = _round({field: [line] if field in ("topics", "promised") else line})
    advice = debrief_advice(rnd, load(None), FIRST_ROUND)
    assert advice == debrief_advice(rnd, load(None), FIRST_ROUND)
    for a in advice:
        for said in (a.where, a.message, a.suggestion):
            assert "\n" not in said
            assert len(said) < 400
            assert not any(ord(c) < 32 for c in said)
        assert "{" not in a.suggestion  # our slots are filled, the candidate's text is kept
    if "<script>" in text and field == "who":
        assert any("<script>" in a.message for a in advice)  # kept as text: shells escape it


def test_advice_on_the_school_case() -> None:
    case = load_case_file(ROOT / "examples" / "school-head-of-maths.yaml")
    found = [
        (n, a.where, a.flag)
        for n, rnd in enumerate(case.rounds, start=1)
        for a in debrief_advice(rnd, load(None), case.opportunity.first_round)
    ]
    assert found == [
        (1, "Rachel Whitford, topic 2", "topic-sentence"),
        (2, "Amira Patel, topic 1", "topic-sentence"),
        (3, "Folasade Akinola, topic 1", "topic-one-word"),
        (3, "Geoffrey Pascoe, topic 1", "topic-one-word"),
    ]


# --- saving a debrief, from every shell ---------------------------------------------------


def test_set_debrief_names_the_field_of_a_mistake() -> None:
    case = load_case_file(DATA / "riverside.yaml")
    with pytest.raises(FieldError) as caught:
        set_debrief(case, "1", {"next_contact": {"who": "Grace Lin", "by": "soon"}}, TODAY)
    assert caught.value.field == "next_contact.by"
    assert caught.value.message.startswith("rounds[0].debrief.next_contact.by: 'soon' is not")


@pytest.mark.parametrize(
    ("who", "saved"),
    [
        pytest.param("Mrs Clarke", "Amelia Clarke", id="title-and-surname"),
        pytest.param("grace", "Grace Lin", id="given-name-from-round-one-too"),
        pytest.param("  Ravi   Patel ", "Ravi Patel", id="spacing"),
        pytest.param("the recruiter", "the recruiter", id="someone-else-kept"),
        pytest.param("Sam from the agency", "Sam from the agency", id="not-all-their-name"),
    ],
)
def test_who_will_be_in_touch_is_named_as_the_case_names_them(who: str, saved: str) -> None:
    case = load_case_file(DATA / "riverside.yaml")
    new, _n = set_debrief(case, "1", {"next_contact": {"who": who}}, TODAY)
    debrief = new.rounds[0].debrief
    assert debrief is not None
    assert debrief.next_contact is not None
    assert debrief.next_contact.who == saved


NEW_FIELDS = """\
decision_date: 2026-12-18
next_steps: Amelia said she would ring me by Friday.
next_contact: {who: Mrs Clarke, how: phone, by: 2026-12-11}
talked_with:
  - interviewer: Amelia Clarke
    topics: [cash forecasting, I liked the weekly cash call]
    promised: [the 13-week cash model]
"""


def test_the_new_fields_from_a_file_and_the_advice_after_saving(cli: Cli, tmp_path: Path) -> None:
    _stored(cli)
    path = tmp_path / "debrief.yaml"
    path.write_text(NEW_FIELDS, encoding="utf-8")
    result = cli("debrief", RIVERSIDE, "--round", "1", "--from", path, "--today", "2026-12-08")
    assert result.code == 0, result.err
    assert result.out == (
        f"{RIVERSIDE}: saved the debrief of round 1; next: finalist thanks {RIVERSIDE} "
        "--round 1\n"
        "\n"
        "Before you write the notes, change these so the notes can use them:\n"
        "  Amelia Clarke, topic 2: 'I liked the weekly cash call' is your own remark, and "
        "the note puts a topic after 'about'.\n"
        "    Write it as a few words, like 'the weekly cash call'.\n"
    )
    debrief = json.loads(cli("show", RIVERSIDE, "--json").out)["case"]["rounds"][0]["debrief"]
    assert debrief["next_contact"] == {"who": "Amelia Clarke", "how": "phone", "by": "2026-12-11"}
    assert debrief["talked_with"][0]["promised"] == ["the 13-week cash model"]


def test_json_gives_the_debrief_and_the_advice(cli: Cli, tmp_path: Path) -> None:
    _stored(cli)
    path = tmp_path / "debrief.yaml"
    path.write_text(NEW_FIELDS, encoding="utf-8")
    args = ("debrief", RIVERSIDE, "--round", "1", "--from", path, "--today", "2026-12-08")
    out = json.loads(cli(*args, "--json").out)
    assert (out["id"], out["status"], out["round"]) == (RIVERSIDE, "updated", 1)
    assert out["debrief"]["next_contact"]["who"] == "Amelia Clarke"
    assert [(a["field"], a["flag"]) for a in out["advice"]] == [
        ("talked_with[0].topics[1]", "topic-first-person")
    ]
    assert json.loads(cli(*args, "--json").out)["status"] == "unchanged"


def test_a_bad_date_in_the_next_contact_is_one_line(cli: Cli, tmp_path: Path) -> None:
    _stored(cli)
    before = cli("export", RIVERSIDE).out
    path = tmp_path / "debrief.yaml"
    path.write_text("next_contact: {who: Grace Lin, by: next week}\n", encoding="utf-8")
    result = cli("debrief", RIVERSIDE, "--round", "1", "--from", path, "--today", "2026-12-08")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "error: rounds[0].debrief.next_contact.by: 'next week' is not a date; write dates as "
        "YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a time\n"
    )
    assert cli("export", RIVERSIDE).out == before


def test_the_interactive_debrief_in_a_real_terminal(tmp_path: Path) -> None:
    import os
    import sys

    pexpect = pytest.importorskip("pexpect", reason="pip install pexpect (in .[dev])")
    env = {**os.environ, "FINALIST_HOME": str(tmp_path / "home"), "TERM": "dumb", "COLUMNS": "200"}
    imported = pexpect.run(
        f"{sys.executable} -m finalist import {DATA / 'riverside.yaml'}", env=env, encoding="utf-8"
    )
    assert RIVERSIDE in imported
    child = pexpect.spawn(
        sys.executable,
        ["-m", "finalist", "debrief", RIVERSIDE, "--round", "1", "--today", "2026-12-08"],
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    steps = [
        (
            "Topics you discussed with Amelia Clarke, a few words each, like 'the ETA roadmap' "
            "(comma-separated; empty to skip):",
            "cash forecasting, the close, the £6,000 budget",
        ),
        ("  What did they say or propose that you want to come back to? (optional)", "I liked it"),
        (
            "  Anything to correct? The right fact, like 'the lead time is nine weeks, not six' "
            "(optional):",
            "",
        ),
        ("  What did you promise to send them? (optional)", "the 13-week cash model"),
        ("Topics you discussed with Grace Lin", ""),
        ("Topics you discussed with Ravi Patel", ""),
        ("What was said about next steps? (for you; the notes use the facts)", "Grace will call"),
        (
            "Who said they would be in touch? (a name, like Amelia Clarke; empty if nobody said)",
            "Grace",
        ),
        ("  How? (phone, email ...)", "phone"),
        ("  By when? (YYYY-MM-DD)", "Friday"),
        ("'Friday' is not a date; write dates as YYYY-MM-DD", None),
        ("  By when? (YYYY-MM-DD)", "2026-12-11"),
        ("When do they expect to decide? (YYYY-MM-DD)", "2026-12-18"),
        ("What went well?", ""),
        ("What did not go well?", ""),
        ("saved the debrief of round 1", None),
        ("Before you write the notes", None),
        (
            "Amelia Clarke, point of interest: 'I liked it' is about you; the note needs what "
            "Amelia Clarke said or proposed.",
            None,
        ),
    ]
    for prompt, answer in steps:
        child.expect_exact(prompt)
        if answer is not None:
            child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = pexpect.run(
        f"{sys.executable} -m finalist show {RIVERSIDE} --json", env=env, encoding="utf-8"
    )
    debrief = json.loads(shown)["case"]["rounds"][0]["debrief"]
    assert debrief["talked_with"] == [
        {
            "interviewer": "Amelia Clarke",
            "topics": ["cash forecasting", "the close", "the £6,000 budget"],
            "interest": "I liked it",
            "promised": ["the 13-week cash model"],
        }
    ]
    assert debrief["next_contact"] == {"who": "Grace Lin", "how": "phone", "by": "2026-12-11"}
    assert debrief["next_steps"] == "Grace will call"
    assert debrief["decision_date"] == "2026-12-18"
