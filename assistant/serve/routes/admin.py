"""Admin endpoints (need `Authorization: Bearer <ASSISTANT_ADMIN_TOKEN>`; disabled without that setting):
POST /api/admin/reindex starts a re-index in the background, GET /api/admin/reindex reports on it,
GET /api/admin/feedback/summary counts the feedback."""

from __future__ import annotations

from fastapi import APIRouter, Body, Depends
from fastapi.responses import JSONResponse

from assistant.persistence import Store
from assistant.serve.deps import Services, get_services, get_store, require_admin
from assistant.serve.routes import ADMIN_ERRORS
from assistant.serve.schemas import FeedbackSummary, ReindexRequest, ReindexStatus

router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[Depends(require_admin)])


@router.post(
    "/reindex",
    response_model=ReindexStatus,
    status_code=202,
    responses={**ADMIN_ERRORS, 409: {"model": ADMIN_ERRORS[401]["model"], "description": "A re-index is running"}},
)
def start_reindex(req: ReindexRequest | None = Body(None), services: Services = Depends(get_services)) -> JSONResponse:
    """Re-read the corpus and rebuild the index aside (a new Chroma collection; `full` re-embeds every passage,
    otherwise only new or changed ones), then swap it in: requests in flight finish on the old index, later
    ones use the new one. Returns 202 at once; poll GET /api/admin/reindex for the outcome."""
    status = services.start_reindex(full=bool(req and req.full))
    return JSONResponse(ReindexStatus(**status).model_dump(), status_code=202)


@router.get("/reindex", response_model=ReindexStatus, responses=ADMIN_ERRORS)
def reindex_status(services: Services = Depends(get_services)) -> ReindexStatus:
    """The last re-index: `idle` (none yet), `running`, `done` (with the new index) or `failed` (with why)."""
    return ReindexStatus(**services.reindex_status())


@router.get("/feedback/summary", response_model=FeedbackSummary, responses=ADMIN_ERRORS)
def feedback_summary(store: Store = Depends(get_store)) -> FeedbackSummary:
    """How the answers are rated: counts of thumbs up and down overall, per intent of the rated answer and per
    day. `assistant feedback export --out candidates.jsonl` turns the thumbs-down ones into eval candidates."""
    return FeedbackSummary(**store.feedback_summary())
