"""The guard on a language model's answer: a pure function, no corpus or model access.

`check(answer_text, allowed_ids, clause_texts, tool_results) -> GuardVerdict`

1. Every cited id `[doc/section]` must be a retrieved clause or cited by a calculator result.
2. Every «quoted» span must be verbatim (whitespace-collapsed) in the clause cited right next to it
   (`«…» [id]` or `[id]: «…»`), or in any allowed clause when no id stands next to it. An ellipsis
   (`…`, `...`) inside a quote separates parts that are checked one by one.
3. Every number outside the quotes (amounts, percentages, dates, counts, in Dutch or English notation:
   "2,33" = "2.33", "€ 102.000" = "102000", "15 mei" contains 15) must appear in a calculator result
   (all values flattened, strings included) or in the text of a clause the answer cites. Section
   references (§ 2.3.2, Bijlage 1) of allowed clauses and the policy years of allowed clauses count
   as known.
4. The answer must not agree with the user in words ("ik bevestig", "dat klopt", "I confirm", "that is
   correct"): a premise is checked against the policy, never confirmed. Phrases that only say a quote or
   rule holds ("het klopt niet", "that is not correct") are not agreement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from assistant.domain import GuardVerdict, collapse_ws
from assistant.text.numbers import canonical_number, find_numbers, parse_number

_BRACKET = re.compile(r"\[([^\[\]\n]{1,200})\]")
_ID = re.compile(r"^[a-z0-9][\w-]*(?:/[\w.-]+)+$", re.I)
_SECTION_ID = re.compile(r"^§?\s*\d+(?:\.\d+)*$")
_QUOTE = re.compile(r"«([^«»]*)»")
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.)\s*")
_ID_AFTER = re.compile(r"\s*[(,:;–-]?\s*\[([^\[\]\n]{1,200})\]")
_ID_BEFORE = re.compile(r"\[([^\[\]\n]{1,200})\]\s*[:,–-]?\s*$")
_SECTION_NUMBER = re.compile(r"(?<![\w.,])\d+(?:\.\d+){2,}(?![\w]|[.,]\d)")  # 2.3.2: a section, not a number
_AGREEMENT = re.compile(
    r"\b(ik\s+bevestig|bij\s+deze\s+bevestig|hierbij\s+bevestig|ik\s+kan\s+(dat|dit|het)\s+bevestigen|bevestigd"
    r"|dat\s+klopt(?!\s+niet)|klopt\s+helemaal|klopt\s+inderdaad|u\s+heeft\s+gelijk|je\s+hebt\s+gelijk|helemaal\s+juist"
    r"|i\s+(hereby\s+)?confirm|i\s+can\s+confirm|(that|this)\s+is\s+(absolutely\s+|entirely\s+)?correct"
    r"|that'?s\s+(absolutely\s+|entirely\s+)?(right|correct)|you\s+are\s+(absolutely\s+)?right|confirmed)\b",
    re.I,
)
_REFERENCE = re.compile(
    r"(§+|\bparagra(?:af|ph)|\bpar\.|\bartikel|\barticle|\bsect(?:ion|ie)|\bhoofdstuk|\bchapter|\bbijlage|\bannex|\bappendix)"
    r"\s*(\d+(?:\.\d+)*)",
    re.I,
)


@dataclass
class Quote:
    text: str  # as written between « »
    parts: list[str]  # the verbatim pieces (split at an ellipsis), whitespace-collapsed
    ids: list[str]  # the ids cited right next to it (resolved), may be empty
    start: int
    end: int


@dataclass
class Parsed:
    cited: list[str] = field(default_factory=list)  # resolved ids, in order of appearance
    unknown: list[str] = field(default_factory=list)  # id-like brackets that are not allowed
    quotes: list[Quote] = field(default_factory=list)


def check(
    answer_text: str,
    allowed_ids: Iterable[str],
    clause_texts: Mapping[str, str],
    tool_results: Sequence[Mapping[str, Any]] = (),
) -> GuardVerdict:
    """Check an answer's citations, quotes and numbers; see the module docstring for the rules."""
    allowed = set(allowed_ids) | tool_citation_ids(tool_results)
    if not answer_text or not answer_text.strip():
        return GuardVerdict(passed=False, problems=["the answer is empty"])
    parsed = parse(answer_text, allowed)
    problems = [
        f"cited id [{i}] is not among the retrieved clauses or the calculators' citations" for i in parsed.unknown
    ]
    for q in parsed.quotes:
        if not quote_source(q, allowed, clause_texts):
            where = ", ".join(f"[{i}]" for i in q.ids) if q.ids else "any retrieved clause"
            problems.append(f"quote «{_short(q.text)}» is not verbatim in {where}")
    known = _known_numbers(parsed, allowed, clause_texts, tool_results)
    for token, values in numbers(_without_quotes_and_refs(answer_text, parsed, allowed)):
        if not values & known:
            problems.append(f"number {token} appears in no tool result or cited quote")
    agreement = _AGREEMENT.search(_without_quotes_and_refs(answer_text, parsed, allowed))
    if agreement:
        problems.append(
            f"the answer agrees with the user in words ('{agreement.group(0)}'): state the policy's rule with "
            "its quote instead of confirming a claim"
        )
    problems = list(dict.fromkeys(problems))
    return GuardVerdict(passed=not problems, problems=problems)


def tool_citation_ids(tool_results: Sequence[Mapping[str, Any]]) -> set[str]:
    return {c["clause_id"] for r in tool_results for c in (r.get("citations") or []) if c.get("clause_id")}


def parse(text: str, allowed: set[str]) -> Parsed:
    """Cited ids (resolved against `allowed`) and «quotes» with the ids next to them."""
    out = Parsed()
    outside = _QUOTE.sub(lambda m: " " * len(m.group(0)), text)  # "[1]" inside a quote is the policy's own
    for m in _BRACKET.finditer(outside):
        for raw in _split_ids(m.group(1)):
            resolved = _resolve(raw, allowed)
            if resolved:
                out.cited.append(resolved)
            elif raw not in out.unknown:
                out.unknown.append(raw)
    for m in _QUOTE.finditer(text):
        near = _ID_AFTER.match(text, m.end()) or _ID_BEFORE.search(text[max(0, m.start() - 200) : m.start()])
        ids = [_resolve(r, allowed) or r for r in _split_ids(near.group(1))] if near else []
        parts = [collapse_ws(p) for p in _ELLIPSIS.split(m.group(1)) if collapse_ws(p)]
        out.quotes.append(Quote(m.group(1), parts, ids, m.start(), m.end()))
    out.cited = list(dict.fromkeys(out.cited))
    return out


def quote_source(q: Quote, allowed: set[str], clause_texts: Mapping[str, str]) -> str | None:
    """The id of the clause that holds every part of the quote verbatim, or None."""
    if not q.parts:
        return None
    candidates = q.ids or sorted(allowed)
    for cid in candidates:
        text = collapse_ws(clause_texts.get(cid, "")) if cid in allowed else ""
        if text and all(p in text for p in q.parts):
            return cid
    return None


def numbers(text: str) -> list[tuple[str, set[str]]]:
    """(token as written, canonical values it may stand for) for every number in `text`, read by the one number
    parser (`assistant.text.numbers`). A number an English writer may have meant differently ("102.000" is
    102000 in Dutch, 102 in English) stands for both; a scaled one ("1,2 miljoen") also for its digits; a
    section number ("2.3.2") for itself, marked with §."""
    out = []
    for m in find_numbers(text, words=False):
        values = {canonical_number(m.value)}
        token = m.raw.strip()
        digits = re.match(r"\d+(?:[.,]\d+)*", token)
        if digits and re.fullmatch(r"\d{1,3}[.,]\d{3}", digits.group(0)):
            values.add(canonical_number(Decimal(digits.group(0).replace(",", "."))))
        if m.multiplier and digits:
            plain = parse_number(digits.group(0))
            if plain is not None:
                values.add(canonical_number(plain))
        out.append((m.start, token, values))
    out += [(s.start(), s.group(0), {"§" + s.group(0)}) for s in _SECTION_NUMBER.finditer(text)]
    return [(token, values) for _, token, values in sorted(out, key=lambda t: t[0])]


def _split_ids(inner: str) -> list[str]:
    parts = [p.strip() for p in re.split(r"[,;]|\s+(?:en|and)\s+", inner) if p.strip()]
    return [p for p in parts if _ID.match(p) or _SECTION_ID.match(p)]


def _resolve(raw: str, allowed: set[str]) -> str | None:
    if raw in allowed:
        return raw
    if _SECTION_ID.match(raw):  # "[2.3.2]": accept when exactly one allowed id ends with it
        tail = "/" + raw.lstrip("§").strip()
        hits = [a for a in allowed if a.endswith(tail)]
        return hits[0] if len(hits) == 1 else None
    return None


def _canon(d: Decimal) -> str:
    return canonical_number(d)


def _flatten(value: Any) -> Iterable[Any]:
    if isinstance(value, Mapping):
        for v in value.values():
            yield from _flatten(v)
    elif isinstance(value, (list, tuple, set)):
        for v in value:
            yield from _flatten(v)
    else:
        yield value


def _tool_numbers(tool_results: Sequence[Mapping[str, Any]]) -> set[str]:
    out: set[str] = set()
    for value in _flatten(list(tool_results)):
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (int, float)):
            d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            out |= {_canon(d), _canon(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))}
        elif isinstance(value, str):
            out |= _text_numbers(value)
    return out


def _text_numbers(text: str) -> set[str]:
    return {v for _, values in numbers(text) for v in values}


def _id_numbers(allowed: set[str]) -> set[str]:
    """Policy years and full dotted section numbers of the allowed clauses (wv2027/bijlage-1/1.5.2 ->
    2027 and 1.5.2). Short section numbers ("Bijlage 1", "§ 4.1") only count after a reference word."""
    out: set[str] = set()
    for cid in allowed:
        doc, *rest = cid.split("/")
        out |= {_canon(Decimal(y)) for y in re.findall(r"(?:19|20)\d\d", doc)}
        out |= {"§" + part for part in rest if re.fullmatch(r"\d+(?:\.\d+){2,}", part)}
    return out


def _section_refs(part: str) -> set[str]:
    digits = re.findall(r"\d+(?:\.\d+)*", part)
    out = set()
    for d in digits:
        pieces = d.split(".")
        out |= {".".join(pieces[: i + 1]) for i in range(len(pieces))}
    return out


def _known_numbers(
    parsed: Parsed, allowed: set[str], clause_texts: Mapping[str, str], tools: Sequence[Mapping]
) -> set[str]:
    known = _tool_numbers(tools) | _id_numbers(allowed)
    cited = set(parsed.cited) | {i for q in parsed.quotes for i in q.ids if i in allowed}
    for cid in cited:
        known |= _text_numbers(clause_texts.get(cid, ""))
    return known


def _without_quotes_and_refs(text: str, parsed: Parsed, allowed: set[str]) -> str:
    """The answer with quotes (checked on their own), id brackets and known section references blanked."""
    chars = list(text)
    for q in parsed.quotes:
        chars[q.start : q.end] = " " * (q.end - q.start)
    text = "".join(chars)
    text = _BRACKET.sub(lambda m: " " if _split_ids(m.group(1)) else m.group(0), text)
    sections: set[str] = set()
    for cid in allowed:
        for part in cid.split("/")[1:]:
            sections |= _section_refs(part)
    return _REFERENCE.sub(lambda m: m.group(1) if m.group(2) in sections else m.group(0), text)


def _short(text: str, limit: int = 80) -> str:
    text = collapse_ws(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
