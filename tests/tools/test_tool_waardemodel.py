"""waardemodel_applicability: 'meer dan € 100.000' is strict; everybody submits the kwaliteitsuitvraag."""

from __future__ import annotations

import pytest

from tools.registry import run_tool


@pytest.mark.parametrize(
    ("amount", "applies"), [(100_000, False), (100_000.01, True), (99_999.99, False), (0, False), (2_500_000, True)]
)
def test_threshold_is_strictly_more_than_100000(amount, applies):
    out = run_tool("waardemodel_applicability", {"production_agreement_eur": amount})
    assert out.waardemodel_applies is applies
    assert out.price_agreement_only is not applies
    assert out.quality_submission_required is True
    assert out.threshold_eur == 100_000


def test_exactly_100000_explains_the_ambiguity_and_cites():
    out = run_tool("waardemodel_applicability", {"production_agreement_eur": 100_000})
    assert "niet meer dan € 100.000" in out.verdict
    assert any("precies € 100.000" in a for a in out.assumptions)
    assert any("exactly €100,000" in a for a in out.assumptions_en)
    quotes = " ".join(c.quote for c in out.citations)
    assert "productieafspraak krijgen van meer dan € 100.000" in quotes
    assert "álle zorgaanbieders onze kwaliteitsuitvraag indienen" in quotes
    assert "alleen een prijsafspraak" in quotes
