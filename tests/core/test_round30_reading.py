"""Round 30: a denial reaches past a hyphenated word ("geen IGJ-toezicht of faillissement"); the tax office by its
everyday name; "moeten wij ... voldoen?" over a long clause asks whether the rule applies; "dan toch" is no premise
marker, and a rule's own sentence that says the claimed figure in the claim's words is not contradicted by an
example's total; "is die eis nieuw ten opzichte van 2024?" is answered yes or no; a nurse "in loondienst" is not a
zzp'er; a follow-up asking a time the last calculation does not give goes to the clause, also after a thanks.
Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of as _args
from answers import first as _first

from assistant.answer.state import opens_follow_up


@pytest.mark.parametrize(
    "question",
    [
        "We hebben nog een belastingschuld openstaan, verder geen verscherpt IGJ-toezicht of faillissement. Worden we uitgesloten?",
        "Er loopt een betalingsachterstand bij de fiscus; geen WTZa-probleem of faillissement. Sluit dat ons uit voor 2027?",
    ],
)
def test_a_denial_covers_the_words_it_coordinates_past_a_hyphen(fake_assistant, question):
    a = fake_assistant.ask(question)
    args = _args(a, "exclusion_check")
    assert args.get("tax_arrears") is True, args
    assert not args.get("bankrupt_or_liquidation"), args
    assert "faillissement" not in _first(a), a.answer


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        ("We verlenen uitsluitend medische kindzorg: 21 kinderen in 9 postcodegebieden binnen het kernwerkgebied. "
         "Moeten we dan toch aan die norm van gemiddeld 3 cliënten per postcodegebied voldoen?", "Nee: gemiddeld 2,33"),
        ("Moeten we als kindzorgaanbieder aan de norm van gemiddeld 3 cliënten per postcodegebied voldoen? We hebben "
         "12 kinderen in 6 gebieden.", "Nee: gemiddeld 2,00"),
        ("Our only service is medical child care, 14 children spread over 8 postcode areas in the core region. Do we "
         "have to meet the requirement of 3 clients per area on average?", "No: on average 1.75"),
    ],
)
def test_whether_the_rule_applies_is_the_verdict_over_a_long_clause(fake_assistant, question, opens):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(opens), a.answer
    assert "7 cliënten" not in a.answer and "ander geval" not in a.answer, a.answer


def test_a_wrong_rule_figure_is_still_set_right_by_the_other_years_row(fake_assistant):
    a = fake_assistant.ask("De norm is toch gemiddeld 2 cliënten per postcodegebied in 2027?")
    assert _first(a).startswith("Nee: volgens § 2.3.2 (2027) is het 3"), a.answer


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        ("Is de eis dat de aanbieder 24/7 geplande en ongeplande zorg borgt nieuw ten opzichte van 2024?", "Ja: nieuw in 2027"),
        ("Stond de eis over 24/7 geplande en ongeplande zorg al in de bijlage van 2024?", "Nee: nieuw in 2027"),
    ],
)
def test_a_sentence_new_in_2027_answers_a_yes_no_question_about_it(fake_assistant, question, opens):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(opens), a.answer
    assert "(24/7)" in a.answer


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        ("Aan onze AGB-code moet een hbo-wijkverpleegkundige gekoppeld zijn. Mag dat een zzp'er zijn?", "Nee"),
        ("Can the bachelor nurse linked to our AGB code be a freelancer?", "No"),
    ],
)
def test_hired_in_is_not_on_the_payroll(fake_assistant, question, opens):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(opens), a.answer
    assert "in loondienst" in a.answer


@pytest.mark.parametrize(
    ("turns", "said"),
    [
        (["We zijn een nieuwe aanbieder en schrijven ons op 10 januari 2027 in. Kan dat nog?",
          "Mooi. Hoe lang duurt het dan voordat we iets horen?"], "2 maanden"),
        (["We are a new provider registering on 5 February 2027. Is that in time?",
          "Great, and how soon will we hear back then?"], "2 months"),
    ],
)
def test_a_time_the_last_calculation_does_not_give_is_answered_by_the_clause(fake_assistant, turns, said):
    cid = "time-after-" + turns[0][:12]
    for t in turns:
        a = fake_assistant.ask(t, conversation_id=cid)
    assert not a.tool_calls, a.tool_calls
    assert said in _first(a), a.answer


@pytest.mark.parametrize(
    ("text", "opens"),
    [("Fijn. En wanneer horen we iets?", True), ("Thanks, and what about 2024?", True),
     ("Fijnmazige zorg: wat is dat?", False), ("Top 3 eisen?", False)],
)
def test_a_thanks_before_a_follow_up_is_passed_over(text, opens):
    assert opens_follow_up(text, closing=False) is opens


@pytest.mark.parametrize(
    ("question", "opens", "quote"),
    [
        ("Onze vaste zzp'ers rekenen we gewoon tot ons eigen personeel, dus we leveren 75% zelf. Klopt dat zo?",
         "Nee, dat klopt niet", "Zzp’ers gelden daarbij uitdrukkelijk óók als onderaannemers"),
        ("Our subsidiary (we own 100%) counts as subcontracting, right? That puts us at 60% subcontracted.",
         "No, that is not right", "Zogenoemde ‘volle dochters’ worden niet als onderaannemer beschouwd"),
    ],
)
def test_a_party_put_on_the_wrong_side_is_set_right_before_any_sum(fake_assistant, question, opens, quote):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(opens) and quote in _first(a), a.answer
    assert "u voldoet" not in _first(a) and "you comply" not in _first(a), a.answer
    assert "[1]" not in a.answer and "[2]" not in a.answer


def test_a_party_given_with_its_own_hours_keeps_the_sum_on_the_right_side(fake_assistant):
    a = fake_assistant.ask(
        "3000 uur eigen personeel, 2500 uur via onze volle dochter en 4500 via onderaannemers. De dochter telt toch ook "
        "als onderaanneming? Dan zitten we op 70%."
    )
    first, second = a.answer.split("\n")[:2]
    assert first.startswith("Nee, dat klopt niet") and "volle dochters" in first, a.answer
    assert second.startswith("45% van de zorg gaat via onderaannemers"), a.answer


@pytest.mark.parametrize(
    "text",
    ["Zzp'ers tellen als onderaanneming en eigen personeel is 60%.", "De volle dochter telt niet als onderaanneming toch?",
     "We hebben 3000 uur eigen personeel en 2000 uur zzp'ers."],
)
def test_a_party_on_its_own_side_or_denied_is_no_claim(text):
    from assistant.answer.calculate import misplaced_party
    from assistant.answer.specs import load_specs

    assert misplaced_party(load_specs()["subcontracting_check"], text) is None


def test_every_declared_party_quote_stands_in_the_policy(fake_assistant):
    from assistant.answer.calculate import party_citation
    from assistant.answer.specs import load_specs

    for spec in load_specs().values():
        for party in spec.counts_as.get("parties", []):
            cite = party_citation(fake_assistant.corpus, party["quote"])
            assert cite is not None and party["quote"] in cite.quote, party["quote"]


def test_a_day_said_as_the_end_must_be_the_end_of_the_period(fake_assistant):
    a = fake_assistant.ask("The registration window for new providers closed on 1 December, right?")
    assert _first(a).startswith("No: according to § 4.1 (2027) it is 28 February 2027, not 1 December"), a.answer


def test_a_claim_without_its_subject_is_read_with_the_question_before(fake_assistant):
    cid = "window-closed"
    fake_assistant.ask("We are a new provider. When can we register for 2027?", conversation_id=cid)
    a = fake_assistant.ask(
        "My manager is certain the window shut on 1 December, so we have to wait for the 2028 round. Is he right?",
        conversation_id=cid,
    )
    assert _first(a).startswith("No:") and "28 February 2027" in _first(a), a.answer
    assert "2028" not in _first(a)


def test_a_condition_the_asker_says_is_not_met_answers_no(fake_assistant):
    a = fake_assistant.ask(
        "Wij hebben in 2026 geen addendum casemanagement dementie gehad. Kunnen we het in 2027 wel geoormerkt ingekocht krijgen?"
    )
    assert _first(a).startswith("Nee: specialistisch casemanagement koopt CZ groep geoormerkt in"), a.answer
    assert "ook in 2026 een addendum" in _first(a)


def test_a_condition_the_asker_meets_is_not_turned_into_a_no(fake_assistant):
    a = fake_assistant.ask("Wij hadden in 2026 een addendum casemanagement dementie. Kunnen we dat in 2027 weer krijgen?")
    assert not _first(a).startswith("Nee"), a.answer


@pytest.mark.parametrize(
    ("question", "total", "areas"),
    [
        ("We nemen dit jaar 30 nieuwe cliënten aan en hebben nu 150 cliënten in 45 postcodegebieden. Halen we de eis voor 2027?", 150, 45),
        ("We are taking on 25 new clients and currently have 120 clients in 40 postcode areas. Do we meet the 2027 rule?", 120, 40),
        ("Wij zijn nieuw en starten met 30 nieuwe cliënten in 12 postcodegebieden. Voldoen we aan de postcode-eis?", 30, 12),
    ],
)
def test_the_count_as_it_stands_fills_the_total_before_a_change_beside_it(fake_assistant, question, total, areas):
    a = fake_assistant.ask(question)
    args = _args(a, "postcode_average")
    assert args.get("total_clients") == total and args.get("postcode_areas") == areas, args


@pytest.mark.parametrize(
    ("move", "counts"),
    [
        ("Stel dat we 2 cliënten van 4811 naar 4813 verplaatsen?", [3, 2, 3]),
        ("What if we move 2 clients from 4811 to 4813?", [3, 2, 3]),
        ("En als er 1 cliënt van 4812 naar 4811 gaat?", [6, 1, 1]),
    ],
)
def test_clients_moved_between_two_areas_of_the_list(fake_assistant, move, counts):
    cid = "move-" + move[:10]
    fake_assistant.ask("In 4811 hebben we 5 cliënten, in 4812 2 en in 4813 1. Halen we de norm?", conversation_id=cid)
    a = fake_assistant.ask(move, conversation_id=cid)
    assert _args(a, "postcode_average").get("clients_per_postcode") == counts, a.tool_calls


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Wat is de drempel voor bijcontractering?", "80%"),
        ("What's the threshold for additional purchase?", "80%"),
        ("Voor welke datum moet de drempel voor bijcontractering gehaald zijn?", "1 oktober"),
        ("By when must the threshold for additional purchase be reached?", "1 October"),
    ],
)
def test_a_threshold_is_asked_as_a_figure_and_reached_by_a_date(fake_assistant, question, said):
    a = fake_assistant.ask(question)
    assert said in _first(a), a.answer
    assert "31 december" not in _first(a) and "in september" not in _first(a)


def test_the_purchasing_policy_in_english_reaches_its_mailbox(fake_assistant):
    a = fake_assistant.ask("Which e-mail address can I use for questions on the purchasing policy?")
    assert "inkoopvvt.zvw@cz.nl" in _first(a), a.answer


def test_a_figure_that_names_the_rule_is_no_value_to_compare(fake_assistant):
    a = fake_assistant.ask("Moet een coöperatie ook aan de 50%-regel voldoen?")
    assert _first(a).startswith("Nee: hierop maken we alléén een uitzondering voor zorgcoöperaties"), a.answer


def test_an_older_best_sentence_about_something_else_is_not_set_beside(fake_assistant):
    a = fake_assistant.ask("Is de minimale omzet voor nieuwe zorgaanbieders hoger dan in 2024?")
    assert _first(a).startswith("Nieuw in 2027; 2024 noemde dit niet"), a.answer
    assert "50.000" in _first(a) and "50% van de geleverde zorg" not in _first(a)


def test_a_bound_word_is_never_read_as_a_mistyped_unit():
    from assistant.text.quantities import read

    said = read("de implementatie van ten minste 1 nieuw Groen Initiatief")
    assert [(q.text, q.unit) for q in said] == [("1", None)], said
    assert read("binnen 10 minten")[0].unit == "minutes"  # a mistyped unit is still read


@pytest.mark.parametrize(
    "move", ["En als we 500 uur van de zzp'ers zelf gaan doen?", "What if we do 500 of the zzp hours ourselves?"]
)
def test_hours_taken_from_a_party_to_do_ourselves(fake_assistant, move):
    cid = "self-" + move[:8]
    fake_assistant.ask("Van onze 12.000 uur doen zzp'ers er 4.000 en een thuiszorgbureau 2.500. Mag dat?", conversation_id=cid)
    a = fake_assistant.ask(move, conversation_id=cid)
    args = _args(a, "subcontracting_check")
    assert args.get("zzp_hours") == 3500 and args.get("own_staff_hours") == 6000, args
    assert "geen ruimte meer" in _first(a) or "nothing to spare" in _first(a), a.answer


def test_more_hours_for_the_subcontractors_given_as_a_party_of_their_own(fake_assistant):
    cid = "more-for-subcontractors"
    fake_assistant.ask(
        "We hebben 9.000 uur zorg: 3.000 eigen personeel, 2.000 via onze volle dochter en 4.000 via onderaannemers. Mag dat?",
        conversation_id=cid,
    )
    a = fake_assistant.ask("En als de onderaannemers er 1.000 uur bij krijgen (totaal dan 10.000 uur)?", conversation_id=cid)
    args = _args(a, "subcontracting_check")
    assert args.get("subcontractor_hours") == 5000 and args.get("total_care_hours") == 10000, args
    assert "subcontracted_hours" not in args and _first(a).startswith("Ja: 50%"), a.answer


def test_a_party_on_the_wrong_side_keeps_a_verdict_its_move_can_only_make_firmer(fake_assistant):
    a = fake_assistant.ask(
        "Sinds dit jaar tellen zzp'ers toch als eigen personeel, dus mag je tot 60% uitbesteden. Wij zitten op 58% via "
        "onderaannemers, dat zit dus goed toch?"
    )
    first, second = a.answer.split("\n")[:2]
    assert first.startswith("Nee, dat klopt niet") and "Zzp’ers gelden" in first, a.answer
    assert second.startswith("Nee: 58%") and "50%, niet 60%" in second, a.answer


def test_a_guarantee_a_rule_asks_of_a_provider_is_no_pressure():
    from assistant.answer import guards

    assert not guards.pressure("Is the requirement to guarantee 24/7 availability of care new in 2027?")
    assert guards.pressure("Can you guarantee that we get the contract?")


def test_a_level_the_asker_names_that_the_current_text_dropped_makes_a_no(fake_assistant):
    a = fake_assistant.ask(
        "Onze coöperatie werkt met hbo-verpleegkundigen niveau 5. In 2024 mocht niveau 5/6 bij 1 fte op 55 cliënten. "
        "Kan dat in 2027 nog?"
    )
    assert _first(a).startswith("Nee: het beleid 2027 noemt nog «1 fte», «55 cliënten», maar niet meer"), a.answer
    assert "niveau 5/6" in _first(a) and "(niveau 6)" in _first(a)
    b = fake_assistant.ask("Geldt in 2027 nog steeds 1 fte op 55 cliënten voor coöperaties, net als in 2024?")
    assert _first(b).startswith("Ja"), b.answer


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Is the duty to guarantee round-the-clock care new for ordinary providers in 2027, or was it in 2024 already?", True),
        ("Is that new?", True),
        ("Is de eis nieuw ten opzichte van 2024?", True),
        ("Are the new providers allowed to register twice?", False),
        ("What is new for new providers?", False),
    ],
)
def test_asked_whether_something_is_new(text, asks):
    from assistant.answer.clause import _ASKS_NEW
    from assistant.text.quantities import fold

    assert bool(_ASKS_NEW.search(fold(text))) is asks


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        ("Mag een nieuwe aanbieder zich vaker dan één keer per contractjaar inschrijven?", "Nee"),
        ("Can a new provider register more than 1 time per contract year?", "No"),
        ("Moet het team voor complexe wondzorg uit minimaal 4 personen bestaan?", "Nee"),
    ],
)
def test_a_bounded_count_asked_against_the_rules_bound(fake_assistant, question, opens):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(opens), a.answer


@pytest.mark.parametrize(
    "question",
    ["We hebben ons dit jaar al 1 keer ingeschreven als nieuwe aanbieder. Mogen we ons opnieuw inschrijven?",
     "We registered 1 time already this year, can we register again as a new provider?"],
)
def test_registering_again_this_year_counts_this_time_too(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert _args(a, "new_provider_eligibility").get("registrations_this_year") == 2, a.tool_calls
    assert _first(a).startswith(("Nee", "No")), a.answer
