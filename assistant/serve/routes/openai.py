"""OpenAI-compatible: GET /v1/models, POST /v1/chat/completions (streaming and not).

The last user message is the question; the earlier user messages rebuild the conversation's state (so "en als
we 10 cliënten hadden?" continues the calculation before it), unless `conversation_id` names a stored
conversation. The reply is the answer text with a Markdown "Bronnen" list of its citations.
Extensions: `year`, `conversation_id`."""

from __future__ import annotations

from functools import partial
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from assistant.persistence import Store
from assistant.serve import service
from assistant.serve.deps import Services, get_assistant, get_services, get_store
from assistant.serve.routes import ERRORS, SSE
from assistant.serve.schemas import ChatCompletion, ChatCompletionRequest, ModelInfo, ModelList

router = APIRouter(prefix="/v1", tags=["OpenAI-compatible"])


@router.get("/models", response_model=ModelList)
def models(services: Services = Depends(get_services)) -> ModelList:
    """The one model: the grounded policy assistant."""
    return ModelList(data=[ModelInfo(id=service.MODEL_ID, created=int(services.started_at), owned_by="cz")])


@router.post("/chat/completions", response_model=ChatCompletion, responses={**ERRORS, **SSE})
async def chat_completions(
    req: ChatCompletionRequest,
    services: Services = Depends(get_services),
    assistant: Any = Depends(get_assistant),
    store: Store = Depends(get_store),
) -> Any:
    service.check_model(req.model)
    messages = service.user_messages(req)
    question, cid = service.prepare(assistant, store, messages[-1], req.year, req.conversation_id)
    work = partial(services.run, service.answer_with_history, assistant, store, messages[:-1], question, req.year, cid)
    if req.stream:
        await services.run(store.ping)  # an unreachable database is a 503 before the stream starts
        return StreamingResponse(service.completion_chunks(services, work, req.model), media_type="text/event-stream")
    return service.completion(await work(), req.model)
