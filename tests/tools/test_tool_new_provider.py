"""new_provider_eligibility: the checkable 3.2.1 conditions, window boundaries included."""

from __future__ import annotations

import pytest

from tools.registry import run_tool

WINDOW = "registration_window_2026-12-01_to_2027-02-28"


def run(**args):
    return run_tool("new_provider_eligibility", args)


@pytest.mark.parametrize(
    ("day", "ok"),
    [("2026-11-30", False), ("2026-12-01", True), ("2027-01-15", True), ("2027-02-28", True), ("2027-03-01", False)],
)
def test_registration_window_is_inclusive(day, ok):
    out = run(registration_date=day)
    assert out.meets_checked_criteria is ok
    assert (WINDOW in out.failed_criteria) is not ok
    assert (WINDOW in out.passed_criteria) is ok


def test_late_registration_cites_3_2_1_and_4_1():
    out = run(registration_date="2027-03-15")
    quotes = {(c.clause_id, c.quote) for c in out.citations}
    assert any(cid == "wv2027/3.2.1" and "Inschrijvingen die later binnenkomen" in q for cid, q in quotes)
    assert any(cid == "wv2027/4.1" and "tot en met 28 februari 2027" in q for cid, q in quotes)


@pytest.mark.parametrize(("revenue", "ok"), [(50_000, True), (49_999.99, False), (40_000, False), (75_000, True)])
def test_minimum_expected_revenue_is_inclusive(revenue, ok):
    out = run(expected_annual_revenue_cz_eur=revenue)
    assert out.meets_checked_criteria is ok
    assert ("minimum_expected_revenue_50000" in out.failed_criteria) is not ok


def test_second_registration_in_a_year_fails():
    assert run(registrations_this_year=1).meets_checked_criteria is True
    out = run(registrations_this_year=2)
    assert out.failed_criteria == ["max_one_registration_per_contract_year"]


@pytest.mark.parametrize(
    ("rejected", "shows", "result"),
    [(False, None, "passed"), (True, True, "passed"), (True, False, "failed"), (True, None, "not_checked")],
)
def test_earlier_rejection_for_added_value(rejected, shows, result):
    out = run(rejected_last_year_for_added_value=rejected, shows_added_value_development=shows)
    code = "earlier_rejection_added_value_not_demonstrated"
    lists = {"passed": out.passed_criteria, "failed": out.failed_criteria, "not_checked": out.not_checked}
    assert code in lists[result]


@pytest.mark.parametrize(("avg", "ok"), [(3, True), (2.99, False), (3.5, True)])
def test_postcode_average_in_core_area(avg, ok):
    out = run(average_clients_per_postcode=avg, mostly_in_core_area=True)
    assert out.meets_checked_criteria is ok


def test_postcode_average_outside_core_area_does_not_apply():
    out = run(average_clients_per_postcode=1, mostly_in_core_area=False)
    assert out.meets_checked_criteria is True
    assert out.not_applicable == ["postcode_average_at_least_3"]


@pytest.mark.parametrize(("status", "ok"), [("geen", False), ("melding_gedaan", True), ("toelating", True)])
def test_igj_status(status, ok):
    assert run(igj_status=status).meets_checked_criteria is ok


def test_criteria_no_calculator_can_check_are_listed():
    out = run(registration_date="2027-01-10", expected_annual_revenue_cz_eur=80_000)
    assert out.meets_checked_criteria is True
    assert {"added_value", "white_spot", "integrity_investigation"} <= set(out.still_to_assess)
    assert "igj_notification_or_licence" in out.not_checked
    quotes = " ".join(c.quote for c in out.citations)
    assert "witte vlek" in quotes and "integriteitsonderzoek" in quotes.lower()


def test_several_failures_are_all_reported():
    out = run(registration_date="2027-04-01", expected_annual_revenue_cz_eur=10_000, igj_status="geen")
    assert set(out.failed_criteria) == {WINDOW, "minimum_expected_revenue_50000", "igj_notification_or_licence"}


def test_the_verdict_names_the_conditions_it_checked():
    out = run(registration_date="2027-02-02", expected_annual_revenue_cz_eur=75_000)
    assert out.meets_checked_criteria is True
    assert "€ 50.000" in out.verdict and "28 februari 2027" in out.verdict, out.verdict


def test_a_fact_that_decides_nothing_yet_is_no_yes():
    """Rejected last year, nothing said yet about the added value since: the condition it makes, no verdict."""
    out = run(rejected_last_year_for_added_value=True)
    assert out.meets_checked_criteria is None
    assert out.verdict.startswith("Dat hangt af van") and "toegevoegde waarde" in out.verdict, out.verdict


def test_a_failed_condition_is_said_with_the_askers_figure_and_a_met_one_too():
    """Asked whether both the revenue and the postcode condition are met: the one that fails with the asker's
    average (never rounded up onto the threshold), the one met with the asker's amount."""
    out = run(expected_annual_revenue_cz_eur=61_000, average_clients_per_postcode=2.996, mostly_in_core_area=True)
    assert out.meets_checked_criteria is False
    assert "gemiddeld 2,99" in out.verdict and "Wel voldaan" in out.verdict and "€ 61.000" in out.verdict, out.verdict
    assert "you average 2.99" in out.verdict_en and "you expect €61,000" in out.verdict_en, out.verdict_en
    ok = run(registration_date="2026-12-09", expected_annual_revenue_cz_eur=52_500)
    assert "€ 52.500" in ok.verdict and "((" not in ok.verdict and "9 december" not in ok.verdict, ok.verdict


@pytest.mark.parametrize(
    ("day", "ok"),
    [("2027-12-15", True), ("2026-01-20", True), ("2027-03-02", False), ("2026-11-29", False), ("2027-06-30", False)],
)
def test_a_day_said_without_a_year_is_read_in_the_window_s_year(day, ok):
    """'15 december' for the window 1 December 2026 - 28 February 2027 is 15 December 2026, whatever year the
    reader first gave it; a day outside the window stays outside."""
    out = run(registration_date=day, registration_year_given=False)
    assert out.meets_checked_criteria is ok, (day, out.failed_criteria)


def test_a_day_said_with_its_year_keeps_it():
    assert run(registration_date="2027-12-15").meets_checked_criteria is False
    assert run(registration_date="2027-12-15").registration_too_late is True
    assert run(registration_date="2027-01-15", expected_annual_revenue_cz_eur=20_000).registration_too_late is False


def test_the_question_s_day_without_a_year(fake_assistant):
    a = fake_assistant.ask("We zijn een startende thuiszorgorganisatie en melden ons op 18 december aan voor 2027. Lukt dat?")
    assert a.answer.startswith("Ja"), a.answer
