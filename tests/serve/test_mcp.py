"""The MCP server, driven by the official `mcp` client: over stdio (`assistant mcp` as a subprocess) and over
streamable HTTP (`/mcp` on the running API). Tools return the API's JSON; bad arguments are tool errors that
name the field and what is allowed, and the server keeps answering."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from contextlib import asynccontextmanager

import httpx
import pytest

from assistant.config import REPO_ROOT
from tools.registry import TOOLS

pytestmark = pytest.mark.slow
BASE_TOOLS = {"search_policy", "get_clause", "verify_claim", "ask"}


@asynccontextmanager
async def stdio_session(data_dir):
    from mcp import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    env = {
        "ASSISTANT_EMBEDDER": "fake",
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_LLM": "none",
        "PYTHONPATH": str(REPO_ROOT),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    params = StdioServerParameters(command=sys.executable, args=["-m", "assistant.cli", "mcp"], env=env, cwd=REPO_ROOT)
    with open(os.devnull, "w") as errlog:
        async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            yield session


@asynccontextmanager
async def http_session(url):
    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    async with streamable_http_client(url) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session


def data(result) -> dict:
    assert not result.is_error, result.content
    parsed = json.loads(result.content[0].text)
    assert parsed == result.structured_content
    return parsed


def error_text(result) -> str:
    assert result.is_error
    return result.content[0].text


async def exercise(session, api: str | None) -> None:
    """What both transports must do; `api`: the HTTP API to compare the JSON with."""
    listed = {t.name: t for t in (await session.list_tools()).tools}
    assert set(listed) == BASE_TOOLS | set(TOOLS)
    for name, spec in TOOLS.items():
        assert listed[name].input_schema == spec.input_model().model_json_schema()
    assert listed["search_policy"].input_schema["properties"]["k"]["maximum"] == 50

    found = data(await session.call_tool("search_policy", {"query": "postcodegebied cliënten", "k": 3}))
    assert len(found["hits"]) == 3 and all(h["passage"]["clause_id"] for h in found["hits"])
    calc_args = {"clients_per_postcode": [4, 1, 2]}
    calc = data(await session.call_tool("postcode_average", calc_args))
    assert calc["citations"] and calc["citations"][0]["clause_id"].startswith("wv2027")
    clause = data(await session.call_tool("get_clause", {"clause_id": "wv2027/3.2.1"}))
    assert clause["id"] == "wv2027/3.2.1" and clause["text"]
    verdict = data(await session.call_tool("verify_claim", {"claim": "Nieuwe zorgaanbieders moeten zich inschrijven."}))
    assert verdict["verdict"] in ("supported", "contradicted", "not_found") and verdict["claim"]
    answer = data(await session.call_tool("ask", {"question": "Hoeveel cliënten per postcodegebied in 2027?"}))
    assert answer["citations"] and answer["conversation_id"] and answer["citations"][0]["quote"]
    follow = data(
        await session.call_tool(
            "ask", {"question": "En wat als het er 5 waren?", "conversation_id": answer["conversation_id"]}
        )
    )
    assert follow["conversation_id"] == answer["conversation_id"]

    if api:  # the same JSON as the HTTP API for the same request
        params = {"q": "postcodegebied cliënten", "k": 3}
        assert httpx.get(f"{api}/api/search", params=params).json()["hits"] == found["hits"]
        assert httpx.post(f"{api}/api/tools/postcode_average", json=calc_args).json() == calc
        assert httpx.get(f"{api}/api/clauses/wv2027/3.2.1").json() == clause

    # bad arguments: a tool error naming the field and what is allowed; the server goes on
    bad_k = error_text(await session.call_tool("search_policy", {"query": "x", "k": 99}))
    assert "k: must be at most 50 (got 99)" in bad_k
    bad_calc = error_text(await session.call_tool("postcode_average", {"clients_per_postcode": [-1]}))
    assert "clients_per_postcode" in bad_calc and "at least 1" in bad_calc
    unknown = error_text(await session.call_tool("postcode_average", {"clients": [1]}))
    assert "clients" in unknown and "clients_per_postcode" in unknown  # names the allowed arguments
    year = error_text(await session.call_tool("ask", {"question": "Wat is de norm?", "year": 1999}))
    assert "year 1999 is not in the corpus" in year and "2027" in year
    empty = error_text(await session.call_tool("ask", {"question": "   "}))
    assert "question" in empty
    missing = error_text(await session.call_tool("get_clause", {"clause_id": "wv2027/99.9"}))
    assert "unknown clause id" in missing
    assert data(await session.call_tool("search_policy", {"query": "nachtzorg", "k": 1}))["hits"]


def run_async(coro) -> object:
    """`asyncio.run` in a thread of its own: other tests (the browser's sync API) may leave a loop running in
    this one."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(coro, timeout=240)).result()


def test_mcp_over_stdio(tmp_path, live_server):
    run_async(_stdio(tmp_path / "data"))


async def _stdio(data_dir) -> None:
    async with stdio_session(data_dir) as session:
        await exercise(session, api=None)


def test_mcp_over_streamable_http_matches_the_api(live_server):
    async def run() -> None:
        async with http_session(f"{live_server.base}/mcp") as session:
            await exercise(session, api=live_server.base)

    run_async(run())


def test_mcp_http_refuses_a_foreign_host_header(live_server):
    """DNS-rebinding protection: a page on another host cannot drive the tools through the browser."""
    r = httpx.post(
        f"{live_server.base}/mcp",
        headers={"Host": "evil.example", "Accept": "application/json, text/event-stream"},
        json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
    )
    assert r.status_code in (403, 421), r.text
