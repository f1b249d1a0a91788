"""The guard is a pure function: cited ids, verbatim quotes and numbers, in Dutch and English notation."""

from __future__ import annotations

from assistant.llm.guard import check, numbers

CLAUSES = {
    "wv2027/2.3.2": "Per 4-cijferig postcodegebied levert de zorgaanbieder gemiddeld aan ten minste 3 CZ-cliënten zorg.\n"
    "Dan hebt u in totaal 7 cliënten in zorg, verdeeld over 3 postcodegebieden. Daarmee levert u gemiddeld aan "
    "7 ÷ 3 = 2,33 cliënten per postcodegebied zorg.",
    "wv2027/3.2.4": "De zorgaanbieder dient het verzoek in wanneer vóór 1 oktober ten minste 80% van het omzetplafond\n"
    "is bereikt. Het verzoek is vóór 31 december 2027 verzonden via onze website.",
    "wv2027/bijlage-1/1.5.2": "De caseload is gemiddeld 50 tot 65 cliënten per fte.",
    "wv2027/4.1": "Kwaliteitsinformatie aanleveren in VECOZO: 2 – 31 mei 2026.",
}
ALLOWED = set(CLAUSES)
WAARDEMODEL = {
    "tool": "waardemodel_applicability",
    "arguments": {"production_agreement_eur": 102000},
    "production_agreement_eur": 102000,
    "threshold_eur": 100000,
    "waardemodel_applies": True,
    "verdict": "Met een productieafspraak van € 102.000 (meer dan € 100.000) geldt het waardemodel.",
    "citations": [{"clause_id": "wv2027/3.2.1", "quote": "meer dan € 100.000"}],
}
POSTCODE = {"tool": "postcode_average", "average": 2.6666666666666665, "threshold": 3, "deadline": "2027-09-30"}


def problems(text: str, tools=()) -> list[str]:
    return check(text, ALLOWED, CLAUSES, list(tools)).problems


def test_a_grounded_answer_passes():
    text = (
        "Nee: u levert gemiddeld 2,67 cliënten per postcodegebied, minder dan 3 [wv2027/2.3.2]. "
        "«levert de zorgaanbieder gemiddeld aan ten minste 3 CZ-cliënten zorg» [wv2027/2.3.2]"
    )
    verdict = check(text, ALLOWED, CLAUSES, [POSTCODE])
    assert verdict.passed and verdict.problems == []


def test_an_invented_clause_id_is_caught():
    assert problems("Dat staat in [wv2027/9.9.9].") == [
        "cited id [wv2027/9.9.9] is not among the retrieved clauses or the calculators' citations"
    ]


def test_ids_cited_by_a_calculator_are_allowed():
    assert problems("Het waardemodel geldt [wv2027/3.2.1].", [WAARDEMODEL]) == []
    assert problems("Het waardemodel geldt [wv2027/3.2.1].") != []


def test_brackets_inside_a_quote_are_not_citations():
    clauses = {"wv2027/1.5.3": "Een wondconsulent[1] is verpleegkundige."}
    assert check("«Een wondconsulent[1] is verpleegkundige.» [wv2027/1.5.3]", set(clauses), clauses).passed


def test_a_short_section_id_resolves_when_unambiguous():
    assert problems("Zie [2.3.2] en [3.2.4].") == []
    assert problems("Zie [9.9].") == ["cited id [9.9] is not among the retrieved clauses or the calculators' citations"]


def test_a_changed_number_is_caught_with_a_readable_problem():
    text = "Het waardemodel geldt boven € 110.000 [wv2027/3.2.1]."
    assert problems(text, [WAARDEMODEL]) == ["number 110.000 appears in no tool result or cited quote"]
    assert problems("Het waardemodel geldt boven € 100.000 [wv2027/3.2.1].", [WAARDEMODEL]) == []


def test_a_fabricated_quote_is_caught():
    text = "«De zorgaanbieder levert gemiddeld aan ten minste 1 CZ-cliënt zorg» [wv2027/2.3.2]"
    assert problems(text) == [
        "quote «De zorgaanbieder levert gemiddeld aan ten minste 1 CZ-cliënt zorg» is not verbatim in [wv2027/2.3.2]"
    ]


def test_a_true_quote_attributed_to_the_wrong_clause_is_caught():
    assert problems("«ten minste 80% van het omzetplafond is bereikt» [wv2027/2.3.2]")
    assert problems("«ten minste 80% van het omzetplafond is bereikt» [wv2027/3.2.4]") == []


def test_quote_rules_whitespace_id_before_ellipsis_and_no_id():
    assert problems("[wv2027/3.2.4]: «ten   minste 80% van het\nomzetplafond is bereikt»") == []
    assert problems("«Het verzoek is vóór 31 december 2027 verzonden … via onze website» [wv2027/3.2.4]") == []
    assert problems("«Het verzoek is vóór 30 december 2027 verzonden … via onze website» [wv2027/3.2.4]")
    assert (
        problems("Zo staat het er: «De caseload is gemiddeld 50 tot 65 cliënten per fte.»") == []
    )  # any allowed clause
    assert problems("Zo staat het er: «De caseload is gemiddeld 40 tot 65 cliënten per fte.»") == [
        "quote «De caseload is gemiddeld 40 tot 65 cliënten per fte.» is not verbatim in any retrieved clause"
    ]


def test_numbers_in_dutch_and_english_notation_match_tool_values():
    text = "The average is 2.67 (Dutch: 2,67) against a threshold of 3; deadline 30 September 2027."
    assert problems(text, [POSTCODE]) == []
    assert problems("De productieafspraak is € 102.000, in English €102,000 or 102000.", [WAARDEMODEL]) == []
    assert problems("Het gemiddelde is 2,7.", [POSTCODE]) == ["number 2,7 appears in no tool result or cited quote"]


def test_a_value_is_rounded_to_two_decimals_only_never_onto_a_threshold():
    assert problems("Gemiddeld 2,95 cliënten.", [{"average": 2.95}]) == []
    assert problems("Gemiddeld 3 cliënten.", [{"average": 2.95}]) == [
        "number 3 appears in no tool result or cited quote"
    ]
    assert problems("Gemiddeld 2,67 cliënten.", [{"average": 8 / 3}]) == []
    assert problems("Gemiddeld 2,7 cliënten.", [{"average": 8 / 3}]) == [
        "number 2,7 appears in no tool result or cited quote"
    ]


def test_numbers_from_the_cited_clause_count_but_not_from_an_uncited_one():
    assert problems("De caseload is 50 tot 65 cliënten per fte [wv2027/bijlage-1/1.5.2].") == []
    assert problems("De caseload is 50 tot 65 cliënten per fte [wv2027/2.3.2].") == [
        "number 50 appears in no tool result or cited quote",
        "number 65 appears in no tool result or cited quote",
    ]


def test_dates_include_their_day_number():
    assert problems("Lever aan tussen 2 en 31 mei 2026 [wv2027/4.1].") == []
    assert problems("Lever aan vóór 15 mei 2026 [wv2027/4.1].") == [
        "number 15 appears in no tool result or cited quote"
    ]


def test_section_references_and_policy_years_of_allowed_clauses_are_known():
    assert problems("Volgens § 2.3.2 en Bijlage 1 § 1.5.2 van het beleid 2027 geldt dit [wv2027/4.1].") == []
    assert problems("Volgens § 7.7 geldt dit.") == ["number 7.7 appears in no tool result or cited quote"]


def test_percentages_amounts_in_millions_and_the_empty_answer():
    assert problems("Ten minste 80% van het plafond [wv2027/3.2.4].") == []
    assert problems("Ten minste 85% van het plafond [wv2027/3.2.4].") == [
        "number 85 appears in no tool result or cited quote"
    ]
    assert problems("Een plafond van € 1,2 miljoen.", [{"ceiling_eur": 1200000}]) == []
    assert problems("   ") == ["the answer is empty"]


def test_number_tokens_and_their_readings():
    read = dict(numbers("€ 102.000 en 2,33 en 2.33 en 12.000,50 en 1,200,000 en 15 mei en 2.3.2 en wv2027"))
    assert read["102.000"] == {"102000", "102"}
    assert read["2,33"] == read["2.33"] == {"2.33"}
    assert read["12.000,50"] == {"12000.5"} and read["1,200,000"] == {"1200000"}
    assert read["15"] == {"15"} and read["2.3.2"] == {"§2.3.2"} and "2027" not in read


QUOTE_232 = "«levert de zorgaanbieder gemiddeld aan ten minste 3 CZ-cliënten zorg» [wv2027/2.3.2]"


def test_agreement_in_words_is_rejected_even_next_to_a_verbatim_quote():
    for lead in ("Ik bevestig dat, dat klopt helemaal.", "Ja, dat klopt.", "I confirm this.", "That's correct:"):
        found = problems(f"{lead} {QUOTE_232}")
        assert any("agrees with the user" in p for p in found), lead


def test_saying_a_claim_is_wrong_is_not_agreement():
    for lead in ("Nee, dat klopt niet: het beleid zegt", "No, that is not what the policy says:"):
        assert problems(f"{lead} {QUOTE_232}") == [], lead


def test_agreement_words_inside_a_quote_do_not_count():
    clauses = dict(CLAUSES, **{"wv2027/4.3": "Wij bevestigd de ontvangst van uw verzoek per e-mail."})
    text = "Het beleid: «Wij bevestigd de ontvangst van uw verzoek per e-mail.» [wv2027/4.3]"
    assert check(text, set(clauses), clauses, []).problems == []
