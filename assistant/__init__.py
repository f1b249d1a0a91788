"""Grounded policy assistant for CZ's district-nursing purchasing policy.

Layout (imports only go down this list):
  domain.py, errors.py, config.py   small shared types, one error hierarchy, settings
  ingest/                           corpus manifests -> clauses -> passages
  retrieve/                         embedders, Chroma store, Dutch BM25, hybrid retriever, index build
  answer/                           routing, argument extraction, extractive composer, refusal
  llm/                              LangChain chat-model mode with the citation/number guard
  serve/                            FastAPI app, the web chat, the MCP server (serve/mcp.py)
  agent_tools.py, langchain.py      the tools for agents (MCP, LangChain): the API's models, the API's JSON
  cli.py                            the `assistant` command
The calculators live in the top-level `tools` package; they only depend on domain.py.
"""

__version__ = "0.1.0"
