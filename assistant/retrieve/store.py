"""The dense half of the index: a persistent Chroma collection. Chroma types stay in this module."""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import sqlite3
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
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


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
    """One Chroma collection (default `passages`) in a persistent Chroma directory.

    The index keeps every build in its own collection (`passages-<stamp>`) and records the complete one in
    `meta.json`; `collection_names`, `drop` and `copy_from` are what that build-aside needs."""

    def __init__(self, path: Path, embedder: Embedder, collection: str | None = COLLECTION) -> None:
        """`collection=None` opens the client only (`use(name)` then gives a collection)."""
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.path = Path(path)
        self.embedder = embedder
        self.name = collection or ""
        try:
            self.client = chromadb.PersistentClient(
                path=str(self.path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True)
            )
            self.collection = self._get_or_create(collection) if collection else None
            self.client.list_collections()  # reads the catalogue: fails on a damaged database
        except Exception as exc:  # noqa: BLE001 - any failure here means a damaged store
            raise IndexError_(f"the vector store in {self.path} cannot be opened ({exc.__class__.__name__})") from exc

    @staticmethod
    def forget(path: Path) -> None:
        """Drop Chroma's cached client system for `path` (a failed open leaves a broken one behind, which
        would be handed out again in this process after the damaged files are replaced)."""
        try:
            from chromadb.api.shared_system_client import SharedSystemClient

            SharedSystemClient._identifier_to_system.pop(str(path), None)
            SharedSystemClient._identifier_to_refcount.pop(str(path), None)
        except Exception:  # noqa: BLE001 - private API of chromadb; best effort
            pass

    def _get_or_create(self, name: str) -> Any:
        return self.client.get_or_create_collection(
            name, embedding_function=_chroma_ef(self.embedder), metadata={"hnsw:space": "cosine"}
        )

    def use(self, name: str, create: bool = True) -> ChromaStore:
        """The same Chroma client, another collection: created when missing, or (`create=False`, for readers)
        `IndexError_` when missing."""
        other = object.__new__(ChromaStore)
        other.path, other.embedder, other.client, other.name = self.path, self.embedder, self.client, name
        try:
            if create:
                other.collection = self._get_or_create(name)
            else:
                other.collection = self.client.get_collection(name, embedding_function=_chroma_ef(self.embedder))
        except Exception as exc:  # noqa: BLE001 - a missing collection, or a store that cannot be used
            raise IndexError_(
                f"the index collection {name!r} in {self.path} cannot be used ({exc.__class__.__name__})"
            ) from exc
        return other

    def collection_names(self) -> list[str]:
        names = self.client.list_collections()
        return [n if isinstance(n, str) else n.name for n in names]

    def drop(self, name: str) -> None:
        """Delete another collection of this store (never fails: a missing one is fine)."""
        try:
            self.client.delete_collection(name)
        except Exception as exc:  # noqa: BLE001 - clean-up only
            log.info("could not drop collection %s: %s", name, exc)

    def prune_orphans(self) -> int:
        """Remove segment directories of dropped collections (Chroma deletes the catalogue rows but leaves the
        files); only UUID-named directories that no segment in the catalogue refers to. Returns how many."""
        try:
            uri = f"file:{self.path / 'chroma.sqlite3'}?mode=ro"
            with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=5)) as con:
                live = {str(row[0]) for row in con.execute("SELECT id FROM segments")}
        except sqlite3.Error as exc:  # an unexpected layout: leave the files alone
            log.info("not pruning %s: %s", self.path, exc)
            return 0
        removed = 0
        for d in self.path.iterdir():
            if d.is_dir() and _UUID.match(d.name) and d.name not in live:
                shutil.rmtree(d, ignore_errors=True)
                removed += 1
        return removed

    def close(self) -> None:
        """Release this client (Chroma shares one per path per process; the last close stops it)."""
        close = getattr(self.client, "close", None)
        if close is not None:
            try:
                close()
            except Exception:  # noqa: BLE001 - closing a damaged store may fail too
                pass

    def reset(self) -> None:
        """Empty the collection (in place: Chroma keeps one client per path per process)."""
        self.client.delete_collection(self.name)
        self.collection = self._get_or_create(self.name)

    def entries(self) -> dict[str, tuple[list[float], str, dict]]:
        """Every stored row by Chroma id: (vector, document, metadata)."""
        res = self.collection.get(include=["embeddings", "documents", "metadatas"])
        embeddings = res["embeddings"] if res["embeddings"] is not None else []
        return {
            str(i): (list(e), d or "", dict(m or {}))
            for i, e, d, m in zip(res["ids"], embeddings, res["documents"] or [], res["metadatas"] or [], strict=False)
        }

    def problem(self, passages: list[Passage]) -> str | None:
        """Why this collection is not a complete index of `passages` (None when it is): missing or extra rows,
        vectors of the wrong size, or vectors that are not finite numbers."""
        try:
            rows = self.entries()
        except Exception as exc:  # noqa: BLE001 - a store that cannot be read is damaged
            return f"the stored vectors cannot be read ({exc.__class__.__name__})"
        desired = {chroma_id(p) for p in passages}
        missing, extra = len(desired - rows.keys()), len(rows.keys() - desired)
        if missing or extra:
            return f"{missing} passages missing and {extra} out of date in the vector store"
        bad = [i for i, (v, _, _) in rows.items() if len(v) != self.embedder.dim or not np.all(np.isfinite(v))]
        if bad:
            return f"{len(bad)} stored vectors are damaged"
        return None

    def copy_from(self, other: ChromaStore, passages: list[Passage]) -> int:
        """Copy the rows of `passages` that `other` already holds with a sound vector (no re-embedding)."""
        try:
            rows = other.entries()
        except Exception:  # noqa: BLE001 - nothing reusable in a store that cannot be read
            return 0
        wanted = [chroma_id(p) for p in passages]
        ok = [
            i for i in wanted if i in rows and len(rows[i][0]) == self.embedder.dim and np.all(np.isfinite(rows[i][0]))
        ]
        for start in range(0, len(ok), 256):
            batch = ok[start : start + 256]
            self.collection.upsert(
                ids=batch,
                embeddings=[rows[i][0] for i in batch],
                documents=[rows[i][1] for i in batch],
                metadatas=[rows[i][2] for i in batch],
            )
        return len(ok)

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
