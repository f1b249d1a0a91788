"""Values asked of a year other than the current policy's: the rows of an older text's table keyed by years
(the subcontracting schedule of 2022-2024 in the 2024 appendix), and an older policy year's own value beside the
current one. Also the one-term vocabulary group (onderaanneming / onderaannemers) these questions lean on."""

from __future__ import annotations

from answers import first as _first

from assistant.answer.asked import asked
from assistant.answer.parts import split_parts
from assistant.retrieve.analysis import analyse
from assistant.text.quantities import read


def test_a_share_asked_of_a_year_only_the_older_schedule_gives_comes_from_its_row(fake_assistant):
    a = fake_assistant.ask("Welk deel van de zorg moesten aanbieders in 2022 minimaal zelf leveren?")
    assert _first(a).startswith("In 2022: minimaal 25%"), a.answer
    assert a.citations and a.citations[0].year == 2024 and "2022" in a.citations[0].quote, a.answer
    b = fake_assistant.ask("How much of the care could go to subcontractors at most in 2023?")
    assert _first(b).startswith("In 2023: at most 65%"), b.answer


def test_a_follow_up_that_names_only_the_year_asks_the_value_of_the_question_before(fake_assistant):
    cid = "year-row-follow-up"
    fake_assistant.ask("Welk percentage mogen we hoogstens uitbesteden aan onderaannemers?", conversation_id=cid)
    a = fake_assistant.ask("En in 2022?", conversation_id=cid)
    assert _first(a).startswith("In 2022: maximaal 75%"), a.answer


def test_a_claimed_figure_for_such_a_year_is_answered_yes_or_no_first(fake_assistant):
    a = fake_assistant.ask("Lag het maximum voor onderaanneming in 2023 ook al op de helft?")
    first = _first(a)
    assert first.startswith("Nee") and "65%" in first, a.answer
    b = fake_assistant.ask("Was the subcontracting cap 75% in 2022?")
    assert _first(b).startswith("Yes") and "75%" in _first(b), b.answer


def test_a_value_asked_of_the_older_policy_is_given_beside_the_current_one(fake_assistant):
    a = fake_assistant.ask("Welk niveau vroeg de tekst van 2024 voor verpleegkundigen in de gespecialiseerde verpleging?")
    first = _first(a)
    assert first.startswith("In 2024: niveau 4 of 5") and "2027: niveau 4 of 6" in first, a.answer
    assert {c.year for c in a.citations} == {2024, 2027}, a.answer
    b = fake_assistant.ask("Which caseload per fte did the 2024 rules give a dementia case manager?")
    assert b.answer.startswith("In 2024: on average 50 to 65 clients per fte") and "unchanged in 2027" in b.answer, b.answer


def test_the_work_and_those_who_do_it_are_one_term():
    assert set(analyse("onderaanneming")) == set(analyse("onderaannemer")) <= set(analyse("onderaannemers"))


def test_the_current_maximum_in_subcontracting_is_found_under_either_word(fake_assistant):
    a = fake_assistant.ask("Tot welk percentage mag zorg in onderaanneming worden gegeven?")
    assert _first(a).startswith("Maximaal 50%") and a.citations[0].year == 2027, a.answer
    b = fake_assistant.ask("Planned for 2027: 16k hours in all, 7,000 of which outsourced. Fine?")
    assert [c.name for c in b.tool_calls] == ["subcontracting_check"], b.answer
    assert b.tool_calls[0].args.get("total_care_hours") == 16000, b.tool_calls[0].args


def test_a_borrowed_word_is_no_unit_of_the_parts_own_year():
    parts = split_parts("Hoeveel procent mogen onderaannemers doen? En wat gold er in 2022?")
    assert len(parts) == 2
    said = read(parts[1][0])
    assert [(q.kind, q.value) for q in said if q.kind in ("year", "percent")] == [("year", 2022)], said


def test_a_rate_asked_per_fte_counts_no_fte():
    assert asked("Which caseload per fte holds for one dementia case manager?").unit is None
    assert asked("Hoeveel fte is er nodig voor 90 cliënten?").unit == "fte"


def test_a_year_of_the_askers_own_case_or_of_another_subject_is_not_asked_of_the_schedule(fake_assistant):
    a = fake_assistant.ask("In 2022 hadden we 40 cliënten, wat is de caseload per fte?")
    assert not _first(a).startswith("In 2022"), a.answer
    b = fake_assistant.ask("Hoeveel procent van de zorgaanbieders kreeg in 2023 een A-score?")
    assert "65%" not in _first(b) and "35%" not in _first(b), b.answer


def test_a_cue_that_names_the_concept_still_keeps_a_value_of_something_else_out(fake_assistant):
    """Only words that merely name the kind ("percentage", "bedrag") are left out when deciding that a value stands in
    a sentence about something else; "dagtarief" is the concept asked about, so the € 50.000 revenue of new
    providers is no answer to it."""
    a = fake_assistant.ask("Welk dagtarief rekent CZ voor een cliënt in een BTH in 2027?")
    assert "50.000" not in _first(a), a.answer


def test_the_policy_year_named_does_not_make_a_restriction_rule_the_value_out(fake_assistant):
    a = fake_assistant.ask("Welk niveau verpleegkundige is in 2027 vereist voor gespecialiseerde verpleging?")
    assert _first(a).startswith("Niveau 4 of 6"), a.answer


def test_a_level_asked_of_both_years_gives_each_year_s_level(fake_assistant):
    a = fake_assistant.ask(
        "Welke opleiding heeft een verpleegkundige nodig bij gespecialiseerde verpleging, en welke gold daarvoor in 2024?"
    )
    first = _first(a)
    assert "4 of 6" in first and "4 of 5" in first and "«een verpleegkundige»" not in first, a.answer
