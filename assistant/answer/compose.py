"""Extractive composition: choose the sentences that answer the question and quote them verbatim,
each with its section and policy year, after a one-line lead in the question's language.
Numbers are never paraphrased: they appear only inside quotes or as tool outputs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.domain import Citation, Passage, SearchHit, collapse_ws
from assistant.ingest.corpus import Corpus
from assistant.ingest.parser import split_sentences
from assistant.retrieve.analysis import analyse, concept_vocabulary
from assistant.retrieve.bm25 import BM25

_DATE = re.compile(
    r"\b\d{1,2}(?:\s*-\s*\d{1,2})?\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b"
    r"|\b(medio|uiterlijk|vóór|voor)\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b",
    re.I,
)
_NUMBER = re.compile(r"\d")
_ASKS_NUMBER = re.compile(
    r"\b(hoeveel|welk(e)? (deel|percentage|norm)|how (many|much)|what (share|percentage)|minimaal|minimum|norm)\b", re.I
)
_ASKS_DATE = re.compile(
    r"\b(wanneer|uiterlijk|deadline|tot wanneer|tussen welke data|when|by when|until when|datum|date|planning|tijdpad"
    r"|timeline|schedule|termijn\w*|last day|laatste dag|final day|uiterste datum|closing date|sluitingsdatum)\b",
    re.I,
)
# client details in a question ("names and addresses of our clients"): the policy's channel rule answers it
_ASKS_CLIENT_DATA = re.compile(
    r"\b(namen|naam|names?|adres\w*|address\w*|naw|bsn|persoonsgegevens|personal data|privacy|cliëntgegevens"
    r"|clientgegevens|client (data|details|information)|gegevens van (cliënten|clienten|verzekerden))\b",
    re.I,
)
_CHANNEL = re.compile(r"cryptshare|beveiligd kanaal|NAW-gegevens", re.I)
# "wat is de eis/norm/regel ...": a sentence that states a bound ("ten minste 3", "maximaal 50%") states the rule
_ASKS_RULE = re.compile(r"\b(eis|eisen|norm|regel|regels|voorwaarde\w*|requirement\w*|rule\w*|minimum|maximum|criteri\w*)\b", re.I)


def _states_a_rule(sentence: str) -> bool:
    from assistant.text.quantities import read

    return any(q.bound in ("min", "max") for q in read(sentence))
_ASKS_MAIL = re.compile(r"\b(mail|e-mail|adres|address|contact)\b", re.I)
# a sentence that is a web address alone answers only where something is found ("waar staat dat formulier?")
_ASKS_WHERE = re.compile(r"\b(waar|where|link|url|website|webpagina|webpage|site|pagina|page)\b", re.I)
_URL_ONLY = re.compile(r"^\W*(?:\d+\s+)?(?:(?:zie|see)\s*:?\s*)?(?:https?://|www\.)\S+\W*$", re.I)  # ("1 Zie: https://...")
_ASKS_CONSEQUENCE = re.compile(
    r"\b(wat gebeurt|what happens|gevolg\w*|consequen\w*|wat als|what if|wat verwacht|what does .* expect)\b", re.I
)
_CONSEQUENCE = re.compile(
    r"\b(leidt|leiden|gevolg|niet in aanmerking|komt niet|kunnen we niet|verwachten (wij|we)|dan (moet|verwachten|kan|komt))\b",
    re.I,
)

MONTHS_EN = {
    "januari": "January", "februari": "February", "maart": "March", "april": "April", "mei": "May", "juni": "June",
    "juli": "July", "augustus": "August", "september": "September", "oktober": "October", "november": "November",
    "december": "December",
}  # fmt: skip
# Dutch policy phrases -> English, shown as a gloss under quotes for English questions
PHRASES_EN = {
    "per kwartaal": "per quarter",
    "elk kwartaal": "every quarter",
    "ieder kwartaal": "every quarter",
    "elk jaar": "every year",
    "elke maand": "every month",
    "openingstijden van de huisartsenpost": "opening hours of the GP out-of-hours post (huisartsenpost)",
    "jaarlijks": "annually",
    "elke 2 jaar": "every 2 years",
    "via onze website": "via our (CZ's) website",
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
    "kwaliteitssysteem": "quality system",
    "kwaliteitsbeeld": "quality report (kwaliteitsbeeld)",
    "externe audit": "external audit",
    "onafhankelijke toetsing": "independent assessment",
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
    "voor wie dit geschikt is": "for whom it is suitable",
    "thuiszorgtechnologie": "home-care technology",
    "plan van aanpak": "action plan",
    "zorgplicht": "duty of care",
    "uitsluitsel": "a decision",
    "kernwerkgebied": "core area",
    "volle dochters": "wholly owned subsidiaries",
    "volle dochter": "wholly owned subsidiary",
    "meerderheid": "majority",
    "juridische entiteit": "legal entity",
    "niet-gecontracteerde zorg": "non-contracted care",
    "gecontracteerde zorgaanbieder": "contracted provider",
    "stopgezet": "stopped",
    "niet toegestaan": "not allowed",
    "toegestaan": "allowed",
    "niet als onderaannemer beschouwd": "not regarded as a subcontractor",
    "terugwerkende kracht": "retroactive effect (backdating)",
    "zorgstop": "stop on taking new clients (zorgstop)",
    "dagtarief": "day rate",
    "meer dan": "more than",
    "BTH": "Bijna Thuis Huis (BTH)",
    "productievoorstel": "production proposal",
    "landelijke afspraken": "national agreements",
    "Arbeidstijdenwet": "Working Hours Act (Arbeidstijdenwet)",
    "ander zorgpersoneel": "other care staff",
    "helpenden": "care helpers (helpenden)",
    "toegevoegde waarde": "added value",
    "meerwaarde": "added value",
    "witte vlek": "white spot (an area without enough care on offer)",
    "herkenbare en aanspreekbare wijkverpleging": "recognisable and approachable district nursing (H&A)",
    "onplanbare nachtzorg": "unplanned night care",
    "productieplafond": "production ceiling",
    "aangevraagd": "applied for (requested)",
}

# the bounds and counted nouns a figure is written with ("minimaal 2 jaar" = at least 2 years): glossed as one
BOUNDS_EN = {"ten minste": "at least", "minimaal": "at least", "maximaal": "at most", "ten hoogste": "at most",
  "hoogstens": "at most", "meer dan": "more than", "minder dan": "less than", "tot maximaal": "up to", "binnen": "within"}
NOUNS_EN = {"jaar": ("year", "years"), "personen": ("person", "persons"), "cliënten": ("client", "clients"),
  "cz-cliënten": ("CZ client", "CZ clients"), "maanden": ("month", "months"), "maand": ("month", "months"),
  "weken": ("week", "weeks"), "dagen": ("day", "days"), "werkdagen": ("working day", "working days"),
  "uur": ("hour", "hours"), "fte": ("fte", "fte"), "postcodegebieden": ("postcode area", "postcode areas"),
  "punten": ("point", "points"), "procent": ("percent", "percent")}  # fmt: skip
_BOUNDED = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, BOUNDS_EN), key=len, reverse=True)) + r")\s+(\d+(?:[.,]\d+)?)"
    r"(?:(\s*%)|\s+(" + "|".join(sorted(map(re.escape, NOUNS_EN), key=len, reverse=True)) + r")(?!\w))", re.I
)

# nouns a figure names the grade of ("niveau 6" = level 6, "hbo-niveau 5" = hbo level 5): glossed with their figure
NUMBERED_EN = {"niveau": "level", "hbo-niveau": "hbo level", "mbo-niveau": "mbo level"}
_YEARS_LONG = re.compile(r"(?<![\w-])(\d+)-jarige?\b", re.I)  # "een 1-jarige overeenkomst": a 1-year one
_NUMBERED = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, NUMBERED_EN), key=len, reverse=True)) + r")\s+(\d+)(?![\d,.]\d)", re.I
)


TABLE_QUOTE_CHARS = 700
# Composition weights. A sweep on the dev set (consequence cue 1.5/4, short-sentence penalty 2/3,
# same-clause bonus 0/1.5) gave the same correctness for every variant with 4 quotes and lost 2-5
# items with 3, so up to 4 quote spans are shown and the mildest weights are kept.
W_CONSEQUENCE = 1.5
SHORT_PENALTY = 2.0
PARTY_PENALTY = 1.0  # a sentence said of a party the question does not name (vocabulary.toml [parties])
SAME_CLAUSE = 0.0
MAX_QUOTES = 4
REPEAT_FLOOR = 0.6  # ... and one that adds no new question term must match at least this share
RELEVANCE_FLOOR = 0.25  # a further quote shares at least this share of the first quote's question terms


@dataclass
class Scored:
    score: float
    sentence: str
    passage: Passage
    rank: int
    terms: frozenset = frozenset()  # the question's terms this sentence contains
    bonus: float = 0.0  # cue boosts (dates, numbers, consequences, e-mail)
    weights: dict | None = None  # idf per question term


def citation_for(corpus: Corpus, passage: Passage, quote: str) -> Citation | None:
    """A citation, only when the quote is verbatim (whitespace-collapsed) in the clause."""
    q = collapse_ws(quote)
    head = collapse_ws(passage.subheading or "")
    if head and q.startswith(head + " ") and len(q) > len(head) + 20 and collapse_ws(passage.text).startswith(q):
        q = q[len(head) + 1 :]  # the sub-heading line ("Bezwaren") is a label, not part of the sentence (which may
        # open with the same word: "Bezwaren tegen dit inkoopbeleid ..." keeps it)
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
    return section_label(p.clause_id, p.section)


def section_label(clause_id: str, section: str) -> str:
    """'1.5.2' of wv2027/bijlage-1/1.5.2 -> 'Bijlage 1 1.5.2' (section numbers repeat across parts)."""
    parts = clause_id.split("/")
    if len(parts) > 2 and parts[1].startswith("bijlage-") and section[:1].isdigit():
        return f"Bijlage {parts[1].split('-', 1)[1]} {section}"
    return section


def rank_sentences(bm25: BM25, question: str, hits: list[SearchHit], keep: frozenset[str] = frozenset()) -> list[Scored]:
    """The sentences of the hits, best first; a sentence with none of the question's words is left out, unless its
    passage is one of `keep` (the clause a part points back at: "... en wat volgt als het later komt?")."""
    q_terms = set(bm25.query_terms(question))
    weights = bm25.term_weights(question)
    cues = [
        (bool(_ASKS_RULE.search(question)), _states_a_rule, 1.5),
        (bool(_ASKS_DATE.search(question)), lambda s: bool(_DATE.search(s)), 2.0),
        (bool(_ASKS_NUMBER.search(question)), lambda s: bool(_NUMBER.search(s)), 1.0),
        (bool(_ASKS_MAIL.search(question)), lambda s: "@" in s, 3.0),
        (bool(_ASKS_CLIENT_DATA.search(question)), lambda s: bool(_CHANNEL.search(s)), 4.0),
        (bool(_ASKS_CONSEQUENCE.search(question)), lambda s: bool(_CONSEQUENCE.search(s)), W_CONSEQUENCE),
    ]
    out: list[Scored] = []
    total = sum(weights.get(t, 0.0) for t in q_terms)
    parties = _party_terms()  # the parties a rule can be said of alone
    for rank, hit in enumerate(hits):
        lead: frozenset[str] = frozenset()  # the terms of a list's lead-in ("... komt de zorgaanbieder:")
        before: frozenset[str] = frozenset()  # the terms of the sentence before
        for sentence in sentences_of(hit.passage.text, hit.passage.kind == "table"):
            s_terms = terms_of(sentence, bm25.splitter)
            item = bool(lead) and _LIST_ITEM.match(sentence) is not None
            common = frozenset(q_terms & (s_terms | lead if item else s_terms))  # an item says its lead-in too
            # "Voor deze functies geldt ...": what "deze functies" are, the sentence before names (weighing less
            # than the sentence's own words)
            own = sum(weights[t] for t in common)  # ... when the sentence says something of the question itself
            named = (
                q_terms & before - common
                if not item and _NAMED_BEFORE.match(sentence) and own >= NAMED_OWN_SHARE * total else frozenset()
            )
            cued = any(on and test(sentence) for on, test, _ in cues)  # holds what the question asks for (a date)
            if not item and SPLIT_BACK.search(sentence) and cued:  # "Wij vragen zorgaanbieders die hier gebruik van
                # willen maken ... vóór 1 augustus": what "hier" is, its passage's own heading says, for a sentence
                # that holds what the question asks for (a date); its sisters are about that heading as much
                named = named | (q_terms & terms_of(topic_of(hit.passage), bm25.splitter) - common)
            before = s_terms
            if sentence.rstrip().endswith(":"):
                lead = s_terms
            elif not item:
                lead = frozenset()
            overlap = own + NAMED_BEFORE_WEIGHT * sum(weights[t] for t in named)
            common = common | named
            if overlap <= 0 and hit.passage.id not in keep:
                continue
            bonus = sum(w for on, test, w in cues if on and test(sentence))
            if len(collapse_ws(sentence)) < 40:
                bonus -= SHORT_PENALTY
            if _URL_ONLY.match(sentence) and not _ASKS_WHERE.search(question):
                continue  # "https://www.cz.nl/.../declareren" says nothing of how to declare
            said_of = s_terms & parties
            if said_of and not said_of & q_terms:  # "het omzetplafond van de coöperatie" for a question about
                bonus -= PARTY_PENALTY  # every provider's: a party the question does not name
            score = overlap / (1.0 + len(s_terms) / 40.0) + bonus + 1.5 * hit.score - 0.15 * rank
            out.append(Scored(score, sentence, hit.passage, rank, common, bonus, weights))
    out.sort(key=lambda s: -s.score)
    return out


# a Dutch pronominal adverb split around its verb ("die hier gebruik van willen maken", "die daar recht op hebben"), or
# "daarvoor" right after the subject and its verb ("Wij plaatsen daarvoor ... een aanvraagformulier"; not after a
# noun: "de aanleiding hiervoor"): the sentence is about what the one before it names, or what its passage is about
SPLIT_BACK = re.compile(
    r"\b(?:hier|daar)\s+(?:\w+\s+){1,2}?(?:van|voor|mee|op|aan|over)\b|^\W*\w+\s+\w+\s+(?:daarvoor|hiervoor)\b", re.I
)
SUBHEADING_WORDS = 12  # a passage's first line without a sentence mark and at most this long is its own heading


def topic_of(passage: Passage) -> str:
    """What a passage is about: its section's heading, and the heading of its own it opens with ("Mogelijkheid voor
    een aanvullende innovatieafspraak" above the paragraph that says "die hier gebruik van willen maken")."""
    first = passage.text.strip().split("\n", 1)[0].strip()
    own = first if first and not re.search(r"[.:;!?]$", first) and len(first.split()) <= SUBHEADING_WORDS else ""
    return " ".join(x for x in (*passage.heading_trail[-1:], own) if x)


# a sentence that opens by pointing at the things the sentence before it names ("Voor deze functies geldt ...",
# "Deze zorgaanbieders ...", "For these functions ..."): a demonstrative with its noun
_NAMED_BEFORE = re.compile(r"^\W*(?:(?:voor|bij|van|for|with|of)\s+)?(?:deze|these|those)\s+[^\W\d][\w'’-]{3,}", re.I)
NAMED_OWN_SHARE = 0.15  # ... and only for a sentence whose own words hold this share of the question's weight
NAMED_BEFORE_WEIGHT = 0.75  # the words of the sentence before weigh less than the sentence's own
_LIST_ITEM = re.compile(r"^\s*(?:[•\-–*]|\d+[.)]\s|[a-z]\)\s|[a-zà-ÿ])")  # a bullet, a number, or a lowercase start


@lru_cache(maxsize=1)
def _party_terms() -> frozenset[str]:
    """The terms of the parties a rule can be said of alone (vocabulary.toml [parties])."""
    return frozenset(t for w in concept_vocabulary()["parties"] for t in analyse(w))


@lru_cache(maxsize=4096)
def sentences_of(text: str, table: bool) -> tuple[str, ...]:
    """A passage's sentences (or table rows), split once per process: every question reads the same passages."""
    return tuple(split_sentences(text, table=table))


@lru_cache(maxsize=50_000)
def terms_of(text: str, splitter: object) -> frozenset[str]:
    """A policy text's BM25 terms (no query expansion), computed once per text and splitter."""
    return frozenset(analyse(text, splitter))  # type: ignore[arg-type]


def weight_share(weights: dict[str, float], terms: set[str] | frozenset[str]) -> float:
    """The share of the question's term weight (`weights`) that `terms` hold; 0 when the question weighs nothing."""
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in terms) / total if total > 0 else 0.0


def overlap(s: Scored) -> float:
    return sum((s.weights or {}).get(t, 0.0) for t in s.terms)


def sentence_at(passage: Passage, sentence: str) -> tuple[list[str], int | None]:
    """The passage's sentences (whitespace collapsed) and where `sentence` stands among them (None: not there)."""
    sentences = [collapse_ws(x) for x in sentences_of(passage.text, passage.kind == "table")]
    own = collapse_ws(sentence)
    # the quote of a sentence that opens its passage is without the subheading before it ("Bezwaren Bezwaren tegen ...")
    i = next((k for k, x in enumerate(sentences) if x == own), None)
    if i is None:
        i = next((k for k, x in enumerate(sentences) if own and x.endswith(own)), None)
    return sentences, i


def next_sentence(s: Scored, step: int = 1) -> str | None:
    """The sentence after `s` in its passage (`step=-1`: the one before it), or None."""
    sentences, i = sentence_at(s.passage, s.sentence)
    if i is None:
        return None
    return sentences[i + step] if 0 <= i + step < len(sentences) else None


def pick(scored: list[Scored], n: int | None = None, ratio: float = 0.35) -> list[Scored]:
    """Up to n quotes, chosen greedily for coverage: after the best sentence, the next one must bring
    question terms (or cues) the chosen ones lack. A quote is the anchor sentence, extended by the
    sentence after it when that one also bears on the question (it often finishes the thought)."""
    if not scored:
        return []
    n = n or MAX_QUOTES
    top = scored[0].score
    by_text = {(s.passage.id, collapse_ws(s.sentence)): s for s in scored}
    chosen: list[Scored] = []
    used: set[tuple[str, str]] = set()
    covered: set[str] = set()
    pool = [s for s in scored if s.score >= top * ratio]
    while pool and len(chosen) < n:
        if not chosen:  # the anchor is simply the best-scoring sentence
            pool.sort(key=lambda s: -s.score)
        anchor_clause = chosen[0].passage.clause_id if chosen else None

        def gain(s: Scored, covered: set[str] = covered, anchor_clause: str | None = anchor_clause) -> float:
            new = sum((s.weights or {}).get(t, 0.0) for t in s.terms - covered)
            same_clause = SAME_CLAUSE if s.passage.clause_id == anchor_clause else 0.0
            return new / (1.0 + len(s.sentence) / 400.0) + s.bonus + 0.2 * s.score + same_clause

        best = pool[0] if not chosen else max(pool, key=gain)
        pool.remove(best)
        if chosen and overlap(best) < RELEVANCE_FLOOR * overlap(chosen[0]):
            continue  # on topic only through a date or one weak word: not a quote worth showing
        adds = sum((best.weights or {}).get(t, 0.0) for t in best.terms - covered)
        elsewhere = all(best.passage.clause_id != ch.passage.clause_id for ch in chosen)
        if chosen and adds == 0 and elsewhere and overlap(best) < REPEAT_FLOOR * overlap(chosen[0]):
            continue  # another clause, no new question term, weaker match: only a cue (a date) speaks for it
        key = (best.passage.id, collapse_ws(best.sentence))
        if key in used or (chosen and gain(best) <= 0.5):
            continue
        used.add(key)
        covered |= best.terms
        quote = best.sentence
        if best.passage.kind == "table" and len(best.passage.text) <= TABLE_QUOTE_CHARS:
            # a row of a small table is quoted with the whole table: rows only make sense together
            for sentence in sentences_of(best.passage.text, True):
                used.add((best.passage.id, collapse_ws(sentence)))
            chosen.append(
                Scored(best.score, best.passage.text, best.passage, best.rank, best.terms, best.bonus, best.weights)
            )
            covered |= best.terms
            continue
        nxt = next_sentence(best) if best.passage.kind != "table" else None  # table rows stand alone
        if nxt is not None:
            follower = by_text.get((best.passage.id, nxt))
            if follower is not None and follower.score >= top * 0.25 and (best.passage.id, nxt) not in used:
                quote = f"{collapse_ws(best.sentence)} {nxt}"
                used.add((best.passage.id, nxt))
                covered |= follower.terms
        chosen.append(Scored(best.score, quote, best.passage, best.rank, best.terms, best.bonus, best.weights))
    return sorted(chosen, key=lambda s: (s.rank, s.passage.line_start))


def where(c: Citation, lang: str) -> str:
    name = c.section if c.title == c.section else f"{c.section} {c.title}"  # "§ Voorwoord", not "§ Voorwoord Voorwoord"
    if lang == "en":
        return f"§ {name} (policy {c.year})"
    return f"§ {name} (beleid {c.year})"


def format_quotes(citations: list[Citation], lang: str) -> str:
    return "\n".join(f"- {where(c, lang)}: «{c.quote}»" for c in citations)


_JOINS_EN = {"of": "or", "en": "and", "tot": "to", "à": "to"}
_JOINED_FIGURES = re.compile(r"(?<![\d.,€])(\d+(?:[.,]\d+)?)\s+(of|en|tot|à)\s+(\d+(?:[.,]\d+)?)(?![.,]?\d)(?!\s*%)")


def gloss_en(citations: list[Citation], skip: str = "") -> str:
    """English key terms for the Dutch quotes (dates and fixed phrases only, never new numbers); a term `skip` (the
    answer line) glosses already is left out."""
    text = " ".join(c.quote for c in citations)
    terms: list[str] = []
    for m in re.finditer(r"\b(\d{1,2})\s+(" + "|".join(MONTHS_EN) + r")(\s+20\d\d)?", text, re.I):
        en = f"{m.group(1)} {MONTHS_EN[m.group(2).lower()]}{m.group(3) or ''}"
        terms.append(f"“{m.group(0)}” = {en}")
    bounded = [m.group(0).lower() for m in _BOUNDED.finditer(text)]
    terms += [f"“{m.group(0)}” = {m.group(1)}-year" for m in _YEARS_LONG.finditer(text)]
    for m in _NUMBERED.finditer(text):  # "niveau 6" = level 6
        terms.append(f"“{m.group(0)}” = {NUMBERED_EN[m.group(1).lower()]} {m.group(2)}")
        bounded.append(m.group(0).lower())
    for m in _BOUNDED.finditer(text):  # "minimaal 3 personen": the bound with its figure and what it counts
        noun = NOUNS_EN[m.group(4).lower()][m.group(2) != "1"] if m.group(4) else ""
        said = f"{BOUNDS_EN[m.group(1).lower()]} {m.group(2)}{m.group(3) or ''}{' ' + noun if noun else ''}"
        terms.append(f"“{m.group(0)}” = {said}")
    glossed: list[str] = []
    for nl, en in PHRASES_EN.items():
        if nl.lower() in text.lower() and text.lower().count(nl.lower()) > sum(b.count(nl.lower()) for b in bounded):
            if any(nl.lower() in g and text.lower().count(nl.lower()) <= text.lower().count(g) for g in glossed):
                continue  # "volle dochter" inside "volle dochters", glossed already
            glossed.append(nl.lower())
            terms.append(f"“{nl}” = {en}")
    months = "|".join(MONTHS_EN)
    for m in _JOINED_FIGURES.finditer(text):  # "niveau 4 of 5": the figures as they stand, joined in English
        if re.match(rf"\s+(?:{months})\b", text[m.end() :], re.I) or re.search(rf"\b(?:{months})\s+$", text[: m.start()], re.I):
            continue  # "1 december 2026 en 28 februari 2027": two dates, glossed as dates
        terms.append(f"“{m.group(0)}” = {m.group(1)} {_JOINS_EN[m.group(2).lower()]} {m.group(3)}")
    seen: list[str] = []
    for t in terms:
        if t not in seen and t not in skip:
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
