"""The assistant's tools over the Model Context Protocol (the official `mcp` package, 2.x: `MCPServer`).

    assistant mcp                      stdio (Claude Desktop, IDE agents: they start the command)
    assistant serve  ->  /mcp          streamable HTTP, mounted on the API (stateless, JSON responses)

Tools: `search_policy`, `get_clause`, `verify_claim`, `ask` and every calculator. Each tool's input schema is
the pydantic model the HTTP API validates with (`AskRequest`, `VerifyRequest`, the calculators' input models,
`SearchArgs`/`ClauseArgs` for the two GET endpoints), and each returns the JSON the API returns for the same
request, citations included. The tools call the same functions as the routes (`agent_tools`; `ask` is
`service.ask`, so conversations are stored and continued in one place). A bad argument is a tool error naming
the field and what is allowed ("k: must be at most 50 (got 99)"); an error of ours is a tool error with its
message; nothing a caller sends stops the server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from assistant import agent_tools
from assistant.agent_tools import ClauseArgs, SearchArgs
from assistant.errors import AssistantError
from assistant.serve.schemas import AskRequest, VerifyRequest

if TYPE_CHECKING:  # pragma: no cover
    from mcp.server.mcpserver import MCPServer

    from assistant.serve.deps import Services

log = logging.getLogger(__name__)
NAME = "cz-wijkverpleging"
PATH = "/mcp"
INSTRUCTIONS = (
    "Tools over CZ's purchasing policy for district nursing (Zorginkoopbeleid Wijkverpleging 2027 and the 2024 "
    "Bijlage 1). Every result quotes the policy verbatim with clause id, section and year: cite those. Use the "
    "calculators for any number the policy derives (postcode average, staffel, thresholds) instead of computing "
    "it yourself; use verify_claim before repeating a rule you are not sure of."
)


Handler = Callable[["Services", BaseModel], Awaitable[Any]]


@dataclass(frozen=True)
class ToolDef:
    name: str
    description: str
    model: type[BaseModel]
    handler: Handler
    read_only: bool = True


async def _assistant(services: Services) -> Any:
    import anyio

    return await anyio.to_thread.run_sync(services.assistant)


async def _search(services: Services, args: SearchArgs) -> dict[str, Any]:
    return await services.run(agent_tools.search, await _assistant(services), args)


async def _clause(services: Services, args: ClauseArgs) -> dict[str, Any]:
    return agent_tools.clause(await _assistant(services), args)


async def _verify(services: Services, args: VerifyRequest) -> dict[str, Any]:
    return await services.run(agent_tools.verify, await _assistant(services), args)


async def _ask(services: Services, args: AskRequest) -> dict[str, Any]:
    """`service.ask`, as POST /api/ask: the conversation is stored and continued in one place."""
    import anyio

    from assistant.serve import service

    assistant = await _assistant(services)
    store = await anyio.to_thread.run_sync(services.store)
    answer = await service.ask(services, assistant, store, args.question, args.year, args.conversation_id)
    return answer.model_dump(mode="json")


def _calculator(name: str) -> Handler:
    async def run(services: Services, args: BaseModel) -> dict[str, Any]:
        return await services.run(agent_tools.calculator, name, args)

    return run


def tool_defs() -> list[ToolDef]:
    from tools.registry import TOOLS

    described = agent_tools.DESCRIPTIONS
    tools = [
        ToolDef("search_policy", described["search_policy"], SearchArgs, _search),  # type: ignore[arg-type]
        ToolDef("get_clause", described["get_clause"], ClauseArgs, _clause),  # type: ignore[arg-type]
        ToolDef("verify_claim", described["verify_claim"], VerifyRequest, _verify),  # type: ignore[arg-type]
        ToolDef("ask", described["ask"], AskRequest, _ask, read_only=False),  # type: ignore[arg-type]
    ]
    for spec in TOOLS.values():
        dutch, english = spec.descriptions()  # the current policy's
        tools.append(ToolDef(spec.name, f"{english} / {dutch}", spec.input_model(), _calculator(spec.name)))
    return tools


async def call(services: Services, tool: ToolDef, arguments: dict[str, Any]) -> dict[str, Any]:
    """Validate `arguments` with the tool's model and run it; `AssistantError` for every mistake."""
    return await tool.handler(services, agent_tools.validate(tool.model, arguments))


def _mcp_tool(services: Services, tool: ToolDef) -> Any:
    """An `mcp` Tool whose input schema is the pydantic model's and whose arguments reach `call` unvalidated
    by the SDK (so the message of a bad argument is ours, the same as the API's)."""
    from mcp.server.mcpserver.exceptions import ToolError
    from mcp.server.mcpserver.tools import Tool
    from mcp.server.mcpserver.utilities.func_metadata import ArgModelBase, FuncMetadata
    from mcp_types import CallToolResult, TextContent, ToolAnnotations

    class Arguments(ArgModelBase):
        model_config = ConfigDict(extra="allow", arbitrary_types_allowed=True)

        def model_dump_one_level(self) -> dict[str, Any]:
            return {"arguments": dict(self.model_extra or {})}

    async def run(arguments: dict[str, Any]) -> CallToolResult:
        try:
            data = await call(services, tool, arguments)
        except AssistantError as exc:
            raise ToolError(f"{exc.code}: {exc.message}") from None
        text = json.dumps(data, ensure_ascii=False)
        return CallToolResult(content=[TextContent(type="text", text=text)], structured_content=data)

    return Tool(
        fn=run,
        name=tool.name,
        description=tool.description,
        parameters=tool.model.model_json_schema(),
        fn_metadata=FuncMetadata(arg_model=Arguments),
        is_async=True,
        annotations=ToolAnnotations(read_only_hint=tool.read_only, open_world_hint=False),
    )


def create_server(services: Services) -> MCPServer:
    """An `MCPServer` with every tool, answering through `services` (the API's, or a process's own)."""
    from mcp.server.mcpserver import MCPServer

    from assistant import __version__

    return MCPServer(
        NAME,
        instructions=INSTRUCTIONS,
        version=__version__,
        tools=[_mcp_tool(services, t) for t in tool_defs()],
        log_level="WARNING",
    )


def run_stdio(services: Services) -> None:
    """`assistant mcp`: serve the tools on stdin/stdout until the client closes them."""
    services.start_loading()  # the index loads while the client initialises
    try:
        create_server(services).run("stdio")
    finally:
        services.close()


class HttpEndpoint:
    """The streamable-HTTP endpoint mounted at `/mcp` on the API. Its session manager runs for the lifetime
    of the app (`running()`, entered by the app's lifespan: the SDK's manager runs only once, so each start
    of the app builds a fresh one). Stateless with JSON responses: any worker behind a balancer can answer
    any request."""

    def __init__(self, services: Services, allowed_hosts: list[str] | None = None) -> None:
        self.services = services
        self.allowed_hosts = allowed_hosts or []
        self._app: Any = None

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        from mcp.server.transport_security import TransportSecuritySettings

        server = create_server(self.services)
        hosts = ["127.0.0.1:*", "localhost:*", "[::1]:*", *self.allowed_hosts]
        security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=hosts,
            allowed_origins=[f"http://{h}" for h in hosts] + [f"https://{h}" for h in hosts],
        )
        app = server.streamable_http_app(
            streamable_http_path=PATH, stateless_http=True, json_response=True, transport_security=security
        )
        async with server.session_manager.run():
            self._app = app
            try:
                yield
            finally:
                self._app = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if self._app is None:
            from starlette.responses import JSONResponse

            body = {"error": {"code": "backend_unavailable", "message": "the MCP endpoint is starting; try again"}}
            await JSONResponse(body, status_code=503)(scope, receive, send)
            return
        await self._app(scope, receive, send)
