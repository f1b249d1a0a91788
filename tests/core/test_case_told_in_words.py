"""A case told in words and the policy asked about it: a client's hospital stay is a place, not another sector; stopping
care is answered by the sentence on continuity (its opposite, lexicon `opposites`); "what does the policy say?" after
the story asks for the clause, not a calculation."""

from __future__ import annotations

import pytest
from answers import first as _first

from assistant.answer.guards import out_of_scope


@pytest.mark.parametrize(
    "text, scope",
    [
        ("Our client came home from the hospital last week; may we raise the hours of care?", None),
        ("Na ontslag uit het ziekenhuis heeft een cliënt meer zorg nodig. Wat verwacht CZ van ons?", None),
        ("Geldt dit inkoopbeleid ook voor ziekenhuiszorg?", "sector"),
        ("Does CZ buy hospital care under this policy?", "sector"),
        ("Does this policy apply to hospitals as well?", "sector"),
        ("Valt zorg in een verpleeghuis onder dit beleid?", "sector"),
    ],
)
def test_a_hospital_as_a_place_is_no_other_sector(text, scope):
    assert out_of_scope(text) == scope


def test_stopping_care_is_answered_by_continuity(real_assistant):
    a = real_assistant.ask("Mag een aanbieder de zorg aan een bestaande cliënt stopzetten als het omzetplafond bereikt is?")
    assert _first(a).startswith("Nee") and "continuïteit" in _first(a), a.answer


def test_what_the_policy_says_after_a_story_is_a_clause_question(fake_assistant):
    a = fake_assistant.ask(
        "Een aanbieder meldt dat zijn budget voor 2027 op is en wil daarom de zorg voor een cliënt afbouwen en stoppen. "
        "Wat staat er in het beleid hierover?"
    )
    assert not a.tool_calls, (a.tool_calls, a.answer)


def test_an_english_reader_gets_the_terms_of_the_condition_quoted():
    from assistant.answer.compose import gloss_en
    from assistant.domain import Citation

    quote = "dat zorgaanbieders thuiszorgtechnologie inzetten bij minimaal 50% van hun populatie voor wie dit geschikt is."
    ct = Citation(clause_id="x", doc="d", year=2027, section="2.3.6", title="t", quote=quote)
    glossed = gloss_en([ct])
    assert "for whom it is suitable" in glossed and "home-care technology" in glossed, glossed


@pytest.mark.parametrize(
    "question",
    [
        "Score B met 7 punten, in augustus 84% van het plafond. De zorg voor drie vaste cliënten is een maand stilgelegd. Kunnen we bijcontracteren?",
        "Category A, 90% of the ceiling by July. Care for some of our existing clients was on hold for two weeks. Is extra purchase open to us?",
    ],
)
def test_care_laid_down_or_on_hold_for_existing_clients_is_care_stopped(fake_assistant, question):
    a = fake_assistant.ask(question)
    calls = [c for c in a.tool_calls if c.name == "additional_purchase_eligibility"]
    assert calls and calls[0].args.get("care_stopped_for_existing_clients") is True, (a.tool_calls, a.answer)
    assert _first(a).startswith(("Nee", "No")), a.answer


@pytest.mark.parametrize(
    "question, stopped",
    [
        ("Score A, 85% van het plafond in juli. De zorg voor nieuwe cliënten is stilgelegd. Kunnen we bijcontracteren?", False),
        ("Score A, 85% van het plafond in juli. Ons verzoek lag even on hold bij de zorgverzekeraar. Kunnen we bijcontracteren?", False),
        ("Score A, 85% van het plafond in juli. De aanname van nieuwe zorg hebben we stilgelegd, bestaande cliënten krijgen gewoon zorg. Kunnen we bijcontracteren?", False),
        ("Score A, 85% of the ceiling in July. We halted care for two existing clients. Is extra purchase open to us?", True),
    ],
)
def test_care_stopped_is_care_for_the_existing_clients(fake_assistant, question, stopped):
    a = fake_assistant.ask(question)
    calls = [c for c in a.tool_calls if c.name == "additional_purchase_eligibility"]
    assert calls and bool(calls[0].args.get("care_stopped_for_existing_clients")) is stopped, (a.tool_calls, a.answer)
