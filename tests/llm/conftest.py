"""Fixtures for the language-model mode: a fake chat model answerer, a retrieval spy and a tiny
OpenAI-compatible HTTP server (127.0.0.1, a thread) that speaks `POST /v1/chat/completions`, plain
and streaming (SSE), with a tool call followed by a final answer. No network, no real model."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from assistant.config import Settings
from assistant.llm import make_answerer
from assistant.llm.fake import FakeChatModel


@pytest.fixture
def make_llm():
    """`make_llm(*responses, **settings) -> (answerer, model)` with a FakeChatModel that has no fallback
    responder, so a test fails loudly when the answerer asks more than was scripted."""

    def build(*responses: Any, stream: bool = False, **overrides: Any):
        model = FakeChatModel(responder=None).queue(*responses)
        settings = Settings(llm="fake", **overrides)
        return make_answerer(settings, model=model, stream=stream), model

    return build


@pytest.fixture
def search_spy(fake_assistant, monkeypatch) -> list[str]:
    """Every query that reaches the retriever, in order."""
    queries: list[str] = []
    real = fake_assistant.index.retriever.search

    def spy(query: str, k: int = 5, year: int | None = None):
        queries.append(query)
        return real(query, k=k, year=year)

    monkeypatch.setattr(fake_assistant.index.retriever, "search", spy)
    return queries


# ------------------------------------------------------------------ OpenAI-compatible stub server


@dataclass
class Stub:
    url: str
    requests: list[dict] = field(default_factory=list)
    headers: list[dict] = field(default_factory=list)


def _tool_call_turn(body: dict) -> dict | None:
    """The stub's script: without a tool result yet it calls postcode_average; with one it answers with
    the calculator's verdict and its first citation, quoted verbatim with the clause id."""
    tool_results = [m for m in body["messages"] if m.get("role") == "tool"]
    if body.get("tools") and not tool_results:
        return {"tool": ("postcode_average", json.dumps({"clients_per_postcode": [5, 1, 2]}))}
    data = json.loads(tool_results[-1]["content"])
    cite = data["citations"][0]
    return {"text": f"{data['verdict']} «{cite['quote']}» [{cite['clause_id']}]"}


def _completion(turn: dict, model: str) -> dict:
    if "tool" in turn:
        name, args = turn["tool"]
        message = {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": name, "arguments": args}}],
        }
        finish = "tool_calls"
    else:
        message, finish = {"role": "assistant", "content": turn["text"]}, "stop"
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def _chunks(turn: dict, model: str) -> Iterator[dict]:
    def chunk(delta: dict, finish: str | None = None) -> dict:
        return {
            "id": "chatcmpl-stub",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }

    if "tool" in turn:
        name, args = turn["tool"]
        head = {"index": 0, "id": "call_1", "type": "function", "function": {"name": name, "arguments": ""}}
        yield chunk({"role": "assistant", "content": None, "tool_calls": [head]})
        for i in range(0, len(args), 7):  # the arguments arrive in pieces
            yield chunk({"tool_calls": [{"index": 0, "function": {"arguments": args[i : i + 7]}}]})
        yield chunk({}, "tool_calls")
    else:
        yield chunk({"role": "assistant", "content": ""})
        text = turn["text"]
        for i in range(0, len(text), 11):
            yield chunk({"content": text[i : i + 11]})
        yield chunk({}, "stop")


def _handler(stub: Stub, mode: str, sleep_s: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep pytest output clean
            pass

        def do_POST(self) -> None:  # noqa: N802 - http.server API
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            stub.requests.append(body)
            stub.headers.append(dict(self.headers))
            if self.path.rstrip("/") != "/v1/chat/completions":
                return self._json(404, {"error": {"message": f"no route {self.path}"}})
            if mode == "500":
                return self._json(500, {"error": {"message": "stub failure", "type": "server_error"}})
            if mode == "sleep":
                time.sleep(sleep_s)
            turn = _tool_call_turn(body)
            model = body.get("model", "stub")
            if not body.get("stream"):
                return self._json(200, _completion(turn, model))
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            try:
                for c in _chunks(turn, model):
                    self.wfile.write(f"data: {json.dumps(c)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

        def _json(self, status: int, payload: dict) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@pytest.fixture
def openai_stub(monkeypatch) -> Iterator[Callable[..., Stub]]:
    """`openai_stub(mode="ok"|"500"|"sleep", sleep_s=...) -> Stub` (base URL ends in /v1)."""
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    servers: list[ThreadingHTTPServer] = []

    def start(mode: str = "ok", sleep_s: float = 0.0) -> Stub:
        stub = Stub(url="")
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stub, mode, sleep_s))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        stub.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        return stub

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
