"""Hypothesis properties of the calculators (oracles use integer arithmetic, independent of the implementation)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from tools.registry import run_tool

counts = st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=25)
years_types = st.tuples(st.sampled_from([2026, 2027]), st.sampled_from(["existing", "new"]))


@given(counts, years_types, st.data())
def test_adding_a_client_to_an_area_never_breaks_compliance(clients, year_type, data):
    year, ptype = year_type
    before = run_tool(
        "postcode_average", {"clients_per_postcode": clients, "contract_year": year, "provider_type": ptype}
    )
    i = data.draw(st.integers(min_value=0, max_value=len(clients) - 1))
    more = [c + (1 if j == i else 0) for j, c in enumerate(clients)]
    after = run_tool("postcode_average", {"clients_per_postcode": more, "contract_year": year, "provider_type": ptype})
    assert after.average_exact > before.average_exact
    assert not (before.compliant and not after.compliant)


@given(counts, years_types)
def test_postcode_compliance_matches_integer_oracle(clients, year_type):
    year, ptype = year_type
    out = run_tool("postcode_average", {"clients_per_postcode": clients, "contract_year": year, "provider_type": ptype})
    threshold = 2 if (year, ptype) == (2026, "existing") else 3
    assert out.compliant is (sum(clients) >= threshold * len(clients))
    assert min(clients) - 0.005 <= out.average <= max(clients) + 0.005
    assert abs(out.average - sum(clients) / len(clients)) <= 0.01
    assert out.clients_needed == max(0, threshold * len(clients) - sum(clients))


scores = st.sampled_from([None, "A", "B", "C"])
points = st.one_of(st.none(), st.integers(min_value=0, max_value=20))


@given(scores, scores, points, points, st.booleans(), st.integers(min_value=0, max_value=10_000_000))
def test_staffel_percentage_is_a_table_value_and_amount_within_budget(s26, s27, p26, p27, free, budget):
    args = {
        "score_2026": s26,
        "score_2027": s27,
        "cost_points_2026": p26 if p26 is not None else 5,
        "cost_points_2027": p27,
        "ceiling_free_agreement": free,
        "honored_additional_budget_eur": budget,
    }
    if s26 is None and s27 is None:
        args["has_waardemodel_score"] = False
    if s26 is None and s27 == "B" and p27 is None:
        args["cost_points_2027"] = 5
    out = run_tool("staffel_percentage", args)
    assert out.percentage in {0, 85, 90, 100}
    assert 0 <= out.percentage <= 100
    assert out.eligible is (out.percentage > 0)
    pairs = [(s26, args["cost_points_2026"]), (s27, args["cost_points_2027"])]
    excluded = any(s == "C" or (s == "B" and p is not None and p < 5) for s, p in pairs)
    assert out.eligible is not excluded
    assert 0 <= out.max_reimbursement_eur <= budget
    assert abs(out.max_reimbursement_eur - budget * out.percentage / 100) <= 0.005


@given(
    st.integers(min_value=1, max_value=5_000_000),
    st.integers(min_value=0, max_value=6_000_000),
    st.integers(min_value=0, max_value=100_000),
)
def test_more_revenue_never_loses_the_threshold(ceiling, revenue, extra):
    def met(rev):
        return run_tool(
            "additional_purchase_eligibility",
            {"omzetplafond_eur": ceiling, "revenue_reached_eur": rev, "date_reached": "2027-09-01"},
        ).threshold_met

    assert met(revenue) is (revenue * 100 >= 80 * ceiling)
    assert not (met(revenue) and not met(revenue + extra))


hours = st.integers(min_value=0, max_value=100_000)


@given(hours, hours, hours, hours, st.sampled_from([2022, 2023, 2024, 2025, 2026, 2027]))
def test_subcontracting_shares_stay_within_0_100_and_match_oracle(own, sub, zzp, daughters, year):
    total = own + sub + zzp + daughters
    assume(total > 0)
    out = run_tool(
        "subcontracting_check",
        {
            "own_staff_hours": own,
            "subcontractor_hours": sub,
            "zzp_hours": zzp,
            "full_subsidiary_hours": daughters,
            "year": year,
        },
    )
    limit = {2022: 75, 2023: 65}.get(year, 50)
    assert 0 <= out.subcontracted_share_pct <= 100 and 0 <= out.own_share_pct <= 100
    assert abs(out.subcontracted_share_pct + out.own_share_pct - 100) <= 0.02
    assert out.compliant is ((sub + zzp) * 100 <= limit * total)


@given(hours, st.integers(min_value=1, max_value=1000), st.integers(min_value=1, max_value=1000))
def test_moving_hours_to_own_staff_never_breaks_compliance(own, sub, moved):
    moved = min(moved, sub)
    before = run_tool("subcontracting_check", {"own_staff_hours": own, "subcontractor_hours": sub})
    after = run_tool("subcontracting_check", {"own_staff_hours": own + moved, "subcontractor_hours": sub - moved})
    assert after.subcontracted_share_pct <= before.subcontracted_share_pct
    assert not (before.compliant and not after.compliant)


@given(
    st.integers(min_value=0, max_value=5000),
    st.integers(min_value=1, max_value=10_000),
    st.integers(min_value=0, max_value=500),
)
def test_cooperative_ratio_oracle_and_more_fte_never_hurts(clients, fte_hundredths, extra_hundredths):
    def check(hundredths):
        return run_tool("cooperative_staffing_check", {"clients": clients, "hbo_bachelor_nurse_fte": hundredths / 100})

    out = check(fte_hundredths)
    assert out.compliant is (clients * 100 <= 55 * fte_hundredths)
    assert not (out.compliant and not check(fte_hundredths + extra_hundredths).compliant)
    assert abs(out.required_fte - clients / 55) <= 0.005


@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=1, max_value=10_000))
def test_dementia_norm_oracle(clients, fte_hundredths):
    out = run_tool("dementia_caseload_check", {"clients": clients, "casemanager_fte": fte_hundredths / 100})
    assert out.within_norm is (50 * fte_hundredths <= clients * 100 <= 65 * fte_hundredths)


@given(st.integers(min_value=0, max_value=100_000_000))
def test_waardemodel_oracle_in_cents(cents):
    out = run_tool("waardemodel_applicability", {"production_agreement_eur": cents / 100})
    assert out.waardemodel_applies is (cents > 10_000_000)
    assert out.quality_submission_required is True


@given(st.integers(min_value=0, max_value=729))
def test_deadline_statuses_partition_and_follow_the_date(offset):
    day = date(2026, 1, 1) + timedelta(days=offset)
    out = run_tool("deadlines", {"on_date": day.isoformat()})
    assert len(out.open_on_date) + len(out.upcoming_on_date) + len(out.passed_on_date) == len(out.deadlines)
    for d in out.deadlines:
        assert (d.status == "passed") is (day > d.last_day)
        assert (d.status == "upcoming") is (d.start is not None and day < d.start)


@given(st.integers(min_value=0, max_value=400))
def test_registration_window_oracle(offset):
    day = date(2026, 10, 1) + timedelta(days=offset)
    out = run_tool("new_provider_eligibility", {"registration_date": day.isoformat()})
    assert out.meets_checked_criteria is (date(2026, 12, 1) <= day <= date(2027, 2, 28))
