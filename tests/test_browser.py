"""The web app in a real browser: Debian's chromium driven by Playwright against
`finalist serve` running in a subprocess, as a user would meet it.

The whole journey (create a case, add rounds, people and a story, read the brief, print
it, practise an answer, debrief, copy a thank-you note), stored markup that must stay
text, phone width, and keyboard order.

The module skips when chromium or the playwright package is missing. With
FINALIST_SCREENSHOTS=1 it also writes the README's screenshots to docs/screenshots/
(otherwise they go to a temporary folder, so a test run leaves the tree as it was).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

ENABLE = "apt-get install chromium, or run .ci/run, which installs it"
try:
    from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    pytest.skip(
        f"browser tests need the playwright package (pip install -e '.[dev]') and chromium: "
        f"{ENABLE}",
        allow_module_level=True,
    )


def _chromium() -> str | None:
    for candidate in (
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = _chromium()
if CHROMIUM is None:  # pragma: no cover - depends on the machine
    pytest.skip(f"browser tests need chromium: {ENABLE}", allow_module_level=True)

TODAY = "2026-12-10"
EXAMPLES = ROOT / "src" / "finalist" / "examples"
SHOTS = ROOT / "docs" / "screenshots"
TIMEOUT_MS = 10_000
XSS1 = "<script>window.__xss=1</script>"
XSS2 = '"><img src=x onerror="window.__xss=2">'
HOSTILE = f"{XSS1} {XSS2}"


# --- the server and the browser -------------------------------------------------------


@dataclass
class Server:
    url: str
    env: dict[str, str]
    log: Path
    key: str  # the key `finalist serve` printed in its link

    def finalist(self, *args: str) -> str:
        """Runs the real `finalist` command on the server's store; returns its output."""
        done = subprocess.run(
            [sys.executable, "-m", "finalist", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def import_case(self, path: Path) -> str:
        """Imports a case file with the CLI and returns the id it was stored under."""
        return self.finalist("import", str(path)).split("\t")[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def _serve(home: Path, today: str) -> Iterator[Server]:
    """`finalist serve` on a free port with its own store, up within 20 seconds."""
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FINALIST_")}
    env["FINALIST_HOME"] = str(home)
    port = _free_port()
    log = home / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "finalist", "serve", "--port", str(port), "--today", today],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                printed = re.search(r"\?key=([\w-]+)", log.read_text())
                if printed:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"finalist serve did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield Server(f"http://127.0.0.1:{port}", env, log, printed.group(1))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    # a page that failed inside shows a polite error; the server's log says what broke
    logged = log.read_text()
    assert "Traceback" not in logged, f"finalist serve logged an internal error:\n{logged}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with _serve(tmp_path_factory.mktemp("browser") / "home", TODAY) as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield b
        b.close()


@dataclass
class Watch:
    """What a page did that it should not: dialogs opened, scripts failing."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _context(browser: Browser, server: Server, **options: Any) -> tuple[BrowserContext, Watch]:
    context = browser.new_context(base_url=server.url, **options)
    # what following the printed link leaves behind (test_the_printed_link_opens_the_app
    # follows the link itself)
    context.add_cookies([{"name": "finalist_key", "value": server.key, "url": server.url}])
    context.set_default_timeout(TIMEOUT_MS)
    watch = Watch()

    def on_page(page: Page) -> None:
        def on_dialog(dialog: Any) -> None:
            watch.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda exc: watch.errors.append(str(exc)))

    context.on("page", on_page)
    return context, watch


@pytest.fixture
def watched(browser: Browser, server: Server) -> Iterator[tuple[Page, Watch]]:
    """A fresh browser tab (own cookies) on the server, with the clipboard allowed."""
    context, watch = _context(browser, server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    yield page, watch
    context.close()


@pytest.fixture(scope="module")
def example_id(server: Server) -> str:
    return server.import_case(EXAMPLES / "harbourline-product-lead.yaml")


def _case_nav(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="This case").get_by_role(
        "link", name=name, exact=True
    ).click()


def _no_horizontal_scroll(page: Page, what: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    client = page.evaluate("document.documentElement.clientWidth")
    assert width <= client + 3, f"{what} scrolls sideways: {width}px wide in {client}px"


# --- the journey ----------------------------------------------------------------------


def test_the_whole_journey(watched: tuple[Page, Watch], server: Server) -> None:
    page, watch = watched

    # a. create a case from the form
    page.goto("/cases/new")
    expect(page.get_by_role("heading", name="Start a case")).to_be_visible()
    page.get_by_label("Your name").fill("Ada Quinn")
    page.get_by_label("Your email").fill("ada.quinn@example.org")
    page.get_by_label("Company").fill("Acme Robotics")
    page.get_by_label("Role").fill("Platform Engineer")
    page.get_by_label("Stage").select_option("second-round")
    page.get_by_role("button", name="Create the case").click()
    expect(page).to_have_url(re.compile(r"/cases/[a-z0-9-]+/edit$"))
    case_url = page.url.removesuffix("/edit")
    expect(page.get_by_role("heading", name="Edit the case")).to_contain_text(
        "Platform Engineer at Acme Robotics"
    )
    expect(page.get_by_text("No round yet.")).to_be_visible()

    # b. a round that has taken place (to debrief), with a person in it ...
    _add_round(page, "Technical panel", "2026-12-08T10:00", "60", "panel")
    expect(page).to_have_url(re.compile(r"/rounds/1\?saved=round$"))
    expect(page.get_by_role("status")).to_have_text("Saved.")
    _add_person(page, "Dana Whitfield", "VP Engineering")
    expect(page).to_have_url(re.compile(r"/rounds/1\?saved=person$"))
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.get_by_role("link", name="Dana Whitfield")).to_be_visible()
    # ... a round ahead (for the brief and the practice), with a person in it ...
    _case_nav(page, "Edit")
    _add_round(page, "Final with the CTO", "2026-12-15T14:00", "45", "one-on-one")
    expect(page).to_have_url(re.compile(r"/rounds/2\?saved=round$"))
    _add_person(page, "Sam Ortiz", "Chief Technology Officer")
    expect(page.get_by_role("link", name="Sam Ortiz")).to_be_visible()
    # ... and a story
    _case_nav(page, "Edit")
    page.get_by_role("link", name="Add a story").click()
    page.get_by_label("Title").fill("Cutting deploy time")
    page.get_by_label("Situation").fill(
        "Deploys at my last company took two hours and failed often."
    )
    page.get_by_label("Task").fill("I had to make releases safe enough to ship daily.")
    page.get_by_label("Action").fill(
        "I split the pipeline, added canary releases and led the rollout."
    )
    page.get_by_label("Result").fill(
        "Deploys went from two hours to twelve minutes in one quarter."
    )
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(f"{case_url}/edit?saved=story")
    rounds = page.locator(".sheet", has=page.get_by_role("heading", name="Rounds"))
    expect(rounds.get_by_role("listitem")).to_have_count(2)
    expect(rounds).to_contain_text("Technical panel")
    expect(rounds).to_contain_text("Final with the CTO")
    expect(page.get_by_role("link", name="Cutting deploy time")).to_be_visible()

    # c. the brief, and its print stylesheet
    _case_nav(page, "Brief")
    expect(page).to_have_url(case_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Acme Robotics")
    main = page.locator("main")
    expect(main).to_contain_text("Sam Ortiz")
    expect(page.get_by_text("Likely questions").first).to_be_visible()
    expect(main).to_contain_text("Cutting deploy time")
    expect(page.locator("nav.case")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("nav.case")).to_be_hidden()
    expect(page.locator("header.site")).to_be_hidden()
    expect(page.get_by_role("link", name="Markdown")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.emulate_media(media="screen")

    # d. practise one answer with the person ahead
    _case_nav(page, "Practice")
    page.get_by_role("link", name="Sam Ortiz").click()
    expect(page).to_have_url(f"{case_url}/practice/2/1")
    question = page.locator("p.question")
    expect(question).to_have_count(1)
    assert len(question.inner_text().strip()) > 10
    timer = page.locator(".timer")
    expect(timer).to_have_text(re.compile(r"^0:0[0-2]$"))
    expect(timer).not_to_have_text("0:00", timeout=2_500)
    page.get_by_label("Your answer").fill(
        "At my last company deploys took two hours and often failed. "
        "We decided to split the pipeline and add canary releases. "
        "I think it went quite well in the end and people were happy with it."
    )
    page.get_by_role("button", name="Give this answer").click()
    feedback = page.get_by_role("region", name="Feedback")
    expect(feedback).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Score \d+$"))).to_be_visible()
    expect(
        feedback.get_by_text(re.compile("What a listener would notice|Nothing to fix")).first
    ).to_be_visible()
    # the answer has no number and says "we": the interviewer follows up on what it lacked
    expect(page.get_by_role("heading", name="Sam Ortiz follows up")).to_be_visible()
    probe = page.locator("h3 + p.question")
    expect(probe).to_have_text(re.compile(r"\w.*\?$"))
    expect(page.get_by_label("Your answer to the follow-up")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Question 1 of \d+$"))).to_be_visible()
    page.get_by_role("link", name="All your attempts").click()
    attempts = page.locator("table", has=page.get_by_role("columnheader", name="Attempts"))
    expect(attempts.locator("tbody tr")).to_have_count(1)

    # e. the debrief of the round that took place
    _case_nav(page, "Debrief")
    expect(page.get_by_role("heading", name="Technical panel")).to_be_visible()
    expect(page.locator("legend")).to_contain_text(["Dana Whitfield, VP Engineering", "At the end"])
    page.get_by_label("What you discussed").fill("the move to event-driven services")
    page.get_by_label("When they expect to decide").fill("2026-12-18")
    page.get_by_role("button", name="Save the debrief").click()
    expect(page).to_have_url(f"{case_url}/thanks?round=1&saved=debrief")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank-you notes")
    expect(page.get_by_role("status").first).to_have_text("Debrief saved. Here are your notes.")
    cards = page.locator("article.card")
    expect(cards).to_have_count(1)
    card = cards.first
    expect(card.get_by_role("heading")).to_have_text("To Dana Whitfield")
    body = card.locator("pre.note")
    expect(body).to_contain_text("event-driven services")
    expect(body).to_contain_text("Ada Quinn")

    # f. copy the note
    copied = card.locator(".copied")
    expect(copied).to_have_text("")
    card.get_by_role("button", name="Copy the note").click()
    expect(copied).to_have_text("Copied")
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard.strip() == body.inner_text().strip()
    assert "event-driven services" in clipboard

    # the timeline now knows the decision date
    _case_nav(page, "Timeline")
    expect(page.locator("main li", has_text="Decision expected")).to_contain_text("Fri 18 Dec 2026")
    assert watch.dialogs == []
    assert watch.errors == []


def _add_round(page: Page, name: str, when: str, minutes: str, kind: str) -> None:
    page.get_by_role("link", name="Add a round").click()
    expect(page.get_by_role("heading", name="A new round")).to_be_visible()
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Date", exact=True).fill(when)
    page.get_by_label("Minutes", exact=True).fill(minutes)
    page.get_by_label("Format").select_option(kind)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Round ")
    expect(page.get_by_label("Name", exact=True)).to_have_value(name)


def _add_person(page: Page, name: str, title: str) -> None:
    page.get_by_role("link", name="Add a person").click()
    page.get_by_label(re.compile(r"^Name")).fill(name)
    page.get_by_label("Job title").fill(title)
    page.get_by_role("button", name="Save").click()


# --- stored markup stays text ---------------------------------------------------------


def _hostile_case() -> dict[str, Any]:
    """A case with markup in every text field the case file has."""

    def h(tag: str) -> str:
        return f"{tag} {HOSTILE}"

    def person(tag: str) -> dict[str, Any]:
        return {
            "name": h(f"{tag} name"),
            "title": h("Head of Engineering"),
            "department": h("dept"),
            "email": "someone@example.com",
            "priorities": [h("priority one"), h("priority two")],
            "notes": h("notes"),
        }

    return {
        "id": "hostile-case",
        "candidate": {
            "name": h("Candidate"),
            "email": "me@example.org",
            "phone": h("phone")[:120],
            "headline": h("headline"),
            "background": h("background"),
            "strengths": [h("strength")],
            "motivation": {
                key: h(key)
                for key in ("past", "present", "future", "company_draw", "bring", "draft")
            },
        },
        "stories": [
            {
                "title": h(f"story {i}"),
                "situation": h("situation"),
                "task": h("task"),
                "action": h("I led the action"),
                "result": h("result up 40%"),
                "competencies": [h("competency")],
            }
            for i in (1, 2)
        ],
        "opportunity": {
            "company": h("Company"),
            "role": h("Role"),
            "department": h("department"),
            "stage": "second-round",
            "finalists": 3,
            "job_description": h("job description"),
            "company_notes": h("company notes"),
            "my_questions": [h("How is success measured?"), h("What is the salary?")],
            "first_round": {
                "date": "2026-11-20",
                "notes": h("round one notes"),
                "interviewers": [person("first")],
            },
        },
        "rounds": [
            {
                "name": h("Panel"),
                "date": "2026-12-08T10:00",
                "duration_minutes": 60,
                "location": h("location"),
                "format": "presentation",
                "topic": h("topic"),
                "presentation_minutes": 15,
                "interviewers": [person("one"), person("two")],
                "debrief": {
                    "decision_date": "2026-12-18",
                    "next_steps": h("next steps"),
                    "went_well": h("went well"),
                    "went_badly": h("went badly"),
                    "talked_with": [
                        {
                            "interviewer": h("one name"),
                            "topics": [h("topic a"), h("topic b")],
                            "interest": h("interest"),
                            "clarify": h("clarify"),
                        }
                    ],
                },
            },
            {
                "name": h("Final"),
                "date": "2026-12-16T09:00",
                "location": h("location"),
                "format": "panel",
                "interviewers": [person("three")],
            },
        ],
    }


HOSTILE_PAGES = (
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
    "/practice/2/1",
    "/debrief",
    "/thanks",
    "/timeline",
    "/edit",
    "/rounds/1",
    "/rounds/1/people/1",
    "/stories/1",
)


def _assert_inert(page: Page, watch: Watch, where: str) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined", f"script ran on {where}"
    assert page.locator("img[src='x']").count() == 0, f"an <img> was injected on {where}"
    scripts = page.evaluate("[...document.scripts].map(s => s.src || s.textContent)")
    assert not [s for s in scripts if "__xss" in s], f"a <script> was injected on {where}"
    assert watch.dialogs == [], f"a dialog opened on {where}: {watch.dialogs}"
    assert watch.errors == [], f"a script failed on {where}: {watch.errors}"


def test_stored_markup_is_shown_as_text(browser: Browser, server: Server, tmp_path: Path) -> None:
    source = tmp_path / "hostile.yaml"
    source.write_text(yaml.safe_dump(_hostile_case(), allow_unicode=True), encoding="utf-8")
    case_id = server.import_case(source)
    # CSP would stop inline scripts anyway: switch it off so only the escaping protects us
    context, watch = _context(browser, server, bypass_csp=True)
    page = context.new_page()
    try:
        # the control: with CSP off, markup that reaches the page does run here
        page.goto("/")
        page.evaluate(
            "document.body.insertAdjacentHTML('beforeend', "
            "'<img src=x onerror=\"window.__control = 1\">')"
        )
        page.wait_for_function("() => window.__control === 1", timeout=2_000)
        for suffix in HOSTILE_PAGES:
            path = f"/cases/{case_id}{suffix}"
            response = page.goto(path)
            assert response is not None
            assert response.status == 200, f"{path}: {response.status}"
            page.wait_for_load_state("load")
            _assert_inert(page, watch, path)
        page.goto("/")
        _assert_inert(page, watch, "the case list")
        expect(page.locator("main")).to_contain_text(f"Role {HOSTILE}")

        page.goto(f"/cases/{case_id}")
        text = page.locator("main").inner_text()
        for shown in (f"Company {HOSTILE}", f"one name {HOSTILE}", f"Panel {HOSTILE}"):
            assert shown in text, f"{shown!r} is not shown as text on the brief"
        expect(page.get_by_text(XSS2).first).to_be_visible()

        # what the user types is echoed back as text too, also through htmx
        page.goto(f"/cases/{case_id}/practice/2/1")
        page.get_by_label("Your answer").fill(
            f"I led the migration of our billing system. {HOSTILE} "
            "Revenue leakage fell by 30% in two quarters because I owned the plan."
        )
        page.get_by_role("button", name="Give this answer").click()
        expect(page.get_by_role("region", name="Feedback")).to_contain_text(XSS1)
        _assert_inert(page, watch, "a practice answer")
        page.goto("/analyze")
        page.get_by_label("Your answer").fill(
            f"{HOSTILE} We cut costs by 12%. I negotiated with three suppliers myself."
        )
        page.get_by_role("button", name=re.compile("Check")).first.click()
        expect(page.locator("main")).to_contain_text(XSS2)
        _assert_inert(page, watch, "a checked answer")
    finally:
        context.close()


def test_pages_send_a_content_security_policy(watched: tuple[Page, Watch], server: Server) -> None:
    page, _ = watched
    response = page.goto("/")
    assert response is not None
    csp = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_the_printed_link_opens_the_app_and_nothing_else_does(
    browser: Browser, server: Server
) -> None:
    """A browser without the key (another user, another site) gets nothing; the link
    `finalist serve` printed opens the app and leaves the key out of the address bar."""
    stranger = browser.new_context(base_url=server.url)
    try:
        page = stranger.new_page()
        refused = page.goto("/")
        assert refused is not None
        assert refused.status == 403
        assert "needs its key" in page.content()
        opened = page.goto(f"/?key={server.key}")
        assert opened is not None
        assert opened.status == 200
        assert "key=" not in page.url
        assert page.goto("/cases/new") is not None
        assert page.locator("form").count() >= 1  # the cookie now opens every page
    finally:
        stranger.close()


# --- phone width and keyboard ---------------------------------------------------------


def test_phone_width_has_no_sideways_scroll(
    browser: Browser, server: Server, example_id: str
) -> None:
    context, watch = _context(browser, server, viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        for path, what in (
            ("/", "the case list"),
            (f"/cases/{example_id}", "the brief"),
            (f"/cases/{example_id}/people", "the people page"),
            (f"/cases/{example_id}/thanks", "the notes page"),
        ):
            page.goto(path)
            expect(page.locator("main h1").first).to_be_visible()
            _no_horizontal_scroll(page, what)
        assert watch.errors == []
    finally:
        context.close()


def _focus_page_start(page: Page) -> None:
    """Moves the keyboard's starting point to the top of the document, where it is when
    the user tabs in from the address bar (the autofocused field would start it lower)."""
    page.evaluate(
        "(() => { const root = document.documentElement; document.activeElement.blur();"
        " root.tabIndex = -1; root.focus(); root.removeAttribute('tabindex'); })()"
    )


def test_keyboard_order_on_the_new_case_form(watched: tuple[Page, Watch]) -> None:
    page, _ = watched
    page.goto("/cases/new")
    # nothing is focused on arrival, so Tab starts at the top of the page

    def tab() -> str:
        page.keyboard.press("Tab")
        return str(
            page.evaluate(
                "(() => { const e = document.activeElement;"
                " const l = e.labels && e.labels[0];"
                " return (l ? l.innerText : e.innerText).trim(); })()"
            )
        )

    skip = tab()
    assert skip == "Skip to the content"
    expect(page.get_by_role("link", name="Skip to the content")).to_be_in_viewport()
    header = [tab() for _ in range(5)]
    assert header == ["finalist", "Your cases", "New case", "Check an answer", "API"]
    fields = [tab() for _ in range(5)]
    assert fields == [
        "Your name (required)",
        "Your email",
        "Company (required)",
        "Role (required)",
        "Stage",
    ]
    assert tab() == "Create the case"

    # the skip link takes keyboard users past the header to the content
    _focus_page_start(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#content$"))
    assert tab() == "Your name (required)"


# --- errors a user makes -------------------------------------------------------------


def test_form_errors_are_shown_next_to_their_fields(watched: tuple[Page, Watch]) -> None:
    page, _ = watched
    page.goto("/cases/new")
    page.get_by_role("button", name="Create the case").click()
    expect(page).to_have_url(re.compile(r"/cases/new$"))
    for label in ("Your name", "Company", "Role"):
        field_ = page.get_by_label(label)
        expect(field_).to_have_attribute("aria-invalid", "true")
        error_id = field_.get_attribute("aria-describedby") or ""
        expect(page.locator(f"#{error_id.split()[-1]}")).not_to_be_empty()
    page.get_by_label("Your name").fill("Ada Quinn")
    page.get_by_label("Your email").fill("not-an-email")
    page.get_by_label("Company").fill("Acme Robotics")
    page.get_by_label("Role").fill("Data Engineer")
    page.get_by_role("button", name="Create the case").click()
    expect(page.locator("#f-candidate-email-error")).to_contain_text("not an email address")
    expect(page.get_by_label("Company")).to_have_value("Acme Robotics")  # nothing retyped


def test_practice_refusal_without_javascript(
    browser: Browser, server: Server, example_id: str
) -> None:
    context, _ = _context(browser, server, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"/cases/{example_id}/practice/1/1")
        page.get_by_role("button", name="Give this answer").click()
        expect(page.locator("#f-answer-error")).to_contain_text("the answer is empty")
        expect(page.get_by_label("Your answer")).to_have_attribute("aria-invalid", "true")
    finally:
        context.close()


# --- bugs found in the browser, each kept as a test ------------------------------------


def test_practice_shows_why_an_answer_was_refused(
    watched: tuple[Page, Watch], example_id: str
) -> None:
    page, _ = watched
    page.goto(f"/cases/{example_id}/practice/1/1")
    page.get_by_role("button", name="Give this answer").click()
    expect(page.locator("#f-answer-error")).to_contain_text("the answer is empty", timeout=2_000)


def test_required_fields_say_they_are_required(watched: tuple[Page, Watch]) -> None:
    page, _ = watched
    page.goto("/cases/new")
    page.get_by_role("button", name="Create the case").click()
    expect(page.locator("#f-candidate-name-error")).not_to_contain_text("None", timeout=1_000)


def test_the_api_link_opens_readable_docs(watched: tuple[Page, Watch]) -> None:
    page, _ = watched
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="API").click()
    expect(page.get_by_role("heading", name="The JSON API")).to_be_visible(timeout=2_000)
    expect(page.locator("main")).to_contain_text("/api/cases/{case_id}/brief")


def test_phone_width_note_with_a_long_email(browser: Browser, server: Server) -> None:
    case_id = server.import_case(EXAMPLES / "castellan-cfo-search.yaml")
    context, _ = _context(browser, server, viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"/cases/{case_id}/thanks?round=1")
        expect(page.locator("article.card").first).to_be_visible()
        _no_horizontal_scroll(page, "the notes page")
    finally:
        context.close()


# --- screenshots for the README -------------------------------------------------------


def test_screenshots(browser: Browser, tmp_path: Path) -> None:
    """Desktop brief, practice feedback and phone case list, each under 300 KB."""
    out = SHOTS if os.environ.get("FINALIST_SCREENSHOTS") else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    # the demo's day: five days before the example's rounds, so they are all ahead
    with _serve(tmp_path / "home", "2026-11-28") as shots:
        ids = [shots.import_case(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
        case_id = next(i for i in ids if i.startswith("harbourline"))

        context, watch = _context(browser, shots, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"/cases/{case_id}")
        expect(page.get_by_role("heading", name=re.compile("^Brief"))).to_be_visible()
        page.screenshot(path=str(out / "brief.png"), type="png", full_page=False)

        page.goto(f"/cases/{case_id}/practice/1/1")
        page.get_by_label("Your answer").fill(
            "At Tallybook a third of our customers matched payments by hand. "
            "We looked at the problem and decided to let users teach a rule once. "
            "I think it went well and the customers were happy with it in the end."
        )
        page.get_by_role("button", name="Give this answer").click()
        expect(page.get_by_role("region", name="Feedback")).to_be_visible()
        page.locator("#practice").evaluate(
            "e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 12)"
        )
        page.screenshot(path=str(out / "practice.png"), type="png", full_page=False)
        context.close()

        context, watch = _context(
            browser, shots, viewport={"width": 375, "height": 740}, device_scale_factor=2
        )
        page = context.new_page()
        page.goto("/")
        expect(page.get_by_role("heading", name="Your cases")).to_be_visible()
        page.screenshot(path=str(out / "phone-cases.png"), type="png", full_page=False)
        context.close()
        assert watch.errors == []

    for name in ("brief.png", "practice.png", "phone-cases.png"):
        size = (out / name).stat().st_size
        assert 5_000 < size < 300_000, f"{name} is {size:,} bytes"
