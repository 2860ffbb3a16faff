"""The customer's data: `GET` exports it, `DELETE` erases it (header x-session-id; CSRF for browsers)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from stichat.domain import errors as e
from stichat.logs import session_id_var
from stichat.services.chat import check_session_id
from stichat.web import views
from stichat.web.responses import ErasedOut, MyDataOut, failures
from stichat.web.security import CsrfHeader, ServicesDep, SessionHeader, is_browser, limit, limit_address
from stichat.web.views import Json

router = APIRouter(prefix="/api/privacy")


async def _session(request: Request, svc: ServicesDep) -> str:
    await limit_address(request, svc, "privacy-address")
    session_id = check_session_id(request.headers.get("x-session-id"))
    session_id_var.set(session_id)
    await limit(svc, svc.settings.rate_limit_chat_session, "privacy", session_id)
    return session_id


#: What a request about one's own data may be refused for.
OWNER_ERRORS = failures(e.RateLimitExceeded, e.InvalidSessionId, e.SessionNotFound, e.CsrfFailed, e.SessionBusy)


@router.get("/my-data", response_model=MyDataOut, responses=OWNER_ERRORS)
async def my_data(request: Request, svc: ServicesDep, x_session_id: SessionHeader = None,
                  x_csrf_token: CsrfHeader = None) -> Json:
    session_id = await _session(request, svc)
    export = await svc.privacy.export(session_id=session_id, csrf=request.headers.get("x-csrf-token"),
                                      browser=is_browser(request))
    return Json(views.my_data(export))


@router.delete("/my-data", response_model=ErasedOut, responses=OWNER_ERRORS)
async def erase_my_data(request: Request, svc: ServicesDep, x_session_id: SessionHeader = None,
                        x_csrf_token: CsrfHeader = None) -> Json:
    session_id = await _session(request, svc)
    erasure = await svc.privacy.erase(session_id=session_id, csrf=request.headers.get("x-csrf-token"),
                                      browser=is_browser(request))
    return Json(views.erased(erasure))
