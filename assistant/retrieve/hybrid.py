"""Hybrid search: Dutch BM25 + dense e5 vectors, fused by reciprocal rank."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.domain import Passage, SearchHit
from assistant.ingest.corpus import Corpus
from assistant.retrieve.bm25 import BM25
from assistant.retrieve.embedders import Embedder
from assistant.retrieve.store import ChromaStore

RRF_K = 60
DENSE_POOL = 60
# words that point at an older policy or at a comparison between years
_PAST = re.compile(
    r"\b(vroeger|eerder|voorheen|destijds|oude?|verander\w*|wijziging\w*|verschil\w*|nog steeds|nog altijd|"
    r"previous(ly)?|formerly|used to|earlier|old|change[sd]?|differen\w*|still|anymore|no longer|"
    r"20(1\d|2[0-5]))\b",
    re.IGNORECASE,
)


@dataclass
class Weights:
    bm25: float = 1.0
    dense: float = 1.0
    superseded_penalty: float = 0.85  # multiplier for superseded documents unless the query looks back


class HybridRetriever:
    def __init__(self, corpus: Corpus, store: ChromaStore, embedder: Embedder, weights: Weights | None = None) -> None:
        self.corpus = corpus
        self.store = store
        self.embedder = embedder
        self.weights = weights or Weights()
        self.passages: list[Passage] = corpus.passages
        self.position = {p.id: i for i, p in enumerate(self.passages)}
        self.bm25 = BM25([p.index_text() for p in self.passages])
        self.years = np.array([p.year for p in self.passages])
        superseded = {d.id for d in corpus.documents if d.status == "superseded"}
        self.is_superseded = np.array([p.doc in superseded for p in self.passages])

    def search(self, query: str, k: int = 5, year: int | None = None) -> list[SearchHit]:
        """Top-k passages. Without a year filter the current policy is preferred, unless the
        question looks back ("vroeger", "nog steeds", "2024"): then both years are interleaved,
        so a comparison gets its quotes from each document."""
        bm = self.bm25.scores(query)
        dense = self.store.query(self.embedder.embed_query(query), DENSE_POOL, year)
        dense_order = [self.position[pid] for pid, _ in dense if pid in self.position]
        looks_back = year is None and bool(_PAST.search(query)) and len(set(self.years.tolist())) > 1
        if not looks_back:
            mask = np.ones(len(self.passages), dtype=bool) if year is None else self.years == year
            return self._fuse(bm, dense_order, mask, k, penalise=year is None)[:k]
        per_year = [
            self._fuse(bm, dense_order, self.years == y, k, penalise=False)
            for y in sorted(set(self.years.tolist()), reverse=True)
        ]
        merged: list[SearchHit] = []
        for rank in range(k):
            for hits in per_year:
                if rank < len(hits) and len(merged) < k:
                    merged.append(hits[rank])
        return merged

    def _fuse(self, bm: np.ndarray, dense_order: list[int], mask: np.ndarray, k: int, penalise: bool) -> list[SearchHit]:
        bm_order = [i for i in np.argsort(-bm, kind="stable") if mask[i] and bm[i] > 0]
        bm_rank = {int(i): r for r, i in enumerate(bm_order)}
        dense_rank = {i: r for r, i in enumerate(i for i in dense_order if mask[i])}
        fused = np.zeros(len(self.passages), dtype=np.float64)
        for i, r in bm_rank.items():
            fused[i] += self.weights.bm25 / (RRF_K + r)
        for i, r in dense_rank.items():
            fused[i] += self.weights.dense / (RRF_K + r)
        if penalise:
            fused[self.is_superseded] *= self.weights.superseded_penalty
        order = [int(i) for i in np.argsort(-fused, kind="stable") if fused[i] > 0 and mask[i]][:k]
        return [
            SearchHit(
                passage=self.passages[i],
                score=round(float(fused[i]) * RRF_K / 2, 4),
                bm25_rank=bm_rank.get(i),
                dense_rank=dense_rank.get(i),
            )
            for i in order
        ]
