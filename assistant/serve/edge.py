"""The edge: what every HTTP request passes before any route sees it (the outermost ASGI middleware).

1. **Who is asking.** The client is the peer address, unless the peer is a trusted proxy
   (`ASSISTANT_TRUSTED_PROXIES`, empty by default): then `Forwarded` (RFC 7239) or `X-Forwarded-For` is read from
   the right, and the first address that is not itself a trusted proxy is the client. From anyone else these
   headers are ignored, so rotating them changes nothing. The address is written into the ASGI scope, so the
   access log shows it too. (uvicorn's own proxy-header handling is switched off in `assistant serve`.)
2. **Bounded requests** (the protocol in `protocol.py` bounds what is read at all): a request target above
   8 KB -> 414, headers above 16 KB -> 431; a path or query string whose percent-escapes are not UTF-8 -> 400
   `invalid_json`, the same answer as a body that is not UTF-8.
3. **Rate limit**, per client and per endpoint class, each with its own budget (`BUDGETS`): admin endpoints
   (token guesses) are the strictest. 429 with Retry-After.
4. **Load shedding**: at most `ASSISTANT_MAX_IN_FLIGHT` answers (ask, chat, search, verify, calculators,
   chat completions) are computed at once per worker; a request beyond that gets 503 `overloaded` with
   Retry-After at once, so the accepted ones keep a bounded latency instead of queueing behind each other.
"""

from __future__ import annotations

import ipaddress
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.config import Settings

MAX_TARGET = 8 * 1024  # bytes of the request target (path + query string) -> 414 above
MAX_HEADERS = 16 * 1024  # bytes of all header names and values -> 431 above
SHED_RETRY_AFTER_S = 1

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


# ------------------------------------------------------------------------------------------- budgets
@dataclass(frozen=True)
class Budget:
    """A rate-limit budget: which requests it covers and how many per minute a client may send."""

    name: str
    covers: Callable[[str, str], bool]  # (method, path) -> bool
    per_minute: Callable[[Settings], int]


def _general(s: Settings) -> int:
    return s.rate_limit_per_minute


def _admin(s: Settings) -> int:
    if s.rate_limit_per_minute <= 0:
        return 0
    return min(s.admin_rate_limit_per_minute or s.rate_limit_per_minute, s.rate_limit_per_minute)


def _relaxed(s: Settings) -> int:
    return 5 * s.rate_limit_per_minute  # cheap reads: the page loads several of these at once


BUDGETS: tuple[Budget, ...] = (  # the first that covers a request applies
    Budget(
        "admin",
        lambda m, p: p.startswith("/api/admin") or (p.rstrip("/") == "/api/feedback" and m != "POST"),
        _admin,
    ),
    Budget("health", lambda m, p: p == "/health", _relaxed),
    Budget(
        "browse",
        lambda m, p: (
            m in ("GET", "HEAD", "OPTIONS")
            and (
                p.startswith(("/api/clauses", "/api/conversations", "/static/", "/v1/models", "/docs", "/redoc"))
                or p in ("/", "/api/tools", "/openapi.json", "/favicon.ico")
            )
        ),
        _relaxed,
    ),
    Budget("api", lambda m, p: True, _general),  # ask, chat, search, verify, feedback, calculators, /v1, the rest
)

# answers: the requests that cost real work and are shed under overload
ANSWERS = re.compile(r"^/(?:api/(?:ask|chat|verify|search|diff|tools/[^/]+)|v1/chat/completions|mcp)/?$")


def budget_for(method: str, path: str) -> Budget:
    return next(b for b in BUDGETS if b.covers(method, path))


class RateLimiter:
    """Sliding one-minute window per key; `per_minute <= 0` switches it off. `hit` returns the seconds to wait
    (0 when the request may go on)."""

    def __init__(self) -> None:
        self._hits: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, budget: str, client: str, per_minute: int) -> int:
        if per_minute <= 0:
            return 0
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault((budget, client), deque())
            while hits and hits[0] <= now - 60:
                hits.popleft()
            if len(hits) >= per_minute:
                return max(1, int(60 - (now - hits[0])) + 1)
            hits.append(now)
            if len(self._hits) > 20_000:  # forget idle clients
                for key in [k for k, v in self._hits.items() if not v or v[-1] <= now - 60]:
                    del self._hits[key]
        return 0


# ----------------------------------------------------------------------------------------- the client
def parse_networks(values: list[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(v, strict=False) for v in values)


def _address(value: str) -> Address | None:
    """An IP address from a Forwarded `for=` or X-Forwarded-For item ('[2001:db8::1]:443', '1.2.3.4:80')."""
    value = value.strip().strip('"')
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else value
    elif value.count(":") == 1:
        value = value.split(":")[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def forwarded_chain(headers: list[tuple[bytes, bytes]]) -> list[str]:
    """The addresses the proxies report, nearest last: `Forwarded: for=...` when present, else X-Forwarded-For."""
    forwarded = [v.decode("latin-1") for k, v in headers if k == b"forwarded"]
    if forwarded:
        return [
            m.group(1)
            for element in ",".join(forwarded).split(",")
            for m in [re.search(r'(?i)(?:^|;)\s*for=("[^"]*"|[^;,\s]+)', element)]
            if m
        ]
    xff = [v.decode("latin-1") for k, v in headers if k == b"x-forwarded-for"]
    return [item.strip() for item in ",".join(xff).split(",") if item.strip()]


def client_address(peer: str, headers: list[tuple[bytes, bytes]], trusted: tuple[Network, ...]) -> str:
    """The client: the peer, or, when the peer is a trusted proxy, the right-most forwarded address that is not a
    trusted proxy itself (an unreadable entry stops the walk at the last proxy that reported it)."""

    def is_trusted(addr: Address | None) -> bool:
        return addr is not None and any(addr in net for net in trusted)

    current = peer
    if not trusted or not is_trusted(_address(peer)):
        return peer
    for item in reversed(forwarded_chain(headers)):
        addr = _address(item)
        if addr is None:
            return current
        current = str(addr)
        if not is_trusted(addr):
            return current
    return current


# ------------------------------------------------------------------------------------------- the edge
def _bad_utf8(raw: bytes) -> int | None:
    """The byte offset where the percent-decoded `raw` stops being UTF-8 (None when it is UTF-8)."""
    if b"%" not in raw and raw.isascii():
        return None
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


class Edge:
    """The outermost middleware; see the module docstring. `in_flight` is the number of answers being computed."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.trusted = parse_networks(settings.trusted_proxies)
        self.limiter = RateLimiter()
        self.in_flight = 0
        self.shed = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from assistant.serve.errors import error_response

        headers = scope.get("headers") or []
        peer = (scope.get("client") or ("unknown", 0))[0]
        client = client_address(peer, headers, self.trusted)
        if client != peer:
            scope["client"] = (client, 0)
        rejection = self._reject(scope, headers, client)
        if rejection is not None:
            await rejection(scope, receive, send)
            return
        if not ANSWERS.match(scope.get("path", "")) or self.settings.max_in_flight <= 0:
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.settings.max_in_flight:  # one event loop per worker: no lock needed
            self.shed += 1
            await error_response(
                503,
                "overloaded",
                f"the server is busy answering {self.in_flight} questions; try again in {SHED_RETRY_AFTER_S} s",
                {"Retry-After": str(SHED_RETRY_AFTER_S)},
            )(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1

    def _reject(self, scope: Scope, headers: list[tuple[bytes, bytes]], client: str):
        from assistant.serve.errors import error_response

        target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if target > MAX_TARGET:
            return error_response(414, "uri_too_long", f"the request target is longer than {MAX_TARGET:,} bytes")
        if sum(len(k) + len(v) for k, v in headers) > MAX_HEADERS:
            return error_response(
                431, "headers_too_large", f"the request headers are larger than {MAX_HEADERS:,} bytes"
            )
        for part, raw in (("path", scope.get("raw_path") or b""), ("query string", scope.get("query_string") or b"")):
            offset = _bad_utf8(raw)
            if offset is not None:
                return error_response(
                    400, "invalid_json", f"the {part} is not valid UTF-8 (byte {offset}); percent-encode UTF-8 text"
                )
        method, path = scope.get("method", "GET"), scope.get("path", "")
        budget = budget_for(method, path)
        wait = self.limiter.hit(budget.name, client, budget.per_minute(self.settings))
        if wait:
            per_minute = budget.per_minute(self.settings)
            which = "" if budget.name == "api" else f" for {budget.name} requests"
            return error_response(
                429,
                "rate_limited",
                f"too many requests: at most {per_minute} per minute{which}; try again in {wait} s",
                {"Retry-After": str(wait)},
            )
        return None
