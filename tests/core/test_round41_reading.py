"""Round 41: a client word of five letters with one letter left out is still a client word; the count of the areas
a follow-up gives up is no figure of the rule; a revenue said after a question about the ceiling alone is measured
against that ceiling; an amount another calculator names far more strongly goes to that calculator; ", dus 72.000?"
asks whether what follows is right; a figure of a rule the follow-up claims is checked, and "our 2.7" is the average
said again; a cue of two words also matches them joined by a hyphen; a part of a message with no subject of its own
("en hoe snel krijg ik antwoord") is answered near the part before, and a part with a pronoun for the thing borrows
the thing, not what it was for. Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import first as _first
from answers import talk

from assistant.answer.parts import names_no_subject, split_parts
from assistant.text.quantities import lexicon

# --- reading the figures ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "unit"), [("clint", "clients"), ("clent", "clients"), ("gebid", "areas")])
def test_a_unit_word_with_one_letter_left_out(word, unit):
    assert lexicon().unit_for(word) == unit


@pytest.mark.parametrize("word", ["clnt", "gbed", "cleint", "lcient"])
def test_four_letter_words_and_two_slips_are_no_unit(word):
    expected = {"cleint": "clients", "lcient": "clients"}.get(word)  # (a swap of two letters is one slip)
    assert lexicon().unit_for(word) == expected


@pytest.mark.parametrize(
    "follow",
    ["en als we de twee gebieden met maar 1 clint eruit halen, halen we het dan?",
     "what if we hand over the two areas with just 1 clent each?"],
)  # fmt: skip
def test_areas_given_up_by_their_count_are_no_figure_of_the_rule(fake_assistant, follow):
    a = talk(fake_assistant, "cliënten per postcode: 4, 2, 1, 5, 1 en 2. bestaande aanbieder. voldoen we voor 2027?", follow)
    assert "3,25" in _first(a) or "3.25" in _first(a), a.answer
    assert "(13 ÷ 4)" in _first(a), a.answer
    assert "niet 1" not in _first(a) and "not 1" not in _first(a), a.answer


# --- follow-ups that build on the last calculation ------------------------------------------------------------------


def test_a_revenue_after_a_question_about_the_ceiling_alone_uses_that_ceiling(fake_assistant):
    cid = "ceiling41"
    first = fake_assistant.ask(
        "Wij hebben voor 2027 een plafond van 800.000 euro. Bij welke omzet kunnen we extra budget aanvragen?", conversation_id=cid
    )
    assert "640.000" in _first(first), first.answer
    a = fake_assistant.ask(
        "eind augustus 2027 hebben we 600k gedeclareerd en we scoren B met 3 kostenpunten. Komen we in aanmerking voor "
        "bijcontractering?",
        conversation_id=cid,
    )
    assert _first(a).startswith("Nee"), a.answer
    assert "75%" in _first(a) and "€ 640.000" in _first(a), a.answer
    assert ", dus u komt niet in aanmerking" in _first(a), a.answer  # (under the threshold: no "maar")
    assert "minder dan 5 punten" in _first(a), a.answer


@pytest.mark.parametrize(
    ("follow", "expected"),
    [("Say CZ honours an extra €50,000. We scored A in both 2026 and 2027. What share of that extra amount is paid?",
      "€50,000"),
     ("Stel dat CZ 30.000 euro extra budget honoreert. In 2026 en 2027 hadden we een A. Welk deel krijgen we vergoed?",
      "€ 30.000")],
)  # fmt: skip
def test_an_amount_the_staffel_names_far_more_strongly_goes_to_the_staffel(fake_assistant, follow, expected):
    a = talk(
        fake_assistant,
        "Our ceiling for 2027 is €900,000 and on 10 September we had reached €760,000. Score A. May we request extra "
        "budget?",
        follow,
    )
    assert "100%" in _first(a) and expected in _first(a), a.answer
    assert a.tool_calls and a.tool_calls[-1].name == "staffel_percentage", a.tool_calls


@pytest.mark.parametrize(
    ("question", "amount"),
    [("In 2026 scoorden we B met 6 kostenpunten; onze aanvraag voor extra budget van 80.000 euro is toegekend. Dan "
      "krijgen we toch 90% vergoed, dus 72.000?", "68.000"),
     ("We scored B in 2026 with 7 cost points and got 50,000 extra granted. So we get 90% back, so 45,000?", "42,500")],
)  # fmt: skip
def test_a_conclusion_after_a_claim_asks_whether_the_claim_is_right(fake_assistant, question, amount):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(("Nee", "No")), a.answer
    assert "85%" in _first(a) and amount in _first(a), a.answer
    assert "90%" in _first(a), a.answer  # "— niet 90%"


def test_a_bare_budget_in_a_staffel_follow_up(fake_assistant):
    a = talk(
        fake_assistant,
        "In 2026 scoorden we B met 6 kostenpunten; onze aanvraag voor extra budget is toegekend.",
        "Dan krijgen we toch 90% vergoed op het aanvullende budget van 80.000?",
    )
    assert _first(a).startswith("Nee"), a.answer
    assert "€ 68.000" in _first(a), a.answer


def test_a_rule_figure_claimed_in_a_follow_up_is_checked_and_our_figure_stays(fake_assistant):
    a = talk(
        fake_assistant,
        "We are an existing provider with on average 2.7 CZ clients per postcode area.",
        "As the 2027 minimum for existing providers is 2 clients per postcode area, our 2.7 is enough, correct?",
    )
    assert _first(a).startswith("No"), a.answer
    assert "3" in _first(a) and "not 2" in _first(a), a.answer
    assert "cannot calculate" not in a.answer, a.answer
    assert any("2026" in c.quote for c in a.citations), a.citations  # where 2 was the rule


@pytest.mark.parametrize(
    "follow",
    ["And if we move 1,500 of the own-staff hours to zzp'ers?",
     "Suppose 1,500 of the own-employee hours go to zzp nurses instead: still OK?"],
)  # fmt: skip
def test_a_cue_of_two_words_joined_by_a_hyphen(fake_assistant, follow):
    a = talk(
        fake_assistant,
        "In total we delivered 10,000 hours: 4,000 by our own staff, 3,000 by our wholly owned subsidiary and 3,000 by "
        "zzp'ers. Do we meet the 2027 rule?",
        follow,
    )
    assert "45%" in _first(a) and "4,500 hours" in _first(a), a.answer


# --- parts ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "empty"),
    [("en hoe snel krijg ik antwoord", True), ("and how long before they get back to us?", True),
     ("en binnen welke termijn hoor ik iets terug", True), ("en hoe snel beslist CZ over bezwaar?", False)],
)  # fmt: skip
def test_a_part_with_no_subject_of_its_own(part, empty):
    assert names_no_subject(part) is empty


def test_a_last_sentence_with_a_preposition_before_its_question_word_is_a_part():
    parts = split_parts("Welk mailadres is er voor declaratievragen? en binnen welke termijn hoor ik iets terug")
    assert [own for _, own in parts] == ["Welk mailadres is er voor declaratievragen?", "en binnen welke termijn hoor ik iets terug"]


def test_a_pronoun_borrows_the_thing_not_what_it_was_for():
    parts = split_parts("wat is de uiterste datum om de overeenkomst te ondertekenen? en wanneer wordt die aangeboden?")
    full = parts[1][0]
    assert "overeenkomst" in full and "ondertekenen" not in full and "uiterste" not in full, full


@pytest.mark.parametrize(
    ("question", "expected"),
    [("aan welk adres mail ik een vraag over het declareren? en hoe snel krijg ik antwoord", "10 werkdagen"),
     ("wat is de uiterste datum om de overeenkomst te ondertekenen? en wanneer wordt die aangeboden?", "20 september 2026"),
     ("Can we send the request for extra budget by e-mail? And how long before they get back to us?", "10 working days")],
)  # fmt: skip
def test_the_second_part_is_answered_of_the_first_ones_thing(fake_assistant, question, expected):
    a = fake_assistant.ask(question)
    assert expected in _first(a), a.answer


# --- modal verbs are no content words -------------------------------------------------------------------------------


def test_a_modal_verb_does_not_lead_a_premise_to_another_rule(fake_assistant):
    a = fake_assistant.ask("In 2024 hoefden we maar 35% zelf te leveren, toch?")
    assert _first(a).startswith("Nee"), a.answer
    assert "50 procent" in _first(a) or "50%" in _first(a), a.answer
    assert a.citations and a.citations[0].year == 2024 and "Bijlage 2" not in a.citations[0].section, a.citations
