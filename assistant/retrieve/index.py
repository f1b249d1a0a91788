"""Build or open the index: corpus -> passages -> Chroma (dense) + BM25 (in memory).

The embedder id, the corpus hash and the name of the Chroma collection that holds the index are stored in
`meta.json` beside the Chroma files. Every change is built aside: a new collection (`passages-<stamp>`)
is filled (vectors of unchanged passages are copied, only new or changed passages are embedded), checked,
and only then recorded in `meta.json` (written to a temporary file and swapped in with `os.replace`). A
reader therefore always finds a complete index: the previous one until the swap, the new one after it.
The collection before the swap is kept for readers that still hold it; older ones are dropped.

An unchanged corpus re-embeds nothing; a different embedder, a missing, unreadable or damaged store
(missing rows, vectors of the wrong size or not finite) triggers a rebuild with a message, never a crash.
One build at a time per index directory (an advisory lock file); readers never wait for it.

With `ASSISTANT_CHROMA_URL` the collections live on a Chroma server and the record of the complete one is
kept on the server too (`ChromaStore.read_pointer` / `write_pointer`, one metadata update, the same swap),
so every API worker, on any host, finds the same complete index; `current_collection` is what a server
polls to pick up a new build. Run builds against one server from one place at a time (the lock is local).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.config import Settings
from assistant.errors import AssistantError, IndexError_
from assistant.ingest.corpus import Corpus, load_corpus
from assistant.retrieve.embedders import Embedder, make_embedder
from assistant.retrieve.hybrid import HybridRetriever
from assistant.retrieve.store import COLLECTION, ChromaStore, check_server, chroma_failure

log = logging.getLogger(__name__)
META = "meta.json"
LOCK = ".build.lock"
FORMAT = 1  # indexes without a `collection` in meta.json use the original collection name


@dataclass
class Index:
    corpus: Corpus
    embedder: Embedder
    store: ChromaStore
    retriever: HybridRetriever
    meta: dict
    messages: list[str] = field(default_factory=list)


def _write_meta(path: Path, meta: dict) -> None:
    """Atomic: a reader sees the old file or the new one, never half of one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:6]}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(json.dumps(meta, indent=2))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    with contextlib.suppress(OSError):  # make the rename itself durable
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _read_meta(path: Path) -> dict | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _why_rebuild(meta: dict | None, embedder: Embedder, store_dir: Path | None) -> str | None:
    """`store_dir=None`: the store is on a Chroma server (its pointer is the only record)."""
    if store_dir is None and meta is None:
        return "no index on the Chroma server yet"
    if store_dir is not None and not store_dir.exists():
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


@contextlib.contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    """One builder per index directory across processes (advisory; a no-op where fcntl is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with (index_dir / LOCK).open("a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _open_client(chroma_dir: Path, embedder: Embedder, messages: list[str]) -> tuple[ChromaStore, bool]:
    """The Chroma client of the index (no collection yet); a store that cannot be opened is moved out of the
    way and started afresh. Returns (store, was_damaged)."""
    try:
        return ChromaStore(chroma_dir, embedder, collection=None), False
    except IndexError_ as exc:
        messages.append(f"index damaged ({exc.message}); rebuilding")
        log.info("index damaged (%s); rebuilding", exc.message)
        _discard(chroma_dir)
        return ChromaStore(chroma_dir, embedder, collection=None), True


def _discard(chroma_dir: Path) -> None:
    ChromaStore.forget(chroma_dir)
    if chroma_dir.exists():
        aside = chroma_dir.with_name(f"{chroma_dir.name}.damaged-{uuid.uuid4().hex[:6]}")
        os.replace(chroma_dir, aside)  # atomic; then removed
        shutil.rmtree(aside, ignore_errors=True)


def _new_collection_name() -> str:
    return f"{COLLECTION}-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"


_OPEN: dict[tuple[str, str, str], Index] = {}  # one Chroma client per path or server per process


def _key(settings: Settings) -> tuple[str, str, str]:
    return (str(settings.index_dir.resolve()), settings.embedder, settings.chroma_url or "")


def open_index(settings: Settings, rebuild: bool = False, progress: bool = True) -> Index:
    key = _key(settings)
    if not rebuild and key in _OPEN:
        return _OPEN[key]
    return _build(settings, rebuild, progress)


def _build(settings: Settings, rebuild: bool, progress: bool) -> Index:
    """Load the corpus and embedder, sync (or rebuild) the index, and remember it as the open one."""
    if settings.chroma_url:
        check_server(settings.chroma_url)  # unreachable: one clear error, before the embedder loads
    corpus = load_corpus(settings.corpus_dir)
    embedder = make_embedder(settings.embedder)
    index = build_index(
        settings.index_dir, corpus, embedder, rebuild=rebuild, progress=progress, chroma_url=settings.chroma_url
    )
    _OPEN[_key(settings)] = index
    return index


def current_collection(settings: Settings) -> str | None:
    """The collection of the complete index as recorded now (meta.json, or the pointer on the Chroma server):
    a server compares it with the one it holds to pick up a build made elsewhere. Cheap; raises
    `BackendUnavailable` when the Chroma server cannot be reached."""
    if settings.chroma_url:
        server = ChromaStore(settings.index_dir / "chroma", _PointerOnly(), None, url=settings.chroma_url)  # type: ignore[arg-type]
        meta = server.read_pointer()
    else:
        meta = _read_meta(settings.index_dir / META)
    return None if meta is None else str(meta.get("collection") or COLLECTION)


class _PointerOnly:
    """What `ChromaStore` needs of an embedder to read the pointer (no model is loaded for that)."""

    id = "pointer-only"
    dim = 0

    def embed_passages(self, texts: list[str]) -> list:  # pragma: no cover - the pointer holds no vectors
        raise NotImplementedError

    def embed_query(self, text: str) -> list:  # pragma: no cover
        raise NotImplementedError


def reindex(settings: Settings, full: bool = False, progress: bool = False) -> Index:
    """Re-read the corpus and build the index aside, then swap it in (see the module docstring).
    `full=True` re-embeds every passage; otherwise only new or changed ones. Readers of the previous
    Index keep working: its vectors are in memory and its collection is kept until the next build."""
    return _build(settings, rebuild=full, progress=progress)


def _existing(base: ChromaStore, name: str | None) -> ChromaStore | None:
    """The collection `name` when it exists (never created here)."""
    if not name:
        return None
    try:
        return base.use(name, create=False)
    except IndexError_:
        return None


def _current(meta: dict | None, reason: str | None) -> str | None:
    return None if reason or meta is None else str(meta.get("collection") or COLLECTION)


def build_index(
    index_dir: Path,
    corpus: Corpus,
    embedder: Embedder,
    rebuild: bool = False,
    progress: bool = True,
    chroma_url: str | None = None,
) -> Index:
    """Open the index, building (aside) what is missing or out of date. `chroma_url`: on that Chroma server."""
    try:
        return _build_index(Path(index_dir), corpus, embedder, rebuild, progress, chroma_url)
    except AssistantError:
        raise
    except Exception as exc:
        if chroma_url:  # the server went away or refused a request midway
            raise chroma_failure(chroma_url, exc) from exc
        raise


def _build_index(
    index_dir: Path, corpus: Corpus, embedder: Embedder, rebuild: bool, progress: bool, chroma_url: str | None
) -> Index:
    index_dir.mkdir(parents=True, exist_ok=True)
    chroma_dir = index_dir / "chroma"
    meta_path = index_dir / META
    messages: list[str] = list(corpus.warnings)
    server = ChromaStore(chroma_dir, embedder, collection=None, url=chroma_url) if chroma_url else None

    def read() -> dict | None:
        return server.read_pointer() if server else _read_meta(meta_path)

    def plan() -> tuple[dict | None, str | None]:
        meta = read()
        return meta, (
            "rebuild requested" if rebuild else _why_rebuild(meta, embedder, None if chroma_url else chroma_dir)
        )

    meta, reason = plan()  # before the client opens: that creates the directory whose absence is a reason
    base, damaged = (server, False) if server else _open_client(chroma_dir, embedder, messages)
    if damaged:
        reason = reason or "the vector store was damaged"
    current = _current(meta, reason)
    store = _existing(base, current)
    problem = "the index collection is missing" if store is None else store.problem(corpus.passages)
    if problem is None and (meta or {}).get("corpus_hash") == corpus.content_hash:
        retriever = _retriever(index_dir, corpus, store, embedder, base, read)  # type: ignore[arg-type]
        return Index(corpus, embedder, store, retriever, meta or {}, messages)  # type: ignore[arg-type]

    with _build_lock(index_dir):
        again = read()
        if again != meta:  # another process built the index while we waited: judge its build
            meta, reason = plan()
        current = _current(meta, reason)
        store = _existing(base, current)
        if reason:
            messages.append(f"building index: {reason}")
            log.info("building index: %s", reason)
        elif store is None:
            messages.append("building index: the index collection is missing")
            where = "the Chroma server" if server else chroma_dir / "chroma.sqlite3"
            log.warning("index damaged (collection %s missing from %s); rebuilding", current or COLLECTION, where)
        else:
            problem = store.problem(corpus.passages)
            if problem is None and meta and meta.get("corpus_hash") == corpus.content_hash:
                retriever = _retriever(index_dir, corpus, store, embedder, base, read)
                return Index(corpus, embedder, store, retriever, meta, messages)
            if problem and meta and meta.get("corpus_hash") == corpus.content_hash:
                messages.append(f"index damaged ({problem}); rebuilding the damaged part")
                log.info("index damaged (%s); rebuilding the damaged part", problem)
        new, meta = _build_aside(base, store, corpus, embedder, progress, messages)
        if server:
            server.write_pointer(meta)
        else:
            _write_meta(meta_path, meta)
        previous = str((again or {}).get("collection") or COLLECTION)  # readers may still be opening it
        _drop_old(base, keep={new.name, previous})
    retriever = _retriever(index_dir, corpus, new, embedder, base, read)
    return Index(corpus, embedder, new, retriever, meta, messages)


def _retriever(
    index_dir: Path,
    corpus: Corpus,
    store: ChromaStore,
    embedder: Embedder,
    base: ChromaStore,
    read: Callable[[], dict | None],
) -> HybridRetriever:
    """The retriever over `store`; the BM25 index is kept in `index_dir` (built once per corpus). When later
    builds drop `store`'s collection while this retriever is still in use, it follows the index to the
    collection recorded as complete now."""

    def reopen() -> ChromaStore | None:
        meta = read()
        name = None if meta is None else str(meta.get("collection") or COLLECTION)
        return _existing(base, name) if name and name != store.name else None

    return HybridRetriever(corpus, store, embedder, cache_dir=index_dir, reopen=reopen)


def _build_aside(
    base: ChromaStore,
    previous: ChromaStore | None,
    corpus: Corpus,
    embedder: Embedder,
    progress: bool,
    messages: list[str],
) -> tuple[ChromaStore, dict]:
    """Fill a new collection (copy what `previous` holds soundly, embed the rest), check it, return it
    with the meta.json that records it. Nothing a reader looks at changes here."""
    started = time.perf_counter()
    new = base.use(_new_collection_name())
    copied = new.copy_from(previous, corpus.passages) if previous is not None else 0
    stats = new.sync(corpus.passages, progress=progress)
    problem = new.problem(corpus.passages, vectors=True)
    if problem:
        base.drop(new.name)
        raise IndexError_(f"the new index is incomplete ({problem}); the previous index is still in use")
    removed = max(0, (previous.count() if previous is not None else 0) - copied)
    stats = {"added": stats["added"], "deleted": removed, "unchanged": copied}
    meta = {
        "format": FORMAT,
        "embedder": embedder.id,
        "corpus_hash": corpus.content_hash,
        "collection": new.name,
        "passages": len(corpus.passages),
        "clauses": len(corpus.clauses),
        "complete": True,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "last_sync": stats,
        "build_seconds": round(time.perf_counter() - started, 2),
    }
    messages.append(
        f"index synced: {stats['added']} embedded, {stats['deleted']} removed, {stats['unchanged']} unchanged"
    )
    return new, meta


def _drop_old(base: ChromaStore, keep: set[str]) -> None:
    """Drop the collections of earlier builds (and of builds that never finished), keeping `keep`, and
    the files they leave behind."""
    for name in base.collection_names():
        if name not in keep and (name == COLLECTION or name.startswith(f"{COLLECTION}-")):
            base.drop(name)
    base.prune_orphans()
