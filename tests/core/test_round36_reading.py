"""Round 36: what the figures given allow is said beside a question back ("with 2 fte the cooperative may have at most
110 clients; how many do you have?"); a share of the ceiling reached gives the revenue still needed; "aanbieders
zonder score" is a rule for others, not the asker's case; care that moves into the core area ends the exception; a
later part "and what if we drop ..." changes the calculation of the part before; a clause that opens with a
condition answers "only on this condition"; objecting to a rule asks about objections, not the rule; a part asking
what being late brings after a date part is answered from the date's own passage; a heading is no answer line.
Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of as _args
from answers import first as _first
from answers import talk as _talk

from assistant.answer import asked as asked_module
from assistant.answer.asked import asked
from assistant.answer.compose import gloss_en
from assistant.answer.parts import split_parts
from assistant.domain import Citation
from assistant.text import sentences as sentences_module
from assistant.text.quantities import fold, read

# --- the bound the given figures allow, beside the question back -----------------------------------------------------


def test_a_cooperative_with_only_its_fte_hears_the_most_clients_they_carry_and_is_asked_its_clients(fake_assistant):
    a = fake_assistant.ask("Onze co-op van freelance verpleegkundigen telt 2 fte hbo-bachelor. Is dat toereikend?")
    lines = a.answer.split("\n")
    assert "110" in lines[0] and "55" in lines[0], a.answer
    assert "cliënten" in lines[1] and lines[1].rstrip().endswith("?"), a.answer
    assert _args(a, "cooperative_staffing_check")["hbo_bachelor_nurse_fte"] == 2


# --- the revenue still needed from a share of the ceiling ------------------------------------------------------------


def test_a_share_of_the_ceiling_gives_the_revenue_still_needed(fake_assistant):
    a = fake_assistant.ask("Plafond 2027: 500k, stand nu 72%. Welk bedrag ontbreekt nog voor een verzoek tot bijcontractering?")
    assert "€ 400.000" in _first(a) and "€ 40.000" in _first(a), a.answer


# --- a rule said of other providers ----------------------------------------------------------------------------------


def test_providers_without_a_score_are_others_when_the_asker_names_its_own_letter(fake_assistant):
    a = fake_assistant.ask(
        "Wij scoren een C. Organisaties zonder score ontvangen 90%, dus wij met onze C ook ten minste 90% van 40.000 euro extra budget?"
    )
    assert _first(a).startswith("Nee") and "score C" in _first(a), a.answer
    assert _args(a, "staffel_percentage")["score_2026"] == "C"


# --- care moving into the core area ----------------------------------------------------------------------------------


def test_care_moving_into_the_core_area_ends_the_exception(fake_assistant):
    a = _talk(
        fake_assistant,
        "Existing provider, 40 CZ clients in 25 postcode areas, mainly working outside the CZ core area. Fine for 2027?",
        "Suppose the bulk of our work moves into the core area next year, same numbers?",
    )
    assert _first(a).startswith("No") and "1.60" in _first(a) and "35 more" in _first(a), a.answer


# --- a later part that changes the part before -----------------------------------------------------------------------


def test_a_later_what_if_part_changes_the_list_of_the_part_before(fake_assistant):
    a = fake_assistant.ask(
        "Per postcodegebied: 6, 1, 2, 1 en 5 CZ-clienten (kernwerkgebied, al gecontracteerd). Halen we 2027, "
        "en wat als de twee gebieden met slechts 1 client eruit gaan (die 2 clienten nemen collega's over)?"
    )
    assert "15 ÷ 5" in a.answer and "13 ÷ 3" in a.answer, a.answer


def test_areas_given_up_and_their_clients_handed_over_both_go(fake_assistant):
    a = _talk(
        fake_assistant,
        "100 CZ-clienten over 40 postcodegebieden, kernwerkgebied, al jaren gecontracteerd. Lukt 2027?",
        "stel: 8 gebieden geven we op en hun 12 clienten dragen we over aan een andere thuiszorg?",
    )
    assert "88 ÷ 32" in _first(a), a.answer


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("als wij 5 gebieden afstoten en hun 9 clienten aan een collega overdragen", {"areas", "clients"}),
        ("what if we drop 5 of those areas and hand the 9 clients there over to a partner?", {"areas", "clients"}),
    ],
)
def test_both_counts_of_one_condition_are_changes(text, units):
    assert {q.unit for q in read(text) if q.change == "less"} == units


def test_maar_before_a_figure_is_only_not_but():
    qs = read("als de vier gebieden met maar 1 cliënt wegvallen, wat dan?")
    assert [(q.unit, q.change) for q in qs] == [("areas", "less"), ("clients", "less")]


# --- a condition that opens the answering sentence -------------------------------------------------------------------


def test_a_duty_that_holds_only_when_announced_is_answered_only_on_that_condition(fake_assistant):
    a = fake_assistant.ask("Are we obliged to hand CSRD information to CZ next year?")
    assert _first(a).startswith("Only on this condition") and "1 oktober 2026" in _first(a), a.answer


# --- objecting to a rule ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mag onze organisatie bezwaar aantekenen tegen die norm per gebied?", "mag onze organisatie bezwaar aantekenen"),
        ("Could we object to the 50% subcontracting cap?", "could we object"),
    ],
)
def test_what_an_objection_is_against_is_left_out_of_its_question(text, kept):
    assert asked_module.objection_asked(text).rstrip(" ?") == kept


def test_objecting_to_a_rule_with_figures_is_about_objections(fake_assistant):
    a = fake_assistant.ask("May a provider lodge an objection against the three-clients-per-area norm?")
    assert "15 mei" in _first(a) and "Voorwoord" in _first(a), a.answer


def test_a_date_part_and_a_lateness_part_are_answered_from_the_same_passage(fake_assistant):
    a = _talk(
        fake_assistant,
        "De staffel vinden wij niet redelijk. Is een bezwaar daartegen mogelijk?",
        "uiterlijk wanneer kan dat ingediend, en wat volgt als het later komt?",
    )
    assert "15 mei" in a.answer and "vervallen" in a.answer.split("\n")[0], a.answer


def test_a_date_asked_after_a_comma_is_a_part_of_its_own():
    parts = split_parts("tot wanneer loopt dat, en welk gevolg heeft missen?")
    assert len(parts) == 2


# --- asked kinds -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("welke weging van personeels- en materiële kosten hanteert CZ bij de index?", "percent"),
        ("wat zijn de kosten van een keurmerk?", "money"),
        ("hoeveel kosten mogen we maken?", "money"),
        ("hoeveel tijd hebben wij nog om te tekenen?", "date"),
        ("how much time is left to sign?", "date"),
        ("How long must the records be kept?", "duration"),
    ],
)
def test_the_kind_a_question_word_asks_wins_over_a_noun_said(text, kind):
    assert asked(fold(text)).kind == kind


# --- glosses and headings --------------------------------------------------------------------------------------------


def _cite(quote: str) -> Citation:
    return Citation(clause_id="x", doc="d", year=2027, section="1", title="t", quote=quote)


def test_a_graded_level_is_glossed_with_its_figure():
    said = gloss_en([_cite("een verpleegkundige van minimaal hbo-niveau 5 of een bachelor (niveau 6)")])
    assert "“hbo-niveau 5” = hbo level 5" in said and "“niveau 6” = level 6" in said


def test_a_period_within_and_a_quarter_are_glossed():
    said = gloss_en([_cite("Binnen 2 maanden na de start, en elk kwartaal daarna.")])
    assert "within 2 months" in said and "every quarter" in said


def test_two_dates_joined_are_no_joined_figures():
    said = gloss_en([_cite("tussen 1 december 2026 en 28 februari 2027")])
    assert "2026 and 28" not in said and "28 February 2027" in said


@pytest.mark.parametrize(
    ("text", "heading"),
    [("CSRD (Corporate Sustainability Reporting Directive)", True), ("Score A in 2026 90%", False),
     ("Het team is oproepbaar tijdens de openingstijden van de huisartsenpost.", False)],
)
def test_a_heading_is_told_from_a_sentence(text, heading):
    assert sentences_module.heading_like(text) is heading


# --- what an older rule gave way to ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Een thuiszorgorganisatie noemt in haar jaarstukken nog de Regeling verslaggeving WTZi. Wat is daarvoor in de plaats gekomen?",
        "The WTZi reporting rules in our handbook: what were they replaced by in the 2027 appendix?",
    ],
)
def test_what_replaced_an_older_requirement_is_answered_from_both_texts(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert "WTZi" in _first(a) and "WMG" in _first(a), a.answer
