"""Round 44: a question that says after a dash what its "what exactly is X" asks is one question; an average worked out
from its two counts keeps them, so a follow-up that changes one (or drops areas) works it out anew; a change said before
the figure it goes onto ("nog 30k extra bovenop de 600k") changes that figure; a rule asked in the past tense names
the older policy; "N of those" after hours are hours; a year heading a list of hours is a year; hours said as added
come on top, not in place of a party with the same figure; "would that alter the shares?" weighs the shares; a
score of a year "had been" is read; an amount cued only by another calculator opens that calculator; a message that
keeps the last case's figures in its units stays with it; "drop by" takes off; a label's size carries to the figures
of the next sentence; a GP practice nurse is no sector; areas forgotten are added; a thing the texts name only as
still to come is not stated; a refusal names the thing and the sector asked. Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of, last_args, talk
from answers import first as _first

from assistant.answer import guards
from assistant.answer.parts import split_parts
from assistant.text.quantities import read

# --- "what exactly is X - how ...?": one question ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "own"),
    [("Wat houdt de Treeknorm precies in – binnen hoeveel dagen moet de zorg starten?", "Treeknorm"),
     ("What exactly does a stable A status mean - how many years in a row?", "stable")],
)  # fmt: skip
def test_a_question_spelled_out_after_a_dash_is_one_question(question, own):
    parts = split_parts(question)
    assert len(parts) == 1, parts
    full, words = parts[0]
    assert own in words and own in full, parts  # the broad question's words are the part's own


def test_a_supposition_before_a_dash_is_still_context():
    assert split_parts("Stel dat CZ 250k honoreert - hoeveel krijgen we?") == [
        ("Stel dat CZ 250k honoreert - hoeveel krijgen we?", "Stel dat CZ 250k honoreert - hoeveel krijgen we?")
    ]


def test_the_treeknorm_spelled_out_is_not_stated_with_its_name(fake_assistant):
    a = fake_assistant.ask("Wat is de Treeknorm eigenlijk – hoeveel weken mag een nieuwe cliënt op zorg wachten?")
    assert a.refused, a.answer
    assert "Treeknorm" in _first(a), a.answer


def test_not_stated_quotes_the_sentence_about_the_subject_not_one_with_the_year(fake_assistant):
    a = fake_assistant.ask("What rules apply to level-2 helpers in 2027 – what part of our hours may they work?")
    assert a.refused, a.answer
    assert "helpenden niveau 2" in a.answer and "2,33" not in a.answer, a.answer


# --- an average from its two counts, changed in a follow-up ----------------------------------------------------------

_NEW = "Als nieuwe aanbieder beginnen we vooral in het kernwerkgebied: verwachte omzet 70k, 39 cliënten over 15 postcodes. Lukt dat?"


@pytest.mark.parametrize(
    ("then", "average"),
    [("En met 48 cliënten?", "3,2"),
     ("En als het 12 postcodes waren?", "3,25"),
     ("Stel dat we de 3 gebieden met elk 1 cliënt laten vallen?", "3")],
)  # fmt: skip
def test_a_follow_up_changes_the_counts_an_average_was_worked_out_from(fake_assistant, then, average):
    a = talk(fake_assistant, _NEW, then)
    args = last_args(a, "new_provider_eligibility")
    top, under = {"3,2": (48, 15), "3,25": (39, 12), "3": (36, 12)}[average]
    assert abs(args["average_clients_per_postcode"] - top / under) < 1e-9, args
    assert "opnieuw uit" in a.answer, a.answer  # the change told in the asker's own figures


def test_an_average_said_itself_is_no_count():
    a_said = read("gemiddeld 3,2 per gebied")
    assert a_said and a_said[0].kind in ("count", "number")


# --- a change said before the figure it goes onto ----------------------------------------------------------------------


def test_a_change_onto_a_base_said_after_it_changes_the_base(fake_assistant):
    a = fake_assistant.ask("Plafond 750k. Als we nog 30k extra declareren bovenop de 580k die er nu staat, halen we dan 80%?")
    assert args_of(a, "additional_purchase_eligibility")["revenue_reached_eur"] == 610000, a.answer


def test_the_base_after_a_word_of_adding_onto_is_no_change():
    qs = read("nog 30k extra bovenop de 580k")
    assert [q.change for q in qs] == ["more", None]


def test_a_follow_up_adding_onto_the_last_figure_is_no_case_anew(fake_assistant):
    a = talk(
        fake_assistant,
        "Omzetplafond 750k, we staan half augustus op 580k. Kunnen we bijcontracteren?",
        "Plafond blijft 750k. Stel dat er vóór 20 september nog 30k extra bij komt bovenop die 580k, dan wel?",
    )
    assert last_args(a, "additional_purchase_eligibility")["revenue_reached_eur"] == 610000, a.answer


# --- a rule asked in the past tense ---------------------------------------------------------------------------------------


def test_a_rule_asked_in_the_past_names_the_older_policy(fake_assistant):
    a = fake_assistant.ask("Wat moest onze AGB-verpleegkundige in 2024 minimaal aan opleiding hebben?")
    assert "niveau 5" in a.answer and "beleid 2024" in a.answer, a.answer


# --- quantities ------------------------------------------------------------------------------------------------------------


def test_a_part_of_hours_taken_with_of_those_is_hours():
    qs = read("We plan 30,000 hours. 11,000 of those are worked by freelancers we hire.")
    assert [(q.kind, q.unit) for q in qs] == [("count", "hours"), ("count", "hours")]


def test_persons_of_them_taken_on_stay_persons():
    qs = read("Stel dat 800 zzp-uren naar eigen personeel gaan doordat we er twee van hen in dienst nemen.")
    assert any(q.unit == "staff" and q.number == 2 for q in qs), qs


def test_a_year_heading_a_list_of_hours_is_a_year():
    qs = read("Planned 2027 hours: 9,000 by our employees, 3,000 by an agency.")
    assert qs[0].kind == "year" and qs[1].unit == "hours", qs


def test_a_score_a_year_had_been_is_read():
    assert any(q.kind == "score" and q.value == "A" for q in read("and if 2026 had been an A too?"))


@pytest.mark.parametrize(("text", "change"), [("then our fte drops by 0.4", "less"), ("if clients go up by 15", "more")])
def test_a_verb_of_going_down_or_up_by_a_step_is_a_change(text, change):
    assert [q.change for q in read(text) if q.number is not None][-1] == change


def test_a_label_s_size_carries_to_the_figures_of_the_next_sentence():
    qs = read("Total care hours about 30k. Own staff 17,000, an agency 9,000.")
    assert [q.unit for q in qs] == ["hours", "hours", "hours"], qs
    assert read("Geplande uren: 24k. Daarnaast 6 teams.")[1].unit is None


# --- subcontracting follow-ups ----------------------------------------------------------------------------------------------

_HOURS = "For 2027: own staff 5,000 hours, zzp nurses 2,500 hours and an agency 1,500 hours. Within the limit?"


def test_hours_said_as_added_come_on_top_of_a_party_with_the_same_figure(fake_assistant):
    a = talk(fake_assistant, _HOURS, "Plus: our volle dochter, fully ours, adds another 1,500 hours. Would that change the percentages?")
    args = last_args(a, "subcontracting_check")
    assert args.get("full_subsidiary_hours") == 1500 and args.get("subcontractor_hours") == 1500, args
    assert _first(a).startswith("Yes") and "38.1%" in _first(a) and "not 100%" not in a.answer, a.answer  # 4,000 of 10,500


def test_hours_added_beside_hours_given_together(fake_assistant):
    a = talk(
        fake_assistant,
        "Wij leveren 12.000 uur, 5.000 uur daarvan door onderaannemers. Mag dat in 2027?",
        "Stel dat er 1.500 zzp-uren bij komen, bij een gelijk totaal van 12.000 uur?",
    )
    args = last_args(a, "subcontracting_check")
    assert args.get("zzp_hours") == 1500 and args.get("subcontractor_hours") == 5000, args


# --- other calculators in a follow-up ---------------------------------------------------------------------------------------


def test_an_amount_cued_only_by_another_calculator_opens_it(fake_assistant):
    a = talk(
        fake_assistant,
        "We have a €90,000 productieafspraak next year. Is the value model used for us?",
        "Right, no score then. If CZ grants us 40k additional budget in the autumn, how much of it is reimbursed?",
    )
    assert a.tool_calls[-1].name == "staffel_percentage" and "36,000" in a.answer, a.answer


def test_a_message_that_keeps_the_last_case_stays_with_it(fake_assistant):
    a = talk(
        fake_assistant,
        "Onze zorgcoöperatie heeft 2 fte hbo-bachelor verpleegkundigen en 120 cliënten. Klopt de verhouding?",
        "We take on another nurse at 0.3 fte, so 2.3 fte with the same 120 clients. Fine now?",
    )
    assert last_args(a, "cooperative_staffing_check")["hbo_bachelor_nurse_fte"] == 2.3, a.answer


def test_a_gp_practice_nurse_is_no_other_sector():
    assert guards.out_of_scope("Can the GP practice nurse take over 20 of our clients?") is None
    assert guards.out_of_scope("What are the rules for GP practices?") == "sector"


# --- areas ------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "worked"),
    [  # an area forgotten by its name; areas forgotten with a count each
        ("Bestaande aanbieder: in onze postcodegebieden 5, 1, 2 en 2 cliënten. Halen we de norm van 2027?",
         "Vergeten: nog één gebied, Oosterhout-Zuid, daar hadden we 6 cliënten.", "16 ÷ 5"),
        ("Existing provider: 3 clients in 6021, 5 in 6022 and 4 in 6023. Enough for 2027?",
         "Left out two areas: two clients each in 6025 and 6026.", "16 ÷ 5"),
        # the area named by the one client it has, before a dash: 5 + (1 + 3) + 2 + 3
        ("Existing provider, core region, areas with 5, 1, 2 and 3 clients. Enough for 2027?",
         "and with three extra clients in the area that now has just one — enough?", "14 ÷ 4"),
    ],
)  # fmt: skip
def test_forgotten_or_named_areas_join_the_last_list(fake_assistant, first, then, worked):
    a = talk(fake_assistant, first, then)
    assert worked in a.answer, a.answer


# --- a nod before the question, and two questions after it --------------------------------------------------------------


def test_a_nod_before_two_questions(fake_assistant):
    assert len(split_parts("Okay so what amount do we still need to bill, and before which date?")) == 2
    a = talk(
        fake_assistant,
        "Ceiling €1.5 million for 2027; on 10 August we had billed €1.1 million. Can we ask for more budget yet?",
        "Okay so what amount do we still need to bill, and before which date?",
    )
    assert "€100,000" in a.answer and "1 October" in a.answer, a.answer


# --- not stated -------------------------------------------------------------------------------------------------------------


def test_a_thing_named_only_as_still_to_come_is_not_stated(fake_assistant):
    a = fake_assistant.ask("Wat houdt die nieuwe bekostiging straks in?")
    assert a.refused and "nog komt" in _first(a), a.answer
    assert "aanstaande nieuwe bekostiging" in a.answer, a.answer
    b = fake_assistant.ask("Sluit CZ voor 2027 nog maatwerkcontracten met maandbekostiging af?")
    assert not b.refused and _first(b).startswith("Nee"), b.answer


def test_a_refusal_names_the_thing_and_the_sector(fake_assistant):
    a = fake_assistant.ask("Wat kost zo'n VECOZO-certificaat per jaar?")
    assert a.refused and "VECOZO-certificaat" in _first(a), a.answer
    b = fake_assistant.ask("Which purchasing rules does the zorgkantoor use for Wlz care?")
    assert b.refused and "not zorgkantoor and Wlz" in _first(b), b.answer


def test_a_permission_asked_after_so_is_no_conclusion():
    from assistant.answer.asked import concludes_early
    from assistant.text.quantities import fold

    assert concludes_early(fold("Dan komen we dus uit op 45% uitbesteding."))
    assert not concludes_early(fold("Mogen we dus 45% uitbesteden?"))


def test_areas_dropped_without_their_number_are_no_new_count(fake_assistant):
    a = talk(fake_assistant, _NEW, "En als de gebieden met 1 cliënt eruit gaan?")
    assert "met “1 cliënt”" not in a.answer, a.answer  # how many areas had one client, the counts do not say
