"""Narrowing a document diff: to a section (`--section`), or to what a question is about (`diff_for`)."""

from __future__ import annotations

import re

from assistant.diff.model import ClauseOnly, ClausePair, ClauseRef, DocumentDiff, MovedSentence
from assistant.diff.sentences import normalise, tokens
from assistant.ingest.corpus import Corpus


def _norm_section(text: str) -> str:
    t = normalise(text).replace("§", "").replace("paragraaf", "").strip()
    return re.sub(r"^bijlage\s+(\d+)", r"bijlage-\1", t)


def _labels(ref: ClauseRef) -> set[str]:
    """How a user may name this clause: its section, its id with or without the document, its part."""
    rest = ref.clause_id.split("/", 1)[1] if "/" in ref.clause_id else ref.clause_id
    return {normalise(ref.section), normalise(ref.clause_id), normalise(rest), _norm_section(ref.section)}


def _matches(ref: ClauseRef, wanted: str) -> bool:
    labels = _labels(ref)
    if wanted in labels or wanted == ref.part:
        return True
    return any(label.startswith(wanted + ".") for label in labels if re.match(r"^[\d.]+$", label))


def valid_sections(diff: DocumentDiff) -> list[str]:
    """Every section label that a filter accepts, in document order (old document first)."""
    refs = [p.before for p in diff.pairs] + [r.clause for r in diff.removed]
    refs += [p.after for p in diff.pairs] + [a.clause for a in diff.added]
    return sorted(dict.fromkeys(r.section for r in refs), key=_order)


def _order(section: str) -> tuple:
    """Numbered sections in numeric order (1.5.2 before 1.10), then named parts."""
    if re.match(r"^\d+(\.\d+)*$", section):
        return (0, tuple(int(n) for n in section.split(".")), "")
    return (1, (), section)


def filter_section(diff: DocumentDiff, section: str) -> DocumentDiff | None:
    """The pairs, added and removed clauses and moved sentences touching `section`; None if nothing does."""
    wanted = _norm_section(section)
    pairs = [p for p in diff.pairs if _matches(p.before, wanted) or _matches(p.after, wanted)]
    added = [a for a in diff.added if _matches(a.clause, wanted)]
    removed = [r for r in diff.removed if _matches(r.clause, wanted)]
    if not (pairs or added or removed):
        return None
    ids = {p.before.clause_id for p in pairs} | {p.after.clause_id for p in pairs}
    ids |= {c.clause.clause_id for c in added + removed}
    moved = [m for m in diff.moved if m.before.clause_id in ids or m.after.clause_id in ids]
    out = diff.model_copy(
        update={"section": section, "pairs": pairs, "added": added, "removed": removed, "moved": moved}
    )
    from assistant.diff.compare import summarise

    out.summary = summarise(out)
    return out


def _relevance(words: set[str], pair: ClausePair | ClauseOnly | MovedSentence) -> float:
    if isinstance(pair, ClausePair):
        heading = set(tokens(pair.before.title)) | set(tokens(pair.after.title))
        body = {t for c in pair.changed for t in tokens(c.before.text + " " + c.after.text)}
        body |= {t for s in pair.removed + pair.added for t in tokens(s.text)}
        return 2.0 * len(words & heading) + 0.5 * len(words & body)
    return 0.0


def diff_for(
    corpus: Corpus,
    before: str,
    after: str,
    *,
    terms: list[str] | str | None = None,
    clause_ids: list[str] | None = None,
    limit: int = 3,
) -> list[ClausePair]:
    """The aligned clause pairs a question is about, most relevant first: those whose clause id (in either
    document) is in `clause_ids`, else those whose headings and changed sentences share the most of `terms`.
    Each pair carries its changed sentences (word-level changes, figures flagged), removed and added
    sentences, verbatim with clause ids and line spans; a pair without changes means "unchanged"."""
    from assistant.diff import diff_documents

    diff = diff_documents(corpus, before, after)
    if clause_ids:
        wanted = set(clause_ids)
        return [p for p in diff.pairs if p.before.clause_id in wanted or p.after.clause_id in wanted][:limit]
    text = " ".join(terms) if isinstance(terms, list) else (terms or "")
    words = {t for t in tokens(text) if len(t) > 3}
    scored = sorted(((_relevance(words, p), i, p) for i, p in enumerate(diff.pairs)), key=lambda t: (-t[0], t[1]))
    return [p for score, _, p in scored if score > 0][:limit]
