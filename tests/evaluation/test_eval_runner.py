"""run_eval end to end: a stub assistant with known answers (exact metrics) and the real pipeline with
the fake embedder (plumbing, files, keys)."""

from __future__ import annotations

import json

import pytest

from assistant.domain import Answer, Citation, SearchHit, ToolCall, collapse_ws
from assistant.evaluation import runner
from assistant.evaluation.runner import run_eval

ROWS = {
    "dev-004": {
        "id": "dev-004",
        "question": "naar welk mailadres moet ik vragen over declaraties sturen?",
        "kind": "clause_lookup",
        "must_include": ["decl.wijkverpleging@cz.nl"],
        "expected_sources": [
            {
                "doc": "000_3d2709293215211c.txt",
                "section": "4.3",
                "quote": "Voor vragen over declaraties kunt u mailen naar: decl.wijkverpleging@cz.nl.",
            }
        ],
    },
    "dev-019": {
        "id": "dev-019",
        "question": "B in 2026 en 2027, 7 kostenpunten, budget € 120.000: maximale vergoeding?",
        "kind": "calculation",
        "must_include": ["85%", "102.000"],
        "expected_sources": [{"doc": "000_3d2709293215211c.txt", "section": "3.2.4", "quote": "kostenonderdeel 85%"}],
        "tool": {
            "name": "staffel_percentage",
            "args": {"honored_additional_budget_eur": 120000},
            "expected": {"eligible": True, "percentage": 85, "max_reimbursement_eur": 102000},
        },
    },
    "dev-040": {
        "id": "dev-040",
        "question": "Wat is het uurtarief voor persoonlijke verzorging?",
        "kind": "out_of_scope",
        "should_refuse": True,
    },
}
METRIC_KEYS = {
    "n_items",
    "recall_at_k",
    "all_sources_hit",
    "mrr",
    "answer_correctness",
    "refusal_accuracy",
    "false_refusal_rate",
    "citation_exactness",
    "citation_recall",
    "calculator_correctness",
    "tool_called_rate",
    "ungrounded_numbers",
    "items_with_ungrounded_numbers",
    "ask_p50_ms",
    "ask_p95_ms",
    "search_p50_ms",
    "search_p95_ms",
    "errors",
}


@pytest.fixture()
def dataset(tmp_path):
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS.values()) + "\n", encoding="utf-8")
    return path


def cite(corpus, quote: str) -> Citation:
    clause = corpus.find_quote(quote)[0]
    return Citation(
        clause_id=clause.id, doc=clause.doc, year=clause.year, section=clause.section, title=clause.title, quote=quote
    )


class StubAssistant:
    """Search puts the passage with the expected quote at rank 2 for dev-004 and rank 1 for dev-019."""

    def __init__(self, corpus, answers: dict[str, Answer]) -> None:
        self.corpus = corpus
        self.answers = {ROWS[i]["question"]: a for i, a in answers.items()}

    def _holding(self, quote: str):
        return next(p for p in self.corpus.passages if collapse_ws(quote) in collapse_ws(p.text))

    def search(self, question: str, k: int = 5) -> list[SearchHit]:
        row = next(r for r in ROWS.values() if r["question"] == question)
        filler = [SearchHit(passage=self.corpus.passages[0], score=0.1)]
        hits = [SearchHit(passage=self._holding(s["quote"]), score=1.0) for s in row.get("expected_sources", [])]
        return (filler + hits if row["id"] == "dev-004" else hits + filler)[:k]

    def ask(self, question: str) -> Answer:
        return self.answers[question]


def good_answers(corpus) -> dict[str, Answer]:
    decl = ROWS["dev-004"]["expected_sources"][0]["quote"]
    call = ToolCall(
        name="staffel_percentage",
        args=dict(ROWS["dev-019"]["tool"]["args"]),  # the calculator the pipeline chose, with the gold arguments
        result={"eligible": True, "percentage": 85, "max_reimbursement_eur": 102000},
    )
    return {
        "dev-004": Answer(answer="Mail naar decl.wijkverpleging@cz.nl.", citations=[cite(corpus, decl)]),
        "dev-019": Answer(
            answer="U krijgt 85% vergoed: maximaal € 102.000.",
            tool_calls=[call],
            citations=[cite(corpus, "kostenonderdeel 85%")],
        ),
        "dev-040": Answer(answer="Het beleid noemt geen uurtarieven.", refused=True),
    }


@pytest.fixture()
def fake_tools(monkeypatch):
    def run_tool(name, args):
        assert name == "staffel_percentage"
        return {"eligible": True, "percentage": 85, "max_reimbursement_eur": 102000.0}

    monkeypatch.setattr(runner, "load_run_tool", lambda: (run_tool, ""))


def test_perfect_stub_scores_exactly(corpus, dataset, tmp_path, fake_tools):
    report = run_eval(dataset, tmp_path / "out", StubAssistant(corpus, good_answers(corpus)))
    m = report["metrics"]
    assert (m["recall_at_k"], m["all_sources_hit"], m["mrr"]) == (1.0, 1.0, 0.75)
    assert (m["answer_correctness"], m["refusal_accuracy"], m["false_refusal_rate"]) == (1.0, 1.0, 0.0)
    assert (m["citation_exactness"], m["citation_recall"], m["calculator_correctness"]) == (1.0, 1.0, 1.0)
    assert (m["tool_called_rate"], m["ungrounded_numbers"], m["errors"]) == (1.0, 0, 0)
    assert report["by_kind"]["clause_lookup"]["mrr"] == 0.5
    assert report["subsets"]["calculation+eligibility"]["answer_correctness"] == 1.0
    assert report["failures"] == []


def test_mistakes_are_counted_and_listed(corpus, dataset, tmp_path, fake_tools):
    answers = good_answers(corpus)
    answers["dev-004"] = Answer(answer="Dat kan ik niet vinden.", refused=True)
    answers["dev-019"] = answers["dev-019"].model_copy(update={"answer": "U krijgt 85%, maximaal € 100.000."})
    report = run_eval(dataset, tmp_path / "out", StubAssistant(corpus, answers))
    m = report["metrics"]
    assert m["answer_correctness"] == round(1 / 3, 4)
    assert (m["false_refusal_rate"], m["refusal_accuracy"]) == (0.5, round(2 / 3, 4))
    assert (m["citation_recall"], m["ungrounded_numbers"], m["items_with_ungrounded_numbers"]) == (0.5, 1, 1)
    checks = {(f["id"], f["check"]) for f in report["failures"]}
    assert ("dev-004", "refusal") in checks
    assert ("dev-004", "answer: must_include missing") in checks
    assert ("dev-019", "ungrounded numbers") in checks
    missing = next(f for f in report["failures"] if f["check"] == "answer: must_include missing")
    assert missing["question"] == ROWS["dev-004"]["question"] and missing["expected"] == ["decl.wijkverpleging@cz.nl"]
    assert missing["got"] == "Dat kan ik niet vinden."
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "| dev-004 | clause_lookup | refusal |" in md and "100.000" in md


def test_run_eval_with_the_fake_pipeline_writes_all_reports(fake_assistant, dataset, tmp_path):
    out = tmp_path / "report"
    report = run_eval(dataset, out, fake_assistant)
    saved = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert METRIC_KEYS <= set(saved["metrics"])
    assert set(saved["by_kind"]) == {"clause_lookup", "calculation", "out_of_scope"}
    assert saved["metrics"]["n_items"] == 3 and len(saved["items"]) == 3
    correct = [i["answer"]["correct"] for i in saved["items"]]
    assert saved["metrics"]["answer_correctness"] == round(sum(correct) / 3, 4)
    assert sum(not c for c in correct) <= len({f["id"] for f in saved["failures"]})
    assert 0.0 <= saved["metrics"]["recall_at_k"] <= 1.0 and saved["metrics"]["ask_p50_ms"] > 0
    md = (out / "report.md").read_text(encoding="utf-8")
    for heading in ("## Retrieval", "## Answers", "| calculation |", "| **overall** |", "## Failures"):
        assert heading in md
    png = (out / "metrics.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    assert report["metrics"] == saved["metrics"]


def test_retrieval_only_skips_ask(dataset, tmp_path, corpus):
    class SearchOnly(StubAssistant):
        def ask(self, question):
            raise AssertionError("retrieval-only must not ask")

    report = run_eval(dataset, tmp_path / "ro", SearchOnly(corpus, {}), retrieval_only=True)
    assert report["mode"] == "retrieval-only" and report["metrics"]["recall_at_k"] == 1.0
    assert "answer_correctness" not in report["metrics"]


def test_an_ask_that_hangs_fails_its_item_instead_of_the_eval(corpus, dataset, tmp_path, fake_tools):
    answers = good_answers(corpus)

    class Hangs(StubAssistant):
        def ask(self, question):
            if question == ROWS["dev-004"]["question"]:
                while True:  # like a composition loop that never ends
                    pass
            return super().ask(question)

    report = run_eval(dataset, tmp_path / "out", Hangs(corpus, answers), ask_timeout_s=0.5)
    failure = next(f for f in report["failures"] if f["check"] == "ask raised")
    assert failure["id"] == "dev-004" and failure["got"] == "CallTimeout: no result within 0.5 s"
    assert report["metrics"]["errors"] == 1 and report["metrics"]["answer_correctness"] == round(2 / 3, 4)
