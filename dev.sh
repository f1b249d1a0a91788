#!/usr/bin/env bash
# One entry point for a fresh machine (see README):
#   bash dev.sh serve   set up .venv and start the web chat + API on http://127.0.0.1:8000 (offline default);
#                       HOST=0.0.0.0 PORT=9000 bash dev.sh serve   to listen elsewhere
#   bash dev.sh test    set up .venv with the test extras, then lint, tests and the evaluation gate
set -euo pipefail
cd "$(dirname "$0")"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False PIP_DISABLE_PIP_VERSION_CHECK=1
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
VENV=.venv
PIP="$VENV/bin/pip install -q -c constraints.txt"

say() { echo "[dev.sh] $*" >&2; }

setup_base() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV with $("$PY" --version 2>&1)"
    "$PY" -m venv "$VENV"
  fi
  say "installing the base dependencies into $VENV (pinned in constraints.txt; the first time takes a few minutes)"
  $PIP -e .
}

setup_test() {
  setup_base
  say "installing the test extras (torch CPU build, sentence-transformers, LLM clients, pytest, playwright)"
  # torch first: 2.13.0 is a CPU build on this machine's disk; without it pip would pull a multi-GB CUDA build
  "$VENV/bin/python" -c "import torch" 2>/dev/null || $PIP torch==2.13.0
  $PIP -e '.[st,llm,dev]'
  bash scripts/setup-browser.sh
  bash scripts/setup-postgres.sh  # the scale-out tests start a throw-away PostgreSQL cluster
}

case "${1:-}" in
  serve)
    HOST=${HOST:-127.0.0.1} PORT=${PORT:-8000}
    setup_base
    say "building or checking the index in ${ASSISTANT_DATA_DIR:-data}/index (a first build embeds the corpus: ~30 s)"
    "$VENV/bin/assistant" index
    say "starting the web chat and API on http://$HOST:$PORT (API docs /docs, MCP /mcp; Ctrl-C stops it)"
    exec "$VENV/bin/assistant" serve --host "$HOST" --port "$PORT"
    ;;
  test)
    setup_test
    export ASSISTANT_DATA_DIR="$PWD/data" ASSISTANT_TEST_DATA_DIR="$PWD/data"
    "$VENV/bin/ruff" check assistant tools tests evals
    "$VENV/bin/assistant" index
    "$VENV/bin/python" -m pytest -q
    "$VENV/bin/assistant" eval --dataset evals/dev.jsonl --out eval-output
    "$VENV/bin/assistant" eval --dataset evals/extra.jsonl --out eval-output/extra --thresholds evals/thresholds-extra.toml
    "$VENV/bin/assistant" eval --dataset evals/heldout.jsonl --out eval-output/heldout --thresholds evals/thresholds-heldout.toml
    "$VENV/bin/assistant" eval --dataset evals/fresh-tuning.jsonl --out eval-output/fresh-tuning --thresholds evals/thresholds-fresh-tuning.toml
    "$VENV/bin/assistant" eval --dataset evals/fresh-sealed.jsonl --out eval-output/fresh-sealed --thresholds evals/thresholds-fresh-sealed.toml
    ;;
  *)
    echo "usage: bash dev.sh serve | bash dev.sh test" >&2
    exit 2
    ;;
esac
