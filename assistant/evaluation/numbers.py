"""Number-aware text comparison for the scorers.

Reading a number token (`parse_number`), in this order:
  - digits only ("102000")                         -> that integer
  - both "." and "," ("1.234,56", "1,234.56")      -> the last separator is the decimal one, the others
                                                      group thousands (groups of 3 digits), else not a number
  - one separator once ("2,33", "2.5", "102.000")  -> thousands when exactly 3 digits follow and 1-3 non-zero-led
                                                      digits precede ("102.000" = 102000, "1,000" = 1000);
                                                      otherwise decimal ("2,33" = 2.33, "0,125" = 0.125)
  - one separator repeated ("1.000.000")           -> thousands when every later group has 3 digits;
                                                      otherwise it is a section number or a date ("2.3.2",
                                                      "15.07.2026") and is not a number
Limitation: a Dutch decimal with exactly three decimals ("2,333") reads as 2333; policy answers state money
in whole euros and shares with at most two decimals, so this is the reading that is right in practice.

`contains(text, needle)` is the `must_include` rule: case-insensitive, whitespace collapsed, every number
rewritten in one canonical form (so "2,33" = "2.33", "102.000" = "102,000" = "102000", "70,0" = "70"),
"50 %"/"50 procent"/"50 percent" = "50%", and "€ 5" = "€5". A needle that starts or ends with a digit
must not continue a longer number ("3" does not match "13" or "2.3.2", "2.5" does not match "2.56"), but
it may be the leading part of a number as written, as a substring would be ("58" matches "58,33", "100"
matches "€ 100.000": eval authors write must_include as substrings). A needle with one decimal figure is also found
where the text states it more precisely ("54,8" in "54,84%", "45,8" in "45,83": the gold rounded what the answer
states exactly); "2.5" is still not found in "2.56", which rounds to 2.6.
Needles of one or two letters ("C") must stand alone as a word ("C-score" yes, "CZ" no).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from assistant.domain import collapse_ws

NUMBER_TOKEN = re.compile(r"(?<!\w)\d+(?:[.,]\d+)*(?!\w)")
_PERCENT = re.compile(r"(\d)\s*(?:%|procent\b|percent\b)")
_EURO = re.compile(r"€\s*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _grouped(groups: list[str]) -> bool:
    head, rest = groups[0], groups[1:]
    return 1 <= len(head) <= 3 and not head.startswith("0") and all(len(g) == 3 for g in rest)


def parse_number(token: str) -> Decimal | None:
    """The value of one number token, or None for section numbers, dates and non-numbers."""
    token = token.strip()
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", token):
        return None
    seps = re.findall(r"[.,]", token)
    groups = re.split(r"[.,]", token)
    try:
        if not seps:
            return Decimal(token)
        if len(set(seps)) == 2:
            if seps.count(seps[-1]) != 1 or not _grouped(groups[:-1]):
                return None
            return Decimal("".join(groups[:-1]) + "." + groups[-1])
        if len(seps) == 1:
            if _grouped(groups):
                return Decimal("".join(groups))
            return Decimal(groups[0] + "." + groups[1])
        return Decimal("".join(groups)) if _grouped(groups) else None
    except InvalidOperation:  # pragma: no cover - the regex above admits only digits and separators
        return None


def canonical_number(value: Decimal) -> str:
    """One spelling per value: no thousands separators, "." for decimals, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def decimals(token: str) -> int:
    """How many decimals the token states (0 for integers and thousands-grouped numbers)."""
    value = parse_number(token)
    if value is None:
        return 0
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@dataclass(frozen=True)
class NumberMention:
    raw: str
    value: Decimal
    start: int
    end: int
    decimals: int


def find_numbers(text: str) -> list[NumberMention]:
    """Every number token in `text` that reads as a number (section numbers and dates are skipped)."""
    found = []
    for m in NUMBER_TOKEN.finditer(text):
        value = parse_number(m.group())
        if value is not None:
            found.append(NumberMention(m.group(), value, m.start(), m.end(), decimals(m.group())))
    return found


def canonical_text(text: str) -> str:
    """Lower-cased, whitespace collapsed, numbers, percentages and euro signs in one spelling."""
    text = collapse_ws(text.translate(_QUOTES)).lower()

    def _number(m: re.Match[str]) -> str:
        value = parse_number(m.group())
        return m.group() if value is None else canonical_number(value)

    text = NUMBER_TOKEN.sub(_number, text)
    text = _PERCENT.sub(r"\1%", text)
    return _EURO.sub("€", text)


def _pattern(want: str) -> str:
    pattern = re.escape(want)
    if want[0].isdigit():
        pattern = r"(?<![\d.,])" + pattern
    if want[-1].isdigit():
        pattern += r"(?!\d|[.,]\d+[.,]\d)"
    if len(want) <= 2 and want.isalpha():
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return pattern


def contains(text: str, needle: str) -> bool:
    """The `must_include` / `must_not_include` rule (see the module docstring): the needle is found in
    the canonical form of the text, or as written (lower-cased, whitespace collapsed) with the same
    digit boundaries, so "100" is found in "€ 100.000" as a substring would be."""
    want = canonical_text(needle)
    if not want:
        return True
    if re.search(_pattern(want), canonical_text(text)):
        return True
    written = collapse_ws(needle.translate(_QUOTES)).lower()
    if re.search(_pattern(written), collapse_ws(text.translate(_QUOTES)).lower()):
        return True
    return _found_rounded(canonical_text(text), want)


_CANONICAL_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")


def _found_rounded(text: str, want: str) -> bool:
    """A needle with one decimal figure ("54,8") is found where the text states that figure more precisely, the
    needle's words around it the same ("54,84%" rounds to 54,8); "2,5" is not found in "2,56" (that rounds to 2,6)."""
    figures = list(_CANONICAL_DECIMAL.finditer(want))
    if len(figures) != 1 or len(NUMBER_TOKEN.findall(want)) != 1:
        return False
    fig = figures[0]
    value = Decimal(fig.group())
    places = -value.as_tuple().exponent
    head, tail = re.escape(want[: fig.start()]), re.escape(want[fig.end() :])
    pattern = rf"{head}(?<![\d.])(\d+\.\d{{{places + 1},}})(?![\d.]){tail}"
    stated = NumberMention(fig.group(), value, fig.start(), fig.end(), places)  # the gold, stated to its decimals
    return any(same_number(stated, Decimal(m.group(1))) for m in re.finditer(pattern, text))


def same_number(stated: NumberMention, source: Decimal) -> bool:
    """A number in an answer matches a source value when equal, or when it is the source rounded to
    the decimals the answer states (58,33 for 58.3333; 70 for 70.0)."""
    if stated.value == source:
        return True
    quantum = Decimal(1).scaleb(-stated.decimals)
    try:
        return source.quantize(quantum, rounding=ROUND_HALF_UP) == stated.value
    except InvalidOperation:  # pragma: no cover - absurdly large values
        return False


def numbers_in_value(value: object) -> list[Decimal]:
    """All numbers in a JSON-like value (tool results): numeric leaves and numbers inside strings."""
    out: list[Decimal] = []
    if isinstance(value, bool) or value is None:
        return out
    if isinstance(value, int | float):
        out.append(Decimal(repr(value)) if isinstance(value, float) else Decimal(value))
    elif isinstance(value, str):
        out.extend(n.value for n in find_numbers(value))
    elif isinstance(value, dict):
        for v in value.values():
            out.extend(numbers_in_value(v))
    elif isinstance(value, list | tuple | set):
        for v in value:
            out.extend(numbers_in_value(v))
    return out
