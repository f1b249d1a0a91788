"""Domain types at the centre of the system. No framework types here.

Clause: one numbered section (or named front-matter/appendix part) of a policy document.
Passage: a retrievable piece of a clause (<= 1,200 source characters) with its own line span.
Citation: a verbatim quote from a clause, with where it stands.
ToolResult: what a calculator returns (verdict fields, rule, assumptions, citations).
Answer: what the assistant says.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field

_WS = re.compile(r"\s+")


def collapse_ws(text: str) -> str:
    """Collapse whitespace runs to one space: the comparison rule for quotes."""
    return _WS.sub(" ", text).strip()


class Document(BaseModel):
    id: str
    file: str
    title: str
    publisher: str
    year: int
    status: Literal["current", "superseded"]
    supersedes: list[str] = Field(default_factory=list)
    superseded_by: str | None = None
    source_name: str | None = None
    part: str | None = None
    part_title: str | None = None
    # sections that apply to one group only -> words that name it: a claim that names none of them is not about
    # such a section ("Bijlage 2": the quality window of medische kindzorg, beside the one for everyone in 2.3.4)
    scopes: dict[str, list[str]] = Field(default_factory=dict)


class Clause(BaseModel):
    id: str  # e.g. "wv2027/bijlage-1/1.5.2"
    doc: str  # document id, e.g. "wv2027"
    year: int
    section: str  # "1.5.2", "Voorwoord", "Bijlage 2"
    title: str  # "Casemanagement dementie"
    heading_trail: list[str]  # ["Bijlage 1: ...", "1.5 Specialistische zorg ...", "1.5.2 Casemanagement dementie"]
    text: str  # the clause body as it stands in the source (lines joined with "\n")
    line_start: int  # 1-based, inclusive (heading line)
    line_end: int  # 1-based, inclusive

    @property
    def trail(self) -> str:
        return " › ".join(self.heading_trail)


class Passage(BaseModel):
    id: str  # clause id + "#p<n>"
    clause_id: str
    doc: str
    year: int
    section: str
    title: str
    heading_trail: list[str]
    subheading: str | None = None
    kind: Literal["text", "table", "footnote"] = "text"
    text: str
    line_start: int
    line_end: int

    @property
    def trail(self) -> str:
        return " › ".join(self.heading_trail)

    def index_text(self) -> str:
        """What BM25 sees: heading trail + sub-heading + text."""
        head = self.trail + (f" › {self.subheading}" if self.subheading else "")
        return f"{head}\n{collapse_ws(self.text)}"

    def embed_text(self) -> str:
        """What the embedder sees: the last two headings of the trail + sub-heading + text. The higher levels
        repeat in every passage of a chapter and cost embedding time without telling passages apart (measured:
        with the full trail the cold build took 30 s and held-out MRR was lower); BM25 still reads them."""
        head = " › ".join(self.trail.split(" › ")[-2:]) + (f" › {self.subheading}" if self.subheading else "")
        return f"{head}\n{collapse_ws(self.text)}"


class Citation(BaseModel):
    clause_id: str
    doc: str
    year: int
    section: str
    title: str
    quote: str  # verbatim (whitespace-collapsed) substring of the clause text
    line_start: int | None = None
    line_end: int | None = None


class SearchHit(BaseModel):
    passage: Passage
    score: float
    bm25_rank: int | None = None
    dense_rank: int | None = None


class ToolResult(BaseModel):
    """Base of every calculator output. Each tool subclasses it and adds its verdict fields
    (e.g. `average`, `threshold`, `compliant`) at the top level."""

    tool: str
    verdict: str  # one Dutch sentence a provider understands
    verdict_en: str
    rule: str  # the rule applied, Dutch
    rule_en: str
    assumptions: list[str] = Field(default_factory=list)
    assumptions_en: list[str] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)


class ToolCall(BaseModel):
    name: str
    args: dict[str, Any]
    result: dict[str, Any] | None = None
    error: str | None = None


class RetrievedRef(BaseModel):
    clause_id: str
    passage_id: str
    text: str
    score: float


class GuardVerdict(BaseModel):
    passed: bool
    problems: list[str] = Field(default_factory=list)


class Answer(BaseModel):
    answer: str
    refused: bool = False
    answer_line: str = ""  # the direct answer (the first line of `answer`, before any notices)
    kind: str | None = None  # verdict | value | date | correction | not_stated | clarify | quotes | calculation | diff | help
    citations: list[Citation] = Field(default_factory=list)  # the quotes that carry the answer (at most 3 per part)
    context: list[Citation] = Field(default_factory=list)  # further context, folded away in the page
    explanation: list[str] = Field(default_factory=list)  # generic remarks of a calculation (folded "toelichting")
    tool_calls: list[ToolCall] = Field(default_factory=list)
    retrieved: list[RetrievedRef] = Field(default_factory=list)
    mode: str = "extractive"
    latency_ms: float = 0.0
    language: Literal["nl", "en"] = "nl"
    intent: str | None = None
    needs_input: list[str] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list)
    guard: list[GuardVerdict] = Field(default_factory=list)
    conversation_id: str | None = None
