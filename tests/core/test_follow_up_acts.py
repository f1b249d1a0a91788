"""Follow-ups that act on the case before: hours counted as another party's ("sell the subsidiary, buy its hours as
subcontracting"), a bare verdict asked after a change ("Voldoende dan?"), the unknown of the last calculation asked at
length, an amount taken "of that ceiling", a date counted from the asker's step, an act asked about and then supposed
("stel dat we dat wel doen"); and the change of a rule whose figure stayed the same."""

from __future__ import annotations

import uuid

import pytest
from answers import first as _first
from answers import last_args as _args


def _chat(assistant, *turns: str):
    cid = uuid.uuid4().hex
    answer = None
    for t in turns:
        answer = assistant.ask(t, conversation_id=cid)
    return answer


@pytest.mark.parametrize(
    "first, then",
    [
        (
            "Van de 6.000 uur zorg doet ons eigen personeel 3.000 uur, onze volle dochter 1.500 uur en de rest gaat via "
            "zzp'ers. Halen we de norm voor 2027?",
            "Stel dat we de dochter afstoten en haar 1.500 uur daarna als onderaanneming inkopen?",
        ),
        (
            "Total 6,000 care hours: 3,000 own staff, 1,500 via our wholly owned subsidiary, 1,500 via freelancers. OK "
            "for 2027?",
            "And if we sell the subsidiary and buy its 1,500 hours as subcontracting?",
        ),
    ],
)
def test_hours_bought_as_subcontracting_leave_the_subsidiary(real_assistant, first, then):
    a = _chat(real_assistant, first, then)
    args = _args(a, "subcontracting_check")
    assert args.get("full_subsidiary_hours") in (0, None) and args.get("subcontractor_hours") == 1500, args
    assert "50%" in _first(a) and "3.000" in _first(a).replace(",", "."), a.answer


@pytest.mark.parametrize(
    "first, then, name",
    [
        (
            "Our 9,000 hours of care: 4,200 by our own employees, the rest by freelancers and a partner agency. Within "
            "the subcontracting limit for 2027?",
            "What if we shift 500 of the freelance hours onto our own payroll by taking on three of those nurses? "
            "Compliant then?",
            "subcontracting_check",
        ),
        (
            "Wij hebben 200 cliënten en 3 fte casemanagers dementie. Klopt dat?",
            "En met 4 fte? Voldoende dan?",
            "dementia_caseload_check",
        ),
    ],
)
def test_a_bare_verdict_after_a_change_is_that_calculation(real_assistant, first, then, name):
    a = _chat(real_assistant, first, then)
    assert " | " not in _first(a), a.answer  # one answer, not a second part answered from a clause
    assert [c.name for c in a.tool_calls] == [name], a.tool_calls


def test_the_unknown_asked_at_length_after_a_check(real_assistant):
    a = _chat(
        real_assistant,
        "Onze casemanagers dementie: 4 fte voor 300 cliënten. Zit dat goed?",
        "Welk aantal fte zouden we dan minimaal in dienst moeten hebben om de caseload te halen?",
    )
    assert "4,62" in _first(a) and "Bijlage 1 1.4" not in _first(a), a.answer


@pytest.mark.parametrize(
    "turns",
    [
        ("Our 2027 revenue ceiling is 1.2 million.", "By 15 September we had billed 1m of that ceiling. Can we ask for extra budget?"),
        ("Op 15 september hadden we 1 miljoen van dat plafond gedeclareerd, het plafond is 1,2 miljoen. Mogen we bijcontracteren?",),
    ],
)
def test_an_amount_of_that_ceiling_is_the_revenue_reached(real_assistant, turns):
    a = _chat(real_assistant, *turns)
    args = _args(a, "additional_purchase_eligibility")
    assert args.get("revenue_reached_eur") == 1_000_000 and args.get("omzetplafond_eur") == 1_200_000, args


def test_a_share_hit_is_the_share_of_the_ceiling_reached(real_assistant):
    a = _chat(
        real_assistant,
        "How much of the ceiling must we reach to request additional purchase?",
        "Great, we hit 78% of the ceiling on 25 September, so we qualify.",
    )
    assert _first(a).startswith("No") and "78%" in _first(a), a.answer


@pytest.mark.parametrize(
    "first, then, start, end",
    [
        (
            "How soon does CZ tell a new provider whether it gets a contract?",
            "Our registration went in on 1 December. When do we hear back at the latest?",
            "1 December 2026",
            "1 February 2027",
        ),
        (
            "Na hoeveel tijd laat CZ een nieuwe aanbieder weten of er een overeenkomst komt?",
            "Wij dienen op 10 januari in. Wanneer horen we het dan ongeveer?",
            "10 januari 2027",
            "10 maart 2027",
        ),
    ],
)
def test_a_period_counted_from_the_day_a_follow_up_gives(real_assistant, first, then, start, end):
    a = _chat(real_assistant, first, then)
    assert start in _first(a) and end in _first(a) and "3.2.1" in _first(a), a.answer


def test_a_day_given_after_another_subject_counts_nothing(real_assistant):
    a = _chat(
        real_assistant,
        "Wanneer moet de kwaliteitsinformatie in VECOZO staan?",
        "We leveren op 3 mei aan, wanneer krijgen we bericht?",
    )
    assert "Gerekend vanaf" not in a.answer, a.answer


@pytest.mark.parametrize(
    "first, then, no",
    [
        (
            "Het plafond raakt op. Mogen we de zorg voor huidige cliënten een paar weken pauzeren?",
            "Stel dat we dat wel doen: krijgen we later dan nog extra budget?",
            "Nee",
        ),
        (
            "Is it OK to put our current clients' care on hold once the ceiling is used up?",
            "Suppose we did it regardless. Would an additional purchase request still be possible?",
            "No",
        ),
    ],
)
def test_an_act_asked_about_then_supposed_is_a_fact_of_the_case(real_assistant, first, then, no):
    a = _chat(real_assistant, first, then)
    assert _args(a, "additional_purchase_eligibility") == {"care_stopped_for_existing_clients": True}
    assert _first(a).startswith(no), a.answer
    assert "zorgplicht is nagekomen" in a.citations[0].quote, a.citations  # the quote of the reason comes first
    assert "~" not in a.answer, a.answer  # the asker's words, not the vocabulary's pattern


def test_an_act_only_asked_about_is_no_fact_of_a_later_question(real_assistant):
    a = _chat(
        real_assistant,
        "Is het toegestaan om bij vaste cliënten de zorg stop te zetten zodra het budget op is?",
        "Hoeveel procent van het plafond moeten we halen voor bijcontractering?",
    )
    assert "80%" in _first(a) and "stopgezet" not in _first(a), a.answer


@pytest.mark.parametrize(
    "question, first",
    [
        ("Zijn de eisen aan onderaanneming sinds de bijlage van 2024 aangescherpt?", "Nee"),
        ("Has the cap on subcontracting become tighter since the 2024 annex?", "No"),
    ],
)
def test_a_rule_whose_figure_stayed_is_not_changed(real_assistant, question, first):
    a = real_assistant.ask(question)
    line = _first(a)
    assert line.startswith(first) and "50%" in line and "50 procent" in line, a.answer


def test_a_rule_whose_figure_moved_is_changed(real_assistant):
    line = _first(real_assistant.ask("Zijn de opleidingseisen voor hbo-verpleegkundigen in een coöperatie sinds 2024 aangescherpt?"))
    assert line.startswith("Ja") and "niveau 5/6" in line and "niveau 6" in line, line


def test_a_figure_joined_to_the_rule_it_names_is_no_figure_of_the_asker(real_assistant):
    a = real_assistant.ask(
        "Kan ik ergens zien welke postcodegebieden tot het kernwerkgebied behoren? Dan kan ik per gebied checken of we "
        "aan de 3-cliënten-eis voldoen."
    )
    assert not any(c.name == "postcode_average" and c.args.get("average_clients_per_postcode") == 3 for c in a.tool_calls)
    assert "uw eigen gemiddelde" not in a.answer, a.answer


@pytest.mark.parametrize(
    "question, silent",
    [
        ("Welk bedrag zit er in het innovatiebudget en hoeveel kan één project er maximaal uit krijgen?", "Het beleid zegt hier niets over"),
        ("What amount is in the innovation budget, and how much can one project get at most?", "The policy does not say this"),
    ],
)
def test_a_part_on_the_subject_of_a_silent_part_is_silent_too(real_assistant, question, silent):
    a = real_assistant.ask(question)
    line = _first(a)
    assert line.startswith(silent) and " | " not in line, a.answer  # said once, no value of another subject
    assert "per contractjaar" not in a.answer and "H&A" not in a.answer, a.answer


def test_a_silent_part_keeps_the_value_of_another_part(real_assistant):
    line = _first(real_assistant.ask("Welk bedrag zit er in het innovatiebudget, en voor welke datum sturen we het projectplan?"))
    assert "niets over" in line and "1 augustus 2027" in line, line
