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

from assistant import privacy
from assistant.config import Settings
from assistant.persistence import Store
from assistant.serve import errors, logs, mcp
from assistant.serve.deps import Services
from assistant.serve.edge import Edge
from assistant.serve.routes import admin, chat, corpus, diff, feedback, health, openai, tools, verify

if TYPE_CHECKING:  # pragma: no cover
    from assistant.answer.pipeline import Assistant

STATIC = Path(__file__).parent / "static"
MAX_BODY = 1_000_000  # bytes; the longest valid request is a few tens of kB
DESCRIPTION = """Grounded assistant for CZ's district-nursing purchasing policy (Zorginkoopbeleid Wijkverpleging 2027).
Every answer quotes the policy text. Errors are always `{"error": {"code", "message"}}`.
Everything is public and read-only except the admin endpoints (`Authorization: Bearer <ASSISTANT_ADMIN_TOKEN>`).
Do not send client details: personal data is redacted before anything is stored or logged (§ 4.3: Cryptshare);
conversations and feedback are deleted after `ASSISTANT_RETENTION_DAYS` (30) days.
Every endpoint is rate-limited per client (429 with `Retry-After`); under overload an answer endpoint returns
503 `overloaded` with `Retry-After` at once instead of queueing."""
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """nosniff, no framing, no referrer on every response (the page loads nothing from elsewhere)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    settings: Settings,
    assistant: Assistant | None = None,
    *,
    store: Store | None = None,
    request_timeout_s: float | None = None,
    load_wait_s: float | None = None,
) -> FastAPI:
    services = Services(settings, assistant, store, request_timeout_s, load_wait_s)
    mcp_endpoint = mcp.HttpEndpoint(services, settings.mcp_hosts)
    privacy.configure(settings.corpus_dir)  # the policy's own e-mail addresses, words and years

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        logs.install()  # redaction on whatever log handlers the server set up
        services.start_loading()
        services.start_retention()
        async with mcp_endpoint.running():
            yield
        services.close()

    app = FastAPI(title="CZ Wijkverpleging assistant", version="1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.services = services
    errors.install(app)
    app.add_middleware(errors.BodyLimit, max_bytes=MAX_BODY)
    if settings.cors_origins:  # none by default: browsers then only allow the page served from here
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Authorization"],
            allow_credentials=False,
            max_age=600,
        )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(Edge, settings=settings)  # outermost: client address, bounds, rate limit, load shedding
    for module in (chat, corpus, diff, tools, verify, feedback, health, openai, admin):
        app.include_router(module.router)
    app.router.add_route(mcp.PATH, mcp_endpoint, include_in_schema=False)  # MCP, streamable HTTP
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
