"""Fixtures for the scale-out tests (the servers themselves are in `scaleout_servers.py`):

- `postgres` (session): a throw-away PostgreSQL cluster on a free port (missing binaries FAIL, never skip).
- `pg_url`: a fresh, empty database on that cluster per test.
- `chroma` (session): a Chroma server (`chroma run`) in a temporary directory.
- `api`: `api(name, *serve_args, **env)` starts `assistant serve`; every one started is stopped at the end.
"""

from __future__ import annotations

import os
import pwd
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from scaleout_servers import Api, ChromaServer, PgCluster, free_port, pg_bin, start_api, wait_until


@pytest.fixture(scope="session")
def postgres() -> Iterator[PgCluster]:
    binaries = pg_bin()
    user = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: use the package's system user
        try:
            user = pwd.getpwnam("postgres").pw_name
        except KeyError:
            pytest.fail(
                "running as root and there is no 'postgres' user to run PostgreSQL as; "
                "install the package: bash scripts/setup-postgres.sh"
            )
    root = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
    data = root / "data"
    data.mkdir()
    if user:
        shutil.chown(root, user)
        shutil.chown(data, user)
    os.chmod(root, 0o755)
    cluster = PgCluster(binaries, data, free_port(), user, root / "postgres.log")
    if user:
        cluster.log_path.touch()
        shutil.chown(cluster.log_path, user)
    init = cluster._run("initdb", "-D", str(data), "-U", "assistant", "--auth=trust", "-E", "UTF8", check=False)
    if init.returncode != 0:
        pytest.fail(f"initdb failed:\n{init.stdout}\n{init.stderr}")
    cluster.start()
    try:
        wait_until(lambda: cluster.sql("SELECT 1") == [(1,)], 30, "PostgreSQL", cluster.log)
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(postgres) -> str:
    return postgres.url(postgres.create_database())


@pytest.fixture(scope="session")
def chroma(tmp_path_factory) -> Iterator[ChromaServer]:
    root = tmp_path_factory.mktemp("chroma-server")
    server = ChromaServer(root / "db", free_port(), root / "chroma.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def api(tmp_path) -> Iterator:
    """`api(name, *serve_args, **env)` starts `assistant serve`; every one started is stopped at the end."""
    started: list[Api] = []

    def start(name: str, *serve_args: str, wait: bool = True, **env: str) -> Api:
        server = start_api(tmp_path, name, *serve_args, wait=wait, **env)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()
