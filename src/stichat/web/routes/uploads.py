"""Image uploads: multipart field `image`, header `x-session-id`; status and processed file."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse
from starlette.datastructures import UploadFile

from stichat.domain import errors as e
from stichat.logs import session_id_var
from stichat.services.chat import check_session_id
from stichat.web import views
from stichat.web.responses import BAD_QUERY, ImageOut, UploadOut, failures
from stichat.web.security import (
    BearerHeader,
    CsrfHeader,
    ServicesDep,
    SessionHeader,
    TokenQuery,
    is_browser,
    is_operator,
    limit,
    limit_address,
)
from stichat.web.views import Json

router = APIRouter(prefix="/api/upload-image")


def _session(request: Request) -> str:
    return check_session_id(request.headers.get("x-session-id"))


#: The body is parsed by the route itself (with its own limits); this tells OpenAPI what it is.
UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["image"],
    "properties": {"image": {"type": "string", "format": "binary",
                             "description": "a JPEG, PNG or WebP photo, at most MAX_UPLOAD_MB"}}}}}}}


@router.post("", openapi_extra=UPLOAD_BODY, response_model=UploadOut, responses=failures(
    e.InvalidSessionId, e.SessionNotFound, e.CsrfFailed, e.RateLimitExceeded, e.MissingImage, e.ImageTooLarge,
    e.UnsupportedImageType, e.ImageTooManyPixels, e.InvalidImage, e.TooManyImages, e.SessionBusy,
    e.DependencyUnavailable))
async def upload(request: Request, svc: ServicesDep, x_session_id: SessionHeader = None,
                 x_csrf_token: CsrfHeader = None) -> Json:
    await limit_address(request, svc, "upload-address")  # before the session is looked up: unknown ones too
    session_id = _session(request)
    session_id_var.set(session_id)
    conversation, csrf = await svc.chat.load(session_id)
    request.state.locale = conversation.locale
    if is_browser(request):
        svc.chat.check_csrf(csrf, request.headers.get("x-csrf-token"))
    await limit(svc, svc.settings.rate_limit_upload, "upload", session_id)
    cap = svc.settings.max_upload_mb * 1024 * 1024
    # The body cap is enforced while it streams in (BodyLimit middleware: MAX_UPLOAD_MB plus room for
    # the multipart envelope); the file part is spooled by Starlette, to a temporary file past 1 MB.
    async with request.form(max_files=1, max_fields=5) as form:
        image = form.get("image")
        if not isinstance(image, UploadFile):
            raise e.MissingImage("send the photo in the multipart field 'image'")
        data = await image.read(cap + 1)
    if len(data) > cap:
        raise e.ImageTooLarge()
    record = await svc.uploads.accept(session_id=session_id, data=data)  # 415/422/429; processing is queued
    return Json(views.upload(record))


@router.get("/{image_id}", response_model=ImageOut, responses=failures(e.ImageNotFound))
async def status(image_id: str, request: Request, svc: ServicesDep, x_session_id: SessionHeader = None,
                 token: TokenQuery = None, authorization: BearerHeader = None) -> Json:
    record = await svc.uploads.record(image_id, session_id=request.headers.get("x-session-id"),
                                      operator=is_operator(request, svc.settings.log_token))
    return Json(views.image_status(record))


@router.get("/{image_id}/file", response_class=FileResponse, responses={
    200: {"content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}}},
    **failures(e.ImageNotFound, edge=BAD_QUERY)})
async def file(image_id: str, request: Request, svc: ServicesDep, thumb: bool = False,
               x_session_id: SessionHeader = None, token: TokenQuery = None,
               authorization: BearerHeader = None) -> FileResponse:
    path = await svc.uploads.file(image_id, session_id=request.headers.get("x-session-id"),
                                  operator=is_operator(request, svc.settings.log_token), thumbnail=thumb)
    return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "private, max-age=3600"})
