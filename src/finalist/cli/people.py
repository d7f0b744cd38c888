"""finalist dossier | questions: who is across the table, and what they will ask."""

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
from finalist.errors import FinalistError

PersonOpt = Annotated[
    str | None,
    typer.Option(
        "--interviewer", "-i", metavar="NAME", help="One person, by name.", show_default=False
    ),
]
RoundOpt = Annotated[
    str | None,
    typer.Option(
        "--round",
        "-r",
        metavar="N|NAME",
        help="One round, by number (1 = first) or name; default: the next round.",
        show_default=False,
    ),
]


def dossier(
    case: CaseArg,
    interviewer: PersonOpt = None,
    round_: RoundOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Who each interviewer is in the decision, what they care about, how to talk to them.

    Every placement says how sure it is and why.
    """
    from finalist.coach.interviewers import dossier as build
    from finalist.coach.interviewers import round_dossiers
    from finalist.coach.questions import find_interviewer
    from finalist.editing import round_index

    loaded = load_case(case)
    kb = knowledge()
    c = loaded.case
    if interviewer is not None:
        number, person = find_interviewer(c, interviewer, round_)
        dossiers = [build(person, c.rounds[number - 1], number, c, kb)]
    elif round_ is not None:
        number = round_index(c, round_) + 1
        dossiers = [d for d in round_dossiers(c, kb) if d.round_number == number]
    else:
        dossiers = round_dossiers(c, kb)
    if not dossiers:
        raise FinalistError(
            "no interviewers are listed yet; add them with finalist interviewer add CASE --name ..."
        )
    from finalist.render.terminal_people import dossier_view

    show_all(dossiers, as_json, dossier_view)


def questions(
    case: CaseArg,
    interviewer: PersonOpt = None,
    round_: RoundOpt = None,
    top: Annotated[
        int, typer.Option("--top", "-n", min=1, max=50, help="How many questions per person.")
    ] = 15,
    as_json: JsonOpt = False,
    today_: TodayOpt = None,
) -> None:
    """The questions an interviewer is likely to ask, ranked, each with its reasons.

    With --interviewer: that person. Without: everyone in a round (the next one unless
    --round says), and the questions several of them will ask.
    """
    from finalist.coach.interviewers import dossier as build
    from finalist.coach.questions import (
        PersonQuestions,
        find_interviewer,
        predict_questions,
        round_questions,
    )

    loaded = load_case(case)
    kb = knowledge()
    c = loaded.case
    if interviewer is not None:
        number, person = find_interviewer(c, interviewer, round_)
        rnd = c.rounds[number - 1]
        pq = PersonQuestions(
            dossier=build(person, rnd, number, c, kb),
            questions=predict_questions(person, rnd, c, kb, top=top, number=number),
        )
        if as_json:
            emit_json(pq.model_dump(mode="json"))
            return
        from finalist.render.terminal_people import questions_view

        console().print(questions_view(pq))
        return
    number = chosen_rounds(c, round_, today(today_))[0]
    rq = round_questions(c, number, kb, top=top)
    if as_json:
        emit_json(rq.model_dump(mode="json"))
        return
    from finalist.render.terminal_people import round_people_view

    console().print(round_people_view(rq, detail=True))
