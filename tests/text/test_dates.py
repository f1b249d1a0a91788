"""The one date reader (assistant/text/dates.py): dates, periods, relative days and the year a date takes.
Phrasings are our own; the default year is 2027 (the current policy year)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.text.dates import en_date, find_dates, fmt_date, month_number, nl_date, translate_months

Y = 2027

# (text, first, last or None, extra expectations)
DATES = [
    ("op 12 augustus 2027", date(2027, 8, 12), None, {}),
    ("we zaten op 12 augustus op 80%", date(2027, 8, 12), None, {"explicit_year": False}),
    ("on August 12, 2026", date(2026, 8, 12), None, {}),
    ("by the 3rd of October", date(2027, 10, 3), None, {}),
    ("the 21st of September 2027", date(2027, 9, 21), None, {}),
    ("de 1e januari 2027", date(2027, 1, 1), None, {}),
    ("datum 2027-09-30", date(2027, 9, 30), None, {}),
    ("ingediend 30-09-2027", date(2027, 9, 30), None, {}),
    ("ingediend 30/9/2027", date(2027, 9, 30), None, {}),
    ("ingediend 30-9-27", date(2027, 9, 30), None, {}),
    ("verstuurd op 14-9", date(2027, 9, 14), None, {}),
    ("uiterlijk 3 okt.", date(2027, 10, 3), None, {}),
    ("vanaf 2 febr 2027", date(2027, 2, 2), None, {}),
    ("sept 12", date(2027, 9, 12), None, {}),
    ("half september", date(2027, 9, 15), None, {"relative": True}),
    ("medio juli 2026", date(2026, 7, 15), None, {"relative": True}),
    ("begin oktober", date(2027, 10, 1), None, {"relative": True}),
    ("eind september", date(2027, 9, 30), None, {"relative": True}),
    ("eind februari 2028", date(2028, 2, 29), None, {"relative": True}),  # a leap year
    ("end of February", date(2027, 2, 28), None, {"relative": True}),
    ("mid-September", date(2027, 9, 15), None, {"relative": True}),
    ("early October 2026", date(2026, 10, 1), None, {"relative": True}),
    ("in september", date(2027, 9, 1), date(2027, 9, 30), {"precision": "month"}),
    ("during November 2026", date(2026, 11, 1), date(2026, 11, 30), {"precision": "month"}),
    ("augustus 2027", date(2027, 8, 1), date(2027, 8, 31), {"precision": "month"}),
    ("2-31 mei 2026", date(2026, 5, 2), date(2026, 5, 31), {}),
    ("van 1 t/m 14 juni", date(2027, 6, 1), date(2027, 6, 14), {}),
    ("1 december 2026 tot en met 28 februari 2027", date(2026, 12, 1), date(2027, 2, 28), {}),
    ("tussen 1 december en 28 februari 2027", date(2026, 12, 1), date(2027, 2, 28), {}),  # the year rolls back
    ("between 2 and 31 May 2026", date(2026, 5, 2), date(2026, 5, 31), {}),
    ("from 15 July to 31 October 2026", date(2026, 7, 15), date(2026, 10, 31), {}),
]


@pytest.mark.parametrize("text,first,last,extra", DATES, ids=[d[0] for d in DATES])
def test_find_dates(text, first, last, extra):
    found = find_dates(text, Y)
    assert len(found) == 1, found
    d = found[0]
    assert d.first == first
    assert d.last == last or (last is None and d.last in (None, first))
    assert d.is_period == (last is not None and last != first)
    for key, value in extra.items():
        assert getattr(d, key) == value, key
    assert text[d.start : d.end] == d.text


YEARS = [
    # a date without a year takes the year written right after it, else one shortly before it in the sentence
    ("half augustus, 2026, zaten we op 81%", date(2026, 8, 15)),
    ("In 2026 zaten we half augustus op 81%", date(2026, 8, 15)),
    ("In 2026 hadden we een A. Half augustus zaten we op 81%", date(2027, 8, 15)),  # another sentence
    ("op 3 maart", date(2027, 3, 3)),
]


@pytest.mark.parametrize("text,first", YEARS, ids=[t for t, _ in YEARS])
def test_year_of_a_date(text, first):
    assert [d.first for d in find_dates(text, Y)] == [first]


NOT_DATES = [
    "zie § 3.2.4",
    "versie 2.3.2 van het beleid",
    "31 februari",  # no such day
    "30-02-2027",
    "we hebben 15 cliënten en 9 gebieden",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert find_dates(text, Y) == []


def test_two_dates_in_one_sentence_keep_their_order():
    found = find_dates("We bereikten 80% op 2 september en dienden het verzoek in op 20 september 2027", Y)
    assert [d.first for d in found] == [date(2027, 9, 2), date(2027, 9, 20)]


def test_month_numbers_and_formatting():
    assert month_number("Sept.") == 9 and month_number("mrt") == 3 and month_number("okt") == 10
    assert month_number("maandag") is None
    d = date(2027, 2, 28)
    assert nl_date(d) == "28 februari 2027" and en_date(d) == "28 February 2027"
    assert fmt_date(d, "en") == "28 February 2027" and fmt_date(d, "nl") == "28 februari 2027"
    assert translate_months("van 1 december 2026 tot 28 februari") == "van 1 December 2026 tot 28 February"


def test_a_date_plus_a_duration_keeps_the_day_or_ends_the_month():
    from datetime import date

    from assistant.text.dates import plus

    assert plus(date(2027, 1, 12), 2, "months") == date(2027, 3, 12)
    assert plus(date(2026, 12, 31), 2, "months") == date(2027, 2, 28)
    assert plus(date(2027, 5, 2), 3, "weeks") == date(2027, 5, 23)
    assert plus(date(2027, 2, 28), 1, "years_count") == date(2028, 2, 28)
    assert plus(date(2027, 1, 1), 1.5, "months") is None and plus(date(2027, 1, 1), 2, "hours") is None
