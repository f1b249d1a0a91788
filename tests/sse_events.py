"""Parsing a text/event-stream body, shared by the API tests and the scale-out tests."""

from __future__ import annotations

import json


def parse_sse(text: str) -> list[tuple[str, object]]:
    """[(event, data)] from a text/event-stream body; comments (keep-alives) are skipped."""
    events: list[tuple[str, object]] = []
    for block in text.split("\n\n"):
        lines = [ln for ln in block.split("\n") if ln and not ln.startswith(":")]
        if not lines:
            continue
        event = next((ln[6:].strip() for ln in lines if ln.startswith("event:")), "message")
        data = "\n".join(ln[5:].removeprefix(" ") for ln in lines if ln.startswith("data:"))
        try:
            events.append((event, json.loads(data)))
        except ValueError:
            events.append((event, data))
    return events
