"""The one date reader: the month table, dates and periods as Dutch and English people write them.

`find_dates(text, default_year)` returns `DateMention`s with their spans:
  "15 maart 2027", "15 maart", "March 15, 2027", "15th of March", "2027-03-15", "15-03-2027", "15/3/2027",
  "op 15-9" (day-month after a preposition), "half september" / "medio september" (the 15th),
  "begin oktober" (the 1st), "eind september" / "end of September" (the last day), "in september" (the month),
  periods: "1-31 mei", "2 tot en met 31 mei 2026", "van 1 december 2026 tot en met 28 februari 2027",
  "between 1 December 2026 and 28 February 2027".
A date without a year takes the year written after it in the same text, else the last year before it, else
`default_year`. Formatting for answers: `nl_date`, `en_date`, `fmt_date`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

MONTHS_NL = "januari februari maart april mei juni juli augustus september oktober november december".split()
MONTHS_EN = "January February March April May June July August September October November December".split()
MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(MONTHS_NL, 1)},
    **{m.lower(): i for i, m in enumerate(MONTHS_EN, 1)},
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS_NL = "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split()
WEEKDAYS_EN = "monday tuesday wednesday thursday friday saturday sunday".split()
WEEKDAYS: dict[str, int] = {**{d: i for i, d in enumerate(WEEKDAYS_NL)}, **{d: i for i, d in enumerate(WEEKDAYS_EN)}}
MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[012]?\d|3[01])"
_ORD = r"(?:e|ste|de|st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# relative day words before a month name: half/medio september = the 15th, begin = the 1st, eind = the last day
RELATIVE_DAY = {
    "half": 15,
    "medio": 15,
    "midden": 15,
    "mid": 15,
    "mid-": 15,
    "halverwege": 15,
    "middle of": 15,
    "begin": 1,
    "early": 1,
    "start of": 1,
    "beginning of": 1,
    "aan het begin van": 1,
    "eerste helft van": 1,
    "eind": 0,
    "einde": 0,
    "eind van": 0,
    "end of": 0,
    "late": 0,
    "laat in": 0,
    "eindje": 0,
}  # fmt: skip; 0 = the last day of the month
_REL_RE = "|".join(sorted((re.escape(k) for k in RELATIVE_DAY), key=len, reverse=True))
_TO = r"(?:-|–|—|t/m|tot\s+en\s+met|tot|tm|through|to|until|till)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b")),
    ("dmy", re.compile(rf"(?<![\d.,])(?P<d>{_DAY})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<y>{_YEAR}|\d{{2}})(?![\d])")),
    (
        "range_named",
        re.compile(
            rf"(?:(?<=\btussen\s)|(?<=\bbetween\s))(?P<d1>{_DAY}){_ORD}\s*(?:(?P<m1>{MONTH_RE})\s*(?P<y1>{_YEAR})?\s*)?(?:en|and)\s*"
            rf"(?P<d2>{_DAY}){_ORD}\s+(?P<m2>{MONTH_RE})(?:\s+(?P<y2>{_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        "range_named",
        re.compile(
            rf"\b(?P<d1>{_DAY}){_ORD}\s*(?:(?P<m1>{MONTH_RE})\s*(?P<y1>{_YEAR})?\s*)?{_TO}\s*(?P<d2>{_DAY}){_ORD}\s+"
            rf"(?P<m2>{MONTH_RE})(?:\s+(?P<y2>{_YEAR}))?\b",
            re.I,
        ),
    ),
    ("dm_named", re.compile(rf"\b(?P<d>{_DAY}){_ORD}\s+(?:of\s+)?(?P<m>{MONTH_RE})(?:,?\s+(?P<y>{_YEAR}))?\b", re.I)),
    ("md_named", re.compile(rf"\b(?P<m>{MONTH_RE})\s+(?P<d>{_DAY}){_ORD},?(?:\s+(?P<y>{_YEAR}))?\b", re.I)),
    ("relative", re.compile(rf"\b(?P<rel>{_REL_RE})\s*(?P<m>{MONTH_RE})(?:\s+(?P<y>{_YEAR}))?\b", re.I)),
    (
        "dm_numeric",
        re.compile(
            rf"\b(?:op|per|voor|vóór|na|tot|vanaf|sinds|on|by|before|after|until|from|since|uiterlijk|datum)\s+"
            rf"(?P<d>{_DAY})[-/](?P<m>1[0-2]|0?[1-9])(?![-/\d])",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?:in|during|tijdens|per|vanaf|sinds|since|from)\s+(?P<m>{MONTH_RE})(?:\s+(?P<y>{_YEAR}))?\b(?!\s*\d)",
            re.I,
        ),
    ),
    ("month_year", re.compile(rf"\b(?P<m>{MONTH_RE})\s+(?P<y>{_YEAR})\b", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    """A date (`end` is None) or a period (`start`..`end`, inclusive) as written in a text.
    `precision` is "day" or "month" ("in september": the whole month)."""

    first: date
    last: date | None
    start: int
    end: int
    text: str
    precision: str = "day"
    explicit_year: bool = True
    relative: bool = False  # "half september", "begin oktober": the day is read, not written

    @property
    def is_period(self) -> bool:
        return self.last is not None and self.last != self.first


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def is_weekday(word: str) -> bool:
    """A weekday's name, Dutch or English ("maandag", "Friday")."""
    return word.lower() in WEEKDAYS


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def plus(start: date, number: Any, unit: str) -> date | None:
    """The date `number` days, weeks, months or years (a whole number) after `start`; a month without that day
    ends on its last day (31 januari + 1 maand = 28 februari)."""
    n = int(number) if number is not None and int(number) == number else None
    if n is None:
        return None
    if unit in ("days", "weeks"):
        return start + timedelta(days=n * (7 if unit == "weeks" else 1))
    months = n * 12 if unit == "years_count" else n if unit == "months" else None
    if months is None:
        return None
    y, m = divmod(start.month - 1 + months, 12)
    y, m = start.year + y, m + 1
    return date(y, m, min(start.day, _last_day(y, m)))


YEAR_AFTER_CHARS = 12  # "half september, 2027", "15 maart (2027)": a year this close after a date is its year
YEAR_BEFORE_CHARS = 60  # "in 2027 zaten we half augustus op 88%": a year this close before, in the same sentence


def nearest_to(day: date, today: date) -> date:
    """`day` (said without a year) in the year that puts it nearest `today`: "we schreven ons gisteren, 1 december,
    in" on 2 December is this year's 1 December, "we dienen 5 januari in" next year's 5 January."""
    def placed(year: int) -> date:
        return _safe(year, day.month, day.day) or date(year, day.month, _last_day(year, day.month))

    return min((placed(today.year + k) for k in (-1, 0, 1)), key=lambda d: abs((d - today).days))


def _year_for(text: str, pos: int, default: int, start: int | None = None) -> int:
    """The year written right after a date, or one shortly before it in the same sentence, else `default`
    ("half augustus zaten we op 88% en we hadden een A in 2026": 2026 is the score's year, not the date's)."""
    m = re.match(rf"[\s,(]*({_YEAR})\b", text[pos : pos + YEAR_AFTER_CHARS])
    if m:
        return int(m.group(1))
    begin = start if start is not None else pos
    head = text[max(0, begin - YEAR_BEFORE_CHARS) : begin]
    head = re.split(r"[.?!\n]", head)[-1]
    before = re.findall(rf"\b({_YEAR})\b", head)
    return int(before[-1]) if before else default


def _full_year(y: str) -> int:
    return int(y) + 2000 if len(y) == 2 else int(y)


def _mention(kind: str, m: re.Match[str], text: str, default: int) -> DateMention | None:
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") and len(g["y"]) == 4 else (_full_year(g["y"]) if g.get("y") else None)
    year = y if y is not None else _year_for(text, m.end(), default, m.start())
    span = (m.start(), m.end(), m.group(0))
    if kind in ("iso", "dmy", "dm_numeric"):
        d = _safe(year, int(g["m"]), int(g["d"]))
        return DateMention(d, None, *span, explicit_year=y is not None) if d else None
    if kind in ("dm_named", "md_named"):
        d = _safe(year, MONTHS[g["m"].lower().rstrip(".")], int(g["d"]))
        return DateMention(d, None, *span, explicit_year=y is not None) if d else None
    if kind == "relative":
        month = MONTHS[g["m"].lower().rstrip(".")]
        day = RELATIVE_DAY[g["rel"].lower()] or _last_day(year, month)
        d = _safe(year, month, day)
        return DateMention(d, None, *span, explicit_year=y is not None, relative=True) if d else None
    if kind in ("month", "month_year"):
        month = MONTHS[g["m"].lower().rstrip(".")]
        first, last = _safe(year, month, 1), _safe(year, month, _last_day(year, month))
        return DateMention(first, last, *span, precision="month", explicit_year=y is not None) if first else None
    if kind == "range_named":
        m2 = MONTHS[g["m2"].lower().rstrip(".")]
        y2 = int(g["y2"]) if g.get("y2") else _year_for(text, m.end(), default)
        m1 = MONTHS[g["m1"].lower().rstrip(".")] if g.get("m1") else m2
        y1 = int(g["y1"]) if g.get("y1") else (y2 if m1 <= m2 else y2 - 1)
        first, last = _safe(y1, m1, int(g["d1"])), _safe(y2, m2, int(g["d2"]))
        if first is None or last is None or last < first:
            return None
        return DateMention(first, last, *span, explicit_year=bool(g.get("y2")))
    return None  # pragma: no cover


def find_dates(text: str, default_year: int) -> list[DateMention]:
    """Dates and periods in `text`, in order, none overlapping (the first pattern that claims a span wins)."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _mention(kind, m, text, default_year)
            if mention is not None:
                taken.append((m.start(), m.end()))
                out.append(mention)
    return sorted(out, key=lambda d: d.start)


def nl_date(value: date) -> str:
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"


def en_date(value: date) -> str:
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def fmt_date(value: date, lang: str) -> str:
    return en_date(value) if lang == "en" else nl_date(value)


def translate_months(text: str) -> str:
    """Dutch month names in a text written in English ('1 december 2026' -> '1 December 2026')."""
    return re.sub(
        r"\b(" + "|".join(MONTHS_NL) + r")\b",
        lambda m: MONTHS_EN[MONTHS_NL.index(m.group(1).lower())],
        text,
        flags=re.I,
    )
