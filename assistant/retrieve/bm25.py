"""A small Okapi BM25 over the passages (a few hundred), with Dutch analysis."""

from __future__ import annotations

import difflib
import math
from collections import Counter
from functools import lru_cache

import numpy as np

from assistant.retrieve.analysis import CompoundSplitter, analyse, query_weights, raw_tokens


class BM25:
    def __init__(self, texts: list[str], k1: float = 1.2, b: float = 0.75) -> None:
        vocab = {t for text in texts for t in raw_tokens(text)}
        self.vocab = vocab
        self._vocab_list = sorted(w for w in vocab if len(w) >= 6 and w.isalpha())
        self.splitter = CompoundSplitter(vocab)
        self.k1, self.b = k1, b
        docs = [analyse(t, self.splitter) for t in texts]
        self.n = len(docs)
        self.lengths = np.array([len(d) for d in docs], dtype=np.float32)
        self.avg = float(self.lengths.mean()) if self.n else 1.0
        self.tf: list[Counter[str]] = [Counter(d) for d in docs]
        df: Counter[str] = Counter()
        for c in self.tf:
            df.update(c.keys())
        self.idf = {t: math.log(1 + (self.n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def query_terms(self, query: str) -> list[str]:
        return analyse(self.correct(query), self.splitter, expand=True)

    def term_weights(self, query: str) -> dict[str, float]:
        """Each query term's weight: its idf in this corpus times how specific the word is in everyday
        language (see analysis.specificity); terms the corpus lacks weigh 0."""
        spec = query_weights(self.correct(query), self.splitter)  # its keys are the query's terms
        return {t: self.idf.get(t, 0.0) * w for t, w in spec.items()}

    def correct(self, query: str) -> str:
        """Fix typos against the corpus vocabulary: postcodegebeiden -> postcodegebieden."""
        out = []
        for word in query.split():
            core = word.strip(".,;:!?()'\"").lower()
            fixed = self._closest(core) if len(core) >= 7 and core.isalpha() and core not in self.vocab else None
            out.append(word.lower().replace(core, fixed) if fixed else word)
        return " ".join(out)

    @lru_cache(maxsize=4096)  # noqa: B019 - lives as long as the index
    def _closest(self, word: str) -> str | None:
        from assistant.retrieve.analysis import concept_vocabulary, fold

        if fold(word) in concept_vocabulary()["terms"]:
            return None
        match = difflib.get_close_matches(fold(word), self._vocab_list, n=1, cutoff=0.88)
        return match[0] if match else None

    def scores(self, query: str) -> np.ndarray:
        terms = Counter(self.query_terms(query))
        out = np.zeros(self.n, dtype=np.float32)
        if not terms:
            return out
        weights = self.term_weights(query)
        norm = self.k1 * (1 - self.b + self.b * self.lengths / self.avg)
        for term, qtf in terms.items():
            idf = weights.get(term)
            if not idf:
                continue
            tf = np.array([c.get(term, 0) for c in self.tf], dtype=np.float32)
            out += idf * (tf * (self.k1 + 1)) / (tf + norm) * (1 + 0.2 * (qtf - 1))
        return out
