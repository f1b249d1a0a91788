"""Align the clauses of two policy documents across renumbering: by heading text and content, not numbers.

Each clause gets a TF-IDF vector of its words (headings excluded); a pair's score is a weighted mix of the
cosine of those vectors and the similarity of the two headings. Pairs are taken best first, one-to-one,
above a threshold; a pair whose parents are aligned gets a small bonus (a renumbered chapter keeps its
sections together). Clauses outside the compared parts (e.g. a later Bijlage 2) can only take a clause that
found no partner inside them, and only with a clearly higher score: that is content that moved."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from assistant.diff.sentences import STOP, Sent, normalise, tokens
from assistant.domain import Clause

HEADING_WEIGHT = 0.45
THRESHOLD = 0.40  # a pair scoring less is not the same clause (the two appendixes: partners ≥ 0.57, others ≤ 0.32)
OUTSIDE_THRESHOLD = 0.45  # a clause moved to another part of the document needs a clearly better match
PARENT_BONUS = 0.1


@dataclass(frozen=True)
class Scored:
    old: str  # clause id in the "from" document
    new: str
    score: float
    heading: float
    content: float


def word_bag(sentences: list[Sent]) -> Counter[str]:
    """A clause's content words with their counts (numbers left out: they change between years)."""
    return Counter(t for s in sentences for t in s.tokens if t in s.content and not t.isdigit())


def _vectors(bags: dict[str, Counter[str]]) -> dict[str, dict[str, float]]:
    df: Counter[str] = Counter(w for bag in bags.values() for w in bag)
    n = len(bags)
    out = {}
    for cid, bag in bags.items():
        vec = {w: (1 + math.log(c)) * math.log((n + 1) / (df[w] + 0.5)) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out[cid] = {w: v / norm for w, v in vec.items()}
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


@lru_cache(maxsize=8192)
def heading_similarity(a: str, b: str) -> float:
    """Word overlap of two headings, or their character similarity when that is higher."""
    ta, tb = set(tokens(a)) - STOP, set(tokens(b)) - STOP
    overlap = len(ta & tb) / len(ta | tb) if ta and tb else 0.0
    return max(overlap, SequenceMatcher(None, normalise(a), normalise(b)).ratio() ** 2)


def parent_section(section: str) -> str | None:
    return section.rsplit(".", 1)[0] if "." in section else None


def align(
    old: list[Clause],
    new: list[Clause],
    bags: dict[str, Counter[str]],
    old_outside: Sequence[Clause] = (),
    new_outside: Sequence[Clause] = (),
) -> list[Scored]:
    """One-to-one pairs (old clause, new clause), best first. `old`/`new` are the clauses of the compared parts;
    `*_outside` the rest of each document, which can only take a partner that found none inside (a move)."""
    old_outside, new_outside = list(old_outside), list(new_outside)
    vectors = _vectors({c.id: bags.get(c.id, Counter()) for c in old + new + old_outside + new_outside})
    pairs = [_score(a, b, vectors) for a in old for b in new]
    chosen = _with_parent_bonus(old, new, pairs, _greedy(pairs, THRESHOLD, {}, {}))
    taken_old, taken_new = {p.old for p in chosen}, {p.new for p in chosen}
    late = [_score(a, b, vectors) for a in old if a.id not in taken_old for b in new_outside]
    late += [_score(a, b, vectors) for a in old_outside for b in new if b.id not in taken_new]
    chosen += _greedy(late, OUTSIDE_THRESHOLD, {p.old: p for p in chosen}, {p.new: p for p in chosen})
    return chosen


def _score(a: Clause, b: Clause, vectors: dict[str, dict[str, float]]) -> Scored:
    heading = heading_similarity(a.title, b.title)
    content = _cosine(vectors[a.id], vectors[b.id])
    return Scored(a.id, b.id, HEADING_WEIGHT * heading + (1 - HEADING_WEIGHT) * content, heading, content)


def _greedy(pairs: list[Scored], threshold: float, by_old: dict, by_new: dict) -> list[Scored]:
    by_old, by_new = dict(by_old), dict(by_new)
    out = []
    for p in sorted(pairs, key=lambda p: (-p.score, p.old, p.new)):
        if p.score >= threshold and p.old not in by_old and p.new not in by_new:
            by_old[p.old] = by_new[p.new] = p
            out.append(p)
    return out


def _with_parent_bonus(old: list[Clause], new: list[Clause], pairs: list[Scored], first: list[Scored]) -> list[Scored]:
    """Re-run the assignment with a bonus for pairs whose parent sections were aligned in the first pass."""
    sec_old = {c.id: c for c in old}
    sec_new = {c.id: c for c in new}
    id_of_old = {(c.doc, c.section): c.id for c in old}
    id_of_new = {(c.doc, c.section): c.id for c in new}
    parents = {(p.old, p.new) for p in first}
    boosted = []
    for p in pairs:
        a, b = sec_old[p.old], sec_new[p.new]
        pa, pb = parent_section(a.section), parent_section(b.section)
        related = pa and pb and (id_of_old.get((a.doc, pa)), id_of_new.get((b.doc, pb))) in parents
        boosted.append(Scored(p.old, p.new, p.score + (PARENT_BONUS if related else 0.0), p.heading, p.content))
    return _greedy(boosted, THRESHOLD, {}, {})
