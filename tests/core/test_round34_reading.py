"""Round 34: a message that checks and then solves keeps the check as what a follow-up continues; "nog X declareren"
adds to what was reached; a part that points back finds the value of the section that answered the part before,
also in a sentence before the one its words match ("... binnen N werkdagen ... Als dat niet lukt, ..."); a sentence
that announces a list ("onderstaande eisen") is answered by the list, and a question for several things by the whole
list; "how is X indexed each year?" asks how; a stated choice in a yes/no message continues the calculator named
before; "uitsluitsel" is no "uitsluiting"; a value not stated is named; an article is no count; "is that different
for ...?" borrows the part before; "who counts as ...?" asks a definition; English answers gloss joined figures and a
calculation's quotes; "but not for X" denies X, also against conditions listed in a passage of their own. Phrasings
written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of as _args
from answers import first as _first
from answers import talk as _talk

from assistant.answer.asked import asks_definition, asks_how
from assistant.answer.compose import gloss_en
from assistant.answer.parts import split_parts
from assistant.domain import Citation
from assistant.retrieve.analysis import stem
from assistant.text.quantities import read

# --- follow-ups of a calculation -------------------------------------------------------------------------------------


def test_a_check_then_a_solve_leaves_the_check_for_the_follow_up(fake_assistant):
    a = _talk(
        fake_assistant,
        "Bij ons draaien de casemanagers dementie met z’n allen 2 fte, met 150 cliënten. Voldoen we, en zo niet, hoeveel "
        "cliënten passen er maximaal?",
        "En als er 0,5 fte bij komt, klopt het dan?",
    )
    args = _args(a, "dementia_caseload_check")
    assert args["clients"] == 150 and args["casemanager_fte"] == 2.5, args
    assert _first(a).startswith("Ja") and "60" in _first(a), a.answer


@pytest.mark.parametrize(
    "follow_up",
    ["Stel dat we in september nog € 30.000 declareren?", "What if we still bill 30k in September?"],
)
def test_nog_an_amount_with_a_verb_of_billing_adds_to_the_revenue(fake_assistant, follow_up):
    a = _talk(
        fake_assistant,
        "Ons omzetplafond 2027 is 500.000 euro en op 1 augustus zaten we op 370.000. Is bijcontractering al mogelijk?",
        follow_up,
    )
    args = _args(a, "additional_purchase_eligibility")
    assert args["omzetplafond_eur"] == 500000 and args["revenue_reached_eur"] == 400000, args
    assert "80" in _first(a), a.answer


def test_nog_without_a_verb_of_billing_is_still_not_more():
    qs = [q for q in read("we zitten nog op 400.000 euro") if q.kind == "money"]
    assert qs and qs[0].change is None, qs
    billed = [q for q in read("als we nog 20.000 euro factureren") if q.kind == "money"]
    assert billed and billed[0].change == "more", billed


# --- a part that points back --------------------------------------------------------------------------------------


def test_a_part_that_points_back_takes_the_period_of_the_section_before(fake_assistant):
    a = fake_assistant.ask("Declaratievraag: welk mailadres is daarvoor, en binnen welke termijn krijg ik dan antwoord?")
    assert "decl.wijkverpleging@cz.nl" in a.answer and "10 werkdagen" in a.answer, a.answer
    assert "2 maanden" not in a.answer, a.answer


# --- lists ------------------------------------------------------------------------------------------------------------


def test_a_sentence_that_announces_requirements_is_answered_by_them(fake_assistant):
    a = fake_assistant.ask("Welke kwaliteitseisen gelden voor wie de wondregie bij complexe wondzorg doet, de wondregisseur?")
    assert "hbo-opgeleide verpleegkundige" in _first(a) and "2 jaar" in _first(a), a.answer


def test_a_question_for_several_goals_gets_the_whole_list(fake_assistant):
    a = fake_assistant.ask("Which sustainability goals does CZ set for large district nursing providers?")
    line = _first(a)
    assert "55%" in line and "5%" in line and "25%" in line, a.answer


def test_how_with_words_after_the_participle_asks_how():
    assert asks_how("How are the night care costs indexed every year?")
    assert asks_how("Hoe wordt het nachtzorgbudget geïndexeerd per jaar?")


def test_how_is_the_budget_indexed_each_year_is_answered_by_the_method(fake_assistant):
    a = fake_assistant.ask("How is the night care budget indexed from year to year?")
    assert "90%" in _first(a) and "10%" in _first(a), a.answer


# --- a choice continues the calculator named before -----------------------------------------------------------------


def test_a_stated_channel_continues_the_calculator_of_the_message_before(fake_assistant):
    a = _talk(
        fake_assistant,
        "Op welke manier vragen we bijcontractering aan?",
        "Een collega zegt dat we dat verzoek ook gewoon per e-mail kunnen sturen. Kun je dat bevestigen?",
    )
    assert _first(a).startswith("Nee") and "website" in _first(a), a.answer


def test_uitsluitsel_keeps_its_own_stem():
    assert stem("uitsluitsel") != stem("uitsluiting")


# --- what is not stated, named ---------------------------------------------------------------------------------------


def test_a_count_not_stated_names_what_is_counted(fake_assistant):
    a = fake_assistant.ask("Hoeveel thuiszorgorganisaties krijgen in 2027 een contract van CZ?")
    assert a.kind == "not_stated" and "thuiszorgorganisaties" in _first(a), a.answer


def test_a_dutch_word_the_texts_never_use_is_named(fake_assistant):
    a = fake_assistant.ask("Hoe hoog is de boete in euro als we onze cliëntervaringen te laat insturen?")
    assert a.kind == "not_stated" and "boete" in _first(a), a.answer


# --- parts, definitions ----------------------------------------------------------------------------------------------


def test_is_that_different_for_borrows_the_part_before():
    parts = split_parts("Wie vallen onder ander zorgpersoneel? En geldt dat ook zo bij medische kindzorg?")
    assert len(parts) == 2 and "zorgpersoneel" in parts[1][0], parts


@pytest.mark.parametrize("q", ["Who counts as a subcontractor here?", "Wie vallen er onder ander zorgpersoneel?"])
def test_who_counts_as_asks_a_definition(q):
    assert asks_definition(q)


# --- English ---------------------------------------------------------------------------------------------------------


def _gloss(quote: str) -> str:
    return gloss_en([Citation(clause_id="", doc="", year=0, section="", title="", quote=quote)])


def test_joined_figures_are_glossed_in_english():
    assert "“3 of 4” = 3 or 4" in _gloss("verpleegkundigen van niveau 3 of 4 zijn nodig")
    assert "“20 tot 30” = 20 to 30" in _gloss("tussen de 20 tot 30 cliënten")
    assert "5 of 10" not in _gloss("minimaal 5 of 10% van de uren")  # a share is no pair of figures to gloss


def test_an_english_calculation_glosses_its_dutch_quotes(fake_assistant):
    a = fake_assistant.ask("We are a new provider and registered twice this contract year. Is that allowed?")
    assert "Key terms:" in a.answer, a.answer


# --- denied conditions -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q",
    [
        "We hold contracts for specialised nursing and H&A, but not for unplanned night care. Can we be contracted "
        "for acute district nursing?",
        "We hebben afspraken over gespecialiseerde verpleging en onplanbare nachtzorg, maar niet voor H&A. Kunnen "
        "we acute wijkverpleging gecontracteerd krijgen?",
    ],
)
def test_a_condition_the_asker_lacks_answers_no(fake_assistant, q):
    a = fake_assistant.ask(q)
    assert _first(a).lower().startswith(("no", "nee")), a.answer
    assert "contractafspraken voor gespecialiseerde verpleging" in a.answer, a.answer


def test_a_scope_the_asker_is_not_in_answers_no(fake_assistant):
    a = fake_assistant.ask("Wij zijn niet in een kernwerkgebied actief. Krijgen wij dan een vaste zorginkoper?")
    assert _first(a).startswith("Nee") and "kernwerkgebieden" in _first(a), a.answer
    b = fake_assistant.ask("Wij zijn in een kernwerkgebied actief. Krijgen wij een vaste zorginkoper?")
    assert _first(b).startswith("Ja"), b.answer


def test_a_statement_before_a_comma_is_context_and_the_clause_after_it_asks():
    parts = split_parts("Wij starten als kleine organisatie, tot wanneer mogen wij ons melden en hoe snel krijgen we bericht?")
    assert [own for _, own in parts] == ["tot wanneer mogen wij ons melden?", "hoe snel krijgen we bericht?"], parts
    assert all(full.startswith("Wij starten als kleine organisatie,") for full, _ in parts), parts


def test_the_participle_asked_is_the_last_one_not_an_earlier_adjective(fake_assistant):
    a = fake_assistant.ask("How is the approved night care budget indexed every year?")  # "approved" describes the budget
    assert "90%" in _first(a) and "10%" in _first(a), a.answer
