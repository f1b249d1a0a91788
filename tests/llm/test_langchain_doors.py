"""`assistant.langchain`: the hybrid search as a BaseRetriever, and the tools (search, clause lookup, verify,
calculators) driven by a LangChain tool-calling agent with the fake chat model."""

from __future__ import annotations

import json

from langchain_core.messages import ToolMessage

from assistant.langchain import PolicyRetriever, policy_tools
from assistant.llm.fake import FakeChatModel, tool_call
from tools.registry import TOOLS


def test_retriever_returns_documents_with_clause_metadata(fake_assistant):
    docs = PolicyRetriever(assistant=fake_assistant, k=3).invoke("gemiddeld aantal cliënten per postcodegebied")
    hits = fake_assistant.search("gemiddeld aantal cliënten per postcodegebied", k=3)
    assert [d.metadata["passage_id"] for d in docs] == [h.passage.id for h in hits]
    assert docs[0].page_content == hits[0].passage.text
    for d, h in zip(docs, hits, strict=True):
        assert d.metadata["clause_id"] == h.passage.clause_id and d.metadata["section"] == h.passage.section
        assert d.metadata["year"] == h.passage.year
    only_2024 = PolicyRetriever(assistant=fake_assistant, k=3, year=2024).invoke("nachtzorg")
    assert only_2024 and {d.metadata["year"] for d in only_2024} == {2024}


def test_tools_cover_search_clause_verify_and_every_calculator(fake_assistant):
    names = [t.name for t in policy_tools(fake_assistant)]
    assert names[:3] == ["search_policy", "get_clause", "verify_claim"] and set(TOOLS) <= set(names)


def test_a_tool_calling_agent_uses_the_tools_and_gets_readable_errors(fake_assistant):
    from langchain.agents import create_agent

    model = FakeChatModel().queue(
        tool_call("search_policy", {"query": "gemiddeld aantal cliënten per postcodegebied", "k": 2}),
        tool_call("postcode_average", {"clients_per_postcode": [4, 1, 2]}),
        tool_call("get_clause", {"clause_id": "wv2027/2.3.2"}),
        tool_call("verify_claim", {"claim": "Nieuwe zorgaanbieders moeten zich inschrijven."}),
        tool_call("search_policy", {"query": "nachtzorg", "k": 99}),
        tool_call("get_clause", {"clause_id": "wv2027/99.9"}),
        "Gemiddeld 2,33 cliënten per postcodegebied [wv2027/2.3.2].",
    )
    agent = create_agent(model, tools=policy_tools(fake_assistant))
    result = agent.invoke({"messages": [("user", "Voldoen 4, 1 en 2 cliënten in drie postcodes?")]})
    assert {"search_policy", "postcode_average", "verify_claim"} <= set(model.bound_tools)
    outputs = [m for m in result["messages"] if isinstance(m, ToolMessage)]
    assert len(outputs) == 6
    found = json.loads(outputs[0].content)
    assert len(found["hits"]) == 2 and found["hits"][0]["passage"]["clause_id"].startswith("wv20")
    calc = json.loads(outputs[1].content)
    assert calc["citations"] and "2,33" in json.dumps(calc, ensure_ascii=False)
    assert json.loads(outputs[2].content)["id"] == "wv2027/2.3.2"
    assert json.loads(outputs[3].content)["verdict"] in ("supported", "contradicted", "not_found")
    assert "k: must be at most 50 (got 99)" in outputs[4].content  # an error the model can read and fix
    assert "unknown clause id" in outputs[5].content
    assert result["messages"][-1].content.startswith("Gemiddeld 2,33")
