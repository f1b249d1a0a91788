"""Every `tool` item of evals/dev.jsonl: run_tool(name, args) produces each expected field."""

from __future__ import annotations

import json

import pytest

from assistant.config import REPO_ROOT
from tools.registry import run_tool

DEV_SET = REPO_ROOT / "evals" / "dev.jsonl"


def _tool_items() -> list[dict]:
    items = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [i for i in items if i.get("tool")]


ITEMS = _tool_items()


def _matches(expected, actual) -> bool:
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return actual == expected
    if isinstance(expected, int | float):
        return isinstance(actual, int | float) and not isinstance(actual, bool) and abs(actual - expected) <= 0.005
    if isinstance(expected, list):
        return isinstance(actual, list) and all(e in actual for e in expected)
    return actual == expected


def test_dev_set_has_tool_items():
    assert len(ITEMS) >= 13


@pytest.mark.parametrize("item", ITEMS, ids=[i["id"] for i in ITEMS])
def test_dev_tool_item(item):
    tool = item["tool"]
    out = run_tool(tool["name"], tool["args"]).model_dump()
    assert out["tool"] == tool["name"]
    for field, expected in tool["expected"].items():
        assert field in out, f"{item['id']}: missing field {field}"
        assert _matches(expected, out[field]), f"{item['id']}: {field} = {out[field]!r}, expected {expected!r}"
    assert out["citations"], f"{item['id']}: no citations"
