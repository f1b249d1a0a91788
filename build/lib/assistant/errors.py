"""One exception hierarchy. The CLI maps it to a message + exit code, the API to a JSON error."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class. `code` is stable (used by the API), `exit_code` by the CLI."""

    code = "error"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, details: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class InvalidInput(AssistantError):
    """The user sent something we cannot use (empty question, bad year, bad tool args...)."""

    code = "invalid_input"
    exit_code = 2
    http_status = 422


class NotFound(AssistantError):
    code = "not_found"
    exit_code = 2
    http_status = 404


class ConfigError(AssistantError):
    """A setting has a value we do not understand; the message lists the valid ones."""

    code = "config_error"
    exit_code = 2
    http_status = 500


class IndexError_(AssistantError):
    """The index is missing, half-written or built with another embedder."""

    code = "index_error"
    exit_code = 3
    http_status = 503


class BackendUnavailable(AssistantError):
    """An optional backend (LLM server, extra package) cannot be used."""

    code = "backend_unavailable"
    exit_code = 3
    http_status = 503


class RateLimited(AssistantError):
    code = "rate_limited"
    exit_code = 4
    http_status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, details={"retry_after": retry_after})
        self.retry_after = retry_after


class Unauthorized(AssistantError):
    code = "unauthorized"
    exit_code = 2
    http_status = 401
