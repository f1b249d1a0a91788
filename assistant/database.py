"""The database behind conversations and feedback: one SQLAlchemy engine per URL, the tables, and the
Alembic migrations that bring any database up to the code's schema before it is used.

    engine = connect(database_url(settings))     # SQLite file in the data dir, or PostgreSQL
    migrate(engine)                              # runs on start-up; idempotent; one migrator at a time

`ASSISTANT_DATABASE_URL` unset means `sqlite:///<data dir>/assistant.sqlite3` (WAL, synchronous=FULL,
secure_delete). `postgresql://` and `postgres://` are mapped to psycopg 3 (`postgresql+psycopg://`).
PostgreSQL connections have a connect timeout, a statement and lock timeout and TCP keep-alives, so a
database that goes away gives an error within seconds, never a request that hangs.

A database created by the code before Alembic (the three tables, no `alembic_version`) is recognised,
stamped as revision 0001 and migrated; a database whose revision this code does not know (newer code wrote
it) is refused with a message. SQLAlchemy types stay in this module and in `persistence`.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    event,
    exc,
    inspect,
    text,
)
from sqlalchemy.engine import URL, make_url

from assistant.errors import BackendUnavailable, ConfigError

log = logging.getLogger(__name__)
DB_NAME = "assistant.sqlite3"
SETTING = "ASSISTANT_DATABASE_URL"
MIGRATIONS = Path(__file__).parent / "migrations"
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 15_000
_PG_LOCK = 727_401_2027  # pg_advisory_lock key: one migrator at a time across processes and hosts
VALID = "sqlite:///path/to/file.sqlite3, postgresql://user:password@host:port/database"

metadata = MetaData()
conversations = Table(
    "conversations",
    metadata,
    Column("id", Text, primary_key=True),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("state", Text, nullable=True),  # the last calculation, for follow-ups on any worker (JSON)
    Index("conversations_by_updated_at", "updated_at"),  # the retention purge
)
turns = Table(
    "turns",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", Text, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False),
    Column("role", Text, CheckConstraint("role IN ('user', 'assistant')"), nullable=False),
    Column("text", Text, nullable=False),
    Column("meta", Text, nullable=False, server_default="{}"),
    Column("created_at", Text, nullable=False),
    Index("turns_by_conversation", "conversation_id", "id"),
)
feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", Text),
    Column("question", Text),
    Column("answer", Text),
    Column("rating", Text, CheckConstraint("rating IN ('up', 'down')"), nullable=False),
    Column("comment", Text),
    Column("meta", Text, nullable=False, server_default="{}"),
    Column("created_at", Text, nullable=False),
    Column("idempotency_key", Text, nullable=True),  # sha256 of the client's Idempotency-Key (0003)
    Index("feedback_by_idempotency_key", "idempotency_key", unique=True),
    Index("feedback_by_created_at", "created_at"),
)


# URLs and engines ----------------------------------------------------------------------------------
def database_url(database_url: str | None, data_dir: Path | str) -> str:
    """The setting, or the SQLite file in the data directory."""
    if database_url:
        return database_url
    return f"sqlite:///{(Path(data_dir) / DB_NAME).resolve()}"


def parse_url(value: str) -> URL:
    """A SQLAlchemy URL with psycopg 3 for PostgreSQL; `ConfigError` naming the setting otherwise."""
    try:
        url = make_url(value)
    except (exc.ArgumentError, ValueError):
        raise ConfigError(f"{SETTING} is not a database URL; use one of: {VALID}") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and url.get_driver_name() in ("pysqlite", ""):
        if not url.database or url.database == ":memory:":
            raise ConfigError(f"{SETTING}: give SQLite a file (sqlite:///path/to/file.sqlite3)")
        return url.set(drivername="sqlite")
    raise ConfigError(f"{SETTING}: unsupported database {url.drivername!r}; use one of: {VALID}")


SQLITE_LOCK_WAIT_S = 30.0  # how long a SQLite writer waits for another (a migration at start, a burst of writes)


def describe(url: URL) -> str:
    """Where the database is, for messages (never the password)."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite file {url.database}"
    return f"PostgreSQL at {url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def connect(value: str) -> Engine:
    """An engine for the URL (no connection is made yet)."""
    url = parse_url(value)
    if url.get_backend_name() == "sqlite":
        Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"timeout": SQLITE_LOCK_WAIT_S, "check_same_thread": False}, pool_size=8
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,  # a connection from before a database restart is replaced, not used
        pool_size=8,
        max_overflow=8,
        pool_timeout=CONNECT_TIMEOUT_S * 2,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S,
            "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={STATEMENT_TIMEOUT_MS // 3}"
            " -c idle_in_transaction_session_timeout=60000",
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
        },
    )


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """WAL, every commit on disk before it returns, foreign keys, deleted content overwritten. Python's
    implicit transactions are off: SQLAlchemy's `begin` event below starts them (writes take the lock first)."""
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    # switching to WAL needs a lock that SQLite's busy handler does not always wait for (another process may
    # be migrating): once the file is in WAL mode nothing needs switching; until then, retry for a while
    deadline = time.monotonic() + SQLITE_LOCK_WAIT_S
    while True:
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    for pragma in ("synchronous=FULL", "foreign_keys=ON", "secure_delete=ON"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def unreachable(engine: Engine, error: BaseException) -> BackendUnavailable:
    """The error every caller sees when the database cannot be used right now (HTTP 503, exit code 3)."""
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0][:200] if str(error) else ""
    where = describe(engine.url)
    setting = SETTING if engine.url.get_backend_name() != "sqlite" else f"{SETTING} / ASSISTANT_DATA_DIR"
    return BackendUnavailable(
        f"the database is unreachable ({where}, setting {setting}): {reason or error.__class__.__name__}"
    )


TRANSIENT = (exc.OperationalError, exc.InterfaceError, exc.DisconnectionError, exc.TimeoutError)


# migrations ----------------------------------------------------------------------------------------
def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory(str(MIGRATIONS)).get_current_head())


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> list[str]:
    """Bring the schema to the code's revision (idempotent; one migrator at a time across processes).
    Returns what it did. `BackendUnavailable` when the database cannot be reached."""
    try:
        if current_revision(engine) == head_revision():
            return []
        with _migration_lock(engine) as conn, conn.begin():  # one transaction: all of it or nothing
            done = _upgrade(conn)
    except TRANSIENT as error:
        raise unreachable(engine, error) from error
    for line in done:
        log.info("database: %s", line)
    return done


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[Any]:
    """A connection holding the migration lock: an advisory lock on PostgreSQL; on SQLite the transaction
    the caller begins is exclusive."""
    if engine.url.get_backend_name() == "sqlite":
        with engine.connect().execution_options(sqlite_begin="EXCLUSIVE") as conn:
            yield conn
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK})
        conn.commit()
        try:
            yield conn
        finally:
            if conn.in_transaction():
                conn.rollback()
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK})
            conn.commit()


def _upgrade(conn: Any) -> list[str]:
    """Inside the caller's transaction (Alembic then leaves transactions to us)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    current = MigrationContext.configure(conn).get_current_revision()
    if current == head:  # another process migrated while we waited for the lock
        return []
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
        raise ConfigError(
            f"the database schema is at revision {current!r}, which this version of the assistant does not know "
            f"(its newest is {head!r}); run the newer version, or restore a backup made for this one"
        )
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    done = []
    if current is None and {"conversations", "turns", "feedback"} <= set(inspect(conn).get_table_names()):
        command.stamp(cfg, "0001")  # the schema the code created before migrations existed
        done.append("found the schema from before migrations; recorded it as revision 0001")
        current = "0001"
    command.upgrade(cfg, "head")
    done.append(f"schema migrated from {current or 'empty'} to {head}")
    return done
