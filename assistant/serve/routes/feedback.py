"""POST /api/feedback (thumbs up/down + comment), GET /api/feedback (admin token)."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Depends, Header

from assistant.config import Settings
from assistant.errors import Unauthorized
from assistant.persistence import Store
from assistant.serve.deps import get_settings, get_store, rate_limit
from assistant.serve.routes import ERRORS
from assistant.serve.schemas import FeedbackList, FeedbackRequest, FeedbackResponse

router = APIRouter(prefix="/api/feedback", tags=["feedback"])


@router.post("", response_model=FeedbackResponse, responses=ERRORS, dependencies=[Depends(rate_limit)])
def add_feedback(req: FeedbackRequest, store: Store = Depends(get_store)) -> FeedbackResponse:
    """Store a rating; when this returns 200 the row is committed to SQLite."""
    return FeedbackResponse(id=store.add_feedback(**req.model_dump()))


@router.get("", response_model=FeedbackList, responses=ERRORS)
def list_feedback(
    limit: int = 200,
    authorization: str | None = Header(None),
    settings: Settings = Depends(get_settings),
    store: Store = Depends(get_store),
) -> FeedbackList:
    """All feedback, newest first. Needs `Authorization: Bearer <ASSISTANT_ADMIN_TOKEN>`."""
    token = settings.admin_token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise Unauthorized("listing feedback needs the admin token (Authorization: Bearer <ASSISTANT_ADMIN_TOKEN>)")
    return FeedbackList(feedback=store.list_feedback(min(max(limit, 1), 5000)))
