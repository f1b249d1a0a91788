"""Fixtures for the HTTP service.

- `app_settings`: settings with a fresh data dir per test (the SQLite file lands there).
- `client`: TestClient over `create_app(app_settings, assistant=fake_assistant)`.
- `live_server`: the real server in a subprocess (uvicorn via `assistant.serve.run`) on a free port,
  fake embedder, temp data dir; shared by the server, OpenAI-client and browser tests.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sse_events import parse_sse

from assistant.config import REPO_ROOT, Settings

HOST = "127.0.0.1"
SERVE = "from assistant.config import Settings; from assistant.serve import run; run(Settings.from_env(), port={port})"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@pytest.fixture
def sse():
    """The SSE parser, for tests (helpers in conftest are not importable as modules)."""
    return parse_sse


@pytest.fixture
def thread_server():
    """`with thread_server(app) as srv:` runs the app under uvicorn in a thread on a free port."""
    return ThreadServer


@pytest.fixture
def app_settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path, embedder="fake")


@pytest.fixture
def app(app_settings, fake_assistant):
    from assistant.serve.app import create_app

    return create_app(app_settings, assistant=fake_assistant)


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@dataclass
class LiveServer:
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


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    data_dir = tmp_path_factory.mktemp("live-data")
    log_path = data_dir.parent / f"{data_dir.name}-server.log"
    port = free_port()
    env = dict(
        os.environ,
        ASSISTANT_EMBEDDER="fake",
        ASSISTANT_DATA_DIR=str(data_dir),
        ASSISTANT_LLM="none",
        ASSISTANT_RATE_LIMIT="100000",
        ASSISTANT_MAX_IN_FLIGHT="0",  # concurrency tests: no load shedding (tests/hardening/test_edge.py has it)
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        PYTHONUNBUFFERED="1",
    )
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-c", SERVE.format(port=port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = LiveServer(f"http://{HOST}:{port}", port, data_dir, log_path, proc)
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                pytest.fail(f"server exited with {proc.returncode}:\n{server.log()[-3000:]}")
            try:
                if httpx.get(f"{server.base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"server not healthy within 120 s:\n{server.log()[-3000:]}")
            time.sleep(0.3)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


class ThreadServer:
    """uvicorn in a thread (for tests that need a real socket and a stub assistant)."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host=HOST, port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn thread did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
