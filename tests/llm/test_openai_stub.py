"""The real ChatOpenAI client path, end to end, against a local OpenAI-compatible stub server."""

from __future__ import annotations

import json
import time

import pytest

from assistant.config import Settings
from assistant.llm import make_answerer

pytest.importorskip("langchain_openai", reason="the [llm] extra is not installed")

POSTCODE_Q = (
    "Wij zijn een bestaande aanbieder. We hadden 5 cliënten in postcode 5041, 1 in 5042 en 2 in 5043. "
    "Voldoen we aan de postcode-eis voor 2027?"
)


def _settings(url: str, timeout: float = 10.0) -> Settings:
    return Settings(llm="openai:stub", llm_base_url=url, llm_api_key="x", llm_timeout_s=timeout)


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "sse"])
def test_tool_call_then_final_answer_through_chat_openai(fake_assistant, openai_stub, stream):
    stub = openai_stub()
    llm = make_answerer(_settings(stub.url), stream=stream)
    assert type(llm.model).__name__ == "ChatOpenAI"
    a = llm.answer(fake_assistant, POSTCODE_Q, None, None)

    assert a.mode == "llm", (a.notices, a.guard)
    assert a.answer.startswith("Gemiddeld 2,67 CZ-cliënten per postcodegebied (8 ÷ 3)") and "[wv2027/2.3.2]" in a.answer
    assert a.tool_calls[0].name == "postcode_average" and a.tool_calls[0].result["compliant"] is False
    assert a.citations and all(fake_assistant.corpus.quote_in_clause(c.quote, c.clause_id) for c in a.citations)

    first, second = stub.requests
    assert first["model"] == "stub" and bool(first.get("stream")) is stream
    assert "postcode_average" in {t["function"]["name"] for t in first["tools"]}
    assert {k.lower(): v for k, v in stub.headers[0].items()}["authorization"] == "Bearer x"
    tool_msg = next(m for m in second["messages"] if m["role"] == "tool")
    assert tool_msg["tool_call_id"] == "call_1" and json.loads(tool_msg["content"])["average"] == pytest.approx(2.67)
    call = next(m for m in second["messages"] if m["role"] == "assistant")["tool_calls"][0]
    assert json.loads(call["function"]["arguments"]) == {"clients_per_postcode": [5, 1, 2]}


def test_a_server_error_falls_back_with_a_notice(fake_assistant, openai_stub):
    stub = openai_stub("500")
    a = make_answerer(_settings(stub.url)).answer(fake_assistant, POSTCODE_Q, None, None)
    assert a.mode == "llm-fallback" and a.answer == fake_assistant.extractive(POSTCODE_Q)[0].answer
    assert any("HTTP 500" in n for n in a.notices) and len(stub.requests) == 1  # max_retries=0


def test_a_server_slower_than_the_timeout_falls_back_in_time(fake_assistant, openai_stub):
    stub = openai_stub("sleep", sleep_s=3.0)
    llm = make_answerer(_settings(stub.url, timeout=0.5))
    started = time.monotonic()
    a = llm.answer(fake_assistant, POSTCODE_Q, None, None)
    assert time.monotonic() - started < 1.5
    assert a.mode == "llm-fallback" and any("0.5 s" in n for n in a.notices)
    assert a.answer == fake_assistant.extractive(POSTCODE_Q)[0].answer


def test_an_unreachable_server_falls_back(fake_assistant):
    a = make_answerer(_settings("http://127.0.0.1:9/v1", timeout=2)).answer(fake_assistant, POSTCODE_Q, None, None)
    assert a.mode == "llm-fallback" and any("ConnectionError" in n for n in a.notices)
