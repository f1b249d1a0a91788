"""Backends that cannot be reached. At start: `assistant serve` / `assistant index` print one line naming the
setting and the address and exit with 3 (a bad URL: 2). Later: 503 with a JSON error, and recovery when the
backend is back (the database case runs against real servers in test_scaleout.py). Also `--workers 2`."""

from __future__ import annotations

import socket
import subprocess
import time

import httpx
import pytest
from scaleout_servers import ChromaServer, assistant_cmd, base_env, free_port, wait_until


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens there once the socket is closed


def one_error_line(result: subprocess.CompletedProcess) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


def test_serve_with_unreachable_database_exits_with_one_line(tmp_path):
    port = closed_port()
    env = base_env(ASSISTANT_DATA_DIR=str(tmp_path), ASSISTANT_DATABASE_URL=f"postgresql://u:pw@127.0.0.1:{port}/db")
    started = time.monotonic()
    result = assistant_cmd("serve", "--port", str(free_port()), env=env, timeout=60)
    line = one_error_line(result)
    assert result.returncode == 3 and time.monotonic() - started < 30
    assert "ASSISTANT_DATABASE_URL" in line and f"127.0.0.1:{port}" in line and "pw" not in line


@pytest.mark.parametrize("command", [["serve", "--port", "0"], ["index"]])
def test_unreachable_chroma_server_exits_with_one_line(tmp_path, command):
    url = f"http://127.0.0.1:{closed_port()}"
    result = assistant_cmd(*command, env=base_env(ASSISTANT_DATA_DIR=str(tmp_path), ASSISTANT_CHROMA_URL=url))
    line = one_error_line(result)
    assert result.returncode == 3 and "ASSISTANT_CHROMA_URL" in line and url in line


@pytest.mark.parametrize(
    ("var", "value", "why"),
    [
        ("ASSISTANT_DATABASE_URL", "mysql://u@h/d", "unsupported database"),
        ("ASSISTANT_DATABASE_URL", "nonsense", "not a database URL"),
        ("ASSISTANT_CHROMA_URL", "localhost:8000", "http://host:port"),
    ],
)
def test_bad_urls_exit_2_with_one_line(tmp_path, var, value, why):
    result = assistant_cmd("serve", "--port", "0", env=base_env(ASSISTANT_DATA_DIR=str(tmp_path), **{var: value}))
    line = one_error_line(result)
    assert result.returncode == 2 and var in line and why in line


def test_bad_worker_count_exits_2(tmp_path):
    result = assistant_cmd("serve", "--workers", "0", env=base_env(ASSISTANT_DATA_DIR=str(tmp_path)))
    assert result.returncode == 2 and "--workers" in one_error_line(result)


@pytest.mark.scaleout
def test_worker_without_chroma_answers_503_then_recovers(tmp_path, monkeypatch):
    """The Chroma server is away when a worker loads its index: 503 naming the setting (never a hang), and
    once the server is there the next request after a short pause loads it and answers."""
    from fastapi.testclient import TestClient

    from assistant.config import Settings
    from assistant.serve import deps
    from assistant.serve.app import create_app

    monkeypatch.setattr(deps, "RETRY_LOAD_S", 0.2)
    chroma = ChromaServer(tmp_path / "chroma", free_port(), tmp_path / "chroma.log")
    settings = Settings(data_dir=tmp_path / "data", embedder="fake", chroma_url=chroma.url, index_poll_s=0)
    with TestClient(create_app(settings, load_wait_s=30)) as client:
        started = time.monotonic()
        r = client.post("/api/ask", json={"question": "Wanneer kan ik me inschrijven als nieuwe zorgaanbieder?"})
        assert r.status_code == 503 and time.monotonic() - started < 20
        assert r.json()["error"]["code"] == "backend_unavailable"
        assert "ASSISTANT_CHROMA_URL" in r.json()["error"]["message"] and chroma.url in r.json()["error"]["message"]
        chroma.start()
        try:
            time.sleep(0.3)
            wait_until(lambda: client.get("/health").status_code == 200, 60, "the worker's index")
            r = client.post("/api/ask", json={"question": "Wanneer kan ik me inschrijven als nieuwe zorgaanbieder?"})
            assert r.status_code == 200, r.text
        finally:
            chroma.stop()


@pytest.mark.scaleout
def test_serve_with_two_worker_processes(tmp_path, postgres, chroma, api):
    env = {"ASSISTANT_CHROMA_URL": chroma.url, "ASSISTANT_DATABASE_URL": postgres.url(postgres.create_database())}
    built = assistant_cmd("index", env=base_env(ASSISTANT_DATA_DIR=str(tmp_path / "indexer"), **env))
    assert built.returncode == 0, built.stderr
    server = api("workers", "--workers", "2", **env)
    workers = subprocess.run(["pgrep", "-P", str(server.proc.pid)], capture_output=True, text=True).stdout.split()
    assert len(workers) >= 2, workers  # uvicorn's supervisor with its worker processes
    first = httpx.post(
        f"{server.base}/api/ask",
        json={"question": "Wij hebben 5 cliënten in 5041, 1 in 5042 en 2 in 5043. Voldoen we aan de postcode-eis?"},
        timeout=30,
    ).json()
    cid = first["conversation_id"]
    for _ in range(6):  # whichever worker takes it, the follow-up has the calculation
        follow = httpx.post(
            f"{server.base}/api/ask",
            json={"question": "En als we 10 cliënten hadden?", "conversation_id": cid},
            timeout=30,
        ).json()
        assert "10 ÷ 3" in follow["answer"], follow["answer"]
