"""Clause-by-clause comparison of two policy documents (see `assistant.diff` for the entry points)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from assistant.diff.align import Scored, align, parent_section, word_bag
from assistant.diff.model import (
    ChangedSentence,
    ClauseOnly,
    ClausePair,
    ClauseRef,
    DocRef,
    DocumentDiff,
    MovedSentence,
    Sentence,
)
from assistant.diff.sentences import Sent, document_sentences, joined
from assistant.diff.words import similarity, word_diff
from assistant.domain import Clause, Document
from assistant.errors import InvalidInput, NotFound
from assistant.ingest.corpus import Corpus

SAME_SENTENCE = 0.5  # token similarity above which two sentences are versions of one sentence
MOVED_SENTENCE = 0.6  # ... and, for a sentence that left its clause, the same sentence elsewhere
CANDIDATE_OVERLAP = 0.3  # shared-word share below which two sentences are not compared at all


def part(clause: Clause) -> str:
    """'bijlage-1' for <doc>/bijlage-1/1.5.2, 'bijlage-2' for <doc>/bijlage-2, 'main' for <doc>/2.3.2."""
    rest = clause.id.split("/", 1)[1] if "/" in clause.id else clause.id
    head = rest.split("/", 1)[0]
    return head if head.startswith("bijlage-") else "main"


def resolve_document(corpus: Corpus, key: str) -> Document:
    """A document by id or by policy year (as text); otherwise `NotFound` listing the valid ones."""
    key = (key or "").strip()
    found = corpus.doc_by_id.get(key) or next((d for d in corpus.documents if str(d.year) == key), None)
    if found is None:
        valid = ", ".join(f"{d.id} ({d.year})" for d in sorted(corpus.documents, key=lambda d: d.year))
        raise NotFound(
            f"unknown document {key!r}; valid documents: {valid}", details={"allowed": sorted(corpus.doc_by_id)}
        )
    return found


def sentences_of(corpus: Corpus, doc: str) -> dict[str, list[Sent]]:
    """Clause id -> sentences of one document, computed once per loaded corpus."""
    cache = corpus.derived.setdefault("diff.sentences", {})
    if doc not in cache:
        clauses = [c for c in corpus.clauses if c.doc == doc]
        passages = [p for p in corpus.passages if p.doc == doc]
        cache[doc] = document_sentences(corpus.texts[doc], clauses, passages)
        corpus.derived.setdefault("diff.bags", {}).update({cid: word_bag(s) for cid, s in cache[doc].items()})
    return cache[doc]


def _ref(c: Clause) -> ClauseRef:
    return ClauseRef(
        clause_id=c.id,
        doc=c.doc,
        year=c.year,
        section=c.section,
        title=c.title,
        line_start=c.line_start,
        line_end=c.line_end,
        part=part(c),
    )


def _sentence(s: Sent) -> Sentence:
    return Sentence(
        clause_id=s.clause_id, text=s.text, line_start=s.line_start, line_end=s.line_end, footnote=s.footnote
    )


def _note_number(s: Sent) -> str:
    """A footnote's text without its number ("5Dat wil zeggen" -> "Dat wil zeggen"): renumbering is no change."""
    return re.sub(r"^\d{1,2}\s?(?=\S)", "", s.text) if s.footnote else s.text


def _changed(a: Sent, b: Sent, score: float) -> ChangedSentence:
    segments, changes = word_diff(_note_number(a), _note_number(b))
    return ChangedSentence(
        before=_sentence(a), after=_sentence(b), similarity=round(score, 3), segments=segments, changes=changes
    )


def _candidates(left: list[Sent], right: list[Sent], floor: float) -> list[tuple[float, int, int]]:
    """(similarity, i, j) for sentence pairs that share enough words, best first. Pairs come from an inverted
    index of the right-hand sentences' content words, so sentences with nothing in common cost nothing."""
    postings: dict[str, list[int]] = defaultdict(list)
    for j, b in enumerate(right):
        for token in b.content:
            postings[token].append(j)
    out = []
    for i, a in enumerate(left):
        near = {j for token in a.content for j in postings.get(token, ())}
        for j in near:
            b = right[j]
            shared = len(a.token_set & b.token_set)
            if shared / (len(a.token_set) + len(b.token_set) - shared) < CANDIDATE_OVERLAP:
                continue
            score = similarity(a.tokens, b.tokens)
            if score >= floor:
                out.append((score, i, j))
    return sorted(out, key=lambda t: (-t[0], t[1], t[2]))


@dataclass
class _Matched:
    unchanged: int
    changed: list[tuple[Sent, Sent, float]]
    removed: list[Sent]
    added: list[Sent]


def match_sentences(left: list[Sent], right: list[Sent], verbatim: Callable[[Sent], bool] | None = None) -> _Matched:
    """Same sentences (by normalised text, in any order), then versions of one sentence, then the rest; with
    `verbatim` (is a sentence word for word in its clause), a version one year split in two is compared whole."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for j, b in enumerate(right):
        by_key[b.key].append(j)
    used_right: set[int] = set()
    rest_left: list[Sent] = []
    unchanged = 0
    for a in left:
        free = [j for j in by_key.get(a.key, []) if j not in used_right]
        if free:
            used_right.add(free[0])
            unchanged += 1
        else:
            rest_left.append(a)
    rest_right = [b for j, b in enumerate(right) if j not in used_right]
    changed, taken_l, taken_r = [], set(), set()
    for score, i, j in _candidates(rest_left, rest_right, SAME_SENTENCE):
        if i not in taken_l and j not in taken_r:
            taken_l.add(i)
            taken_r.add(j)
            changed.append((rest_left[i], rest_right[j], score))
    removed = [a for i, a in enumerate(rest_left) if i not in taken_l]
    added = [b for j, b in enumerate(right) if j not in used_right and rest_right.index(b) not in taken_r]
    if verbatim is not None:
        changed = [_split_version(x, y, score, removed, added, verbatim) for x, y, score in changed]
    changed.sort(key=lambda t: t[1].index)
    return _Matched(unchanged, changed, removed, added)


SPLIT_GAIN = 0.1  # how much more alike a sentence must be to two that follow each other than to one of them


def _split_version(
    a: Sent, b: Sent, score: float, removed: list[Sent], added: list[Sent], verbatim: Callable[[Sent], bool]
) -> tuple[Sent, Sent, float]:
    """A changed pair where one side split the sentence in two (or joined two): the unmatched neighbour of either
    side is taken in when the pair is then clearly more alike, and leaves the added or removed list."""
    def neighbours(s: Sent, free: list[Sent]) -> list[tuple[Sent, Sent]]:  # (the unmatched of s's own side)
        near = [o for o in free if o.clause_id == s.clause_id and abs(o.index - s.index) == 1]
        both = [(o, joined(o, s) if o.index < s.index else joined(s, o)) for o in near]
        return [(o, j) for o, j in both if verbatim(j)]  # (a list's bullet between them: no one sentence)

    options = [(similarity(a.tokens, j.tokens), a, j, o, added) for o, j in neighbours(b, added)]
    options += [(similarity(j.tokens, b.tokens), j, b, o, removed) for o, j in neighbours(a, removed)]
    best = max(options, key=lambda t: t[0], default=None)
    if best is None or best[0] < score + SPLIT_GAIN:
        return a, b, score
    new_score, x, y, taken, free = best
    free.remove(taken)
    return x, y, new_score


class _Comparison:
    """The state of one comparison: documents, scope, alignment, and the lists being filled."""

    def __init__(self, corpus: Corpus, before: Document, after: Document) -> None:
        self.corpus, self.before, self.after = corpus, before, after
        self.old_all = [c for c in corpus.clauses if c.doc == before.id]
        self.new_all = [c for c in corpus.clauses if c.doc == after.id]
        common = {part(c) for c in self.old_all} & {part(c) for c in self.new_all}
        self.scope = sorted(common) or sorted({part(c) for c in self.old_all + self.new_all})
        self.sent = {**sentences_of(corpus, before.id), **sentences_of(corpus, after.id)}

    def _verbatim(self, s: Sent) -> bool:
        return self.corpus.quote_in_clause(s.text, s.clause_id)

    def inside(self, clauses: list[Clause]) -> list[Clause]:
        return [c for c in clauses if part(c) in self.scope]

    def outside(self, clauses: list[Clause]) -> list[Clause]:
        return [c for c in clauses if part(c) not in self.scope]

    def run(self) -> DocumentDiff:
        old_in, new_in = self.inside(self.old_all), self.inside(self.new_all)
        bags = self.corpus.derived["diff.bags"]
        scored = align(old_in, new_in, bags, self.outside(self.old_all), self.outside(self.new_all))
        pairs = self._pairs(scored)
        aligned_old, aligned_new = {p.old for p in scored}, {p.new for p in scored}
        removed = [c for c in old_in if c.id not in aligned_old]
        added = [c for c in new_in if c.id not in aligned_new]
        leftovers_old = {c.id: list(self.sent[c.id]) for c in removed}
        leftovers_new = {c.id: list(self.sent[c.id]) for c in added}
        moved = self._moved(pairs, scored, leftovers_old, leftovers_new)
        result = DocumentDiff(
            before=DocRef(id=self.before.id, year=self.before.year, title=self.before.title),
            after=DocRef(id=self.after.id, year=self.after.year, title=self.after.title),
            scope=self.scope,
            pairs=[p for _, p in pairs],
            added=[ClauseOnly(clause=_ref(c), sentences=[_sentence(s) for s in leftovers_new[c.id]]) for c in added],
            removed=[
                ClauseOnly(clause=_ref(c), sentences=[_sentence(s) for s in leftovers_old[c.id]]) for c in removed
            ],
            moved=moved,
            summary={},
        )
        result.summary = summarise(result)
        return result

    def _pairs(self, scored: list[Scored]) -> list[tuple[Scored, ClausePair]]:
        by_id = {c.id: c for c in self.old_all + self.new_all}
        partner = {p.old: p.new for p in scored}
        out = []
        for p in sorted(scored, key=lambda p: by_id[p.old].line_start):
            a, b = by_id[p.old], by_id[p.new]
            m = match_sentences(self.sent[a.id], self.sent[b.id], self._verbatim)
            out.append(
                (
                    p,
                    ClausePair(
                        before=_ref(a),
                        after=_ref(b),
                        score=round(p.score, 3),
                        heading_similarity=round(p.heading, 3),
                        content_similarity=round(p.content, 3),
                        renumbered=a.section != b.section,
                        moved=self._moved_clause(a, b, partner),
                        changed=[_changed(x, y, s) for x, y, s in m.changed],
                        removed=[_sentence(s) for s in m.removed],
                        added=[_sentence(s) for s in m.added],
                        unchanged=m.unchanged,
                    ),
                )
            )
        return out

    def _moved_clause(self, a: Clause, b: Clause, partner: dict[str, str]) -> bool:
        """In another part, or under a parent section that is not the old parent's counterpart."""
        if part(a) != part(b):
            return True
        pa, pb = parent_section(a.section), parent_section(b.section)
        if pa is None or pb is None:
            return (pa is None) != (pb is None)
        old_parent = next((c.id for c in self.old_all if c.section == pa and part(c) == part(a)), None)
        new_parent = next((c.id for c in self.new_all if c.section == pb and part(c) == part(b)), None)
        if old_parent is None and new_parent is None:  # both at the top of their part
            return False
        return old_parent is None or partner.get(old_parent) != new_parent

    def _moved(
        self,
        pairs: list[tuple[Scored, ClausePair]],
        scored: list[Scored],
        leftovers_old: dict[str, list[Sent]],
        leftovers_new: dict[str, list[Sent]],
    ) -> list[MovedSentence]:
        """Sentences that left a clause and stand in a clause it is not aligned with."""
        index = {(s.clause_id, s.text): s for sents in self.sent.values() for s in sents}
        gone = [index[(x.clause_id, x.text)] for _, p in pairs for x in p.removed]
        gone += [s for sents in leftovers_old.values() for s in sents]
        came = [index[(x.clause_id, x.text)] for _, p in pairs for x in p.added]
        came += [s for sents in leftovers_new.values() for s in sents]
        aligned = {(p.old, p.new) for p in scored}
        out: list[MovedSentence] = []
        taken_l: set[int] = set()
        taken_r: set[int] = set()
        for score, i, j in _candidates(gone, came, MOVED_SENTENCE):
            a, b = gone[i], came[j]
            if i in taken_l or j in taken_r or (a.clause_id, b.clause_id) in aligned:
                continue
            taken_l.add(i)
            taken_r.add(j)
            same = _note_number(a) == _note_number(b) or a.key == b.key
            segments, changes = ([], []) if same else word_diff(_note_number(a), _note_number(b))
            out.append(
                MovedSentence(
                    before=_sentence(a),
                    after=_sentence(b),
                    similarity=round(score, 3),
                    segments=segments,
                    changes=changes,
                )
            )
        self._drop_moved(out, pairs, leftovers_old, leftovers_new)
        return sorted(out, key=lambda m: (m.before.line_start, m.after.line_start))

    @staticmethod
    def _drop_moved(moved, pairs, leftovers_old, leftovers_new) -> None:
        left = {(m.before.clause_id, m.before.text) for m in moved}
        right = {(m.after.clause_id, m.after.text) for m in moved}
        for _, p in pairs:
            p.removed = [s for s in p.removed if (s.clause_id, s.text) not in left]
            p.added = [s for s in p.added if (s.clause_id, s.text) not in right]
        for cid, sents in leftovers_old.items():
            leftovers_old[cid] = [s for s in sents if (s.clause_id, s.text) not in left]
        for cid, sents in leftovers_new.items():
            leftovers_new[cid] = [s for s in sents if (s.clause_id, s.text) not in right]


def summarise(d: DocumentDiff) -> dict[str, int]:
    return {
        "aligned": len(d.pairs),
        "renumbered": sum(p.renumbered for p in d.pairs),
        "moved_clauses": sum(p.moved for p in d.pairs),
        "clauses_with_changes": sum(p.has_changes for p in d.pairs),
        "changed_sentences": sum(len(p.changed) for p in d.pairs),
        "added_sentences": sum(len(p.added) for p in d.pairs),
        "removed_sentences": sum(len(p.removed) for p in d.pairs),
        "unchanged_sentences": sum(p.unchanged for p in d.pairs),
        "added_clauses": len(d.added),
        "removed_clauses": len(d.removed),
        "moved_sentences": len(d.moved),
    }


def compare(corpus: Corpus, before: str, after: str) -> DocumentDiff:
    """The whole comparison of two documents (ids or years). The documents' sentences are prepared once per
    loaded corpus (`sentences_of`); the alignment and the sentence matching run on every call."""
    old, new = resolve_document(corpus, before), resolve_document(corpus, after)
    if old.id == new.id:
        valid = ", ".join(sorted(corpus.doc_by_id))
        raise InvalidInput(f"--from and --to are the same document ({old.id}); give two different ones: {valid}")
    return _Comparison(corpus, old, new).run()
