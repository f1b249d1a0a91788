"""The real server over a socket: uvicorn in a subprocess (httpx, the `openai` client), and uvicorn in
a thread with a slow stub (client disconnects mid-stream)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import openai
import pytest

from assistant.config import Settings
from assistant.serve.app import create_app

pytestmark = pytest.mark.slow

QUESTION = "Tot wanneer kan een nieuwe zorgaanbieder zich inschrijven?"


def server_errors(log: str) -> list[str]:
    return [ln for ln in log.splitlines() if "Traceback" in ln or "Exception in ASGI" in ln or " 500 " in ln]


def test_run_prints_the_url_and_serves_health(live_server):
    assert f"Open http://127.0.0.1:{live_server.port}" in live_server.log()
    h = httpx.get(f"{live_server.base}/health").json()
    assert h["status"] == "ok" and h["embedder"] == "fake" and h["years"] == [2024, 2027]


def test_ask_and_bad_input_over_the_wire(live_server):
    with httpx.Client(base_url=live_server.base, timeout=30) as c:
        body = c.post("/api/ask", json={"question": QUESTION}).json()
        assert body["answer"] and body["conversation_id"]
        with sqlite3.connect(live_server.db) as db:
            stored = db.execute(
                "SELECT text FROM turns WHERE conversation_id = ? AND role = 'user'", (body["conversation_id"],)
            ).fetchall()
        assert stored == [(QUESTION,)]
        r = c.post("/api/ask", content=b'{"question": ', headers={"Content-Type": "application/json"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_json"
        r = c.post("/api/ask", json={"question": "x" * 5000})
        assert r.status_code == 422 and r.json()["error"]["message"].startswith("question")
        r = c.get("/api/clauses/wv2027/does-not-exist")
        assert r.status_code == 404 and r.json() == {
            "error": {"code": "not_found", "message": "unknown clause id 'wv2027/does-not-exist'"}
        }


def test_chat_streams_events_incrementally(live_server, sse):
    seen: list[str] = []
    text = ""
    with httpx.Client(base_url=live_server.base, timeout=30) as c:
        with c.stream("POST", "/api/chat", json={"question": QUESTION}) as r:
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
            for line in r.iter_lines():
                if line.startswith("event:"):
                    seen.append(line[6:].strip())
                elif line.startswith("data:") and seen[-1] == "delta":
                    text += json.loads(line[5:])["text"]
    assert seen[0] == "meta" and seen[-3:] == ["citations", "tool_calls", "done"] and "delta" in seen
    assert "28 februari 2027" in text


def test_disconnecting_clients_do_not_break_the_server(live_server):
    for _ in range(5):
        with httpx.Client(base_url=live_server.base, timeout=30) as c:
            with c.stream("POST", "/api/chat", json={"question": QUESTION}) as r:
                next(r.iter_raw())  # read the first chunk, then drop the connection
        with httpx.Client(base_url=live_server.base, timeout=30) as c:
            with c.stream(
                "POST",
                "/v1/chat/completions",
                json={
                    "model": "cz-wijkverpleging",
                    "stream": True,
                    "messages": [{"role": "user", "content": QUESTION}],
                },
            ) as r:
                next(r.iter_raw())
    assert httpx.get(f"{live_server.base}/health").status_code == 200
    assert httpx.post(f"{live_server.base}/api/ask", json={"question": QUESTION}, timeout=30).status_code == 200
    time.sleep(0.3)
    assert server_errors(live_server.log()) == []


def test_concurrent_requests(live_server):
    def one(i: int) -> int:
        r = httpx.post(f"{live_server.base}/api/ask", json={"question": f"{QUESTION} ({i})"}, timeout=60)
        return r.status_code

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(one, range(16))) == [200] * 16


def test_openai_client_non_streaming(live_server):
    client = openai.OpenAI(base_url=f"{live_server.base}/v1", api_key="not-needed", max_retries=0, timeout=30)
    assert [m.id for m in client.models.list().data] == ["cz-wijkverpleging"]
    resp = client.chat.completions.create(
        model="cz-wijkverpleging",
        messages=[
            {"role": "system", "content": "Je bent een assistent."},
            {"role": "user", "content": "Hallo"},
            {"role": "assistant", "content": "Waarmee kan ik helpen?"},
            {"role": "user", "content": QUESTION},
        ],
    )
    content = resp.choices[0].message.content
    assert resp.choices[0].finish_reason == "stop" and resp.model == "cz-wijkverpleging"
    assert "\n\n**Bronnen**\n1. §" in content and "(2027)" in content
    assert "28 februari 2027" in content
    assert resp.usage.total_tokens > 0


def test_openai_client_streaming_matches_non_streaming(live_server):
    client = openai.OpenAI(base_url=f"{live_server.base}/v1", api_key="not-needed", max_retries=0, timeout=30)
    messages = [{"role": "user", "content": QUESTION}]
    whole = client.chat.completions.create(model="cz-wijkverpleging", messages=messages).choices[0].message.content
    pieces, finish = [], None
    for chunk in client.chat.completions.create(model="cz-wijkverpleging", messages=messages, stream=True):
        delta = chunk.choices[0].delta
        if delta.content:
            pieces.append(delta.content)
        finish = chunk.choices[0].finish_reason or finish
    assert len(pieces) >= 3 and "".join(pieces) == whole and finish == "stop"


def test_openai_client_errors(live_server):
    client = openai.OpenAI(base_url=f"{live_server.base}/v1", api_key="x", max_retries=0, timeout=30)
    with pytest.raises(openai.NotFoundError, match="cz-wijkverpleging"):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": QUESTION}])
    with pytest.raises(openai.UnprocessableEntityError, match="no user message"):
        client.chat.completions.create(model="cz-wijkverpleging", messages=[{"role": "system", "content": "hi"}])
    with pytest.raises(openai.UnprocessableEntityError, match="question"):
        client.chat.completions.create(model="cz-wijkverpleging", messages=[{"role": "user", "content": "x" * 4001}])


class SlowAssistant:
    """The fake pipeline, but composing takes a while (so a client can leave mid-answer)."""

    def __init__(self, real, delay: float) -> None:
        self._real, self.delay = real, delay
        self.finished = threading.Event()

    def __getattr__(self, name):
        return getattr(self._real, name)

    def ask(self, question, conversation_id=None, year=None):
        time.sleep(self.delay)
        try:
            return self._real.ask(question, conversation_id=conversation_id, year=year)
        finally:
            self.finished.set()

    def respond(self, question, state=None, year=None):
        time.sleep(self.delay)
        try:
            return self._real.respond(question, state, year)
        finally:
            self.finished.set()


def test_disconnect_while_composing(tmp_path, fake_assistant, thread_server, caplog):
    slow = SlowAssistant(fake_assistant, delay=1.0)
    settings = Settings(data_dir=tmp_path, embedder="fake")
    with thread_server(create_app(settings, assistant=slow)) as srv:
        with httpx.Client(base_url=srv.base, timeout=30) as c:
            with c.stream("POST", "/api/chat", json={"question": QUESTION}) as r:
                lines = r.iter_lines()
                assert next(lines) == "event: meta"
                meta = json.loads(next(lines)[5:])
        # the client is gone while the answer is being composed; the server finishes and stores it
        assert slow.finished.wait(10)
        time.sleep(0.3)
        with sqlite3.connect(tmp_path / "assistant.sqlite3") as db:
            roles = db.execute(
                "SELECT role FROM turns WHERE conversation_id = ? ORDER BY id", (meta["conversation_id"],)
            ).fetchall()
        assert roles == [("user",), ("assistant",)]
        assert httpx.get(f"{srv.base}/health").status_code == 200
        assert httpx.post(f"{srv.base}/api/ask", json={"question": QUESTION}, timeout=30).status_code == 200
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]


def test_keep_alive_pings_while_composing(tmp_path, fake_assistant, thread_server, monkeypatch):
    """FastAPI's EventSourceResponse sends the keep-alive comments (every 15 s; shortened here)."""
    import fastapi.routing

    monkeypatch.setattr(fastapi.routing, "_PING_INTERVAL", 0.2)
    slow = SlowAssistant(fake_assistant, delay=0.9)
    with thread_server(create_app(Settings(data_dir=tmp_path, embedder="fake"), assistant=slow)) as srv:
        r = httpx.post(f"{srv.base}/api/chat", json={"question": QUESTION}, timeout=30)
    assert r.text.count(": ping") >= 2
    assert r.text.index(": ping") < r.text.index("event: delta")
