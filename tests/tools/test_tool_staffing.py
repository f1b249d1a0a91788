"""cooperative_staffing_check (1 fte per 55 clients) and dementia_caseload_check (50 to 65 per fte)."""

from __future__ import annotations

import pytest

from tools.registry import run_tool


def coop(clients, fte):
    return run_tool("cooperative_staffing_check", {"clients": clients, "hbo_bachelor_nurse_fte": fte})


def dementia(clients, fte):
    return run_tool("dementia_caseload_check", {"clients": clients, "casemanager_fte": fte})


def test_exactly_55_clients_per_fte_complies():
    out = coop(110, 2)
    assert out.clients_per_fte == 55.0
    assert out.required_fte == 2.0
    assert out.compliant is True


def test_56_clients_per_fte_does_not_comply():
    out = coop(56, 1)
    assert out.clients_per_fte == 56.0
    assert out.required_fte == 1.02
    assert out.compliant is False
    assert "voldoet niet" in out.verdict


def test_just_over_55_is_not_shown_as_55():
    out = coop(55_001, 1000)  # 55.001 per fte
    assert out.compliant is False
    assert out.clients_per_fte == 55.01


def test_dev_example_cooperative():
    out = coop(160, 3)
    assert out.required_fte == 2.91
    assert out.clients_per_fte == 53.33
    assert out.max_clients_per_fte == 55
    assert out.compliant is True
    assert any("op 55 cliënten" in c.quote for c in out.citations)


def test_zero_clients_complies():
    out = coop(0, 1)
    assert out.compliant is True and out.required_fte == 0


@pytest.mark.parametrize(
    ("clients", "fte", "within", "position"),
    [
        (100, 2, True, "within"),
        (130, 2, True, "within"),
        (99, 2, False, "below"),
        (131, 2, False, "above"),
        (210, 3, False, "above"),
        (50, 1, True, "within"),
        (65, 1, True, "within"),
    ],
)
def test_dementia_boundaries_50_and_65_are_inclusive(clients, fte, within, position):
    out = dementia(clients, fte)
    assert out.within_norm is within
    assert out.position == position
    assert (out.norm_min, out.norm_max) == (50, 65)


def test_dev_example_dementia_70_per_fte():
    out = dementia(210, 3)
    assert out.caseload_per_fte == 70.0
    assert "70,00" in out.verdict and "boven" in out.verdict
    assert any(c.quote.endswith("gemiddeld 50 tot 65 cliënten per fte.") for c in out.citations)


def test_dementia_display_never_rounds_onto_a_limit():
    assert dementia(65_001, 1000).caseload_per_fte == 65.01
    assert dementia(49_999, 1000).caseload_per_fte == 49.99


def test_tot_is_read_inclusively_and_says_so():
    out = dementia(65, 1)
    assert any("tot en met 65" in a for a in out.assumptions)


def test_dementia_check_names_the_range_for_the_fte_and_the_fte_for_the_clients():
    out = dementia(47, 0.6)  # 78,33 per fte: above
    assert (out.position, out.clients_min, out.clients_max, out.fte_min, out.fte_max) == ("above", 30, 39, 0.72, 0.94)
    assert "bij 0,6 fte passen 30 tot 39 cliënten" in out.verdict
    assert "47 clients need 0.72 to 0.94 fte" in out.verdict_en
    inside = dementia(120, 2)  # 60 per fte
    assert inside.within_norm and (inside.clients_min, inside.clients_max) == (100, 130)
    assert "(bij 2 fte passen 100 tot 130 cliënten)" in inside.verdict


def test_a_cooperative_over_the_ratio_hears_how_many_clients_its_fte_allows():
    out = run_tool("cooperative_staffing_check", {"clients": 130, "hbo_bachelor_nurse_fte": 2.2})
    assert out.compliant is False and out.clients_allowed == 121
    assert "met 2,2 fte hoogstens 121 cliënten" in out.verdict and "2.2 fte allows at most 121 clients" in out.verdict_en


def _caseload(**args):
    return run_tool("dementia_caseload_check", args)


@pytest.mark.parametrize("caseload, within, position", [(50, True, "within"), (65, True, "within"), (65.01, False, "above"), (49.5, False, "below")])
def test_a_caseload_the_provider_worked_out_is_checked_as_given(caseload, within, position):
    out = _caseload(caseload_per_fte=caseload)
    assert (out.within_norm, out.position) == (within, position)
    assert "uw eigen gemiddelde" in out.verdict and out.clients_min is None and out.fte_min is None


def test_a_caseload_beside_one_of_its_figures_also_says_what_that_figure_needs_or_carries():
    with_fte = _caseload(caseload_per_fte=70, casemanager_fte=2)
    assert not with_fte.within_norm and (with_fte.clients_min, with_fte.clients_max) == (100, 130)
    assert "bij 2 fte passen 100 tot 130 cliënten" in with_fte.verdict
    with_clients = _caseload(caseload_per_fte=60, clients=240)
    assert with_clients.within_norm and (with_clients.fte_min, with_clients.fte_max) == (3.69, 4.8)
    assert "240 clients need 3.69 to 4.80 fte" in with_clients.verdict_en


def test_a_caseload_beside_both_of_its_figures_is_refused():
    from assistant.errors import AssistantError

    with pytest.raises(AssistantError, match="caseload_per_fte"):
        _caseload(caseload_per_fte=60, clients=240, casemanager_fte=4)


@pytest.mark.parametrize(
    ("clients", "fte", "short"), [(200, 3, 0.64), (120, 2, 0.18), (251, 4.56, 0.01), (110, 2, 0.0), (50, 1, 0.0)]
)
def test_the_fte_still_short_is_said_as_the_fte_needed_is_and_never_zero_when_failing(clients, fte, short):
    out = run_tool("cooperative_staffing_check", {"clients": clients, "hbo_bachelor_nurse_fte": fte})
    assert out.fte_short == pytest.approx(short)
    assert (out.fte_short > 0) is (out.compliant is False)
    if short:
        assert f"{short:.2f}".replace(".", ",") + " fte meer" in out.verdict
