"""Pages that change a case: its details, its rounds, people and stories, and removing
any of them (or the whole case) after a confirmation page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from finalist.errors import FinalistError
from finalist.model import Case
from finalist.store import StoredCase
from finalist.store.cases import StaleCase, stale
from finalist.text import ascii_number
from finalist.web import forms
from finalist.web.app import FormError, check_csrf, context, render
from finalist.web.shared import person_no, posted, round_no, save, stored, story_no, to

router = APIRouter(include_in_schema=False)
Csrf = Depends(check_csrf)


# --- editing --------------------------------------------------------------------------


def _data(s: StoredCase) -> dict[str, Any]:
    data = s.case.model_dump(mode="python")
    data["id"] = s.id  # the id stays, even when the company or role is renamed
    return data


def _edit_page(request: Request, s: StoredCase, status: int = 200, **values: Any) -> Response:
    data = s.case.model_dump(mode="python")
    form = forms.current(forms.CANDIDATE, data["candidate"]) | {
        f"o.{k}": v for k, v in forms.current(forms.OPPORTUNITY, data["opportunity"]).items()
    }
    values.setdefault("form", form)
    return render(
        request,
        "edit.html",
        status,
        s=s,
        candidate=forms.CANDIDATE,
        opportunity=[_prefixed(f, "o.") for f in forms.OPPORTUNITY],
        section="edit",
        **values,
    )


def _prefixed(f: forms.Field, prefix: str) -> forms.Field:
    return forms.Field(prefix + f.path, f.label, f.kind, f.help, f.choices, f.required)


@router.get("/cases/{case_id}/edit")
def edit_case(request: Request, case_id: str) -> Response:
    return _edit_page(request, stored(request, case_id), saved=request.query_params.get("saved"))


@router.post("/cases/{case_id}/edit", dependencies=[Csrf])
async def save_case_details(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    values = await posted(request)
    errors: dict[str, str] = {}
    person, e1 = forms.form_values(forms.CANDIDATE, values, sent_only=True)
    errors |= e1
    opp_values = {k[2:]: v for k, v in values.items() if k.startswith("o.")}
    opportunity, e2 = forms.form_values(forms.OPPORTUNITY, opp_values, sent_only=True)
    errors |= {f"o.{k}": v for k, v in e2.items()}
    try:
        if errors:
            raise FormError(errors)
        data = _data(s)
        forms.merge(data["candidate"], person)
        forms.merge(data["opportunity"], opportunity)
        case = forms.validate_case(data)
    except FormError as exc:
        return _edit_page(request, s, 400, form=values, errors=_on_fields(exc.errors))
    save(request, case)
    return to(f"/cases/{s.id}/edit?saved=details")


def _on_fields(errors: dict[str, str]) -> dict[str, str]:
    """Whole-case errors under the names of the edit form's fields."""
    shown: dict[str, str] = {}
    for key, message in errors.items():
        if key.startswith("candidate."):
            shown[key.removeprefix("candidate.")] = message
        elif key.startswith("opportunity."):
            shown["o." + key.removeprefix("opportunity.")] = message
        elif key.startswith("o.") or key in {f.path for f in forms.CANDIDATE}:
            shown[key] = message
        else:
            shown.setdefault("", message)
    return shown


# rounds, people and stories: one pattern, a list inside the case edited item by item


def _item_page(
    request: Request,
    s: StoredCase,
    kind: str,
    fields: Sequence[forms.Field],
    form: dict[str, Any],
    status: int = 200,
    **values: Any,
) -> Response:
    return render(
        request,
        "item.html",
        status,
        s=s,
        kind=kind,
        fields=fields,
        form=form,
        section="edit",
        **values,
    )


def _apply_item(
    s: StoredCase,
    fields: Sequence[forms.Field],
    values: dict[str, Any],
    where: list[Any],
    index: int | None,
) -> Case:
    """The case with the item at ``where`` (a path to a list) replaced or appended."""
    changes, errors = forms.form_values(fields, values, sent_only=True)
    if errors:
        raise FormError(errors)
    data = _data(s)
    items: Any = data
    for key in where:
        items = items[key]
    if index is None:
        items.append({})
        index = len(items) - 1
    forms.merge(items[index], changes)
    return forms.validate_case(data, (*where, index))


async def _save_item(
    request: Request,
    s: StoredCase,
    kind: str,
    where: list[Any],
    position: int | None,
    after: str,
    **page: Any,
) -> Response:
    """One form post for a round, a person or a story: saved and on to ``after`` (where
    {number} is the number of rounds once saved), or the form again with its errors."""
    fields = ITEM_FIELDS[kind]
    values = await posted(request)
    try:
        case = _apply_item(s, fields, values, where, position)
    except FormError as exc:
        return _item_page(request, s, kind, fields, values, 400, errors=exc.errors, **page)
    save(request, case)
    return to(after.format(number=len(case.rounds)))


ITEM_FIELDS = {"round": forms.ROUND, "person": forms.INTERVIEWER, "story": forms.STORY}


@router.get("/cases/{case_id}/rounds/new")
def new_round(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    return _item_page(request, s, "round", forms.ROUND, {"format": "one-on-one"})


@router.post("/cases/{case_id}/rounds/new", dependencies=[Csrf])
async def add_round(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    after = f"/cases/{s.id}/rounds/{{number}}?saved=round"
    return await _save_item(request, s, "round", ["rounds"], None, after)


@router.get("/cases/{case_id}/rounds/{n}")
def edit_round(request: Request, case_id: str, n: int) -> Response:
    s = stored(request, case_id)
    rnd = s.case.rounds[round_no(s, n)]
    form = forms.current(forms.ROUND, rnd.model_dump(mode="python"))
    saved = request.query_params.get("saved")
    return _item_page(request, s, "round", forms.ROUND, form, number=n, rnd=rnd, saved=saved)


@router.post("/cases/{case_id}/rounds/{n}", dependencies=[Csrf])
async def save_round(request: Request, case_id: str, n: int) -> Response:
    s = stored(request, case_id)
    i = round_no(s, n)
    after = f"/cases/{s.id}/rounds/{n}?saved=round"
    return await _save_item(
        request, s, "round", ["rounds"], i, after, number=n, rnd=s.case.rounds[i]
    )


@router.get("/cases/{case_id}/rounds/{n}/people/new")
def new_person(request: Request, case_id: str, n: int) -> Response:
    s = stored(request, case_id)
    round_no(s, n)
    return _item_page(request, s, "person", forms.INTERVIEWER, {}, number=n)


@router.post("/cases/{case_id}/rounds/{n}/people/new", dependencies=[Csrf])
async def add_person(request: Request, case_id: str, n: int) -> Response:
    s = stored(request, case_id)
    where = ["rounds", round_no(s, n), "interviewers"]
    after = f"/cases/{s.id}/rounds/{n}?saved=person"
    return await _save_item(request, s, "person", where, None, after, number=n)


@router.get("/cases/{case_id}/rounds/{n}/people/{k}")
def edit_person(request: Request, case_id: str, n: int, k: int) -> Response:
    s = stored(request, case_id)
    i, j = person_no(s, n, k)
    form = forms.current(forms.INTERVIEWER, s.case.rounds[i].interviewers[j].model_dump())
    return _item_page(request, s, "person", forms.INTERVIEWER, form, number=n, index=k)


@router.post("/cases/{case_id}/rounds/{n}/people/{k}", dependencies=[Csrf])
async def save_person(request: Request, case_id: str, n: int, k: int) -> Response:
    s = stored(request, case_id)
    i, j = person_no(s, n, k)
    after = f"/cases/{s.id}/rounds/{n}?saved=person"
    return await _save_item(
        request, s, "person", ["rounds", i, "interviewers"], j, after, number=n, index=k
    )


@router.get("/cases/{case_id}/stories/new")
def new_story(request: Request, case_id: str) -> Response:
    return _item_page(request, stored(request, case_id), "story", forms.STORY, {})


@router.post("/cases/{case_id}/stories/new", dependencies=[Csrf])
async def add_story(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    return await _save_item(
        request, s, "story", ["stories"], None, f"/cases/{s.id}/edit?saved=story"
    )


@router.get("/cases/{case_id}/stories/{k}")
def edit_story(request: Request, case_id: str, k: int) -> Response:
    s = stored(request, case_id)
    form = forms.current(forms.STORY, s.case.stories[story_no(s, k)].model_dump())
    return _item_page(request, s, "story", forms.STORY, form, index=k)


@router.post("/cases/{case_id}/stories/{k}", dependencies=[Csrf])
async def save_story(request: Request, case_id: str, k: int) -> Response:
    s = stored(request, case_id)
    j = story_no(s, k)
    after = f"/cases/{s.id}/edit?saved=story"
    return await _save_item(request, s, "story", ["stories"], j, after, index=k)


# --- removing, always after a confirmation page ---------------------------------------


def _removal(s: StoredCase, what: str) -> tuple[str, str, str | None, str]:
    """(what is removed, the page to come back to, the item's stable id, see
    ``editing.round_id``, None for the whole case; and its name alone)."""
    from finalist import editing

    parts = what.split("/")
    if what == "case":
        return f"the case {s.id} and its history", f"/cases/{s.id}", None, s.id
    numbers = [ascii_number(p) for p in parts]
    if parts[0] == "rounds" and len(parts) == 2 and numbers[1] is not None:
        i = round_no(s, numbers[1])
        rnd = s.case.rounds[i]
        return (
            f"{rnd.label(i + 1)}, with its people and debrief",
            f"/cases/{s.id}/rounds/{parts[1]}",
            editing.round_id(rnd),
            rnd.label(i + 1),
        )
    if (
        parts[0] == "rounds"
        and len(parts) == 4
        and parts[2] == "people"
        and numbers[1] is not None
        and numbers[3] is not None
    ):
        i, j = person_no(s, numbers[1], numbers[3])
        rnd = s.case.rounds[i]
        return (
            f"{rnd.interviewers[j].name} from {rnd.label(i + 1)}",
            f"/cases/{s.id}/rounds/{parts[1]}/people/{parts[3]}",
            editing.person_id(rnd, rnd.interviewers[j]),
            rnd.interviewers[j].name,
        )
    if parts[0] == "stories" and len(parts) == 2 and numbers[1] is not None:
        j = story_no(s, numbers[1])
        title = s.case.stories[j].title
        back = f"/cases/{s.id}/stories/{parts[1]}"
        return f"the story {title!r}", back, editing.story_id(title), f"The story {title!r}"
    raise FinalistError("there is nothing like that to remove")


@router.get("/cases/{case_id}/remove/{what:path}")
def confirm_removal(request: Request, case_id: str, what: str) -> Response:
    s = stored(request, case_id)
    label, back, item, name = _removal(s, what)
    return render(
        request, "confirm.html", s=s, label=label, back=back, what=what, item=item, called=name
    )


@router.post("/cases/{case_id}/remove/{what:path}", dependencies=[Csrf])
async def remove(request: Request, case_id: str, what: str) -> Response:
    """Remove what the confirmation showed, found again by its stable id in the case as it
    is now: a change made meanwhile elsewhere in the case (another tab) is kept; an item
    that itself changed, or went, is not removed, and the page says so."""
    from finalist import editing

    fields = await posted(request)
    s = stored(request, case_id)
    ctx = context(request)
    if what == "case":
        shown_at = getattr(request.state, "revision", None)
        if shown_at is not None and shown_at != s.revision:
            raise stale(s.id, shown_at, s.revision)  # it changed since: look again first
        ctx.store.remove_case(s.id)
        return to("/")
    item = fields.get("item")
    if not isinstance(item, str) or not item:
        raise FinalistError("the confirmation is missing what to remove; open it again")
    try:
        case = editing.remove_by_id(s.case, item, _named(fields))
    except editing.ItemGone as exc:
        raise StaleCase(exc.message) from None  # 409, saying why
    request.state.revision = s.revision  # removed from the case as it is now
    save(request, case)
    after = f"/cases/{s.id}/edit?saved=removed"
    for n, rnd in enumerate(s.case.rounds, start=1):  # a person: back to their round
        if any(editing.person_id(rnd, person) == item for person in rnd.interviewers):
            after = f"/cases/{s.id}/rounds/{n}?saved=removed"
    return to(after)


def _named(fields: dict[str, Any]) -> str:
    name = fields.get("name")
    return name[:200] if isinstance(name, str) and name.strip() else "What you chose"
