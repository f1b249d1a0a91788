"""HTTP service and web chat. `run(settings)` starts it; `create_app(settings)` builds the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from assistant.config import Settings


def run(settings: Settings, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Print the URL and serve until interrupted (the index loads in the background; see /health)."""
    import uvicorn

    from assistant.config import force_offline
    from assistant.serve.app import create_app
    from assistant.serve.logs import log_config

    force_offline()
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"Open http://{shown}:{port}", flush=True)
    if settings.admin_token and len(settings.admin_token) < 16:
        print("warning: ASSISTANT_ADMIN_TOKEN is shorter than 16 characters; use a long random value", flush=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, log_config=log_config(log_level))


def __getattr__(name: str):
    if name == "create_app":
        from assistant.serve.app import create_app

        return create_app
    raise AttributeError(name)
