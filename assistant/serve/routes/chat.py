"""POST /api/ask, POST /api/chat (server-sent events), GET /api/conversations/{id}."""

from __future__ import annotations

from collections.abc import AsyncIterable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.sse import EventSourceResponse, ServerSentEvent

from assistant.domain import Answer
from assistant.errors import NotFound
from assistant.persistence import Store, check_conversation_id
from assistant.serve import service
from assistant.serve.deps import Services, get_assistant, get_services, get_store
from assistant.serve.routes import ERRORS, SSE, SSE_ERRORS
from assistant.serve.schemas import AskRequest, ConversationResponse, Turn

router = APIRouter(prefix="/api", tags=["chat"])


@router.post("/ask", response_model=Answer, responses=ERRORS)
async def ask(
    req: AskRequest,
    services: Services = Depends(get_services),
    assistant: Any = Depends(get_assistant),
    store: Store = Depends(get_store),
) -> Answer:
    """Answer a question with citations. Creates a conversation when none is given and stores the turn."""
    return await service.ask(services, assistant, store, req.question, req.year, req.conversation_id)


@dataclass(frozen=True)
class ChatStart:
    question: str
    year: int | None
    conversation_id: str


async def chat_start(
    req: AskRequest,
    services: Services = Depends(get_services),
    assistant: Any = Depends(get_assistant),
    store: Store = Depends(get_store),
) -> ChatStart:
    """Everything that can fail before the stream starts (so a bad request is a 4xx, never a broken stream)."""
    question, cid = service.prepare(assistant, store, req.question, req.year, req.conversation_id)
    await services.run(store.ping)  # an unreachable database is a 503 before the stream starts
    return ChatStart(question, req.year, cid)


@router.post(
    "/chat", response_class=EventSourceResponse, responses={**SSE_ERRORS, **SSE})
async def chat(
    start: ChatStart = Depends(chat_start),
    services: Services = Depends(get_services),
    assistant: Any = Depends(get_assistant),
    store: Store = Depends(get_store),
) -> AsyncIterable[ServerSentEvent]:
    """Like /api/ask, streamed as server-sent events: `meta` (conversation_id), `delta` ({"text"}) per
    sentence, `citations`, `tool_calls`, `done` (the rest of the Answer); `error` if it fails midway;
    a `: ping` comment every 15 s while the answer is being composed."""
    async for item in service.chat_events(
        services, assistant, store, start.question, start.year, start.conversation_id
    ):
        yield item


@router.get("/conversations/{conversation_id}", response_model=ConversationResponse, responses=ERRORS)
def conversation(conversation_id: str, limit: int = 50, store: Store = Depends(get_store)) -> ConversationResponse:
    """The stored turns of a conversation, oldest first."""
    check_conversation_id(conversation_id)
    if not store.has_conversation(conversation_id):
        raise NotFound(f"unknown conversation {conversation_id!r}")
    return ConversationResponse(
        conversation_id=conversation_id,
        turns=[Turn(**t) for t in store.history(conversation_id, min(max(limit, 1), 200))],
    )
