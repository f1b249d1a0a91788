"""LangChain adapters: every calculator as a `StructuredTool` whose schema is generated from its pydantic input model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tools.registry import TOOLS, ToolSpec, format_validation_error, run_tool

if TYPE_CHECKING:  # pragma: no cover
    from langchain_core.tools import StructuredTool


def _runner(spec: ToolSpec):
    def run(**kwargs: Any) -> dict[str, Any]:
        return run_tool(spec.name, kwargs).model_dump(mode="json")

    run.__name__ = spec.name
    run.__doc__ = spec.description_en
    return run


def as_langchain_tools() -> list[StructuredTool]:
    """One `StructuredTool` per calculator; it returns the output's `model_dump(mode="json")` dict.
    Invalid arguments come back to the model as one readable line instead of an exception."""
    from langchain_core.tools import StructuredTool

    return [
        StructuredTool.from_function(
            func=_runner(spec),
            name=spec.name,
            description=f"{spec.description_en} / {spec.description}",
            args_schema=spec.input_model,
            handle_validation_error=lambda exc, model=spec.input_model: format_validation_error(exc, model),
        )
        for spec in TOOLS.values()
    ]
