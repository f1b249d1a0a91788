"""The one number parser (assistant/text/numbers.py): digit tokens as Dutch and English people write them,
multipliers ("65k", "twee ton"), number words, halves, fractions and ordinals. Phrasings are our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.text.numbers import (
    canonical_number,
    decimals,
    find_fractions,
    find_numbers,
    ordinal_value,
    parse_number,
    to_number,
    word_value,
)

# ---------------------------------------------------------------- one digit token

PARSE = [
    ("7", Decimal("7")),
    ("250000", Decimal("250000")),
    ("250.000", Decimal("250000")),  # Dutch thousands
    ("250,000", Decimal("250000")),  # English thousands
    ("3,75", Decimal("3.75")),  # Dutch decimal
    ("3.75", Decimal("3.75")),  # English decimal
    ("0,5", Decimal("0.5")),
    ("0.125", Decimal("0.125")),  # a leading zero is never a thousands group
    ("2.450.000", Decimal("2450000")),
    ("2,450,000", Decimal("2450000")),
    ("1.234.567,89", Decimal("1234567.89")),
    ("1,234,567.89", Decimal("1234567.89")),
    ("12.345,6", Decimal("12345.6")),
    ("3.2.4", None),  # a section number
    ("31.12.2027", None),  # a dotted date
    ("1.23.456", None),  # groups that are not thousands
    ("12,34.5", None),  # mixed separators that do not group thousands
    ("abc", None),
    ("", None),
    ("-5", None),
]


@pytest.mark.parametrize("token,expected", PARSE, ids=[t or "<empty>" for t, _ in PARSE])
def test_parse_number(token, expected):
    assert parse_number(token) == expected


@pytest.mark.parametrize(
    "token,places", [("3,75", 2), ("250.000", 0), ("0,5", 1), ("12", 0), ("1.234,567", 3), ("3.2.4", 0)]
)
def test_decimals_stated(token, places):
    assert decimals(token) == places


@pytest.mark.parametrize(
    "value,text",
    [(Decimal("2450000"), "2450000"), (Decimal("3.750"), "3.75"), (Decimal("1.0"), "1"), (Decimal("0.5"), "0.5")],
)
def test_canonical_number(value, text):
    assert canonical_number(value) == text


def test_to_number_gives_int_for_whole_values():
    assert to_number(Decimal("4.0")) == 4 and isinstance(to_number(Decimal("4.0")), int)
    assert to_number(Decimal("2.5")) == 2.5 and isinstance(to_number(Decimal("2.5")), float)


# ---------------------------------------------------------------- number words

WORDS = [
    ("zes", 6),
    ("elf", 11),
    ("negentien", 19),
    ("veertig", 40),
    ("drieënzestig", 63),
    ("vijfenvijftig", 55),
    ("honderd", 100),
    ("tweehonderdvijftig", 250),
    ("honderdtwintig", 120),
    ("achtduizend", 8000),
    ("vijftigduizend", 50000),
    ("seventeen", 17),
    ("ninety", 90),
    ("sixty-five", 65),
    ("thirty-three", 33),
    ("hundred", 100),
    ("Twaalf", 12),
    ("cliënt", None),
    ("tafel", None),
    ("", None),
]


@pytest.mark.parametrize("word,value", WORDS, ids=[w or "<empty>" for w, _ in WORDS])
def test_word_value(word, value):
    assert word_value(word) == value


@pytest.mark.parametrize(
    "word,value",
    [("eerste", 1), ("derde", 3), ("tiende", 10), ("laatste", -1), ("second", 2), ("fifth", 5), ("last", -1),
     ("2e", 2), ("3de", 3), ("1st", 1), ("4th", 4), ("Tweede", 2), ("twee", None)],
)  # fmt: skip
def test_ordinal_value(word, value):
    assert ordinal_value(word) == value


# ---------------------------------------------------------------- mentions in running text

MENTIONS = [
    # (text, values in order)
    ("We verwachten 65k omzet", [Decimal("65000")]),
    ("een plafond van 1,2 miljoen", [Decimal("1200000")]),
    ("a ceiling of 1.2 million euros", [Decimal("1200000")]),
    ("ongeveer twee ton productie", [Decimal("200000")]),
    ("anderhalve ton", [Decimal("150000")]),
    ("12 duizend uur", [Decimal("12000")]),
    ("1,5 mln budget", [Decimal("1500000")]),
    ("3 mio", [Decimal("3000000")]),
    ("twaalfduizend zorguren", [Decimal("12000")]),
    ("vier postcodegebieden en zeven cliënten", [Decimal("4"), Decimal("7")]),
    ("fifty-five clients", [Decimal("55")]),
    ("twelve thousand hours", [Decimal("12000")]),
    ("three hundred clients", [Decimal("300")]),
    ("een half fte", [Decimal("0.5")]),
    ("in 7311 zes, in 7312 maar eentje", [Decimal("7311"), Decimal("6"), Decimal("7312"), Decimal("1")]),
    ("anderhalf fte", [Decimal("1.5")]),
    ("twee en een half fte", [Decimal("2.5")]),
    ("tweeënhalf fte", [Decimal("2.5")]),
    ("two and a half fte", [Decimal("2.5")]),
    ("3 en een half fte", [Decimal("3.5")]),
    ("½ fte", [Decimal("0.5")]),
    ("an additional half fte", [Decimal("0.5")]),
    ("we nemen een extra halve fte aan", [Decimal("0.5")]),
    ("één cliënt in 5041", [Decimal("1"), Decimal("5041")]),
    ("one client", [Decimal("1")]),
    ("we cared for one CZ client last year", [Decimal("1")]),  # the insurer's name between the word and its noun
    ("een CZ-verzekerde", []),  # an article before another noun
    ("een organisatie met 40 cliënten", [Decimal("40")]),  # "een" is an article here
    ("a provider with 40 clients", [Decimal("40")]),
    ("ten minste 3 cliënten", [Decimal("3")]),  # "ten" is Dutch, not 10
    ("ten hoogste 50%", [Decimal("50")]),
    ("ten clients", [Decimal("10")]),  # English "ten" is a number
    ("zie § 3.2.4 en 2.3.2", []),  # section numbers are not numbers
    ("op 31.12.2027", []),
    ("5 m afstand", [Decimal("5")]),  # "5 m" with a space: no million
    ("5m omzet", [Decimal("5000000")]),
    ("a budget of two hundred and forty thousand euros", [Decimal("240000")]),
    ("honderd en vijf cliënten", [Decimal("105")]),
    ("we take on another half fte", [Decimal("0.5")]),
    ("with half an fte less", [Decimal("0.5")]),
]


@pytest.mark.parametrize("text,values", MENTIONS, ids=[t for t, _ in MENTIONS])
def test_find_numbers(text, values):
    assert [m.value for m in find_numbers(text)] == values


def test_mention_spans_and_flags():
    text = "Plafond 65k, we zitten op vier ton"
    first, second = find_numbers(text)
    assert text[first.start : first.end] == "65k" and first.multiplier == "k" and first.digits
    assert text[second.start : second.end] == "vier ton" and not second.digits and second.value == 400000


def test_words_can_be_switched_off():
    assert [m.value for m in find_numbers("vier cliënten en 6 gebieden", words=False)] == [Decimal("6")]


FRACTIONS = [
    ("een derde van de uren", Decimal(1) / 3),
    ("twee derde van de zorg", Decimal(2) / 3),
    ("de helft van de zorg", Decimal("0.5")),
    ("driekwart van de uren", Decimal("0.75")),
    ("een kwart van onze zorg", Decimal("0.25")),
    ("two thirds of the hours", Decimal(2) / 3),
    ("a quarter of our care", Decimal("0.25")),
    ("one fifth of the hours", Decimal("0.2")),
    ("the half of it", Decimal("0.5")),
]


@pytest.mark.parametrize("text,value", FRACTIONS, ids=[t for t, _ in FRACTIONS])
def test_find_fractions(text, value):
    found = find_fractions(text)
    assert len(found) == 1 and found[0].value == pytest.approx(value)


@pytest.mark.parametrize("text", ["het derde gebied", "de helft", "in het vierde kwartaal", "een kwartier"])
def test_not_a_fraction(text):
    assert find_fractions(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("a hundred and seventy grand", 170000), ("two hundred grand", 200000), ("80 grand", 80000),
     ("one hundred and twenty", 120), ("een miljoen", 1000000)],
)
def test_english_hundreds_with_and_and_grand_are_one_number(text, value):
    from assistant.text.numbers import find_numbers

    found = find_numbers(text)
    assert len(found) == 1 and found[0].value == value


def test_a_footnote_mark_is_no_number():
    from assistant.text.numbers import find_numbers

    assert [m.value for m in find_numbers("een stabiele [1] A-status en 5 punten")] == [5]


@pytest.mark.parametrize(
    ("text", "value"),
    [("vier komma vijf", "4.5"), ("een komma acht", "1.8"), ("two point five", "2.5"), ("nul komma zes", "0.6")],
)
def test_decimals_said_in_words(text, value):
    from decimal import Decimal

    from assistant.text.numbers import find_numbers

    found = find_numbers(text)
    assert len(found) == 1 and found[0].value == Decimal(value)


@pytest.mark.parametrize(
    "text, value",
    [("negenduizend zeshonderd uur", 9600), ("nine thousand six hundred hours", 9600), ("vierduizend en dertig", 4030),
     ("zevenhonderd elf", 711), ("twee duizend drie honderd", 2300)],
)
def test_a_round_number_word_and_a_smaller_one_after_it_are_one_number(text, value):
    found = find_numbers(text)
    assert [m.value for m in found] == [Decimal(value)], found


def test_number_words_that_are_not_round_stay_apart():
    assert [m.value for m in find_numbers("drie vier vijf")] == [3, 4, 5]
    assert [m.value for m in find_numbers("vijftig zestig")] == [50, 60]


def test_een_after_a_round_number_word_is_the_article():
    assert [m.value for m in find_numbers("is tweehonderd een haalbaar aantal?")] == [200]
    assert [m.value for m in find_numbers("vierhonderd en een paar")] == [400]
