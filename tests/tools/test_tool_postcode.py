"""postcode_average: 2.3.2 table, worked example, exceptions, boundaries and rounding."""

from __future__ import annotations

import pytest

from tools.registry import run_tool


def run(**args):
    return run_tool("postcode_average", args)


def test_policy_worked_example_is_2_33_and_not_compliant_for_2027():
    out = run(clients_per_postcode=[4, 1, 2], provider_type="existing", contract_year=2027)
    assert out.average == 2.33
    assert (out.total_clients, out.postcode_areas, out.threshold) == (7, 3, 3)
    assert out.requirement_applies is True
    assert out.compliant is False
    assert out.clients_needed == 2  # 9 clients over 3 areas would be exactly 3
    assert "2,33" in out.verdict and "voldoet niet" in out.verdict


def test_worked_example_meets_the_2026_threshold_of_2_for_existing_providers():
    out = run(clients_per_postcode=[4, 1, 2], provider_type="existing", contract_year=2026)
    assert out.threshold == 2
    assert out.compliant is True
    assert any("ten minste 2 CZ-cliënten" in c.quote for c in out.citations)


@pytest.mark.parametrize(
    ("provider_type", "year", "threshold"),
    [("existing", 2026, 2), ("new", 2026, 3), ("existing", 2027, 3), ("new", 2027, 3)],
)
def test_threshold_table(provider_type, year, threshold):
    out = run(total_clients=10, postcode_areas=4, provider_type=provider_type, contract_year=year)
    assert out.threshold == threshold


def test_exactly_3_00_per_area_complies():
    out = run(total_clients=300, postcode_areas=100)
    assert out.average == 3.0
    assert out.meets_threshold is True and out.compliant is True
    assert out.clients_needed == 0


def test_2_99_per_area_does_not_comply():
    out = run(total_clients=299, postcode_areas=100)
    assert out.average == 2.99
    assert out.compliant is False
    assert out.clients_needed == 1


def test_no_rounding_before_comparing_2_995_is_below_3_and_is_not_shown_as_3():
    out = run(total_clients=599, postcode_areas=200)
    assert out.average_exact == pytest.approx(2.995)
    assert out.compliant is False
    assert out.average == 2.99  # never rounded up onto the threshold
    assert "2,995 (niet afgerond)" in out.verdict and "2,9950" not in out.verdict  # no needless trailing zero


def test_an_average_not_exact_at_three_places_is_shown_with_four():
    out = run(total_clients=2998, postcode_areas=1001)  # 2,995004...
    assert out.compliant is False
    assert "2,9950 (niet afgerond)" in out.verdict
    assert any("geen afronding" in a.lower() for a in out.assumptions)
    assert any("no rounding" in a.lower() for a in out.assumptions_en)


def test_2_95_is_below_3():
    out = run(total_clients=59, postcode_areas=20)
    assert out.average == 2.95
    assert out.compliant is False


def test_both_forms_give_the_same_result():
    listed = run(clients_per_postcode=[6, 3, 2, 1])
    totals = run(total_clients=12, postcode_areas=4)
    assert listed.average == totals.average == 3.0
    assert listed.compliant is totals.compliant is True


def test_consistent_totals_next_to_the_list_are_accepted():
    out = run(clients_per_postcode=[5, 1, 2], total_clients=8, postcode_areas=3)
    assert out.average == 2.67


def test_medical_child_care_is_exempt():
    out = run(clients_per_postcode=[1, 1, 1], medical_child_care_only=True)
    assert out.requirement_applies is False
    assert out.exception == "medical_child_care"
    assert out.meets_threshold is False  # the bare comparison is still shown
    assert out.compliant is True
    assert any(
        c.quote == "De enige uitzondering op deze voorwaarde betreft (medische) kindzorg." for c in out.citations
    )


def test_mostly_outside_core_area_is_exempt_per_bijlage_1():
    out = run(clients_per_postcode=[1, 2], mostly_outside_core_area=True)
    assert out.requirement_applies is False
    assert out.exception == "mostly_outside_core_area"
    assert out.compliant is True
    b1 = [c for c in out.citations if c.clause_id == "wv2027/bijlage-1/1.1"]
    assert b1 and "buiten het kernwerkgebied van CZ groep" in b1[0].quote
    assert any("enige uitzondering" in a for a in out.assumptions)


@pytest.mark.parametrize(
    ("fact", "exception", "words"),
    [
        ({"medical_child_care_only": True}, "medical_child_care", "kindzorg is uitgezonderd"),
        ({"mostly_outside_core_area": True}, "mostly_outside_core_area", "buiten het kernwerkgebied"),
        ({"in_core_area": False}, "outside_core_area", "alleen in de kernwerkgebieden"),
    ],
)
def test_an_exempting_fact_settles_it_without_counts(fact, exception, words):
    out = run(provider_type="new", contract_year=2027, **fact)
    assert out.requirement_applies is False and out.compliant is True and out.exception == exception
    assert out.verdict.startswith("De postcode-eis voor 2027 geldt niet voor u") and words in out.verdict
    assert out.average is None and out.total_clients is None


def test_without_counts_or_an_exempting_fact_the_counts_stay_required():
    from pydantic import ValidationError

    from tools.postcode import PostcodeAverageInput

    with pytest.raises(ValidationError, match="clients_per_postcode"):
        PostcodeAverageInput(provider_type="existing", contract_year=2027)


def test_outside_core_area_requirement_does_not_apply():
    out = run(clients_per_postcode=[1], in_core_area=False)
    assert out.exception == "outside_core_area"
    assert out.compliant is True


def test_new_provider_cites_3_2_1():
    out = run(clients_per_postcode=[3, 3], provider_type="new")
    assert out.compliant is True
    assert "wv2027/3.2.1" in {c.clause_id for c in out.citations}


def test_non_compliant_result_cites_the_consequence():
    out = run(total_clients=10, postcode_areas=4)
    quotes = " ".join(c.quote for c in out.citations)
    assert "komt niet (langer) in aanmerking" in quotes
    assert "door het aantal cliënten te delen door het aantal 4-cijferige postcodegebieden" in quotes


@pytest.mark.parametrize(
    ("total", "year", "provider_type", "most"),
    [(95, 2027, "existing", 31), (96, 2027, "existing", 32), (95, 2026, "existing", 47), (95, 2026, "new", 31), (2, 2027, "existing", 0)],
)
def test_total_alone_gives_the_most_areas_it_may_be_spread_over(total, year, provider_type, most):
    out = run(total_clients=total, contract_year=year, provider_type=provider_type)
    assert out.max_postcode_areas == most
    assert out.average is None and out.compliant is None  # no areas given: nothing to compare
    if most:  # one area more falls below the threshold; the areas found still average at least it
        assert total / most >= out.threshold > total / (most + 1)
        assert f"hoogstens {most} postcodegebieden" in out.verdict and f"{most + 1} gebieden" in out.verdict
    else:
        assert "geen enkel postcodegebied" in out.verdict


def test_total_alone_with_an_exempting_fact_says_the_requirement_does_not_apply():
    out = run(total_clients=40, contract_year=2027, medical_child_care_only=True)
    assert out.requirement_applies is False and out.max_postcode_areas is None
    assert "geldt niet" in out.verdict
