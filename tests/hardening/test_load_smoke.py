"""`evals/load.py` end to end, very short: it starts the server on loopback, runs the idle and loaded phases,
reports the figures and exits 0 with no failed request."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.config import REPO_ROOT

pytestmark = pytest.mark.slow


def test_load_script_runs_and_reports(tmp_path, subprocess_env):
    out_json = tmp_path / "load.json"
    cmd = [
        sys.executable,
        str(REPO_ROOT / "evals" / "load.py"),
        "--quick",
        "--embedder",
        "fake",
        "--clients",
        "4",
        "--seconds",
        "3",
        "--idle-requests",
        "8",
        "--json",
        str(out_json),
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, env=subprocess_env(), timeout=240, cwd=REPO_ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "loaded / idle: p50 x" in out.stdout
    s = json.loads(out_json.read_text())
    assert s["errors"] == 0 and s["server_tracebacks"] == 0
    assert s["idle"]["requests"] == 8 and s["loaded"]["requests"] > 8
    assert s["idle"]["p50_ms"] and s["loaded"]["p95_ms"] and s["ratio_p50"]
    assert set(s["loaded"]["by_endpoint"]) <= {"ask", "search", "tool", "health"}
