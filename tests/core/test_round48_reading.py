"""Round 48: a yes/no question that asks the opposite of a result field ("kunnen we de uitvraag overslaan?") is
answered by that field turned around, with the quotes that carry it; a figure added to a part ("er nog 900 uur zzp
bijzetten") and "evenveel uur minder" for another part change the parts of the last calculation, the part left as
"the rest" too; "which mailbox" asks for an address; a question for the value of what a calculation takes as given
("hoe hoog wordt ons plafond?") is no calculation. Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of, talk
from answers import first as _first

from assistant.text.quantities import read

# --- the opposite of a result field asked --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [("Wij hebben een afspraak van 85.000 euro, dus die kwaliteitsuitvraag hoeft niet ingediend te worden, toch?", "Nee"),
     ("Met een productieafspraak van 70k kunnen we de uitvraag dit voorjaar overslaan?", "Nee"),
     ("Our production agreement is 90k euro, so filling in the quality questionnaire is optional for us, correct?", "No"),
     ("The survey is only for big providers. With a 65k agreement we are exempt from the quality questionnaire, right?", "No"),
     ("Afspraak van 60.000 euro: is het invullen van de kwaliteitsuitvraag dan nodig?", "Ja"),
     ("Our agreement is 95k. Can we skip the waardemodel?", "Yes")],
)  # fmt: skip
def test_the_opposite_of_the_survey_duty_asked_is_answered_by_the_duty_turned(fake_assistant, question, first):
    a = fake_assistant.ask(question)
    assert a.tool_calls and a.tool_calls[0].name == "waardemodel_applicability", a.answer
    assert _first(a).startswith(first), a.answer


def test_the_survey_duty_asked_is_carried_by_its_own_quotes(fake_assistant):
    a = fake_assistant.ask("Met 75.000 euro productieafspraak mogen we de kwaliteitsuitvraag toch overslaan?")
    quotes = [c.quote for c in a.citations]
    assert "álle zorgaanbieders onze kwaliteitsuitvraag indienen" in quotes[0], quotes
    assert any("C-score" in q for q in quotes[:3]), quotes


# --- changes to the parts of the last calculation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "changes"),
    [("stel: 700 uur zzp extra, en wij zelf evenveel uur minder?", [("more", 700), ("less", 700)]),
     ("als we er nog 300 uur via zzp'ers bijzetten", [("more", 300)]),
     ("stel dat we 400 zzp-uren erbij nemen", [("more", 400)]),
     ("what if we add 600 freelance hours and our own staff work as many hours fewer?", [("more", 600), ("less", 600)])],
)  # fmt: skip
def test_added_hours_and_as_many_fewer_are_read_as_changes(text, changes):
    got = [(q.change, int(q.number)) for q in read(text) if q.kind == "count" and q.unit == "hours"]
    assert got == changes


def test_as_many_needs_a_figure_of_its_unit_before_it():
    assert not [q for q in read("wij doen evenveel uren als vorig jaar") if q.kind == "count"]


@pytest.mark.parametrize(
    ("opening", "then", "zzp", "own"),
    [("Wij draaien 16.000 uur zorg, 6.000 uur daarvan via zzp'ers, het overige zelf. Oké voor 2027?",
      "Stel we zetten er 2.500 uur zzp bij en onze eigen mensen werken evenveel uur minder?", 8500, 7500),
     ("In 2027 we deliver 9,000 hours of care: 2,000 by freelancers, the remainder by our own employees. OK?",
      "And if the freelancers take 2,800 hours more and our own employees 2,800 fewer?", 4800, 4200)],
)  # fmt: skip
def test_a_change_to_the_part_left_as_the_rest_starts_from_the_rest(fake_assistant, opening, then, zzp, own):
    a = talk(fake_assistant, opening, then)
    args = args_of(a, "subcontracting_check")
    assert (args["zzp_hours"], args.get("own_staff_hours")) == (zzp, own), a.answer
    assert _first(a).startswith(("Nee", "No")), a.answer


# --- which mailbox -------------------------------------------------------------------------------------------------


def test_which_mailbox_asks_for_the_address_of_the_subject(fake_assistant):
    a = fake_assistant.ask("Which CZ mailbox do we write to about a claim that was refused (declaratie)?")
    assert "decl.wijkverpleging@cz.nl" in _first(a), a.answer


# --- the value of what a calculation takes as given ----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Dit jaar 750.000 euro gedeclareerd bij CZ, B-score. Hoe hoog wordt ons omzetplafond voor 2027?",
     "Wij scoren A en declareerden 1,2 miljoen. Welk omzetplafond krijgen we volgend jaar?"],
)  # fmt: skip
def test_the_ceiling_asked_for_is_no_calculation_that_takes_it_as_given(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert not a.tool_calls, a.answer
    assert "nodig" not in _first(a) and "zegt hier niets over" in _first(a), a.answer


def test_a_ceiling_given_with_the_revenue_still_asks_what_is_needed(fake_assistant):
    a = fake_assistant.ask("Plafond 600k, gerealiseerd 420k. Welk bedrag aan omzet ontbreekt nog tot de bijcontracteringsdrempel?")
    assert a.tool_calls and a.tool_calls[0].name == "additional_purchase_eligibility", a.answer
    assert "60.000" in _first(a), a.answer


# --- the case a claimed rule is said of ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "claim", "first"),
    [("Twee jaar op rij een A (2026, 2027): welk deel van het toegekende extra budget vergoedt CZ?",
      "En een aanbieder met een C in 2026 krijgt dan nog 75%, klopt dat?", "Nee"),
     ("Two A scores, 2026 and 2027: which part of the granted additional budget is paid?",
      "Fine. And one with a C score for 2026 is still paid 75% under that table, right?", "No")],
)  # fmt: skip
def test_a_score_the_claimed_percentage_is_said_of_is_the_case_checked(fake_assistant, opening, claim, first):
    a = talk(fake_assistant, opening, claim)
    assert args_of(a, "staffel_percentage")["score_2026"] == "C", a.answer
    assert _first(a).startswith(first) and "75%" in _first(a) and ("0%" in _first(a)), a.answer


def test_a_cue_before_plus_belongs_to_the_figure_before_it(fake_assistant):
    a = fake_assistant.ask("10% van de uren bij onze volle dochter plus 45% zzp maakt 55%, dus te hoog, toch?")
    args = args_of(a, "subcontracting_check")
    assert (args.get("full_subsidiary_share_pct"), args.get("subcontracted_share_pct")) == (10, 45), a.answer


# --- the unknown of the last calculation asked at length -----------------------------------------------------------


@pytest.mark.parametrize(
    "then",
    ["How many hours would that provider have to shift to their own employees to get within the rule?",
     "Hoeveel uur moeten ze dan precies terugzetten naar hun eigen medewerkers om aan de regel te voldoen?"],
)
def test_the_last_calculations_unknown_asked_at_length_continues_it(fake_assistant, then):
    a = talk(fake_assistant, "Provider: 14,000 hours in 2027, 7,700 of them by subcontractors. Within the rules?", then)
    assert a.tool_calls and a.tool_calls[0].name == "subcontracting_check", a.answer
    assert "700" in _first(a), a.answer


# --- an amount a calculator without amounts does not give ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "thing"),
    [("What fine do we get if we subcontract 57% of our care?", "fine"),
     ("Hoeveel boete volgt er bij 58% uitbesteding?", "boete"),
     ("Welke boete volgt er als we 60% via onderaannemers doen?", "boete")],
)  # fmt: skip
def test_a_fine_asked_is_not_stated_whatever_the_share(fake_assistant, question, thing):
    a = fake_assistant.ask(question)
    assert not a.tool_calls, a.answer
    assert f"«{thing}»" in _first(a) or f"“{thing}”" in _first(a), a.answer


# --- an amount in millions with a capital M; a version question with no subject of its own ---------------------------


@pytest.mark.parametrize(("text", "value"), [("we billed €3.1M last year", 3_100_000), ("2.5M euro omzet", 2_500_000),
                                             ("€ 0,8M productie", 800_000)])
def test_a_capital_m_after_a_figure_is_millions(text, value):
    assert [int(q.number) for q in read(text) if q.kind in ("money", "number")] == [value]


def test_a_year_compared_without_a_subject_compares_the_subject_before(fake_assistant):
    a = talk(fake_assistant, "Welk deskundigheidsniveau moeten palliatief verpleegkundigen in 2027 hebben?",
             "Zei de tekst van 2024 iets anders?")
    assert "4 of 5" in a.answer and "4 of 6" in a.answer, a.answer


def test_the_ceiling_asked_after_production_figures_is_no_calculation(fake_assistant):
    a = fake_assistant.ask("Our CZ production in 2026 was €2.6M and we scored a B. What will our 2027 revenue ceiling be?")
    assert not a.tool_calls, a.answer
    assert "omzetplafond" in a.answer, a.answer


@pytest.mark.parametrize(
    ("text", "head", "asked"),
    [("hoe hoog wordt ons omzetplafond in 2027?", "omzetplafond", True),
     ("what exactly will our 2027 revenue ceiling be?", "ceiling", True),
     ("hoeveel van ons extra budget betaalt CZ uit?", "budget", False),
     ("wat krijgen we vergoed van het budget?", "budget", False),
     ("wat krijgen we bij een a-score?", "score", False)],
)  # fmt: skip
def test_only_the_thing_the_question_word_asks_of_is_asked_for(text, head, asked):
    from assistant.answer.understand import _asked_as

    assert _asked_as(text, head) is asked


def test_without_extra_after_a_count_is_no_change():
    assert [q.change for q in read("stel we gaan naar 170 cliënten zonder extra fte")] == [None]


def test_a_yes_no_question_of_cost_to_a_calculator_without_amounts_is_its_verdict(fake_assistant):
    a = fake_assistant.ask("Some 75% of our care lies in Drenthe, outside CZ's core regions, and we average 1.7 CZ clients "
                           "per postcode area. Does that cost us the 2027 contract?")
    assert a.tool_calls and a.tool_calls[0].name == "postcode_average", a.answer
