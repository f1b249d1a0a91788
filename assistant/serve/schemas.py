"""Request and response models of the HTTP API (the OpenAPI docs at /docs are built from these)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.domain import Citation, Passage, SearchHit
from assistant.serve.validation import pydantic_text

MAX_QUESTION = 4000
CONVERSATION_ID = r"^[A-Za-z0-9_-]{1,64}$"


def _not_blank(value: str) -> str:
    value = pydantic_text(value) or ""
    if not value.strip():
        raise ValueError("must not be empty or only whitespace")
    return value


def _plain(value: str | None) -> str | None:
    return pydantic_text(value)


class ErrorBody(BaseModel):
    code: str = Field(examples=["invalid_input"])
    message: str = Field(examples=["question: must not be empty or only whitespace"])


class ErrorResponse(BaseModel):
    error: ErrorBody


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    question: str = Field(
        min_length=1, max_length=MAX_QUESTION, examples=["Tot wanneer kan een nieuwe zorgaanbieder zich inschrijven?"]
    )
    year: int | None = Field(
        default=None,
        description="Limit to one policy year (e.g. 2027 or 2024); null = both, preferring the current one",
    )
    conversation_id: str | None = Field(
        default=None, pattern=CONVERSATION_ID, description="Continue a conversation; a new one is created when absent"
    )

    _check_question = field_validator("question")(_not_blank)


class SearchResponse(BaseModel):
    query: str
    k: int
    year: int | None
    hits: list[SearchHit]


class ClauseSummary(BaseModel):
    id: str
    doc: str
    year: int
    section: str
    title: str
    heading_trail: list[str]
    line_start: int
    line_end: int


class ClauseList(BaseModel):
    total: int
    clauses: list[ClauseSummary]


class ClauseDetail(ClauseSummary):
    text: str
    document_title: str
    status: str
    passages: list[Passage]
    quote: str | None = Field(default=None, description="The quote asked for with ?quote=")
    highlights: list[tuple[int, int]] = Field(
        default_factory=list, description="[start, end) character offsets of the quote in `text` (whitespace-tolerant)"
    )


class ToolInfo(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str
    description: str
    description_en: str | None = None
    input_schema: dict[str, Any]


class ToolList(BaseModel):
    tools: list[ToolInfo]


class VerifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    claim: str = Field(
        min_length=1,
        max_length=2000,
        examples=["Nieuwe zorgaanbieders hebben een verwachte zorgomzet van minimaal € 50.000."],
    )

    _check_claim = field_validator("claim")(_not_blank)


class VerifySource(BaseModel):
    clause_id: str
    doc: str
    year: int
    section: str
    title: str
    quote: str  # the sentence, or for a table the row the claim is about (verbatim, whitespace collapsed)
    line_start: int
    line_end: int
    header: str | None = Field(default=None, description="Table claims: the table's header row")
    column: str | None = Field(default=None, description="Table claims: the header of the column compared")
    cell: str | None = Field(default=None, description="Table claims: the cell the claim was compared with")


class Difference(BaseModel):
    claim: str
    source: str
    kind: Literal["number", "date", "term"]


class VerifyResponse(BaseModel):
    verdict: Literal["supported", "contradicted", "not_found"]
    claim: str
    source: VerifySource | None = None
    differences: list[Difference] = Field(default_factory=list)
    overlap: float = 0.0


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    rating: Literal["up", "down"]
    conversation_id: str | None = Field(default=None, pattern=CONVERSATION_ID)
    question: str | None = Field(default=None, max_length=MAX_QUESTION)
    answer: str | None = Field(default=None, max_length=20_000)
    comment: str | None = Field(default=None, max_length=2000)
    client_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="An id the client makes up once per rating (like the Idempotency-Key header): a retried post "
        "with the same id returns the first row instead of storing a second one",
    )

    _check_text = field_validator("question", "answer", "comment")(_plain)


class ReindexRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    full: bool = Field(default=False, description="Re-embed every passage (otherwise only new or changed ones)")


class ReindexStatus(BaseModel):
    status: Literal["idle", "running", "done", "failed"]
    full: bool | None = None
    started_at: str | None = None
    finished_at: str | None = None
    seconds: float | None = None
    messages: list[str] = Field(default_factory=list)
    index: dict[str, Any] | None = Field(default=None, description="The index now in use (after `done`)")
    error: ErrorBody | None = None


class FeedbackResponse(BaseModel):
    id: int
    stored: bool = True
    replayed: bool = Field(default=False, description="True when an earlier post with this Idempotency-Key stored it")


class FeedbackList(BaseModel):
    feedback: list[dict[str, Any]]


class RatingCounts(BaseModel):
    up: int = 0
    down: int = 0


class FeedbackSummary(BaseModel):
    total: int
    by_rating: RatingCounts
    by_intent: dict[str, RatingCounts] = Field(
        description="Per intent of the rated answer (clause, tool:<calculator>, refuse:<reason>, …; unknown when "
        "the answer is not in a stored conversation)"
    )
    by_day: dict[str, RatingCounts] = Field(description="Per day (YYYY-MM-DD, server time)")


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    text: str
    meta: dict[str, Any]
    created_at: str


class ConversationResponse(BaseModel):
    conversation_id: str
    turns: list[Turn]


class Health(BaseModel):
    status: Literal["ok", "loading", "error"]
    index_loaded: bool
    embedder: str | None = None
    documents: list[dict[str, Any]] = Field(default_factory=list)
    years: list[int] = Field(default_factory=list)
    passages: int = 0
    clauses: int = 0
    index_collection: str | None = Field(
        default=None, description="The index build this worker answers from (the same on every worker)"
    )
    error: ErrorBody | None = Field(default=None, description="Why the index is not (yet) usable")


# OpenAI-compatible ----------------------------------------------------------------------------


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatCompletionRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, max_tokens, ... are accepted and ignored

    model: str
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = Field(default=False, strict=True)
    year: int | None = Field(default=None, strict=True, description="Extension: limit to one policy year")
    conversation_id: str | None = Field(default=None, pattern=CONVERSATION_ID, description="Extension")


class ModelInfo(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelInfo]


class ChatChoiceMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class ChatChoice(BaseModel):
    index: int = 0
    message: ChatChoiceMessage
    finish_reason: Literal["stop"] = "stop"


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[ChatChoice]
    usage: Usage
    citations: list[Citation] = Field(default_factory=list, description="Extension: the structured citations")
