"""Data minimisation and retries: conversations and feedback are deleted after ASSISTANT_RETENTION_DAYS (by the
server, periodically, and by `assistant purge`), a retried feedback post with the same Idempotency-Key (or
client_id) returns the first row, and a damaged Chroma database is rebuilt with one log line naming it."""

from __future__ import annotations

import logging
import sqlite3
import time

from assistant.config import Settings
from assistant.persistence import Store

QUESTION = "Tot wanneer kan een nieuwe zorgaanbieder zich inschrijven?"


def rows(db) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("conversations", "turns", "feedback")
        }


def test_the_server_deletes_what_is_older_than_the_retention_at_start(make_client, tmp_path):
    data_dir = tmp_path / "retained"
    c = make_client(data_dir=data_dir, retention_days=1.5 / 86400)  # 1.5 seconds
    cid = c.post("/api/ask", json={"question": QUESTION}).json()["conversation_id"]
    assert c.post("/api/feedback", json={"rating": "up", "conversation_id": cid}).status_code == 200
    assert rows(data_dir / "assistant.sqlite3") == {"conversations": 1, "turns": 2, "feedback": 1}
    time.sleep(2.5)
    make_client(data_dir=data_dir, retention_days=1.5 / 86400)  # a restart purges at once, then every hour
    deadline = time.monotonic() + 10
    while rows(data_dir / "assistant.sqlite3")["turns"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert rows(data_dir / "assistant.sqlite3") == {"conversations": 0, "turns": 0, "feedback": 0}
    assert c.get(f"/api/conversations/{cid}").status_code == 404


def test_recent_rows_are_kept_and_retention_zero_keeps_everything(make_client, tmp_path):
    data_dir = tmp_path / "kept"
    c = make_client(data_dir=data_dir)  # the default: 30 days
    c.post("/api/ask", json={"question": QUESTION})
    make_client(data_dir=data_dir, retention_days=0)
    time.sleep(0.3)
    assert rows(data_dir / "assistant.sqlite3")["turns"] == 2
    assert Settings.from_env({}).retention_days == 30
    assert Settings.from_env({"ASSISTANT_RETENTION_DAYS": "7"}).retention_days == 7


def test_assistant_purge_deletes_by_hand(cli):
    store = Store.for_data_dir(cli.data_dir)
    store.record_exchange("c1", "vraag", {}, "antwoord", {}, None)
    store.add_feedback(rating="down", conversation_id="c1", comment="oud")
    store.close()
    out = cli("purge")
    assert out.returncode == 0, out.stderr
    assert "deleted 0 conversations (0 turns) and 0 feedback rows older than 30 days" in out.stdout
    time.sleep(2.1)  # timestamps are kept to the second
    out = cli("purge", "--days", "0.00001")  # under a second
    assert out.returncode == 0 and "deleted 1 conversations (2 turns) and 1 feedback rows" in out.stdout, out
    for days in ("0", "-3", "nan", "inf"):
        bad = cli("purge", "--days", days)
        assert bad.returncode == 2 and bad.stderr.startswith("error: --days must be a positive number"), bad.stderr
        assert "Traceback" not in bad.stderr
    assert "purge" in cli("--help").stdout


def test_a_retried_feedback_post_returns_the_first_row(hclient):
    first = hclient.post(
        "/api/feedback", json={"rating": "up", "comment": "helder"}, headers={"Idempotency-Key": "k-1"}
    )
    again = hclient.post(
        "/api/feedback", json={"rating": "up", "comment": "helder"}, headers={"Idempotency-Key": "k-1"}
    )
    assert first.status_code == again.status_code == 200
    assert again.json() == {**first.json(), "replayed": True} and first.json()["replayed"] is False
    by_body = [hclient.post("/api/feedback", json={"rating": "down", "client_id": "uuid-7"}).json() for _ in range(2)]
    assert by_body[0]["id"] == by_body[1]["id"] != first.json()["id"] and by_body[1]["replayed"]
    other = hclient.post("/api/feedback", json={"rating": "up"}, headers={"Idempotency-Key": "k-2"}).json()
    assert other["id"] not in (first.json()["id"], by_body[0]["id"])
    mismatch = hclient.post("/api/feedback", json={"rating": "up", "client_id": "a"}, headers={"Idempotency-Key": "b"})
    assert mismatch.status_code == 422 and mismatch.json()["error"]["code"] == "invalid_input"
    spaces = hclient.post("/api/feedback", json={"rating": "up"}, headers={"Idempotency-Key": "with space"})
    assert spaces.status_code == 422 and "Idempotency-Key" in spaces.json()["error"]["message"]


def test_a_zero_byte_chroma_database_is_rebuilt_with_one_log_line(tmp_path, caplog):
    from assistant.retrieve import index as index_module
    from assistant.retrieve.store import ChromaStore

    settings = Settings(data_dir=tmp_path, embedder="fake")
    built = index_module.open_index(settings, progress=False)
    collection = built.meta["collection"]
    index_module._OPEN.clear()
    ChromaStore.forget(settings.index_dir / "chroma")
    (settings.index_dir / "chroma" / "chroma.sqlite3").write_bytes(b"")
    with caplog.at_level(logging.INFO, logger="assistant.retrieve.index"):
        rebuilt = index_module.open_index(settings, progress=False)
    lines = [r.getMessage() for r in caplog.records if "damaged" in r.getMessage()]
    assert len(lines) == 1 and collection in lines[0] and "chroma.sqlite3" in lines[0], lines
    assert len(rebuilt.corpus.passages) == len(built.corpus.passages)
    index_module._OPEN.clear()
