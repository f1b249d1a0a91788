"""Every citation of every tool (over a spread of inputs) is verbatim in its clause; metadata mirrors the corpus."""

from __future__ import annotations

import pytest

from assistant.ingest.params import policy
from tools.exclusion import GROUNDS
from tools.registry import run_tool

SPREAD: list[tuple[str, dict]] = [
    *[
        ("postcode_average", {"clients_per_postcode": [4, 1, 2], "provider_type": t, "contract_year": y, **extra})
        for t in ("existing", "new")
        for y in (2026, 2027)
        for extra in (
            {},
            {"medical_child_care_only": True},
            {"mostly_outside_core_area": True},
            {"in_core_area": False},
        )
    ],
    *[
        ("staffel_percentage", a)
        for a in (
            {"score_2026": "A", "score_2027": "A"},
            {"score_2026": "A"},
            {"score_2026": "B", "cost_points_2026": 5},
            {"score_2026": "B", "cost_points_2026": 1},
            {"score_2026": "C"},
            {"has_waardemodel_score": False},
            {"ceiling_free_agreement": True, "has_waardemodel_score": False},
            {"score_2027": "A"},
        )
    ],
    *[
        ("additional_purchase_eligibility", a)
        for a in (
            {"omzetplafond_eur": 400_000, "revenue_reached_eur": 330_000, "date_reached": "2027-09-15"},
            {
                "percentage_of_ceiling_reached": 70,
                "waardemodel_score": "C",
                "care_stopped_for_existing_clients": True,
                "request_channel": "email",
                "request_date": "2027-12-31",
            },
            {"percentage_of_ceiling_reached": 90, "waardemodel_score": "A", "request_date": "2027-09-02"},
        )
    ],
    (
        "new_provider_eligibility",
        {
            "registration_date": "2027-03-01",
            "expected_annual_revenue_cz_eur": 1,
            "registrations_this_year": 2,
            "rejected_last_year_for_added_value": True,
            "shows_added_value_development": False,
            "average_clients_per_postcode": 1,
            "mostly_in_core_area": True,
            "igj_status": "geen",
        },
    ),
    (
        "new_provider_eligibility",
        {
            "registration_date": "2027-01-01",
            "expected_annual_revenue_cz_eur": 60_000,
            "registrations_this_year": 1,
            "igj_status": "toelating",
        },
    ),
    *[
        ("subcontracting_check", {"subcontracted_share_pct": 45, "year": y, "is_cooperative": co})
        for y in range(2022, 2028)
        for co in (False, True)
    ],
    ("cooperative_staffing_check", {"clients": 160, "hbo_bachelor_nurse_fte": 3}),
    ("cooperative_staffing_check", {"clients": 160, "hbo_bachelor_nurse_fte": 2}),
    ("dementia_caseload_check", {"clients": 210, "casemanager_fte": 3}),
    ("dementia_caseload_check", {"clients": 20, "casemanager_fte": 1}),
    ("waardemodel_applicability", {"production_agreement_eur": 100_000}),
    ("waardemodel_applicability", {"production_agreement_eur": 250_000}),
    ("deadlines", {}),
    ("deadlines", {"topic": "bijcontractering", "on_date": "2027-09-15"}),
    ("exclusion_check", dict.fromkeys(GROUNDS, True)),
    ("exclusion_check", {"tax_arrears": False}),
]


@pytest.mark.parametrize(("name", "args"), SPREAD)
def test_every_citation_is_verbatim_in_its_clause(corpus, name, args):
    out = run_tool(name, args)
    assert out.citations, f"{name} gave no citations"
    for c in out.citations:
        assert corpus.quote_in_clause(c.quote, c.clause_id), f"{name}: {c.clause_id}: {c.quote!r}"
        clause = corpus.clause_by_id[c.clause_id]
        assert (c.doc, c.year, c.section, c.title) == (clause.doc, clause.year, clause.section, clause.title)
        assert c.quote == " ".join(c.quote.split())  # single-spaced


@pytest.mark.parametrize(("name", "args"), SPREAD)
def test_every_result_explains_itself_in_both_languages(name, args):
    out = run_tool(name, args)
    assert out.tool == name
    assert out.verdict and out.verdict_en and out.verdict != out.verdict_en
    assert out.rule and out.rule_en
    assert len(out.assumptions) == len(out.assumptions_en) >= 1


def test_deadline_sources_are_verbatim(corpus):
    for d in policy().params("wv2027").section("deadlines").items:
        assert d.sources, d.id
        for source in d.sources:
            assert corpus.quote_in_clause(source.quote, source.clause_id), (
                f"{d.id}: {source.clause_id}: {source.quote!r}"
            )
        assert d.first_day is None or d.first_day <= d.last_day
        assert 2026 <= d.last_day.year <= 2027


def test_exclusion_quotes_are_verbatim(corpus):
    grounds = policy().params("wv2027").section("exclusion").grounds
    assert set(grounds) == set(GROUNDS)
    for code, source in grounds.items():
        assert corpus.quote_in_clause(source.quote, "wv2027/3.2.3"), code
