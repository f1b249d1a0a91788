"""Clause answers as plans: the direct answer line first, then the quotes that carry it.

1. Retrieve and rank the sentences of the best passages (compose.rank_sentences).
2. What kind of fact does the question ask for (asked.py: a date, an amount, a percentage, a count of
   something, a duration, an address, a level)? Answerability: that kind must stand in a supporting sentence
   about the asked concept; otherwise the answer is "the policy does not say this", with the closest clause
   offered as context. This one mechanism replaces per-topic refusal rules.
3. The answer line states the value of the best supporting sentence (its date, amount, %, count, address),
   formatted in the user's language, or a yes/no when the question asks one and the sentence decides it, or
   the key sentence itself.
4. At most three supporting quotes, each containing the asked kind of fact or the rule the answer uses;
   the rest is context.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, replace
from datetime import date
from types import SimpleNamespace
from typing import Any

from assistant.answer import compose as c
from assistant.answer.asked import (
    Asked,
    announces_list,
    asked,
    asked_clause,
    asks_conditions,
    asks_dates,
    asks_definition,
    asks_direction,
    asks_end,
    asks_how,
    asks_month,
    asks_question_word,
    asks_reason,
    asks_start,
    defers,
    defines,
    gives_reason,
    holds,
    is_yes_no,
    of_kind,
    opens_example,
    per_word,
    points_forward,
    reason_span,
    rules_out,
    states_consequence,
    with_its_words,
    without_condition,
    year_words,
)
from assistant.answer.asked import phrases as asked_phrases
from assistant.answer.guards import OWN
from assistant.answer.plan import MAX_QUOTES, Plan, msg
from assistant.answer.understand import affirmed, denied_terms, denying_words, has_phrase
from assistant.answer.verify import picks_alternative
from assistant.domain import Citation, SearchHit, collapse_ws
from assistant.retrieve.analysis import STOPWORDS, concept_vocabulary, everyday_frequency
from assistant.retrieve.analysis import analyse as _analyse
from assistant.retrieve.hybrid import looks_back
from assistant.text.dates import fmt_date, is_weekday, month_number, plus, translate_months
from assistant.text.numbers import find_numbers, format_eur, format_number
from assistant.text.quantities import (
    DAYS_PER_UNIT,
    Quantity,
    fold,
    in_digits,
    lexicon,
    lexicon_data,
    read,
    word_pattern,
)
from assistant.text.sentences import heading_like, sentence_spans
from assistant.text.sentences import sentences as typed_sentences

REFUSAL_SCORE = 0.45  # top fused search score below this = nothing relevant (calibrated on evals/dev.jsonl)
SUPPORT_SHARE = 0.45  # a supporting sentence matches at least this share of the best sentence's question terms
VERDICT_CONFIDENCE = 0.5  # a yes/no only from a sentence holding at least this share of the question's term weight
LINE_CHARS = 260

_UNITS_EN = {
    "clients": "clients", "areas": "postcode areas", "hours": "hours", "fte": "fte", "points": "points",
    "providers": "providers", "days": "days", "weeks": "weeks", "months": "months", "minutes": "minutes",
    "seconds": "seconds", "years_count": "years", "registrations": "registrations",
}  # fmt: skip
_BOUND_WORDS = {
    "min": ("Minimaal", "At least"), "max": ("Maximaal", "At most"), "gt": ("Meer dan", "More than"),
    "lt": ("Minder dan", "Less than"), "approx": ("Ongeveer", "About"), "until": ("Uiterlijk", "No later than"),
    "since": ("Vanaf", "From"), "before": ("Vóór", "Before"), "after": ("Na", "After"), "within": ("Binnen", "Within"),
}  # fmt: skip
_DATE_BOUNDS = {"min": "since", "max": "until", "gt": "after", "lt": "before"}  # a bound of a date, said as time


@dataclass
class Sentence:
    text: str
    citation: Citation
    score: float
    overlap: float
    terms: frozenset
    confidence: float = 0.0  # the share of the question's term weight this sentence contains
    passage: Any = None
    context: str | None = None  # a table row: the table's header and introducing sentence (about every row)
    lead: str | None = None  # the sentence this one continues ("Dit ingevulde formulier ..."): what it is about


def _citations(assistant: Any, scored: list[c.Scored]) -> list[Sentence]:
    out = []
    for s in scored:
        ct = c.citation_for(assistant.corpus, s.passage, s.sentence)
        if ct is not None:
            total = sum((s.weights or {}).values()) or 1.0
            lead = c.next_sentence(s, -1) if _POINTS_BACK.match(ct.quote) else None  # "Na deze datum ...": its date
            if lead is None and c.SPLIT_BACK.search(ct.quote) and s.passage.heading_trail:  # "... die hier gebruik van
                lead = c.topic_of(s.passage)  # willen maken": what its passage is about
            out.append(Sentence(ct.quote, ct, s.score, c.overlap(s), s.terms, c.overlap(s) / total, s.passage, lead=lead))
    return out


def _row_of(assistant: Any, s: Sentence) -> tuple[Any, Any] | None:
    """(table, row) when `s` is a row of a table."""
    table = assistant.corpus.table_for(s.passage.id) if s.passage is not None else None
    if table is None:
        return None
    row = next((r for r in table.rows if collapse_ws(r.text) == collapse_ws(s.text)), None)
    return (table, row) if row is not None else None


def _row_asked(assistant: Any, s: Sentence, value: Any, question: str, a: Asked) -> tuple[Sentence, Any]:
    """The row of the table that the question is about ("score A in 2026" is the row 'Score A in 2026 90%', not
    'Score A in 2026 én 2027 ... 100%'), matched on its key cells like verify does; `s` when none fits."""
    found = _row_of(assistant, s)
    if found is None:
        return s, value
    table, _ = found
    match = table.row_for(question)
    if match is None and not any(q.kind == "year" or (q.kind in ("date", "period") and q.explicit_year) for q in read(question)):
        # "hoeveel cliënten per gebied minimaal?": a table of years, asked without one, is read in its policy's own year
        match = table.row_for(f"{question} {s.citation.year}")
    if match is None:
        return s, value
    text = collapse_ws(match.row.text)
    asked_terms = set(assistant.index.retriever.bm25.query_terms(question))
    held = lambda t: len(asked_terms & set(assistant.index.retriever.bm25.query_terms(t)))  # noqa: E731
    if text != collapse_ws(s.text) and held(text) < held(s.text):
        return s, value  # "... in VECOZO voor de overeenkomst 2027": not the row that only shares "2027"
    cell = _named_cell(match)  # "bestaande zorgaanbieders in 2026": the cell of the column the question names
    values = holds(a, cell) if cell else holds(a, text)
    if text == collapse_ws(s.text):
        return s, (values[-1] if cell and values else value)
    ct = c.citation_for(assistant.corpus, s.passage, text)
    if not values or ct is None:
        return s, value
    return Sentence(ct.quote, ct, s.score, s.overlap, s.terms, s.confidence, s.passage, s.context), values[-1]


def _row_cell(assistant: Any, s: Sentence, question: str) -> str | None:
    """When `s` is the row of a table the question names, and the question names one of its value columns,
    that cell's text (verbatim); None otherwise."""
    found = _row_of(assistant, s)
    if found is None:
        return None
    bm25 = assistant.index.retriever.bm25
    match = found[0].row_for(question, terms=lambda t: set(bm25.query_terms(t)))  # "existing" names "bestaande"
    if match is None or collapse_ws(match.row.text) != collapse_ws(s.text):
        return None
    return _named_cell(match)


def _named_cell(match: Any) -> str | None:
    """The text of the one value cell a question names by its column's header words, or None."""
    if not match.named_column or len(match.columns) != 1 or match.columns[0] >= len(match.row.cells):
        return None
    return collapse_ws(match.row.cells[match.columns[0]].text)


SIBLING_SHARE = 0.5  # another row of the table is quoted when it holds this share of the answering row's question terms


def _table_siblings(
    assistant: Any, s: Sentence, a: Asked | None, weights: dict[str, float] | None = None, analyse: Any = None
) -> list[Sentence]:
    """When `s` is a row of a table, the other rows (that hold the asked kind, when one is asked) about the same
    thing: "welk percentage ...?" answered from the staffel gives the row that fits first, then the other score
    rows; a timeline's other events (another row with another date) are not about the question."""
    if s.passage is None:
        return []
    table = assistant.corpus.table_for(s.passage.id)
    if table is None or not any(collapse_ws(r.text) in collapse_ws(s.text) for r in table.rows):
        return []
    out = []
    own = sum(weights.get(t, 0.0) for t in analyse(s.text)) if weights and analyse else 0.0
    for row in table.rows:
        if collapse_ws(row.text) in collapse_ws(s.text) or (a is not None and not holds(a, collapse_ws(row.text))):
            continue
        if own > 0 and sum(weights.get(t, 0.0) for t in analyse(row.text)) < SIBLING_SHARE * own:  # type: ignore[union-attr]
            continue
        ct = c.citation_for(assistant.corpus, s.passage, collapse_ws(row.text))
        if ct is not None:
            out.append(Sentence(ct.quote, ct, s.score * 0.5, 0.0, frozenset(), 0.0, s.passage))
    return out[: MAX_QUOTES - 1]


_CASE_KINDS = ("score", "year", "count")  # what names a row's case ("Score B in 2026 én ≥ 5 punten")
_ROW_VALUE_KINDS = ("percent", "money")  # the value a row gives its case


def _case_of(text: str) -> set[str]:
    """The figures that name the case of a table row or a question, not the values rows give ("Score A in 2026 90%":
    score A, 2026)."""
    return {f"{q.kind}:{q.value}" for q in read(text) if q.kind in _CASE_KINDS}


def _fitting_row(assistant: Any, question: str, s: Sentence) -> Sentence | None:
    """A yes/no question that claims a table's value for a case ("met een A in 2026 krijg je 100%, toch?") is decided
    by the row whose case the question names in full ("Score A in 2026 90%"), not by a row that holds the claimed
    value for a larger case (the A of both years, 100%): that row, when it is another than `s`; else None.
    What all rows share names no case."""
    claimed = [q for q in read(question) if q.kind in _ROW_VALUE_KINDS]
    table = assistant.corpus.table_for(s.passage.id) if s.passage is not None and claimed else None
    if table is None:
        return None
    rows = [collapse_ws(r.text) for r in table.rows]
    cases = {r: _case_of(r) for r in rows}
    common = set.intersection(*cases.values()) if cases else set()
    asked_case = _case_of(question)
    fits = [r for r in rows if (cases[r] - common) and (cases[r] - common) <= asked_case]
    own = [r for r in rows if r in collapse_ws(s.text)]
    if not fits or len(own) != 1:
        return None
    best_fit = max(fits, key=lambda r: len(cases[r] - common))
    if best_fit == own[0] or (own[0] in fits and len(cases[own[0]] - common) >= len(cases[best_fit] - common)):
        return None
    ct = c.citation_for(assistant.corpus, s.passage, best_fit)
    return Sentence(ct.quote, ct, s.score, s.overlap, s.terms, s.confidence, s.passage) if ct is not None else None


# a sentence that opens by pointing at what the one before it names ("Dit ingevulde formulier ..."): read with it
_POINTS_BACK = re.compile(
    r"^\W*(?:(?:na|voor|vóór|vanaf|tot|bij|met|in|op|door|after|before|from|until|by|with|on|in)\s+)?"
    r"(?:dit|deze|die|hiervoor|daarvoor|daarna|hierna|daarbij|this|these|that)\b",  # "Na deze datum ...": the date before
    re.I,
)

# "Blijkt ... dat één of meerdere van deze doelstellingen niet worden behaald, dan ...": in a sentence that states a
# consequence, a noun with "deze" anywhere names what the sentences before it set ("die" and "dit" also relate within
# the sentence itself; elsewhere "deze kwaliteitsinformatie" is about its own section, not about the sentence before)
_NAMES_BACK = re.compile(r"\b(?:deze|these)\s+[^\W\d_]{3,}", re.I)


def _following(assistant: Any, s: Sentence, n: int = 2) -> list[Sentence]:
    """The sentences after `s` in its passage: a value often stands in a sentence that continues the one that
    matches ("... het landelijke aanvraagformulier gebruiken. Dit ingevulde formulier kunt u insturen via ...")."""
    out: list[Sentence] = []
    current = s
    chain = [s.text]  # "… op onze website: Inkoop thuiszorgtechnologie - CZ. Dit ingevulde formulier …": all before it
    for _ in range(n):
        if current.passage is None:
            break
        passage = current.passage
        nxt = c.next_sentence(c.Scored(current.score, current.text, passage, 0, current.terms))
        if nxt is None:  # the clause goes on in its next passage ("Vóór 1 mei ..." ends one, "Vóór 1 juli ..."
            passage = _next_passage(assistant.corpus, passage)  # opens the next)
            opening = c.sentences_of(passage.text, passage.kind == "table") if passage is not None else []
            nxt = collapse_ws(opening[0]) if opening else None
        ct = c.citation_for(assistant.corpus, passage, nxt) if nxt and passage is not None else None
        if ct is None or ct.quote in chain:
            break
        back = _POINTS_BACK.match(ct.quote) or (_NAMES_BACK.search(ct.quote) and states_consequence(ct.quote))
        lead = " ".join(chain) if back else None
        if lead is None and c.SPLIT_BACK.search(ct.quote) and passage.heading_trail:  # "... die hier gebruik van
            lead = c.topic_of(passage)  # willen maken ...": about what its passage is about, by its heading
        chain.append(ct.quote)
        # a sentence that points back is about what the one it continues is about ("Na deze datum ...")
        overlap = current.overlap if lead else 0.0
        current = Sentence(ct.quote, ct, s.score * 0.5, overlap, frozenset(), 0.0, passage, lead=lead)
        out.append(current)
    return out


# "hoe wordt dat bedrag elk jaar aangepast?", "how is it calculated?": how something is done, said by its participle
_PASSIVE_HOW = re.compile(
    r"\b(?:hoe|how)\s+(?:wordt|worden|werd|werden|is|are|was|were)\b.*\b(?P<done>ge\w+[dt]|\w+(?:eerd|ed))"
    r"(?:\s+\w+){0,4}\W*$"  # "... indexed each year?": a few words may follow the participle
)


def _method(assistant: Any, s: Sentence, question: str, bm: Any) -> list[Sentence]:
    """'Hoe wordt de begroting geïndexeerd?': the sentences after the answering one (in its clause) that name the asked
    action itself ("De begroting voor jaar T wordt geïndexeerd door ...", "Daarbij wordt alléén ..."): how it is done.
    The action is the question's term of most weight that the answering sentence shares."""
    done = _PASSIVE_HOW.search(fold(_asking_sentence(question) or question))
    if done is None:
        return []
    weights = bm.term_weights(question)
    shared = [t for t in bm.query_terms(done.group("done")) if t in s.terms or t in weights]
    if not shared:
        return []
    key = max(shared, key=lambda t: weights.get(t, 0.0))
    out, chain = [], _following(assistant, s, REASON_SENTENCES + 1)
    for k, f in enumerate(chain):
        if key in set(bm.query_terms(f.text)) or (k and chain[k - 1] in out and _POINTS_BACK.match(f.text)):
            out.append(f)  # ... and one that goes on from such a sentence ("Daarbij wordt alléén ...")
    return out


CONCEPT_WEIGHT = 3.5  # a question term this rare names the concept asked about
ELSEWHERE_SHARE = 0.6  # ... and a sentence with a value but without it, this far behind the best one, is about something else
ELSEWHERE_KINDS = ("count", "duration", "money", "percent", "date")
TOP_TERM_KINDS = ("date",)  # a date asked of a thing: the question's weightiest word names it, however common
SUBJECT_WEIGHT = 1.0  # a borrowed term this specific names the subject a part leaves out ("innovatiebudget", not "2027")
SUBJECT_SHARE = 0.75  # ... and weighs this share of the most specific borrowed term ("innovatiebudget", not "budget")
SHARED_WEIGHT = 3.0  # a question term this rare that the value's sentence shares with the best one in its clause


def _on_subject(
    bm: Any, text: str, focus: str | None, weights: dict[str, float], analyse: Any, candidates: list[Sentence]
) -> list[Sentence]:
    """The candidates about the subject a part or follow-up leaves out and borrows ("en per zorgaanbieder, hoeveel
    maximaal?" after a question about the innovation budget): its most specific borrowed words stand in the sentence, its lead,
    its table's header or its headings. All candidates when nothing was borrowed."""
    own_text = (focus or "").rstrip(" ?").strip()
    at = text.find(own_text) if own_text else -1
    tail = text[at + len(own_text) :].strip(" ?") if at >= 0 else ""  # the words parts._complete added, not a
    if not tail:  # conversation's earlier message (a case, whose most specific word need not be the subject)
        return candidates
    own = _content_weights(bm, focus or "", asked(focus or ""))  # both on one scale: the words' own weights
    borrowed = {t: w for t, w in bm.term_weights(tail).items() if t not in own}
    top = max(borrowed.values(), default=0.0)
    subject = {t for t, w in borrowed.items() if w >= max(SUBJECT_WEIGHT, SUBJECT_SHARE * top)}
    if not subject or max(own.values(), default=0.0) >= SUBJECT_WEIGHT:
        return candidates  # (a part with a specific word of its own, "... wanneer krijgen we dan uitsluitsel?", "... en
        # welk deel specialistisch?", is about that word: its value may stand where the borrowed words are not)
    said = lambda s: " ".join(  # noqa: E731
        x for x in (s.text, s.lead, s.context, " ".join(s.passage.heading_trail) if s.passage else "") if x
    )
    return [s for s in candidates if subject & set(analyse(said(s)))]


@functools.lru_cache(maxsize=4)
def _bound_terms(splitter: Any) -> frozenset[str]:
    """The terms of the words of a minimum or a maximum (lexicon bounds)."""
    bounds = lexicon_data()["bounds"]
    return c.terms_of(" ".join([*bounds["min"], *bounds["max"]]), splitter)


def off_subject(assistant: Any, full: str, own: str, plan: Plan) -> bool:
    """A part that borrowed the subject of the part before ("..., en is er een maximum per project?" after a question
    about the innovation budget) answered by a sentence that names neither that subject (its most specific borrowed
    words, as `_on_subject` takes them) nor a specific word of the part's own ("project"): the answer is about
    something else ("(Dit is maximaal het budget voor H&A in 2026.)")."""
    bm = assistant.index.retriever.bm25
    tail = full[len(own.rstrip(" ?")) :].strip(" ?") if full.startswith(own.rstrip(" ?")) else ""
    if not tail or not plan.quotes:
        return False
    own_weights = _content_weights(bm, own, asked(own))
    borrowed = {t: w for t, w in bm.term_weights(tail).items() if t not in own_weights}
    top = max(borrowed.values(), default=0.0)
    named = {t for t, w in borrowed.items() if w >= max(SUBJECT_WEIGHT, SUBJECT_SHARE * top)}
    bounds = lexicon_data()["bounds"]  # "is er een maximum ...?": the bound asked, no subject of its own
    own_named = {t for t, w in own_weights.items() if w >= SUBJECT_WEIGHT and t not in _bound_terms(bm.splitter)}
    named |= own_named
    said = set(c.terms_of(" ".join([plan.line, plan.quotes[0].quote]), bm.splitter))
    bound = asked_bound(own)
    quoted = fold(" ".join([plan.line, plan.quotes[0].quote]))
    if bound in ("min", "max") and not any(has_phrase(quoted, fold(w)) for w in bounds[bound]) and not any(
        q.kind in ("money", "count", "percent") for q in read(plan.quotes[0].quote)
    ):
        return True  # "geldt er een plafond per project?": a sentence with no such bound and no amount sets none
    bounded = bound in ("min", "max") or any(w > 0 and t in _bound_terms(bm.splitter) for t, w in own_weights.items())
    written = own_named & c.terms_of(own, bm.splitter)  # the part's own words as written, not what they expand to
    if bounded and written and not written & said:
        return True  # ... and a bound of something else ("maximaal het budget voor H&A") is not one per project
    return bool(named) and not named & said


def _elsewhere(bm: Any, question: str, a: Asked, value_at: Sentence, best: Sentence) -> bool:
    """The value of the asked kind stands only in a sentence about something else: the best sentence (not the value's)
    holds the question's rarest terms (CONCEPT_WEIGHT: "volgens de Treeknorm"), while the value's sentence lacks them
    and matches the question far less (ELSEWHERE_SHARE). The policy then does not state it."""
    if a.kind not in ELSEWHERE_KINDS or value_at is best:
        return False
    weights = dict(bm.term_weights(question))  # not the words that only name the kind ("welk percentage"): the value
    for t in _analyse(" ".join([*KIND_NAMES, *_kind_nouns(a)]), bm.splitter):  # says it ("dagtarief" stays: the
        weights.pop(t, None)  # concept asked about; "welke looptijd": a duration named)
    value_terms, best_terms = set(c.terms_of(value_at.text, bm.splitter)), set(c.terms_of(best.text, bm.splitter))
    if value_at.lead:  # "... die hier gebruik van willen maken ... vóór 1 augustus": what it points back at is its subject
        value_terms |= c.terms_of(value_at.lead, bm.splitter)
    held = lambda terms: sum(weights.get(t, 0.0) for t in terms)  # noqa: E731  (the question's weight a sentence holds)
    if held(value_terms) >= ELSEWHERE_SHARE * held(best_terms):
        return False
    rare = {t for t in best_terms if weights.get(t, 0.0) >= CONCEPT_WEIGHT}
    if a.kind in TOP_TERM_KINDS and weights:  # "in welk jaar komt de nieuwe bekostiging?": the date must be of it
        top = max(weights, key=lambda t: weights[t])
        rare |= {top} if top in best_terms else set()
    if value_at.citation.clause_id == best.citation.clause_id and any(
        weights.get(t, 0.0) >= SHARED_WEIGHT for t in best_terms & value_terms
    ):  # the same clause, on the same thing ("... tussen het moment dat hij de extra productieruimte aanvraagt en het
        return False  # moment dat hij hier uitsluitsel over krijgt" and "binnen 10 werkdagen uitsluitsel")
    if any(weights.get(t, 0.0) > 0 for t in best_terms & value_terms) and collapse_ws(value_at.text) in (
        collapse_ws(x) for x in _pieces_on(best, EXCEPTION_AFTER)[1:]
    ):  # right after it, on a thing of the question it names again ("Voor vragen over declaraties kunt u mailen
        return False  # naar: ... Wij doen ons uiterste best om uw vragen binnen 10 werkdagen te beantwoorden")
    return bool(rare) and not _share_a_term(rare, value_terms)  # ("indexering" is "geïndexeerd" too)


# "per" and the word after it that a value asked per something is stated per ("maximumomzet per zzp'er", "per
# 4-cijferig postcodegebied"); not a time ("per jaar"), which the value may leave to its context
_PER = re.compile(r"\bper\s+(?:\d-cijferig\s+|4-digit\s+|one\s+|één\s+|each\s+|elke\s+)?([^\W\d][\w'’-]*)")
_PER_TIMES = frozenset(
    "jaar jaarbasis maand week dag uur kwartaal year annum month week day hour quarter".split()
)  # fmt: skip


_PER_MEANS = frozenset("mail e-mail email post brief telefoon fax portal website kwartaal".split())  # "vragen per mail":
# by way of, not a value per thing


PER_POOL = 3  # the closest sentences one of which may name what a value is asked per


def _per_holder(question: str, value_at: Sentence, closest: list[Sentence], analyse: Any, expand: Any) -> Sentence | None:
    """A value asked per something ("welk maximumbedrag per zzp'er?", "the revenue cap per self-employed member")
    that one of the closest sentences names ("een maximumomzet per zzp'er"), while the value's own sentence names
    nothing of it (a € 100.000 threshold for productieafspraken): that sentence (the value is about something else,
    and the policy does not state the one asked), or None."""
    for m in _PER.finditer(fold(question)):
        if m.group(1) in _PER_TIMES or m.group(1) in _PER_MEANS:
            continue
        terms = expand(m.group(1)) | set(analyse(m.group(1)))
        if terms & set(analyse(value_at.text)):
            continue
        holder = next((o for o in closest if o is not value_at and terms & set(analyse(o.text))), None)
        if holder is not None:
            return holder
    return None


def _held_words(weights: dict[str, float], s: Sentence) -> float:
    """The question's weight a sentence holds in words, not figures: the year a question names says which policy it
    asks about, not what about."""
    return sum(w for t, w in weights.items() if t in s.terms and not t.isdigit())


def _other_givers(question: str, value_at: Sentence) -> bool:
    """The value's sentence is said of other people giving the care than those the question asks about ("maximaal
    50% ... onderaannemers" for "hoeveel procent mogen stagiaires doen?"; vocabulary.toml [care_givers]): it does
    not state the value asked."""
    asked_, said = _givers(_asking_sentence(question) or question), _givers(value_at.text)
    return bool(asked_) and bool(said) and not asked_ & said


def _givers(text: str) -> set[int]:
    """The groups of care givers (vocabulary.toml [care_givers]) a text names."""
    folded = fold(text)
    return {i for i, group in enumerate(concept_vocabulary()["care_givers"]) if any(has_phrase(folded, w) for w in group)}


REASON_SENTENCES = 3  # the sentences after a rule read for the reasons it is given


def _reasons(assistant: Any, s: Sentence) -> list[Sentence]:
    """The sentences right after `s` that give its reason (asked.toml [reason] `given_by`), in order; [] when the
    next one does not."""
    out = []
    for f in _following(assistant, s, REASON_SENTENCES):
        if not gives_reason().match(fold(f.text)):
            break
        out.append(f)
    return out


def _next_passage(corpus: Any, passage: Any, step: int = 1) -> Any:
    """The passage after `passage` in the same clause (`step` -1: the one before it), or None."""
    same = [p for p in corpus.passages_of_clause.get(passage.clause_id, []) if p.kind != "footnote" or p.id == passage.id]
    i = next((k for k, p in enumerate(same) if p.id == passage.id), None)
    return same[i + step] if i is not None and 0 <= i + step < len(same) else None


def _ranked(
    assistant: Any, text: str, year: int | None, looking_back: bool, near: Citation | None = None
) -> tuple[list[SearchHit], list[Sentence]]:
    retriever = assistant.index.retriever
    text = in_digits(text)  # "de helft" as the texts write it: 50%
    hits = retriever.search(text, k=5, year=year)
    pool = retriever.search(text, k=8, year=year)
    if near is not None:  # "..., en binnen hoeveel tijd weten we dan meer?": a part that points back is looked for in the clause
        seen = {h.passage.id for h in pool}  # that answered the part before too, found or not by its own words
        pool += [
            SearchHit(passage=p, score=0.0) for p in retriever.passages
            if p.clause_id == near.clause_id and p.year == near.year and p.id not in seen
        ]  # fmt: skip
    current = assistant.corpus.current_year
    if year is None and not looking_back:
        pool = [h for h in pool if h.passage.year == current] or pool
    kept = frozenset(h.passage.id for h in pool if near is not None and h.passage.clause_id == near.clause_id)
    return hits, _citations(assistant, c.rank_sentences(retriever.bm25, text, pool, kept))


_POLICY_WORDS = (
    r"beleid\w*|bijlage\w*|tekst|versie|policy|policies|appendix|rules?|regels?|eis|eisen|requirements?|stond|stonden|"
    r"gold|golden|stated|said|zei|old|oude|previous|vorige|versus|vs|compared|vergeleken"
)
# verbs of being and having name an older policy ("what was the norm in 2024?") unless the asker is their subject ("in
# 2024 hadden wij één cliënt", "we had two clients in 2024": the year of the asker's own case)
_STATE_WORDS = r"was|were|had|hadden"
# a question whose verb is a rule's in the past ("welk niveau moest ...", "how many clients was a case manager allowed"),
# not the asker's own doing ("moesten wij ..."): it asks what an older policy required
_ASKS_PAST_RULE = re.compile(
    r"^\W*(?:en\s+|and\s+)?(?:wat|welke?|hoeveel|hoe|what|which|how)\b(?:\s+[\w'’-]+){0,2}?\s+"
    r"(?:moest|moesten|mocht|mochten|hoefde|hoefden|gold|golden|had\s+to|needed|was\s+required|were\s+required|was\s+allowed|"
    r"were\s+allowed)\b(?!\s+(?:we|wij|ik|i|u|je|jullie)\b)"
)


RULE_NEAR = 0.85  # a sentence scoring at least this share of the closest one's is as close to the question


def bounded_rule(assistant: Any, text: str, year: int | None) -> Citation | None:
    """Of the sentences as close to `text` as the closest (RULE_NEAR, among the first RULE_POOL), the first that
    states a rule with a bounded figure ("ten minste 50% van de zorg zelf ... maximaal 50% ... onderaannemers"); None
    when none does."""
    _, ranked = _ranked(assistant, text, year, False)
    top = ranked[0].score if ranked else 0.0
    for s in ranked[:RULE_POOL]:
        if s.score >= RULE_NEAR * top and any(q.bound and q.kind in ("percent", "count", "money") for q in read(s.text)):
            return s.citation
    return None


def names_an_older_policy(corpus: Any, text: str) -> bool:
    """The question names a policy year before the one in force as a policy (`_names_policy_year`)."""
    return any(_names_policy_year(text, y) for y in corpus.years if y != corpus.current_year)


def _names_policy_year(text: str, year: int) -> bool:
    """The question names an older policy year as a policy ("de tekst uit 2024", "in 2024 stond", "the 2024
    rules"), not as the year of an event ("in 2024 zorg geleverd aan 3 cliënten")."""
    folded = fold(text)
    y = str(year)
    if y not in folded:
        return False
    def near(words: str) -> str:
        return rf"\b(?:{words})\W+(?:[\w'’-]+\W+){{0,3}}?{y}\b|\b{y}\W+(?:[\w'’-]+\W+){{0,2}}?(?:{words})\b"

    if re.search(near(_POLICY_WORDS), folded) or re.search(rf"\b(?:uit|sinds|since)\s+{y}\b", folded):
        return True
    since = "|".join(re.escape(fold(w)) for w in lexicon().compared_since)
    if re.search(rf"(?<![\w.])(?:{since})\s+{y}\b", folded) and any(has_phrase(folded, w) for w in lexicon().compares):
        return True  # "is de norm voor de verpleegkundige op onze AGB-code anders t.o.v. 2024?": the year compared with
    theirs = re.sub(rf"\b(?:{OWN.pattern})\s+(?:{_STATE_WORDS})\b|\b(?:{_STATE_WORDS})\s+(?:{OWN.pattern})", " ", folded)
    if re.search(near(_STATE_WORDS), theirs):  # "what was the norm in 2024?"; not "in 2024 hadden wij ..."
        return True
    said = next((x for x in re.split(r"(?<=[.!?])\s+", folded) if y in x), folded)
    if _ASKS_PAST_RULE.match(said):  # "wat moest een casemanager bij ons in 2024 aan opleiding hebben?": a rule
        return True  # of then asked; the asker's words in a clause of its subject do not make the year their own
    return not OWN.search(said)  # "in 2024 hadden wij daar twee cliënten": the year of the asker's own case


_CONTINUES = re.compile(
    r"^\W*(dit|deze|dat|die|daarna|daarbij|daarvoor|daarmee|hierbij|hiervoor|hiermee|dan|na deze|zij|hij|het recht|"
    r"this|these|that|those|then|after this|after that|it|they)\b",
    re.I,
)
CONTINUE_SHARE = 0.2


def _refers_back(follower: str, anchor: str) -> bool:
    """'De cliënten die zich hebben aangemeld, ...' after a sentence about those clients: a definite article
    with a noun of the sentence before it."""
    m = re.match(r"^\W*(de|het|die|the)\s+([\w'’-]{4,})", follower, re.I)
    return bool(m) and fold(m.group(2)) in fold(anchor)


def _extended(assistant: Any, s: Sentence, ranked: list[Sentence]) -> Citation:
    """The quote of `s`, with the sentence after it when that one continues it ("Na deze datum is het recht
    daarop vervallen.") or bears on the question itself; a quote that ends in a list's lead-in ("... gebaseerd is
    op:") goes on with the list's items."""
    if s.passage is not None and s.text.rstrip().endswith(":") and _row_of(assistant, s) is None:
        return _with_items(assistant, s.citation, s)  # a lead-in goes on with its items, not another sentence
    ct = _extended_once(assistant, s, ranked)
    return _with_items(assistant, ct, s) if s.passage is not None else ct


MAX_ITEMS = 6  # a lead-in is quoted with at most this many of its items ...
MAX_ITEMS_CHARS = 800  # ... and not beyond this length


def _with_items(assistant: Any, ct: Citation, s: Sentence) -> Citation:
    """A quote (of `s`, perhaps with the sentence after it) that ends in a list's lead-in, with the items that
    follow it in the passage."""
    passage = s.passage
    if passage is None or not ct.quote.rstrip().endswith(":"):
        return ct
    sentences = [collapse_ws(x) for x in c.sentences_of(passage.text, passage.kind == "table")]
    own = collapse_ws(s.text)
    start = next((k for k, x in enumerate(sentences) if x == own or own.endswith(x)), 0)  # the list after `s` itself
    i = next((k for k in range(start, len(sentences)) if ct.quote.endswith(sentences[k])), None)
    if i is None:
        return ct
    items: list[str] = []
    for x in sentences[i + 1 : i + 1 + MAX_ITEMS]:  # an item opens in lower case or follows one that ends in ";"
        # (the first item may open in capitals: "NAW-gegevens van de zorgaanbieder;")
        open_list = not items or items[-1].rstrip().endswith(";")
        if not (c._LIST_ITEM.match(x) or open_list) or len(ct.quote) + len(" ".join([*items, x])) > MAX_ITEMS_CHARS:
            break
        items.append(x)
        if not x.rstrip().endswith((";", ",")) and not c._LIST_ITEM.match(x):
            break  # "Met deze zorgaanbieder hebben we ... afgesloten.": one whole sentence, the list goes on unmarked
    if not items:
        return ct
    return c.citation_for(assistant.corpus, passage, f"{ct.quote} {' '.join(items)}") or ct


def _extended_once(assistant: Any, s: Sentence, ranked: list[Sentence]) -> Citation:
    if _row_of(assistant, s) is not None:
        return s.citation  # a table row stands alone (the next row is another case)
    s = _with_condition(assistant, s)
    nxt = _following(assistant, s, 1)
    if not nxt:
        return s.citation
    follower = nxt[0]
    scored = next((r for r in ranked if r.text == follower.text), None)
    best = ranked[0].overlap if ranked else 0.0
    if not (_CONTINUES.match(follower.text) or _refers_back(follower.text, s.text) or (
        scored is not None and scored.overlap >= CONTINUE_SHARE * best
    )):
        return s.citation
    joined = f"{collapse_ws(s.text)} {collapse_ws(follower.text)}"
    ct = c.citation_for(assistant.corpus, s.passage, joined) if s.passage is not None else None
    return ct or s.citation


_THEN = re.compile(r"^\W*(?:dan|then)\b", re.I)
_UNTIL_THEN = re.compile(  # "Tot die tijd mag de zorg niet worden stopgezet.": says nothing without the sentence before
    r"^\W*(?:tot\s+(?:die\s+tijd|dan|dat\s+moment|die\s+datum)|until\s+then|till\s+then)\b", re.I
)


def _with_condition(assistant: Any, s: Sentence, points_back: bool = False) -> Sentence:
    """"Verwacht de zorgaanbieder ... dat zijn omzetplafond ontoereikend is? Dan kan hij ...": a sentence that
    opens with "dan" after a question in the text is the answer to that condition; it is quoted with it, as is one
    that opens with "tot die tijd" (until what the sentence before says). With
    `points_back`, so is a sentence that points back at the one before it ("... uiterlijk 15 mei. Na deze datum
    is het recht daarop vervallen.": which date)."""
    back = (points_back and _POINTS_BACK.match(s.text) is not None) or _UNTIL_THEN.match(s.text) is not None
    if s.passage is None or not (_THEN.match(s.text) or back):
        return s
    before = c.next_sentence(c.Scored(s.score, s.text, s.passage, 0, s.terms), -1)
    if before is None and back:  # the clause's passage before ends with the sentence pointed back at
        prior = _next_passage(assistant.corpus, s.passage, -1)
        closing = c.sentences_of(prior.text, prior.kind == "table") if prior is not None else []
        before = collapse_ws(closing[-1]) if closing and prior.kind != "table" else None
    if not before or not (back or before.rstrip().endswith("?")):
        return s
    ct = c.citation_for(assistant.corpus, s.passage, f"{before} {collapse_ws(s.text)}")
    if ct is None:
        return s
    return Sentence(ct.quote, ct, s.score, s.overlap, s.terms, s.confidence, s.passage, s.context, s.lead)


def _distinct(citations: list[Citation]) -> list[Citation]:
    """Citations without one that another contains (an extended quote absorbs the sentence it extends)."""
    out: list[Citation] = []
    for ct in citations:
        q = collapse_ws(ct.quote)
        if any(q in collapse_ws(o.quote) for o in out):
            continue
        out = [o for o in out if collapse_ws(o.quote) not in q] + [ct]
    return out


def _dedupe(sentences: list[Sentence]) -> list[Sentence]:
    seen: set[str] = set()
    out = []
    for s in sentences:
        key = collapse_ws(s.text)
        if key in seen or any(key in o for o in seen):
            continue
        seen.add(key)
        out.append(s)
    return out


# ---------------------------------------------------------------- the answer line


def _fmt_num(q: Quantity, lang: str) -> str:
    """The quantity as the policy writes it, or in English notation for an English answer."""
    if lang != "en":
        return q.text
    out = q.text
    for n in find_numbers(q.text, words=False):
        v = n.value
        out = out.replace(n.raw, format_number(v, "en"), 1)
    for nl, en in c.PHRASES_EN.items():
        out = re.sub(rf"\b{re.escape(nl)}\b", en, out, flags=re.I)
    return re.sub(r"\bcliënten\b|\bclienten\b", "clients", re.sub(r"\btot\b", "to", out))


def _per_phrase(sentence: str, q: Quantity, lang: str = "nl") -> str:
    """'per fte', 'per 4-cijferig postcodegebied' right after a count belongs to it; so does the other side of a ratio
    later in its clause ("minimaal 1 fte hbo-bachelor opgeleide verpleegkundige (niveau 6) op 55 cliënten": "op 55
    cliënten"), in the reader's language."""
    after = sentence[q.end :] if q.end <= len(sentence) else ""
    m = re.match(r"\s*(per\s+(?:[\w'\-]+\s+){0,2}?[\w'\-]+)", after)
    if m:
        return m.group(1)
    r = _RATIO_AFTER.match(after)
    if r is None or q.kind != "count":
        return ""
    unit = lexicon().unit_for(fold(r.group(2)))
    if unit is None or unit == q.unit:
        return ""
    return f"per {r.group(1)} {_UNITS_EN.get(unit, r.group(2))}" if lang == "en" else f"op {r.group(1)} {r.group(2)}"


RATIO_CHARS = 70  # how far after a count the other side of its ratio may stand in the same clause
_RATIO_AFTER = re.compile(rf"^[^,.;:]{{0,{RATIO_CHARS}}}?\s(?:op|per|for every|voor elke)\s+(\d+)\s+([^\W\d_][\w'-]*)")


def _value_line(a: Asked, value: Quantity | str, sentence: str, question: str, lang: str) -> str:
    if isinstance(value, str):  # an e-mail address or a level phrase
        if a.kind == "contact" and "@" in value:
            return f"By e-mail to {value}." if lang == "en" else f"Per e-mail naar {value}."
        how = re.search(r"\b(?:door|by)\b[^.;:]*?" + re.escape(value), sentence, re.I) if a.kind == "contact" else None
        if how is not None:  # "Dit doet hij door een digitale vragenlijst in te vullen in VECOZO": how, with the channel
            value = how.group(0)
        if a.kind == "role":  # who does it: the sentence that names them, as the policy says it
            said = value.rstrip(" .;:")
            return f"The policy says: «{said}»{_gloss(said)}." if lang == "en" else said[:1].upper() + said[1:] + "."
        if lang == "en" and a.kind in ("contact", "frequency", "date"):  # a website, "per kwartaal", "tijdens de
            # openingstijden van ...": as the policy writes it
            return f"The policy says: «{value}»{_gloss(value)}."
        if lang == "en" and a.kind == "level":  # "niveau 4 of 6": "Level 4 or 6"
            value = " ".join(_LEVEL_EN.get(w.lower(), w) for w in value.split())
        return value[:1].upper() + value[1:] + "."
    if value.kind == "period" and _whole_month(value):
        month = fmt_date(value.value[0], lang).split(" ", 1)[1]
        month = month if value.explicit_year else _no_year("1 " + month).split(" ", 1)[1]
        return f"In {month}." if lang == "en" else f"In {month}."
    if value.kind == "period":
        first, last = value.value
        f, la = fmt_date(first, lang), fmt_date(last, lang)
        if not value.explicit_year:
            f, la = _no_year(f), _no_year(la)
        folded = fold(question)
        if re.search(r"tot wanneer|until when|by when|deadline|uiterlijk|sluit|close", folded):
            return f"Until {la} (from {f} to {la})." if lang == "en" else f"Tot en met {la} (van {f} tot en met {la})."
        if re.search(r"vanaf wanneer|from when|start|begin|opent|open", folded):
            return f"From {f} (until {la})." if lang == "en" else f"Vanaf {f} (tot en met {la})."
        return f"From {f} to {la}." if lang == "en" else f"Van {f} tot en met {la}."
    if value.kind == "year":  # "In 2028 wil CZ groep ...": the year with the word that makes it a time
        word = value.before[-1]
        word = year_words(a.kind).get(word, word) if lang == "en" else word
        return f"{word[:1].upper()}{word[1:]} {value.value}."
    if value.kind == "money":
        return _BOUND_WORDS.get(value.bound or "", ("", ""))[1 if lang == "en" else 0] + " " + format_eur(value.number, lang)
    if value.kind == "date":
        d = fmt_date(value.value, lang)
        d = d if value.explicit_year else _no_year(d)
        if value.relative:  # "medio juni" as the policy writes it, never a day it does not name
            d = translate_months(_RELATIVE_EN.sub(lambda m: _RELATIVE_EN_WORDS[m.group(0).lower()], value.text)) if lang == "en" else value.text
        bound = value.bound or ("until" if re.search(r"\buiterlijk\b", fold(sentence)) else None)
        bound = _DATE_BOUNDS.get(bound or "", bound)  # "vanaf 1 januari" is a first day, no minimum
        default = ("", "") if value.relative else ("Op", "On")
        word = _BOUND_WORDS.get(bound or "", default)[1 if lang == "en" else 0]
        return f"{word} {d}.".strip()
    if value.kind == "time":  # "tussen 23.00 en 7.00 uur" as the policy writes it; in English in its words
        t = value.text
        if lang == "en":
            t = _TIME_EN.sub(lambda m: _TIME_EN_WORDS[m.group(1).lower()], re.sub(r"\s*\buur\b", "", t))
        return t[:1].upper() + t[1:] + "."
    long = c._YEARS_LONG.fullmatch(value.text)
    if long and value.unit == "years_count":  # "een 1-jarige overeenkomst": the figure with what it is the length of
        noun = re.match(r"\s+([^\W\d]{3,})", sentence[value.end :])
        said = f"{value.text} {noun.group(1)}" if noun else value.text
        return f"{long.group(1)}-year ({said})." if lang == "en" else said[:1].upper() + said[1:] + "."
    per = _per_phrase(sentence, value, lang)
    text = _fmt_num(value, lang) + (" " + per if per else "")
    if lang == "en" and value.unit in _UNITS_EN and value.kind in ("count", "range"):
        nums = [n for n in find_numbers(value.text, words=False)]
        if nums:
            num = " to ".join(f"{int(n.value):,}" if n.value == int(n.value) else f"{float(n.value):,.2f}" for n in nums)
            unit = "working days" if "werkdag" in fold(value.text) else _UNITS_EN[value.unit]
            text = f"{num} {unit}" + (" " + per if per else "")
    word = _BOUND_WORDS.get(value.bound or "", ("", ""))[1 if lang == "en" else 0]
    if not word and re.search(r"\bgemiddeld\s*$", fold(sentence[: value.start])[-20:]):
        word = "On average" if lang == "en" else "Gemiddeld"
    line = f"{word} {text}".strip()
    return line[:1].upper() + line[1:] + "."


_TIME_EN_WORDS = {"tussen": "between", "van": "from", "vanaf": "from", "en": "and", "tot": "to", "om": "at"}
_TIME_EN = re.compile(r"\b(" + "|".join(_TIME_EN_WORDS) + r")\b", re.I)
_LEVEL_EN = {"niveau": "level", "of": "or", "en": "and", "hoger": "higher", "minimaal": "at least", "hbo-niveau": "bachelor level"}
_RELATIVE_EN_WORDS = {"half": "mid", "medio": "mid", "midden": "mid", "begin": "early", "eind": "end of", "einde": "end of"}
_RELATIVE_EN = re.compile(r"\b(" + "|".join(_RELATIVE_EN_WORDS) + r")\b", re.I)


_FROM_STEP = {"na", "after", "vanaf", "from", "following"}  # "binnen 2 maanden na zijn inschrijving": counted from a step


def _counted_from(value: Quantity | str, question: str, lang: str, year: int, step_day: date | None = None) -> str:
    """'Binnen 2 maanden (na de inschrijving)' for an asker who dates that step ('we schreven ons op 3 januari 2027
    in', or `step_day`: the day a follow-up gave, placed in its year): the date it comes to, worked out, never a date
    the policy would not give for that day."""
    if isinstance(value, str) or value.kind != "count" or value.bound != "within" or not set(value.after[:1]) & _FROM_STEP:
        return ""
    if value.unit not in DAYS_PER_UNIT or "werkdag" in fold(value.text) or "working" in fold(value.text):
        return ""  # working days depend on holidays the policy does not list
    dates = [q for q in read(question, default_year=year) if q.kind in ("date", "period") and not q.negated]
    if step_day is None and (
        len(dates) != 1 or dates[0].kind != "date" or dates[0].relative or not dates[0].explicit_year
    ):
        return ""  # one day the asker wrote in full; with two dates or "half januari" the step is not known
    day = step_day or dates[0].value
    end = plus(day, value.number, value.unit)
    if end is None:
        return ""
    start, end_s = fmt_date(day, lang), fmt_date(end, lang)
    return f" Counted from {start}: by {end_s}." if lang == "en" else f" Gerekend vanaf {start}: uiterlijk {end_s}."


def _whole_month(q: Quantity) -> bool:
    """'in september': a period of one whole month, written without days."""
    first, last = q.value
    return first.day == 1 and first.month == last.month and first.year == last.year and not re.search(r"\d{1,2}\s", q.text)


def _gloss(dutch: str) -> str:
    """English for the policy's key terms in a Dutch sentence shown to an English reader (never new numbers)."""
    g = c.gloss_en([Citation(clause_id="", doc="", year=0, section="", title="", quote=dutch)])
    return f" ({g[0].lower() + g[1:]})" if g else ""


def _clean_span(text: str) -> str:
    """A sentence as an answer line: without footnote marks ("[1]") and list bullets."""
    return re.sub(r"\s*\[\d+\]", "", text).lstrip("•-– ").strip()


def _no_year(d: str) -> str:
    return re.sub(r"\s+\d{4}$", "", d)


ABOUT_SHARE = 0.05  # the least share of the question's term weight the words around a value must hold
ABOUT_WINDOW = 110  # characters on each side of a value whose words must share a question term


def _about(
    value: Quantity | str, sentence: str, weights: dict[str, float], analyse: Any, context: str = "", lead: str = ""
) -> float:
    """The words around a value share a question term: "€ 100.000" next to "productieafspraak" does not answer
    a question about a fine, whatever else the sentence says. `context`: the header of the table whose row
    `sentence` is ("Maximale vergoeding op gehonoreerd aanvullend budget"), words about every row's value."""
    if isinstance(value, str):
        i = sentence.find(value)
        start, end = (i, i + len(value)) if i >= 0 else (0, len(sentence))
    else:
        start, end = value.start, value.end
    window = len(sentence) if context else ABOUT_WINDOW  # a table row is one unit: its key cell says what the value is
    before = sentence[max(0, start - window) : start]
    after = sentence[end : end + window]
    near = sentence[max(0, start - ABOUT_WINDOW // 2) : end + ABOUT_WINDOW // 2]
    terms = analyse(before) | analyse(after) | (analyse(context) if context else set()) | (analyse(lead) if lead else set())
    return sum(weights.get(t, 0.0) for t in terms) + 0.5 * sum(weights.get(t, 0.0) for t in analyse(near))


def _value_in(a: Asked, s: Sentence, weights: dict[str, float], analyse: Any) -> Quantity | str | None:
    found = _values(a, s, weights, analyse)
    if not found:
        return None
    if a.kind == "date":  # a period beats a single date; a date with its year beats one without
        periods = [v for v in found if isinstance(v, Quantity) and v.kind == "period"]
        return periods[0] if periods else found[0]
    return found[0]


def _values(
    a: Asked, s: Sentence, weights: dict[str, float], analyse: Any, bound: str | None = None, anywhere: bool = False
) -> list[Quantity | str]:
    """The values of the asked kind in `s` that are about the question, the most relevant first; of two, the
    one with the bound the question asks for ("hoeveel mag maximaal in onderaanneming?": "maximaal 50%", not "ten minste 50%").
    `anywhere`: every value of the asked kind counts (the sentence is known to be about the question)."""
    context = s.context or ""
    opposite = {"min": "max", "max": "min"}.get(bound or "")
    scored = [
        (_about(v, s.text, weights, analyse, context, s.lead or ""), isinstance(v, Quantity) and bool(bound) and v.bound == bound, i, v)
        for i, v in enumerate(holds(a, s.text))
        if not (_share_of_other(v, s.text, weights, analyse) and not a.several) and not _footnote_mark(v, s)
        # a maximum is not answered by a minimum ("hoeveel kan één aanbieder maximaal krijgen?": "minimaal € 50.000" is
        # a floor of something else); dates keep theirs ("vanaf 1 december" answers "tot wanneer uiterlijk?" too)
        if not (opposite and isinstance(v, Quantity) and v.kind in ("money", "percent", "count") and v.bound == opposite)
        and not _article(v)
    ]
    # ("zorg", in nearly every sentence, makes no value about the question)
    least = -1.0 if anywhere else ABOUT_SHARE * sum(weights.values())
    wordy = {t: w for t, w in weights.items() if not t.isdigit()}
    return [
        v for w, _, _, v in sorted(scored, key=lambda x: (-x[1], -x[0], x[2])) if w > least
        # a year alone is about the question by its words, not by another year ("in 2026" near "voor 2027")
        and not (
            isinstance(v, Quantity) and v.kind == "year"
            and _about(v, s.text, wordy, analyse, context, s.lead or "") <= YEAR_ABOUT_SHARE * sum(wordy.values())
        )
    ]  # fmt: skip


_ARTICLE = re.compile(r"(?:een|a|an)\b", re.I)  # written without the accents of "één": an article, not a count


def _article(v: Quantity | str) -> bool:
    """"Een zorgaanbieder die ...": a count read from the indefinite article is no value the policy states."""
    return isinstance(v, Quantity) and not v.digits and _ARTICLE.match(v.text) is not None


def _footnote_mark(v: Quantity | str, s: Sentence) -> bool:
    """A footnote's number at the start of its text ("1 Zzp’ers beschikken over ..."): a mark, not a value."""
    footnote = s.passage is not None and s.passage.kind == "footnote"
    return footnote and isinstance(v, Quantity) and v.kind in ("number", "count") and v.start <= FOOTNOTE_MARK_CHARS


FOOTNOTE_MARK_CHARS = 2  # where a footnote's own number stands in its text


DATES_FOLLOWING = 3  # sentences after the answering one that may continue its list of dates


def _dates_of(assistant: Any, a: Asked, s: Sentence, value: Any) -> list[Quantity]:
    """The dates `s` sets, in the order it says them, and those of the sentences right after it that open with a
    date of the same bound ("Vóór 1 april ... Vóór 1 mei ... Vóór 1 juli ..."): a timeline; [] otherwise."""
    if not isinstance(value, Quantity) or value.kind not in ("date", "period"):
        return []
    dated = lambda t: [v for v in holds(a, t) if isinstance(v, Quantity) and v.kind in ("date", "period")]  # noqa: E731
    opens = lambda t: next(  # noqa: E731
        (v for v in sorted(dated(t), key=lambda v: v.start) if v.start <= DATE_OPENS and v.bound == value.bound), None
    )
    found = sorted(dated(s.text), key=lambda v: v.start)
    before: list[Quantity] = []
    current = s.text
    for _ in range(DATES_FOLLOWING):  # the steps before it ("Vóór 1 april ..." before "Vóór 1 mei ...")
        if s.passage is None or opens(current) is None:
            break
        prev = c.next_sentence(c.Scored(s.score, current, s.passage, 0, s.terms), -1)
        first = opens(prev) if prev else None
        if first is None:
            break
        before.insert(0, first)
        current = prev or ""
    for nxt in _following(assistant, s, DATES_FOLLOWING):
        first = opens(nxt.text)
        if first is None:
            break
        found.append(first)
    found = before + found
    return found if len(found) > 1 else []


STEP_SHARE = 0.5  # a dated sentence of the section is a step of the timeline asked when it is this much about it


def _dated(a: Asked, text: str) -> list[Quantity]:
    return sorted((v for v in holds(a, text) if isinstance(v, Quantity) and v.kind in ("date", "period")), key=lambda v: v.start)


def _dated_steps(s: Sentence, candidates: list[Sentence], a: Asked) -> list[Sentence]:
    """The sentences of `s`'s section and year (among the candidates with a date, `s` first) that set a date, in the
    order the section says them: the steps of a timeline spread over sentences ("in september ... vóór 1 oktober ...
    vóór 31 december 2027"). One date each; at most MAX_QUOTES."""
    same = [o for o in _dedupe([s, *candidates]) if (o.citation.section, o.citation.year) == (s.citation.section, s.citation.year)]
    same = [o for o in same if _dated(a, o.text)][:MAX_QUOTES]
    if s.passage is None:
        return same
    text = collapse_ws(s.passage.text)
    return sorted(same, key=lambda o: text.find(collapse_ws(o.text)) if collapse_ws(o.text) in text else len(text))


def _several_of(a: Asked, s: Sentence, lang: str) -> list[str]:
    """The values of the asked kind `s` gives, in its order, each with the words that say what it is (verbatim)
    after its bound ("maximaal 25% ongesorteerd restafval": «25% ongesorteerd restafval», at most)."""
    found = sorted((v for v in holds(a, s.text) if isinstance(v, Quantity)), key=lambda v: v.start)
    bound = lambda v: _BOUND_WORDS.get(v.bound or "", ("", ""))[1 if lang == "en" else 0].lower()  # noqa: E731
    return [f"{bound(v)} «{_clean_span(with_its_words(s.text, v))}»".strip() for v in found]


DATE_OPENS = 8  # characters into a sentence within which its date opens it ("Vóór 1 mei levert ...")


def _share_of_other(v: Any, sentence: str, weights: dict[str, float], analyse: Any) -> bool:
    """A percentage followed by the noun it is a share of, which the question does not name ("(90% personele
    kosten en 10% materiele kosten)" for a question about an index percentage): a share of something else."""
    if not isinstance(v, Quantity) or v.kind != "percent":
        return False
    after = re.findall(r"[^\W\d_]+", sentence[v.end : v.end + 40])
    if not after or fold(after[0]) in _not_its_noun():
        return False
    noun = analyse(" ".join(after[:2]))
    return bool(noun) and not noun & set(weights)


@functools.lru_cache(maxsize=1)
def _not_its_noun() -> frozenset[str]:
    return frozenset(fold(w) for w in asked_phrases("kinds.percent", "not_its_noun"))


def asked_bound(question: str) -> str | None:
    """"min" or "max" when the question asks for a minimum or a maximum (the lexicon's bound words), else None."""
    folded = fold(question)
    found = {k for k in ("min", "max") if any(word_pattern(p).search(folded) for p in lexicon().bounds.get(k, []))}
    return found.pop() if len(found) == 1 else None


def _heading_weight(s: Sentence, weights: dict[str, float], analyse: Any) -> float:
    """Question terms in the clause's headings: a sentence of "Kwaliteit van de zorg" answers a question about
    quality information before one of "Medische kindzorg" that says the same of another group."""
    p = s.passage
    if p is None:
        return 0.0
    return sum(weights.get(t, 0.0) for t in analyse(" ".join(p.heading_trail[-2:])))


MONTH_BONUS = 1.0  # a whole month, for a question that asks which month
NEAR_BONUS = 2.0  # a value in the section that answered the part a part points back at (above a sentence that holds
# all of the part's own few words: "en wanneer krijg ik dan antwoord?" asks of the section before, not of "laten weten")
SCOPE_PENALTY = 0.5  # a value in a section for one group only (corpus manifest `scopes`) the question does not name
YEAR_ABOUT_SHARE = 0.5  # a year alone says when only with half the question's words (not its years) around it
YEAR_ONLY = 0.1  # a year alone ("in 2028") against a date about the question as much
END_BONUS = 0.3  # a date with an end bound, for a question that asks until when
INSURER_STEP = 0.6  # a date of the insurer's own step, for a deadline the provider asks: it ends nothing the asker
# does, so it loses the end bonus and as much again (a step of the provider's with a date goes before it)
START_BONUS = 0.3  # a date with a start bound, for a question that asks from when (a deadline loses as much)


_STARTS = ("since", "min", "after")  # the bounds that open a time ("vanaf", "na")


def _has_end(v: Quantity) -> bool:
    """A date with an end bound ("vóór 31 december", "uiterlijk 20 september") or a period of named days ("2-31
    mei"); not a month or a date without a bound ("in september", "op 1 juli")."""
    if v.kind == "date":
        return v.bound in ("before", "until")
    return v.kind == "period" and bool(re.search(r"\d", re.sub(r"(?:19|20)\d\d", "", v.text)))


def _insurers_step(sentence: str) -> bool:
    """The sentence opens with the insurer as the one who acts ("Wij plaatsen ..."), not asking the provider to
    ("Wij vragen zorgaanbieders ..."): asked.toml [kinds.date] insurer_subjects, asks_of_provider."""
    words = re.findall(r"[\w'-]+", fold(sentence))
    subjects = sorted(asked_phrases("kinds.date", "insurer_subjects"), key=len, reverse=True)
    for subject in subjects:
        n = len(subject.split())
        if words[:n] == subject.split():
            return len(words) > n and words[n] not in asked_phrases("kinds.date", "asks_of_provider")
    return False


def asks_own_step(question: str) -> bool:
    """A deadline asked that names no insurer ("we want to apply: what's the deadline?") is the provider's own."""
    folded = fold(question)
    return not any(has_phrase(folded, w) for w in asked_phrases("kinds.date", "insurer_named"))


def _best_value(
    a: Asked, candidates: list[Sentence], weights: dict[str, float], analyse: Any, bound: str | None = None,
    end: bool = False, letters: frozenset[str] = frozenset(), near: str | None = None, month: bool = False,
    outside: frozenset[tuple[str, str]] = frozenset(), start: bool = False, asker_acts: bool = False,
) -> list[tuple[Sentence, Quantity | str]]:
    """Sentences with a value of the asked kind about the question, best first: how much of the question the
    value's surroundings, the sentence and its headings hold (a date with its year counts a little extra);
    `asker_acts`: a deadline asked of no insurer is the provider's own (a date of the insurer's own step counts less)."""
    top = max((s.overlap for s in candidates), default=1.0) or 1.0
    total = sum(weights.values()) or 1.0
    end_asked = a.kind == "date" and end
    out = []
    for rank, s in enumerate(candidates):
        if _worked_example(s):
            continue  # "Een rekenvoorbeeld: ... 7 ÷ 3 = 2,33": the example's figures are no value of the rule
        if letters and (said := {q.value for q in read(s.text) if q.kind == "score"}) and not said & letters:
            continue  # "hoeveel punten voor een A?": a sentence about B and C scores does not answer it
        at_near = near is not None and s.citation.section == near
        values = _values(a, s, weights, analyse, bound, anywhere=at_near)  # a part that points back ("en wanneer
        if not values:  # krijg ik dan antwoord?"): a value of the asked kind in the section that answered the part
            continue  # before is about it, whatever words stand around it
        v = values[0]
        score = _about(v, s.text, weights, analyse, s.context or "", s.lead or "") / total + s.overlap / top + 0.5 * _heading_weight(s, weights, analyse) / total
        if isinstance(v, Quantity) and v.kind in ("date", "period") and v.explicit_year:
            score += 0.1
        if isinstance(v, Quantity) and v.kind == "year":
            score -= YEAR_ONLY  # a day or a month says when more exactly than a year alone
        if end_asked and isinstance(v, Quantity) and _has_end(v):
            score += END_BONUS  # "tot wanneer?": "vóór 31 december 2027" or "2-31 mei" before "in september"
            score -= INSURER_STEP if asker_acts and _insurers_step(s.text) else 0.0  # "what's our deadline?": not
            # "Wij plaatsen uiterlijk medio juni een formulier" when the provider's own step has a date too
        if start and isinstance(v, Quantity) and v.kind == "date" and v.bound:  # "vanaf wanneer?": "vanaf 1 januari
            score += START_BONUS if v.bound in _STARTS else -START_BONUS if _has_end(v) else 0.0  # 2027", no deadline
        if month and isinstance(v, Quantity) and v.kind == "period" and _whole_month(v):
            score += MONTH_BONUS  # "in welke maand?": "in september" before "vóór 31 december 2027"
        if near is not None and s.citation.section == near:
            score += NEAR_BONUS  # a part that points back: the section that answered the part before
        if (s.citation.doc, s.citation.section) in outside:
            score -= SCOPE_PENALTY  # a section for one group (Bijlage 2: kindzorg) the question does not name
        out.append((score - 0.01 * rank, s, v))
    out.sort(key=lambda x: -x[0])
    return [(s, v) for _, s, v in out]


_ARITHMETIC = re.compile(r"\d\s*[÷×*/]\s*\d[\d.,]*\s*=\s*\d")  # "7 ÷ 3 = 2,33": a sum worked out
EXAMPLE_SPAN = 3  # the sentences after an example's opening that may still be the example, up to its sum


def _worked_example(s: Sentence) -> bool:
    """The sentence is part of a worked example: it works out a sum, opens an example (asked.toml [example]), or
    stands between such an opening and the sum that ends it in its passage ("Dan hebt u in totaal 7 cliënten")."""
    if _ARITHMETIC.search(s.text) or opens_example(s.text):
        return True
    return s.passage is not None and collapse_ws(s.text) in _example_sentences(s.passage.text, s.passage.kind == "table")


@functools.lru_cache(maxsize=256)
def _example_sentences(text: str, table: bool) -> frozenset[str]:
    """The sentences of a passage that stand between an example's opening and the sum that ends it (at most
    EXAMPLE_SPAN after the opening), found once per passage."""
    out: set[str] = set()
    opened = None  # the index of the last opening, while its example runs
    for i, sentence in enumerate(collapse_ws(x) for x in c.sentences_of(text, table)):
        if opened is not None and i - opened <= EXAMPLE_SPAN:
            out.add(sentence)
        if _ARITHMETIC.search(sentence):
            opened = None  # the example ends with its sum
        elif opens_example(sentence):
            opened = i
    return frozenset(out)


OTHER_BOUND_SHARE = 0.8  # the bound the policy does set is said only from a sentence this much about the question


def _other_bound(
    assistant: Any, a: Asked, candidates: list[Sentence], weights: dict[str, float], analyse: Any, bound: str | None,
    with_value: list[tuple[Sentence, Any]], text: str, lang: str, supporting: Sentence, **ranking: Any,
) -> Plan | None:
    """A maximum asked where the best value about the question is a minimum (or the other way round): the answer
    says the policy names no such bound, and the bound it does set; None otherwise. `ranking`: the value ranking's
    other arguments (as for the asked bound)."""
    if bound not in ("min", "max") or a.kind not in ("money", "percent", "count"):
        return None
    best = _best_value(a, candidates, weights, analyse, None, **ranking)
    if not best or not isinstance(best[0][1], Quantity) or best[0][1].bound != {"min": "max", "max": "min"}[bound]:
        return None
    s, v = best[0]
    if with_value and with_value[0][0].overlap >= s.overlap:
        return None  # a value with the asked bound is about the question at least as much
    if (
        s.overlap < OTHER_BOUND_SHARE * supporting.overlap or _elsewhere(assistant.index.retriever.bm25, text, a, s, supporting)
        or _other_givers(text, s)
    ):
        return None  # the value stands in a sentence about something else ("minimaal € 50.000" of a new provider's
        # revenue for a question about the innovation budget)
    s, v = _row_asked(assistant, s, v, text, a)  # a table of years: the row of the year asked, else the policy's
    said = _value_line(a, v, s.text, text, lang).rstrip(".")
    line = msg("other_bound", lang, asked=msg(f"bound_{bound}", lang), value=said[:1].lower() + said[1:])
    # the asked bound is not stated: a "not stated" answer, with the bound the policy does set as its context
    return Plan("not_stated", line + _where(s.citation, lang) + ".", [s.citation], [], refused=True, intent="refuse:not_stated")


def _content_weights(bm25: Any, question: str, a: Asked | None, focus: str | None = None) -> dict[str, float]:
    """The question's term weights without the words that only name the asked kind ("wanneer", "hoeveel",
    "euro", "datum"): those say what kind of value is wanted, not what it is about."""
    weights = dict(bm25.term_weights(question))
    kind_words = " ".join(_kind_cues(a))
    for t in _analyse(kind_words, bm25.splitter):
        weights.pop(t, None)
    if focus:  # a part of a multi-part question: its own words decide, the words it borrowed only help find it
        own = set(bm25.query_terms(focus))
        mine = {t: w for t, w in weights.items() if t in own and w > 0}
        if mine:  # what was said before the part ("Bijcontractering 2027: ...", "We willen een innovatieproject
            # starten. Per wanneer moet het plan binnen zijn?") is what it is about, at a share of its weight
            for t in bm25.query_terms(_lead(question, focus)):
                if t not in mine and weights.get(t, 0) > 0:
                    mine[t] = LEAD_SHARE * weights[t]
            return mine
    return weights


LEAD_SHARE = 0.5  # the weight of a term said before the asking part, against one of the part's own words


def _lead(question: str, focus: str) -> str:
    """The text before the asking part in the question: a topic ("Bijcontractering 2027:") or the sentences that
    set out the case. The other parts' words it borrowed are a lead only when the part points back at them ("...
    hoe dien ik de aanvraag in, en wanneer krijg ik dan uitsluitsel?")."""
    own = focus.rstrip(" ?").strip()
    at = question.find(own)
    if at < 0:
        return ""
    if points_back(own):
        return (question[:at] + " " + question[at + len(own) :]).strip()
    return question[:at]


def points_back(text: str) -> bool:
    """A word that points back at what was said before (lexicon `back`: "dan", "then"; `back_subject`: "is that ...?");
    "is there ...?" points nowhere."""
    folded = re.sub(r"\b(?:is|are)\s+there\b", " ", fold(text))
    return any(has_phrase(folded, w) for w in [*lexicon().back, *lexicon().back_subject])


def _asking_sentence(text: str) -> str | None:
    """The sentence(s) that ask, when the message also states things ("Wat is het dagtarief? We hebben daar 3
    cliënten."): what the value must be about; the statements only help find it. None for a single sentence."""
    said = typed_sentences(text.strip())
    asking = [s for s in said if s.rstrip().endswith("?")]
    return " ".join(asking) if asking and len(asking) < len(said) else None


def _kind_nouns(a: Asked) -> list[str]:
    """The nouns that name the asked kind of value itself (asked.toml `names`: "looptijd", "duur" for a duration)."""
    from assistant.answer.asked import _kinds

    return list(_kinds()[1][a.kind].get("names", []))


def _kind_cues(a: Asked | None) -> list[str]:
    from assistant.answer.asked import _kinds

    own = list(_kinds()[1][a.kind]["cues"]) if a is not None else []
    return own + list(KIND_NAMES)


# words that only name a kind of value, whatever the question is about (unlike a kind's cues such as "dagtarief")
KIND_NAMES = ("euro", "euros", "eur", "procent", "percent", "percentage", "percentages", "datum", "date", "bedrag",
              "amount")  # fmt: skip


def _where(ct: Citation, lang: str) -> str:
    return f" (§ {ct.section}, " + ("policy" if lang == "en" else "beleid") + f" {ct.year})"


def _key_span(s: Sentence, text: str | None = None) -> str:
    """The part of the sentence the answer line says (`text`: a piece of it), cut at a clause near LINE_CHARS."""
    text = collapse_ws(text or s.text)
    if len(text) <= LINE_CHARS:
        return text
    cut = text[:LINE_CHARS]
    stop = max(cut.rfind("; "), cut.rfind(", "), cut.rfind(": "))
    return (cut[:stop] if stop > 80 else cut.rsplit(" ", 1)[0]) + " …"


# ---------------------------------------------------------------- yes / no


NEGATION_SCOPE_WORDS = 4  # the words after a negation that it denies ("niet vooraf gemeld zijn")


def _negation_scopes(text: str, analyse: Any) -> list[tuple[set[str], str]]:
    """The terms each negation of `text` denies, with the words they come from: the words after it up to a comma
    or stop ("didn't report it in advance", "die niet vooraf gemeld zijn,")."""
    lex = lexicon()
    folded = fold(text)
    for phrase in [*lex.not_denial, *lex.proposing]:  # "niet meer dan 50%": a bound, no denial
        folded = re.sub(rf"(?<![\w]){re.escape(phrase)}(?![\w])", " ", folded)
    tokens = re.findall(r"[\w']+|[,.;:!?]", folded)
    denying = lambda w: w in lex.negations or w in lex.negation_verbs or w.endswith("n't")  # noqa: E731
    scopes = []
    for k, w in enumerate(tokens):
        if denying(w):
            after = []
            for u in tokens[k + 1 : k + 1 + NEGATION_SCOPE_WORDS]:
                if not u[0].isalnum() or denying(u):
                    break
                after.append(u)
            scopes.append((set(analyse(" ".join(after))), " ".join(after)))
    return scopes


def _denies(question: str, sentence: str, analyse: Any) -> tuple[bool, bool]:
    """Whether the question and the sentence deny what they say. A negation of the question and one of the sentence
    that deny the same thing agree and leave the rest to decide: "is care reimbursed if we didn't report it in
    advance?" against "zorg van onderaannemers die niet vooraf gemeld zijn, komt niet voor vergoeding in aanmerking"
    is a no."""
    asked_, said = _negation_scopes(question, analyse), _negation_scopes(sentence, analyse)
    asked_ = [x for x in asked_ if not _names_concept(x[1], sentence, analyse)]
    for scope in list(asked_):
        same = next((x for x in said if scope[0] and _share_a_term(scope[0], x[0])), None)
        if same is not None:
            asked_.remove(scope)
            said.remove(same)
    act = next((k for k, x in enumerate(said[:-1]) if x[0] and _share_a_term(x[0], set(analyse(question)))), None)
    if not asked_ and act is not None and _asks_duty(question):
        # "moet een nieuwe onderaannemer eerst gemeld worden?" against the rule that care by subcontractors not reported
        # beforehand is not reimbursed (§ Bijlage 1 1.2): the act asked, denied as the condition of a denied
        # consequence, is needed; the two denials say yes together
        said = [x for k, x in enumerate(said) if k not in (act, act + 1)]
    q = fold(question)  # "pas achteraf melden" says what "niet vooraf gemeld" says (lexicon `opposites`)
    said = [x for x in said if not any(
        any(has_phrase(x[1], w) for w in one) and any(affirmed(q, w) for w in other)
        for a, b in lexicon().opposites for one, other in ((a, b), (b, a))
    )]  # fmt: skip
    return bool(asked_), bool(said)


def _names_concept(denied: str, sentence: str, analyse: Any) -> bool:
    """The words a negation denies are, with it, a concept of the vocabulary the sentence names ("geen nieuwe
    cliënten meer aannemen" is the policy's "zorgstop"): the question asks of that concept, it denies nothing."""
    concepts = set(_analyse(denied, expand=True)) - set(_analyse(denied))
    return bool(concepts & set(analyse(sentence)))


def _asks_duty(question: str) -> bool:
    """The question asks whether something must be done ("moeten we ...", "do we have to ...")."""
    folded = fold(question)
    return any(has_phrase(folded, w) for w in lexicon().obligation)


SHARED_STEM = 5  # letters of a term that, inside another term, make them one ("contract" in "niet-gecontracteerde")


def _share_a_term(a: set[str], b: set[str]) -> bool:
    """The two sets of terms name the same thing: a term in common, or one term of at least SHARED_STEM letters
    inside another ("geen contract" and "niet-gecontracteerde zorg")."""
    return bool(a & b) or any(len(x) >= SHARED_STEM and len(y) >= SHARED_STEM and (x in y or y in x) for x in a for y in b)


def _pieces(s: Sentence) -> list[str]:
    """The sentences a quote holds (split at a stop or a footnote mark); one that opens with "tot die tijd" is one
    statement with the sentence before it (what it waits for is its condition)."""
    pieces: list[str] = []
    for p in re.split(r"(?<=[.!?])\s+|\s*\[\d+\]\s*", s.text):
        if p.strip() and pieces and _UNTIL_THEN.match(p):
            pieces[-1] = f"{pieces[-1]} {p}"
        elif p.strip():
            pieces.append(p)
    return pieces or [s.text]


def _following_answers(assistant: Any, best: Sentence, ranked: list[Sentence], question: str, bm: Any) -> str | None:
    """The sentence the quote of `best` goes on with (and a list it leads into), when it shares more with the
    question than `best` itself ("CZ groep vergoedt de zorg tot aan dit omzetplafond. Het uitgangspunt is een
    realistisch plafond dat gebaseerd is op: ..." for "waarop is het plafond gebaseerd?"): the answer line says it."""
    own = collapse_ws(best.text)
    quote = _extended(assistant, best, ranked).quote
    if quote == own or not quote.startswith(own):
        return None
    after = quote[len(own) :].strip()
    weights = bm.term_weights(question)

    def held(text: str) -> float:
        terms = set(bm.query_terms(text))
        return sum(w for t, w in weights.items() if t in terms)

    return after if held(after) > held(own) else None


TAIL_WORDS = 5  # a piece this short, in lower case, after a sentence's end is a fragment the PDF left behind it


def _link_text(piece: str) -> bool:
    """"aanvraagformulier voor bijcontractering.": the text of a link the PDF left behind a sentence (a short piece
    in lower case), which states nothing."""
    return piece[:1].islower() and len(piece.split()) <= TAIL_WORDS


def _without_tail(span: str) -> str:
    """"... (en dus niet per e-mail). aanvraagformulier voor bijcontractering.": the span without the link text the
    PDF left after its last sentence (cut where the last sentence it keeps ends: the span stays verbatim)."""
    spans = sentence_spans(span)
    while len(spans) > 1 and _link_text(span[slice(*spans[-1])]):
        spans.pop()
    return span[: spans[-1][1]] if spans else span


def _deciding(question: str, s: Sentence, analyse: Any) -> str:
    """Of a quote that holds several sentences, the one that shares most with the question."""
    q_terms = analyse(question)
    pieces = _pieces(s)
    whole = [p for p in pieces if not _link_text(p)] or pieces  # not the link text the PDF left behind a sentence
    return max(whole, key=lambda p: len(analyse(p) & q_terms))  # ("... (en dus niet per e-mail). aanvraagformulier
    # voor bijcontractering.": the text of a link, no statement)


def _verdict(question: str, s: Sentence, analyse: Any) -> bool | None:
    """Yes when the sentence states what the question asks with the same polarity, no when exactly one of
    them is negated; None when the question is no yes/no question or the sentence is not close enough.
    Of a quote that holds two sentences, the one that shares most with the question decides."""
    if not is_yes_no(question) or not s.terms or s.overlap <= 0:
        return None
    pieces = _pieces(s)
    deciding = _deciding(question, s, analyse)
    asked_ = [x for x in re.split(r"(?<=[.!?])\s+", question.strip()) if x.rstrip().endswith("?")] or [question]
    if picks_alternative(asked_[-1], deciding):  # "worden we toch weer ingedeeld in categorie B?" against "ingedeeld in
        # categorie A, B of C": the sentence names every letter as an alternative, it states no one of them (asked
        # with all the letters too, "in A, B of C?", it says yes)
        return True if picks_alternative(asked_[-1], asked_[-1]) else None
    values = _compared_levels(asked_[-1], deciding)
    if values is None:
        values = _compared_values(question, deciding, analyse)
    if values is False:  # "een half jaar de tijd, toch?" against "binnen 3 maanden": the values decide
        return values
    if values:  # the same value: whether what is said of it holds ("mag het na die datum nog gewijzigd?" against
        q_neg, s_neg = _denies(asked_[-1], deciding, analyse)  # "na 31 mei ... niet meer wijzigen")
        return q_neg == s_neg
    if any(
        v is not None and v[0] in _VALUE_KINDS for q in read(asked_[-1]) for v in [_compared(q)]
    ):
        # "22:00 tot 06:00, klopt dat?" against a sentence without times: it cannot say yes or no; but a sentence that
        # denies for every value ("geldt nooit met terugwerkende kracht") says no to any ("per 1 januari?")
        if any(has_phrase(fold(deciding), w) for w in lexicon_data()["negation"].get("always", [])) and not _denies(
            asked_[-1], deciding, analyse
        )[0]:
            return False
        return None
    claim = question if _points_back(asked_[-1]) else asked_[-1]  # "CZ pays above the ceiling. Is that in the policy?"
    if _opposed(claim, deciding):  # "mogen we dat achteraf melden?" against "... dit plan vooraf communiceert"
        return False
    lead = _lead_in(s) if deciding == pieces[0] else ""  # "Niet in aanmerking ... komt de zorgaanbieder: wiens ..."
    q_neg, s_neg = _denies(asked_[-1], f"{lead} {deciding}", analyse)  # the asking sentence only
    if q_neg == s_neg and not _within_restriction(asked_[-1], deciding, analyse):
        # "wij staan enkel de inzet van leerlingen ... toe" asked "mogen we helpenden inzetten?": what the rule
        # restricts to is not what is asked, so that is not allowed; asked other than as a permission ("mag u
        # alleen delen met het CZ Zorgteam" for "delen jullie het met de inspectie?") it says no yes
        permission = any(has_phrase(fold(asked_[-1]), w) for w in lexicon().permission)
        return False if not q_neg and permission and not _restricts_to_condition(deciding) else None
    return q_neg == s_neg


POINTING_WORDS = 8  # an asking sentence this short that points back ("Is that in the policy?", "Klopt dat?") asks the
# claim before it


def _points_back(asking: str) -> bool:
    """A short asking sentence that points back at a claim before it ("Is that in the policy?", "Klopt dat?") or asks
    to confirm it ("Please confirm."): lexicon [parts] pointers, [words] confirms and confirm_requests."""
    words = re.findall(r"[\w']+", fold(asking))
    pointing = {*lexicon_data()["parts"]["pointers"], "it"}
    confirming = set(lexicon().confirming())
    return len(words) <= POINTING_WORDS and bool(set(words) & (pointing | confirming))


def _opposed(question: str, sentence: str) -> bool:
    """The question says one of a pair of opposites (lexicon.toml opposites) and the sentence only the other; a
    denied word says nothing of either ("niet vooraf gemeld" is no "vooraf")."""
    q, t = fold(question), fold(sentence)

    def says(words: list[str], text: str) -> bool:  # affirmed: "niet vooraf" says achteraf, not vooraf
        return any(affirmed(text, w) for w in words)

    return any(
        says(a, q) and not says(b, q) and says(b, t) and not says(a, t)
        for one, other in lexicon().opposites for a, b in ((one, other), (other, one))
    )  # fmt: skip


BOUNDING_RANK = 5  # how far down the ranking a sentence that bounds a time claimed without bounds is looked for


def _bounding(question: str, ranked: list[Sentence]) -> Sentence | None:
    """For a question claiming a time without bounds ("kunnen we ons het hele jaar door inschrijven?", lexicon
    `any_time`): the best-ranked sentence about it that sets a date, a period or a month; None otherwise."""
    q = fold(question)
    if not any(affirmed(q, w) for w in lexicon().any_time):
        return None
    for s in ranked[:BOUNDING_RANK]:
        if any(x.kind in ("date", "period") for x in read(s.text)):
            return s
    return None


def _condition_denied(question: str, s: Sentence, analyse: Any, corpus: Any = None, expand: Any = None) -> bool:
    """`s` is an item of a list of conditions (its lead-in names them: lexicon `condition_leads`) and a statement of
    the question (not its asking sentence) denies a term the item states ("wij sloten toen geen addendum af"); with
    `expand` (a text's terms with the vocabulary's words for them), also in the policy's words ("but not for
    night care" against "onplanbare nachtzorg", "H&A" against "herkenbare en aanspreekbare wijkverpleging")."""
    lead = fold(_lead_in(s) or _conditions_before(s, corpus))
    if not lead or not any(has_phrase(lead, w) for w in lexicon_data()["words"].get("condition_leads", [])):
        return False
    return bool(_denied_either(question, analyse, expand) & set(analyse(s.text)))


_SCOPE_WORDS = lexicon_data()["scope"]
_SCOPE = re.compile(
    r"^\W*(?:" + "|".join(map(re.escape, _SCOPE_WORDS["opens"])) + r")\s+([^,.;:]{3,60}?)(?=,|\s+(?:"
    + "|".join(map(re.escape, _SCOPE_WORDS["verbs"])) + r")\b)",
    re.I,
)  # "In onze kernwerkgebieden voert ...": the scope a sentence opens with, up to its verb (lexicon [scope])


def _scope_denied(question: str, s: Sentence, analyse: Any, expand: Any) -> bool:
    """`s` opens with the scope it holds for ("In onze kernwerkgebieden voert een vaste zorginkoper ...", "Voor
    zorgcoöperaties geldt ...") and a statement of the question denies a term of that scope ("ons werkgebied ligt
    niet in een kernregio"): what `s` says does not hold for the asker."""
    m = _SCOPE.match(s.text)
    if m is None:
        return False
    return bool(_denied_either(question, analyse, expand) & set(analyse(m.group(1))))


def _denied_either(question: str, analyse: Any, expand: Any = None) -> set[str]:
    """What the question's statements deny, in its own terms and (with `expand`) in the vocabulary's words for them."""
    return _said_denied(question, analyse) | (_said_denied(question, expand) if expand is not None else set())


def _said_denied(question: str, analyse: Any) -> set[str]:
    """The terms the statements of the question (not its asking sentences) deny ("wij sloten toen geen addendum af")."""
    said = [x for x in typed_sentences(question) if not x.rstrip().endswith("?")]
    return set().union(*(denied_terms(fold(x), analyse) for x in said)) if said else set()


def _words_not_said(question: str, terms: Any, said: set[str]) -> list[set[str]]:
    """For "A and B" questions: the question's words as their term sets (`terms`: a word's terms, with the vocabulary's
    words for it) that hold nothing of `said` (what A's answer holds): B's words, each to be found once."""
    return [e for w in re.findall(r"[\w'-]+", question) if (e := terms(w)) and not e & said]


ITEM_POOL = 12  # the closest sentences searched for the other item of a list a joined question asks
_JOINED = re.compile(r"\b(?:en|and)\s+(?:(?:voor|van|bij|over|for|of|on|about|de|het|the)\s+)*[^\W\d]")  # not "2024 en 2027"


MAX_OTHER_ITEMS = 2  # "de percentages voor A, B en C": the items about B and C beside A's


def _other_items(
    question: str, best: Sentence, lead: str, candidates: list[Sentence], analyse: Any, expand: Any
) -> list[Sentence]:
    """A question that joins things ("welke doelen voor A en voor B?", "targets for A, B and C?") answered by an
    item of a list: the other items of the same lead-in that hold a term of the question the items chosen so far do
    not (B's, then C's), at most MAX_OTHER_ITEMS."""
    if not lead or not _JOINED.search(fold(question)):
        return []
    said = set(analyse(best.text)) | set(analyse(lead))
    items = [o for o in _dedupe(candidates) if o is not best and collapse_ws(_lead_in(o)) == collapse_ws(lead)]
    chosen: list[Sentence] = []
    while len(chosen) < MAX_OTHER_ITEMS:
        words = _words_not_said(question, expand, said)
        held = [(sum(bool(e & set(analyse(o.text))) for e in words), -k, o) for k, o in enumerate(items) if o not in chosen]
        top = max(held, key=lambda h: h[:2], default=None)  # most of the words not yet said, then the closest
        if top is None or not top[0]:
            break
        chosen.append(top[2])
        said |= set(analyse(top[2].text))
    return chosen


CONDITION_ITEMS = 8  # the sentences after a lead-in ending in ":" that may be its items (the PDF lost the bullets)


def _conditions_before(s: Sentence, corpus: Any = None) -> str:
    """The sentence ending in ":" that `s` follows within CONDITION_ITEMS sentences of its passage (with `corpus`, also
    the last sentence of the passage before, when the list opens a passage of its own: "Hierbij hanteren wij de
    volgende voorwaarden en uitgangspunten:"), or ""."""
    p = s.passage
    if p is None:
        return ""
    before = _next_passage(corpus, p, -1) if corpus is not None else None
    opening = c.sentences_of(before.text, before.kind == "table")[-1:] if before is not None else []
    lead, since = (opening[0], 0) if opening and opening[0].rstrip().endswith(":") else ("", 0)
    for sentence in c.sentences_of(p.text, p.kind == "table"):
        if collapse_ws(sentence) == collapse_ws(s.text):
            return lead if since <= CONDITION_ITEMS else ""
        if sentence.rstrip().endswith(":"):
            lead, since = sentence, 0
        else:
            since += 1
    return ""


def _lead_in(s: Sentence) -> str:
    """The lead-in of the list `s` is an item of ("... komt de zorgaanbieder:"), or ""."""
    p = s.passage
    if p is None or not c._LIST_ITEM.match(s.text):
        return ""
    lead = ""
    for sentence in c.sentences_of(p.text, p.kind == "table"):
        if collapse_ws(sentence) == collapse_ws(s.text):
            return lead
        if sentence.rstrip().endswith(":"):
            lead = sentence
        elif not c._LIST_ITEM.match(sentence):
            lead = ""
    return ""


def _within_restriction(question: str, sentence: str, analyse: Any) -> bool:
    """True unless `sentence` restricts ("alleen", "only", "uitsluitend") and the question names nothing of
    what it is restricted to (the words after the restriction that the rest of the sentence does not use)."""
    folded = fold(sentence)
    m = _restriction(folded)
    if m is None:
        return True
    after = _NOMINAL_HEAD.sub("", folded[m.end() :], count=1)  # "enkel de inzet van leerlingen": the learners
    head, tail = analyse(folded[: m.start()]), analyse(after)
    return bool((tail - head) & analyse(question))


# a noun with "van"/"of" right after a restriction word heads what the restriction is to ("alleen de inzet van
# leerlingen", "only the use of certified staff"): the words after it name it, the noun is the action restricted
_NOMINAL_HEAD = re.compile(r"^\s*(?:(?:de|het|een)\s+)?[\w'-]+\s+van\s+|^\s*(?:the|a)\s+[\w'-]+\s+of\s+")
# a restriction to a condition ("alleen met toestemming van de patiënt", "only if ...", "uitsluitend na melding"): it
# says when, not who or what; a permission asked outside it is no "no"
_CONDITION_AFTER = re.compile(r"^\s*(?:met|als|bij|indien|wanneer|na|mits|onder|with|if|when|after|upon|provided|under)\b")


def _restriction(folded: str) -> re.Match[str] | None:
    """The sentence's first restriction word ("alleen", "only", "uitsluitend"); "enkel-arm-index" is a word of its
    own, no "enkel" (only)."""
    return next(
        (m for w in lexicon().restriction for m in word_pattern(w).finditer(folded) if not _in_compound(folded, m)), None
    )


def _restricts_to_condition(sentence: str) -> bool:
    """The sentence's restriction is to a condition ("mag alleen met toestemming"), not to whom or what."""
    folded = fold(sentence)
    m = _restriction(folded)
    return m is not None and bool(_CONDITION_AFTER.match(folded[m.end() :]))


def _in_compound(text: str, m: re.Match[str]) -> bool:
    """The match is part of a hyphenated compound: "enkel-arm-index" (any hyphen), "enkel- en knieletsel" (a
    compound whose head is shared); not "uitsluitend- ondoelmatigheden" (a dash before an ordinary word)."""
    after, before = text[m.end() : m.end() + 12], text[max(0, m.start() - 2) : m.start()]
    return bool(
        re.match(rf"[{_HYPHENS}]\w|[{_HYPHENS}]\s*(?:,|(?:en|of|and|or|tot)\b)", after) or re.search(rf"\w[{_HYPHENS}]$", before)
    )


_HYPHENS = "\\-\u2010\u2011"


EXCEPTION_AFTER = 2  # sentences after a rule in which an exception "hierop" to it may stand


def _pieces_on(s: Sentence, after: int = 1) -> list[str]:
    """The sentences of the quote `s` and the `after` ones after it in its passage."""
    pieces = [p for p in re.split(r"(?<=[.!?])\s+", collapse_ws(s.text)) if p.strip()]
    p = s.passage
    if p is not None:
        said = [collapse_ws(x) for x in c.sentences_of(p.text, p.kind == "table")]
        quoted = collapse_ws(s.text)
        end = max((i for i, x in enumerate(said) if x and x in quoted), default=None)  # the quote's last sentence
        if end is not None:
            pieces.extend(said[end + 1 : end + 1 + after])
    return pieces


def _exception_to(question: str, s: Sentence, analyse: Any) -> tuple[str, bool] | None:
    """"Is er een uitzondering op de PREM-eis?" against the rule "... PREM ... De enige uitzondering hierop is
    (medische) kindzorg.": (the sentence of the quote, or the one after it, that makes an exception to the rule, whether
    it is one for what the question names after its exception word: "an exception for large providers?" is not)."""
    if _exception_at(fold(_pieces(s)[0])) is not None:
        return None  # the rule's own sentence is the exception: it answers as it stands
    piece = next((x for x in _pieces_on(s, EXCEPTION_AFTER) if _exception_at(fold(x)) is not None), None)
    if piece is None:
        return None
    folded = fold(question)
    at_ = _exception_at(folded) or 0
    said = re.match(r"\s*(?:voor|for|van|of)\s+(.*)", folded[at_:])  # "uitzondering voor X" (not "op de regel")
    named = analyse(_exception_ends().split(said.group(1), maxsplit=1)[0]) - analyse(fold(s.text)) if said else set()
    return piece, not named or bool(named & analyse(fold(piece)))


def _excepting(question: str, s: Sentence, analyse: Any, rule_of: Sentence | None = None) -> str | None:
    """The sentence of the quote `s`, or the one after it in its passage, that makes an exception to the rule for
    what the question names ("... maximaal 50% ... Hierop maken we alléén een uitzondering voor zorgcoöperaties"
    against "does the limit hold for cooperatives?"); None when there is none or it names nothing of the question.
    What the exception names (the words after the exception word up to a clause about it) that neither the rule
    (`rule_of`, else the quote's other sentences) nor the words before the exception word use must be in the
    question."""
    pieces = _pieces_on(s)
    asked_terms = analyse(question)
    rule = set().union(*(analyse(fold(x)) for x in pieces if not _exception_at(fold(x))))
    if rule_of is not None:
        rule |= analyse(fold(rule_of.text))
    for piece in pieces:
        at_ = _exception_at(fold(piece))
        named = _exception_ends().split(fold(piece)[at_:], maxsplit=1)[0] if at_ is not None else ""
        if named and (analyse(named) - rule - analyse(fold(piece)[:at_])) & asked_terms:  # "uitzondering voor zorgcoöperaties[ die ...]"
            return piece
    return None


@functools.cache
def _exception_ends() -> re.Pattern[str]:
    """What an exception names ends at a comma or a word that opens a clause about it (lexicon `exception_ends`:
    "... zorgcoöperaties die aantoonbaar ... voldoen": the conditions are not what is excepted)."""
    words = "|".join(re.escape(w) for w in lexicon().exception_ends)
    return re.compile(rf"[,;:(]|\b(?:{words})\b" if words else r"[,;:(]")


def _exception_at(folded: str) -> int | None:
    """Where the first exception word (lexicon `exception`) of a folded sentence ends, or None."""
    ends = [m.end() for w in lexicon().exception for m in [word_pattern(w).search(folded)] if m]
    return min(ends) if ends else None


_VALUE_KINDS = ("percent", "money", "date", "time", "duration", "score", "count", "year")


def _compared(q: Quantity) -> tuple[str, Any] | None:
    """A value to compare across texts: (kind, value), durations in days."""
    if q.kind == "count" and q.unit in DAYS_PER_UNIT and q.number is not None:
        return "duration", float(q.number) * DAYS_PER_UNIT[q.unit]
    if q.kind in ("percent", "money") and q.number is not None:
        return q.kind, float(q.number)
    if q.kind in ("date", "time", "score"):  # "krijg je dan een B-score?" against "leidt tot een C-score"
        return q.kind, q.value
    if q.kind == "count" and q.unit and q.bound in ("min", "max", "gt", "lt") and q.number is not None:
        return "count", (q.unit, q.bound, float(q.number))  # "minimaal 4 personen" against "minimaal 3 personen"
    if q.kind == "count" and q.unit and q.bound is None and q.number is not None and not q.inferred_unit:
        return "figure", (q.unit, float(q.number))  # the asker's own count ("wij hebben 70 fte")
    return None


_SATISFIES = {"gt": lambda x, y: x > y, "min": lambda x, y: x >= y, "lt": lambda x, y: x < y, "max": lambda x, y: x <= y}


def _bounds_on(said: list[Quantity], units: set[str | None]) -> list[Quantity]:
    """The bounded counts of these units a sentence states ("meer dan 100 fte"): what an asker's own count is held to."""
    return [o for o in said if o.kind == "count" and o.unit in units and o.bound in _SATISFIES and o.number is not None]


def _compared_values(question: str, sentence: str, analyse: Any = None) -> bool | None:
    """True/False when the question states a value (a share, an amount, a date, a time, a duration) and the
    deciding sentence states values of that kind (the same one or not); None when there is nothing to compare.
    Of several values in the sentence, those whose neighbouring words share most with the question's value's
    ("ten minste 50% ... zelf leveren" against "minder dan 40% zelf"; "maximaal 50% ... onderaannemers" against
    "less than half outsourced") are compared."""
    asked_qs = read(question)
    asked_all = [(v, q) for q in asked_qs for v in [_compared(q)] if v is not None and not _names_rule(q)]
    said = read(sentence)
    said_all = [(v, q) for q in said for v in [_compared(q)] if v is not None]
    framed = [_framed_years(asked_qs, question), _framed_years(said, sentence)]
    if all(framed):  # "40% less by 2032 than in 2015" against "55% reductie in 2030 ten opzichte van 2018"
        asked_all += [(("year", q.value), q) for q in framed[0]]
        said_all += [(("year", q.value), q) for q in framed[1]]
    own = [  # "we zijn met 40 fte: moeten wij dat rapporteren?" against "met meer dan 100 fte": the asker's count
        (v[1], o) for v, _ in asked_all if v[0] == "figure" for o in _bounds_on(said, {v[1][0]})
    ]  # fmt: skip
    asked_q = [(v, q) for v, q in asked_all if v[0] in _VALUE_KINDS]
    if own and not asked_q:  # meets the rule's bound or not
        return all(_SATISFIES[o.bound](x, float(o.number or 0)) for (_, x), o in own)
    if not asked_q:
        return None
    kinds = {v[0] for v, _ in asked_q}
    said_q = [(v, q) for v, q in said_all if v[0] in kinds]
    if not said_q:
        return None

    def near(text: str, q: Quantity) -> set[str]:
        return set(analyse(text[max(0, q.start - NEAR_CHARS) : q.end + NEAR_CHARS])) if analyse else set()

    def fits(v: tuple[str, Any], q: Quantity) -> bool:
        same = [(w, o) for w, o in said_q if w[0] == v[0]]
        if analyse and len(same) > 1:  # the value the sentence states about the same thing
            mine = near(question, q)
            scores = [len(mine & near(sentence, o)) for _, o in same]
            if max(scores) > 0:
                same = [x for x, sc in zip(same, scores, strict=True) if sc == max(scores)]
        bounded = [(w, o) for w, o in same if (q.bound or "", o.bound or "") in _BOUND_FITS]
        return any(_fits(v, q.bound, w, o.bound) for w, o in bounded or same)  # the opposite bound decides

    return all(fits(v, q) for v, q in asked_q)


NEAR_CHARS = 40  # the words around a value that say what it is a value of


_FRAME = re.compile(r"\b(?:ten opzichte van|t\.o\.v\.?|compared (?:to|with)|against|versus|vs\.?|relative to)\s+(?:\w+\s+)?$")


def _framed_years(qs: list[Quantity], text: str) -> list[Quantity]:
    """The years of a target set against a base year beside a figure ("55% reductie in 2030 ten opzichte van 2018"):
    compared like the figure; years not set against each other (a score of both contract years) are not compared."""
    years = [q for q in qs if q.kind == "year"]
    figured = any(q.kind in ("percent", "money", "count") for q in qs)
    framed = any(_FRAME.search(fold(text[: q.start])) for q in years[1:])
    return years if len(years) >= 2 and figured and framed else []


_LEVELS = re.compile(r"(?:niveau|level)\s*((?:\d)(?:\s*(?:/|,|of|or|en|and|-)\s*\d)*)\b")


def _levels(text: str) -> set[int]:
    """The education levels a text names ("niveau 4 of 6", "deskundigheidsniveau 5/6", "level 4 or 5")."""
    out: set[int] = set()
    for m in _LEVELS.finditer(fold(text)):
        out |= {int(d) for d in re.findall(r"\d", m.group(1))}
    return out


def _compared_levels(question: str, sentence: str) -> bool | None:
    """"telt niveau 5 ook mee?" against "(niveau 6)": an education level the question names must be one the
    sentence names; None when either names no level."""
    asked_levels, said = _levels(question), _levels(sentence)
    if not asked_levels or not said:
        return None
    return asked_levels <= said


@functools.lru_cache(maxsize=1)
def _rule_nouns() -> frozenset[str]:
    """The lexicon's nouns of a rule (lexicon.toml [words] rule_nouns), folded."""
    return frozenset(fold(w) for w in lexicon_data()["words"]["rule_nouns"])


def _of_a_denied_party(question: str, sentence: str, analyse: Any, expand: Any) -> bool:
    """A sentence said of a party (vocabulary.toml [parties]) that the question denies ("voor een aanbieder die geen
    coöperatie is", "a provider that is not a cooperative"): its value is not the one asked for. `expand` gives a
    party word's terms with the vocabulary's ("cooperative": the policy's "coöperatie")."""
    folded = fold(question)
    dets = denying_words()
    denied = {
        t for w in concept_vocabulary()["parties"]
        if dets and re.search(rf"\b(?:{dets})[\s-]+(?:[\w-]+\s+)?{re.escape(fold(w))}\b", folded) for t in expand(w)
    }  # fmt: skip
    return bool(denied & analyse(fold(sentence)))


FIGURE_KINDS = ("count", "percent", "money", "range", "number")  # a sentence with a quantity of these states a figure
PARTY_ALTERNATIVE = 0.8  # a sentence not said of the denied party answers in its place when it is this close


RULE_POOL = 8  # the closest sentences searched for the one that holds the figure a rule is named by


def _holding_figure(ranked: list[Sentence], named: list[Quantity]) -> Sentence | None:
    """The closest sentence that states the figure a question names a rule by ("de 50%-regel": "maximaal 50% van de
    zorg"), or None."""
    want = {(q.kind, q.value) for q in named}
    return next((s for s in ranked if any((x.kind, x.value) in want for x in read(s.text))), None)


def _names_rule(q: Quantity) -> bool:
    """"the 50% limit", "de 80%-grens", "the 50% subcontracting cap": a value followed by the name of a rule (one
    word of what it is about may come between) refers to that rule; it is no claim."""
    after = q.after
    return bool(after) and (
        after[0] in lexicon().rule_reference
        or any(after[0].endswith(n) for n in _rule_nouns())  # "de 80% omzetgrens": a compound with a rule's noun as head
        or (len(after) > 1 and after[0].isalpha() and after[0] not in STOPWORDS and after[1] in _rule_nouns())
    )


# a bounded figure in a question against the opposite bound of the rule: "meer dan 60%" against "maximaal 50%"
# can be allowed only when 60 < 50; "ten minste 40%" against "maximaal 50%" when 40 <= 50. Any other pair
# (a plain figure, the same bound: a claim about the rule itself) must be the same value.
_BOUND_FITS = {
    ("gt", "max"): lambda x, y: x < y, ("min", "max"): lambda x, y: x <= y,
    ("gt", "lt"): lambda x, y: x < y, ("min", "lt"): lambda x, y: x < y,
    ("lt", "min"): lambda x, y: x > y, ("max", "min"): lambda x, y: x >= y,
    ("lt", "gt"): lambda x, y: x > y, ("max", "gt"): lambda x, y: x > y,
    ("lt", "max"): lambda x, y: x <= y, ("gt", "min"): lambda x, y: x >= y,  # "minder dan de helft" within "maximaal 50%"
}  # fmt: skip


def _fits(asked_v: tuple[str, Any], asked_bound: str | None, said_v: tuple[str, Any], said_bound: str | None) -> bool:
    test = _BOUND_FITS.get((asked_bound or "", said_bound or ""))
    if test is not None and asked_v[0] == said_v[0] and asked_v[0] in ("percent", "money", "duration"):
        return bool(test(asked_v[1], said_v[1]))
    if test is not None and asked_v[0] == said_v[0] == "count" and asked_v[1][0] == said_v[1][0]:
        return bool(test(asked_v[1][2], said_v[1][2]))  # "vaker dan 1 keer" against "maximaal 1 keer": no
    return asked_v == said_v


# ---------------------------------------------------------------- the plan


def clause_plan(
    assistant: Any, text: str, lang: str, year: int | None, focus: str | None = None, verdict: bool = True,
    kind_asked: bool = True, near: Citation | None = None, step_day: date | None = None,
) -> Plan:
    """The clause answer (see the module docstring); `verdict=False` never opens with ja/nee (the plan then only
    says what the policy states, e.g. under a calculator's rejection); `step_day`: the day of the asker's step a
    period of the answer is counted from."""
    back = year is None and len(assistant.corpus.years) > 1 and any(  # a part's own words may say it looks back
        looks_back(t) or names_an_older_policy(assistant.corpus, t) for t in {text, focus or text}  # ("..., and 2024?")
    )
    query = without_condition(text) if asks_definition(focus or text) else text  # ("wanneer geldt ... als ...?": the term)
    hits, ranked = _ranked(assistant, query, year, back, near)
    if not hits or hits[0].score < REFUSAL_SCORE or not ranked:
        return not_stated(assistant, lang, ranked[:1])
    unknown = unknown_object(focus or text, assistant.index.retriever.bm25)
    if unknown is not None:
        return not_stated(assistant, lang, ranked[:1], word=unknown)
    announced = _announced_only(assistant, focus or text, ranked)
    if announced is not None:  # "wat houdt de nieuwe bekostiging in?": the texts name it only as still to come
        return not_stated(assistant, lang, [announced[0]], announced=announced[1])
    if year is None and kind_asked:
        dated = (_older_year_plan(assistant, text, lang, focus, ranked) if back else None) or _year_row_plan(
            assistant, text, lang, focus, verdict
        )
        if dated is not None:  # "hoeveel procent mocht in 2023 in onderaanneming?": the older text's row for 2023;
            return dated  # "welk niveau gold in 2024?": the older text's value, beside the current one
    if back:
        return version_plan(assistant, text, lang, ranked, focus, near)
    if verdict and year is None and is_yes_no(focus or text):  # "moet de casemanager nog 24 uur per week werken?": a figure only
        gone = no_longer_stated(assistant, focus or text, lang)  # the older text states is no longer asked
        if gone is not None:
            return gone
    if heading_like(ranked[0].text):  # "CSRD (Corporate Sustainability Reporting Directive)": a heading says
        body = next((o for o in ranked[1:] if o.passage is ranked[0].passage and not heading_like(o.text)), None)
        if body is not None:  # nothing; the closest sentence of the text under it answers
            ranked = [body, *(o for o in ranked if o is not body)]
    best = ranked[0]
    supporting = [s for s in ranked if s.overlap >= SUPPORT_SHARE * best.overlap]
    bm = assistant.index.retriever.bm25
    analyse = lambda t: c.terms_of(t, bm.splitter)  # noqa: E731
    expand = lambda t: set(bm.query_terms(t))  # noqa: E731  (the vocabulary's words too: "cooperative" is "coöperatie")
    if not is_yes_no(focus or text) and _of_a_denied_party(focus or text, best.text, analyse, expand):
        # "hoeveel hbo'ers per cliënt moet een thuiszorgbureau, geen coöperatie, hebben?": what is said of the cooperative is not
        # the answer; another close sentence is, else, when it states the party's own figure, the policy does not
        # say (that figure shown beside it)
        others = [
            o for o in supporting
            if not _of_a_denied_party(focus or text, o.text, analyse, expand) and o.confidence >= PARTY_ALTERNATIVE * best.confidence
        ]  # fmt: skip
        figured = next((o for o in supporting[:DEFERRED_POOL] if any(q.kind in FIGURE_KINDS for q in read(o.text))), None)
        if others:
            best, supporting = others[0], others
        elif figured is not None:
            return not_stated(assistant, lang, [figured])  # the party's own figure is no answer for the others
    a = (asked(focus) if focus else asked(text)) if kind_asked else None  # a part or follow-up asks its own kind
    own = focus or text
    exists = a is not None and not holds(a, own) and bool(_EXISTS.search(fold(own)))
    if a is not None and verdict and is_yes_no(own) and (holds(a, own) or not asks_question_word(own)) and not exists and (
        a.kind != "phone"  # "kunnen we hen bellen?": a number to call is asked, however it is put
    ):
        a = None  # "mag ik dat mailen naar rz@...?", "valt onze zorg onder dat tarief?": a yes or no, not a value
        # ("is there a maximum number of hours?" asks whether such a value is stated: a value question)
    if a is not None:
        weights = _content_weights(bm, text, a, focus or _asking_sentence(text))
        letters = frozenset(q.value for q in read(focus or text) if q.kind == "score")
        passes = [(2, near.section if near is not None else None)]
        if a.kind == "consequence":  # a consequence searched further
            passes.append((CONSEQUENCE_REACH, passes[0][1]))
        titled = max(ranked, key=lambda s: _heading_weight(s, weights, analyse)) if ranked else None
        if a.several and near is None and titled is not None and _heading_weight(titled, weights, analyse) > 0:
            passes.append((CONSEQUENCE_REACH, titled.citation.section))  # "which figures does it set for sustainability?": every
            # one of the section whose heading names the subject, however little its sentences share with the words
        for reach, at in passes:
            candidates = _on_subject(bm, text, focus, weights, analyse, _value_candidates(assistant, ranked, reach, at))
            with_value = _best_value(  # on when none follows the matching sentences closely
                a, candidates, weights, analyse, asked_bound(focus or text), asks_end(focus or text), letters,
                at, asks_month(focus or text),
                assistant.corpus.outside_scope(text), asks_start(focus or text), asks_own_step(focus or text),
            )  # fmt: skip
            if with_value:
                break
        with_value = [
            (o, v) for o, v in with_value if not _of_a_denied_party(focus or text, o.text, analyse, expand)
        ]
        per = _per_holder(focus or text, with_value[0][0], supporting[:PER_POOL], analyse, expand) if with_value else None
        if per is not None:  # "welk maximumbedrag per zzp'er?": what the policy says of that thing comes first
            supporting = _dedupe([per, *supporting])
        of_near = bool(with_value) and near is not None and with_value[0][0].citation.section == near.section
        if with_value and not of_near and (  # (a value of the section a part points back at is about that part)
            _elsewhere(bm, focus or text, a, with_value[0][0], supporting[0])
            or _other_givers(focus or text, with_value[0][0])
            or per is not None
        ):
            with_value = []  # "hoeveel weken geeft de Treeknorm?": the figure stands in a sentence about something else
        other = _other_bound(
            assistant, a, candidates, weights, analyse, asked_bound(focus or text), with_value, text, lang, supporting[0],
            end=asks_end(focus or text), letters=letters, near=near.section if near is not None else None,
            month=asks_month(focus or text), outside=assistant.corpus.outside_scope(text), start=asks_start(focus or text),
        )  # fmt: skip
        if other is not None:  # "wat is het maximum aantal cliënten per gebied?" where the policy sets only a minimum
            return other
        if not with_value and (a.soft or a.several):  # "hoe melden we dat?" without a channel in the text, "welke
            # percentages ...?" without one about the question: the clause answers
            return clause_plan(assistant, text, lang, year, focus, verdict=verdict, kind_asked=False, step_day=step_day)
        if not with_value:
            by_reference = _by_reference(
                a, supporting[:3], asked_bound(focus or text), lang, weights, analyse, assistant.corpus
            )
            if by_reference is not None:  # "maximaal het budget voor H&A in 2026": the value is named, not given
                return by_reference
        ruled = _ruled_out(supporting[:1], lang, focus or text, bm)  # "per welke datum vragen we X aan?" where the policy says
        # there is no X this year: that sentence answers, before a value from a sentence less about the question
        if ruled is not None and (not with_value or _held_words(weights, with_value[0][0]) < _held_words(weights, supporting[0])):
            return ruled
        subject = None if per is not None else _subject_weights(bm.term_weights(focus or text), bm)  # (what the
        # value was asked per, else the sentence most about the question's subject, is what the policy does say)
        if not with_value and year is None:
            return _older_value(assistant, text, lang, a, weights, analyse) or not_stated(
                assistant, lang, supporting[:DEFERRED_POOL], a, subject=subject, question=focus or text
            )
        if not with_value:
            return not_stated(assistant, lang, supporting[:DEFERRED_POOL], a, subject=subject, question=focus or text)
        rows = _rows_alike(with_value[0][0], [o for o, _ in with_value], a, weights, analyse)
        if rows:  # "welk percentage vergoedt CZ?": the table's rows differ by what the question does not say
            rows.sort(key=lambda o: collapse_ws(o.passage.text).find(collapse_ws(o.text)) if o.passage else 0)
            shown = "; ".join(f"«{_clean_span(o.text)}»" for o in rows)
            where = rows[0].citation
            line = msg("table_rows", lang, rows=shown, section=where.section, year=where.year)
            cited = [o.citation for o in rows[:MAX_QUOTES]]
            rest = [o for o in _dedupe(ranked[:8]) if o not in rows]
            return Plan("value", line, _distinct(cited), [r.citation for r in rest[:4]])
        s, value = _row_asked(assistant, *with_value[0], text, a)
        counted = ""  # the date a period counted from the asker's step comes to
        steps: list[Sentence] = []  # the dated sentences of a timeline asked ("wat is het tijdpad voor ...?")
        if a.kind == "consequence":  # the consequence is the sentence that states it (with what it points back at)
            s = _with_condition(assistant, s, points_back=True)
            shown = _clean_span(_key_span(s)).rstrip(" .:;")  # quoted: verbatim, never translated
            line = (f"The policy says: «{shown}»" if lang == "en" else shown) + _where(s.citation, lang) + "."
            line += _gloss(shown) if lang == "en" else ""
        else:
            line = _value_line(a, value, s.text, text, lang).rstrip(".")
            dates = _dates_of(assistant, a, s, value) if asks_dates(focus or text) else []
            if asks_dates(focus or text) and len(dates) <= 1 and not s.context:  # "wat is het tijdpad voor
                # bijcontractering?": the dates of the section's sentences about it, in order (a table's rows: below)
                least_step = STEP_SHARE * _own_about(s, a, weights, analyse)
                steps = _dated_steps(s, [o for o, _ in with_value if _own_about(o, a, weights, analyse) >= least_step], a)
                if len(steps) > 1:
                    dates = [next(v for v in _dated(a, o.text)) for o in steps]
            if len(dates) > 1:  # "wat is het tijdpad?": every date the answering sentence sets, in its order
                said = [_value_line(a, d, (steps[k].text if steps else s.text), text, lang).rstrip(".") for k, d in enumerate(dates)]
                line = ", ".join([said[0], *(x[:1].lower() + x[1:] for x in said[1:])])
            line += _where(s.citation, lang) + "."
            counted = _counted_from(value, text, lang, assistant.corpus.current_year, step_day)
            line += counted
        rows = _table_siblings(assistant, s, a, weights, analyse)  # a table row answers with its header; other rows give the rest
        # another row of a table is quoted when its own words are about the question (not only its header's)
        least = SIBLING_SHARE * _own_about(s, a, weights, analyse)
        extra = [
            o for o, _ in with_value[1:]
            if not s.context or o.context != s.context or _own_about(o, a, weights, analyse) > least
        ]  # fmt: skip
        typed = _typed(weights, analyse(focus or text))
        bearing = [o for o in _dedupe(extra + supporting) if _bears(o, s, value, a, typed, analyse)]
        # "welke percentages ...?": the other sentences of the section with a value about the question say theirs
        alike = [
            o for o, _ in with_value[1:] if (o.citation.section, o.citation.year) == (s.citation.section, s.citation.year)
        ] if a.several else []  # fmt: skip
        if a.kind == "consequence":  # "welke gevolgen heeft een late levering?": every consequence its passage states
            alike = _consequences_beside(assistant, s)
        quotes = _dedupe(([*steps] if len(steps) > 1 else [s]) + alike + rows + bearing)[:MAX_QUOTES]
        several = list(dict.fromkeys(x for o in [s, *alike] if o in quotes for x in _several_of(a, o, lang))) if a.several else []
        if len(several) > 1:  # "welke percentages gelden er?": every one the quotes give, each with its words
            line = msg("several", lang, values=", ".join(several)) + _where(s.citation, lang) + "."
        rest = [o for o in _dedupe(ranked[:8]) if o not in quotes]
        cited = [_extended(assistant, quotes[0], ranked)] + [q.citation for q in quotes[1:]]
        kind = "date" if a.kind == "date" or counted else "value"
        return Plan(kind, line, _distinct(cited), [r.citation for r in rest[:4]], counted=bool(counted))
    if verdict and is_yes_no(own) and _unknown_names(own, bm):  # "valt Utrecht onder het kernwerkgebied?": the
        return not_stated(assistant, lang, supporting[:1])  # texts never name it, so they cannot say yes or no
    listing = _listing(focus or text, ranked)  # "welke functies ...?": the sentence that lists them
    if listing is not None:
        best, supporting = listing, _dedupe([listing, *supporting])
    defining = _defining(focus or text, ranked) if listing is None else None
    if defining is not None:  # "wat is precies een volle dochter?": the sentence that defines it
        best, supporting = defining, _dedupe([defining, *supporting])
    naming = _naming(focus or text, ranked, analyse, expand) if listing is None and defining is None else None
    if naming is not None:  # "which method is prescribed?": the sentence that names a method
        best, supporting = naming, _dedupe([naming, *supporting])
    ahead = _subsections(assistant, best) if points_forward(best.text) else []
    if ahead:  # "Hieronder lichten we deze transformatieclusters verder toe.": the subsections are the answer
        where = best.citation
        titles = "; ".join(f"§ {x.section} {x.title}" for x in ahead)
        line = msg("subsections", lang, titles=titles) + _where(where, lang) + "."
        cited = _distinct([where] + [r.citation for r in supporting[1:] if r is not best])[:MAX_QUOTES]
        return Plan("quotes", line, cited, [r.citation for r in ranked[:4]])
    stated = _holding_stated(assistant, text, ranked) if verdict else None
    if stated is not None:
        best, supporting = stated, _dedupe([stated, *supporting])
    bounded = _bounding(text, ranked) if verdict and stated is None else None
    if bounded is not None:  # "we can register all year round, right?": the sentence that bounds the time
        best, supporting = bounded, _dedupe([bounded, *supporting])
    unmet = bool(verdict) and (
        _condition_denied(text, best, analyse, assistant.corpus, expand) or _scope_denied(text, best, analyse, expand)
    )
    if verdict and not unmet and not _said_denied(text, analyse) & denied_terms(fold(best.text), analyse):
        # "we never had an addendum for it; can we get it now?": the condition among the closest sentences that
        # states what the asker denies decides, not the description of the function (unless the best sentence
        # denies it too: "geen afspraken voor 2027 met wie in 2026 geen afspraken had")
        denied = next((o for o in ranked[:RULE_POOL] if _condition_denied(text, o, analyse, assistant.corpus, expand)), None)
        if denied is not None:
            best, supporting, unmet = denied, _dedupe([denied, *supporting]), True
    fitting = _fitting_row(assistant, text, best) if verdict and not unmet else None
    if fitting is not None:  # "met een A in 2026 krijg je 100%?": the row of the case the question names ("Score A in
        best, supporting = fitting, _dedupe([fitting, best, *supporting])  # 2026 90%"), not the one with its figure
    if _UNTIL_THEN.match(best.text):  # "Tot die tijd mag de zorg niet worden stopgezet.": with what it waits for
        joined = _with_condition(assistant, best)
        supporting, best = [joined if o is best else o for o in supporting], joined
    asks_yes_no = bool(verdict)
    verdict = _verdict(text, best, lambda t: set(bm.query_terms(t))) if verdict else None
    sure = VERDICT_CONFIDENCE if stated is None else STATED_CONFIDENCE  # compared values decide on less overlap
    if unmet:  # "wij sloten toen geen addendum af; lukt het nu?" against the condition "Met deze
        verdict, sure = False, STATED_CONFIDENCE  # zorgaanbieder hebben we ook in 2026 een addendum ... afgesloten"
    if verdict is False and _opposed(text, best.text):  # "achteraf" against "vooraf": the opposite decides too
        sure = STATED_CONFIDENCE
    if bounded is not None:
        verdict, sure = False, STATED_CONFIDENCE
    excepting = ((_excepting(focus or text, o, lambda t: set(bm.query_terms(t)), best), o) for o in _dedupe([best, *supporting[:3]]))
    about_exception = _exception_at(fold(focus or text)) is not None  # "maakt CZ een uitzondering voor ...?": the
    # sentence that makes it answers as it stands
    # "moet een coöperatie ook aan de 50%-regel voldoen?": a rule named by its figure, asked of what its exception
    # names, is answered by that exception even where no figure could be compared
    named = [q for q in read(_asking_sentence(text) or text) if _names_rule(q)]
    names_rule = asks_yes_no and verdict is None and bool(named)
    holder = _holding_figure(ranked[:RULE_POOL], named) if names_rule else None
    if holder is not None and holder is not best:  # "is die 50%-grens op een coöperatie van toepassing?": the rule is the
        # sentence that holds its figure, and its exception is searched there first
        excepting = ((_excepting(focus or text, o, expand, holder), o) for o in _dedupe([holder, best, *supporting[:3], *ranked[:RULE_POOL]]))
    excepted, by = next(((x, o) for x, o in excepting if x is not None), (None, best)) if (
        verdict is not None or names_rule
    ) and not about_exception else (None, best)
    exception_to = _exception_to(focus or text, best, lambda t: set(bm.query_terms(t))) if (
        about_exception and asks_yes_no and excepted is None
    ) else None
    if exception_to is not None:  # "is er een uitzondering op de PREM-eis?": the exception the rule's passage makes
        excepted, verdict = exception_to[0], exception_to[1]
        sure = min(sure, STATED_CONFIDENCE)
    elif excepted is not None and verdict is None:
        verdict = True  # the rule holds, but for the exception
    if excepted is not None and exception_to is None:  # the rule does not hold for what the question names: the other way round (the rule
        # is often stated twice, its exception once: "Hierop maken we alléén een uitzondering voor zorgcoöperaties")
        verdict, best, supporting = not verdict, by, _dedupe([by, *supporting])
        sure = min(sure, STATED_CONFIDENCE)  # an exception that names what is asked decides on less overlap
    pointed = _pointed_at(assistant, best, _asks_list(focus or text), expand(focus or text), analyse) if (
        verdict is None and excepted is None
    ) else None
    if pointed is not None:  # "Wij hanteren onderstaande kwaliteitseisen voor de wondregisseur ...": what it announces
        best, supporting = pointed, _dedupe([pointed, *supporting])  # (the list after "Dit zijn onze kwaliteitseisen:") answers
    pieces = _pieces(best)
    deciding = _deciding(text, best, lambda t: set(bm.query_terms(t))) if len(pieces) > 1 else None
    if verdict is not None and deciding is not None and deciding != pieces[0] and not _POINTS_BACK.match(deciding):
        span = excepted or _key_span(best, deciding)  # "telt een volle dochter als onderaannemer?": the sentence
        # of the quote that decides, not the one before it about zzp'ers
        later = True
    else:
        span, later = excepted or _key_span(best), False
    cell = _row_cell(assistant, best, text)  # "bestaande aanbieders, jaar 2026": the cell of that row and column
    if cell is not None:
        span = cell
    elif verdict is None and not later:
        span = _following_answers(assistant, best, ranked, focus or text, bm) or span
        if span.rstrip().endswith(":") and best.text.rstrip().endswith(":"):  # "... gebaseerd is op:": with its items
            span = _with_items(assistant, best.citation, best).quote
            span = _key_span(best, span) if len(span) > (MAX_ITEMS_CHARS if pointed else 2 * LINE_CHARS) else span
    shown = _without_tail(_clean_span(span)).rstrip(" .:;")  # quoted: verbatim, never translated
    sent_on = _sent_on(assistant, best) if verdict is None and cell is None and not later and "@" not in shown else None
    if sent_on is not None:  # "... het aanvraagformulier downloaden op onze website. Dit ingevulde formulier kunt u
        shown = f"{shown}. {_clean_span(sent_on.text).rstrip(' .:;')}"  # insturen via ...@cz.nl": where it goes too
    fallback = _fallback(assistant, best) if verdict is None and cell is None and not later and sent_on is None else None
    if fallback is not None and shown == _clean_span(best.text).rstrip(" .:;"):  # "... een passende oplossing zoeken.
        shown = f"{shown}. {_clean_span(fallback.text).rstrip(' .:;')}"  # Als dat niet lukt, ...": what comes next
    deferral = _on_to_deferral(assistant, best) if (
        verdict is None and cell is None and not later and sent_on is None and shown == _clean_span(best.text).rstrip(" .:;")
        and asks_conditions(focus or text)
    ) else []  # fmt: skip
    for x in deferral:  # "onder welke voorwaarden ...?": "... Daarom zijn hier landelijke afspraken over gemaakt"
        shown = f"{shown}. {_clean_span(x.text).rstrip(' .:;')}"
    lead = _lead_in(best) if cell is None and not later else ""
    if unmet and not lead:  # the condition not met is said with the words that make it one
        lead = collapse_ws(_conditions_before(best))
    others = _other_items(focus or text, best, lead, [*supporting[:4], *ranked[:ITEM_POOL]], analyse, expand) if verdict is None else []
    kept: list[Sentence] = []
    for o in others:  # "welke doelen voor A en voor B?": the item about B beside A's (and quoted); of A, B and C both
        if len(shown) + len(o.text) <= (2 + len(kept)) * LINE_CHARS:
            shown, kept = f"{shown.rstrip(' ;')}; … {_clean_span(o.text).rstrip(' .:;')}", [*kept, o]
    other = kept[0] if kept else None
    claimed_more = _second_figure(assistant, focus or text, best, shown, analyse) if verdict is False and other is None else None
    if claimed_more is not None and len(shown) + len(claimed_more.text) <= 2 * LINE_CHARS:  # "75% generalistisch en
        shown = f"{shown.rstrip(' ;')}; … {_clean_span(claimed_more.text).rstrip(' .:;')}"  # 25% specialistisch?": both
        supporting = _dedupe([best, claimed_more, *supporting])
    if lead and len(lead) + len(shown) <= (2 + len(kept)) * LINE_CHARS:  # an item of a list with its lead-in
        shown = f"{_clean_span(lead).rstrip(' :')}: … {shown}"
    main = _main_clause(bm, focus or text) if verdict is not None and best.confidence < sure else None
    if main is not None and sum(w for t, w in main[1].items() if t in best.terms) / sum(main[1].values()) >= sure:
        # "does the agreement count from January if we sign in April?": the sentence holds what is asked; the
        # condition beside it only sets the case (the asked clause alone must come to the same yes or no)
        if _verdict(main[0] + "?", best, lambda t: set(bm.query_terms(t))) is verdict:
            best = replace(best, confidence=sure)
    reasons = _reasons(assistant, best) if verdict is None and asks_reason(focus or text) else []
    if reasons:  # "waarom hanteert CZ een dagtarief?": the sentences after the rule that give its reason
        said = " ".join(_clean_span(r.text).rstrip(" .") + "." for r in reasons)
        line = (f"The policy says: «{said.rstrip('.')}»" if lang == "en" else said.rstrip(".")) + _where(best.citation, lang) + "."
        line += _gloss(said) if lang == "en" else ""
        cited = _distinct([best.citation, *(r.citation for r in reasons)])[:MAX_QUOTES]
        return Plan("quotes", line, cited, [r.citation for r in _dedupe(ranked[:8]) if r is not best][:4])
    if verdict is not None and best.confidence >= sure:
        word = msg("yes" if verdict else "no", lang)
        if verdict and _only_if(shown, focus or text, expand):  # "moeten wij CSRD-gegevens leveren?" against "Als we ...
            word = msg("only_if", lang)  # verwachten dat zij informatie aanleveren ..., dan kondigen we dat ... aan"
        said = f"«{shown}»" if lang == "en" else (shown[:1].lower() + shown[1:] if not shown[:2].isupper() else shown)
        line, kind = f"{word}: {said}", "verdict"
    elif lang == "en":
        line, kind = f"The policy says: «{shown}»", "quotes"
    else:
        line, kind = shown, "quotes"
    line = line + _where(best.citation, lang) + "." + (_gloss(shown) if lang == "en" else "")
    siblings = _table_siblings(assistant, supporting[0], None)  # a quoted row comes with the other cases
    weights = _content_weights(bm, text, None, focus or _asking_sentence(text))
    typed = _typed(weights, analyse(focus or text))
    near = [o for o in supporting[1:] if _adds(o, supporting[0], typed, analyse)]
    method = _method(assistant, supporting[0], focus or text, bm) if asks_how(focus or text) and verdict is None else []
    quotes = _dedupe(supporting[:1] + method + siblings + near)[:MAX_QUOTES]
    rest = [o for o in _dedupe(ranked[:8]) if o not in quotes]
    first = _extended(assistant, quotes[0], ranked)
    if method:  # a sentence the first quote already holds is not quoted again
        method = [m for m in method if collapse_ws(m.text) not in first.quote]
        quotes = _dedupe(supporting[:1] + method + siblings + near)[:MAX_QUOTES]
    if method and kind == "quotes":  # the line says how it is done: the first sentence that goes on about it
        shown = _clean_span(_key_span(method[0])).rstrip(" .:;")
        line = (f"The policy says: «{shown}»" if lang == "en" else shown[:1].upper() + shown[1:]) + _where(method[0].citation, lang) + "."
        line += _gloss(shown) if lang == "en" else ""
    said_too = [x.citation for x in (sent_on, fallback, *kept) if x is not None]  # sentences the line says besides the first
    cited = [first] + said_too + [q.citation for q in quotes[1:]]
    plan = Plan(kind, line, _distinct(cited)[:MAX_QUOTES], [r.citation for r in rest[:4]])
    plan.line_quote = best.citation if span == collapse_ws(best.text) and kind == "quotes" else None
    return plan


SHARE_KINDS = ("percent", "money")  # figures a claim may state two of ("75% ... en 25% ...")
SECOND_FIGURE_REACH = 3  # the sentences after the first figure's searched for the second


def _second_figure(assistant: Any, question: str, best: Sentence, shown: str, analyse: Any) -> Sentence | None:
    """A claim with two figures of a kind ("75% generalistisch en 25% specialistisch, toch?") set right by a sentence
    with one: a sentence after it that states the other, about a word of the question the first lacks
    ("... specialistische zorg ... (10%)"), the first of the next few; None otherwise."""
    from assistant.answer.premise import claim_of

    claim = claim_of(question)  # the figures the question claims, not the asker's own ("we hebben 40% ...")
    asked_ = [q for q in read(claim or question) if q.kind in SHARE_KINDS]
    kinds = {q.kind for q in asked_}
    said = [q for q in read(shown) if q.kind in kinds]
    if len(asked_) < 2 or len(said) != 1:
        return None
    words = (set(analyse(question)) | set(assistant.index.retriever.bm25.query_terms(question))) - set(analyse(best.text))
    for o in _following(assistant, best, SECOND_FIGURE_REACH):
        if any(q.kind in kinds for q in read(o.text)) and words & set(analyse(o.text)):
            return o
    return None


def _only_if(shown: str, question: str, expand: Any) -> bool:
    """The answering sentence opens with a condition and says what follows it ("Als we ... verwachten dat ..., dan
    kondigen we dat ... aan"; asked.toml [kinds.consequence] conditions), the question asks what the condition says
    (its words stand in the condition more than in what follows: "moeten wij CSRD-gegevens leveren?"), not what
    follows in the case it names ("moet een zorgstop vooraf gemeld?" against "als ... een zorgstop ..., dan ...
    vooraf communiceert"), and sets no condition of its own: it holds only on that condition, no plain yes."""
    conditions = "|".join(re.escape(fold(w)) for w in asked_phrases("kinds.consequence", "conditions"))
    said = fold(shown)
    m = re.match(rf"(?:{conditions})\s(.*?),\s+(?:dan|then)\s(.*)", said)
    if m is None or re.search(rf"(?<![\w])(?:{conditions})(?![\w])", fold(question)):
        return False
    asked_terms = expand(question)
    return len(asked_terms & expand(m.group(1))) > len(asked_terms & expand(m.group(2)))


MAIN_SHARE = 0.4  # the asked clause without its condition holds at least this share of the question's term weight

AHEAD_REACH = 3  # the sentences after an announcing one in which the lead-in of what it announces may stand


def _asks_list(text: str) -> bool:
    """"Welke doelen ...?", "what targets ...?" (which + a plural noun), also after a colon ("Voor mijn gesprek: welke
    ...?")."""
    return any(_ASKS_LIST.search(part) for part in re.split(r"[:;]\s*", fold(text)))


def _pointed_at(
    assistant: Any, s: Sentence, asks_list: bool = False, asked_terms: Any = frozenset(), analyse: Any = None
) -> Sentence | None:
    """What a sentence that announces a list answers with: the lead-in it points at ("Dit zijn onze
    kwaliteitseisen:"), or the first requirement after that lead-in when that one opens a list of its own ("De
    wondregisseur is een hbo-opgeleide verpleegkundige met minimaal 1 van de volgende ...:"). For a question that asks
    which things (`asks_list`), also the lead-in right after the best sentence ("... in gesprek over hun
    duurzaamheidsprestaties. Wij verwachten daarbij:") or the lead-in of the list the best sentence is an item of (the
    items together answer, when the question names more than one of them: "welke doelen voor restafval?" is answered
    by its item); None otherwise."""
    if s.passage is None or s.text.rstrip().endswith(":"):
        return None
    lead_of = _lead_in(s) if asks_list and analyse is not None else ""
    if lead_of:
        own = set(asked_terms) - set(analyse(lead_of))
        items = [x for x in c.sentences_of(s.passage.text, s.passage.kind == "table") if c._LIST_ITEM.match(x)]
        if sum(bool(own & set(analyse(x))) for x in items) < 2:
            return None
        ct = c.citation_for(assistant.corpus, s.passage, collapse_ws(lead_of))
        return Sentence(ct.quote, ct, s.score, s.overlap, s.terms, s.confidence, s.passage) if ct is not None else None
    ahead = announces_list(s.text)
    if not ahead and not asks_list:
        return None
    after = _following(assistant, s, AHEAD_REACH + 1)
    at = next((i for i, x in enumerate(after[: AHEAD_REACH if ahead else 1]) if x.text.rstrip().endswith(":")), None)
    if at is None:
        return None
    lead = after[at]
    nxt = after[at + 1] if at + 1 < len(after) else None
    chosen = nxt if nxt is not None and nxt.text.rstrip().endswith(":") and not c._LIST_ITEM.match(nxt.text) else lead
    return replace(chosen, overlap=s.overlap, confidence=s.confidence, score=s.score)


_SUBJECTS = frozenset(fold(w) for w in lexicon_data()["parts"]["subjects"])  # "if it ...", "als ze ...", "when we ..."


@functools.cache
def _condition_word() -> re.Pattern[str]:
    """A word that opens a condition (lexicon `condition`), at the start or after a space or comma."""
    words = "|".join(re.escape(w) for w in sorted(lexicon().condition, key=len, reverse=True))
    return re.compile(rf"(?:^|[\s,])(?:{words})\s")


def _main_clause(bm: Any, question: str) -> tuple[str, dict[str, float]] | None:
    """The asking sentence without the condition it sets ("..., if we sign it in April?", "als we het te laat
    melden, ..."), with the weights (as in the whole question) of its own terms; None when it sets none, or the clause
    without it holds less than MAIN_SHARE of the question's term weight (too little of the question to decide on)."""
    asking = _asking_sentence(question) or question
    folded = fold(asking).rstrip(" ?")
    m = _condition_word().search(folded)
    if m is None:
        return None
    if m.start() == 0:  # "als het te laat is, mag dat dan?": the asked clause after the condition's comma
        main = folded.split(",", 1)[1] if "," in folded else ""
    else:  # "... if we sign it in April?": a subject after the word ("telt een dochter als onderaannemer?" sets none)
        after = folded[m.end() :].split()
        if not after or after[0] not in _SUBJECTS:
            return None
        main = folded[: m.start()]
    weights = bm.term_weights(asking)
    terms = set(bm.query_terms(main))
    own = {t: w for t, w in weights.items() if t in terms}
    if not main.strip() or sum(weights.values()) <= 0 or sum(own.values()) < MAIN_SHARE * sum(weights.values()):
        return None
    return main.strip(" ,"), own


_EXISTS = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in lexicon_data()["parts"]["exists"]) + r")\b"
)  # "is er een maximum ...?", "is there a deadline?" (lexicon [parts] exists)
_ASKS_LIST = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:welke|which|what)\s+(?:\w+\s+){0,2}?\w+(?:en|s)\b")
_LISTS = re.compile(r"(?:volgende|following|deze|these)\b[^.:]{0,80}:\s*\S[^.;]*,[^.;]*\b(?:en|and|of|or)\b")
LIST_SHARE = 0.75  # a sentence that lists, this close to the best one, answers "welke ...?" before it


REFERENCE_SHARE = 0.5


@functools.lru_cache(maxsize=32)
def _bound_by_name(bound: str, kind: str) -> re.Pattern[str] | None:
    """"maximaal het budget ...": a bound word, an article and a noun of the asked kind (asked.toml `nouns`)."""
    from assistant.answer.asked import _kinds

    nouns = _kinds()[1].get(kind, {}).get("nouns", [])
    if not nouns:
        return None
    bounds = "|".join(sorted((re.escape(b) for b in lexicon().bounds[bound]), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w])(?:{bounds})\s+(?:het|de|the)\s+(?:{'|'.join(re.escape(n) for n in nouns)})(?![\w])[^.;()]*", re.I
    )


def _by_reference(
    a: Asked, sentences: list[Sentence], bound: str | None, lang: str, weights: dict[str, float], analyse: Any,
    corpus: Any = None,
) -> Plan | None:
    """A bound the question asks for, stated by naming another value instead of a figure ("Dit is maximaal het
    budget voor H&A in 2026"): the named value is the answer, quoted, when the sentence and its headings hold at
    least half the question's term weight (the budget of one scheme does not answer for another's); a sentence that
    points back ("(Dit is ...)") is about what the sentence before it names, so that one counts too."""
    named = _bound_by_name(bound, a.kind) if bound is not None else None
    if named is None or not any(weights.values()):
        return None
    for s in sentences:
        m = named.search(s.text)
        heading = " ".join(s.passage.heading_trail[-2:]) if s.passage is not None else ""
        before = _said_before(corpus, s) if corpus is not None else ""
        if m is None or c.weight_share(weights, analyse(f"{s.text} {before}") | analyse(heading)) < REFERENCE_SHARE:
            continue
        shown = _clean_span(m.group(0)).rstrip(" .:;,")
        line = (f"The policy says: «{shown}»" if lang == "en" else shown[:1].upper() + shown[1:]) + _where(s.citation, lang) + "."
        return Plan("value", line + (_gloss(shown) if lang == "en" else ""), [s.citation])
    return None


SAID_BEFORE = 2  # the sentences before one that points back that say what it is about


def _said_before(corpus: Any, s: Sentence) -> str:
    """The sentences before `s` in its clause when `s` points back at them ("De zorgaanbieder levert ... een H&A-plan
    aan ... Daarbij is het benodigde budget voor 2027 inzichtelijk. (Dit is maximaal ...)"), else ""."""
    if not _CONTINUES.match(s.text):
        return ""
    text = corpus.collapsed_clause_texts.get(s.citation.clause_id, "")
    at = text.find(collapse_ws(s.text))
    said = typed_sentences(text[:at]) if at > 0 else []
    return " ".join(said[-SAID_BEFORE:])


def _listing(text: str, ranked: list[Sentence]) -> Sentence | None:
    """For "welke functies koopt CZ ...?" (which + a plural noun), the close sentence that enumerates them
    ("We kopen de volgende functies in ...: palliatief verpleegkundige, casemanager dementie, ... en ...")."""
    if not ranked or not _ASKS_LIST.search(fold(text)):
        return None
    return _close_one(ranked, LIST_SHARE, lambda t: _LISTS.search(fold(t)) is not None)


def _close_one(ranked: list[Sentence], share: float, fits: Any) -> Sentence | None:
    """The first of the best sentences, at least `share` of the best one's overlap, whose text `fits`."""
    return next((s for s in ranked[:8] if s.overlap >= share * ranked[0].overlap and fits(s.text)), None)


def _subsections(assistant: Any, s: Sentence) -> list[Any]:
    """The subsections of the clause `s` stands in (1.2 -> 1.2.1, 1.2.2, 1.2.3), in document order."""
    parent = s.citation.clause_id
    return [
        x for x in assistant.corpus.clauses
        if x.id.startswith(parent + ".") and "." not in x.id[len(parent) + 1 :]
    ]  # fmt: skip


DEFINE_SHARE = 0.5  # a defining sentence this close to the best one answers "wat is een ...?" before it
NAMING_SHARE = 0.5  # a sentence this close to the best one that names the thing "which ...?" asks for answers before it
_WHICH_NOUN = re.compile(r"\b(?:welke|welk|which|what)\s+([^\W\d_][\w'’-]{3,})")


def _naming(text: str, ranked: list[Sentence], analyse: Any, expand: Any) -> Sentence | None:
    """For "welke werkwijze ...?", "which method ...?" (a question word and the noun it asks for), the close sentence
    that names such a thing ("De zorgaanbieder gebruikt de MKS-werkwijze."), when the best one does not; not for a
    noun that names only the kind of value ("welke datum", "what percentage")."""
    m = _WHICH_NOUN.search(fold(asked_clause(text)))
    if not ranked or m is None or m.group(1) in _not_the_thing_words():
        return None
    wanted = expand(m.group(1)) | analyse(m.group(1))
    if not wanted or analyse(ranked[0].text) & wanted:
        return None
    return _close_one(ranked, NAMING_SHARE, lambda t: bool(analyse(t) & wanted))


def _defining(text: str, ranked: list[Sentence]) -> Sentence | None:
    if not ranked or not asks_definition(text):
        return None
    return _close_one(ranked, DEFINE_SHARE, defines)


STATED_CONFIDENCE = 0.2  # ... and decides it on this share of the question's term weight (the values compared)
STATED_SHARE = 0.4  # a sentence this close to the best one decides a yes/no question when it holds the kind of value it states
STATED_TOPIC = 0.1  # ... and holds at least this share of the question's words other than the value's own


def _holding_stated(assistant: Any, text: str, ranked: list[Sentence]) -> Sentence | None:
    """For a yes/no question that states a share, an amount, a date, a duration or a score ("meer dan de helft
    uitbesteden?", "krijgen we dan een B-score?"), the close sentence that states a value of that kind and shares
    most of the question's other words (not the words of the value itself: "score" alone does not make a
    staffel row about late quality data)."""
    if not is_yes_no(text) or not ranked:
        return None
    pairs = [
        (q, v) for q in read(text)
        if (v := _compared(q)) is not None and v[0] in (*_VALUE_KINDS, "figure") and not _names_rule(q)
    ]  # fmt: skip
    if not pairs:
        return None
    stated = [q for q, _ in pairs]
    kinds = {v[0] for _, v in pairs} - {"figure"}
    units = {q.unit for q, v in pairs if v[0] == "figure"}

    def holds_value(sentence: str) -> bool:  # a value of a stated kind, or a bound on the asker's own count
        said = read(sentence)
        return any(v is not None and v[0] in kinds for v in map(_compared, said)) or bool(_bounds_on(said, units))

    bm25 = assistant.index.retriever.bm25
    own = set().union(*(c.terms_of(q.text, bm25.splitter) for q in stated))
    weights = {t: w for t, w in bm25.term_weights(text).items() if t not in own}

    def topic(s: Sentence) -> float:
        return c.weight_share(weights, c.terms_of(s.text, bm25.splitter))

    return next(
        (
            s for s in ranked[:VALUE_POOL]
            if s.overlap >= STATED_SHARE * ranked[0].overlap
            and topic(s) >= STATED_TOPIC
            and holds_value(s.text)
        ),
        None,
    )  # fmt: skip


CONSEQUENCE_REACH = 6  # what follows from missing a rule often closes its paragraph, a few sentences after it
VALUE_POOL = 16  # sentences searched for a value of the asked kind (with the two after each)
VALUE_SHARE = 0.25  # ... each matching at least this share of the best sentence's question terms
CLAUSE_SHARE = 0.15  # ... or this share, in the best sentence's own clause


_IF_THAT = re.compile(r"^\W*(?:als|indien|wanneer|if|when|where)\s+(?:dat|dit|that|this)\b", re.I)


def _leaned_on(assistant: Any, s: Sentence) -> list[Sentence]:
    """The sentence before `s` when `s` opens on it ("... binnen 10 werkdagen te beantwoorden. Als dat niet mogelijk
    is, dan laten we dat zo snel mogelijk weten."): what `s` matches, it says of that sentence too; [] otherwise."""
    if s.passage is None or not (_IF_THAT.match(s.text) or _POINTS_BACK.match(s.text) or _CONTINUES.match(s.text)):
        return []
    before = c.next_sentence(c.Scored(s.score, s.text, s.passage, 0, s.terms), -1)
    ct = c.citation_for(assistant.corpus, s.passage, before) if before else None
    if ct is None:
        return []
    return [Sentence(ct.quote, ct, s.score * 0.5, s.overlap, frozenset(), 0.0, s.passage)]


QUOTE_START = 40  # the opening characters by which a quote is found among its passage's sentences


CONSEQUENCE_WINDOW = 3  # sentences on either side of a consequence where the passage may state another one


def _consequences_beside(assistant: Any, s: Sentence) -> list[Sentence]:
    """The other sentences near `s` in its passage that state a consequence too ("Alle informatie die na 31 mei
    binnenkomt, kunnen we niet meer meenemen" beside "... leidt automatisch tot een C-score"), nearest first."""
    if s.passage is None:
        return []
    texts, i = c.sentence_at(s.passage, s.text)
    if i is None:
        return []
    around = sorted(
        (k for k in range(i - CONSEQUENCE_WINDOW, i + CONSEQUENCE_WINDOW + 1) if k != i and 0 <= k < len(texts)),
        key=lambda k: abs(k - i),
    )
    out = []
    for k in around:
        ct = c.citation_for(assistant.corpus, s.passage, texts[k]) if states_consequence(texts[k]) else None
        if ct is not None:
            out.append(Sentence(ct.quote, ct, s.score * 0.5, 0.0, frozenset(), 0.0, s.passage))
    return out


def consequence_after(assistant: Any, cited: Citation, lang: str) -> Plan | None:
    """What missing a date brings, when the sentence of that date goes on to say it ("... kunt u uiterlijk 15 mei
    kenbaar maken. Na deze datum is het recht daarop vervallen."): the first sentence after the cited one in its
    passage that states a consequence, quoted; None when none does."""
    retriever = assistant.index.retriever
    quote = collapse_ws(cited.quote)
    for p in retriever.passages:
        if p.clause_id != cited.clause_id or p.year != cited.year:
            continue
        said = [collapse_ws(x) for x in c.sentences_of(p.text, p.kind == "table")]
        at = next((i for i, x in enumerate(said) if quote[:QUOTE_START] in x or x in quote), None)  # (the quote may
        # hold the sentence after it too: the consequence it goes on with is still the answer)
        if at is None:
            continue
        for x in said[at + 1 : at + 1 + CONSEQUENCE_REACH]:
            ct = c.citation_for(assistant.corpus, p, x)
            if ct is not None and states_consequence(x):
                shown = _clean_span(x).rstrip(" .:;")
                line = (f"The policy says: «{shown}»" if lang == "en" else shown) + _where(ct, lang) + "."
                return Plan("value", line + (_gloss(shown) if lang == "en" else ""), [ct, cited])
    return None


def _value_candidates(assistant: Any, ranked: list[Sentence], reach: int = 2, near: str | None = None) -> list[Sentence]:
    """The sentences that may hold the asked value: the best matching ones, the `reach` sentences after each and
    the other rows of their tables; and every sentence of the section `near` (a part that points back at the
    part before: "uiterlijk wanneer kan dat ingediend, en wat volgt als het later komt?"), however little it
    shares with the words."""
    if not ranked:
        return []
    best = ranked[0].overlap
    out: list[Sentence] = []
    seen: dict[str, Sentence] = {}
    found = {r.text: r for r in ranked}
    home = ranked[0].citation.clause_id  # the clause that matches best may hold the value in a sentence of its own
    pool = [r for r in ranked if r.overlap >= (CLAUSE_SHARE if r.citation.clause_id == home else VALUE_SHARE) * best]
    pool = pool[:VALUE_POOL] + [r for r in ranked if near is not None and r.citation.section == near and r not in pool[:VALUE_POOL]]
    for s in pool:  # that matches less ("binnen 10 werkdagen uitsluitsel" for "wanneer beslist CZ ...?")
        for x in [*_leaned_on(assistant, s), s, *_following(assistant, s, reach), *_rows_of_table(assistant, s)]:
            if x.text in found and x is not found[x.text]:  # a follower that matched on its own keeps its match
                x.overlap, x.score = max(x.overlap, found[x.text].overlap), max(x.score, found[x.text].score)
            if x.text not in seen:
                seen[x.text] = x
                out.append(x)
            elif x.context and not seen[x.text].context:  # a row found on its own: its table's header too
                seen[x.text].context = x.context
    return out


def _rows_alike(s: Sentence, candidates: list[Sentence], a: Asked, weights: dict[str, float], analyse: Any) -> list[Sentence]:
    """The rows of `s`'s table that hold a value of the asked kind, when the question names none of them (only
    the table's header words): each row is an answer for another case, so all are shown; [] otherwise."""
    if not s.context:
        return []
    rows = [o for o in candidates if o.context == s.context and holds(a, o.text)]
    if len(rows) < 2:
        return []
    return rows if max(_own_about(o, a, weights, analyse) for o in rows) <= 0 else []


def _own_about(s: Sentence, a: Asked, weights: dict[str, float], analyse: Any) -> float:
    """How much the words of `s` itself (not its table's header) around its values share with the question."""
    return max((_about(v, s.text, weights, analyse) for v in holds(a, s.text)), default=0.0)


NEW_TERMS_SHARE = 0.2  # ... or, without such a value, holds this share of the question's term weight the answer lacks
BEAR_SHARE = 0.8  # another sentence with a value of the asked kind is quoted when it is this much about the question


TYPED_SHARE = 0.5  # the typed terms hold at least this share of the question's weight, or the expansions count


def _typed(weights: dict[str, float], own: set[str]) -> dict[str, float]:
    """The weights of the terms the asker typed, without the vocabulary's expansions ("bijcontractering" also
    searches "zorginkoop", but a sentence about "waardegedreven zorginkoop" is not about it): whether a further
    quote bears on the question is judged on the question's own words."""
    mine = {t: w for t, w in weights.items() if t in own}
    # an English question types few of the policy's words: then the expansions are what it is about
    return mine if sum(mine.values()) >= TYPED_SHARE * sum(weights.values()) else weights


def _bears(o: Sentence, s: Sentence, value: Any, a: Asked, weights: dict[str, float], analyse: Any) -> bool:
    """Whether `o` carries the answer too: it states the answer's value, or a value of the asked kind that is
    nearly as much about the question as the answer's own (another case of the same rule). A sentence
    without a value of the asked kind, or with another value about something else (the other dates of a
    timeline, the other addresses of a contact list), does not; it stays in the further context."""
    found = holds(a, o.text)
    if not found:  # no value of the asked kind: it bears when it holds much of the question the answer does not
        if a.kind == "consequence":  # "gevolg van een gemiste termijn?": the rule of the term bears too
            return True
        return _holds_more(o, f"{s.text} {s.context or ''}", weights, analyse)
    if any(_same_value(v, value) for v in found):
        return True
    return _own_about(o, a, weights, analyse) >= BEAR_SHARE * _own_about(s, a, weights, analyse)


CLOSE_SHARE = 0.7  # a further quote of a clause answer matches this share of the best one's question terms ...


def _adds(o: Sentence, best: Sentence, weights: dict[str, float], analyse: Any) -> bool:
    """Whether `o` bears on the question beside the best sentence: nearly as much about it, or about a good part
    of the question the best sentence does not hold (the other part of the rule)."""
    return o.overlap >= CLOSE_SHARE * best.overlap or _holds_more(o, best.text, weights, analyse)


def _holds_more(o: Sentence, covered: str, weights: dict[str, float], analyse: Any) -> bool:
    """`o` holds at least NEW_TERMS_SHARE of the question's term weight that `covered` (the answer) does not."""
    new = analyse(o.text) - analyse(covered)
    return sum(weights.get(t, 0.0) for t in new) >= NEW_TERMS_SHARE * (sum(weights.values()) or 1.0)


def _same_value(x: Any, y: Any) -> bool:
    """One value written twice ("tussen 2 en 31 mei", "2-31 mei 2026"): the same reading, or the same text."""
    if isinstance(x, Quantity) and isinstance(y, Quantity):
        return x.kind == y.kind and (x.value == y.value or x.text == y.text)
    return str(x) == str(y)


def _rows_of_table(assistant: Any, s: Sentence) -> list[Sentence]:
    """`s` itself (with the table's header as its context) and the other rows, when `s` is a row of a table:
    the header says what every row's value is ("Maximale vergoeding op gehonoreerd aanvullend budget")."""
    table = assistant.corpus.table_for(s.passage.id) if s.passage is not None else None
    if table is None or not any(
        collapse_ws(r.text) == collapse_ws(s.text) for r in (*table.rows, *([table.header] if table.header else []))
    ):
        return []
    context = " ".join(x for x in ((table.header.text if table.header else ""), table.intro or "") if x)
    if not context:
        return []
    s.context = context
    out = []
    for row in table.rows:
        ct = c.citation_for(assistant.corpus, s.passage, collapse_ws(row.text))
        if ct is not None and collapse_ws(row.text) != collapse_ws(s.text):
            out.append(Sentence(ct.quote, ct, s.score * 0.5, s.overlap * 0.5, frozenset(), 0.0, s.passage, context))
    return out


OLDER_CONFIDENCE = 0.5  # an older text's value answers only from a sentence this much about the question
ROW_SHARE = 0.3  # ... and a year's row of an older table, with its table's intro and headings, this much


def _year_rows(assistant: Any) -> dict[int, list[tuple[Any, Any]]]:
    """Year -> (passage, row) of the tables whose rows are keyed by a year ("2023 | Minimaal 35% ... | Maximaal
    65% ..."), only for years that no policy text of the corpus is for and no table of the current policy keys a row by."""
    key = "year.rows"
    cache = assistant.corpus.derived
    if key not in cache:
        found: dict[int, list[tuple[Any, Any]]] = {}
        current: set[int] = set()
        for p in assistant.corpus.passages:
            table = assistant.corpus.table_for(p.id) if p.kind == "table" else None
            for row in table.rows if table is not None else ():
                head = row.cells[0].text.strip() if row.cells else ""
                if re.fullmatch(r"(?:19|20)\d\d", head):
                    if p.year == assistant.corpus.current_year:
                        current.add(int(head))
                    found.setdefault(int(head), []).append((p, row))
        policies = set(assistant.corpus.years)  # a policy year's own text speaks for it (2024), a year before any does not
        cache[key] = {y: rows for y, rows in found.items() if y not in current and y not in policies}
    return cache[key]


def _asked_here(text: str, own: str, focus: str | None, stated: list[Quantity]) -> Asked | None:
    """The kind of value a question about a year asks: its own, else that of the question it follows ("en in 2022?"
    after "hoeveel procent mag ...?"), else that of the figure a yes or no question states ("was het ook 50%?")."""
    a = asked(own)
    if a is None and focus and focus != text and " || " not in text:  # a part of one message: as completed
        a = asked(text)  # with the words of the part before ("... maximaal in onderaanneming? En in 2022?")
    if a is None and focus:
        a = next(
            (found for before in reversed(text.split(" || ")[:-1]) if (found := asked(asked_clause(before))) is not None),
            None,
        )  # fmt: skip
    if a is None and stated and is_yes_no(own):
        a = of_kind(stated[0].kind)
    return a


def _older_year_plan(assistant: Any, text: str, lang: str, focus: str | None, ranked: list[Sentence]) -> Plan | None:
    """A value asked of an older policy year ("welk niveau moest ... volgens het beleid 2024?", "en in de tekst van
    2024?" after a value question): the older text's value first, then the current policy's for that question. None
    when the question asks whether something changed, names no single older year, or asks no value."""
    own = focus or text
    current = assistant.corpus.current_year
    years = {y for y in assistant.corpus.years if y != current and _names_policy_year(own, y)}
    if len(years) != 1 or _ASKS_CHANGE.search(fold(own)):
        return None
    y = years.pop()
    a = _asked_here(text, own, focus, [])
    if a is None or a.several or (is_yes_no(own) and asked(own) is not None):  # "geldt die 24 uur uit 2024 nog?",
        return None  # "is het niveau sinds 2024 verlaagd?": whether it still holds or went down, no value of that year
        # ("en in 2024?" after a value question asks that value)
    bm = assistant.index.retriever.bm25
    analyse = lambda t: c.terms_of(t, bm.splitter)  # noqa: E731
    weights = {t: w for t, w in _content_weights(bm, text, a, focus or _asking_sentence(text)).items() if t != str(y)}
    bound = asked_bound(own)
    found = []
    for year in (y, current):
        best = _best_value(a, _value_candidates(assistant, [s for s in ranked if s.citation.year == year]), weights,
                           analyse, bound)  # fmt: skip
        if not best or c.weight_share(weights, analyse(best[0][0].text)) < OLDER_CONFIDENCE or (
            isinstance(best[0][1], str) and not re.search(r"\d", best[0][1])
        ):  # (each year's value from a sentence that holds at least that share of the question's words; a level
            break  # without its number, "hbo", says too little: the versions are compared as a whole then)
        found.append(best[0])
    if not found:
        return None
    parts = []
    for s, v in found:
        said = _value_line(a, v, s.text, own, lang).rstrip(".")
        parts.append(f"{s.citation.year}: " + said[:1].lower() + said[1:] + _where(s.citation, lang))
    same = len(found) > 1 and _same_value(found[0][1], found[1][1])
    later = (msg("unchanged_in", lang) + " " if same else "") + (f"in {parts[1]}" if len(parts) > 1 else "")
    line = f"In {parts[0]}" + (f"; {later}" if later else "") + "."
    return Plan("value", line, [s.citation for s, _ in found], [], intent="clause:year")


def _year_row_plan(assistant: Any, text: str, lang: str, focus: str | None, verdict: bool = True) -> Plan | None:
    """A value asked of a year that only an older text gives, in the row of a table keyed by years (the
    subcontracting schedule of 2022-2024 in the 2024 appendix): "In 2023: maximaal 65%", from that row. The kind
    asked is the question's own, else that of the question it follows ("en in 2022?" after "hoeveel procent mag
    ...?"), else that of the figure it states ("was het maximum in 2023 ook 50%?": then ja or nee first). None when
    the question names no such year or asks whether something changed."""
    own = focus or text
    rows = _year_rows(assistant)
    years = {int(q.value) for q in read(asked_clause(own)) if q.kind == "year" and int(q.value) in rows}
    if len(years) != 1 or _ASKS_CHANGE.search(fold(own)):  # (a year of the asker's own case, "in 2022 hadden we ...,
        return None  # wat is de caseload?", or beside "nu" in the asking clause is no year asked about)
    y = years.pop()
    stated = [q for q in read(own) if q.kind in ("percent", "count", "money")]
    a = _asked_here(text, own, focus, stated[:1] if stated and stated[0].kind == "percent" else [])
    if a is None or a.kind not in ("percent", "count", "money"):
        return None
    bm = assistant.index.retriever.bm25
    analyse = lambda t: c.terms_of(t, bm.splitter)  # noqa: E731
    weights = {t: w for t, w in _content_weights(bm, text, a, focus or _asking_sentence(text)).items() if t != str(y)}
    if not any(weights.values()):  # "en in 2022?" as a part: the words it borrowed say what it is about
        weights = {t: w for t, w in _content_weights(bm, text, a).items() if t != str(y)}
    bound = asked_bound(own)
    for p, row in rows[y]:
        ct = c.citation_for(assistant.corpus, p, collapse_ws(row.text))
        table = assistant.corpus.table_for(p.id)
        context = " ".join(x for x in (table.intro if table else None, *p.heading_trail[-2:]) if x)
        if ct is None or c.weight_share(weights, analyse(ct.quote + " " + context)) < ROW_SHARE:
            continue  # a row about the question ("hoeveel procent kreeg in 2023 een A-score?" is not about this one)
        s = Sentence(ct.quote, ct, 1.0, 1.0, frozenset(), 1.0, p, context)
        values = [v for v in _values(a, s, weights, analyse, bound) if isinstance(v, Quantity) and v.kind in a.holds]
        if not values:
            continue
        found = _value_line(a, values[0], s.text, own, lang).rstrip(".")
        line = f"In {y}: " + found[:1].lower() + found[1:] + _where(ct, lang) + "."
        claimed = [q for q in stated if q.kind == a.kind]
        if claimed and verdict and is_yes_no(own):  # "was het maximum in 2023 ook 50%?": the claimed figure, checked
            same = claimed[0].value in ({values[0].value} if bound else {v.value for v in values})  # against the
            line = msg("yes" if same else "no", lang) + ": " + line[:1].lower() + line[1:]  # bound asked, or any
        return Plan("value", line, [ct], [], intent="clause:year")
    return None


def _older_value(assistant: Any, text: str, lang: str, a: Asked, weights: dict, analyse: Any) -> Plan | None:
    """The current policy has no value of the asked kind, but an older text does (the night-care norms are only
    in the 2024 appendix): say that the current policy does not give it, and what the older text said."""
    current = assistant.corpus.current_year
    _, ranked = _ranked(assistant, text, None, True)
    older = [s for s in ranked if s.citation.year != current]
    if not older:
        return None
    for s in _value_candidates(assistant, older):
        if s.confidence < OLDER_CONFIDENCE or _other_givers(text, s):  # "24 uur per week" of case managers is no
            continue  # answer about trainees, nor "maximaal 50 procent ... in onderaanneming" about helpers
        value = _value_in(a, s, weights, analyse)
        if value is not None:
            what = _WHAT.get(a.kind, ("waarde", "value"))[1 if lang == "en" else 0]
            found = _value_line(a, value, s.text, text, lang).rstrip(".")
            found = found[:1].lower() + found[1:]
            line = (
                f"The {current} policy gives no {what} for this; the {s.citation.year} text said: {found}"
                if lang == "en"
                else f"Het beleid {current} noemt hiervoor geen {what}; de tekst van {s.citation.year} noemde: {found}"
            ) + _where(s.citation, lang) + "."
            now = [o.citation for o in ranked if o.citation.year == current][:1]  # what the current policy says there
            return Plan("value", line, [s.citation], now, intent="clause:older")
    return None


# a capitalised word inside a sentence, or an abbreviation in capitals ("een VOG")
_NAME = re.compile(r"(?<=[\w,;:)]\s)([A-ZÀ-Ý][a-zà-ÿ]{3,}|[A-Z]{3,6})\b")


_ASKED_OBJECT = re.compile(  # "welke X", "wat voor X": X is the thing asked after ("hoeveel" is often followed by a verb)
    r"(?:^|[\s,;:(])(?:welke|welk|wat voor|wat voor een|which|what)\s+(?:(?:de|het|een|the|a|an)\s+)?"
    r"([^\W\d_][\w'-]{2,})(?![\w'-])(?!\s+(?:er|u|we|wij|jullie|ze|zij|hij|je|jij|you|they|it)\b)",  # ("welke gold er
    re.I,  # toen?", "welke noemt u?": "welke" stands for the thing, the word after it is a verb)
)
DUTCH_WORD_ZIPF = 2.5  # a word this common in Dutch (and not more common in English) is a Dutch word, not a typo


def unknown_object(question: str, bm25: Any) -> str | None:
    """The Dutch noun a which-question asks after when the policy texts never use it, nor any word of
    its stem or compound parts, nor the concept vocabulary ("welke cao geldt?", "welke vakbond?"); a word
    that names the kind of value asked ("welk bedrag", "welke datum") is the question's kind, not its object. None
    otherwise (an English noun may be a gap in the glossary, so only Dutch words are judged)."""
    from assistant.retrieve.analysis import _zipf, concept_vocabulary

    zipf = _zipf()
    if zipf is None:
        return None
    m = _ASKED_OBJECT.search(_asking_sentence(question) or question)
    if m is None:
        return None
    word = m.group(1)
    folded = fold(word)
    if folded in _kind_words() or folded in concept_vocabulary()["terms"] or folded in STOPWORDS:
        return None
    if any(t in bm25.postings for t in bm25.query_terms(word)):
        return None
    nl, en = zipf(folded, "nl"), zipf(folded, "en")
    return word if nl >= DUTCH_WORD_ZIPF and nl >= en else None


@functools.lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    """The words that name a kind of value (asked.toml's cues): "bedrag", "datum", "percentage", ..."""
    from assistant.answer.asked import _kinds

    kinds = [k for k in _kinds()[1].values() if isinstance(k, dict)]
    return frozenset(fold(w).split()[-1] for kind in kinds for w in kind.get("cues", ()) if w.strip())


def _unknown_names(question: str, bm25: Any) -> list[str]:
    """Names in the asking sentence that the policy texts never use ("Utrecht", "Breda"): a place, person or
    organisation the policy says nothing about (months, weekdays and the concept vocabulary's words excluded)."""
    from assistant.retrieve.analysis import concept_vocabulary

    asking = _asking_sentence(question) or question
    vocabulary = concept_vocabulary()["terms"]
    return [
        w for w in _NAME.findall(asking)
        if fold(w) not in bm25.vocab and w.lower() not in bm25.vocab and fold(w) not in vocabulary
        and month_number(w) is None and not is_weekday(w) and not _common_word(w)
    ]  # fmt: skip


ENGLISH_WORD_ZIPF = 3.5  # an English word this common ("Medical", "Quality") is capitalised, not a name


def _common_word(word: str) -> bool:
    """A word capitalised for its place, not a name: common English ("Medical"); an abbreviation in capitals is
    a name unless it is a common English or Dutch word written in capitals ("REALLY", "ALTIJD")."""
    if not word.isupper():
        return _common_english(word)
    from assistant.retrieve.analysis import _zipf

    zipf = _zipf()
    return zipf is None or any(zipf(word.lower(), lang) >= ENGLISH_WORD_ZIPF for lang in ("en", "nl"))


def _common_english(word: str) -> bool:
    """A common English word ("Medical", "Team"), not a Dutch place that English texts name too ("Amsterdam" is
    more common in Dutch than in English)."""
    from assistant.retrieve.analysis import _zipf

    zipf = _zipf()
    if zipf is None:
        return True
    en = zipf(word.lower(), "en")
    return en >= ENGLISH_WORD_ZIPF and en >= zipf(word.lower(), "nl")


RULED_OUT_CONFIDENCE = 0.5  # a sentence this much about the question that rules the thing out answers it


def _ruled_out(closest: list[Sentence], lang: str, question: str | None = None, bm: Any = None) -> Plan | None:
    """The question asks for a value of something the policy rules out ("wanneer kunnen we een maatwerkcontract
    aanvragen?": "voor 2027 maken we geen nieuwe afspraken met een maatwerkcontract"): that sentence is the
    answer, not "the policy does not say". Not when the thing asked about is named before the words that rule out:
    it is then why something else is ruled out ("Vanwege de aanstaande nieuwe bekostiging ... geen nieuwe afspraken
    met een maatwerkcontract" does not say when that new funding starts)."""
    if not closest or closest[0].confidence < RULED_OUT_CONFIDENCE or not rules_out(closest[0].text):
        return None
    s = closest[0]
    thing = _asked_thing(question, bm, lang) if question and bm is not None else None
    reason = reason_span(s.text) if thing else None
    if reason and _whole_terms(thing, bm) & set(c.terms_of(fold(s.text)[reason[0] : reason[1]], bm.splitter)):
        return None
    shown = _clean_span(collapse_ws(s.text)).rstrip(" .:;")
    line = msg("ruled_out", lang, quote=shown) + _where(s.citation, lang) + "."
    plan = Plan("verdict", line, [s.citation], intent="clause")
    plan.line_quote = s.citation
    return plan


def _whole_terms(words: str, bm: Any) -> set[str]:
    """The terms of `words` and the vocabulary's words for them, without the parts of a compound ("maandbekostiging"
    is no "bekostiging")."""
    parts: set[str] = set()
    for w in words.split():
        terms = c.terms_of(w, bm.splitter)
        whole = max(terms, key=len, default="")
        parts |= {t for t in terms if t != whole}
    return set(bm.query_terms(words)) - parts


DEFERRED_POOL = 3  # the closest sentences (each with the one after it) searched for one that says where the asked
# value is given


YEAR_TERM = re.compile(r"(?:19|20)\d\d")  # a year says which text is asked, not what it is asked about
SUBJECT_SHARE = 0.3  # a word of the question weighing less than this share of its weightiest names no subject


def _subject_weights(weights: dict[str, float], bm: Any) -> Any:
    """A measure of how much of what the question is about a sentence holds: the question's own term weights (not its
    content weights: a one-word cue of a kind, "dagtarief", may be the thing asked about) without the words that ask
    for a kind of value or a bound ("hoeveel procent ... maximaal"), without its years and without the words that weigh
    little beside its weightiest (SUBJECT_SHARE); so "helpenden niveau 2" or "dagtarief" count."""
    subject = {t: w for t, w in weights.items() if t not in _asking_terms(bm.splitter) and not YEAR_TERM.fullmatch(t)}
    top = max(subject.values(), default=0.0)
    subject = {t: w for t, w in subject.items() if w >= SUBJECT_SHARE * top}  # (not "voor", "zorg": they name no subject)
    return lambda text: sum(w for t, w in subject.items() if t in c.terms_of(text, bm.splitter))


@functools.lru_cache(maxsize=4)
def _asking_terms(splitter: Any) -> frozenset[str]:
    from assistant.answer.asked import _kinds

    kinds = [k for k in _kinds()[1].values() if isinstance(k, dict)]
    words = [w for kind in kinds for w in kind.get("cues", ()) if " " in w.strip()]  # "hoeveel procent", "welk bedrag"
    # (a cue of one word may be the very thing asked about: "dagtarief", "boete")
    words += [w for pair in _WHAT.values() for w in pair]  # the kind's own noun: "percentage", "amount"
    words += [w for k in ("min", "max") for w in lexicon().bounds.get(k, [])]
    return frozenset(t for w in words for t in c.terms_of(w, splitter) if not re.fullmatch(r"\d+", t))


THING_SHARE = 0.4  # a word beside the question's most specific one that weighs this share of it is part of its name
THING_WORDS = 3  # ... and the name is at most this many words


def _asked_thing(question: str, bm: Any, lang: str) -> str | None:
    """What a question asks a value of, in the asker's words ("what sum does the innovation budget hold?" ->
    "innovation budget"): the most specific word of the asking clause with the specific words right beside it; not a
    word that only names the kind of value, a bound, a year or the insurer. None when no word is specific enough."""
    clause = asked_clause(question)
    counted = _COUNTED.search(fold(clause))
    if counted is not None and fold(counted.group(1)) not in _not_the_thing_words():
        return counted.group(1)  # "hoeveel zorgaanbieders contracteert CZ?": what is counted
    tokens = list(re.finditer(r"[^\W\d_][\w'’-]*", clause))
    kind_terms = set(_not_the_thing(bm.splitter))
    weights = bm.term_weights(clause)

    def weight(k: int) -> float:
        tok = tokens[k].group()
        terms = [t for t in bm.query_terms(tok) if t not in kind_terms and t not in _INSURER]
        named = k > 0 and fold(tokens[k - 1].group()) in _ARTICLES  # "de boete", not the verb of "zit er"
        if lang == "en" and k + 1 < len(tokens) and fold(tokens[k + 1].group()) not in STOPWORDS:
            named = False  # "what hourly rate": an English word before another names no thing itself
        if named and terms and not any(bm.idf.get(t) for t in terms) and _everyday(fold(tok), lang):
            return UNKNOWN_WEIGHT  # "wat is de boete ...?", "what fine ...?": a noun the texts never use (in the
            # asker's language) is what they do not state
        return max((weights.get(t, 0.0) for t in terms), default=0.0)

    scored = [weight(k) for k in range(len(tokens))]
    if not scored or max(scored) < SUBJECT_WEIGHT:
        return None
    top = scored.index(max(scored))
    lo = hi = top
    while hi - lo + 1 < THING_WORDS:
        left = scored[lo - 1] if lo > 0 else 0.0
        right = scored[hi + 1] if hi + 1 < len(scored) else 0.0
        if max(left, right) < THING_SHARE * scored[top]:
            break
        if left >= right:
            lo -= 1
        else:
            hi += 1
    # the words must stand side by side in the clause (no comma or other word between them)
    start, end = tokens[lo].start(), tokens[hi].end()
    said = clause[start:end]
    return said if re.fullmatch(r"[\w'’-]+(?: [\w'’-]+)*", said) else tokens[top].group()


_THING = asked_phrases("not_stated", "not_the_thing")  # asked.toml [not_stated]: words that name no thing asked about
_INSURER = frozenset(fold(w) for w in asked_phrases("not_stated", "insurer"))
_ARTICLES = frozenset(fold(w) for w in asked_phrases("not_stated", "articles"))
_COUNTED = re.compile(
    r"\b(?:" + "|".join(re.escape(fold(w)) for w in asked_phrases("not_stated", "counted_after")) + r")\s+([^\W\d_][\w'-]*)"
)  # "hoeveel zorgaanbieders ...?": the word after names what is counted


@functools.lru_cache(maxsize=1)
def _not_the_thing_words() -> frozenset[str]:
    """Words that never name the thing asked about: the kinds' nouns, units, and asked.toml's list."""
    return frozenset(fold(w) for w in [*(w for pair in _WHAT.values() for w in pair), *KIND_NAMES, *_THING])


UNKNOWN_WEIGHT = 10.0  # an everyday word the policy texts never use names the thing asked about before any other
EVERYDAY_ZIPF = 3.0  # ... a word at least this common in the asker's language (wordfreq), not a typo


def _everyday(word: str, lang: str = "nl") -> bool:
    return (everyday_frequency(word, "en" if lang == "en" else "nl") or 0.0) >= EVERYDAY_ZIPF


@functools.lru_cache(maxsize=4)
def _not_the_thing(splitter: Any) -> frozenset[str]:
    """Terms that never name the thing asked about: the words of kinds of values and of bounds."""
    words = [*_not_the_thing_words(), *(w for k in ("min", "max") for w in lexicon().bounds.get(k, []))]
    return frozenset(t for w in words for t in c.terms_of(w, splitter))


ANNOUNCED_POOL = 3  # of the closest sentences, those that may name the asked thing as still to come
ANNOUNCED_WORDS = 3  # the words after a word of coming that name the thing announced


def _announced_only(assistant: Any, question: str, ranked: list[Sentence]) -> tuple[Sentence, str] | None:
    """A close sentence that names what the question is most about only as still to come ("Vanwege de aanstaande
    nieuwe bekostiging ..." for "wat houdt de nieuwe bekostiging in?"; lexicon [words] `forthcoming`): the texts
    announce it and say nothing of what it holds or when it starts. None when the question's most weighty word is
    not the thing so named (a question about what the sentence does say: "maken jullie nog maatwerkcontracten?")."""
    words = "|".join(re.escape(fold(w)) for w in lexicon_data()["words"].get("forthcoming", []))
    bm = assistant.index.retriever.bm25
    weights = {t: w for t, w in bm.term_weights(question).items() if t not in _asking_terms(bm.splitter) and w > 0}
    if not words or not weights:
        return None
    top = max(weights, key=weights.get)
    for s in ranked[:ANNOUNCED_POOL]:
        folded = fold(s.text)
        for m in re.finditer(rf"(?<![\w])(?:{words})(?![\w])", folded):
            said = re.findall(r"[\w'’-]+", s.text[m.end() :])[:ANNOUNCED_WORDS]
            while said and fold(said[-1]) in STOPWORDS:
                said.pop()  # ("nieuwe bekostiging voor": the thing, without the word that goes on)
            if top in c.terms_of(" ".join(said), bm.splitter):
                return s, " ".join(said)
    return None


def thing_not_stated(assistant: Any, question: str, lang: str, kinds: tuple[str, ...] = ()) -> str | None:
    """"Het beleid zegt hier niets over: het noemt geen bedrag voor «VECOZO-certificaat»": the line that names the kind
    of value asked (one of `kinds`, any when none) and what it is asked of, in the asker's words; None when the
    question names neither."""
    a = asked(question)
    return _thing_line(assistant, a, question, lang) if a is not None and (not kinds or a.kind in kinds) else None


def _thing_line(assistant: Any, a: Asked | None, question: str | None, lang: str) -> str | None:
    """"... het noemt geen bedrag voor «innovatiebudget»": the kind of value `a` asks with the thing the question asks
    it of, in the asker's words; None when the question names no such thing."""
    what = _WHAT.get(a.kind if a else "", None)
    thing = _asked_thing(question, assistant.index.retriever.bm25, lang) if what and question else None
    return msg("not_stated_kind_of", lang, what=what[1 if lang == "en" else 0], thing=thing) if what and thing else None


def not_stated(
    assistant: Any, lang: str, closest: list[Sentence], a: Asked | None = None, word: str | None = None,
    subject: Any = None, question: str | None = None, announced: str | None = None,
) -> Plan:
    what = _WHAT.get(a.kind if a else "", None)
    line = msg("not_stated_kind", lang, what=what[1 if lang == "en" else 0]) if what else msg("not_stated", lang)
    line = _thing_line(assistant, a, question, lang) or line  # "what sum does the innovation budget hold?": "no
    # amount for “innovation budget”"
    if word:  # "welke cao geldt?": the thing asked after is named nowhere in the texts
        line = msg("not_stated_named", lang, word=word)
    if announced:  # "wat houdt de nieuwe bekostiging in?": named only as still to come
        line = msg("not_stated_announced", lang, thing=announced)
    # the closest sentence; or, for an amount asked, a close one that says where that amount is given instead ("In het
    # productievoorstel voor 2027 wordt u geïnformeerd over de hoogte van de financiering")
    kind = a.kind if a is not None else None
    near = [x for s in closest[:DEFERRED_POOL] for x in (s, *_following(assistant, s, 1))] if kind in ("money", "phone") else []
    first = max(closest[:DEFERRED_POOL], key=lambda s: subject(s.text)) if subject and closest else (closest[0] if closest else None)
    # (of the closest, the one most about what is asked: "helpenden niveau 2", not the percentage word alone); a
    # phone number asked: a close sentence that gives another way to reach them (an e-mail address)
    named = [p for b in ("max", "min") if (p := _bound_by_name(b, kind)) is not None] if kind == "money" and question else []
    bm = assistant.index.retriever.bm25
    weights = bm.term_weights(question) if named else {}

    def by_name(x: Sentence) -> bool:  # "(Dit is maximaal het budget voor H&A in 2026.)": the amount named by another
        if not any(p.search(x.text) for p in named):  # one, under headings that hold the question's subject
            return False
        heading = " ".join(x.passage.heading_trail[-2:]) if x.passage is not None else ""
        return c.weight_share(weights, c.terms_of(f"{x.text} {heading}", bm.splitter)) >= REFERENCE_SHARE

    offers = (lambda x: "@" in x.text) if kind == "phone" else (lambda x: defers(x.text) or by_name(x))  # noqa: E731
    chosen = next((x for x in near if offers(x)), first)
    context = [chosen.citation] if chosen is not None else []
    if context:  # the closest sentence, quoted: what the policy does say nearby
        ct = context[0]
        said = collapse_ws(ct.quote)
        after = _continuing(assistant, chosen) if kind in _WHAT else None
        if after is not None:  # "... gebaseerd op een maximumomzet per zzp'er. Bij zzp'ers geldt de Arbeidstijdenwet
            said += " " + collapse_ws(after.text)  # als richtlijn.": the short sentence that goes on about its subject
            context.append(after.citation)
        for x in _on_to_deferral(assistant, chosen) if after is None else []:  # "... helpenden niveau 2 ... Daarom zijn
            said += " " + collapse_ws(x.text)  # hier landelijke afspraken over gemaakt.": where the rules are set
            context.append(x.citation)
        line += "\n" + msg("closest_quote", lang, section=ct.section, year=ct.year, quote=said)
        line += _gloss(said) if lang == "en" else ""  # the Dutch quoted, its key terms in English
    return Plan("not_stated", line, [], context, refused=True, intent="refuse:not_stated")


DEFERRAL_REACH = 2  # sentences after the closest one within which one may say where the rules are set instead


def _on_to_deferral(assistant: Any, s: Sentence) -> list[Sentence]:
    """The sentences after `s` in its clause up to one that says where its subject's rules are set or given instead
    (asked.toml [deferred]: "Daarom zijn hier landelijke afspraken over gemaakt."), when one follows within
    DEFERRAL_REACH; [] otherwise (said on from `s`, so the quote stays verbatim)."""
    if defers(s.text):
        return []
    following = [x for x in _following(assistant, s, DEFERRAL_REACH) if x.citation.clause_id == s.citation.clause_id]
    at = next((k for k, x in enumerate(following) if defers(x.text)), None)
    return following[: at + 1] if at is not None else []


def _fallback(assistant: Any, s: Sentence) -> Sentence | None:
    """The sentence right after `s` that says what to do when the step `s` sets fails ("Als dat niet lukt, kan hij
    contact opnemen met het CZ Zorgteam."; asked.toml [fallback] `opens`), or None."""
    nxt = next(iter(_following(assistant, s, 1)), None)
    if nxt is None or nxt.citation.clause_id != s.citation.clause_id:
        return None
    opening = fold(nxt.text.lstrip(" (")[:60])
    return nxt if any(opening.startswith(p) for p in asked_phrases("fallback", "opens")) else None


def _sent_on(assistant: Any, s: Sentence) -> Sentence | None:
    """The sentence after `s` (past a link's name it ends on) that goes on with what `s` is about ("Dit ingevulde
    formulier ...") and gives the address it is sent to (an e-mail address), or None."""
    return next((x for x in _following(assistant, s, 2) if "@" in x.text and _CONTINUES.match(x.text)), None)


CONTINUING_CHARS = 100  # a sentence after the closest one this short that shares a specific term goes on about it
CONTINUING_WEIGHT = 2.5  # ... a term at least this specific


def _continuing(assistant: Any, s: Sentence) -> Sentence | None:
    """The short sentence right after `s` in its passage that shares one of its specific terms ("Bij zzp'ers geldt de
    Arbeidstijdenwet als richtlijn." after "... een maximumomzet per zzp'er"), or None."""
    nxt = next(iter(_following(assistant, s, 1)), None)
    if nxt is None or len(nxt.text) > CONTINUING_CHARS or nxt.citation.clause_id != s.citation.clause_id:
        return None
    bm = assistant.index.retriever.bm25
    weights = bm.term_weights(s.text)
    shared = set(c.terms_of(s.text, bm.splitter)) & set(c.terms_of(nxt.text, bm.splitter))
    return nxt if any(weights.get(t, 0.0) >= CONTINUING_WEIGHT for t in shared) else None


_WHAT = {
    "phone": ("telefoonnummer", "phone number"),
    "place": ("postcodes of plaatsen", "postcodes or places"),
    "money": ("bedrag", "amount"),
    "date": ("datum", "date"),
    "percent": ("percentage", "percentage"),
    "count": ("aantal", "number"),
    "duration": ("termijn", "period"),
    "contact": ("adres", "address"),
    "level": ("niveau", "level"),
}


def version_plan(
    assistant: Any, text: str, lang: str, ranked: list[Sentence], focus: str | None = None, near: Citation | None = None
) -> Plan:
    """A question that looks back (`_version_plan`); an answer that only the older text states a sentence says too what
    still stands of the same subject (`_still_standing`)."""
    return _still_standing(assistant, _version_plan(assistant, text, lang, ranked, focus, near), lang)


OPENING_WORDS = 4  # a sentence that opens with the same words as a removed one is about the same subject


def _still_standing(assistant: Any, plan: Plan, lang: str) -> Plan:
    """'Nee: het beleid 2027 noemt «24 uur» niet meer' (the dementia case manager's hours): a sentence of the current
    policy that opens with the same words as the removed one ("De gespecialiseerde casemanager dementie heeft ..."),
    holds a figure and stands word for word in both texts (the caseload of 50 to 65) is said after it, with its quote:
    what of that subject did not change. The plan as it is otherwise."""
    current, old_year = assistant.corpus.current_year, min(assistant.corpus.years)
    olds = [q for q in plan.quotes if q.year == old_year]
    if not olds or any(q.year == current for q in plan.quotes) or len(plan.quotes) >= MAX_QUOTES or plan.refused:
        return plan
    opening = " ".join(re.findall(r"[\w'’-]+", fold(olds[0].quote))[:OPENING_WORDS])  # (not a bullet before it)
    old_text = fold(collapse_ws(" ".join(assistant.corpus.texts[d.id] for d in assistant.corpus.doc_for_year(old_year))))
    _, ranked = _ranked(assistant, olds[0].quote, current, False)
    still = next(
        (
            s for s in ranked if s.citation.year == current
            and " ".join(re.findall(r"[\w'’-]+", fold(s.text))[:OPENING_WORDS]) == opening
            and any(q.kind in FIGURE_KINDS for q in read(s.text)) and fold(collapse_ws(s.text)) in old_text
        ),
        None,
    )  # fmt: skip
    if still is None:
        return plan
    line, gloss = plan.line.rstrip(), ""
    if " (key terms:" in line:  # the English gloss stays last
        line, gloss = line.split(" (key terms:", 1)
        gloss = " (key terms:" + gloss
    line = line + " " + msg("diff_still", lang, sentence=collapse_ws(still.text)) + gloss
    return replace(plan, line=line, quotes=[*plan.quotes, still.citation])


def _version_plan(
    assistant: Any, text: str, lang: str, ranked: list[Sentence], focus: str | None = None, near: Citation | None = None
) -> Plan:
    """A question that looks back. When it names facts ("binnen 30 seconden", "24 uur per week"), each is looked
    up in both years: the answer says which the current policy still states and which only the older text did.
    Otherwise the clause-by-clause diff of the two documents answers: the changed, removed or added sentence
    that bears most on the question, the change first ("2024: niveau 5/6 — 2027: niveau 6"), then the two
    quotes; failing that, the best sentence of each year, side by side."""
    current = assistant.corpus.current_year
    old_year = min(assistant.corpus.years)
    facts = [
        q for q in read(text)
        if q.kind in ("count", "percent", "money", "range") and q.unit != "years_count" and (q.digits or q.kind != "count")
    ]  # fmt: skip  # ("welke opleiding vraagt men van een verpleegkundige?": an article, no count of one)
    own = focus or text  # a part of a multi-part question: its own words say what it asks
    change_first = bool(_ASKS_CHANGE.search(fold(own)))  # "is de regel van 1 op 55 sinds 2024 gewijzigd?": the
    # change of that rule answers, not whether its figures are still there
    if not facts:  # "is het maximale aandeel onderaanneming sinds 2024 veranderd?": the value of each year compared
        plan = _value_plan(text, own, lang, ranked, current, old_year)
        if plan is not None:
            return plan
    for step in ("diff", "facts") if change_first else ("facts", "diff"):
        if step == "facts" and facts:
            plan = _facts_plan(assistant, text, lang, ranked, facts, current, old_year)
        elif step == "diff":
            plan = _diff_plan(assistant, text, lang, ranked, current, old_year, own, near)
        else:
            plan = None
        if plan is not None:
            return plan
    by_year: dict[int, Sentence] = {}
    for s in ranked:
        by_year.setdefault(s.citation.year, s)
    years = sorted(by_year)
    if len(years) < 2:
        only = by_year[years[0]]
        key = "only_new" if only.citation.year == current else "only_old"
        line = msg(key, lang, old=old_year, new=current) + " " + _key_span(only) + _where(only.citation, lang)
        return Plan("diff", line, [only.citation], [r.citation for r in ranked[1:4]])
    old, new = by_year[years[0]], by_year[years[-1]]
    bm25 = assistant.index.retriever.bm25
    weights = {t: w for t, w in bm25.term_weights(own).items() if not re.fullmatch(r"(?:19|20)\d\d", t)}
    held = lambda x: c.weight_share(weights, c.terms_of(x.text, bm25.splitter))  # noqa: E731
    if held(new) > 0 and held(old) < OLD_SUBJECT_SHARE * held(new):  # "is the minimum revenue for new providers
        # higher than in 2024?": the older text's best sentence is about something else (the 50% rule), so it
        # does not state this; the current one does
        line = msg("only_new", lang, old=old_year, new=current) + " " + _key_span(new) + _where(new.citation, lang)
        return Plan("diff", line, [new.citation], [r.citation for r in ranked[1:4]])
    line = f"{years[0]}: {_key_span(old)} — {years[-1]}: {_key_span(new)}"
    return Plan("diff", line, [old.citation, new.citation], [r.citation for r in ranked[2:5]])


VALUE_KINDS = {"percent": ("percent",), "money": ("money",)}  # asked kinds whose values two versions are compared on
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _value_plan(text: str, own: str, lang: str, ranked: list[Sentence], current: int, old_year: int) -> Plan | None:
    """A question about the versions that asks for a value and names none ("did the maximum share we may subcontract
    change since 2024?"): each year's best sentence that states a value of the asked kind (of the older text, the
    row that names its own year first: the 2024 step of a table of steps), compared on those values: "Nee,
    ongewijzigd: 50%" or "Ja: 2024: 65% — 2027: 50%". A question that asks no change gets the values without a
    yes or no. None when the asked kind is no value or a year states none."""
    found = asked(fold(own))
    if found is None or found.kind not in VALUE_KINDS:
        return None
    kinds = VALUE_KINDS[found.kind]
    least = FACT_SHARE * max((s.overlap for s in ranked), default=0.0)

    def values(s: Sentence) -> tuple[str, ...]:
        seen = {q.value: q.text for q in read(s.text) if q.kind in kinds}
        return tuple(seen[v] for v in sorted(seen))

    def best(year: int) -> Sentence | None:
        holding = [s for s in ranked if s.citation.year == year and s.overlap >= least and values(s)]
        dated = [s for s in holding if str(year) in _YEAR.findall(s.text)]
        return (dated or holding or [None])[0]

    old, new = best(old_year), best(current)
    if old is None or new is None:
        return None
    before, after = values(old), values(new)
    listed = lambda xs: ", ".join(xs)  # noqa: E731
    if sorted(before) == sorted(after):
        line = msg("diff_value_same", lang, value=listed(after), old=old_year, new=current)
        verdict = "no"
    else:
        line = msg("diff_value_changed", lang, before=listed(before), after=listed(after), old=old_year, new=current)
        verdict = "yes"
    if _ASKS_CHANGE.search(fold(own)) and is_yes_no(own):
        line = msg(verdict, lang) + ", " + line[0].lower() + line[1:]
    return Plan("diff", line, [old.citation, new.citation], [r.citation for r in ranked[:4] if r not in (old, new)][:2],
                intent="clause:version")


def _other_change(question: str, first: Any, options: list[tuple[float, str, Any, Any]], weights: dict[str, float], bm25: Any) -> Any:
    """A question that joins two things ("what replaced A and B?") answered by the change of A's sentence: the
    (pair, change) of another changed sentence that holds most of B's words (the question's weighted words, each
    with the vocabulary's words for it, that A's change does not hold), or None."""
    if not _JOINED.search(fold(question)):
        return None
    said = set(c.terms_of(f"{first.before.text} {first.after.text}", bm25.splitter))
    words = _words_not_said(question, lambda w: set(bm25.query_terms(w)) & set(weights), said)
    held = [
        (sum(bool(e & set(c.terms_of(f"{ch.before.text} {ch.after.text}", bm25.splitter))) for e in words), score, pair, ch)
        for score, kind, pair, ch in options
        if kind == "changed" and ch is not first and score >= DIFF_MIN_SHARE / 2 and _significant(ch)
    ]  # fmt: skip
    top = max(held, key=lambda h: h[:2], default=None)
    return (top[2], top[3]) if top is not None and top[0] else None


OLD_SUBJECT_SHARE = 0.5  # the older text's best sentence holding less than this share of what the current one holds of
# the question is about something else: the older text does not state it
DIFF_MIN_SHARE = 0.3  # a change must hold at least this share of the question's term weight to answer it
NEAR_CHANGE_BONUS = 0.5  # the change of the sentence that answered the part a part points back at ("is dat anders?")


def _document_diff(assistant: Any, old_year: int, current: int) -> Any:
    """The clause-by-clause diff of the oldest and the current document (computed once per corpus)."""
    from assistant.diff import diff_documents

    key = f"diff.answer.{old_year}.{current}"
    cache = assistant.corpus.derived
    if key not in cache:
        cache[key] = diff_documents(assistant.corpus, str(old_year), str(current))
    return cache[key]


def _same_sentence(sentence: str, quote: str) -> bool:
    """`quote` holds `sentence`, or is its start cut short ("... cliëntprofielen en …")."""
    said, cut = collapse_ws(sentence), collapse_ws(quote)
    start = cut.removesuffix("…").rstrip(" .")
    return said in cut or (cut.endswith("…") and len(start) >= MIN_CUT_CHARS and said.startswith(start))


MIN_CUT_CHARS = 40  # a quote cut short names its sentence only with at least this much of it


def _continued(corpus: Any, *sentences: Any) -> tuple[str, ...]:
    """The sentences that sentences of the diff continue ("Hij borgt dit door ..." after "De zorgaanbieder werkt
    systematisch aan het verbeteren van de kwaliteit."): what they are about is said there."""
    out = []
    for s in sentences:
        if _CONTINUES.match(s.text):
            text = corpus.collapsed_clause_texts.get(s.clause_id, "")
            at = text.find(collapse_ws(s.text))
            said = typed_sentences(text[:at]) if at > 0 else []
            out += said[-1:]
    return tuple(out)


def _diff_citation(ref: Any, sentence: Any) -> Citation:
    from assistant.answer.compose import section_label

    return Citation(
        clause_id=sentence.clause_id, doc=ref.doc, year=ref.year, section=section_label(ref.clause_id, ref.section),
        title=ref.title, quote=sentence.text, line_start=sentence.line_start, line_end=sentence.line_end,
    )  # fmt: skip


def _clause_name(ref: Any) -> str:
    """'§ Bijlage 1 1.3 Aanvullende eisen voor zorgcoöperaties': the section as answers name it, with its title."""
    label = c.section_label(ref.clause_id, ref.section)
    return f"§ {label}" + ("" if ref.title and ref.title in label else f" {ref.title}")


_ASKS_CHANGE = re.compile(
    r"\b(veranderd|gewijzigd|aangepast|anders|changed?|different|modified|geschrapt|verdwenen|afgeschaft|dropped|removed|"
    r"scrapped|abolished|scrap|abolish|(?:drop|remove)\s+(?:the|its|that|this))\b"
)

_ASKS_SECTION = re.compile(
    r"\b(?:welke?|which|what|in)\s+(?:paragra\w*|sectie\w*|sections?|hoofdstuk\w*|chapters?|artikel\w*|nummer\w*|numbers?|"
    r"bijlage\w*|appendi\w*|annex\w*)\b"
    r"|\bwaar\s+(?:staat|staan|vind|vinden)\b|\bwhere\s+(?:is|are|can|do|does)\b"
)
FIGURE_BONUS = 1.0
NO_FIGURE_SHARE = 0.5  # the weight left to a sentence without a figure when the question asks after a rule's figure
_FIGURE_KINDS = ("percent", "count", "money", "range")


def _figures_kept(change: Any, kinds: tuple[str, ...]) -> bool:
    """A changed sentence with a figure of `kinds` whose figures are all the same in both years (only its wording
    changed; "niveau 5/6" -> "niveau 6" is a change)."""
    def figures(t: str) -> list[tuple[str, str]]:
        return sorted((q.kind, str(q.value)) for q in read(t) if q.digits and q.kind not in ("year", "date"))

    before = figures(change.before.text)
    return any(k in kinds for k, _ in before) and before == figures(change.after.text)


def _answered_change(option: tuple[float, str, Any, Any], near: Citation | None) -> bool:
    """A changed sentence whose current wording answered the part before (`near`)."""
    return near is not None and option[1] == "changed" and _same_sentence(option[3].after.text, near.quote)


def _has_figure(option: tuple[float, str, Any, Any], kinds: tuple[str, ...]) -> bool:
    """A diff option whose sentence(s) hold a figure of one of `kinds` ("maximaal 50%"; not a year or a reference
    number)."""
    _, kind, _, item = option
    texts = [item.before.text, item.after.text] if kind == "changed" else [getattr(item, "text", "")]
    return any(q.kind in kinds and q.digits and q.unit != "years_count" for t in texts for q in read(t))
UNCHANGED_BONUS = 0.1  # a rule both years state word for word answers "is het nog zo?" before a nearby change  # a change of the very figure the question names ("niveau 4 of 5") answers it
_NEW_PARTS = re.compile(
    r"\b(nieuwe?|new|toegevoegd\w*|added)\b.{0,40}\b(paragra\w*|secties?|sections?|onderdel\w*|hoofdstuk\w*|parts?|clauses?)\b"
)
_TRIVIAL = {"wij", "we", "de", "het", "een", "a", "an", "the", "voor", "for", "in", "van", "of", "en", "and", "nieuwe",
            "ook", "dan", "dat", "die", "deze", "dit", "zij", "hij", "ze"}  # fmt: skip


def _year_only(words: str) -> bool:
    """Only a year, with trivial words around it at most ("voor 2024 als een" -> "voor 2027 als")."""
    if not words.strip():
        return True
    rest = [w for w in re.findall(r"[^\W_]+", fold(words)) if w not in _TRIVIAL and w not in _YEAR_GLUE]
    return len(rest) == 1 and bool(re.fullmatch(r"(?:19|20)\d\d", rest[0]))


_YEAR_GLUE = {"als", "as", "per", "tot", "to", "t", "m"}  # words a policy year is said with


def _same_figures(x: Any) -> bool:  # "50 procent" -> "50%": the same figure, written another way
    a, b = read(x.before), read(x.after)
    return bool(a) and [(q.kind, q.value) for q in a] == [(q.kind, q.value) for q in b]


def _same_bound(x: Any) -> bool:
    """"minimaal" -> "ten minste": one bound, written another way."""
    a, b = fold(x.before).strip(" ,.;:"), fold(x.after).strip(" ,.;:")
    return any(a in phrases and b in phrases for phrases in lexicon().bounds.values())


def _content_words(x: Any) -> set[str]:
    before, after = (set(re.findall(r"[^\W\d_]+", fold(t))) - _TRIVIAL for t in (x.before, x.after))

    def inflected(w: str, others: set[str]) -> bool:  # "zetten" -> "zet", "leveren" -> "levert": one word
        return any(len(p := os.path.commonprefix([w, o])) >= 3 and len(p) >= min(len(w), len(o)) - 1 for o in others)

    return {w for w in before - after if not inflected(w, after)} | {w for w in after - before if not inflected(w, before)}


def _figure_change(x: Any) -> bool:
    """An edit of a figure or level that is not only the policy year and not the same figure written another way."""
    return x.emphasis and not (_year_only(x.before) and _year_only(x.after)) and not _same_figures(x)


def _moved(x: Any) -> int:
    """+1 when the highest figure of an edit went up (niveau 4 of 5 -> 4 of 6), -1 when it went down, else 0."""
    def top(s: str) -> Any:
        return max((m.value for m in find_numbers(s, words=False)), default=None)

    before, after = top(x.before), top(x.after)
    if before is None or after is None or before == after:
        return 0
    return 1 if after > before else -1


def _rule_change(x: Any) -> bool:
    """One edit that changes the rule: a figure or level, or a content word ("(medische) kindzorg" left out), not
    a pronoun ("Wij" -> "We") or the policy year."""
    if _same_figures(x) or _same_bound(x):
        return False
    if _figure_change(x):
        return True
    return bool(_content_words(x)) and not (_year_only(x.before) and _year_only(x.after))


def _significant(changed: Any) -> bool:
    """A change of rule: a figure or level changed, or content words (not articles, pronouns, years), more than a
    sentence said the other way round ("Wanneer het ziektebeeld te complex is, ... zorgt deze ..." -> "Is het
    ziektebeeld te complex ...? Dan zorgt die ...": the same words, one added at most)."""
    if any(_figure_change(x) for x in changed.changes):
        return True
    if not changed.changes or len(set().union(*(_content_words(x) for x in changed.changes))) < 2:
        return False
    words = [set(re.findall(r"[^\W\d_]{4,}", fold(t))) - STOPWORDS - _TRIVIAL for t in (changed.before.text, changed.after.text)]
    return len(words[0] ^ words[1]) > REWORDED_WORDS


REWORDED_WORDS = 1  # content words one sentence may have that the other lacks and still say the same rule

MAX_CHANGES = 2  # the edits of one changed sentence said in the answer line
SHORT_EDIT = 12  # a further edit is said in the line only when neither side is longer (in words); the quotes show it


def _short_edit(x: Any) -> bool:
    return max(len(x.before.split()), len(x.after.split())) <= SHORT_EDIT


SIBLING_SHARE = 0.8  # removed rows of one clause that hold this share of the best one's weight are listed with it
REPLACED_SHARE = 0.5  # an added sentence of the same clause whose words are this much the removed rows' replaced them


def _same_place(corpus: Any, added: list[Any], rows: list[Any]) -> Any | None:
    """The sentence of `added` that continues the same sentence one of `rows` continues ("Hij borgt dit door een
    werkend kwaliteitssysteem ..." -> "Hij borgt dit door jaarlijks een kwaliteitsbeeld ..."): what stands in its
    place in the other year."""
    continuing = [r for r in rows if _CONTINUES.match(r.text)]
    if not continuing:
        return None

    def lead(sentence: Any) -> str:  # the sentence it continues, without a list's bullet
        return " ".join(re.sub(r"^\W+", "", fold(t)) for t in _continued(corpus, sentence))

    before = lead(continuing[0])
    return next((a for a in added if before and _CONTINUES.match(a.text) and lead(a) == before), None)


def _replacement(added: list[Any], rows: list[Any], analyse: Any) -> Any | None:
    """The added sentence of an aligned clause that says most of what the removed rows said (shared words)."""
    said = set().union(*(analyse(r.text) for r in rows)) if rows else set()
    best, top = None, REPLACED_SHARE
    for sentence in added:
        words = analyse(sentence.text)
        share = len(words & said) / len(words) if words else 0.0
        if share >= top:
            best, top = sentence, share
    return best


def _siblings(options: list[tuple[float, str, Any, Any]], kind: str, owner: Any, best: float) -> list[Any]:
    """The sentences of one kind from one aligned clause that score near the best, in document order."""
    ratio = SIBLING_SHARE if kind != "added" else 1.0
    near = [o[3] for o in options if o[1] == kind and o[2] is owner and o[0] >= best * ratio and o[0] >= DIFF_MIN_SHARE]
    return sorted(near, key=lambda x: x.line_start)[:MAX_QUOTES]


def _block_citation(assistant: Any, ref: Any, sentences: list[Any]) -> Citation | None:
    """Consecutive sentences of one clause as one verbatim quote ("..., werken we via een ingroeimodel. Dat ziet
    er als volgt uit: 2022 ... 2023 ... 2024 ..."); None for a single sentence or when they are not contiguous."""
    if len(sentences) < 2:
        return None
    quote = collapse_ws(" ".join(x.text for x in sentences))
    if quote not in assistant.corpus.collapsed_clause_texts.get(ref.clause_id, ""):
        return None
    first = _diff_citation(ref, sentences[0])
    return first.model_copy(update={"quote": quote, "line_end": max(x.line_end for x in sentences)})


LIST_ROWS = 3  # the items of a list that a removed sentence announces, said with it


def _with_list(sentences: list[Any], item: Any) -> list[Any]:
    """A sentence with the list it announces: "... via een ingroeimodel. Dat ziet er als volgt uit:" and its rows."""
    i = next((k for k, x in enumerate(sentences) if x is item), None)
    if i is None:
        return [item]
    lead = next((k for k in (i, i + 1) if k < len(sentences) and sentences[k].text.rstrip().endswith(":")), None)
    if lead is None:
        return [item]
    return sentences[i : lead + 1 + LIST_ROWS]


DROPPED_IDF = 2.0  # a word left out of a sentence this rare names a thing (a function, a group), not the wording


def _dropped_placed(assistant: Any, changes: list[Any], owner: Any, current: int, bm25: Any) -> tuple[str, Any] | None:
    """Words a change left out ("regiefunctie complexe wondzorg (medische) kindzorg" -> "... complexe wondzorg") that
    are all the title of another clause of the current text names ("Bijlage 2 Medische kindzorg"): those words and that
    clause (the thing was not dropped but given a place of its own); None otherwise."""
    for x in changes:
        if not x.before.strip():
            continue
        gone = set(c.terms_of(x.before, bm25.splitter)) - set(c.terms_of(x.after, bm25.splitter))
        gone = {t for t in gone if bm25.idf.get(t, 0.0) >= DROPPED_IDF}
        if not gone:
            continue
        for clause in assistant.corpus.clauses:
            if clause.year != current or clause.id == owner.clause_id:
                continue
            titled = {t for t in c.terms_of(clause.title, bm25.splitter) if bm25.idf.get(t, 0.0) >= DROPPED_IDF}
            if titled and titled <= gone:  # the title names just what was left out ("Medische kindzorg")
                return x.before.strip(" ,;:"), SimpleNamespace(clause_id=clause.id, section=clause.section, title=clause.title)
    return None


def _change_span(change: Any, side: str) -> str:
    words = change.before if side == "before" else change.after
    return (f"{change.context} {words}".strip() if words else change.context.strip()).rstrip(" .,;:")


_REFERENCE = re.compile(r"(?:bijlage|appendix|annex|paragraaf|par\.|§|hoofdstuk|section|chapter|artikel)\s*$")


def _figures_named(text: str) -> set[str]:
    """The figures a question names ("niveau 4 of 5", "24 uur"): no years, no references ("Bijlage 1", "§ 2.3")."""
    folded = fold(text)
    return {
        m.group(0) for m in re.finditer(r"\d+(?:[.,/]\d+)*", folded)
        if not re.fullmatch(r"(?:19|20)\d\d", m.group(0)) and not _REFERENCE.search(folded[max(0, m.start() - 12) : m.start()])
    }  # fmt: skip


FOCUS_WEIGHT = 2.0  # a part's own words weigh this much more than the statements it shares with the other parts
OWN_TERMS = 3  # a part (or follow-up) with this many terms of its own names its subject: the rest weighs little
OTHER_WEIGHT = 0.25


def _diff_plan(
    assistant: Any, text: str, lang: str, ranked: list[Sentence], current: int, old_year: int, own: str | None = None,
    near: Citation | None = None,
) -> Plan | None:
    """The part of the diff the question is about, answered change first; for a part that points back ("..., en was
    dat vroeger anders?"), the change of the sentence that answered the part before (`near`) first."""
    try:
        diff = _document_diff(assistant, old_year, current)
    except Exception:  # noqa: BLE001 - documents that cannot be compared: the side-by-side answer instead
        return None
    bm25 = assistant.index.retriever.bm25
    years = {"bijlag", "beleid", "policy", "versie", "version"}
    weights = {  # what, not which year: no year of any kind ("van 2021 tot 2023") weighs on the choice
        t: w for t, w in bm25.term_weights(text).items() if t not in years and not re.fullmatch(r"(?:19|20)\d\d", t)
    }
    own_subject = False
    if own and own != text:  # "In 2024 gold X. Geldt dat nog en is Y veranderd?": the part about Y is about Y
        mine = {t for t, w in bm25.term_weights(own).items() if w > 0} & set(weights)  # with the vocabulary's words
        own_subject = len(mine) >= OWN_TERMS  # a part that names its own subject is about it
        other = OTHER_WEIGHT if own_subject else 1.0
        weights = {t: w * (FOCUS_WEIGHT if t in mine else other) for t, w in weights.items()}

    def share(*texts: str) -> float:
        return c.weight_share(weights, set().union(*(c.terms_of(t, bm25.splitter) for t in texts)))

    if _NEW_PARTS.search(fold(text)) and diff.added:  # "welke paragrafen zijn nieuw?": the list of them
        listed = "; ".join(f"§ {o.clause.section} {o.clause.title}" for o in diff.added)
        quotes = [_diff_citation(o.clause, o.sentences[0]) for o in diff.added if o.sentences][:MAX_QUOTES]
        return Plan("diff", msg("diff_new_parts", lang, new=current, old=old_year, parts=listed), quotes, intent="diff")
    if _ASKS_SECTION.search(fold(text)):  # "welke paragraaf is dat nu?": where the aligned clause stands now
        placed = [(share(f"{p.before.title} {p.after.title}"), p) for p in diff.pairs if p.before.section != p.after.section]
        score, pair = max(placed, key=lambda o: o[0], default=(0.0, None))
        if pair is not None and score >= DIFF_MIN_SHARE:
            line = msg(
                "diff_renumbered", lang, old=old_year, new=current, before=_clause_name(pair.before),
                after=_clause_name(pair.after),
            )  # fmt: skip
            quotes = [r.citation for r in ranked if r.citation.clause_id in (pair.before.clause_id, pair.after.clause_id)]
            return Plan("diff", line, _distinct(quotes)[:2], [r.citation for r in ranked[:3]], intent="diff")
    figures = _figures_named(own or text)
    if not figures and own and own != text and not re.search(r"\d", own):  # "en nu?": the figures of the question
        figures = _figures_named(text)
    figure = re.compile(r"(?<![\d.,])(?:" + "|".join(map(re.escape, sorted(figures))) + r")(?![\d.,]\d)") if figures else None
    options: list[tuple[float, str, Any, Any]] = []
    direction = asks_direction(own or text)
    for pair in diff.pairs:
        head = f"{pair.before.title} {pair.after.title}"
        if pair.moved:
            options.append((share(head), "moved", pair, None))
        for ch in pair.changed:
            if not _significant(ch):
                continue  # "Wij" -> "We", "2024" -> "voor 2027": wording and the policy year, no change of rule
            named = figure is not None and any(figure.search(x.before) for x in ch.changes if _rule_change(x))  # "niveau 4 of 5"
            named = named or (  # "is het niveau verhoogd?": a figure that moved
                bool(direction) and any(_figure_change(x) and _moved(x) for x in ch.changes)
            )
            about = share(head, ch.before.text, ch.after.text, *_continued(assistant.corpus, ch.before, ch.after))
            answered = near is not None and _same_sentence(ch.after.text, near.quote)
            options.append(
                (about + FIGURE_BONUS * (named and about >= DIFF_MIN_SHARE) + NEAR_CHANGE_BONUS * answered, "changed",
                 pair, ch)
            )  # fmt: skip
        for sentence in pair.removed:
            options.append((share(head, sentence.text, *_continued(assistant.corpus, sentence)), "removed", pair, sentence))
        for sentence in pair.added:
            options.append((share(head, sentence.text, *_continued(assistant.corpus, sentence)), "added", pair, sentence))
    for only in diff.added:
        for sentence in only.sentences:
            options.append((share(only.clause.title, sentence.text), "new_clause", only, sentence))
    for only in diff.removed:
        for sentence in only.sentences:
            options.append((share(only.clause.title, sentence.text), "gone_clause", only, sentence))
    old_text = collapse_ws(" ".join(assistant.corpus.texts[d.id] for d in assistant.corpus.doc_for_year(old_year)))
    asking = own if own_subject else text  # "en in 2024?" asks what the question before it asked
    still = is_yes_no(asking)  # "is dat nog steeds zo?": unchanged is yes, changed or gone is no
    asks_change = still and (bool(_ASKS_CHANGE.search(fold(asking))) or bool(direction))  # "is dat veranderd?": the
    # other way round (changed is yes); "is het verlaagd?" when the figure went up: no
    unchanged = [r for r in ranked if r.citation.year == current][:5] if still or not options else []
    for s_ in unchanged:  # a sentence both years state word for word answers "is het nog zo?", not "wat is er veranderd?"
        if len(s_.text) > 40 and collapse_ws(s_.text) in old_text:
            options.append((share(s_.text) + UNCHANGED_BONUS, "unchanged", None, s_))
    if not options:
        return None
    found = asked(fold(own or text))
    kinds = (found.kind,) if found is not None and found.kind in _FIGURE_KINDS else _FIGURE_KINDS if direction else ()
    if kinds:  # "is de regel strenger geworden?", "is het maximale percentage veranderd?": a rule's figure is asked,
        # so a sentence with a figure of that kind answers before one without
        # (the change of the sentence that answered the part this one points back at answers it, figure or not:
        # "wie stelt de indicatie, en is dat zwaarder dan in 2024?")
        options = [
            (o[0] * (1.0 if _has_figure(o, kinds) or _answered_change(o, near) else NO_FIGURE_SHARE), *o[1:])
            for o in options
        ]
    score, kind, owner, item = max(options, key=lambda o: o[0])
    if score < DIFF_MIN_SHARE:
        return None
    shown_also: list[Citation] = []  # the older side of a second change the line names ("Ook: ...")
    if kind == "unchanged":
        line = msg("diff_unchanged", lang, old=old_year, new=current, sentence=collapse_ws(item.text))
        quotes = [item.citation]
        if still:
            line = msg("no" if asks_change else "yes", lang) + ": " + line[:1].lower() + line[1:]
        return Plan("diff", line, quotes, [r.citation for r in ranked[:3]], intent="diff")
    if kind == "moved":
        line = msg(
            "diff_moved", lang, old=old_year, new=current, before=_clause_name(owner.before),
            after=_clause_name(owner.after),
        )  # fmt: skip
        quotes = [r.citation for r in ranked if r.citation.clause_id in (owner.before.clause_id, owner.after.clause_id)][:2]
        verdict = False
    elif kind == "changed" and kinds and _figures_kept(item, kinds):
        # "is de regel strenger geworden?" where only the wording changed ("Bestaande én nieuwe zorgaanbieders leveren
        # ten minste 50%" -> "De zorgaanbieder levert ten minste 50%"): the figure asked after stands
        line = msg("diff_same_rule", lang, old=old_year, new=current, before=item.before.text, after=item.after.text)
        if still:
            line = msg("no" if asks_change else "yes", lang) + ": " + line[:1].lower() + line[1:]
        quotes = [_diff_citation(owner.after, item.after), _diff_citation(owner.before, item.before)]
        return Plan("diff", line, quotes, [r.citation for r in ranked[:3]], intent="diff")
    elif kind == "changed":
        edits = sorted((x for x in item.changes if _rule_change(x)), key=lambda x: not x.emphasis)
        edits = edits[:1] + [x for x in edits[1:MAX_CHANGES] if _short_edit(x)]
        edits = [x for x in item.changes if any(x is e for e in edits)]  # said in the sentence's order
        if not edits:
            line = msg("diff_changed", lang, old=old_year, new=current, before=item.before.text, after=item.after.text)
        else:
            line = " ".join(
                msg("diff_changed" if k == 0 else "diff_changed_also", lang, old=old_year, new=current,
                    before=_change_span(x, "before") or item.before.text, after=_change_span(x, "after") or item.after.text)
                for k, x in enumerate(edits)
            )  # fmt: skip  # (a side with no words of the change and no context: its whole sentence, never «»)
        quotes = [_diff_citation(owner.before, item.before), _diff_citation(owner.after, item.after)]
        placed = _dropped_placed(assistant, edits or item.changes, owner.after, current, bm25)
        if placed is not None:  # "(medische) kindzorg" left the list of 2024; the 2027 text has a section on it
            line += " " + msg("diff_now_in", lang, new=current, words=placed[0], after=_clause_name(placed[1]))
        also = _other_change(own or text, item, options, weights, bm25)
        if also is not None:  # "what became of A and of B?": B's change beside A's
            x = next((e for e in also[1].changes if _rule_change(e)), None)
            before, after = (_change_span(x, "before"), _change_span(x, "after")) if x else (also[1].before.text, also[1].after.text)
            line += " " + msg("diff_changed_also", lang, old=old_year, new=current, before=before, after=after)
            quotes.append(_diff_citation(also[0].after, also[1].after))
            shown_also = [_diff_citation(also[0].before, also[1].before)]  # (its older side, in the context shown:
            # three quotes at most, and the older wording the line says is still shown)
        verdict = False
    elif kind == "removed" and (kept := _still_set(assistant, item, current, bm25)) is not None:
        # "Zij mogen dus maximaal 50 procent ... in onderaanneming" left its clause, but the current text sets the same
        # figure, with the same bound, about the same thing elsewhere: the rule stands, it is not gone
        line = msg("diff_same_rule", lang, old=old_year, new=current, before=item.text, after=kept.text)
        if still:
            line = msg("no" if asks_change else "yes", lang) + ": " + line[:1].lower() + line[1:]
        quotes = [_diff_citation(owner.before, item), kept.citation]
        return Plan("diff", line, quotes, [r.citation for r in ranked[:3]], intent="diff")
    elif kind in ("removed", "gone_clause"):
        ref = owner.before if kind == "removed" else owner.clause
        sentences = owner.removed if kind == "removed" else owner.sentences
        listed = _with_list(sentences, item)  # a sentence with the list it announces, as one quote
        block = _block_citation(assistant, ref, listed)
        rows = listed if block is not None else _siblings(options, kind, owner, score)  # rows of one removed table
        quotes = [block] if block is not None else [_diff_citation(ref, r) for r in rows]
        now = (
            _same_place(assistant.corpus, owner.added, rows) or _replacement(owner.added, rows, lambda t: c.terms_of(t, bm25.splitter))
            if kind == "removed" else None
        )  # fmt: skip
        if now is not None:  # what the aligned clause of the current year says in its place
            quotes = quotes[: MAX_QUOTES - 1]
        of_old = still and _asks_of_old(asking, old_year, current)  # "was er in 2024 een overgangsregeling?": yes
        said = "»; «".join(q.quote for q in quotes)
        line = msg("diff_was_there" if of_old else "diff_removed", lang, old=old_year, new=current, sentence=said)
        if now is not None:
            line += ". " + msg("diff_instead", lang, new=current, sentence=now.text)
            quotes.append(_diff_citation(owner.after, now))
        verdict = None if of_old else False
    else:
        ref = owner.after if kind == "added" else owner.clause
        line = msg("diff_added", lang, old=old_year, new=current, sentence=item.text)
        quotes = [_diff_citation(ref, item)]
        verdict = None
        if still and kind == "added":  # "is die eis ook nieuw t.o.v. 2024?" yes; "stond dat al in 2024?" no
            new_asked = bool(_ASKS_NEW.search(fold(asking))) or asks_change
            if new_asked or _ASKS_ALREADY.search(fold(asking)):
                line = msg("yes" if new_asked else "no", lang) + ": " + line[:1].lower() + line[1:]
        was = _same_place(assistant.corpus, owner.removed, [item]) if kind == "added" else None
        if was is not None:  # "Hij borgt dit door jaarlijks een kwaliteitsbeeld ..." stands where 2024's "Hij borgt dit
            # door een werkend kwaliteitssysteem ..." stood: a change, said as one
            line = msg("diff_changed", lang, old=old_year, new=current, before=was.text, after=item.text)
            quotes, verdict = [_diff_citation(owner.before, was), quotes[0]], False
    if still and verdict is not None:
        moved = [m for x in item.changes if (m := _moved(x))] if kind == "changed" else []
        against = bool(direction) and bool(moved) and moved[0] != direction  # asked "omlaag", went up
        against = against or (kind == "changed" and bool(_ASKS_GONE.search(asking)))  # "scrapped?": changed, not gone
        line = msg("yes" if asks_change and not against else "no", lang) + ": " + line[:1].lower() + line[1:]
    line += _gloss(" ".join(q.quote for q in quotes)) if lang == "en" else ""  # the Dutch quoted, its key terms
    return Plan("diff", line, quotes, [*shown_also, *(r.citation for r in ranked[:3])], intent="diff")


def _asks_of_old(asking: str, old_year: int, current: int) -> bool:
    """The question names the older year and not the current one, and does not ask whether a thing still holds
    ("gold dat in 2024?", not "geldt het nu nog?")."""
    return str(old_year) in asking and str(current) not in asking and not re.search(
        r"\b(?:nog|still|anymore|meer|nu|now)\b", fold(asking)
    )


def _facts_plan(
    assistant: Any, text: str, lang: str, ranked: list[Sentence], facts: list[Quantity], current: int, old_year: int
) -> Plan | None:
    """Each fact the question names, found (or not) in the current and the older text."""
    least = FACT_SHARE * max((s.overlap for s in ranked), default=0.0)

    def holding(year: int, fact: Quantity) -> Sentence | None:  # a sentence about the question that states it
        for s in ranked:
            if s.citation.year == year and s.overlap >= least and any(_same_fact(fact, q) for q in read(s.text)):
                return s
        return None

    asks_new = bool(_ASKS_NEW.search(fold(text)))  # "kwam die 50% pas met het beleid 2027?": new is yes
    if asks_new or (
        str(old_year) in text and str(current) not in text and not re.search(r"\b(?:nog|still|anymore|meer)\b", fold(text))
    ):
        plan = _old_facts_plan(  # "stond dat ook al in 2024?"
            lang, facts, holding, current, old_year, asks_new,
            beside=lambda held: _changed_beside(assistant, held, facts, old_year, current),
        )  # fmt: skip
        if plan is not None:
            return plan
    kept, gone, quotes, holders = [], [], [], []
    for fact in facts:
        now, before = holding(current, fact), holding(old_year, fact)
        if now is not None:
            kept.append(fact.text)
            quotes.append(now.citation)
            holders.append(now)
        elif before is not None:
            gone.append(fact.text)
            quotes.append(before.citation)
    if not (kept or gone):
        return None
    listed = lambda xs: ", ".join(f"«{x}»" for x in xs)  # noqa: E731
    flip = bool(_ASKS_GONE.search(text))  # "is die eis geschrapt?": gone is yes, kept is no
    if gone and not kept:
        line = (
            f"No: the {current} policy no longer states {listed(gone)}; that was in the {old_year} text."
            if lang == "en"
            else f"Nee: het beleid {current} noemt {listed(gone)} niet meer; dat stond in de tekst van {old_year}."
        )
        sections = {q.section for q in quotes}
        now = _stated_instead(ranked, current, [f for f in facts if f.text in gone], least, sections)
        if now is not None:  # "... tot 65% uitbesteden?": what the current policy states in its place (50%)
            sentence, values = now
            line += " " + msg("diff_now", lang, new=current, value=", ".join(values))
            quotes.append(sentence.citation)
    elif kept and not gone:
        line = (
            f"Yes: the {current} policy still states {listed(kept)}." if lang == "en"
            else f"Ja: ook het beleid {current} noemt {listed(kept)}."
        )
        beside = _changed_beside(assistant, holders, facts, old_year, current)
        if beside is not None:  # "1 fte op 55 cliënten" stands, the nurse's level in the same sentence changed
            x, before = beside
            line += " " + msg("diff_changed_also", lang, old=old_year, new=current,
                              before=_change_span(x, "before"), after=_change_span(x, "after"))  # fmt: skip
            quotes.insert(1, before)
            asked_levels, now_levels = _levels(text), _levels(_change_span(x, "after"))
            if asked_levels and now_levels and not asked_levels <= now_levels:  # "our nurses are level 5; is that still
                line = msg("level_no_longer", lang, old=old_year, new=current, kept=listed(kept),  # fine?": the ratio
                           before=_change_span(x, "before"), after=_change_span(x, "after"))  # stands, level 5 does not
    else:
        line = (
            f"Partly: the {current} policy still states {listed(kept)}, but no longer {listed(gone)} (only in the {old_year} text)."
            if lang == "en"
            else f"Deels: het beleid {current} noemt nog {listed(kept)}, maar niet meer {listed(gone)} (alleen in de tekst van {old_year})."
        )
    if flip and not (kept and gone):
        yes, no = ("Yes", "No") if lang == "en" else ("Ja", "Nee")
        line = (yes + line[len(no) :]) if line.startswith(no) else (no + line[len(yes) :])
    intent = "clause:no_longer" if gone and not kept and not flip else "clause:version"  # (only the older text states them)
    return Plan("diff", line, _distinct(quotes)[:MAX_QUOTES], intent=intent)


def _stated_instead(
    ranked: list[Sentence], current: int, gone: list[Quantity], least: float, sections: set[str]
) -> tuple[Sentence, list[str]] | None:
    """The best sentence of the current policy about the question (or of the section of the same number as the older
    text's) that states figures of the kind of the ones it no longer states (and none of them): (that sentence, its
    figures of that kind)."""
    kinds = {f.kind for f in gone}
    for s in ranked:
        if s.citation.year != current or (s.overlap < least and s.citation.section not in sections):
            continue
        said = {q.value: q.text for q in read(s.text) if q.kind in kinds}
        if said and not any(_same_fact(f, q) for f in gone for q in read(s.text)):
            return s, [said[v] for v in sorted(said)]
    return None


def _changed_beside(
    assistant: Any, holders: list[Sentence], facts: list[Quantity], old_year: int, current: int
) -> tuple[Any, Citation] | None:
    """A figure or level the older version of a sentence holding the asked facts set otherwise (2024 "hbo-
    verpleegkundige niveau 5/6" beside the unchanged "1 fte op 55 cliënten"): the edit and the older sentence."""
    try:
        diff = _document_diff(assistant, old_year, current)
    except Exception:  # noqa: BLE001 - documents that cannot be compared: the facts alone
        return None
    asked_ = {f.text for f in facts}
    for pair in diff.pairs:
        for ch in pair.changed:
            if not any(_same_sentence(ch.after.text, h.text) or _same_sentence(h.text, ch.after.text) for h in holders):
                continue
            for x in ch.changes:
                if _figure_change(x) and not any(f in x.before or f in x.after for f in asked_):
                    return x, _diff_citation(pair.before, ch.before)
    return None


def no_longer_stated(assistant: Any, claim: str, lang: str) -> Plan | None:
    """A premise whose figures only the older text states, about a rule of the current policy ("voor 2027 moet de
    casemanager 24 uur per week werken"): 'Nee: het beleid 2027 noemt «24 uur» niet meer', with the older quote."""
    facts = [q for q in read(claim) if q.kind in ("count", "percent", "money", "range") and q.unit != "years_count"]
    if not facts or len(assistant.corpus.years) < 2:
        return None
    current, old_year = assistant.corpus.current_year, min(assistant.corpus.years)
    if str(old_year) in claim:
        return None  # a claim about the older text is checked against it
    _, ranked = _ranked(assistant, claim, None, True)
    plan = _facts_plan(assistant, claim, lang, ranked, facts, current, old_year)
    if plan is None or plan.intent != "clause:no_longer":
        return None
    return _still_standing(assistant, Plan("correction", plan.line, plan.quotes, intent="premise:no_longer"), lang)


FACT_SHARE = 0.35  # a sentence stating a named fact must share this much of the best sentence's question words


def _old_facts_plan(
    lang: str, facts: list[Quantity], holding: Any, current: int, old_year: int, asks_new: bool = False,
    beside: Any = None,
) -> Plan | None:
    """A question about the older text: did it state the facts too? Asked the other way round ("is die 50% nieuw in
    2027?"), the same finding answers no when the older text already stated them."""
    found = [(f, holding(old_year, f), holding(current, f)) for f in facts]
    if not any(before or now for _, before, now in found):
        return None
    listed = lambda xs: ", ".join(f"«{x}»" for x in xs)  # noqa: E731
    there = [f.text for f, before, _ in found if before is not None]
    only_new = [f.text for f, before, now in found if before is None and now is not None]
    quotes = [c.citation for _, before, now in found for c in (before, now) if c is not None]
    old_only = [f.text for f, before, now in found if before is not None and now is None]
    if there and not only_new and asks_new and old_only:
        line = (f"No: the {current} policy does not state {listed(old_only)}; the {old_year} text did." if lang == "en"
                else f"Nee: het beleid {current} noemt {listed(old_only)} niet; de tekst van {old_year} wel.")  # fmt: skip
    elif there and not only_new and asks_new:
        line = (f"No: the {old_year} text already states {listed(there)}." if lang == "en"
                else f"Nee: de tekst van {old_year} noemt {listed(there)} al.")  # fmt: skip
    elif only_new and not there and asks_new:
        line = (f"Yes: new in {current}: the {old_year} text does not state {listed(only_new)}." if lang == "en"
                else f"Ja: nieuw in {current}: de tekst van {old_year} noemt {listed(only_new)} niet.")  # fmt: skip
    elif there and not only_new:
        line = (f"Yes: the {old_year} text also states {listed(there)}." if lang == "en"
                else f"Ja: ook de tekst van {old_year} noemt {listed(there)}.")  # fmt: skip
        changed = beside([now for _, _, now in found if now is not None]) if beside is not None else None
        if changed is not None:  # the same sentence set another figure or level then ("niveau 5/6" -> "niveau 6")
            x, _ = changed
            line += " " + msg("diff_changed_also", lang, old=old_year, new=current,
                              before=_change_span(x, "before"), after=_change_span(x, "after"))  # fmt: skip
    elif only_new and not there:
        line = (f"No: the {old_year} text does not state {listed(only_new)}; the {current} policy does." if lang == "en"
                else f"Nee: de tekst van {old_year} noemt {listed(only_new)} niet; het beleid {current} wel.")  # fmt: skip
    else:
        return None
    return Plan("diff", line, _distinct(quotes)[:MAX_QUOTES], intent="clause:version")


_ASKS_NEW = re.compile(
    r"\b(?:nieuw (?:in|sinds|met)|new (?:in|since|with)|(?:is|was|zijn|waren)\s+(?:\w+\s+){0,3}?nieuw|pas (?:in|sinds|vanaf|met)|"
    r"ingevoerd|introduced|arrived|came in|only (?:since|from|with)|"
    # "... nieuw ten opzichte van 2024?", "new compared with 2024?"
    r"nieuw\s+(?:ten opzichte|t\.?o\.?v|vergeleken|vergeleken met|sinds)|new\s+(?:compared|relative|versus|vs)|"
    # "is the requirement to guarantee 24/7 care new for regular providers in 2027?": the question's verb, then new
    r"(?:^|[?.!]\s*)(?:is|are|was|were)\s+(?:[\w/'-]+\s+){1,12}?new(?=\s*(?:[?,.!]|$|(?:for|in|since|or|compared|to|with)\b)))"
)

# "stond die eis al in 2024?", "was that already in the 2024 annex?": asked whether the older text had it
_ASKS_ALREADY = re.compile(r"\b(?:al|reeds|already|ook al|also)\b.*\b(?:in|sinds|since|van|of)\s+(?:de\s+|the\s+)?(?:\w+\s+)?20\d\d\b")

_ASKS_GONE = re.compile(
    r"\b(geschrapt|verdwenen|weggevallen|afgeschaft|dropped|removed|deleted|abolished|scrapped|abolish|scrap|"
    r"(?:drop|remove)\s+(?:the|its|that|this))\b",
    re.I,
)


def _still_set(assistant: Any, gone: Any, current: int, bm25: Any) -> Sentence | None:
    """A sentence of the current year, among those most like the older sentence `gone`, that sets every figure of
    it with the same bound and holds at least STILL_SET_SHARE of the weight of its other words ("maximaal 50 procent
    ... onderaanneming" and "maximaal 50% ... onderaannemers"), or None; a sentence without a figure is matched by
    its diff, not here."""
    facts = [q for q in read(gone.text) if q.kind in ("percent", "money", "count", "duration", "range")]
    if not facts:
        return None
    weights = bm25.term_weights(_without_numbers_text(gone.text))  # what it is about, by how much each word says
    total = sum(weights.values()) or 1.0
    _, alike = _ranked(assistant, gone.text, current, False)
    for s in alike[:STILL_SET_POOL]:
        if s.citation.year != current:
            continue
        said = read(s.text)
        terms = c.terms_of(_without_numbers_text(s.text), bm25.splitter)
        about = sum(w for t, w in weights.items() if t in terms) / total  # not only "maximaal" and "zorg"
        if about >= STILL_SET_SHARE and all(any(_same_fact(f, q) and f.bound == q.bound for q in said) for f in facts):
            return s
    return None


STILL_SET_POOL = 8  # the current sentences most like a removed one that may still set its figures
STILL_SET_SHARE = 0.5  # the share of the removed sentence's word weight the current one must hold


def _without_numbers_text(text: str) -> str:
    """`text` without the quantities the one number reader finds in it ("50 procent", "50%")."""
    out = text
    for q in sorted(read(text), key=lambda q: -q.start):
        out = out[: q.start] + " " + out[q.end :]
    return out


def _same_fact(a: Quantity, b: Quantity) -> bool:
    """The same value of the same kind and unit ("30 seconden" = "30 seconden", "50 tot 65" = "50-65")."""
    if per_word(a) and per_word(b) and per_word(a) != per_word(b):  # "24 uur per week" is not "24 uur per dag"
        return False
    return a.kind == b.kind and a.unit in (b.unit, None) and a.value == b.value  # a bare "50 tot 65" is the range
