"""One factory for the chat model: openai:<model>, ollama:<model>, fake, none; lazy imports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.llm import make_answerer, make_chat_model
from assistant.llm.fake import FakeChatModel


@pytest.mark.parametrize("value", ["gpt-4o", "openai:", "ollama:  ", "nosuchprovider:model", "FAKE"])
def test_unknown_values_list_the_valid_ones(value):
    with pytest.raises(ConfigError) as exc:
        make_answerer(Settings(llm=value))
    assert "none, fake, openai:<model>, ollama:<model>" in exc.value.message


def test_any_provider_init_chat_model_knows_is_accepted_and_a_missing_package_is_named():
    """`<provider>:<model>` goes to LangChain's init_chat_model; without the integration package: one line."""
    from assistant.errors import BackendUnavailable

    with pytest.raises(BackendUnavailable, match="pip install langchain-anthropic"):
        make_chat_model(Settings(llm="anthropic:claude-x"))


def test_the_chat_model_is_built_by_init_chat_model(monkeypatch):
    import langchain.chat_models

    seen = {}

    def fake_init(model, *, model_provider=None, **kwargs):
        seen.update(model=model, provider=model_provider, **kwargs)
        return FakeChatModel()

    monkeypatch.setattr(langchain.chat_models, "init_chat_model", fake_init)
    model = make_chat_model(Settings(llm="mistralai:mistral-small", llm_timeout_s=9, llm_api_key="k"))
    assert isinstance(model, FakeChatModel)
    assert seen == {
        "model": "mistral-small",
        "provider": "mistralai",
        "temperature": 0,
        "timeout": 9.0,
        "max_retries": 0,
        "api_key": "k",
    }


def test_none_means_no_answerer():
    assert make_answerer(Settings(llm="none")) is None and make_chat_model(Settings()) is None


def test_openai_is_configured_from_the_settings():
    pytest.importorskip("langchain_openai")
    settings = Settings(llm="openai:my-model", llm_base_url="http://127.0.0.1:9/v1", llm_api_key="k", llm_timeout_s=7)
    chat = make_chat_model(settings)
    assert type(chat).__name__ == "ChatOpenAI" and chat.model_name == "my-model"
    assert chat.openai_api_base == "http://127.0.0.1:9/v1" and chat.openai_api_key.get_secret_value() == "k"
    assert chat.request_timeout == 7 and chat.max_retries == 0 and chat.temperature == 0


def test_openai_key_falls_back_to_the_openai_variables():
    pytest.importorskip("langchain_openai")
    settings = Settings.from_env(
        {"ASSISTANT_LLM": "openai:m", "OPENAI_API_KEY": "sk-x", "OPENAI_BASE_URL": "http://h/v1"}
    )
    chat = make_chat_model(settings)
    assert chat.openai_api_key.get_secret_value() == "sk-x" and chat.openai_api_base == "http://h/v1"


def test_ollama_is_configured_from_the_settings():
    pytest.importorskip("langchain_ollama")
    chat = make_chat_model(Settings(llm="ollama:qwen3:4b", llm_base_url="http://127.0.0.1:11434", llm_timeout_s=5))
    assert type(chat).__name__ == "ChatOllama" and chat.model == "qwen3:4b"
    assert chat.base_url == "http://127.0.0.1:11434" and chat.client_kwargs == {"timeout": 5.0}


def test_a_missing_api_key_answers_extractively_with_a_notice(fake_assistant):
    llm = make_answerer(Settings(llm="openai:gpt-4o-mini", llm_api_key=None))
    q = "Naar welk mailadres moet ik vragen over declaraties wijkverpleging sturen?"
    a = llm.answer(fake_assistant, q, None, None)
    assert a.mode == "llm-fallback" and a.answer == fake_assistant.extractive(q)[0].answer
    assert any("ASSISTANT_LLM_API_KEY" in n and "OPENAI_API_KEY" in n for n in a.notices)


def test_fake_setting_answers_offline_and_passes_the_guard(fake_assistant):
    llm = make_answerer(Settings(llm="fake"))
    assert isinstance(llm.model, FakeChatModel)
    a = llm.answer(fake_assistant, "Welke eisen gelden voor de gespecialiseerde casemanager dementie?", "demo", None)
    assert a.mode == "llm" and a.guard[-1].passed and a.citations
    follow = llm.answer(fake_assistant, "En hoeveel cliënten per fte?", "demo", None)
    assert follow.mode == "llm"


def test_importing_the_package_loads_no_backend():
    code = "import sys, assistant.llm; print(any(m.startswith(('langchain_openai', 'langchain_ollama', 'openai')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
