"""POST /api/feedback (thumbs up/down + comment), GET /api/feedback (admin token)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from assistant.persistence import Store
from assistant.serve.deps import get_store, rate_limit, require_admin
from assistant.serve.routes import ADMIN_ERRORS, ERRORS
from assistant.serve.schemas import FeedbackList, FeedbackRequest, FeedbackResponse

router = APIRouter(prefix="/api/feedback", tags=["feedback"])


@router.post("", response_model=FeedbackResponse, responses=ERRORS, dependencies=[Depends(rate_limit)])
def add_feedback(req: FeedbackRequest, store: Store = Depends(get_store)) -> FeedbackResponse:
    """Store a rating; when this returns 200 the row is committed to SQLite. Personal data in the texts
    (BSN, e-mail, phone, client names) is redacted before it is stored."""
    return FeedbackResponse(id=store.add_feedback(**req.model_dump()))


@router.get(
    "", response_model=FeedbackList, responses=ADMIN_ERRORS, dependencies=[Depends(rate_limit), Depends(require_admin)]
)
def list_feedback(limit: int = Query(200, ge=1, le=5000), store: Store = Depends(get_store)) -> FeedbackList:
    """All feedback, newest first. Needs `Authorization: Bearer <ASSISTANT_ADMIN_TOKEN>` (403 when the server
    has no admin token configured)."""
    return FeedbackList(feedback=store.list_feedback(limit))
