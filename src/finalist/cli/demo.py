"""finalist demo: the bundled example, loaded into a throw-away store and shown."""

from __future__ import annotations

from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from finalist.cli.common import console, knowledge, now

if TYPE_CHECKING:
    from rich.console import Console

    from finalist.knowledge import Knowledge
    from finalist.model import Case

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
    from finalist.coach.summary import brief_summary
    from finalist.model import day_of
    from finalist.render.terminal import case_list_view
    from finalist.render.terminal_people import questions_view
    from finalist.render.terminal_summary import summary_view
    from finalist.settings import Settings
    from finalist.store import open_store

    text = resources.files("finalist").joinpath("examples", DEMO_CASE).read_text("utf-8")
    case = parse_case(text, f"examples/{DEMO_CASE}")
    dated = [day_of(r.date) for r in case.rounds if r.date is not None]
    today = (min(dated) - timedelta(days=DAYS_BEFORE)) if dated else now().date()
    out = console()
    import tempfile

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
            out.print(Rule("3. The brief: what matters first (--full prints every section)"))
            out.print(f"$ finalist brief {result.id} --today {today}", style="dim", markup=False)
            out.print(
                f"(as if today were {today:%a %d %b %Y}, {DAYS_BEFORE} days before the first "
                "round)",
                style="dim",
                markup=False,
            )
            kb = knowledge()
            brief = build_brief(stored.case, today, kb)
            out.print(summary_view(brief, brief_summary(brief, stored.case, result.id)))
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
            _practice_step(out, stored.case, kb, result.id)
            _after_step(out, stored.case, kb)
    out.print()
    out.print(
        "Next: copy examples/harbourline-product-lead.yaml, make it yours, then "
        "finalist import YOUR-CASE.yaml and finalist brief YOUR-CASE-ID. Or do it all in "
        "your browser: finalist serve --open (or make serve).",
        markup=False,
    )


def _practice_step(out: Console, case: Case, kb: Knowledge, case_id: str) -> None:
    """One scripted practice answer: a story told without its result, as people often do."""
    from rich.rule import Rule

    from finalist.coach.answers import Kind, question_kind
    from finalist.coach.interviewers import dossier
    from finalist.coach.practice import Interviewer, respond
    from finalist.coach.questions import predict_questions
    from finalist.knowledge.schema import Archetype, Level
    from finalist.render.terminal_practice import analysis_view

    story = next((s for s in case.stories if s.situation and s.action), None)
    if story is None or not case.rounds or not case.rounds[0].interviewers:
        return
    rnd = case.rounds[0]
    person = rnd.interviewers[-1]
    d = dossier(person, rnd, 1, case, kb)
    likely = predict_questions(person, rnd, case, kb, top=15)
    # a "tell me about a time" question, the kind a story answers
    question = next(
        (
            q
            for q in likely
            if question_kind(q.text) is Kind.story and "tell me about a time" in q.text.lower()
        ),
        likely[0],
    )
    answer = " ".join([story.situation or "", story.action or ""]).strip()
    turn = respond(
        question,
        question.text,
        0,
        answer,
        Interviewer(
            name=d.name, archetype=Archetype(d.archetype.value), level=Level(d.level.value)
        ),
        kb,
        [],
    )
    out.print(Rule(f"5. Practise with {d.name}: one answer, its feedback and the follow-up"))
    out.print(f'$ finalist practice {case_id} -i "{d.name}"', style="dim", markup=False)
    out.print(f"{d.name}: {question.text}", markup=False)
    out.print(
        f"(a scripted answer: the story '{story.title}' told without its result)",
        style="dim",
        markup=False,
    )
    out.print(analysis_view(turn.analysis))
    if turn.probe is not None:
        out.print(f"{d.name} asks next: {turn.probe.text}", style="bold cyan", markup=False)
        out.print(f"(because {turn.probe.why})", style="dim", markup=False)


# A debrief of the demo's first round, as the candidate would log it (our own words).
DEMO_DEBRIEF: dict[str, Any] = {
    "decision_date": None,
    "next_steps": "Daniel said they decide after the last finalist's panel next week and "
    "he will ring me",
    "next_contact": {"who": "Daniel Reyes", "how": "phone"},
    "went_badly": "I ran long on the reconciliation story and had to rush the roadmap answer.",
    "talked_with": [
        {
            "interviewer": "Priya Natarajan",
            "topics": ["how product and engineering plan reliability work together"],
            "interest": "her idea of a standing reliability budget in every quarter's plan",
            "promised": ["the incident review template I mentioned"],
        },
        {
            "interviewer": "Tom Whitaker",
            "topics": ["winning mid-size shippers from the big marketplaces"],
        },
        {
            "interviewer": "Daniel Reyes",
            "topics": ["how the team would split coverage and booking speed next year"],
            "clarify": "I would start with booking speed for the top twenty lanes, then widen "
            "coverage",
        },
    ],
}


def _after_step(out: Console, case: Case, kb: Knowledge) -> None:
    """After the panel: a debrief from the demo's script, the notes and the timeline."""
    from rich.rule import Rule

    from finalist.coach.followup import thank_you_notes
    from finalist.coach.timeline import timeline
    from finalist.editing import set_debrief
    from finalist.model import day_of
    from finalist.render.terminal_after import notes_view, timeline_view

    if not case.rounds or case.rounds[0].date is None:
        return
    day = day_of(case.rounds[0].date)
    names = {p.name for p in case.rounds[0].interviewers}
    debrief = dict(DEMO_DEBRIEF)
    debrief["talked_with"] = [t for t in DEMO_DEBRIEF["talked_with"] if t["interviewer"] in names]
    debriefed, number = set_debrief(case, "1", debrief, day)
    out.print(Rule("6. After the panel: the debrief, one note per person, the timeline"))
    out.print(
        f"$ finalist debrief CASE --round {number}   (here from the demo's script)",
        style="dim",
        markup=False,
    )
    out.print(notes_view(thank_you_notes(debriefed, number, kb, day)))
    out.print(timeline_view(timeline(debriefed, day)))
