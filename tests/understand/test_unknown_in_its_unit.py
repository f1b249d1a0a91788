"""The asker's own unknown asked in its own unit with a weak word only ("hoeveel uur mogen wij maximaal ...?"):
a calculation of the asker's case that asks back for the figure it needs, quoting the rule it will apply (the
rule states a share, not hours: its sentence is found without the kind asked)."""

from __future__ import annotations


def test_hours_asked_of_the_askers_own_subcontracting_ask_back_with_the_rule(fake_assistant):
    a = fake_assistant.ask("Hoeveel uur kunnen wij volgend jaar maximaal uitbesteden aan onderaannemers?")
    assert a.answer.startswith("Om het voor u na te rekenen heb ik nog nodig"), a.answer
    assert "zorguren" in a.answer.split("\n")[0], a.answer
    assert len(a.citations) == 1 and "maximaal 50% van de zorg onderaannemers" in a.citations[0].quote, a.citations


def test_the_rule_asked_in_hours_without_an_askers_case_is_no_calculation(fake_assistant):
    a = fake_assistant.ask("Hoeveel uur mag een zzp'er in de wijkverpleging per week werken?")
    assert not a.tool_calls, (a.tool_calls, a.answer)
