"""A figure taken out of another ("3.000 van de 8.000 zorguren gaan naar zzp'ers") is a part of that whole, in its
unit, and what is said after the whole is said of the part; a reading with no use for a figure of the asker's
("240 cliënten" in a subcontracting reading) weighs less than one that takes them all, and a figure the first
calculation leaves over is calculated with the rule it belongs to; a claim about care above the ceiling, in any
words, meets "tot aan dit omzetplafond"; a version question whose figures stand in both years says what else the
same sentence changed (the nurse's level beside "1 fte op 55 cliënten"). Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of as _args
from answers import first as _first


@pytest.mark.parametrize(
    ("question", "part", "whole"),
    [
        ("3.000 van de 8.000 zorguren gaan naar zzp'ers. Mag dat?", 3000, 8000),
        ("Wij hebben 120 cliënten en 3.000 van de 8.000 zorguren gaan naar zzp'ers. Mag dat?", 3000, 8000),
        ("We subcontract 2,500 out of 6,000 hours to a home care agency; within the limit?", 2500, 6000),
        ("1200 of our 5000 care hours are done by freelancers. OK for 2027?", 1200, 5000),
        ("Bij ons gaat 4.100 van de in totaal 7.000 uur naar onderaannemers, kan dat?", 4100, 7000),
    ],
)
def test_a_figure_out_of_another_is_a_part_of_that_whole(fake_assistant, question, part, whole):
    a = fake_assistant.ask(question)
    args = _args(a, "subcontracting_check")
    assert args.get("total_care_hours") == whole, args
    taken = args.get("subcontracted_hours") or args.get("zzp_hours") or args.get("subcontractor_hours")
    assert taken == part, args
    assert "own_staff_hours" not in args, args


def test_the_whole_keeps_its_own_words_when_said_first(fake_assistant):
    a = fake_assistant.ask("Van onze 9.000 uur doen zzp'ers er 2.000. Mag dat?")
    args = _args(a, "subcontracting_check")
    assert args.get("total_care_hours") == 9000 and (args.get("zzp_hours") or args.get("subcontracted_hours")) == 2000, args


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Wij zijn een coöperatie van zzp-verpleegkundigen: 6 hbo-bachelors met samen 4,5 fte en 240 cliënten. Voldoen we aan de eis?", "Ja: 240 cliënten op 4,5 fte"),
        ("We're a cooperative of self-employed nurses with 5 bachelor nurses (3 fte in total) and 180 clients. Do we meet the staffing rule?", "No: 180 clients on 3 fte"),
    ],
)
def test_a_reading_that_takes_every_figure_wins_over_one_named_by_a_word(fake_assistant, question, said):
    a = fake_assistant.ask(question)
    assert [c.name for c in a.tool_calls] == ["cooperative_staffing_check"], a.tool_calls
    assert _first(a).startswith(said), a.answer


def test_a_figure_left_over_is_calculated_with_its_own_rule(fake_assistant):
    a = fake_assistant.ask(
        "We have 140 clients in 40 postcode areas and subcontract 30% of care hours to zzp nurses. Is that allowed?"
    )
    assert {c.name for c in a.tool_calls} == {"postcode_average", "subcontracting_check"}, a.tool_calls
    first = _first(a)
    assert "3.50" in first and "30%" in first, first


def test_a_figure_left_over_is_not_calculated_when_one_rule_is_asked_by_name(fake_assistant):
    a = fake_assistant.ask("120 cliënten in 35 gebieden, en 20% via een uitzendbureau. Halen we de postcode-eis?")
    assert [c.name for c in a.tool_calls] == ["postcode_average"], a.tool_calls


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        ("Our manager says the policy guarantees that CZ reimburses everything above the revenue ceiling for palliative clients. Can you confirm that's right?", "No"),
        ("Does CZ pay for care we deliver after the ceiling has been exceeded?", "No"),
        ("Vergoedt CZ zorg als we het omzetplafond overschrijden?", "Nee"),
        ("Vergoedt CZ de zorg tot aan het omzetplafond?", "Ja"),
    ],
)
def test_care_above_the_ceiling_in_any_words_meets_up_to_the_ceiling(fake_assistant, question, opens):
    a = fake_assistant.ask(question)
    first = _first(a)
    assert first.startswith(opens), first
    assert "tot aan dit omzetplafond" in first, first


def test_facts_kept_in_both_years_come_with_the_level_the_same_sentence_changed(fake_assistant):
    a = fake_assistant.ask("Is de eis voor zorgcoöperaties van 1 fte hbo-verpleegkundige op 55 cliënten in 2027 hetzelfde als in 2024?")
    first = _first(a)
    assert first.startswith("Ja") and "55" in first, first
    assert "niveau 5/6" in first and "niveau 6" in first, first
    assert {c.year for c in a.citations} == {2024, 2027}, a.citations


def test_asked_of_the_older_text_too(fake_assistant):
    a = fake_assistant.ask("Did the 2024 appendix already have the 1 fte per 55 clients ratio for cooperatives?")
    first = _first(a)
    assert first.startswith("Yes") and "niveau 5/6" in first, first


def test_facts_kept_with_nothing_else_changed_say_only_that(fake_assistant):
    a = fake_assistant.ask("Geldt de 50% onderaanneming in 2027 nog steeds, net als in 2024?")
    first = _first(a)
    assert first.startswith("Ja") and "50%" in first, first
    assert "Ook:" not in first, first


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Existing provider, 150 clients over 45 postcode areas. OK for 2027?", "en"),
        ("Existing provider, 150 clients in 45 areas. Fine?", "en"),
        ("Bestaande aanbieder, 150 clienten over 45 gebieden. OK voor 2027?", "nl"),
        ("Score B, 6 kostenpunten, budget 40k. Percentage?", "nl"),
    ],
)
def test_the_domain_words_tell_the_language_when_the_stop_words_do_not(text, lang):
    from assistant.answer.guards import language

    assert language(text) == lang


def test_new_areas_in_a_follow_up_do_not_make_a_new_provider(fake_assistant):
    cid = "new-areas"
    fake_assistant.ask("Wij zijn bestaande aanbieder met 150 cliënten in 45 postcodegebieden. Voldoen we in 2027?", cid)
    a = fake_assistant.ask("En als we er 10 nieuwe postcodegebieden bij nemen met elk 2 cliënten?", cid)
    args = _args(a, "postcode_average")
    assert (args["total_clients"], args["postcode_areas"], args["provider_type"]) == (170, 55, "existing"), args
    b = fake_assistant.ask("Wij zijn een nieuwe aanbieder met 40 cliënten in 20 postcodegebieden. Voldoen we?")
    assert _args(b, "postcode_average")["provider_type"] == "new", b.tool_calls


def test_an_english_case_is_answered_in_english(fake_assistant):
    a = fake_assistant.ask("Existing provider, 150 clients over 45 postcode areas. OK for 2027?")
    assert _first(a).startswith("Yes: on average 3.33"), a.answer


@pytest.mark.parametrize(
    "question",
    [
        "Gaat CZ de postcode-eis in 2028 verhogen naar 4 cliënten per gebied?",
        "Is the 80% threshold for additional purchase going to change in 2028?",
        "Hoeveel cliënten moeten we in 2028 per postcodegebied hebben?",
    ],
)
def test_a_later_year_the_texts_say_nothing_of_for_the_subject_is_not_stated(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert a.refused and "2028" in _first(a), a.answer
    assert not a.tool_calls, a.tool_calls


def test_a_later_year_the_texts_speak_of_is_answered_from_that_sentence(fake_assistant):
    a = fake_assistant.ask("Wat verandert er in 2028 aan het waardemodel rond reablement?")
    assert not a.refused and "spiegelinformatie" in _first(a), a.answer


@pytest.mark.parametrize(
    ("first", "then", "clients"),
    [
        ("Onze 3 fte casemanagers dementie hebben samen 230 cliënten. Zitten we binnen de norm?",
         "En als we er 25 overdragen aan de praktijkondersteuner?", 205),
        ("Our 2 fte dementia case managers have 150 clients. Within the norm?",
         "What if we transfer 20 of them to another provider?", 130),
        ("Our 2 fte dementia case managers have 150 clients. Within the norm?",
         "And if we hand 15 of the lighter cases back to the GP?", 135),
    ],
)
def test_a_bare_number_handed_over_in_a_follow_up_is_taken_off(fake_assistant, first, then, clients):
    cid = f"handed-{clients}"
    fake_assistant.ask(first, cid)
    a = fake_assistant.ask(then, cid)
    assert _args(a, "dementia_caseload_check")["clients"] == clients, a.tool_calls


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Hoe schrijf je je als nieuwe aanbieder in bij CZ?", "Door een digitale vragenlijst in te vullen in VECOZO"),
        ("How do new providers register with CZ?", "door een digitale vragenlijst in te vullen in VECOZO"),
        ("Hoe dienen we een verzoek tot bijcontractering in?", "Via onze website"),
    ],
)
def test_how_to_register_is_answered_with_the_way_and_the_channel(fake_assistant, question, said):
    a = fake_assistant.ask(question)
    assert said in _first(a), a.answer


@pytest.mark.parametrize(
    ("question", "opens", "said"),
    [
        ("The policy says new providers can register all year round, right?", "No", "28 februari 2027"),
        ("Nieuwe aanbieders kunnen zich toch het hele jaar door inschrijven?", "Nee", "28 februari 2027"),
        ("Mogen we op elk moment een verzoek tot bijcontractering indienen?", "Nee", "september"),
        ("Can we submit a request for bijcontractering at any time of the year?", "No", "september"),
    ],
)
def test_a_time_claimed_without_bounds_is_answered_by_the_sentence_that_bounds_it(fake_assistant, question, opens, said):
    a = fake_assistant.ask(question)
    first = _first(a)
    assert first.startswith(opens) and said in first, a.answer
    assert not a.tool_calls, a.tool_calls
