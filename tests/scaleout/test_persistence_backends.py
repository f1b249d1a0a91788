"""The conversation/feedback store on both backends (SQLite file and PostgreSQL), and its migrations:
a database from before migrations (the raw-sqlite schema) or at an older revision is migrated at start with
its rows kept, a newer one is refused, concurrent starters migrate once, an unreachable one is reported."""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import pytest
from sqlalchemy import inspect

from assistant import database as db
from assistant.errors import BackendUnavailable, ConfigError, InvalidInput
from assistant.persistence import Store

# the schema the code created before SQLAlchemy and Alembic (assistant/persistence.py, raw sqlite3)
LEGACY_SQLITE = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns(conversation_id, id);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT,
    question TEXT,
    answer TEXT,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    meta TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
"""
LEGACY_PG = LEGACY_SQLITE.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "SERIAL PRIMARY KEY")
LEGACY_ROWS = [
    "INSERT INTO conversations VALUES ('old1', '2026-01-01T10:00:00+0100', '2026-01-01T10:00:00+0100')",
    "INSERT INTO turns(conversation_id, role, text, meta, created_at) "
    "VALUES ('old1', 'user', 'Wanneer kan ik me inschrijven?', '{\"year\": 2027}', '2026-01-01T10:00:00+0100')",
    "INSERT INTO feedback(conversation_id, rating, comment, meta, created_at) "
    "VALUES ('old1', 'up', 'helder', '{}', '2026-01-01T10:00:01+0100')",
]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.scaleout)])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'assistant.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(url):
    s = Store.from_url(url)
    yield s
    s.close()


def test_round_trip_with_redaction(store):
    cid = store.new_conversation_id()
    store.append_turn(cid, "user", "Mevrouw Jansen (BSN 111222333, a@b.nl) vraagt iets", {"note": "bel 0612345678"})
    store.record_exchange(cid, "en met 3?", {"year": 2027}, "Ja.", {"refused": False}, {"route": {"kind": "tool"}})
    turns = store.history(cid, limit=10)
    assert [t["role"] for t in turns] == ["user", "user", "assistant"]
    assert "111222333" not in turns[0]["text"] and "a@b.nl" not in turns[0]["text"] and "Jansen" not in turns[0]["text"]
    assert turns[0]["meta"] == {"note": "bel [telefoon]"} and turns[1]["meta"] == {"year": 2027}
    assert store.state(cid) == {"route": {"kind": "tool"}} and store.state("nope") is None
    assert store.has_conversation(cid) and not store.has_conversation("nope")
    fid = store.add_feedback(rating="down", conversation_id=cid, comment="mail x@y.nl", question="Q?", answer="A.")
    row = store.list_feedback()[0]
    assert row["id"] == fid and row["comment"] == "mail [e-mail]" and row["rating"] == "down" and row["meta"] == {}
    with pytest.raises(InvalidInput, match="rating"):
        store.add_feedback(rating="meh")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="conversation_id"):
        store.append_turn("no spaces", "user", "x")


def test_history_bounded_and_concurrent_writers(url):
    store = Store(url=url, max_turns=4)
    for i in range(10):
        store.append_turn("c1", "user", f"t{i}", {})
    assert [t["text"] for t in store.history("c1", 100)] == ["t6", "t7", "t8", "t9"]
    errors: list[Exception] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                store.record_exchange(f"conv{n}", f"q{i}", {}, f"a{i}", {}, {"i": i})
                store.add_feedback(rating="up", conversation_id=f"conv{n}")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(store.list_feedback(1000)) == 60
    assert all(store.state(f"conv{n}") == {"i": 9} for n in range(6))
    store.close()


def test_fresh_database_is_at_head(store):
    assert db.current_revision(store.engine) == db.head_revision()
    assert "state" in {c["name"] for c in inspect(store.engine).get_columns("conversations")}
    assert Store.from_url(store.url).migrations == []  # a second start does nothing


def _assert_migrated_with_rows(store: Store) -> None:
    assert db.current_revision(store.engine) == db.head_revision()
    assert any("schema migrated" in m for m in store.migrations), store.migrations
    assert store.history("old1") == [
        {
            "role": "user",
            "text": "Wanneer kan ik me inschrijven?",
            "meta": {"year": 2027},
            "created_at": "2026-01-01T10:00:00+0100",
        }
    ]
    assert [f["comment"] for f in store.list_feedback()] == ["helder"]
    new_id = store.add_feedback(rating="up")  # the id sequence continues after the old rows
    assert new_id > 1
    store.record_exchange("old1", "en nu?", {}, "Zo.", {}, {"route": {"kind": "clause"}})
    assert store.state("old1") == {"route": {"kind": "clause"}}


def test_sqlite_file_from_before_migrations_is_migrated_with_rows_kept(tmp_path):
    path = tmp_path / "assistant.sqlite3"
    with sqlite3.connect(path) as con:
        con.executescript(LEGACY_SQLITE)
        for statement in LEGACY_ROWS:
            con.execute(statement)
    store = Store.for_data_dir(tmp_path)
    assert any("before migrations" in m for m in store.migrations)
    _assert_migrated_with_rows(store)
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.scaleout
def test_postgres_schema_from_before_migrations_is_migrated_with_rows_kept(postgres):
    name = postgres.create_database()
    postgres.sql(LEGACY_PG + ";".join(LEGACY_ROWS), database=name)
    _assert_migrated_with_rows(Store.from_url(postgres.url(name)))


@pytest.mark.scaleout
def test_postgres_at_an_older_revision_is_migrated(postgres):
    name = postgres.create_database()
    postgres.sql(
        LEGACY_PG
        + ";".join(LEGACY_ROWS)
        + ";CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
        + "INSERT INTO alembic_version VALUES ('0001')",
        database=name,
    )
    store = Store.from_url(postgres.url(name))
    assert store.migrations == [f"schema migrated from 0001 to {db.head_revision()}"]
    _assert_migrated_with_rows(store)


def test_a_schema_newer_than_the_code_is_refused(url):
    Store.from_url(url).close()
    engine = db.connect(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    with pytest.raises(ConfigError, match="revision '9999'.*does not know"):
        Store.from_url(url)


def test_concurrent_starts_migrate_once(url):
    results: list[object] = []

    def start() -> None:
        try:
            s = Store.from_url(url)
            results.append(s.migrations)
            s.close()
        except Exception as exc:  # pragma: no cover - reported below
            results.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sum(1 for r in results if r) == 1, results  # exactly one of them migrated


def test_urls_are_mapped_and_bad_ones_refused(tmp_path):
    assert db.parse_url("postgresql://u:secret@h:5433/d").drivername == "postgresql+psycopg"
    assert db.parse_url("postgres://u@h/d").drivername == "postgresql+psycopg"
    assert db.parse_url("postgresql+psycopg://u@h/d").drivername == "postgresql+psycopg"
    assert "secret" not in db.describe(db.parse_url("postgresql://u:secret@h:5433/d"))
    for bad, why in (("mysql://u@h/d", "unsupported"), ("not a url", "not a database URL"), ("sqlite://", "file")):
        with pytest.raises(ConfigError, match=f"ASSISTANT_DATABASE_URL.*{why}|{why}.*ASSISTANT_DATABASE_URL"):
            db.parse_url(bad)


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # nothing listens there once the socket is closed


def test_unreachable_database_is_reported_quickly():
    port = _closed_port()
    started = time.monotonic()
    with pytest.raises(BackendUnavailable) as info:
        Store.from_url(f"postgresql://assistant:secret@127.0.0.1:{port}/assistant")
    assert time.monotonic() - started < 10
    message = info.value.message
    assert "ASSISTANT_DATABASE_URL" in message and f"127.0.0.1:{port}" in message and "secret" not in message
    assert info.value.http_status == 503 and "\n" not in message


def test_state_is_json_and_redacted(store):
    store.record_exchange("c9", "q", {}, "a", {}, {"route": {"args": {"note": "BSN 111222333"}}})
    with store.engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT state FROM conversations WHERE id = 'c9'").scalar_one()
    assert json.loads(raw) == {"route": {"args": {"note": "BSN [BSN]"}}}


def test_idempotent_feedback_returns_the_first_row(store):
    first = store.save_feedback(rating="up", comment="helder", idempotency_key="retry-1")
    again = store.save_feedback(rating="down", comment="anders", idempotency_key="retry-1")
    other = store.save_feedback(rating="up", idempotency_key="retry-2")
    assert first == (first[0], False) and again == (first[0], True) and other[0] != first[0] and not other[1]
    rows = store.list_feedback()
    assert len(rows) == 2 and {r["comment"] for r in rows} == {"helder", None}
    assert all("idempotency_key" not in r for r in rows)  # the stored hash is never exported
    with pytest.raises(InvalidInput, match="Idempotency-Key"):
        store.add_feedback(rating="up", idempotency_key="has spaces")


def test_concurrent_retries_with_one_key_store_one_row(store):
    ids: list[int] = []

    def post() -> None:
        ids.append(store.add_feedback(rating="up", idempotency_key="same-key"))

    threads = [threading.Thread(target=post) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(ids)) == 1 and len(store.list_feedback()) == 1


def test_purge_deletes_what_is_older_than_the_retention(store):
    store.record_exchange("c1", "vraag", {}, "antwoord", {}, None)
    store.add_feedback(rating="up", conversation_id="c1", comment="oud")
    in_a_month = time.time() + 31 * 86400
    assert store.purge(30) == {"conversations": 0, "turns": 0, "feedback": 0}  # nothing is 30 days old yet
    assert store.purge(40, now=in_a_month) == {"conversations": 0, "turns": 0, "feedback": 0}  # 31 < 40 days
    assert store.purge(30, now=in_a_month) == {"conversations": 1, "turns": 2, "feedback": 1}
    assert not store.has_conversation("c1") and store.history("c1") == [] and store.list_feedback() == []
    with pytest.raises(InvalidInput, match="positive"):
        store.purge(0)
