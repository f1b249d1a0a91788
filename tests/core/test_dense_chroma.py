"""Dense search is served by Chroma's HNSW index: every search queries the collection (the year filter is a
`where` clause), and nothing reads the collection whole into process memory."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.config import REPO_ROOT
from assistant.ingest import load_corpus
from assistant.retrieve.embedders import FakeEmbedder
from assistant.retrieve.index import build_index
from assistant.retrieve.store import PAGE


@pytest.fixture()
def spied(monkeypatch):
    """Every `get` and `query` a Chroma collection receives in this test."""
    from chromadb.api.models.Collection import Collection

    calls: dict[str, list[dict]] = {"get": [], "query": []}
    real_get, real_query = Collection.get, Collection.query

    def get(self, *args, **kwargs):
        calls["get"].append(kwargs)
        return real_get(self, *args, **kwargs)

    def query(self, *args, **kwargs):
        calls["query"].append(kwargs)
        return real_query(self, *args, **kwargs)

    monkeypatch.setattr(Collection, "get", get)
    monkeypatch.setattr(Collection, "query", query)
    return calls


def _reads_vectors_whole(call: dict) -> bool:
    include = call.get("include") or []
    limit = call.get("limit")
    return "embeddings" in include and not call.get("ids") and (limit is None or limit > PAGE)


def test_searches_query_chroma_and_never_read_the_collection_whole(tmp_path, spied):
    corpus, emb = load_corpus(REPO_ROOT / "corpus"), FakeEmbedder()
    build_index(tmp_path / "index", corpus, emb, progress=False)  # builds write and check page by page
    spied["get"].clear()
    index = build_index(tmp_path / "index", corpus, emb, progress=False)  # what a server does at start
    retriever = index.retriever
    assert not hasattr(retriever, "matrix")
    hits = retriever.search("gemiddeld aantal cliënten per postcodegebied", k=5)
    assert len(spied["query"]) == 1 and spied["query"][0]["where"] is None
    assert any(h.dense_rank is not None for h in hits)
    hits_2024 = retriever.search("nachtzorg bereikbaarheid", k=5, year=2024)
    assert spied["query"][-1]["where"] == {"year": 2024}
    assert hits_2024 and {h.passage.year for h in hits_2024} == {2024}
    whole = [c for c in spied["get"] if _reads_vectors_whole(c)]
    assert not whole, f"the collection was read whole: {whole}"


def test_the_build_checks_vectors_page_by_page(tmp_path, spied):
    corpus, emb = load_corpus(REPO_ROOT / "corpus"), FakeEmbedder()
    build_index(tmp_path / "index", corpus, emb, progress=False)
    assert any("embeddings" in (c.get("include") or []) for c in spied["get"])  # the build did check vectors
    assert not [c for c in spied["get"] if _reads_vectors_whole(c)]


def test_chroma_neighbours_match_exact_cosine_ranking(fake_assistant):
    """HNSW is approximate; on this corpus its top 10 must be the exact top 10 (and the year filter exact)."""
    retriever = fake_assistant.index.retriever
    emb = fake_assistant.index.embedder
    passages = fake_assistant.corpus.passages
    matrix = emb.embed_passages([p.embed_text() for p in passages])
    for query in ("postcodegebied cliënten gemiddelde", "onderaanneming zzp", "bijcontractering september"):
        vec = emb.embed_query(query)
        sims = matrix @ vec
        exact = [int(i) for i in np.argsort(-sims, kind="stable")[:10]]
        served = retriever.dense(vec, None)[:10]
        assert np.allclose(sorted(sims[served]), sorted(sims[exact]), atol=1e-5), query
        only_2024 = retriever.dense(vec, 2024)
        assert only_2024 and all(passages[i].year == 2024 for i in only_2024)
        best_2024 = max((i for i, p in enumerate(passages) if p.year == 2024), key=lambda i: sims[i])
        assert np.isclose(sims[only_2024[0]], sims[best_2024], atol=1e-5)


def test_a_retriever_whose_collection_was_dropped_follows_the_index(tmp_path):
    corpus, emb = load_corpus(REPO_ROOT / "corpus"), FakeEmbedder()
    first = build_index(tmp_path / "index", corpus, emb, progress=False)
    for _ in range(2):  # each build drops all but the new and the previous collection
        build_index(tmp_path / "index", corpus, emb, rebuild=True, progress=False)
    assert first.store.name not in first.store.collection_names()
    assert len(first.retriever.search("postcodegebied", k=5)) == 5
    assert first.retriever.store.name != first.store.name
