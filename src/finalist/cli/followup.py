"""finalist thanks | timeline | due: after the interview, up to the decision."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from finalist.cli.common import (
    CaseArg,
    JsonOpt,
    Loaded,
    TodayOpt,
    console,
    emit_json,
    knowledge,
    load_case,
    today,
)
from finalist.cli.prepare import RoundOpt
from finalist.errors import FinalistError

if TYPE_CHECKING:
    from finalist.coach.followup import Note, NotesResult
    from finalist.model import Case
    from finalist.outbox import Outbox


def thanks(
    case: CaseArg,
    round_: RoundOpt = None,
    eml: Annotated[
        Path | None,
        typer.Option(
            "--eml",
            metavar="DIR",
            help="Write each note as an email draft (.eml).",
            show_default=False,
        ),
    ] = None,
    send: Annotated[
        bool,
        typer.Option(
            "--send",
            help="Send the notes through your mail server (FINALIST_SMTP_*), after asking.",
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Send without asking.")] = False,
    as_json: JsonOpt = False,
    today_: TodayOpt = None,
) -> None:
    """One thank-you note per person you met, each about what you discussed with them.

    Needs the round's debrief (who you talked with and the topics). Each note is checked:
    it names the person and their topic, leaves no placeholder, and is not a copy of
    another note. Notes already sent with --send are marked as sent and not sent again.
    """
    from finalist.coach.followup import thank_you_notes
    from finalist.coach.glance import round_after

    loaded = load_case(case)
    c = loaded.case
    day = today(today_)
    number = round_after(c, day, round_, "--round N")
    if send and loaded.stored_id is None:
        raise FinalistError(
            f"{loaded.path} is a file: import it first (finalist import {loaded.path}) so "
            "finalist can remember which notes were sent"
        )
    result = thank_you_notes(c, number, knowledge(), day, sent=sent_by_round(loaded).get(number))
    if result.message and not result.notes:
        raise FinalistError(result.message)
    if eml is not None:
        _write_eml(result, c, eml)
    if send:
        _send(loaded, result, yes=yes, as_json=as_json)
        result = thank_you_notes(
            c, number, knowledge(), day, sent=sent_by_round(loaded).get(number)
        )
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    if send:
        return
    from finalist.render.terminal_after import notes_view

    console().print(notes_view(result))


def sent_by_round(loaded: Loaded) -> dict[int, dict[str, datetime]]:
    """For a stored case, when each note was sent, by round and person."""
    if loaded.stored_id is None:
        return {}
    from finalist.cli.common import store
    from finalist.store.sent import by_round

    with store() as opened:
        return by_round(opened.sent_notes(loaded.stored_id))


def _notes_sent(loaded: Loaded) -> set[int]:
    """The rounds of a stored case whose notes have all been sent."""
    from finalist.coach.followup import rounds_sent

    return rounds_sent(loaded.case, sent_by_round(loaded))


def _write_eml(result: NotesResult, case: Case, folder: Path) -> None:
    """Each note as an email draft that opens in any mail client."""
    from finalist.cli.cases import write_file_bytes
    from finalist.model import slugify
    from finalist.render.email import note_message

    folder = folder.expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FinalistError(f"cannot create {folder}: {exc.strerror}") from None
    for i, note in enumerate(result.notes, start=1):
        message = note_message(note, case, draft=True)
        path = folder / f"{i:02d}-{slugify(note.to)}.eml"
        write_file_bytes(path, bytes(message))
        print(f"wrote {path}", file=sys.stderr)


def _reconcile(outbox: Outbox, case_id: str, round_number: int) -> set[str]:
    """Store what the outbox knows went and the database missed; say which notes may have
    gone when a run stopped mid-send. The people of this round not to send to now."""
    from finalist.cli.common import store
    from finalist.outbox import sent_at
    from finalist.store import SentNote

    skip: set[str] = set()
    with store() as opened:
        for entry in outbox.unrecorded():
            d = entry.data
            opened.record_sent(
                SentNote(
                    case_id=d["case_id"],
                    round_number=d["round_number"],
                    person=d["person"],
                    address=d["address"],
                    subject=d["subject"],
                    message_id=entry.key,
                    sent_at=sent_at(entry),
                )
            )
            outbox.mark(entry.key, "recorded")
            print(f"recorded the note to {d['person']}, sent earlier", file=sys.stderr)
            if (d["case_id"], d["round_number"]) == (case_id, round_number):
                skip.add(d["person"])
    for entry in outbox.uncertain():
        d = entry.data
        print(
            f"the note to {d.get('person')} may have gone: the last run stopped before the mail "
            "server answered; check your Sent folder (it is not sent again this time)",
            file=sys.stderr,
        )
        outbox.mark(entry.key, "reported")
        if (d.get("case_id"), d.get("round_number")) == (case_id, round_number):
            skip.add(str(d.get("person")))
    return skip


def _sendable(result: NotesResult) -> tuple[list[Note], list[str]]:
    """The notes that can go, and one line for each that cannot (and why)."""
    ready: list[Note] = []
    held: list[str] = []
    for note in result.notes:
        failed = [c for c in note.checks if not c.passed and c.blocking]
        if note.sent_at is not None:
            held.append(f"{note.to}: already sent on {note.sent_at:%a %d %b %Y at %H:%M}")
        elif not note.email:
            held.append(
                f"{note.to}: no email address; add it with finalist interviewer set CASE "
                f'"{note.to}" --email ADDRESS'
            )
        elif failed:
            held.append(f"{note.to}: held back, the check '{failed[0].name}' failed")
        else:
            ready.append(note)
    return ready, held


def _send(loaded: Loaded, result: NotesResult, *, yes: bool, as_json: bool) -> None:
    from finalist.cli.common import now, store
    from finalist.mail import Outgoing, SmtpSettings, find_password, send_all
    from finalist.outbox import Outbox
    from finalist.render.email import note_message
    from finalist.settings import Settings
    from finalist.store import SentNote

    case = loaded.case
    if not case.candidate.email:
        raise FinalistError(
            "your own email address is not in the case: add candidate.email so the notes "
            "have a sender and replies reach you"
        )
    smtp = SmtpSettings.from_env()
    outbox = Outbox(Settings.from_env().data_dir())
    skip = _reconcile(outbox, loaded.case_id, result.round_number)
    ready, held = _sendable(result)
    ready = [n for n in ready if n.to not in skip]
    for line in held:
        print(f"not sending to {line}", file=sys.stderr)
    if not ready:
        raise FinalistError("no note is ready to send; see the lines above")
    if not yes:
        from rich.console import Console

        from finalist.render.terminal_after import outgoing_view

        Console(stderr=True, highlight=False).print(
            outgoing_view(ready, case.candidate.email, smtp.where())
        )
        if not sys.stdin.isatty():
            raise FinalistError("add --yes to send without being asked (input is not a terminal)")
        if not typer.confirm(
            f"Send {len(ready)} note{'s' if len(ready) != 1 else ''} through {smtp.where()}?",
            default=False,
            err=True,
        ):
            print("nothing sent", file=sys.stderr)
            return
    password = find_password(smtp)
    moment = now()
    outgoing = [
        Outgoing(n.to, note_message(n, case, draft=False, now=moment), n.email)
        for n in ready
        if n.email
    ]
    by_person = {n.to: n for n in ready}

    unrecorded: list[str] = []
    with store() as opened:

        def sending(item: Outgoing) -> None:
            note = by_person[item.person]
            outbox.sending(
                str(item.message["Message-ID"]),
                {
                    "case_id": loaded.case_id,
                    "round_number": result.round_number,
                    "person": note.to,
                    "address": note.email,
                    "subject": note.subject,
                },
            )

        def record(item: Outgoing) -> None:
            note = by_person[item.person]
            assert note.email is not None
            key = str(item.message["Message-ID"])
            moment = now()
            outbox.sent(key, moment)
            print(f"sent to {note.to} <{note.email}>", file=sys.stderr)
            try:
                opened.record_sent(
                    SentNote(
                        case_id=loaded.case_id,
                        round_number=result.round_number,
                        person=note.to,
                        address=note.email,
                        subject=note.subject,
                        message_id=key,
                        sent_at=moment,
                    )
                )
            except FinalistError:
                unrecorded.append(note.to)  # the outbox has it: the next run records it
                return
            outbox.mark(key, "recorded")

        def refused(item: Outgoing) -> None:
            outbox.mark(str(item.message["Message-ID"]), "failed")

        send_all(smtp, password, outgoing, record, sending, refused)
    if unrecorded:
        print(
            f"the database was busy, so the notes to {', '.join(unrecorded)} are kept in the "
            f"outbox ({outbox.path}); they went, and the next finalist thanks records them",
            file=sys.stderr,
        )
    if not as_json:
        print(f"sent {len(ready)} of {len(result.notes)} notes for {result.round_label}")


def timeline(
    case: CaseArg,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="Also write the steps as calendar events.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOpt = False,
    today_: TodayOpt = None,
) -> None:
    """The timeline to the decision: notes due, the decision date, check-ins, stalled.

    A decision date the employer did not give is assumed and marked as such.
    """
    from finalist.coach.timeline import timeline as build

    loaded = load_case(case)
    result = build(loaded.case, today(today_), _notes_sent(loaded))
    if result.message:
        raise FinalistError(result.message)
    if ics is not None:
        from finalist.cli.cases import write_file_bytes
        from finalist.cli.common import now
        from finalist.render.ics import timeline_ics

        write_file_bytes(
            ics, timeline_ics(result, loaded.case_id, loaded.case.opportunity.company, now())
        )
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    from finalist.render.terminal_after import timeline_view

    console().print(timeline_view(result))


def due(as_json: JsonOpt = False, today_: TodayOpt = None) -> None:
    """What is due today or overdue, across all your stored cases."""
    from finalist.cli.common import store
    from finalist.coach.timeline import timeline as build

    day = today(today_)
    from finalist.coach.followup import rounds_sent
    from finalist.store.sent import by_round

    with store() as opened:
        stored = [(s, by_round(opened.sent_notes(s.id))) for s in opened.all_cases()]
    rows = []
    for s, sent in stored:
        tl = build(s.case, day, rounds_sent(s.case, sent))
        rows += [
            {
                "case": s.id,
                "on": step.on.isoformat(),
                "what": step.what
                + (
                    f": finalist thanks {s.id} --round {step.notes_round}"
                    if step.notes_round is not None
                    else ""
                ),
            }
            for step in tl.steps
            if step.due and step.on >= day - timedelta(days=14)
        ]
    if as_json:
        emit_json(rows)
        return
    if not rows:
        print("Nothing is due.")
        return
    for row in rows:
        print(f"{row['on']}  {row['case']}: {row['what']}")
