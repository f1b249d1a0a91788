#!/usr/bin/env bash
# Install what the browser tests (pytest -m browser) need: Debian's Chromium at /usr/bin/chromium and
# the playwright Python package. Idempotent: when both are there it only checks and exits.
# Never runs `playwright install` (browser downloads are not possible here; we use Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi

if [ -x /usr/bin/chromium ]; then
  echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
else
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  echo "chromium: installing Debian's package"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
fi

if "$PY" -c "import playwright.sync_api" 2>/dev/null; then
  echo "playwright: already installed"
else
  echo "playwright: installing the Python package"
  "$PY" -m pip install playwright
fi

echo "Run the browser tests with: $PY -m pytest -m browser tests/serve"
