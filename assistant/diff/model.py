"""What a diff between two policy documents returns (pydantic, so the CLI `--json` and the API share it)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Sentence(BaseModel):
    """A sentence verbatim from its document (whitespace collapsed), with its clause and line span."""

    clause_id: str
    text: str
    line_start: int
    line_end: int
    footnote: bool = Field(False, description="the sentence is a footnote printed in this clause")


class Segment(BaseModel):
    """A piece of a changed sentence: unchanged, deleted (only in the old text) or inserted (only in the new)."""

    op: Literal["equal", "delete", "insert"]
    text: str
    emphasis: bool = Field(False, description="a number, amount, percentage or education level changed here")


class Change(BaseModel):
    """One word-level change: `before` -> `after` (either may be empty)."""

    before: str
    after: str
    context: str = Field("", description="the (up to three) unchanged words just before the change")
    emphasis: bool = Field(description="a number, amount, percentage or education level changed")
    figures_before: list[str] = Field(default_factory=list, description="numbers and levels in `before`")
    figures_after: list[str] = Field(default_factory=list)


class ChangedSentence(BaseModel):
    before: Sentence
    after: Sentence
    similarity: float
    segments: list[Segment] = Field(description="the new sentence with deletions and insertions marked")
    changes: list[Change]


class ClauseRef(BaseModel):
    clause_id: str
    doc: str
    year: int
    section: str
    title: str
    line_start: int
    line_end: int
    part: str = Field(description="'main', 'bijlage-1', 'bijlage-2', ...")


class ClausePair(BaseModel):
    """A clause of the old document aligned with its counterpart in the new one."""

    before: ClauseRef
    after: ClauseRef
    score: float = Field(description="alignment score (heading and content similarity)")
    heading_similarity: float
    content_similarity: float
    renumbered: bool = Field(description="the section number differs")
    moved: bool = Field(description="the clause now stands under another parent section or in another part")
    changed: list[ChangedSentence] = Field(default_factory=list)
    removed: list[Sentence] = Field(default_factory=list, description="sentences only in the old clause")
    added: list[Sentence] = Field(default_factory=list, description="sentences only in the new clause")
    unchanged: int = Field(0, description="sentences that stand unchanged in both")

    @property
    def has_changes(self) -> bool:
        return bool(self.changed or self.removed or self.added)


class ClauseOnly(BaseModel):
    """A clause that exists in only one of the two documents, with its sentences."""

    clause: ClauseRef
    sentences: list[Sentence]


class MovedSentence(BaseModel):
    """A sentence that left one clause and stands (possibly edited) in another clause it is not aligned with."""

    before: Sentence
    after: Sentence
    similarity: float
    segments: list[Segment] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)


class DocRef(BaseModel):
    id: str
    year: int
    title: str


class DocumentDiff(BaseModel):
    before: DocRef
    after: DocRef
    section: str | None = None
    scope: list[str] = Field(description="the parts of the documents that are compared (both have them)")
    pairs: list[ClausePair]
    added: list[ClauseOnly] = Field(description="clauses only in the new document")
    removed: list[ClauseOnly] = Field(description="clauses only in the old document")
    moved: list[MovedSentence] = Field(description="sentences that moved between clauses that are not aligned")
    summary: dict[str, int]
