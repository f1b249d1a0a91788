"""The edge (`assistant/serve/edge.py`, `protocol.py`): trusted proxies only, a rate-limit budget for every
endpoint class, bounded request heads and bodies, query strings that must be UTF-8, load shedding with
Retry-After, and errors that never echo personal data."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest

from assistant.serve.edge import BUDGETS, MAX_HEADERS, MAX_TARGET, budget_for, client_address, parse_networks

TOKEN = "edge-test-admin-token-1f9a2c"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def error_of(r, status: int, code: str) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code, body
    return body["error"]["message"]


# ------------------------------------------------------------------------------------ the client address
def test_forwarded_addresses_count_only_from_a_trusted_proxy():
    xff = [(b"x-forwarded-for", b"203.0.113.7, 10.0.0.9")]
    assert client_address("127.0.0.1", xff, ()) == "127.0.0.1"  # nobody trusted (the default)
    trusted = parse_networks(["127.0.0.1", "10.0.0.0/8"])
    assert client_address("198.51.100.4", xff, trusted) == "198.51.100.4"  # the peer is no proxy of ours
    assert client_address("127.0.0.1", xff, trusted) == "203.0.113.7"  # right-most address not a proxy
    spoofed = [(b"x-forwarded-for", b"1.2.3.4, 203.0.113.7")]  # the client wrote 1.2.3.4 itself
    assert client_address("127.0.0.1", spoofed, trusted) == "203.0.113.7"
    forwarded = [(b"forwarded", b'for="[2001:db8::17]:4711";proto=https, for=10.0.0.9')]
    assert client_address("127.0.0.1", forwarded + xff, trusted) == "2001:db8::17"  # Forwarded wins
    assert client_address("127.0.0.1", [(b"x-forwarded-for", b"unknown")], trusted) == "127.0.0.1"
    assert client_address("127.0.0.1", [], trusted) == "127.0.0.1"


def test_the_trusted_proxies_setting_is_checked():
    from assistant.config import Settings
    from assistant.errors import ConfigError

    assert Settings.from_env({"ASSISTANT_TRUSTED_PROXIES": "10.0.0.5, 10.1.0.0/16"}).trusted_proxies == [
        "10.0.0.5",
        "10.1.0.0/16",
    ]
    assert Settings.from_env({}).trusted_proxies == []
    with pytest.raises(ConfigError, match="(?i)ASSISTANT_TRUSTED_PROXIES.*not an ip address"):
        Settings.from_env({"ASSISTANT_TRUSTED_PROXIES": "proxy.example"})


# ------------------------------------------------------------------------------------------- budgets
def test_every_endpoint_has_a_budget_and_admin_is_the_strictest():
    from assistant.config import Settings

    s = Settings()
    paths = [
        ("POST", "/api/ask"), ("POST", "/api/chat"), ("GET", "/api/search"), ("POST", "/api/verify"),
        ("POST", "/api/feedback"), ("GET", "/api/feedback"), ("POST", "/api/tools/x"), ("GET", "/api/tools"),
        ("GET", "/api/clauses"), ("GET", "/api/clauses/wv2027/2.3.2"), ("GET", "/api/conversations/abc"),
        ("GET", "/health"), ("GET", "/v1/models"), ("POST", "/v1/chat/completions"), ("GET", "/"),
        ("POST", "/api/admin/reindex"), ("GET", "/api/admin/reindex"), ("GET", "/no/such/path"),
    ]  # fmt: skip
    budgets = {p: budget_for(m, p).name for m, p in paths}
    assert budgets["/api/admin/reindex"] == "admin" and budget_for("GET", "/api/feedback").name == "admin"
    assert budget_for("POST", "/api/feedback").name == "api" and budgets["/health"] == "health"
    assert all(budget_for(m, p).per_minute(s) > 0 for m, p in paths)
    admin = next(b for b in BUDGETS if b.name == "admin").per_minute(s)
    assert admin == 10 and all(b.per_minute(s) > admin for b in BUDGETS if b.name != "admin")


def test_browsing_health_and_models_are_limited_too(make_client):
    c = make_client(rate_limit_per_minute=2)  # browse and health: 5 x 2 per minute each
    for path in ("/api/clauses", "/api/tools", "/v1/models", "/api/conversations/abc", "/health"):
        codes = [c.get(path).status_code for _ in range(11)]
        assert codes[-1] == 429, (path, codes)
    r = c.get("/health")
    assert "per minute" in error_of(r, 429, "rate_limited") and int(r.headers["retry-after"]) >= 1


def test_admin_token_guesses_have_their_own_small_budget(make_client):
    c = make_client(admin_token=TOKEN, rate_limit_per_minute=120)  # admin: 10 per minute
    codes = [c.get("/api/feedback", headers={"Authorization": f"Bearer guess-{i}"}).status_code for i in range(14)]
    assert codes[:10] == [401] * 10 and codes[10:] == [429] * 4
    assert c.get("/api/search", params={"q": "postcodegebied"}).status_code == 200  # other budgets untouched


# ----------------------------------------------------------------------------------- bounded requests
def test_a_long_target_gets_414_and_large_headers_431(hclient):
    message = error_of(hclient.get("/api/search", params={"q": "x" * (MAX_TARGET + 10)}), 414, "uri_too_long")
    assert "8,192" in message
    r = hclient.get("/health", headers={"X-Padding": "a" * (MAX_HEADERS + 10)})
    assert "16,384" in error_of(r, 431, "headers_too_large")
    assert hclient.get("/health", headers={"X-Padding": "a" * 8000}).status_code == 200


def test_a_query_string_that_is_not_utf8_gets_the_same_400_as_a_body(hclient):
    body = hclient.post("/api/ask", content=b'{"question": "\xff"}', headers={"Content-Type": "application/json"})
    query = hclient.get("/api/search?q=%FF%FEpostcode")
    path = hclient.get("/api/clauses/wv2027%FF")
    for r in (body, query, path):
        assert "not valid UTF-8" in error_of(r, 400, "invalid_json")
    assert "query string" in query.json()["error"]["message"] and "(byte 2)" in query.json()["error"]["message"]
    assert hclient.get("/api/search?q=cli%C3%ABnt").status_code == 200  # UTF-8 percent-escapes are fine


def test_errors_never_echo_personal_data(hclient):
    secrets = ["111222333", "Hoogendijk", "j.bakker@example.com", "0612345678"]
    for r in (
        hclient.get("/api/clauses/mevrouw Hoogendijk 111222333"),
        hclient.get("/no/such/page/j.bakker@example.com/0612345678"),
        hclient.post("/api/ask", json={"question": "cliënte Hoogendijk, BSN 111222333", "year": 2019}),
        hclient.post(
            "/v1/chat/completions", json={"model": "mevrouw Hoogendijk", "messages": [{"role": "user", "content": "x"}]}
        ),
    ):
        assert 400 <= r.status_code < 500 and "error" in r.json(), r.text
        assert not [s for s in secrets if s in r.text], r.text


# ------------------------------------------------------------------------------------------- shedding
def test_beyond_the_answers_in_flight_a_request_gets_503_with_retry_after(make_client, fake_assistant):
    gate, entered = threading.Event(), threading.Semaphore(0)

    class Slow:
        def __getattr__(self, name):
            return getattr(fake_assistant, name)

        def search(self, *args, **kwargs):
            entered.release()
            gate.wait(30)
            return fake_assistant.search(*args, **kwargs)

    c = make_client(assistant=Slow(), max_in_flight=2)
    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(c.get("/api/search", params={"q": "zorg"}).status_code))
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    assert entered.acquire(timeout=30) and entered.acquire(timeout=30)  # two answers are being computed
    try:
        r = c.get("/api/search", params={"q": "zorg"})
        assert "try again" in error_of(r, 503, "overloaded") and r.headers["retry-after"] == "1"
        assert c.get("/health").status_code == 200 and c.get("/api/clauses").status_code == 200  # not answers
    finally:
        gate.set()
        for t in threads:
            t.join(30)
    assert results == [200, 200]
    assert c.get("/api/search", params={"q": "zorg"}).status_code == 200  # a slot is free again


# ------------------------------------------------------------------------------ a real server (uvicorn)
def raw_request(port: int, head: bytes, pad_bytes: int = 0, timeout: float = 30) -> bytes:
    """Send `head` (and `pad_bytes` more header bytes), reading the answer meanwhile; the raw answer."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    answer = bytearray()

    def read() -> None:
        try:
            while chunk := sock.recv(65536):
                answer.extend(chunk)
        except OSError:
            pass

    reader = threading.Thread(target=read)
    reader.start()
    try:
        sock.sendall(head)
        for _ in range(pad_bytes // 65536):
            sock.sendall(b"a" * 65536)
        sock.sendall(b"\r\n\r\n" if pad_bytes else b"")
    except OSError:
        pass  # the server hung up after answering
    reader.join(timeout)
    sock.close()
    return bytes(answer)


@pytest.mark.slow
def test_a_real_server_rejects_huge_heads_closes_idle_connections_and_ignores_spoofed_addresses(start_server, tmp_path):
    server = start_server(tmp_path / "data", ASSISTANT_RATE_LIMIT="5")
    huge = [None] * 3

    def send_huge(i: int) -> None:
        huge[i] = raw_request(server.port, b"GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: ", pad_bytes=20 << 20)

    threads = [threading.Thread(target=send_huge, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for answer in huge:  # each read its answer before the connection closed (no reset)
        assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
        assert b'"code": "headers_too_large"' in answer and b"content-type: application/json" in answer
    line = raw_request(server.port, b"GET /health?" + b"q" * 40_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert line.startswith(b"HTTP/1.1 414 ") and b"uri_too_long" in line, line[:200]

    started = time.monotonic()
    idle = socket.create_connection(("127.0.0.1", server.port), timeout=60)
    idle.sendall(b"GET /health HTTP/1.1\r\n")  # half a request head, then nothing
    assert idle.recv(100) == b"" and time.monotonic() - started < 30  # closed by the server
    idle.close()

    with httpx.Client(base_url=server.base, timeout=30) as c:
        codes = [
            c.get("/api/search", params={"q": "postcode"}, headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code
            for i in range(30)
        ]
    assert codes.count(200) == 5 and codes.count(429) == 25, codes  # rotating the header gains nothing
    log = server.log()
    assert "203.0.113." not in log  # the access log has the real (peer) address
    assert "Traceback" not in log


@pytest.mark.slow
def test_a_trusted_proxy_passes_the_client_address_on(start_server, tmp_path):
    server = start_server(tmp_path / "data", ASSISTANT_RATE_LIMIT="5", ASSISTANT_TRUSTED_PROXIES="127.0.0.1")
    with httpx.Client(base_url=server.base, timeout=30) as c:
        per_client = [
            c.get("/api/search", params={"q": "postcode"}, headers={"X-Forwarded-For": f"203.0.113.{i % 3}"})
            for i in range(18)
        ]
    codes = [r.status_code for r in per_client]
    assert codes.count(200) == 15 and codes.count(429) == 3, codes  # 5 for each of the 3 clients
    assert "203.0.113.1:0" in server.log()  # and the access log names them


def test_a_body_that_does_not_arrive_in_time_gets_408(monkeypatch):
    import anyio

    from assistant.serve import errors

    monkeypatch.setattr(errors, "BODY_TIMEOUT_S", 0.2)
    sent: list[dict] = []

    async def app(scope, receive, send):  # pragma: no cover - never reached
        raise AssertionError("the app must not see a request whose body never came")

    async def receive():
        await anyio.sleep(30)  # a client that announced a body and sends nothing

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/ask", "headers": [(b"content-length", b"100")]}
    anyio.run(errors.BodyLimit(app, max_bytes=1000), scope, receive, send)
    assert sent[0]["status"] == 408 and b'"code":"request_timeout"' in sent[1]["body"]
