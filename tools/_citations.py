"""Citation helpers for the calculators. The quotes themselves and their clauses are policy parameters
(`corpus/<doc>.params.toml`), checked against the corpus when it is loaded (`assistant.ingest.params`)."""

from __future__ import annotations

from assistant.domain import Citation


def dedupe(citations: list[Citation]) -> list[Citation]:
    """Drop repeated (clause, quote) pairs, keeping the first occurrence's order."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in citations:
        if (c.clause_id, c.quote) not in seen:
            seen.add((c.clause_id, c.quote))
            out.append(c)
    return out
