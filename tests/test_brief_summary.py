"""The brief that starts with what matters: the summary's choices (coach.summary), the
terminal summary and --full, and the web brief's contents and folding sections."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from finalist.casefile import load_case_file, parse_case
from finalist.coach import build_brief
from finalist.coach.brief import shared_scripts
from finalist.coach.summary import arg, brief_summary, focus_rounds
from finalist.knowledge import load
from finalist.model import Case

from .conftest import DATA, EXAMPLES, Cli

TODAY = "2026-11-28"
# the examples with a round still ahead on TODAY (the charity's rounds are all behind it,
# and its brief is the after-the-rounds one)
AHEAD = [
    p
    for p in EXAMPLES
    if any(r.date is not None and r.date.isoformat()[:10] > TODAY for r in load_case_file(p).rounds)
]
DEMO = next(p for p in EXAMPLES if p.name == "harbourline-product-lead.yaml")
MAX_LINES = 250  # a five-minute read at 80 columns

NO_STORIES = """\
candidate: {name: Ines Duarte}
opportunity: {company: Lumen Textiles, role: Operations Analyst}
rounds:
  - name: Remote panel
    date: "2026-12-01T09:00"
    interviewers: [{name: Hana Sato, title: Head of Operations}, {name: Leo Brandt}]
"""
NO_ROUNDS = """\
candidate: {name: Ines Duarte}
opportunity: {company: Lumen Textiles, role: Operations Analyst}
"""


def _brief(case: Case, today: str = TODAY) -> object:
    return build_brief(case, date.fromisoformat(today), load())


def _narrow(cli: Cli, *args: str) -> str:
    cli.monkeypatch.setenv("COLUMNS", "80")
    result = cli("brief", *args)
    assert (result.code, result.err) == (0, ""), args
    return result.out


# --- what the summary chooses ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        pytest.param(
            "harbourline-senior-product-manager", "harbourline-senior-product-manager", id="id"
        ),
        pytest.param("examples/x.yaml", "examples/x.yaml", id="path"),
        pytest.param("Daniel Reyes", '"Daniel Reyes"', id="space"),
        pytest.param("Siobhán O'Neill", '"Siobhán O\'Neill"', id="apostrophe"),
        pytest.param('say "hi" $HOME', "'say \"hi\" $HOME'", id="shell-characters"),
    ],
)
def test_arguments_are_quoted_only_when_they_must_be(text: str, typed: str) -> None:
    assert arg(text) == typed


@pytest.mark.parametrize(
    ("example", "rounds"),
    [
        pytest.param("harbourline-product-lead.yaml", [1, 2], id="two-rounds-one-day"),
        pytest.param("northfield-clinical-ops.yaml", [1, 2, 3], id="three-rounds-one-day"),
        pytest.param("castellan-cfo-search.yaml", [2], id="one-round-then-another-day"),
    ],
)
def test_the_summary_covers_the_next_day_of_interviews(example: str, rounds: list[int]) -> None:
    case = load_case_file(next(p for p in EXAMPLES if p.name == example))
    brief = build_brief(case, date.fromisoformat(TODAY), load())
    assert [rb.people.round_number for rb in focus_rounds(brief)] == rounds
    summary = brief_summary(brief, case)
    people = {p.name for n in rounds for p in case.rounds[n - 1].interviewers}
    assert {p.name for p in summary.people} == people
    assert len(summary.questions) == 5
    assert all(p.question for p in summary.people)
    # a person's likeliest question among the five points to it, with the same text
    for p in summary.people:
        if p.top_number is not None:
            assert summary.questions[p.top_number - 1].text == p.question
    # the gaps: concerns nothing answers come before the weak ones
    statuses = [g.status for g in summary.gaps]
    assert statuses == sorted(statuses, key=lambda s: s != "open")
    later = [r.label(i) for i, r in enumerate(case.rounds, start=1) if i not in rounds]
    assert set(summary.later) <= set(later)


def test_the_next_steps_name_commands_for_the_case_as_typed() -> None:
    case = load_case_file(DEMO)
    brief = build_brief(case, date.fromisoformat(TODAY), load())
    stored = brief_summary(brief, case, "harb")
    commands = [s.command for s in stored.next_steps if s.command]
    assert "finalist brief harb --full" in commands
    assert any(c.startswith("finalist practice harb -i ") for c in commands)
    from_file = brief_summary(brief, case, str(DEMO), stored=False)
    assert f"finalist import {DEMO}" in [s.command for s in from_file.next_steps]
    assert not any("story add" in (s.command or "") for s in from_file.next_steps)


def test_each_script_is_listed_once() -> None:
    case = load_case_file(next(p for p in EXAMPLES if p.name == "northfield-clinical-ops.yaml"))
    brief = build_brief(case, date.fromisoformat(TODAY), load())
    assert len(brief.rounds) == 3
    scripts = shared_scripts(brief)
    assert [s.id for s in scripts] == [s.id for s in brief.rounds[0].playbook.scripts]
    assert len({s.id for s in scripts}) == len(scripts) == len(load().scripts)


# --- the terminal -----------------------------------------------------------------------


@pytest.mark.parametrize("example", AHEAD, ids=lambda p: p.stem)
def test_the_brief_is_a_five_minute_read(cli: Cli, example: Path) -> None:
    shown = _narrow(cli, str(example), "--today", TODAY)
    lines = shown.count("\n")
    assert 60 <= lines <= MAX_LINES, f"{example.name}: {lines} lines at 80 columns"
    case = load_case_file(example)
    brief = build_brief(case, date.fromisoformat(TODAY), load())
    for person in brief_summary(brief, case).people:
        assert person.name in shown
    for heading in ("At a glance", "Who you will meet", "most worth preparing", "What to do next"):
        assert heading in shown
    assert "--full" in shown


@pytest.mark.parametrize(
    "example",
    [p for p in AHEAD if p.name != "castellan-cfo-search.yaml"],
    ids=lambda p: p.stem,
)
def test_full_prints_everything_and_each_script_once(cli: Cli, example: Path) -> None:
    summary = _narrow(cli, str(example), "--today", TODAY)
    full = _narrow(cli, str(example), "--today", TODAY, "--full")
    assert full.count("\n") > 4 * summary.count("\n")
    assert "Consensus map" in full
    assert "Logistics checklist" in full
    for script in load().scripts.values():
        assert full.count(script.title) == 1, script.title


@pytest.mark.parametrize(
    ("text", "today", "shown"),
    [
        pytest.param(
            NO_STORIES,
            TODAY,
            ["Hana Sato", "Leo Brandt", "no story yet", "Add your stories"],
            id="no-stories",
        ),
        pytest.param(
            NO_ROUNDS,
            TODAY,
            ["No round ahead is scheduled.", "Add the rounds you are invited to"],
            id="no-rounds",
        ),
    ],
)
def test_an_unready_case_says_what_to_do(
    cli: Cli, tmp_path: Path, text: str, today: str, shown: list[str]
) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    out = " ".join(_narrow(cli, str(path), "--today", today).split())
    for words in [*shown, "What to do next", "--full"]:
        assert words in out


def test_rounds_behind_you_turn_to_the_debrief_and_the_notes(cli: Cli) -> None:
    out = _narrow(cli, str(DEMO), "--today", "2026-12-20")
    assert "Who you will meet" not in out
    for words in ("Log the debrief: Leadership panel", "Send your thank-you notes", "--full"):
        assert words in out
    assert "finalist thanks" in out


def test_the_markdown_and_json_stay_whole(cli: Cli) -> None:
    md = cli("brief", str(DEMO), "--to", "md", "--today", TODAY).out
    assert "Consensus map" in md
    assert md.count("\n") > 1000
    data = cli("brief", str(DEMO), "--json", "--today", TODAY).out
    assert '"playbook"' in data
    assert '"summary"' not in data  # the JSON is the whole brief, as before


def test_case_text_is_never_markup(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(NO_STORIES.replace("Remote panel", '"[red]Remote[/red] panel"'), "utf-8")
    assert "[red]Remote[/red] panel" in _narrow(cli, str(path), "--today", TODAY)
    assert "[red]Remote[/red] panel" in _narrow(cli, str(path), "--today", TODAY, "--full")


def test_the_summary_of_a_parsed_case_needs_no_store() -> None:
    case = parse_case(NO_STORIES, "case.yaml")
    summary = brief_summary(build_brief(case, date.fromisoformat(TODAY), load()), case)
    assert summary.stories == 0
    assert summary.unanswered == summary.asked > 0
    assert all(q.story is None for q in summary.questions)


# --- the web brief ----------------------------------------------------------------------


class _Page(HTMLParser):
    """The ids, the contents' links and the folding sections of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.toc: list[str] = []
        self.details: dict[str, bool] = {}
        self.scripts: list[str] = []
        self._in_toc = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "nav" and "toc" in (a.get("class") or ""):
            self._in_toc = True
        if tag == "a" and self._in_toc and (a.get("href") or "").startswith("#"):
            self.toc.append(str(a["href"])[1:])
        if tag == "details":
            self.details[str(a.get("id"))] = "open" in a
        if tag == "script" and a.get("src"):
            self.scripts.append(str(a["src"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_toc = False


def test_the_web_brief_has_contents_and_folding_sections(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from finalist.settings import Settings
    from finalist.web import create_app

    from .test_web import imported

    home = tmp_path / "home"
    app = create_app(
        Settings(home=home, database_url=Settings.default_url(home)),
        today=lambda: date(2026, 12, 7),
    )
    with TestClient(app, base_url="http://127.0.0.1") as client:
        case_id = imported(client, DATA / "riverside.yaml")
        page = _Page()
        text = client.get(f"/cases/{case_id}").text
        page.feed(text)
        script = client.get("/static/brief.js")
    app.state.finalist.store.close()
    assert page.toc[:2] == ["glance", "summary"]
    assert len(page.toc) >= 8
    assert set(page.toc) <= page.ids
    assert set(page.toc) == set(page.details)  # every section folds, and is in the contents
    opened = {key for key, is_open in page.details.items() if is_open}
    assert opened == {"glance", "summary"}  # the long sections start closed
    assert "scripts" in page.details  # the scripts, once, after the rounds
    for script_entry in load().scripts.values():
        assert text.count(script_entry.title.replace("'", "&#39;")) == 1, script_entry.title
    assert "/static/brief.js" in page.scripts
    assert script.status_code == 200
    assert "beforeprint" in script.text
