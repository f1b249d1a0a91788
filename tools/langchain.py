"""LangChain adapters: every calculator as a `StructuredTool` whose schema is generated from its pydantic input model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.ingest.params import PolicySet
from tools.registry import TOOLS, ToolSpec, format_validation_error, policy_params, run_tool

if TYPE_CHECKING:  # pragma: no cover
    from langchain_core.tools import StructuredTool


def _runner(spec: ToolSpec, description: str, policy_set: PolicySet | None, year: int | str | None):
    def run(**kwargs: Any) -> dict[str, Any]:
        return run_tool(spec.name, kwargs, policy_set=policy_set, year=year).model_dump(mode="json")

    run.__name__ = spec.name
    run.__doc__ = description
    return run


def as_langchain_tools(policy_set: PolicySet | None = None, year: int | str | None = None) -> list[StructuredTool]:
    """One `StructuredTool` per calculator the policy document defines (default: the configured corpus's current
    policy); it returns the output's `model_dump(mode="json")` dict. Invalid arguments come back to the model as
    one readable line instead of an exception."""
    from langchain_core.tools import StructuredTool

    params = policy_params(policy_set, year)
    tools = []
    for spec in TOOLS.values():
        if getattr(params, spec.section) is None:
            continue
        nl, en = spec.descriptions(params)
        model = spec.input_model(params)
        tools.append(
            StructuredTool.from_function(
                func=_runner(spec, en, policy_set, year),
                name=spec.name,
                description=f"{en} / {nl}",
                args_schema=model,
                handle_validation_error=lambda exc, model=model: format_validation_error(exc, model),
            )
        )
    return tools
