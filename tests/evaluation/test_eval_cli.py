"""Threshold checks and `assistant eval` exit codes (fake embedder: no model, instant index)."""

from __future__ import annotations

import json

import pytest

from assistant.evaluation.cli import main
from assistant.evaluation.thresholds import check_thresholds

ROW = {
    "id": "x-1",
    "question": "naar welk mailadres moet ik vragen over declaraties sturen?",
    "kind": "clause_lookup",
    "expected_sources": [
        {
            "doc": "000_3d2709293215211c.txt",
            "section": "4.3",
            "quote": "Voor vragen over declaraties kunt u mailen naar: decl.wijkverpleging@cz.nl.",
        }
    ],
}


def test_check_thresholds_lists_violations_readably():
    report = {
        "metrics": {"recall_at_k": 0.9, "mrr": 0.95, "false_refusal_rate": 0.1, "citation_exactness": None},
        "items": [],
    }
    rules = {
        "min": {"recall_at_k": 0.95, "mrr": 0.85, "citation_exactness": 1.0, "answer_correctness": 0.9},
        "max": {"false_refusal_rate": 0.05},
    }
    assert check_thresholds(report, rules) == [
        "overall: recall_at_k = 0.900, needs >= 0.95",
        "overall: citation_exactness not measured (n/a), needs >= 1.0",
        "overall: false_refusal_rate = 0.100, needs <= 0.05",
    ]  # answer_correctness was not computed in this run: skipped, not a violation


def test_subset_thresholds_use_only_those_kinds():
    item = {
        "kind": "calculation",
        "retrieval": {
            "expected": 1,
            "found": 0,
            "all_hit": False,
            "reciprocal_rank": 0.0,
            "search_ms": 1.0,
            "error": None,
        },
    }
    rules = {"subset": {"calc": {"kinds": ["calculation"], "min": {"recall_at_k": 0.5}}}}
    assert check_thresholds({"metrics": {}, "items": [item]}, rules) == [
        "calc (calculation): recall_at_k = 0.000, needs >= 0.5"
    ]


@pytest.fixture()
def fake_env(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "fake")
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    dataset = tmp_path / "one.jsonl"
    dataset.write_text(json.dumps(ROW) + "\n", encoding="utf-8")
    return dataset


def test_violated_threshold_exits_1_and_says_which(fake_env, tmp_path, capsys):
    strict = tmp_path / "strict.toml"
    strict.write_text("[min]\nrecall_at_k = 1.01\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["--dataset", str(fake_env), "--out", str(out), "--thresholds", str(strict), "--retrieval-only"])
    printed = capsys.readouterr().out
    assert code == 1
    assert "overall: recall_at_k = " in printed and "needs >= 1.01" in printed
    assert "recall@5" in printed.splitlines()[0]
    assert json.loads((out / "report.json").read_text())["thresholds"]["violations"][0].startswith("overall: recall")


def test_met_thresholds_exit_0(fake_env, tmp_path, capsys):
    lenient = tmp_path / "lenient.toml"
    lenient.write_text("[min]\nrecall_at_k = 0.0\n[max]\nfalse_refusal_rate = 1.0\n", encoding="utf-8")
    code = main(["--dataset", str(fake_env), "--out", str(tmp_path / "o"), "--thresholds", str(lenient)])
    assert code == 0 and "all thresholds met" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dataset", "does/not/exist.jsonl"], "eval dataset does/not/exist.jsonl does not exist"),
        (["--k", "0"], "--k must be between 1 and 50"),
        (["--thresholds", "nope.toml"], "thresholds file nope.toml does not exist"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {message}") and err.count("\n") == 1


def test_broken_dataset_line_names_the_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(ROW) + "\n{not json\n", encoding="utf-8")
    assert main(["--dataset", str(bad)]) == 2
    assert "bad.jsonl line 2: not valid JSON" in capsys.readouterr().err


def test_llm_mode_without_a_model_is_bad_input(fake_env, monkeypatch, capsys):
    monkeypatch.delenv("ASSISTANT_LLM", raising=False)
    assert main(["--dataset", str(fake_env), "--mode", "llm"]) == 2
    assert "--mode llm needs a chat model" in capsys.readouterr().err
