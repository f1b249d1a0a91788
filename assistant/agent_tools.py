"""The assistant as tools for agents, behind every door (MCP in `serve/mcp.py`, LangChain in `langchain.py`):
the argument models and the functions that answer them, returning the JSON the HTTP API returns for the same
request. Bad arguments are `InvalidInput` with one line naming the field and what is allowed.

The argument models are the API's own (`AskRequest`, `VerifyRequest`, the calculators' input models), plus
`SearchArgs` and `ClauseArgs` for the two GET endpoints whose parameters the routes take from the URL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import InvalidInput
from assistant.serve.schemas import MAX_QUESTION, SearchResponse, VerifyResponse

if TYPE_CHECKING:  # pragma: no cover
    from assistant.answer.pipeline import Assistant


class SearchArgs(BaseModel):
    """`GET /api/search` as a model (the route takes these as query parameters)."""

    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=MAX_QUESTION, description="What to look for (Dutch or English)")
    k: int = Field(5, ge=1, le=50, description="How many passages")
    year: int | None = Field(None, description="Only this policy year (2027 or 2024); leave out for both")


class ClauseArgs(BaseModel):
    """`GET /api/clauses/{clause_id}?quote=` as a model."""

    model_config = ConfigDict(extra="forbid")

    clause_id: str = Field(min_length=1, max_length=200, description="A clause id such as wv2027/3.2.1")
    quote: str | None = Field(None, max_length=MAX_QUESTION, description="A quote to locate in the clause")


DESCRIPTIONS = {
    "search_policy": "Hybrid search (BM25 + dense) over the policy passages; each hit has its clause id, section, "
    "year and text. Like GET /api/search.",
    "get_clause": "One clause of the policy: full text, heading trail, year, line span, its passages; with `quote`, "
    "where that quote stands in it. Like GET /api/clauses/{clause_id}.",
    "verify_claim": "Check a sentence about the policy: supported, contradicted (the differing numbers, dates or "
    "terms marked) or not_found, with the policy sentence it was checked against. Like POST /api/verify.",
    "ask": "Answer a question with verbatim quotes (and a calculator where one applies); give conversation_id from "
    "an earlier answer to ask a follow-up. Stores the turn. Like POST /api/ask.",
}


def validate(model: type[BaseModel], arguments: Any) -> BaseModel:
    """`model.model_validate(arguments)`, a failure as one line: "k: must be at most 50 (got 99)"."""
    from tools.registry import format_validation_error

    if not isinstance(arguments, dict):
        raise InvalidInput(f"arguments must be an object of named values (got {type(arguments).__name__})")
    try:
        return model.model_validate(arguments)
    except ValidationError as exc:
        raise InvalidInput(format_validation_error(exc, model)) from None


def search(assistant: Assistant, args: SearchArgs) -> dict[str, Any]:
    from assistant.serve.validation import clean_text

    hits = assistant.search(clean_text(args.query, "query"), k=args.k, year=args.year)
    return SearchResponse(query=args.query, k=args.k, year=args.year, hits=hits).model_dump(mode="json")


def clause(assistant: Assistant, args: ClauseArgs) -> dict[str, Any]:
    from assistant.serve import service
    from assistant.serve.validation import clean_text

    quote = clean_text(args.quote, "quote") if args.quote else args.quote
    return service.clause_detail(assistant, clean_text(args.clause_id, "clause_id"), quote).model_dump(mode="json")


def verify(assistant: Assistant, args: BaseModel) -> dict[str, Any]:
    from assistant.answer.verify import verify_claim

    return VerifyResponse(**verify_claim(assistant, args.claim)).model_dump(mode="json")  # type: ignore[attr-defined]


def calculator(name: str, args: BaseModel) -> dict[str, Any]:
    """A calculator through the registry, as `POST /api/tools/{name}` runs it."""
    from assistant.serve import service
    from assistant.serve.deps import get_tools

    return service.run_tool(get_tools(), name, args.model_dump(mode="json", exclude_unset=True))
