"""Pull calculator arguments out of free Dutch or English text.

Every function is pure and returns None (or an empty list) when the text does not contain the value,
so the router can ask for exactly what is missing.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "maart": 3, "march": 3,
    "mrt": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7,
    "augustus": 8, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUM = r"\d+(?:[.,]\d+)*"
_POSTCODE = re.compile(r"\b[1-9]\d{3}(?:\s?[A-Z]{2})?\b")


def parse_number(text: str) -> float | None:
    """'1.200.000' -> 1200000, '750,000' -> 750000, '82,5' -> 82.5, '2.33' -> 2.33, '1,2 miljoen' -> 1200000."""
    t = text.strip().replace(" ", "").replace("\u00a0", "")
    mult = 1.0
    m = re.match(r"^(.*?)(miljoen|mln|million|m|k|duizend|thousand)$", t, re.IGNORECASE)
    if m:
        t, unit = m.group(1), m.group(2).lower()
        mult = 1_000.0 if unit in ("k", "duizend", "thousand") else 1_000_000.0
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", t):
        return None
    if "," in t and "." in t:  # the last separator is the decimal one
        dec = "," if t.rfind(",") > t.rfind(".") else "."
        t = t.replace("." if dec == "," else ",", "").replace(dec, ".")
    elif t.count(",") + t.count(".") > 1:  # 1.200.000 or 1,200,000
        t = t.replace(",", "").replace(".", "")
    elif "," in t or "." in t:
        sep = "," if "," in t else "."
        head, tail = t.split(sep)
        t = head + tail if len(tail) == 3 and mult == 1.0 else f"{head}.{tail}"
    return float(t) * mult


def euro_amounts(text: str) -> list[float]:
    """Amounts written with €/EUR/euro, or followed by miljoen/million."""
    out: list[float] = []
    pat = re.compile(
        rf"(?:€|eur\b|euro\b)\s*({_NUM}(?:\s*(?:miljoen|mln|million|k))?)"
        rf"|({_NUM})\s*(?:(?:miljoen|mln|million)\s*)?(?:euro|eur\b|€)(?!\s*\d)"  # "2027 € 1.000.000": € is the next one's
        rf"|({_NUM}\s*(?:miljoen|million))",
        re.IGNORECASE,
    )
    for m in pat.finditer(text):
        raw = next(g for g in m.groups() if g)
        full = m.group(0).lower()
        if m.group(2) and re.search(r"miljoen|mln|million", full):
            raw = raw + "miljoen"
        value = parse_number(raw)
        if value is not None:
            out.append(value)
    return out


def percentages(text: str) -> list[float]:
    out = []
    for m in re.finditer(rf"({_NUM})\s*(?:%|procent\b|percent\b)", text, re.IGNORECASE):
        v = parse_number(m.group(1))
        if v is not None:
            out.append(v)
    return out


def dates(text: str, default_year: int = 2027) -> list[date]:
    """'15 maart 2027', '2027-03-15', '15-03-2027', 'half september', 'begin oktober', 'eind september'."""
    found: list[tuple[int, date]] = []
    for m in re.finditer(r"\b(20\d{2})-(\d{1,2})-(\d{1,2})\b", text):
        found.append((m.start(), _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
    for m in re.finditer(r"\b(\d{1,2})[-/](\d{1,2})[-/](20\d{2})\b", text):
        found.append((m.start(), _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
    for m in re.finditer(
        rf"\b(\d{{1,2}})(?:e|ste|de|st|nd|rd|th)?\s+({_MONTH_RE})\b\.?(?:\s+(20\d{{2}}))?", text, re.I
    ):
        year = int(m.group(3)) if m.group(3) else _year_near(text, default_year)
        found.append((m.start(), _safe_date(year, _MONTHS[m.group(2).lower()], int(m.group(1)))))
    for m in re.finditer(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(20\d{{2}})\b", text, re.I):
        found.append((m.start(), _safe_date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))))
    rel = re.compile(
        rf"\b(half|medio|midden|mid|begin|early|start of|eind|end of|late|eind van)\s+({_MONTH_RE})\b", re.I
    )
    for m in rel.finditer(text):
        word = m.group(1).lower()
        day = (
            15 if word in ("half", "medio", "midden", "mid") else (1 if word in ("begin", "early", "start of") else 28)
        )
        month = _MONTHS[m.group(2).lower()]
        if day == 28 and month != 2:
            day = 30
        found.append((m.start(), _safe_date(_year_near(text, default_year), month, day)))
    return [d for _, d in sorted(found, key=lambda x: x[0]) if d is not None]


def _year_near(text: str, default: int) -> int:
    years = [int(y) for y in re.findall(r"\b(202\d)\b", text)]
    return years[-1] if years else default


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def years(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"\b(20[12]\d)\b", text)]


# ---------------------------------------------------------------- postcode counts

_NUMBER_WORDS = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_CLIENT = r"(?:cz[- ]?)?(?:cli[eë]nt(?:en)?|clients?|patients?|pati[eë]nten|verzekerden)"
_AREA = r"(?:4-cijferige\s+|vier-cijferige\s+|four-digit\s+|4-digit\s+|four\s+digit\s+)?(?:postcode\s*gebieden|postcodegebie?d(?:en)?|postcodegebeiden|postcodes?|postal\s+code\s+areas?|postcode\s+areas?|areas?|gebieden|wijken)"


def postcode_counts(text: str) -> dict | None:
    """Counts per area ('5 in 5041, 1 in 5042 en 2 in 5043', '6 + 3 + 2 + 1 cliënten') or totals
    ('10 clients spread over 4 areas'). A 4-digit postcode is never a count."""
    t = text.replace("\u00a0", " ")
    pairs = re.findall(
        r"\b(\d{1,4})\s*(?:" + _CLIENT + r"\s*)?(?:in|op|bij|at)\s+(?:postcode\s*(?:gebied\s*)?)?([1-9]\d{3})\b",
        t,
        re.I,
    )
    if len(pairs) >= 1 and all(not _is_postcode(c) for c, _ in pairs):
        return {"clients_per_postcode": [int(c) for c, _ in pairs]}
    # postcode first: "6211 -> 4, 6212 -> 2", "5041: 3 cliënten", "5042 = 1"
    keyed = re.findall(r"\b([1-9]\d{3})\s*(?:[a-z]{2}\s*)?(?:->|=>|→|:|=)\s*(\d{1,4})\b(?![.,]\d)", t, re.I)
    if len(keyed) >= 2 or (keyed and re.search(_CLIENT, t, re.I)):
        return {"clients_per_postcode": [int(c) for _, c in keyed]}
    plus = re.search(r"\b(\d{1,4}(?:\s*\+\s*\d{1,4})+)\b", t)
    if plus:
        counts = [int(x) for x in re.findall(r"\d+", plus.group(1))]
        return {"clients_per_postcode": counts}
    total = re.search(
        rf"\b(\d{{1,5}})\s*{_CLIENT}[^\d]{{0,60}}?\b(?:over|in|across|spread over|verdeeld over|verspreid over)\s+(\d{{1,4}})\s*{_AREA}",
        t,
        re.I,
    )
    if total and not _is_postcode(total.group(2)):
        return {"total_clients": int(total.group(1)), "postcode_areas": int(total.group(2))}
    # "5, 1 en 2 cliënten in drie postcodegebieden", "5, 1 and 2 clients": a list, then the client word once
    # (a comma without a space after it is a decimal comma, not a list)
    series = re.search(
        rf"(?<![\d.,])\b(\d{{1,4}}(?:\s*,\s+\d{{1,4}})*\s*(?:,\s*)?(?:en|and|&)\s+\d{{1,4}})\s*{_CLIENT}", t, re.I
    )
    if series:
        counts = [int(c) for c in re.findall(r"\d+", series.group(1))]
        stated = re.search(
            rf"\b(\d{{1,3}}|{'|'.join(_NUMBER_WORDS)})\s+(?:verschillende\s+|different\s+)?{_AREA}", t, re.I
        )
        n_areas = None if not stated else _NUMBER_WORDS.get(stated.group(1).lower()) or int(stated.group(1))
        if n_areas is None or n_areas == len(counts):
            return {"clients_per_postcode": counts}
    listed = re.findall(rf"(?<![\d.,])\b(\d{{1,4}})(?![.,]\d)\s*{_CLIENT}", t, re.I)
    areas = re.search(
        rf"\b(\d{{1,3}}|twee|drie|vier|vijf|two|three|four|five)\s+(?:verschillende\s+|different\s+)?{_AREA}", t, re.I
    )
    if len(listed) >= 2 and not areas:
        return {"clients_per_postcode": [int(c) for c in listed]}
    return None


def count_list(text: str) -> dict | None:
    """'en als het er 5, 3, 2 en 2 waren?': two or more small numbers in a row, no client word (only a
    follow-up to a postcode calculation may read them as counts per area)."""
    m = re.search(
        r"(?<![\d.,€])(\d{1,3}(?:\s*(?:,|\+)\s*\d{1,3})*\s*(?:,\s*)?(?:en|and|&|\+|,)\s*\d{1,3})(?![.,]?\d)", text
    )
    if not m:
        return None
    counts = [int(n) for n in re.findall(r"\d+", m.group(1))]
    return {"clients_per_postcode": counts} if len(counts) >= 2 else None


def stated_average(text: str) -> float | None:
    m = re.search(rf"(?:gemiddeld|average|avg\.?|gemiddelde van)\s*(?:van\s*)?({_NUM})\s*(?:{_CLIENT})?", text, re.I)
    return parse_number(m.group(1)) if m else None


def _is_postcode(s: str) -> bool:
    return len(s) == 4 and s[0] != "0"


# ---------------------------------------------------------------- scores, fte, hours

_LETTER = r"([ABC])"


_SCORE_BEFORE = re.compile(
    r"(?:\b(?:een|a|an|met|with|score|scoorde\w*|scored|had|hadden|ook|also|weer|again|is|was|categorie|en|and)"
    r"|[:(&,])\s*$",
    re.I,
)
_SCORE_AFTER = re.compile(r"^\s*(?:-?score|met\s+\d|with\s+\d|en\s+\d|and\s+\d|in\s+20\d\d|[,.;)]|$)", re.I)
_SCORE_AFTER_STRONG = re.compile(r"^\s*(?:-?\s?score\b|met\s+\d+\s+punt|with\s+\d+\s+(?:cost\s+)?point)", re.I)


def _scores_by_clause(text: str) -> dict[int, str]:
    """Letters written without the word score ("B met 7 punten op kosten in 2026 en 2027", "in 2026 B ..., in
    2027 ook B", "a B and 7 cost points in 2026 and 2027"): a capital A, B or C in a score context, given the
    years of its own clause, or every year of the text when it is the only letter."""
    if not re.search(r"scor|waardemodel|value model|punt|point|kosten|cost|categor", text, re.I):
        return {}
    chunks = re.split(r"[.;!?](?:\s+|$)|,\s*(?=(?:en\s+|and\s+)?(?:in|for|voor)\s+20\d\d)", text)
    found: list[tuple[str, list[int]]] = []
    for chunk in chunks:
        marks = [
            m
            for m in re.finditer(r"(?<![\w-])([ABC])(?![\w-])", chunk)
            if _SCORE_AFTER_STRONG.search(chunk[m.end() :])
            or (_SCORE_BEFORE.search(chunk[: m.start()]) and _SCORE_AFTER.search(chunk[m.end() :]))
        ]
        for i, m in enumerate(marks):  # a letter takes the years after it (up to the next letter), else before it
            after = chunk[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(chunk)]
            before = chunk[marks[i - 1].end() if i else 0 : m.start()]
            yrs = re.findall(r"\b(20[2-3]\d)\b", after) or re.findall(r"\b(20[2-3]\d)\b", before)
            found.append((m.group(1), [int(y) for y in yrs]))
    every = sorted({int(y) for y in re.findall(r"\b(20[2-3]\d)\b", text)})
    out: dict[int, str] = {}
    for letter, yrs in found:
        for y in yrs or (every if len(found) == 1 else []):
            out.setdefault(y, letter)
    return out


def scores_by_year(text: str) -> dict[int, str]:
    """'score A in 2026 én 2027', 'scoorde in 2026 én 2027 een B', 'C-score in 2026', 'score C in 2026'."""
    out: dict[int, str] = {}
    patterns = [
        rf"\b(?:score|scoorde|scored|had|hadden|categorie)\s+(?:een\s+|an?\s+)?{_LETTER}\b(?:-score)?\s*(?:in|for|voor)?\s*((?:20\d\d)(?:\s*(?:én|en|and|&|,)\s*(?:ook\s+in\s+|in\s+)?20\d\d)*)",
        rf"\b{_LETTER}-?(?:score|status)\b\s*(?:in|for|voor)?\s*((?:20\d\d)(?:\s*(?:én|en|and|&)\s*(?:in\s+)?20\d\d)*)",
        rf"\b(?:in|for)\s+((?:20\d\d)(?:\s*(?:én|en|and|&)\s*(?:ook\s+)?(?:in\s+)?20\d\d)*)\s+(?:een\s+|an?\s+)?(?:score\s+)?{_LETTER}\b",
        rf"\b(?:score|scoorde|scored)\s+(?:in\s+)?((?:20\d\d)(?:\s*(?:én|en|and|&)\s*(?:ook\s+)?(?:in\s+)?20\d\d)*)\s+(?:een\s+|an?\s+)?{_LETTER}\b",
    ]
    for i, pat in enumerate(patterns):
        for m in re.finditer(pat, text, re.I):
            letter, yrs = (m.group(1), m.group(2)) if i < 2 else (m.group(2), m.group(1))
            for y in re.findall(r"20\d\d", yrs or ""):
                out.setdefault(int(y), letter.upper())
    for y, letter in _scores_by_clause(text).items():
        out.setdefault(y, letter)
    if not out:
        m = re.search(
            rf"\b(?:score|scoorde\w*|scored|status)\s+(?:een\s+|an?\s+)?{_LETTER}\b|\b{_LETTER}-(?:score|status)\b",
            text,
            re.I,
        )
        if m:
            letter = (m.group(1) or m.group(2)).upper()
            yrs = years(text)
            out[yrs[0] if yrs else 2026] = letter
    return out


def cost_points(text: str) -> float | None:
    m = re.search(rf"({_NUM})\s*(?:punten|points|pnt)\b", text, re.I)
    return parse_number(m.group(1)) if m else None


def fte_and_clients(text: str) -> tuple[float | None, float | None]:
    fte = re.search(rf"({_NUM})\s*fte\b", text, re.I)
    clients = re.search(rf"({_NUM})\s*{_CLIENT}", text, re.I)
    return (
        parse_number(fte.group(1)) if fte else None,
        parse_number(clients.group(1)) if clients else None,
    )


def hours(text: str) -> list[float]:
    """Hour counts. Once 'uur'/'hours' occurs, the other plain numbers in the sentence count too
    ("12.000 uur, waarvan 7.000 door zzp'ers")."""
    if not re.search(r"\b(uur|uren|hours|hrs)\b", text, re.I):
        return []
    out = []
    for m in re.finditer(rf"(?<![\d.,])({_NUM})(?!\s*(?:%|procent|percent|fte|euro|€))", text, re.I):
        v = parse_number(m.group(1))
        if (
            v is None
            or (2000 <= v <= 2100 and re.fullmatch(r"20\d\d", m.group(1)))
            or re.search(r"€\s*$", text[: m.start()])
        ):
            continue
        out.append(v)
    return out


def shares(text: str) -> list[float]:
    return percentages(text)


def postcodes(text: str) -> list[str]:
    return _POSTCODE.findall(text)
