"""Each check a thank-you note reports can fail: a good note passes them all, and a note
built to break one check fails that check."""

from __future__ import annotations

import pytest

from finalist.coach.note_checks import NoteSpec, check_copies, check_note

SPEC = NoteSpec(
    name="Gareth Lewis",
    greeting="Gareth",
    role="Head of Housing Services",
    topics=["the damp and mould backlog"],
    evidence=["All 640 cases were inspected within four months."],
    runs_process=False,
    promised=["the triage outline"],
    min_words=60,
    max_words=180,
    cliches=["passionate", "synergy"],
)
SUBJECT = "Thank you for the panel interview: Head of Housing Services"
GOOD = """Dear Gareth,

Thank you for the panel interview on Tuesday, and in particular for talking through the \
damp and mould backlog with me. I was glad to hear that you want every case seen within a \
month.

It is close to work I have done myself. All 640 cases were inspected within four months. \
As promised, I attach the triage outline. I would bring the same discipline to the repairs \
service.

It has made me keener still to join Ashcombe Borough Council. Thank you again for your time.

Kind regards,
Delroy Marsh
"""


def _failed(text: str, spec: NoteSpec = SPEC, subject: str = SUBJECT) -> list[str]:
    return [c.name for c in check_note(text, subject, spec) if not c.passed]


def test_a_good_note_passes_every_check() -> None:
    assert _failed(GOOD) == []


@pytest.mark.parametrize(
    ("broken", "check"),
    [
        pytest.param(
            GOOD.replace("Dear Gareth,", "Dear Cllr,"), "greets them properly", id="bare-title"
        ),
        pytest.param(
            GOOD.replace("Dear Gareth,", "Dear Gareth Lewis,"),
            "greets them properly",
            id="full-name",
        ),
        pytest.param(
            GOOD.replace("the damp and mould backlog", "the weather"),
            "about what you discussed",
            id="no-topic",
        ),
        pytest.param(
            GOOD.replace("you want every case", "Gareth wants every case"),
            "written to them, not about them",
            id="named-in-own-note",
        ),
        pytest.param(
            GOOD.replace("I was glad to hear that you want", "He said he wants"),
            "written to them, not about them",
            id="he-said",
        ),
        pytest.param(
            GOOD.replace("All 640 cases were inspected within four months. ", ""),
            "ties the topic to your evidence",
            id="no-evidence",
        ),
        pytest.param(
            GOOD.replace("Thank you again", "Could you tell me the next steps? Thank you again"),
            "next steps, to the right person",
            id="timing-to-the-wrong-person",
        ),
        pytest.param(
            GOOD.replace("As promised, I attach the triage outline. ", ""),
            "sends what you promised",
            id="promise-forgotten",
        ),
        pytest.param(
            GOOD.replace("month.\n\nIt is", "month. It is").replace("\n\nIt has", " It has"),
            "length",
            id="one-paragraph-too-few",
        ),
        pytest.param(
            GOOD.replace("It is close to work I have done myself.", "It is close to {topic}."),
            "well formed",
            id="slot-left",
        ),
        pytest.param(
            GOOD.replace("the repairs service", "the repairs...."), "well formed", id="ellipsis"
        ),
        pytest.param(GOOD.replace("the repairs service", "a HR partner"), "well formed", id="a-an"),
        pytest.param(
            GOOD.replace("It is close", "it is close"), "well formed", id="paragraph-in-lower-case"
        ),
        pytest.param(
            GOOD.replace("I was glad", "i was glad"), "well formed", id="sentence-in-lower-case"
        ),
        pytest.param(
            GOOD.replace("the repairs service", "the the repairs service"),
            "well formed",
            id="word-twice",
        ),
        pytest.param(
            GOOD.replace("the repairs service", "the repairs service , now"),
            "well formed",
            id="space-before-comma",
        ),
        pytest.param(
            GOOD.replace("Thank you again", "I am passionate about housing. Thank you again"),
            "no cliché",
            id="cliche",
        ),
    ],
)
def test_each_check_fails_on_a_note_built_to_break_it(broken: str, check: str) -> None:
    assert check in _failed(broken)


def test_a_short_note_fails_the_length_check() -> None:
    short = "Dear Gareth,\n\nThank you for the damp and mould backlog talk.\n\nThanks.\n\nDelroy\n"
    assert "length" in _failed(short)


def test_the_person_who_runs_the_process_must_get_the_timing_question() -> None:
    spec = SPEC.model_copy(update={"runs_process": True})
    assert "next steps, to the right person" in _failed(GOOD, spec)
    asked = GOOD.replace(
        "Thank you again", "Could you let me know when you expect to reach a decision? Thanks"
    )
    assert "next steps, to the right person" not in _failed(asked, spec)


def test_a_discussed_timeline_is_not_a_timing_question() -> None:
    spec = SPEC.model_copy(update={"topics": ["the hiring timeline"]})
    text = GOOD.replace("the damp and mould backlog", "the hiring timeline")
    assert "next steps, to the right person" not in _failed(text, spec)


def test_the_subject_must_name_the_role() -> None:
    assert "subject names the role" in _failed(GOOD, subject="Thank you!")
    assert "subject names the role" in _failed(GOOD, subject="Thank you " + "very " * 30)


def test_a_representative_needs_no_evidence() -> None:
    spec = SPEC.model_copy(update={"needs_evidence": False, "evidence": []})
    assert "ties the topic to your evidence" not in _failed(GOOD, spec)


def test_a_sentence_shared_between_two_notes_is_flagged() -> None:
    a = "Thank you for the tour of the depot. I would enjoy working alongside you."
    b = "Your view of the night rota was useful. I would enjoy working alongside you."
    checks = check_copies([a, b], [[], []])
    assert [c.passed for c in checks] == [False, False]
    assert "I would enjoy working alongside you." in checks[0].detail
    fine = check_copies([a, "Your view of the night rota was useful."], [[], []])
    assert [c.passed for c in fine] == [True, True]


def test_only_advice_checks_let_a_note_be_sent() -> None:
    checks = {
        c.name: c for c in check_note(GOOD.replace("Dear Gareth,", "Dear Cllr,"), SUBJECT, SPEC)
    }
    assert checks["greets them properly"].blocking
    assert not checks["ties the topic to your evidence"].blocking
    assert not checks["length"].blocking


def test_a_timeline_or_a_decision_in_a_story_is_not_a_timing_question() -> None:
    text = GOOD.replace(
        "All 640 cases were inspected within four months.",
        "The refinancing timeline slipped, and the decision to split the loan was mine.",
    )
    spec = SPEC.model_copy(
        update={
            "evidence": [
                "The refinancing timeline slipped, and the decision to split the loan was mine."
            ]
        }
    )
    assert "next steps, to the right person" not in _failed(text, spec)
    asked = text.replace("Thank you again", "When do you expect to reach a decision? Thanks")
    assert "next steps, to the right person" in _failed(asked, spec)
