"""Round 43: a question about another insurer is refused and goes on with CZ's own rule on its subject; a sentence that
opens with "tot die tijd" is quoted and decided with the sentence it waits for; "welke stond er toen in de bijlage van 2024?" asks the
thing of the part before ("stond" is a verb, no object asked); a year compared with ("anders t.o.v. 2024") is an
older policy even beside the asker's own AGB-code; a dementia caseload range shows its exact ends; a calculation
asked for two years is worked out for each; a list of hours under "care hours for 2027:" counts hours; the deadline a
provider asks is its own step, not the insurer's; a part whose opening words went to the context keeps them as its
subject. Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import first as _first
from answers import talk

from assistant.answer import guards
from assistant.answer.clause import _insurers_step, asks_own_step, names_an_older_policy
from assistant.answer.parts import split_parts
from assistant.text.quantities import read

# --- another insurer: refused, with CZ's own rule -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "rule"),
    [("Hanteert Menzis net als CZ een maximum van 50% onderaanneming?", "50% van de zorg"),
     ("Is the postcode rule of Zilveren Kruis just as strict as CZ's 3 clients per area?", "ten minste 3 CZ-cliënten")],
)  # fmt: skip
def test_another_insurer_is_refused_with_czs_own_rule(fake_assistant, question, rule):
    a = fake_assistant.ask(question)
    assert a.refused, a.answer
    assert "CZ groep" in a.answer and rule in a.answer, a.answer


@pytest.mark.parametrize("question", ["En hoe regelt DSW dat?", "What does ONVZ think of this?", "Wat vindt Menzis hiervan?"])
def test_another_insurer_asked_of_no_subject_gets_no_rule_of_czs(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert a.refused and "CZ groep hierover zegt" not in a.answer and "CZ groep's policy says" not in a.answer, a.answer


def test_the_insurers_names_and_likening_words_are_left_out():
    assert guards.without_insurers("Doet VGZ het anders dan Zilveren Kruis?") == "Doet het anders dan ?"


# --- "tot die tijd": with what it waits for -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "word"),
    [("Mogen wij stoppen met de zorg als die te zwaar wordt om nog verantwoord te leveren?", "Nee"),
     ("Can we stop providing care when it gets too complex to deliver responsibly?", "No"),
     ("Moeten we zelf een andere aanbieder zoeken als we de zorg niet meer verantwoord kunnen geven?", "Ja")],
)  # fmt: skip
def test_until_then_is_decided_with_the_sentence_it_waits_for(fake_assistant, question, word):
    a = fake_assistant.ask(question)
    line = _first(a)
    assert line.startswith(word), a.answer
    assert "gecontracteerde zorgaanbieder vindt" in line, a.answer
    if word != "Ja":  # a stop asked is decided by "Tot die tijd ...", quoted with the sentence it waits for
        assert "gecontracteerde zorgaanbieder vindt. Tot die tijd mag de zorg niet worden stopgezet" in line, a.answer


def test_until_then_is_glossed_in_english(fake_assistant):
    a = fake_assistant.ask("Can we stop caring for a client whose care got too complex for us?")
    assert "“gecontracteerde zorgaanbieder” = contracted provider" in a.answer, a.answer


# --- "welke stond er toen in": the thing of the part before ---------------------------------------------------------


def test_which_one_stood_there_in_2024_is_the_thing_of_the_part_before(fake_assistant):
    a = fake_assistant.ask("Aan welke regeling voor verslaggeving moet de aanbieder in 2027 voldoen, en welke stond er toen in de bijlage van 2024?")
    assert "WTZi" in a.answer and "WMG" in a.answer, a.answer
    assert "«stond»" not in a.answer, a.answer


# --- a year compared with is an older policy --------------------------------------------------------------------------------


def test_a_year_compared_with_is_an_older_policy_beside_our_own_words(corpus):
    assert names_an_older_policy(corpus, "Geldt voor de verpleegkundige op onze AGB-code nu iets anders t.o.v. 2024?")
    assert not names_an_older_policy(corpus, "In 2024 hadden wij 40 cliënten op onze AGB-code, klopt dat?")


def test_the_training_of_the_nurse_on_our_agb_code_compared_with_2024(fake_assistant):
    a = fake_assistant.ask("Moet de wijkverpleegkundige op onze AGB-code nu een andere opleiding hebben, vergeleken met 2024?")
    line = _first(a)
    assert "hbo-niveau 5" in line and "niveau 6" in line, a.answer


# --- a dementia caseload range with its exact ends ---------------------------------------------------------------------


def test_a_caseload_range_shows_its_exact_ends(fake_assistant):
    a = fake_assistant.ask("Hoeveel cliënten hoort een casemanager dementie met 0,7 fte te hebben?")
    line = _first(a)
    assert "35 tot 45 cliënten" in line and "0,7 × 65 = 45,5" in line, a.answer


def test_a_whole_caseload_range_shows_no_products(fake_assistant):
    a = fake_assistant.ask("Two fte of dementia case management: how many clients belong with that?")
    assert "100 to 130 clients" in _first(a) and "×" not in _first(a), a.answer


# --- a calculation asked for two years -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Wij hadden 48 cliënten in 20 postcodegebieden. Haalden we zo de norm van 2026, en halen we zo ook de norm van 2027?",
     "48 clients spread over 20 postcode areas: enough under the 2026 rule, and under the 2027 rule?"],
)  # fmt: skip
def test_a_calculation_asked_for_two_years_is_worked_out_for_each(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert "2,40" in a.answer or "2.40" in a.answer, a.answer
    assert "2026" in a.answer and "2027" in a.answer, a.answer
    assert ("Ja" in a.answer or "Yes" in a.answer) and ("Nee" in a.answer or "No" in a.answer), a.answer
    assert {c.args.get("contract_year") for c in a.tool_calls} == {2026, 2027}, a.tool_calls


def test_a_question_comparing_two_years_is_not_worked_out_twice(fake_assistant):
    a = fake_assistant.ask("Is de postcode-eis veranderd tussen 2026 en 2027?")
    assert not a.tool_calls, a.answer


# --- hours listed under "care hours for 2027:" -----------------------------------------------------------------------------


def test_hours_listed_under_a_label_with_its_year_are_hours():
    qs = read("Zorguren voor 2027: 18.000 totaal. 9.000 door eigen personeel, 4.000 door zzp'ers.")
    assert [(q.text, q.unit) for q in qs if q.kind == "count"] == [("18.000", "hours"), ("9.000", "hours"), ("4.000", "hours")]


def test_a_party_brought_in_instead_of_the_subsidiary_is_subcontracted(fake_assistant):
    a = talk(
        fake_assistant,
        "Care hours for 2027: 10,500 in total; our own employees 4,200, the subsidiary we fully own 4,200, zzp'ers 2,100. Still fine?",
        "Suppose the subsidiary's hours went to an external agency instead?",
    )
    assert "60%" in _first(a) and _first(a).startswith("No"), a.answer  # (4.200 + 2.100 of 10.500)


# --- a provider's own deadline ------------------------------------------------------------------------------------------------


def test_the_insurers_own_step_is_told_apart():
    assert _insurers_step("Wij plaatsen uiterlijk 1 maart een formulier op onze website.")
    assert not _insurers_step("Wij vragen zorgaanbieders om dit vóór 1 mei te melden.")
    assert asks_own_step("Welke einddatum geldt voor ons projectplan?") and not asks_own_step("Tot wanneer plaatst CZ het formulier?")


@pytest.mark.parametrize(
    ("question", "day"),
    [("Welke deadline geldt er voor het innovatiebudget?", "1 augustus 2027"),
     ("By when must we hand in our plan for the innovation budget?", "1 August 2027")],
)  # fmt: skip
def test_the_deadline_a_provider_asks_is_its_own_step(fake_assistant, question, day):
    a = fake_assistant.ask(question)
    assert day in _first(a), a.answer


# --- a part keeps the words it opened with ---------------------------------------------------------------------------------


def test_a_part_keeps_the_words_it_opened_with_as_its_subject():
    parts = split_parts("Mogen we ons in november al aanmelden? en als de overeenkomst pas in maart getekend is, telt die dan vanaf januari?")
    assert len(parts) == 2
    assert "aanmelden" not in parts[1][0], parts


def test_a_second_part_on_backdating_is_answered_as_such(fake_assistant):
    a = fake_assistant.ask(
        "Mag een nieuwe aanbieder zich medio november al melden? en als de overeenkomst pas later getekend is, geldt die dan met terugwerkende kracht?"
    )
    assert "nooit met terugwerkende kracht" in a.answer, a.answer


# --- a part said anew changes the whole it made up -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "share", "total"),
    [("Uren 2027: 8.000 in totaal, 5.000 eigen personeel, 3.000 zzp'ers. Voldoen we?", "En als de zzp-uren 2.000 worden?",
      "28,57%", "7.000"),
     ("Hours for 2027: 8,000 in total, 5,000 own staff and 3,000 zzp hours. How do we stand?",
      "What if the zzp hours were 4,000?", "44.44%", "9,000")],
)  # fmt: skip
def test_a_part_said_anew_changes_the_whole_it_made_up(fake_assistant, first, then, share, total):
    a = talk(fake_assistant, first, then)
    assert share in _first(a), a.answer
    assert total in a.answer, a.answer


def test_a_part_said_anew_leaves_a_whole_with_an_unsaid_rest(fake_assistant):
    a = talk(fake_assistant, "Zorguren 2027: 10.000 totaal, waarvan 2.000 door zzp'ers. Voldoen we?", "En als de zzp-uren 3.000 worden?")
    assert "30%" in _first(a), a.answer


# --- an item of a list of hours named by its party ---------------------------------------------------------------------------


def test_an_item_of_a_list_of_hours_named_by_its_party_is_hours():
    qs = read("12.000 uur totaal, 7.000 eigen personeel, 5.000 zzp'ers.")
    assert [q.unit for q in qs if q.kind == "count"] == ["hours", "hours", "hours"]


@pytest.mark.parametrize("text", ["12.000 uur, waarvan 5.000 door 14 zzp'ers.", "3,5 fte en 4 verpleegkundigen."])
def test_a_head_count_beside_hours_or_fte_stays_persons(text):
    assert read(text)[-1].unit == "staff"


def test_a_party_taking_over_anothers_hours_takes_all_of_them(fake_assistant):
    a = talk(
        fake_assistant,
        "Care hours for 2027: 10,500 in total; our own employees 4,200, the subsidiary we fully own 4,200, zzp'ers 2,100. Still fine?",
        "What if our subsidiary took over the zzp'ers' hours?",
    )
    assert _first(a).startswith("Yes: 0% of the care is subcontracted"), a.answer
