"""Thin route modules: validate, call the service layer, return a response model."""

from assistant.serve.schemas import ErrorResponse

ERRORS: dict[int | str, dict] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in {
        400: "Malformed JSON, or a body that is not UTF-8",
        404: "Unknown clause, tool, conversation, model, document or section",
        408: "The request body did not arrive in time",
        413: "The request body is larger than 1 MB",
        414: "The request target is longer than 8 KB",
        422: "Invalid input (the message names the field)",
        431: "The request headers are larger than 16 KB",
        429: "Rate limited (each endpoint class has its own budget); see the Retry-After header",
        503: "The index is loading or could not be loaded, or (`overloaded`, with a Retry-After header) too many "
        "answers are being computed at once",
        504: "No answer in time",
    }.items()
}
SSE: dict[int | str, dict] = {200: {"content": {"text/event-stream": {}}, "description": "Server-sent events"}}
# the errors of a streaming route: JSON (documented as such; the route's own media type is text/event-stream)
SSE_ERRORS: dict[int | str, dict] = {
    code: {
        "description": spec["description"],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}},
    }
    for code, spec in ERRORS.items()
}
ADMIN_ERRORS: dict[int | str, dict] = {
    **ERRORS,
    401: {"model": ErrorResponse, "description": "The admin token is missing or wrong"},
    403: {"model": ErrorResponse, "description": "Admin endpoints are disabled (no ASSISTANT_ADMIN_TOKEN set)"},
}
