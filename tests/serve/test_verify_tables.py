"""verify_claim on claims about table cells (tests/serve/table_claims.jsonl): the staffel in 3.2.4, the postcode
table in 2.3.2, the timeline in 4.1, the periods of Bijlage 2 and the 2024 ingroeimodel; half of them true, half
with one cell swapped or changed; Dutch and English; numbers as digits, words, "%" and "procent".

Each claim must get its verdict from the right clause; a supported claim is quoted with the cell that carries it,
and a contradicted claim's differences name the policy's value in that cell.
"""

from __future__ import annotations

import json

import pytest

from assistant.answer.verify import verify_claim
from assistant.config import REPO_ROOT
from assistant.domain import collapse_ws

CLAIMS = [json.loads(line) for line in (REPO_ROOT / "tests" / "serve" / "table_claims.jsonl").open(encoding="utf-8")]


def test_the_claim_set_is_balanced():
    assert len(CLAIMS) >= 40
    verdicts = [c["verdict"] for c in CLAIMS]
    assert abs(verdicts.count("supported") - verdicts.count("contradicted")) <= 2
    assert {c["table"] for c in CLAIMS} >= {"staffel", "postcode", "timeline", "bijlage2"}
    assert sum(c["lang"] == "en" for c in CLAIMS) >= 12


@pytest.mark.parametrize("case", CLAIMS, ids=[c["id"] for c in CLAIMS])
def test_table_claims(fake_assistant, case):
    r = verify_claim(fake_assistant, case["claim"])
    assert r["verdict"] == case["verdict"], r
    src = r["source"]
    assert src["clause_id"] == case["clause"], r
    assert fake_assistant.corpus.quote_in_clause(src["quote"], src["clause_id"])
    value = case["value"].lower()
    if case["verdict"] == "supported":
        assert r["differences"] == []
        assert value in collapse_ws(src["quote"]).lower(), r
        return
    assert any(value in collapse_ws(d["source"]).lower() for d in r["differences"]), r
    for d in r["differences"]:
        if d["kind"] != "term":  # every value a difference names stands in the quoted row or sentence
            assert collapse_ws(d["source"]).lower() in collapse_ws(src["quote"]).lower(), r


@pytest.mark.parametrize(
    ("claim", "cell", "column"),
    [
        ("In 2026 moeten bestaande zorgaanbieders gemiddeld ten minste 3 CZ-cliënten per postcodegebied hebben.",
         "Per 4-cijferig postcodegebied levert de zorgaanbieder gemiddeld aan ten minste 2 CZ-cliënten zorg",
         "Bestaande zorgaanbieders kernwerkgebied"),
        ("Bij score A in 2026 is de maximale vergoeding 95%.", "90%",
         "Maximale vergoeding op gehonoreerd aanvullend budget (staffel)"),
    ],
)  # fmt: skip
def test_a_table_verdict_names_header_column_and_cell(fake_assistant, claim, cell, column):
    r = verify_claim(fake_assistant, claim)
    assert r["verdict"] == "contradicted"
    assert r["source"]["cell"] == cell and r["source"]["column"] == column
    assert r["source"]["header"].startswith(("Jaar", "Doelmatigheid"))


@pytest.mark.parametrize(
    "claim",
    [
        "Zorgaanbieders met score C krijgen 85% vergoed op het aanvullende budget.",
        "Bij score B in 2026 en minder dan 5 punten op het kostenonderdeel is de vergoeding 85%.",
        "CZ vergoedt elke zorgaanbieder 100% van het aanvullend budget.",
    ],
)
def test_a_claim_about_no_row_is_not_supported(fake_assistant, claim):
    """Score C and 'minder dan 5 punten' name no row of the staffel (those providers are excluded)."""
    assert verify_claim(fake_assistant, claim)["verdict"] != "supported"


def test_the_api_returns_the_table_cell(client):
    r = client.post("/api/verify", json={"claim": "Bij score A in 2026 is de maximale vergoeding 95%."}).json()
    assert r["verdict"] == "contradicted"
    assert r["differences"] == [{"claim": "95%", "source": "90%", "kind": "number"}]
    assert r["source"]["quote"] == "Score A in 2026 90%" and r["source"]["cell"] == "90%"
    assert r["source"]["header"].startswith("Doelmatigheid")
