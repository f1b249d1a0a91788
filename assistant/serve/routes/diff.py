"""GET /api/diff: what changed between two policy documents, clause by clause."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from assistant.diff import DocumentDiff, diff_documents
from assistant.serve.deps import get_assistant
from assistant.serve.routes import ERRORS
from assistant.serve.validation import clean_text

router = APIRouter(prefix="/api", tags=["policy text"])


@router.get("/diff", response_model=DocumentDiff, responses=ERRORS)
def diff(
    before: str = Query(alias="from", min_length=1, max_length=40, description="The older document: id or policy year"),
    after: str = Query(alias="to", min_length=1, max_length=40, description="The newer document: id or policy year"),
    section: str | None = Query(
        None, max_length=100, description="Only what touches this section in either document: 1.5.2, Bijlage 2"
    ),
    assistant: Any = Depends(get_assistant),
) -> DocumentDiff:
    """Clauses aligned across renumbering (by heading and content): per pair the changed sentences with word-level
    segments (changed numbers and levels flagged `emphasis`), removed and added sentences; added, removed and
    moved clauses and sentences. Every sentence is verbatim with its clause id and line span. An unknown document
    or section is a 404 whose message lists the valid ones."""
    return diff_documents(
        assistant.corpus,
        clean_text(before, "from"),
        clean_text(after, "to"),
        clean_text(section, "section") if section else None,
    )
