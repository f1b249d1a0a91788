"""Figures read together with the figures and words beside them: a list that enumerates areas counted before it,
a share said right after the amount it is of, an ownership share in an aside, the shares of several subcontracting
parties, one more person at an fte of their own, and the asker's own figure told before the asked sentence (no
claim of what it asks); a score letter of a category; "hoe lang nog" asks until when."""

from __future__ import annotations

import pytest
from answers import first as _first

from assistant.answer.asked import asked, asks_end
from assistant.text.quantities import read


def _call(answer, name):
    calls = [c for c in answer.tool_calls if c.name == name]
    assert calls, (answer.tool_calls, answer.answer)
    return calls[0]


@pytest.mark.parametrize(
    "question, counts",
    [
        ("Existing provider with clients in three postcode areas: 5, 2 and 2. Is the 2027 rule met?", [5, 2, 2]),
        ("Wij zitten in 4 postcodegebieden, met 1, 3, 3 en 5 cliënten. Voldoen we in 2027?", [1, 3, 3, 5]),
    ],
)
def test_a_list_after_the_counted_areas_is_their_clients(fake_assistant, question, counts):
    call = _call(fake_assistant.ask(question), "postcode_average")
    assert call.args["clients_per_postcode"] == counts, call.args


def test_a_list_of_another_length_than_the_areas_is_not_taken_for_them(fake_assistant):
    a = fake_assistant.ask("Existing provider with clients in two postcode areas: 5, 2 and 2. Is the 2027 rule met?")
    assert "clients_per_postcode" not in _call(a, "postcode_average").args, a.tool_calls


def test_a_share_right_after_its_amount_is_checked_not_claimed_of_the_threshold(fake_assistant):
    a = fake_assistant.ask("Plafond 2027: 500k. Gedeclareerd per 10 september: 430k (86%). Mogen we bijcontracteren?")
    first = _first(a)
    assert first.startswith("Ja") and "86%" in first and "niet 86" not in first, a.answer
    assert "80% vóór 1 oktober" in first, a.answer  # the threshold with the day it must be reached by


def test_a_share_rounded_as_written_is_not_contradicted(fake_assistant):
    a = fake_assistant.ask("Ceiling for 2027 is 900k and by 5 September we had billed 760k (84%). Can we apply for extra budget?")
    first = _first(a)
    assert first.startswith("Yes") and "not 84" not in first, a.answer


def test_ownership_in_an_aside_is_no_share_of_the_care(fake_assistant):
    call = _call(
        fake_assistant.ask(
            "2027, ruim 20.000 uur: eigen mensen 8.000, onze dochter-bv (100% van ons) 4.000, een bureau 5.000 en "
            "zzp'ers 3.000. Binnen de grens?"
        ),
        "subcontracting_check",
    )
    assert "full_subsidiary_share_pct" not in call.args and call.args.get("full_subsidiary_hours") == 4000, call.args


@pytest.mark.parametrize(
    "question, share",
    [
        ("Wij: 55% eigen personeel, 30% zzp'ers, 15% via een thuiszorgbureau. Voldoen we in 2027?", 45),
    ],
)
def test_shares_of_subcontracting_parties_side_by_side_add_up(fake_assistant, question, share):
    call = _call(fake_assistant.ask(question), "subcontracting_check")
    assert call.result["subcontracted_share_pct"] == share, (call.args, call.result)


@pytest.mark.parametrize(
    "question", ["Zzp'ers doen 20% en onderaannemers 15%, samen 35%. Voldoen we in 2027?",
                 "Zo'n 30% gaat naar zzp'ers, waarvan 10% via een bureau. Mag dat in 2027?"],
)
def test_a_total_or_a_part_of_a_share_does_not_add_up(fake_assistant, question):
    call = _call(fake_assistant.ask(question), "subcontracting_check")
    assert call.args["subcontracted_share_pct"] in (30, 35), call.args


def test_shares_of_two_times_do_not_add_up(fake_assistant):
    call = _call(fake_assistant.ask("Twee jaar terug 20% zzp, nu 40% via onderaannemers. Mag dat in 2027?"), "subcontracting_check")
    assert call.args["subcontracted_share_pct"] in (20, 40), call.args


@pytest.mark.parametrize(
    "question, fte",
    [
        ("Our cooperative: two full-time level 6 nurses and one more at 0.8 fte, for 150 clients. Enough?", 2.8),
        ("Coöperatie met 3 fte hbo-verpleegkundigen en nog een verpleegkundige op 0,4 fte; 200 cliënten. Voldoen we?", 3.4),
    ],
)
def test_one_more_person_at_an_fte_of_their_own_adds_to_the_fte(fake_assistant, question, fte):
    call = _call(fake_assistant.ask(question), "cooperative_staffing_check")
    assert call.args["hbo_bachelor_nurse_fte"] == pytest.approx(fte), call.args


def test_the_story_before_the_asked_sentence_claims_no_amount(fake_assistant):
    a = fake_assistant.ask(
        "Our production agreement is €70,000 so there is no score for us. If CZ honours €8,000 of extra budget, how much "
        "is reimbursed at most?"
    )
    first = _first(a)
    assert "7,200" in first and "70,000" not in first, a.answer


def test_around_the_clock_is_no_figure():
    assert read("bereikbaar (24/7) voor al onze cliënten") == [], read("bereikbaar (24/7) voor al onze cliënten")


@pytest.mark.parametrize("text", ["Stel dat we in de B-categorie komen", "what if we land in the C category"])
def test_a_letter_of_a_category_is_a_score(text):
    assert [q.kind for q in read(text)] == ["score"], read(text)


@pytest.mark.parametrize(
    "question, end",
    [
        ("Hoe lang kunnen nieuwe aanbieders zich nog inschrijven?", True),
        ("How long from today can we still object?", True),
        ("Hoe lang duurt het voordat CZ reageert?", False),
        ("Hoe lang mag een cliënt nog op een wachtlijst staan?", False),
        ("How long do we still have to keep the care file?", False),
    ],
)
def test_how_long_with_still_asks_until_when(question, end):
    assert asks_end(question) is end
    assert (asked(question).kind == "date") is end, asked(question)


def test_a_rules_figure_in_the_asked_sentence_leaves_the_check_on_the_day_asked(fake_assistant):
    a = fake_assistant.ask("Bezwaar indienen tegen de regel van maximaal 50% onderaanneming: kan dat op dit moment nog?")
    assert [c.name for c in a.tool_calls] == ["deadlines"], (a.tool_calls, a.answer)
    assert _first(a).startswith("Nee") and "15 mei" in _first(a), a.answer


@pytest.mark.parametrize(
    "question, share, claimed",
    [
        ("Zzp'ers leveren 15% en een thuiszorgbureau 20%, dus we komen op 35% uitbesteed. Mag dat in 2027?", 35, "35%"),
        ("Agency nurses cover 10% and freelancers 30%, which puts us at 45% outsourced. Within the 2027 cap?", 40, "45%"),
    ],
)
def test_the_askers_conclusion_from_the_shares_is_checked_not_added(fake_assistant, question, share, claimed):
    a = fake_assistant.ask(question)
    call = _call(a, "subcontracting_check")
    assert call.result["subcontracted_share_pct"] == share, (call.args, call.result)
    assert (f"not {claimed}" in _first(a) or f"niet {claimed}" in _first(a)) == (share != int(claimed[:-1])), _first(a)
    assert _first(a).startswith(("Ja", "Yes")), _first(a)  # the verdict asked in its own sentence stays the verdict


def test_a_wrong_conclusion_confirmed_by_a_tag_is_answered_no(fake_assistant):
    a = fake_assistant.ask("Freelancers 25% and an agency 10%, so we are at 30% subcontracted. Right?")
    assert _call(a, "subcontracting_check").result["subcontracted_share_pct"] == 35
    assert _first(a).startswith("No") and "not 30%" in _first(a), _first(a)


def test_a_subsidiary_counted_as_subcontractor_in_the_conclusion_is_set_right(fake_assistant):
    a = fake_assistant.ask(
        "We leveren zelf 50%, 25% via onze dochter-bv en 25% via zzp'ers, dus we zitten op 50% onderaanneming. Kan dat nog?"
    )
    call = _call(a, "subcontracting_check")
    assert call.args.get("full_subsidiary_share_pct") == 25 and call.result["subcontracted_share_pct"] == 25, call.args
    assert "niet 50%" in _first(a), _first(a)


def test_a_share_with_a_subcontracting_partys_cue_is_no_own_share(fake_assistant):
    call = _call(fake_assistant.ask("Freelancers do 15% and a partner agency 25%. Allowed in 2027?"), "subcontracting_check")
    assert "own_share_pct" not in call.args and call.result["subcontracted_share_pct"] == 40, call.args


@pytest.mark.parametrize(
    "question, share",
    [
        ("Own staff 55%, freelancers 30% so far and an agency 15%. Do we comply in 2027?", 45),
        ("We doen 55% zelf, zzp'ers 30% en dus een bureau 15%. Voldoen we?", 45),
        ("We use freelancers for 20% so that we can grow, and an agency for 10%. Allowed in 2027?", 30),
    ],
)
def test_a_conclusion_word_without_a_stating_clause_of_its_own_keeps_the_parts(fake_assistant, question, share):
    a = fake_assistant.ask(question)
    assert _call(a, "subcontracting_check").result["subcontracted_share_pct"] == share, a.answer
    assert "not " not in _first(a).split("comply")[-1] and "niet " not in _first(a).split("voldoet")[-1], _first(a)


def test_a_conclusion_of_the_own_share_is_checked_against_the_own_share(fake_assistant):
    a = fake_assistant.ask("Zzp'ers doen 20% en een thuiszorgbureau 10%, dus blijft er 70% eigen personeel over. Mag dat?")
    assert _first(a).startswith("Ja") and "niet 70%" not in _first(a), _first(a)


@pytest.mark.parametrize(
    "question, first",
    [
        ("Zzp'ers 25% en een bureau 5%, dus we zitten op 35%, toch?", "Nee"),
        ("Zzp'ers 25% en een bureau 5%, dus we zitten op 35%. Klopt mijn som?", "Nee"),
        ("Freelancers 25% and an agency 5%, which means 35% subcontracted. Allowed in 2027?", "Yes"),
    ],
)
def test_a_conclusion_with_its_subject_in_it_or_confirmed_is_checked(fake_assistant, question, first):
    a = fake_assistant.ask(question)
    assert _call(a, "subcontracting_check").result["subcontracted_share_pct"] == 30, a.answer
    assert _first(a).startswith(first) and "35%." in _first(a).split("—")[-1], _first(a)


def test_an_addition_asked_is_no_claim(fake_assistant):
    a = fake_assistant.ask("Zzp'ers 25% en een bureau 5%, dus kunnen we 10% erbij nemen?")
    assert "niet 10%" not in _first(a), _first(a)
