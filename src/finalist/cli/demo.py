"""finalist demo: the bundled example, loaded into a throw-away store and shown."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from importlib import resources
from pathlib import Path

from finalist.cli.common import console, knowledge, now

DEMO_CASE = "harbourline-product-lead.yaml"
DAYS_BEFORE = 5


def demo() -> None:
    """Walk through finalist with a bundled example, in a throw-away store.

    Your own data is not touched.
    """
    from rich.rule import Rule

    from finalist.casefile import parse_case
    from finalist.coach import at_a_glance, build_brief
    from finalist.coach.interviewers import dossier
    from finalist.coach.questions import PersonQuestions, predict_questions
    from finalist.model import day_of
    from finalist.render.terminal import brief_view, case_list_view
    from finalist.render.terminal_people import questions_view
    from finalist.settings import Settings
    from finalist.store import open_store

    text = resources.files("finalist").joinpath("examples", DEMO_CASE).read_text("utf-8")
    case = parse_case(text, f"examples/{DEMO_CASE}")
    dated = [day_of(r.date) for r in case.rounds if r.date is not None]
    today = (min(dated) - timedelta(days=DAYS_BEFORE)) if dated else now().date()
    out = console()
    with tempfile.TemporaryDirectory(prefix="finalist-demo-") as tmp:
        home = Path(tmp)
        settings = Settings(home=home, database_url=Settings.default_url(home))
        with open_store(settings, now=now()) as store:
            out.print(Rule("1. Import a case file into a throw-away store"))
            out.print(f"$ finalist import examples/{DEMO_CASE}", style="dim", markup=False)
            result = store.save_case(case, now=now(), source=f"examples/{DEMO_CASE}")
            out.print(f"{result.id}\t{result.status.value}", markup=False)
            again = store.save_case(case, now=now())
            out.print(f"(importing it again: {again.status.value})", style="dim", markup=False)
            out.print()
            out.print(Rule("2. Your cases"))
            out.print(f"$ finalist list --today {today}", style="dim", markup=False)
            stored = store.get_case(result.id)
            out.print(case_list_view([at_a_glance(stored.case, today)]))
            out.print(Rule("3. The brief"))
            out.print(f"$ finalist brief {result.id} --today {today}", style="dim", markup=False)
            out.print(
                f"(as if today were {today:%a %d %b %Y}, {DAYS_BEFORE} days before the first "
                "round)",
                style="dim",
                markup=False,
            )
            kb = knowledge()
            out.print(brief_view(build_brief(stored.case, today, kb)))
            panel = stored.case.rounds[0] if stored.case.rounds else None
            if panel is not None and panel.interviewers:
                person = panel.interviewers[-1]
                out.print(Rule(f"4. What {person.name} is likely to ask, and why"))
                out.print(
                    f'$ finalist questions {result.id} -i "{person.name}" --top 3',
                    style="dim",
                    markup=False,
                )
                out.print(
                    questions_view(
                        PersonQuestions(
                            dossier=dossier(person, panel, 1, stored.case, kb),
                            questions=predict_questions(person, panel, stored.case, kb, top=3),
                        )
                    )
                )
    out.print()
    out.print(
        "Next: copy examples/harbourline-product-lead.yaml, make it yours, then "
        "finalist import YOUR-CASE.yaml and finalist brief YOUR-CASE-ID.",
        markup=False,
    )
