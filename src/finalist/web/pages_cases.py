"""Pages for the cases themselves: the list, creating, editing, deleting, the brief and
its downloads."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from finalist.casefile import dump_case, parse_case
from finalist.errors import FinalistError
from finalist.web import forms
from finalist.web.app import FormError, check_csrf, context, render, render_kept
from finalist.web.shared import (
    brief_for,
    download,
    now,
    posted,
    save,
    sent,
    sent_key,
    stored,
    to,
)

if TYPE_CHECKING:
    from finalist.store import StoredCase

router = APIRouter(include_in_schema=False)
Csrf = Depends(check_csrf)


# --- the list -------------------------------------------------------------------------


@router.get("/")
def index(request: Request) -> Response:
    from finalist.coach.glance import at_a_glance

    ctx = context(request)
    day = ctx.today()
    from finalist.coach.glance import by_next_round

    pairs = {}
    for s in ctx.store.all_cases():
        g = at_a_glance(s.case, day)
        pairs[id(g)] = (s, g)
    rows = [pairs[id(g)] for g in by_next_round([g for _s, g in pairs.values()])]
    return render(request, "index.html", rows=rows, today=day)


# --- creating -------------------------------------------------------------------------

NEW_CASE = (
    forms.Field("candidate.name", "Your name", required=True),
    forms.Field("candidate.email", "Your email", "email", "Signs your thank-you notes."),
    forms.Field("opportunity.company", "Company", required=True),
    forms.Field("opportunity.role", "Role", required=True),
    forms.Field(
        "opportunity.stage",
        "Stage",
        "choice",
        choices=forms.OPPORTUNITY[3].choices,
    ),
)


@router.get("/cases/new")
def new_case(request: Request) -> Response:
    return render(request, "new.html", fields=NEW_CASE, form={"opportunity.stage": "second-round"})


@router.post("/cases/new", dependencies=[Csrf])
async def create_case(request: Request) -> Response:
    values = await posted(request)
    try:
        data, errors = forms.form_values(NEW_CASE, values)
        if errors:
            raise FormError(errors)
        data.setdefault("opportunity", {})
        case = forms.validate_case(data)
        if case.case_id() in context(request).store.case_ids():
            raise FormError(
                {
                    "opportunity.role": f"you already have a case for this role ({case.case_id()})"
                    "; open it from the list, or name the role differently"
                }
            )
    except FormError as exc:
        return render(request, "new.html", 400, fields=NEW_CASE, form=values, errors=exc.errors)
    return to(f"/cases/{save(request, case).id}/edit")


@router.post("/cases/import", dependencies=[Csrf])
async def import_case(request: Request) -> Response:
    form = await request.form()
    upload = form.get("file")
    pasted = form.get("text")
    source = "the pasted text"
    text = ""
    try:
        if isinstance(upload, UploadFile) and upload.filename:
            source = upload.filename[:120]
            raw = await upload.read()
            if b"\x00" in raw[:8192]:
                raise FinalistError(f"{source} is not a text file; upload a case file (.yaml)")
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise FinalistError(
                    f"{source} is not UTF-8 text; save it as UTF-8 and upload it again"
                ) from None
        elif isinstance(pasted, str) and pasted.strip():
            text = pasted
        else:
            raise FinalistError("choose a case file to upload, or paste one into the box")
        case = parse_case(text, source)
    except FinalistError as exc:
        return render(
            request,
            "new.html",
            400,
            fields=NEW_CASE,
            form={"opportunity.stage": "second-round", "text": pasted or ""},
            errors={"import": exc.message},
        )
    return to(f"/cases/{save(request, case).id}")


# --- one case: the brief and its downloads --------------------------------------------


@router.get("/cases/{case_id}")
def brief_page(request: Request, case_id: str) -> Response:
    """The brief: drawn once per case revision, day and notes sent, then a look-up."""
    ctx = context(request)
    found, revision = ctx.store.case_revision(case_id)
    key = ("brief", found, revision, ctx.today(), sent_key(sent(request, found)), _pdf_ready())

    def values() -> dict[str, Any]:
        s = stored(request, found)
        return {**_brief(request, s), "pdf_ready": key[-1], "section": "brief"}

    return render_kept(request, key, "brief.html", values)


def _brief(request: Request, s: StoredCase) -> dict[str, Any]:
    """What the brief page shows: every section, the summary first, the scripts once."""
    from finalist.coach.brief import shared_scripts
    from finalist.coach.summary import brief_summary

    brief = brief_for(request, s)
    return {
        "s": s,
        "brief": brief,
        "summary": brief_summary(brief, s.case, s.id),
        "scripts": shared_scripts(brief),
    }


@cache
def _pdf_ready() -> bool:
    import importlib.util

    return importlib.util.find_spec("weasyprint") is not None


@router.get("/cases/{case_id}/brief.md")
def brief_markdown(request: Request, case_id: str) -> Response:
    from finalist.render.markdown import brief_md

    s = stored(request, case_id)
    text = brief_md(brief_for(request, s))
    return download(text, f"{s.id}-brief.md", "text/markdown; charset=utf-8")


@router.get("/cases/{case_id}/brief.pdf")
def brief_pdf(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    if not _pdf_ready():
        return render(request, "pdf_missing.html", 501, s=s)
    from weasyprint import HTML  # type: ignore[import-not-found, unused-ignore]

    page = render(request, "brief.html", **_brief(request, s), pdf_ready=True, printing=True)
    css = str(request.app.state.static_dir / "finalist.css")
    from weasyprint import CSS

    def offline(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        raise ValueError(f"{url}: the PDF is made from the page alone, nothing is fetched")

    html = HTML(string=bytes(page.body).decode("utf-8"), url_fetcher=offline)
    pdf = html.write_pdf(stylesheets=[CSS(filename=css)])
    return download(pdf, f"{s.id}-brief.pdf", "application/pdf")


@router.get("/cases/{case_id}/timeline.ics")
def timeline_ics(request: Request, case_id: str) -> Response:
    from finalist.coach.timeline import timeline
    from finalist.render.ics import timeline_ics as ics

    ctx = context(request)
    s = stored(request, case_id)
    tl = timeline(s.case, ctx.today())
    if tl.message:
        raise FinalistError(tl.message)
    body = ics(tl, s.id, s.case.opportunity.company, now())
    return download(body, f"{s.id}-timeline.ics", "text/calendar; charset=utf-8")


@router.get("/cases/{case_id}/case.yaml")
def export_case(request: Request, case_id: str) -> Response:
    s = stored(request, case_id)
    return download(dump_case(s.case), f"{s.id}.yaml", "application/yaml; charset=utf-8")
