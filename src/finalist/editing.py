"""Changing a case without editing YAML: add, change or remove a round, a person, a story.

Pure functions from a case to a new case. Every change is validated as a whole case, so
a change that would break a rule (the same person twice in a round) is refused with the
option to fix, and nothing is saved.
"""

from __future__ import annotations

import difflib
import hashlib
from datetime import date
from typing import Any

from pydantic import ValidationError

from finalist.casefile import format_path, problems
from finalist.errors import FieldError, FinalistError
from finalist.model import Case, Interviewer, Round, day_of, person_key, same_person
from finalist.text import ascii_number

Fields = dict[str, Any]


def _rebuild(data: dict[str, Any], changed: Fields) -> Case:
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        path, message = problems(exc)[0]
        field = next((p for p in reversed(path) if isinstance(p, str)), "")
        if field in changed:
            raise FieldError(field, message, f"--{field.replace('_', '-')}: {message}") from None
        raise FinalistError(f"{format_path(path)}: {message}") from None


def _given(fields: Fields) -> Fields:
    """Only the options the user gave; an empty text clears a field."""
    return {k: v for k, v in fields.items() if v is not None}


def _data(case: Case) -> dict[str, Any]:
    return case.model_dump(mode="python")


# --- rounds -------------------------------------------------------------------------


def round_index(case: Case, ref: str | None) -> int:
    """The 0-based index of the round the user means: by number (1 = first) or by name."""
    count = len(case.rounds)
    listing = "; ".join(f"{i} = {r.label(i)}" for i, r in enumerate(case.rounds, start=1))
    if ref is None or not ref.strip():
        if count == 1:
            return 0
        if count == 0:
            raise FinalistError("the case has no rounds yet; add one with: finalist round add CASE")
        raise FinalistError(f"the case has {count} rounds ({listing}); say which with --round N")
    ref = ref.strip()
    number = ascii_number(ref)
    if number is not None:
        if 1 <= number <= count:
            return number - 1
        raise FinalistError(
            f"there is no round {number}; "
            + (f"the case has {count} ({listing})" if count else "the case has no rounds yet")
        )
    labels = [r.label(i) for i, r in enumerate(case.rounds, start=1)]
    for i, label in enumerate(labels):
        if person_key(label) == person_key(ref):
            return i
    close = difflib.get_close_matches(ref, labels, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}?" if close else f"the rounds are: {listing or 'none'}"
    raise FinalistError(f"no round called {ref[:60]!r}; {hint}")


def add_round(case: Case, fields: Fields) -> tuple[Case, int]:
    """The case with a new round at the end, and the new round's number."""
    data = _data(case)
    given = _given(fields)
    data["rounds"].append(given)
    new = _rebuild(data, given)
    return new, len(new.rounds)


def update_round(case: Case, ref: str | None, fields: Fields) -> Case:
    index = round_index(case, ref)
    data = _data(case)
    given = _given(fields)
    data["rounds"][index].update(given)
    return _rebuild(data, given)


# --- interviewers -------------------------------------------------------------------


def find_person(case: Case, name: str, round_ref: str | None) -> tuple[int, int]:
    """(round index, person index) of a person; asks for --round when the name is ambiguous."""
    rounds = [round_index(case, round_ref)] if round_ref else range(len(case.rounds))
    hits = [
        (r, p)
        for r in rounds
        for p, person in enumerate(case.rounds[r].interviewers)
        if same_person(person.name, name)
    ]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        numbers = ", ".join(str(r + 1) for r, _ in hits)
        raise FinalistError(f"{name!r} is in rounds {numbers}; say which with --round N")
    names = sorted({p.name for r in rounds for p in case.rounds[r].interviewers})
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    hint = (
        f"did you mean {close[0]!r}?"
        if close
        else (f"the people are: {', '.join(names)}" if names else "no interviewers are listed yet")
    )
    raise FinalistError(f"no interviewer called {name[:60]!r}; {hint}")


def add_interviewer(case: Case, round_ref: str | None, fields: Fields) -> tuple[Case, int]:
    """The case with a new person in a round, and that round's number."""
    index = round_index(case, round_ref)
    data = _data(case)
    given = _given(fields)
    data["rounds"][index]["interviewers"].append(given)
    return _rebuild(data, given), index + 1


def update_interviewer(case: Case, name: str, round_ref: str | None, fields: Fields) -> Case:
    """Change a person's details; a new name is carried into the round's debrief too."""
    r, p = find_person(case, name, round_ref)
    data = _data(case)
    given = _given(fields)
    person = data["rounds"][r]["interviewers"][p]
    old_name = person["name"]
    person.update(given)
    debrief = data["rounds"][r].get("debrief")
    if "name" in given and debrief:
        for talk in debrief["talked_with"]:
            if same_person(talk["interviewer"], old_name):
                talk["interviewer"] = given["name"]
    return _rebuild(data, given)


def remove_interviewer(case: Case, name: str, round_ref: str | None) -> tuple[Case, int]:
    r, p = find_person(case, name, round_ref)
    debrief = case.rounds[r].debrief
    if debrief and any(same_person(t.interviewer, name) for t in debrief.talked_with):
        raise FinalistError(
            f"{name!r} has debrief notes in round {r + 1}; remove those from the case file "
            "first, so nothing you wrote is lost by accident"
        )
    data = _data(case)
    del data["rounds"][r]["interviewers"][p]
    return _rebuild(data, {}), r + 1


# --- stories ------------------------------------------------------------------------


def story_index(case: Case, title: str) -> int:
    for i, story in enumerate(case.stories):
        if person_key(story.title) == person_key(title):
            return i
    titles = [s.title for s in case.stories]
    close = difflib.get_close_matches(title, titles, n=1, cutoff=0.5)
    hint = (
        f"did you mean {close[0]!r}?"
        if close
        else ("finalist show CASE lists them" if titles else "the case has no stories yet")
    )
    raise FinalistError(f"no story titled {title[:60]!r}; {hint}")


def add_story(case: Case, fields: Fields) -> Case:
    data = _data(case)
    given = _given(fields)
    data["stories"].append(given)
    return _rebuild(data, given)


def update_story(case: Case, title: str, fields: Fields) -> Case:
    index = story_index(case, title)
    data = _data(case)
    given = _given(fields)
    data["stories"][index].update(given)
    return _rebuild(data, given)


# --- removing by a stable id ----------------------------------------------------------
# A removal is asked about one version of the case ("Remove Round 2?") and done on the
# newest, which may differ: a story added meanwhile, the rounds reordered. So the item is
# found again by what it is, never by where it stood: a round by its details and people
# (a round changed since is not the round that was confirmed), a person by their round's
# details and their name, a story by its title (titles are unique in a case).


def round_id(rnd: Round) -> str:
    """A round's id while it stays as it is."""
    return "round-" + hashlib.sha256(rnd.model_dump_json().encode()).hexdigest()[:16]


def _details_id(rnd: Round) -> str:
    details = rnd.model_dump_json(exclude={"interviewers", "debrief"})
    return hashlib.sha256(details.encode()).hexdigest()[:16]


def person_id(rnd: Round, person: Interviewer) -> str:
    return f"person-{_details_id(rnd)}-{person_key(person.name)}"


def story_id(title: str) -> str:
    return f"story-{person_key(title)}"


class ItemGone(FinalistError):
    """The item asked about is no longer in the case as it was."""


def _gone(what: str) -> ItemGone:
    return ItemGone(
        f"{what} was changed or removed since you asked to remove it; nothing was removed: "
        "look at the case again and remove it from there if you still want to"
    )


def remove_by_id(case: Case, item: str, what: str) -> Case:
    """The case without the round, person or story ``item`` names (see ``round_id``),
    wherever it now stands; refused when it is no longer there as it was. ``what`` names
    it in the message ("Round 2")."""
    data = _data(case)
    for r, rnd in enumerate(case.rounds):
        if round_id(rnd) == item:
            del data["rounds"][r]
            return _rebuild(data, {})
        for person in rnd.interviewers:
            if person_id(rnd, person) == item:
                removed, _ = remove_interviewer(case, person.name, str(r + 1))
                return removed
    for k, story in enumerate(case.stories):
        if story_id(story.title) == item:
            del data["stories"][k]
            return _rebuild(data, {})
    raise _gone(what)


def round_to_debrief(case: Case, round_ref: str | None, today: date) -> int:
    """The 0-based index of the round to debrief; a round still to come is refused (ask
    this before asking for the debrief, so nothing typed is lost)."""
    index = round_index(case, round_ref)
    held = case.when(case.rounds[index])
    if held is not None and day_of(held) > today:
        raise FinalistError(
            f"{case.rounds[index].label(index + 1)} is on {day_of(held).isoformat()}, "
            "still to come: debrief it after it has taken place"
        )
    return index


def set_debrief(
    case: Case, round_ref: str | None, debrief: Fields, today: date
) -> tuple[Case, int]:
    """The case with a round's debrief replaced; a round still to come is refused.

    Who will be in touch is written as the case names them when it means one person met
    ("Mrs Akinola" is Folasade Akinola), so the notes can tell whose call it is. A
    mistake is a FieldError naming its place inside the debrief ("next_contact.by").
    """
    index = round_to_debrief(case, round_ref, today)
    rnd = case.rounds[index]
    first = case.opportunity.first_round
    people = [*rnd.interviewers, *(first.interviewers if first else [])]
    data = _data(case)
    data["rounds"][index]["debrief"] = _contact_named(debrief, people)
    try:
        return Case.model_validate(data), index + 1
    except ValidationError as exc:
        path, message = problems(exc)[0]
        where = ("rounds", index, "debrief")
        full = f"{format_path(path)}: {message}"
        if path[: len(where)] == where and len(path) > len(where):
            raise FieldError(format_path(path[len(where) :]), message, full) from None
        raise FinalistError(full) from None


def _contact_named(debrief: Fields, people: list[Interviewer]) -> Fields:
    from finalist.coach.debrief_advice import person_meant

    contact = debrief.get("next_contact") if isinstance(debrief, dict) else None
    if not isinstance(contact, dict) or not isinstance(contact.get("who"), str):
        return debrief
    meant = person_meant(" ".join(contact["who"].split()), people)
    if meant is None:
        return debrief
    return {**debrief, "next_contact": {**contact, "who": meant}}
