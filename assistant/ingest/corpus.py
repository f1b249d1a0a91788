"""Load the policy corpus: one text file + one TOML manifest per document."""

from __future__ import annotations

import hashlib
import logging
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from assistant.domain import Clause, Document, Passage, collapse_ws
from assistant.errors import ConfigError, InvalidInput, NotFound
from assistant.ingest.params import PARAMS_SUFFIX, PolicySet, corpus_stamp, load_policy, remember
from assistant.ingest.parser import parse_document
from assistant.ingest.tables import Table

log = logging.getLogger(__name__)


@dataclass
class Corpus:
    """All documents with their clauses and passages, loaded from a corpus directory."""

    directory: Path
    documents: list[Document]
    texts: dict[str, str]  # doc id -> raw text
    clauses: list[Clause]
    passages: list[Passage]
    warnings: list[str] = field(default_factory=list)
    policy: PolicySet = field(default_factory=lambda: PolicySet([]))  # the documents' parameters (params.py)
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # views other layers build once
    tables: list[Table] = field(default_factory=list)  # the tables of the passages, read into header and rows

    @cached_property
    def clause_by_id(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}

    @cached_property
    def passage_by_id(self) -> dict[str, Passage]:
        return {p.id: p for p in self.passages}

    @cached_property
    def table_by_passage(self) -> dict[str, Table]:
        return {t.passage_id: t for t in self.tables}

    def table_for(self, passage_id: str) -> Table | None:
        """The table a passage holds (header and rows of cells), or None for a passage of running text."""
        return self.table_by_passage.get(passage_id)

    @cached_property
    def passages_of_clause(self) -> dict[str, list[Passage]]:
        """Each clause's passages in their order."""
        out: dict[str, list[Passage]] = {}
        for p in self.passages:
            out.setdefault(p.clause_id, []).append(p)
        return out

    def tables_in(self, clause_id: str) -> list[Table]:
        return [t for t in self.tables if t.clause_id == clause_id]

    def outside_scope(self, text: str) -> frozenset[tuple[str, str]]:
        """The (doc, section) of the sections that apply to one group only (a manifest's `scopes`) whose group `text`
        does not name: "wanneer leveren we de kwaliteitsinformatie aan?" is not about Bijlage 2 (medische kindzorg)."""
        return frozenset(k for k, named in self.scopes_named(text).items() if not named)

    def scopes_named(self, text: str) -> dict[tuple[str, str], bool]:
        """Each section for one group only (doc, section) -> whether `text` names its group ("wij doen medische
        kindzorg ...")."""
        from assistant.text.quantities import fold, word_pattern

        folded = fold(text)
        return {
            (d.id, section): any(word_pattern(fold(w)).search(folded) for w in words)
            for d in self.documents
            for section, words in d.scopes.items()
        }

    @cached_property
    def doc_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    @cached_property
    def collapsed_texts(self) -> dict[str, str]:
        return {doc_id: collapse_ws(t) for doc_id, t in self.texts.items()}

    @cached_property
    def collapsed_clause_texts(self) -> dict[str, str]:
        return {c.id: collapse_ws(c.text) for c in self.clauses}

    @property
    def years(self) -> list[int]:
        return sorted({d.year for d in self.documents})

    @property
    def current_year(self) -> int:
        current = [d.year for d in self.documents if d.status == "current"]
        return max(current or self.years)

    @cached_property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        for d in sorted(self.documents, key=lambda d: d.id):
            h.update(d.model_dump_json().encode())
            h.update(self.texts[d.id].encode())
        for p in self.passages:  # the parser's output too: a parser change means a re-sync
            h.update(p.model_dump_json().encode())
        return h.hexdigest()[:16]

    def clause(self, clause_id: str) -> Clause:
        try:
            return self.clause_by_id[clause_id]
        except KeyError:
            raise NotFound(f"unknown clause id {clause_id!r}") from None

    def check_year(self, year: int | None) -> int | None:
        if year is not None and year not in self.years:
            raise InvalidInput(
                f"year {year} is not in the corpus; available years: " + ", ".join(str(y) for y in self.years),
                details={"allowed": self.years},
            )
        return year

    def doc_for_year(self, year: int) -> list[Document]:
        return [d for d in self.documents if d.year == year]

    def quote_in_clause(self, quote: str, clause_id: str) -> bool:
        text = self.collapsed_clause_texts.get(clause_id)
        return bool(text) and collapse_ws(quote) in text

    def find_quote(self, quote: str) -> list[Clause]:
        q = collapse_ws(quote)
        return [c for c in self.clauses if q in self.collapsed_clause_texts[c.id]]

    def doc_by_source_name(self, name: str) -> Document | None:
        for d in self.documents:
            if name in (d.source_name, d.file, d.id):
                return d
        return None


def _read_manifest(path: Path) -> Document:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Document(**data)
    except Exception as exc:  # noqa: BLE001 - one readable line for a broken manifest
        raise ConfigError(f"corpus manifest {path.name} is invalid: {exc}") from exc


def load_corpus(directory: Path) -> Corpus:
    """Read every `*.toml` manifest in `directory`, parse the text file it names and load and check the
    document's parameters (`<manifest>.params.toml`): a quote that is not in its clause fails the load."""
    directory = Path(directory)
    stamp = corpus_stamp(directory) if directory.is_dir() else ()
    manifests = sorted(m for m in directory.glob("*.toml") if not m.name.endswith(PARAMS_SUFFIX))
    if not manifests:
        raise ConfigError(f"no corpus manifests (*.toml) found in {directory}")
    documents, texts, clauses, passages, warnings, tables = [], {}, [], [], [], []
    manifest_of: dict[str, Path] = {}
    for m in manifests:
        doc = _read_manifest(m)
        manifest_of[doc.id] = m
        text_path = directory / doc.file
        if not text_path.is_file():
            raise ConfigError(f"manifest {m.name} names {doc.file}, which is not in {directory}")
        raw = text_path.read_bytes().decode("utf-8", errors="strict")
        parsed = parse_document(doc, raw)
        documents.append(doc)
        texts[doc.id] = raw
        clauses.extend(parsed.clauses)
        passages.extend(parsed.passages)
        tables.extend(parsed.tables)
        for w in parsed.warnings:
            log.warning("%s: %s", doc.file, w)
            warnings.append(f"{doc.file}: {w}")
    corpus = Corpus(directory, documents, texts, clauses, passages, warnings, tables=tables)
    corpus.policy = load_policy(corpus, manifest_of)
    remember(directory, stamp, corpus.policy)
    return corpus
