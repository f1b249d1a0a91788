#!/usr/bin/env bash
# Install what the scale-out tests (pytest -m scaleout) need: Debian's PostgreSQL server binaries
# (initdb, pg_ctl, postgres under /usr/lib/postgresql/<version>/bin). Idempotent: when they are there it
# only reports them. The tests start their own throw-away cluster in a temporary directory (as the
# `postgres` user when run as root); the cluster the package may start is not used.
set -euo pipefail

found() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }

if found; then
  echo "postgresql: already installed ($(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' '))"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "postgresql: installing Debian's package"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y postgresql
found || { echo "postgresql: installed, but no /usr/lib/postgresql/*/bin/initdb" >&2; exit 1; }
echo "postgresql: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
