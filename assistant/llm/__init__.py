"""Language-model mode: a LangChain chat model answers from the retrieved clauses and the calculators,
and a guard checks every cited id, quote and number (`guard.py`); a failing answer gets one retry and
then the extractive answer (`answerer.py`). Prompts live in `prompts.py`.

`ASSISTANT_LLM` (Settings.llm) chooses the chat model, resolved here in one place, imports on use:

    none              no language model (the pipeline answers extractively)
    openai:<model>    ChatOpenAI against any OpenAI-compatible server: ASSISTANT_LLM_BASE_URL
                      (or OPENAI_BASE_URL), ASSISTANT_LLM_API_KEY (or OPENAI_API_KEY), ASSISTANT_LLM_TIMEOUT
    ollama:<model>    ChatOllama; ASSISTANT_LLM_BASE_URL when the server is not on localhost:11434
    fake              FakeChatModel (`fake.py`): queued responses, for tests and offline demos
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.errors import BackendUnavailable, ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from assistant.llm.answerer import LLMAnswerer

VALID = "none, fake, openai:<model>, ollama:<model>"


class MissingApiKey(Exception):
    """`openai:` without a key: the answerer then answers extractively with a notice."""


def _parse(value: str) -> tuple[str, str]:
    value = (value or "none").strip()
    if value in ("none", "fake"):
        return value, ""
    kind, sep, model = value.partition(":")
    if sep and kind in ("openai", "ollama") and model.strip():
        return kind, model.strip()
    raise ConfigError(f"unknown ASSISTANT_LLM value {value!r}; valid values: {VALID}", details={"valid": VALID})


def make_chat_model(settings: Settings, *, stream: bool = False) -> Any:
    """The LangChain chat model named by `settings.llm` (None for `none`)."""
    kind, model = _parse(settings.llm)
    if kind == "none":
        return None
    if kind == "fake":
        from assistant.llm.fake import FakeChatModel

        return FakeChatModel()
    if kind == "openai":
        if not settings.llm_api_key:
            raise MissingApiKey("ASSISTANT_LLM_API_KEY / OPENAI_API_KEY is not set")
        ChatOpenAI = _load("langchain_openai", "ChatOpenAI")
        return ChatOpenAI(
            model=model,
            base_url=settings.llm_base_url,
            api_key=settings.llm_api_key,
            timeout=settings.llm_timeout_s,
            max_retries=0,
            temperature=0,
            streaming=stream,
            use_responses_api=False,  # /v1/chat/completions: what every compatible server speaks
        )
    ChatOllama = _load("langchain_ollama", "ChatOllama")
    options: dict[str, Any] = {"model": model, "temperature": 0, "client_kwargs": {"timeout": settings.llm_timeout_s}}
    if settings.llm_base_url:
        options["base_url"] = settings.llm_base_url
    return ChatOllama(**options)


def make_answerer(settings: Settings, *, model: Any = None, stream: bool = False) -> LLMAnswerer | None:
    """The answerer for `settings.llm` (None for `none`). `model` overrides the chat model (tests);
    `stream=True` reads the model's answers as streams (same result, exercised by the tests)."""
    from assistant.llm.answerer import LLMAnswerer

    if model is not None:
        return LLMAnswerer(settings, model, stream=stream)
    try:
        chat = make_chat_model(settings, stream=stream)
    except MissingApiKey:
        return LLMAnswerer(settings, None, unavailable="no_key")
    return None if chat is None else LLMAnswerer(settings, chat, stream=stream)


def _load(module: str, name: str) -> Any:
    try:
        return getattr(__import__(module, fromlist=[name]), name)
    except ImportError as exc:
        raise BackendUnavailable(
            f"{module} is not installed; install the extra: pip install -e '.[llm]' ({exc})"
        ) from exc
