"""subcontracting_check: Bijlage 1 §1.1/§1.2 (2027) and the 2024 ingroeimodel."""

from __future__ import annotations

import pytest

from assistant.errors import InvalidInput
from tools.registry import run_tool


def run(**args):
    return run_tool("subcontracting_check", args)


def test_exactly_50_percent_subcontracting_complies():
    out = run(total_care_hours=10_000, subcontracted_hours=5_000)
    assert (out.subcontracted_share_pct, out.own_share_pct, out.max_allowed_pct) == (50.0, 50.0, 50)
    assert out.compliant is True


def test_just_over_50_percent_does_not_comply_and_is_not_shown_as_50():
    out = run(total_care_hours=1_000_000, subcontracted_hours=500_001)
    assert out.compliant is False
    assert out.subcontracted_share_pct == 50.01
    assert out.own_share_pct == 49.99


def test_dev_example_58_33_percent():
    out = run(total_care_hours=12_000, subcontracted_hours=7_000, is_cooperative=False)
    assert out.subcontracted_share_pct == 58.33
    assert out.own_share_pct == 41.67
    assert out.compliant is False
    assert "58,33%" in out.verdict


def test_zzp_hours_count_as_subcontracting_and_volle_dochters_as_own():
    out = run(own_staff_hours=400, full_subsidiary_hours=200, zzp_hours=300, subcontractor_hours=100)
    assert out.subcontracted_share_pct == 40.0  # (300 + 100) / 1000
    assert out.own_share_pct == 60.0
    quotes = " ".join(c.quote for c in out.citations)
    assert "Zzp’ers gelden daarbij uitdrukkelijk óók als onderaannemers" in quotes
    assert "‘volle dochters’ worden niet als onderaannemer beschouwd" in quotes


def test_own_staff_left_out_are_the_rest_beside_a_volle_dochter():
    """A total, the outside parties' hours and a volle dochter's hours, own staff not named: own staff are the rest,
    and the outside hours alone are subcontracted (the volle dochter counts as own)."""
    out = run(total_care_hours=20_000, zzp_hours=6_500, subcontractor_hours=3_700, full_subsidiary_hours=2_600)
    assert out.subcontracted_share_pct == 51.0  # (6.500 + 3.700) / 20.000
    assert out.compliant is False
    out = run(total_care_hours=20_000, zzp_hours=6_500, subcontractor_hours=3_300, full_subsidiary_hours=2_600)
    assert out.subcontracted_share_pct == 49.0
    assert out.compliant is True


@pytest.mark.parametrize(("year", "limit"), [(2022, 75), (2023, 65), (2024, 50), (2025, 50), (2026, 50), (2027, 50)])
def test_ingroeimodel_limits(year, limit):
    at_limit = run(subcontracted_share_pct=limit, year=year)
    over = run(subcontracted_share_pct=limit + 0.5, year=year)
    assert at_limit.max_allowed_pct == limit
    assert at_limit.compliant is True
    assert over.compliant is False


def test_2022_cites_the_2024_appendix():
    out = run(subcontracted_share_pct=70, year=2022)
    cited = [c for c in out.citations if c.clause_id == "wv2024/bijlage-1/1.2"]
    assert any("Maximaal 75% van de geleverde zorg wordt in onderaanneming uitgevoerd" in c.quote for c in cited)
    assert all(c.year == 2024 for c in cited)


def test_2026_is_assumed_50_percent_and_says_so():
    out = run(subcontracted_share_pct=50, year=2026)
    assert out.max_allowed_pct == 50
    assert any("2025" in a and "2026" in a for a in out.assumptions)


def test_cooperative_is_exempt():
    out = run(total_care_hours=1000, subcontracted_hours=1000, is_cooperative=True)
    assert out.subcontracted_share_pct == 100.0
    assert out.within_limit is False
    assert out.requirement_applies is False
    assert out.compliant is True
    assert "wv2027/3.2.2" in {c.clause_id for c in out.citations}


def test_own_share_form():
    out = run(own_share_pct=45)
    assert out.subcontracted_share_pct == 55.0
    assert out.compliant is False


def test_zzp_hours_within_the_subcontracted_hours_are_a_breakdown_of_them():
    """'9.000 van de 20.000 uur uitbesteed, waarvan 2.000 aan zzp'ers': the share is 45%, not a conflict."""
    out = run(total_care_hours=20_000, subcontracted_hours=9_000, zzp_hours=2_000)
    assert (out.subcontracted_share_pct, out.compliant) == (45.0, True)
    with pytest.raises(Exception, match="give one form only"):  # more zzp hours than subcontracted ones: no reading
        run(total_care_hours=20_000, subcontracted_hours=2_000, zzp_hours=9_000)


def test_zzp_and_subcontractor_categories_with_a_total():
    out = run(total_care_hours=8_000, zzp_hours=2_500, subcontractor_hours=1_700)
    assert (out.subcontracted_share_pct, out.compliant) == (52.5, False)


def test_subcontracted_hours_that_complete_the_parts_are_one_part():
    """Own, zzp and subsidiary hours given beside 'subcontracted' hours, all together exactly the total: the
    subcontracted hours are the subcontracting organisations' part, not the whole subcontracted amount."""
    r = run_tool(
        "subcontracting_check",
        {"total_care_hours": 10000, "own_staff_hours": 4000, "zzp_hours": 3000, "subcontracted_hours": 2000,
         "full_subsidiary_hours": 1000, "year": 2027},
    )
    assert r.subcontracted_share_pct == 50.0 and r.compliant is True
    # parts that do not add up to the total keep their meaning (and are rejected as before)
    with pytest.raises(Exception, match="total_care_hours"):
        run_tool(
            "subcontracting_check",
            {"total_care_hours": 10000, "own_staff_hours": 4000, "zzp_hours": 3000, "subcontracted_hours": 2500,
             "full_subsidiary_hours": 1000, "year": 2027},
        )


def test_a_whole_share_is_said_without_decimals():
    r = run_tool("subcontracting_check", {"subcontracted_share_pct": 60, "year": 2027})
    assert r.verdict.startswith("60% van de zorg") and "40% levert u zelf" in r.verdict
    assert r.verdict_en.startswith("60% of the care")


def test_with_the_hours_known_the_most_hours_and_the_room_left_are_said():
    out = run(total_care_hours=18_000, subcontractor_hours=3_500, zzp_hours=2_500, year=2027)
    assert (out.max_subcontracted_hours, out.room_hours, out.compliant) == (9000, 3000, True)
    assert "hoogstens 9.000 uur" in out.verdict and "nog 3.000 uur ruimte" in out.verdict
    assert "3,000 hours still to spare" in out.verdict_en


def test_over_the_maximum_the_hours_too_many_are_said():
    out = run(own_staff_hours=4_000, zzp_hours=5_000, year=2027)  # the parties together are the whole: 9.000
    assert (out.max_subcontracted_hours, out.room_hours, out.compliant) == (4500, -500, False)
    assert "500 uur te veel" in out.verdict


def test_shares_only_say_no_hours():
    out = run(subcontracted_share_pct=30, year=2027)
    assert out.max_subcontracted_hours is None and out.room_hours is None
    assert "uur" not in out.verdict


def test_own_hours_alone_give_the_most_hours_beside_them():
    out = run(own_staff_hours=6_000, full_subsidiary_hours=1_000, year=2027)
    assert out.max_subcontracted_hours == 7000  # own care must stay at least half: 7.000 beside 7.000
    assert out.compliant is None
    assert "Naast 7.000 uur eigen zorg mag in 2027 hoogstens 7.000 uur" in out.verdict


def test_a_cooperative_has_no_room_figure():
    out = run(total_care_hours=10_000, subcontracted_hours=8_000, is_cooperative=True, year=2027)
    assert out.room_hours is None and out.compliant is True


def test_figures_in_fte_are_said_in_fte():
    out = run(own_staff_hours=5, zzp_hours=3, year=2027, measure="fte")
    assert "van 8 fte gaan er 3 fte via onderaannemers en mogen er hoogstens 4 fte" in out.verdict
    assert "uur" not in out.verdict


def test_the_verdict_says_the_hours_subcontracted_beside_the_most():
    out = run(total_care_hours=8_000, own_staff_hours=3_400, subcontractor_hours=3_400, zzp_hours=1_200, year=2027)
    assert out.within_limit is False and out.room_hours == -600
    assert "(van 8.000 uur" in out.verdict
    assert "gaan er 4.600 uur via onderaannemers en mogen er hoogstens 4.000 uur: 600 uur te veel" in out.verdict
    assert "of 8,000 hours, 4,600 hours are subcontracted and at most 4,000 hours may be: 600 hours too many" in out.verdict_en


def test_a_subsidiary_share_counts_as_own_care():
    out = run(full_subsidiary_share_pct=35, subcontracted_share_pct=25, year=2027)
    assert out.subcontracted_share_pct == 25 and out.own_share_pct == 75 and out.compliant is True
    assert "volle dochter telt als eigen zorg" in out.verdict


@pytest.mark.parametrize(
    "args",
    [dict(full_subsidiary_share_pct=100, full_subsidiary_hours=2_000, zzp_hours=1_500, total_care_hours=8_000),
     dict(full_subsidiary_share_pct=100, zzp_hours=1_500, total_care_hours=8_000)],
)
def test_a_subsidiary_share_beside_hours_or_of_100_is_ownership(args):
    out = run(year=2027, **args)
    assert out.subcontracted_share_pct == 18.75 and out.compliant is True


def test_own_staff_and_subsidiary_shares_leave_the_rest_subcontracted():
    out = run(own_share_pct=30, full_subsidiary_share_pct=15, year=2027)
    assert out.subcontracted_share_pct == 55 and out.within_limit is False


@pytest.mark.parametrize(
    ("shares", "field"),
    [
        (dict(full_subsidiary_share_pct=60, subcontracted_share_pct=50), "full_subsidiary_share_pct"),
        (dict(full_subsidiary_share_pct=40), "subcontracted_share_pct"),
        (dict(own_share_pct=50, full_subsidiary_share_pct=30, subcontracted_share_pct=10), "own_share_pct"),
    ],
)
def test_subsidiary_shares_that_cannot_be_read_are_refused(shares, field):
    with pytest.raises(InvalidInput, match=rf"^{field}: "):
        run(year=2027, **shares)


def test_a_subsidiary_share_and_the_subcontracted_share_of_the_total_are_hours():
    out = run(total_care_hours=10_000, full_subsidiary_share_pct=30, subcontracted_share_pct=20, year=2027)
    assert out.subcontracted_share_pct == 20 and out.own_share_pct == 80 and out.room_hours == 3_000
    assert "er 2.000 uur via onderaannemers" in out.verdict


def test_a_cooperative_hears_no_maximum_beside_its_own_hours():
    out = run(own_staff_hours=10_000, is_cooperative=True, year=2027)
    assert out.max_subcontracted_hours is None and "does not apply" in out.verdict_en


def test_a_share_beside_the_hours_it_is_a_share_of_is_made_into_hours():
    """'100% zelf, 6.000 uur in totaal', '40% ourselves: 2,000 own staff hours': one form, the same verdict."""
    out = run(own_share_pct=100, total_care_hours=6_000, year=2027)
    assert (out.subcontracted_share_pct, out.max_subcontracted_hours, out.room_hours) == (0.0, 3000, 3000)
    out = run(own_share_pct=40, own_staff_hours=2_000, year=2027)  # 2.000 is 40% of 5.000
    assert (out.subcontracted_share_pct, out.max_subcontracted_hours, out.room_hours, out.compliant) == (60.0, 2500, -500, False)
    out = run(subcontracted_share_pct=25, total_care_hours=8_000, year=2027)
    assert (out.subcontracted_share_pct, out.room_hours) == (25.0, 2000)


def test_shares_that_do_not_add_up_are_still_refused_beside_hours():
    with pytest.raises(Exception, match="give one form only"):  # which of the two shares the hours follow is unknown
        run(own_share_pct=40, subcontracted_share_pct=40, total_care_hours=6_000, year=2027)
