"""`assistant eval`: run the eval set against the assistant and gate on evals/thresholds.toml.

Exit codes: 0 all thresholds met, 1 a threshold is violated, 2 bad input (missing dataset, bad
thresholds file, bad option), 3 the index or a backend cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from assistant.config import REPO_ROOT, Settings, force_offline
from assistant.errors import AssistantError, InvalidInput

DEFAULT_DATASET = REPO_ROOT / "evals" / "dev.jsonl"
DEFAULT_THRESHOLDS = REPO_ROOT / "evals" / "thresholds.toml"
# the day the question sets were written for: their "kan dat nog?" questions are checked on it, so a run gives the
# same answers on any day (`--today` or ASSISTANT_TODAY says another)
ASKED_ON = date(2026, 12, 2)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="assistant eval", description="Score the assistant on an eval set.")
    p.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="JSONL eval set (default: evals/dev.jsonl)")
    p.add_argument("--out", type=Path, default=Path("eval-output"), help="report directory (default: eval-output)")
    p.add_argument("--mode", choices=["extractive", "llm"], default="extractive", help="answer mode")
    p.add_argument("--thresholds", type=Path, default=DEFAULT_THRESHOLDS, help="thresholds TOML")
    p.add_argument("--k", type=int, default=5, help="passages per search for the retrieval metrics (default 5)")
    p.add_argument("--retrieval-only", action="store_true", help="only the retrieval metrics (fast; no ask)")
    p.add_argument(
        "--ask-timeout", type=float, default=60.0, help="seconds per answer before the item fails (0: no limit)"
    )
    p.add_argument(
        "--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
        help=f"the day 'kunnen we nog ...?' questions are checked on (default: ASSISTANT_TODAY, else {ASKED_ON}, "
        "the day the sets were written for)",
    )
    return p


def _settings(mode: str) -> Settings:
    if mode == "extractive":
        return Settings.from_env(llm="none")
    settings = Settings.from_env()
    if settings.llm == "none":
        raise InvalidInput("--mode llm needs a chat model: set ASSISTANT_LLM (e.g. openai:<model> or ollama:<model>)")
    return settings


def opening_message(settings: Settings) -> str:
    """What `assistant eval` is about to do: a first build (no index yet) embeds the corpus and takes a while."""
    if not settings.chroma_url and not (settings.index_dir / "meta.json").is_file():
        return f"no index in {settings.index_dir} yet: a first build embeds the corpus (~1-2 min)"
    return f"opening the index in {settings.chroma_url or settings.index_dir}"


def _run(args: argparse.Namespace) -> int:
    from assistant.evaluation.dataset import load_dataset
    from assistant.evaluation.report import failed_items, summary
    from assistant.evaluation.runner import run_eval
    from assistant.evaluation.thresholds import load_thresholds

    if not 1 <= args.k <= 50:
        raise InvalidInput(f"--k must be between 1 and 50, got {args.k}")
    if args.ask_timeout < 0:
        raise InvalidInput(f"--ask-timeout must be 0 (no limit) or more seconds, got {args.ask_timeout}")
    load_dataset(args.dataset)  # fail on bad input before the (slow) index opens
    load_thresholds(args.thresholds)
    force_offline()
    from assistant.answer.pipeline import Assistant

    settings = _settings(args.mode)
    if args.today is not None or settings.today is None:
        settings = settings.model_copy(update={"today": args.today or ASKED_ON})
    print(opening_message(settings), file=sys.stderr)
    assistant = Assistant.create(settings)
    limit = args.ask_timeout or None
    report = run_eval(args.dataset, args.out, assistant, args.mode, args.k, args.retrieval_only, args.thresholds, limit)
    print(summary(report))
    for notice in report["notices"]:
        print(f"notice: {notice}")
    violations = report["thresholds"]["violations"]
    print(f"\nreport: {args.out / 'report.md'} (and {', '.join(report['written'])})")
    failed = failed_items(report)
    if failed:
        print(f"{len(failed)} items failed at least one check (listed in report.md): {', '.join(failed)}")
    if violations:
        print(f"{len(violations)} threshold(s) violated ({args.thresholds}):")
        print("\n".join(f"  - {line}" for line in violations))
        return 1
    print(f"all thresholds met ({args.thresholds})")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage line
        return int(exc.code or 0)
    try:
        return _run(args)
    except AssistantError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
