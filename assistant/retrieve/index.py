"""Build or open the index: corpus -> passages -> Chroma (dense) + BM25 (in memory).

The embedder id and the corpus hash are stored in `meta.json` beside the Chroma files. An unchanged
corpus re-embeds nothing; a changed passage re-embeds only itself; a different embedder, a missing or
corrupt store triggers a rebuild (with a message, never a crash).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from assistant.config import Settings
from assistant.errors import IndexError_
from assistant.ingest.corpus import Corpus, load_corpus
from assistant.retrieve.embedders import Embedder, make_embedder
from assistant.retrieve.hybrid import HybridRetriever
from assistant.retrieve.store import ChromaStore

log = logging.getLogger(__name__)
META = "meta.json"
FORMAT = 1


@dataclass
class Index:
    corpus: Corpus
    embedder: Embedder
    store: ChromaStore
    retriever: HybridRetriever
    meta: dict
    messages: list[str] = field(default_factory=list)


def _write_meta(path: Path, meta: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def _read_meta(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _why_rebuild(meta: dict | None, embedder: Embedder, store_dir: Path) -> str | None:
    if not store_dir.exists():
        return "no index yet"
    if meta is None:
        return "index metadata missing or unreadable (half-written index?)"
    if meta.get("format") != FORMAT:
        return "index format changed"
    if meta.get("embedder") != embedder.id:
        return f"embedder changed from {meta.get('embedder')} to {embedder.id}"
    if not meta.get("complete"):
        return "previous build did not finish"
    return None


def _open_store(index_dir: Path, embedder: Embedder, wipe: bool, damaged: bool = False) -> ChromaStore:
    chroma_dir = index_dir / "chroma"
    if damaged and chroma_dir.exists():
        shutil.rmtree(chroma_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    store = ChromaStore(chroma_dir, embedder)
    if wipe:
        store.reset()
    return store


_OPEN: dict[tuple[str, str], Index] = {}  # one Chroma client per path per process


def open_index(settings: Settings, rebuild: bool = False, progress: bool = True) -> Index:
    key = (str(settings.index_dir.resolve()), settings.embedder)
    if not rebuild and key in _OPEN:
        return _OPEN[key]
    corpus = load_corpus(settings.corpus_dir)
    embedder = make_embedder(settings.embedder)
    index = build_index(settings.index_dir, corpus, embedder, rebuild=rebuild, progress=progress)
    _OPEN[key] = index
    return index


def build_index(
    index_dir: Path, corpus: Corpus, embedder: Embedder, rebuild: bool = False, progress: bool = True
) -> Index:
    index_dir = Path(index_dir)
    messages: list[str] = list(corpus.warnings)
    meta_path = index_dir / META
    meta = _read_meta(meta_path)
    reason = "rebuild requested" if rebuild else _why_rebuild(meta, embedder, index_dir / "chroma")
    if reason:
        messages.append(f"building index: {reason}")
        log.info("building index: %s", reason)
    try:
        store = _open_store(index_dir, embedder, wipe=bool(reason))
    except IndexError_ as exc:
        messages.append(f"index damaged ({exc.message}); rebuilding")
        store = _open_store(index_dir, embedder, wipe=True, damaged=True)
        reason = reason or "damaged"
    started = time.perf_counter()
    if (
        reason
        or meta is None
        or meta.get("corpus_hash") != corpus.content_hash
        or store.count() != len(corpus.passages)
    ):
        _write_meta(meta_path, {"format": FORMAT, "embedder": embedder.id, "complete": False})
        stats = store.sync(corpus.passages, progress=progress)
        meta = {
            "format": FORMAT,
            "embedder": embedder.id,
            "corpus_hash": corpus.content_hash,
            "passages": len(corpus.passages),
            "clauses": len(corpus.clauses),
            "complete": True,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "last_sync": stats,
            "build_seconds": round(time.perf_counter() - started, 2),
        }
        _write_meta(meta_path, meta)
        messages.append(
            f"index synced: {stats['added']} embedded, {stats['deleted']} removed, {stats['unchanged']} unchanged"
        )
    retriever = HybridRetriever(corpus, store, embedder)
    return Index(corpus, embedder, store, retriever, meta or {}, messages)
