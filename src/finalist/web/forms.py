"""Forms as data: each field has a dotted path into the case ("candidate.email"), a label
and a kind. Posted values are applied to the case's data and the whole case is validated,
so a form accepts exactly what a case file accepts; each problem comes back under the
name of the field it belongs to, to be shown next to it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError

from finalist.casefile import format_path, problems, within_limit
from finalist.errors import FinalistError
from finalist.model import Case, Format, Stage
from finalist.text import ascii_number

MAX_FIELD_CHARS = 60_000  # above the longest case-file field; longer input is refused


@dataclass(frozen=True)
class Field:
    path: str  # dotted, relative to the form's base: "email", "motivation.past"
    label: str
    kind: str = "line"  # line | text | lines | int | date | email | choice | zone
    help: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False


CANDIDATE = (
    Field("name", "Your name", required=True),
    Field("email", "Your email", "email", "Signs your thank-you notes."),
    Field("phone", "Your phone"),
    Field("headline", "Headline", help="One line: what you do."),
    Field("time_zone", "Your time zone", "zone", "For example Europe/London."),
    Field("background", "Background", "text"),
    Field("strengths", "Strengths", "lines", "One per line."),
    Field("motivation.past", "Where you come from", "text"),
    Field("motivation.present", "What you do now", "text"),
    Field("motivation.future", "Where you want to go", "text"),
    Field("motivation.company_draw", "What draws you to this company", "text"),
    Field("motivation.bring", "What you would bring", "text"),
    Field("motivation.draft", 'Your own answer to "why this role?"', "text"),
)
OPPORTUNITY = (
    Field("company", "Company", required=True),
    Field("role", "Role", required=True),
    Field("department", "Department"),
    Field("stage", "Stage", "choice", choices=tuple(s.value for s in Stage)),
    Field("finalists", "How many finalists", "int"),
    Field("job_description", "Job description", "text", "Paste it as it is."),
    Field("company_notes", "Notes on the company", "text"),
    Field("my_questions", "Your own questions to ask", "lines", "One per line."),
)
ROUND = (
    Field("name", "Name", help="For example: Leadership panel."),
    Field("date", "Date", "date", "2026-12-03, or 2026-12-03T09:30 with a time."),
    Field("duration_minutes", "Minutes", "int"),
    Field("format", "Format", "choice", choices=tuple(f.value for f in Format)),
    Field("location", "Where", help="Address or video link."),
    Field("topic", "Presentation topic"),
    Field("presentation_minutes", "Presentation minutes", "int"),
)
INTERVIEWER = (
    Field("name", "Name", required=True),
    Field("title", "Job title"),
    Field("department", "Department"),
    Field("email", "Email", "email"),
    Field(
        "address_as",
        "Address as",
        help="How a note greets them, such as 'Dr Okafor' or 'Sam'. Empty: finalist chooses.",
    ),
    Field("notes", "What you know about them", "text"),
    Field("priorities", "What they care about", "lines", "One per line."),
)
STORY = (
    Field("title", "Title", required=True),
    Field("situation", "Situation", "text"),
    Field("task", "Task", "text"),
    Field("action", "Action", "text"),
    Field("result", "Result", "text"),
    Field("competencies", "Competencies", "lines", "One per line."),
)

# The debrief: per person (posted as "p1.topics", "p2.topics", ...), then for the round.
# The help says what shape the notes need; the advice after saving says what did not fit.
DEBRIEF_PERSON = (
    Field(
        "topics",
        "What you discussed",
        "lines",
        "One topic per line, a few words each, like 'the ETA roadmap' or 'how to measure "
        "inclusion': the note puts each after 'about'.",
    ),
    Field(
        "interest",
        "What they said or proposed that you want to come back to",
        "text",
        "What they said, not what you thought: 'she wants TAs trained in the maths "
        "representations'.",
    ),
    Field(
        "clarify",
        "A fact to correct",
        "text",
        "The right fact, like 'the lead time is nine weeks, not six', or 'I said X; it's "
        "actually Y'.",
    ),
    Field(
        "promised",
        "What you promised to send them",
        "lines",
        "One per line, the thing itself: 'the TA training outline'.",
    ),
)
DEBRIEF = (
    Field(
        "next_steps",
        "What they said about next steps",
        "text",
        "For you: the notes use who, how and by when below, never this text.",
    ),
    Field(
        "next_contact.who",
        "Who said they would be in touch",
        help="One of the people you met, or the recruiter.",
    ),
    Field("next_contact.how", "How", help="Phone, email, a letter."),
    Field("next_contact.by", "By when", "date", "2026-12-18"),
    Field("decision_date", "When they expect to decide", "date", "2026-12-18"),
    Field("went_well", "What went well", "text"),
    Field(
        "went_badly",
        "What did not go well",
        "text",
        "The next round's consensus map lists it as a thing to fix.",
    ),
)


def debrief_person(k: int) -> tuple[Field, ...]:
    """The per-person fields of the debrief form for the k-th person (1 = first)."""
    return tuple(replace(f, path=f"p{k}.{f.path}") for f in DEBRIEF_PERSON)


def form_values(
    fields: Sequence[Field], posted: Mapping[str, Any], *, sent_only: bool = False
) -> tuple[dict[str, Any], dict[str, str]]:
    """The posted values as case data (nested by path), and type errors by field path.
    With ``sent_only`` (an edit merged into the stored case), a field the post does not
    carry is left out, so only the fields that were sent change; an empty field that was
    sent still clears its value."""
    data: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for f in fields:
        if sent_only and f.path not in posted:
            continue
        raw = posted.get(f.path, "")
        if not isinstance(raw, str):
            errors[f.path] = "expected text"
            continue
        if len(raw) > MAX_FIELD_CHARS:
            errors[f.path] = (
                f"this is {len(raw):,} characters, more than finalist keeps "
                f"({MAX_FIELD_CHARS:,}); paste only the relevant part"
            )
            continue
        if f.required and not raw.strip():
            errors[f.path] = f"{f.label} is required"
            continue
        value: Any = raw
        if f.kind == "lines":
            value = [line.strip() for line in raw.splitlines() if line.strip()]
        elif f.kind == "int":
            text = raw.strip()
            if not text:
                value = None
            elif len(text) < 7 and (number := ascii_number(text)) is not None:
                value = number
            else:
                errors[f.path] = f"{text[:30]!r} is not a whole number"
                continue
        elif raw.strip() == "":
            value = None
        _put(data, f.path.split("."), value)
    return data, errors


def _put(data: dict[str, Any], path: list[str], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def validate_case(data: dict[str, Any], base: tuple[str | int, ...] = ()) -> Case:
    """The whole case, or a FormError naming the fields (relative to ``base``)."""
    from finalist.web.app import FormError

    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for path, message in problems(exc):
            if path[: len(base)] == base:
                key = ".".join(str(p) for p in path[len(base) :] if not isinstance(p, int))
            else:
                key = ""
                message = f"{format_path(path)}: {message}"
            errors.setdefault(key, message)
        raise FormError(errors) from None
    try:
        return within_limit(case)
    except FinalistError as exc:
        raise FormError({"": str(exc)}) from None


def merge(target: dict[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``target`` with ``changes`` written over it, nested blocks merged."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = value
    return target


def current(fields: Sequence[Field], data: Mapping[str, Any]) -> dict[str, str]:
    """What to show in the form's inputs for existing data."""
    shown: dict[str, str] = {}
    for f in fields:
        value: Any = data
        for key in f.path.split("."):
            value = value.get(key) if isinstance(value, Mapping) else None
        if value is None:
            shown[f.path] = ""
        elif isinstance(value, list):
            shown[f.path] = "\n".join(str(v) for v in value)
        elif hasattr(value, "isoformat"):
            shown[f.path] = (
                value.isoformat(timespec="minutes") if hasattr(value, "hour") else value.isoformat()
            )
        elif hasattr(value, "value"):
            shown[f.path] = str(value.value)
        else:
            shown[f.path] = str(value)
    return shown
