"""Every error leaves the API as `{"error": {"code": ..., "message": ...}}` (429 and 503 `overloaded` with a
Retry-After header), never a stack trace. Every message passes the privacy filter first: an error that names what the
user sent (a path, a conversation id, a value) never echoes a BSN, name or e-mail address back."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant import privacy
from assistant.errors import AssistantError, RateLimited

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}
BODY_TIMEOUT_S = 30.0  # a body that takes longer to arrive gets 408 (slow uploads hold a worker's memory)


class TooLarge(AssistantError):
    code = "too_large"
    exit_code = 2
    http_status = 413


def _is_json(content_type: str) -> bool:
    media = content_type.split(";")[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


class BodyLimit:
    """Guards every request body before the app sees it:

    - larger than `max_bytes` -> 413, by Content-Length up front or while reading a chunked body;
    - a POST body that is not valid UTF-8 -> 400 `invalid_json` (JSON on the wire is UTF-8), with that reason.

    The body is read once (bounded) and replayed to the app."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = error_response(413, TooLarge.code, f"the request body is larger than {self.max_bytes:,} bytes")
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await too_large(scope, receive, send)
            return
        chunked = headers.get(b"transfer-encoding", b"").lower() == b"chunked"
        if not chunked and (not length.isdigit() or int(length) == 0):
            await self.app(scope, receive, send)
            return
        buffered: list[Message] = []
        size = 0
        with anyio.move_on_after(BODY_TIMEOUT_S) as waited:
            while True:
                msg = await receive()
                buffered.append(msg)
                size += len(msg.get("body", b""))
                if size > self.max_bytes:
                    await too_large(scope, receive, send)
                    return
                if msg["type"] != "http.request" or not msg.get("more_body"):
                    break
        if waited.cancelled_caught:
            slow = f"the request body did not arrive within {BODY_TIMEOUT_S:.0f} s"
            await error_response(408, "request_timeout", slow, {"Connection": "close"})(scope, receive, send)
            return
        body = b"".join(m.get("body", b"") for m in buffered)
        if body and scope.get("method") == "POST":
            try:
                body.decode("utf-8")
            except UnicodeDecodeError as exc:
                await error_response(
                    400,
                    "invalid_json",
                    f"the request body is not valid UTF-8 (byte {exc.start}); send JSON encoded as UTF-8",
                )(scope, receive, send)
                return

        async def replay() -> Message:
            return buffered.pop(0) if buffered else await receive()

        await self.app(scope, replay, send)


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    """`{"error": {...}}` with the message through the privacy filter (it may quote what the user sent)."""
    return {"error": {"code": code, "message": privacy.redact(message)}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def _field(loc: tuple | list) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def validation_message(errors: Sequence[Any]) -> tuple[str, str]:
    """(code, message) for pydantic errors: 'question: String should have at most 4000 characters'."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return "invalid_json", "the request body is not valid JSON"
    parts = []
    for e in errors[:5]:
        msg = str(e.get("msg", "invalid value")).removeprefix("Value error, ")
        if e.get("type") == "string_unicode":
            msg = "is not valid Unicode text (it contains a lone surrogate escape)"
        parts.append(f"{_field(e.get('loc', ()))}: {msg}")
    return "invalid_input", "; ".join(parts)


async def _assistant_error(request: Request, exc: AssistantError) -> JSONResponse:
    if exc.http_status >= 500:
        log.warning("%s %s -> %s: %s", request.method, request.url.path, exc.code, exc.message)
    headers = dict(exc.details.get("headers") or {})
    if isinstance(exc, RateLimited):
        headers["Retry-After"] = str(exc.retry_after)
    return error_response(exc.http_status, exc.code, exc.message, headers or None)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    code, message = validation_message(list(exc.errors()))
    content_type = request.headers.get("content-type", "")
    if message.startswith("body: ") and content_type and not _is_json(content_type):
        message = f"body: must be a JSON object sent with Content-Type: application/json (got {content_type[:60]!r})"
    return error_response(400 if code == "invalid_json" else 422, code, message)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts on this path (Starlette names only the first matching route's)."""
    from starlette.routing import Match

    allowed = []
    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
        scope = {**request.scope, "method": method}
        for route in getattr(request.app, "routes", []):
            try:
                match, _ = route.matches(scope)
            except Exception:  # noqa: BLE001 - a route that cannot judge this scope does not allow it
                continue
            if match == Match.FULL:
                allowed.append(method)
                break
    return allowed


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 404 and message == "Not Found":
        message = f"no such endpoint: {request.method} {request.url.path}"
    elif exc.status_code == 405:
        allowed = _allowed_methods(request) or [m.strip() for m in headers.get("Allow", "").split(",") if m.strip()]
        headers["Allow"] = ", ".join(allowed)
        message = (
            f"{request.method} is not allowed on {request.url.path}; use {' or '.join(allowed) or 'another method'}"
        )
    elif exc.status_code == 400 and message == "There was an error parsing the body":
        cause = exc.__cause__
        code = "invalid_json"
        if isinstance(cause, RecursionError):
            message = "the JSON body is nested too deeply"
        elif isinstance(cause, UnicodeError):
            message = "the request body is not valid UTF-8; send JSON encoded as UTF-8"
        else:
            message = "the request body could not be read as JSON"
    return error_response(exc.status_code, code, message, headers or None)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal_error", "something went wrong on our side; the error has been logged")


def install(app: FastAPI) -> None:
    app.add_exception_handler(AssistantError, _assistant_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
