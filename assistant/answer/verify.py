"""Check a claim about the policy against the text: supported, contradicted or not found.

    verify_claim(assistant, "Nieuwe zorgaanbieders hebben een verwachte zorgomzet van minimaal € 100.000")
    -> {"verdict": "contradicted", "claim": ..., "source": {"clause_id": "wv2027/3.2.1", "year": 2027,
        "section": "3.2.1", "quote": "De nieuwe zorgaanbieder heeft ... minimaal € 50.000 op jaarbasis, ..."},
        "differences": [{"claim": "€ 100.000", "source": "€ 50.000", "kind": "number"}], "overlap": 0.93}

How: retrieve passages for the claim. Running text is cut into candidate sentences by the one sentence splitter
(`split_sentences`; a sentence and the next one together are candidates too); each is scored by the weighted share
of the claim's content words it contains (numbers and dates left out; English words through the concept
vocabulary). On the candidates close to the best overlap the claim's facts, negations and opposite terms
(minimaal/maximaal) are compared: one candidate agrees on every fact and term and the overlap is high: supported;
otherwise one is clearly about the same thing but a fact, negation or term differs: contradicted, each difference
listed (a claim fact is paired with the nearest source fact of its kind: 1 maart 2027 with 28 februari 2027).

A table (the staffel in 3.2.4, the postcode table in 2.3.2, the timeline in 4.1, the 2024 ingroeimodel) is judged
on its cells: the claim is matched to the row it is about (by the row's key facts such as score letter, year and
points, or by its words) and to the value column it names ("bestaande" / "nieuwe zorgaanbieders"; every value
column when it names none), and its value is compared with that cell. The quote is the row; `header`, `column`
and `cell` say where in the table the value stands, and a difference names the policy's value in that cell.

Facts are read by the one quantity reader (assistant.text.quantities: numbers with multipliers and number words,
dates and periods, percentages, amounts, counts with their unit and bound, score letters with their years), so
"50 %", "50 procent" and "vijftig procent" are one fact. Nothing is found: not_found (source null). Deterministic.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from assistant.answer.guards import OWN, language
from assistant.domain import Passage, collapse_ws
from assistant.errors import InvalidInput
from assistant.ingest.parser import split_sentences
from assistant.ingest.tables import RowMatch, Table, within_bound
from assistant.retrieve.analysis import (
    STOPWORDS,
    _zipf,
    analyse,
    concept_vocabulary,
    raw_tokens,
    score_terms,
    specificity,
)
from assistant.text.dates import MONTHS, en_date, find_dates, nl_date
from assistant.text.numbers import find_numbers
from assistant.text.quantities import (
    DAYS_PER_UNIT,
    Quantity,
    as_repeated,
    fold,
    lexicon,
    lexicon_data,
    read,
    word_pattern,
)

if TYPE_CHECKING:  # pragma: no cover
    from assistant.answer.pipeline import Assistant

MAX_CLAIM_CHARS = 2000
SEARCH_K = 8
MAX_SENTENCE = 350  # longer units are also offered as windows of 1-4 lines
SUPPORTED_OVERLAP = 0.75
CONTRADICTED_OVERLAP = 0.6
TABLE_OVERLAP = 0.5  # a table row also needs its key facts or words and a comparable value (see Table.row_for)
MIN_SHARED_TERMS = 2
POOL_MARGIN = 0.1  # candidates this close to the best overlap are all judged
ANCHORED_OVERLAP = 0.4  # a candidate stating one of the claim's figures as it is is judged on this much overlap
POOL_SIZE = 25
NEGATION_SCOPE = 3  # content words after a negation that it applies to
COMMON_PART_IDF = 1.0  # a compound part this common (zorg, in nearly every passage) does not stand for the word
REFERENCE_LEVEL = re.compile(r"(?:\bniveau|\blevel)\s*$", re.I)  # "niveau 6": the reader leaves it; a claim can differ
OPPOSITES = [
    ("minimaal", "maximaal"),
    ("minimum", "maximum"),
    ("minimale", "maximale"),
    ("minste", "hoogste"),
    ("meer", "minder"),
    ("hoger", "lager"),
    ("altijd", "nooit"),
    ("verplicht", "vrijwillig"),
    ("binnen", "buiten"),
    ("nieuwe", "bestaande"),
    ("toegestaan", "verboden"),
    ("uiterlijk", "vanaf"),
    ("minimumeisen", "maximumeisen"),
    ("minimal", "maximal"),
    ("at least", "at most"),
]
_OPPOSITE_BOUNDS = {("min", "max"), ("min", "lt"), ("gt", "max"), ("gt", "lt")}
_NUMERIC = ("money", "count", "number", "level")
_TIME = ("date", "period", "year")


@dataclass(frozen=True)
class Fact:
    """One fact of a text, as the quantity reader reads it."""

    kind: str  # money | percent | count | number | level | date | period | year | score | range
    value: Any  # Decimal | date | (date, date) | int | "A" | (Decimal, Decimal)
    text: str  # as written ("€ 50.000", "80%", "1 december 2026 en 28 februari 2027", "2")
    unit: str | None = None
    bound: str | None = None  # min | max | gt | lt | approx
    explicit_year: bool = True
    start: int = 0
    negated: bool = False  # "2 per gebied, niet 3": a figure the text denies
    on_day: bool = False  # "op 28 september", "on 3 October": the day something happened, not a bound of a rule

    @property
    def diff_kind(self) -> str:
        return "date" if self.kind in _TIME else "number"

    @property
    def points(self) -> tuple[date, ...]:
        if self.kind == "period":
            return tuple(self.value)
        return (self.value,) if self.kind == "date" else ()


def extract_facts(text: str) -> list[Fact]:
    """Amounts, percentages, counts, levels, dates, periods, years and score letters, in order of appearance."""
    return list(_facts_of(collapse_ws(text)))


def claimed_facts(claim: str) -> list[Fact]:
    """The facts a claim states: not a figure it denies ("2 cliënten per gebied, niet 3" claims 2, not 3)."""
    facts = extract_facts(claim)
    kept = [f for f in facts if not f.negated]
    return kept if kept else facts


@lru_cache(maxsize=8192)  # the policy's sentences come back for every claim
def _facts_of(text: str) -> tuple[Fact, ...]:
    out: list[Fact] = []
    quantities = read(text)
    for q in quantities:
        fact = _fact(q, text)
        if fact is not None:
            out.append(fact)
    covered = [(q.start, q.end) for q in quantities]
    for m in find_numbers(text, words=False):  # "niveau 6": a level the reader keeps out of its quantities
        if not any(s <= m.start < e for s, e in covered) and REFERENCE_LEVEL.search(
            text[max(0, m.start - 8) : m.start]
        ):
            out.append(Fact("level", m.value, m.raw, start=m.start))
    return tuple(sorted(out, key=lambda f: f.start))


def _fact(q: Quantity, text: str) -> Fact | None:
    if q.kind in ("postcode", "ordinal"):
        return None
    kind = "range" if q.kind == "percent_range" else q.kind
    written = collapse_ws(as_repeated(q))
    if q.kind == "money":
        sign = re.search(r"(?:€|\beur\b|\beuro\b)\s*$", text[max(0, q.start - 5) : q.start], re.I)
        written = collapse_ws(text[q.start - len(sign.group(0)) : q.end]) if sign else written
    elif q.kind in ("count", "number"):
        numbers = find_numbers(q.text)
        written = numbers[0].raw if numbers else written
    value = q.value
    if q.kind == "percent_range":
        value = tuple(value)
    on_day = q.kind == "date" and re.search(r"(?<!\w)(?:op|on)\s+$", text[max(0, q.start - 4) : q.start], re.I) is not None
    return Fact(kind, value, written, q.unit, q.bound, q.explicit_year, q.start, bool(q.negated) and not q.bound, on_day)


def _same_day(a: date, b: date, a_year: bool, b_year: bool) -> bool:
    return (a.month, a.day) == (b.month, b.day) and (a.year == b.year or not (a_year and b_year))


def _same(a: Fact, b: Fact) -> bool:
    """Does source fact `b` state claim fact `a`?"""
    if a.kind in ("date", "period") and b.kind in ("date", "period"):
        same = lambda x, y: _same_day(x, y, a.explicit_year, b.explicit_year)  # noqa: E731
        if a.kind == "date":
            return any(same(a.value, p) for p in b.points)
        return b.kind == "period" and all(same(x, y) for x, y in zip(a.points, b.points, strict=True))
    if a.kind == "year":
        return (b.kind == "year" and b.value == a.value) or (
            b.kind in ("date", "period") and b.explicit_year and any(p.year == a.value for p in b.points)
        )
    if a.kind == "score" or b.kind == "score":
        return a.kind == b.kind and a.value == b.value
    if a.kind == "range" or b.kind == "range":
        return a.kind == b.kind and tuple(a.value) == tuple(b.value)
    if a.kind == "percent" or b.kind == "percent":
        return a.kind == b.kind and a.value == b.value
    if a.kind in _NUMERIC and b.kind in _NUMERIC:
        if a.unit and b.unit and a.unit != b.unit:
            return False
        if (a.kind == "level") != (b.kind == "level") and "number" not in (a.kind, b.kind):
            return False
        return a.value == b.value
    return False


def _same_end(a: Fact, b: Fact, claim_text: str) -> bool:
    """`_same`, where a single day said as one end of a period ("the window closed on 1 December") must be that end
    of it, not its other one (1 December opens the window that closes on 28 February)."""
    if a.kind == "date" and b.kind == "period" and len(b.points) > 1 and claim_text:
        end = _named_end(claim_text, b.points)
        if end is not None:
            return _same_day(a.value, end, a.explicit_year, b.explicit_year)
    return _same(a, b)


_THEIRS = re.compile(r"(?<![\w'])(ze|zij|hun|they|their|them)(?![\w'])", re.IGNORECASE)  # another party's own case
_DATE_WITHIN = {"before": lambda a, b: a < b, "until": lambda a, b: a <= b, "after": lambda a, b: a > b,
                "since": lambda a, b: a >= b}  # fmt: skip


def _within(a: Fact, b: Fact) -> bool:
    """A plain figure of the asker's case (6 points) that lies within the bound the source states (≥ 5 points); a
    day of the case ("we sent it on 28 September") before the day the source says it must come before."""
    if a.kind == b.kind == "date" and a.bound is None and b.bound in _DATE_WITHIN and a.on_day:
        return _DATE_WITHIN[b.bound](a.value, b.value)
    if a.bound is not None or a.kind != b.kind or a.kind not in _NUMERIC:
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return within_bound(float(a.value), b.bound, float(b.value))


def _days(a: date, b: date) -> float:
    return abs((a - b).days)


RANGE_PENALTY = 1.0  # a single figure compared with a range ("max 55" vs "50 tot 65") is a looser pairing


def _distance(a: Fact, b: Fact) -> float | None:
    """How far source fact `b` is from claim fact `a` when both say the same kind of thing (None: not comparable)."""
    if a.kind in ("date", "period") and b.kind in ("date", "period"):
        return min(_days(x, y) for x in a.points for y in b.points)
    if a.kind == "year" and b.kind == "year":
        return abs(a.value - b.value) * 365.0
    if a.kind == "score" and b.kind == "score":
        return 1.0
    if "percent" in (a.kind, b.kind):
        return float(abs(a.value - b.value)) if a.kind == b.kind else None
    if a.kind == "range" and b.kind == "range":
        return float(sum(abs(x - y) for x, y in zip(a.value, b.value, strict=True)))
    if {a.kind, b.kind} == {"range", "count"} and a.unit and a.unit == b.unit:  # "een maximum van 55" vs "50 tot 65"
        one, ends = (a, b.value) if a.kind == "count" else (b, a.value)
        return min(abs(math.log((float(one.value) + 1) / (float(e) + 1))) for e in ends) + RANGE_PENALTY
    if a.kind == "range" or b.kind == "range":
        return None
    if a.kind in _NUMERIC and b.kind in _NUMERIC:
        if a.unit in DAYS_PER_UNIT and b.unit in DAYS_PER_UNIT and a.unit != b.unit:  # "een half jaar" vs "3 maanden"
            days = (float(a.value) * DAYS_PER_UNIT[a.unit], float(b.value) * DAYS_PER_UNIT[b.unit])
            return abs(math.log((days[0] + 1) / (days[1] + 1)))
        if a.unit and b.unit and a.unit != b.unit:
            return None
        if (a.kind == "level") != (b.kind == "level"):
            return None
        if (a.kind == "money") != (b.kind == "money") and "number" not in (a.kind, b.kind):
            return None  # "een budget van 150.000" is not paired with a count ("[1]", "5 punten")
        penalty = 0.0 if a.kind == b.kind else 5.0
        return abs(math.log((abs(float(a.value)) + 1) / (abs(float(b.value)) + 1))) + penalty
    return None


def compare_facts(claim: list[Fact], source: list[Fact]) -> tuple[list[dict], list[Fact]]:
    """Differences (a claim fact paired with the closest unmatched source fact of its kind) and the
    claim facts that have no counterpart at all in the source. Each source fact serves one claim fact."""
    differences, orphans, _ = _compare_facts(claim, source, "", "")
    return differences, orphans


@dataclass
class _Fit:
    """How a candidate's facts answer the claim's beyond the differences: how far the differing facts are apart
    (days, log ratio), how many of them pair facts of two kinds ("2 personen" with a bare "1"), and how many of
    the claim's figures (not years) it states as they are or as a count of the same thing ("2 personen" against
    "minimaal 3 personen")."""

    cost: float = 0.0
    kinds_apart: int = 0
    matched: int = 0
    same_unit: int = 0

    def __add__(self, other: _Fit) -> _Fit:
        return _Fit(self.cost + other.cost, self.kinds_apart + other.kinds_apart, self.matched + other.matched,
                    self.same_unit + other.same_unit)  # fmt: skip


def _compare_facts(
    claim: list[Fact], source: list[Fact], claim_text: str, source_text: str
) -> tuple[list[dict], list[Fact], _Fit]:
    fit = _Fit()
    used: set[int] = set()
    unmatched: list[Fact] = []
    bounds: list[dict] = []
    case = bool(OWN.search(claim_text) or _THEIRS.search(claim_text))  # "met 6 punten krijgen we 85%": our (or the
    # party's: "ze stuurden het op 28 september") figures, within the rule's bounds
    for a in claim:
        same = [i for i, b in enumerate(source) if i not in used and (_same_end(a, b, claim_text) or (case and _within(a, b)))]
        exact = [i for i in same if source[i].kind == a.kind]
        if same:
            b = source[(exact or same)[0]]
            used.add((exact or same)[0])
            fit.matched += a.kind != "year"
            if (a.bound, b.bound) in _OPPOSITE_BOUNDS or (b.bound, a.bound) in _OPPOSITE_BOUNDS:
                bounds.extend(_bound_difference(a, b, claim_text, source_text))
        else:
            unmatched.append(a)
    differences, orphans = [], []
    for a in unmatched:
        options = [(d, i) for i, b in enumerate(source) if i not in used and (d := _distance(a, b)) is not None]
        if not options:
            orphans.append(a)
            continue
        distance, best = min(options)
        used.add(best)
        fit.cost += distance
        fit.kinds_apart += a.kind != source[best].kind
        fit.same_unit += a.unit is not None and a.unit == source[best].unit
        differences.extend(_differences(a, source[best], claim_text, source_text))
    return differences + bounds, orphans, fit


def _named_end(claim_text: str, points: Any) -> Any:
    """The end of a period a claim speaks of ("sluit op 31 maart": the last day; "opent op ...": the first)."""
    folded = fold(claim_text)
    ends = any(word_pattern(w).search(folded) for w in lexicon().period_end)
    starts = any(word_pattern(w).search(folded) for w in lexicon().period_start)
    if ends != starts:
        return points[-1] if ends else points[0]
    return None


def _differences(a: Fact, b: Fact, claim_text: str, source_text: str) -> list[dict]:
    """One difference, or one per differing end when both sides are periods whose ends are written out."""
    if a.kind == b.kind == "period":
        pairs = [(x, y) for x, y in zip(a.points, b.points, strict=True) if not _same_day(x, y, True, True)]
        named = [(_point_text(claim_text, x), _point_text(source_text, y)) for x, y in pairs]
        if named and all(c and s for c, s in named):
            return [{"claim": c, "source": s, "kind": "date"} for c, s in named]
    source = b.text
    if a.kind == "date" and b.kind == "period":
        nearest = _named_end(claim_text, b.points) or min(b.points, key=lambda p: _days(p, a.value))
        source = _point_text(source_text, nearest) or b.text
    return [{"claim": a.text, "source": source, "kind": a.diff_kind}]


def _point_text(text: str, day: date) -> str | None:
    """A day as the text writes it ("28 februari 2027"), when it writes it out in full."""
    flat = collapse_ws(text).lower()
    for written in (nl_date(day), en_date(day)):
        if written.lower() in flat:
            i = flat.index(written.lower())
            return collapse_ws(text)[i : i + len(written)]
    return None


def _bound_phrase(text: str, fact: Fact) -> str | None:
    """The bound word as the text writes it before a fact ("ten minste", "maximaal", "≥")."""
    flat = collapse_ws(text)
    head = re.sub(r"(?:€|\beur[o]?)?\s*$", "", flat[max(0, fact.start - 30) : fact.start], flags=re.I)
    phrases = sorted((p for ps in lexicon().bounds.values() for p in ps), key=len, reverse=True)
    found = next((p for p in phrases if head.lower().endswith(p)), None)
    return head[len(head) - len(found) :] if found else None


def _bound_difference(a: Fact, b: Fact, claim_text: str, source_text: str) -> list[dict]:
    claim, source = _bound_phrase(claim_text, a), _bound_phrase(source_text, b)
    return [{"claim": claim, "source": source, "kind": "term"}] if claim and source else []


def _words(text: str) -> list[str]:
    return [t for t in raw_tokens(text) if not t[0].isdigit()]


def _negated(words: list[str]) -> dict[str, set[str]]:
    """Each negation word with the content words that follow it (what it negates)."""
    negations = lexicon().negations
    out: dict[str, set[str]] = {}
    for i, w in enumerate(words):
        if w in negations:
            after = [x for x in words[i + 1 :] if x not in STOPWORDS and x not in negations][:NEGATION_SCOPE]
            out.setdefault(w, set()).update(after)
    return out


def compare_terms(claim: str, source: str) -> list[dict]:
    """Negations and opposite terms that differ between claim and source. A negation counts only when
    what it negates ("nooit met terugwerkende kracht") is also in the other text."""
    c_words, s_words = _words(claim), _words(source)
    out: list[dict] = []
    for negating, other, claim_side in ((c_words, s_words, True), (s_words, c_words, False)):
        other_scopes = _negated(other)
        for neg, scope in _negated(negating).items():
            negated_there = any(scope & s for s in other_scopes.values())
            if scope & set(other) and not negated_there:
                pair = (neg, "") if claim_side else ("", neg)
                out.append({"claim": pair[0], "source": pair[1], "kind": "term"})
                break
    c_text, s_text = " " + " ".join(c_words) + " ", " " + " ".join(s_words) + " "
    for a, b in OPPOSITES:
        for x, y in ((a, b), (b, a)):
            if f" {x} " in c_text and f" {y} " not in c_text and f" {y} " in s_text and f" {x} " not in s_text:
                out.append({"claim": x, "source": y, "kind": "term"})
    return out


def states(text: str, phrase: str) -> bool:
    """Does `text` state every fact that `phrase` states ("50%" in a text that writes "50 procent")? For notes
    such as "the 2027 policy does not mention «50 procent»": compare facts, not strings."""
    wanted, there = extract_facts(phrase), extract_facts(text)
    return bool(wanted) and all(any(_same(a, b) for b in there) for a in wanted)


@dataclass(frozen=True)
class _Unit:
    """What a candidate must contain for one word of the claim: its stem (or a compound part), or any of the
    policy's words the concept vocabulary gives for it (English "quality" -> kwaliteit / kwaliteitsinformatie)."""

    terms: frozenset[str]
    weight: float


class _Terms:
    """Content terms (stems, no numbers, months or negations) with weights: the IDF of the BM25 index times how
    specific the word is. A word of the claim that the concept vocabulary knows also stands for the policy's words
    for it (any of them will do). A word the corpus does not know weighs fully in a Dutch claim (an invented rule),
    and not at all in an English one (it cannot be matched against a Dutch text either way); nor does an English
    word that merely happens to occur in the policy ("care" of "Advance Care Planning")."""

    def __init__(self, assistant: Assistant) -> None:
        bm25 = getattr(getattr(assistant.index, "retriever", None), "bm25", None)
        self.splitter = getattr(bm25, "splitter", None)
        self.idf: dict[str, float] = dict(getattr(bm25, "idf", {}) or {})
        self.max_idf = max(self.idf.values(), default=1.0)
        self.texts = tuple(getattr(getattr(assistant, "corpus", None), "texts", {}).values())

    def _clean(self, text: str) -> str:
        return _clean(text)

    def of(self, text: str, expand: bool = False) -> set[str]:
        return _terms_of(text, self.splitter, expand)

    def claim(self, text: str) -> set[str]:
        return self.of(text, expand=True)

    def units(self, claim: str) -> list[_Unit]:
        english = language(claim) == "en"
        vocabulary = concept_vocabulary()
        out: dict[frozenset[str], float] = {}

        def add(terms: set[str], weight: float) -> None:
            key = frozenset(t for t in terms if not t[0].isdigit())
            if key and weight > 0:
                out[key] = max(out.get(key, 0.0), weight)

        clean = self._clean(claim)
        dated = set(_relative_words(claim))  # "eind" of "eind maart": a day, said in words
        # a score letter is the claim's value, compared as a fact: the words match any score ("een B-score" is
        # about the sentence that says "een C-score", which then contradicts it)
        for term in score_terms(clean):
            add({f"score_{x}" for x in "abc"}, self.idf.get(term, self.max_idf))
        for word in clean.split():
            if word in STOPWORDS or len(word) < 2:
                continue
            if word in dated and word not in _written_relative(self.texts):
                continue  # "tot eind maart": a word of the date the texts never write that way, not of the rule
            if _LETTER_SCORE.fullmatch(word):
                add({f"{x}-score" for x in "abc"} | {"score"}, self.idf.get(word, self.max_idf))
                continue
            known = _in_vocabulary(word, vocabulary["terms"])
            if known:
                gloss = vocabulary["terms"][known]
                parts = set(analyse(gloss, self.splitter)) - set(analyse(gloss))
                group = set(analyse(gloss)) | {t for t in parts if self.idf.get(t, 0.0) >= COMMON_PART_IDF}
                add(group, max((self.idf[t] for t in group if t in self.idf), default=0.0))
                if known in vocabulary["replaced"] or not any(t in self.idf for t in analyse(word, self.splitter)):
                    continue  # an everyday word the texts never use ("uitbesteden") stands for its gloss alone
            if english and _english_word(word):
                continue
            whole, *parts = analyse(word, self.splitter) or [""]
            for term in [whole, *parts] if whole else parts:
                idf = self.idf.get(term)
                if idf is None and (english or (term == whole and parts)):
                    continue  # an English word, or a compound the corpus has only in parts ("kindzorgaanbieders")
                add({term}, (idf if idf is not None else self.max_idf) * specificity(word))
        return [_Unit(k, w) for k, w in out.items()]


_LETTER_SCORE = re.compile(r"[abc]-score")
RELATIVE_YEAR = 2000  # any year: only the words of a date are read


def _relative_words(text: str) -> list[str]:
    """The words that say a day of a month in `text` ("eind" of "eind maart", "medio" of "medio juli")."""
    return [fold(text[d.start : d.end]).split()[0] for d in find_dates(text, RELATIVE_YEAR) if d.relative]


@lru_cache(maxsize=4)
def _written_relative(texts: tuple[str, ...]) -> frozenset[str]:
    """The words the policy texts themselves write a day of a month with ("medio juli 2026")."""
    return frozenset(w for t in texts for w in _relative_words(t))


def _in_vocabulary(word: str, vocabulary: dict[str, str]) -> str | None:
    """The vocabulary entry for a word, also for an English plural or possessive ("agreements", "child's")."""
    for form in (word, word.removesuffix("'s"), word.removesuffix("s"), word.removesuffix("es")):
        if form in vocabulary:
            return form
    return None


def _clean(text: str) -> str:
    """The text without its numbers (also written as words: "vijftig procent"), months and negations."""
    lex = lexicon()
    skip = lex.negations | lex.percent_after
    for m in reversed(find_numbers(text)):
        text = text[: m.start] + " " + text[m.end :]
    return " ".join(w for w in raw_tokens(text) if w not in skip and w not in MONTHS and not w[0].isdigit())


@lru_cache(maxsize=16384)
def _terms_of(text: str, splitter: Any, expand: bool) -> frozenset[str]:
    return frozenset(t for t in analyse(_clean(text), splitter, expand=expand) if not t[0].isdigit())


def _english_word(word: str) -> bool:
    zipf = _zipf()
    return zipf is not None and zipf(word, "en") > zipf(word, "nl") + 1.0


def _matches(term: str, others: set[str]) -> bool:
    if term in others:
        return True
    return len(term) >= 5 and any(
        len(o) >= 5 and abs(len(o) - len(term)) <= 3 and (o.startswith(term) or term.startswith(o)) for o in others
    )


def candidates(passage: Passage) -> list[str]:
    """Sentences of a passage (and each sentence with the next), whitespace collapsed; an over-long sentence is
    also offered in windows of 1-4 of its lines. Table passages give their intro sentence (rows are judged as a
    table, see `_table_candidate`)."""
    raw = split_sentences(passage.text, table=passage.kind == "table")
    units = [collapse_ws(u) for u in raw]
    if passage.kind == "table":
        return [u for u in units if u.endswith(":")]
    out = list(units)
    out += [f"{a} {b}" for a, b in zip(units, units[1:], strict=False) if len(a) + len(b) < MAX_SENTENCE]
    for unit in raw:
        lines = [ln.strip() for ln in unit.split("\n") if ln.strip()]
        if len(collapse_ws(unit)) > MAX_SENTENCE and len(lines) > 1:
            for size in (1, 2, 3, 4):
                out.extend(collapse_ws(" ".join(lines[i : i + size])) for i in range(len(lines) - size + 1))
    return list(dict.fromkeys(out))


@dataclass
class _Scored:
    score: float
    overlap: float
    shared: int
    text: str
    passage: Passage
    verdict: str = "not_found"
    differences: list[dict] | None = None
    orphans: int = 0  # claim facts with nothing comparable in the candidate
    unplaced: int = 0  # claim facts the candidate says nothing of (its orphans, and for a table row the facts no cell takes)
    fit: _Fit = field(default_factory=_Fit)
    table: dict[str, str] = field(default_factory=dict)  # header, column and cell of a table row


def _overlap(units: list[_Unit], text_terms: set[str]) -> tuple[float, int]:
    """The weighted share of the claim's words that a text has, and how many it has."""
    total = sum(u.weight for u in units) or 1.0
    shared = [u for u in units if any(_matches(t, text_terms) for t in u.terms)]
    return sum(u.weight for u in shared) / total, len(shared)


def _precision(terms: _Terms, cand_terms: set[str], claim_terms: set[str]) -> float:
    """The weighted share of a candidate's terms that the claim has (a tight candidate is a better quote)."""
    back = [t for t in cand_terms if _matches(t, claim_terms)]
    total = sum(terms.idf.get(t, terms.max_idf) for t in cand_terms) or 1.0
    return sum(terms.idf.get(t, terms.max_idf) for t in back) / total


def _score(overlap: float, precision: float, affinity: float) -> float:
    return 0.75 * overlap + 0.25 * precision + 0.1 * affinity


def _candidates_for(assistant: Assistant, claim: str, terms: _Terms, units: list[_Unit]) -> list[_Scored]:
    """Every candidate sentence of the retrieved passages, scored, best first."""
    claim_terms = {t for u in units for t in u.terms}
    claim_facts = extract_facts(claim)
    scored: list[_Scored] = []
    for hit in assistant.search(claim, k=SEARCH_K):
        place = terms.of(f"{hit.passage.title} {hit.passage.subheading or ''}")  # what the sentence is about
        for text in candidates(hit.passage):
            cand_terms = terms.of(text)
            if not cand_terms or not assistant.corpus.quote_in_clause(text, hit.passage.clause_id):
                continue
            overlap, shared = _overlap(units, cand_terms | place)
            facts = extract_facts(text)
            affinity = (
                sum(any(_same(a, b) or _distance(a, b) is not None for b in facts) for a in claim_facts)
                / len(claim_facts)
                if claim_facts
                else 1.0
            )
            score = _score(overlap, _precision(terms, cand_terms, claim_terms), affinity)
            scored.append(_Scored(score, overlap, shared, text, hit.passage))
    scored.sort(key=lambda c: -c.score)
    return scored


def _anchored(fit: _Fit) -> bool:
    return fit.matched > 0 or fit.same_unit > 0


def _judge(claim: str, cand: _Scored) -> _Scored:
    claim_facts, cand_facts = claimed_facts(claim), extract_facts(cand.text)
    differences, orphans, cand.fit = _compare_facts(claim_facts, cand_facts, claim, cand.text)
    worded = {d["claim"].lower() for d in differences if d["kind"] == "term"}
    differences += [d for d in compare_terms(claim, cand.text) if d["claim"].lower() not in worded]
    cand.orphans = cand.unplaced = len(orphans)
    # a sentence that states one of the claim's figures as it is and differs in another, with nothing of the claim
    # left over, is about the same rule even on fewer shared words ("80% halen we pas eind oktober": "vóór 1
    # oktober ten minste 80%")
    anchored = _anchored(cand.fit) and not orphans and cand.overlap >= ANCHORED_OVERLAP
    if differences and (cand.overlap >= CONTRADICTED_OVERLAP or anchored):
        cand.verdict = "contradicted"
    elif (
        not differences and not orphans and cand.overlap >= SUPPORTED_OVERLAP and not picks_alternative(claim, cand.text)
        and not _score_unsaid(claim_facts, cand_facts)
    ):
        cand.verdict = "supported"
    cand.differences = differences
    return cand


_ALTERNATIVES_JOIN = re.compile(r"^\s*(?:,|of|or|en|and|/)?\s*$", re.I)  # "A, B of C": nothing but a list's joints between


def picks_alternative(claim: str, text: str) -> bool:
    """The claim says one score of a sentence that names them all as alternatives ("ingedeeld in categorie A, B of
    C"): that sentence states no one of them, so it confirms nothing ("we get a B" is not supported by it)."""
    said = [f for f in extract_facts(text) if f.kind == "score"]
    claimed = {f.value for f in extract_facts(claim) if f.kind == "score"}
    if not claimed or len({f.value for f in said}) < ALL_SCORES:
        return False
    run = [said[0]]
    for a, b in zip(said, said[1:], strict=False):  # a run of letters joined only by commas and "of"
        run = [*run, b] if _ALTERNATIVES_JOIN.match(text[a.start + len(a.text) : b.start]) else [b]
        if len({f.value for f in run}) >= ALL_SCORES and claimed <= {f.value for f in run}:
            return True  # (not "score B of C komen niet in aanmerking": two letters said of one rule)
    return False


ALL_SCORES = 3  # A, B and C: a run of all of them names the alternatives


def _score_unsaid(claim_facts: list, cand_facts: list) -> bool:
    """The claim says a score ("CZ then gives a B") and the sentence says none: it cannot support that score."""
    return any(f.kind == "score" for f in claim_facts) and not any(f.kind == "score" for f in cand_facts)


# ---------------------------------------------------------------- tables


def _tables(assistant: Assistant) -> list[tuple[Table, Passage]]:
    """Every table of the corpus with its passage: there are few, and a claim about a cell can be phrased unlike
    the passage that holds it (retrieval need not find it)."""
    corpus = assistant.corpus
    return [(t, p) for t in corpus.tables if (p := corpus.passage_by_id.get(t.passage_id)) is not None]


def _table_context(table: Table, passage: Passage, match: RowMatch) -> str:
    heads = table.columns
    parts = [passage.title, passage.subheading or "", table.intro or "", *heads, match.row.text]
    return " ".join(p for p in parts if p)


def _table_candidate(claim: str, table: Table, passage: Passage, terms: _Terms, units: list[_Unit]) -> _Scored | None:
    """The claim judged on the cell(s) of the row it is about (None when it is about no row of this table, or
    states no value that the row's cells can be compared with)."""
    match = table.row_for(claim, terms=terms.claim)
    if match is None:
        return None
    overlap, shared = _overlap(units, terms.of(_table_context(table, passage, match)))
    if overlap < TABLE_OVERLAP:
        return None
    facts = [f for f in claimed_facts(claim) if f.start not in match.used]
    cells = [match.row.cells[i] for i in match.columns]
    cell_facts = [extract_facts(c.text) for c in cells]
    values = [f for f in facts if any(_distance(f, b) is not None for cf in cell_facts for b in cf)]
    if not values:
        return None
    differences: list[dict] = []
    orphans: list[Fact] = []
    differing: list[int] = []
    fit = _Fit()
    for i, cf in zip(match.columns, cell_facts, strict=True):
        diffs, lost, f = _compare_facts(values, cf, claim, match.row.cells[i].text)
        if diffs:
            differing.append(i)
        differences += [d for d in diffs if d not in differences]
        orphans += [o for o in lost if o not in orphans]
        fit += f
    heads = table.columns
    shown = differing or list(match.columns)
    cand = _Scored(
        score=_score(overlap, _precision(terms, terms.of(match.row.text), {t for u in units for t in u.terms}), 1.0),
        overlap=overlap,
        shared=shared,
        text=match.row.flat,
        passage=passage,
        differences=differences,
        orphans=len(orphans),
        unplaced=len(orphans) + len(facts) - len(values),
        fit=fit,
        table={
            "header": table.header.flat if table.header else "",
            "column": " / ".join(heads[i] for i in shown if i < len(heads) and heads[i]),
            "cell": " / ".join(match.row.cells[i].flat for i in shown),
        },
    )
    if differences:
        cand.verdict = "contradicted"
    elif not orphans:
        cand.verdict = "supported"
    return cand


# ---------------------------------------------------------------- the verdict


def quote_lines(assistant: Assistant, clause_id: str, quote: str) -> tuple[int, int]:
    """The 1-based line span of `quote` in the source file (the clause's span if it cannot be placed)."""
    clause = assistant.corpus.clause(clause_id)
    lines = assistant.corpus.texts.get(clause.doc, "").split("\n")
    window = "\n".join(lines[clause.line_start - 1 : clause.line_end])
    m = re.search(r"\s+".join(re.escape(w) for w in quote.split()), window)
    if not m:
        return clause.line_start, clause.line_end
    first = clause.line_start + window.count("\n", 0, m.start())
    return first, first + m.group(0).count("\n")


def _validate(claim: Any) -> str:
    if not isinstance(claim, str) or not claim.strip():
        raise InvalidInput("the claim is empty; paste a sentence about the purchasing policy")
    if len(claim) > MAX_CLAIM_CHARS:
        raise InvalidInput(f"the claim is {len(claim)} characters; the maximum is {MAX_CLAIM_CHARS}")
    return collapse_ws(claim)


def _choose(
    claim: str, terms: _Terms, units: list[_Unit], assistant: Assistant, in_force: bool = False, about: str = ""
) -> tuple[_Scored | None, float]:
    """The judged candidate to report (or None) and the best overlap seen; `about`: the message the claim stands in
    (its group, "wij doen medische kindzorg", may be said in another sentence)."""
    scored = _candidates_for(assistant, claim, terms, units)
    top = max((c.overlap for c in scored), default=0.0)
    needed = min(MIN_SHARED_TERMS, len(units))
    near = [c for c in scored if c.overlap >= top - POOL_MARGIN and c.shared >= needed][:POOL_SIZE]
    pool = [_judge(claim, c) for c in near]
    further = (_judge(claim, c) for c in scored if c not in near and c.overlap >= ANCHORED_OVERLAP and c.shared >= needed)
    # further down, only a sentence that states a figure of the claim can contradict it (and none supports it)
    pool += [c for c in further if c.verdict == "contradicted" and _anchored(c.fit) and not c.orphans][:POOL_SIZE]
    pool += [t for table, p in _tables(assistant) if (t := _table_candidate(claim, table, p, terms, units))]
    years = _policy_year(claim, assistant)
    named = assistant.corpus.scopes_named(about or claim)  # sections for one group: does the message name it?
    if any(named.get((c.passage.doc, c.passage.section)) for c in pool):  # "we doen medische kindzorg: ... opent op
        pool = [c for c in pool if named.get((c.passage.doc, c.passage.section))]  # 2 mei, toch?": the group's own rule
    # decides; a section for a group the claim does not name sets it right or confirms it only after
    outside = lambda p: named.get((p.doc, p.section)) is False  # noqa: E731
    supported = sorted(  # the rule for everyone
        (c for c in pool if c.verdict == "supported"), key=lambda c: (c.passage.year not in years, outside(c.passage), -c.score)
    )
    contradicted = sorted(  # a worked example's figures ("7 ÷ 3 = 2,33") set no rule right
        (c for c in pool if c.verdict == "contradicted" and not worked_example(c.text)),
        key=lambda c: (
            c.passage.year not in years, outside(c.passage), len(c.differences or []) + c.unplaced, c.fit.kinds_apart,
            -c.score, len(c.text), c.fit.cost,
        ),
    )
    current = [c for c in supported if c.passage.year in years]
    if in_force and not current and any(c.passage.year in years for c in contradicted):
        supported = []  # only an older text states it; the policy the question is about says otherwise
    chosen = (supported or contradicted or [None])[0]
    return chosen, max([top] + [c.overlap for c in pool if c.table])


def worked_example(text: str) -> bool:
    """A sentence that works an example ("Een rekenvoorbeeld: ...", "... 7 ÷ 3 = 2,33 ..."; lexicon [examples]):
    its figures are the example's, not the rule's."""
    data = lexicon_data().get("examples", {})
    folded = fold(text)
    return any(word_pattern(fold(w)).search(folded) for w in data.get("markers", [])) or bool(
        data.get("sum_pattern") and re.search(data["sum_pattern"], text)
    )


def _policy_year(claim: str, assistant: Assistant) -> set[int]:
    """The policy years a claim is about: the corpus years it names, else the current policy's year."""
    corpus = assistant.corpus
    named = {f.value for f in extract_facts(claim) if f.kind == "year"} & set(corpus.years)
    return named or {corpus.current_year}


def verify_claim(assistant: Assistant, claim: str, in_force: bool = False, about: str | None = None) -> dict[str, Any]:
    """Is the claim supported by, contradicted by, or not found in the policy text?

    The candidates whose overlap is close to the best one, and the table row the claim is about, are each judged;
    a claim is supported when one of them supports it, contradicted when none does and one differs from it (the
    candidate with the fewest and smallest differences is shown: the most charitable reading). A text of any year
    may support it (the source names its year); with `in_force` (a question's premise, about the policy it asks
    after) support from an older text does not count when the policy year the claim is about says otherwise."""
    claim = _validate(claim)
    result: dict[str, Any] = {"verdict": "not_found", "claim": claim, "source": None, "differences": [], "overlap": 0.0}
    terms = _Terms(assistant)
    units = terms.units(claim)
    if not units:
        return result
    chosen, top = _choose(claim, terms, units, assistant, in_force, about or claim)
    result["overlap"] = round(top, 3)
    if chosen is None:
        return result
    p = chosen.passage
    line_start, line_end = quote_lines(assistant, p.clause_id, chosen.text)
    source: dict[str, Any] = {
        "clause_id": p.clause_id,
        "doc": p.doc,
        "year": p.year,
        "section": p.section,
        "title": p.title,
        "quote": chosen.text,
        "line_start": line_start,
        "line_end": line_end,
    }
    source.update({k: v for k, v in chosen.table.items() if v})
    result.update(
        verdict=chosen.verdict,
        overlap=round(chosen.overlap, 3),
        differences=chosen.differences or [],
        source=source,
    )
    return result
