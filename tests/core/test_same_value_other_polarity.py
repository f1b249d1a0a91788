"""A yes/no question and the sentence that answers it may name the same figure and still disagree: the figure is
right, what is said of it is denied ("na 31 mei ... niet meer wijzigen"). A table row is named by its own words,
not by a part of one of its compounds ("plafond" of "plafondvrije afspraak"). A calculation that finds nothing of
the policy to work from leaves the answer to the clauses."""

from __future__ import annotations

from answers import first as _first

from assistant.answer.verify import verify_claim


def test_the_same_date_with_the_act_denied_is_a_no(fake_assistant):
    a = fake_assistant.ask("Mogen wij de ingestuurde gegevens na 31 mei nog aanpassen?")
    first = _first(a)
    assert first.startswith("Nee") and "31 mei" in first, a.answer
    assert a.citations and a.citations[0].section == "2.3.4", a.answer


def test_the_same_date_with_the_act_affirmed_stays_a_yes(fake_assistant):
    a = fake_assistant.ask("Levert de aanbieder zijn businesscase voor nachtzorg vóór 1 mei aan bij de preferente verzekeraar?")
    assert _first(a).startswith("Ja") and "1 mei" in _first(a), a.answer


def test_a_compound_part_does_not_name_a_table_row(fake_assistant):
    r = verify_claim(fake_assistant, "Voor een verzoek om extra budget is de drempel 80% van het plafond")
    assert r["verdict"] != "contradicted" or "plafondvrije" not in (r["source"] or {}).get("quote", ""), r
    row = verify_claim(fake_assistant, "Met een plafondvrije afspraak is de staffel 90%")
    assert row["verdict"] == "contradicted" and "100%" in row["source"]["quote"], row


def test_a_deadline_question_naming_no_step_gets_the_clause_not_an_echo(fake_assistant):
    a = fake_assistant.ask("Is corrigeren van de aangeleverde data nog mogelijk als 31 mei voorbij is?")
    assert "Geen termijn gevonden" not in a.answer and "'" not in _first(a)[:40], a.answer
    assert any("niet meer wijzigen" in c.quote for c in a.citations), a.answer
