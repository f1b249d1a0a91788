"""exclusion_check: each 3.2.3 ground excludes, with its quote."""

from __future__ import annotations

import pytest

from assistant.ingest.params import policy
from tools.exclusion import GROUNDS
from tools.registry import run_tool


def quote(ground: str) -> str:
    return policy().params("wv2027").section("exclusion").grounds[ground].quote


@pytest.mark.parametrize("ground", list(GROUNDS))
def test_each_ground_excludes_with_its_quote(ground):
    out = run_tool("exclusion_check", {ground: True})
    assert out.excluded is True
    assert [g.code for g in out.grounds] == [ground]
    assert out.grounds[0].quote == quote(ground)
    assert {c.quote for c in out.citations} >= {quote(ground)}
    assert "niet in aanmerking" in out.verdict


def test_surseance_dev_case():
    out = run_tool("exclusion_check", {"surseance_or_akkoord": True})
    assert "surseance van betaling of een akkoord geldt" in out.grounds[0].quote
    assert out.citations[0].quote == "Niet in aanmerking voor een overeenkomst 2027 met CZ groep komt de zorgaanbieder:"


def test_igj_enhanced_supervision():
    out = run_tool("exclusion_check", {"igj_enhanced_supervision": True, "tax_arrears": False})
    assert out.excluded is True
    assert "verscherpt toezicht" in out.grounds[0].quote
    assert "tax_arrears" not in out.not_assessed


def test_no_ground_when_all_facts_false():
    out = run_tool("exclusion_check", {g: False for g in GROUNDS})
    assert out.excluded is False
    assert out.grounds == [] and out.not_assessed == []


def test_unknown_facts_are_listed_as_not_assessed():
    out = run_tool("exclusion_check", {"tax_arrears": False})
    assert out.excluded is False
    assert len(out.not_assessed) == len(GROUNDS) - 1
    assert f"de overige {len(GROUNDS) - 1} gronden zijn niet beoordeeld" in out.verdict
    assert f"the other {len(GROUNDS) - 1} grounds were not assessed" in out.verdict_en
    assert not any(name in out.verdict + out.verdict_en for name in GROUNDS if "_" in name)  # no field names


def test_several_grounds():
    out = run_tool("exclusion_check", {"tax_arrears": True, "false_statements": True})
    assert [g.code for g in out.grounds] == ["tax_arrears", "false_statements"]
