"""Citations for the calculators: clause metadata (mirrors the parsed corpus) and a `cite` helper.

No corpus is read at import or call time; tests check every id, section, title and quote against
the parsed corpus (`tests/tools/test_citations.py`).
"""

from __future__ import annotations

from assistant.domain import Citation, collapse_ws

# clause id -> (doc, year, section, title), exactly as `load_corpus` parses them
CLAUSES: dict[str, tuple[str, int, str, str]] = {
    "wv2027/voorwoord": ("wv2027", 2027, "Voorwoord", "Voorwoord"),
    "wv2027/2.3.2": ("wv2027", 2027, "2.3.2", "Toegankelijkheid van zorg"),
    "wv2027/2.3.3": ("wv2027", 2027, "2.3.3", "Kostenbeheersing"),
    "wv2027/2.3.4": ("wv2027", 2027, "2.3.4", "Kwaliteit van de zorg"),
    "wv2027/2.3.6": ("wv2027", 2027, "2.3.6", "Digitale zorg en AI"),
    "wv2027/2.3.9": ("wv2027", 2027, "2.3.9", "Regionaal Eerstelijns Samenwerkingsverband (RESV)"),
    "wv2027/3.2.1": ("wv2027", 2027, "3.2.1", "Minimumeisen"),
    "wv2027/3.2.2": ("wv2027", 2027, "3.2.2", "Zorgcoöperaties"),
    "wv2027/3.2.3": ("wv2027", 2027, "3.2.3", "Uitsluitingen"),
    "wv2027/3.2.4": ("wv2027", 2027, "3.2.4", "Aanvullende zorginkoop"),
    "wv2027/4.1": ("wv2027", 2027, "4.1", "Tijdpad"),
    "wv2027/4.2": ("wv2027", 2027, "4.2", "Publicatie gecontracteerd zorgaanbod"),
    "wv2027/bijlage-1/1.1": ("wv2027", 2027, "1.1", "Minimumeisen voor het leveren van basiszorg"),
    "wv2027/bijlage-1/1.2": ("wv2027", 2027, "1.2", "Inzet van onderaannemers"),
    "wv2027/bijlage-1/1.4": ("wv2027", 2027, "1.4", "Aanvullende eisen voor zorgcoöperaties"),
    "wv2027/bijlage-1/1.5.2": ("wv2027", 2027, "1.5.2", "Casemanagement dementie"),
    "wv2027/bijlage-1/1.6.3": ("wv2027", 2027, "1.6.3", "Onplanbare nachtzorg"),
    "wv2027/bijlage-2": ("wv2027", 2027, "Bijlage 2", "Medische kindzorg"),
    "wv2024/bijlage-1/1.2": ("wv2024", 2024, "1.2", "Inzet van onderaannemers"),
}


def cite(clause_id: str, quote: str) -> Citation:
    """A citation of `quote` (verbatim, whitespace-collapsed) from the clause `clause_id`."""
    doc, year, section, title = CLAUSES[clause_id]
    return Citation(clause_id=clause_id, doc=doc, year=year, section=section, title=title, quote=collapse_ws(quote))


def dedupe(citations: list[Citation]) -> list[Citation]:
    """Drop repeated (clause, quote) pairs, keeping the first occurrence's order."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in citations:
        if (c.clause_id, c.quote) not in seen:
            seen.add((c.clause_id, c.quote))
            out.append(c)
    return out
