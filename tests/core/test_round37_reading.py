"""Round 37: a thing named as the reason another is ruled out is not itself ruled out (when the new funding starts is
not stated); pay scales written "-schaal" and hourly wages are pay, not the policy's; a tariff refusal says where the
build-up comes (the production proposal); a score asked as a number is not answered by a period or a share; "score a
provider" is the English article, not score A; a Dutch place English texts also name is a name; English glosses for
the subsidiary's definition. Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import first as _first

from assistant.answer.asked import asked, ruled_out_at
from assistant.answer.compose import gloss_en
from assistant.answer.guards import out_of_scope
from assistant.domain import Citation
from assistant.retrieve.analysis import score_terms

# --- what is named as the reason for ruling something else out -------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Vanaf welk jaar is die aanstaande nieuwe bekostiging van kracht?",
        "Per wanneer gaat de wijkverpleging over op de nieuwe bekostiging?",
        "In which year will the upcoming new funding model be introduced?",
    ],
)
def test_when_the_funding_that_is_the_reason_for_a_ruling_out_starts_is_not_stated(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(("Het beleid zegt hier niets over", "The policy does not say")), a.answer
    assert "maandbekostiging" in a.answer, a.answer  # the sentence that names it, as what the policy does say


def test_the_thing_ruled_out_itself_is_still_answered_by_the_ruling_out(fake_assistant):
    a = fake_assistant.ask("Per wanneer kunnen we een maatwerkcontract voor maandbekostiging aanvragen?")
    assert "het beleid sluit dit uit" in _first(a), a.answer


def test_where_the_ruling_out_words_begin():
    sentence = "Vanwege de aanstaande wijziging maken we voor 2027 geen nieuwe afspraken met een maatwerkcontract."
    at = ruled_out_at(sentence)
    assert at is not None and sentence[at:].startswith("geen nieuwe afspraken")
    assert ruled_out_at("Wij maken afspraken met zorgaanbieders.") is None


# --- pay and tariffs -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "In welke loonschaal valt een wijkverpleegkundige niveau 6?",
        "Onder welke cao-schaal valt een verzorgende IG bij ons?",
        "Wat is het uurloon van een helpende niveau 2 in 2027?",
        "Hoeveel verdient een casemanager dementie ongeveer?",
        "Which pay grade applies to a community nurse?",
    ],
)
def test_pay_scales_and_wages_are_not_in_the_purchasing_policy(question):
    assert out_of_scope(question) == "wages"


def test_employment_words_of_the_policy_are_no_wages():
    assert out_of_scope("Moet de wijkverpleegkundige in loondienst zijn?") is None
    assert out_of_scope("Wat verdient de voorkeur: een maatwerkcontract of het reguliere contract?") is None
    assert out_of_scope("Hoe verloopt de inschaling in het waardemodel?") is None


def test_a_tariff_refusal_says_the_build_up_comes_with_the_production_proposal(fake_assistant):
    a = fake_assistant.ask("Hoeveel bedraagt het uurtarief voor verpleging in 2027?")
    assert "productievoorstel" in _first(a) and "2.2.1" in _first(a), a.answer
    b = fake_assistant.ask("Which hourly tariff applies to personal care next year?")
    assert "production proposal" in _first(b), b.answer


# --- a score asked as a number ---------------------------------------------------------------------------------------


def test_a_score_asked_has_the_score_as_its_unit():
    assert asked("What's the minimum NPS-score we need for a contract?").unit == "scores"
    assert asked("What is the minimum NPS score a provider needs?").unit == "scores"


@pytest.mark.parametrize(
    "question",
    [
        "Wat is de minimale NPS die een aanbieder moet hebben?",
        "What is the minimum NPS score a provider has to get?",
    ],
)
def test_a_minimum_satisfaction_score_is_not_stated(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert a.answer.startswith(("Het beleid zegt hier niets over", "The policy does not say")), a.answer
    assert "%" not in _first(a) and "2 jaar" not in _first(a) and "2 years" not in _first(a), a.answer


def test_score_a_provider_is_the_english_article():
    assert score_terms("the minimum NPS score a provider has to reach") == []
    assert score_terms("met Score A in 2027 of een C-score") == ["score_a", "score_c"]


# --- places ----------------------------------------------------------------------------------------------------------


def test_a_dutch_city_english_texts_also_name_is_a_name_the_policy_does_not_use(fake_assistant):
    a = fake_assistant.ask("Is Amsterdam part of CZ's core region? Asking because of the postcode requirement.")
    assert _first(a).startswith("The policy does not say"), a.answer


# --- glosses ---------------------------------------------------------------------------------------------------------


def test_the_subsidiary_definition_is_glossed_once():
    quote = "Onder ‘volle dochter’ wordt verstaan: een juridische entiteit waarvan de meerderheid van de aandelen ..."
    said = gloss_en([_cite(quote)])
    assert "“meerderheid” = majority" in said and "“volle dochter” = wholly owned subsidiary" in said, said
    plural = gloss_en([_cite("Volle dochters tellen niet mee.")])
    assert plural.count("volle dochter") == 1, plural


def _cite(quote: str) -> Citation:
    return Citation(clause_id="x", doc="d", year=2027, section="Bijlage 1 1.1", title="t", quote=quote)


# --- a count asked per a stretch of time -----------------------------------------------------------------------------


def test_a_count_asked_per_week_is_not_answered_by_a_value_per_day():
    from assistant.answer.asked import holds

    a = asked("Hoeveel uur per week moet onze consulent beschikbaar zijn?")
    assert a is not None and a.per == "week"
    assert holds(a, "Het team is 24 uur per dag bereikbaar.") == []
    assert [q.text for q in holds(a, "Zij werkt 24 uur per week.")] == ["24 uur"]


def test_a_count_asked_without_a_stretch_takes_any():
    from assistant.answer.asked import holds

    a = asked("How many hours is the team reachable?")
    assert a is not None and a.per is None
    assert holds(a, "Het team is 24 uur per dag bereikbaar.")


# --- a later year asked in a part or a follow-up ---------------------------------------------------------------------


def test_a_part_asking_of_a_later_year_and_the_part_going_on_about_it_are_not_stated(fake_assistant):
    a = fake_assistant.ask("Hoeveel procent mag in 2029 in onderaanneming, en gaat dat omlaag?")
    assert a.answer.startswith("Het beleid zegt hier niets over") and "2029" in _first(a), a.answer
    assert "50%" not in a.answer.split("\n")[0], a.answer


def test_a_follow_up_asking_of_a_year_the_texts_never_name_is_not_stated(fake_assistant):
    first = fake_assistant.ask("Welk percentage mag een aanbieder in 2027 maximaal uitbesteden?", conversation_id="y37")
    assert "50%" in first.answer
    a = fake_assistant.ask("And what will that cap be in 2031?", conversation_id="y37")
    assert _first(a).startswith("The policy does not say") and "2031" in _first(a), a.answer


def test_words_of_a_rise_or_fall_name_no_subject(fake_assistant):
    assert not fake_assistant._names_subject("stijgt die naar 4?")
    assert not fake_assistant._names_subject("and will it go down?")
    assert fake_assistant._names_subject("en welke eisen gelden voor de casemanager dementie?")


# --- a sentence about what the one before it names -------------------------------------------------------------------


def test_a_date_in_a_sentence_that_points_back_with_a_split_adverb_answers_for_what_it_points_at(fake_assistant):
    a = fake_assistant.ask("Uiterlijk wanneer moeten we ons projectplan indienen om aanspraak te maken op het innovatiebudget?")
    assert "1 augustus 2027" in _first(a) and "2.3.6" in _first(a), a.answer


# --- words a change left out that now have a section of their own ------------------------------------------------------


def test_a_function_dropped_from_a_list_is_said_to_have_its_own_section_now(fake_assistant):
    a = fake_assistant.ask(
        "Zit kindzorg in 2027 nog in het rijtje functies met een regionale functie die maar een paar zorgaanbieders "
        "mogen leveren, net als in 2024?"
    )
    assert _first(a).startswith("Nee"), a.answer
    assert "Bijlage 2" in _first(a) and "Medische kindzorg" in _first(a), a.answer


# --- a target between two years, claimed -----------------------------------------------------------------------------


def test_a_claimed_target_with_other_years_is_contradicted_not_refused_for_its_year(fake_assistant):
    a = fake_assistant.ask("So you expect us to cut travel CO2 by 55% by 2033 against 2019, correct?")
    assert _first(a).startswith("No"), a.answer
    assert "2030" in a.answer and "2018" in a.answer, a.answer


def test_a_single_year_beside_a_figure_is_not_compared():
    from assistant.answer.clause import _framed_years
    from assistant.text.quantities import read

    one = "Moeten we in 2027 minstens 3 cliënten per gebied hebben?"
    both = "Met een A in 2026 en 2027 krijgen we 100%?"
    framed = "55% minder in 2030 ten opzichte van 2018"
    assert _framed_years(read(one), one) == [] and _framed_years(read(both), both) == []
    assert [q.value for q in _framed_years(read(framed), framed)] == [2030, 2018]


# --- a claim with two figures ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "CZ koopt toch ongeveer 80% generalistische en 20% specialistische wijkverpleging in?",
        "Isn't the split 70% generalist and 30% specialist district nursing?",
    ],
)
def test_a_claim_with_two_shares_is_set_right_with_both(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(("Nee", "No")), a.answer
    assert "90%" in _first(a) and "10%" in _first(a), a.answer


def test_values_said_per_different_things_are_not_the_same_fact():
    from assistant.answer.clause import _same_fact
    from assistant.text.quantities import read

    def money(text: str):
        return next(q for q in read(text) if q.kind == "money")

    assert not _same_fact(money("maximaal € 100.000 per zzp'er"), money("maximaal € 100.000 per zorgaanbieder"))
    assert _same_fact(money("maximaal € 100.000 per zzp'er"), money("tot € 100.000 per zzp'er"))
