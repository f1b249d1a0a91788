"""The benchmark's scale run: a synthetic corpus of N times today's passages, generated from the real ones,
served the way a worker serves the real index (Chroma for dense search, our BM25 from its saved index).

Copy c of every document gets its own document, clause and passage ids (`wv2027~s07/...`) and another
publisher, so it stands for another insurer's policy of the same years. Its passage texts are the real ones
with their sentences rotated by c (same vocabulary, other order: BM25 must still rank them), and its vectors
are the real passage vectors plus Gaussian noise (cosine ~0.95 to the original), renormalised, so the HNSW
index holds N distinct points without embedding N times the corpus (that would take N x the cold build).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import numpy as np

from assistant.ingest.corpus import Corpus
from assistant.ingest.parser import split_sentences

SEED = 2027
NOISE = 0.3  # norm of the noise added to a unit vector
_COPY = re.compile(r"~s\d+")


def _rotate(text: str, c: int, table: bool) -> str:
    sentences = split_sentences(text, table=table)
    if c == 0 or len(sentences) < 2:
        return text
    r = c % len(sentences)
    return " ".join(sentences[r:] + sentences[:r])


def synthetic_corpus(real: Corpus, copies: int) -> Corpus:
    """`copies` copies of every document of `real` (copy 0 is the real one), as one Corpus."""
    documents, clauses, passages, texts = [], [], [], {}
    for c in range(copies):

        def rid(value: str, c: int = c) -> str:
            return value if c == 0 else value.replace("/", f"~s{c:02d}/", 1)

        for d in real.documents:
            did = d.id if c == 0 else f"{d.id}~s{c:02d}"
            documents.append(d.model_copy(update={"id": did, "publisher": f"{d.publisher} (copy {c})"}))
            texts[did] = real.texts[d.id]
        for cl in real.clauses:
            doc = cl.doc if c == 0 else f"{cl.doc}~s{c:02d}"
            clauses.append(cl.model_copy(update={"id": rid(cl.id), "doc": doc}))
        for p in real.passages:
            doc = p.doc if c == 0 else f"{p.doc}~s{c:02d}"
            text = _rotate(p.text, c, p.kind == "table")
            passages.append(
                p.model_copy(update={"id": rid(p.id), "clause_id": rid(p.clause_id), "doc": doc, "text": text})
            )
    return Corpus(real.directory, documents, texts, clauses, passages, [])


def synthetic_vectors(real_vectors: dict[str, list[float]], corpus: Corpus) -> list[list[float]]:
    """For every passage of the synthetic corpus: the vector of the real passage it copies, plus noise."""
    rng = np.random.default_rng(SEED)
    out = []
    for p in corpus.passages:
        base = np.asarray(real_vectors[_COPY.sub("", p.id, count=1)])
        if "~s" in p.id:
            noise = rng.normal(size=base.shape)
            base = base + NOISE * noise / np.linalg.norm(noise)
        out.append((base / np.linalg.norm(base)).astype(np.float32).tolist())
    return out


def build_scale_index(real_index_dir: Path, real: Corpus, embedder: Any, out: Path, copies: int) -> dict[str, Any]:
    """Write the synthetic collection (vectors derived from the real index's) and the BM25 index; the timings
    of each step. The real index is read page by page."""
    from assistant.retrieve.hybrid import HybridRetriever
    from assistant.retrieve.index import FORMAT, META
    from assistant.retrieve.store import ChromaStore

    started = time.perf_counter()
    meta = json.loads((real_index_dir / META).read_text(encoding="utf-8"))
    source = ChromaStore(real_index_dir / "chroma", embedder, None).use(meta["collection"], create=False)
    real_vectors = {m["passage_id"]: v for _, v, _, m in source.entries()}
    corpus = synthetic_corpus(real, copies)
    vectors = synthetic_vectors(real_vectors, corpus)
    generated = time.perf_counter()
    store = ChromaStore(out / "chroma", embedder, collection="passages-scale")
    store.add_vectors(corpus.passages, vectors)
    written = time.perf_counter()
    HybridRetriever(corpus, store, embedder, cache_dir=out)  # analyses the texts once and saves the BM25 index
    bm25 = time.perf_counter()
    (out / META).write_text(json.dumps({"format": FORMAT, "collection": store.name, "copies": copies}))
    return {
        "copies": copies,
        "passages": len(corpus.passages),
        "clauses": len(corpus.clauses),
        "generate_s": round(generated - started, 2),
        "write_vectors_s": round(written - generated, 2),
        "bm25_build_s": round(bm25 - written, 2),
    }


def open_scale_retriever(out: Path, corpus: Corpus, embedder: Any) -> Any:
    """What a worker does at start once it has the corpus: the Chroma collection and the saved BM25 index."""
    from assistant.retrieve.hybrid import HybridRetriever
    from assistant.retrieve.store import ChromaStore

    store = ChromaStore(out / "chroma", embedder, collection=None).use("passages-scale", create=False)
    return HybridRetriever(corpus, store, embedder, cache_dir=out)
