"""Language-model mode: a LangChain chat model answers from the retrieved clauses and the calculators,
and a guard checks every cited id, quote and number (`guard.py`); a failing answer gets one retry and
then the extractive answer (`answerer.py`). Prompts live in `prompts.py`.

`ASSISTANT_LLM` (Settings.llm) chooses the chat model, resolved here in one place by LangChain's
`init_chat_model`, imports on use:

    none                 no language model (the pipeline answers extractively)
    openai:<model>       ChatOpenAI against any OpenAI-compatible server: ASSISTANT_LLM_BASE_URL
                         (or OPENAI_BASE_URL), ASSISTANT_LLM_API_KEY (or OPENAI_API_KEY), ASSISTANT_LLM_TIMEOUT
    ollama:<model>       ChatOllama; ASSISTANT_LLM_BASE_URL when the server is not on localhost:11434
    <provider>:<model>   any other provider `init_chat_model` knows (anthropic, mistralai, google_genai, …;
                         install its integration package, e.g. pip install langchain-anthropic)
    fake                 FakeChatModel (`fake.py`): queued responses, for tests and offline demos
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.errors import BackendUnavailable, ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from assistant.llm.answerer import LLMAnswerer

VALID = "none, fake, openai:<model>, ollama:<model>, <provider>:<model> (any provider init_chat_model knows)"


class MissingApiKey(Exception):
    """`openai:` without a key: the answerer then answers extractively with a notice."""


def _parse(value: str) -> tuple[str, str]:
    value = (value or "none").strip()
    if value in ("none", "fake"):
        return value, ""
    kind, sep, model = value.partition(":")
    if sep and kind.strip() and model.strip():
        return kind.strip(), model.strip()
    raise ConfigError(f"unknown ASSISTANT_LLM value {value!r}; valid values: {VALID}", details={"valid": VALID})


def _options(kind: str, settings: Settings, stream: bool) -> dict[str, Any]:
    """The keyword arguments for `init_chat_model`: deterministic, bounded in time, no retries (the answerer
    retries once itself, then answers extractively)."""
    if kind == "openai":
        if not settings.llm_api_key:
            raise MissingApiKey("ASSISTANT_LLM_API_KEY / OPENAI_API_KEY is not set")
        return {
            "base_url": settings.llm_base_url,
            "api_key": settings.llm_api_key,
            "timeout": settings.llm_timeout_s,
            "max_retries": 0,
            "temperature": 0,
            "streaming": stream,
            "use_responses_api": False,  # /v1/chat/completions: what every compatible server speaks
        }
    if kind == "ollama":
        options: dict[str, Any] = {"temperature": 0, "client_kwargs": {"timeout": settings.llm_timeout_s}}
        return options | ({"base_url": settings.llm_base_url} if settings.llm_base_url else {})
    options = {"temperature": 0, "timeout": settings.llm_timeout_s, "max_retries": 0}
    if settings.llm_base_url:
        options["base_url"] = settings.llm_base_url
    return options | ({"api_key": settings.llm_api_key} if settings.llm_api_key else {})


def make_chat_model(settings: Settings, *, stream: bool = False) -> Any:
    """The LangChain chat model named by `settings.llm` (None for `none`), built by `init_chat_model`."""
    kind, model = _parse(settings.llm)
    if kind == "none":
        return None
    if kind == "fake":
        from assistant.llm.fake import FakeChatModel

        return FakeChatModel()
    options = _options(kind, settings, stream)
    try:
        from langchain.chat_models import init_chat_model
    except ImportError as exc:  # pragma: no cover - langchain is a base dependency
        raise BackendUnavailable(f"langchain is not installed ({exc}); pip install -e .") from exc
    try:
        return init_chat_model(model, model_provider=kind, **options)
    except ImportError as exc:
        extra = "pip install -e '.[llm]'" if kind in ("openai", "ollama") else f"pip install langchain-{kind}"
        raise BackendUnavailable(f"the {kind} chat model needs its integration package: {extra} ({exc})") from exc
    except ValueError as exc:  # an unknown provider: init_chat_model lists the supported ones
        first = str(exc).strip().splitlines()
        supported = next((ln for ln in first if "Supported" in ln), first[-1] if first else "")
        raise ConfigError(
            f"unknown ASSISTANT_LLM value {settings.llm!r} (provider {kind!r}); valid values: {VALID}. {supported}",
            details={"valid": VALID},
        ) from None


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
