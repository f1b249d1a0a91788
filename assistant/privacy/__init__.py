"""The privacy filter: finds the personal data a user may type and replaces it before anything is stored,
logged, exported or echoed in an error. One filter, used by every place that keeps text (the patterns are in
`patterns.py`, the first names a cue-less name starts with in `first_names.txt`).

    from assistant import privacy
    privacy.redact("Mevrouw Anna de Vries, BSN 111-222-333")   # 'Mevrouw [naam], BSN [BSN]'
    privacy.find_personal_data(text)                           # ['bsn', 'name']
    privacy.configure(corpus_dir)                              # once at start (server, CLI); lazy otherwise

What it finds (each kind has its own detector; overlapping finds keep the longest):

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
  A word the policy uses (in any case) is never taken for a surname, so policy words, section titles,
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
from pathlib import Path
from typing import Any

from assistant.privacy import patterns as p
from assistant.privacy.patterns import Finding  # noqa: F401  (part of this module's API)

HERE = Path(__file__).parent
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
        self.vocabulary = frozenset(vocabulary) | frozenset(m for m in p.MONTHS if len(m) > 4) | p.STOPWORDS
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
        emails = {m.group(0).lower().rstrip(".") for m in p.EMAIL.finditer(text)}
        vocabulary = {w.lower() for w in p.TOKEN.findall(text)}  # every word of the policy, in any case
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
            *p.iban_findings(text),
            *p.bsn_findings(text),
            *p.phone_findings(text),
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
        patterns = [p.EMAIL] if "@" in text else []
        if p.AT_WORD.search(text):
            patterns.append(p.EMAIL_OBFUSCATED)
        real = [m.span() for m in p.EMAIL.finditer(text)] if "@" in text else []
        for pattern in patterns:
            for m in pattern.finditer(text):
                address = m.group(0).rstrip(".")
                if pattern is p.EMAIL_OBFUSCATED and any(a < m.end() and m.start() < b for a, b in real):
                    continue  # "send it to the team at <policy address>": "at" before a written address, no address itself
                if address.lower() not in self.published:
                    yield Finding("email", m.start(), m.start() + len(address))

    def _date_matches(self, text: str) -> Iterable[re.Match[str] | tuple[int, re.Match[str]]]:
        for pattern in p.NUMERIC_DATES:
            yield from pattern.finditer(text)
        for year in p.YEAR.finditer(text):
            offset = max(0, year.start() - 32)
            for pattern in p.WORD_DATES:
                m = pattern.search(text, offset, year.end())
                if m:
                    yield m
                    break

    def _dates(self, text: str) -> Iterable[Finding]:
        low, high = self.policy_years
        for m in self._date_matches(text):
            parts = m.groupdict()  # type: ignore[union-attr]
            month = p.MONTHS.get(parts["mn"].lower().rstrip(".")) if parts.get("mn") else int(parts["m"])
            day, year = int(parts["d"]), p.full_year(parts["y"])
            if not (month and 1 <= month <= 12 and 1 <= day <= 31 and 1880 <= year <= 2100):
                continue
            start, end = m.start(), m.end()  # type: ignore[union-attr]
            cue = p.BIRTH_CUE.search(text[max(0, start - 40) : start])
            if cue or not low <= year <= high:
                yield Finding("birthdate", start, end)

    def _addresses(self, text: str) -> Iterable[Finding]:
        for m in p.POSTCODE.finditer(text):
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
        for m in p.STREET.finditer(text):
            word = m.group(0).split()[0].lower()
            if word not in self.vocabulary and word not in p.NOT_STREETS:
                yield Finding("address", m.start(), m.end())

    def _name_word(self, word: str, strong: bool) -> bool:
        """May `word` be part of a name? Initials always; a capitalised word unless the policy uses it in lower
        case (after a title: always); a lower-case word only after a title and only when the policy does not use
        it (mevrouw jansen)."""
        word = word.rstrip(",;:")
        if re.fullmatch(rf"(?:[{p.UP}]\.-?)+", word):
            return True
        parts = [w for w in re.split(r"-", word) if w and w.lower().strip("'’") not in p.PREFIXES]
        if not parts:
            return False
        if word[:1].isupper():
            return strong or all(w.lower() not in self.vocabulary for w in parts)
        return strong and all(w.lower() not in self.vocabulary for w in parts)

    def _names(self, text: str) -> Iterable[Finding]:
        for cue in p.CUE.finditer(text):
            strong = re.fullmatch(p.STRONG_CUES, cue.group("cue"), re.I) is not None
            m = p.NAME_AFTER_CUE.match(text, cue.end())
            if m:
                yield from self._name_finding(text, m.start("name"), m.group("name"), strong)
        for m in p.INITIALS_NAME.finditer(text):
            if p.LETTER_BEFORE.search(text[: m.start("name")]):
                continue  # "only a B. Should we ...", "score C. Wat nu?": a score letter, no initial
            yield from self._name_finding(text, m.start("name"), m.group("name"), strong=False, need_surname=True)
        for m in p.CAP_WORD.finditer(text):
            if m.group(0) in self.first_names:
                rest = p.AFTER_FIRST.match(text, m.end())
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
            if last.lower().strip("'’") not in p.PREFIXES and self._name_word(last, strong):
                break
            words.pop()
        if not words:
            return
        if need_surname and (len(words) < 2 or not re.match(rf"[{p.UP}][{p.LOW}]", words[-1].group(0))):
            return
        if not any(w.group(0).lower().strip("'’") not in p.PREFIXES for w in words):
            return
        yield Finding("name", start, start + words[-1].end())


def load_first_names(path: Path | None = None) -> frozenset[str]:
    """The first names a cue-less name ("Jan Bakker") starts with: `assistant/privacy/first_names.txt`."""
    path = path or HERE / "first_names.txt"
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
