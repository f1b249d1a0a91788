"""Ingest: corpus manifests -> clauses -> passages."""

from assistant.ingest.corpus import Corpus, load_corpus

__all__ = ["Corpus", "load_corpus"]
