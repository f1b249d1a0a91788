"""Clause-by-clause differences between two policy documents (e.g. two years' Bijlage 1).

    from assistant.diff import diff_documents, diff_for
    d = diff_documents(corpus, old, new)                  # DocumentDiff: pairs, added, removed, moved
    d = diff_documents(corpus, old, new, section="1.5.2") # only what touches § 1.5.2 (in either numbering)
    pairs = diff_for(corpus, old, new, terms=["casemanagement", "dementie"])   # for answers

`old` and `new` are document ids ("wv<year>") or policy years as text.

Clauses are aligned by heading and content (`align.py`), not by number; within an aligned pair the sentences
are matched by content, changed sentences carry word-level segments, and changed numbers and education levels
are flagged (`emphasis`). Every sentence is verbatim from its document, with its clause id and line span.
Unknown documents or sections raise `NotFound` listing the valid ones.
"""

from __future__ import annotations

from assistant.diff.compare import compare, part, resolve_document
from assistant.diff.model import (
    Change,
    ChangedSentence,
    ClauseOnly,
    ClausePair,
    ClauseRef,
    DocumentDiff,
    MovedSentence,
    Segment,
    Sentence,
)
from assistant.diff.select import diff_for, filter_section, valid_sections
from assistant.errors import NotFound
from assistant.ingest.corpus import Corpus

__all__ = [
    "Change",
    "ChangedSentence",
    "ClauseOnly",
    "ClausePair",
    "ClauseRef",
    "DocumentDiff",
    "MovedSentence",
    "Segment",
    "Sentence",
    "diff_documents",
    "diff_for",
    "part",
    "resolve_document",
    "valid_sections",
]


def diff_documents(corpus: Corpus, before: str, after: str, section: str | None = None) -> DocumentDiff:
    """Compare document `before` with `after` (document ids or policy years as text); with `section`, keep only
    what touches that section in either document ("1.5.2", "bijlage-1/1.5.2", a clause id, "Bijlage 2", "1.5")."""
    diff = compare(corpus, before, after)
    if section is None or not section.strip():
        return diff
    filtered = filter_section(diff, section)
    if filtered is None:
        raise NotFound(
            f"unknown section {section!r} for {diff.before.id} -> {diff.after.id}; valid sections: "
            + ", ".join(valid_sections(diff)),
            details={"allowed": valid_sections(diff)},
        )
    return filtered
