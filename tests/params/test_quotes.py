"""Does a quote state a value (the check behind every policy parameter)?"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.ingest.quotes import states_date, states_month, states_number, states_text


@pytest.mark.parametrize(
    ("quote", "value", "ok"),
    [
        ("productieafspraak van meer dan € 100.000.", 100_000, True),
        ("productieafspraak van meer dan € 100.000.", 10_000, False),
        ("ten minste 80% van het omzetplafond", 80, True),
        ("ten minste 80% van het omzetplafond", 8, False),
        ("op 55 cliënten", 55, True),
        ("op 55 cliënten", 5, False),
        ("gemiddeld 2,5 cliënten", 2.5, True),
        ("per 01-01-2022 Maximaal 75%", 2022, True),
        ("niveau 5/6", 6, True),
    ],
)
def test_numbers(quote, value, ok):
    assert states_number(quote, value) is ok


@pytest.mark.parametrize(
    ("quote", "value", "approximate", "ok"),
    [
        ("vóór 1 oktober ten minste 80%", date(2027, 10, 1), False, True),
        ("vóór 1 oktober ten minste 80%", date(2027, 10, 11), False, False),
        ("vóór 31 december 2027 verzonden", date(2027, 12, 31), False, True),
        ("vóór 31 december 2027 verzonden", date(2028, 12, 31), False, False),  # the stated year must match
        ("tussen 1 december 2026 en 28 februari 2027", date(2026, 12, 1), False, True),
        ("tussen 1 december 2026 en 28 februari 2027", date(2027, 2, 28), False, True),
        ("tussen 2 en 31 mei digitaal", date(2026, 5, 2), False, True),
        ("tussen 2 en 31 mei digitaal", date(2026, 5, 31), False, True),
        ("2-31 mei 2026", date(2026, 5, 2), False, True),
        ("2-31 mei 2026", date(2026, 5, 31), False, True),
        ("2-31 mei 2026", date(2026, 5, 3), False, False),
        ("Medio juli 2026", date(2026, 7, 15), True, True),
        ("Medio juli 2026", date(2026, 7, 15), False, False),
    ],
)
def test_dates(quote, value, approximate, ok):
    assert states_date(quote, value, approximate=approximate) is ok


def test_months_and_words():
    assert states_month("in september via onze website", date(2027, 9, 1))
    assert not states_month("in september via onze website", date(2027, 10, 1))
    assert states_text("1 fte hbo-bachelor opgeleide verpleegkundige (niveau 6)", "verpleegkundige (niveau 6)")
