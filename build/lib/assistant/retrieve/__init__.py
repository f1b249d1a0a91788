"""Retrieval: embedders, the Chroma store, Dutch BM25, hybrid search, index build."""
