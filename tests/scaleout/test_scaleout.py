"""Scale-out, proven on loopback: PostgreSQL + a Chroma server + two API processes (`assistant serve`, each
with its own empty data directory), real HTTP (httpx) against the real servers.

- index once (`assistant index` against the Chroma server); both workers answer from that build;
- a conversation started on worker A continues on worker B (the follow-up uses A's calculation);
- feedback sent to both is in PostgreSQL (read back with SQL);
- a new build (`assistant index --rebuild`) is picked up by both workers (the pointer on the server);
- PostgreSQL stopped: 503 with a JSON error within seconds, never a hang; back: answers again;
- the Chroma server stopped: questions get 503 naming the server (it serves every dense search), `assistant index` fails with one
  line; back: `assistant index` works again;
- worker A killed (SIGKILL) while streams are open: streams on A break, B answers every request.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import httpx
import pytest
from scaleout_servers import Api, assistant_cmd, base_env, start_api
from sse_events import parse_sse as sse

pytestmark = pytest.mark.scaleout

FIRST = "Wij hebben 5 cliënten in 5041, 1 in 5042 en 2 in 5043. Voldoen we aan de postcode-eis voor 2027?"
FOLLOW_UP = "En als we 10 cliënten hadden?"


class Setup:
    def __init__(self, tmp: Path, postgres, chroma, url: str) -> None:
        self.tmp, self.postgres, self.chroma, self.database_url = tmp, postgres, chroma, url
        self.env = {"ASSISTANT_CHROMA_URL": chroma.url, "ASSISTANT_DATABASE_URL": url, "ASSISTANT_INDEX_POLL": "1"}
        self.a: Api | None = None
        self.b: Api | None = None

    def sql(self, statement: str) -> list[tuple]:
        return self.postgres.sql(statement, database=self.database_url.rsplit("/", 1)[1])


@pytest.fixture(scope="module")
def setup(tmp_path_factory, postgres, chroma):
    tmp = tmp_path_factory.mktemp("scaleout")
    s = Setup(tmp, postgres, chroma, postgres.url(postgres.create_database()))
    built = assistant_cmd("index", env=base_env(ASSISTANT_DATA_DIR=str(tmp / "data-indexer"), **s.env))
    assert built.returncode == 0, built.stderr
    assert "index ready: 193 passages" in built.stdout
    s.a = start_api(tmp, "a", **s.env)
    s.b = start_api(tmp, "b", **s.env)
    try:
        yield s
    finally:
        for api in (s.a, s.b):
            api.stop()


def ask(api: Api, question: str, cid: str | None = None, timeout: float = 30) -> httpx.Response:
    body = {"question": question} | ({"conversation_id": cid} if cid else {})
    return httpx.post(f"{api.base}/api/ask", json=body, timeout=timeout)


def health(api: Api) -> dict:
    return httpx.get(f"{api.base}/health", timeout=5).json()


def test_both_workers_answer_from_the_one_index_on_the_chroma_server(setup):
    ha, hb = health(setup.a), health(setup.b)
    assert ha["status"] == hb["status"] == "ok"
    assert ha["index_collection"] == hb["index_collection"] and ha["index_collection"].startswith("passages-")
    assert not list((setup.tmp / "data-a").glob("index/chroma*")), "worker A must not have a local vector store"


def test_conversation_continues_on_the_other_worker(setup):
    first = ask(setup.a, FIRST)
    assert first.status_code == 200, first.text
    cid = first.json()["conversation_id"]
    assert "2,67" in first.json()["answer"] and "8 ÷ 3" in first.json()["answer"]

    follow = ask(setup.b, FOLLOW_UP, cid)  # B never saw this conversation: only the database did
    assert follow.status_code == 200, follow.text
    answer = follow.json()
    assert "10 ÷ 3" in answer["answer"] and "3,33" in answer["answer"], answer["answer"]
    assert answer["tool_calls"][0]["args"]["postcode_areas"] == 3  # the 3 areas came from A's question

    alone = ask(setup.b, FOLLOW_UP)  # the same words without the history: no calculation
    assert "3,33" not in alone.json()["answer"]

    rows = setup.sql(f"SELECT role, text FROM turns WHERE conversation_id = '{cid}' ORDER BY id")
    assert [r[0] for r in rows] == ["user", "assistant", "user", "assistant"] and rows[2][1] == FOLLOW_UP
    turns = httpx.get(f"{setup.a.base}/api/conversations/{cid}", timeout=5).json()["turns"]
    assert len(turns) == 4  # A reads the turns B stored


def test_streamed_follow_up_on_the_other_worker(setup):
    cid = ask(setup.b, FIRST).json()["conversation_id"]
    with httpx.stream(
        "POST", f"{setup.a.base}/api/chat", json={"question": FOLLOW_UP, "conversation_id": cid}, timeout=30
    ) as r:
        events = sse(r.read().decode())
    text = "".join(d["text"] for e, d in events if e == "delta")
    assert events[-1][0] == "done" and "3,33" in text


def test_feedback_from_both_workers_is_in_postgres(setup):
    for api in (setup.a, setup.b):
        r = httpx.post(
            f"{api.base}/api/feedback",
            json={"rating": "up", "comment": f"via {api.name}, mail jan@example.nl"},
            timeout=10,
        )
        assert r.status_code == 200, r.text
    comments = {row[0] for row in setup.sql("SELECT comment FROM feedback")}
    assert {"via a, mail [e-mail]", "via b, mail [e-mail]"} <= comments
    from assistant.database import head_revision

    assert setup.sql("SELECT version_num FROM alembic_version") == [(head_revision(),)]


def test_a_new_build_is_picked_up_by_every_worker(setup):
    before = health(setup.a)["index_collection"]
    rebuilt = assistant_cmd(
        "index", "--rebuild", env=base_env(ASSISTANT_DATA_DIR=str(setup.tmp / "data-indexer"), **setup.env)
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        now = {health(setup.a)["index_collection"], health(setup.b)["index_collection"]}
        if before not in now and len(now) == 1:
            break
        time.sleep(0.5)
    assert before not in now and len(now) == 1, (before, now)
    assert ask(setup.a, FIRST).status_code == 200


def test_database_outage_gives_503_quickly_then_recovers(setup):
    setup.postgres.stop()
    try:
        for api in (setup.a, setup.b):
            started = time.monotonic()
            r = ask(api, FIRST)
            assert r.status_code == 503, r.text
            assert time.monotonic() - started < 15
            error = r.json()["error"]
            assert error["code"] == "backend_unavailable" and "ASSISTANT_DATABASE_URL" in error["message"]
            assert f"127.0.0.1:{setup.postgres.port}" in error["message"]
        fb = httpx.post(f"{setup.a.base}/api/feedback", json={"rating": "down"}, timeout=20)
        assert fb.status_code == 503 and fb.json()["error"]["code"] == "backend_unavailable"
        chat = httpx.post(f"{setup.b.base}/api/chat", json={"question": FIRST}, timeout=20)
        assert chat.status_code == 503 and chat.headers["content-type"].startswith("application/json")
        assert health(setup.a)["status"] == "ok"  # the index is fine: only the database is away
    finally:
        setup.postgres.start()
    for api in (setup.a, setup.b):
        r = ask(api, FIRST)
        assert r.status_code == 200, r.text


def test_chroma_outage_is_a_503_naming_the_server_and_index_reports_it(setup):
    """Chroma serves every dense search: while it is away a question is a 503 with one line naming the setting
    and the address (never a hang or a 500); answers come back with the server."""
    env = base_env(ASSISTANT_DATA_DIR=str(setup.tmp / "data-indexer"), **setup.env)
    setup.chroma.stop()
    try:
        for api in (setup.a, setup.b):
            r = ask(api, f"{FIRST} (tijdens de storing)")
            assert r.status_code == 503, r.text
            message = r.json()["error"]["message"]
            assert "ASSISTANT_CHROMA_URL" in message and setup.chroma.url in message and "\n" not in message
        down = assistant_cmd("index", env=env, timeout=60)
        lines = [ln for ln in down.stderr.splitlines() if ln.strip()]
        assert down.returncode == 3 and len(lines) == 1, down.stderr
        assert "ASSISTANT_CHROMA_URL" in lines[0] and setup.chroma.url in lines[0]
    finally:
        setup.chroma.start()
    up = assistant_cmd("index", env=env, timeout=60)
    assert up.returncode == 0, up.stderr
    assert ask(setup.b, FIRST).status_code == 200


def _stream(api: Api, states: list[str], n: int) -> None:
    """One streamed question; `states[n]`: connecting -> meta -> done, or cut (it broke after `meta`) or
    lost (the worker died before the stream started)."""
    states[n] = "connecting"
    try:
        with httpx.stream("POST", f"{api.base}/api/chat", json={"question": FIRST}, timeout=20) as r:
            body = ""
            for chunk in r.iter_text():
                body += chunk
                events = [e for e, _ in sse(body)]
                if "meta" in events and states[n] == "connecting":
                    states[n] = "meta"
        states[n] = "done" if "done" in [e for e, _ in sse(body)] else "cut"
    except httpx.TransportError:  # connection reset, or closed before the end of the body
        states[n] = "cut" if states[n] == "meta" else "lost"


def _kill_during_streams(api: Api, streams: int = 8) -> tuple[list[str], list[int]]:
    """Start `streams` streams at once; as soon as one has its `meta` event, freeze the worker (SIGSTOP), let
    the client drain what was already sent, note the streams still open, then SIGKILL."""
    states = ["new"] * streams
    threads = [threading.Thread(target=_stream, args=(api, states, n)) for n in range(streams)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 20
    while "meta" not in states and time.monotonic() < deadline:
        time.sleep(0.001)
    os.killpg(api.proc.pid, signal.SIGSTOP)
    time.sleep(0.5)  # whatever the worker had written before it froze reaches the client
    still_open = [n for n, s in enumerate(states) if s == "meta"]
    api.kill9()
    for t in threads:
        t.join(timeout=30)
    return states, still_open


def test_kill_a_worker_mid_stream_the_other_keeps_answering(setup):
    cid = ask(setup.a, FIRST).json()["conversation_id"]
    on_b: list[str] = []
    stop = threading.Event()

    def keep_asking_b() -> None:
        while not stop.is_set():
            states = ["new"]
            _stream(setup.b, states, 0)
            on_b.append(states[0])

    background = threading.Thread(target=keep_asking_b)
    background.start()
    try:
        for attempt in range(3):  # the freeze must catch at least one stream between `meta` and `done`
            states, still_open = _kill_during_streams(setup.a)
            if still_open:
                break
            setup.a = start_api(setup.tmp, f"a{attempt + 2}", **setup.env)
        time.sleep(1.0)  # B keeps answering after the kill
    finally:
        stop.set()
        background.join(timeout=30)

    assert still_open, f"no stream was open when worker A was frozen: {states}"
    assert all(states[n] == "cut" for n in still_open), states  # those streams broke: the worker died mid-stream
    assert on_b and set(on_b) == {"done"}, on_b
    with pytest.raises(httpx.TransportError):
        ask(setup.a, FIRST, timeout=5)
    follow = ask(setup.b, FOLLOW_UP, cid)  # A's conversation goes on at B
    assert follow.status_code == 200 and "3,33" in follow.json()["answer"]
    print(json.dumps({"a": states, "b": {s: on_b.count(s) for s in set(on_b)}}))
