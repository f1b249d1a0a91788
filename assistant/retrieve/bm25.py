"""Okapi BM25 over the passages, with Dutch analysis: an inverted index, saved beside the vector store."""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
import math
import os
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.retrieve.analysis import CompoundSplitter, analyse, fingerprint, query_weights, raw_tokens

log = logging.getLogger(__name__)
FORMAT = 1  # of the saved index; another value is rebuilt
CUTOFF = 0.88  # similarity a query word needs to a corpus word to be corrected to it


class BM25:
    """Okapi BM25 over an inverted index (term -> the documents that hold it and how often), so a query
    touches only the postings of its own terms, not every document. `save`/`load` keep the analysed index
    beside the vector store: analysing a large corpus (Snowball, compound splitting) is the slow part of a
    start."""

    def __init__(self, texts: list[str] | None = None, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        if texts is None:  # filled by `load`
            return
        vocab = {t for text in texts for t in raw_tokens(text)}
        splitter = CompoundSplitter(vocab)
        counts = [Counter(analyse(t, splitter)) for t in texts]
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for i, c in enumerate(counts):
            for term, tf in c.items():
                docs, tfs = postings.setdefault(term, ([], []))
                docs.append(i)
                tfs.append(tf)
        self._setup(
            vocab,
            np.array([sum(c.values()) for c in counts], dtype=np.float32),
            {t: (np.array(d, dtype=np.int32), np.array(f, dtype=np.float32)) for t, (d, f) in postings.items()},
        )

    def _setup(self, vocab: set[str], lengths: np.ndarray, postings: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
        self.vocab = vocab
        self._vocab_list = sorted(w for w in vocab if len(w) >= 6 and w.isalpha())
        self._by_length: dict[int, list[str]] = {}
        for w in self._vocab_list:
            self._by_length.setdefault(len(w), []).append(w)
        self.splitter = CompoundSplitter(vocab)
        self.n = len(lengths)
        self.lengths = lengths
        self.avg = float(lengths.mean()) if self.n else 1.0
        self.postings = postings
        self.idf = {t: math.log(1 + (self.n - len(d) + 0.5) / (len(d) + 0.5)) for t, (d, _) in postings.items()}
        self._norm = self.k1 * (1 - self.b + self.b * self.lengths / self.avg)

    # persistence -----------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """One .npz file (written aside, then renamed: a reader never sees half of one)."""
        terms = sorted(self.postings)
        sizes = np.array([len(self.postings[t][0]) for t in terms], dtype=np.int64)
        empty_i, empty_f = np.zeros(0, np.int32), np.zeros(0, np.float32)
        docs = np.concatenate([self.postings[t][0] for t in terms]) if terms else empty_i
        tfs = np.concatenate([self.postings[t][1] for t in terms]) if terms else empty_f
        header = json.dumps({"format": FORMAT, "k1": self.k1, "b": self.b, "terms": terms, "vocab": sorted(self.vocab)})
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            np.savez(
                f,
                header=np.frombuffer(header.encode(), dtype=np.uint8),
                sizes=sizes,
                docs=docs,
                tfs=tfs,
                lengths=self.lengths,
            )
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> BM25 | None:
        """The index saved at `path`, or None when it is missing, unreadable or of another format."""
        try:
            with np.load(path) as data:
                header = json.loads(data["header"].tobytes().decode())
                sizes, docs, tfs, lengths = data["sizes"], data["docs"], data["tfs"], data["lengths"]
        except (OSError, ValueError, KeyError):
            return None
        if header.get("format") != FORMAT or len(header["terms"]) != len(sizes):
            return None
        bounds = np.concatenate([[0], np.cumsum(sizes)])
        postings = {
            t: (docs[bounds[i] : bounds[i + 1]], tfs[bounds[i] : bounds[i + 1]]) for i, t in enumerate(header["terms"])
        }
        bm = cls(k1=header["k1"], b=header["b"])
        bm._setup(set(header["vocab"]), lengths, postings)
        return bm

    @classmethod
    def cached(cls, texts: list[str], directory: Path | None, name: str) -> BM25:
        """`BM25(texts)`, read from `directory/<name>-<hash of the texts and the analysis>.npz` when it was built
        before (and written there when not; older files of the same name are removed)."""
        if directory is None:
            return cls(texts)
        digest = hashlib.sha256(("\x00".join(texts) + "\x00" + fingerprint()).encode()).hexdigest()[:16]
        path = Path(directory) / f"{name}-{digest}.npz"
        found = cls.load(path) if path.is_file() else None
        if found is not None and found.n == len(texts):
            return found
        built = cls(texts)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            built.save(path)
            for old in path.parent.glob(f"{name}-*.npz"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as exc:  # a read-only data directory: build at every start instead
            log.info("could not save the BM25 index in %s: %s", directory, exc)
        return built

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
        word = fold(word)
        # a ratio of at least CUTOFF needs lengths within these bounds: only those words are compared
        low, high = math.ceil(len(word) * CUTOFF / (2 - CUTOFF)), math.floor(len(word) * (2 - CUTOFF) / CUTOFF)
        # a typo rarely changes the first letter: only words that start with it are compared (fast)
        candidates = [w for n in range(low, high + 1) for w in self._by_length.get(n, ()) if w[:1] == word[:1]]
        match = difflib.get_close_matches(word, candidates, n=1, cutoff=CUTOFF)
        return match[0] if match else None

    def scores(self, query: str) -> np.ndarray:
        terms = Counter(self.query_terms(query))
        out = np.zeros(self.n, dtype=np.float32)
        if not terms:
            return out
        weights = self.term_weights(query)
        for term, qtf in terms.items():
            idf = weights.get(term)
            posting = self.postings.get(term)
            if not idf or posting is None:
                continue
            docs, tf = posting
            out[docs] += idf * (tf * (self.k1 + 1)) / (tf + self._norm[docs]) * (1 + 0.2 * (qtf - 1))
        return out
