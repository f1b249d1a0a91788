"""Does a quote state a value? Used to check the policy parameters against their quotes.

This renders the value the way the Dutch policy writes it and looks for that form in the quote (it is not a
general number or date reader): thousands with a dot, decimals with a comma; a date as day + Dutch month name
(a year written right after the month must match), also as either end of a range ("<d>-<d> <month>",
"tussen <d> en <d> <month>"); "medio <month>" states the 15th when the parameter is approximate, and a
month-only parameter is stated by the month name.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.domain import collapse_ws

NL_MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
_RANGE_TAIL = r"(?:\s*(?:-|–|en|tot en met|t/m)\s*\d{1,2})?"


def number_forms(value: int | float) -> list[str]:
    """How the policy writes a number: 100.000 / 100000, 2,5."""
    if isinstance(value, float) and not value.is_integer():
        return [f"{value:,}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")]
    n = int(value)
    return list(dict.fromkeys([f"{n:,}".replace(",", "."), str(n)]))


def states_number(quote: str, value: int | float) -> bool:
    text = collapse_ws(quote)
    return any(re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", text) for form in number_forms(value))


def _year_ok(text: str, end: int, year: int) -> bool:
    """A year written right after the month must be the parameter's year; no year is fine (stated elsewhere)."""
    m = re.match(r"\s+(\d{4})\b", text[end:])
    return m is None or int(m.group(1)) == year


def states_date(quote: str, value: date, approximate: bool = False) -> bool:
    text = collapse_ws(quote).lower()
    month = NL_MONTHS[value.month - 1]
    day_first = rf"(?<![\d-]){value.day}{_RANGE_TAIL}\s+{month}\b"
    day_last = rf"\b\d{{1,2}}\s*(?:-|–|en|tot en met|t/m)\s*{value.day}\s+{month}\b"
    patterns = [day_first, day_last] + ([rf"\bmedio\s+{month}\b"] if approximate else [])
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            if _year_ok(text, m.end(), value.year):
                return True
    return False


def states_month(quote: str, value: date) -> bool:
    text = collapse_ws(quote).lower()
    month = NL_MONTHS[value.month - 1]
    return any(_year_ok(text, m.end(), value.year) for m in re.finditer(rf"\b{month}\b", text))


def states_text(quote: str, words: str) -> bool:
    return collapse_ws(words).lower() in collapse_ws(quote).lower()
