"""The benchmark's tutorial-stack retrieval metric on a tiny synthetic corpus with the fake embedder."""

from __future__ import annotations

from assistant.evaluation.bench import question_variants
from assistant.evaluation.dataset import EvalItem
from assistant.evaluation.tutorial import split_texts, tutorial_retrieval_metrics
from assistant.retrieve.embedders import FakeEmbedder

FILLER = "Dit is opvultekst over iets anders, zoals het weer en de treinen. " * 30
TEXTS = {
    "docA": FILLER + "\nDe caseload casemanagement dementie is 50 tot 65 cliënten per fte.\n" + FILLER,
    "docB": "Declaraties wijkverpleging gaan naar decl.wijkverpleging@cz.nl voor vragen.\n" + FILLER,
}
NAMES = {"a.txt": "docA", "b.txt": "docB"}


def item(i: str, question: str, doc: str, quote: str) -> EvalItem:
    return EvalItem(id=i, question=question, kind="clause_lookup", expected_sources=[{"doc": doc, "quote": quote}])


def test_tutorial_stack_retrieval_metrics_with_fake_embedder(tmp_path):
    items = [
        item("1", "caseload casemanagement dementie cliënten per fte", "a.txt", "casemanagement dementie is 50 tot 65"),
        item("2", "declaraties wijkverpleging mailadres", "b.txt", "decl.wijkverpleging@cz.nl"),
        item("3", "iets dat nergens staat", "b.txt", "dit citaat bestaat niet"),
        EvalItem(id="4", question="uurtarief?", kind="out_of_scope", should_refuse=True),
    ]
    result = tutorial_retrieval_metrics(TEXTS, items, FakeEmbedder(), tmp_path / "chroma", NAMES.get, k=2)
    assert result["chunks"] == len(split_texts(TEXTS)) > 4
    assert result["scored_items"] == 3  # the refusal item has no sources to find
    assert result["recall_at_k"] == round(2 / 3, 4) and result["all_sources_hit"] == round(2 / 3, 4)
    assert result["mrr"] == round(2 / 3, 4)  # items 1 and 2 found at rank 1, item 3 never
    assert result["search_p50_ms"] > 0 and (tmp_path / "chroma").is_dir()


def test_question_variants_are_deterministic_and_distinct():
    variants = question_variants(["Wat is de norm, vraag ik?"], 6)
    assert variants == question_variants(["Wat is de norm, vraag ik?"], 6)
    assert variants[:3] == ["Wat is de norm, vraag ik?", "wat is de norm, vraag ik?", "Wat is de norm vraag ik"]
    assert len(set(variants)) == 6 and all(v.strip() for v in variants)
    assert len(question_variants(["al klein"], 3)) == 3  # the lower-cased duplicate is dropped, then it cycles
    dev = [f"Vraag {i}?" for i in range(45)]
    assert len(set(question_variants(dev, 225))) == 225  # the full run times 225 distinct questions


def test_latency_counts_a_hanging_call_as_a_time_out():
    from assistant.evaluation.bench import _latency

    def call(q: str) -> str:
        while q == "hang":
            pass
        if q == "boom":
            raise ValueError(q)
        return q

    result = _latency(call, ["a", "hang", "boom", "b"], limit_s=0.3)
    assert (result["n"], result["timeouts"], result["errors"]) == (4, 1, 1)
    assert result["timed_out"] == ["hang"] and result["failed"] == ["ValueError: boom"]
    assert result["p50_ms"] is not None and result["p95_ms"] < 300
