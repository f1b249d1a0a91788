"""The FastAPI app: `create_app(settings, assistant=None)`. Nothing happens at import; the Assistant
is built in the background when the app starts (or on the first request that needs it)."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from assistant.config import Settings
from assistant.persistence import Store
from assistant.serve import errors
from assistant.serve.deps import Services
from assistant.serve.routes import chat, corpus, feedback, health, openai, tools, verify

if TYPE_CHECKING:  # pragma: no cover
    from assistant.answer.pipeline import Assistant

STATIC = Path(__file__).parent / "static"
MAX_BODY = 1_000_000  # bytes; the longest valid request is a few tens of kB
DESCRIPTION = """Grounded assistant for CZ's district-nursing purchasing policy (Zorginkoopbeleid Wijkverpleging 2027).
Every answer quotes the policy text. Errors are always `{"error": {"code", "message"}}`."""


def create_app(
    settings: Settings,
    assistant: Assistant | None = None,
    *,
    store: Store | None = None,
    request_timeout_s: float | None = None,
    load_wait_s: float | None = None,
) -> FastAPI:
    services = Services(settings, assistant, store, request_timeout_s, load_wait_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        services.start_loading()
        yield
        services.close()

    app = FastAPI(title="CZ Wijkverpleging assistant", version="1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.services = services
    errors.install(app)
    app.add_middleware(errors.BodyLimit, max_bytes=MAX_BODY)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"], allow_headers=["*"]
        )
    for module in (chat, corpus, tools, verify, feedback, health, openai):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    return app


def app_from_env() -> FastAPI:
    """For `uvicorn --factory assistant.serve.app:app_from_env` (settings from ASSISTANT_* variables)."""
    from assistant.config import force_offline

    force_offline()
    return create_app(Settings.from_env())
