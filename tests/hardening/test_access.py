"""Access: the admin endpoints (re-index, feedback list) need the token from ASSISTANT_ADMIN_TOKEN and are
disabled (403, saying how to enable them) without one; everything else is public and read-only (the only
writes are the conversation turns and feedback the API exists for); CORS only for configured origins; the
per-client rate limit answers 429 with Retry-After; a re-index swaps the index while searches keep working."""

from __future__ import annotations

import threading
import time

import pytest

from assistant.config import Settings

TOKEN = "test-admin-token-8f3c2a9e71"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
QUESTION = "Tot wanneer kan een nieuwe zorgaanbieder zich inschrijven?"


def error_of(r, status: int, code: str) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    assert r.json()["error"]["code"] == code, r.json()
    return r.json()["error"]["message"]


# ------------------------------------------------------------------------------------------- admin
def test_admin_endpoints_are_disabled_without_a_configured_token(hclient):
    for method, path in [("POST", "/api/admin/reindex"), ("GET", "/api/admin/reindex"), ("GET", "/api/feedback")]:
        for headers in ({}, AUTH, {"Authorization": "Bearer "}):
            message = error_of(hclient.request(method, path, headers=headers), 403, "admin_disabled")
            assert "ASSISTANT_ADMIN_TOKEN" in message and "disabled" in message


def test_admin_endpoints_need_the_right_token(make_client):
    c = make_client(admin_token=TOKEN)
    wrong = [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": TOKEN},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
    ]
    for method, path in [("POST", "/api/admin/reindex"), ("GET", "/api/admin/reindex"), ("GET", "/api/feedback")]:
        for headers in wrong:
            r = c.request(method, path, headers=headers)
            assert "admin token" in error_of(r, 401, "unauthorized")
            assert r.headers.get("www-authenticate") == "Bearer"
    assert c.get("/api/admin/reindex", headers=AUTH).json()["status"] == "idle"
    assert c.get("/api/feedback", headers=AUTH).json() == {"feedback": []}


def test_everything_else_is_public_and_read_only(make_client):
    c = make_client(admin_token=TOKEN)
    assert c.get("/health").status_code == 200
    assert c.get("/api/search", params={"q": "postcodegebied"}).json()["hits"]
    assert c.get("/api/clauses").json()["total"] > 50
    assert c.get("/api/clauses/wv2027/2.3.2").status_code == 200
    assert c.get("/api/tools").json()["tools"]
    assert c.post("/api/tools/postcode_average", json={"clients_per_postcode": [4, 1, 2]}).status_code == 200
    assert c.post("/api/ask", json={"question": QUESTION}).status_code == 200
    assert c.post("/api/verify", json={"claim": "Nieuwe zorgaanbieders schrijven zich in."}).status_code == 200
    assert c.post("/api/feedback", json={"rating": "up"}).status_code == 200
    assert c.get("/v1/models").status_code == 200
    spec = c.get("/openapi.json").json()
    writes = {(m.upper(), path) for path, ops in spec["paths"].items() for m in ops if m.lower() not in ("get", "head")}
    assert writes == {
        ("POST", "/api/ask"),
        ("POST", "/api/chat"),
        ("POST", "/api/verify"),
        ("POST", "/api/feedback"),
        ("POST", "/api/tools/{name}"),
        ("POST", "/v1/chat/completions"),
        ("POST", "/api/admin/reindex"),
    }
    secured = {(m.upper(), p) for p, ops in spec["paths"].items() for m, op in ops.items() if op.get("security")}
    assert secured == {
        ("POST", "/api/admin/reindex"),
        ("GET", "/api/admin/reindex"),
        ("GET", "/api/feedback"),
        ("GET", "/api/admin/feedback/summary"),
    }


def test_security_headers(hclient):
    r = hclient.get("/health")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY" and r.headers["referrer-policy"] == "no-referrer"


# -------------------------------------------------------------------------------------------- CORS
def test_no_cross_origin_access_by_default(hclient):
    r = hclient.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    r = hclient.options("/api/ask", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_origins_from_the_setting(make_client):
    settings = Settings.from_env({"ASSISTANT_CORS_ORIGINS": " https://intranet.cz.nl , https://portal.cz.nl,"})
    assert settings.cors_origins == ["https://intranet.cz.nl", "https://portal.cz.nl"]
    c = make_client(cors_origins=settings.cors_origins)
    r = c.get("/health", headers={"Origin": "https://intranet.cz.nl"})
    assert r.headers["access-control-allow-origin"] == "https://intranet.cz.nl"
    pre = c.options(
        "/api/ask",
        headers={
            "Origin": "https://portal.cz.nl",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == "https://portal.cz.nl"
    assert "access-control-allow-credentials" not in pre.headers
    other = c.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    bad = c.options("/api/ask", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert bad.status_code == 400 and "access-control-allow-origin" not in bad.headers


# ----------------------------------------------------------------------------------------- rate limit
def test_rate_limit_answers_429_with_retry_after(make_client):
    c = make_client(rate_limit_per_minute=3)
    for _ in range(3):
        assert c.post("/api/tools/postcode_average", json={"clients_per_postcode": [4, 1, 2]}).status_code == 200
    for path, kwargs in [
        ("/api/ask", {"json": {"question": QUESTION}}),
        ("/api/tools/postcode_average", {"json": {"clients_per_postcode": [4, 1, 2]}}),
        ("/api/feedback", {"json": {"rating": "up"}}),
    ]:
        r = c.post(path, **kwargs)
        assert "at most 3 per minute" in error_of(r, 429, "rate_limited")
        assert 1 <= int(r.headers["retry-after"]) <= 61
    assert c.get("/api/search", params={"q": "x"}).status_code == 429
    assert c.get("/health").status_code == 200  # health checks are never limited


def test_rate_limit_also_guards_the_admin_token(make_client):
    c = make_client(admin_token=TOKEN, rate_limit_per_minute=5)
    codes = [c.get("/api/feedback", headers={"Authorization": f"Bearer guess-{i}"}).status_code for i in range(8)]
    assert codes[:5] == [401] * 5 and codes[5:] == [429] * 3


# -------------------------------------------------------------------------------------------- re-index
def test_reindex_swaps_the_index_while_searches_and_answers_keep_working(make_client):
    c = make_client(admin_token=TOKEN)
    before = c.get("/health").json()
    failures: list[str] = []
    done = threading.Event()
    counts = {"search": 0, "ask": 0}

    def hammer(kind: str) -> None:
        while not done.is_set():
            if kind == "search":
                r = c.get("/api/search", params={"q": "postcodegebied cliënten 2027", "k": 5})
                ok = r.status_code == 200 and len(r.json()["hits"]) == 5
            else:
                r = c.post("/api/ask", json={"question": QUESTION})
                ok = r.status_code == 200 and "28 februari 2027" in r.json()["answer"]
            if not ok:
                failures.append(f"{kind}: {r.status_code} {r.text[:200]}")
            counts[kind] += 1

    threads = [threading.Thread(target=hammer, args=(k,)) for k in ("search", "search", "ask")]
    for t in threads:
        t.start()
    statuses = []
    try:
        for full in (True, False):
            r = c.post("/api/admin/reindex", json={"full": full}, headers=AUTH)
            assert r.status_code == 202 and r.json()["status"] == "running", r.text
            if full:
                assert "already running" in error_of(c.post("/api/admin/reindex", headers=AUTH), 409, "conflict")
            status = wait_done(c)
            assert status["status"] == "done", status
            assert status["index"]["passages"] == before["passages"] and status["index"]["collection"]
            statuses.append(status)
    finally:
        done.set()
        for t in threads:
            t.join(timeout=30)
    assert not failures, failures[:5]
    assert counts["search"] > 5 and counts["ask"] > 0, counts
    full_run, refresh = statuses
    assert any(f"{before['passages']} embedded" in m for m in full_run["messages"]), full_run
    assert refresh["index"]["collection"] == full_run["index"]["collection"]  # unchanged corpus: nothing rebuilt
    after = c.get("/health").json()
    assert after["status"] == "ok" and after["passages"] == before["passages"]


def wait_done(c, timeout_s: float = 120) -> dict:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        status = c.get("/api/admin/reindex", headers=AUTH).json()
        if status["status"] != "running":
            return status
        time.sleep(0.1)
    pytest.fail("re-index did not finish")


def test_a_failed_reindex_keeps_the_old_index(make_client, monkeypatch):
    from assistant.errors import IndexError_
    from assistant.retrieve import index as index_module

    c = make_client(admin_token=TOKEN)

    def broken(settings, full=False, progress=False):
        raise IndexError_("the disk is full")

    monkeypatch.setattr(index_module, "reindex", broken)
    assert c.post("/api/admin/reindex", headers=AUTH).status_code == 202
    status = wait_done(c)
    assert status["status"] == "failed" and status["error"] == {"code": "index_error", "message": "the disk is full"}
    assert c.get("/api/search", params={"q": "postcodegebied"}).json()["hits"]


def test_reindex_repairs_a_server_whose_first_load_failed(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from assistant.answer import pipeline
    from assistant.errors import IndexError_
    from assistant.serve.app import create_app

    real_create = pipeline.Assistant.create.__func__
    calls = []

    def flaky(cls, settings=None, *args, **kwargs):
        calls.append(settings)
        if len(calls) == 1:
            raise IndexError_("the index could not be read")
        return real_create(cls, settings, *args, **kwargs)

    monkeypatch.setattr(pipeline.Assistant, "create", classmethod(flaky))
    settings = Settings(data_dir=tmp_path, embedder="fake", admin_token=TOKEN, rate_limit_per_minute=0)
    with TestClient(create_app(settings, load_wait_s=30)) as c:
        deadline = time.monotonic() + 30
        while c.get("/health").json()["status"] == "loading" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert c.get("/health").json()["status"] == "error"
        assert c.post("/api/admin/reindex", headers=AUTH).status_code == 202
        assert wait_done(c)["status"] == "done"
        assert c.get("/health").json()["status"] == "ok"
        assert c.get("/api/search", params={"q": "postcodegebied"}).json()["hits"]
