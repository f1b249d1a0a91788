"""GET /api/tools, POST /api/tools/{name}: the policy calculators."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends

from assistant.serve import service
from assistant.serve.deps import Services, get_services, get_tools
from assistant.serve.routes import ERRORS
from assistant.serve.schemas import ToolList

router = APIRouter(prefix="/api/tools", tags=["calculators"])


@router.get("", response_model=ToolList, responses=ERRORS)
def list_tools(registry: Any = Depends(get_tools)) -> ToolList:
    """Every calculator with its JSON-schema input (the web page builds its forms from these)."""
    return ToolList(tools=registry.list_tools())


@router.post("/{name}", responses=ERRORS)
async def run_tool(
    name: str,
    args: dict[str, Any] | None = Body(None, examples=[{"total_clients": 120, "postcode_areas": 30}]),
    registry: Any = Depends(get_tools),
    services: Services = Depends(get_services),
) -> dict[str, Any]:
    """Run a calculator: the verdict (Dutch and English), the rule applied, assumptions and citations."""
    return await services.run(service.run_tool, registry, name, args or {})
