"""Conversations and feedback, through SQLAlchemy: a SQLite file in the data directory by default, or the
database of `ASSISTANT_DATABASE_URL` (PostgreSQL), so that several API workers share them.

    store = Store.for_settings(settings)     # or Store(path) / Store.from_url(url)
    cid = store.new_conversation_id()
    store.append_turn(cid, "user", "Wanneer kan ik me inschrijven?", {})
    store.history(cid, limit=6)          # oldest first
    store.add_feedback(rating="up", conversation_id=cid, comment="helder", idempotency_key="k-1")
    store.purge(days=30)                 # retention: conversations and feedback older than that are deleted

Opening a store migrates its schema to the code's revision first (`assistant.database.migrate`). Every
write is one transaction, committed before the method returns, so an API that answers 200 after
`add_feedback` has the row on disk. Safe from any thread (a connection pool). The stored history of a
conversation is bounded (`max_turns`, oldest turns are dropped). A database that cannot be reached raises
`BackendUnavailable` (HTTP 503) naming the setting and the address; the next call tries again.

Privacy: every text (turns, feedback question/answer/comment, the strings inside `meta` and the stored
conversation state) passes the privacy filter (`assistant.privacy`) before it is written, so BSNs, e-mail
addresses, phone numbers, names, birth dates and addresses never reach the database (nor SQLite's
write-ahead log); what is read back for export (history, the feedback list) passes it again, for rows
written by older versions. SQLite runs with `secure_delete`, and a purge checkpoints the write-ahead log.

Retention: `purge(days)` deletes conversations (with their turns) whose last activity, and feedback whose
creation, is older than `days` (the server runs it periodically with ASSISTANT_RETENTION_DAYS; `assistant
purge` by hand). Timestamps are written in UTC ("2026-11-29T10:00:00+0000"), so they compare as text.

Idempotency: `add_feedback(..., idempotency_key=k)` stores a SHA-256 of `k`; a second post with the same key
returns the first row's id instead of adding a row.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from assistant import database as db
from assistant import privacy
from assistant.errors import InvalidInput

if TYPE_CHECKING:  # pragma: no cover
    from assistant.config import Settings

DB_NAME = db.DB_NAME
MAX_TURNS = 200  # stored turns per conversation
MAX_TEXT = 20_000  # characters stored per text field
_CONVERSATION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")  # printable ASCII without spaces


def _now(at: float | None = None) -> str:
    """UTC, fixed width: compares as text (the retention purge depends on it)."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(at))


def _clip(text: str | None) -> str | None:
    """Redacted (personal data) and bounded: what may be stored of a text."""
    return None if text is None else privacy.redact(text[: MAX_TEXT + 100])[:MAX_TEXT]


def _json(value: Any) -> str:
    """`meta` with every string redacted (keys included), as stored."""
    return json.dumps(privacy.redact_value(value or {}), ensure_ascii=False, default=str)


def check_conversation_id(conversation_id: str) -> str:
    if not isinstance(conversation_id, str) or not _CONVERSATION_ID.match(conversation_id):
        raise InvalidInput("conversation_id must be 1-64 characters: letters, digits, '-' or '_'")
    if privacy.redact(conversation_id) != conversation_id:
        raise InvalidInput("conversation_id must not contain personal data (it looks like a BSN or phone number)")
    return conversation_id


def idempotency_hash(key: str) -> str:
    """What is stored of an Idempotency-Key: its SHA-256 (a key is never kept, whatever a client puts in it)."""
    if not isinstance(key, str) or not _IDEMPOTENCY_KEY.match(key):
        raise InvalidInput("Idempotency-Key must be 1-200 printable ASCII characters without spaces")
    return hashlib.sha256(key.encode("ascii")).hexdigest()


class Store:
    def __init__(self, path: Path | str | None = None, max_turns: int = MAX_TURNS, *, url: str | None = None) -> None:
        """`Store(path)`: a SQLite file; `Store(url=...)`: any database URL (see `assistant.database`)."""
        if url is None and path is None:
            raise ValueError("give a SQLite path or a database url")
        self.url = url or f"sqlite:///{Path(path).resolve()}"  # type: ignore[arg-type]
        self.engine = db.connect(self.url)
        self.path = Path(self.engine.url.database or "") if self.engine.url.get_backend_name() == "sqlite" else None
        self.where = db.describe(self.engine.url)
        self.max_turns = max_turns
        try:
            self.migrations = db.migrate(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    @classmethod
    def for_data_dir(cls, data_dir: Path | str) -> Store:
        return cls(Path(data_dir) / DB_NAME)

    @classmethod
    def from_url(cls, url: str, max_turns: int = MAX_TURNS) -> Store:
        return cls(url=url, max_turns=max_turns)

    @classmethod
    def for_settings(cls, settings: Settings) -> Store:
        """The database of `ASSISTANT_DATABASE_URL`, else the SQLite file in the data directory."""
        return cls(url=db.database_url(settings.database_url, settings.data_dir))

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except db.TRANSIENT as error:
            raise db.unreachable(self.engine, error) from error

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction, committed when the block ends (SQLite: the write lock is taken first)."""
        try:
            with self.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
                yield conn
        except db.TRANSIENT as error:
            raise db.unreachable(self.engine, error) from error

    def ping(self) -> None:
        """`BackendUnavailable` when the database cannot be reached now."""
        with self._read() as conn:
            conn.exec_driver_sql("SELECT 1")

    # conversations ---------------------------------------------------------------------------
    @staticmethod
    def new_conversation_id() -> str:
        """32 hex characters; never one that reads as a BSN or phone number (those are refused as ids)."""
        while True:
            cid = uuid.uuid4().hex
            if privacy.redact(cid) == cid:
                return cid

    def _touch(self, conn: Connection, conversation_id: str, now: str, state: dict | None = None) -> None:
        values: dict[str, Any] = {"id": conversation_id, "created_at": now, "updated_at": now}
        update: dict[str, Any] = {"updated_at": now}
        if state is not None:
            values["state"] = update["state"] = _json(state)
        upsert: Any = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        stmt = upsert(db.conversations).values(**values)
        conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=update))

    def _add_turn(self, conn: Connection, conversation_id: str, role: str, text: str, meta: Any, now: str) -> int:
        if role not in ("user", "assistant"):
            raise InvalidInput(f"role must be 'user' or 'assistant', got {role!r}")
        t = db.turns
        row_id = conn.execute(
            insert(t)
            .values(
                conversation_id=conversation_id, role=role, text=_clip(text) or "", meta=_json(meta), created_at=now
            )
            .returning(t.c.id)
        ).scalar_one()
        keep = (
            select(t.c.id).where(t.c.conversation_id == conversation_id).order_by(t.c.id.desc()).limit(self.max_turns)
        )
        conn.execute(delete(t).where(t.c.conversation_id == conversation_id, t.c.id.not_in(keep.scalar_subquery())))
        return int(row_id)

    def append_turn(
        self, conversation_id: str, role: Literal["user", "assistant"], text: str, meta: dict[str, Any] | None = None
    ) -> int:
        check_conversation_id(conversation_id)
        if role not in ("user", "assistant"):
            raise InvalidInput(f"role must be 'user' or 'assistant', got {role!r}")
        now = _now()
        with self._write() as conn:
            self._touch(conn, conversation_id, now)
            return self._add_turn(conn, conversation_id, role, text, meta, now)

    def record_exchange(
        self,
        conversation_id: str,
        question: str,
        question_meta: dict[str, Any] | None,
        answer: str,
        answer_meta: dict[str, Any] | None,
        state: dict[str, Any] | None = None,
    ) -> None:
        """A question, its answer and the conversation's new state (for follow-ups), in one transaction."""
        check_conversation_id(conversation_id)
        now = _now()
        with self._write() as conn:
            self._touch(conn, conversation_id, now, state)
            self._add_turn(conn, conversation_id, "user", question, question_meta, now)
            self._add_turn(conn, conversation_id, "assistant", answer, answer_meta, now)

    def state(self, conversation_id: str) -> dict[str, Any] | None:
        """The state stored with the last exchange of a conversation (None when there is none)."""
        with self._read() as conn:
            raw = conn.execute(
                select(db.conversations.c.state).where(db.conversations.c.id == conversation_id)
            ).scalar_one_or_none()
        return json.loads(raw) if raw else None

    def has_conversation(self, conversation_id: str) -> bool:
        with self._read() as conn:
            found = conn.execute(select(db.conversations.c.id).where(db.conversations.c.id == conversation_id))
            return found.first() is not None

    def history(self, conversation_id: str, limit: int = 20) -> list[dict[str, Any]]:
        """The last `limit` turns of a conversation, oldest first."""
        t = db.turns
        with self._read() as conn:
            rows = conn.execute(
                select(t.c.role, t.c.text, t.c.meta, t.c.created_at)
                .where(t.c.conversation_id == conversation_id)
                .order_by(t.c.id.desc())
                .limit(max(0, int(limit)))
            ).all()
        return [
            {
                "role": r.role,
                "text": privacy.redact(r.text),
                "meta": privacy.redact_value(json.loads(r.meta)),
                "created_at": r.created_at,
            }
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
        idempotency_key: str | None = None,
    ) -> int:
        """The new row's id; with an `idempotency_key` seen before, the id of the row stored then."""
        return self.save_feedback(rating, conversation_id, question, answer, comment, meta, idempotency_key)[0]

    def save_feedback(
        self,
        rating: Literal["up", "down"],
        conversation_id: str | None = None,
        question: str | None = None,
        answer: str | None = None,
        comment: str | None = None,
        meta: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> tuple[int, bool]:
        """(row id, replayed): replayed is True when the key was used before and no row was added."""
        if rating not in ("up", "down"):
            raise InvalidInput(f"rating must be 'up' or 'down', got {rating!r}")
        if conversation_id is not None:
            check_conversation_id(conversation_id)
        key = idempotency_hash(idempotency_key) if idempotency_key is not None else None
        f = db.feedback
        values = {
            "conversation_id": conversation_id,
            "question": _clip(question),
            "answer": _clip(answer),
            "rating": rating,
            "comment": _clip(comment),
            "meta": _json(meta),
            "created_at": _now(),
            "idempotency_key": key,
        }
        with self._write() as conn:
            if key is None:
                return int(conn.execute(insert(f).values(**values).returning(f.c.id)).scalar_one()), False
            upsert: Any = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
            stmt = upsert(f).values(**values).on_conflict_do_nothing(index_elements=["idempotency_key"])
            row_id = conn.execute(stmt.returning(f.c.id)).scalar_one_or_none()
            if row_id is not None:
                return int(row_id), False
            # the key was used before (by this or a concurrent request): that row
            return int(conn.execute(select(f.c.id).where(f.c.idempotency_key == key)).scalar_one()), True

    def list_feedback(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Newest first (an export: every text passes the privacy filter again)."""
        columns = [c for c in db.feedback.c if c.name != "idempotency_key"]
        with self._read() as conn:
            rows = conn.execute(select(*columns).order_by(db.feedback.c.id.desc()).limit(int(limit))).mappings().all()
        texts = ("question", "answer", "comment")
        return [
            {
                **{k: (privacy.redact(v) if k in texts and v else v) for k, v in r.items()},
                "meta": privacy.redact_value(json.loads(r["meta"])),
            }
            for r in rows
        ]

    # retention -------------------------------------------------------------------------------
    def purge(self, days: float, now: float | None = None) -> dict[str, int]:
        """Delete conversations (and their turns) without activity, and feedback created, more than `days`
        ago. Returns the counts. On SQLite the write-ahead log is checkpointed afterwards, so the deleted
        text (overwritten by `secure_delete`) does not linger in the -wal file."""
        if not (math.isfinite(days) and 0 < days < 1e6):
            raise InvalidInput(f"retention must be a positive number of days, got {days}")
        cutoff = _now((time.time() if now is None else now) - days * 86400)
        c, t, f = db.conversations, db.turns, db.feedback
        with self._write() as conn:
            old = select(c.c.id).where(c.c.updated_at < cutoff)
            turns = conn.execute(
                select(func.count()).select_from(t).where(t.c.conversation_id.in_(old.scalar_subquery()))
            ).scalar_one()
            conn.execute(delete(t).where(t.c.conversation_id.in_(old.scalar_subquery())))
            conversations = conn.execute(delete(c).where(c.c.updated_at < cutoff)).rowcount
            feedback = conn.execute(delete(f).where(f.c.created_at < cutoff)).rowcount
        if self.path is not None and (conversations or feedback):
            with self._read() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return {"conversations": int(conversations), "turns": int(turns), "feedback": int(feedback)}

    # feedback into evals -----------------------------------------------------------------------
    def feedback_in_context(self, rating: str | None = None, limit: int = 5000) -> list[dict[str, Any]]:
        """Feedback rows (newest first, `rating` only when given), each with what the answer it rates said about
        itself: `intent` and `citations` from the stored assistant turn of its conversation (the turn whose
        text is the rated answer, else the last one); None and [] when there is no such turn."""
        f, t = db.feedback, db.turns
        columns = [c for c in f.c if c.name != "idempotency_key"]
        query = select(*columns).order_by(f.c.id.desc()).limit(max(0, int(limit)))
        if rating is not None:
            query = query.where(f.c.rating == rating)
        with self._read() as conn:
            texts = ("question", "answer", "comment")
            rows = [
                {k: (privacy.redact(v) if k in texts and v else v) for k, v in r.items()}
                for r in conn.execute(query).mappings().all()
            ]
            cids = sorted({r["conversation_id"] for r in rows if r["conversation_id"]})
            turns = (
                conn.execute(
                    select(t.c.conversation_id, t.c.text, t.c.meta)
                    .where(t.c.conversation_id.in_(cids), t.c.role == "assistant")
                    .order_by(t.c.id)
                ).all()
                if cids
                else []
            )
        answers: dict[str, list[tuple[str, dict]]] = {}
        for turn in turns:
            answers.setdefault(turn.conversation_id, []).append((turn.text, json.loads(turn.meta or "{}")))
        out = []
        for row in rows:
            said = answers.get(row["conversation_id"] or "", [])
            meta = next((m for text, m in reversed(said) if text == row["answer"]), said[-1][1] if said else {})
            out.append(
                {
                    **row,
                    "meta": privacy.redact_value(json.loads(row["meta"] or "{}")),
                    "intent": meta.get("intent"),
                    "citations": meta.get("citations") or [],
                }
            )
        return out

    def feedback_summary(self, limit: int = 100_000) -> dict[str, Any]:
        """Counts of feedback per rating, per intent (of the rated answer) with its ratings, and per day."""
        rows = self.feedback_in_context(limit=limit)
        by_rating: dict[str, int] = {"up": 0, "down": 0}
        by_intent: dict[str, dict[str, int]] = {}
        by_day: dict[str, dict[str, int]] = {}
        for r in rows:
            by_rating[r["rating"]] = by_rating.get(r["rating"], 0) + 1
            for table, key in ((by_intent, r["intent"] or "unknown"), (by_day, str(r["created_at"])[:10])):
                counts = table.setdefault(key, {"up": 0, "down": 0})
                counts[r["rating"]] += 1
        return {
            "total": len(rows),
            "by_rating": by_rating,
            "by_intent": dict(sorted(by_intent.items())),
            "by_day": dict(sorted(by_day.items())),
        }
