"""finalist thanks --send: notes go to a real SMTP server (aiosmtpd) on this machine."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli

aiosmtpd = pytest.importorskip("aiosmtpd", reason="pip install aiosmtpd (in .[dev])")
from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

# A local test server needs no TLS; aiosmtpd warns about that on every start.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

CASE_ID = "harbour-labs-data-lead"
PASSWORD = "pa55-w0rd-never-printed"
CASE = """\
candidate:
  name: Noor Haddad
  email: noor@example.org
  phone: +44 7700 900123
opportunity:
  company: Harbour Labs
  role: Data Lead
rounds:
  - name: Panel
    date: 2026-11-20T10:00
    duration_minutes: 90
    format: panel
    interviewers:
      - name: Aisha Grant
        title: VP Data
        email: aisha@harbour.example
      - name: Tom Reyes
        title: Senior Data Engineer
        email: tom@harbour.example
      - name: Lena Ford
        title: Recruiter
    debrief:
      talked_with:
        - interviewer: Aisha Grant
          topics: [the data platform roadmap]
        - interviewer: Tom Reyes
          topics: [pipeline testing]
        - interviewer: Lena Ford
          topics: [the start date]
"""


class Inbox:
    """What the server accepted, and which recipients it refuses."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.envelopes: list[list[str]] = []  # the RCPT TO addresses of each message
        self.refuse: set[str] = set()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.original_content))
        self.envelopes.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> Any:
    ok = (
        isinstance(auth, LoginPassword)
        and auth.login == b"noor"
        and auth.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Inbox]:
    handler = Inbox()
    port = _free_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        authenticator=_authenticate,
        auth_require_tls=False,
        auth_required=True,
    )
    controller.start()
    monkeypatch.setenv("FINALIST_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("FINALIST_SMTP_PORT", str(port))
    monkeypatch.setenv("FINALIST_SMTP_STARTTLS", "off")
    monkeypatch.setenv("FINALIST_SMTP_USER", "noor")
    monkeypatch.setenv("FINALIST_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def stored(cli: Cli, tmp_path: Path) -> str:
    path = tmp_path / "harbour.yaml"
    path.write_text(CASE, encoding="utf-8")
    assert cli("import", path).code == 0
    return str(path)


def _notes(cli: Cli) -> list[dict[str, Any]]:
    import json

    result = cli("thanks", CASE_ID, "--json", "--today", "2026-11-20")
    assert result.code == 0, result.err
    notes: list[dict[str, Any]] = json.loads(result.out)["notes"]
    return notes


def _no_secret(*texts: str) -> None:
    for text in texts:
        assert PASSWORD not in text


def test_send_delivers_each_note_and_marks_it_sent(cli: Cli, inbox: Inbox, stored: str) -> None:
    result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 0, result.err
    _no_secret(result.out, result.err)
    assert len(inbox.messages) == 2  # Lena Ford has no address: not sent, and said so
    assert "not sending to Lena Ford: no email address" in result.err
    by_to = {m["To"]: m for m in inbox.messages}
    aisha = by_to["Aisha Grant <aisha@harbour.example>"]
    assert aisha["From"] == "Noor Haddad <noor@example.org>"
    assert aisha["Message-ID"].endswith("@example.org>")
    assert "X-Unsent" not in aisha
    body = aisha.get_payload(decode=True).decode()
    assert "data platform roadmap" in body
    assert (
        "pipeline testing"
        in by_to["Tom Reyes <tom@harbour.example>"].get_payload(decode=True).decode()
    )
    assert "sent 2 of 3 notes for Panel" in result.out
    sent = {n["to"]: n["sent_at"] for n in _notes(cli)}
    assert sent["Aisha Grant"]
    assert sent["Tom Reyes"]
    assert sent["Lena Ford"] is None
    shown = cli("thanks", CASE_ID, "--today", "2026-11-20").out
    assert shown.count("Sent: ") == 2


def test_sending_again_sends_nothing_twice(cli: Cli, inbox: Inbox, stored: str) -> None:
    assert cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20").code == 0
    again = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert again.code == 1
    assert "Aisha Grant: already sent on" in again.err
    assert again.err.strip().endswith("error: no note is ready to send; see the lines above")
    assert len(inbox.messages) == 2


def test_refused_login_sends_nothing_and_marks_nothing(
    cli: Cli, inbox: Inbox, stored: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINALIST_SMTP_PASSWORD", "wrong-" + PASSWORD)
    result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 1
    last = result.err.strip().splitlines()[-1]
    assert "refused the login for noor" in last
    assert last.endswith("nothing was sent")
    assert "Traceback" not in result.err
    _no_secret(result.out, result.err)
    assert inbox.messages == []
    assert all(n["sent_at"] is None for n in _notes(cli))


def test_server_down_is_one_clear_line(
    cli: Cli, stored: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINALIST_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("FINALIST_SMTP_PORT", str(_free_port()))  # nothing listens there
    monkeypatch.setenv("FINALIST_SMTP_STARTTLS", "off")
    monkeypatch.delenv("FINALIST_SMTP_USER", raising=False)
    result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 1
    last = result.err.strip().splitlines()[-1]
    assert "cannot reach the mail server 127.0.0.1:" in last
    assert "nothing was sent" in last
    assert all(n["sent_at"] is None for n in _notes(cli))


def test_a_refused_address_stops_there_and_says_what_went(
    cli: Cli, inbox: Inbox, stored: str
) -> None:
    inbox.refuse.add("tom@harbour.example")
    result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 1
    last = result.err.strip().splitlines()[-1]
    assert "refused the address of Tom Reyes" in last
    assert "sent to Aisha Grant, not sent to Tom Reyes" in last
    sent = {n["to"]: n["sent_at"] for n in _notes(cli)}
    assert sent["Aisha Grant"] is not None
    assert sent["Tom Reyes"] is None
    inbox.refuse.clear()
    rest = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert rest.code == 0, rest.err
    assert [m["To"] for m in inbox.messages] == [
        "Aisha Grant <aisha@harbour.example>",
        "Tom Reyes <tom@harbour.example>",
    ]


def test_a_server_without_starttls_is_not_sent_a_password(
    cli: Cli, inbox: Inbox, stored: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINALIST_SMTP_STARTTLS", "on")
    result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 1
    assert "does not offer STARTTLS" in result.err
    assert inbox.messages == []


def test_password_from_the_keyring_and_never_stored(
    cli: Cli, inbox: Inbox, stored: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return PASSWORD if (service, username) == ("finalist-smtp", "noor") else None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise NotImplementedError

        def delete_password(self, service: str, username: str) -> None:
            raise NotImplementedError

    monkeypatch.delenv("FINALIST_SMTP_PASSWORD")
    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    finally:
        keyring.set_keyring(previous)
    assert result.code == 0, result.err
    assert len(inbox.messages) == 2
    stored_bytes = b"".join(p.read_bytes() for p in (tmp_path / "home").rglob("*") if p.is_file())
    assert PASSWORD.encode() not in stored_bytes
    assert b"aisha@harbour.example" in stored_bytes  # the record of what was sent is there


def test_no_password_anywhere_says_how_to_give_one(
    cli: Cli, inbox: Inbox, stored: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FINALIST_SMTP_PASSWORD")
    result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 1
    assert "no password for noor" in result.err
    assert "keyring set finalist-smtp noor" in result.err
    assert inbox.messages == []


def test_without_yes_and_no_terminal_it_asks_for_yes(cli: Cli, inbox: Inbox, stored: str) -> None:
    result = cli("thanks", CASE_ID, "--send", "--today", "2026-11-20", input="y\n")
    assert result.code == 1
    assert "add --yes to send without being asked" in result.err
    assert "About to send from noor@example.org" in result.err  # it showed what would go
    assert inbox.messages == []


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("FINALIST_SMTP_HOST", "", "no mail server is set"),
        ("FINALIST_SMTP_PORT", "smtp", "is not a port"),
        ("FINALIST_SMTP_PORT", "70000", "is not a port"),
        ("FINALIST_SMTP_STARTTLS", "maybe", "neither on nor off"),
    ],
)
def test_bad_mail_settings(
    cli: Cli,
    inbox: Inbox,
    stored: str,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    value: str,
    message: str,
) -> None:
    monkeypatch.setenv(name, value)
    result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 1
    assert message in result.err
    assert result.err.count("\n") == 1  # settings are checked before anything else
    assert inbox.messages == []


def test_a_case_file_must_be_imported_to_send(cli: Cli, inbox: Inbox, tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(CASE, encoding="utf-8")
    result = cli("thanks", path, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 1
    assert "import it first" in result.err
    assert inbox.messages == []


def test_confirming_in_a_terminal_sends(inbox: Inbox, stored: str, tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect", reason="pip install pexpect (in .[dev])")
    env = {**os.environ, "TERM": "dumb"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "finalist", "thanks", CASE_ID, "--send", "--today", "2026-11-20"],
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    child.expect("About to send from noor@example.org")
    child.expect(r"Send 2 notes through 127\.0\.0\.1:\d+\? \[y/N\]")
    child.sendline("y")
    child.expect("sent 2 of 3 notes for Panel")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(inbox.messages) == 2


def test_saying_no_sends_nothing(inbox: Inbox, stored: str) -> None:
    pexpect = pytest.importorskip("pexpect", reason="pip install pexpect (in .[dev])")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "finalist", "thanks", CASE_ID, "--send", "--today", "2026-11-20"],
        env={**os.environ, "TERM": "dumb"},
        encoding="utf-8",
        timeout=30,
    )
    child.expect(r"\[y/N\]")
    child.sendline("n")
    child.expect("nothing sent")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert inbox.messages == []


def test_once_every_note_has_gone_the_timeline_stops_asking(
    cli: Cli, inbox: Inbox, stored: str
) -> None:
    import json

    before = cli("due", "--json", "--today", "2026-11-21")
    assert "Thank-you notes for Panel" in before.out
    assert cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20").code == 0
    after = cli("due", "--json", "--today", "2026-11-21")
    assert "Thank-you notes for Panel" not in after.out  # Lena Ford has no address to send to
    shown = cli("timeline", CASE_ID, "--today", "2026-11-21").out
    assert "Thank-you notes for Panel (within 24 hours) (sent)" in shown
    brief = json.loads(cli("brief", CASE_ID, "--json", "--today", "2026-11-21").out)
    assert [n["sent_at"] is not None for n in brief["notes"][0]["notes"]] == [True, True, False]
    assert brief["timeline"]["steps"][0]["what"].endswith("(sent)")


def test_the_time_sent_is_on_the_candidates_clock(cli: Cli, inbox: Inbox, tmp_path: Path) -> None:
    import json

    path = tmp_path / "tokyo.yaml"
    path.write_text(
        CASE.replace("  phone: +44 7700 900123\n", "  time_zone: Asia/Tokyo\n"), encoding="utf-8"
    )
    assert cli("import", path).code == 0
    assert cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20").code == 0
    notes = json.loads(cli("thanks", CASE_ID, "--json", "--today", "2026-11-20").out)["notes"]
    sent = [n["sent_at"] for n in notes if n["sent_at"]]
    assert len(sent) == 2
    assert all(s.endswith("+09:00") for s in sent)


def test_a_name_never_becomes_an_address(cli: Cli, inbox: Inbox, tmp_path: Path) -> None:
    """The recipient is the interviewer's email field alone: a name holding an address,
    or a comma, only ever shows as a (quoted) display name."""
    hostile = "Catriona MacLeod <catriona@attacker.example>"
    text = CASE.replace("Aisha Grant", hostile).replace("Tom Reyes", "Reyes, Tom")
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli("import", path).code == 0
    result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 0, result.err
    assert sorted(inbox.envelopes) == [["aisha@harbour.example"], ["tom@harbour.example"]]
    to = sorted(str(m["To"]) for m in inbox.messages)
    assert to == [
        '"Catriona MacLeod <catriona@attacker.example>" <aisha@harbour.example>',
        '"Reyes, Tom" <tom@harbour.example>',
    ]


def test_a_locked_database_loses_no_sent_note_and_sends_none_twice(
    cli: Cli, inbox: Inbox, stored: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server accepts the notes while another program holds the database locked: the
    notes are reported as sent (they went), kept in the outbox, recorded by the next run,
    and never sent again."""
    import sqlite3

    home = Path(os.environ["FINALIST_HOME"])
    holder: list[sqlite3.Connection] = []
    original = inbox.handle_DATA

    async def lock_then_accept(server: Any, session: Any, envelope: Any) -> str:
        if not holder:  # another program takes the database as the first note arrives
            conn = sqlite3.connect(
                home / "finalist.db", isolation_level=None, timeout=0, check_same_thread=False
            )
            conn.execute("BEGIN EXCLUSIVE")
            holder.append(conn)
        return await original(server, session, envelope)

    monkeypatch.setattr(inbox, "handle_DATA", lock_then_accept)
    first = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert first.code == 0, first.err
    assert "sent to Aisha Grant <aisha@harbour.example>" in first.err
    assert "kept in the outbox" in first.err
    assert len(inbox.messages) == 2
    holder[0].rollback()
    holder[0].close()
    again = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert "recorded the note to Aisha Grant, sent earlier" in again.err
    assert "recorded the note to Tom Reyes, sent earlier" in again.err
    assert len(inbox.messages) == 2  # nothing went twice
    sent = {n["to"]: n["sent_at"] for n in _notes(cli)}
    assert sent["Aisha Grant"]
    assert sent["Tom Reyes"]


def test_a_run_cut_off_mid_send_is_reported_not_resent(cli: Cli, inbox: Inbox, stored: str) -> None:
    """A note handed over with no answer from the server (the run stopped there) may or
    may not have gone: the next run says so and does not send it again."""
    from finalist.outbox import Outbox

    Outbox(Path(os.environ["FINALIST_HOME"])).sending(
        "<cut-off@example.org>",
        {
            "case_id": CASE_ID,
            "round_number": 1,
            "person": "Aisha Grant",
            "address": "aisha@harbour.example",
            "subject": "Thank you",
        },
    )
    result = cli("thanks", CASE_ID, "--send", "--yes", "--today", "2026-11-20")
    assert result.code == 0, result.err
    assert "the note to Aisha Grant may have gone" in result.err
    assert [m["To"] for m in inbox.messages] == ["Tom Reyes <tom@harbour.example>"]
