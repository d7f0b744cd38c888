"""The web app in-process (TestClient): every page and form, bad input through the forms,
CSRF, the size limit, the host check, escaping, and the JSON API."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="pip install -e '.[dev]' (fastapi is a dependency)")
from fastapi.testclient import TestClient

from finalist.settings import Settings
from finalist.web import create_app
from finalist.web.security import MAX_BODY_BYTES

from .conftest import DATA, EXAMPLES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
TODAY = date(2026, 12, 7)  # the first round is today: debriefs allowed, rounds ahead
RIVERSIDE = "riverside-grocers-senior-manager"
HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "'; DROP TABLE cases; --",
    "line\x00with\x07controls",
    "x" * 5000,
    "Ünïcödé 日本語 العربية עברית",
]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    home = tmp_path / "home"
    settings = Settings(home=home, database_url=Settings.default_url(home))
    app = create_app(settings, today=lambda: TODAY)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
    app.state.finalist.store.close()


def token(c: TestClient, page: str = "/cases/new") -> str:
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', c.get(page).text)
    assert match, "every form page carries a CSRF token"
    return match.group(1)


def post(c: TestClient, url: str, data: dict[str, str], **kw: object) -> object:
    return c.post(url, data={"csrf_token": token(c), **data}, follow_redirects=False, **kw)  # type: ignore[arg-type]


def imported(c: TestClient, path: Path = DATA / "riverside.yaml") -> str:
    r = c.post(
        "/cases/import",
        data={"csrf_token": token(c)},
        files={"file": (path.name, path.read_bytes(), "text/yaml")},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return r.headers["location"].rsplit("/", 1)[-1]


CASE_PAGES = [
    "",
    "/people",
    "/asks",
    "/why",
    "/plan",
    "/playbook",
    "/stories",
    "/consensus",
    "/practice",
    "/practice/1/1",
    "/debrief",
    "/thanks",
    "/timeline",
    "/edit",
    "/rounds/1",
    "/rounds/1/people/1",
    "/stories/1",
    "/rounds/new",
    "/rounds/1/people/new",
    "/stories/new",
    "/remove/case",
    "/remove/rounds/1",
    "/remove/stories/1",
]


def test_the_empty_list_invites_a_first_case(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "No case yet" in page.text
    assert 'href="/cases/new"' in page.text


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_page_of_every_example_renders(client: TestClient, example: Path) -> None:
    case_id = imported(client, example)
    for page in CASE_PAGES:
        r = client.get(f"/cases/{case_id}{page}")
        assert r.status_code == 200, (page, r.text[:300])
        assert "<h1>" in r.text
    listing = client.get("/").text
    assert f'href="/cases/{case_id}"' in listing


def test_the_brief_shows_what_the_command_line_shows(client: TestClient) -> None:
    from finalist.casefile import load_case_file
    from finalist.coach.brief import build_brief
    from finalist.knowledge import load

    case_id = imported(client)
    page = client.get(f"/cases/{case_id}").text
    brief = build_brief(load_case_file(DATA / "riverside.yaml"), TODAY, load())
    first = brief.rounds[0].people.people[0]
    assert first.questions[0].text.replace("'", "&#39;") in page
    assert "Likely questions" in page
    assert f"Brief: {brief.glance.role}" in page
    assert 'href="/cases/' + case_id + '/brief.md"' in page


def test_round_one_and_the_plan_show_what_the_command_line_shows(client: TestClient) -> None:
    from finalist.casefile import load_case_file
    from finalist.coach.consensus import consensus_map
    from finalist.coach.plan import first_six_months
    from finalist.knowledge import load

    path = next(p for p in EXAMPLES if "castellan" in p.name)
    case_id = imported(client, path)
    case = load_case_file(path)
    plan = first_six_months(case, load(), TODAY)
    page = html.unescape(client.get(f"/cases/{case_id}/plan").text)
    assert plan.not_one_to_one
    assert all(line in page for line in plan.not_one_to_one)
    assert all(m.text in page for stage in plan.stages for m in stage.milestones)
    shared = html.unescape(client.get(f"/cases/{case_id}/plan?share=1").text)
    assert all(m.text in shared for stage in plan.stages for m in stage.milestones)
    assert "How to use it in the interview" not in shared  # the plan alone
    assert "(from " not in shared
    cm = consensus_map(case, 2, load())
    assert cm.repairs
    page = html.unescape(client.get(f"/cases/{case_id}/consensus").text)
    assert "From round one: prepare again" in page
    assert all(f"{r.label}: {r.question or r.noted}" in page for r in cm.repairs)


def test_downloads(client: TestClient) -> None:
    from icalendar import Calendar

    case_id = imported(client)
    md = client.get(f"/cases/{case_id}/brief.md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Brief: Senior Manager, Finance Systems at Riverside Grocers")
    ics = client.get(f"/cases/{case_id}/timeline.ics")
    assert len(list(Calendar.from_ical(ics.content).walk("VEVENT"))) >= 3
    yaml_text = client.get(f"/cases/{case_id}/case.yaml").text
    assert "company: Riverside Grocers" in yaml_text
    pdf = client.get(f"/cases/{case_id}/brief.pdf")
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        assert pdf.status_code == 501
        assert "pip install 'finalist[pdf]'" in pdf.text
    else:  # pragma: no cover - only where the optional extra is installed
        assert pdf.content.startswith(b"%PDF")


def test_create_a_case_from_the_form_then_edit_it(client: TestClient) -> None:
    r = post(
        client,
        "/cases/new",
        {
            "candidate.name": "Ada Obi",
            "candidate.email": "ada@example.org",
            "opportunity.company": "Kestrel Labs",
            "opportunity.role": "Data Lead",
            "opportunity.stage": "second-round",
        },
    )
    assert r.status_code == 303  # type: ignore[attr-defined]
    assert r.headers["location"] == "/cases/kestrel-labs-data-lead/edit"  # type: ignore[attr-defined]
    edit = client.get("/cases/kestrel-labs-data-lead/edit").text
    values = dict(
        re.findall(
            r'name="([a-z_.]+)" type="(?:text|email)"\s+(?:inputmode="numeric"\s+)?value="([^"]*)"',
            edit,
        )
    )
    values |= {"o.stage": "final", "time_zone": "europe/london", "o.company": "Kestrel Labs Ltd"}
    saved = post(client, "/cases/kestrel-labs-data-lead/edit", values)
    assert saved.status_code == 303, saved.text  # type: ignore[attr-defined]
    case = client.get("/api/cases/kestrel-labs-data-lead").json()["case"]
    assert case["opportunity"]["stage"] == "final"
    assert case["candidate"]["time_zone"] == "Europe/London"
    assert case["opportunity"]["company"] == "Kestrel Labs Ltd"  # renamed, same id


def test_rounds_people_and_stories_through_forms(client: TestClient) -> None:
    case_id = imported(client)
    r = post(
        client,
        f"/cases/{case_id}/rounds/new",
        {"name": "Board dinner", "format": "informal", "date": "2026-12-20T19:00"},
    )
    assert r.headers["location"] == f"/cases/{case_id}/rounds/4?saved=round"  # type: ignore[attr-defined]
    p = post(
        client,
        f"/cases/{case_id}/rounds/4/people/new",
        {
            "name": "Jo Park",
            "title": "Chief Executive",
            "priorities": "growth\n\nmargin\n",
            "address_as": "Dr Park",
        },
    )
    assert p.status_code == 303  # type: ignore[attr-defined]
    form = client.get(f"/cases/{case_id}/rounds/4/people/1").text
    assert "Address as" in form
    assert 'value="Dr Park"' in form
    s = post(
        client,
        f"/cases/{case_id}/stories/new",
        {"title": "Ledger cutover", "result": "Closed in 4 days."},
    )
    assert s.status_code == 303  # type: ignore[attr-defined]
    case = client.get(f"/api/cases/{case_id}").json()["case"]
    assert case["rounds"][3]["interviewers"][0]["priorities"] == ["growth", "margin"]
    assert case["rounds"][3]["interviewers"][0]["address_as"] == "Dr Park"
    assert case["stories"][-1]["title"] == "Ledger cutover"
    # change the person, then remove the round after confirming
    post(client, f"/cases/{case_id}/rounds/4/people/1", {"name": "Jo Park", "title": "COO"})
    assert (
        client.get(f"/api/cases/{case_id}").json()["case"]["rounds"][3]["interviewers"][0]["title"]
        == "COO"
    )
    confirm = client.get(f"/cases/{case_id}/remove/rounds/4")
    assert "Remove Board dinner, with its people and debrief?" in confirm.text
    form = _confirmation(client, f"/cases/{case_id}/remove/rounds/4")
    gone = post(client, f"/cases/{case_id}/remove/rounds/4", form)
    assert gone.status_code == 303  # type: ignore[attr-defined]
    assert len(client.get(f"/api/cases/{case_id}").json()["case"]["rounds"]) == 3


def test_delete_a_case_after_confirming(client: TestClient) -> None:
    case_id = imported(client)
    assert "Yes, remove it" in client.get(f"/cases/{case_id}/remove/case").text
    r = post(client, f"/cases/{case_id}/remove/case", {})
    assert r.headers["location"] == "/"  # type: ignore[attr-defined]
    assert client.get(f"/cases/{case_id}").status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("candidate.name", "", "(required)"),
        ("candidate.email", "not-an-email", "is not an email address"),
        ("opportunity.company", "x" * 70_000, "more than finalist keeps"),
        ("opportunity.stage", "hired", "stage"),
        ("opportunity.role", "", "(required)"),
    ],
)
def test_bad_input_in_the_new_case_form_is_shown_next_to_the_field(
    client: TestClient, field: str, value: str, message: str
) -> None:
    data = {
        "candidate.name": "Ada",
        "opportunity.company": "Kestrel",
        "opportunity.role": "Lead",
        "opportunity.stage": "second-round",
        field: value,
    }
    r = post(client, "/cases/new", data)
    assert r.status_code == 400  # type: ignore[attr-defined]
    text = r.text  # type: ignore[attr-defined]
    fid = "f-" + field.replace(".", "-")
    assert f'id="{fid}" name="{field}"' in text
    assert 'aria-invalid="true"' in text
    assert f'id="{fid}-error"' in text
    assert message in text
    assert "Traceback" not in text
    assert client.get("/api/cases").json() == []  # nothing half-saved


@pytest.mark.parametrize(
    ("url", "data", "field"),
    [
        ("/rounds/new", {"date": "2026-02-30"}, "date"),
        ("/rounds/new", {"duration_minutes": "ninety"}, "duration_minutes"),
        ("/rounds/new", {"duration_minutes": "99999"}, "duration_minutes"),
        ("/rounds/new", {"format": "dinner"}, "format"),
        ("/rounds/1/people/new", {"name": "Grace Lin"}, "name"),
        ("/rounds/1/people/new", {"name": ""}, "name"),
        ("/rounds/1/people/new", {"name": "Jo", "email": "jo@"}, "email"),
        ("/stories/new", {"title": "Close in five days"}, "title"),
        ("/stories/new", {"title": "   "}, "title"),
    ],
)
def test_bad_input_in_item_forms_loses_nothing(
    client: TestClient, url: str, data: dict[str, str], field: str
) -> None:
    case_id = imported(client)
    before = client.get(f"/api/cases/{case_id}").json()
    r = post(client, f"/cases/{case_id}{url}", data)
    assert r.status_code == 400, r.text  # type: ignore[attr-defined]
    text = r.text  # type: ignore[attr-defined]
    if field:
        assert f'id="f-{field}-error"' in text
    else:
        assert 'class="form-error"' in text
    assert client.get(f"/api/cases/{case_id}").json() == before


@pytest.mark.parametrize("hostile", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_through_a_form_is_stored_as_text_and_shown_escaped(
    client: TestClient, hostile: str
) -> None:
    case_id = imported(client)
    r = post(client, f"/cases/{case_id}/stories/new", {"title": "Hostile", "action": hostile})
    assert r.status_code == 303, r.text  # type: ignore[attr-defined]
    page = client.get(f"/cases/{case_id}/stories").text
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x" not in page
    stored = client.get(f"/api/cases/{case_id}").json()["case"]["stories"][-1]["action"]
    assert stored == re.sub(
        r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", hostile
    )  # as typed, minus controls


def test_import_refuses_bad_files_with_a_message(client: TestClient) -> None:
    def upload(name: str, content: bytes) -> str:
        r = client.post(
            "/cases/import",
            data={"csrf_token": token(client)},
            files={"file": (name, content, "text/yaml")},
        )
        assert r.status_code == 400
        return r.text

    assert "is not a text file" in upload("x.yaml", b"\x00\x01\x02binary")
    assert "is not UTF-8 text" in upload("x.yaml", "café".encode("latin-1"))
    assert "is empty" in upload("x.yaml", b"")
    assert "company" in upload("x.yaml", b"candidate: {name: A}\nopportunity: {role: B}\n")
    pasted = client.post(
        "/cases/import", data={"csrf_token": token(client), "text": "candidate: [unclosed"}
    )
    assert pasted.status_code == 400
    assert "candidate: [unclosed" in pasted.text  # the pasted text is kept to fix
    nothing = client.post("/cases/import", data={"csrf_token": token(client)})
    assert "choose a case file to upload, or paste one" in nothing.text
    assert client.get("/api/cases").json() == []


def test_forms_without_the_token_are_refused(client: TestClient) -> None:
    client.get("/")
    r = client.post(
        "/cases/new",
        data={"candidate.name": "A", "opportunity.company": "B", "opportunity.role": "C"},
    )
    assert r.status_code == 403
    assert "This form has expired or came from another site" in r.text
    forged = client.post("/cases/new", data={"csrf_token": "0" * 64, "candidate.name": "A"})
    assert forged.status_code == 403
    fresh = TestClient(client.app, base_url="http://127.0.0.1")  # another browser
    stolen = fresh.post("/cases/new", data={"csrf_token": token(client), "candidate.name": "A"})
    assert stolen.status_code == 403
    assert client.get("/api/cases").json() == []


def test_a_body_over_the_limit_is_refused(client: TestClient) -> None:
    big = "x" * (MAX_BODY_BYTES + 1)
    r = client.post("/cases/import", data={"csrf_token": token(client), "text": big})
    assert r.status_code == 413
    assert "larger than 2 MB" in r.text
    api = client.post(
        "/api/analyze",
        content=b"{" + b" " * MAX_BODY_BYTES + b"}",
        headers={"content-type": "application/json"},
    )
    assert api.status_code == 413
    assert "larger than 2 MB" in api.json()["detail"]


def test_other_host_names_are_refused(client: TestClient) -> None:
    r = client.get("/", headers={"host": "attacker.example"})
    assert r.status_code == 400


def test_unknown_pages_and_cases_are_readable_errors(client: TestClient) -> None:
    for url in ("/nope", "/cases/no-such-case", "/cases/no-such-case/people"):
        r = client.get(url)
        assert r.status_code == 404
        assert "Traceback" not in r.text
        assert '<p class="form-error" role="alert">' in r.text
    case_id = imported(client)
    for url in (
        "/rounds/9",
        "/rounds/1/people/9",
        "/stories/9",
        "/practice/9/1",
        "/practice/1/1?q=99",
        "/practice/1/1?q=abc",
        "/remove/nothing",
    ):
        r = client.get(f"/cases/{case_id}{url}")
        assert r.status_code == 400, url
        assert "form-error" in r.text


def test_practice_one_answer_with_feedback_probe_and_history(client: TestClient) -> None:
    case_id = imported(client)
    page = client.get(f"/cases/{case_id}/practice/1/1").text
    question = re.search(r'<p class="question" id="prompt">(.*?)</p>', page)
    assert question
    answer = (
        "We had a ledger that took nine days to close. We rebuilt the process and it got "
        "better. Everyone was happy in the end."
    )
    r = post(
        client,
        f"/cases/{case_id}/practice/1/1",
        {"q": "0", "depth": "0", "answer": answer, "seconds": "75", "asked": "[]"},
    )
    assert r.status_code == 200  # type: ignore[attr-defined]
    text = r.text  # type: ignore[attr-defined]
    assert "What a listener would notice" in text
    assert "follows up" in text
    probe = re.search(r'name="prompt" value="([^"]+)"', text.split("follows up")[1])
    assert probe
    attempts = client.get(f"/api/cases/{case_id}/attempts").json()
    assert attempts["attempts"] == 1
    history = client.get(f"/cases/{case_id}/practice").text
    assert "Your attempts" in history
    assert "No attempt yet" not in history


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("", "is empty"),
        ("?!?! ... ---", "only punctuation"),
        ("word " * 6000, "an answer is at most"),
    ],
)
def test_bad_practice_answers(client: TestClient, answer: str, message: str) -> None:
    case_id = imported(client)
    r = post(client, f"/cases/{case_id}/practice/1/1", {"q": "0", "depth": "0", "answer": answer})
    assert r.status_code == 400  # type: ignore[attr-defined]
    assert message in r.text  # type: ignore[attr-defined]
    assert client.get(f"/api/cases/{case_id}/attempts").json()["attempts"] == 0


def test_analyze_page(client: TestClient) -> None:
    r = post(
        client,
        "/analyze",
        {
            "question": "Tell me about a failure.",
            "title": "CFO",
            "answer": "I missed a deadline. I learned to plan.",
        },
    )
    assert r.status_code == 200  # type: ignore[attr-defined]
    assert "A stronger version, in your own words" in r.text or "Nothing to fix" in r.text  # type: ignore[attr-defined]
    bad = post(client, "/analyze", {"answer": "   "})
    assert bad.status_code == 400  # type: ignore[attr-defined]
    assert 'id="f-answer-error"' in bad.text  # type: ignore[attr-defined]


def test_debrief_then_notes_then_eml(client: TestClient) -> None:
    from email import message_from_bytes

    case_id = imported(client)
    r = post(
        client,
        f"/cases/{case_id}/debrief",
        {
            "round": "1",
            "p1.topics": "cash forecasting\nthe close",
            "p1.interest": "weekly cash calls with the stores",
            "p2.topics": "internal controls",
            "decision_date": "2026-12-18",
            "next_steps": "A final call with the CEO",
        },
    )
    assert r.status_code == 303, r.text  # type: ignore[attr-defined]
    assert r.headers["location"] == f"/cases/{case_id}/thanks?round=1&saved=debrief"  # type: ignore[attr-defined]
    notes = client.get(r.headers["location"]).text  # type: ignore[attr-defined]
    assert "To Amelia Clarke" in notes
    assert "cash forecasting" in notes
    assert "Copy the note" in notes
    assert "mailto:" not in notes
    assert "No topic logged for Ravi Patel" in notes
    eml = client.get(f"/cases/{case_id}/thanks/1/1.eml")
    message = message_from_bytes(eml.content)
    assert message["Subject"]
    assert message["X-Unsent"] == "1"
    assert "cash forecasting" in message.get_payload()
    timeline = client.get(f"/cases/{case_id}/timeline").text
    assert "Fri 18 Dec 2026" in timeline


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"decision_date": "next week"}, "decision_date", "is not a date"),
        ({"p1.topics": "y" * 400}, "p1-topics", "the limit is 300"),
        ({"p2.promised": "z" * 400}, "p2-promised", "the limit is 300"),
        ({"p3.interest": "w" * 20_001}, "p3-interest", "the limit is 20,000"),
        ({"next_contact.who": "Grace Lin", "next_contact.by": "soon"}, "next_contact-by", "soon"),
        ({"next_contact.who": "n" * 121}, "next_contact-who", "the limit is 120"),
        ({"round": "2"}, "", "still to come"),
        ({"round": "nine"}, "", "no round called"),
    ],
)
def test_bad_debrief_input(
    client: TestClient, data: dict[str, str], field: str, message: str
) -> None:
    case_id = imported(client)
    before = client.get(f"/api/cases/{case_id}").json()
    r = post(client, f"/cases/{case_id}/debrief", {"round": "1", **data})
    text = r.text  # type: ignore[attr-defined]
    assert r.status_code == 400, text  # type: ignore[attr-defined]
    assert message in text
    if field:
        assert f'id="f-{field}-error"' in text
    assert client.get(f"/api/cases/{case_id}").json() == before


def test_the_debrief_form_asks_for_the_shape_the_notes_need(client: TestClient) -> None:
    case_id = imported(client)
    page = client.get(f"/cases/{case_id}/debrief?round=1").text
    assert '<span class="help" id="f-p1-topics-help">One topic per line, a few words each, ' in page
    assert "like &#39;the ETA roadmap&#39;" in page
    for name in ("p1.promised", "next_contact.who", "next_contact.how", "next_contact.by"):
        assert f'name="{name}"' in page
    assert 'id="advice"' not in page  # nothing saved yet, nothing to advise


def test_the_advice_is_shown_after_saving_by_each_field(client: TestClient) -> None:
    case_id = imported(client)
    r = post(
        client,
        f"/cases/{case_id}/debrief",
        {
            "round": "1",
            "p1.topics": "cash forecasting\nI liked the weekly cash call",
            "p1.promised": "the 13-week cash model",
            "p3.topics": "<b>the data platform</b>; budget",
            "next_steps": "Grace said she would ring me.",
            "decision_date": "2026-12-18",
        },
    )
    assert r.status_code == 303, r.text  # type: ignore[attr-defined]
    assert r.headers["location"] == f"/cases/{case_id}/debrief?round=1&saved=debrief#advice"  # type: ignore[attr-defined]
    page = client.get(r.headers["location"]).text  # type: ignore[attr-defined]
    assert "Debrief saved." in page
    listed = page.split('<section id="advice"', 1)[1].split("</section>", 1)[0]
    items = [
        html.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", listed)
    ]
    assert items == [
        "Amelia Clarke, topic 2: 'I liked the weekly cash call' is your own remark, and the note "
        "puts a topic after 'about'. Write it as a few words, like 'the weekly cash call'.",
        "Ravi Patel, topic 2: 'budget' is one word, which says little: what about it? Say in a "
        "few words what about it you discussed: 'the maths budget for next year' says more "
        "than 'budget'.",
        "next steps: Your next steps name Grace Lin, but who will be in touch, how and by when "
        "are not filled in. Fill in who will be in touch, how and by when: the notes use those "
        "facts and never paste your next steps.",
    ]
    for field in ("f-p1-topics", "f-p3-topics", "f-next_steps"):
        assert f'id="{field}-advice"' in page
        assert f'aria-describedby="{field}-help {field}-advice"' in page
    assert "<b>the data platform</b>" not in page
    assert "&lt;b&gt;the data platform&lt;/b&gt;" in page  # the stored topic, shown as text
    assert 'name="p1.promised"' in page
    assert ">the 13-week cash model</textarea>" in page


def test_hostile_text_in_the_advice_is_shown_as_text(client: TestClient) -> None:
    case_id = imported(client)
    for text in HOSTILE:
        r = post(
            client,
            f"/cases/{case_id}/debrief",
            {"round": "1", "p1.topics": text[:300], "next_contact.who": text[:120]},
        )
        assert r.status_code == 303, (text[:20], r.text)  # type: ignore[attr-defined]
        page = client.get(f"/cases/{case_id}/debrief?round=1&saved=debrief").text
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert 'id="f-next_contact-who-advice"' in page  # nobody met is called that


def test_api_debrief_round_trip(client: TestClient) -> None:
    case_id = imported(client)
    body = {
        "decision_date": "2026-12-18",
        "next_contact": {"who": "Mrs Clarke", "how": "phone", "by": "2026-12-11"},
        "talked_with": [
            {
                "interviewer": "Amelia Clarke",
                "topics": ["cash forecasting", "budget"],
                "promised": ["the 13-week cash model"],
            }
        ],
    }
    r = client.put(
        f"/api/cases/{case_id}/rounds/1/debrief", json=body, headers=_match(client, case_id)
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["id"], out["status"], out["round"]) == (case_id, "updated", 1)
    assert out["debrief"]["next_contact"] == {
        "who": "Amelia Clarke",  # as the case names her
        "how": "phone",
        "by": "2026-12-11",
    }
    assert out["debrief"]["talked_with"][0]["promised"] == ["the 13-week cash model"]
    assert [(a["field"], a["where"], a["flag"]) for a in out["advice"]] == [
        ("talked_with[0].topics[1]", "Amelia Clarke, topic 2", "topic-one-word")
    ]
    stored = client.get(f"/api/cases/{case_id}").json()["case"]["rounds"][0]["debrief"]
    assert stored == out["debrief"] | {"next_steps": None, "went_well": None, "went_badly": None}
    again = client.put(
        f"/api/cases/{case_id}/rounds/1/debrief", json=body, headers=_match(client, case_id)
    ).json()
    assert again["status"] == "unchanged"
    bad = client.put(
        f"/api/cases/{case_id}/rounds/1/debrief",
        json={"next_contact": {"by": "soon"}},
        headers=_match(client, case_id),
    )
    assert bad.status_code == 400
    assert bad.json()["field"] == "next_contact.by"
    assert bad.json()["detail"].startswith("rounds[0].debrief.next_contact.by: 'soon' is not")


def _match(client: TestClient, case_id: str) -> dict[str, str]:
    """If-Match for a change: the ETag the case has now."""
    return {"If-Match": client.get(f"/api/cases/{case_id}").headers["etag"]}


def test_api_round_trip(client: TestClient) -> None:
    text = (DATA / "riverside.yaml").read_text(encoding="utf-8")
    created = client.post("/api/cases", json={"text": text})
    assert created.status_code == 201
    assert created.json() == {"id": RIVERSIDE, "status": "created"}
    again = client.post("/api/cases", json={"text": text})
    assert (again.status_code, again.json()["status"]) == (200, "unchanged")
    listed = client.get("/api/cases").json()
    assert [c["id"] for c in listed] == [RIVERSIDE]
    for part in (
        "brief",
        "questions",
        "asks",
        "why",
        "plan",
        "playbook",
        "stories",
        "consensus",
        "timeline",
        "attempts",
    ):
        r = client.get(f"/api/cases/{RIVERSIDE}/{part}")
        assert r.status_code == 200, (part, r.text)
    debrief = client.put(
        f"/api/cases/{RIVERSIDE}/rounds/1/debrief",
        json={"talked_with": [{"interviewer": "Grace Lin", "topics": ["close"]}]},
        headers=_match(client, RIVERSIDE),
    )
    assert debrief.status_code == 200, debrief.text
    notes = client.get(f"/api/cases/{RIVERSIDE}/thanks?round=1").json()
    assert [n["to"] for n in notes["notes"]] == ["Grace Lin"]
    answer = "I led the move to a new supplier. Costs fell by 10% in a year."
    analysis = client.post("/api/analyze", json={"answer": answer})
    assert analysis.status_code == 200
    assert [s["label"] for s in analysis.json()["sentences"]] == ["A", "R"]
    case = client.get(f"/api/cases/{RIVERSIDE}").json()["case"]
    case["opportunity"]["stage"] = "final"
    replaced = client.put(f"/api/cases/{RIVERSIDE}", json=case, headers=_match(client, RIVERSIDE))
    assert replaced.json() == {"id": RIVERSIDE, "status": "updated"}
    assert client.get(f"/api/cases/{RIVERSIDE}").json()["revision"] == 3
    broken = client.put(
        f"/api/cases/{RIVERSIDE}",
        json={**case, "rounds": "none"},
        headers=_match(client, RIVERSIDE),
    )
    assert broken.status_code == 400
    assert broken.json()["detail"].startswith("rounds")
    assert client.delete(f"/api/cases/{RIVERSIDE}").status_code == 428  # If-Match needed
    assert (
        client.delete(f"/api/cases/{RIVERSIDE}", headers=_match(client, RIVERSIDE)).status_code
        == 204
    )
    assert client.get(f"/api/cases/{RIVERSIDE}").status_code == 404


def test_api_bad_input(client: TestClient) -> None:
    form_encoded = client.post("/api/cases", data={"text": "x"})
    assert form_encoded.status_code in (400, 422)
    bad_yaml = client.post("/api/cases", json={"text": "candidate: [oops"})
    assert bad_yaml.status_code == 400
    assert "the case text" in bad_yaml.json()["detail"]
    wrong = client.post("/api/cases", json={"candidate": {"name": 5}, "opportunity": {}})
    assert wrong.status_code == 400
    assert "opportunity" in wrong.json()["detail"] or "candidate" in wrong.json()["detail"]
    empty = client.post("/api/analyze", json={"answer": ""})
    assert empty.status_code == 400
    assert "is empty" in empty.json()["detail"]
    typed = client.post("/api/analyze", json={"answer": 42})
    assert typed.status_code == 422
    assert "answer" in typed.json()["detail"]
    assert client.get("/api/cases/nope/brief").status_code == 404
    spec = client.get("/api/openapi.json").json()
    assert "/api/cases/{case_id}/brief" in spec["paths"]
    assert not any(p.startswith("/cases") for p in spec["paths"])  # pages stay out of it


def test_static_files_and_security_headers(client: TestClient) -> None:
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    htmx = client.get("/static/htmx.min.js")
    assert htmx.status_code == 200
    assert "htmx" in htmx.text[:200]
    css = client.get("/static/finalist.css")
    assert "@media print" in css.text


def test_serve_refuses_a_non_local_address(cli: object) -> None:
    result = cli("serve", "--host", "0.0.0.0")  # type: ignore[operator]
    assert result.code == 1
    assert "refusing to listen on 0.0.0.0" in result.err
    assert "--allow-remote" in result.err


def _poison(value: object, path: str = "") -> object:
    """Every text of a case replaced by markup that would run if it were not escaped."""
    if isinstance(value, dict):
        return {k: _poison(v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, f"{path}[{i}]") for i, v in enumerate(value)]
    skip = ("email", "date", "format", "stage", ".id", "time_zone", ".by", ".sector")
    if isinstance(value, str) and not path.endswith(skip):
        return f'<script>alert(1)</script>"><img src=x onerror=alert(2)>{value}'
    return value


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_stored_markup_in_every_field_renders_as_text_on_every_page(
    client: TestClient, example: Path
) -> None:
    from finalist.casefile import load_case_file

    data = _poison(load_case_file(example).model_dump(mode="json", exclude_none=True))
    assert isinstance(data, dict)
    data["id"] = "hostile"
    created = client.post("/api/cases", json=data)
    assert created.status_code == 201, created.text
    pages = ["/", *(f"/cases/hostile{p}" for p in CASE_PAGES)]
    pages += ["/cases/hostile/thanks?round=1", "/cases/hostile/debrief?round=1"]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert "<script>alert" not in r.text, url
        assert "<img src=x" not in r.text, url
    brief = client.get("/cases/hostile").text
    assert "&lt;script&gt;alert(" in brief  # shown, as text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "ada@", "is not an email address"),
        ("name", "", "Your name is required"),
        ("background", "b" * 70_000, "more than finalist keeps"),
        ("time_zone", "Mars/Base", "is not a time zone"),
        ("o.finalists", "many", "is not a whole number"),
        ("o.finalists", "0", "it must be at least 1"),
        ("o.stage", "hired", "stage"),
        ("o.company", "", "Company is required"),
    ],
)
def test_bad_input_in_the_edit_form_is_shown_next_to_its_field(
    client: TestClient, field: str, value: str, message: str
) -> None:
    case_id = imported(client)
    before = client.get(f"/api/cases/{case_id}").json()
    values = _edit_values(client, case_id)
    values[field] = value
    r = post(client, f"/cases/{case_id}/edit", values)
    assert r.status_code == 400  # type: ignore[attr-defined]
    text = r.text  # type: ignore[attr-defined]
    fid = "f-" + field.replace(".", "-")
    assert f'<span class="error" id="{fid}-error">' in text
    assert message in text.split(f'id="{fid}-error">')[1].split("</span>")[0]
    assert client.get(f"/api/cases/{case_id}").json() == before


@pytest.mark.postgres
def test_the_web_app_on_each_database(database_url: str, tmp_path: Path) -> None:
    """The same journey on SQLite and on PostgreSQL: import, brief, debrief, notes."""
    settings = Settings(home=tmp_path / "home", database_url=database_url)
    app = create_app(settings, today=lambda: TODAY)
    try:
        with TestClient(app, base_url="http://127.0.0.1") as c:
            case_id = imported(c)
            assert "Likely questions" in c.get(f"/cases/{case_id}").text
            r = post(c, f"/cases/{case_id}/debrief", {"round": "1", "p2.topics": "controls"})
            assert r.status_code == 303  # type: ignore[attr-defined]
            assert "To Grace Lin" in c.get(f"/cases/{case_id}/thanks?round=1").text
            assert c.get(f"/api/cases/{case_id}").json()["revision"] == 2
    finally:
        app.state.finalist.store.close()


def test_a_refused_follow_up_answer_keeps_the_follow_up(client: TestClient) -> None:
    case_id = imported(client)
    asked = '["What did you do, yourself, \\"exactly\\"?"]'
    r = post(
        client,
        f"/cases/{case_id}/practice/1/1",
        {
            "q": "0",
            "depth": "1",
            "prompt": "What did you do yourself?",
            "asked": asked,
            "answer": "",
        },
    )
    assert r.status_code == 400  # type: ignore[attr-defined]
    text = r.text  # type: ignore[attr-defined]
    assert "What did you do yourself?" in text
    assert '<span class="error" id="f-answer-error">the answer is empty' in text
    value = re.search(r'name="asked" value="([^"]*)"', text)
    assert value
    assert json.loads(html.unescape(value.group(1))) == ['What did you do, yourself, "exactly"?']


def test_the_api_stores_only_what_can_be_exported_and_imported_again(
    client: TestClient,
) -> None:
    """The same size limit at every door: a case posted as JSON that would be larger
    than a case file may be is refused, not stored and then unexportable."""
    from finalist.casefile import load_case_file

    data = load_case_file(EXAMPLES[0]).model_dump(mode="json", exclude_none=True)
    data["id"] = "too-big"
    data["stories"] = [
        {"title": f"Story {i}", "situation": "x " * 9_000, "action": "y " * 9_000}
        for i in range(40)
    ]
    refused = client.post("/api/cases", json=data)
    assert refused.status_code == 400
    assert "as a case file; case files are limited to 1 MB" in refused.json()["detail"]
    assert client.get("/api/cases/too-big").status_code == 404


def test_a_case_text_with_aliases_is_refused_at_the_api(client: TestClient) -> None:
    text = "a: &a [x, x]\nb: [*a, *a]\n"
    refused = client.post("/api/cases", json={"text": text})
    assert refused.status_code == 400
    assert "an alias (*a) repeats another part of the file" in refused.json()["detail"]


def test_a_busy_port_is_one_line_of_our_own(cli: object) -> None:
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        result = cli("serve", "--port", str(port))  # type: ignore[operator]
    finally:
        taken.close()
    assert result.code == 1
    assert result.err == (
        f"error: cannot listen on 127.0.0.1:{port}: another program (perhaps another "
        "finalist serve) is using that port; stop it, or choose another with --port\n"
    )
    assert result.out == ""  # no "finalist is at ..." for a server that never started


ODD_NUMBERS = ["\u00b2", "\u0663", "-1", "0", "99999999999", "1e3", " 1", "x", "%00"]


def test_no_page_answers_500_for_an_odd_parameter(tmp_path: Path) -> None:
    """Every GET route, with every path parameter and the usual query parameters set to
    numbers that are not plain ASCII digits (or are out of range), answers below 500."""
    from finalist.casefile import load_case_file

    home = tmp_path / "home"
    app = create_app(Settings(home=home, database_url=Settings.default_url(home)))
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        data = load_case_file(EXAMPLES[0]).model_dump(mode="json", exclude_none=True)
        data["id"] = "c"
        assert c.post("/api/cases", json=data).status_code == 201
        failures = []
        for route in app.routes:
            path = getattr(route, "path", "")
            if "GET" not in getattr(route, "methods", set()) or path.startswith("/static"):
                continue
            for odd in ODD_NUMBERS:
                url = re.sub(
                    r"{(\w+)(?::\w+)?}",
                    lambda m, odd=odd: "c" if m.group(1) == "case_id" else odd,
                    path,
                )
                for query in ("", "?round=", "?n=", "?top=", "?i=", "?depth=", "?seconds="):
                    r = c.get(url + query + (odd if query else ""))
                    if r.status_code >= 500:
                        failures.append((path, query, odd, r.status_code))
    app.state.finalist.store.close()
    assert failures == []


def _edit_values(client: TestClient, case_id: str) -> dict[str, str]:
    edit = client.get(f"/cases/{case_id}/edit").text
    values = dict(
        re.findall(
            r'name="([a-z_.]+)" type="(?:text|email)"\s+(?:inputmode="numeric"\s+)?value="([^"]*)"',
            edit,
        )
    )
    values["o.stage"] = "second-round"
    revision = re.search(r'name="revision" value="(\d+)"', edit)
    assert revision, "every form on a case carries the revision it was shown at"
    values["revision"] = revision.group(1)
    return values


def test_a_stale_form_is_refused_and_the_newer_edit_kept(client: TestClient) -> None:
    """Two tabs on the same edit page: the second to save started from an older revision,
    so it is refused (409, saying why) instead of silently undoing the first."""
    case_id = imported(client)
    first_tab = _edit_values(client, case_id)
    second_tab = _edit_values(client, case_id)
    first_tab["o.role"] = "Role from the first tab"
    assert post(client, f"/cases/{case_id}/edit", first_tab).status_code == 303  # type: ignore[attr-defined]
    second_tab["o.company"] = "Company from the second tab"
    stale = post(client, f"/cases/{case_id}/edit", second_tab)
    assert stale.status_code == 409  # type: ignore[attr-defined]
    assert "changed while you were editing it" in stale.text  # type: ignore[attr-defined]
    now = client.get(f"/api/cases/{case_id}").json()["case"]
    assert now["opportunity"]["role"] == "Role from the first tab"
    assert now["opportunity"]["company"] != "Company from the second tab"


def test_an_api_change_must_name_the_revision_it_was_made_from(client: TestClient) -> None:
    text = (DATA / "riverside.yaml").read_text(encoding="utf-8")
    assert client.post("/api/cases", json={"text": text}).status_code == 201
    read = client.get(f"/api/cases/{RIVERSIDE}")
    assert read.headers["etag"] == '"1"'
    case = read.json()["case"]
    case["opportunity"]["stage"] = "final"
    missing = client.put(f"/api/cases/{RIVERSIDE}", json=case)
    assert missing.status_code == 428
    assert "send If-Match" in missing.json()["detail"]
    ok = client.put(f"/api/cases/{RIVERSIDE}", json=case, headers={"If-Match": '"1"'})
    assert ok.json()["status"] == "updated"
    case["opportunity"]["stage"] = "offer"
    stale = client.put(f"/api/cases/{RIVERSIDE}", json=case, headers={"If-Match": '"1"'})
    assert stale.status_code == 412
    assert "is at revision 2, not" in stale.json()["detail"]
    odd = client.put(f"/api/cases/{RIVERSIDE}", json=case, headers={"If-Match": '"2x"'})
    assert odd.status_code == 412
    assert client.get(f"/api/cases/{RIVERSIDE}").json()["case"]["opportunity"]["stage"] == "final"
    gone = client.delete(f"/api/cases/{RIVERSIDE}", headers={"If-Match": '"1"'})
    assert gone.status_code == 412
    assert client.get(f"/api/cases/{RIVERSIDE}").status_code == 200


def test_a_partial_form_post_changes_only_the_fields_it_sent(client: TestClient) -> None:
    case_id = imported(client)
    before = client.get(f"/api/cases/{case_id}").json()["case"]
    assert before["opportunity"]["company"]
    assert before["candidate"]["name"]
    r = post(client, f"/cases/{case_id}/edit", {"o.role": "Only the role changes"})
    assert r.status_code == 303  # type: ignore[attr-defined]
    after = client.get(f"/api/cases/{case_id}").json()["case"]
    assert after["opportunity"]["role"] == "Only the role changes"
    assert after["opportunity"]["company"] == before["opportunity"]["company"]
    assert after["candidate"] == before["candidate"]
    assert after["opportunity"] | {"role": None} == before["opportunity"] | {"role": None}


def _confirmation(client: TestClient, url: str) -> dict[str, str]:
    """The hidden fields of a removal's confirmation page, as the browser would post them."""
    page = client.get(url).text
    return {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page)
        if name != "csrf"
    }


def test_a_removal_confirmed_on_a_changed_list_removes_what_was_shown(client: TestClient) -> None:
    """'Remove Round 1?' was asked; meanwhile another tab put a new round first. The
    confirmation removes the round it showed, found by what it is, not whatever is first
    now; the round added meanwhile is kept."""
    case_id = imported(client)
    form = _confirmation(client, f"/cases/{case_id}/remove/rounds/1")
    case = client.get(f"/api/cases/{case_id}").json()["case"]
    shown = case["rounds"][0]["name"]
    case["rounds"].insert(0, {"name": "A round added meanwhile", "format": "panel"})
    changed = client.put(f"/api/cases/{case_id}", json=case, headers=_match(client, case_id))
    assert changed.status_code == 200
    r = post(client, f"/cases/{case_id}/remove/rounds/1", form)
    assert r.status_code == 303, r.text  # type: ignore[attr-defined]
    names = [r["name"] for r in client.get(f"/api/cases/{case_id}").json()["case"]["rounds"]]
    assert names[0] == "A round added meanwhile"
    assert shown not in names
    assert len(names) == len(case["rounds"]) - 1


def test_a_removal_of_an_item_changed_meanwhile_removes_nothing(client: TestClient) -> None:
    case_id = imported(client)
    form = _confirmation(client, f"/cases/{case_id}/remove/rounds/1/people/1")
    case = client.get(f"/api/cases/{case_id}").json()["case"]
    case["rounds"][0]["location"] = "Moved to room 4"  # the person's round changed
    changed = client.put(f"/api/cases/{case_id}", json=case, headers=_match(client, case_id))
    assert changed.status_code == 200
    r = post(client, f"/cases/{case_id}/remove/rounds/1/people/1", form)
    assert r.status_code == 409  # type: ignore[attr-defined]
    assert "was changed or removed since you asked to remove it" in r.text  # type: ignore[attr-defined]
    after = client.get(f"/api/cases/{case_id}").json()["case"]
    assert after["rounds"][0]["interviewers"] == case["rounds"][0]["interviewers"]
    for bad in ({}, {"item": ""}, {"item": "round-" + "0" * 16}, {"item": "<b>x</b>" * 500}):
        r = post(client, f"/cases/{case_id}/remove/stories/1", bad)
        assert r.status_code in (400, 409), bad  # type: ignore[attr-defined]
    assert client.get(f"/api/cases/{case_id}").json()["case"] == after


def test_a_server_with_a_key_opens_only_for_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    key = "k3y-for-this-test-only"
    app = create_app(Settings(home=home, database_url=Settings.default_url(home)), key=key)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/").status_code == 403
        assert c.get("/api/cases").status_code == 403
        assert c.get("/?key=wrong").status_code == 403
        assert (
            c.delete("/api/cases/x", headers={"Authorization": "Bearer wrong"}).status_code == 403
        )
        assert c.get("/static/finalist.css").status_code == 200  # nothing private there
        link = c.get(f"/cases/new?key={key}&x=1", follow_redirects=False)
        assert link.status_code == 303
        assert link.headers["location"] == "/cases/new?x=1"  # the key leaves the address
        assert "httponly" in link.headers["set-cookie"].lower()
        assert c.get("/cases/new").status_code == 200  # the cookie opens every page now
    with TestClient(app, base_url="http://127.0.0.1") as script:
        assert script.get("/api/cases", headers={"Authorization": f"Bearer {key}"}).json() == []
    app.state.finalist.store.close()


def test_allow_remote_answers_only_the_hosts_it_is_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from finalist.cli.serve import _remote_hosts

    monkeypatch.setenv("FINALIST_ALLOWED_HOSTS", "finalist.lan, 192.168.1.20")
    hosts = _remote_hosts("0.0.0.0")
    assert "*" not in hosts
    assert {"finalist.lan", "192.168.1.20", "127.0.0.1", "localhost"} <= set(hosts)
    assert "10.0.0.5" in _remote_hosts("10.0.0.5")


def test_the_brief_is_built_once_per_revision_and_follows_edits(client: TestClient) -> None:
    case_id = imported(client)
    briefs = client.app.state.finalist.briefs  # type: ignore[attr-defined]
    first = client.get(f"/cases/{case_id}").text
    assert client.get(f"/cases/{case_id}").text == first
    assert client.get(f"/api/cases/{case_id}/brief").status_code == 200
    assert len(briefs) == 1  # the page, again, and the API: one build
    case = client.get(f"/api/cases/{case_id}").json()["case"]
    case["opportunity"]["role"] = "A role changed since"
    changed = client.put(f"/api/cases/{case_id}", json=case, headers=_match(client, case_id))
    assert changed.status_code == 200
    assert "A role changed since" in client.get(f"/cases/{case_id}").text
    assert len(briefs) == 2
