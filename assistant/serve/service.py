"""What the routes do, kept out of the route functions: asking and storing turns, streaming an answer
as server-sent events, clause look-ups with highlighted quotes, OpenAI-compatible formatting."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any

from fastapi.encoders import jsonable_encoder
from fastapi.sse import ServerSentEvent

from assistant import privacy
from assistant.answer.state import ConversationState
from assistant.domain import Answer, Clause
from assistant.errors import AssistantError, InvalidInput, NotFound
from assistant.persistence import Store, check_conversation_id
from assistant.retrieve.analysis import fold
from assistant.serve.deps import Services
from assistant.serve.schemas import ChatCompletionRequest, ClauseDetail, ClauseList, ClauseSummary
from assistant.serve.validation import calculation_guard, check_numbers, clean_text, run_tool_checked

if TYPE_CHECKING:  # pragma: no cover
    from assistant.answer.pipeline import Assistant

log = logging.getLogger(__name__)

MODEL_ID = "cz-wijkverpleging"
PING_S = 10.0  # keep-alive comment while an OpenAI-compatible answer is being composed
_CHUNK = re.compile(r".*?(?:[.!?](?=\s|$)|\n|$)\s*", re.S)


# formatting ------------------------------------------------------------------------------------
def split_chunks(text: str) -> list[str]:
    """Sentence-sized pieces whose concatenation is exactly `text`."""
    return [c for c in _CHUNK.findall(text) if c]


def section_label(clause_id: str, section: str) -> str:
    """'§3.2.1', 'Bijlage 1 §1.5.2', 'Voorwoord'."""
    whole = re.fullmatch(r"(Bijlage \d+) (\d[\d.]*)", section)  # a section already named with its appendix
    if whole:
        return f"{whole.group(1)} §{whole.group(2)}"
    label = f"§{section}" if section[:1].isdigit() else section
    m = re.search(r"/bijlage-(\d+)/", clause_id)
    return f"Bijlage {m.group(1)} {label}" if m and section[:1].isdigit() else label


def markdown_answer(answer: Answer) -> str:
    """The answer text and a Markdown list of its citations (section, year, quote)."""
    text = answer.answer.rstrip()
    if not answer.citations:
        return text
    head = "**Sources**" if answer.language == "en" else "**Bronnen**"
    lines = [
        f'{i}. {section_label(c.clause_id, c.section)} {c.title} ({c.year}): "{c.quote}"'
        for i, c in enumerate(answer.citations, 1)
    ]
    return f"{text}\n\n{head}\n" + "\n".join(lines)


def event(name: str, data: Any) -> ServerSentEvent:
    """One server-sent event with a JSON payload (UTF-8 as it is, not \\u-escaped)."""
    return ServerSentEvent(event=name, raw_data=json.dumps(jsonable_encoder(data), ensure_ascii=False))


def error_payload(exc: Exception) -> dict[str, dict[str, str]]:
    if isinstance(exc, AssistantError):
        return {"error": {"code": exc.code, "message": privacy.redact(exc.message)}}
    return {
        "error": {"code": "internal_error", "message": "something went wrong on our side; the error has been logged"}
    }


# asking ---------------------------------------------------------------------------------------
def prepare(
    assistant: Assistant, store: Store, question: str, year: int | None, conversation_id: str | None
) -> tuple[str, str]:
    """Validate before any work (so a stream never starts for a bad request); (question, conversation id)."""
    question = assistant.check_question(check_numbers(clean_text(question, "question")))
    assistant.corpus.check_year(year)
    cid = check_conversation_id(conversation_id) if conversation_id else store.new_conversation_id()
    return question, cid


# conversation state, kept in the database -------------------------------------------------------
def load_state(store: Store, cid: str) -> ConversationState | None:
    """The conversation's state as stored with its last exchange (None for a new conversation or a state an
    older version wrote: then the question is answered as a new one)."""
    data = store.state(cid)
    if not isinstance(data, dict):
        return None
    try:
        return ConversationState.model_validate(data)
    except ValueError as exc:
        log.warning("ignoring the stored state of a conversation: %s", str(exc).splitlines()[0])
        return None


def answer_and_store(assistant: Assistant, store: Store, question: str, year: int | None, cid: str) -> Answer:
    """Answer with the conversation's state from the database, then store both turns and the new state in one
    transaction (committed before returning; done even if the client has gone), so any worker continues it."""
    with calculation_guard():
        answer, state = assistant.respond(question, load_state(store, cid), year)
    answer = answer.model_copy(update={"conversation_id": cid})
    meta = {
        "citations": [c.model_dump() for c in answer.citations],
        "tool_calls": [t.name for t in answer.tool_calls],
        "refused": answer.refused,
        "mode": answer.mode,
        "intent": answer.intent,
        "latency_ms": answer.latency_ms,
    }
    store.record_exchange(cid, question, {"year": year}, answer.answer, meta, state.model_dump(mode="json"))
    return answer


def replayed_state(assistant: Assistant, questions: list[str], year: int | None) -> ConversationState | None:
    """The state a conversation reaches by asking its earlier user messages in order (the OpenAI-compatible
    endpoint gets the whole history with every request and no conversation id)."""
    state: ConversationState | None = None
    for q in questions:
        try:
            _, state = assistant.respond(assistant.check_question(q), state, year)
        except AssistantError:
            continue  # an earlier message that cannot be answered adds nothing to the state
    return state


def answer_with_history(assistant: Assistant, store: Store, earlier: list[str], question: str, year: int | None, cid: str) -> Answer:
    """/v1: a stored conversation (by id) continues from the database; otherwise the earlier user messages of
    the request rebuild the state first."""
    if store.state(cid) is None and earlier:
        with calculation_guard():
            state = replayed_state(assistant, earlier, year)
            answer, state = assistant.respond(question, state, year)
        answer = answer.model_copy(update={"conversation_id": cid})
        meta = {"citations": [c.model_dump() for c in answer.citations], "tool_calls": [t.name for t in answer.tool_calls],
                "refused": answer.refused, "mode": answer.mode, "intent": answer.intent, "latency_ms": answer.latency_ms}
        store.record_exchange(cid, question, {"year": year}, answer.answer, meta, state.model_dump(mode="json"))
        return answer
    return answer_and_store(assistant, store, question, year, cid)


async def ask(
    services: Services, assistant: Assistant, store: Store, question: str, year: int | None, cid: str | None
) -> Answer:
    question, cid = prepare(assistant, store, question, year, cid)
    return await services.run(answer_and_store, assistant, store, question, year, cid)


async def _answer_with_pings(services: Services, work: Any) -> AsyncIterator[Answer | str]:
    """Yield keep-alive comments until `work` (a coroutine) is done, then its Answer."""
    task = asyncio.ensure_future(work)
    task.add_done_callback(lambda t: t.cancelled() or t.exception())  # never "exception was never retrieved"
    while not task.done():
        done, _ = await asyncio.wait({task}, timeout=PING_S)
        if not done:
            yield ": ping\n\n"
    yield task.result()


async def chat_events(
    services: Services, assistant: Assistant, store: Store, question: str, year: int | None, cid: str
) -> AsyncIterator[ServerSentEvent]:
    """SSE: meta, delta* (sentence by sentence), citations, tool_calls, done; or error. While the answer is
    composed FastAPI's `EventSourceResponse` sends a keep-alive comment (`: ping`) every 15 s. The answer
    is stored even when the client has gone (the work runs on in its thread)."""
    # started before the first event and shielded: a client that leaves does not cancel the work
    work = asyncio.ensure_future(services.run(answer_and_store, assistant, store, question, year, cid))
    work.add_done_callback(lambda t: t.cancelled() or t.exception())  # never "exception was never retrieved"
    yield event("meta", {"conversation_id": cid, "year": year, "model": MODEL_ID})
    try:
        answer = await asyncio.shield(work)
    except Exception as exc:  # noqa: BLE001 - reported in-stream; unexpected ones logged with traceback
        if not isinstance(exc, AssistantError):
            log.exception("chat stream failed")
        yield event("error", error_payload(exc))
        return
    for chunk in split_chunks(answer.answer):
        yield event("delta", {"text": chunk})
    yield event("citations", {"citations": [c.model_dump() for c in answer.citations]})
    yield event("tool_calls", {"tool_calls": [t.model_dump() for t in answer.tool_calls]})
    yield event("done", answer.model_dump(exclude={"answer", "citations", "tool_calls"}))


# clauses ---------------------------------------------------------------------------------------
def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where `quote` stands in `text`, whitespace-tolerant (quotes are whitespace-collapsed)."""
    words = quote.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def summary(c: Clause) -> ClauseSummary:
    return ClauseSummary(**c.model_dump(include=set(ClauseSummary.model_fields)))


def clause_detail(assistant: Assistant, clause_id: str, quote: str | None) -> ClauseDetail:
    corpus = assistant.corpus
    clause = corpus.clause(clause_id)
    doc = corpus.doc_by_id.get(clause.doc)
    return ClauseDetail(
        **summary(clause).model_dump(),
        text=clause.text,
        document_title=doc.title if doc else clause.doc,
        status=doc.status if doc else "current",
        passages=[p for p in corpus.passages if p.clause_id == clause.id],
        quote=quote,
        highlights=quote_spans(clause.text, quote) if quote else [],
    )


def browse_clauses(assistant: Assistant, year: int | None, q: str | None) -> ClauseList:
    corpus = assistant.corpus
    corpus.check_year(year)
    needle = fold(q.strip()) if q and q.strip() else None
    found = [
        c
        for c in corpus.clauses
        if (year is None or c.year == year) and (needle is None or needle in fold(f"{c.section} {c.title} {c.text}"))
    ]
    return ClauseList(total=len(found), clauses=[summary(c) for c in found])


# tools -----------------------------------------------------------------------------------------
def run_tool(registry: Any, name: str, args: dict[str, Any]) -> dict[str, Any]:
    from pydantic import ValidationError

    from assistant.serve.errors import validation_message

    if not any(t["name"] == name for t in registry.list_tools()):
        raise NotFound(f"unknown calculator {name!r}; see GET /api/tools")
    try:
        result = run_tool_checked(registry.run_tool, name, args)
    except ValidationError as exc:
        raise InvalidInput(validation_message(exc.errors())[1]) from None
    return result.model_dump() if hasattr(result, "model_dump") else dict(result)


# OpenAI-compatible -----------------------------------------------------------------------------
def user_messages(req: ChatCompletionRequest) -> list[str]:
    """The text of every user message, in order (the last one is the question)."""
    out = []
    for message in req.messages:
        if message.role != "user":
            continue
        content = message.content
        if isinstance(content, list):
            content = " ".join(str(p.get("text") or "") for p in content if p.get("type") in ("text", "input_text"))
        content = clean_text(content, "messages") if content else content
        if content and content.strip():
            out.append(content)
    if not out:
        raise InvalidInput("messages: there is no user message with text to answer")
    return out


def last_user_message(req: ChatCompletionRequest) -> str:
    return user_messages(req)[-1]


def check_model(model: str) -> None:
    if model != MODEL_ID:
        raise NotFound(f"unknown model {model!r}; the available model is {MODEL_ID!r}")


def completion_id() -> str:
    return "chatcmpl-" + uuid.uuid4().hex[:24]


def completion(answer: Answer, model: str) -> dict[str, Any]:
    content = markdown_answer(answer)
    prompt, done = len(answer.answer.split()), len(content.split())
    return {
        "id": completion_id(),
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": done, "total_tokens": prompt + done},
        "citations": [c.model_dump() for c in answer.citations],
    }


def _chunk(cid: str, created: int, model: str, delta: dict[str, Any], finish: str | None = None) -> str:
    body = {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"


async def completion_chunks(
    services: Services, work: Callable[[], Awaitable[Answer]], model: str
) -> AsyncIterator[str]:
    """OpenAI streaming: a role chunk, content chunks sentence by sentence, a stop chunk, [DONE]."""
    cid, created = completion_id(), int(time.time())
    yield _chunk(cid, created, model, {"role": "assistant", "content": ""})
    answer: Answer | None = None
    try:
        async for item in _answer_with_pings(services, work()):
            if isinstance(item, str):
                yield item
            else:
                answer = item
    except Exception as exc:  # noqa: BLE001 - the stream has started: report the error inside it
        if not isinstance(exc, AssistantError):
            log.exception("completion stream failed")
        yield f"data: {json.dumps(error_payload(exc), ensure_ascii=False)}\n\n"
        return
    assert answer is not None
    for piece in split_chunks(markdown_answer(answer)):
        yield _chunk(cid, created, model, {"content": piece})
        await asyncio.sleep(0)
    yield _chunk(cid, created, model, {}, finish="stop")
    yield "data: [DONE]\n\n"
