"""The one number parser: digits as Dutch and English people write them, multipliers and number words.

Reading a digit token (`parse_number`), in this order:
  - digits only ("102000")                         -> that integer
  - both "." and "," ("1.234,56", "1,234.56")      -> the last separator is the decimal one, the others
                                                      group thousands (groups of 3 digits), else not a number
  - one separator once ("2,33", "2.5", "102.000")  -> thousands when exactly 3 digits follow and 1-3 non-zero-led
                                                      digits precede ("102.000" = 102000, "1,000" = 1000);
                                                      otherwise decimal ("2,33" = 2.33, "0,125" = 0.125)
  - one separator repeated ("1.000.000")           -> thousands when every later group has 3 digits;
                                                      otherwise it is a section number or a date ("2.3.2",
                                                      "15.07.2026") and is not a number
Limitation: a Dutch decimal with exactly three decimals ("2,333") reads as 2333; the policy states money in
whole euros and shares with at most two decimals, so this is the reading that is right in practice.

On top of that, `find_numbers(text)` reads whole mentions with their spans: a multiplier after the number
("65k", "1,2 miljoen", "1.2 million", "twee ton", "12 duizend"), number words in Dutch and English
("vier", "twaalfduizend", "vijfenvijftig", "fifty-five", "twelve thousand"), halves ("een half",
"anderhalf", "twee en een half", "two and a half", "½"). Ordinal words ("eerste", "second") are read by
`ordinal_value`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

DIGIT_TOKEN = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w]|[.,]\d)")

_NL_UNITS = {
    "nul": 0, "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
_NL_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
    "negentig": 90,
}  # fmt: skip
_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"honderd": 100, "hundred": 100, "duizend": 1000, "thousand": 1000, "miljoen": 10**6, "million": 10**6}
# a word or suffix after a number that multiplies it ("65k", "1,2 mln", "twee ton" = 200.000)
MULTIPLIERS = {
    "k": 1000, "duizend": 1000, "thousand": 1000, "mille": 1000, "dzd": 1000,
    "ton": 100_000, "grand": 1000,
    "m": 10**6, "mln": 10**6, "mio": 10**6, "miljoen": 10**6, "million": 10**6, "millions": 10**6,
}  # fmt: skip
ORDINALS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8,
    "negende": 9, "tiende": 10, "laatste": -1,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "last": -1,
    "1e": 1, "2e": 2, "3e": 3, "4e": 4, "5e": 5, "1ste": 1, "2de": 2, "3de": 3, "1st": 1, "2nd": 2, "3rd": 3,
    "4th": 4, "5th": 5, "ene": 1,
}  # fmt: skip
# fractions people write for a share ("een derde van de uren", "de helft", "two thirds"): numerator words x denominator
FRACTION_DENOMINATORS = {
    "derde": 3, "derden": 3, "kwart": 4, "vierde": 4, "vijfde": 5, "helft": 2,
    "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "half": 2,
}  # fmt: skip
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<num>een|één|twee|drie|vier|a|one|two|three|four|de|the)\s+)?(?P<den>"
    + "|".join(sorted(FRACTION_DENOMINATORS, key=len, reverse=True))
    + r")(?![\w-])(?=\s+(?:van|of|deel|part|gaat|goes|wordt|is|door|by|via|aan|zelf|uitbeste\w*|uit\s+te\s+besteden|outsourc\w*|subcontract\w*|ourselves|themselves"
    + r"|(?:als|as)\s+(?:the\s+|het\s+)?(?:maximum|minimum|max|cap|limit|grens|plafond))\b)",  # "de helft als maximum"
    re.IGNORECASE,
)
_HALF_ENDS = re.compile(r"(?<![\w-])(?:de|the)\s+(?:helft|half)(?=\s*[?!.;])", re.IGNORECASE)
# the whole of a thing said in words ("all of our honoured budget", "het volledige budget", "alle zorg zelf"): a share
# of 100% when one of these nouns follows within a few words
WHOLE_WORDS = ("all of", "all", "the whole of", "the whole", "the entire", "the full", "het volledige", "het volle",
               "het hele", "het gehele", "de volledige", "de volle", "de hele", "de gehele", "alle", "al onze", "al ons")
WHOLE_NOUNS = ("budget", "budgets", "zorg", "care", "omzet", "revenue", "bedrag", "amount", "plafond", "omzetplafond",
               "ceiling", "productieafspraak")
# the only words that may stand between the whole word and its noun: a possessive or article, and the words that name
# which budget ("all of our honoured additional budget"); any other word makes it a part ("all of the wound care")
WHOLE_GAP_WORDS = ("our", "the", "its", "their", "ons", "onze", "het", "de", "hun", "honoured", "honored", "additional",
                   "extra", "gehonoreerde", "gehonoreerd", "aanvullende", "aanvullend", "toegekende", "granted")
_WHOLE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(WHOLE_WORDS, key=len, reverse=True)) + r")"
    + r"(?=\s+(?:(?:" + "|".join(WHOLE_GAP_WORDS) + r")\s+){0,3}(?:" + "|".join(WHOLE_NOUNS) + r")(?![\w-]))",
    re.IGNORECASE,
)
WHOLE_PERCENT_CHARS = 40  # a percentage this near after the whole word is the share said in figures
_PERCENT_NEAR = re.compile(r"\d\s*%|\d\s*(?:procent|percent)\b", re.I)
# how many times, said in one word ("twice", "tweemaal"): the number of times ("once" and "eenmaal" only before a
# word of frequency, "once a year", "eenmaal per jaar": otherwise they join clauses, "once we register")
TIMES_WORDS = {"twice": 2, "thrice": 3, "tweemaal": 2, "driemaal": 3, "viermaal": 4, "once": 1, "eenmaal": 1, "éénmaal": 1}
_ONCE_FOLLOWED = re.compile(
    r"^\s+(?:a|an|per|every|each|in|more|only|yearly|annually|een|elk|elke|ieder|iedere)\b|^\s*(?:[.,;:!?]|$)", re.I
)  # "once a year", "we registered once."

_HALF_WORDS = {
    "half": Decimal("0.5"),
    "halve": Decimal("0.5"),
    "anderhalf": Decimal("1.5"),
    "anderhalve": Decimal("1.5"),
}


def _grouped(groups: list[str]) -> bool:
    head, rest = groups[0], groups[1:]
    return 1 <= len(head) <= 3 and not head.startswith("0") and all(len(g) == 3 for g in rest)


def parse_number(token: str) -> Decimal | None:
    """The value of one digit token, or None for section numbers, dates and non-numbers (rules: module doc)."""
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
    except InvalidOperation:  # pragma: no cover - the regex admits only digits and separators
        return None


def decimals(token: str) -> int:
    """How many decimals a digit token states (0 for integers and thousands-grouped numbers)."""
    value = parse_number(token)
    if value is None:
        return 0
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def canonical_number(value: Decimal) -> str:
    """One spelling per value: no thousands separators, "." for decimals, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def word_value(word: str) -> int | None:
    """A Dutch or English number word ("vier", "vijfenvijftig", "twaalfduizend", "tweehonderd", "fifty-five")."""
    w = word.lower().replace("ë", "e").strip("-")
    if not w:
        return None
    if "-" in w:  # fifty-five, twenty-one
        parts = [word_value(p) for p in w.split("-")]
        return sum(parts) if all(p is not None for p in parts) and parts else None  # type: ignore[arg-type]
    for table in (_NL_UNITS, _NL_TENS, _EN_UNITS, _EN_TENS):
        if w in table:
            return table[w]
    for scale_word, scale in sorted(_SCALES.items(), key=lambda kv: -kv[1]):
        if scale_word in w:
            head, tail = w.split(scale_word, 1)
            h = word_value(head) if head else 1
            t = word_value(tail.removeprefix("en")) if tail else 0
            if h is not None and t is not None and (not tail or t < scale):
                return h * scale + t
            return None
    m = re.fullmatch(r"(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(" + "|".join(_NL_TENS) + ")", w)
    if m:
        return _NL_UNITS[m.group(1)] + _NL_TENS[m.group(2)]
    return None


def ordinal_value(word: str) -> int | None:
    """'eerste' -> 1, 'second' -> 2, '3e' -> 3, 'laatste' / 'last' -> -1."""
    return ORDINALS.get(word.lower())


@dataclass(frozen=True)
class NumberMention:
    """A number as written in a text: its value, where it stands, how many decimals it states, and whether
    it was written with digits (a year or postcode is only ever written with digits)."""

    raw: str
    value: Decimal
    start: int
    end: int
    decimals: int = 0
    digits: bool = True  # written with digits (not "vier", "een half")
    multiplier: str | None = None  # "k", "miljoen", "ton", ... when one scaled the number


_WORD = r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*"
_MULT_RE = "|".join(sorted((re.escape(k) for k in MULTIPLIERS), key=len, reverse=True))
_DIGITS_MULT = re.compile(
    rf"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)*)(?:\s?(?P<mult>{_MULT_RE}))?(?![\w])(?![.,]\d)", re.IGNORECASE
)
_AND_HALF = re.compile(r"^\s*(?:en|and|&)\s+(?:een|a)\s+(?:half|halve)\b|^\s*½", re.IGNORECASE)
_WORD_AND_HALF = re.compile(r"^(?P<head>[a-z]+?)[eë]?n(?:een)?hal(?:f|ve)$")  # tweeënhalf, drieënhalve
_WORDS = re.compile(rf"(?<![\w-]){_WORD}(?![\w-])|½", re.IGNORECASE)


def _scaled(value: Decimal, mult: str | None) -> Decimal:
    return value * MULTIPLIERS[mult.lower()] if mult else value


def _digit_mentions(text: str) -> list[NumberMention]:
    out = []
    for m in _DIGITS_MULT.finditer(text):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        mult = m.group("mult")
        if mult and mult.lower() == "m" and not re.match(r"\s?[mM](?![\w²])", text[m.end("num") :]):  # "€1.4M" too
            mult = None
        if mult and mult.lower() in ("m", "k") and text[m.end("num") : m.end("num") + 1] == " ":
            mult = None  # "5 m" / "5 k" with a space: too ambiguous (metres, a list marker)
        end = m.end() if mult else m.end("num")
        value = _scaled(value, mult)
        half = _AND_HALF.match(text[end:])
        if half:
            value += Decimal("0.5")
            end += half.end()
        out.append(NumberMention(text[m.start() : end], value, m.start(), end, decimals(m.group("num")), True, mult))
    return out


def _word_mentions(text: str, taken: list[tuple[int, int]]) -> list[NumberMention]:
    words = [(m.start(), m.end(), m.group(0)) for m in _WORDS.finditer(text)]
    out: list[NumberMention] = []
    i = 0
    while i < len(words):
        start, end, w = words[i]
        if any(s <= start < e for s, e in taken):
            i += 1
            continue
        low = w.lower()
        value: Decimal | None = None
        j = i
        if low in ("een", "a", "één", "eén", "another") and i + 1 < len(words) and words[i + 1][2].lower() in ("half", "halve"):
            value, j = Decimal("0.5"), i + 1  # "een half", "another half fte" (the change is read from "another")
            start = words[i + 1][0] if low == "another" else start
        elif (
            low in ("een", "a", "an", "één", "eén") and i + 2 < len(words)
            and words[i + 1][2].lower() in ("extra", "additional") and words[i + 2][2].lower() in ("half", "halve")
        ):  # "an extra half FTE", "een extra halve fte": the half; "extra" says the change
            value, j, start = Decimal("0.5"), i + 2, words[i + 2][0]
        elif low == "half" and i + 1 < len(words) and words[i + 1][2].lower() in ("a", "an") and (i == 0 or words[i - 1][2].lower() not in ("and", "en")):
            value, j = Decimal("0.5"), i + 1  # "half an fte"
        elif low in _HALF_WORDS and low not in ("half", "halve"):
            value = _HALF_WORDS[low]
        elif low == "½":
            value = Decimal("0.5")
        elif low in TIMES_WORDS and (TIMES_WORDS[low] > 1 or _ONCE_FOLLOWED.match(text[end:])):
            value = Decimal(TIMES_WORDS[low])  # "twice", "once a year": a number of times (its unit, see quantities)
        elif low == "ten" and _DUTCH_TEN.match(text[end:]):
            value = None
        elif low in ("een", "a", "one", "één", "eén") and i + 1 < len(words) and (
            words[i + 1][2].lower() in _SCALES or (low != "a" and words[i + 1][2].lower() in _DECIMAL_WORDS)
        ):
            value = Decimal(1)  # "a hundred and ten", "een miljoen", "een komma acht"
        elif low == "another" and (person := _ANOTHER_PERSON.match(text[end:])):
            value = Decimal(1)  # "another district nurse at 0.4 fte": one more person (the change is read from it);
            kind_word = person.group("kind") and not re.match(r"(?:level|niveau|niv)", person.group("kind"), re.I)
            j = i + 1 if kind_word else i  # the word of which kind goes with it, the person noun follows (a level
            # is skipped where the unit is read)
        elif low == "eentje" and not _ONE_OF_THEM.match(text[end:]):
            value = Decimal(1)  # "in 4812 maar eentje": one; "nog eentje met 2" is one more of the things counted
        elif low == "single" and _counted_one(text, end):
            value = Decimal(1)  # "a single client": one, before a counted noun only
        elif low not in ("een", "a", "one", "single") or _counted_one(text, end):
            v = word_value(low)
            value = Decimal(v) if v is not None else None
            joined = _WORD_AND_HALF.match(low.replace("ë", "e"))
            if value is None and joined and word_value(joined.group("head")) is not None:
                value = Decimal(word_value(joined.group("head")) or 0) + Decimal("0.5")
        if value is None:
            i += 1
            continue
        end = words[j][1]
        digits_after = _spoken_decimals(words, j, end) if value == int(value) else None
        if digits_after is not None:  # "drie komma twee" = 3,2; "two point five" = 2.5
            value += digits_after[0]
            j, end = digits_after[1], words[digits_after[1]][1]
        while j + 1 < len(words) and words[j + 1][2].lower() in _SCALES and words[j + 1][0] - end <= 1:
            j += 1
            value *= _SCALES[words[j][2].lower()]
            end = words[j][1]
        round_ = 1000 if value >= 1000 and value % 1000 == 0 else 100 if value >= 100 and value % 100 == 0 else 0
        if (  # "a hundred and ten", "two thousand and twenty", "tweeduizend en vijftig": the rest after "and"
            (j > i or round_) and j + 2 < len(words) and words[j + 1][2].lower() in ("and", "en")
            and words[j + 2][0] - words[j + 1][1] <= 1 and words[j + 1][0] - end <= 1
        ):
            rest = word_value(words[j + 2][2].lower())
            if words[j + 2][2].lower() in _ARTICLE_ONE and j == i:
                rest = None  # "tweehonderd en een paar": the article, not 201
            if rest is not None and 0 < rest < (_SCALES.get(words[j][2].lower(), 0) or round_):
                value += rest
                j += 2
                end = words[j][1]
                scale = words[j + 1][2].lower() if j + 1 < len(words) and words[j + 1][0] - end <= 1 else ""
                if _SCALES.get(scale, 0) > value:  # "two hundred and forty thousand": the scale takes the whole
                    value *= _SCALES[scale]
                    j += 1
                    end = words[j][1]
        while j + 1 < len(words) and words[j + 1][0] - end <= 1 and value == int(value):
            # "twaalfduizend vijfhonderd", "twelve thousand five hundred": a smaller number word after a round one
            unit = 1000 if value % 1000 == 0 else 100 if value % 100 == 0 else 0
            rest = word_value(words[j + 1][2].lower())
            if not unit or value < unit or rest is None or rest <= 0 or words[j + 1][2].lower() in _ARTICLE_ONE:
                break  # "tweehonderd een haalbaar aantal": "een" after a number is the article
            k, part = j + 1, Decimal(rest)
            while k + 1 < len(words) and words[k + 1][2].lower() in _SCALES and words[k + 1][0] - words[k][1] <= 1:
                k += 1
                part *= _SCALES[words[k][2].lower()]
            if part >= unit:
                break
            value += part
            j, end = k, words[k][1]
        mult = None
        if j + 1 < len(words) and words[j + 1][2].lower() in ("ton", "grand") and words[j + 1][0] - end <= 1:
            j += 1
            mult = words[j][2].lower()  # "twee ton", "fifty grand": an amount of money
            value *= MULTIPLIERS[mult]
            end = words[j][1]
        half = _AND_HALF.match(text[end:])
        if half and value == int(value):
            value += Decimal("0.5")
            end += half.end()
        out.append(NumberMention(text[start:end], value, start, end, 0, False, mult))
        i = j + 1
        while i < len(words) and words[i][0] < end:  # words eaten by "en een half"
            i += 1
    return out


_DECIMAL_WORDS = {"komma", "point"}
_ARTICLE_ONE = {"een", "één", "eén", "a", "an", "one"}  # after a round number word: an article, never its last digit


def _spoken_decimals(words: list[tuple[int, int, str]], j: int, end: int) -> tuple[Decimal, int] | None:
    """The decimals of a number said in words after "komma"/"point" ("twee" in "drie komma twee", "five" in
    "two point five"): (their value, the index of the last word), or None."""
    if j + 2 >= len(words) or words[j + 1][2].lower() not in _DECIMAL_WORDS or words[j + 1][0] - end > 1:
        return None
    digits, k = "", j + 2
    while k < len(words) and words[k][0] - words[k - 1][1] <= 1:
        v = word_value(words[k][2].lower())
        if v is None or not 0 <= v <= 9:
            break
        digits, k = digits + str(v), k + 1
    return (Decimal("0." + digits), k - 1) if digits else None


_ONE_NOUN = re.compile(
    r"^\s+(?:more\s+|extra\s+|meer\s+|additional\s+)?(?:full-time\s+|fulltime\s+|voltijds\s+)?"
    r"(?:(?:level|niveau|niv\.?)[\s-]?\d\s+|hbo(?:-bachelor)?[\s-]+)?"  # "one extra niveau-5 colleague": its level
    r"(?:cz[-\s]?)?(?:(?:full|whole|volledige|volle|hele)\s+fte\b|cli[eë]nt\b|client\b|patient\b|pati[eë]nt\b|postcodegebied|gebied\b|area\b|fte\b|uur\b|hour\b"
    r"|zorgaanbieder\b|provider\b|inschrijving\b|registration\b|keer\b|time\b|procent\b|percent\b|case\s*manager\b|"
    r"casemanager\b|verpleegkundige\b|nurse\b|medewerker\b|employee\b|colleague\b(?!-)|collega\b(?!-))",
    re.IGNORECASE,
)


# Dutch words that make the English number word "ten" a Dutch preposition: "ten minste", "ten hoogste", ...
_DUTCH_TEN = re.compile(
    r"^\s+(?:minste|hoogste|opzichte|behoeve|laste|aanzien|gunste|tijde|einde|slotte|onrechte|volle|dele|koste|"
    r"noorden|zuiden|oosten|westen|eerste|tweede|derde|vierde|laatste|hoogste|grondslag|overstaan)\b",
    re.IGNORECASE,
)


_ONE_OF_THEM = re.compile(r"\s*(?:met|van|with|of)\s+\d", re.I)  # "nog eentje met 2": one more area, with its count


# "another district nurse", "another case manager": one more person (one word may say which kind)
_ANOTHER_PERSON = re.compile(
    r"^\s+(?P<kind>[a-z]{3,12}\s+|(?:level|niveau|niv\.?)[\s-]?\d\s+)?(?:case\s*manager|casemanager|nurse|colleague|employee|freelancer)\b",
    re.IGNORECASE,
)


def _counted_one(text: str, end: int) -> bool:
    """'een'/'a'/'one' is the number 1 only before a counted noun ("één cliënt", "one client"), never an article."""
    return bool(_ONE_NOUN.match(text[end:]))


def find_fractions(text: str) -> list[NumberMention]:
    """Shares written as fractions before "van"/"of"/"door"/...: "een derde van de uren" -> 1/3, "de helft
    van de zorg" -> 1/2, "two thirds of" -> 2/3, "driekwart" is read as "drie kwart"; the whole of a thing ("all of
    our budget", "het volledige budget") -> 1. Values are fractions (0-1)."""
    out = []
    for m in _FRACTION.finditer(text.replace("driekwart", "drie kwart")):
        den = FRACTION_DENOMINATORS[m.group("den").lower()]
        word = (m.group("num") or "").lower()
        if den == 2 and word not in ("de", "the", "een", "a", "één", "one", ""):
            continue
        if den == 2 and word == "" and m.group("den").lower() != "half":
            continue  # "helft" needs its article; "Half of our care" does not
        num = 1 if word in ("", "een", "één", "a", "one", "de", "the") else (word_value(word) or 1)
        value = Decimal(num) / Decimal(den)
        out.append(NumberMention(m.group(0), value, m.start(), m.end(), 4, False, "fraction"))
    for m in _HALF_ENDS.finditer(text):  # "... ook al op de helft?": the share the clause ends with
        out.append(NumberMention(m.group(0), Decimal(1) / Decimal(2), m.start(), m.end(), 4, False, "fraction"))
    for m in _WHOLE.finditer(text):
        if _PERCENT_NEAR.search(text[m.end() : m.end() + WHOLE_PERCENT_CHARS]):
            continue  # "alle zorg (100%)": the figure beside it says the share
        out.append(NumberMention(m.group(0), Decimal(1), m.start(), m.end(), 4, False, "fraction"))
    return sorted(out, key=lambda f: f.start)


def find_numbers(text: str, words: bool = True) -> list[NumberMention]:
    """Every number mention in `text`, in order: digit tokens (with their multiplier) and, with `words`,
    number words. Section numbers ("2.3.2"), dotted dates and footnote marks ("[1]") are not numbers."""
    digits = [d for d in _digit_mentions(text) if not (text[d.start - 1 : d.start] == "[" and text[d.end : d.end + 1] == "]")]
    mentions = digits + (_word_mentions(text, [(d.start, d.end) for d in digits]) if words else [])
    return sorted(mentions, key=lambda m: m.start)


def to_number(value: Decimal) -> int | float:
    """A Decimal as the int or float a calculator takes."""
    return int(value) if value == value.to_integral_value() else float(value)


def format_number(value: float | Decimal, lang: str = "nl") -> str:
    """A number as the language writes it: "1.560", "2,5" (nl); "1,560", "2.5" (en); at most two decimals."""
    v = float(value)
    s = f"{v:,.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"
    return s.replace(",", "_").replace(".", ",").replace("_", ".") if lang == "nl" else s


def format_eur(value: float | Decimal, lang: str) -> str:
    """An amount of euros as the language writes it: "€ 50.000" (nl), "€50,000" (en); cents only when there are any."""
    v = float(value or 0)
    text = f"{v:,.{0 if v == int(v) else 2}f}"
    return "€" + text if lang == "en" else "€ " + text.replace(",", "_").replace(".", ",").replace("_", ".")
