"""The local web app: the whole journey in the browser, from the same ``coach`` functions.

``create_app`` builds the FastAPI application (server-rendered Jinja2 pages with htmx, and
a JSON API under /api). The app opens the store once and loads the knowledge once; every
page calls ``coach`` and renders what it returns. User text reaches the page only through
Jinja2's autoescaping, so any markup in it shows as text.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from finalist import __version__
from finalist.errors import FieldError, FinalistError, NotFound
from finalist.knowledge import Knowledge
from finalist.settings import Settings
from finalist.store import Store
from finalist.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    LOCAL_HOSTS,
    MAX_BODY_BYTES,
    BodyLimit,
    Csrf,
)

HERE = Path(__file__).resolve().parent
log = logging.getLogger("finalist.web")


@dataclass
class WebContext:
    """What every page needs: the store, the knowledge, today's date, the CSRF keys."""

    store: Store
    knowledge: Knowledge
    today: Callable[[], date]
    csrf: Csrf = field(default_factory=Csrf)
    # briefs already built, by (case, revision, day, what was sent): a page for a case that
    # has not changed costs a look-up, not the whole coach again
    briefs: OrderedDict[tuple[object, ...], Any] = field(default_factory=OrderedDict)
    # pages already drawn, by everything they show (see ``render_kept``)
    pages: OrderedDict[tuple[object, ...], str] = field(default_factory=OrderedDict)
    templates: Jinja2Templates = field(
        default_factory=lambda: Jinja2Templates(directory=str(HERE / "templates"))
    )


def context(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.finalist
    return ctx


class FormError(FinalistError):
    """A form's mistakes, by field name ('' for the form as a whole)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


# Values a template may use that only some pages set (templates use StrictUndefined).
_OPTIONAL: dict[str, Any] = {
    "errors": dict,
    "form": dict,
    "printing": False,
    "saved": None,
    "number": None,
    "index": None,
    "rnd": None,
    "turn": None,
    "next_asked": "[]",
    "section": None,
}


def render(request: Request, name: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """A page from its template, with the CSRF token and the navigation it needs."""
    ctx = context(request)
    nonce = getattr(request.state, "csrf_nonce", "")
    for key, default in _OPTIONAL.items():
        values.setdefault(key, default() if callable(default) else default)
    response = ctx.templates.TemplateResponse(
        request,
        name,
        {
            "csrf_field": CSRF_FIELD,
            "csrf_token": ctx.csrf.token(nonce),
            "version": __version__,
            "status_code": status_code,
        }
        | values,
        status_code=status_code,
    )
    return response


PAGES_KEPT = 32  # pages kept per server: the brief of each case open in a tab
_DRAWING = threading.Lock()
_TOKEN_MARK = "csrf-token-" + secrets.token_hex(16)  # stands for the browser's token


def render_kept(
    request: Request, key: tuple[object, ...], name: str, values: Callable[[], dict[str, Any]]
) -> HTMLResponse:
    """A page that shows nothing but what ``key`` names (and this browser's CSRF token):
    drawn once from ``values()``, then kept, with each browser's token put into the kept
    text. A case that changes has a new key, so it is drawn again."""
    ctx = context(request)
    with _DRAWING:  # twenty tabs asking for one changed page draw it once
        page = ctx.pages.get(key)
        if page is None:
            given = values()
            for default_key, default in _OPTIONAL.items():
                given.setdefault(default_key, default() if callable(default) else default)
            page = ctx.templates.get_template(name).render(
                {
                    "csrf_field": CSRF_FIELD,
                    "csrf_token": _TOKEN_MARK,
                    "version": __version__,
                    "status_code": 200,
                }
                | given
            )
            ctx.pages[key] = page
            while len(ctx.pages) > PAGES_KEPT:
                ctx.pages.popitem(last=False)
        else:
            ctx.pages.move_to_end(key)
    token = ctx.csrf.token(getattr(request.state, "csrf_nonce", ""))
    return HTMLResponse(page.replace(_TOKEN_MARK, token))


async def check_csrf(request: Request) -> None:
    """Every form post carries the token of this browser's cookie."""
    ctx = context(request)
    nonce = request.cookies.get(CSRF_COOKIE)
    token = request.headers.get(CSRF_HEADER)
    if token is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        token = value if isinstance(value, str) else None
    if not ctx.csrf.valid(nonce, token):
        raise StarletteHTTPException(
            403,
            "This form has expired or came from another site. Go back, reload the page and "
            "send it again.",
        )


def create_app(
    settings: Settings | None = None,
    *,
    today: Callable[[], date] | None = None,
    store: Store | None = None,
    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS,
    key: str | None = None,
) -> FastAPI:
    """The app for one user's store. ``today`` fixes the date (for tests and the demo).

    With ``key`` (``finalist serve`` makes a new one each time), every request must carry
    it: the link it prints ends in ``?key=...``, which sets a cookie and drops the key from
    the address; scripts send ``Authorization: Bearer KEY``. Other users on the machine,
    and pages on other sites, then cannot read or change anything."""
    from datetime import UTC, datetime

    from finalist.knowledge import load
    from finalist.store import open_store

    settings = settings or Settings.from_env()
    if store is None:
        store = open_store(settings, now=datetime.now(UTC))
    extra = str(settings.knowledge) if settings.knowledge else None
    knowledge = load(extra, str(settings.home / "cache"))
    app = FastAPI(
        title="finalist",
        version=__version__,
        description=(
            "A private, local coach for the second-round interview. The JSON API under /api "
            f"does what the pages do. Request bodies over {MAX_BODY_BYTES // (1024 * 1024)} MB "
            "are refused (413). Changes need a JSON body (Content-Type: application/json)."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.finalist = WebContext(store=store, knowledge=knowledge, today=today or date.today)
    _template_helpers(app.state.finalist.templates)
    app.state.static_dir = HERE / "static"
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def csrf_cookie(request: Request, call_next: Callable[..., Any]) -> Response:
        nonce = request.cookies.get(CSRF_COOKIE)
        fresh = not nonce or len(nonce) > 64
        request.state.csrf_nonce = Csrf.new_nonce() if fresh else nonce
        response: Response = await call_next(request)
        if fresh:
            response.set_cookie(
                CSRF_COOKIE, request.state.csrf_nonce, httponly=True, samesite="strict"
            )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        )
        return response

    if key is not None:
        app.add_middleware(KeyRequired, key=key)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "That did not work."
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no such page. Go back to your cases and choose one."
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=exc.status_code)
        return render(request, "error.html", exc.status_code, message=message)

    @app.exception_handler(FinalistError)
    async def finalist_error(request: Request, exc: FinalistError) -> Response:
        if request.url.path.startswith("/api/"):
            body: dict[str, Any] = {"detail": exc.message}
            if isinstance(exc, FieldError):
                body["field"] = exc.field
            return JSONResponse(body, status_code=_status(exc))
        return render(request, "error.html", _status(exc), message=exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for error in exc.errors()[:5]:
            where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
            problems.append(f"{where}: {error.get('msg', 'invalid')}" if where else error["msg"])
        return JSONResponse({"detail": "; ".join(problems)}, status_code=422)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        message = (
            "Something went wrong inside finalist (a bug, not your mistake). Nothing was "
            "changed. Run finalist serve with FINALIST_DEBUG=1 to see the details to report."
        )
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=500)
        return render(request, "error.html", 500, message=message)

    from finalist.web import (
        api,
        pages_after,
        pages_cases,
        pages_edit,
        pages_practice,
        pages_prepare,
    )

    app.include_router(pages_cases.router)
    app.include_router(pages_edit.router)
    app.include_router(pages_prepare.router)
    app.include_router(pages_practice.router)
    app.include_router(pages_after.router)
    app.include_router(api.router)
    return app


def _template_helpers(templates: Jinja2Templates) -> None:
    from jinja2 import StrictUndefined

    from finalist.coach.answers import STAR_LABEL
    from finalist.knowledge.schema import THEME_LABEL
    from finalist.render.common import (
        glance_rows,
        person_text,
        relative_day,
        round_facts,
        when_text,
    )

    env = templates.env
    env.undefined = StrictUndefined  # a misspelt field fails the tests instead of vanishing
    env.autoescape = True
    env.filters["when"] = when_text
    env.filters["relative"] = relative_day
    env.globals.update(
        glance_rows=glance_rows,
        round_facts=round_facts,
        person_text=person_text,
        theme_label=THEME_LABEL,
        star_label=STAR_LABEL,
    )


KEY_COOKIE = "finalist_key"


class KeyRequired:
    """Only requests that carry the server's key get through (ASGI middleware)."""

    def __init__(self, app: Any, key: str) -> None:
        self.app = app
        self.key = key.encode()

    def _holds(self, value: str | None) -> bool:
        import hmac

        return value is not None and hmac.compare_digest(value.encode(), self.key)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if self._holds(request.query_params.get("key")):
            # the printed link: keep the key in a cookie, not in the address bar or history
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "key"]
            target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
            response: Response = RedirectResponse(target, status_code=303)
            response.set_cookie(KEY_COOKIE, self.key.decode(), httponly=True, samesite="strict")
            await response(scope, receive, send)
            return
        bearer = request.headers.get("authorization", "")
        token = bearer[7:] if bearer.lower().startswith("bearer ") else None
        if self._holds(request.cookies.get(KEY_COOKIE)) or self._holds(token):
            await self.app(scope, receive, send)
            return
        refused = Response(
            "This finalist server needs its key: open the link that finalist serve printed "
            "(it ends in ?key=...), or send Authorization: Bearer KEY.\n",
            status_code=403,
            media_type="text/plain",
        )
        await refused(scope, receive, send)


def _status(exc: FinalistError) -> int:
    from finalist.store.cases import StaleCase

    if isinstance(exc, StaleCase):
        return 409  # the case moved on since the page was shown
    return 404 if isinstance(exc, NotFound) else 400
