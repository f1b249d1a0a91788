"""The calculator registry: `TOOLS`, `list_tools()` and `run_tool(name, args)`.

Every calculator runs under one policy document's parameters (`corpus/<doc>.params.toml`): by default the
current policy of the configured corpus; `run_tool(name, args, policy_set, year)` picks another corpus or year.

`run_tool` turns every bad argument into `InvalidInput` with one readable line naming the field
(e.g. "postcode_areas: must be at least 1 (got 0)") and an unknown name into `NotFound`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from assistant.domain import ToolResult
from assistant.errors import InvalidInput, NotFound
from assistant.ingest.params import PolicyParams, PolicySet, policy
from tools import (
    additional_purchase,
    deadlines,
    exclusion,
    new_provider,
    postcode,
    staffel,
    staffing,
    subcontracting,
    waardemodel,
)


@dataclass(frozen=True)
class ToolSpec:
    """A calculator: its function, and (per policy document) its input model and descriptions."""

    name: str
    function: Callable[[Any], ToolResult]
    model: Callable[[PolicyParams], type[BaseModel]]
    output_model: type[ToolResult]
    describe: Callable[[PolicyParams], tuple[str, str]]
    section: str  # the parameter section the calculator needs (PolicyParams.<section>)

    def input_model(self, params: PolicyParams | None = None) -> type[BaseModel]:
        """The input model for a policy document (default: the current policy of the configured corpus)."""
        params = params or policy().current
        params.section(self.section)
        return self.model(params)

    def descriptions(self, params: PolicyParams | None = None) -> tuple[str, str]:
        """(Dutch, English) description for a policy document."""
        return self.describe(params or policy().current)


def _spec(name: str, module: Any, out: str, section: str) -> ToolSpec:
    return ToolSpec(name, getattr(module, name), module.input_model, getattr(module, out), module.describe, section)


TOOLS: dict[str, ToolSpec] = {
    s.name: s
    for s in (
        _spec("postcode_average", postcode, "PostcodeAverageOutput", "postcode"),
        _spec("staffel_percentage", staffel, "StaffelOutput", "staffel"),
        _spec(
            "additional_purchase_eligibility", additional_purchase, "AdditionalPurchaseOutput", "additional_purchase"
        ),
        _spec("new_provider_eligibility", new_provider, "NewProviderOutput", "new_provider"),
        _spec("subcontracting_check", subcontracting, "SubcontractingOutput", "subcontracting"),
        ToolSpec(
            "cooperative_staffing_check",
            staffing.cooperative_staffing_check,
            staffing.cooperative_input_model,
            staffing.CooperativeStaffingOutput,
            staffing.describe_cooperative,
            "cooperative",
        ),
        ToolSpec(
            "dementia_caseload_check",
            staffing.dementia_caseload_check,
            staffing.dementia_input_model,
            staffing.DementiaCaseloadOutput,
            staffing.describe_dementia,
            "dementia",
        ),
        _spec("waardemodel_applicability", waardemodel, "WaardemodelOutput", "waardemodel"),
        _spec("deadlines", deadlines, "DeadlinesOutput", "deadlines"),
        _spec("exclusion_check", exclusion, "ExclusionOutput", "exclusion"),
    )
}


def policy_params(policy_set: PolicySet | None = None, year: int | str | None = None) -> PolicyParams:
    """The document the calculators run under: `year` (a policy year or document id) of `policy_set`
    (default: the configured corpus); without a year the current policy."""
    return (policy_set or policy()).params(year)


def list_tools(policy_set: PolicySet | None = None, year: int | str | None = None) -> list[dict[str, Any]]:
    """Name, Dutch and English description and the JSON schema of the input, per tool, for a policy document.
    A calculator whose parameters that document does not define is left out."""
    params = policy_params(policy_set, year)
    out = []
    for s in TOOLS.values():
        if getattr(params, s.section) is None:
            continue
        nl, en = s.descriptions(params)
        out.append(
            {
                "name": s.name,
                "description": nl,
                "description_en": en,
                "input_schema": s.input_model(params).model_json_schema(),
            }
        )
    return out


def get_spec(name: str) -> ToolSpec:
    try:
        return TOOLS[name]
    except (KeyError, TypeError):
        raise NotFound(f"unknown tool {name!r}; valid tools: {', '.join(TOOLS)}") from None


def run_tool(
    name: str, args: dict[str, Any], *, policy_set: PolicySet | None = None, year: int | str | None = None
) -> ToolResult:
    """Validate `args` against the tool's input model for the policy document (`year`: a policy year or document
    id of `policy_set`, default the configured corpus's current policy) and run it."""
    spec = get_spec(name)
    if not isinstance(args, dict):
        raise InvalidInput(f"{name}: arguments must be an object of named values (got {type(args).__name__})")
    model = spec.input_model(policy_params(policy_set, year))
    try:
        inp = model.model_validate(args)
    except ValidationError as exc:
        raise InvalidInput(format_validation_error(exc, model), details={"errors": _errors(exc)}) from None
    try:
        return spec.function(inp)
    except (ArithmeticError, ValueError) as exc:  # a value the bounds let through but the arithmetic cannot take
        raise InvalidInput(f"{name}: a value is out of range for this calculation ({exc.__class__.__name__})") from None


def _errors(exc: ValidationError) -> list[dict[str, Any]]:
    return [
        {"field": _loc(e["loc"]), "type": e["type"], "message": _message(e)}
        for e in exc.errors(include_url=False, include_context=True)
    ]


def _loc(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


_TYPE_WORDS = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "text",
    "list_type": "a list",
    "date_type": "a date in YYYY-MM-DD form",
    "finite_number": "a finite number",
}


def _message(err: ErrorDetails) -> str:
    kind, ctx, got = err["type"], err.get("ctx") or {}, err.get("input")
    bounds = {"greater_than_equal": "at least", "greater_than": "greater than", "less_than_equal": "at most"}
    bounds["less_than"] = "less than"
    if kind in bounds:
        limit = next(iter(ctx.values()), "?")
        return f"must be {bounds[kind]} {limit} (got {got!r})"
    if kind in _TYPE_WORDS:
        return f"must be {_TYPE_WORDS[kind]} (got {got!r})"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')} (got {got!r})"
    if kind == "missing":
        return "is required"
    if kind == "string_too_short":
        return f"must be at least {ctx.get('min_length')} character(s) of text (got {got!r})"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters of text"
    if kind == "too_short":
        return f"must contain at least {ctx.get('min_length')} item(s)"
    if kind == "extra_forbidden":
        return "is not a known argument"
    return str(err["msg"]).removeprefix("Value error, ")


def format_validation_error(exc: ValidationError, model: type[BaseModel] | None = None) -> str:
    """One readable line: "<field>: <what is allowed> (got <value>)", plus how many other problems there are."""
    errors = exc.errors(include_url=False, include_context=True)
    first = errors[0]
    field, message = _loc(first["loc"]), _message(first)
    if first["type"] == "extra_forbidden" and model is not None:
        message += f"; allowed: {', '.join(model.model_fields)}"
    line = message if not field or message.startswith(f"{field}:") else f"{field}: {message}"
    if len(errors) > 1:
        others = sorted({_loc(e["loc"]) or "(input)" for e in errors[1:]})
        line += f" (and {len(errors) - 1} more: {', '.join(others)})"
    return line
