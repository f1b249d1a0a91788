"""LangChain adapters: schema generated from the pydantic input models, results are model_dump dicts."""

from __future__ import annotations

from tools.langchain import as_langchain_tools
from tools.registry import TOOLS


def _by_name():
    return {t.name: t for t in as_langchain_tools()}


def test_one_structured_tool_per_calculator_with_generated_schema():
    tools = _by_name()
    assert list(tools) == list(TOOLS)
    for name, tool in tools.items():
        spec = TOOLS[name]
        assert tool.args_schema is spec.input_model()
        assert tool.args == spec.input_model().model_json_schema()["properties"]
        assert spec.descriptions()[1] in tool.description


def test_invoke_returns_the_output_dict():
    out = _by_name()["postcode_average"].invoke(
        {"clients_per_postcode": [5, 1, 2], "provider_type": "existing", "contract_year": 2027}
    )
    assert isinstance(out, dict)
    assert out["average"] == 2.67 and out["compliant"] is False
    assert out["citations"][0]["clause_id"] == "wv2027/2.3.2"


def test_dates_are_accepted_as_text_and_returned_as_text():
    out = _by_name()["deadlines"].invoke({"topic": "bezwaar", "on_date": "2026-05-15"})
    objection = next(d for d in out["deadlines"] if d["id"] == "objections")
    assert objection["last_day"] == "2026-05-15" and objection["status"] == "open"


def test_invalid_arguments_come_back_as_one_readable_line():
    out = _by_name()["postcode_average"].invoke({"total_clients": 10, "postcode_areas": 0})
    assert out == "postcode_areas: must be at least 1 (got 0)"
