"""Round 40: an area of the last list named by its place can be given up ("het derde gebied afstoten"); one exclusion
ground the asker says applies decides over a deadline word ("can we still sign?"), and grounds the asker denies are
facts too; two things set against each other ("X vs Y") are asked one by one, the second near the first's answer; a
sentence opened with "met name" / "in particular" narrows the question before it; ", or was there ...?" asks an
alternative of its own, and what only the older text had is there in that year ("Ja, in 2024"); a consequence comes
with the other consequences its passage states; a sentence that says "die hier gebruik van willen maken" is about its
passage's own heading; "in welke bijlage" asks where a clause stands. Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import first as _first

from assistant.answer.parts import same_frame, split_parts

# --- the last list of areas ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (["Bestaande aanbieder, 2027: we hebben 7, 1 en 4 cliënten in drie postcodegebieden. Voldoen we?",
          "En als we het tweede gebied afstoten, wat wordt dan het gemiddelde?"], "5,50"),
        (["Existing provider, 2027: our three postcode areas have 2, 6 and 1 clients. Do we comply?",
          "Suppose we stop serving the first area. What is our average then?"], "3.50"),
        (["Bestaande aanbieder 2027: 4 cliënten in 5611, 1 in 5612 en 2 in 5613. Klopt dat?",
          "we trekken ons terug uit het tweede gebied: hoe zit het dan?"], "3,00"),
    ],
)  # fmt: skip
def test_an_area_named_by_its_place_is_given_up(fake_assistant, turns, expected):
    cid = f"drop40{turns[0][:4]}"
    fake_assistant.ask(turns[0], conversation_id=cid)
    a = fake_assistant.ask(turns[1], conversation_id=cid)
    assert expected in _first(a), a.answer
    assert "÷ 2" in _first(a), a.answer


def test_some_clients_of_an_area_named_by_its_place_are_handed_over(fake_assistant):
    cid = "drop40part"
    fake_assistant.ask("Existing provider, 2027: our areas have 6, 2 and 1 clients. Do we comply?", conversation_id=cid)
    a = fake_assistant.ask("Suppose we transfer 3 clients of the first area to a colleague?", conversation_id=cid)
    assert "(6 ÷ 3)" in _first(a) and "2.00" in _first(a), a.answer


# --- exclusion grounds -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["We owe back VAT in Germany, where our head office is. Can we still sign for 2027?",
     "We lopen achter met de afdracht van onze loonheffing. Mogen we voor 2027 toch tekenen?"],
)  # fmt: skip
def test_a_ground_the_asker_states_decides_over_a_deadline_word(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(("No", "Nee")), a.answer
    assert "3.2.3" in _first(a), a.answer
    assert any(c.section == "3.2.3" for c in a.citations), a.citations


def test_grounds_the_asker_denies_are_facts_too(fake_assistant):
    a = fake_assistant.ask("Wij zijn niet failliet en hebben geen belastingschuld. Worden we voor 2027 uitgesloten?")
    first = _first(a)
    assert "geen uitsluitingsgrond" in first, a.answer
    assert "belasting" not in first.lower(), a.answer


# --- parts -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("Hoe groot is het aandeel generalistische versus specialistische wijkverpleging?", ("generalistische", "specialistische")),
        ("How large is the share of generalist care vs specialist care?", ("generalist care", "specialist care")),
    ],
)  # fmt: skip
def test_two_things_set_against_each_other_are_asked_one_by_one(question, sides):
    parts = [own for _, own in split_parts(question)]
    assert len(parts) == 2, parts
    for part, side in zip(parts, sides, strict=True):
        assert side in part and " vs " not in part and "versus" not in part, parts


@pytest.mark.parametrize(
    "question",
    ["Wat krijgen we bij een A vs een B in 2027?", "eigen medewerkers versus zzp'ers: hoeveel mag dat zijn?"],
)
def test_no_contrast_between_figures_or_sides_of_unlike_form(question):
    assert len(split_parts(question)) == 1


def test_same_frame():
    assert same_frame("Hoeveel krijgt een aanbieder met een A?", "Hoeveel krijgt een aanbieder met een B?")
    assert not same_frame("Wanneer opent de inschrijving?", "Welke stukken horen bij het verzoek?")


def test_each_side_of_a_contrast_gets_its_share(fake_assistant):
    a = fake_assistant.ask("Welke verdeling hanteert CZ: generalistische versus specialistische wijkverpleging?")
    first = _first(a)
    assert "10%" in first and "90%" in first, a.answer


def test_a_sentence_opened_with_in_particular_narrows_the_question_before_it():
    parts = split_parts("Wat is er voor de wondzorg veranderd tussen 2024 en 2027? Vooral: wie coördineert en wie betaalt")
    assert len(parts) == 2, parts
    for full, _ in parts:
        assert "2024" in full and "2027" in full and "wondzorg" in full, parts


def test_narrowed_version_question_gives_both_texts(fake_assistant):
    a = fake_assistant.ask("Is de kindzorg anders geregeld in 2027 dan in 2024? In het bijzonder: wie stelt de indicatie?")
    assert "niveau 5" in a.answer and "niveau 6" in a.answer, a.answer


def test_an_alternative_after_or_is_a_question_of_its_own():
    parts = [own for _, own in split_parts("Did that rule already hold in 2024, or was there a phase-in?")]
    assert parts == ["Did that rule already hold in 2024?", "was there a phase-in?"], parts


def test_what_only_the_older_text_had_is_there_in_that_year(fake_assistant):
    a = fake_assistant.ask("Gold in 2024 voor bestaande aanbieders al een overgangsperiode voor onderaanneming?")
    first = _first(a)
    assert first.startswith("Ja, in 2024") and "ingroeimodel" in first, a.answer


# --- clause answers --------------------------------------------------------------------------------------------------


def test_a_consequence_comes_with_the_others_its_passage_states(fake_assistant):
    a = fake_assistant.ask("Wat zijn de gevolgen als onze kwaliteitsgegevens pas in juni in VECOZO staan?")
    quotes = " ".join(c.quote for c in a.citations)
    assert "C-score" in quotes and "na 31 mei binnenkomt" in quotes, a.answer


def test_dates_of_english_quotes_are_glossed_beside_a_glossed_line(fake_assistant):
    a = fake_assistant.ask("What are the consequences if our quality data reach VECOZO only in June?")
    assert "“31 mei” = 31 May" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "date"),
    [("Uiterlijk wanneer moet een projectplan voor het innovatiebudget binnen zijn?", "1 augustus 2027"),
     ("What is the last day to ask for money from the innovation budget?", "1 August 2027")],
)  # fmt: skip
def test_a_sentence_about_its_passage_heading_answers_for_it(fake_assistant, question, date):
    a = fake_assistant.ask(question)
    assert date in _first(a), a.answer
    assert any(c.section == "2.3.6" for c in a.citations), a.citations


def test_an_intake_freeze_is_the_zorgstop(fake_assistant):
    a = fake_assistant.ask("We may need an intake freeze next spring. Which steps does CZ want us to take?")
    quotes = " ".join(c.quote for c in a.citations)
    assert "zorgstop" in quotes and "CZ Zorginkoop" in quotes, a.answer


def test_which_appendix_asks_where_a_clause_stands(fake_assistant):
    a = fake_assistant.ask("In welke bijlage stonden de eisen voor kindzorg in 2024 en in welke staan ze in 2027?")
    assert "Bijlage 2" in _first(a) and "1.4.4" in _first(a), a.answer


def test_a_part_whose_subject_is_a_pronoun_keeps_the_subject_before_it(fake_assistant):
    a = fake_assistant.ask("Welke opleiding heeft een wondregisseur nodig? En wat moet zij technisch beheersen?")
    assert "doppleronderzoek" in a.answer, a.answer
    assert "medisch-technische aspect" not in a.answer, a.answer


def test_how_much_budget_asks_an_amount(fake_assistant):
    a = fake_assistant.ask("Hoeveel budget mogen wij volgend jaar ten hoogste opnemen voor de H&A-functie?")
    assert "2026" in _first(a) and not a.refused, a.answer


def test_areas_given_up_with_their_clients_together(fake_assistant):
    cid = "drop40together"
    fake_assistant.ask("Bestaande aanbieder, kernwerkgebied: 200 CZ-cliënten in 70 postcodegebieden. Halen we 2027?",
                       conversation_id=cid)  # fmt: skip
    a = fake_assistant.ask("En als we 5 gebieden opgeven waar we bij elkaar 8 cliënten hebben?", conversation_id=cid)
    assert "(192 ÷ 65)" in _first(a), a.answer


def test_a_part_after_a_stated_ground_asks_its_own_thing(fake_assistant):
    a = fake_assistant.ask(
        "Twee vragen: (1) we zijn failliet verklaard, kunnen we in 2027 nog contracteren? (2) we werden vorig jaar als "
        "nieuwe aanbieder afgewezen, kunnen we ons nog eens aanmelden?"
    )
    assert "3.2.3" in a.answer and "toegevoegde waarde" in a.answer, a.answer


def test_that_one_area_with_a_count_is_named_by_its_count(fake_assistant):
    cid = "drop40ene"
    fake_assistant.ask("Nieuwe aanbieder 2027, kernwerkgebied: per postcode 6, 3, 1 en 2 cliënten. Halen we het?", conversation_id=cid)
    a = fake_assistant.ask("En als dat ene gebied met 1 cliënt eruit gaat?", conversation_id=cid)
    assert "(11 ÷ 3)" in _first(a), a.answer
