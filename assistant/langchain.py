"""LangChain doors to the assistant: a `BaseRetriever` for the hybrid search and `StructuredTool`s for search,
clause lookup, verify and every calculator. The tools run the same functions as the API and the MCP server
(`assistant.agent_tools`, `tools.langchain`) and return the same JSON; a bad argument comes back to the model as
one line naming the field and what is allowed, never an exception out of the agent.

    from assistant.answer.pipeline import Assistant
    from assistant.langchain import PolicyRetriever, policy_tools

    assistant = Assistant.create()
    docs = PolicyRetriever(assistant=assistant, k=5).invoke("postcodegebied")   # Documents with clause metadata
    agent = langchain.agents.create_agent(model, tools=policy_tools(assistant))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.tools import StructuredTool, ToolException
from pydantic import BaseModel, ConfigDict

from assistant import agent_tools
from assistant.agent_tools import ClauseArgs, SearchArgs
from assistant.errors import AssistantError

if TYPE_CHECKING:  # pragma: no cover
    from assistant.answer.pipeline import Assistant
    from assistant.domain import SearchHit

__all__ = ["PolicyRetriever", "hit_document", "policy_tools"]


def hit_document(hit: SearchHit) -> Document:
    """A search hit as a LangChain Document: the passage text, and where it stands in the metadata."""
    p = hit.passage
    return Document(
        id=p.id,
        page_content=p.text,
        metadata={
            "clause_id": p.clause_id,
            "passage_id": p.id,
            "doc": p.doc,
            "year": p.year,
            "section": p.section,
            "title": p.title,
            "heading_trail": list(p.heading_trail),
            "line_start": p.line_start,
            "line_end": p.line_end,
            "score": hit.score,
        },
    )


class PolicyRetriever(BaseRetriever):
    """The hybrid search (Dutch BM25 + dense vectors served by Chroma) as a LangChain retriever."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any
    k: int = 5
    year: int | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [hit_document(h) for h in self.assistant.search(query, k=self.k, year=self.year)]


def _tool(name: str, description: str, model: type[BaseModel], run: Any) -> StructuredTool:
    """A StructuredTool whose schema is `model`; our errors become ToolExceptions (the model reads the line)."""

    def func(**kwargs: Any) -> dict[str, Any]:
        try:
            return run(agent_tools.validate(model, kwargs))
        except AssistantError as exc:
            raise ToolException(exc.message) from None

    func.__name__ = name
    return StructuredTool.from_function(
        func=func,
        name=name,
        description=description,
        args_schema=model,
        handle_tool_error=True,
        handle_validation_error=lambda exc, model=model: _validation_line(exc, model),
    )


def _validation_line(exc: Exception, model: type[BaseModel]) -> str:
    from pydantic import ValidationError

    from tools.registry import format_validation_error

    return format_validation_error(exc, model) if isinstance(exc, ValidationError) else str(exc)


def policy_tools(assistant: Assistant) -> list[StructuredTool]:
    """search_policy, get_clause, verify_claim and every calculator (`tools.langchain.as_langchain_tools`)."""
    from assistant.serve.schemas import VerifyRequest
    from tools.langchain import as_langchain_tools

    d = agent_tools.DESCRIPTIONS
    return [
        _tool("search_policy", d["search_policy"], SearchArgs, lambda a: agent_tools.search(assistant, a)),
        _tool("get_clause", d["get_clause"], ClauseArgs, lambda a: agent_tools.clause(assistant, a)),
        _tool("verify_claim", d["verify_claim"], VerifyRequest, lambda a: agent_tools.verify(assistant, a)),
        *as_langchain_tools(),
    ]
