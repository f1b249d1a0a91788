"""The number normaliser behind must_include and number grounding."""

from decimal import Decimal

import pytest

from assistant.evaluation.numbers import canonical_text, contains, find_numbers, parse_number


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("2,33", "2.33"),
        ("2.33", "2.33"),
        ("102.000", "102000"),
        ("102,000", "102000"),
        ("102000", "102000"),
        ("1.000.000", "1000000"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("0,125", "0.125"),
        ("82,5", "82.5"),
        ("70,0", "70.0"),
        ("2.5", "2.5"),
        ("12.5000", "12.5000"),
    ],
)
def test_parse_number_values(token, value):
    assert parse_number(token) == Decimal(value)


@pytest.mark.parametrize("token", ["2.3.2", "15.07.2026", "1.2,3,4", "abc", "", "3.2.4"])
def test_section_numbers_dates_and_words_are_not_numbers(token):
    assert parse_number(token) is None


def test_equal_values_have_one_spelling():
    assert canonical_text("€ 102.000") == canonical_text("€102,000") == canonical_text("€ 102000") == "€102000"
    assert canonical_text("2,50 procent") == canonical_text("2.5 %") == "2.5%"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Het gemiddelde is 2.33 cliënten", "2,33"),
        ("Het gemiddelde is 2,33 cliënten", "2.33"),
        ("maximaal € 102.000 vergoeding", "102.000"),
        ("at most EUR 102,000", "102.000"),
        ("at most 102000 euro", "102.000"),
        ("caseload van 70,0 per fte", "70"),
        ("58,33% wordt uitbesteed", "58"),
        ("een vergoeding van 85 procent", "85%"),
        ("82,50% van het plafond", "82,5"),
        ("an agreement of exactly €100,000", "100"),  # as written: the needle is a substring
        ("vanaf € 100.000", "100"),
        ("Wie een C-score heeft", "C"),
        ("score C in 2026", "C"),
        ("Alleen met DE Sociaaleconomische status", "sociaaleconomische"),
        ("ze worden niet reimbursed", "reimburs"),
        ("zorg 24/7 borgen", "24/7"),
        ("vóór 28 februari 2027 aanmelden", "28 februari 2027"),
        # a gold that rounds what the answer states exactly
        ("een caseload van 71,67 cliënten per fte", "71,7"),
        ("a share of 61.38% subcontracted", "61,4%"),
        ("tussen 1,85 en 2,40 fte", "1,9"),
    ],
)
def test_contains_matches(text, needle):
    assert contains(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("ten minste 13 cliënten", "3"),
        ("zie paragraaf 2.3.2", "3"),
        ("zie 3.2.4 voor de staffel", "3"),
        ("een gemiddelde van 2,95", "3"),
        ("het bedrag is 2,56", "2.5"),
        ("CZ contracteert", "C"),
        ("85 cliënten", "85%"),
        ("een caseload van 71,64 cliënten per fte", "71,7"),  # rounds to 71,6
        ("a share of 161.38%", "61,4%"),  # another number
        ("61,38 cliënten", "61,4%"),  # the needle's words around it differ
    ],
)
def test_contains_rejects(text, needle):
    assert not contains(text, needle)


def test_find_numbers_skips_sections_and_reads_values():
    found = find_numbers("Volgens 2.3.2 is het gemiddelde 2,67; de grens is 3 en het budget € 27.000.")
    assert [(n.raw, n.value, n.decimals) for n in found] == [
        ("2,67", Decimal("2.67"), 2),
        ("3", Decimal("3"), 0),
        ("27.000", Decimal("27000"), 0),
    ]
