"""A message whose figures complete two calculations and that asks after more than one rule ("halen we beide
eisen?", lexicon [questions] several_rules) gets both, one answer line each; asked after one rule, only that one."""

from __future__ import annotations

from answers import first as _first


def test_figures_for_two_rules_asked_together_get_two_calculations(fake_assistant):
    a = fake_assistant.ask(
        "Wij zijn al gecontracteerd: 90 clienten verspreid over 25 postcodegebieden en ruwweg een kwart van onze "
        "uren doen zzp-ers. Is dat voor 2027 allebei in orde?"
    )
    names = [c.name for c in a.tool_calls]
    assert set(names) == {"postcode_average", "subcontracting_check"}, names
    first = _first(a)
    assert "3,60" in first and "25%" in first and first.count("Ja") == 2, a.answer


def test_in_english_too(fake_assistant):
    a = fake_assistant.ask(
        "Existing provider, 40 clients in 16 areas, and 60% of the care comes from subcontractors. Are all the "
        "requirements for 2027 met?"
    )
    first = _first(a)
    assert "2.50" in first and "60%" in first, a.answer
    assert first.startswith("No") and "| No" in first, a.answer


def test_one_rule_asked_gets_one_calculation(fake_assistant):
    a = fake_assistant.ask("90 clienten in 25 postcodegebieden en een kwart via zzp-ers. Voldoet dat aan de postcode-eis van 2027?")
    assert [c.name for c in a.tool_calls] == ["postcode_average"], a.tool_calls
