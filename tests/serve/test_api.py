"""Every endpoint through TestClient on the fake-embedder pipeline, and every kind of bad input."""

from __future__ import annotations

import re
import sqlite3
import time

import pytest
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.domain import Answer, Citation, collapse_ws
from assistant.errors import BackendUnavailable, IndexError_
from assistant.serve.app import STATIC, create_app
from assistant.serve.deps import get_assistant, get_tools

QUESTION = "Tot wanneer kan een nieuwe zorgaanbieder zich inschrijven?"


def rows(settings: Settings, sql: str, *params):
    with sqlite3.connect(settings.data_dir / "assistant.sqlite3") as db:
        return db.execute(sql, params).fetchall()


def assert_error(r, status: int, code: str, *words: str) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code, body
    for w in words:
        assert w in body["error"]["message"], body
    assert "Traceback" not in r.text
    return body["error"]


class StubAssistant:
    """The fake pipeline, with answering (`ask` and `respond`, which the API calls with the stored state) replaced."""

    def __init__(self, real, ask=None) -> None:
        self._real = real
        self._ask = ask

    def __getattr__(self, name):
        return getattr(self._real, name)

    def ask(self, question, conversation_id=None, year=None):
        return self._ask(question, conversation_id=conversation_id, year=year)

    def respond(self, question, state=None, year=None):
        return self._ask(question, year=year), state


# ---------------------------------------------------------------------------------------- ask
def test_ask_answers_with_citations_and_stores_the_turn(client, app_settings, fake_assistant):
    r = client.post("/api/ask", json={"question": QUESTION})
    assert r.status_code == 200, r.text
    body = Answer(**r.json())
    assert body.answer and not body.refused
    assert re.fullmatch(r"[0-9a-f]{32}", body.conversation_id)
    assert body.retrieved and body.retrieved[0].clause_id.startswith("wv2027/")
    for c in body.citations:
        assert fake_assistant.corpus.quote_in_clause(c.quote, c.clause_id)
    turns = rows(
        app_settings, "SELECT role, text FROM turns WHERE conversation_id = ? ORDER BY id", body.conversation_id
    )
    assert turns == [("user", QUESTION), ("assistant", body.answer)]


def test_ask_continues_a_conversation(client, app_settings):
    first = client.post("/api/ask", json={"question": QUESTION}).json()
    second = client.post(
        "/api/ask", json={"question": "En hoe vaak per jaar?", "conversation_id": first["conversation_id"]}
    )
    assert second.status_code == 200
    assert second.json()["conversation_id"] == first["conversation_id"]
    assert rows(app_settings, "SELECT count(*) FROM turns WHERE conversation_id = ?", first["conversation_id"]) == [
        (4,)
    ]
    history = client.get(f"/api/conversations/{first['conversation_id']}").json()
    assert [t["role"] for t in history["turns"]] == ["user", "assistant", "user", "assistant"]
    assert history["turns"][2]["text"] == "En hoe vaak per jaar?"


def test_ask_with_year_filter(client):
    r = client.post("/api/ask", json={"question": "casemanagement dementie caseload", "year": 2024})
    assert r.status_code == 200
    assert r.json()["retrieved"] and all(ref["clause_id"].startswith("wv2024/") for ref in r.json()["retrieved"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"question": ""}, "question"),
        ({"question": "   \n\t "}, "question"),
        ({"question": "x" * 4001}, "question"),
        ({}, "question"),
        ({"question": 42}, "question"),
        ({"question": ["a"]}, "question"),
        ({"question": "ok?", "year": "next"}, "year"),
        ({"question": "ok?", "conversation_id": "not a valid id!"}, "conversation_id"),
        ({"question": "ok?", "colour": "red"}, "colour"),
    ],
)
def test_ask_rejects_bad_input_naming_the_field(client, body, field):
    err = assert_error(client.post("/api/ask", json=body), 422, "invalid_input")
    assert err["message"].startswith(field), err


def test_ask_limit_is_exactly_4000(client):
    assert client.post("/api/ask", json={"question": "?" * 4000}).status_code == 200
    assert_error(client.post("/api/ask", json={"question": "?" * 4001}), 422, "invalid_input", "4000")


def test_ask_unknown_year(client):
    assert_error(
        client.post("/api/ask", json={"question": QUESTION, "year": 1999}), 422, "invalid_input", "1999", "2024, 2027"
    )


@pytest.mark.parametrize("raw", [b"{bad json", b'{"question": "x",}', b"\xff\xfe"])
def test_malformed_json_is_400(client, raw):
    assert_error(
        client.post("/api/ask", content=raw, headers={"Content-Type": "application/json"}), 400, "invalid_json"
    )


def test_non_object_bodies_are_422(client):
    assert_error(client.post("/api/ask", json=["question"]), 422, "invalid_input")
    assert_error(
        client.post("/api/ask", content=b"question=hi", headers={"Content-Type": "application/x-www-form-urlencoded"}),
        422,
        "invalid_input",
    )


def test_unknown_route_and_method(client):
    assert_error(client.get("/api/nope"), 404, "not_found", "/api/nope")
    assert_error(client.get("/api/ask"), 405, "method_not_allowed")


def test_assistant_errors_map_to_their_status(app, client, fake_assistant):
    def broken(question, **kw):
        raise BackendUnavailable("the LLM server at localhost:11434 is not reachable")

    app.dependency_overrides[get_assistant] = lambda: StubAssistant(fake_assistant, broken)
    assert_error(client.post("/api/ask", json={"question": QUESTION}), 503, "backend_unavailable", "not reachable")


def test_unexpected_errors_are_500_without_stack_trace(app, fake_assistant):
    def crash(question, **kw):
        raise ZeroDivisionError("secret internals")

    app.dependency_overrides[get_assistant] = lambda: StubAssistant(fake_assistant, crash)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/ask", json={"question": QUESTION})
    err = assert_error(r, 500, "internal_error")
    assert "secret" not in r.text and "ZeroDivision" not in r.text, err


def test_slow_answers_time_out(app_settings, fake_assistant):
    def slow(question, **kw):
        time.sleep(2)
        raise AssertionError("unreachable")

    app = create_app(app_settings, assistant=StubAssistant(fake_assistant, slow), request_timeout_s=0.3)
    with TestClient(app) as c:
        started = time.monotonic()
        assert_error(c.post("/api/ask", json={"question": QUESTION}), 504, "timeout")
        assert time.monotonic() - started < 1.5


def test_rate_limit(tmp_path, fake_assistant):
    app = create_app(Settings(data_dir=tmp_path, embedder="fake", rate_limit_per_minute=2), assistant=fake_assistant)
    with TestClient(app) as c:
        for _ in range(2):
            assert c.post("/api/feedback", json={"rating": "up"}).status_code == 200
        r = c.post("/api/feedback", json={"rating": "up"})
        assert_error(r, 429, "rate_limited", "2 per minute")
        assert int(r.headers["Retry-After"]) >= 1
        assert c.get("/health").status_code == 200  # not limited


# ------------------------------------------------------------------------------------ chat (SSE)
def test_chat_streams_meta_deltas_citations_tool_calls_done(sse, client, app_settings):
    expected = client.post("/api/ask", json={"question": QUESTION}).json()
    r = client.post("/api/chat", json={"question": QUESTION})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = sse(r.text)
    names = [e for e, _ in events]
    assert names[0] == "meta" and names[-3:] == ["citations", "tool_calls", "done"]
    deltas = [d["text"] for e, d in events if e == "delta"]
    assert set(names[1:-3]) == {"delta"} and len(deltas) >= 2  # sentence by sentence
    assert "".join(deltas) == expected["answer"]
    cid = events[0][1]["conversation_id"]
    assert dict(events)["citations"]["citations"] == expected["citations"]
    assert dict(events)["done"]["conversation_id"] == cid
    assert rows(app_settings, "SELECT role FROM turns WHERE conversation_id = ? ORDER BY id", cid) == [
        ("user",),
        ("assistant",),
    ]


def test_chat_rejects_bad_input_before_streaming(client):
    r = client.post("/api/chat", json={"question": "  "})
    assert r.headers["content-type"].startswith("application/json")
    assert_error(r, 422, "invalid_input", "question")
    assert_error(client.post("/api/chat", json={"question": QUESTION, "year": 2031}), 422, "invalid_input", "2031")


def test_chat_reports_a_failure_inside_the_stream(sse, app, client, fake_assistant):
    def broken(question, **kw):
        raise IndexError_("the index is damaged; run `assistant index --rebuild`")

    app.dependency_overrides[get_assistant] = lambda: StubAssistant(fake_assistant, broken)
    events = sse(client.post("/api/chat", json={"question": QUESTION}).text)
    assert [e for e, _ in events] == ["meta", "error"]
    assert events[1][1] == {
        "error": {"code": "index_error", "message": "the index is damaged; run `assistant index --rebuild`"}
    }


def test_unknown_conversation(client):
    assert_error(client.get("/api/conversations/doesnotexist"), 404, "not_found")
    assert_error(client.get("/api/conversations/bad%20id"), 422, "invalid_input", "conversation_id")


# ---------------------------------------------------------------------------------- search/clauses
def test_search(client):
    r = client.get("/api/search", params={"q": "inschrijven nieuwe zorgaanbieders", "k": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["k"] == 3 and len(body["hits"]) == 3
    assert body["hits"][0]["passage"]["clause_id"] == "wv2027/3.2.1"
    assert any("28 februari 2027" in h["passage"]["text"] for h in body["hits"])
    assert all(h["score"] > 0 and h["passage"]["heading_trail"] for h in body["hits"])
    only_2024 = client.get("/api/search", params={"q": "wondzorg", "year": 2024}).json()["hits"]
    assert only_2024 and {h["passage"]["year"] for h in only_2024} == {2024}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "x", "k": 0}, "k"),
        ({"q": "x", "k": 51}, "k"),
        ({"q": "x", "k": "many"}, "k"),
        ({"q": "x", "year": "y"}, "year"),
    ],
)
def test_search_bad_input(client, params, field):
    err = assert_error(client.get("/api/search", params=params), 422, "invalid_input")
    assert err["message"].startswith(field)


def test_clause_detail_with_highlighted_quote(client, fake_assistant):
    quote = "Een overeenkomst geldt nooit met terugwerkende kracht."
    r = client.get("/api/clauses/wv2027/3.2.1", params={"quote": quote})
    assert r.status_code == 200
    c = r.json()
    clause = fake_assistant.corpus.clause("wv2027/3.2.1")
    assert c["text"] == clause.text and c["year"] == 2027 and c["section"] == "3.2.1"
    assert c["heading_trail"][-1].startswith("3.2.1") and len(c["heading_trail"]) == 3
    assert (c["line_start"], c["line_end"]) == (clause.line_start, clause.line_end)
    assert c["passages"] and {p["clause_id"] for p in c["passages"]} == {"wv2027/3.2.1"}
    assert c["document_title"] == "Zorginkoopbeleid Wijkverpleging 2027"
    [(start, end)] = c["highlights"]
    assert collapse_ws(c["text"][start:end]) == quote


def test_clause_quote_across_line_breaks(client):
    quote = "De nieuwe zorgaanbieder heeft bij CZ groep een onderbouwde verwachte zorgomzet van minimaal € 50.000 op jaarbasis"
    c = client.get("/api/clauses/wv2027/3.2.1", params={"quote": quote}).json()
    [(start, end)] = c["highlights"]
    assert "\n" in c["text"][start:end] and collapse_ws(c["text"][start:end]) == quote


def test_clause_with_unknown_quote_has_no_highlight(client):
    assert client.get("/api/clauses/wv2027/3.2.1", params={"quote": "staat er niet in"}).json()["highlights"] == []


def test_clause_ids_with_appendix_paths(client):
    c = client.get("/api/clauses/wv2024/bijlage-1/1.5.2").json()
    assert c["year"] == 2024 and c["status"] == "superseded" and c["section"] == "1.5.2"
    assert c["heading_trail"][0].startswith("Bijlage 1")


@pytest.mark.parametrize("path", ["/api/clauses/wv2027/9.9.9", "/api/clauses/nope", "/api/clauses/wv2027/"])
def test_unknown_clause_is_404(client, path):
    assert_error(client.get(path), 404, "not_found")


def test_browse_clauses(client):
    all_ = client.get("/api/clauses").json()
    assert all_["total"] == len(all_["clauses"]) > 40
    y2024 = client.get("/api/clauses", params={"year": 2024}).json()["clauses"]
    assert y2024 and {c["year"] for c in y2024} == {2024}
    found = client.get("/api/clauses", params={"q": "casemanagement dementie", "year": 2027}).json()["clauses"]
    assert any(c["title"].lower().startswith("casemanagement dementie") for c in found)
    assert client.get("/api/clauses", params={"q": "CLIENTEN"}).json()["total"] > 0  # case and accent-insensitive
    assert_error(client.get("/api/clauses", params={"year": 1999}), 422, "invalid_input", "1999")


# ------------------------------------------------------------------------------------------ tools
def test_list_tools(client):
    tools = client.get("/api/tools").json()["tools"]
    names = {t["name"] for t in tools}
    assert "postcode_average" in names
    for t in tools:
        assert t["description"] and t["input_schema"]["type"] == "object"


def test_run_tool(client):
    r = client.post("/api/tools/postcode_average", json={"total_clients": 120, "postcode_areas": 30})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["tool"] == "postcode_average" and body["verdict"] and body["verdict_en"]
    assert body["citations"] and all(c["quote"] for c in body["citations"])


def test_tool_errors(client):
    assert_error(client.post("/api/tools/teleport", json={}), 404, "not_found", "teleport")
    err = assert_error(
        client.post("/api/tools/postcode_average", json={"total_clients": 120, "postcode_areas": 0}),
        422,
        "invalid_input",
    )
    assert "postcode_areas" in err["message"]
    assert_error(
        client.post("/api/tools/postcode_average", json={"total_clients": "many", "postcode_areas": 3}),
        422,
        "invalid_input",
        "total_clients",
    )
    assert_error(client.post("/api/tools/postcode_average", json=[1, 2]), 422, "invalid_input")


def test_tools_unavailable(app, client):
    def missing():
        raise BackendUnavailable("the calculators are not available: No module named 'tools.registry'")

    app.dependency_overrides[get_tools] = missing
    assert_error(client.get("/api/tools"), 503, "backend_unavailable", "calculators")


def test_tool_with_a_fake_registry(app, client):
    from assistant.domain import ToolResult

    class Registry:
        @staticmethod
        def list_tools():
            return [
                {"name": "echo", "description": "Echo", "description_en": "Echo", "input_schema": {"type": "object"}}
            ]

        @staticmethod
        def run_tool(name, args):
            cite = Citation(
                clause_id="wv2027/3.2.1", doc="wv2027", year=2027, section="3.2.1", title="Minimumeisen", quote="x"
            )
            return ToolResult(tool=name, verdict=f"ok {args}", verdict_en="ok", rule="r", rule_en="r", citations=[cite])

    app.dependency_overrides[get_tools] = lambda: Registry
    assert [t["name"] for t in client.get("/api/tools").json()["tools"]] == ["echo"]
    assert client.post("/api/tools/echo", json={"a": 1}).json()["verdict"] == "ok {'a': 1}"
    assert client.post("/api/tools/echo").json()["verdict"] == "ok {}"  # no body = no arguments


# ----------------------------------------------------------------------------------------- verify
def test_verify_endpoint(client):
    r = client.post(
        "/api/verify", json={"claim": "Nieuwe zorgaanbieders hebben een verwachte zorgomzet van minimaal € 100.000."}
    )
    assert r.status_code == 200
    body = r.json()
    assert body["verdict"] == "contradicted"
    assert body["differences"] == [{"claim": "€ 100.000", "source": "€ 50.000", "kind": "number"}]
    assert body["source"]["clause_id"] == "wv2027/3.2.1" and "€ 50.000" in body["source"]["quote"]
    ok = client.post("/api/verify", json={"claim": "Een overeenkomst geldt nooit met terugwerkende kracht."}).json()
    assert (
        ok["verdict"] == "supported"
        and ok["source"]["quote"] == "Een overeenkomst geldt nooit met terugwerkende kracht."
    )
    assert client.post("/api/verify", json={"claim": "De maan is van kaas."}).json() == {
        "verdict": "not_found",
        "claim": "De maan is van kaas.",
        "source": None,
        "differences": [],
        "overlap": 0.0,
    }


@pytest.mark.parametrize("body", [{"claim": ""}, {"claim": "   "}, {"claim": "x" * 2001}, {}, {"text": "hi"}])
def test_verify_bad_input(client, body):
    assert_error(client.post("/api/verify", json=body), 422, "invalid_input")


# --------------------------------------------------------------------------------------- feedback
def test_feedback_is_stored_in_sqlite(client, app_settings):
    body = {
        "conversation_id": "abc123",
        "question": QUESTION,
        "answer": "Tot 28 februari 2027.",
        "rating": "down",
        "comment": "bron ontbreekt",
    }
    r = client.post("/api/feedback", json=body)
    assert r.status_code == 200
    fid = r.json()["id"]
    assert r.json()["stored"] is True
    got = rows(app_settings, "SELECT id, conversation_id, question, answer, rating, comment FROM feedback")
    assert got == [(fid, "abc123", QUESTION, "Tot 28 februari 2027.", "down", "bron ontbreekt")]


def test_feedback_minimal(client, app_settings):
    assert client.post("/api/feedback", json={"rating": "up"}).status_code == 200
    assert rows(app_settings, "SELECT rating, comment, conversation_id FROM feedback") == [("up", None, None)]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "rating"),
        ({"rating": "meh"}, "rating"),
        ({"rating": "up", "comment": "x" * 2001}, "comment"),
        ({"rating": "up", "conversation_id": "../etc"}, "conversation_id"),
    ],
)
def test_feedback_bad_input(client, app_settings, body, field):
    err = assert_error(client.post("/api/feedback", json=body), 422, "invalid_input")
    assert err["message"].startswith(field)


def test_feedback_listing_needs_the_admin_token(tmp_path, fake_assistant):
    app = create_app(Settings(data_dir=tmp_path, embedder="fake", admin_token="s3cret"), assistant=fake_assistant)
    with TestClient(app) as c:
        c.post("/api/feedback", json={"rating": "up", "comment": "goed"})
        assert_error(c.get("/api/feedback"), 401, "unauthorized")
        assert_error(c.get("/api/feedback", headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
        listed = c.get("/api/feedback", headers={"Authorization": "Bearer s3cret"}).json()["feedback"]
        assert [f["comment"] for f in listed] == ["goed"]


# ----------------------------------------------------------------------------------------- health
def test_health(client, fake_assistant):
    h = client.get("/health").json()
    assert h["status"] == "ok" and h["index_loaded"] is True
    assert h["embedder"] == fake_assistant.index.embedder.id == "fake"
    assert h["years"] == [2024, 2027]
    assert {d["id"] for d in h["documents"]} == {"wv2024", "wv2027"}
    assert h["passages"] == len(fake_assistant.corpus.passages) > 100


def test_health_while_loading_and_requests_get_503(tmp_path, monkeypatch):
    import threading

    from assistant.answer import pipeline

    release = threading.Event()

    def slow_create(settings, *a, **kw):
        release.wait(10)
        raise IndexError_("the index directory is not writable")

    monkeypatch.setattr(pipeline.Assistant, "create", classmethod(lambda cls, s, *a, **kw: slow_create(s)))
    app = create_app(Settings(data_dir=tmp_path, embedder="fake"), load_wait_s=0.2)
    with TestClient(app) as c:
        r = c.get("/health")
        assert r.status_code == 503 and r.json()["status"] == "loading" and r.json()["error"]["code"] == "loading"
        assert_error(c.post("/api/ask", json={"question": QUESTION}), 503, "backend_unavailable", "loading")
        assert c.post("/api/feedback", json={"rating": "up"}).status_code == 200  # needs no index
        release.set()
        for _ in range(50):
            if c.get("/health").json()["status"] != "loading":
                break
            time.sleep(0.05)
        h = c.get("/health")
        assert h.status_code == 503 and h.json()["status"] == "error"
        assert h.json()["error"] == {"code": "index_error", "message": "the index directory is not writable"}
        assert_error(c.post("/api/ask", json={"question": QUESTION}), 503, "index_error", "not writable")


def test_app_factory_builds_the_assistant_lazily(tmp_path, monkeypatch):
    from assistant.answer import pipeline

    calls = []
    monkeypatch.setattr(pipeline.Assistant, "create", classmethod(lambda cls, s, *a, **kw: calls.append(s)))
    create_app(Settings(data_dir=tmp_path, embedder="fake"))
    assert calls == []  # nothing built by the factory itself


# ------------------------------------------------------------------------------------ docs/static
def test_openapi_docs(client):
    spec = client.get("/openapi.json").json()
    for path in [
        "/api/ask",
        "/api/chat",
        "/api/search",
        "/api/clauses/{clause_id}",
        "/api/clauses",
        "/api/tools",
        "/api/tools/{name}",
        "/api/verify",
        "/api/feedback",
        "/health",
        "/v1/chat/completions",
        "/v1/models",
    ]:
        assert path in spec["paths"], path
    ask = spec["paths"]["/api/ask"]["post"]
    assert ask["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Answer")
    assert ask["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert "text/event-stream" in spec["paths"]["/api/chat"]["post"]["responses"]["200"]["content"]
    assert client.get("/docs").status_code == 200


def test_web_page_is_served_without_external_resources(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'id="question"' in page.text and "/static/app.js" in page.text
    for name in ("app.js", "app.css"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and len(r.text) > 1000
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']https?://|url\(\s*["']?https?://|import\s+.*https?://""", text), (
            path
        )


def test_oversized_bodies_are_refused(client):
    r = client.post(
        "/api/ask", content=b'{"question": "' + b"x" * 2_000_000 + b'"}', headers={"Content-Type": "application/json"}
    )
    assert_error(r, 413, "too_large")


def test_oversized_chunked_bodies_are_refused(client):
    def chunks():
        for _ in range(40):
            yield b"x" * 50_000

    r = client.post("/api/feedback", content=chunks(), headers={"Content-Type": "application/json"})
    assert_error(r, 413, "too_large")
