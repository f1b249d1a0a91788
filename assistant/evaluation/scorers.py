"""Deterministic scorers: each takes one eval item and what the assistant returned, and says what matched.

Quotes are compared after collapsing whitespace runs to one space (`collapse_ws`), case-sensitively.

Retrieval: an expected quote is found when it is a substring of the text of a top-k passage of the same
document. Recall@k counts found quotes; all-sources-hit needs every quote of the item; the reciprocal rank
is 1/rank of the first passage that contains any expected quote (0 when none does).

Citation exactness: a citation is exact when its quote is a substring of the document it names.

Citation recall: an expected quote q is "among the citations" when some citation quote c of the same
document
  (a) contains q, or
  (b) is contained in q and has at least 20 characters (the answer cited the heart of the sentence), or
  (c) shares a common substring with q of at least 60% of len(q) (the citation overlaps the quote's
      sentence from one side).

Number grounding: every number the answer text states must appear in a tool result (the results of
answer.tool_calls, flattened, including numbers inside their strings), in a citation quote, or among the
user's own inputs (the question text and the tool-call arguments: repeating "210 clients" back is not
inventing a number). Numbers compare as values (see numbers.py), and a stated number also matches a
source value it rounds (58,33 for 58.3333). Not counted as numbers: section numbers ("2.3.2", or a
number after "paragraaf", "§", "artikel", "hoofdstuk", "bijlage", "section", ... or one that is part of a
cited section label), list markers at the start of a line ("1. "), reference marks ("[1]"), and years
that are the year of a cited document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from assistant.domain import Answer, Citation, collapse_ws
from assistant.evaluation.dataset import EvalItem, ToolSpec
from assistant.evaluation.numbers import contains, find_numbers, numbers_in_value, same_number
from assistant.text.quantities import read as read_quantities

TOLERANCE = 0.005
MIN_CONTAINED_CITATION = 20
MIN_SHARED_FRACTION = 0.6

# (document id or None when the eval file names an unknown document, whitespace-collapsed quote)
Source = tuple[str | None, str]


def resolve_sources(item: EvalItem, doc_id: Callable[[str], str | None]) -> list[Source]:
    return [(doc_id(s.doc), collapse_ws(s.quote)) for s in item.expected_sources]


# ---------------------------------------------------------------- retrieval


@dataclass
class RetrievalScore:
    expected: int
    found: int
    all_hit: bool
    reciprocal_rank: float
    first_rank: int | None
    missing: list[str] = field(default_factory=list)


def score_retrieval(sources: list[Source], passages: list[tuple[str, str]]) -> RetrievalScore:
    """`passages`: (document id, text) in rank order."""
    texts = [(doc, collapse_ws(text)) for doc, text in passages]

    def holds(source: Source, passage: tuple[str, str]) -> bool:
        return (source[0] is None or source[0] == passage[0]) and source[1] in passage[1]

    missing = [q for doc, q in sources if not any(holds((doc, q), p) for p in texts)]
    first = next((rank for rank, p in enumerate(texts, 1) if any(holds(s, p) for s in sources)), None)
    return RetrievalScore(
        expected=len(sources),
        found=len(sources) - len(missing),
        all_hit=not missing,
        reciprocal_rank=1.0 / first if first else 0.0,
        first_rank=first,
        missing=missing,
    )


# ---------------------------------------------------------------- answer and refusal


@dataclass
class AnswerScore:
    correct: bool
    refused: bool
    should_refuse: bool
    missing: list[str]
    forbidden: list[str]

    @property
    def refusal_correct(self) -> bool:
        return self.refused == self.should_refuse

    @property
    def false_refusal(self) -> bool:
        return self.refused and not self.should_refuse


def score_answer(item: EvalItem, answer: Answer) -> AnswerScore:
    """Correct = every must_include present, no must_not_include, and refused exactly when it should."""
    missing = [s for s in item.must_include if not contains(answer.answer, s)]
    forbidden = [s for s in item.must_not_include if contains(answer.answer, s)]
    refused = bool(answer.refused)
    correct = not missing and not forbidden and refused == item.should_refuse
    return AnswerScore(correct, refused, item.should_refuse, missing, forbidden)


# ---------------------------------------------------------------- citations


def citation_is_exact(citation: Citation, doc_text: Callable[[str], str | None]) -> bool:
    text = doc_text(citation.doc)
    quote = collapse_ws(citation.quote)
    return text is not None and bool(quote) and quote in text


def quote_among(quote: str, cited: str) -> bool:
    """The citation-recall rule (module docstring) for one expected quote and one citation quote."""
    q, c = collapse_ws(quote), collapse_ws(cited)
    if not q or not c:
        return False
    if q in c or (c in q and len(c) >= MIN_CONTAINED_CITATION):
        return True
    match = SequenceMatcher(None, q, c, autojunk=False).find_longest_match(0, len(q), 0, len(c))
    return match.size >= MIN_SHARED_FRACTION * len(q)


@dataclass
class CitationScore:
    total: int
    exact: int
    inexact: list[dict[str, str]]
    expected: int
    recalled: int
    not_cited: list[str]


def score_citations(
    sources: list[Source],
    citations: list[Citation],
    doc_id: Callable[[str], str | None],
    doc_text: Callable[[str], str | None],
) -> CitationScore:
    inexact = [
        {"doc": c.doc, "section": c.section, "quote": c.quote} for c in citations if not citation_is_exact(c, doc_text)
    ]
    cited = [(doc_id(c.doc), c.quote) for c in citations]
    not_cited = [q for doc, q in sources if not any((doc is None or d == doc) and quote_among(q, c) for d, c in cited)]
    return CitationScore(
        total=len(citations),
        exact=len(citations) - len(inexact),
        inexact=inexact,
        expected=len(sources),
        recalled=len(sources) - len(not_cited),
        not_cited=not_cited,
    )


# ---------------------------------------------------------------- calculators


def values_match(expected: Any, got: Any) -> bool:
    """Numbers within 0.005, lists when every expected element is present, the rest equal."""
    if isinstance(expected, bool) or isinstance(got, bool):
        return isinstance(expected, bool) and isinstance(got, bool) and expected == got
    if expected is None:
        return got is None
    if isinstance(expected, int | float):
        return isinstance(got, int | float) and abs(float(expected) - float(got)) <= TOLERANCE
    if isinstance(expected, list):
        return isinstance(got, list | tuple) and all(any(values_match(e, g) for g in got) for e in expected)
    if isinstance(expected, dict):
        return isinstance(got, dict) and all(k in got and values_match(v, got[k]) for k, v in expected.items())
    return expected == got


def as_plain(result: Any) -> Any:
    """A tool result as JSON-like data, whether the tool returns a pydantic model or a dict."""
    if hasattr(result, "model_dump"):
        return result.model_dump(mode="json")
    return result


@dataclass
class ToolScore:
    name: str
    status: str  # ok | mismatch | error | unavailable
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    called_by_pipeline: bool | None = None


def score_tool(spec: ToolSpec, run_tool: Callable[[str, dict], Any] | None, why_unavailable: str = "") -> ToolScore:
    if run_tool is None:
        return ToolScore(spec.name, "unavailable", error=why_unavailable or "tools.registry.run_tool not available")
    try:
        result = as_plain(run_tool(spec.name, dict(spec.args)))
    except Exception as exc:  # noqa: BLE001 - a crashing calculator is a scored failure, not an eval crash
        return ToolScore(spec.name, "error", error=f"{exc.__class__.__name__}: {exc}")
    if not isinstance(result, dict):
        return ToolScore(spec.name, "error", error=f"result is {type(result).__name__}, not an object")
    mismatches = [
        {"field": key, "expected": want, "got": result.get(key, "<missing>")}
        for key, want in spec.expected.items()
        if key not in result or not values_match(want, result[key])
    ]
    return ToolScore(spec.name, "mismatch" if mismatches else "ok", mismatches)


# ---------------------------------------------------------------- number grounding

_SECTION_WORD = re.compile(
    r"(?:§|\bpar\.|\bparagraaf|\bartikel|\bart\.|\bhoofdstuk|\bbijlage|\bsection|\bappendix|\bchapter|\bannex|\blid)"
    r"\s*(?:\d+(?:\.\d+)*\s*(?:,|en|and|of|or|-|/)?\s*)*$",
    re.IGNORECASE,
)
_REF_MARK = re.compile(r"\[\d+(?:\s*[,\-–]\s*\d+)*\]")
_LIST_MARK = re.compile(r"(?m)^[ \t]*(?:[-*•][ \t]*)?\d+[.)](?=\s)")


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def grounding_sources(answer: Answer, question: str) -> list[Decimal]:
    values: list[Decimal] = []
    for call in answer.tool_calls:
        values.extend(numbers_in_value(call.result))
        values.extend(numbers_in_value(call.args))
        values.extend(numbers_in_value(call.error or ""))  # a calculator's own message: the sum an input was checked against
    for citation in answer.citations + answer.context:  # the quotes and the context the answer shows
        values.extend(numbers_in_value(citation.quote))
        values.extend(numbers_in_value(citation.title))  # a section named by its title ("(niveau 2)")
    values.extend(numbers_in_value(question))
    # numbers the user wrote in words ("een halve fte meer") too
    values.extend(Decimal(str(q.number)) for q in read_quantities(question) if q.number is not None)
    return values


def ungrounded_numbers(answer: Answer, question: str = "", policy_years: set[int] | None = None) -> list[str]:
    """Numbers stated in the answer text that no tool result, citation quote or user input backs; the years of
    the corpus's policy documents (`policy_years`) name a document, like a section number, and are not claims."""
    text = _blank(_blank(answer.answer, _REF_MARK), _LIST_MARK)
    sources = grounding_sources(answer, question)
    shown = answer.citations + answer.context
    section_tokens = {t for c in shown for t in re.findall(r"\d+(?:\.\d+)*", c.section)}
    cited_years = {Decimal(c.year) for c in shown} | {Decimal(y) for y in policy_years or ()}
    flagged = []
    for mention in find_numbers(text):
        if _SECTION_WORD.search(text[max(0, mention.start - 40) : mention.start]):
            continue
        if mention.raw in section_tokens or mention.value in cited_years:
            continue
        if not any(same_number(mention, v) for v in sources):
            flagged.append(mention.raw)
    return flagged


def to_dict(score: Any) -> dict[str, Any]:
    return asdict(score)


# ---------------------------------------------------------------- the answer plan (issue: answer first)

_YES = re.compile(r"^\W*(ja|yes)\b", re.I)
_NO = re.compile(r"^\W*(nee|no|neen|let op)\b", re.I)


def answer_line_of(answer: Answer) -> str:
    """The direct answer line: the plan's line, or else the first line of the text that is not a notice."""
    if answer.answer_line:
        return answer.answer_line
    lines = [ln.strip() for ln in answer.answer.splitlines() if ln.strip()]
    body = [ln for ln in lines if ln not in answer.notices]
    return body[0] if body else ""


def _dates(text: str) -> set:
    from assistant.text.dates import find_dates

    out = set()
    for d in find_dates(text, 2000):
        out.add((d.first.month, d.first.day))
        if d.last:
            out.add((d.last.month, d.last.day))
    return out


def fact_in(line: str, fact: str) -> bool:
    """`fact` is stated in `line`: as text (number-aware, see `contains`), or as the same dates in either
    language ("28 februari 2027" = "28 February 2027")."""
    if contains(line, fact):
        return True
    wanted = _dates(fact)
    return bool(wanted) and wanted <= _dates(line)


@dataclass
class PlanScore:
    line_has_facts: bool | None  # every answer_line fact is in the answer line (None: no facts given)
    verdict_first: bool | None  # a yes/no question opens with the right ja/nee (None: not a yes/no item)
    premise_corrected: bool | None  # a false premise: the line says no and gives the policy's figure
    quotes: int
    quotes_relevant: int | None  # shown quotes from a section that bears on the question
    asked_back: bool


def _sections(item: EvalItem) -> set[str]:
    return set(item.relevant_sections or [s.section for s in item.expected_sources if s.section])


def score_plan(item: EvalItem, answer: Answer) -> PlanScore:
    line = answer_line_of(answer)
    facts = item.answer_line
    line_ok = all(fact_in(line, f) for f in facts) if facts else None
    verdict = None
    if item.verdict:
        verdict = bool((_YES if item.verdict == "yes" else _NO).match(line))
    premise = None
    if item.kind == "false_premise":
        premise = bool(_NO.match(line)) and (line_ok if line_ok is not None else True)
    sections = _sections(item)
    relevant = sum(1 for c in answer.citations if c.section in sections) if sections else None
    asked = bool(answer.needs_input) and not answer.refused
    return PlanScore(line_ok, verdict, premise, len(answer.citations), relevant, asked)


# ---------------------------------------------------------------- the calculator the pipeline chose


def _effective(name: str, args: dict[str, Any], models: dict[str, Any]) -> dict[str, Any]:
    model = models.get(name)
    if model is None:
        return dict(args)
    try:
        return model.model_validate(args).model_dump(mode="json")
    except Exception:  # noqa: BLE001 - gold or pipeline args a model rejects are compared as given
        return dict(args)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(values_match(x, y) for x, y in zip(a, b, strict=True))
    return values_match(a, b)


def tool_args_right(spec: ToolSpec, answer: Answer, models: dict[str, Any]) -> bool:
    """The pipeline ran the expected calculator with the expected arguments (defaults applied on both sides) and
    its result has the expected values."""
    want = _effective(spec.name, dict(spec.args), models)
    for call in answer.tool_calls:
        if call.name != spec.name or call.result is None:
            continue
        got = _effective(call.name, call.args, models)
        if all(k in got and _same(want.get(k), got[k]) for k in spec.args) and all(
            k in call.result and values_match(v, call.result[k]) for k, v in spec.expected.items()
        ):
            return True
    return False
