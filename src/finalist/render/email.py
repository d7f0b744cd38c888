"""Thank-you notes as standard email messages (RFC 5322), for drafts and for sending."""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from finalist.coach.followup import Note
from finalist.model import Case


def note_message(
    note: Note, case: Case, *, draft: bool, now: datetime | None = None
) -> EmailMessage:
    """One note as an email. A draft carries X-Unsent so mail clients open it for editing;
    a message to send carries a Date and a Message-ID."""
    message = EmailMessage()
    # a name is only ever a display name, quoted as needed: "Reyes, Daniel" or a name
    # holding "<someone@else>" can never add or change an address
    if note.email:
        message["To"] = Address(display_name=_one_line(note.to), addr_spec=note.email)
    if case.candidate.email:
        message["From"] = Address(
            display_name=_one_line(case.candidate.name), addr_spec=case.candidate.email
        )
    message["Subject"] = note.subject
    if draft:
        message["X-Unsent"] = "1"
    else:
        domain = case.candidate.email.rsplit("@", 1)[-1] if case.candidate.email else None
        message["Message-ID"] = make_msgid(domain=domain)
        if now is not None:
            message["Date"] = format_datetime(now)
    message.set_content(note.body)
    return message


def _one_line(name: str) -> str:
    """A display name on one line, with no control characters."""
    return " ".join("".join(c if c.isprintable() else " " for c in name).split())
