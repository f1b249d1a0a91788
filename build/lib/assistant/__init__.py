"""Grounded policy assistant for CZ's district-nursing purchasing policy.

Layout (imports only go down this list):
  domain.py, errors.py, config.py   small shared types, one error hierarchy, settings
  ingest/                           corpus manifests -> clauses -> passages
  retrieve/                         embedders, Chroma store, Dutch BM25, hybrid retriever, index build
  answer/                           routing, argument extraction, extractive composer, refusal
  llm/                              LangChain chat-model mode with the citation/number guard
  serve/                            FastAPI app and the web chat
  cli.py                            the `assistant` command
The calculators live in the top-level `tools` package; they only depend on domain.py.
"""

__version__ = "0.1.0"
