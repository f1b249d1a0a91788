"""staffel_percentage: the 3.2.4 staffel table and the combinations it does not cover."""

from __future__ import annotations

import pytest

from tools.registry import run_tool


def run(**args):
    return run_tool("staffel_percentage", args)


@pytest.mark.parametrize(
    ("args", "pct", "row"),
    [
        ({"score_2026": "A", "score_2027": "A"}, 100, "score_A_2026_and_2027"),
        ({"ceiling_free_agreement": True, "has_waardemodel_score": False}, 100, "ceiling_free_agreement"),
        ({"score_2026": "B", "cost_points_2026": 3, "ceiling_free_agreement": True}, 0, "not_eligible"),
        ({"score_2026": "A"}, 90, "score_A_2026"),
        ({"score_2026": "A", "score_2027": "B"}, 90, "score_A_2026"),
        ({"score_2026": "B", "cost_points_2026": 5}, 85, "score_B_2026_min_5_cost_points"),
        ({"score_2026": "B", "cost_points_2026": 7, "score_2027": "A"}, 85, "score_B_2026_min_5_cost_points"),
        ({"has_waardemodel_score": False}, 90, "no_waardemodel_score"),
        ({"score_2026": "B", "cost_points_2026": 4.99}, 0, "not_eligible"),
        ({"score_2026": "C"}, 0, "not_eligible"),
        ({"score_2026": "A", "score_2027": "C"}, 0, "not_eligible"),
        ({"score_2027": "A"}, 90, "score_A_2026"),
        ({"score_2027": "B", "cost_points_2027": 6}, 85, "score_B_2026_min_5_cost_points"),
    ],
)
def test_rows(args, pct, row):
    out = run(**args)
    assert out.percentage == pct
    assert out.row == row
    assert out.eligible is (pct > 0)


def test_exactly_5_cost_points_is_85_and_4_is_excluded():
    assert run(score_2026="B", cost_points_2026=5).percentage == 85
    low = run(score_2026="B", cost_points_2026=4)
    assert low.percentage == 0
    assert low.reasons == ["score_B_under_5_cost_points_excluded"]


def test_b_in_2027_with_fewer_than_5_points_is_excluded_even_with_good_2026():
    out = run(score_2026="B", cost_points_2026=8, score_2027="B", cost_points_2027=2)
    assert out.eligible is False
    assert out.reasons == ["score_B_under_5_cost_points_excluded"]


def test_c_score_is_excluded_with_quote():
    out = run(score_2026="C", honored_additional_budget_eur=50_000)
    assert out.reasons == ["score_C_excluded"]
    assert out.max_reimbursement_eur == 0
    assert any("zorgaanbieders met score C komen niet voor aanvullende inkoop" in c.quote for c in out.citations)


def test_reimbursement_amount():
    out = run(score_2026="B", score_2027="B", cost_points_2026=7, honored_additional_budget_eur=120_000)
    assert out.max_reimbursement_eur == 102_000
    assert "€ 102.000" in out.verdict
    assert "€102,000" in out.verdict_en


def test_no_budget_gives_no_amount():
    assert run(score_2026="A", score_2027="A").max_reimbursement_eur is None


def test_no_score_cites_the_waardemodel_limit():
    out = run(has_waardemodel_score=False, honored_additional_budget_eur=30_000)
    assert out.max_reimbursement_eur == 27_000
    assert {"wv2027/2.3.3", "wv2027/3.2.4"} <= {c.clause_id for c in out.citations}
    assert any(c.quote == "Geen score op het waardemodel 90%" for c in out.citations)


def test_uncovered_combinations_are_stated_in_assumptions():
    out = run(score_2027="A")
    assert out.score_year_used == 2027
    text = " ".join(out.assumptions)
    assert "B-dan-A" in text and "2027" in text
    assert len(out.assumptions) == len(out.assumptions_en)
