"""Round 35: a claim that a missed step brings no more than one mild consequence is set right (or confirmed) by the
sentence that says what missing it brings; English glosses keep a bound with its figure and what it counts ("minimaal
3 personen" = at least 3 persons); "how large is such a team?" asks a count of people; a follow-up that adds areas
"with N clients each" adds that many places to the last list; a change verb of one clause does not reach a count of
the next clause ("... stopt en wij komen dan uit op 300 cliënten"). Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of as _args
from answers import first as _first
from answers import talk as _talk

from assistant.answer import asked as asked_module
from assistant.answer.asked import asked
from assistant.answer.compose import gloss_en
from assistant.domain import Citation
from assistant.text.quantities import read

# --- a claimed mild consequence of a missed step ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "dat we na 31 mei alleen een herinnering krijgen",
        "handing in the quality data late just means a reminder, nothing more",
    ],
)
def test_a_claim_of_only_one_consequence_of_a_missed_step_is_recognised(claim):
    assert asked_module.claims_only_consequence(claim)


@pytest.mark.parametrize("claim", ["dat we na 31 mei de data kunnen aanleveren", "we only have 2 areas"])
def test_a_claim_without_both_an_only_and_a_missed_step_is_not_one(claim):
    assert not asked_module.claims_only_consequence(claim)


@pytest.mark.parametrize(
    "question",
    [
        "Klopt het dat te late aanlevering van kwaliteitsinformatie ons alleen een boete oplevert?",
        "Is it right that quality information handed in after 31 May just earns a reminder?",
    ],
)
def test_a_mild_consequence_claimed_for_late_quality_data_is_set_right_with_the_c_score(fake_assistant, question):
    a = fake_assistant.ask(question)
    first = _first(a)
    assert first.startswith(("Nee", "No")), a.answer
    assert "C-score" in first and "2.3.4" in first, a.answer


def test_the_consequence_the_policy_states_is_confirmed(fake_assistant):
    a = fake_assistant.ask("Als de kwaliteitsinformatie pas na 31 mei binnen is, volgt alleen een C-score, klopt dat?")
    assert _first(a).startswith("Ja") and "C-score" in _first(a), a.answer


# --- glosses of bounded figures --------------------------------------------------------------------------------------


def _cite(quote: str) -> Citation:
    return Citation(clause_id="wv2027/x", doc="wv2027", year=2027, section="x", title="x", quote=quote)


def test_a_bound_is_glossed_with_its_figure_and_what_it_counts():
    gloss = gloss_en([_cite("Een specialist met minimaal 2 jaar werkervaring; het team telt ten minste 4 personen.")])
    assert "“minimaal 2 jaar” = at least 2 years" in gloss, gloss
    assert "“ten minste 4 personen” = at least 4 persons" in gloss, gloss
    assert "“minimaal” = at least" not in gloss, gloss  # every "minimaal" already glossed with its figure


def test_a_bound_with_a_percentage_and_one_of_one_thing():
    gloss = gloss_en([_cite("maximaal 1 maand en ten hoogste 40% van de uren; minimaal 1 van de volgende")])
    assert "“maximaal 1 maand” = at most 1 month" in gloss and "“ten hoogste 40%” = at most 40%" in gloss, gloss
    assert "“minimaal” = at least" in gloss, gloss  # "minimaal 1 van de" has no counted noun: the bare bound stays


# --- the size of a group ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Bij de regiefunctie voor complexe wondzorg: hoe groot dient het team te zijn?", "How large is the team that coordinates complex wound care?"],
)
def test_the_size_of_a_team_is_a_count_of_people(question):
    a = asked(question)
    assert a is not None and a.kind == "count" and a.unit == "staff", a


def test_the_team_size_is_answered_with_the_persons_not_another_count(fake_assistant):
    a = fake_assistant.ask("Regiefunctie bij complexe wondzorg: hoe groot is het team minimaal?")
    assert "3 personen" in _first(a), a.answer


# --- follow-ups that add areas or name a new total -------------------------------------------------------------------


@pytest.mark.parametrize(
    "follow_up",
    ["Stel dat er nog 3 nieuwe postcodegebieden bij komen met elk 1 cliënt?", "And if we add three new areas with one client each?"],
)
def test_new_areas_with_each_a_count_extend_the_last_list(fake_assistant, follow_up):
    a = _talk(
        fake_assistant,
        "Als zittende zorgaanbieder binnen het kernwerkgebied hebben we per postcode 4, 3, 2 en 5 CZ-cliënten. Voldoen we daarmee in 2027?",
        follow_up,
    )
    first = _first(a)
    assert first.startswith(("Nee", "No")) and ("17" in first and "7" in first), a.answer
    assert ("2,43" in first or "2.43" in first), a.answer


def test_a_change_verb_does_not_reach_the_count_of_the_next_clause():
    qs = read("stel dat er straks iemand met 0,6 fte vertrekt en we met de nieuwe wijk op 280 cliënten uitkomen")
    fte = next(q for q in qs if q.unit == "fte")
    clients = next(q for q in qs if q.unit == "clients")
    assert fte.change == "less" and clients.change is None, qs


def test_the_new_total_of_clients_is_taken_as_said(fake_assistant):
    a = _talk(
        fake_assistant,
        "Onze zorgcoöperatie heeft 5 fte hbo-bachelor verpleegkundigen; wat is ons maximum aan cliënten?",
        "Als in het voorjaar een verpleegkundige van 0,6 fte vertrekt en we met de nieuwe wijk op 280 cliënten uitkomen, hoeveel fte "
        "is er dan nodig?",
    )
    args = _args(a, "cooperative_staffing_check")
    assert args["clients"] == 280 and args["hbo_bachelor_nurse_fte"] == 4.4, args
    assert "5,09" in a.answer, a.answer


def test_a_requested_bankruptcy_is_glossed_in_english():
    gloss = gloss_en([_cite("wiens faillissement is aangevraagd")])
    assert "“aangevraagd” = applied for (requested)" in gloss, gloss


# --- a rule said to have moved, and a reported claim -----------------------------------------------------------------


def test_a_rule_said_to_be_lowered_is_set_right_and_the_askers_own_average_is_used(fake_assistant):
    a = fake_assistant.ask(
        "Een collega-aanbieder schrijft dat CZ de postcodenorm voor 2027 bij zittende aanbieders heeft teruggebracht "
        "naar 2 per gebied (CZ-cliënten). Zelf halen we gemiddeld 2,6, dus dat is in orde, toch?"
    )
    assert a.answer.startswith("Nee"), a.answer
    assert "2,60" in a.answer and "2026" in a.answer, a.answer


# --- a result of the last calculation, claimed -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("follow_up", "wanted"),
    [
        ("Dan krijgen we dus gewoon 100%, klopt dat?", "niet 100%"),
        ("Please confirm that we will be paid the full €50,000 of honoured budget.", "45,000"),
    ],
)
def test_a_claimed_result_after_the_staffel_is_checked_against_it(fake_assistant, follow_up, wanted):
    a = _talk(
        fake_assistant,
        "Onze scores: A over 2026 en B over 2027, met 5 kostenpunten. Welk percentage van het extra budget wordt vergoed?",
        follow_up,
    )
    first = _first(a)
    assert first.startswith(("Nee", "No")) and "90%" in first and wanted in first, a.answer


# --- a claimed table value for a case ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Je krijgt met een A over 2026 altijd 100%. Klopt dat?",
        "An A for 2026 is enough to get 100% back, isn't it?",
    ],
)
def test_a_claimed_staffel_value_is_decided_by_the_row_of_the_case_named(fake_assistant, question):
    a = fake_assistant.ask(question)
    first = _first(a)
    assert first.startswith(("Nee", "No")) and "90%" in first, a.answer


def test_the_row_that_holds_the_case_named_confirms_it(fake_assistant):
    a = fake_assistant.ask("Twee keer een A (2026 én 2027) geeft 100%, toch?")
    assert _first(a).startswith("Ja") and "100%" in _first(a), a.answer


def test_who_reported_a_claim_is_no_word_of_it():
    from assistant.answer.premise import without_reporter

    said = without_reporter("Onze relatiebeheerder zei dat de inschrijving tot 1 april loopt. Klopt dat?")
    assert said.startswith("de inschrijving") and said.endswith("Klopt dat?"), said
    assert without_reporter("Wanneer sluit de inschrijving?") == "Wanneer sluit de inschrijving?"
