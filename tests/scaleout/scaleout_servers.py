"""Real servers on loopback for the scale-out tests (the fixtures are in conftest.py): a throw-away
PostgreSQL cluster (initdb as the `postgres` user when we are root: PostgreSQL refuses to run as root;
missing binaries FAIL with the command that installs them, so a CI machine without PostgreSQL cannot turn
these tests green by skipping), a Chroma server (`chroma run` from the venv) and API processes
(`assistant serve`), each on a free port.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from assistant.config import REPO_ROOT

HOST = "127.0.0.1"
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def wait_until(check, timeout_s: float, what: str, log=lambda: "") -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # noqa: BLE001 - not up yet
            pass
        time.sleep(0.2)
    pytest.fail(f"{what} not ready within {timeout_s:.0f} s\n{log()[-3000:]}")


# ---------------------------------------------------------------------------------------- PostgreSQL
def pg_bin() -> Path:
    """The directory with initdb/pg_ctl; fails (never skips) when PostgreSQL is not installed."""
    configured = os.environ.get("ASSISTANT_PG_BIN")
    candidates = [configured] if configured else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    which = shutil.which("initdb")
    if which and not configured:
        candidates.append(str(Path(which).parent))
    for c in candidates:
        if c and (Path(c) / "initdb").is_file() and (Path(c) / "pg_ctl").is_file():
            return Path(c)
    pytest.fail(
        "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/initdb, nor $ASSISTANT_PG_BIN). "
        "Install them with: bash scripts/setup-postgres.sh   (or skip these tests locally: pytest --no-scaleout)"
    )


@dataclass
class PgCluster:
    bin: Path
    data: Path
    port: int
    user: str | None  # the OS user that runs the server (None: ourselves)
    log_path: Path

    @property
    def admin_url(self) -> str:
        return f"postgresql://assistant@{HOST}:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql://assistant@{HOST}:{self.port}/{database}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=60)

    def start(self) -> None:
        opts = f"-p {self.port} -k {self.data} -c listen_addresses={HOST} -c fsync=off -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log_path), "-o", opts, "-w", "-t", "30", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "30", "stop", check=False)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def sql(self, statement: str, database: str = "postgres", autocommit: bool = True) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=autocommit, connect_timeout=5) as c:
            cur = c.execute(statement)
            return cur.fetchall() if cur.description else []

    def create_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:10]}"
        self.sql(f"CREATE DATABASE {name}")
        return name


# ---------------------------------------------------------------------------------------- Chroma server
@dataclass
class ChromaServer:
    path: Path
    port: int
    log_path: Path
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        with self.log_path.open("a") as log:
            self.proc = subprocess.Popen(
                [str(VENV_BIN / "chroma"), "run", "--path", str(self.path), "--host", HOST, "--port", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=dict(os.environ, ANONYMIZED_TELEMETRY="False"),
            )
        wait_until(
            lambda: httpx.get(f"{self.url}/api/v2/heartbeat", timeout=2).status_code == 200,
            60,
            "Chroma server",
            lambda: self.log_path.read_text(errors="replace"),
        )

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)


# ---------------------------------------------------------------------------------------- API processes
def base_env(**extra: str) -> dict[str, str]:
    env = dict(
        os.environ,
        ASSISTANT_EMBEDDER="fake",
        ASSISTANT_LLM="none",
        ASSISTANT_RATE_LIMIT="100000",
        ASSISTANT_MAX_IN_FLIGHT="0",  # parallel streams on purpose: no load shedding
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        PYTHONUNBUFFERED="1",
    )
    env.pop("ASSISTANT_CHROMA_URL", None)
    env.pop("ASSISTANT_DATABASE_URL", None)
    env.update(extra)
    return env


def assistant_cmd(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV_BIN / "assistant"), *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


@dataclass
class Api:
    name: str
    port: int
    log_path: Path
    proc: subprocess.Popen
    env: dict[str, str] = field(repr=False)

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill9(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)  # the server and any worker processes it started
        self.proc.wait(timeout=15)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=15)


def start_api(tmp_dir: Path, name: str, *serve_args: str, wait: bool = True, **env: str) -> Api:
    """`assistant serve` in its own process group (its own data dir: nothing shared on disk)."""
    port = free_port()
    full_env = base_env(ASSISTANT_DATA_DIR=str(tmp_dir / f"data-{name}"), **env)
    log_path = tmp_dir / f"api-{name}.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [str(VENV_BIN / "assistant"), "serve", "--port", str(port), *serve_args],
            cwd=REPO_ROOT,
            env=full_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill9() takes its workers too
        )
    server = Api(name, port, log_path, proc, full_env)
    if wait:

        def healthy() -> bool:
            if proc.poll() is not None:
                pytest.fail(f"API {name} exited with {proc.returncode}:\n{server.log()[-3000:]}")
            return httpx.get(f"{server.base}/health", timeout=2).status_code == 200

        try:
            wait_until(healthy, 120, f"API {name}", server.log)
        except BaseException:
            server.stop()
            raise
    return server
