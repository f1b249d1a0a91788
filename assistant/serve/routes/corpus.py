"""GET /api/search, GET /api/clauses (browse), GET /api/clauses/{id} (full text + highlighted quote)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from assistant.serve import service
from assistant.serve.deps import Services, get_assistant, get_services
from assistant.serve.routes import ERRORS
from assistant.serve.schemas import ClauseDetail, ClauseList, SearchResponse
from assistant.serve.validation import clean_text

router = APIRouter(prefix="/api", tags=["policy text"])


@router.get("/search", response_model=SearchResponse, responses=ERRORS)
async def search(
    q: str = Query(min_length=1, max_length=4000, description="What to look for"),
    k: int = Query(5, ge=1, le=50),
    year: int | None = Query(None, description="2027, 2024, or leave out for both"),
    services: Services = Depends(get_services),
    assistant: Any = Depends(get_assistant),
) -> SearchResponse:
    """Hybrid (BM25 + dense) search over the policy passages."""
    hits = await services.run(assistant.search, clean_text(q, "q"), k=k, year=year)
    return SearchResponse(query=q, k=k, year=year, hits=hits)


@router.get("/clauses", response_model=ClauseList, responses=ERRORS)
def clauses(
    year: int | None = Query(None), q: str | None = Query(None, max_length=200), assistant: Any = Depends(get_assistant)
) -> ClauseList:
    """Browse the clauses (sections) of the policy, optionally by year and a text filter."""
    return service.browse_clauses(assistant, year, clean_text(q, "q") if q else q)


@router.get("/clauses/{clause_id:path}", response_model=ClauseDetail, responses=ERRORS)
def clause(
    clause_id: str,
    quote: str | None = Query(None, max_length=4000, description="A quote to locate (returned as `highlights`)"),
    assistant: Any = Depends(get_assistant),
) -> ClauseDetail:
    """A clause: full text, heading trail, year, line span, its passages; e.g. `wv2027/3.2.1`."""
    return service.clause_detail(
        assistant, clean_text(clause_id, "clause_id"), clean_text(quote, "quote") if quote else quote
    )
