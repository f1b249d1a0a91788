"""The privacy filter: finds the personal data a user may type and replaces it before anything is stored,
logged, exported or echoed in an error. One module, used by every place that keeps text.

    from assistant import privacy
    privacy.redact("Mevrouw Anna de Vries, BSN 111-222-333")   # 'Mevrouw [naam], BSN [BSN]'
    privacy.find_personal_data(text)                           # ['bsn', 'name']
    privacy.configure(corpus_dir)                              # once at start (server, CLI); lazy otherwise

What it finds (each kind has its own detector below; overlapping finds keep the longest):

- `bsn`: 9 digits (8 after a "BSN" cue) in any common grouping (123456782, 1234.56.782, 123 456 782,
  123-456-782, 12.34.56.782) that pass the 11-proef (python-stdnum); not after a currency sign.
- `phone`: Dutch numbers (06-12345678, (020) 123 4567, 0800-1234), +31/0031 with or without (0), and other
  international numbers (+44 20 7946 0958, +1 (555) 123-4567): brackets, spaces, dots and hyphens.
- `email`: every address (also "naam [at] domein.nl") except those the policy itself publishes: they are
  read from the corpus text when the filter is built, not from a domain rule.
- `iban`: account numbers that pass the IBAN check.
- `birthdate`: a full date after a birth cue (geboren, geb., geboortedatum, born, DOB), or any full date
  whose year lies outside the policy's own years (read from the corpus manifests; the policy's dates stay).
- `address`: a full postcode (1234 AB) with or without a house number, and "Straatnaam 12"; the 4-digit
  area stays ("5041 [adres]"), since the calculators need it.
- `name`: after a title or role (mevrouw, mw., meneer, dhr., de heer, cliënt(e), patiënt(e), naam:, ...),
  with initials, first names, prefixes (van, de, van der, 't, ...) and hyphenated surnames; without a cue,
  a known first name followed by a surname ("Jan Bakker") or initials followed by a surname ("J.P. Smit").
  A word the policy uses in lower case is never taken for a surname, so policy words, section titles,
  month names and organisations ("CZ groep", "Zorgverzekeraars Nederland") stay.

Placeholders: [BSN], [telefoon], [e-mail], [IBAN], [geboortedatum], [adres], [naam] (the cue word stays).
"""

from __future__ import annotations

import functools
import os
import re
import threading
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stdnum import iban as _iban
from stdnum.nl import bsn as _bsn

LEXICON = Path(__file__).parent / "lexicon"
KINDS = ("bsn", "email", "phone", "name", "birthdate", "address", "iban")  # the order find_personal_data reports
PLACEHOLDER = {
    "bsn": "[BSN]",
    "email": "[e-mail]",
    "phone": "[telefoon]",
    "name": "[naam]",
    "birthdate": "[geboortedatum]",
    "address": "[adres]",
    "iban": "[IBAN]",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


# ---------------------------------------------------------------------------------------- numbers
_SEP = r"[ .\-]"
_DIGIT_RUN = re.compile(r"(?<![\w.,])\d+(?:[ .\-]\d+)*(?![\w]|[.,]\d)")
_CURRENCY_BEFORE = re.compile(r"(?:€|eur|euro|\$|£)\s*$", re.I)
_BSN_CUE = re.compile(r"(?:bsn|burgerservicenummer|sofi\w*)\W{0,3}$", re.I)


def _groups(run: str, offset: int) -> list[tuple[int, int, str]]:
    """(start, end, separator before) of each digit group in a run such as '2027 123 456 782'."""
    out, sep = [], ""
    for m in re.finditer(r"\d+|" + _SEP, run):
        if m.group(0).isdigit():
            out.append((offset + m.start(), offset + m.end(), sep))
        else:
            sep = m.group(0)
    return out


def _bsn_findings(text: str) -> Iterable[Finding]:
    for run in _DIGIT_RUN.finditer(text):
        groups = _groups(run.group(0), run.start())
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
                cue = bool(_BSN_CUE.search(before))
                if end_ok and (len(digits) == 9 or (len(digits) == 8 and cue)) and _bsn.is_valid(digits):
                    if not _CURRENCY_BEFORE.search(before) and not re.match(r"\s*(?:euro|eur|%)", text[end:], re.I):
                        yield Finding("bsn", start, end)


_PHONE_RUN = re.compile(r"(?<![\w+])(?:\+|\b00)?\(?\+?\d[\d ()./\-]*\d(?![\w])")


def _phone_digits_ok(raw: str) -> bool:
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


def _phone_findings(text: str) -> Iterable[Finding]:
    """Each run of digits, spaces and brackets is tried whole, then in windows of its space-separated chunks (a
    year or a count may stand right before the number)."""
    for run in _PHONE_RUN.finditer(text):
        chunks = [(m.start(), m.end()) for m in re.finditer(r"\S+", run.group(0))]
        i = 0
        while i < len(chunks):
            for j in range(len(chunks) - 1, i - 1, -1):
                start, end = run.start() + chunks[i][0], run.start() + chunks[j][1]
                piece = text[start:end]
                if piece[0] in "+(" or piece[0].isdigit():
                    if _phone_digits_ok(piece) and _looks_like_phone(piece):
                        yield Finding("phone", start, end)
                        i = j
                        break
            i += 1


def _looks_like_phone(piece: str) -> bool:
    """Not a date (01-02-1950) or a sum written with dots; at most two digits-only groups of one digit."""
    if re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", piece):
        return False
    return not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", piece)


def _iban_findings(text: str) -> Iterable[Finding]:
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", text, re.I):
        if _iban.is_valid(m.group(0)):
            yield Finding("iban", m.start(), m.end())


# ---------------------------------------------------------------------------------------- e-mail
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,24}\b")
_AT_WORD = re.compile(r"[\[(]\s?(?:at|@)\s?[\])]|\s(?:at|apenstaartje)\s", re.I)
_EMAIL_OBFUSCATED = re.compile(
    r"[\w.+\-]+\s?(?:\[\s?(?:at|@)\s?\]|\(\s?(?:at|@)\s?\)|\s(?:at|apenstaartje)\s)\s?[\w\-]+"
    r"(?:\s?(?:\.|\[\s?(?:dot|punt)\s?\]|\(\s?(?:dot|punt)\s?\)|\s(?:dot|punt)\s)\s?[\w\-]+)*"
    r"\s?(?:\.|\[\s?(?:dot|punt)\s?\]|\(\s?(?:dot|punt)\s?\)|\s(?:dot|punt)\s)\s?[^\W\d_]{2,24}\b",
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
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMERIC_DATES = (
    re.compile(r"(?<![\d\-/.])(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})(?![\d\-/])"),
    re.compile(r"(?<![\d\-/.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d\-/])"),
)
_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|2[01]\d\d)(?!\d)")
_WORD_DATES = (  # tried on the few characters before a year only: a month-name alternation everywhere is slow
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:e|ste|de|st|nd|rd|th)?\s+(?P<mn>{_MONTH})\.?,?\s+(?P<y>\d{{4}})$", re.I),
    re.compile(rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})$", re.I),
)
_BIRTH_CUE = re.compile(
    r"(?:geboren|geb\.|geboortedatum|geboortedag|geb\.\s?datum|born|birth|d\.o\.b\.?|dob|jarig)\W*(?:op|on|in)?\W*$",
    re.I,
)


def _year(value: str) -> int:
    y = int(value)
    return y if len(value) == 4 else (2000 + y if y < 30 else 1900 + y)


# ---------------------------------------------------------------------------------------- addresses
_POSTCODE = re.compile(
    r"\b(?P<area>[1-9]\d{3})(?:\s?(?P<up>[A-Z]{2})|\s?(?P<low>[a-z]{2}))\b"
    r"(?P<nr>,?\s+(?:nr\.?\s?)?\d{1,5}(?:\s?[a-zA-Z]\b|[-/]\d{1,4})?)?"
)
_STREET = re.compile(
    r"\b[A-ZÀ-Ý][a-zà-ÿ'’\-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|steeg|hof|pad|plantsoen|markt"
    r"|baan|wal|erf|park|veld|dam|boulevard|allee|hage|kamp)\s+\d{1,5}(?:\s?[a-zA-Z]\b|[-/]\d{1,4})?(?!\d)"
)


# ---------------------------------------------------------------------------------------- names
_UP = "A-ZÀ-ÖØ-Ý"
_LOW = "a-zà-öø-ÿ"
_CAP = rf"[{_UP}][{_LOW}]+(?:['’][{_LOW}]+)?"
_PREFIX_WORDS = "van|de|der|den|het|ter|ten|te|in|op|la|le|du|da|di|von|vande|vander|vanden|el|al|bin|ben|'t|’t|'s|’s"
_PREFIX = rf"(?:(?i:{_PREFIX_WORDS})\s+){{1,3}}"
_SURNAME = rf"{_CAP}(?:-(?:{_PREFIX})?{_CAP})*"
_INITIALS = rf"(?:[{_UP}]\.\s?(?:-?[{_UP}]\.\s?){{0,4}})"
_STRONG_CUES = (
    r"mevrouw|mevr\.?|mw\.?|meneer|mijnheer|mnr\.?|dhr\.?|de\s+heer|heer|mr\.?|mrs\.?|ms\.?|miss|"
    r"dr\.?|drs\.?|ir\.?|prof\.?|zuster|broeder|dokter|familie|fam\.?"
)
_WEAK_CUES = (
    r"cli[eë]nte?|pati[eë]nte?|bewoner|bewoonster|verzekerde|zorgvrager|"
    r"naam|name|genaamd|named|heet|mijn\s+naam\s+is|my\s+name\s+is|ik\s+ben"
)
_CUE = re.compile(rf"(?<![\w])(?P<cue>(?i:{_STRONG_CUES})|(?i:{_WEAK_CUES}))(?P<gap>\s*:?\s+|(?<=\.))")
_NAME_AFTER_CUE = re.compile(
    rf"(?P<name>{_INITIALS}?(?:{_CAP}\s+){{0,2}}(?:{_PREFIX})?{_SURNAME}|{_INITIALS}|"
    rf"(?:(?i:{_PREFIX_WORDS})\s+)*[{_LOW}]{{2,}}(?:-[{_LOW}]+)?)"
)
_INITIALS_NAME = re.compile(rf"(?<![\w.])(?P<name>{_INITIALS}\s*(?:{_PREFIX})?{_SURNAME})")
_CAP_WORD = re.compile(rf"(?<![\w\-]){_CAP}")
_AFTER_FIRST = re.compile(rf"(?:\s+{_CAP})?\s+(?:{_PREFIX})?{_SURNAME}")
_TOKEN = re.compile(rf"[{_UP}{_LOW}]+")


class PrivacyFilter:
    """Finds and replaces personal data; built from the corpus (its published addresses, its vocabulary and its
    years). Thread-safe and without state between calls."""

    def __init__(
        self,
        published_emails: Iterable[str] = (),
        vocabulary: Iterable[str] = (),
        policy_years: tuple[int, int] = (2020, 2030),
        first_names: Iterable[str] = (),
        policy_tokens: Iterable[str] = (),
    ) -> None:
        self.published = frozenset(e.lower().rstrip(".") for e in published_emails)
        self.vocabulary = frozenset(vocabulary) | frozenset(m for m in MONTHS if len(m) > 4) | _STOPWORDS
        self.policy_years = policy_years
        self.first_names = frozenset(n for n in first_names if n.lower() not in self.vocabulary)
        self.policy_tokens = frozenset(policy_tokens)  # upper-case words of the policy (CZ, ZN): not postcodes

    @classmethod
    def from_corpus(cls, corpus_dir: Path | str) -> PrivacyFilter:
        corpus_dir = Path(corpus_dir)
        texts, years = [], []
        for manifest in sorted(corpus_dir.glob("*.toml")):
            try:
                meta = tomllib.loads(manifest.read_text(encoding="utf-8"))
                texts.append((corpus_dir / str(meta.get("file", manifest.stem + ".txt"))).read_text(encoding="utf-8"))
                if isinstance(meta.get("year"), int):
                    years.append(meta["year"])
            except (OSError, ValueError):  # a broken manifest is the corpus loader's error to report, not ours
                continue
        text = "\n".join(texts)
        emails = {m.group(0).lower().rstrip(".") for m in _EMAIL.finditer(text)}
        vocabulary = {w.lower() for w in _TOKEN.findall(text)}  # every word of the policy, in any case
        upper = {w for w in re.findall(r"\b[A-Z]{2}\b", text)}
        span = (min(years) - 3, max(years) + 3) if years else (2020, 2030)
        return cls(emails, vocabulary, span, load_first_names(), upper)

    # finding ----------------------------------------------------------------------------------------
    def findings(self, text: str) -> list[Finding]:
        """Non-overlapping finds, in text order (the longer one wins an overlap)."""
        if not text or not isinstance(text, str):
            return []
        found: list[Finding] = [
            *self._emails(text),
            *_iban_findings(text),
            *_bsn_findings(text),
            *_phone_findings(text),
            *self._dates(text),
            *self._addresses(text),
            *self._names(text),
        ]
        found.sort(key=lambda f: (f.start, -len(f)))
        kept: list[Finding] = []
        for f in found:
            if kept and f.start < kept[-1].end:
                if len(f) > len(kept[-1]):
                    kept[-1] = f
                continue
            kept.append(f)
        return kept

    def kinds(self, text: str) -> list[str]:
        present = {f.kind for f in self.findings(text)}
        return [k for k in KINDS if k in present]

    def redact(self, text: str) -> str:
        if not isinstance(text, str):
            return text
        for f in reversed(self.findings(text)):
            text = text[: f.start] + PLACEHOLDER[f.kind] + text[f.end :]
        return text

    # detectors ---------------------------------------------------------------------------------------
    def _emails(self, text: str) -> Iterable[Finding]:
        patterns = [_EMAIL] if "@" in text else []
        if _AT_WORD.search(text):
            patterns.append(_EMAIL_OBFUSCATED)
        for pattern in patterns:
            for m in pattern.finditer(text):
                address = m.group(0).rstrip(".")
                if address.lower() not in self.published:
                    yield Finding("email", m.start(), m.start() + len(address))

    def _date_matches(self, text: str) -> Iterable[re.Match[str] | tuple[int, re.Match[str]]]:
        for pattern in _NUMERIC_DATES:
            yield from pattern.finditer(text)
        for year in _YEAR.finditer(text):
            offset = max(0, year.start() - 32)
            for pattern in _WORD_DATES:
                m = pattern.search(text, offset, year.end())
                if m:
                    yield m
                    break

    def _dates(self, text: str) -> Iterable[Finding]:
        low, high = self.policy_years
        for m in self._date_matches(text):
            parts = m.groupdict()  # type: ignore[union-attr]
            month = MONTHS.get(parts["mn"].lower().rstrip(".")) if parts.get("mn") else int(parts["m"])
            day, year = int(parts["d"]), _year(parts["y"])
            if not (month and 1 <= month <= 12 and 1 <= day <= 31 and 1880 <= year <= 2100):
                continue
            start, end = m.start(), m.end()  # type: ignore[union-attr]
            cue = _BIRTH_CUE.search(text[max(0, start - 40) : start])
            if cue or not low <= year <= high:
                yield Finding("birthdate", start, end)

    def _addresses(self, text: str) -> Iterable[Finding]:
        for m in _POSTCODE.finditer(text):
            letters = m.group("up") or m.group("low")
            if not m.group("nr") and (letters.upper() in self.policy_tokens or letters.upper() in ("SA", "SD", "SS")):
                continue
            low = m.group("low")
            if low and (
                not m.group("nr")
                or low in self.vocabulary
                or low in ("vs", "ca", "nr")
                or len(m.group("nr").strip(", ")) > 4
            ):
                continue  # '2027 de 12' is a year and a count, '2024 vs 2018' two years; '5041 ab 12' is an address
            yield Finding("address", m.start("up") if m.group("up") else m.start("low"), m.end())
        for m in _STREET.finditer(text):
            if m.group(0).split()[0].lower() not in self.vocabulary:
                yield Finding("address", m.start(), m.end())

    def _name_word(self, word: str, strong: bool) -> bool:
        """May `word` be part of a name? Initials always; a capitalised word unless the policy uses it in lower
        case (after a title: always); a lower-case word only after a title and only when the policy does not use
        it (mevrouw jansen)."""
        word = word.rstrip(",;:")
        if re.fullmatch(rf"(?:[{_UP}]\.-?)+", word):
            return True
        parts = [p for p in re.split(r"-", word) if p and p.lower().strip("'’") not in _PREFIXES]
        if not parts:
            return False
        if word[:1].isupper():
            return strong or all(p.lower() not in self.vocabulary for p in parts)
        return strong and all(p.lower() not in self.vocabulary for p in parts)

    def _names(self, text: str) -> Iterable[Finding]:
        for cue in _CUE.finditer(text):
            strong = re.fullmatch(_STRONG_CUES, cue.group("cue"), re.I) is not None
            m = _NAME_AFTER_CUE.match(text, cue.end())
            if m:
                yield from self._name_finding(text, m.start("name"), m.group("name"), strong)
        for m in _INITIALS_NAME.finditer(text):
            yield from self._name_finding(text, m.start("name"), m.group("name"), strong=False, need_surname=True)
        for m in _CAP_WORD.finditer(text):
            if m.group(0) in self.first_names:
                rest = _AFTER_FIRST.match(text, m.end())
                if rest:
                    yield from self._name_finding(
                        text, m.start(), text[m.start() : rest.end()], strong=False, need_surname=True
                    )

    def _name_finding(
        self, text: str, start: int, candidate: str, strong: bool, need_surname: bool = False
    ) -> Iterable[Finding]:
        """The longest leading part of `candidate` whose last word is a name word ('cliënt Ontvangt' is none,
        'Jan Bakker Zorg' is 'Jan Bakker'); prefixes never end a name."""
        words = list(re.finditer(r"\S+", candidate))
        while words:
            last = words[-1].group(0)
            if last.lower().strip("'’") not in _PREFIXES and self._name_word(last, strong):
                break
            words.pop()
        if not words:
            return
        if need_surname and (len(words) < 2 or not re.match(rf"[{_UP}][{_LOW}]", words[-1].group(0))):
            return
        if not any(w.group(0).lower().strip("'’") not in _PREFIXES for w in words):
            return
        yield Finding("name", start, start + words[-1].end())


_PREFIXES = frozenset(_PREFIX_WORDS.replace("'", "").replace("’", "").split("|")) | {"t", "s"}
_STOPWORDS = frozenset(
    """aan al alle als bij dan dat de deze die dit door een en er geen haar heb hebben heeft hem het hier hij hoe
    hun ik in is je kan kon maar me meer met mij mijn moet na naar niet nog nu of om ons onze ook op over te
    tot u uit uw van voor want was wat we wel werd wie wij wil worden wordt zal ze zich zij zijn zo zou
    a an and are as at be by can do for from has have he her his i if in is it me my no not of on or our she
    so than that the their they this to was we what when who will with you your""".split()
)


def load_first_names(path: Path | None = None) -> frozenset[str]:
    """The first names a cue-less name ("Jan Bakker") starts with: `assistant/lexicon/first_names.txt`."""
    path = path or LEXICON / "first_names.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# ---------------------------------------------------------------------------------------- module API
_lock = threading.Lock()
_current: PrivacyFilter | None = None


def configure(corpus_dir: Path | str) -> PrivacyFilter:
    """Build the filter from this corpus and use it from now on (the server and the CLI call this at start)."""
    global _current
    built = _build(str(Path(corpus_dir).resolve()))
    with _lock:
        _current = built
    return built


@functools.lru_cache(maxsize=4)
def _build(corpus_dir: str) -> PrivacyFilter:
    return PrivacyFilter.from_corpus(corpus_dir)


def default() -> PrivacyFilter:
    """The configured filter; until `configure` is called, one built from $ASSISTANT_CORPUS_DIR or ./corpus."""
    global _current
    if _current is None:
        from assistant.config import REPO_ROOT

        built = _build(str(Path(os.environ.get("ASSISTANT_CORPUS_DIR") or REPO_ROOT / "corpus").resolve()))
        with _lock:
            _current = _current or built
    return _current  # type: ignore[return-value]


def redact(text: str) -> str:
    return default().redact(text)


def find_personal_data(text: str) -> list[str]:
    return default().kinds(text)


def redact_value(value: Any) -> Any:
    """Every string inside a JSON-like value (dict keys included) redacted."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {redact_value(str(k)): redact_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_value(v) for v in value]
    return value
