"""What the routes depend on: the Assistant (loaded once, in the background; replaced as a whole after a
re-index, here or by another process: see `check_index`), the conversation/feedback store, the calculator
registry and the admin token check (the rate limit is the edge's: `assistant.serve.edge`).
Tests swap any of them with `app.dependency_overrides[get_assistant] = lambda: stub`.

State per worker process (with `assistant serve --workers N` or several hosts): the loaded index (the same
on every worker: it follows the index pointer) and the query-vector cache; the edge (`edge.py`) keeps the rate
limiter's counts and the answers in flight per worker (so the effective limit per client is up to N times
`ASSISTANT_RATE_LIMIT` when a balancer spreads its requests). Conversations, their follow-up context and
feedback live in the database only; the retention purge runs in every worker (deleting is idempotent).
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from assistant.config import Settings
from assistant.errors import AssistantError, BackendUnavailable, IndexError_, Unauthorized
from assistant.persistence import Store

if TYPE_CHECKING:  # pragma: no cover
    from assistant.answer.pipeline import Assistant

log = logging.getLogger(__name__)
T = TypeVar("T")

LOAD_WAIT_S = 60.0  # how long a request waits for the index before answering 503
PURGE_EVERY_S = 3600.0  # how often the server deletes what is older than ASSISTANT_RETENTION_DAYS
RETRY_LOAD_S = 5.0  # after a load failed because a server was unreachable, try again this much later


class Timeout(AssistantError):
    code = "timeout"
    exit_code = 3
    http_status = 504


class Conflict(AssistantError):
    code = "conflict"
    exit_code = 2
    http_status = 409


class AdminDisabled(AssistantError):
    code = "admin_disabled"
    exit_code = 2
    http_status = 403


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


class Services:
    """Everything the app shares between requests. Nothing heavy happens in __init__."""

    def __init__(
        self,
        settings: Settings,
        assistant: Assistant | None = None,
        store: Store | None = None,
        request_timeout_s: float | None = None,
        load_wait_s: float | None = None,
    ) -> None:
        self.settings = settings
        self.request_timeout_s = request_timeout_s or max(60.0, 2 * settings.llm_timeout_s + 30)
        self.load_wait_s = LOAD_WAIT_S if load_wait_s is None else load_wait_s
        self.started_at = time.time()
        self._assistant = assistant
        self._load_error: AssistantError | None = None
        self._ready = threading.Event()
        if assistant is not None:
            self._ready.set()
        self._loading = False
        self._failed_at = 0.0
        self._store = store
        self._store_lock = threading.Lock()
        self._closed = threading.Event()
        self._watching = False
        self._lock = threading.Lock()
        self._reindex: dict[str, Any] = {"status": "idle"}

    # assistant -----------------------------------------------------------------------------
    def start_loading(self) -> None:
        """Build the Assistant in a background thread (idempotent). A load that failed because the Chroma
        server could not be reached is tried again (at most every RETRY_LOAD_S)."""
        with self._lock:
            retry = (
                self._ready.is_set()
                and self._assistant is None
                and isinstance(self._load_error, BackendUnavailable)
                and time.monotonic() - self._failed_at > RETRY_LOAD_S
            )
            if retry:
                self._ready.clear()
            elif self._ready.is_set() or self._loading:
                return
            self._loading = True
        threading.Thread(target=self._load, name="assistant-loader", daemon=True).start()

    def _load(self) -> None:
        from assistant.answer.pipeline import Assistant

        try:
            self._assistant = Assistant.create(self.settings)
            self._load_error = None
            log.info("index loaded: %s", self._assistant.index.embedder.id)
            self._start_watching()
        except AssistantError as exc:
            log.error("could not load the assistant: %s", exc.message)
            self._load_error = exc
            self._failed_at = time.monotonic()
        except Exception as exc:  # noqa: BLE001 - reported as 503 by every request, logged in full here
            log.exception("could not load the assistant")
            self._load_error = IndexError_(f"could not load the index: {exc}")
        finally:
            self._loading = False
            self._ready.set()

    # the index pointer ---------------------------------------------------------------------------
    def _start_watching(self) -> None:
        """Poll the index pointer every `index_poll_s` (a build by `assistant index` or another worker)."""
        with self._lock:
            if self._watching or self.settings.index_poll_s <= 0:
                return
            self._watching = True
        threading.Thread(target=self._watch, name="index-watch", daemon=True).start()

    def _watch(self) -> None:
        while not self._closed.wait(self.settings.index_poll_s):
            try:
                self.check_index()
            except AssistantError as exc:  # the old index keeps answering meanwhile
                log.warning("could not check the index pointer: %s", exc.message)
            except Exception:  # noqa: BLE001 - never let the watcher die
                log.exception("could not check the index pointer")

    def check_index(self) -> bool:
        """Swap in the index recorded now when it differs from the one this process holds. True if swapped."""
        from assistant.answer.pipeline import Assistant
        from assistant.retrieve.index import COLLECTION, current_collection, reindex

        current = self._assistant
        if current is None or self.reindex_status().get("status") == "running":
            return False
        recorded = current_collection(self.settings)
        if recorded is None or recorded == str(current.index.meta.get("collection") or COLLECTION):
            return False
        index = reindex(self.settings, full=False)  # opens the recorded build (embeds nothing when it is complete)
        fresh = Assistant(self.settings, index, llm=current.llm)
        self._assistant = fresh
        log.info("picked up the index %s", index.meta.get("collection"))
        return True

    @property
    def loaded(self) -> bool:
        return self._ready.is_set() and self._assistant is not None

    @property
    def load_error(self) -> AssistantError | None:
        return self._load_error

    def assistant(self, wait_s: float | None = None) -> Assistant:
        """The Assistant; waits (bounded) while it loads, then raises a 503 error."""
        self.start_loading()
        if not self._ready.wait(self.load_wait_s if wait_s is None else wait_s):
            raise BackendUnavailable("the policy index is still loading; try again in a minute")
        if self._assistant is None:
            raise self._load_error or IndexError_("the policy index could not be loaded")
        return self._assistant

    # re-index -------------------------------------------------------------------------------
    def reindex_status(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._reindex)

    def start_reindex(self, full: bool = False) -> dict[str, Any]:
        """Rebuild the index aside in a background thread, then swap the new Assistant in (one at a time)."""
        with self._lock:
            if self._reindex.get("status") == "running":
                raise Conflict(f"a re-index is already running (started {self._reindex.get('started_at')})")
            self._reindex = {"status": "running", "full": full, "started_at": _now(), "messages": []}
            status = dict(self._reindex)
        threading.Thread(target=self._do_reindex, args=(full,), name="reindex", daemon=True).start()
        return status

    def _do_reindex(self, full: bool) -> None:
        from assistant.answer.pipeline import Assistant
        from assistant.retrieve.index import reindex

        started = time.perf_counter()
        result: dict[str, Any]
        try:
            try:
                current: Assistant | None = self.assistant()
            except AssistantError:  # the first load failed: a re-index is how an admin repairs that
                current = None
            index = reindex(self.settings, full=full)
            if current is not None:
                fresh = Assistant(self.settings, index, llm=current.llm)
            else:
                fresh = Assistant.create(self.settings)  # on the index just built (opened once per process)
            self._assistant = fresh  # one reference assignment: a request sees the old or the new index
            self._load_error = None
            self._ready.set()
            result = {
                "status": "done",
                "messages": index.messages,
                "index": {
                    "collection": index.meta.get("collection"),
                    "embedder": index.embedder.id,
                    "passages": len(index.corpus.passages),
                    "clauses": len(index.corpus.clauses),
                    "corpus_hash": index.meta.get("corpus_hash"),
                },
            }
            log.info("re-index done: %s", "; ".join(index.messages) or "index unchanged")
        except AssistantError as exc:
            log.error("re-index failed: %s", exc.message)
            result = {"status": "failed", "error": {"code": exc.code, "message": exc.message}}
        except Exception as exc:  # noqa: BLE001 - reported in the status, logged in full here
            log.exception("re-index failed")
            result = {
                "status": "failed",
                "error": {"code": "internal_error", "message": f"re-index failed ({exc.__class__.__name__})"},
            }
        with self._lock:
            self._reindex = {
                **self._reindex,
                **result,
                "finished_at": _now(),
                "seconds": round(time.perf_counter() - started, 2),
            }

    # store ---------------------------------------------------------------------------------
    def store(self) -> Store:
        """The database of the settings (migrated when opened); `BackendUnavailable` while it cannot be reached
        (the next request tries again)."""
        with self._store_lock:
            if self._store is None:
                self._store = Store.for_settings(self.settings)
            return self._store

    def close(self) -> None:
        self._closed.set()
        with self._store_lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    # retention -----------------------------------------------------------------------------
    def start_retention(self) -> None:
        """Delete conversations and feedback older than `retention_days`, now and every PURGE_EVERY_S, in a
        background thread (nothing when retention is 0)."""
        if self.settings.retention_days <= 0:
            return
        threading.Thread(target=self._retain, name="retention", daemon=True).start()

    def _retain(self) -> None:
        while True:
            try:
                counts = self.store().purge(self.settings.retention_days)
                if any(counts.values()):
                    log.info(
                        "retention: deleted %(conversations)d conversations (%(turns)d turns) and %(feedback)d "
                        "feedback rows older than %(days)g days",
                        {**counts, "days": self.settings.retention_days},
                    )
            except AssistantError as exc:  # the database is away: try again next round
                log.warning("retention: could not purge: %s", exc.message)
            except Exception:  # noqa: BLE001 - never let the purger die
                log.exception("retention: could not purge")
            if self._closed.wait(PURGE_EVERY_S):
                return

    # helpers -------------------------------------------------------------------------------
    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking work in a thread with the request time limit (504 when it is exceeded)."""
        try:
            with anyio.fail_after(self.request_timeout_s):
                return await anyio.to_thread.run_sync(lambda: fn(*args, **kwargs), abandon_on_cancel=True)
        except TimeoutError:
            raise Timeout(f"no answer within {self.request_timeout_s:.0f} s; try a shorter question") from None


def get_services(request: Request) -> Services:
    return request.app.state.services


def get_settings(services: Services = Depends(get_services)) -> Settings:
    return services.settings


def get_assistant(services: Services = Depends(get_services)) -> Assistant:
    return services.assistant()


def get_store(services: Services = Depends(get_services)) -> Store:
    return services.store()


def get_tools() -> Any:
    """The calculator registry (`tools.registry`: list_tools(), run_tool(name, args))."""
    try:
        from tools import registry
    except ImportError as exc:
        raise BackendUnavailable(f"the calculators are not available: {exc}") from None
    return registry



_bearer = HTTPBearer(
    auto_error=False,
    description="The admin token: the value of ASSISTANT_ADMIN_TOKEN on the server",
    scheme_name="admin",
)


def require_admin(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
    settings: Settings = Depends(get_settings),
) -> None:
    """Admin endpoints: 403 while no ASSISTANT_ADMIN_TOKEN is configured, 401 without the right token."""
    token = settings.admin_token
    if not token:
        raise AdminDisabled(
            "admin endpoints are disabled on this server; set ASSISTANT_ADMIN_TOKEN when starting it to enable them"
        )
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8")):
        raise Unauthorized(
            "this endpoint needs the admin token: Authorization: Bearer <ASSISTANT_ADMIN_TOKEN>",
            details={"headers": {"WWW-Authenticate": "Bearer"}},
        )
