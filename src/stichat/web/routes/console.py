"""The operator console: sign-in, the queue, a ticket, the overview and the live log (HTML forms).

Routes are thin: they read the cookie and the form, call the services, and render. Every change is a
POST carrying the session's CSRF token; a page for a stranger is the sign-in form and nothing else.
"""

from __future__ import annotations

import contextlib
import time
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from stichat.domain.desk import ConsoleSession, QueueQuery, search_term, status_label
from stichat.domain.errors import (
    ChatError,
    CsrfFailed,
    ImageNotFound,
    InvalidInput,
    NotFound,
    NotSignedIn,
    TicketChanged,
    TooManySignIns,
)
from stichat.web import console_pages as pages
from stichat.web.console_texts import texts
from stichat.web.errors import answer_for, locale_from_header
from stichat.web.security import CONSOLE_COOKIE, ServicesDep, client_ip

router = APIRouter(include_in_schema=False)
COOKIE = CONSOLE_COOKIE
NO_STORE = {"Cache-Control": "no-store"}


def _locale(request: Request) -> str:
    return locale_from_header(request.headers.get("accept-language", ""))


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers=NO_STORE)


async def _session(request: Request, svc: ServicesDep) -> ConsoleSession | None:
    return await svc.operators.session(request.cookies.get(COOKIE))


def _signed_out(request: Request) -> HTMLResponse:
    return _html(pages.sign_in(_locale(request), message=texts(_locale(request))["signed_out"]), 401)


def _back(path: str, notice: str = "") -> RedirectResponse:
    return RedirectResponse(f"{path}?notice={notice}" if notice else path, status_code=303, headers=NO_STORE)


def _day(raw: str | None, *, end: bool = False) -> float | None:
    if not raw:
        return None
    try:
        day = datetime.strptime(raw, "%Y-%m-%d").replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None
    return day + 86400 if end else day


def _notice(request: Request, locale: str) -> str | None:
    key = request.query_params.get("notice", "")
    return texts(locale).get(key) if key in ("status_saved", "note_saved", "smart_saved") else None


@router.get("/console", response_class=HTMLResponse)
async def console(request: Request, svc: ServicesDep, status: str = "", since: str = "", until: str = "",
                  q: str = "") -> HTMLResponse:
    locale, session = _locale(request), await _session(request, svc)
    if session is None:
        return _html(pages.sign_in(locale))
    query = QueueQuery(statuses=(status,) if status in ("new", "in_progress", "waiting_customer", "closed") else (),
                       since=_day(since), until=_day(until, end=True), search=search_term(q))
    items = await svc.desk.queue(query)
    return _html(pages.queue(locale, session, items, query, now=time.time()))


@router.post("/console/sign-in", response_class=HTMLResponse)
async def sign_in(request: Request, svc: ServicesDep, user: Annotated[str, Form(max_length=64)] = "",
                  password: Annotated[str, Form(max_length=256)] = "") -> Response:
    locale, t = _locale(request), texts(_locale(request))
    try:
        signed = await svc.operators.sign_in(user, password, address=client_ip(request, svc.settings.trusted_proxies))
    except TooManySignIns as exc:
        wait = exc.retry_after or 60
        return HTMLResponse(pages.sign_in(locale, message=t["too_many_sign_ins"].format(wait=wait)), 429,
                            headers={**NO_STORE, "Retry-After": str(wait)})
    except NotSignedIn:
        return _html(pages.sign_in(locale, message=t["sign_in_failed"]), 401)
    response = _back("/console")
    response.set_cookie(COOKIE, signed.token, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
    return response


async def _changing(request: Request, svc: ServicesDep, csrf: str) -> ConsoleSession:
    return await svc.operators.require(request.cookies.get(COOKIE), csrf=csrf, change=True)


@router.post("/console/sign-out")
async def sign_out(request: Request, svc: ServicesDep, csrf: Annotated[str, Form(max_length=64)] = "") -> Response:
    with contextlib.suppress(NotSignedIn, CsrfFailed):
        await svc.operators.sign_out(await _changing(request, svc, csrf))
    response = _back("/console")
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


async def _ticket_page(request: Request, svc: ServicesDep, session: ConsoleSession, ticket_id: str, *,
                       message: str | None = None, error: bool = False, status: int = 200) -> HTMLResponse:
    locale = _locale(request)
    try:
        view = await svc.desk.view(ticket_id)
    except NotFound:
        return _html(pages.problem(locale, texts(locale)["not_found"], session), 404)
    return _html(pages.ticket(locale, session, view, message=message or _notice(request, locale), error=error),
                 status)


@router.get("/console/tickets/{ticket_id}", response_class=HTMLResponse)
async def ticket(ticket_id: str, request: Request, svc: ServicesDep) -> HTMLResponse:
    session = await _session(request, svc)
    if session is None:
        return _signed_out(request)
    return await _ticket_page(request, svc, session, ticket_id)


def _problem(request: Request, exc: ChatError, session: ConsoleSession | None = None) -> HTMLResponse:
    t = texts(_locale(request))
    if isinstance(exc, NotSignedIn):
        return _signed_out(request)
    status, code = answer_for(exc)
    return _html(pages.problem(_locale(request), t.get(code, t["csrf_failed"]), session), status)


@router.post("/console/tickets/{ticket_id}/status", response_class=HTMLResponse)
async def change_status(ticket_id: str, request: Request, svc: ServicesDep,
                        csrf: Annotated[str, Form(max_length=64)] = "",
                        status: Annotated[str, Form(max_length=32)] = "",
                        version: Annotated[int, Form(ge=0)] = 0) -> Response:
    try:
        session = await _changing(request, svc, csrf)
    except ChatError as exc:
        return _problem(request, exc)
    locale = _locale(request)
    try:
        await svc.desk.change_status(ticket_id, status, version=version, actor=session.operator)
    except TicketChanged:
        latest = await svc.desk.latest_change(ticket_id)
        state = await svc.desk.view(ticket_id)
        message = texts(locale)["ticket_changed"].format(
            who=latest or "?", status=status_label(state.state.status, locale))
        return await _ticket_page(request, svc, session, ticket_id, message=message, error=True, status=409)
    except (InvalidInput, NotFound) as exc:
        return _problem(request, exc, session)
    return _back(f"/console/tickets/{ticket_id}", "status_saved")


@router.post("/console/tickets/{ticket_id}/notes", response_class=HTMLResponse)
async def add_note(ticket_id: str, request: Request, svc: ServicesDep, csrf: Annotated[str, Form(max_length=64)] = "",
                   text: Annotated[str, Form(max_length=8000)] = "") -> Response:
    try:
        session = await _changing(request, svc, csrf)
        await svc.desk.add_note(ticket_id, text, actor=session.operator)
    except ChatError as exc:
        return _problem(request, exc)
    return _back(f"/console/tickets/{ticket_id}", "note_saved")


@router.post("/console/tickets/{ticket_id}/erase", response_class=HTMLResponse)
async def erase(ticket_id: str, request: Request, svc: ServicesDep, csrf: Annotated[str, Form(max_length=64)] = "",
                confirm: Annotated[str, Form(max_length=8)] = "") -> Response:
    t = texts(_locale(request))
    try:
        session = await _changing(request, svc, csrf)
        if confirm != "yes":
            return await _ticket_page(request, svc, session, ticket_id, message=t["erase_unconfirmed"], error=True,
                                      status=400)
        done = await svc.desk.erase(ticket_id, actor=session.operator)
    except ChatError as exc:
        return _problem(request, exc)
    return await _ticket_page(request, svc, session, ticket_id, message=t["erased"].format(
        tickets=done.tickets, transcripts=done.transcripts, images=done.images))


@router.get("/console/tickets/{ticket_id}/photos/{image_id}")
async def photo(ticket_id: str, image_id: str, request: Request, svc: ServicesDep, thumb: int = 0) -> Response:
    session = await _session(request, svc)
    if session is None:
        return _signed_out(request)
    try:
        view = await svc.desk.view(ticket_id)
        if image_id not in view.ticket.images:
            raise ImageNotFound()
        path = await svc.uploads.file(image_id, session_id=None, operator=True, thumbnail=bool(thumb))
    except NotFound as exc:
        return _problem(request, exc, session)
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "private, no-store"})


@router.get("/console/overview", response_class=HTMLResponse)
async def overview(request: Request, svc: ServicesDep) -> HTMLResponse:
    session = await _session(request, svc)
    if session is None:
        return _signed_out(request)
    locale = _locale(request)
    smart = await svc.smart.status() if svc.smart is not None else None
    return _html(pages.overview(locale, session, await svc.desk.figures(), smart, await svc.desk.audit(30),
                                message=_notice(request, locale)))


@router.post("/console/smart-mode", response_class=HTMLResponse)
async def smart_mode(request: Request, svc: ServicesDep, csrf: Annotated[str, Form(max_length=64)] = "",
                     enabled: Annotated[str, Form(max_length=8)] = "") -> Response:
    try:
        session = await _changing(request, svc, csrf)
    except ChatError as exc:
        return _problem(request, exc)
    if svc.smart is not None:
        await svc.smart.set(enabled == "true")
        await svc.desk.record(session.operator, "smart_mode", "on" if enabled == "true" else "off")
    return _back("/console/overview", "smart_saved")


@router.get("/console/live", response_class=HTMLResponse)
async def live(request: Request, svc: ServicesDep) -> HTMLResponse:
    session = await _session(request, svc)
    if session is None:
        return _signed_out(request)
    return _html(pages.live(_locale(request), session))
