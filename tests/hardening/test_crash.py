"""Crash safety.

- kill -9 of the server in the middle of a stream of feedback writes: every row acknowledged with HTTP 200
  is there after a restart, and the database passes SQLite's integrity check.
- A deleted or corrupted index directory is detected at start and rebuilt with a message, never a crash
  (the server, the CLI, and the library in process: garbage database, missing rows, a collection that
  meta.json names but that is gone, a build that died half way).
- A re-index builds aside and swaps atomically: readers that open the index from disk while it is rebuilt,
  again and again, always find a complete index (every passage, sound vectors) and get search results;
  an Index opened before a rebuild keeps answering after it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from assistant.config import REPO_ROOT
from assistant.errors import IndexError_
from assistant.ingest import load_corpus
from assistant.retrieve.embedders import FakeEmbedder
from assistant.retrieve.index import META, build_index
from assistant.retrieve.store import ChromaStore, chroma_id

TOKEN = "crash-admin-token-5d1e0b7c"


# ---------------------------------------------------------------------------------- kill -9 and writes
@pytest.mark.slow
def test_acknowledged_feedback_survives_kill_9(start_server, tmp_path):
    data_dir = tmp_path / "data"
    server = start_server(data_dir, ASSISTANT_ADMIN_TOKEN=TOKEN)
    acked: dict[int, str] = {}
    lock = threading.Lock()
    stop = threading.Event()

    def writer(n: int) -> None:
        with httpx.Client(base_url=server.base, timeout=10) as c:
            i = 0
            while not stop.is_set():
                comment = f"w{n}-{i}"
                i += 1
                try:
                    r = c.post("/api/feedback", json={"rating": "up" if i % 2 else "down", "comment": comment})
                except httpx.HTTPError:
                    return  # the server is gone: this write was never acknowledged
                if r.status_code == 200:
                    with lock:
                        acked[r.json()["id"]] = comment

    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(writer, n) for n in range(8)]
        deadline = time.monotonic() + 30
        while len(acked) < 150 and time.monotonic() < deadline:
            time.sleep(0.02)
        server.kill9()  # mid-stream: requests are in flight
        stop.set()
        for f in futures:
            f.result(timeout=30)
    assert len(acked) >= 150, "too few writes before the kill to mean anything"

    with sqlite3.connect(data_dir / "assistant.sqlite3") as db:  # what is on disk, before any restart
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    restarted = start_server(data_dir, ASSISTANT_ADMIN_TOKEN=TOKEN)
    listed = httpx.get(
        f"{restarted.base}/api/feedback", params={"limit": 5000}, headers={"Authorization": f"Bearer {TOKEN}"}
    ).json()["feedback"]
    stored = {row["id"]: row["comment"] for row in listed}
    missing = {i: c for i, c in acked.items() if stored.get(i) != c}
    assert not missing, f"{len(missing)} acknowledged rows lost, e.g. {list(missing.items())[:5]}"
    assert httpx.post(f"{restarted.base}/api/feedback", json={"rating": "up"}).status_code == 200


# ---------------------------------------------------------------------------- damaged index at start
@pytest.mark.slow
def test_server_start_detects_a_deleted_or_corrupted_index_and_rebuilds(start_server, tmp_path):
    data_dir = tmp_path / "data"
    start_server(data_dir).stop()  # builds the index
    chroma_db = data_dir / "index" / "chroma" / "chroma.sqlite3"
    assert chroma_db.is_file()

    chroma_db.write_bytes(b"this is not a database" * 5000)  # corrupted
    server = start_server(data_dir)
    assert httpx.get(f"{server.base}/api/search", params={"q": "postcodegebied"}).json()["hits"]
    log = server.log()
    assert "index damaged" in log and "rebuilding" in log and "Traceback" not in log, log[-3000:]
    server.stop()

    shutil.rmtree(data_dir / "index")  # deleted
    server = start_server(data_dir)
    assert httpx.get(f"{server.base}/api/search", params={"q": "postcodegebied"}).json()["hits"]
    log = server.log()
    assert "building index: no index yet" in log and "Traceback" not in log, log[-3000:]


@pytest.mark.slow
def test_cli_index_explains_and_rebuilds_a_damaged_index(cli, tmp_path):
    # the module's CLI data dir: build it, then damage it in two ways
    out = cli("index")
    assert out.returncode == 0, out.stderr
    data_dir = cli.data_dir
    (data_dir / "index" / "chroma" / "chroma.sqlite3").write_bytes(b"\0garbage" * 1000)
    out = cli("index")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert "index damaged (the vector store" in out.stdout and "rebuilding" in out.stdout, out.stdout
    meta = json.loads((data_dir / "index" / META).read_text())
    meta["collection"] = "passages-vanished"
    (data_dir / "index" / META).write_text(json.dumps(meta))
    out = cli("index")
    assert out.returncode == 0 and "building index: the index collection is missing" in out.stdout, out.stdout
    shutil.rmtree(data_dir / "index")
    out = cli("index")
    assert out.returncode == 0 and "building index: no index yet" in out.stdout, out.stdout
    out = cli("index")
    assert out.returncode == 0 and "building index" not in out.stdout  # and then it is simply there


# ---------------------------------------------------------------------------------- in process
@pytest.fixture
def corpus_copy(tmp_path):
    d = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "corpus", d)
    return d


class CountingEmbedder(FakeEmbedder):
    def __init__(self) -> None:
        self.calls = 0

    def embed_passages(self, texts):
        self.calls += len(texts)
        return super().embed_passages(texts)


def test_missing_rows_are_rebuilt_without_re_embedding_the_rest(tmp_path, corpus_copy):
    corpus, emb = load_corpus(corpus_copy), CountingEmbedder()
    idx = build_index(tmp_path / "index", corpus, emb, progress=False)
    first = emb.calls
    idx.store.collection.delete(ids=[chroma_id(p) for p in corpus.passages[:5]])  # a partial loss
    again = build_index(tmp_path / "index", corpus, emb, progress=False)
    assert emb.calls - first == 5 and again.store.count() == len(corpus.passages)
    assert any("index damaged (5 passages missing" in m for m in again.messages), again.messages
    assert again.store.name != idx.store.name  # built aside


def test_a_build_that_died_half_way_leaves_the_previous_index_in_use(tmp_path, corpus_copy, monkeypatch):
    corpus, emb = load_corpus(corpus_copy), CountingEmbedder()
    idx = build_index(tmp_path / "index", corpus, emb, progress=False)
    meta_before = (tmp_path / "index" / META).read_text()

    def die(self, passages, progress=True):
        self.collection.upsert(  # a few rows land, then the process "dies"
            ids=[chroma_id(p) for p in passages[:3]],
            embeddings=[v.tolist() for v in emb.embed_passages([p.embed_text() for p in passages[:3]])],
        )
        raise KeyboardInterrupt

    monkeypatch.setattr(ChromaStore, "sync", die)
    with pytest.raises(KeyboardInterrupt):
        build_index(tmp_path / "index", corpus, emb, rebuild=True, progress=False)
    monkeypatch.undo()
    assert (tmp_path / "index" / META).read_text() == meta_before  # meta.json still names the old, complete one
    reopened = build_index(tmp_path / "index", corpus, emb, progress=False)
    assert reopened.store.name == idx.store.name and reopened.store.problem(corpus.passages) is None
    names = reopened.store.collection_names()
    assert len(names) == 2  # the complete index and the half-built orphan (dropped by the next build)
    for _ in range(3):
        build_index(tmp_path / "index", corpus, emb, rebuild=True, progress=False)
    chroma_dir = tmp_path / "index" / "chroma"
    assert len(ChromaStore(chroma_dir, emb, collection=None).collection_names()) == 2  # the orphan is gone
    segment_dirs = [d for d in chroma_dir.iterdir() if d.is_dir()]
    assert len(segment_dirs) <= 2, segment_dirs  # dropped collections leave no files behind


def test_garbage_store_is_replaced_in_the_same_process(tmp_path, corpus_copy):
    corpus, emb = load_corpus(corpus_copy), FakeEmbedder()
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    (index_dir / "chroma").mkdir()
    (index_dir / "chroma" / "chroma.sqlite3").write_bytes(b"garbage" * 10_000)
    (index_dir / META).write_text(json.dumps({"format": 1, "embedder": emb.id, "complete": True}))
    idx = build_index(index_dir, corpus, emb, progress=False)
    assert any("index damaged" in m for m in idx.messages) and idx.store.problem(corpus.passages) is None
    assert idx.retriever.search("postcodegebied", k=3)


# ------------------------------------------------------------------------------ atomic swap
def open_from_disk(index_dir, corpus, emb) -> tuple[ChromaStore, str]:
    """What another process does: read meta.json, open the collection it names (never create one)."""
    meta = json.loads((index_dir / META).read_text(encoding="utf-8"))
    store = ChromaStore(index_dir / "chroma", emb, collection=None).use(meta["collection"], create=False)
    problem = store.problem(corpus.passages)
    if problem:
        raise AssertionError(f"meta.json names an incomplete index: {problem}")
    return store, store.name


def dense_search(store: ChromaStore, emb, query: str, k: int = 5) -> list[str]:
    return [pid for pid, _ in store.query(emb.embed_query(query), k)]


def test_readers_never_see_half_an_index_during_rebuilds(tmp_path, corpus_copy):
    corpus, emb = load_corpus(corpus_copy), FakeEmbedder()
    index_dir = tmp_path / "index"
    first = build_index(index_dir, corpus, emb, progress=False)
    stop = threading.Event()
    failures: list[str] = []
    seen: set[str] = set()
    reads = {"n": 0, "retried": 0}

    def reader() -> None:
        while not stop.is_set():
            try:
                store, name = open_from_disk(index_dir, corpus, emb)
            except IndexError_:  # the named collection was dropped between reading meta and opening: re-read
                reads["retried"] += 1
                continue
            except Exception as exc:  # noqa: BLE001 - collected and reported below
                failures.append(f"{type(exc).__name__}: {exc}")
                continue
            hits = dense_search(store, emb, "postcodegebied cliënten")
            if len(hits) != 5 or store.count() != len(corpus.passages):
                failures.append(f"incomplete results from {name}")
            seen.add(name)
            reads["n"] += 1

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for _ in range(2):
            build_index(index_dir, corpus, emb, rebuild=True, progress=False)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    assert not failures, failures[:5]
    assert reads["n"] >= 6 and len(seen) >= 2, (reads, seen)  # the readers did overlap the rebuilds
    assert reads["retried"] <= reads["n"]
    # an Index opened before the rebuilds keeps working (its collection was dropped: it follows the index)
    assert len(first.retriever.search("postcodegebied", k=5)) == 5
