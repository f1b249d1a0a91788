"""Logging for the service: every record passes the privacy filter (`assistant.privacy`) before a handler
writes it, so a BSN, e-mail address, phone number, name, birth date or address in a question never reaches the
log. The access log records the path without its query string (`GET /api/search`, not what was searched for),
with a path parameter that holds personal data redacted (`/api/clauses/[BSN]`). `log_config()` is the
uvicorn logging configuration `run()` uses (uvicorn's own, plus the redaction filter and the `assistant`
loggers at INFO); `install()` adds the filter to the handlers that exist when the app starts (for `uvicorn --factory ...`, which does not use our configuration).
"""

from __future__ import annotations

import copy
import logging
from typing import Any
from urllib.parse import unquote

from assistant.privacy import redact


def _redact_path(path: str) -> str:
    """The request path without its query string, decoded (so `mevrouw%20Jansen` is seen as a name) and
    redacted; unchanged (still percent-encoded) when there is nothing to redact."""
    path = path.split("?", 1)[0]
    decoded = unquote(path, errors="replace")
    cleaned = redact(decoded)
    return path if cleaned == decoded else cleaned


class RedactFilter(logging.Filter):
    """Redacts the formatted message of every record (and the request line of uvicorn's access log)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_redacted", False):
            return True
        try:
            args = record.args
            if record.name == "uvicorn.access" and isinstance(args, tuple) and len(args) == 5:
                client, method, path, version, status = args
                record.args = (client, method, _redact_path(str(path)), version, status)
            else:
                message = record.getMessage()
                cleaned = redact(message)
                if cleaned != message:
                    record.msg, record.args = cleaned, None
            if record.exc_info and record.exc_info[1] is not None:
                text = logging.Formatter().formatException(record.exc_info)
                record.exc_text = redact(text)
        except Exception:  # noqa: BLE001 - a log line must never break a request; drop what we cannot check
            record.msg, record.args, record.exc_info, record.exc_text = "[log line withheld]", None, None, None
        record._redacted = True
        return True


_FILTER = RedactFilter()


def install() -> None:
    """Add the filter to every handler of the root, uvicorn and assistant loggers (idempotent)."""
    names = ["", "uvicorn", "uvicorn.error", "uvicorn.access", "assistant"]
    for name in names:
        for handler in logging.getLogger(name).handlers:
            if _FILTER not in handler.filters:
                handler.addFilter(_FILTER)
    last = logging.lastResort
    if last is not None and _FILTER not in last.filters:
        last.addFilter(_FILTER)


def log_config(level: str = "info") -> dict[str, Any]:
    """uvicorn's logging configuration with the redaction filter on every handler and our loggers shown."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact"] = {"()": "assistant.serve.logs.RedactFilter"}
    for handler in config.get("handlers", {}).values():
        handler.setdefault("filters", []).append("redact")
    config["loggers"]["assistant"] = {"handlers": ["default"], "level": level.upper(), "propagate": False}
    return config
