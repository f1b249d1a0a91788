"""A fake LangChain chat model with queued responses (`ASSISTANT_LLM=fake`, and the tests' model).

Each call takes the next queued item: an `AIMessage`, a string, an exception (raised), or a callable
`(messages) -> AIMessage | str`. With an empty queue the `responder` answers (by default
`grounded_echo`, which quotes the first clause it was given, so `ASSISTANT_LLM=fake` works offline).
Every prompt it receives is kept in `calls`, the tool names it was bound to in `bound_tools`.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import Field

from assistant.llm import prompts

_ids = itertools.count(1)


def tool_call(name: str, args: dict[str, Any], call_id: str | None = None) -> AIMessage:
    """A scripted model turn that calls one tool."""
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": call_id or f"call_{next(_ids)}"}])


def last_human(messages: Sequence[BaseMessage]) -> str:
    return next((str(m.content) for m in reversed(messages) if isinstance(m, HumanMessage)), "")


def tool_messages(messages: Sequence[BaseMessage]) -> list[ToolMessage]:
    return [m for m in messages if isinstance(m, ToolMessage)]


def grounded_echo(messages: Sequence[BaseMessage]) -> AIMessage:
    """Quote the first sentence of the first clause in the prompt with its id; return a follow-up
    question unchanged when asked to rewrite one."""
    text = last_human(messages)
    for head in prompts.FOLLOW_UP.values():
        if head in text:
            return AIMessage(content=text.rsplit(head, 1)[1].strip())
    m = re.search(r"^\[([^\]\n]+)\][^\n]*\n([^\n]+)", text, re.M)
    if not m:
        return AIMessage(content="Het beleid zegt hier niets over. / The policy does not say this.")
    sentence = re.split(r"(?<=[.;:])\s", m.group(2).strip(), maxsplit=1)[0]
    return AIMessage(content=f"«{sentence}» [{m.group(1)}]")


class FakeChatModel(BaseChatModel):
    """Queued responses; supports `bind_tools` and `stream` (one chunk per message)."""

    responses: list[Any] = Field(default_factory=list)
    responder: Callable[[list[BaseMessage]], AIMessage | str] | None = grounded_echo
    calls: list[list[BaseMessage]] = Field(default_factory=list)
    bound_tools: list[str] = Field(default_factory=list)
    sleep_s: float = 0.0

    @property
    def _llm_type(self) -> str:
        return "fake-queued"

    def queue(self, *items: Any) -> FakeChatModel:
        self.responses.extend(items)
        return self

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any):  # type: ignore[override]
        schemas = [convert_to_openai_tool(t) for t in tools]
        self.bound_tools = [s["function"]["name"] for s in schemas]
        return self.bind(tools=schemas, **kwargs)

    def _generate(self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs: Any) -> ChatResult:
        self.calls.append(list(messages))
        if self.sleep_s:
            time.sleep(self.sleep_s)
        if self.responses:
            item = self.responses.pop(0)
        elif self.responder is not None:
            item = self.responder
        else:
            raise RuntimeError("FakeChatModel: no queued response left")
        if isinstance(item, BaseException):
            raise item
        if callable(item) and not isinstance(item, BaseMessage):
            item = item(list(messages))
        message = AIMessage(content=item) if isinstance(item, str) else item
        return ChatResult(generations=[ChatGeneration(message=message)])
