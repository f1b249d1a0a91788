"""The Answer's citations in language-model mode: the quotes the model used (verified verbatim), and for
an id cited without a quote the calculator's citation of that clause or the clause's best sentence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.answer.compose import citation_for, rank_sentences
from assistant.domain import Citation, Passage, SearchHit, collapse_ws
from assistant.ingest.parser import split_sentences
from assistant.llm import guard


def build(
    assistant, question: str, text: str, hits: Sequence[SearchHit], allowed: set[str],
    clause_texts: Mapping[str, str], tool_citations: Sequence[Citation],
) -> list[Citation]:  # fmt: skip
    corpus = assistant.corpus
    parsed = guard.parse(text, allowed)
    out: list[Citation] = []
    quoted: set[str] = set()
    for q in parsed.quotes:
        cid = guard.quote_source(q, allowed, clause_texts)
        if not cid:
            continue
        quoted.add(cid)
        for part in q.parts:
            passage = _passage_for(corpus, cid, part, hits)
            ct = citation_for(corpus, passage, part) if passage else None
            if ct:
                out.append(ct)
    for cid in parsed.cited:
        if cid in quoted:
            continue
        from_tools = [c for c in tool_citations if c.clause_id == cid and corpus.quote_in_clause(c.quote, cid)]
        best = from_tools[:1] or [ct for ct in [_best_sentence(assistant, question, cid, hits)] if ct]
        out.extend(best)
    return _dedupe(out)


def _clause_passages(corpus, clause_id: str, hits: Sequence[SearchHit]) -> list[Passage]:
    seen = [h.passage for h in hits if h.passage.clause_id == clause_id]
    return seen + [p for p in corpus.passages if p.clause_id == clause_id and p not in seen]


def _passage_for(corpus, clause_id: str, quote: str, hits: Sequence[SearchHit]) -> Passage | None:
    passages = _clause_passages(corpus, clause_id, hits)
    q = collapse_ws(quote)
    return next((p for p in passages if q in collapse_ws(p.text)), passages[0] if passages else None)


def _best_sentence(assistant, question: str, clause_id: str, hits: Sequence[SearchHit]) -> Citation | None:
    corpus = assistant.corpus
    own = [h for h in hits if h.passage.clause_id == clause_id]
    own = own or [SearchHit(passage=p, score=0.0) for p in _clause_passages(corpus, clause_id, [])]
    scored = rank_sentences(assistant.index.retriever.bm25, question, own)
    if scored:
        return citation_for(corpus, scored[0].passage, scored[0].sentence)
    for h in own:
        for sentence in split_sentences(h.passage.text):
            ct = citation_for(corpus, h.passage, sentence)
            if ct:
                return ct
    return None


def _dedupe(citations: list[Citation]) -> list[Citation]:
    seen: set[tuple[str, str]] = set()
    out = []
    for c in citations:
        if (c.clause_id, c.quote) not in seen:
            seen.add((c.clause_id, c.quote))
            out.append(c)
    return out
