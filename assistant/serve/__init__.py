"""HTTP service and web chat. `run(settings)` starts it; `create_app(settings)` builds the app."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from assistant.config import Settings

APP_FACTORY = "assistant.serve.app:app_from_env"  # what each of `--workers N` processes imports
HTTP_PROTOCOL = "assistant.serve.protocol:BoundedH11Protocol"  # bounded heads, head timeout (see protocol.py)
KEEP_ALIVE_S = 5  # an idle keep-alive connection is closed after this


def uvicorn_options(log_level: str = "info") -> dict:
    """What every `assistant serve` passes to uvicorn: our protocol with its bounds, no proxy-header handling
    of uvicorn's own (it trusts X-Forwarded-For from 127.0.0.1; the edge decides with ASSISTANT_TRUSTED_PROXIES),
    the redacting log configuration."""
    from assistant.serve.logs import log_config
    from assistant.serve.protocol import MAX_HEAD

    return {
        "http": HTTP_PROTOCOL,
        "h11_max_incomplete_event_size": MAX_HEAD,
        "proxy_headers": False,
        "server_header": False,
        "timeout_keep_alive": KEEP_ALIVE_S,
        "log_level": log_level,
        "log_config": log_config(log_level),
    }


def preflight(settings: Settings) -> list[str]:
    """Before serving: the Chroma server answers (when one is set) and the database is reachable and migrated
    to the code's schema. Raises `BackendUnavailable` naming the setting and the address. Returns what the
    migration did."""
    from assistant.persistence import Store
    from assistant.retrieve.store import check_server

    if settings.chroma_url:
        check_server(settings.chroma_url)
    store = Store.for_settings(settings)
    store.close()
    return store.migrations


def _export(settings: Settings) -> None:
    """The settings the command line may have changed, for the worker processes (they read the environment)."""
    os.environ["ASSISTANT_DATA_DIR"] = str(settings.data_dir)
    os.environ["ASSISTANT_CORPUS_DIR"] = str(settings.corpus_dir)
    os.environ["ASSISTANT_EMBEDDER"] = settings.embedder
    for var, value in (
        ("ASSISTANT_CHROMA_URL", settings.chroma_url),
        ("ASSISTANT_DATABASE_URL", settings.database_url),
    ):
        if value:
            os.environ[var] = value


def run(
    settings: Settings, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info", workers: int = 1
) -> None:
    """Check the backends, print the URL and serve until interrupted (the index loads in the background; see
    /health). `workers > 1`: that many uvicorn worker processes on one port, each building its app from the
    environment; they share nothing but the database and the index (see README, Scale-out deployment)."""
    import uvicorn

    from assistant.config import force_offline
    from assistant.serve.app import create_app

    force_offline()
    # one OpenMP thread per answer: the server computes up to ASSISTANT_MAX_IN_FLIGHT answers side by side, and
    # a second OpenMP thread per query embedding only contends with them (measured: median 59 ms with spikes to
    # 800 ms per embedding with two threads on a busy two-core machine, 19 ms flat with one)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    for line in preflight(settings):
        print(f"database: {line}", flush=True)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"Open http://{shown}:{port}", flush=True)
    if settings.admin_token and len(settings.admin_token) < 16:
        print("warning: ASSISTANT_ADMIN_TOKEN is shorter than 16 characters; use a long random value", flush=True)
    if workers > 1:
        _export(settings)
        uvicorn.run(APP_FACTORY, factory=True, workers=workers, host=host, port=port, **uvicorn_options(log_level))
        return
    uvicorn.run(create_app(settings), host=host, port=port, **uvicorn_options(log_level))


def __getattr__(name: str):
    if name == "create_app":
        from assistant.serve.app import create_app

        return create_app
    raise AttributeError(name)
