"""Extractive composition: choose the sentences that answer the question and quote them verbatim,
each with its section and policy year, after a one-line lead in the question's language.
Numbers are never paraphrased: they appear only inside quotes or as tool outputs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain import Citation, Passage, SearchHit, collapse_ws
from assistant.ingest.corpus import Corpus
from assistant.ingest.parser import split_sentences
from assistant.retrieve.bm25 import BM25
from assistant.retrieve.analysis import analyse

_DATE = re.compile(
    r"\b\d{1,2}(?:\s*-\s*\d{1,2})?\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b"
    r"|\b(medio|uiterlijk|vóór|voor)\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b",
    re.I,
)
_NUMBER = re.compile(r"\d")
_ASKS_NUMBER = re.compile(r"\b(hoeveel|welk(e)? (deel|percentage|norm)|how (many|much)|what (share|percentage)|minimaal|minimum|norm)\b", re.I)
_ASKS_DATE = re.compile(r"\b(wanneer|uiterlijk|deadline|tot wanneer|tussen welke data|when|by when|until when|datum|date)\b", re.I)
_ASKS_MAIL = re.compile(r"\b(mail|e-mail|adres|address|contact)\b", re.I)

MONTHS_EN = {
    "januari": "January", "februari": "February", "maart": "March", "april": "April", "mei": "May", "juni": "June",
    "juli": "July", "augustus": "August", "september": "September", "oktober": "October", "november": "November",
    "december": "December",
}  # fmt: skip
# Dutch policy phrases -> English, shown as a gloss under quotes for English questions
PHRASES_EN = {
    "niet voor vergoeding in aanmerking": "is not eligible for reimbursement (not reimbursed)",
    "onderaannemers": "subcontractors",
    "onderaanneming": "subcontracting",
    "zzp’ers": "self-employed professionals (zzp'ers)",
    "vooraf gemeld": "reported in advance",
    "komen niet voor aanvullende inkoop in aanmerking": "are not eligible for additional purchase",
    "niet in aanmerking": "not eligible",
    "ten minste": "at least",
    "minimaal": "at least",
    "maximaal": "at most",
    "projectplan": "project plan",
    "begroting": "budget",
    "uiterlijk": "no later than",
    "vóór": "before",
    "reductie": "reduction",
    "ten opzichte van": "compared with",
    "personen": "persons",
    "wondconsulent": "wound consultant (wondconsulent)",
    "omzetplafond": "revenue ceiling",
    "kwaliteitsinformatie": "quality information",
    "verscherpt toezicht": "enhanced supervision",
    "CZ-cliënten": "CZ clients",
    "postcodegebied": "postcode area",
    "hbo-bachelor": "bachelor-level (hbo-bachelor)",
    "niveau": "level",
    "in loondienst": "on the payroll (employed)",
    "seconden": "seconds",
    "minuten": "minutes",
    "uur per week": "hours per week",
    "continuïteit": "continuity",
}


@dataclass
class Scored:
    score: float
    sentence: str
    passage: Passage
    rank: int


def citation_for(corpus: Corpus, passage: Passage, quote: str) -> Citation | None:
    """A citation, only when the quote is verbatim (whitespace-collapsed) in the clause."""
    q = collapse_ws(quote)
    if not q or not corpus.quote_in_clause(q, passage.clause_id):
        return None
    return Citation(
        clause_id=passage.clause_id,
        doc=passage.doc,
        year=passage.year,
        section=_section_label(passage),
        title=passage.title,
        quote=q,
        line_start=passage.line_start,
        line_end=passage.line_end,
    )


def _section_label(p: Passage) -> str:
    if p.clause_id.split("/")[1].startswith("bijlage") and p.section[0].isdigit():
        return f"Bijlage {p.clause_id.split('/')[1].split('-')[1]} {p.section}"
    return p.section


def rank_sentences(bm25: BM25, question: str, hits: list[SearchHit]) -> list[Scored]:
    q_terms = set(bm25.query_terms(question))
    asks_number = bool(_ASKS_NUMBER.search(question))
    asks_date = bool(_ASKS_DATE.search(question))
    asks_mail = bool(_ASKS_MAIL.search(question))
    out: list[Scored] = []
    for rank, hit in enumerate(hits):
        for sentence in split_sentences(hit.passage.text):
            s_terms = set(analyse(sentence, bm25.splitter))
            overlap = sum(bm25.idf.get(t, 0.0) for t in q_terms & s_terms)
            if overlap <= 0:
                continue
            score = overlap / (1.0 + len(s_terms) / 40.0) + 1.5 * hit.score - 0.15 * rank
            if asks_date and _DATE.search(sentence):
                score += 2.0
            if asks_number and _NUMBER.search(sentence):
                score += 1.0
            if asks_mail and "@" in sentence:
                score += 3.0
            if len(collapse_ws(sentence)) < 25:
                score -= 2.0
            out.append(Scored(score, sentence, hit.passage, rank))
    out.sort(key=lambda s: -s.score)
    _boost_neighbours(out)
    return out


def _boost_neighbours(scored: list[Scored]) -> None:
    """The sentence right after the best one often finishes its thought ("... Dan ..."): lift it."""
    if not scored:
        return
    best = scored[0]
    sentences = split_sentences(best.passage.text)
    try:
        i = [collapse_ws(x) for x in sentences].index(collapse_ws(best.sentence))
    except ValueError:
        return
    if i + 1 < len(sentences):
        nxt = collapse_ws(sentences[i + 1])
        for s in scored[1:]:
            if s.passage.id == best.passage.id and collapse_ws(s.sentence) == nxt:
                s.score = max(s.score, best.score * 0.7)
    scored.sort(key=lambda s: -s.score)


def pick(scored: list[Scored], n: int = 4, ratio: float = 0.5) -> list[Scored]:
    if not scored:
        return []
    chosen = [scored[0]]
    for s in scored[1:]:
        if len(chosen) >= n:
            break
        if s.score < scored[0].score * ratio:
            break
        if any(collapse_ws(s.sentence) == collapse_ws(c.sentence) for c in chosen):
            continue
        chosen.append(s)
    # keep the reading order of the source within a clause
    return sorted(chosen, key=lambda s: (s.rank, s.passage.line_start))


def where(c: Citation, lang: str) -> str:
    if lang == "en":
        return f"§ {c.section} {c.title} (policy {c.year})"
    return f"§ {c.section} {c.title} (beleid {c.year})"


def format_quotes(citations: list[Citation], lang: str) -> str:
    return "\n".join(f"- {where(c, lang)}: «{c.quote}»" for c in citations)


def gloss_en(citations: list[Citation]) -> str:
    """English key terms for the Dutch quotes (dates and fixed phrases only, never new numbers)."""
    text = " ".join(c.quote for c in citations)
    terms: list[str] = []
    for m in re.finditer(r"\b(\d{1,2})\s+(" + "|".join(MONTHS_EN) + r")(\s+20\d\d)?", text, re.I):
        en = f"{m.group(1)} {MONTHS_EN[m.group(2).lower()]}{m.group(3) or ''}"
        terms.append(f"“{m.group(0)}” = {en}")
    for nl, en in PHRASES_EN.items():
        if nl.lower() in text.lower():
            terms.append(f"“{nl}” = {en}")
    seen: list[str] = []
    for t in terms:
        if t not in seen:
            seen.append(t)
    return ("Key terms: " + "; ".join(seen[:8])) if seen else ""


def fmt_number(value: float | int | None, lang: str) -> str:
    """2.6667 -> '2,67' (nl) / '2.67' (en); 102000 -> '102.000' / '102,000'."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if float(value).is_integer():
        s = f"{int(value):,}"
        return s.replace(",", ".") if lang == "nl" else s
    s = f"{float(value):,.2f}"
    if lang == "nl":
        s = s.replace(",", "_").replace(".", ",").replace("_", ".")
    return s
