"""The dense half of the index: a persistent Chroma collection. Chroma types stay in this module."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import numpy as np

from assistant.domain import Passage
from assistant.errors import IndexError_
from assistant.retrieve.embedders import Embedder, text_fingerprint

log = logging.getLogger(__name__)
COLLECTION = "passages"
BATCH = 16


def _chroma_ef(embedder: Embedder) -> Any:
    """Our embedder as a Chroma embedding function, so Chroma never falls back to its
    default (which would try to download a model)."""
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

    class _EF(EmbeddingFunction[Documents]):
        def __init__(self) -> None:
            self._e = embedder

        def __call__(self, input: Documents) -> Embeddings:  # noqa: A002 - chroma's signature
            return list(self._e.embed_passages(list(input)))

        def embed_query(self, input: Documents) -> Embeddings:  # noqa: A002
            return [self._e.embed_query(t) for t in input]

        @staticmethod
        def name() -> str:
            return "policy-assistant"

        def get_config(self) -> dict[str, Any]:
            return {"embedder": self._e.id}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> _EF:  # pragma: no cover - never rebuilt by chroma
            raise NotImplementedError("build the embedder with assistant.retrieve.embedders.make_embedder")

        def is_legacy(self) -> bool:
            return False

    return _EF()


def chroma_id(p: Passage) -> str:
    """Stable across rebuilds, different whenever the embedded text changes."""
    return f"{p.id}@{text_fingerprint(p.index_text())}"


class ChromaStore:
    def __init__(self, path: Path, embedder: Embedder) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.path = Path(path)
        self.embedder = embedder
        try:
            self.client = chromadb.PersistentClient(
                path=str(self.path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True)
            )
            self.collection = self.client.get_or_create_collection(
                COLLECTION, embedding_function=_chroma_ef(embedder), metadata={"hnsw:space": "cosine"}
            )
        except Exception as exc:  # noqa: BLE001 - any failure here means a damaged store
            raise IndexError_(f"the vector store in {self.path} cannot be opened ({exc.__class__.__name__})") from exc

    def reset(self) -> None:
        """Empty the collection (in place: Chroma keeps one client per path per process)."""
        self.client.delete_collection(COLLECTION)
        self.collection = self.client.get_or_create_collection(
            COLLECTION, embedding_function=_chroma_ef(self.embedder), metadata={"hnsw:space": "cosine"}
        )

    def count(self) -> int:
        return int(self.collection.count())

    def existing_ids(self) -> set[str]:
        return set(self.collection.get(include=[])["ids"])

    def sync(self, passages: list[Passage], progress: bool = True) -> dict[str, int]:
        """Embed only what is new or changed, delete what disappeared. Idempotent."""
        desired = {chroma_id(p): p for p in passages}
        existing = self.existing_ids()
        stale = sorted(existing - desired.keys())
        todo = [desired[i] for i in desired if i not in existing]
        if stale:
            self.collection.delete(ids=stale)
        bar = None
        if todo and progress:
            from tqdm import tqdm

            bar = tqdm(total=len(todo), desc="embedding passages", unit="passage", file=sys.stderr)
        for start in range(0, len(todo), BATCH):
            batch = todo[start : start + BATCH]
            vectors = self.embedder.embed_passages([p.index_text() for p in batch])
            self.collection.upsert(
                ids=[chroma_id(p) for p in batch],
                embeddings=[v.tolist() for v in vectors],
                documents=[p.text for p in batch],
                metadatas=[{"passage_id": p.id, "clause_id": p.clause_id, "doc": p.doc, "year": p.year} for p in batch],
            )
            if bar:
                bar.update(len(batch))
        if bar:
            bar.close()
        return {"added": len(todo), "deleted": len(stale), "unchanged": len(desired) - len(todo)}

    def vectors(self) -> dict[str, np.ndarray]:
        """All stored vectors by passage id (a few hundred; exact search in memory is faster than HNSW)."""
        res = self.collection.get(include=["embeddings", "metadatas"])
        return {
            str(m["passage_id"]): np.asarray(e, dtype=np.float32)
            for m, e in zip(
                res["metadatas"] or [], res["embeddings"] if res["embeddings"] is not None else [], strict=False
            )
        }

    def query(self, vector: np.ndarray, k: int, year: int | None = None) -> list[tuple[str, float]]:
        n = min(k, self.count())
        if n <= 0:
            return []
        res = self.collection.query(
            query_embeddings=[vector.tolist()],
            n_results=n,
            where={"year": year} if year is not None else None,
            include=["metadatas", "distances"],
        )
        metas = res["metadatas"][0] if res["metadatas"] else []
        dists = res["distances"][0] if res["distances"] else []
        return [(str(m["passage_id"]), 1.0 - float(d)) for m, d in zip(metas, dists, strict=False)]
