"""Feedback into evals: thumbs-down answers as candidate eval items (`assistant feedback export`).

Each candidate is a line in the eval schema (evals/DATASET.md) with the gold fields empty (`expected_sources`,
`must_include`, `must_not_include`, `tool`) for a purchase officer to fill in, plus what the user saw and
said: `answer`, `comment`, `citations` (clause id, section, year, quote of each), `intent`, `feedback_id`,
`conversation_id`, `created_at`. The eval loader ignores those extra fields, so a filled-in line can be
appended to an eval set as it is. `kind` is a first guess from the answer's intent: check it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.errors import InvalidInput
from assistant.persistence import Store

CITATION_FIELDS = ("clause_id", "doc", "year", "section", "title", "quote")


def guess_kind(intent: str | None, refused: bool = False) -> str:
    """The eval `kind` an answer's intent suggests (a calculator: calculation; a refusal: out_of_scope)."""
    intent = intent or ""
    if intent.startswith(("tool:", "clarify:")):
        return "calculation"
    if refused or intent.startswith("refuse:"):
        return "out_of_scope"
    return "clause_lookup"


def candidate(row: dict[str, Any]) -> dict[str, Any]:
    """One thumbs-down feedback row (from `Store.feedback_in_context`) as an eval item with empty gold fields."""
    return {
        "id": f"feedback-{row['id']}",
        "question": row.get("question") or "",
        "persona": "provider",
        "kind": guess_kind(row.get("intent")),
        "expected_sources": [],
        "must_include": [],
        "must_not_include": [],
        "tool": None,
        "should_refuse": False,
        "notes": "",
        "answer": row.get("answer") or "",
        "comment": row.get("comment") or "",
        "citations": [{k: c.get(k) for k in CITATION_FIELDS if k in c} for c in row.get("citations") or []],
        "intent": row.get("intent"),
        "feedback_id": row["id"],
        "conversation_id": row.get("conversation_id"),
        "created_at": row.get("created_at"),
    }


def export_candidates(store: Store, out: Path, limit: int = 5000) -> int:
    """Write every thumbs-down answer (newest first, at most `limit`) with a question to `out` as JSONL."""
    if not 1 <= limit <= 100_000:
        raise InvalidInput(f"--limit must be between 1 and 100000, got {limit}")
    if out.exists() and out.is_dir():
        raise InvalidInput(f"--out {out} is a directory; give a file name such as candidates.jsonl")
    rows = [r for r in store.feedback_in_context(rating="down", limit=limit) if (r.get("question") or "").strip()]
    lines = [json.dumps(candidate(r), ensure_ascii=False) for r in rows]
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(f"cannot write {out}: {exc.strerror or exc}") from None
    return len(lines)
