"""The dense half of the index: a Chroma collection, embedded (a persistent directory) or on a Chroma server
(`ASSISTANT_CHROMA_URL`, client/server mode: `chroma run`). Chroma types stay in this module.

We always hand Chroma our own embeddings (and our embedding function), never its default one (which would
download a model). One client per path or URL per process. On a server, the name of the collection that
holds the complete index (the pointer, `meta.json` in the embedded case) is kept as the metadata of a small
collection `POINTER`, so every API worker on every host reads the same one.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import sqlite3
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from assistant.domain import Passage
from assistant.errors import BackendUnavailable, IndexError_
from assistant.retrieve.embedders import Embedder, text_fingerprint

log = logging.getLogger(__name__)
COLLECTION = "passages"
POINTER = "assistant-index-pointer"  # on a Chroma server: metadata {"meta": <meta.json as text>}
SETTING = "ASSISTANT_CHROMA_URL"
BATCH = 16
PAGE = 1000  # rows per read or write when a collection is copied or checked
CONNECT_TIMEOUT_S = 5.0
REQUEST_TIMEOUT_S = 60.0
# listing collections makes chromadb try to rebuild every collection's embedding function from its stored
# config; ours is never rebuilt that way (we always pass it), so its notice says nothing a user can act on
warnings.filterwarnings("ignore", message="Could not reconstruct embedding function", category=UserWarning)
_HTTP_CLIENTS: dict[str, Any] = {}  # one client per server URL per process
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
    return f"{p.id}@{text_fingerprint(p.embed_text())}"


def passage_id(chroma_row_id: str) -> str:
    """The passage id of a Chroma id made by `chroma_id`."""
    return chroma_row_id.rsplit("@", 1)[0]


def _split_url(url: str) -> tuple[str, int, bool]:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        from assistant.errors import ConfigError

        raise ConfigError(f"{SETTING} must look like http://host:port, got {url!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 8000)
    except ValueError:
        from assistant.errors import ConfigError

        raise ConfigError(f"{SETTING} has a bad port: {url!r}") from None
    return parts.hostname, port, parts.scheme == "https"


def server_unreachable(url: str, error: BaseException | str) -> BackendUnavailable:
    reason = error if isinstance(error, str) else (str(error).splitlines() or [""])[0][:200] or type(error).__name__
    return BackendUnavailable(f"the Chroma server is unreachable ({url}, setting {SETTING}): {reason}")


def chroma_failure(url: str, exc: BaseException) -> Exception:
    """An error from the Chroma server at `url` as ours: unreachable or timed out is `BackendUnavailable`."""
    import httpx

    if isinstance(exc, (httpx.TransportError, ConnectionError, TimeoutError)):
        return server_unreachable(url, exc)
    return IndexError_(f"the Chroma server {url} refused a request ({exc.__class__.__name__}: {str(exc)[:200]})")


def check_server(url: str, timeout_s: float = CONNECT_TIMEOUT_S) -> None:
    """`BackendUnavailable` (naming the setting and the address) unless the server answers its heartbeat."""
    import httpx

    host, port, ssl = _split_url(url)
    base = f"{'https' if ssl else 'http'}://{host}:{port}"
    try:
        resp = httpx.get(f"{base}/api/v2/heartbeat", timeout=timeout_s)
    except httpx.HTTPError as exc:
        raise server_unreachable(url, exc) from None
    if resp.status_code != 200:
        raise server_unreachable(url, f"HTTP {resp.status_code} from /api/v2/heartbeat (is it a Chroma server?)")


def _http_client(url: str) -> Any:
    """The process's client for a Chroma server (checked first, so an unreachable one fails in seconds),
    with time limits on every request (Chroma's own client has none)."""
    client = _HTTP_CLIENTS.get(url)
    if client is not None:
        return client
    import chromadb
    import httpx
    from chromadb.config import Settings as ChromaSettings

    check_server(url)
    host, port, ssl = _split_url(url)
    # the server stores only our embedding function's name; it cannot rebuild it and says so on every read
    warnings.filterwarnings("ignore", message="Could not reconstruct embedding function", category=UserWarning)
    try:
        client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=ChromaSettings(anonymized_telemetry=False))
    except Exception as exc:  # noqa: BLE001 - chromadb raises many kinds here
        raise server_unreachable(url, exc) from exc
    session = getattr(getattr(client, "_server", None), "_session", None)
    if session is not None:
        session.timeout = httpx.Timeout(REQUEST_TIMEOUT_S, connect=CONNECT_TIMEOUT_S)
    _HTTP_CLIENTS[url] = client
    return client


class ChromaStore:
    """One Chroma collection (default `passages`) in a persistent Chroma directory, or on the Chroma server
    at `url`.

    The index keeps every build in its own collection (`passages-<stamp>`) and records the complete one in
    `meta.json` (on a server: `read_pointer` / `write_pointer`); `collection_names`, `drop` and `copy_from`
    are what that build-aside needs."""

    def __init__(
        self, path: Path, embedder: Embedder, collection: str | None = COLLECTION, *, url: str | None = None
    ) -> None:
        """`collection=None` opens the client only (`use(name)` then gives a collection)."""
        self.path = Path(path)
        self.url = url
        self.embedder = embedder
        self.name = collection or ""
        if url:
            self.client = _http_client(url)
            try:
                self.collection = self._get_or_create(collection) if collection else None
            except Exception as exc:  # noqa: BLE001 - the server went away, or refused the request
                raise self.failure(exc) from exc
            return
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        try:
            self.client = chromadb.PersistentClient(
                path=str(self.path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True)
            )
            self.collection = self._get_or_create(collection) if collection else None
            self.client.list_collections()  # reads the catalogue: fails on a damaged database
        except Exception as exc:  # noqa: BLE001 - any failure here means a damaged store
            raise IndexError_(f"the vector store in {self.path} cannot be opened ({exc.__class__.__name__})") from exc

    @property
    def where(self) -> str:
        return f"the Chroma server {self.url}" if self.url else str(self.path)

    def failure(self, exc: BaseException) -> Exception:
        """A server that cannot be reached is `BackendUnavailable` (503, try again), anything else `IndexError_`."""
        if self.url:
            return chroma_failure(self.url, exc)
        return IndexError_(f"the vector store in {self.where} cannot be used ({exc.__class__.__name__})")

    # the pointer on a server -----------------------------------------------------------------------
    def read_pointer(self) -> dict | None:
        """The meta of the complete index on the server (None when none was recorded yet)."""
        import json

        try:
            pointer = self.client.get_collection(POINTER, embedding_function=_chroma_ef(self.embedder))
        except Exception as exc:  # noqa: BLE001 - chroma raises NotFoundError/ValueError for a missing one
            if self.url:
                problem = self.failure(exc)
                if isinstance(problem, BackendUnavailable):
                    raise problem from exc
            return None
        try:
            meta = json.loads((pointer.metadata or {}).get("meta", ""))
        except ValueError:
            return None
        return meta if isinstance(meta, dict) else None

    def write_pointer(self, meta: dict) -> None:
        """Record `meta` as the complete index: one metadata update, seen by every reader at once."""
        import json

        text = json.dumps(meta)
        try:
            pointer = self.client.get_or_create_collection(
                POINTER, embedding_function=_chroma_ef(self.embedder), metadata={"meta": text}
            )
            pointer.modify(metadata={"meta": text})
        except Exception as exc:  # noqa: BLE001
            raise self.failure(exc) from exc

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
        other.url = self.url
        try:
            if create:
                other.collection = self._get_or_create(name)
            else:
                other.collection = self.client.get_collection(name, embedding_function=_chroma_ef(self.embedder))
        except Exception as exc:  # noqa: BLE001 - a missing collection, or a store that cannot be used
            problem = self.failure(exc)
            if isinstance(problem, BackendUnavailable):
                raise problem from exc
            raise IndexError_(
                f"the index collection {name!r} in {self.where} cannot be used ({exc.__class__.__name__})"
            ) from exc
        return other

    def collection_names(self) -> list[str]:
        try:
            names = self.client.list_collections()
        except Exception as exc:  # noqa: BLE001
            raise self.failure(exc) from exc
        return [n if isinstance(n, str) else n.name for n in names]

    def drop(self, name: str) -> None:
        """Delete another collection of this store (never fails: a missing one is fine)."""
        try:
            self.client.delete_collection(name)
        except Exception as exc:  # noqa: BLE001 - clean-up only
            log.info("could not drop collection %s: %s", name, exc)

    def prune_orphans(self) -> int:
        """Remove segment directories of dropped collections (Chroma deletes the catalogue rows but leaves the
        files); only UUID-named directories that no segment in the catalogue refers to. Returns how many.
        A Chroma server manages its own files: nothing to do there."""
        if self.url:
            return 0
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
        """Release this client (Chroma shares one per path per process; the last close stops it). A server
        client is kept for the process (one per URL)."""
        if self.url:
            return
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

    def entries(self, batch: int = PAGE) -> Iterator[tuple[str, list[float], str, dict]]:
        """Every stored row (id, vector, document, metadata), read `batch` rows at a time: never the whole
        collection at once."""
        offset = 0
        while True:
            res = self.collection.get(include=["embeddings", "documents", "metadatas"], limit=batch, offset=offset)
            ids = res["ids"]
            embeddings = res["embeddings"] if res["embeddings"] is not None else []
            yield from (
                (str(i), list(e), d or "", dict(m or {}))
                for i, e, d, m in zip(ids, embeddings, res["documents"] or [], res["metadatas"] or [], strict=False)
            )
            if len(ids) < batch:
                return
            offset += batch

    def _sound(self, vector: Any) -> bool:
        return len(vector) == self.embedder.dim and bool(np.all(np.isfinite(vector)))

    def problem(self, passages: list[Passage], vectors: bool = False) -> str | None:
        """Why this collection is not a complete index of `passages` (None when it is): missing or extra rows,
        vectors of the wrong size or that are not finite numbers. `vectors=False` (opening an index) compares
        the ids and checks one stored vector; `vectors=True` (after a build) checks every vector, page by page."""
        try:
            stored = self.existing_ids()
            desired = {chroma_id(p) for p in passages}
            missing, extra = len(desired - stored), len(stored - desired)
            if missing or extra:
                return f"{missing} passages missing and {extra} out of date in the vector store"
            if vectors:
                bad = sum(1 for _, v, _, _ in self.entries() if not self._sound(v))
            else:
                sample = self.collection.get(include=["embeddings"], limit=1)["embeddings"]
                bad = sum(1 for v in (sample if sample is not None else []) if not self._sound(v))
        except Exception as exc:  # noqa: BLE001 - a store that cannot be read is damaged
            problem = self.failure(exc)
            if isinstance(problem, BackendUnavailable):
                raise problem from exc
            return f"the stored vectors cannot be read ({exc.__class__.__name__})"
        return f"{bad} stored vectors are damaged" if bad else None

    def copy_from(self, other: ChromaStore, passages: list[Passage]) -> int:
        """Copy the rows of `passages` that `other` already holds with a sound vector (no re-embedding),
        page by page."""
        wanted = {chroma_id(p) for p in passages}
        copied = 0
        try:
            for page in _pages(other.entries(), PAGE):
                rows = [r for r in page if r[0] in wanted and self._sound(r[1])]
                if rows:
                    self.collection.upsert(
                        ids=[r[0] for r in rows],
                        embeddings=[r[1] for r in rows],
                        documents=[r[2] for r in rows],
                        metadatas=[r[3] for r in rows],
                    )
                    copied += len(rows)
        except Exception as exc:  # noqa: BLE001 - nothing (more) reusable in a store that cannot be read
            log.info("could not copy from %s: %s", other.name, exc)
        return copied

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
            vectors = self.embedder.embed_passages([p.embed_text() for p in batch])
            self.collection.upsert(
                ids=[chroma_id(p) for p in batch],
                embeddings=[v.tolist() for v in vectors],
                documents=[p.text for p in batch],
                metadatas=[_metadata(p) for p in batch],
            )
            if bar:
                bar.update(len(batch))
        if bar:
            bar.close()
        return {"added": len(todo), "deleted": len(stale), "unchanged": len(desired) - len(todo)}

    def add_vectors(self, passages: list[Passage], vectors: list[list[float]]) -> None:
        """Store vectors made elsewhere (the benchmark's synthetic corpus), with the same ids and metadata
        as `sync` writes."""
        for start in range(0, len(passages), PAGE):
            batch = passages[start : start + PAGE]
            self.collection.upsert(
                ids=[chroma_id(p) for p in batch],
                embeddings=vectors[start : start + PAGE],
                documents=[p.text for p in batch],
                metadatas=[_metadata(p) for p in batch],
            )

    def query(self, vector: np.ndarray, k: int, year: int | None = None) -> list[tuple[str, float]]:
        """The `k` nearest passages by Chroma's HNSW index: (passage id, cosine similarity), best first;
        `year` as a `where` filter. A collection that no longer exists is `IndexError_`, a Chroma server that
        cannot be reached `BackendUnavailable`."""
        try:
            n = min(k, self._size())
            if n <= 0:
                return []
            res = self.collection.query(
                query_embeddings=[np.asarray(vector, dtype=np.float32).tolist()],
                n_results=n,
                where={"year": int(year)} if year is not None else None,
                include=["distances"],  # the passage id is in the Chroma id: no metadata to fetch
            )
        except Exception as exc:  # noqa: BLE001 - chromadb raises many kinds here
            raise self.failure(exc) from exc
        ids = res["ids"][0] if res["ids"] else []
        dists = res["distances"][0] if res["distances"] else []
        return [(passage_id(i), 1.0 - float(d)) for i, d in zip(ids, dists, strict=False)]

    def _size(self) -> int:
        """The row count, read once (a collection is never changed after its build)."""
        size = getattr(self, "_count", None)
        if size is None:
            size = self._count = self.count()
        return size


def _metadata(p: Passage) -> dict[str, Any]:
    return {"passage_id": p.id, "clause_id": p.clause_id, "doc": p.doc, "year": p.year}


def _pages(rows: Iterator[Any], size: int) -> Iterator[list[Any]]:
    page: list[Any] = []
    for row in rows:
        page.append(row)
        if len(page) == size:
            yield page
            page = []
    if page:
        yield page
