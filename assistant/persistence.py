"""Conversations and feedback in one SQLite file (WAL mode) in the data directory.

    store = Store(settings.data_dir / "assistant.sqlite3")
    cid = store.new_conversation_id()
    store.append_turn(cid, "user", "Wanneer kan ik me inschrijven?", {})
    store.history(cid, limit=6)          # oldest first
    store.add_feedback(rating="up", conversation_id=cid, comment="helder")

Every write is committed (synchronous=FULL) before the method returns, so an API that answers 200
after `add_feedback` has the row on disk. One connection guarded by a lock: safe from any thread.
The stored history of a conversation is bounded (`max_turns`, oldest turns are dropped).

Privacy: every text (turns, feedback question/answer/comment, and the strings inside `meta`) passes
`assistant.answer.guards.redact` before it is written, so BSNs, e-mail addresses, phone numbers and client
names never reach the database file or its write-ahead log. `secure_delete` overwrites deleted content.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Literal

from assistant.answer.guards import redact
from assistant.errors import InvalidInput

DB_NAME = "assistant.sqlite3"
MAX_TURNS = 200  # stored turns per conversation
MAX_TEXT = 20_000  # characters stored per text field
_CONVERSATION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

SCHEMA = """
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


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def _clip(text: str | None) -> str | None:
    """Redacted (personal data) and bounded: what may be stored of a text."""
    return None if text is None else redact(text[: MAX_TEXT + 100])[:MAX_TEXT]


def _safe_meta(value: Any) -> Any:
    """`meta` with every string redacted (keys included), as stored."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {_safe_meta(str(k)): _safe_meta(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_safe_meta(v) for v in value]
    return value


def check_conversation_id(conversation_id: str) -> str:
    if not isinstance(conversation_id, str) or not _CONVERSATION_ID.match(conversation_id):
        raise InvalidInput("conversation_id must be 1-64 characters: letters, digits, '-' or '_'")
    if redact(conversation_id) != conversation_id:
        raise InvalidInput("conversation_id must not contain personal data (it looks like a BSN or phone number)")
    return conversation_id


class Store:
    def __init__(self, path: Path | str, max_turns: int = MAX_TURNS) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.max_turns = max_turns
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self._db.row_factory = sqlite3.Row
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA secure_delete=ON")
            self._db.executescript(SCHEMA)

    @classmethod
    def for_data_dir(cls, data_dir: Path | str) -> Store:
        return cls(Path(data_dir) / DB_NAME)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _write(self, statements: list[tuple[str, tuple]]) -> list[int | None]:
        """Run the statements in one transaction, commit before returning; the last row id of each."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row_ids = [self._db.execute(sql, params).lastrowid for sql, params in statements]
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return row_ids

    # conversations ---------------------------------------------------------------------------
    @staticmethod
    def new_conversation_id() -> str:
        """32 hex characters; never one that reads as a BSN or phone number (those are refused as ids)."""
        while True:
            cid = uuid.uuid4().hex
            if redact(cid) == cid:
                return cid

    def append_turn(
        self, conversation_id: str, role: Literal["user", "assistant"], text: str, meta: dict[str, Any] | None = None
    ) -> int:
        check_conversation_id(conversation_id)
        if role not in ("user", "assistant"):
            raise InvalidInput(f"role must be 'user' or 'assistant', got {role!r}")
        now = _now()
        row_ids = self._write(
            [
                (
                    "INSERT INTO conversations(id, created_at, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at",
                    (conversation_id, now, now),
                ),
                (
                    "INSERT INTO turns(conversation_id, role, text, meta, created_at) VALUES (?, ?, ?, ?, ?)",
                    (
                        conversation_id,
                        role,
                        _clip(text) or "",
                        json.dumps(_safe_meta(meta or {}), ensure_ascii=False),
                        now,
                    ),
                ),
                (
                    "DELETE FROM turns WHERE conversation_id = ? AND id NOT IN "
                    "(SELECT id FROM turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?)",
                    (conversation_id, conversation_id, self.max_turns),
                ),
            ]
        )
        return int(row_ids[1] or 0)

    def has_conversation(self, conversation_id: str) -> bool:
        with self._lock:
            row = self._db.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
        return row is not None

    def history(self, conversation_id: str, limit: int = 20) -> list[dict[str, Any]]:
        """The last `limit` turns of a conversation, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT role, text, meta, created_at FROM turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?",
                (conversation_id, max(0, int(limit))),
            ).fetchall()
        return [
            {"role": r["role"], "text": r["text"], "meta": json.loads(r["meta"]), "created_at": r["created_at"]}
            for r in reversed(rows)
        ]

    # feedback --------------------------------------------------------------------------------
    def add_feedback(
        self,
        rating: Literal["up", "down"],
        conversation_id: str | None = None,
        question: str | None = None,
        answer: str | None = None,
        comment: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> int:
        if rating not in ("up", "down"):
            raise InvalidInput(f"rating must be 'up' or 'down', got {rating!r}")
        if conversation_id is not None:
            check_conversation_id(conversation_id)
        row_ids = self._write(
            [
                (
                    "INSERT INTO feedback(conversation_id, question, answer, rating, comment, meta, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        conversation_id,
                        _clip(question),
                        _clip(answer),
                        rating,
                        _clip(comment),
                        json.dumps(_safe_meta(meta or {}), ensure_ascii=False),
                        _now(),
                    ),
                )
            ]
        )
        return int(row_ids[0] or 0)

    def list_feedback(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Newest first."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM feedback ORDER BY id DESC LIMIT ?", (int(limit),)).fetchall()
        return [{**dict(r), "meta": json.loads(r["meta"])} for r in rows]
