"""finalist asks | why | plan | playbook: what the candidate brings to the round."""

from __future__ import annotations

from typing import Annotated

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


ShareOpt = Annotated[
    bool,
    typer.Option(
        "--share", help="The plan alone, to bring or send: no notes on where items came from."
    ),
]


def plan(
    case: CaseArg, as_json: JsonOpt = False, share: ShareOpt = False, today_: TodayOpt = None
) -> None:
    """A first-six-months plan in your voice: learn, contribute, lead, look ahead.

    Each milestone has its own measure and says where it came from: the people you met,
    the job description, a person's stated priority, your company notes. Round one's
    weak answers are not here: they are in the consensus map, to prepare.
    """
    from finalist.coach.plan import first_six_months

    result = first_six_months(load_case(case).case, knowledge(), today(today_))
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    from finalist.render.terminal_prepare import plan_view

    console().print(plan_view(result, share=share))


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
