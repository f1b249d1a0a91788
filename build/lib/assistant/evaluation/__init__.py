"""Evaluation: eval-set loading, deterministic scorers, the runner, reports and the threshold gate.

    from assistant.evaluation import run_eval, check_thresholds
    report = run_eval(Path("evals/dev.jsonl"), Path("eval-output"), assistant)
    violations = check_thresholds(report, Path("evals/thresholds.toml"))

`assistant eval` is `assistant.evaluation.cli.main`; the benchmark is `evals/bench.py`.
"""

from assistant.evaluation.runner import evaluate, run_eval
from assistant.evaluation.thresholds import check_thresholds

__all__ = ["check_thresholds", "evaluate", "run_eval"]
