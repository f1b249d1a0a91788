"""additional_purchase_eligibility: 3.2.4 threshold, timing, scores, channel."""

from __future__ import annotations

import pytest

from tools.registry import run_tool


def run(**args):
    return run_tool("additional_purchase_eligibility", args)


def test_exactly_80_percent_meets_the_threshold():
    out = run(omzetplafond_eur=400_000, revenue_reached_eur=320_000, date_reached="2027-09-30")
    assert out.percentage_of_ceiling == 80.0
    assert out.threshold_met is True
    assert out.required_revenue_eur == 320_000
    assert out.additional_revenue_needed_eur == 0
    assert out.eligible is True


def test_just_below_80_percent_fails_and_is_not_shown_as_80():
    out = run(omzetplafond_eur=400_000, revenue_reached_eur=319_999.99)
    assert out.threshold_met is False
    assert out.percentage_of_ceiling == 79.99
    assert out.additional_revenue_needed_eur == 0.01
    assert "threshold_80pct_not_met" in out.reasons


def test_dev_example_82_5_percent():
    out = run(omzetplafond_eur=400_000, revenue_reached_eur=330_000, date_reached="2027-09-15")
    assert out.percentage_of_ceiling == 82.5
    assert (out.threshold_pct, out.threshold_met, out.required_revenue_eur) == (80, True, 320_000)


def test_reached_on_1_october_is_too_late():
    out = run(omzetplafond_eur=100, revenue_reached_eur=90, date_reached="2027-10-01")
    assert out.threshold_met is False
    assert out.reasons == ["threshold_not_reached_before_1_october"]


def test_unknown_timing_is_assumed_but_listed():
    out = run(percentage_of_ceiling_reached=85)
    assert out.threshold_met is True
    assert "reached_before_1_october" in out.still_to_assess


def test_before_1_october_false_fails():
    out = run(percentage_of_ceiling_reached=85, before_1_october=False)
    assert out.threshold_met is False


@pytest.mark.parametrize(
    ("score", "points", "reason"),
    [("C", None, "score_C_excluded"), ("B", 4, "score_B_under_5_cost_points_excluded")],
)
def test_excluded_scores(score, points, reason):
    out = run(percentage_of_ceiling_reached=90, before_1_october=True, waardemodel_score=score, cost_points=points)
    assert out.threshold_met is True
    assert out.eligible is False
    assert out.reasons == [reason]


def test_b_with_exactly_5_points_is_not_excluded():
    out = run(percentage_of_ceiling_reached=90, waardemodel_score="B", cost_points=5)
    assert out.eligible is True


def test_b_without_points_is_still_to_assess():
    out = run(percentage_of_ceiling_reached=90, waardemodel_score="B")
    assert out.eligible is True
    assert "cost_points_for_score_B" in out.still_to_assess


def test_stopping_care_for_existing_clients_fails_and_cites_continuity():
    out = run(percentage_of_ceiling_reached=90, care_stopped_for_existing_clients=True)
    assert out.reasons == ["care_stopped_for_existing_clients"]
    assert "wv2027/2.3.2" in {c.clause_id for c in out.citations}


def test_email_request_is_not_accepted():
    out = run(percentage_of_ceiling_reached=90, request_channel="email")
    assert out.reasons == ["request_by_email_not_accepted"]
    assert any("(en dus niet per e-mail)" in c.quote for c in out.citations)


@pytest.mark.parametrize(
    ("request_date", "reasons", "notes"),
    [
        ("2027-08-31", ["request_before_september"], []),
        ("2027-09-01", [], []),
        ("2027-09-30", [], []),
        ("2027-10-01", [], ["request_after_september"]),
        ("2027-12-30", [], ["request_after_september"]),
        ("2027-12-31", ["request_not_sent_before_2027-12-31"], []),
    ],
)
def test_request_timing(request_date, reasons, notes):
    out = run(
        percentage_of_ceiling_reached=90, before_1_october=True, request_date=request_date, request_channel="website"
    )
    assert out.reasons == reasons
    assert out.notes == notes


def test_fully_specified_eligible_request_leaves_only_cz_criteria():
    out = run(
        omzetplafond_eur=500_000,
        revenue_reached_eur=450_000,
        date_reached="2027-09-10",
        waardemodel_score="A",
        care_stopped_for_existing_clients=False,
        request_date="2027-09-12",
        request_channel="website",
    )
    assert out.eligible is True
    assert out.still_to_assess == [
        "ceiling_expected_insufficient",
        "even_spread_of_new_clients",
        "increase_in_clients",
        "zorgplicht_problem_in_region",
        "no_other_suitable_care_available",
        "efficiency_not_decreasing",
    ]


def test_revenue_above_the_ceiling_is_reported_as_is():
    out = run(omzetplafond_eur=100_000, revenue_reached_eur=120_000, date_reached="2027-08-01")
    assert out.percentage_of_ceiling == 120.0
    assert out.threshold_met is True


def test_a_share_with_the_ceiling_names_the_revenue_the_threshold_asks():
    out = run(percentage_of_ceiling_reached=85, omzetplafond_eur=640_000)
    assert out.threshold_met is True and out.required_revenue_eur == 512_000
    assert "€ 512.000" in out.verdict


def test_a_share_and_the_revenue_together_are_refused():
    with pytest.raises(Exception, match="not both"):
        run(percentage_of_ceiling_reached=85, omzetplafond_eur=640_000, revenue_reached_eur=500_000)
