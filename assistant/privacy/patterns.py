"""The patterns and the context-free detectors of the privacy filter (`assistant.privacy`): numbers (BSN,
phone, IBAN), e-mail addresses, dates, addresses and the pieces names are made of. What needs the corpus (the
published addresses, the policy's words and years, the first-name list) is in `PrivacyFilter`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from stdnum import iban as _iban
from stdnum.nl import bsn as _bsn


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


# ---------------------------------------------------------------------------------------- numbers
SEP = r"[ .\-]"
DIGIT_RUN = re.compile(r"(?<![\w.,])\d+(?:[ .\-]\d+)*(?![\w]|[.,]\d)")
CURRENCY_BEFORE = re.compile(r"(?:€|eur|euro|\$|£)\s*$", re.I)
BSN_CUE = re.compile(r"(?:bsn|burgerservicenummer|sofi\w*)\W{0,3}$", re.I)


def digit_groups(run: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, separator before) of each digit group in a run such as '2027 123 456 782'."""
    out, sep = [], ""
    for m in re.finditer(r"\d+|" + SEP, run):
        if m.group(0).isdigit():
            out.append((offset + m.start(), offset + m.end(), sep))
        else:
            sep = m.group(0)
    return out


_YEAR_GROUP = re.compile(r"20\d\d")
_UNIT_AFTER = re.compile(r"\s*(?:uur|uren|hours?|cli[eë]nten|clients?|fte|euro|eur|gebieden|areas?|minuten|dagen)\b", re.I)


def bsn_findings(text: str) -> Iterable[Finding]:
    for run in DIGIT_RUN.finditer(text):
        groups = digit_groups(run.group(0), run.start())
        for i in range(len(groups)):
            if i and groups[i][2] != " ":  # a window starts at the run or after a space, not inside 1.234.567
                continue
            digits = ""
            for j in range(i, len(groups)):
                digits += text[groups[j][0] : groups[j][1]]
                if len(digits) > 9:
                    break
                end_ok = j + 1 == len(groups) or groups[j + 1][2] == " "
                start, end = groups[i][0], groups[j][1]
                before = text[max(0, start - 30) : start]
                cue = bool(BSN_CUE.search(before))
                one_sep = len({g[2] for g in groups[i + 1 : j + 1]}) <= 1  # "2027 15.000 uur": a year and an amount
                year_and_amount = bool(_YEAR_GROUP.fullmatch(text[groups[i][0] : groups[i][1]])) and j > i and bool(
                    _UNIT_AFTER.match(text[end:])
                )  # "in 2027 15 000 uur": a year, then a figure with its unit
                if end_ok and one_sep and not year_and_amount and (len(digits) == 9 or (len(digits) == 8 and cue)) and _bsn.is_valid(digits):
                    if not CURRENCY_BEFORE.search(before) and not re.match(r"\s*(?:euro|eur|%)", text[end:], re.I):
                        yield Finding("bsn", start, end)


PHONE_RUN = re.compile(r"(?<![\w+])(?:\+|\b00)?\(?\+?\d[\d ()./\-]*\d(?![\w])")


def phone_digits_ok(raw: str) -> bool:
    digits = re.sub(r"\D", "", raw)
    intl = raw.lstrip("(").startswith("+") or digits.startswith("00")
    if intl:
        digits = digits[2:] if digits.startswith("00") else digits
        if digits.startswith("31"):
            rest = digits[2:]
            if "(0)" in raw.replace(" ", ""):
                rest = rest[1:] if rest.startswith("0") else rest
            return len(rest) == 9 and rest[0] != "0"
        return 8 <= len(digits) <= 15 and digits[0] != "0"
    if not digits.startswith("0") or digits.startswith("00"):
        return False
    if digits[:4] in ("0800", "0900", "0906", "0909"):
        return len(digits) in (8, 11)
    return len(digits) == 10


def phone_findings(text: str) -> Iterable[Finding]:
    """Each run of digits, spaces and brackets is tried whole, then in windows of its space-separated chunks (a
    year or a count may stand right before the number)."""
    for run in PHONE_RUN.finditer(text):
        chunks = [(m.start(), m.end()) for m in re.finditer(r"\S+", run.group(0))]
        i = 0
        while i < len(chunks):
            for j in range(len(chunks) - 1, i - 1, -1):
                start, end = run.start() + chunks[i][0], run.start() + chunks[j][1]
                piece = text[start:end]
                if piece[0] in "+(" or piece[0].isdigit():
                    if phone_digits_ok(piece) and looks_like_phone(piece):
                        yield Finding("phone", start, end)
                        i = j
                        break
            i += 1


def looks_like_phone(piece: str) -> bool:
    """Not a date (01-02-1950) or a sum written with dots; at most two digits-only groups of one digit."""
    if re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", piece):
        return False
    return not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", piece)


def iban_findings(text: str) -> Iterable[Finding]:
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", text, re.I):
        if _iban.is_valid(m.group(0)):
            yield Finding("iban", m.start(), m.end())


# ---------------------------------------------------------------------------------------- e-mail
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,24}\b")
AT_WORD = re.compile(r"[\[(]\s?(?:at|@)\s?[\])]|\s(?:at|apenstaartje)\s", re.I)
EMAIL_OBFUSCATED = re.compile(
    r"[\w.+\-]+\s?(?:\[\s?(?:at|@)\s?\]|\(\s?(?:at|@)\s?\)|\s(?:at|apenstaartje)\s)\s?[\w\-]+"
    r"(?:\s?(?:(?<!\s)\.(?!\s)|\[\s?(?:dot|punt)\s?\]|\(\s?(?:dot|punt)\s?\)|\s(?:dot|punt)\s)\s?[\w\-]+)*"
    r"\s?(?:(?<!\s)\.(?!\s)|\[\s?(?:dot|punt)\s?\]|\(\s?(?:dot|punt)\s?\)|\s(?:dot|punt)\s)\s?[^\W\d_]{2,24}\b",
    re.I,
)


# ---------------------------------------------------------------------------------------- dates
MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "feb", "february"), 2),
    **dict.fromkeys(("maart", "mrt", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("augustus", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "october", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMERIC_DATES = (
    re.compile(r"(?<![\d\-/.])(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})(?![\d\-/])"),
    re.compile(r"(?<![\d\-/.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d\-/])"),
)
YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|2[01]\d\d)(?!\d)")
WORD_DATES = (  # tried on the few characters before a year only: a month-name alternation everywhere is slow
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:e|ste|de|st|nd|rd|th)?\s+(?P<mn>{MONTH_NAMES})\.?,?\s+(?P<y>\d{{4}})$", re.I
    ),
    re.compile(rf"\b(?P<mn>{MONTH_NAMES})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})$", re.I),
)
BIRTH_CUE = re.compile(
    r"(?:geboren|geb\.|geboortedatum|geboortedag|geb\.\s?datum|born|birth|d\.o\.b\.?|dob|jarig)\W*(?:op|on|in)?\W*$",
    re.I,
)


def full_year(value: str) -> int:
    y = int(value)
    return y if len(value) == 4 else (2000 + y if y < 30 else 1900 + y)


# ---------------------------------------------------------------------------------------- addresses
POSTCODE = re.compile(
    r"\b(?P<area>[1-9]\d{3})(?:\s?(?P<up>[A-Z]{2})|\s?(?P<low>[a-z]{2}))\b"
    r"(?P<nr>,?\s+(?:nr\.?\s?)?\d{1,5}(?:\s?[a-zA-Z]\b|[-/]\d{1,4})?)?"
)
# everyday words that end like a street ("Ruwweg 300 cliënten", "Loopbaan 2 jaar"): never a street name
# (only words that are no place or street name anywhere: "Halfweg" and "Voorhof" are places, so they stay addresses)
NOT_STREETS = frozenset({"ruwweg", "onderweg", "loopbaan", "arbeidsmarkt", "zorgmarkt", "woningmarkt"})
STREET = re.compile(
    r"\b[A-ZÀ-Ý][a-zà-ÿ'’\-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|hof|pad|plantsoen|markt"
    r"|baan|wal|erf|park|veld|dam|boulevard|allee|hage|kamp)\s+\d{1,5}(?:\s?[a-zA-Z]\b|[-/]\d{1,4})?(?!\d)"
)


# ---------------------------------------------------------------------------------------- names
UP = "A-ZÀ-ÖØ-Ý"
LOW = "a-zà-öø-ÿ"
CAP = rf"[{UP}][{LOW}]+(?:['’][{LOW}]+)?"
PREFIX_WORDS = "van|de|der|den|het|ter|ten|te|in|op|la|le|du|da|di|von|vande|vander|vanden|el|al|bin|ben|'t|’t|'s|’s"
PREFIX = rf"(?:(?i:{PREFIX_WORDS})\s+){{1,3}}"
SURNAME = rf"{CAP}(?:-(?:{PREFIX})?{CAP})*"
INITIALS = rf"(?:[{UP}]\.[ \t]?(?:-?[{UP}]\.[ \t]?){{0,4}})"  # a name never runs over a line break ("score: A.\nSources")
STRONG_CUES = (
    r"mevrouw|mevr\.?|mw\.?|meneer|mijnheer|mnr\.?|dhr\.?|de\s+heer|heer|mr\.?|mrs\.?|ms\.?|miss|"
    r"dr\.?|drs\.?|ir\.?|prof\.?|zuster|broeder|dokter|familie|fam\.?"
)
WEAK_CUES = (
    r"cli[eë]nte?|pati[eë]nte?|bewoner|bewoonster|verzekerde|zorgvrager|"
    r"naam|name|genaamd|named|heet|mijn\s+naam\s+is|my\s+name\s+is|ik\s+ben"
)
CUE = re.compile(rf"(?<![\w])(?P<cue>(?i:{STRONG_CUES})|(?i:{WEAK_CUES}))(?P<gap>\s*:?\s+|(?<=\.))")
NAME_AFTER_CUE = re.compile(
    rf"(?P<name>{INITIALS}?(?:{CAP}\s+){{0,2}}(?:{PREFIX})?{SURNAME}|{INITIALS}|"
    rf"(?:(?i:{PREFIX_WORDS})\s+)*[{LOW}]{{2,}}(?:-[{LOW}]+)?)"
)
# the word before a single capital letter that makes it a letter (a score), not an initial: "only a B. How much?"
LETTER_BEFORE = re.compile(
    r"\b(?:a|an|een|score|scores|scoorden|scored|letter|grade)\s*:?\s+$"
    # "Our score is C. We'd ...", "onze categorie wordt B. Dan ...": the score named, then its letter
    r"|\b(?:score|scores|categorie|category|klasse|class)\s+(?:is|was|wordt|werd|blijft|becomes|became|remains|will\s+be)\s+$",
    re.I,
)
INITIALS_NAME = re.compile(rf"(?<![\w.])(?P<name>{INITIALS}[ \t]*(?:{PREFIX})?{SURNAME})")
CAP_WORD = re.compile(rf"(?<![\w\-]){CAP}")
AFTER_FIRST = re.compile(rf"(?:\s+{CAP})?\s+(?:{PREFIX})?{SURNAME}")
TOKEN = re.compile(rf"[{UP}{LOW}]+")


PREFIXES = frozenset(PREFIX_WORDS.replace("'", "").replace("’", "").split("|")) | {"t", "s"}
STOPWORDS = frozenset(
    """aan al alle als bij dan dat de deze die dit door een en er geen haar heb hebben heeft hem het hier hij hoe
    hun ik in is je kan kon maar me meer met mij mijn moet na naar niet nog nu of om ons onze ook op over te
    tot u uit uw van voor want was wat we wel werd wie wij wil worden wordt zal ze zich zij zijn zo zou
    a an and are as at be by can do for from has have he her his i if in is it me my no not of on or our she
    so than that the their they this to was we what when who will with you your
    does did were could would should shall may might must had which where why how""".split()
)
