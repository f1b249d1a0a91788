"""Registry: listing, dispatch, errors (NotFound, InvalidInput with one readable line naming the field)."""

from __future__ import annotations

import pytest

from assistant.domain import ToolResult
from assistant.errors import InvalidInput, NotFound
from tools.registry import TOOLS, list_tools, run_tool

NAMES = [
    "postcode_average",
    "staffel_percentage",
    "additional_purchase_eligibility",
    "new_provider_eligibility",
    "subcontracting_check",
    "cooperative_staffing_check",
    "dementia_caseload_check",
    "waardemodel_applicability",
    "deadlines",
    "exclusion_check",
]


def test_registry_names():
    assert list(TOOLS) == NAMES


def test_list_tools_has_descriptions_and_generated_schemas():
    listed = list_tools()
    assert [t["name"] for t in listed] == NAMES
    for t in listed:
        spec = TOOLS[t["name"]]
        assert t["description"] and t["description_en"] and t["description"] != t["description_en"]
        assert t["input_schema"] == spec.input_model().model_json_schema()
        assert issubclass(spec.output_model, ToolResult)


def test_postcode_schema_exposes_the_argument_names():
    schema = {t["name"]: t["input_schema"] for t in list_tools()}["postcode_average"]
    assert {"clients_per_postcode", "total_clients", "postcode_areas", "contract_year"} <= set(schema["properties"])


def test_unknown_tool_lists_valid_names():
    with pytest.raises(NotFound) as err:
        run_tool("postcode_avg", {})
    assert "postcode_avg" in err.value.message
    assert all(name in err.value.message for name in NAMES)


def test_run_tool_returns_the_output_model_with_top_level_fields():
    out = run_tool("dementia_caseload_check", {"clients": 120, "casemanager_fte": 2})
    assert type(out) is TOOLS["dementia_caseload_check"].output_model
    dumped = out.model_dump()
    assert dumped["tool"] == "dementia_caseload_check"
    assert dumped["caseload_per_fte"] == 60.0 and dumped["within_norm"] is True


def test_args_must_be_a_dict():
    with pytest.raises(InvalidInput) as err:
        run_tool("deadlines", ["bezwaar"])  # type: ignore[arg-type]
    assert "object" in err.value.message


INVALID = [
    ("postcode_average", {"total_clients": 10, "postcode_areas": 0}, "postcode_areas: must be at least 1 (got 0)"),
    ("postcode_average", {"total_clients": -3, "postcode_areas": 2}, "total_clients: must be at least 0 (got -3)"),
    ("postcode_average", {"total_clients": "abc", "postcode_areas": 2}, "total_clients: must be a whole number"),
    ("postcode_average", {"total_clients": True, "postcode_areas": 2}, "total_clients: must be a whole number"),
    ("postcode_average", {"total_clients": 7.5, "postcode_areas": 2}, "total_clients: must be a whole number"),
    ("postcode_average", {"total_clients": 2, "postcode_areas": 3}, "total_clients: must be at least postcode_areas"),
    ("postcode_average", {"clients_per_postcode": []}, "clients_per_postcode: must contain at least 1"),
    ("postcode_average", {"clients_per_postcode": [4, -1]}, "clients_per_postcode.1: must be at least 1 (got -1)"),
    ("postcode_average", {"clients_per_postcode": [4, 1], "contract_year": 2028}, "contract_year: must be one of"),
    ("postcode_average", {"clients_per_postcode": [4], "in_core_area": "yes"}, "in_core_area: must be true or false"),
    ("postcode_average", {"clients_per_postcode": [4], "provider_type": "old"}, "provider_type: must be one of"),
    ("postcode_average", {"clients_per_postcode": [4], "clients": 4}, "clients: is not a known argument"),
    ("postcode_average", {}, "clients_per_postcode: required"),
    ("postcode_average", {"clients_per_postcode": [4, 1], "total_clients": 6}, "total_clients: must equal the sum"),
    ("staffel_percentage", {"score_2026": "D"}, "score_2026: must be one of 'A', 'B' or 'C' (got 'D')"),
    ("staffel_percentage", {"score_2026": "a"}, "score_2026: must be one of"),
    ("staffel_percentage", {"score_2026": "B"}, "cost_points_2026: required when score_2026 is B"),
    ("staffel_percentage", {"score_2026": "A", "has_waardemodel_score": False}, "has_waardemodel_score: is false"),
    ("staffel_percentage", {}, "score_2026: required"),
    ("staffel_percentage", {"score_2026": "A", "honored_additional_budget_eur": -1}, "honored_additional_budget_eur"),
    (
        "cooperative_staffing_check",
        {"clients": 10, "hbo_bachelor_nurse_fte": 0},
        "hbo_bachelor_nurse_fte: must be greater than 0",
    ),
    (
        "cooperative_staffing_check",
        {"clients": 10, "hbo_bachelor_nurse_fte": "2"},
        "hbo_bachelor_nurse_fte: must be a number",
    ),
    ("dementia_caseload_check", {"clients": 10, "casemanager_fte": 0.0}, "casemanager_fte: must be greater than 0"),
    ("dementia_caseload_check", {}, "clients: required"),
    ("dementia_caseload_check", {"clients": 10, "casemanager_fte": float("nan")}, "casemanager_fte: must be a finite"),
    (
        "waardemodel_applicability",
        {"production_agreement_eur": "100.000"},
        "production_agreement_eur: must be a number",
    ),
    ("waardemodel_applicability", {"production_agreement_eur": -5}, "production_agreement_eur: must be at least 0"),
    (
        "additional_purchase_eligibility",
        {"omzetplafond_eur": 0, "revenue_reached_eur": 0},
        "omzetplafond_eur: must be greater than 0",
    ),
    ("additional_purchase_eligibility", {"revenue_reached_eur": 100}, "omzetplafond_eur: required"),
    (
        "additional_purchase_eligibility",
        {"percentage_of_ceiling_reached": 90, "date_reached": "2026-09-01"},
        "date_reached: must be between 2027-01-01 and 2027-12-31",
    ),
    (
        "additional_purchase_eligibility",
        {"percentage_of_ceiling_reached": 90, "date_reached": "15 september"},
        "date_reached: must be a date in YYYY-MM-DD form",
    ),
    (
        "additional_purchase_eligibility",
        {"percentage_of_ceiling_reached": 90, "request_channel": "fax"},
        "request_channel: must be one of",
    ),
    (
        "additional_purchase_eligibility",
        {"percentage_of_ceiling_reached": 90, "omzetplafond_eur": 10, "revenue_reached_eur": 9},
        "not both",
    ),
    (
        "additional_purchase_eligibility",
        {"percentage_of_ceiling_reached": 90, "date_reached": "2027-10-02", "before_1_october": True},
        "before_1_october: contradicts date_reached",
    ),
    ("new_provider_eligibility", {}, "give at least one fact"),
    ("new_provider_eligibility", {"registration_date": "2028-01-01"}, "registration_date: must be between 2026-01-01"),
    ("new_provider_eligibility", {"registration_date": 20270101}, "registration_date: must be a date"),
    ("new_provider_eligibility", {"registrations_this_year": 0}, "registrations_this_year: must be at least 1"),
    ("new_provider_eligibility", {"igj_status": "ok"}, "igj_status: must be one of"),
    (
        "subcontracting_check",
        {"total_care_hours": 100, "subcontracted_hours": 101},
        "subcontracted_hours: must be at most total_care_hours",
    ),
    (
        "subcontracting_check",
        {"total_care_hours": 0, "subcontracted_hours": 0},
        "total_care_hours: must be greater than 0",
    ),
    ("subcontracting_check", {"subcontracted_share_pct": 101}, "subcontracted_share_pct: must be at most 100"),
    ("subcontracting_check", {"subcontracted_share_pct": 40, "year": 2021}, "year: must be one of"),
    ("subcontracting_check", {"subcontracted_share_pct": 40, "own_share_pct": 50}, "must add up to 100"),
    ("subcontracting_check", {"subcontracted_share_pct": 40, "zzp_hours": 10}, "give one form only"),
    ("subcontracting_check", {"zzp_hours": 0}, "must add up to more than 0"),
    ("deadlines", {"on_date": "2028-01-01"}, "on_date: must be between 2026-01-01 and 2027-12-31"),
    ("deadlines", {"topic": 12}, "topic: must be text"),
    ("deadlines", {"topic": "   "}, "topic: must be at least 1 character"),
    ("exclusion_check", {}, "give at least one fact"),
    ("exclusion_check", {"tax_arrears": 1}, "tax_arrears: must be true or false"),
]


@pytest.mark.parametrize(("name", "args", "expected"), INVALID)
def test_invalid_input_names_the_field_in_one_line(name, args, expected):
    with pytest.raises(InvalidInput) as err:
        run_tool(name, args)
    message = err.value.message
    assert expected in message
    assert "\n" not in message
    assert "Traceback" not in message and "pydantic" not in message
    assert err.value.details["errors"]


def test_multiple_problems_stay_on_one_line():
    with pytest.raises(InvalidInput) as err:
        run_tool("postcode_average", {"total_clients": -1, "postcode_areas": 0})
    assert err.value.message.startswith("total_clients: must be at least 0 (got -1)")
    assert "(and 1 more: postcode_areas)" in err.value.message
