"""The field types of the case file: cleaned, length-limited text, emails and dates.

Text from the user is data: it is normalised here (Unicode NFC, newlines, no control
characters) and limited in length, once, so every shell can show it as plain text.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BeforeValidator, StringConstraints

# --- limits (documented in docs/case-file.md) -------------------------------------------

MAX_NAME = 120
MAX_LINE = 300
MAX_TEXT = 20_000
MAX_LONG_TEXT = 50_000
MAX_ITEMS = 50
MAX_ROUNDS = 20
MAX_STORIES = 100

# --- text types -------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_SPACES = re.compile(r"\s+")


def _clean_text(value: Any) -> Any:
    """Normalise pasted text: NFC, \\n newlines, no control characters, trimmed."""
    if isinstance(value, bool):
        return value  # left for pydantic to reject: yes/no is not text
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return value
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = _CONTROL.sub("", value)
    # Trailing spaces on a line carry no meaning and make YAML block text unreadable.
    value = "\n".join(line.rstrip() for line in value.split("\n"))
    return value.strip()


def _clean_line(value: Any) -> Any:
    value = _clean_text(value)
    if isinstance(value, str):
        value = _SPACES.sub(" ", value)
    return value


def _empty_to_none(value: Any) -> Any:
    value = _clean_text(value)
    return None if value == "" else value


def _empty_line_to_none(value: Any) -> Any:
    value = _clean_line(value)
    return None if value == "" else value


Name = Annotated[
    str, BeforeValidator(_clean_line), StringConstraints(min_length=1, max_length=MAX_NAME)
]
Line = Annotated[
    str, BeforeValidator(_clean_line), StringConstraints(min_length=1, max_length=MAX_LINE)
]
# Optional text: the cleaning runs first and turns "" into None; the limit applies to text.
_NameText = Annotated[str, StringConstraints(max_length=MAX_NAME)]
_LineText = Annotated[str, StringConstraints(max_length=MAX_LINE)]
_Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
_LongText = Annotated[str, StringConstraints(max_length=MAX_LONG_TEXT)]
OptLine = Annotated[_LineText | None, BeforeValidator(_empty_line_to_none)]
OptName = Annotated[_NameText | None, BeforeValidator(_empty_line_to_none)]
OptText = Annotated[_Text | None, BeforeValidator(_empty_to_none)]
OptLongText = Annotated[_LongText | None, BeforeValidator(_empty_to_none)]

_EMAIL = re.compile(r"^[^@\s<>\"',;()\[\]\\]+@[^@\s<>\"',;()\[\]\\]+\.[^@\s<>\"',;.()]{2,}$")


def _check_email(value: Any) -> Any:
    """An address by the standard's syntax (email-validator, no network look-up), and
    plain enough to be the one recipient of a note: no quoting, no comments, no commas."""
    from email_validator import EmailNotValidError, validate_email

    value = _empty_line_to_none(value)
    if isinstance(value, str):
        try:
            if not _EMAIL.match(value):
                raise EmailNotValidError("shape")
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            raise ValueError(
                f"{value[:60]!r} is not an email address; write it as name@example.com"
            ) from None
    return value


OptEmail = Annotated[_NameText | None, BeforeValidator(_check_email)]

# --- dates ------------------------------------------------------------------------------

_DATE_HELP = "write dates as YYYY-MM-DD, or YYYY-MM-DDTHH:MM with a time"


def parse_when(value: Any) -> Any:
    """A date, or a date and time, in ISO 8601; anything else gets a message that helps."""
    if value is None or isinstance(value, datetime | date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date, got {type(value).__name__}; {_DATE_HELP}")
    text = value.strip()
    if not text:
        return None
    has_time = "T" in text or " " in text or ":" in text
    try:
        if has_time:
            parsed: date = datetime.fromisoformat(text.replace(" ", "T", 1))
        else:
            parsed = date.fromisoformat(text)
    except ValueError as exc:
        reason = str(exc)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or "out of range" in reason:
            raise ValueError(f"{text!r} is not a real date ({reason}); {_DATE_HELP}") from None
        raise ValueError(f"{text[:40]!r} is not a date; {_DATE_HELP}") from None
    if not 1950 <= parsed.year <= 2100:
        raise ValueError(f"{text!r} has the year {parsed.year}; check it ({_DATE_HELP})")
    return parsed


When = Annotated[date | datetime | None, BeforeValidator(parse_when)]


# --- time zones -------------------------------------------------------------------------


@cache
def _zone_names() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def _check_zone(value: Any) -> Any:
    """An IANA time-zone name such as Europe/London; spelling of case is forgiven."""
    value = _empty_line_to_none(value)
    if not isinstance(value, str):
        return value
    names = _zone_names()
    name = names.get(value.replace(" ", "_").casefold())
    if name is None:
        import difflib

        close = difflib.get_close_matches(value.replace(" ", "_"), list(names.values()), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise ValueError(
            f"{value[:60]!r} is not a time zone; {hint}write it like Europe/London, "
            "America/New_York or Asia/Tokyo"
        )
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - listed but unreadable
        raise ValueError(f"the time zone {name} cannot be read on this machine") from None
    return name


OptZone = Annotated[_NameText | None, BeforeValidator(_check_zone)]


def localise(when: date | datetime, zone: str | None) -> date | datetime:
    """A round's time as the candidate lives it.

    A time written without an offset is wall-clock time in the candidate's time zone
    (when one is set); a time with an offset (an interview in another zone) is converted
    to it. Without a zone, times stay as written. Dates have no zone.
    """
    if not isinstance(when, datetime) or zone is None:
        return when
    tz = ZoneInfo(zone)
    return when.replace(tzinfo=tz) if when.tzinfo is None else when.astimezone(tz)


def day_of(when: date | datetime) -> date:
    """The calendar day of a date or a date and time."""
    return when.date() if isinstance(when, datetime) else when


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name the same person: case and spacing do not matter."""
    return person_key(a) == person_key(b)


def person_key(name: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", name)).strip().casefold()
