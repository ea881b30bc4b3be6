"""HTTP endpoints of the desk: pages, fragments for live updates, and the POST actions.

Handlers are thin: they validate what the URL names (through :class:`Desk`, so
nothing outside the project's articles and catalogues can be addressed), check
the CSRF token on every POST, call the library and render a template or JSON.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any
from urllib.parse import quote, unquote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import L10nError
from ..memory import open_memory
from .actions import Conflict
from .desk import EntryInfo, NotFound
from .layout import article_layout
from .publish import preview_html, publish
from .security import CSRF_FIELD, CSRF_HEADER, PREVIEW_CSP

REVIEWER_COOKIE = "l10n_reviewer"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def clean_name(value: str) -> str:
    """A reviewer name safe to write into a PO comment line: one line, no control characters."""
    return " ".join(_CONTROL.sub(" ", value).split())[:80]


def reviewer(request: Request) -> str:
    name = clean_name(unquote(request.cookies.get(REVIEWER_COOKIE, "")))
    return name or request.app.state.default_reviewer


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    state = request.app.state
    context.update(request=request, reviewer=reviewer(request), reviewer_set=bool(request.cookies.get(REVIEWER_COOKIE)),
                   csrf=state.csrf.token_for(request.state.session), project=state.desk.config.name,
                   langs=state.desk.langs)
    return state.templates.TemplateResponse(request, name, context, status_code=status)


async def check_csrf(request: Request) -> dict[str, str]:
    """The form fields of a POST whose CSRF token (header or field) matches the session's."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    token = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD)
    if not request.app.state.csrf.valid(request.state.session, token):
        raise PermissionError("missing or wrong CSRF token: reload the page")
    return form


# -- pages ---------------------------------------------------------------------------
async def overview(request: Request) -> Response:
    rows = await run_in_threadpool(request.app.state.desk.overview)
    return render(request, "overview.html", rows=rows)


async def article_page(request: Request) -> Response:
    desk = request.app.state.desk
    lang, slug = request.path_params["lang"], request.path_params["slug"]

    def load() -> tuple:
        entries = desk.entries(lang, slug)
        article = desk.article(slug)
        return article, article_layout(article, desk.source_lang), entries

    article, blocks, entries = await run_in_threadpool(load)
    counts = {s: sum(1 for e in entries.values() if e.state == s) for s in ("reviewed", "fuzzy", "untranslated")}
    # untranslated first (nothing to judge yet), then by risk; sorted() is stable: document order on ties
    order = sorted((e for e in entries.values() if e.needs_review), key=lambda e: (e.state != "untranslated", -e.risk))
    return render(request, "article.html", article=article, blocks=blocks, entries=entries, lang=lang, slug=slug,
                  counts=counts, queue=[e.id for e in order], engine=request.app.state.engine_name)


async def segment_fragment(request: Request) -> Response:
    desk = request.app.state.desk
    p = request.path_params
    info = await run_in_threadpool(desk.entry, p["lang"], p["slug"], p["ident"])
    return render(request, "_segment.html", e=info, lang=p["lang"], slug=p["slug"], engine=request.app.state.engine_name)


async def panel_fragment(request: Request) -> Response:
    desk = request.app.state.desk
    p = request.path_params

    def load() -> tuple:
        info = desk.entry(p["lang"], p["slug"], p["ident"])
        return info, _matches(request, info, p["lang"]), desk.glossary().find(info.msgid)

    info, matches, terms = await run_in_threadpool(load)
    return render(request, "_panel.html", e=info, matches=matches, terms=terms, lang=p["lang"], slug=p["slug"])


def _matches(request: Request, info: EntryInfo, lang: str) -> list:
    desk = request.app.state.desk
    tm = open_memory(desk.config)
    if tm is None:
        return []
    try:
        return [m for m in tm.lookup(info.msgid, desk.source_lang, lang, limit=4) if m.target != info.msgstr or m.score < 100]
    finally:
        tm.close()


def _signature(info: EntryInfo) -> str:
    """Changes when anything a card shows changes (text, state, reviewer, findings)."""
    data = repr((info.version, info.reviewer, [(f.severity, f.message) for f in info.findings]))
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:12]


async def versions(request: Request) -> Response:
    """What the page polls: each entry's version and card signature."""
    desk = request.app.state.desk
    entries = await run_in_threadpool(desk.entries, request.path_params["lang"], request.path_params["slug"])
    return JSONResponse({ident: {"version": e.version, "sig": _signature(e), "state": e.state,
                                 "reviewer": e.reviewer} for ident, e in entries.items()})


async def preview(request: Request) -> Response:
    desk = request.app.state.desk
    text = await run_in_threadpool(preview_html, desk, request.path_params["lang"], request.path_params["slug"])
    return HTMLResponse(text, headers={"Content-Security-Policy": PREVIEW_CSP})


# -- actions -------------------------------------------------------------------------
async def entry_action(request: Request) -> Response:
    form = await check_csrf(request)
    p = request.path_params
    state = request.app.state
    text = form.get("text")
    try:
        message = await run_in_threadpool(state.actions.apply, p["lang"], p["slug"], p["ident"], p["action"],
                                          form.get("version", ""), reviewer(request), text)
    except Conflict as conflict:
        return JSONResponse({"ok": False, "conflict": {"theirs": conflict.theirs, "state": conflict.state,
                                                       "reviewer": conflict.reviewer, "version": conflict.version,
                                                       "yours": conflict.yours}, "error": str(conflict)}, 409)
    info = await run_in_threadpool(state.desk.entry, p["lang"], p["slug"], p["ident"])
    return JSONResponse({"ok": True, "message": message, "version": info.version, "state": info.state,
                         "sig": _signature(info)})


async def add_term(request: Request) -> Response:
    form = await check_csrf(request)
    message = await run_in_threadpool(request.app.state.actions.add_term, form.get("source", "").strip(),
                                      form.get("target", "").strip(), form.get("type", "term").strip() or "term",
                                      form.get("forbidden", "").strip(), form.get("note", "").strip())
    return JSONResponse({"ok": True, "message": message})


async def publish_article(request: Request) -> Response:
    await check_csrf(request)
    result = await run_in_threadpool(publish, request.app.state.desk, request.path_params["lang"],
                                     request.path_params["slug"])
    return JSONResponse({"ok": result.published, **result.as_dict()}, 200 if result.published else 422)


async def set_reviewer(request: Request) -> Response:
    form = await check_csrf(request)
    name = clean_name(form.get("name", ""))
    target = form.get("next", "/")
    if not target.startswith("/") or target.startswith("//"):
        target = "/"  # never redirect off the desk
    response = RedirectResponse(target, status_code=303)
    if name:
        response.set_cookie(REVIEWER_COOKIE, quote(name), max_age=365 * 86400, httponly=True, samesite="strict")
    else:
        response.delete_cookie(REVIEWER_COOKIE)
    return response


# -- errors --------------------------------------------------------------------------
def _wants_json(request: Request) -> bool:
    return request.method == "POST" or "application/json" in request.headers.get("accept", "")


async def not_found(request: Request, exc: Exception) -> Response:
    message = str(exc) if isinstance(exc, NotFound) else "no such page on this desk"
    if _wants_json(request):
        return JSONResponse({"ok": False, "error": message}, 404)
    return render(request, "error.html", status=404, title="Not found", message=message)


async def forbidden(request: Request, exc: Exception) -> Response:
    return JSONResponse({"ok": False, "error": str(exc)}, 403)


async def refused(request: Request, exc: Exception) -> Response:
    if _wants_json(request):
        return JSONResponse({"ok": False, "error": str(exc)}, 422)
    return render(request, "error.html", status=422, title="Cannot do that", message=str(exc))


ENTRY = "/a/{lang}/{slug}"
ROUTES = [
    Route("/", overview),
    Route("/reviewer", set_reviewer, methods=["POST"]),
    Route("/glossary", add_term, methods=["POST"]),
    Route(ENTRY, article_page),
    Route(ENTRY + "/versions", versions),
    Route(ENTRY + "/seg/{ident}", segment_fragment),
    Route(ENTRY + "/panel/{ident}", panel_fragment),
    Route(ENTRY + "/entry/{ident}/{action}", entry_action, methods=["POST"]),
    Route(ENTRY + "/preview", preview),
    Route(ENTRY + "/publish", publish_article, methods=["POST"]),
    Route("/favicon.ico", lambda request: RedirectResponse("/static/favicon.svg", status_code=301)),
    Mount("/static", app=StaticFiles(packages=[("l10n.serve", "static")]), name="static"),
]
EXCEPTION_HANDLERS = {404: not_found, NotFound: not_found, PermissionError: forbidden, L10nError: refused}
