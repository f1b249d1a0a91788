"""Hybrid search: Dutch BM25 + dense e5 vectors, fused by reciprocal rank."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import numpy as np

from assistant.domain import Passage, SearchHit
from assistant.ingest.corpus import Corpus
from assistant.ingest.parser import split_sentences
from assistant.retrieve.analysis import analyse
from assistant.retrieve.bm25 import BM25
from assistant.retrieve.embedders import Embedder
from assistant.retrieve.store import ChromaStore

RRF_K = 60
DENSE_POOL = 60
# words that point at an older policy or at a comparison between years
_PAST = re.compile(
    r"\b(vroeger|eerder|voorheen|destijds|oude?|verander\w*|wijziging\w*|verschil\w*|"
    r"previous(ly)?|formerly|used to|earlier|old|change[sd]?|differen\w*|anymore|no longer)\b",
    re.IGNORECASE,
)
# "still" / "nog steeds" asks whether an (older) rule holds only next to a verb of holding: "is that still
# how", "geldt nog steeds"; in "can we still request" it means "in time", not "as before"
_STILL = re.compile(
    r"\b(is|are|does|do|was|were)\b[^.?!]{0,60}\bstill\b|\bstill\s+(apply|applies|hold|holds|valid|required|true|"
    r"the case|the rule|in force|exists?|needed|necessary)\b"
    r"|\b(geldt|gelden|is|zijn|moet|moeten|hoeft|hoeven)\b[^.?!]{0,60}\bnog (steeds|altijd)\b"
    r"|\bnog (steeds|altijd)\s+(van toepassing|geldig|nodig|verplicht|zo|hetzelfde)\b",
    re.IGNORECASE,
)


def looks_back(query: str) -> bool:
    """Does the question ask about an older policy or compare years ("vroeger", "nog steeds geldt")?"""
    return bool(_PAST.search(query) or _STILL.search(query))


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


def _ranks(scores: np.ndarray, mask: np.ndarray) -> dict[int, int]:
    order = [int(i) for i in np.argsort(-scores, kind="stable") if mask[i] and scores[i] > 0]
    return {i: r for r, i in enumerate(order)}


class HybridRetriever:
    def __init__(self, corpus: Corpus, store: ChromaStore, embedder: Embedder, weights: Weights | None = None) -> None:
        self.corpus = corpus
        self.store = store
        self.embedder = embedder
        self.weights = weights or Weights()
        self._cache: dict[str, np.ndarray] = {}
        self._cache_lock = threading.Lock()
        self.passages: list[Passage] = corpus.passages
        self.position = {p.id: i for i, p in enumerate(self.passages)}
        self.bm25 = BM25([p.index_text() for p in self.passages])
        clauses = corpus.clauses
        self.clause_bm25 = BM25([f"{c.trail}\n{c.text}" for c in clauses])
        clause_pos = {c.id: i for i, c in enumerate(clauses)}
        self.passage_clause = np.array([clause_pos[p.clause_id] for p in self.passages], dtype=int)
        self.years = np.array([p.year for p in self.passages])
        stored = store.vectors()
        self.matrix = (
            np.stack([stored.get(p.id, np.zeros(embedder.dim, dtype=np.float32)) for p in self.passages])
            if self.passages
            else np.zeros((0, embedder.dim), dtype=np.float32)
        )
        self.sentence_terms = [
            [set(analyse(x, self.bm25.splitter)) for x in split_sentences(p.text, table=p.kind == "table")]
            for p in self.passages
        ]
        superseded = {d.id for d in corpus.documents if d.status == "superseded"}
        self.is_superseded = np.array([p.doc in superseded for p in self.passages])

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

    def _rerank(self, order: list[int], fused: np.ndarray, w: dict[str, float]) -> list[int]:
        if not order or self.weights.sentence <= 0:
            return order
        best = [max((sum(w.get(t, 0.0) for t in st) for st in self.sentence_terms[i]), default=0.0) for i in order]
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
        # per call, never on self: the server runs searches in parallel threads
        q_weights = self.bm25.term_weights(query)
        bm = self.bm25.scores(query)
        cl = self.clause_bm25.scores(query)[self.passage_clause] if len(self.passages) else bm
        sims = self.matrix @ self._embed(query)
        dense_order = [int(i) for i in np.argsort(-sims, kind="stable")[:DENSE_POOL]]
        all_years = sorted(set(self.years.tolist()), reverse=True)
        older = [y for y in all_years[1:] if str(y) in query]
        back = year is None and len(all_years) > 1 and (looks_back(query) or bool(older))
        if not back:
            mask = np.ones(len(self.passages), dtype=bool) if year is None else self.years == year
            return self._fuse(bm, cl, dense_order, mask, k, q_weights, penalise=year is None)[:k]
        per_year = [
            self._fuse(bm, cl, dense_order, self.years == y, k, q_weights, penalise=False) for y in all_years
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
        dense_order: list[int],
        mask: np.ndarray,
        k: int,
        q_weights: dict[str, float],
        penalise: bool,
    ) -> list[SearchHit]:
        bm_rank = _ranks(bm, mask)
        cl_rank = _ranks(cl, mask)
        dense_rank = {i: r for r, i in enumerate(i for i in dense_order if mask[i])}
        fused = np.zeros(len(self.passages), dtype=np.float64)
        for ranks, weight in (
            (bm_rank, self.weights.bm25),
            (cl_rank, self.weights.clause),
            (dense_rank, self.weights.dense),
        ):
            for i, r in ranks.items():
                if r < DENSE_POOL:
                    fused[i] += weight / (RRF_K + r)
        if penalise:
            fused[self.is_superseded] *= self.weights.superseded_penalty
        order = [int(i) for i in np.argsort(-fused, kind="stable") if fused[i] > 0 and mask[i]]
        order = self._rerank(order[: self.weights.rerank_pool], fused, q_weights)[:k]
        return [
            SearchHit(
                passage=self.passages[i],
                score=round(float(fused[i]) * RRF_K / self._max_weight, 4),
                bm25_rank=bm_rank.get(i),
                dense_rank=dense_rank.get(i),
            )
            for i in order
        ]
