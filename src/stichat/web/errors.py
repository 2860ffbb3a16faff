"""Domain errors become HTTP answers here, in one table (`ANSWERS`): `{"ok": false, "error", "message"}`."""

from __future__ import annotations

import logging
import sqlite3

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from stichat.domain import errors as e
from stichat.storage import is_storage_failure

#: Seconds a client is asked to wait after a write failed for lack of storage.
STORAGE_RETRY_SECONDS = 30
#: Seconds a client is asked to wait after a limit whose error did not say how long.
DEFAULT_RETRY_SECONDS = 60

#: How a client sees every error of the domain's tree: its HTTP status and its `error` code (docs/api.md
#: lists the codes). Every class of the tree is here, categories too, so a raise never falls through to
#: a guess; tests/unit/test_error_table.py keeps it complete.
ANSWERS: dict[type[e.ChatError], tuple[int, str]] = {
    e.ChatError: (400, "bad_request"),
    e.InvalidInput: (400, "bad_request"),
    e.InvalidSessionId: (400, "invalid_session_id"),
    e.MissingInput: (400, "missing_input"),
    e.MessageTooLong: (400, "message_too_long"),
    e.MissingImage: (400, "missing_image"),
    e.ImageTooLarge: (413, "payload_too_large"),
    e.UnknownButton: (422, "unknown_button"),
    e.EmptyNote: (400, "empty_note"),
    e.NoteTooLong: (400, "note_too_long"),
    e.InvalidStatus: (400, "invalid_status"),
    e.InvalidOperatorName: (400, "invalid_operator_name"),
    e.WeakPassword: (400, "weak_password"),
    e.OperatorExists: (400, "operator_exists"),
    e.ImageRejected: (422, "unprocessable"),
    e.UnsupportedImageType: (415, "unsupported_image_type"),
    e.ImageTooManyPixels: (422, "image_too_many_pixels"),
    e.InvalidImage: (422, "invalid_image"),
    e.NotSignedIn: (401, "unauthorized"),
    e.OperatorTokenRequired: (401, "unauthorized"),
    e.SignInFailed: (401, "sign_in_failed"),
    e.ConsoleSignedOut: (401, "console_signed_out"),
    e.CsrfFailed: (403, "csrf_failed"),
    e.NotFound: (404, "not_found"),
    e.SessionNotFound: (404, "session_not_found"),
    e.TicketNotFound: (404, "ticket_not_found"),
    e.ImageNotFound: (404, "image_not_found"),
    e.TicketChanged: (409, "ticket_changed"),
    e.LinkExpired: (410, "link_expired"),
    e.LimitReached: (429, "rate_limited"),
    e.RateLimitExceeded: (429, "rate_limited"),
    e.TooManyImages: (429, "too_many_images"),
    e.TooManySignIns: (429, "too_many_sign_ins"),
    e.OutOfService: (503, "unavailable"),
    e.SessionBusy: (503, "session_busy"),
    e.DependencyUnavailable: (503, "dependency_unavailable"),
    e.TicketIdsExhausted: (503, "ticket_id_exhausted"),
    e.TicketNotOpened: (503, "unavailable"),
}


def answer_for(exc: e.ChatError) -> tuple[int, str]:
    """The status and code of an error: its own class's entry, else its nearest ancestor's."""
    for kind in type(exc).__mro__:
        if kind in ANSWERS:
            return ANSWERS[kind]
    raise AssertionError("ChatError is in ANSWERS")  # pragma: no cover


def retry_after(exc: e.ChatError, status: int) -> int | None:
    """Retry-After for a 429 (always) and a 503 (when the error knows); never on other answers."""
    if status == 429:
        return exc.retry_after if exc.retry_after is not None else DEFAULT_RETRY_SECONDS
    return exc.retry_after if status == 503 else None

MESSAGES: dict[str, dict[str, str]] = {
    "bad_request": {"es-AR": "No pude entender el pedido.", "en": "I couldn't understand the request."},
    "invalid_json": {"es-AR": "El cuerpo del pedido no es JSON válido.", "en": "The request body is not valid JSON."},
    "invalid_request": {"es-AR": "Faltan datos o tienen un formato incorrecto.",
                        "en": "Some fields are missing or have the wrong type."},
    "invalid_session_id": {"es-AR": "La sesión no es válida. Recargá la página para empezar de nuevo.",
                           "en": "The session is not valid. Reload the page to start again."},
    "message_too_long": {"es-AR": "El mensaje es demasiado largo. Probá resumirlo un poco.",
                         "en": "The message is too long. Try to shorten it a bit."},
    "missing_input": {"es-AR": "Escribí un mensaje o tocá un botón.", "en": "Type a message or tap a button."},
    "unauthorized": {"es-AR": "Hace falta el token de operador.", "en": "The operator token is required."},
    "forbidden": {"es-AR": "No tenés permiso para esto.", "en": "You are not allowed to do this."},
    "origin_not_allowed": {"es-AR": "Este sitio no puede usar el chat.", "en": "This site may not use the chat."},
    "csrf_failed": {"es-AR": "La sesión no coincide. Recargá la página.",
                    "en": "The session does not match. Reload the page."},
    "not_found": {"es-AR": "No encontré lo que buscás.", "en": "I couldn't find what you're looking for."},
    "session_not_found": {"es-AR": "La sesión expiró o no existe. Recargá la página para empezar de nuevo.",
                          "en": "The session expired or doesn't exist. Reload the page to start again."},
    "ticket_not_found": {"es-AR": "No encontré ese ticket.", "en": "I couldn't find that ticket."},
    "image_not_found": {"es-AR": "No encontré esa imagen.", "en": "I couldn't find that image."},
    "link_expired": {"es-AR": "Este enlace venció. Escribinos por WhatsApp y te ayudamos.",
                     "en": "This link has expired. Message us on WhatsApp and we'll help."},
    "payload_too_large": {"es-AR": "El archivo o mensaje es demasiado grande.",
                          "en": "The file or message is too large."},
    "unsupported_image_type": {"es-AR": "Solo puedo recibir fotos JPG, PNG o WebP.",
                               "en": "I can only accept JPG, PNG or WebP photos."},
    "invalid_image": {"es-AR": "La imagen parece dañada. Probá sacar la foto de nuevo.",
                      "en": "The image seems damaged. Try taking the photo again."},
    "image_too_many_pixels": {"es-AR": "La imagen es demasiado grande. Probá con una captura o una foto normal.",
                              "en": "The image is too large. Try a screenshot or a regular photo."},
    "missing_image": {"es-AR": "No llegó ninguna imagen.", "en": "No image arrived."},
    "unknown_button": {"es-AR": "Esa opción no existe.", "en": "That option doesn't exist."},
    "unprocessable": {"es-AR": "No pude procesar el pedido.", "en": "I couldn't process the request."},
    "rate_limited": {"es-AR": "Vas muy rápido 🙂 Esperá {wait} segundos y probá de nuevo.",
                     "en": "You're going a bit fast 🙂 Wait {wait} seconds and try again."},
    "too_many_images": {"es-AR": "Ya recibí el máximo de imágenes para esta consulta.",
                        "en": "I've already received the maximum number of images for this conversation."},
    "too_many_streams": {"es-AR": "Hay demasiadas conexiones de logs abiertas.",
                         "en": "Too many log streams are open."},
    "unavailable": {"es-AR": "El servicio no está disponible en este momento. Probá en un rato.",
                    "en": "The service is unavailable right now. Please try again shortly."},
    "dependency_unavailable": {"es-AR": "El servicio no está disponible en este momento. Probá en un rato.",
                               "en": "The service is unavailable right now. Please try again shortly."},
    "session_busy": {"es-AR": "Estoy terminando tu mensaje anterior. Probá de nuevo en un segundo.",
                     "en": "I'm still finishing your previous message. Try again in a second."},
    "method_not_allowed": {"es-AR": "Método no permitido.", "en": "Method not allowed."},
    "storage_unavailable": {"es-AR": "No puedo guardar nada en este momento. Probá de nuevo en un rato.",
                            "en": "I can't save anything right now. Please try again shortly."},
    "headers_too_large": {"es-AR": "El pedido trae demasiados encabezados.",
                          "en": "The request headers are too large."},
    "host_not_allowed": {"es-AR": "Este servicio no atiende ese nombre.", "en": "This service does not answer "
                                                                              "to that host name."},
    "internal_error": {"es-AR": "Algo falló de nuestro lado. Probá de nuevo.",
                       "en": "Something went wrong on our side. Please try again."},
}


def request_locale(request: Request) -> str:
    locale = getattr(request.state, "locale", None)
    if locale in ("es-AR", "en"):
        return str(locale)
    return locale_from_header(request.headers.get("accept-language", ""))


def locale_from_header(header: str) -> str:
    """es-AR unless the browser prefers English over Spanish."""
    best, best_q = "es-AR", -1.0
    for part in header.split(","):
        lang, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        tag = lang.strip().lower()
        if tag.startswith(("es", "en")) and q > best_q:
            best, best_q = ("en" if tag.startswith("en") else "es-AR"), q
    return best


def error_response(request: Request, status: int, code: str, *, retry_after: int | None = None) -> JSONResponse:
    locale = request_locale(request)
    template = MESSAGES.get(code, MESSAGES["bad_request" if status < 500 else "internal_error"])[locale]
    body = {"ok": False, "error": code, "message": template.format(wait=retry_after or 1)}
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(body, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    async def on_chat_error(request: Request, exc: Exception) -> JSONResponse:
        if not isinstance(exc, e.ChatError):
            return await on_crash(request, exc)
        status, code = answer_for(exc)
        return error_response(request, status, code, retry_after=retry_after(exc, status))

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        if not isinstance(exc, RequestValidationError):
            return await on_crash(request, exc)
        if any(err.get("type") == "json_invalid" for err in exc.errors()):
            return error_response(request, 400, "invalid_json")
        return error_response(request, 422, "invalid_request")

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        if not isinstance(exc, StarletteHTTPException):
            return await on_crash(request, exc)
        code = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}.get(exc.status_code)
        return error_response(request, exc.status_code, code or "bad_request")

    async def on_storage(request: Request, exc: Exception) -> JSONResponse:
        """OSError and SQLite errors are answered here, inside the app, so a full disk is never
        re-raised to the server (which would print a traceback per request)."""
        return await on_crash(request, exc)

    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        if is_storage_failure(exc):
            # A full or read-only disk is a state of the service, not a bug: one line, no traceback (the
            # disk that is full may be the log's), readiness re-probed at once, the client told to wait.
            logging.getLogger("stichat").warning("storage_unavailable", extra={"error": repr(exc)[:200]})
            storage = getattr(getattr(request.app.state, "services", None), "storage", None)
            if storage is not None:
                storage.invalidate()
            return error_response(request, 503, "storage_unavailable", retry_after=STORAGE_RETRY_SECONDS)
        logging.getLogger("stichat").error("unhandled_error", exc_info=exc)
        return error_response(request, 500, "internal_error")

    app.add_exception_handler(e.ChatError, on_chat_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(OSError, on_storage)
    app.add_exception_handler(sqlite3.DatabaseError, on_storage)
    app.add_exception_handler(Exception, on_crash)
