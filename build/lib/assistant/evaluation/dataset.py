"""Eval items: one JSON object a line (format in evals/DATASET.md), read into typed cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from assistant.errors import InvalidInput

Kind = Literal["clause_lookup", "calculation", "eligibility", "deadline", "version_diff", "out_of_scope", "adversarial"]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]


class DatasetError(InvalidInput):
    """The eval file is missing or a line is not a valid item (the message names the line)."""

    code = "dataset_error"


class ExpectedSource(BaseModel):
    doc: str  # the file name as published, e.g. "000_3d2709293215211c.txt"
    section: str = ""
    quote: str


class ToolSpec(BaseModel):
    name: str
    args: dict[str, Any] = Field(default_factory=dict)
    expected: dict[str, Any] = Field(default_factory=dict)


class EvalItem(BaseModel):
    id: str
    question: str
    persona: str = "provider"
    kind: Kind
    expected_sources: list[ExpectedSource] = Field(default_factory=list)
    must_include: list[str] = Field(default_factory=list)
    must_not_include: list[str] = Field(default_factory=list)
    tool: ToolSpec | None = None
    should_refuse: bool = False
    notes: str = ""


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "item"
    return f"{where}: {err['msg']}"


def parse_items(lines: list[str], name: str = "dataset") -> list[EvalItem]:
    items: list[EvalItem] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = EvalItem.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{name} line {number}: not valid JSON ({exc.msg})") from None
        except ValidationError as exc:
            raise DatasetError(f"{name} line {number}: {_first_error(exc)}") from None
        if item.id in seen:
            raise DatasetError(f"{name} line {number}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise DatasetError(f"{name} holds no eval items")
    return items


def load_dataset(path: Path) -> list[EvalItem]:
    """Read and validate a JSONL eval set; raise DatasetError with one readable line on bad input."""
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"eval dataset {path} does not exist")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"eval dataset {path} cannot be read ({exc.__class__.__name__})") from None
    return parse_items(text.splitlines(), name=path.name)
