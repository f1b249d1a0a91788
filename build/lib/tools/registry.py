"""The calculator registry: `TOOLS`, `list_tools()` and `run_tool(name, args)`.

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
    name: str
    function: Callable[[Any], ToolResult]
    input_model: type[BaseModel]
    output_model: type[ToolResult]
    description: str
    description_en: str


def _spec(name: str, module: Any, inp: str, out: str, nl: str, en: str) -> ToolSpec:
    return ToolSpec(name, getattr(module, name), getattr(module, inp), getattr(module, out), nl, en)


TOOLS: dict[str, ToolSpec] = {
    s.name: s
    for s in (
        _spec(
            "postcode_average",
            postcode,
            "PostcodeAverageInput",
            "PostcodeAverageOutput",
            "Berekent het gemiddelde aantal CZ-cliënten per 4-cijferig postcodegebied en toetst het aan de "
            "postcode-eis (2026/2027, bestaande of nieuwe zorgaanbieder, uitzonderingen kindzorg en buiten het "
            "kernwerkgebied).",
            "Computes the average number of CZ clients per 4-digit postcode area and checks it against the postcode "
            "requirement (2026/2027, existing or new provider, exceptions for child care and outside the core "
            "area).",
        ),
        _spec(
            "staffel_percentage",
            staffel,
            "StaffelInput",
            "StaffelOutput",
            "Bepaalt de maximale vergoeding (staffel) op een gehonoreerd aanvullend budget uit de waardemodelscores "
            "van 2026 en 2027, de kostenpunten of een plafondvrije afspraak.",
            "Determines the maximum reimbursement (staffel) on an honoured additional budget from the 2026 and 2027 "
            "waardemodel scores, cost points or a ceiling-free agreement.",
        ),
        _spec(
            "additional_purchase_eligibility",
            additional_purchase,
            "AdditionalPurchaseInput",
            "AdditionalPurchaseOutput",
            "Toetst of een zorgaanbieder bijcontractering voor 2027 kan aanvragen: 80% van het omzetplafond vóór "
            "1 oktober, score, zorgplicht, verzoek via de website vóór 31 december 2027.",
            "Checks whether a provider can request additional purchase (bijcontractering) for 2027: 80% of the "
            "ceiling before 1 October, score, duty of care, request via the website before 31 December 2027.",
        ),
        _spec(
            "new_provider_eligibility",
            new_provider,
            "NewProviderInput",
            "NewProviderOutput",
            "Toetst de controleerbare voorwaarden voor een nieuwe zorgaanbieder (inschrijvingsperiode, € 50.000 "
            "omzet, 1 inschrijving per jaar, eerdere afwijzing, IGJ, postcodegemiddelde).",
            "Checks the verifiable conditions for a new provider (registration window, €50,000 revenue, one "
            "registration per year, earlier rejection, IGJ, postcode average).",
        ),
        _spec(
            "subcontracting_check",
            subcontracting,
            "SubcontractingInput",
            "SubcontractingOutput",
            "Berekent het aandeel zorg in onderaanneming (zzp'ers tellen mee, volle dochters niet) en toetst het "
            "aan het maximum voor het jaar (2022: 75%, 2023: 65%, vanaf 2024: 50%).",
            "Computes the share of subcontracted care (zzp'ers count, wholly owned subsidiaries do not) and checks "
            "it against the year's maximum (2022: 75%, 2023: 65%, from 2024: 50%).",
        ),
        _spec(
            "cooperative_staffing_check",
            staffing,
            "CooperativeStaffingInput",
            "CooperativeStaffingOutput",
            "Toetst bij een zorgcoöperatie de verhouding van minimaal 1 fte hbo-bachelor verpleegkundige op 55 "
            "cliënten.",
            "Checks a care cooperative's ratio of at least 1 fte hbo-bachelor nurse per 55 clients.",
        ),
        _spec(
            "dementia_caseload_check",
            staffing,
            "DementiaCaseloadInput",
            "DementiaCaseloadOutput",
            "Berekent de caseload per fte gespecialiseerde casemanager dementie en toetst die aan de norm van "
            "gemiddeld 50 tot 65 cliënten per fte.",
            "Computes the caseload per fte of specialised dementia case managers and checks it against the norm "
            "of 50 to 65 clients per fte on average.",
        ),
        _spec(
            "waardemodel_applicability",
            waardemodel,
            "WaardemodelInput",
            "WaardemodelOutput",
            "Bepaalt of het waardemodel geldt (productieafspraak van meer dan € 100.000) en of de kwaliteitsuitvraag "
            "moet worden ingediend (altijd).",
            "Determines whether the waardemodel applies (production agreement of more than €100,000) and whether "
            "the quality questionnaire must be submitted (always).",
        ),
        _spec(
            "deadlines",
            deadlines,
            "DeadlinesInput",
            "DeadlinesOutput",
            "Geeft de termijnen van 2026-2027 (tijdpad, bezwaar, VECOZO, RESV, innovatie, bijcontractering, "
            "nachtzorg) met bronbepaling, gefilterd op onderwerp en/of met hun status op een datum.",
            "Lists the 2026-2027 deadlines (timeline, objections, VECOZO, RESV, innovation, additional purchase, "
            "night care) with their clause, filtered by topic and/or with their status on a date.",
        ),
        _spec(
            "exclusion_check",
            exclusion,
            "ExclusionInput",
            "ExclusionOutput",
            "Toetst de uitsluitingsgronden van 3.2.3 (faillissement, surseance, belastingschuld, valse verklaringen, "
            "IGJ-toezicht, eerdere tekortkomingen, risico's voor continuïteit of kwaliteit).",
            "Checks the exclusion grounds of 3.2.3 (bankruptcy, surseance, tax arrears, false statements, IGJ "
            "supervision, earlier shortcomings, continuity or quality risks).",
        ),
    )
}


def list_tools() -> list[dict[str, Any]]:
    """Name, Dutch and English description and the JSON schema of the input, per tool."""
    return [
        {
            "name": s.name,
            "description": s.description,
            "description_en": s.description_en,
            "input_schema": s.input_model.model_json_schema(),
        }
        for s in TOOLS.values()
    ]


def get_spec(name: str) -> ToolSpec:
    try:
        return TOOLS[name]
    except (KeyError, TypeError):
        raise NotFound(f"unknown tool {name!r}; valid tools: {', '.join(TOOLS)}") from None


def run_tool(name: str, args: dict[str, Any]) -> ToolResult:
    """Validate `args` against the tool's input model and run it."""
    spec = get_spec(name)
    if not isinstance(args, dict):
        raise InvalidInput(f"{name}: arguments must be an object of named values (got {type(args).__name__})")
    try:
        inp = spec.input_model.model_validate(args)
    except ValidationError as exc:
        raise InvalidInput(format_validation_error(exc, spec.input_model), details={"errors": _errors(exc)}) from None
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
