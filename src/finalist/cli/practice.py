"""finalist analyze | practice: feedback on one answer, and a mock interview."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from finalist.cli.common import JsonOpt, console, emit_json, knowledge, long_running
from finalist.errors import FinalistError

if TYPE_CHECKING:
    from finalist.coach.practice import Turn
    from finalist.model import Case


def read_answer(source: str | None) -> str:
    """The answer text from a file, or from standard input with '-' or nothing."""
    from finalist.coach.answers import MAX_ANSWER_BYTES, check_answer

    if source in (None, "-"):
        text = sys.stdin.read(MAX_ANSWER_BYTES + 1)
        where = "the answer on standard input"
    else:
        from finalist.casefile import read_text

        text = read_text(Path(source).expanduser(), MAX_ANSWER_BYTES, "answers")
        where = source
    return check_answer(text, where)


def analyze(
    file: Annotated[
        str | None,
        typer.Argument(
            metavar="[FILE|-]",
            help="The answer; '-' or nothing reads standard input.",
            show_default=False,
        ),
    ] = None,
    question: Annotated[
        str | None,
        typer.Option("--question", "-q", help="The question it answers.", show_default=False),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="TITLE",
            help="The interviewer's title, e.g. 'CFO'.",
            show_default=False,
        ),
    ] = None,
    transcript: Annotated[
        bool, typer.Option("--transcript", help="The text is a transcript of speech.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Feedback on one answer: its situation, task, action and result, what is missing,
    the two or three changes that would help most, and a stronger version in your words."""
    from finalist.coach.answers import analyze_answer
    from finalist.coach.interviewers import read_title
    from finalist.knowledge.schema import Archetype, Level

    text = read_answer(file)
    kb = knowledge()
    archetype = level = None
    if title:
        reading = read_title(title, kb)
        archetype, level = Archetype(reading.archetype.value), Level(reading.level.value)
    result = analyze_answer(
        text, kb, question=question, archetype=archetype, level=level, transcript=transcript
    )
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    from finalist.render.terminal_practice import analysis_view

    console().print(analysis_view(result))


ANSWER_SEPARATOR = "---"


def parse_answers(text: str) -> list[str]:
    """Answers in a file, one after another, separated by a line holding only '---'."""
    answers: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip() == ANSWER_SEPARATOR:
            answers.append("\n".join(current).strip())
            current = []
        else:
            current.append(line)
    answers.append("\n".join(current).strip())
    return [a for a in answers if a]


class Answerer:
    """Where answers come from: a script (a file or piped input) or the person at the
    keyboard, with a running timer."""

    def __init__(self, scripted: list[str] | None) -> None:
        self.scripted = scripted

    def ask(self, prompt: str) -> tuple[str | None, int | None]:
        """(answer, seconds taken); None when there is nothing more to answer."""
        if self.scripted is not None:
            if not self.scripted:
                return None, None
            return self.scripted.pop(0), None
        return _ask_at_keyboard(prompt)


def _ask_at_keyboard(prompt: str) -> tuple[str | None, int | None]:
    import time

    from prompt_toolkit import PromptSession
    from prompt_toolkit.key_binding import KeyBindings

    long_running()  # a person answering takes minutes, not milliseconds

    bindings = KeyBindings()

    @bindings.add("enter")
    def _(event):  # type: ignore[no-untyped-def]
        # Enter on an empty last line finishes the answer; otherwise it starts a new line
        buffer = event.current_buffer
        if buffer.text.strip() and buffer.text.endswith("\n"):
            buffer.validate_and_handle()
        elif buffer.text.strip():
            buffer.insert_text("\n")

    start = time.monotonic()

    def clock() -> str:
        elapsed = int(time.monotonic() - start)
        return f"{elapsed // 60}:{elapsed % 60:02d}"

    def toolbar() -> str:
        return f" {clock()} elapsed · Enter twice to finish · Ctrl-D to skip · Ctrl-C to stop"

    # The clock is in the prompt itself too: it runs even where the terminal cannot show
    # a toolbar.
    session: PromptSession[str] = PromptSession(
        message=lambda: f"[{clock()}] > ",
        multiline=True,
        key_bindings=bindings,
        bottom_toolbar=toolbar,
        refresh_interval=1.0,
    )
    try:
        text = session.prompt()
    except EOFError:
        return "", int(time.monotonic() - start)
    return text.strip(), int(time.monotonic() - start)


def practice(
    case: Annotated[
        str, typer.Argument(metavar="CASE", help="A stored case's id, or a case file.")
    ],
    interviewer: Annotated[
        str | None,
        typer.Option(
            "--interviewer", "-i", metavar="NAME", help="Who to practise with.", show_default=False
        ),
    ] = None,
    round_: Annotated[
        str | None,
        typer.Option(
            "--round",
            "-r",
            metavar="N|NAME",
            help="Their round, when they are in several.",
            show_default=False,
        ),
    ] = None,
    count: Annotated[
        int, typer.Option("--questions", "-n", min=1, max=15, help="How many of their questions.")
    ] = 3,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="FILE",
            help="Answers from a file, separated by lines of '---' (for scripts and tests).",
            show_default=False,
        ),
    ] = None,
    history: Annotated[
        bool, typer.Option("--history", help="Show past attempts and whether they improved.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """A mock interview: one interviewer's likely questions, feedback, then their probes.

    Type each answer and press Enter twice; they ask up to two follow-ups on what the
    answer lacked, then the next question. Every answer is saved; Ctrl-C stops and keeps
    what you answered. --history shows your attempts and whether they improved.
    """
    from finalist.cli.common import load_case, now, store

    loaded = load_case(case)
    if history:
        _show_history(loaded.case_id, as_json)
        return
    if interviewer is None:
        raise FinalistError("say who to practise with: --interviewer NAME (see finalist dossier)")
    from finalist.coach.answers import MAX_ANSWER_BYTES
    from finalist.coach.questions import find_interviewer

    find_interviewer(loaded.case, interviewer, round_)  # a wrong name fails before any typing
    scripted = None
    if answers is not None:
        from finalist.casefile import read_text

        scripted = parse_answers(read_text(answers.expanduser(), MAX_ANSWER_BYTES, "answer files"))
        if not scripted:
            raise FinalistError(f"{answers} holds no answers; separate them with lines of '---'")
    elif not sys.stdin.isatty():
        scripted = parse_answers(sys.stdin.read(MAX_ANSWER_BYTES))
        if not scripted:
            raise FinalistError(
                "no answers on standard input: run it in a terminal to answer live, or give "
                "--answers FILE (answers separated by lines of '---')"
            )
    turns = _run(loaded.case, interviewer, round_, count, Answerer(scripted), as_json)
    with store() as opened:
        from finalist.store import Attempt

        for turn in turns:
            opened.save_attempt(Attempt.of(loaded.case_id, turn[0], turn[1], now()))
    if as_json:
        emit_json([t.model_dump(mode="json") for _name, t in turns])
    elif turns:
        print(
            f"\n{len(turns)} answer{'s' if len(turns) > 1 else ''} saved; see your progress "
            f"with: finalist practice {case} --history"
        )


def _run(
    case: Case, name: str, round_ref: str | None, count: int, answerer: Answerer, quiet: bool
) -> list[tuple[str, Turn]]:
    from finalist.coach.answers import check_answer
    from finalist.coach.interviewers import dossier
    from finalist.coach.practice import Interviewer, respond
    from finalist.coach.questions import find_interviewer, predict_questions
    from finalist.knowledge.schema import Archetype, Level
    from finalist.render.terminal_practice import turn_view

    kb = knowledge()
    number, person = find_interviewer(case, name, round_ref)
    rnd = case.rounds[number - 1]
    d = dossier(person, rnd, number, case, kb)
    who = Interviewer(
        name=d.name, archetype=Archetype(d.archetype.value), level=Level(d.level.value)
    )
    out = console()
    turns: list[tuple[str, Turn]] = []
    try:
        for q in predict_questions(person, rnd, case, kb, top=count, number=number):
            prompt, depth = q.text, 0
            asked: list[str] = []
            while True:
                if not quiet:
                    label = "Follow-up" if depth else "Question"
                    out.print(f"\n[bold cyan]{d.name}[/] [dim]({label})[/]")
                    out.print(prompt, markup=False)
                answer, seconds = answerer.ask(prompt)
                if answer is None:
                    return turns
                if not answer.strip():
                    break  # skipped: on to the next question
                check_answer(answer)
                turn = respond(q, prompt, depth, answer, who, kb, asked, seconds)
                turns.append((d.name, turn))
                if not quiet:
                    out.print(turn_view(turn))
                if turn.probe is None:
                    break
                asked.append(turn.probe.text)
                prompt, depth = turn.probe.text, depth + 1
    except KeyboardInterrupt:
        if not quiet:
            out.print("\n[yellow]Stopped.[/]")
    return turns


def _show_history(case_id: str, as_json: bool) -> None:
    from finalist.cli.common import store
    from finalist.coach.practice import PastAttempt, read_history

    with store() as opened:
        past = opened.attempts(case_id)
    result = read_history([PastAttempt.model_validate(a.model_dump()) for a in past])
    if as_json:
        emit_json(result.model_dump(mode="json"))
        return
    from finalist.render.terminal_practice import history_view

    console().print(history_view(result))
