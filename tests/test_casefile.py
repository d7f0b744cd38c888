"""Reading case files: every bad input gets one line naming file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from finalist.casefile import MAX_CASE_FILE_BYTES, dump_case, load_case_file, parse_case
from finalist.errors import FinalistError
from finalist.model import Format

from .conftest import DATA, EXAMPLES

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def _fails(text: str) -> str:
    with pytest.raises(FinalistError) as caught:
        parse_case(text, "cases/acme.yaml")
    message = caught.value.message
    assert "\n" not in message, "an error is one line"
    return message


def test_minimal_case_loads() -> None:
    case = parse_case(MINIMAL)
    assert case.opportunity.company == "Lumen Textiles"
    assert case.rounds[0].format is Format.panel
    assert case.case_id() == "lumen-textiles-operations-analyst"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_load_and_round_trip(path: Path) -> None:
    case = load_case_file(path)
    assert parse_case(dump_case(case)) == case


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("format: panel", "format: lunch"),
            "cases/acme.yaml:22 rounds[0].format: 'lunch' is not a format; use one of panel, "
            "one-on-one, presentation, informal, virtual, group (lunch is informal)",
            id="unknown-format",
        ),
        pytest.param(
            ("format: panel", "format: panle"),
            "did you mean panel?",
            id="misspelt-format",
        ),
        pytest.param(
            ("date: 2026-12-10T14:00", "date: 2026-02-30"),
            "cases/acme.yaml:20 rounds[0].date: '2026-02-30' is not a real date",
            id="impossible-date",
        ),
        pytest.param(
            ("date: 2026-12-10T14:00", "date: next tuesday"),
            "rounds[0].date: 'next tuesday' is not a date; write dates as YYYY-MM-DD",
            id="not-a-date",
        ),
        pytest.param(
            ("  company: Lumen Textiles\n", ""),
            "cases/acme.yaml:5 opportunity.company: is missing; this field is required",
            id="missing-company",
        ),
        pytest.param(
            ("  name: Ines Duarte\n", ""),
            "cases/acme.yaml:2 candidate.name: is missing",
            id="missing-candidate-name",
        ),
        pytest.param(
            ("  name: Ines Duarte", '  name: ""'),
            "candidate.name: is empty",
            id="empty-candidate-name",
        ),
        pytest.param(
            ("duration_minutes: 60", "duration_minutes: an hour"),
            "cases/acme.yaml:21 rounds[0].duration_minutes: expected a whole number, got 'an hour'",
            id="wrong-type-number",
        ),
        pytest.param(
            ("duration_minutes: 60", "duration_minutes: 9000"),
            "rounds[0].duration_minutes: 9000 is out of range; it must be at most 720",
            id="number-out-of-range",
        ),
        pytest.param(
            ("  role: Operations Analyst", "  role: [a, b]"),
            "opportunity.role: expected text, got a list",
            id="list-for-text",
        ),
        pytest.param(
            (
                "    interviewers:\n      - name: Oskar Berg\n        title: Operations Manager\n",
                "    interviewers: Oskar Berg\n",
            ),
            "opportunity.first_round.interviewers: expected a list (lines starting with '- '), "
            "got 'Oskar Berg'",
            id="text-for-list",
        ),
        pytest.param(
            ("      - name: Leo Brandt", "      - name: hana  sato"),
            "cases/acme.yaml:26 rounds[0].interviewers[1].name: 'hana sato' is listed twice",
            id="same-interviewer-twice",
        ),
        pytest.param(
            ("        - interviewer: Hana Sato", "        - interviewer: Hanna Sato"),
            "rounds[0].debrief.talked_with[0].interviewer: 'Hanna Sato' is not an interviewer "
            "of this round (did you mean 'Hana Sato'?)",
            id="debrief-names-stranger",
        ),
        pytest.param(
            ("  email: ines@example.org", "  email: ines-at-example"),
            "candidate.email: 'ines-at-example' is not an email address",
            id="bad-email",
        ),
        pytest.param(
            ("stories:", "storys:"),
            "storys: 'storys' is not a field here; did you mean 'stories'?",
            id="unknown-top-field",
        ),
        pytest.param(
            ("    title: Operations Manager", "    titel: Operations Manager"),
            "'titel' is not a field here; did you mean 'title'?",
            id="unknown-nested-field",
        ),
        pytest.param(
            ("  - title: Supplier delays", "  - title: Panel\n  - title: panel"),
            "stories[1].title: two stories are titled 'panel'",
            id="same-story-twice",
        ),
        pytest.param(
            ("    format: panel", "    format: panel\n    presentation_minutes: 90"),
            "rounds[0].presentation_minutes: the presentation (90 min) is longer than the round",
            id="presentation-longer-than-round",
        ),
        pytest.param(
            ("  role: Operations Analyst", "  role: Operations Analyst\n  stage: hired"),
            "opportunity.stage: 'hired' is not a stage; use one of applied, screening",
            id="unknown-stage",
        ),
        pytest.param(
            ("  role: Operations Analyst", "  role: Operations Analyst\n  finalists: yes"),
            "opportunity.finalists: expected a whole number, got 'yes'",
            id="yes-is-not-a-number",
        ),
    ],
)
def test_bad_field(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in MINIMAL, f"the test's anchor {old!r} is not in minimal.yaml"
    message = _fails(MINIMAL.replace(old, new, 1))
    assert expected in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", "cases/acme.yaml is empty", id="empty"),
        pytest.param("# only a comment\n", "cases/acme.yaml is empty", id="only-comment"),
        pytest.param("- a\n- b\n", "the case file is a list; it must be a mapping", id="list"),
        pytest.param("just words", "the case file is just str text", id="scalar"),
        pytest.param(
            "candidate: {name: [unclosed\n",
            "cases/acme.yaml:2 is not valid YAML",
            id="not-yaml",
        ),
        pytest.param(
            "candidate:\n  name: A\n opportunity: x\n", "is not valid YAML", id="bad-indent"
        ),
        pytest.param(
            "a: &x [*x]\n", "an alias (*x) repeats another part of the file", id="recursive-alias"
        ),
    ],
)
def test_bad_document(text: str, expected: str) -> None:
    assert expected in _fails(text)


def test_several_problems_are_counted() -> None:
    text = MINIMAL.replace("format: panel", "format: lunch").replace(
        "duration_minutes: 60", "duration_minutes: -1"
    )
    message = _fails(text)
    assert message.startswith("cases/acme.yaml:21 rounds[0].duration_minutes")
    assert message.endswith("(and 1 more problem after this one)")


def test_huge_job_description_is_refused_by_size(tmp_path: Path) -> None:
    huge = MINIMAL.replace(
        "  role: Operations Analyst",
        "  role: Operations Analyst\n  job_description: " + "x" * 10_000_000,
    )
    path = tmp_path / "huge.yaml"
    path.write_text(huge, encoding="utf-8")
    with pytest.raises(
        FinalistError, match=r"huge.yaml is 10.0 MB; case files are limited to 1 MB"
    ):
        load_case_file(path)


def test_long_job_description_under_the_file_limit_is_refused_by_field() -> None:
    text = MINIMAL.replace(
        "  role: Operations Analyst",
        "  role: Operations Analyst\n  job_description: " + "word " * 12_000,
    )
    assert len(text.encode()) < MAX_CASE_FILE_BYTES
    assert "opportunity.job_description: has 59,999 characters; the limit is 50,000" in _fails(text)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(FinalistError, match="is a binary file; give a text file"):
        load_case_file(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(MINIMAL.replace("Ines", "Inès").encode("latin-1"))
    with pytest.raises(FinalistError, match=r"latin1.yaml:3 is not UTF-8 text \(byte 0xe8\)"):
        load_case_file(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FinalistError, match="no such file"):
        load_case_file(tmp_path / "nope.yaml")
    with pytest.raises(FinalistError, match="is a folder"):
        load_case_file(tmp_path)


def test_byte_order_mark_is_accepted() -> None:
    assert parse_case("\ufeff" + MINIMAL).candidate.name == "Ines Duarte"


def test_other_scripts_and_emoji_are_accepted() -> None:
    text = (
        MINIMAL.replace("Ines Duarte", "李小龍 🌟")
        .replace("Hana Sato", "佐藤 花")
        .replace("Leo Brandt", "Лев Брандт")
        .replace("Lumen Textiles", "نسيج لومن")
    )
    case = parse_case(text)
    assert case.candidate.name == "李小龍 🌟"
    assert case.rounds[0].debrief is not None
    assert case.rounds[0].debrief.talked_with[0].interviewer == "佐藤 花"
    assert case.case_id().startswith("case-") or case.case_id().endswith("operations-analyst")


HOSTILE = [
    "<script>alert('x')</script>",
    "Robert'); DROP TABLE cases;--",
    "[bold red]not markup[/]",
    "{{ 7 * 7 }} ${HOME} %s",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_kept_as_plain_text(hostile: str) -> None:
    text = MINIMAL.replace("Lumen Textiles", f'"{hostile}"').replace(
        "Talked about forecasting accuracy.", f'"{hostile}"'
    )
    case = parse_case(text)
    assert case.opportunity.company == hostile
    assert case.opportunity.first_round is not None
    assert case.opportunity.first_round.notes == hostile


def test_control_characters_are_removed_and_lines_normalised() -> None:
    text = MINIMAL.replace("Lumen Textiles", '"Lumen\\x1b[31m Tex\\u200btiles\\x07"')
    case = parse_case(text.replace("Talked about", '"Talked\\r\\nabout"  #'))
    assert case.opportunity.company == "Lumen[31m Textiles"
    assert case.opportunity.first_round is not None
    assert case.opportunity.first_round.notes == "Talked\nabout"


def test_yes_and_no_stay_text() -> None:
    case = parse_case(MINIMAL.replace("Hana Sato", "No").replace("[nearshoring]", "[yes]"))
    assert case.rounds[0].interviewers[0].name == "No"


def test_very_long_line_in_a_name_is_refused() -> None:
    message = _fails(MINIMAL.replace("Ines Duarte", "I" * 5_000))
    assert "candidate.name: has 5,000 characters; the limit is 120" in message
