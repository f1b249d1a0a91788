"""The HTTP/1.1 protocol `assistant serve` runs: uvicorn's h11 protocol with bounds on what a client may make the
server read and hold.

uvicorn picks httptools when it is installed, and httptools buffers a header of any size (a 50 MB header was
accepted with 200, and ten of them grew the server by 560 MB). h11 stops at a bounded buffer
(`h11_max_incomplete_event_size`, set to MAX_HEAD in `assistant.serve.run`), but uvicorn then answers a bare
400 text and drops the connection, so a client still sending never reads it. This subclass:

- answers a head (request line + headers) that outgrows the buffer with a JSON error: 414 `uri_too_long` when
  the request line alone is longer than `edge.MAX_TARGET`, else 431 `headers_too_large`; smaller excesses (a
  target above 8 KB, headers above 16 KB) are answered by the edge middleware with the same codes;
- then closes gracefully: it stops reading into memory, discards what the client still sends for up to
  LINGER_S (or LINGER_BYTES), so the client gets to read the answer instead of a connection reset;
- closes a connection whose request head has not arrived within HEAD_TIMEOUT_S of its first byte (or of the
  connection's opening): idle and slow-header ("slowloris") connections do not stay open. Between requests
  uvicorn's keep-alive timeout (5 s) applies.
"""

from __future__ import annotations

import asyncio
import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from assistant.privacy import redact
from assistant.serve.edge import MAX_HEADERS, MAX_TARGET

MAX_HEAD = MAX_TARGET + MAX_HEADERS + 1024  # h11's buffer: request line + headers + their line breaks
HEAD_TIMEOUT_S = 10.0
LINGER_S = 2.0
LINGER_BYTES = 64 * 1024 * 1024


def json_response(status: int, reason: bytes, code: str, message: str) -> bytes:
    body = json.dumps({"error": {"code": code, "message": redact(message)}}).encode()
    head = (
        f"HTTP/1.1 {status} ".encode()
        + reason
        + b"\r\ncontent-type: application/json\r\nconnection: close\r\n"
        + f"content-length: {len(body)}\r\n\r\n".encode()
    )
    return head + body


class BoundedH11Protocol(H11Protocol):
    head_timeout_s = HEAD_TIMEOUT_S

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._first_line = b""  # the start of the request line being received (up to MAX_TARGET + 2 bytes)
        self._discarding = 0  # > 0: the answer is sent; bytes the client still sends are dropped
        self._head_timer: asyncio.TimerHandle | None = None
        self._arm_head_timer()

    # the request head's deadline ------------------------------------------------------------------
    def _arm_head_timer(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.head_timeout_s, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()  # no request (or only part of its head) within the time: hang up

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    # reading ----------------------------------------------------------------------------------------
    def data_received(self, data: bytes) -> None:
        if self._discarding:
            self._discarding += len(data)
            if self._discarding > LINGER_BYTES:
                self.transport.close()
            return
        if self.conn.their_state is h11.IDLE:
            self._arm_head_timer()
            if len(self._first_line) <= MAX_TARGET + 16 and b"\n" not in self._first_line:
                self._first_line = (self._first_line + data[: MAX_TARGET + 32])[: MAX_TARGET + 32]
        super().data_received(data)

    def handle_events(self) -> None:
        super().handle_events()
        if self.conn.their_state is not h11.IDLE and self.conn.their_state is not h11.ERROR:
            self._disarm_head_timer()  # the head has arrived: the app's own time limits apply from here
            self._first_line = b""

    def send_400_response(self, msg: str) -> None:
        """h11 gave up on the request: a head too large gets 414/431 as JSON, anything else 400 as JSON; then a
        graceful close."""
        line_end = self._first_line.find(b"\n")
        if self.conn.their_state is h11.ERROR and len(self._first_line) > MAX_TARGET and line_end == -1:
            out = json_response(
                414, b"URI Too Long", "uri_too_long", f"the request target is longer than {MAX_TARGET:,} bytes"
            )
        elif self._buffer_overflowed():
            out = json_response(
                431,
                b"Request Header Fields Too Large",
                "headers_too_large",
                f"the request headers are larger than {MAX_HEADERS:,} bytes",
            )
        else:
            out = json_response(400, b"Bad Request", "bad_request", "the request is not valid HTTP/1.1")
        self.logger.warning("rejected a request: %s", out.split(b"\r\n", 1)[0].decode())
        self._disarm_head_timer()
        self.transport.write(out)
        self._linger()

    def _buffer_overflowed(self) -> bool:
        return len(self.conn.trailing_data[0]) > self.conn._max_incomplete_event_size  # noqa: SLF001

    def _linger(self) -> None:
        """Stop answering; read and drop what still comes for a while, then close."""
        self._discarding = 1
        try:
            self.transport.write_eof()
        except (OSError, RuntimeError, NotImplementedError):
            pass
        self.loop.call_later(LINGER_S, self._close)

    def _close(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()
