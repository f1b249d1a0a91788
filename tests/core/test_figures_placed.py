"""Figures placed by what stands around them: a part taken "of those" hours a label named, persons taken on ("by
employing three of them"), "een volledige fte" as one fte, a client count spread over areas as their total even
after the word "gemiddelde", an amount billed "against that ceiling", and "how much of" a whole as a share; an
English not-stated answer glosses the Dutch sentence it offers."""

from __future__ import annotations

import uuid

import pytest
from answers import first as _first
from answers import last_args as _args

from assistant.text.quantities import read


def _chat(real_assistant, *turns: str):
    cid = uuid.uuid4().hex
    answer = None
    for t in turns:
        answer = real_assistant.ask(t, conversation_id=cid)
    return answer


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Hours planned for 2027: 9,000 in total. Our employees do 4,700 of those; agencies the rest.", 4700, "hours"),
        ("Zorguren 2027: 8.000 totaal. Eigen personeel doet 4.100 daarvan, de rest zzp'ers.", 4100, "hours"),
    ],
)
def test_a_part_taken_of_a_labelled_whole_has_its_unit(text, value, unit):
    q = next(q for q in read(text) if q.number == value)
    assert (q.kind, q.unit) == ("count", unit)


@pytest.mark.parametrize(
    "text, persons, hours",
    [
        ("What if 250 of the zzp hours go to our own staff by employing two of them?", 2, 250),
        ("Stel dat 600 zzp-uren naar eigen personeel gaan doordat we er drie van hen in dienst nemen.", 3, 600),
    ],
)
def test_persons_taken_on_are_persons_not_hours(text, persons, hours):
    qs = read(text)
    person = next(q for q in qs if q.number == persons)
    assert person.unit == "staff"
    assert [q.unit for q in qs if q.number == hours] != ["staff"] and len([q for q in qs if q.number == hours]) == 1


def test_of_them_without_hiring_keeps_the_unit_of_the_whole():
    qs = read("We have 1,200 zzp hours; 300 of them move to our own staff.")
    assert next(q for q in qs if q.number == 300).unit == "hours"


@pytest.mark.parametrize(
    "text", ["naar een volledige fte", "to one full fte", "als het een hele fte wordt", "to one whole fte"]
)
def test_a_whole_fte_in_words_is_one_fte(text):
    q = next(q for q in read(text) if q.unit == "fte")
    assert q.number == 1


@pytest.mark.parametrize("text", ["a full time job", "een volle dochter", "the whole team"])
def test_full_or_whole_before_other_words_is_no_number(text):
    assert not [q for q in read(text) if q.kind in ("count", "number")]


@pytest.mark.parametrize(
    "first, then, clients, fte, verdict",
    [
        (
            "Onze casemanager dementie werkt 0,7 fte en heeft 47 cliënten. Klopt dat met de norm?",
            "En als we haar naar een volledige fte brengen, met dezelfde cliënten?",
            47, 1, "Nee",
        ),
        (
            "Our dementia case manager is on 0.8 fte with 60 clients. Within the norm?",
            "And if we raise her to one full fte?",
            60, 1, "Yes",
        ),
    ],
)  # fmt: skip
def test_a_follow_up_to_a_whole_fte_recalculates(real_assistant, first, then, clients, fte, verdict):
    answer = _chat(real_assistant, first, then)
    args = _args(answer, "dementia_caseload_check")
    assert (args["clients"], args["casemanager_fte"]) == (clients, fte)
    assert _first(answer).startswith(verdict)


@pytest.mark.parametrize(
    "question, total, areas",
    [
        ("Ons gemiddelde is 52 cliënten over 20 postcodes, dus 2,6. Halen we de eis voor 2027?", 52, 20),
        ("Our average: 39 clients across 13 areas. Do we meet the 2027 postcode rule?", 39, 13),
    ],
)
def test_clients_spread_over_areas_are_their_total_after_the_word_average(real_assistant, question, total, areas):
    args = _args(real_assistant.ask(question), "postcode_average")
    assert (args.get("total_clients"), args.get("postcode_areas")) == (total, areas)
    assert "average_clients_per_postcode" not in args


def test_an_average_said_per_area_stays_the_average(real_assistant):
    args = _args(real_assistant.ask("We zitten gemiddeld op 2,7 cliënten per gebied in 14 gebieden. Halen we de eis?"), "postcode_average")
    assert args["average_clients_per_postcode"] == 2.7


def test_an_amount_billed_against_that_ceiling_is_the_revenue(real_assistant):
    answer = _chat(
        real_assistant,
        "Our revenue ceiling with CZ for 2027 is 2.5 million euros.",
        "By 8 September 2027 we had billed €1.9m against that ceiling. Can we ask for extra budget yet?",
    )
    args = _args(answer, "additional_purchase_eligibility")
    assert (args["omzetplafond_eur"], args["revenue_reached_eur"]) == (2500000, 1900000)
    assert _first(answer).startswith("No") and "76%" in _first(answer)


@pytest.mark.parametrize(
    "question, share",
    [
        ("How much of our revenue ceiling must we have used before we may ask for additional purchase?", "80%"),
        ("Hoeveel van ons omzetplafond moeten we bereikt hebben voordat we bijcontractering aanvragen?", "80%"),
        ("How much of the care may we subcontract?", "50%"),
    ],
)
def test_how_much_of_a_whole_asks_a_share(real_assistant, question, share):
    answer = real_assistant.ask(question)
    assert not answer.refused, answer.answer
    assert share in _first(answer)


def test_an_english_not_stated_answer_glosses_the_dutch_it_offers(real_assistant):
    answer = real_assistant.ask("How much is the day rate CZ pays for care in a Bijna Thuis Huis in 2027?")
    assert answer.refused
    assert "dagtarief" in answer.answer and "“dagtarief” = day rate" in answer.answer


def test_a_figure_of_the_askers_that_dropped_is_no_question_about_the_rule_texts():
    from assistant.retrieve.hybrid import looks_back

    assert not looks_back("did we drop below the 80% threshold for extra budget?")
    assert not looks_back("has our revenue dropped below the threshold?")
    assert looks_back("has cz dropped the 24 hours per week minimum?")


@pytest.mark.parametrize(
    "question, first",
    [
        ("Has CZ dropped the 24 hours per week minimum contract for dementia case managers in 2027?", "Yes"),
        ("Is de eis van 24 uur per week voor casemanagers dementie afgeschaft?", "Ja"),
        ("Did CZ scrap the 1 to 55 rule for cooperatives?", "No"),  # changed (the nurse's level), not gone
        ("Is de regel van 1 fte op 55 cliënten voor coöperaties geschrapt?", "Nee"),
    ],
)
def test_a_rule_asked_as_dropped_is_yes_only_when_it_is_gone(real_assistant, question, first):
    answer = real_assistant.ask(question)
    assert _first(answer).startswith(first + ":"), answer.answer
    assert "2024" in _first(answer)


@pytest.mark.parametrize(
    "question, first",
    [
        ("Er staat bij ons nog een onbetaalde naheffing btw open bij de Belastingdienst. Is dat erg voor ons contract?", "Ja"),
        ("We owe unpaid payroll tax. Could that be a problem for our 2027 contract?", "Yes"),
        ("We hebben een onbetaalde naheffing loonheffing. Kunnen we nog een contract krijgen?", "Nee"),
    ],
)
def test_an_unpaid_tax_assessment_excludes_and_a_problem_asked_is_yes(real_assistant, question, first):
    answer = real_assistant.ask(question)
    assert _args(answer, "exclusion_check").get("tax_arrears") is True
    assert _first(answer).startswith(first + ":"), answer.answer


def test_a_cooperative_named_as_a_zzp_compound_is_the_cooperative_ratio(real_assistant):
    answer = real_assistant.ask(
        "Onze zzp-coöperatie heeft 5 hbo-bachelor verpleegkundigen, samen 4,2 fte, voor 240 cliënten. Klopt de verhouding?"
    )
    args = _args(answer, "cooperative_staffing_check")
    assert (args["clients"], args["hbo_bachelor_nurse_fte"]) == (240, 4.2)
    assert "4,36" in _first(answer) and _first(answer).startswith("Nee")


def test_zzp_said_on_its_own_beside_the_compound_still_names_subcontracting(real_assistant):
    answer = real_assistant.ask("Onze zzp-coöperatie besteedt 60% van de zorg uit aan zzp'ers. Mag dat?")
    assert _args(answer, "subcontracting_check")["subcontracted_share_pct"] == 60


@pytest.mark.parametrize(
    "question",
    [
        "CZ gave us, an existing provider, a three-year contract for 2027-2029. Which clause guarantees that term?",
        "Krijgen wij als bestaande aanbieder een contract voor 2027 t/m 2029?",
    ],
)
def test_a_span_from_the_policy_year_is_answered_for_that_year(real_assistant, question):
    answer = real_assistant.ask(question)
    assert not answer.refused, answer.answer
    assert "1-jarige overeenkomst" in _first(answer)


def test_a_later_year_asked_on_its_own_is_still_not_covered(real_assistant):
    answer = real_assistant.ask("Wat is de postcode-eis in 2029?")
    assert answer.refused and "2029" in answer.answer


@pytest.mark.parametrize(
    "turns, gap",
    [
        (("Onze 2 fte casemanagers dementie komen uit op 46 cliënten per fte. Zitten we goed?",), "nog 8 cliënten nodig"),
        (("Our dementia case managers: 3 fte with 210 clients. Within the norm?",), "15 clients too many"),
        (("Onze casemanagers dementie: 2 fte met 90 cliënten. Binnen de norm?",), "nog 10 cliënten nodig"),
    ],
)
def test_outside_the_caseload_norm_the_answer_says_how_many_clients_differ(real_assistant, turns, gap):
    answer = _chat(real_assistant, *turns)
    assert gap in _first(answer), answer.answer


@pytest.mark.parametrize(
    "question, yes_no",
    [
        ("Max reimbursement under the staffel?", False),
        ("Deadline voor de businesscase?", False),
        ("Minimum aantal cliënten per gebied?", False),
        ("Maximaal 50%?", True),  # a figure checked: yes or no
        ("Mag dat?", True),
        ("Termijn verstreken, mogen we nog bezwaar maken?", True),  # a clause of its own after the value word
        ("Percentage van 2026 blijft gelijk?", True),  # a verb that asks yes or no
    ],
)
def test_a_value_asked_as_a_bare_noun_phrase_is_no_yes_no_question(question, yes_no):
    from assistant.answer.asked import is_yes_no

    assert is_yes_no(question) is yes_no


def test_a_single_score_letter_before_a_question_is_no_initial_of_a_name():
    from pathlib import Path

    from assistant.privacy import PrivacyFilter

    f = PrivacyFilter.from_corpus(Path(__file__).resolve().parents[2] / "corpus")
    assert f.findings("Our 2026 score stayed A. Does that change anything?") == []
    assert [x.kind for x in f.findings("Zorg voor J. Smit")] == ["name"]


@pytest.mark.parametrize(
    "first, then, verdict, pct",
    [
        (
            "Aanbieder Q scoorde A in 2026 en in 2027. We honoreren 50k aanvullend budget. Hoeveel wordt maximaal vergoed?",
            "Correctie: hun score voor 2027 is toch B geworden. Verandert de vergoeding?",
            "Ja", "90%",
        ),
        (
            "Provider R scored A in 2026 and 2027. We honour €40k of additional budget. Max reimbursement?",
            "Update: their 2027 score turned out to be a B; 2026 stayed A. Does that change the reimbursement?",
            "Yes", "90%",
        ),
        (
            "Aanbieder S scoorde A in 2026 en B in 2027 met 6 kostenpunten. We honoreren 50k. Hoeveel wordt vergoed?",
            "En als 2027 een B met 7 punten was, verandert dat iets?",
            "Nee", "90%",
        ),
    ],
)  # fmt: skip
def test_a_corrected_score_recalculates_and_a_changed_percentage_is_a_change(real_assistant, first, then, verdict, pct):
    answer = _chat(real_assistant, first, then)
    args = _args(answer, "staffel_percentage")
    assert args["score_2027"] == "B"
    assert _first(answer).startswith(verdict + ":") and pct in _first(answer)
    assert "personal data" not in answer.answer and "persoonsgegevens" not in answer.answer


@pytest.mark.parametrize(
    "question, first",
    [
        ("Moeten we een nieuwe onderaannemer vooraf melden?", "Ja"),  # not reported in advance: not reimbursed
        ("Wordt zorg vergoed als we een onderaannemer niet vooraf melden?", "Nee"),
    ],
)
def test_a_denied_condition_with_a_denied_consequence_makes_the_act_a_duty(real_assistant, question, first):
    answer = real_assistant.ask(question)
    assert _first(answer).startswith(first + ":"), answer.answer
    assert "niet vooraf gemeld" in _first(answer)


def test_a_how_question_after_a_question_of_its_own_is_a_part_of_its_own():
    from assistant.answer.parts import split_parts

    asked = [p for _, p in split_parts("Moeten we dit vooraf melden, hoe doen we dat, en wat gebeurt er als we het vergeten?")]
    assert asked == ["Moeten we dit vooraf melden?", "hoe doen we dat?", "wat gebeurt er als we het vergeten?"]
    assert len(split_parts("Hoe zit dat, moeten we de onderaannemer melden?")) == 1


@pytest.mark.parametrize(
    "question, first",
    [
        ("Wij zijn een nieuwe thuiszorgaanbieder, sinds oktober actief. Kunnen we ons nu nog inschrijven voor 2027?", "Ja"),
        ("We are a new provider, active since September. Can we still register right now for 2027?", "Yes"),
    ],
)
def test_a_time_since_when_is_no_registration_date_and_now_is_the_day_asked(real_assistant, question, first):
    answer = real_assistant.ask(question)
    args = _args(answer, "new_provider_eligibility")
    assert args["registration_date"] == real_assistant.today().isoformat()
    assert _first(answer).startswith(first + ":")


@pytest.mark.parametrize(
    "then",
    [
        "Stel we nemen er nog 2 zzp-ers bij die samen 1.500 uur draaien, bovenop die 20k.",
        "What if two more freelancers add 1,500 hours on top of the 20k?",
    ],
)
def test_hours_added_on_top_of_the_whole_said_again_grow_the_whole(real_assistant, then):
    answer = _chat(
        real_assistant,
        "Voor 2027 verwachten we 20k uur, waarvan 11k door eigen mensen en 9k via onderaannemers. Akkoord?",
        then,
    )
    args = _args(answer, "subcontracting_check")
    assert (args["total_care_hours"], args["own_staff_hours"], args["subcontractor_hours"]) == (21500, 11000, 9000)
    assert "250" in _first(answer)


@pytest.mark.parametrize(
    "question",
    [
        "Als CZ in februari ja zegt, kan ons contract dan per 1 januari 2027 ingaan?",
        "If CZ approves us in February, can the contract take effect on 1 January 2027?",
    ],
)
def test_when_an_agreement_takes_effect_finds_the_no_retroactive_rule(real_assistant, question):
    answer = real_assistant.ask(question)
    assert "nooit met terugwerkende kracht" in _first(answer)
    assert not [c for c in answer.tool_calls if c.name == "new_provider_eligibility"]


def test_the_day_cz_decides_is_no_new_registration_date(real_assistant):
    answer = _chat(
        real_assistant,
        "We registered as a new provider for 2027 in VECOZO on 10 December.",
        "When should we hear back, roughly? And if CZ says yes in February, can the contract start on 1 January 2027?",
    )
    assert not [c for c in answer.tool_calls if c.name == "new_provider_eligibility"]
    assert "2 months" in _first(answer)


@pytest.mark.parametrize(
    "question, first, said",
    [
        (
            "Our average is 2.6 CZ clients per postcode area. For existing providers the 2027 minimum is 2 per area, "
            "so we comply. Please confirm.",
            "No", "the rule is 3, not 2",
        ),
        ("Wij hebben 30 cliënten in 10 gebieden, minimaal 2 per gebied is de eis toch?", "Nee: de norm is 3, niet 2", "gemiddeld 3,00"),
        ("Wij besteden 55% uit aan zzp'ers. Dat mag, want het maximum is 60%.", "Nee", "de norm is 50%, niet 60%"),
        ("Is the threshold for extra budget 70% of the ceiling? We were at 75% on 10 September.", "No: the rule is 80%, not 70%", "75%"),
        ("Onze coöperatie heeft 200 cliënten en 3 fte hbo-bachelor. De norm is 1 op 70, dus prima?", "Nee", "de norm is 55, niet 70"),
    ],
)
def test_a_rule_figure_the_question_gets_wrong_is_corrected_in_the_calculation(real_assistant, question, first, said):
    line = _first(real_assistant.ask(question))
    assert line.startswith(first), line
    assert said in line
    assert line.count(" — ") <= 1


@pytest.mark.parametrize(
    "question, first",
    [
        ("Onze coöperatie heeft 200 cliënten en 4 fte hbo-bachelor, verspreid over maximaal 3 locaties. Klopt de verhouding?", "Ja"),
        ("Wij besteden 45% uit aan zzp'ers, minimaal 2% aan bureaus. Mag dat?", "Ja"),
    ],
)
def test_a_bounded_figure_of_something_else_is_no_claim_about_the_rule(real_assistant, question, first):
    line = _first(real_assistant.ask(question))
    assert line.startswith(first) and "norm is" not in line and "rule is" not in line, line


def test_the_rule_figure_said_right_is_not_corrected(real_assistant):
    line = _first(real_assistant.ask("Onze coöperatie heeft 200 cliënten en 4 fte hbo-bachelor. De norm is 1 op 55 toch?"))
    assert line.startswith("Ja") and "niet" not in line.split("(")[0]


@pytest.mark.parametrize(
    "turns",
    [
        ("Hoeveel uur mogen we in 2027 maximaal uitbesteden? We hebben 6 zzp-ers.",),
        ("Welk deel van de zorg mag in 2027 via onderaannemers?", "Oké, en hoeveel uur is dat dan voor ons? We hebben 6 zzp-ers."),
    ],
)
def test_a_count_of_persons_beside_an_unknown_in_hours_asks_back_for_the_hours(real_assistant, turns):
    answer = _chat(real_assistant, *turns)
    assert "total_care_hours" in answer.needs_input, answer.answer


def test_a_correction_that_says_every_figure_again_is_calculated_anew(real_assistant):
    answer = _chat(
        real_assistant,
        "We are an existing provider with 44 CZ clients in 16 postcode areas. Do we meet the 2027 rule?",
        "Correction: it is actually 40 CZ clients in 13 postcode areas, not 44 in 16. Does that change the outcome?",
    )
    args = _args(answer, "postcode_average")
    assert (args["total_clients"], args["postcode_areas"]) == (40, 13)
    assert _first(answer).startswith("Yes") and "3.08" in _first(answer)


@pytest.mark.parametrize(
    "question, line",
    [
        ("Hoeveel fte hbo-bachelor moet een coöperatie hebben?", "Minimaal 1 fte op 55 cliënten"),
        ("How many fte of bachelor nurses must a cooperative have?", "At least 1 fte per 55 clients"),
    ],
)
def test_a_value_that_opens_a_ratio_is_said_with_its_other_side(real_assistant, question, line):
    assert _first(real_assistant.ask(question)).startswith(line)


@pytest.mark.parametrize(
    "question, first",
    [
        ("Ons team voor de regiefunctie complexe wondzorg bestaat uit twee wondconsulenten. Is dat genoeg voor CZ?", "Nee"),
        ("Our team for the complex wound care coordination consists of two wound consultants. Is that enough?", "No"),
        ("Our wound care team for the coordination role has 4 people. Sufficient?", "Yes"),
    ],
)
def test_a_team_counted_in_persons_is_checked_against_the_team_size_rule(real_assistant, question, first):
    line = _first(real_assistant.ask(question))
    assert line.startswith(first + ":") and "3 personen" in line, line


@pytest.mark.parametrize(
    "question, offered",
    [
        ("Welk percentage van de zorguren mogen helpenden niveau 2 maximaal leveren?", "helpenden niveau 2"),
        ("What is the phone number of the CZ Zorgteam?", "zorgteam.wijkverpleging@cz.nl"),
    ],
)
def test_a_not_stated_answer_offers_the_sentence_about_what_was_asked(real_assistant, question, offered):
    answer = real_assistant.ask(question)
    assert answer.refused
    assert offered in answer.answer


@pytest.mark.parametrize(
    "question, first",
    [
        ("Vergoedt CZ altijd zorg boven het plafond voor terminale cliënten?", "Nee"),
        ("Our manager says CZ always reimburses care above the ceiling for terminally ill clients. Is that in the policy?", "No"),
        ("Vergoedt CZ de zorg tot aan het plafond?", "Ja"),
    ],
)
def test_care_above_the_ceiling_is_answered_by_the_rule_up_to_it(real_assistant, question, first):
    line = _first(real_assistant.ask(question))
    assert line.startswith(first + ":") and "tot aan dit omzetplafond" in line, line


def test_a_part_with_a_verb_and_a_subject_of_its_own_borrows_nothing():
    from assistant.answer.parts import split_parts

    full = [f for f, _ in split_parts("Is het minimum van 20 uur per week nog steeds zo, en is de caseload veranderd?")]
    assert full[1].endswith("is de caseload veranderd?") and "20 uur" not in full[1]
    full = [f for f, _ in split_parts("Welk percentage mag in 2027 uitbesteed worden en is de regel veranderd?")]
    assert "uitbesteed" in full[1]  # "de regel": the one the part before named


def test_did_another_thing_change_is_answered_for_that_thing(real_assistant):
    answer = real_assistant.ask(
        "Compare the dementia case manager rules of 2024 and 2027: is the 24 hours a week minimum still there, "
        "and did the caseload change?"
    )
    first = _first(answer)
    assert "24 hours" in first.split(" | ")[0]
    assert "50 tot 65" in first.split(" | ")[1] and first.split(" | ")[1].startswith("No")


@pytest.mark.parametrize(
    "question, line",
    [
        ("What is the timeline for asking extra production room in 2027?", "In September, before 1 October, before 31 December 2027"),
        ("Wat is het tijdpad voor bijcontractering in 2027?", "In september, vóór 1 oktober, vóór 31 december 2027"),
    ],
)
def test_a_timeline_spread_over_the_sentences_of_a_section_lists_each_step(real_assistant, question, line):
    answer = real_assistant.ask(question)
    assert _first(answer).startswith(line)
    assert [c.section for c in answer.citations] == ["3.2.4"] * 3


def test_a_timeline_of_a_table_keeps_to_the_rows_about_it(real_assistant):
    line = _first(real_assistant.ask("Wat is het tijdpad voor nieuwe zorgaanbieders?"))
    assert "28 februari 2027" in line and "31 mei" not in line
