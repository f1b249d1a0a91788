"""Feedback into evals: `assistant feedback export` writes thumbs-down answers as eval candidates, and
GET /api/admin/feedback/summary counts the ratings per rating, intent and day (admin token)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from assistant.config import REPO_ROOT, Settings
from assistant.evaluation.dataset import parse_items
from assistant.serve.app import create_app

CALC = "Ik heb 4, 1 en 2 cliënten in drie postcodegebieden. Voldoe ik in 2027?"
CLAUSE = "Waar moet ik vragen over declaraties naartoe mailen?"


@pytest.fixture
def rated(tmp_path, fake_assistant):
    """A server with an admin token; two answers asked and rated down and up, one rating without a conversation."""
    settings = Settings(data_dir=tmp_path, embedder="fake", admin_token="s3cret")
    with TestClient(create_app(settings, assistant=fake_assistant)) as client:
        calc = client.post("/api/ask", json={"question": CALC}).json()
        clause = client.post("/api/ask", json={"question": CLAUSE}).json()
        for answer, question, rating, comment in (
            (calc, CALC, "down", "ik wil de berekening per gebied zien"),
            (clause, CLAUSE, "up", None),
        ):
            body = {"rating": rating, "conversation_id": answer["conversation_id"], "question": question}
            r = client.post("/api/feedback", json=body | {"answer": answer["answer"], "comment": comment})
            assert r.status_code == 200
        assert client.post("/api/feedback", json={"rating": "down", "question": "los", "answer": "x"}).status_code == 200
        yield client, settings, calc


def test_summary_counts_per_rating_intent_and_day(rated):
    client, _, calc = rated
    assert client.get("/api/admin/feedback/summary").status_code == 401
    r = client.get("/api/admin/feedback/summary", headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200, r.text
    summary = r.json()
    assert summary["total"] == 3 and summary["by_rating"] == {"up": 1, "down": 2}
    assert summary["by_intent"][calc["intent"]] == {"up": 0, "down": 1}
    assert summary["by_intent"]["unknown"] == {"up": 0, "down": 1}
    assert summary["by_day"] == {time.strftime("%Y-%m-%d"): {"up": 1, "down": 2}}


def test_summary_is_disabled_without_an_admin_token(tmp_path, fake_assistant):
    with TestClient(create_app(Settings(data_dir=tmp_path, embedder="fake"), assistant=fake_assistant)) as client:
        assert client.get("/api/admin/feedback/summary", headers={"Authorization": "Bearer x"}).status_code == 403


def test_export_writes_thumbs_down_as_eval_candidates(rated, tmp_path):
    _, settings, calc = rated
    out = tmp_path / "out" / "candidates.jsonl"
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(settings.data_dir), "ASSISTANT_EMBEDDER": "fake"}
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "feedback", "export", "--out", str(out)],
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("2 thumbs-down answers written to")
    lines = out.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    first = next(r for r in rows if r["question"] == CALC)
    assert first["answer"] == calc["answer"] and first["comment"] == "ik wil de berekening per gebied zien"
    assert first["kind"] == "calculation" and first["intent"] == calc["intent"]
    assert [c["clause_id"] for c in first["citations"]] == [c["clause_id"] for c in calc["citations"]]
    assert first["citations"][0]["quote"] == calc["citations"][0]["quote"]
    assert first["expected_sources"] == [] and first["must_include"] == [] and first["tool"] is None
    items = parse_items(lines, "candidates.jsonl")  # loads as an eval set once the gold fields are filled in
    assert {i.id for i in items} == {r["id"] for r in rows}


def test_export_bad_input_is_one_line(tmp_path):
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path), "ASSISTANT_EMBEDDER": "fake"}
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "feedback", "export", "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=120,
    )
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "is a directory" in run.stderr
