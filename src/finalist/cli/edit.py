"""finalist round | interviewer | story: change a stored case without editing YAML."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from finalist.cli.common import CaseArg, now, store, stored_case_id

if TYPE_CHECKING:
    from finalist.model import Case

rounds_app = typer.Typer(
    help="Add, change or remove a round of a stored case.", no_args_is_help=True
)
people_app = typer.Typer(
    help="Add, change or remove an interviewer of a stored case.", no_args_is_help=True
)
stories_app = typer.Typer(
    help="Add, change or remove a story of a stored case.", no_args_is_help=True
)


def _opt(help_text: str, *names: str) -> Any:
    return typer.Option(*names, help=help_text, show_default=False)


RoundRef = Annotated[
    str | None,
    typer.Option(
        "--round",
        "-r",
        metavar="N|NAME",
        help="Which round: its number (1 = first) or its name. Needed when there are several.",
        show_default=False,
    ),
]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do it without asking.")]


def change_stored_case(case_ref: str, change: Callable[[Case], tuple[Case, str]]) -> None:
    """Load a stored case, apply a pure change, save it, and say what happened."""
    with store() as opened:
        stored = opened.get_case(stored_case_id(case_ref))
        new_case, message = change(stored.case)
        result = opened.save_case(new_case, now=now(), expected=stored.revision)
    suffix = "" if result.status.value != "unchanged" else " (nothing changed)"
    print(f"{stored.id}: {message}{suffix}")


def remove_from_stored_case(
    case_ref: str, find: Callable[[Case], tuple[str, str]], question: str, yes: bool
) -> None:
    """Find an item of a stored case (its stable id and its name), ask, then remove it
    from the case as it is by then: found by its id, so what changed elsewhere in the case
    while the question waited is kept, and an item that itself changed is not removed."""
    from finalist import editing

    with store() as opened:
        case_id = stored_case_id(case_ref)
        item, label = find(opened.get_case(case_id).case)
        if not yes and not typer.confirm(question.format(label)):
            print(f"{opened.resolve_id(case_id)}: nothing removed")
            return
        latest = opened.get_case(case_id)
        new_case = editing.remove_by_id(latest.case, item, label)
        opened.save_case(new_case, now=now(), expected=latest.revision)
    print(f"{latest.id}: removed {label}")


# --- rounds ----------------------------------------------------------------------------

Date = Annotated[
    str | None, _opt("Date, or date and time: 2026-12-03 or 2026-12-03T09:30.", "--date")
]
Format = Annotated[
    str | None,
    _opt("panel, one-on-one, presentation, informal, virtual or group.", "--format"),
]
Name = Annotated[str | None, _opt("A name for the round, e.g. 'Leadership panel'.", "--name")]
Duration = Annotated[int | None, _opt("How long it lasts, in minutes.", "--duration")]
Location = Annotated[str | None, _opt("Where it takes place (or the video link).", "--location")]
Topic = Annotated[str | None, _opt("The assigned topic, for a presentation.", "--topic")]
PresMinutes = Annotated[
    int | None,
    _opt("How long the presentation itself lasts, in minutes.", "--presentation-minutes"),
]


def _round_fields(**kw: Any) -> dict[str, Any]:
    return {
        "name": kw["name"],
        "date": kw["date"],
        "format": kw["format"],
        "duration_minutes": kw["duration"],
        "location": kw["location"],
        "topic": kw["topic"],
        "presentation_minutes": kw["presentation_minutes"],
    }


@rounds_app.command("add")
def round_add(
    case: CaseArg,
    date: Date = None,
    format: Format = None,
    name: Name = None,
    duration: Duration = None,
    location: Location = None,
    topic: Topic = None,
    presentation_minutes: PresMinutes = None,
) -> None:
    """Add a round at the end of the case's rounds."""
    from finalist import editing

    fields = _round_fields(**locals())

    def change(c: Case) -> tuple[Case, str]:
        new, number = editing.add_round(c, fields)
        return new, f"added round {number} ({new.rounds[number - 1].label(number)})"

    change_stored_case(case, change)


@rounds_app.command("set")
def round_set(
    case: CaseArg,
    round_: Annotated[
        str, typer.Argument(metavar="ROUND", help="Round number (1 = first) or name.")
    ],
    date: Date = None,
    format: Format = None,
    name: Name = None,
    duration: Duration = None,
    location: Location = None,
    topic: Topic = None,
    presentation_minutes: PresMinutes = None,
) -> None:
    """Change a round's details; options not given stay as they are, '' clears one."""
    from finalist import editing

    fields = _round_fields(**locals())
    change_stored_case(
        case, lambda c: (editing.update_round(c, round_, fields), f"updated round {round_}")
    )


@rounds_app.command("remove")
def round_remove(
    case: CaseArg,
    round_: Annotated[
        str, typer.Argument(metavar="ROUND", help="Round number (1 = first) or name.")
    ],
    yes: Yes = False,
) -> None:
    """Remove a round, with its interviewers and debrief."""
    from finalist import editing

    def find(c: Case) -> tuple[str, str]:
        index = editing.round_index(c, round_)
        return editing.round_id(c.rounds[index]), c.rounds[index].label(index + 1)

    remove_from_stored_case(case, find, "Remove {} with its people and debrief?", yes)


# --- interviewers ----------------------------------------------------------------------

Title = Annotated[str | None, _opt("Job title, e.g. 'VP Engineering'.", "--title")]
Department = Annotated[str | None, _opt("Department, e.g. 'Engineering'.", "--department")]
Email = Annotated[str | None, _opt("Email address, for the thank-you note.", "--email")]
Priorities = Annotated[
    list[str] | None,
    _opt("What this person cares about; repeat for several (replaces the list).", "--priority"),
]
Notes = Annotated[str | None, _opt("What you know about them.", "--notes")]
AddressAs = Annotated[
    str | None,
    _opt(
        "How a note greets them, e.g. 'Dr Okafor' or 'Sam' (default: finalist's choice).",
        "--address-as",
    ),
]


def _person_fields(
    name: str | None,
    title: str | None,
    department: str | None,
    email: str | None,
    priority: list[str] | None,
    notes: str | None,
    address_as: str | None,
) -> dict[str, Any]:
    return {
        "address_as": address_as,
        "name": name,
        "title": title,
        "department": department,
        "email": email,
        "priorities": priority or None,
        "notes": notes,
    }


@people_app.command("add")
def interviewer_add(
    case: CaseArg,
    name: Annotated[str, typer.Option("--name", help="Their full name.", show_default=False)],
    round_: RoundRef = None,
    title: Title = None,
    department: Department = None,
    email: Email = None,
    priority: Priorities = None,
    notes: Notes = None,
    address_as: AddressAs = None,
) -> None:
    """Add a person to a round."""
    from finalist import editing

    fields = _person_fields(name, title, department, email, priority, notes, address_as)

    def change(c: Case) -> tuple[Case, str]:
        new, number = editing.add_interviewer(c, round_, fields)
        return new, f"added {name.strip()} to round {number}"

    change_stored_case(case, change)


@people_app.command("set")
def interviewer_set(
    case: CaseArg,
    person: Annotated[str, typer.Argument(metavar="NAME", help="The person's current name.")],
    round_: RoundRef = None,
    name: Annotated[str | None, _opt("A corrected name.", "--name")] = None,
    title: Title = None,
    department: Department = None,
    email: Email = None,
    priority: Priorities = None,
    notes: Notes = None,
    address_as: AddressAs = None,
) -> None:
    """Change a person's details; options not given stay as they are, '' clears one."""
    from finalist import editing

    fields = _person_fields(name, title, department, email, priority, notes, address_as)
    change_stored_case(
        case,
        lambda c: (
            editing.update_interviewer(c, person, round_, fields),
            f"updated {person.strip()}",
        ),
    )


@people_app.command("remove")
def interviewer_remove(
    case: CaseArg,
    person: Annotated[str, typer.Argument(metavar="NAME", help="The person's name.")],
    round_: RoundRef = None,
    yes: Yes = False,
) -> None:
    """Remove a person from a round."""
    from finalist import editing

    def find(c: Case) -> tuple[str, str]:
        editing.remove_interviewer(c, person, round_)  # refused here if it cannot be
        r, p = editing.find_person(c, person, round_)
        rnd, someone = c.rounds[r], c.rounds[r].interviewers[p]
        return editing.person_id(rnd, someone), f"{someone.name} from round {r + 1}"

    remove_from_stored_case(case, find, "Remove {}?", yes)


# --- stories ---------------------------------------------------------------------------

Situation = Annotated[
    str | None, _opt("The situation: where, when, what was at stake.", "--situation")
]
Task = Annotated[str | None, _opt("Your task or goal in it.", "--task")]
Action = Annotated[str | None, _opt("What you did, in the first person.", "--action")]
Result = Annotated[str | None, _opt("What changed, with a measure if you have one.", "--result")]
Competencies = Annotated[
    list[str] | None,
    _opt("A competency the story shows; repeat for several (replaces the list).", "--competency"),
]


def _story_fields(
    title: str | None,
    situation: str | None,
    task: str | None,
    action: str | None,
    result: str | None,
    competency: list[str] | None,
) -> dict[str, Any]:
    return {
        "title": title,
        "situation": situation,
        "task": task,
        "action": action,
        "result": result,
        "competencies": competency or None,
    }


@stories_app.command("add")
def story_add(
    case: CaseArg,
    title: Annotated[
        str, typer.Option("--title", help="A short, unique title.", show_default=False)
    ],
    situation: Situation = None,
    task: Task = None,
    action: Action = None,
    result: Result = None,
    competency: Competencies = None,
) -> None:
    """Add a story to the case's story bank."""
    from finalist import editing

    fields = _story_fields(title, situation, task, action, result, competency)
    change_stored_case(
        case, lambda c: (editing.add_story(c, fields), f"added story {title.strip()!r}")
    )


@stories_app.command("set")
def story_set(
    case: CaseArg,
    story: Annotated[str, typer.Argument(metavar="TITLE", help="The story's current title.")],
    title: Annotated[str | None, _opt("A new title.", "--title")] = None,
    situation: Situation = None,
    task: Task = None,
    action: Action = None,
    result: Result = None,
    competency: Competencies = None,
) -> None:
    """Change a story; options not given stay as they are, '' clears one."""
    from finalist import editing

    fields = _story_fields(title, situation, task, action, result, competency)
    change_stored_case(
        case, lambda c: (editing.update_story(c, story, fields), f"updated story {story.strip()!r}")
    )


@stories_app.command("remove")
def story_remove(
    case: CaseArg,
    story: Annotated[str, typer.Argument(metavar="TITLE", help="The story's title.")],
    yes: Yes = False,
) -> None:
    """Remove a story from the story bank."""
    from finalist import editing

    def find(c: Case) -> tuple[str, str]:
        title = c.stories[editing.story_index(c, story)].title
        return editing.story_id(title), f"the story {title!r}"

    remove_from_stored_case(case, find, "Remove {}?", yes)
