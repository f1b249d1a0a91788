"""Scorers on synthetic Answers: what a correct answer scores and what each kind of mistake costs."""

from __future__ import annotations

import pytest

from assistant.domain import Answer, Citation, ToolCall
from assistant.evaluation import scorers
from assistant.evaluation.dataset import EvalItem, ToolSpec
from assistant.evaluation.runner import _Docs

DECL = "Voor vragen over declaraties kunt u mailen naar: decl.wijkverpleging@cz.nl."
ITEM = EvalItem(
    id="t-1",
    question="naar welk mailadres moet ik vragen over declaraties sturen?",
    kind="clause_lookup",
    expected_sources=[{"doc": "000_3d2709293215211c.txt", "section": "4.3", "quote": DECL}],
    must_include=["decl.wijkverpleging@cz.nl"],
    must_not_include=["info@cz.nl"],
)
REFUSE = EvalItem(id="t-2", question="Wat is het uurtarief?", kind="out_of_scope", should_refuse=True)


def cite(quote: str, doc: str = "wv2027", section: str = "4.3", year: int = 2027) -> Citation:
    return Citation(clause_id=f"{doc}/{section}", doc=doc, year=year, section=section, title="t", quote=quote)


@pytest.fixture()
def docs(corpus):
    return _Docs(corpus)


def score_cites(item, answer, docs):
    sources = scorers.resolve_sources(item, docs.doc_id)
    return scorers.score_citations(sources, answer.citations, docs.doc_id, docs.doc_text)


def test_correct_answer_scores_one_everywhere(docs):
    answer = Answer(answer="Mail naar decl.wijkverpleging@cz.nl (4.3).", citations=[cite(DECL)])
    a = scorers.score_answer(ITEM, answer)
    c = score_cites(ITEM, answer, docs)
    assert (a.correct, a.refusal_correct, a.false_refusal) == (True, True, False)
    assert (c.exact, c.total, c.recalled, c.expected) == (1, 1, 1, 1)
    assert scorers.ungrounded_numbers(answer, ITEM.question) == []


def test_missing_must_include_fails():
    a = scorers.score_answer(ITEM, Answer(answer="Mail naar de afdeling declaraties."))
    assert not a.correct and a.missing == ["decl.wijkverpleging@cz.nl"]


def test_must_not_include_present_fails():
    a = scorers.score_answer(ITEM, Answer(answer="Mail decl.wijkverpleging@cz.nl of INFO@cz.nl"))
    assert not a.correct and a.forbidden == ["info@cz.nl"] and a.missing == []


def test_refusing_an_answerable_item_is_a_false_refusal():
    a = scorers.score_answer(ITEM, Answer(answer="Dat staat niet in het beleid.", refused=True))
    assert not a.correct and a.false_refusal and not a.refusal_correct


def test_refusal_on_out_of_scope_item_is_correct_and_answering_it_is_not():
    assert scorers.score_answer(REFUSE, Answer(answer="Dat staat niet in het beleid.", refused=True)).correct
    wrong = scorers.score_answer(REFUSE, Answer(answer="Het uurtarief is € 80."))
    assert not wrong.correct and not wrong.refusal_correct and not wrong.false_refusal


def test_fabricated_citation_quote_lowers_exactness(docs):
    fabricated = cite("Declaraties mogen ook per fax worden ingediend.")
    wrong_doc = cite(DECL, doc="wv2024", section="1.1", year=2024)
    answer = Answer(answer="decl.wijkverpleging@cz.nl", citations=[cite(DECL), fabricated, wrong_doc])
    c = score_cites(ITEM, answer, docs)
    assert (c.exact, c.total) == (1, 3)
    assert [i["quote"] for i in c.inexact] == [fabricated.quote, DECL]


def test_whitespace_differences_still_count_as_verbatim(docs):
    spaced = cite("Voor vragen over   declaraties\nkunt u mailen naar:")
    assert score_cites(ITEM, Answer(answer="x", citations=[spaced]), docs).exact == 1


@pytest.mark.parametrize(
    ("cited", "counts"),
    [
        (DECL, True),  # identical
        ("Zorgaanbieders met vragen? " + DECL, True),  # the citation contains the quote
        ("kunt u mailen naar: decl.wijkverpleging@cz.nl.", True),  # inside the quote, >= 20 characters
        ("decl.wijkverpleging", False),  # inside the quote but shorter than 20 characters
        ("Voor vragen over declaraties kunt u mailen naar: decl.wijk", True),  # shares >= 60% of the quote
        ("Voor vragen over declaraties kunt u bellen", False),  # shares less than 60%
    ],
)
def test_citation_recall_rule(cited, counts):
    assert scorers.quote_among(DECL, cited) is counts


def test_citation_recall_needs_the_same_document(docs):
    answer = Answer(answer="x", citations=[cite(DECL, doc="wv2024", section="1.1", year=2024)])
    assert score_cites(ITEM, answer, docs).recalled == 0


def test_retrieval_recall_all_hit_and_reciprocal_rank():
    sources = [("wv2027", "alpha beta"), ("wv2027", "gamma")]
    passages = [("wv2027", "nothing"), ("wv2024", "alpha beta"), ("wv2027", "x alpha\n beta y"), ("wv2027", "delta")]
    s = scorers.score_retrieval(sources, passages)
    assert (s.found, s.expected, s.all_hit, s.first_rank, s.reciprocal_rank) == (1, 2, False, 3, 1 / 3)
    assert s.missing == ["gamma"]
    assert scorers.score_retrieval(sources, [("wv2027", "gamma alpha beta")]).reciprocal_rank == 1.0


def test_number_not_in_any_tool_result_or_quote_is_flagged():
    call = ToolCall(
        name="staffel_percentage",
        args={"honored_additional_budget_eur": 120000},
        result={"percentage": 85, "max_reimbursement_eur": 102000.0, "eligible": True},
    )
    answer = Answer(
        answer="Volgens paragraaf 3.2.4 en Bijlage 1: 85% van € 120.000 is € 102.000, dus € 18.000 minder. "
        "Vraag het aan vóór 1 oktober 2027 [1].",
        tool_calls=[call],
        citations=[cite("kostenonderdeel 85%", section="3.2.4")],
    )
    assert scorers.ungrounded_numbers(answer, "budget van € 120.000?") == ["18.000", "1"]


def test_rounded_tool_values_are_grounded():
    call = ToolCall(name="subcontracting_check", args={}, result={"subcontracted_share_pct": 58.3333})
    answer = Answer(answer="U besteedt 58,33% uit (afgerond 58,3%, ruim 58%).", tool_calls=[call])
    assert scorers.ungrounded_numbers(answer) == []


def test_calculator_scoring():
    spec = ToolSpec(name="calc", args={"a": 1}, expected={"average": 2.67, "ok": False, "reasons": ["x"]})

    def good(name, args):
        return {"average": 2.6667, "ok": False, "reasons": ["x", "y"], "extra": 1}

    def bad(name, args):
        return {"average": 2.7, "ok": 0, "reasons": ["y"]}

    assert scorers.score_tool(spec, good).status == "ok"
    result = scorers.score_tool(spec, bad)
    assert result.status == "mismatch"
    assert [m["field"] for m in result.mismatches] == ["average", "ok", "reasons"]
    assert scorers.score_tool(spec, None, "no registry").status == "unavailable"
    assert scorers.score_tool(spec, lambda n, a: 1 / 0).status == "error"


def test_a_policy_year_names_a_document_and_is_grounded_but_another_number_is_not():
    """'Nieuw in 2027 (niet in 2024)' names the corpus's documents; 2025 is none of them and 15% backs nothing."""
    answer = Answer(answer="Nieuw in 2027 (niet in 2024): de regel. In 2025 was het 15%.", citations=[cite(DECL)])
    assert scorers.ungrounded_numbers(answer, "", {2024, 2027}) == ["2025", "15"]
    assert scorers.ungrounded_numbers(answer, "", set()) == ["2024", "2025", "15"]  # 2027: the cited clause's year
