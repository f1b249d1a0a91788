"""Round 31: cost points said after "score C op het waardemodel" are that letter's; "getekend" names the signing
deadline; an invented per-day payment points at the day rate; backdating is a clause, not a registration check; a
sentence one year split in two is compared whole; the subsidiary (or another party) said before "the remaining
hours" takes them; "of 9,000 hours" is the whole; a separable verb said apart ("besteden ... uit") reaches its
concept; percentage points and "bring back in-house" move a share; "are the dates identical?" and "dat getal" point
back; "... still in 2027, and has the norm changed?" are two parts, the second one a comparison of the years.
Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of as _args
from answers import first as _first
from answers import talk as _talk

from assistant.answer.parts import split_parts
from assistant.retrieve.hybrid import looks_back


@pytest.mark.parametrize(
    ("question", "points", "money"),
    [
        ("Onze organisatie kreeg in 2026 een B-score in het waardemodel met 7 punten op kosten; CZ honoreert in 2027 "
         "een verzoek om € 80.000 aanvullend budget. Hoeveel daarvan wordt vergoed?", 7, "68.000"),
        ("In 2026 we had a B score on the value model, with 5 cost points, and in 2027 an additional budget of "
         "EUR 40,000 was granted. How much of it is reimbursed?", 5, "34,000"),
    ],
)
def test_points_after_a_scored_letter_are_that_letters(fake_assistant, question, points, money):
    a = fake_assistant.ask(question)
    args = _args(a, "staffel_percentage")
    assert args.get("cost_points_2026") == points, args
    assert "cost_points_2027" not in args, args
    assert "85%" in _first(a) and money in _first(a), a.answer


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Het is 4 november 2026 en onze overeenkomst is nog steeds niet getekend. Kan dat nog?", "1 november 2026"),
        ("It is 25 October 2026 and our agreement hasn't been signed yet. Are we late?", "1 November 2026"),
    ],
)
def test_an_unsigned_contract_is_checked_against_the_signing_deadline(fake_assistant, question, says):
    a = fake_assistant.ask(question)
    assert says in _first(a), a.answer
    assert "volgverzoek" not in _first(a).lower() and "follow request" not in _first(a).lower(), a.answer


def test_an_invented_day_payment_points_at_the_day_rate(fake_assistant):
    a = fake_assistant.ask("Is it right that CZ pays €9 per day for each client cared for in a Bijna Thuis Huis? What would 6 clients over two "
        "weeks bring in?")
    assert "dagtarief" in a.answer and "day rate" in a.answer, a.answer
    assert "756" not in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        ("Gaat ons contract met terugwerkende kracht in per 1 januari als we ons in februari inschrijven?", "Nee"),
        ("Is an agreement ever backdated?", "No"),
    ],
)
def test_backdating_is_answered_by_its_clause(fake_assistant, question, opens):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(opens), a.answer
    assert "terugwerkende kracht" in _first(a), a.answer
    assert not a.tool_calls or all(c.name != "new_provider_eligibility" for c in a.tool_calls), a.tool_calls


def test_backdating_asked_in_english_is_glossed(fake_assistant):
    a = fake_assistant.ask("Our board says CZ will backdate the agreement to 1 January 2027 if we sign up before March. Is that so?")
    assert "terugwerkende kracht" in _first(a) and "retroactive" in _first(a), a.answer


def test_a_sentence_split_in_two_is_compared_whole(fake_assistant):
    a = fake_assistant.ask("Welk kader gold in 2024 voor de PREM en is dat veranderd?")
    assert "Generiek kompas" in _first(a) and "kwaliteitskader Wijkverpleging" in _first(a), a.answer
    assert "«Hij»" not in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "args"),
    [
        ("In 2026 we provided 12,000 hours of care: 5,000 by our own nurses, 2,500 by hired zzp'ers, and the "
         "subsidiary we fully own took the remainder. Is that within the 2027 subcontracting rule?",
         {"total_care_hours": 12000, "full_subsidiary_hours": 4500, "zzp_hours": 2500}),
        ("Van 8.000 uur leveren zzp'ers er 1.000, onze volle dochter 3.000 en de rest doen we met eigen mensen. Klopt dat met de regel?",
         {"total_care_hours": 8000, "zzp_hours": 1000, "full_subsidiary_hours": 3000}),
        ("Of 7,000 hours, freelancers did 3,000. Is that allowed?", {"total_care_hours": 7000, "zzp_hours": 3000}),
    ],
)
def test_who_does_the_rest_and_the_whole_said_with_of(fake_assistant, question, args):
    a = fake_assistant.ask(question)
    got = _args(a, "subcontracting_check")
    for k, v in args.items():
        assert got.get(k) == v, got


def test_the_subsidiary_that_did_the_rest_is_own_care(fake_assistant):
    a = fake_assistant.ask(
        "In 2026 we provided 12,000 hours of care: 5,000 by our own nurses, 2,500 by hired zzp'ers, and the "
        "subsidiary we fully own took the remainder. Is that within the 2027 subcontracting rule?"
    )
    assert _first(a).startswith("Yes") and "20.83%" in _first(a), a.answer


@pytest.mark.parametrize(
    "question",
    ["Wij besteden 65% van onze zorg uit. Mag dat in 2027?", "Besteden jullie de helft uit, dan is dat toch goed? Wij besteden 55% uit."],
)
def test_a_separable_verb_said_apart_reaches_its_concept(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert any(c.name == "subcontracting_check" for c in a.tool_calls), a.answer
    assert "AI" not in _first(a), a.answer


@pytest.mark.parametrize(
    ("turns", "opens", "share"),
    [
        (["We subcontract 57% and do 43% ourselves. Fine for 2027?", "What if we bring 8 percentage points back in-house?"],
         "Yes", "49%"),
        (["Wij besteden 61% uit en doen 39% zelf. Mag dat?", "Stel dat we 9 procentpunten terughalen naar eigen personeel?"],
         "Nee", "52%"),
    ],
)
def test_percentage_points_brought_back_move_the_share(fake_assistant, turns, opens, share):
    a = _talk(fake_assistant, *turns)
    assert _first(a).startswith(opens) and share in _first(a), a.answer
    assert "hours" not in _args(a, "subcontracting_check").get("measure", "") or "own_staff_hours" not in _args(a, "subcontracting_check")


@pytest.mark.parametrize(
    ("turns", "says"),
    [
        (["By when must the quality information be delivered via VECOZO?", "Is the period the same for medical child care?"],
         "1 May"),
        (["Wanneer moet de kwaliteitsinformatie via VECOZO binnen zijn?", "Is die termijn voor medische kindzorg gelijk?"],
         "1 mei"),
    ],
)
def test_the_same_said_after_the_thing_points_back(fake_assistant, turns, says):
    a = _talk(fake_assistant, *turns)
    assert says in _first(a), a.answer


def test_that_number_points_back_to_the_subject_before(fake_assistant):
    a = _talk(
        fake_assistant,
        "Hoeveel cliënten moest ziekenhuisverplaatste zorg in de bijlage van 2024 minimaal omvatten?",
        "Wordt dat aantal in het beleid 2027 nog genoemd?",
    )
    assert _first(a).startswith("Nee"), a.answer
    assert "10 of meer" in a.answer, a.answer
    assert "casemanager" not in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "n"),
    [
        ("Does 2027 still say so, and has the training requirement changed?", 2),
        ("Staat dat nog in 2027, en is de caseloadnorm veranderd?", 2),
        ("en gold dat in 2024 ook, mocht het toen ook?", 1),
    ],
)
def test_a_pointing_part_before_a_clause_of_its_own_is_a_part(question, n):
    assert len(split_parts(question)) == n


@pytest.mark.parametrize(
    ("question", "back"),
    [
        ("has the caseload norm changed?", True),
        ("did the postcode rule change?", True),
        ("is de opleidingseis veranderd?", True),
        ("did our revenue change?", False),
        ("wat verandert er als we groeien?", False),
    ],
)
def test_whether_a_rule_changed_compares_the_years(question, back):
    assert looks_back(question) is back


def test_two_parts_one_gone_one_unchanged(fake_assistant):
    a = fake_assistant.ask(
        "In 2024 a dementia case manager had to be employed for a minimum weekly number of hours. Does 2027 keep "
        "that, and has the caseload norm changed?"
    )
    line = _first(a)
    assert "24" in line and "50 tot 65" in line, a.answer
    assert line.startswith("No"), a.answer


def test_a_part_of_only_general_words_borrows_its_subject():
    parts = split_parts("Hoe dienen we een verzoek om extra budget in, en wat is de allerlaatste exacte datum?")
    assert len(parts) == 2
    assert "budget" in parts[1][0], parts


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("May a starting provider register twice in the same contract year?", 2),
        ("Mogen we ons tweemaal per contractjaar inschrijven?", 2),
        ("Is it enough to register once a year?", 1),
    ],
)
def test_times_said_in_one_word_are_a_count(question, value):
    from assistant.text.quantities import read

    counts = [q for q in read(question) if q.kind == "count" and q.unit == "registrations"]
    assert [int(q.value) for q in counts] == [value]


@pytest.mark.parametrize("text", ["Once we are registered, what happens next?", "Eenmaal ingeschreven, wat dan?"])
def test_once_joining_clauses_is_no_count(text):
    from assistant.text.quantities import read

    assert not [q for q in read(text) if q.kind == "count"]


def test_registering_twice_is_refused(fake_assistant):
    a = fake_assistant.ask("May a starting provider register twice in the same contract year?")
    assert _first(a).startswith("No"), a.answer
    assert "once per contract year" in _first(a), a.answer


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        ("Geldt de 50%-grens voor uitbesteden ook voor een zorgcoöperatie?", "Nee"),
        ("Is a care cooperative bound by the 50% subcontracting cap too?", "No"),
    ],
)
def test_a_rule_named_by_its_figure_is_answered_by_its_exception(fake_assistant, question, opens):
    a = fake_assistant.ask(question)
    line = _first(a)
    assert line.startswith(opens) and "uitzondering" in line and "zorgcoöperatie" in line, a.answer


def test_the_value_of_a_party_the_question_denies_is_not_the_answer(fake_assistant):
    a = fake_assistant.ask("Which nurse-to-client ratio holds for a provider that is not a cooperative?")
    assert _first(a).startswith("The policy does not say"), a.answer
    assert "55" in a.answer and "coöperatie" in a.answer, a.answer  # the cooperative's own figure, shown beside


def test_a_party_the_question_names_keeps_its_value(fake_assistant):
    a = fake_assistant.ask("Welke verhouding hbo-bachelor verpleegkundigen op cliënten geldt binnen een zorgcoöperatie?")
    assert "55" in _first(a), a.answer


def test_a_denial_for_every_value_answers_a_dated_question(fake_assistant):
    a = fake_assistant.ask("Kan een overeenkomst met terugwerkende kracht per 1 maart ingaan als we in april starten?")
    assert _first(a).startswith("Nee"), a.answer


def test_whether_the_rule_applies_to_the_case_before_is_that_case(fake_assistant):
    a = _talk(
        fake_assistant,
        "Wij doen alleen medische kindzorg: 19 kinderen met een CZ-polis in 11 postcodegebieden.",
        "Dat komt niet eens aan 2 per gebied. Moeten wij in 2027 echt aan die norm van 3 cliënten per postcodegebied voldoen?",
    )
    assert _first(a).startswith("Nee") and "kindzorg" in _first(a), a.answer
    assert _args(a, "postcode_average")["medical_child_care_only"] is True


def test_a_rule_question_about_others_after_a_calculation_is_answered_no(fake_assistant):
    a = _talk(
        fake_assistant,
        "We hebben 40 cliënten in 12 postcodegebieden. Halen we de norm?",
        "Geldt die postcode-eis eigenlijk ook voor aanbieders van medische kindzorg?",
    )
    assert _first(a).startswith("Nee") and "kindzorg" in _first(a), a.answer


def test_how_soon_a_decision_comes_is_no_deadline(fake_assistant):
    a = _talk(
        fake_assistant,
        "Wij zijn een startende aanbieder en schrijven ons op 20 januari 2027 in. Lukt dat nog?",
        "Top. Hoe snel horen we daarna iets van CZ?",
    )
    assert "2 maanden" in _first(a), a.answer
