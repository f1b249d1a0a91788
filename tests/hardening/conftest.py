"""Fixtures for the hardening tests (hostile input, injection, privacy, access, load, crash safety).

- `hclient`: TestClient over the app on the fake pipeline, rate limit and load shedding off, a fresh data dir
  per test.
- `make_client(**settings)`: the same with other settings (admin token, CORS origins, rate limit).
- `cli`: run `python -m assistant ...` as a user does (fake embedder, a temp data dir shared per module).
- `start_server(data_dir, **env)`: `python -m assistant serve` in a subprocess on a free loopback port,
  stdout and stderr captured to a file; returns a `Server` (base URL, log text, kill/stop). Every server
  started is stopped at the end of the test.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.config import REPO_ROOT, Settings

HOST = "127.0.0.1"
BASE_ENV = {
    "ASSISTANT_EMBEDDER": "fake",
    "ASSISTANT_LLM": "none",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "PYTHONUNBUFFERED": "1",
    "NO_PROXY": "127.0.0.1,localhost",
}
CLEARED = ("ASSISTANT_ADMIN_TOKEN", "ASSISTANT_CORS_ORIGINS", "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    return {**env, **BASE_ENV, **extra}


@pytest.fixture
def subprocess_env():
    """`subprocess_env(**extra)`: the environment for a subprocess (fake embedder, no admin token, no proxy)."""
    return clean_env


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@pytest.fixture
def make_client(tmp_path, fake_assistant):
    """`make_client(**settings) -> TestClient` (entered; closed at the end of the test)."""
    from assistant.serve.app import create_app

    clients: list[TestClient] = []

    def build(assistant=fake_assistant, **overrides) -> TestClient:
        values = {
            "data_dir": tmp_path / f"data-{len(clients)}",
            "embedder": "fake",
            "rate_limit_per_minute": 0,  # limits off unless a test is about them
            "max_in_flight": 0,
        }
        values.update(overrides)
        c = TestClient(create_app(Settings(**values), assistant=assistant))
        c.__enter__()
        clients.append(c)
        return c

    yield build
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture
def hclient(make_client) -> TestClient:
    return make_client()


class Cli:
    """`cli(*args, stdin=None, input_bytes=None) -> CompletedProcess` (text, or bytes with input_bytes);
    `cli.data_dir` is its ASSISTANT_DATA_DIR."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.env = clean_env(ASSISTANT_DATA_DIR=str(data_dir))

    def __call__(
        self, *args: str | bytes, stdin: str | None = None, input_bytes: bytes | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-m", "assistant", *args]
        if input_bytes is not None:
            return subprocess.run(
                cmd, capture_output=True, env=self.env, input=input_bytes, timeout=timeout, cwd=REPO_ROOT
            )
        return subprocess.run(
            cmd, capture_output=True, text=True, env=self.env, input=stdin, timeout=timeout, cwd=REPO_ROOT
        )


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> Cli:
    return Cli(tmp_path_factory.mktemp("cli-data"))


@dataclass
class Server:
    base: str
    port: int
    data_dir: Path
    log_path: Path
    proc: subprocess.Popen

    @property
    def db(self) -> Path:
        return self.data_dir / "assistant.sqlite3"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_healthy(self, timeout_s: float = 120) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited with {self.proc.returncode}:\n{self.log()[-3000:]}")
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"server not healthy within {timeout_s:.0f} s:\n{self.log()[-3000:]}")
            time.sleep(0.2)

    def kill9(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=15)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)


@pytest.fixture
def start_server(tmp_path) -> Iterator:
    servers: list[Server] = []

    def start(data_dir: Path, wait: bool = True, **env: str) -> Server:
        port = free_port()
        log_path = tmp_path / f"server-{len(servers)}.log"
        full_env = clean_env(**{"ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_RATE_LIMIT": "100000", **env})
        with log_path.open("w", encoding="utf-8") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "assistant", "serve", "--host", HOST, "--port", str(port)],
                cwd=REPO_ROOT,
                env=full_env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        server = Server(f"http://{HOST}:{port}", port, Path(data_dir), log_path, proc)
        servers.append(server)
        if wait:
            server.wait_healthy()
        return server

    yield start
    for s in servers:
        s.stop()
