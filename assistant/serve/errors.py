"""Every error leaves the API as `{"error": {"code": ..., "message": ...}}`, never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import AssistantError, RateLimited

log = logging.getLogger(__name__)

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _field(loc: tuple | list) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def validation_message(errors: list[dict]) -> tuple[str, str]:
    """(code, message) for pydantic errors: 'question: String should have at most 4000 characters'."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return "invalid_json", "the request body is not valid JSON"
    parts = []
    for e in errors[:5]:
        msg = str(e.get("msg", "invalid value")).removeprefix("Value error, ")
        parts.append(f"{_field(e.get('loc', ()))}: {msg}")
    return "invalid_input", "; ".join(parts)


async def _assistant_error(request: Request, exc: AssistantError) -> JSONResponse:
    if exc.http_status >= 500:
        log.warning("%s %s -> %s: %s", request.method, request.url.path, exc.code, exc.message)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return error_response(exc.http_status, exc.code, exc.message, headers)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    code, message = validation_message(list(exc.errors()))
    return error_response(400 if code == "invalid_json" else 422, code, message)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such endpoint: {request.method} {request.url.path}"
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "something went wrong on our side; the error has been logged")


def install(app: FastAPI) -> None:
    app.add_exception_handler(AssistantError, _assistant_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
