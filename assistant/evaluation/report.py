"""Write an eval report: report.json (everything), report.md (tables per kind, every failure), metrics.png."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RETRIEVAL_COLUMNS = ["n_items", "recall_at_k", "all_sources_hit", "mrr", "search_p50_ms", "search_p95_ms"]
ANSWER_COLUMNS = [
    "n_items",
    "answer_correctness",
    "refusal_accuracy",
    "false_refusal_rate",
    "citation_exactness",
    "citation_recall",
    "calculator_correctness",
    "tool_called_rate",
    "ungrounded_numbers",
    "ask_p50_ms",
    "ask_p95_ms",
]
PLAN_COLUMNS = [
    "n_items",
    "answer_line_facts",
    "verdict_first",
    "premise_corrected",
    "quote_relevance",
    "quotes_per_answer",
    "quote_recall",
    "tool_args_correct",
    "ask_back_precision",
    "ask_back_recall",
    "follow_up_correctness",
]
CHART_METRICS = [
    "recall_at_k",
    "all_sources_hit",
    "mrr",
    "answer_correctness",
    "refusal_accuracy",
    "citation_exactness",
    "citation_recall",
    "calculator_correctness",
]


def fmt(value: Any, key: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float) and key.endswith("_ms"):
        return f"{value:.1f}"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"
    return str(value)


def _cell(value: Any, limit: int = 300) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def _rows(report: dict) -> list[tuple[str, dict]]:
    rows = list(report["by_kind"].items()) + [(f"*{n}*", m) for n, m in report.get("subsets", {}).items()]
    return rows + [("**overall**", report["metrics"])]


def metrics_table(report: dict, columns: list[str]) -> str:
    columns = [c for c in columns if c in report["metrics"]]
    lines = ["| kind | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for name, metrics in _rows(report):
        lines.append(f"| {name} | " + " | ".join(fmt(metrics.get(c), c) for c in columns) + " |")
    return "\n".join(lines)


def failures_table(report: dict) -> str:
    lines = ["| id | kind | check | question | expected | got |", "|---|---|---|---|---|---|"]
    for f in report["failures"]:
        cells = [f["id"], f["kind"], f["check"], f["question"], f["expected"], f["got"]]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def markdown(report: dict) -> str:
    parts = [
        "# Eval report",
        "",
        f"dataset `{report.get('dataset', '?')}` · mode **{report['mode']}** · k = {report['k']} · "
        f"{report['metrics']['n_items']} items · {report['created']}",
        "",
        "## Retrieval",
        "",
        metrics_table(report, RETRIEVAL_COLUMNS),
    ]
    if "answer_correctness" in report["metrics"]:
        parts += ["", "## Answers", "", metrics_table(report, ANSWER_COLUMNS)]
        parts += ["", "## Answer first", "", metrics_table(report, PLAN_COLUMNS)]
    if report.get("thresholds"):
        parts += ["", "## Thresholds", ""]
        parts += [f"- {line}" for line in report["thresholds"]["violations"]] or ["- all thresholds met"]
    if report.get("notices"):
        parts += ["", "## Notices", ""] + [f"- {n}" for n in report["notices"]]
    parts += ["", f"## Failures ({len(report['failures'])})", ""]
    parts.append(failures_table(report) if report["failures"] else "none")
    return "\n".join(parts) + "\n"


def chart(report: dict, path: Path) -> None:
    """Grouped bars: one group per kind (and overall), one bar per main metric."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    metrics = [m for m in CHART_METRICS if m in report["metrics"]]
    groups = list(report["by_kind"].items()) + [("overall", report["metrics"])]
    x = np.arange(len(groups))
    width = 0.8 / max(1, len(metrics))
    fig, ax = plt.subplots(figsize=(max(8, 1.4 * len(groups) + 2), 4.8))
    for n, metric in enumerate(metrics):
        values = [np.nan if g.get(metric) is None else g[metric] for _, g in groups]
        ax.bar(x + (n - (len(metrics) - 1) / 2) * width, values, width, label=metric)
    ax.set_xticks(x, [name for name, _ in groups], rotation=20, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score (missing bar = not measured)")
    ax.set_title(f"Eval metrics per kind ({report['mode']}, k={report['k']})")
    ax.legend(fontsize="small", ncol=min(4, len(metrics)), loc="upper center", bbox_to_anchor=(0.5, -0.22))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


CHART_HINT = "no chart (metrics.png needs matplotlib: pip install -e '.[bench]')"


def write_report(report: dict, out_dir: Path) -> list[str]:
    """report.json and report.md always; metrics.png when matplotlib is installed (an optional extra). The
    names of the files written, or for the chart the one line saying how to get it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    (out_dir / "report.md").write_text(markdown(report), encoding="utf-8")
    try:
        import matplotlib  # noqa: F401 - only to know whether the chart can be drawn
    except ImportError:
        return ["report.json", CHART_HINT]
    chart(report, out_dir / "metrics.png")
    return ["report.json", "metrics.png"]


def failed_items(report: dict) -> list[str]:
    """The ids of the items that failed at least one check, in report order."""
    return list(dict.fromkeys(f["id"] for f in report["failures"]))


def summary(report: dict) -> str:
    """A plain-text table for the terminal: main metrics per kind and overall."""
    columns = [
        c for c in ["n_items", *CHART_METRICS, "false_refusal_rate", "ungrounded_numbers"] if c in report["metrics"]
    ]
    short = {
        "n_items": "n",
        "recall_at_k": f"recall@{report['k']}",
        "calculator_correctness": "calculator",
        "answer_correctness": "correct",
        "false_refusal_rate": "false_refusal",
        "ungrounded_numbers": "ungrounded",
    }
    heads = ["kind"] + [short.get(c, c) for c in columns]
    rows = [[name.strip("*")] + [fmt(m.get(c), c) for c in columns] for name, m in _rows(report)]
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(len(heads))]
    line = "  ".join
    return "\n".join(line(cell.ljust(w) for cell, w in zip(r, widths, strict=True)) for r in [heads, *rows])
