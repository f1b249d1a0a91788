"""Benchmark our stack against the tutorial stack (run on purpose; not a CI pass/fail).

    python evals/bench.py [--out bench-output] [--quick] [--k 5] [--keep]

The code lives in assistant/evaluation/bench.py (phases, tables), tutorial.py (the LangChain splitter +
Chroma stack) and httpload.py (`assistant serve` under concurrent httpx clients).
"""

import sys

from assistant.evaluation.bench import main

if __name__ == "__main__":
    sys.exit(main())
