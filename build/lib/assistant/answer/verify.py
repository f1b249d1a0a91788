"""Check a claim about the policy against the text: supported, contradicted or not found.

    verify_claim(assistant, "Nieuwe zorgaanbieders hebben een verwachte zorgomzet van minimaal € 100.000")
    -> {"verdict": "contradicted", "claim": ..., "source": {"clause_id": "wv2027/3.2.1", "year": 2027,
        "section": "3.2.1", "quote": "De nieuwe zorgaanbieder heeft ... minimaal € 50.000 op jaarbasis, ..."},
        "differences": [{"claim": "€ 100.000", "source": "€ 50.000", "kind": "number"}], "overlap": 0.93}

How: retrieve passages for the claim, cut them into candidate sentences (table rows for tables), and
score each candidate by the IDF-weighted share of the claim's content words it contains (numbers and
dates left out), with a small bonus for tight candidates. On the candidates close to the best overlap
the claim's facts (amounts, percentages, counts, dates, years), negations and opposite terms
(minimaal/maximaal) are compared. One of them agrees on every fact and term and the overlap is high:
supported. Otherwise, one is clearly about the same thing but a fact, negation or term differs:
contradicted, with each difference listed (a claim fact is paired with the nearest source fact of its
kind: 1 maart 2027 with 28 februari 2027). Otherwise: not_found (source null). Deterministic, no model.
Claims are expected in Dutch (the policy's language); English claims mostly come back not_found.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.domain import Passage, collapse_ws
from assistant.errors import InvalidInput
from assistant.retrieve.analysis import STOPWORDS, analyse, fold, raw_tokens

if TYPE_CHECKING:  # pragma: no cover
    from assistant.answer.pipeline import Assistant

MAX_CLAIM_CHARS = 2000
SEARCH_K = 8
MAX_SENTENCE = 350  # longer "sentences" (flattened tables) are cut into line windows
SUPPORTED_OVERLAP = 0.75
CONTRADICTED_OVERLAP = 0.6
MIN_SHARED_TERMS = 2
POOL_MARGIN = 0.1  # candidates this close to the best overlap are all judged
POOL_SIZE = 25
NEGATION_SCOPE = 3  # content words after a negation that it applies to

_MONTHS = {
    **{m: i for i, m in enumerate("januari februari maart april mei juni juli augustus september oktober november december".split(), 1)},
    **{m: i for i, m in enumerate("january february march april may june july august september october november december".split(), 1)},
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b"
_NUMBER_WORDS = {
    "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "twintig": 20, "honderd": 100, "duizend": 1000,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("date_range", re.compile(r"\b(?P<d1>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})\s+" + _MONTH + r"(?:\s+(?P<year>(?:19|20)\d{2})\b)?", re.I)),
    ("date", re.compile(r"\b(?P<day>\d{1,2})(?:e|ste|de)?\s+" + _MONTH + r"(?:\s+(?P<year>(?:19|20)\d{2})\b)?", re.I)),
    ("month", re.compile(r"\b" + _MONTH + r"\s+(?P<year>(?:19|20)\d{2})\b", re.I)),
    ("money", re.compile(r"(?:€|eur\b|euro\b)\s*(?P<num>" + _NUM + r")(?:,-)?|(?P<num2>" + _NUM + r")\s*(?:euro|eur)\b", re.I)),
    ("percent", re.compile(r"(?P<num>" + _NUM + r")\s*(?:%|procent\b|percent\b)", re.I)),
    ("ref", re.compile(r"\b\d+(?:\.\d+){1,3}\b")),  # section numbers (2.3.4): not a fact
    ("year", re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")),
    ("number", re.compile(r"(?<![\w.,])(?P<num>" + _NUM + r")(?![\w,]|\.\d)")),
    ("word", re.compile(r"\b(?P<word>" + "|".join(_NUMBER_WORDS) + r")\b", re.I)),
]  # fmt: skip
_BARE_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[\"'‘“(•]?[A-ZÀ-Ý0-9€])")
NEGATIONS = {"niet", "geen", "nooit", "niets", "nergens", "not", "no", "never", "none"}
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


@dataclass(frozen=True)
class Fact:
    kind: str  # money | percent | number | date | year
    value: Any  # float, int or (year | None, month, day | None)
    text: str  # as written

    @property
    def diff_kind(self) -> str:
        return "date" if self.kind in ("date", "year") else "number"


def _num(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def extract_facts(text: str) -> list[Fact]:
    """Amounts, percentages, counts, dates and years in a text, in order of appearance."""
    text = collapse_ws(text)
    taken = [False] * len(text)
    found: list[tuple[int, Fact]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            g = m.groupdict()
            written = m.group(0).strip()
            if kind == "date_range":
                month, year = _MONTHS[g["month"].lower()], _int(g["year"])
                found.append((m.start(), Fact("date", (year, month, int(g["d1"])), f"{g['d1']} {g['month']}")))
                second = f"{g['d2']} {g['month']}" + (f" {g['year']}" if g["year"] else "")
                found.append((m.start() + 1, Fact("date", (year, month, int(g["d2"])), second)))
            elif kind == "date":
                day, month = int(g["day"]), _MONTHS[g["month"].lower()]
                if 1 <= day <= 31:
                    found.append((m.start(), Fact("date", (_int(g["year"]), month, day), written)))
            elif kind == "month":
                found.append((m.start(), Fact("date", (int(g["year"]), _MONTHS[g["month"].lower()], None), written)))
            elif kind in ("money", "percent"):
                found.append((m.start(), Fact(kind, _num(g.get("num") or g.get("num2") or "0"), written)))
            elif kind == "year":
                found.append((m.start(), Fact("year", int(g["year"]), written)))
            elif kind == "number":
                found.append((m.start(), Fact("number", _num(g["num"]), written)))
            elif kind == "word":
                found.append((m.start(), Fact("number", float(_NUMBER_WORDS[g["word"].lower()]), written)))
    return [f for _, f in sorted(found, key=lambda x: x[0])]


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _same(a: Fact, b: Fact) -> bool:
    """Does source fact `b` state claim fact `a`?"""
    if a.kind == "date" and b.kind == "date":
        (ya, ma, da), (yb, mb, db) = a.value, b.value
        return ma == mb and da == db and (ya is None or yb is None or ya == yb)
    if a.kind == "year":
        return (b.kind == "year" and b.value == a.value) or (b.kind == "date" and b.value[0] == a.value)
    numeric = {"money", "number"}
    if a.kind in numeric and b.kind in numeric or a.kind == b.kind == "percent":
        return math.isclose(a.value, b.value)
    return False


def _distance(a: Fact, b: Fact) -> float | None:
    """How far source fact `b` is from claim fact `a` when both say the same kind of thing (None: not comparable)."""
    if a.kind == "date" and b.kind == "date":
        (ya, ma, da), (yb, mb, db) = a.value, b.value
        year = ya or yb or 2000
        try:
            return abs((date(ya or year, ma, da or 1) - date(yb or year, mb, db or 1)).days)
        except ValueError:
            return None
    if a.kind == "year" and b.kind == "year":
        return abs(a.value - b.value) * 365.0
    if a.kind == b.kind or {a.kind, b.kind} == {"money", "number"}:
        if a.kind == "percent" or b.kind == "percent":
            return abs(a.value - b.value) if a.kind == b.kind else None
        penalty = 0.0 if a.kind == b.kind else 5.0
        return abs(math.log((abs(a.value) + 1) / (abs(b.value) + 1))) + penalty
    return None


def compare_facts(claim: list[Fact], source: list[Fact]) -> tuple[list[dict], list[Fact]]:
    """Differences (a claim fact paired with the closest unmatched source fact of its kind) and the
    claim facts that have no counterpart at all in the source. Each source fact serves one claim fact."""
    differences, orphans, _ = _compare_facts(claim, source)
    return differences, orphans


def _compare_facts(claim: list[Fact], source: list[Fact]) -> tuple[list[dict], list[Fact], float]:
    used: set[int] = set()
    unmatched: list[Fact] = []
    for a in claim:
        same = [i for i, b in enumerate(source) if i not in used and _same(a, b)]
        exact = [i for i in same if source[i].kind == a.kind]
        if same:
            used.add((exact or same)[0])
        else:
            unmatched.append(a)
    differences, orphans, cost = [], [], 0.0
    for a in unmatched:
        options = [(d, i) for i, b in enumerate(source) if i not in used and (d := _distance(a, b)) is not None]
        if not options:
            orphans.append(a)
            continue
        distance, best = min(options)
        used.add(best)
        cost += distance
        differences.append({"claim": a.text, "source": source[best].text, "kind": a.diff_kind})
    return differences, orphans, cost


def _words(text: str) -> list[str]:
    return [t for t in raw_tokens(text) if not t[0].isdigit()]


def _negated(words: list[str]) -> dict[str, set[str]]:
    """Each negation word with the content words that follow it (what it negates)."""
    out: dict[str, set[str]] = {}
    for i, w in enumerate(words):
        if w in NEGATIONS:
            after = [x for x in words[i + 1 :] if x not in STOPWORDS and x not in NEGATIONS][:NEGATION_SCOPE]
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


class _Terms:
    """Content terms (stems, no numbers, months or negations) with IDF weights from the BM25 index."""

    def __init__(self, assistant: Assistant) -> None:
        bm25 = getattr(getattr(assistant.index, "retriever", None), "bm25", None)
        self.splitter = getattr(bm25, "splitter", None)
        self.idf: dict[str, float] = dict(getattr(bm25, "idf", {}) or {})
        self.max_idf = max(self.idf.values(), default=1.0)
        self._skip = {fold(w) for w in NEGATIONS | set(_MONTHS)}

    def of(self, text: str) -> set[str]:
        words = " ".join(w for w in raw_tokens(text) if w not in self._skip and not w[0].isdigit())
        return {t for t in analyse(words, self.splitter) if not t[0].isdigit()}

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.max_idf)


def _matches(term: str, others: set[str]) -> bool:
    if term in others:
        return True
    return len(term) >= 5 and any(
        len(o) >= 5 and abs(len(o) - len(term)) <= 3 and (o.startswith(term) or term.startswith(o)) for o in others
    )


def candidates(passage: Passage) -> list[str]:
    """Sentences of a passage; table rows (1-4 lines) for tables and for over-long sentences."""
    lines: list[str] = []
    for line in (ln.strip() for ln in passage.text.split("\n")):
        if lines and line and (line[0].islower() or _BARE_YEAR.match(line)):
            lines[-1] += " " + line  # a wrapped table cell: "Uiterlijk 20" + "september 2026"
        elif line:
            lines.append(line)
    out: list[str] = []
    if passage.kind != "table":
        sentences = [s for s in _SENTENCE_END.split(collapse_ws(passage.text)) if s]
        out.extend(s for s in sentences if len(s) <= MAX_SENTENCE)
        out.extend(f"{a} {b}" for a, b in zip(sentences, sentences[1:], strict=False) if len(a) + len(b) < MAX_SENTENCE)
        if all(len(s) <= MAX_SENTENCE for s in sentences):
            return out
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
    cost: float = 0.0  # how far the differing facts are apart (days, log ratio)


def _candidates_for(assistant: Assistant, claim: str, terms: _Terms) -> list[_Scored]:
    """Every candidate sentence of the retrieved passages, scored, best first."""
    claim_terms = terms.of(claim)
    if not claim_terms:
        return []
    claim_facts = extract_facts(claim)
    total = sum(terms.weight(t) for t in claim_terms)
    scored: list[_Scored] = []
    for hit in assistant.search(claim, k=SEARCH_K):
        for text in candidates(hit.passage):
            cand_terms = terms.of(text)
            if not cand_terms or not assistant.corpus.quote_in_clause(text, hit.passage.clause_id):
                continue
            shared = [t for t in claim_terms if _matches(t, cand_terms)]
            overlap = sum(terms.weight(t) for t in shared) / total
            back = [t for t in cand_terms if _matches(t, claim_terms)]
            precision = sum(terms.weight(t) for t in back) / sum(terms.weight(t) for t in cand_terms)
            facts = extract_facts(text)
            affinity = (
                sum(any(_same(a, b) or _distance(a, b) is not None for b in facts) for a in claim_facts)
                / len(claim_facts)
                if claim_facts
                else 1.0
            )
            score = 0.75 * overlap + 0.25 * precision + 0.1 * affinity
            scored.append(_Scored(score, overlap, len(shared), text, hit.passage))
    scored.sort(key=lambda c: -c.score)
    return scored


def _judge(claim: str, cand: _Scored) -> _Scored:
    differences, orphans, cand.cost = _compare_facts(extract_facts(claim), extract_facts(cand.text))
    differences += compare_terms(claim, cand.text)
    cand.orphans = len(orphans)
    if differences and cand.overlap >= CONTRADICTED_OVERLAP:
        cand.verdict = "contradicted"
    elif not differences and not orphans and cand.overlap >= SUPPORTED_OVERLAP:
        cand.verdict = "supported"
    cand.differences = differences
    return cand


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


def verify_claim(assistant: Assistant, claim: str) -> dict[str, Any]:
    """Is the claim supported by, contradicted by, or not found in the policy text?

    The candidates whose overlap is close to the best one are each judged; a claim is supported when
    one of them supports it, contradicted when none does and one differs from it (the candidate with
    the fewest and smallest differences is shown: the most charitable reading)."""
    if not isinstance(claim, str) or not claim.strip():
        raise InvalidInput("the claim is empty; paste a sentence about the purchasing policy")
    if len(claim) > MAX_CLAIM_CHARS:
        raise InvalidInput(f"the claim is {len(claim)} characters; the maximum is {MAX_CLAIM_CHARS}")
    claim = collapse_ws(claim)
    result: dict[str, Any] = {"verdict": "not_found", "claim": claim, "source": None, "differences": [], "overlap": 0.0}
    terms = _Terms(assistant)
    scored = _candidates_for(assistant, claim, terms)
    if not scored:
        return result
    top = max(c.overlap for c in scored)
    result["overlap"] = round(top, 3)
    needed = min(MIN_SHARED_TERMS, len(terms.of(claim)))
    pool = [_judge(claim, c) for c in scored if c.overlap >= top - POOL_MARGIN and c.shared >= needed][:POOL_SIZE]
    supported = [c for c in pool if c.verdict == "supported"]
    contradicted = sorted(
        (c for c in pool if c.verdict == "contradicted"),
        key=lambda c: (len(c.differences or []) + c.orphans, -c.score, len(c.text), c.cost),
    )
    if not (supported or contradicted):
        return result
    chosen = (supported or contradicted)[0]
    p = chosen.passage
    line_start, line_end = quote_lines(assistant, p.clause_id, chosen.text)
    result.update(
        verdict=chosen.verdict,
        overlap=round(chosen.overlap, 3),
        differences=chosen.differences or [],
        source={
            "clause_id": p.clause_id,
            "doc": p.doc,
            "year": p.year,
            "section": p.section,
            "title": p.title,
            "quote": chosen.text,
            "line_start": line_start,
            "line_end": line_end,
        },
    )
    return result
