"""SQLite store: WAL, committed writes, bounded history, thread safety."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from assistant.errors import InvalidInput
from assistant.persistence import DB_NAME, Store


@pytest.fixture
def store(tmp_path):
    s = Store.for_data_dir(tmp_path)
    yield s
    s.close()


def read(path, sql, *params):
    with sqlite3.connect(path) as db:  # a separate connection: sees only committed data
        return db.execute(sql, params).fetchall()


def test_file_in_data_dir_and_wal_mode(tmp_path, store):
    assert store.path == tmp_path / DB_NAME
    assert read(store.path, "PRAGMA journal_mode") == [("wal",)]
    tables = {r[0] for r in read(store.path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"conversations", "turns", "feedback"} <= tables


def test_feedback_is_committed_before_returning(store):
    fid = store.add_feedback(rating="down", conversation_id="abc", question="Q?", answer="A.", comment="te vaag")
    rows = read(store.path, "SELECT id, conversation_id, question, answer, rating, comment FROM feedback")
    assert rows == [(fid, "abc", "Q?", "A.", "down", "te vaag")]
    assert store.list_feedback()[0]["comment"] == "te vaag"


def test_feedback_rating_is_checked(store):
    with pytest.raises(InvalidInput, match="rating"):
        store.add_feedback(rating="meh")


def test_history_oldest_first_with_limit(store):
    cid = store.new_conversation_id()
    for i in range(5):
        store.append_turn(cid, "user" if i % 2 == 0 else "assistant", f"turn {i}", {"i": i})
    assert [t["text"] for t in store.history(cid, limit=3)] == ["turn 2", "turn 3", "turn 4"]
    assert store.history(cid, limit=10)[0]["meta"] == {"i": 0}
    assert store.has_conversation(cid) and not store.has_conversation("other")
    assert store.history("other", 5) == []


def test_history_is_bounded(tmp_path):
    s = Store(tmp_path / "small.sqlite3", max_turns=4)
    for i in range(10):
        s.append_turn("c1", "user", f"t{i}", {})
    assert read(s.path, "SELECT count(*) FROM turns WHERE conversation_id = 'c1'") == [(4,)]
    assert [t["text"] for t in s.history("c1", 100)] == ["t6", "t7", "t8", "t9"]


def test_conversation_ids_are_unique_and_valid(store):
    ids = {store.new_conversation_id() for _ in range(100)}
    assert len(ids) == 100
    store.append_turn(ids.pop(), "user", "ok", {})
    with pytest.raises(InvalidInput, match="conversation_id"):
        store.append_turn("no spaces allowed", "user", "x", {})
    with pytest.raises(InvalidInput, match="role"):
        store.append_turn("c", "system", "x", {})  # type: ignore[arg-type]


def test_concurrent_writes_from_threads(store):
    errors: list[Exception] = []

    def work(n: int) -> None:
        try:
            for i in range(25):
                store.append_turn(f"conv{n}", "user", f"{n}-{i}", {})
                store.add_feedback(rating="up", conversation_id=f"conv{n}")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert read(store.path, "SELECT count(*) FROM turns") == [(200,)]
    assert read(store.path, "SELECT count(*) FROM feedback") == [(200,)]


def test_data_survives_reopening(tmp_path):
    s = Store.for_data_dir(tmp_path)
    s.append_turn("keep", "user", "hallo", {"year": 2027})
    s.close()
    again = Store.for_data_dir(tmp_path)
    assert again.history("keep", 5)[0]["meta"] == {"year": 2027}
