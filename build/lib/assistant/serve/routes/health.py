"""GET /health: is the index loaded, with which embedder, over which documents."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from assistant.serve.deps import Services, get_services
from assistant.serve.schemas import ErrorBody, Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": Health, "description": "Loading or failed"}})
def health(services: Services = Depends(get_services)) -> Health | JSONResponse:
    """Never waits: 200 with the index facts when ready; 503 with `status` `loading` or `error` before."""
    services.start_loading()
    if not services.loaded:
        exc = services.load_error
        error = (
            ErrorBody(code=exc.code, message=exc.message)
            if exc
            else ErrorBody(code="loading", message="the policy index is still loading")
        )
        body = Health(status="error" if exc else "loading", index_loaded=False, embedder=None, error=error)
        return JSONResponse(body.model_dump(), status_code=503)
    a = services.assistant(wait_s=0)
    return Health(
        status="ok",
        index_loaded=True,
        embedder=a.index.embedder.id,
        documents=[d.model_dump(include={"id", "title", "year", "status"}) for d in a.corpus.documents],
        years=a.corpus.years,
        passages=len(a.corpus.passages),
        clauses=len(a.corpus.clauses),
        index_collection=a.index.meta.get("collection"),
    )
