"""Hybrid search: Dutch BM25 (ours) + dense e5 vectors (served by Chroma), fused by reciprocal rank."""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.domain import Passage, SearchHit
from assistant.errors import IndexError_
from assistant.ingest.corpus import Corpus
from assistant.ingest.parser import split_sentences
from assistant.retrieve.analysis import analyse, fingerprint
from assistant.retrieve.bm25 import BM25
from assistant.retrieve.embedders import Embedder
from assistant.retrieve.store import ChromaStore

RRF_K = 60
DENSE_POOL = 60
# words that point at an older policy or at a comparison between years
# looking back: words of an earlier time, or of a change between versions ("wat is er veranderd", "compared to
# 2024"); "als ons percentage verandert" is a change in the asker's own situation, not between policy years
_PAST = re.compile(
    r"\b(vroeger|voorheen|destijds|oude (?:bijlage|beleid|regel|regels|tekst|versie)|previous(ly)?|formerly|"
    # "welke eis toen en nu?", "then and now": the two versions side by side
    r"toen en nu|nu en toen|then and now|now and then|vroeger en nu|before and now|"
    r"used to|"  # (not the passive "is used to index": see looks_back)
    r"still the same|nog hetzelfde|(?:is|zijn|wordt|werd) er (?:iets )?(?:veranderd|gewijzigd)|"
    r"wat (?:is|zijn) (?:er )?(?:veranderd|gewijzigd|de wijzigingen|de verschillen)|veranderd t\.?o\.?v|"
    # "wat is er bij de eisen voor X veranderd?": words between, but no condition ("wat is de procedure als ... gewijzigd is")
    r"wat (?:is|zijn) er (?:(?!(?:als|indien|wanneer|zodra|if|when)\b)[^.?!\s]+ ){1,12}?(?:veranderd|gewijzigd)|"
    r"(?:what|which) (?:has |have |is |are )?(?:changed|changes|differences)|what's changed|"
    r"changes? (?:between|since|from|compared)|changes? (?:in|to) (?:the )?(?:policy|polic|rules?|appendix|bijlage|text|requirements?|norms?|20\d\d)|verschil\w* (?:tussen|met|ten opzichte)|differen\w+ (?:between|from)|"
    # a comparison with a policy ("compared with the old appendix"), not with anything else ("vergeleken met welk basisjaar?",
    # "minder CO2 ten opzichte van 2018": a year is an older policy's only when the corpus has one, see
    # assistant/answer/clause.names_an_older_policy)
    r"(?:compared (?:to|with)|vergeleken met|ten opzichte van|t\.o\.v\.?)\s+(?:(?:het|de|the|dat|that|this|dit)\s+)?"
    r"(?:oude\s+|old\s+|vorige\s+|previous\s+|eerdere\s+|earlier\s+)?(?:beleid|bijlage|polic\w*|appendix|versie|"
    r"version|vorig\w*|previous|vroeger|last year|before)|sinds 20\d\d|since 20\d\d|"
    r"eerdere (?:bijlage|versie|beleid)|earlier (?:version|appendix|policy)|nieuw (?:in|sinds)|new (?:in|since)|"
    # "pas sinds 2027 ingevoerd?", "did it only arrive with the 2027 policy?": when a rule first stood in the texts
    # (not "we starten pas in 2027", "for the first time in 2027": the asker's own plans)
    r"pas (?:sinds|met) (?:het beleid (?:van )?)?20\d\d|only (?:since|with) the 20\d\d|"
    r"(?:ingevoerd|introduced|arrived|came in|added) (?:in|with|per) (?:the )?(?:beleid )?20\d\d|"
    r"surviv\w*|overleef\w*|overleven|geschrapt|verdwenen|weggevallen|afgeschaft|(?:dropped|removed|deleted) (?:from|in)|"
    # "welke eis staat daar nu voor in de plaats?", "what replaced it?": what an older rule gave way to
    r"(?:daar|er|hier)(?:voor)?\s+(?:\w+\s+){0,3}?in de plaats|voor in de plaats|vervangen door|is vervangen|zijn vervangen|"
    r"replaced (?:by|with)|what replaced|(?:takes?|took) (?:its|their|the) place|in (?:its|their) place|"
    # "has CZ dropped the 24-hour minimum?", "did they scrap it?": a rule taken out of the texts (not "did we drop below
    # 80%?": dropping something, with its article)
    r"(?:has|have|did)\s+(?:\w+\s+){0,2}?(?:scrapped|abolished|scrap|abolish|(?:dropped|removed|drop|remove)\s+(?:the|its|that|this)\b)|"
    r"(?:nog|still) (?:in|part of) (?:het beleid|de bijlage|the policy|the appendix)|"
    # "has the training requirement changed?", "is de opleidingseis gewijzigd?": a rule of the texts asked whether it changed
    r"(?:has|have|did)\s+(?:the|its|that|this)\s+(?:[\w-]+\s+){0,3}?(?:changed|change)|"
    # (the subject may be named with what it is of: "is de caseload van de casemanager dementie anders geworden?")
    # (no condition between: "wat is de werkwijze als ons AGB-nummer gewijzigd is?" asks what to do)
    r"(?:is|zijn)\s+(?:de|het|die|dat|deze|dit)\s+(?:(?!(?:als|indien|wanneer|zodra)\b)[\w-]+\s+){0,6}?"
    r"(?:veranderd|gewijzigd|anders\s+geworden)|"
    r"(?:is|are)\s+(?:the|its|that|this)\s+(?:(?!(?:if|when|once)\b)[\w-]+\s+){0,6}?(?:any\s+different|different\s+now))\b",
    re.IGNORECASE,
)
# "still" / "nog steeds" asks whether an (older) rule holds only next to a verb of holding: "is that still
# how", "geldt nog steeds"; before a verb of asking or sending it means "in time", not "as before"
_STILL = re.compile(
    # (not "is that still accepted / on time / possible?": in time, as "still" before a verb of asking or sending)
    r"\b(is|are|does|do|was|were)\b[^.?!]{0,90}\bstill\b(?!\s+(?:be\s+)?(?:accepted|acceptable|allowed|permitted|possible|"
    r"feasible|on time|in time|early enough|ok|okay|open|eligible|able|time|valid for us))|\bstill\s+(apply|applies|hold|holds|valid|required|true|"
    r"the case|the rule|in force|exists?|needed|necessary|in the)\b"
    r"|\b(geldt|gelden|is|zijn|moet|moeten|hoeft|hoeven|staat|staan)\b[^.?!]{0,90}\bnog (steeds|altijd)\b"
    r"|\b(staat|staan|stond|stonden)\b[^.?!]{0,100}\b(nog|ook al|al)\s+in\b"
    r"|\bnog (steeds|altijd)\s+(van toepassing|geldig|nodig|verplicht|zo|hetzelfde)\b",
    re.IGNORECASE,
)


def looks_back(query: str) -> bool:
    """Does the question ask about an older policy or compare years ("vroeger", "nog steeds geldt")?"""
    past = any(
        not (_USE_TO.fullmatch(m.group(0)) and _PASSIVE_USE.search(query[: m.start()])) for m in _PAST.finditer(query)
    )  # "used to" counts unless passive ("is used to index"); every other word of the past counts
    return past or bool(_STILL.search(query) and not _IN_THAT_CASE.search(query) and not _TIME_LEFT.search(query))


# "how many days have we got left for the registration?": the time left from today, not whether an older rule survived
_TIME_LEFT = re.compile(r"\bhow (?:many (?:days|weeks|months)|much time)\b|\bhoeveel (?:dagen|weken|maanden|tijd)\b", re.I)


_USE_TO = re.compile(r"used to", re.I)
# "which form is (often) used to report ...": a passive, no past habit (a form of "be" at most two words before)
_PASSIVE_USE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?$", re.I)


# "is the norm still valid then?", "geldt de eis nog steeds als we ...?": still under a condition of the asker's
# own case asks whether the rule holds for it, not whether an older rule survived
_IN_THAT_CASE = re.compile(
    r"\b(?:if|als|indien|even if|ook als|zelfs als)\s+(?:we|wij|ik|i|u|you|jullie|onze|ons|our|they|zij|ze|there|er)\b"
    r"[^.!]*\?\s*$|\b(?:then|dan|in that case|in dat geval)\s*\?\s*$",
    re.IGNORECASE,
)  # "... dan?" at the end: "niet meer dan 50%" is a comparison, not a condition


@dataclass
class Weights:
    # measured on the dev set: BM25 with Dutch analysis carries more than e5-small; the clause-level
    # BM25 lets a short passage profit from the section it stands in
    bm25: float = 2.0
    dense: float = 0.5
    clause: float = 1.75
    # rerank of the top candidates by their best single sentence (a focused match beats a diffuse one)
    sentence: float = 0.5
    rerank_pool: int = 15
    superseded_penalty: float = 0.85  # multiplier for superseded documents unless the query looks back


def _top(scores: np.ndarray, mask: np.ndarray, n: int) -> np.ndarray:
    """Positions of the `n` best positive scores within `mask`, best first (ties: lower position first)."""
    candidates = np.flatnonzero(mask & (scores > 0))
    if len(candidates) > n:
        part = np.argpartition(-scores[candidates], n - 1)[:n]
        cut = scores[candidates[part]].min()
        candidates = candidates[scores[candidates] >= cut]  # keep every tie at the cut, ordered below
    order = np.lexsort((candidates, -scores[candidates]))
    return candidates[order][:n]


def _rank_of(scores: np.ndarray, mask: np.ndarray, i: int) -> int | None:
    """The rank `i` has among the positive scores within `mask` (None when its score is not positive)."""
    s = scores[i]
    if s <= 0:
        return None
    return int(np.count_nonzero(mask & (scores > s)) + np.count_nonzero(mask[:i] & (scores[:i] == s)))


class HybridRetriever:
    """BM25 (ours, in memory: an inverted index) + dense search served by Chroma's HNSW index (with the year
    filter as a `where` clause), fused by weighted reciprocal rank. The vectors stay in Chroma: nothing here
    reads the collection whole. `reopen` gives the collection recorded as complete now, for when ours was
    dropped by later builds while this retriever was still in use."""

    def __init__(
        self,
        corpus: Corpus,
        store: ChromaStore,
        embedder: Embedder,
        weights: Weights | None = None,
        *,
        cache_dir: Path | None = None,
        reopen: Callable[[], ChromaStore | None] | None = None,
    ) -> None:
        self.corpus = corpus
        self.store = store
        self.embedder = embedder
        self.weights = weights or Weights()
        self._reopen = reopen
        self._cache: dict[str, np.ndarray] = {}
        self._cache_lock = threading.Lock()
        self._hits: dict[tuple[str, int, int | None], list[SearchHit]] = {}  # one answer searches a question more
        # than once (the plan, the clause answer, the premise check): the same search is done once
        self.passages: list[Passage] = corpus.passages
        self.position = {p.id: i for i, p in enumerate(self.passages)}
        self.bm25 = BM25.cached([p.index_text() for p in self.passages], cache_dir, "bm25-passages")
        clauses = corpus.clauses
        self.clause_bm25 = BM25.cached([f"{c.trail}\n{c.text}" for c in clauses], cache_dir, "bm25-clauses")
        clause_pos = {c.id: i for i, c in enumerate(clauses)}
        self.passage_clause = np.array([clause_pos[p.clause_id] for p in self.passages], dtype=int)
        self.years = np.array([p.year for p in self.passages])
        self.all_years = sorted(set(self.years.tolist()), reverse=True)
        self._sentence_terms: dict[int, list[set[str]]] = {}
        self._saved_terms = self._saved_sentences(cache_dir)
        superseded = {d.id for d in corpus.documents if d.status == "superseded"}
        self.is_superseded = np.array([p.doc in superseded for p in self.passages], dtype=bool)

    def sentence_terms(self, i: int) -> list[set[str]]:
        """The analysed sentences of passage `i` (from the saved file; else computed when first reranked)."""
        terms = self._sentence_terms.get(i)
        if terms is None:
            saved = self._saved_terms[i] if i < len(self._saved_terms) else None
            terms = [set(line.split()) for line in saved.split("\n")] if saved else self._analyse_sentences(i)
            self._sentence_terms[i] = terms  # one dict assignment: safe from parallel searches
        return terms

    def _analyse_sentences(self, i: int) -> list[set[str]]:
        p = self.passages[i]
        return [set(analyse(x, self.bm25.splitter)) for x in split_sentences(p.text, table=p.kind == "table")]

    def _saved_sentences(self, cache_dir: Path | None) -> list[str]:
        """Every passage's analysed sentences as text (a line of terms per sentence), read from `cache_dir`
        (written there the first time): analysing a large corpus at each start would cost seconds, and sets for
        every passage would cost memory; `sentence_terms` makes the sets of a passage when it is reranked."""
        if cache_dir is None:
            return []
        texts = "\x00".join(p.text for p in self.passages) + "\x00" + fingerprint()  # a changed analysis rebuilds
        digest = hashlib.sha256(texts.encode()).hexdigest()[:16]
        path = Path(cache_dir) / f"sentences-{digest}.json"
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(saved, list) and len(saved) == len(self.passages):
                return saved
        except (OSError, ValueError):
            pass
        lines = [
            "\n".join(" ".join(sorted(terms)) for terms in self._analyse_sentences(i))
            for i in range(len(self.passages))
        ]
        try:
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(lines), encoding="utf-8")
            os.replace(tmp, path)
            for old in path.parent.glob("sentences-*.json"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:  # a read-only data directory: analysed at every start instead
            pass
        return lines

    def _embed(self, query: str) -> np.ndarray:
        """Query vectors are cached: an answer searches more than once for the same question."""
        vec = self._cache.get(query)
        if vec is None:
            vec = self.embedder.embed_query(query)
            with self._cache_lock:  # searches run in parallel threads in the server
                self._cache[query] = vec
                while len(self._cache) > 512:
                    self._cache.pop(next(iter(self._cache)))
        return vec

    def dense(self, vector: np.ndarray, year: int | None) -> list[int]:
        """The DENSE_POOL nearest passages (positions), from Chroma; `year` as a `where` filter."""
        try:
            found = self.store.query(vector, DENSE_POOL, year=year)
        except IndexError_:  # our collection was dropped by later builds: follow the index to the new one
            fresh = self._reopen() if self._reopen else None
            if fresh is None:
                raise
            self.store = fresh
            found = fresh.query(vector, DENSE_POOL, year=year)
        return [self.position[pid] for pid, _ in found if pid in self.position]

    def _rerank(self, order: list[int], fused: np.ndarray, w: dict[str, float]) -> list[int]:
        if not order or self.weights.sentence <= 0:
            return order
        best = [max((sum(w.get(t, 0.0) for t in st) for st in self.sentence_terms(i)), default=0.0) for i in order]
        top = max(best) or 1.0
        unit = self.weights.bm25 / RRF_K  # one first-place vote of the strongest signal
        for i, b in zip(order, best, strict=True):
            fused[i] += self.weights.sentence * unit * b / top
        return sorted(order, key=lambda i: -fused[i])

    @property
    def _max_weight(self) -> float:
        return self.weights.bm25 * (1 + self.weights.sentence) + self.weights.clause + self.weights.dense

    def search(self, query: str, k: int = 5, year: int | None = None) -> list[SearchHit]:
        """Top-k passages. Without a year filter the current policy is preferred, unless the
        question looks back ("vroeger", "nog steeds", "2024"): then both years are interleaved,
        so a comparison gets its quotes from each document."""
        key = (query, k, year)
        found = self._hits.get(key)
        if found is not None:
            return list(found)
        hits = self._search(query, k, year)
        with self._cache_lock:
            self._hits[key] = hits
            while len(self._hits) > 256:
                self._hits.pop(next(iter(self._hits)))
        return list(hits)

    def _search(self, query: str, k: int, year: int | None) -> list[SearchHit]:
        # per call, never on self: the server runs searches in parallel threads
        q_weights = self.bm25.term_weights(query)
        bm = self.bm25.scores(query)
        cl = self.clause_bm25.scores(query)[self.passage_clause] if len(self.passages) else bm
        vector = self._embed(query)
        older = [y for y in self.all_years[1:] if str(y) in query]
        back = year is None and len(self.all_years) > 1 and (looks_back(query) or bool(older))
        if not back:
            mask = np.ones(len(self.passages), dtype=bool) if year is None else self.years == year
            dense = self.dense(vector, year)
            return self._fuse(bm, cl, dense, mask, k, q_weights, penalise=year is None)[:k]
        per_year = [
            self._fuse(bm, cl, self.dense(vector, y), self.years == y, k, q_weights, penalise=False)
            for y in self.all_years
        ]
        per_year.sort(key=lambda hits: -(hits[0].score if hits else 0.0))  # the better-matching year first
        merged: list[SearchHit] = []
        for rank in range(k):
            for hits in per_year:
                if rank < len(hits) and len(merged) < k:
                    merged.append(hits[rank])
        return merged

    def _fuse(
        self,
        bm: np.ndarray,
        cl: np.ndarray,
        dense: list[int],
        mask: np.ndarray,
        k: int,
        q_weights: dict[str, float],
        penalise: bool,
    ) -> list[SearchHit]:
        """Weighted reciprocal-rank fusion over the best DENSE_POOL of each signal (a rank past the pool adds
        nothing), then the sentence rerank of the best `rerank_pool`."""
        dense_rank = {i: r for r, i in enumerate(i for i in dense if mask[i])}
        fused: dict[int, float] = {}
        signals = ((_top(bm, mask, DENSE_POOL), self.weights.bm25), (_top(cl, mask, DENSE_POOL), self.weights.clause))
        for order, weight in signals:
            for r, i in enumerate(order.tolist()):
                fused[i] = fused.get(i, 0.0) + weight / (RRF_K + r)
        for i, r in dense_rank.items():
            if r < DENSE_POOL:
                fused[i] = fused.get(i, 0.0) + self.weights.dense / (RRF_K + r)
        if penalise:
            fused = {i: f * self.weights.superseded_penalty if self.is_superseded[i] else f for i, f in fused.items()}
        scores = np.zeros(len(self.passages), dtype=np.float64)
        for i, f in fused.items():
            scores[i] = f
        order = [i for i in sorted(fused, key=lambda i: (-fused[i], i)) if fused[i] > 0]
        order = self._rerank(order[: self.weights.rerank_pool], scores, q_weights)[:k]
        return [
            SearchHit(
                passage=self.passages[i],
                score=round(float(scores[i]) * RRF_K / self._max_weight, 4),
                bm25_rank=_rank_of(bm, mask, i),
                dense_rank=dense_rank.get(i),
            )
            for i in order
        ]
