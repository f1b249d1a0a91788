"""Without Chromium the browser tests skip locally but FAIL when CI is set (they must not pass silently)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from assistant.config import REPO_ROOT

pytestmark = pytest.mark.slow

TARGET = "tests/serve/test_browser.py::test_verify_view"


def run_browser_test(ci: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["CHROMIUM_PATH"] = "/nonexistent/chromium"
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", TARGET],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("ci", [False, True])
def test_missing_chromium(ci):
    r = run_browser_test(ci)
    out = r.stdout + r.stderr
    if ci:
        assert r.returncode == 1, out
        assert "browser test cannot run in CI: Chromium not found at /nonexistent/chromium" in out
    else:
        assert r.returncode == 0, out
        assert "1 skipped" in out and "scripts/setup-browser.sh" in out
