"""Run an eval set through the assistant, score every item, aggregate overall / per kind, write the report.

`run_eval` needs only an object with `.search(question, k)` and `.ask(question)` (and, for resolving the
eval set's document names and checking citations, `.corpus`), so tests can pass fakes.
"""

from __future__ import annotations

import inspect
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.domain import Answer
from assistant.evaluation import scorers
from assistant.evaluation.dataset import EvalItem, load_dataset
from assistant.evaluation.limits import limited

SUBSETS: dict[str, list[str]] = {"calculation+eligibility": ["calculation", "eligibility"]}


def load_run_tool() -> tuple[Callable[[str, dict], Any] | None, str]:
    """`tools.registry.run_tool`, imported only when an eval needs it (it may not exist yet)."""
    try:
        from tools.registry import run_tool  # type: ignore[import-not-found]
    except Exception as exc:  # noqa: BLE001 - any import failure means "unavailable", reported as such
        return None, f"tools.registry.run_tool unavailable ({exc.__class__.__name__}: {exc})"
    return run_tool, ""


class _Docs:
    """Document-name resolution and whitespace-collapsed texts, from the assistant's corpus."""

    def __init__(self, corpus: Any) -> None:
        self.corpus = corpus

    def doc_id(self, name: str) -> str | None:
        doc = self.corpus.doc_by_source_name(name) if self.corpus is not None else None
        return doc.id if doc else None

    def years(self) -> set[int]:
        """The policy years of the corpus documents: an answer may name them ("nieuw in 2027, niet in 2024")."""
        return set(getattr(self.corpus, "years", ()) or ()) if self.corpus is not None else set()

    def doc_text(self, name: str) -> str | None:
        doc_id = self.doc_id(name)
        return self.corpus.collapsed_texts.get(doc_id) if doc_id else None


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, str | None]:
    started = time.perf_counter()
    try:
        result, error = fn(), None
    except Exception as exc:  # noqa: BLE001 - one failing item must not stop the eval
        result, error = None, f"{exc.__class__.__name__}: {exc}"
    return result, round((time.perf_counter() - started) * 1000, 2), error


_EARLIER: dict[str, list[str]] = {}  # per conversation item: the tool results and quotes of its earlier turns


def _ask(assistant: Any, item: EvalItem, mode: str, limit_s: float | None) -> Callable[[], Answer]:
    """Ask the item's question; a conversation item first asks its earlier turns in the same conversation."""
    params = inspect.signature(assistant.ask).parameters
    extra: dict[str, Any] = {"mode": mode} if "mode" in params else {}
    if item.conversation and "conversation_id" in params:
        extra["conversation_id"] = f"eval-{item.id}-{time.monotonic_ns()}"

    def call() -> Answer:
        earlier = []
        for turn in item.conversation if "conversation_id" in extra else []:
            try:
                said = assistant.ask(turn, **extra)
            except Exception:  # noqa: BLE001 - an earlier turn that fails leaves the conversation without it
                continue
            # what the calculators and quotes of the earlier turns gave back a follow-up's "132 + 2 = 134"
            earlier += [json.dumps(c.result, default=str) for c in said.tool_calls if c.result]
            earlier += [c.quote for c in said.citations]
        _EARLIER[item.id] = earlier
        return assistant.ask(item.question, **extra)

    return lambda: limited(call, limit_s)


def _retrieval(item: EvalItem, assistant: Any, k: int, docs: _Docs) -> dict[str, Any]:
    hits, ms, error = _timed(lambda: assistant.search(item.question, k))
    hits = hits or []
    sources = scorers.resolve_sources(item, docs.doc_id)
    score = scorers.score_retrieval(sources, [(h.passage.doc, h.passage.text) for h in hits])
    top = [f"{h.passage.doc} {h.passage.section}" for h in hits]
    return {"search_ms": ms, "error": error, "top": top, **scorers.to_dict(score)}


def _answer_record(item: EvalItem, answer: Answer, docs: _Docs, run_tool: Any, why: str) -> dict[str, Any]:
    sources = scorers.resolve_sources(item, docs.doc_id)
    score = scorers.score_answer(item, answer)
    plan = scorers.score_plan(item, answer)
    if item.asks_back:  # a value is genuinely missing: the right answer is the question back
        score.correct = plan.asked_back and not score.forbidden
    record: dict[str, Any] = {
        "text": answer.answer,
        "mode": answer.mode,
        "answer": scorers.to_dict(score),
        "plan": scorers.to_dict(plan),
        "asks_back": item.asks_back,
        "follow_up": bool(item.conversation),
        # the sources an answer shows: its quotes and the context folded under them (the page and the API show both)
        "citations": scorers.to_dict(
            scorers.score_citations(sources, answer.citations + answer.context, docs.doc_id, docs.doc_text)
        ),
        "quoted": scorers.to_dict(scorers.score_citations(sources, answer.citations, docs.doc_id, docs.doc_text)),
        "cited": [f"{c.doc} {c.section}: {c.quote}" for c in answer.citations],
        "tool_calls": [c.name for c in answer.tool_calls],
        "tool_args": [{"name": c.name, "args": c.args} for c in answer.tool_calls],
        # the user's own figures back an answer, also those typed in the earlier turns of the same chat
        "ungrounded_numbers": scorers.ungrounded_numbers(
            answer, "\n".join([*item.conversation, *_EARLIER.pop(item.id, []), item.question]), docs.years()
        ),
        "tool": None,
    }
    if item.tool is not None:
        tool = scorers.score_tool(item.tool, run_tool, why)
        tool.called_by_pipeline = item.tool.name in record["tool_calls"]
        record["tool"] = scorers.to_dict(tool)
        record["tool_args_right"] = (
            None if item.asks_back else scorers.tool_args_right(item.tool, answer, _input_models())
        )
    return record


def _input_models() -> dict[str, Any]:
    try:
        from tools.registry import TOOLS  # type: ignore[import-not-found]
    except Exception:  # noqa: BLE001 - no calculators: arguments are compared as given
        return {}
    return {name: spec.input_model() for name, spec in TOOLS.items()}


@dataclass(frozen=True)
class Options:
    k: int = 5
    mode: str = "extractive"
    retrieval_only: bool = False
    ask_timeout_s: float | None = 60.0  # a question whose answer takes longer is a failed item, not a hung eval


def score_item(item: EvalItem, assistant: Any, opts: Options, docs: _Docs, tools: tuple) -> dict:
    record: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind,
        "question": item.question,
        "should_refuse": item.should_refuse,
        "must_include": item.must_include,
        "must_not_include": item.must_not_include,
        "retrieval": _retrieval(item, assistant, opts.k, docs),
    }
    if opts.retrieval_only:
        return record
    answer, ms, error = _timed(_ask(assistant, item, opts.mode, opts.ask_timeout_s))
    record["ask_ms"], record["ask_error"] = ms, error
    if answer is None:  # a crash is scored as a wrong, unrefused answer without citations
        answer = Answer(answer="", refused=False)
    record.update(_answer_record(item, answer, docs, *tools))
    return record


# ---------------------------------------------------------------- aggregation


def _mean(values: list[float]) -> float | None:
    return round(float(np.mean(values)), 4) if values else None


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _pct(values: list[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 2) if values else None


def _retrieval_metrics(items: list[dict]) -> dict[str, Any]:
    scored = [i["retrieval"] for i in items if i["retrieval"]["expected"]]
    search_ms = [i["retrieval"]["search_ms"] for i in items]
    return {
        "recall_at_k": _ratio(sum(r["found"] for r in scored), sum(r["expected"] for r in scored)),
        "all_sources_hit": _mean([float(r["all_hit"]) for r in scored]),
        "mrr": _mean([r["reciprocal_rank"] for r in scored]),
        "search_p50_ms": _pct(search_ms, 50),
        "search_p95_ms": _pct(search_ms, 95),
    }


def _answer_metrics(items: list[dict]) -> dict[str, Any]:
    answers = [i["answer"] for i in items]
    answerable = [a for a in answers if not a["should_refuse"]]
    cites = [i["citations"] for i in items]
    recall_items = [i["citations"] for i in items if not i["should_refuse"]]
    quoted = [i.get("quoted", i["citations"]) for i in items if not i["should_refuse"]]
    tools = [i["tool"] for i in items if i["tool"]]
    measured = [t for t in tools if t["status"] != "unavailable"]
    return {
        "answer_correctness": _mean([float(a["correct"]) for a in answers]),
        "refusal_accuracy": _mean([float(a["refused"] == a["should_refuse"]) for a in answers]),
        "false_refusal_rate": _mean([float(a["refused"]) for a in answerable]),
        "citation_exactness": _ratio(sum(c["exact"] for c in cites), sum(c["total"] for c in cites)),
        "citation_recall": _ratio(sum(c["recalled"] for c in recall_items), sum(c["expected"] for c in recall_items)),
        "quote_recall": _ratio(
            sum(q["recalled"] for q in quoted), sum(q["expected"] for q in quoted)
        ),  # the expected sources among the (at most three) quotes alone
        "calculator_correctness": _mean([float(t["status"] == "ok") for t in measured]),
        "tool_called_rate": _mean([float(bool(t["called_by_pipeline"])) for t in tools]),
        "ungrounded_numbers": sum(len(i["ungrounded_numbers"]) for i in items),
        "items_with_ungrounded_numbers": sum(1 for i in items if i["ungrounded_numbers"]),
        "ask_p50_ms": _pct([i["ask_ms"] for i in items], 50),
        "ask_p95_ms": _pct([i["ask_ms"] for i in items], 95),
        **_plan_metrics(items),
    }


def _plan_metrics(items: list[dict]) -> dict[str, Any]:
    """The answer-first measures: the answer line, ja/nee first, premises corrected, quotes that bear on the
    question, the calculator and arguments the pipeline chose, questions back, follow-ups."""
    plans = [i["plan"] for i in items if "plan" in i]
    if not plans:
        return {}
    asked = [i for i in items if i.get("plan", {}).get("asked_back")]
    quotes = [p for p in plans if p["quotes_relevant"] is not None]
    args = [i["tool_args_right"] for i in items if i.get("tool_args_right") is not None]
    return {
        "answer_line_facts": _mean([float(p["line_has_facts"]) for p in plans if p["line_has_facts"] is not None]),
        "verdict_first": _mean([float(p["verdict_first"]) for p in plans if p["verdict_first"] is not None]),
        "premise_corrected": _mean([float(p["premise_corrected"]) for p in plans if p["premise_corrected"] is not None]),
        "quote_relevance": _ratio(sum(p["quotes_relevant"] for p in quotes), sum(p["quotes"] for p in quotes)),
        "quotes_per_answer": _mean([float(p["quotes"]) for p in plans]),
        "tool_args_correct": _mean([float(a) for a in args]),
        "ask_back_precision": _mean([float(i.get("asks_back", False)) for i in asked]),
        "ask_back_recall": _mean([float(i["plan"]["asked_back"]) for i in items if i.get("asks_back")]),
        "follow_up_correctness": _mean([float(i["answer"]["correct"]) for i in items if i.get("follow_up")]),
    }


def aggregate(items: list[dict]) -> dict[str, Any]:
    """Metrics over a list of item records (works on the records stored in report.json too)."""
    metrics: dict[str, Any] = {"n_items": len(items)}
    metrics.update(_retrieval_metrics(items))
    if items and "answer" in items[0]:
        metrics.update(_answer_metrics(items))
    metrics["errors"] = sum(1 for i in items if i["retrieval"]["error"] or i.get("ask_error"))
    return metrics


def by_kind(items: list[dict]) -> dict[str, dict[str, Any]]:
    kinds = sorted({i["kind"] for i in items})
    return {kind: aggregate([i for i in items if i["kind"] == kind]) for kind in kinds}


def subset_metrics(items: list[dict], subsets: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
    return {name: aggregate([i for i in items if i["kind"] in kinds]) for name, kinds in subsets.items()}


# ---------------------------------------------------------------- failures


def _failure(item: dict, check: str, expected: Any, got: Any) -> dict[str, Any]:
    return {
        "id": item["id"],
        "kind": item["kind"],
        "question": item["question"],
        "check": check,
        "expected": expected,
        "got": got,
    }


def _answer_failures(item: dict) -> list[dict]:
    out = []
    a, text = item["answer"], item["text"][:500]
    if item.get("ask_error"):
        out.append(_failure(item, "ask raised", "an answer", item["ask_error"]))
    if a["missing"]:
        out.append(_failure(item, "answer: must_include missing", a["missing"], text))
    if a["forbidden"]:
        out.append(_failure(item, "answer: must_not_include present", a["forbidden"], text))
    if a["refused"] != a["should_refuse"]:
        want = "a refusal" if a["should_refuse"] else "an answer (not a refusal)"
        out.append(_failure(item, "refusal", want, ("refused: " if a["refused"] else "answered: ") + text))
    c = item["citations"]
    if c["inexact"]:
        out.append(_failure(item, "citation not verbatim in its document", "verbatim quotes", c["inexact"]))
    if c["not_cited"] and not item["should_refuse"]:
        out.append(_failure(item, "citation recall", c["not_cited"], item["cited"]))
    t = item["tool"]
    if t and t["status"] != "ok":
        out.append(
            _failure(item, f"calculator {t['name']}: {t['status']}", "expected fields", t["mismatches"] or t["error"])
        )
    if t and not t["called_by_pipeline"]:
        out.append(_failure(item, "tool not called by the pipeline", t["name"], item["tool_calls"]))
    if item.get("tool_args_right") is False:
        out.append(_failure(item, "calculator arguments", "the expected calculator and arguments", item["tool_args"]))
    plan = item.get("plan") or {}
    if plan.get("line_has_facts") is False:
        out.append(_failure(item, "answer line lacks a fact", "the facts of answer_line", text.split("\n")[0]))
    if item["ungrounded_numbers"]:
        out.append(
            _failure(item, "ungrounded numbers", "numbers from a tool result or citation", item["ungrounded_numbers"])
        )
    return out


def failures(items: list[dict]) -> list[dict]:
    out = []
    for item in items:
        r = item["retrieval"]
        if r["error"]:
            out.append(_failure(item, "search raised", "hits", r["error"]))
        if r["missing"]:
            out.append(_failure(item, "retrieval: quote not in top-k", r["missing"], r["top"]))
        if "answer" in item:
            out.extend(_answer_failures(item))
    return out


# ---------------------------------------------------------------- entry point


def _dataset_notices(items: list[EvalItem], docs: _Docs) -> list[str]:
    notices = []
    for item in items:
        for s in item.expected_sources:
            text = docs.doc_text(s.doc)
            if text is None:
                notices.append(f"{item.id}: expected document {s.doc} is not in the corpus")
            elif scorers.collapse_ws(s.quote) not in text:
                notices.append(f"{item.id}: expected quote is not in {s.doc}: {s.quote[:60]!r}")
    return notices


def evaluate(
    items: list[EvalItem],
    assistant: Any,
    k: int = 5,
    mode: str = "extractive",
    retrieval_only: bool = False,
    ask_timeout_s: float | None = 60.0,
) -> dict[str, Any]:
    """Score every item; return the report (no files written)."""
    opts = Options(k, mode, retrieval_only, ask_timeout_s)
    docs = _Docs(getattr(assistant, "corpus", None))
    tools = load_run_tool() if not retrieval_only and any(i.tool for i in items) else (None, "")
    records = [score_item(i, assistant, opts, docs, tools) for i in items]
    notices = _dataset_notices(items, docs)
    if tools[1]:
        notices.append(tools[1])
    other_modes = sorted({r["mode"] for r in records if "mode" in r and r["mode"] != mode})
    if other_modes:
        notices.append(f"asked for mode {mode!r}, but some answers came back as {', '.join(other_modes)}")
    return {
        "mode": "retrieval-only" if retrieval_only else mode,
        "k": k,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "metrics": aggregate(records),
        "by_kind": by_kind(records),
        "subsets": subset_metrics(records, SUBSETS),
        "failures": failures(records),
        "notices": notices,
        "items": records,
    }


def run_eval(
    dataset: Path,
    out_dir: Path,
    assistant: Any,
    mode: str = "extractive",
    k: int = 5,
    retrieval_only: bool = False,
    thresholds: Path | None = None,
    ask_timeout_s: float | None = 60.0,
) -> dict[str, Any]:
    """Run the eval set, write report.json, report.md (and metrics.png when matplotlib is installed) into
    `out_dir`, return the report (`report["written"]`: what was written, or how to get the chart).
    With `thresholds`, the report also lists the violated thresholds (report["thresholds"]["violations"]).
    An ask that takes longer than `ask_timeout_s` (None: no limit) is scored as a failed item."""
    from assistant.evaluation.report import write_report
    from assistant.evaluation.thresholds import check_thresholds

    items = load_dataset(dataset)
    report = evaluate(items, assistant, k=k, mode=mode, retrieval_only=retrieval_only, ask_timeout_s=ask_timeout_s)
    report = {"dataset": str(dataset), **report}
    if thresholds is not None:
        report["thresholds"] = {"file": str(thresholds), "violations": check_thresholds(report, thresholds)}
    report["written"] = write_report(report, Path(out_dir))
    return report
