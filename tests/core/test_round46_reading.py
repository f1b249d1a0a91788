"""Round 46: an asker's conclusion may draw on figures given in the sentences before it, and a conclusion that adds one
more part of the case before its total gives that part; a percentage joined by a hyphen to a noun ("onze
100%-dochter") names a kind of thing, no share of the care; "..., en welke voor X?" asks the part before's question of
another thing; two words of a phrase may have stop words between them ("geen cliënten meer aannemen" is a zorgstop),
and a question that denies what is, with the negation, a concept the sentence names denies nothing; the head of a
hyphenated word ("H&A-plan") gets no other kind of it from the vocabulary; "which method ...?" is answered by the
sentence that names one; a footnote mark after a full stop ends the sentence; a change is never quoted as «»; the
must_include check finds a figure the gold rounded. Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of, talk
from answers import first as _first

from assistant.answer.parts import split_parts
from assistant.evaluation.numbers import contains
from assistant.ingest.parser import split_sentences
from assistant.retrieve.analysis import analyse
from assistant.text.quantities import read

# --- the asker's own conclusion -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "subsidiary", "subcontracted", "claimed"),
    [("Onze dochter levert 35% van de uren. Die telt mee als onderaannemer, dus met de uitzendkrachten (20%) zitten we "
      "op 55%, klopt dat?", 35, 20, "55%"),
     ("Our daughter company handles 30% of all hours. Daughter companies are subcontractors too, so with the "
      "freelancers, who do 25%, we end up at 55% and have to scale back, right?", 30, 25, "55%")],
)  # fmt: skip
def test_a_conclusion_after_a_sentence_with_figures_adds_its_part_and_checks_its_total(
    fake_assistant, question, subsidiary, subcontracted, claimed
):
    a = fake_assistant.ask(question)
    args = args_of(a, "subcontracting_check")
    assert args.get("full_subsidiary_share_pct") == subsidiary and args.get("subcontracted_share_pct") == subcontracted, args
    assert f"{subcontracted}%" in _first(a) and claimed in _first(a), _first(a)  # "... — niet 55%"


# --- a percentage that names a kind of thing ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["De 100%-dochteronderneming neemt 25% voor haar rekening.", "de 50%-regel geldt voor ons"])
def test_a_percentage_joined_to_a_noun_is_a_modifier(text):
    joined = [q for q in read(text) if q.modifier]
    assert len(joined) == 1 and joined[0].kind == "percent", read(text)


def test_a_modifier_stands_between_no_cue_and_its_figure():
    share = next(q for q in read("Bij ons draait de 100%-dochter-bv 35% van alle uren.") if q.text == "35%")
    assert "dochter-bv" in share.before and "100%" not in share.before, share.before


def test_a_full_subsidiary_named_with_its_ownership_share_is_own_care(fake_assistant):
    a = fake_assistant.ask("Our 100%-subsidiary takes 35% of the hours, freelancers 10%. Do we comply?")
    args = args_of(a, "subcontracting_check")
    assert args.get("full_subsidiary_share_pct") == 35 and args.get("subcontracted_share_pct") == 10, args
    assert "10%" in _first(a) and "not 35%" not in _first(a), _first(a)


# --- "..., en welke voor X?" --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "second"),
    [("Welk mailadres is er voor declaraties, en welk voor inschrijving?", "Welk mailadres is er voor inschrijving?"),
     ("What is the percentage for an A score, and what for a C score?", "What is the percentage for a C score?")],
)  # fmt: skip
def test_a_bare_question_word_with_a_preposition_asks_the_question_before_of_another_thing(question, second):
    asked = [f for f, _ in split_parts(question)]
    assert len(asked) == 2 and asked[1] == second, asked


def test_the_address_for_registration_asked_after_the_one_for_claims(fake_assistant):
    a = fake_assistant.ask("Aan welk adres richt ik een vraag over een declaratie, en aan welk voor een vraag over de inschrijving?")
    assert "decl.wijkverpleging@cz.nl" in a.answer and "rz.wijkverpleging@cz.nl" in a.answer, a.answer


# --- a phrase with stop words between its words, and a negation that is the concept --------------------------------------


def test_two_words_of_a_phrase_meet_across_stop_words():
    assert "zorgstop" in analyse("kunnen we tijdelijk geen cliënten meer aannemen", expand=True)
    assert "zorgstop" not in analyse("wie is verantwoordelijk voor het aannemen van cliënten", expand=True)


@pytest.mark.parametrize(
    "question", ["Mogen we een tijdje geen nieuwe cliënten meer aannemen?", "Mogen wij tijdelijk een zorgstop invoeren?"]
)
def test_taking_no_new_clients_is_answered_with_the_zorgstop_rule_not_denied(fake_assistant, question):
    a = fake_assistant.ask(question)
    line = _first(a)
    assert "zorgstop" in line and "vooraf" in line, line
    assert not line.startswith("Nee"), line


# --- the head of a hyphenated word, and the thing "which ...?" asks for --------------------------------------------------


def test_the_head_of_a_hyphenated_word_gets_no_other_kind_of_it():
    assert "projectplan" not in analyse("moeten we een H&A-plan aanleveren?", expand=True)
    assert "projectplan" in analyse("moeten we een plan aanleveren?", expand=True)


@pytest.mark.parametrize(
    "question", ["Which method does a provider of medical child care use?", "Welke methode hoort bij de kindzorg?"]
)
def test_which_method_is_answered_by_the_sentence_that_names_one(fake_assistant, question):
    assert "MKS-werkwijze" in _first(fake_assistant.ask(question)), fake_assistant.ask(question).answer


# --- sentences and changes ----------------------------------------------------------------------------------------------


def test_a_footnote_mark_after_a_full_stop_ends_the_sentence():
    said = split_sentences("De aanbieder gebruikt het formulier.[7] Dit formulier staat online.")
    assert said == ["De aanbieder gebruikt het formulier.[7]", "Dit formulier staat online."], said


def test_the_method_of_child_care_changed_with_both_sides_quoted(fake_assistant):
    a = fake_assistant.ask("Welke werkwijze hoort bij kindzorg, en is die sinds 2024 veranderd?")
    assert "hulpbehoeftescan" in a.answer and "MKS-werkwijze" in a.answer, a.answer
    assert "«»" not in a.answer, a.answer


# --- the must_include check -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "found"),
    [("een caseload van 58,33 per fte", "58,3", True), ("60,47% via onderaannemers", "60,5%", True),
     ("60,44% via onderaannemers", "60,5%", False), ("een caseload van 58,33 per fte", "8,3", False)],
)  # fmt: skip
def test_a_gold_figure_the_answer_states_more_precisely(text, needle, found):
    assert contains(text, needle) is found


# --- the size of each of a count of persons -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "total"),
    [("wij hebben 4 casemanagers van elk 0,5 fte", 2), ("there are 3 nurses of 0.4 fte each", 1.2),
     ("5 zzp'ers die ieder 300 uur maken", 1500)],
)  # fmt: skip
def test_the_size_of_each_person_times_the_persons(text, total):
    sized = [q for q in read(text) if q.unit in ("fte", "hours")]
    assert len(sized) == 1 and float(sized[0].number) == total and sized[0].times is not None, sized


def test_a_size_said_together_is_no_product():
    sized = [q for q in read("onze 4 casemanagers hebben samen 2,2 fte") if q.unit == "fte"]
    assert float(sized[0].number) == 2.2 and sized[0].times is None, sized


def test_the_caseload_of_persons_of_a_size_each_and_a_follow_up(fake_assistant):
    told = "Bij ons werken 3 casemanagers voor dementie met ieder 0,6 fte; zij hebben 110 cliënten. Zitten we goed?"
    first = fake_assistant.ask(told)
    assert args_of(first, "dementia_caseload_check").get("casemanager_fte") == 1.8, first.answer
    assert "3 × 0,6 = 1,8" in first.answer, first.answer
    then = talk(fake_assistant, told, "En als er 10 cliënten bij komen?")
    args = args_of(then, "dementia_caseload_check")
    assert args.get("casemanager_fte") == 1.8 and args.get("clients") == 120, then.answer


def test_a_contract_of_some_years_reaches_the_one_year_contract(fake_assistant):
    a = fake_assistant.ask("We had a CZ contract in 2026 and billed care under it, so for 2027 we are given a 5-year contract, correct?")
    assert _first(a).startswith("No") and "1-jarige" in _first(a), _first(a)
