"""finalist asks | why | plan | playbook: what the candidate brings to the round."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from finalist.cli.common import (
    CaseArg,
    JsonOpt,
    TodayOpt,
    chosen_rounds,
    console,
    emit_json,
    knowledge,
    load_case,
    show_all,
    today,
)
from finalist.errors import FinalistError

if TYPE_CHECKING:
    from finalist.coach.followup import NotesResult
    from finalist.model import Case

RoundOpt = Annotated[
    str | None,
    typer.Option(
        "--round",
        "-r",
        metavar="N|NAME",
        help="One round, by number (1 = first) or name; default: every round ahead.",
        show_default=False,
    ),
]


def asks(
    case: CaseArg,
    interviewer: Annotated[
        str | None,
        typer.Option(
            "--interviewer", "-i", metavar="NAME", help="One person, by name.", show_default=False
        ),
    ] = None,
    round_: RoundOpt = None,
    as_json: JsonOpt = False,
    today_: TodayOpt = None,
) -> None:
    """Questions to ask each interviewer, and a check of your own questions.

    Three to five per person, fitted to their role and department, none given to two
    people in the same round. Your questions (opportunity.my_questions) are checked:
    logistics-only and yes/no questions get a better version.
    """
    from finalist.coach.asks import asks_for_case
    from finalist.coach.questions import find_interviewer

    c = load_case(case).case
    if interviewer is not None:
        number, person = find_interviewer(c, interviewer, round_)
        result = asks_for_case(c, knowledge(), [number])
        result.people = [p for p in result.people if p.name == person.name]
    else:
        result = asks_for_case(c, knowledge(), chosen_rounds(c, round_, today(today_)))
    if as_json:
        data = result.model_dump(mode="json")
        for check, raw in zip(result.own, data["own"], strict=True):
            raw["ok"] = check.ok
        emit_json(data)
        return
    from finalist.render.terminal_prepare import asks_view

    console().print(asks_view(result))


def why(case: CaseArg, as_json: JsonOpt = False) -> None:
    """Your answer to "why this role, at this company, now", and a critique.

    Built only from your own words (candidate.motivation); your own version
    (motivation.draft) is checked for what a listener would notice.
    """
    from finalist.coach.why import personal_why

    result = personal_why(load_case(case).case, knowledge())
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    from finalist.render.terminal_prepare import why_view

    console().print(why_view(result))


def plan(case: CaseArg, as_json: JsonOpt = False) -> None:
    """A first-six-months plan: learn, contribute, lead, raise the role.

    Each milestone is measurable and says where it came from: the job description, a
    person's priority, the department's measures, round one's open points.
    """
    from finalist.coach.plan import first_six_months

    result = first_six_months(load_case(case).case, knowledge())
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    from finalist.render.terminal_prepare import plan_view

    console().print(plan_view(result))


def playbook(
    case: CaseArg, round_: RoundOpt = None, as_json: JsonOpt = False, today_: TodayOpt = None
) -> None:
    """How to handle each round's format, with its people, dates and checklist.

    Includes the scripts for an offer made on the spot and for a deadline from another
    offer.
    """
    from finalist.coach.playbook import playbooks

    c = load_case(case).case
    day = today(today_)
    result = playbooks(c, knowledge(), day, chosen_rounds(c, round_, day))
    from finalist.render.terminal_prepare import playbook_view

    show_all(result, as_json, playbook_view)


def stories(case: CaseArg, as_json: JsonOpt = False) -> None:
    """Your story bank: each story checked, its numbers traced, competencies suggested.

    Says when the bank is too thin (fewer than six) or too long to rehearse (more than
    twelve).
    """
    from finalist.coach.stories import story_bank

    result = story_bank(load_case(case).case, knowledge())
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    from finalist.render.terminal_prepare import stories_view

    console().print(stories_view(result))


def consensus(
    case: CaseArg, round_: RoundOpt = None, as_json: JsonOpt = False, today_: TodayOpt = None
) -> None:
    """The consensus map: what each person cares about, and whether your evidence answers it.

    Each concern is covered, weak or open; then the round's gaps, ranked by how much they
    matter to the people who decide, and the questions several people will ask.
    """
    from finalist.coach.consensus import consensus_map

    c = load_case(case).case
    result = [consensus_map(c, n, knowledge()) for n in chosen_rounds(c, round_, today(today_))]
    from finalist.render.terminal_prepare import consensus_view

    show_all(result, as_json, consensus_view)


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
    as_json: JsonOpt = False,
    today_: TodayOpt = None,
) -> None:
    """One thank-you note per person you met, each about what you discussed with them.

    Needs the round's debrief (who you talked with and the topics). Each note is checked:
    it names the person and their topic, leaves no placeholder, and is not a copy of
    another note.
    """
    from finalist.coach.followup import thank_you_notes
    from finalist.coach.glance import at_a_glance
    from finalist.editing import round_index

    c = load_case(case).case
    day = today(today_)
    if round_ is not None:
        number = round_index(c, round_) + 1
    else:
        past = [
            r.number
            for r in at_a_glance(c, day).rounds
            if r.days_away is not None and r.days_away <= 0
        ]
        if not past:
            raise FinalistError("no round has taken place yet; say which with --round N")
        number = past[-1]
    result = thank_you_notes(c, number, knowledge(), day)
    if result.message and not result.notes:
        raise FinalistError(result.message)
    if eml is not None:
        _write_eml(result, c, eml)
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    from finalist.render.terminal_prepare import notes_view

    console().print(notes_view(result))


def _write_eml(result: NotesResult, case: Case, folder: Path) -> None:
    """Each note as an email draft that opens in any mail client."""
    from email.message import EmailMessage

    from finalist.model import slugify

    folder = folder.expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FinalistError(f"cannot create {folder}: {exc.strerror}") from None
    for i, note in enumerate(result.notes, start=1):
        message = EmailMessage()
        if note.email:
            message["To"] = f"{note.to} <{note.email}>"
        if case.candidate.email:
            message["From"] = f"{case.candidate.name} <{case.candidate.email}>"
        message["Subject"] = note.subject
        message["X-Unsent"] = "1"  # opens as a draft in mail clients that know it
        message.set_content(note.body)
        path = folder / f"{i:02d}-{slugify(note.to)}.eml"
        path.write_bytes(bytes(message))
        print(f"wrote {path}", file=sys.stderr)


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
    result = build(loaded.case, today(today_))
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
    from finalist.render.terminal_prepare import timeline_view

    console().print(timeline_view(result))


def due(as_json: JsonOpt = False, today_: TodayOpt = None) -> None:
    """What is due today or overdue, across all your stored cases."""
    from finalist.cli.common import store
    from finalist.coach.timeline import timeline as build

    day = today(today_)
    with store() as opened:
        stored = opened.all_cases()
    rows = []
    for s in stored:
        tl = build(s.case, day)
        rows += [
            {"case": s.id, "on": step.on.isoformat(), "what": step.what}
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
