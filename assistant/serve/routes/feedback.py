"""POST /api/feedback (thumbs up/down + comment; idempotent with a key), GET /api/feedback (admin token)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Header, Query

from assistant.errors import InvalidInput
from assistant.persistence import Store
from assistant.serve.deps import get_store, require_admin
from assistant.serve.routes import ADMIN_ERRORS, ERRORS
from assistant.serve.schemas import FeedbackList, FeedbackRequest, FeedbackResponse

router = APIRouter(prefix="/api/feedback", tags=["feedback"])


@router.post("", response_model=FeedbackResponse, responses=ERRORS)
def add_feedback(
    req: FeedbackRequest,
    store: Store = Depends(get_store),
    idempotency_key: str | None = Header(
        None,
        max_length=200,
        description="Any unique string per rating; a retry with the same key returns the first row (`replayed`)",
    ),
) -> FeedbackResponse:
    """Store a rating; when this returns 200 the row is committed. Personal data in the texts (BSN, e-mail,
    phone, names, birth dates, addresses) is redacted before it is stored. With an `Idempotency-Key` header (or
    `client_id` in the body) a retried post whose response was lost returns the row stored the first time."""
    body = req.model_dump(exclude={"client_id"})
    if idempotency_key is not None and req.client_id is not None and idempotency_key != req.client_id:
        raise InvalidInput("Idempotency-Key and client_id differ; send one of them")
    row_id, replayed = store.save_feedback(**body, idempotency_key=idempotency_key or req.client_id)
    return FeedbackResponse(id=row_id, replayed=replayed)


@router.get("", response_model=FeedbackList, responses=ADMIN_ERRORS, dependencies=[Depends(require_admin)])
def list_feedback(limit: int = Query(200, ge=1, le=5000), store: Store = Depends(get_store)) -> FeedbackList:
    """All feedback, newest first, with personal data redacted. Needs `Authorization: Bearer
    <ASSISTANT_ADMIN_TOKEN>` (403 when the server has no admin token configured)."""
    return FeedbackList(feedback=store.list_feedback(limit))
