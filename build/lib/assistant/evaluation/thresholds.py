"""Compare a report to the thresholds file (evals/thresholds.toml) and say, line by line, what is violated."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from assistant.evaluation.dataset import DatasetError
from assistant.evaluation.report import fmt
from assistant.evaluation.runner import aggregate

BOUNDS = {"min": (">=", lambda v, t: v >= t), "max": ("<=", lambda v, t: v <= t)}


def load_thresholds(path: Path) -> dict[str, Any]:
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"thresholds file {path} does not exist")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DatasetError(f"thresholds file {path} is not valid TOML ({exc})") from None
    unknown = set(data) - {"min", "max", "subset"}
    if unknown:
        raise DatasetError(f"thresholds file {path}: unknown section(s) {sorted(unknown)}; use min, max, subset")
    return data


def _check(scope: str, metrics: dict[str, Any], rules: dict[str, Any]) -> list[str]:
    lines = []
    for bound, (sign, ok) in BOUNDS.items():
        for name, target in rules.get(bound, {}).items():
            if name not in metrics:  # not computed in this run (e.g. answer metrics in retrieval-only mode)
                continue
            value = metrics[name]
            if value is None:
                lines.append(f"{scope}: {name} not measured (n/a), needs {sign} {target}")
            elif not ok(value, target):
                lines.append(f"{scope}: {name} = {fmt(value, name)}, needs {sign} {target}")
    return lines


def check_thresholds(report: dict[str, Any], thresholds: Path | dict[str, Any]) -> list[str]:
    """The violated thresholds as readable lines ("overall: mrr = 0.812, needs >= 0.85"); empty = all met."""
    rules = thresholds if isinstance(thresholds, dict) else load_thresholds(thresholds)
    lines = _check("overall", report["metrics"], rules)
    for name, subset in rules.get("subset", {}).items():
        kinds = subset.get("kinds", [])
        items = [i for i in report.get("items", []) if i["kind"] in kinds]
        if not items:
            lines.append(f"{name} ({'+'.join(kinds)}): no items of these kinds in the eval set")
            continue
        lines.extend(_check(f"{name} ({'+'.join(kinds)})", aggregate(items), subset))
    return lines
