"""Proof that a new policy year needs no code: a synthetic 2028 document (the 2027 text a year on, with a few
numbers and dates changed; `conftest.write_next_year`), its manifest and its parameter file. The index, the
calculators, verify, the deadlines and the diff use the 2028 values; 2027 questions still get 2027 answers.

Answers (`Assistant.ask`) over the same corpus: use the `assistant_2028` fixture, e.g.
`assistant_2028.ask("Welke omzet moet een nieuwe zorgaanbieder verwachten?")` -> € 60.000 from wv2028/3.2.1,
and with `year=2027` -> € 50.000 from wv2027/3.2.1."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.config import Settings
from assistant.errors import InvalidInput
from tools.registry import list_tools, run_tool


def run(corpus, name: str, args: dict, year=None):
    return run_tool(name, args, policy_set=corpus.policy, year=year)


@pytest.fixture(scope="module")
def assistant_2028(corpus_2028_dir, tmp_path_factory):
    from assistant.answer.pipeline import Assistant

    settings = Settings(corpus_dir=corpus_2028_dir, data_dir=tmp_path_factory.mktemp("data-2028"), embedder="fake")
    return Assistant.create(settings)


# ------------------------------------------------------------------ the corpus and the index


def test_the_new_document_is_the_current_policy_with_its_own_parameters(corpus_2028):
    policy = corpus_2028.policy
    assert policy.years == [2024, 2027, 2028]
    assert policy.current.doc == "wv2028"
    assert policy.params(2028).waardemodel.limit_eur.value == 120_000
    assert policy.params(2028).waardemodel.limit_eur.cite().clause_id == "wv2028/2.3.3"
    assert policy.params(2027).waardemodel.limit_eur.value == 100_000
    assert corpus_2028.current_year == 2028


def test_the_index_holds_and_finds_the_2028_text(assistant_2028):
    corpus = assistant_2028.corpus
    assert {p.doc for p in corpus.passages} == {"wv2024", "wv2027", "wv2028"}
    assert assistant_2028.index.store.count() == len(corpus.passages)
    hits = assistant_2028.search("onderbouwde verwachte zorgomzet nieuwe zorgaanbieder op jaarbasis", k=3, year=2028)
    assert hits[0].passage.clause_id == "wv2028/3.2.1"
    assert "€ 60.000" in " ".join(hits[0].passage.text.split())
    hits = assistant_2028.search("onderbouwde verwachte zorgomzet nieuwe zorgaanbieder op jaarbasis", k=3, year=2027)
    assert hits[0].passage.clause_id == "wv2027/3.2.1" and "€ 50.000" in " ".join(hits[0].passage.text.split())


# ------------------------------------------------------------------ calculators: 2028 by default, 2027 on request


def test_calculators_use_the_2028_values(corpus_2028):
    wm = run(corpus_2028, "waardemodel_applicability", {"production_agreement_eur": 110_000})
    assert wm.threshold_eur == 120_000 and wm.waardemodel_applies is False
    assert "€ 120.000" in wm.verdict and wm.citations[0].clause_id == "wv2028/2.3.3"
    np = run(corpus_2028, "new_provider_eligibility", {"expected_annual_revenue_cz_eur": 55_000})
    assert np.failed_criteria == ["minimum_expected_revenue_60000"]
    coop = run(corpus_2028, "cooperative_staffing_check", {"clients": 104, "hbo_bachelor_nurse_fte": 2})
    assert coop.max_clients_per_fte == 50 and coop.compliant is False  # 52 per fte; 2027 (55) would comply
    dem = run(corpus_2028, "dementia_caseload_check", {"clients": 62, "casemanager_fte": 1})
    assert (dem.norm_min, dem.norm_max, dem.position) == (45, 60, "above")
    ap = run(corpus_2028, "additional_purchase_eligibility", {"percentage_of_ceiling_reached": 76})
    assert ap.threshold_pct == 75 and ap.threshold_met is True
    late = run(
        corpus_2028,
        "additional_purchase_eligibility",
        {"percentage_of_ceiling_reached": 90, "request_date": "2028-12-31"},
    )
    assert late.reasons == ["request_not_sent_before_2028-12-31"]
    with pytest.raises(InvalidInput, match="request_date"):
        run(
            corpus_2028,
            "additional_purchase_eligibility",
            {"percentage_of_ceiling_reached": 90, "request_date": "2027-09-15"},
        )


def test_field_names_and_allowed_values_follow_the_new_year(corpus_2028):
    staffel = run(corpus_2028, "staffel_percentage", {"score_2027": "A", "score_2028": "A"})
    assert staffel.row == "score_A_2027_and_2028" and staffel.percentage == 100
    with pytest.raises(InvalidInput, match="score_2026"):
        run(corpus_2028, "staffel_percentage", {"score_2026": "A"})
    schema = {t["name"]: t["input_schema"] for t in list_tools(corpus_2028.policy)}
    assert schema["postcode_average"]["properties"]["contract_year"]["enum"] == [2026, 2027, 2028]
    assert schema["postcode_average"]["properties"]["contract_year"]["default"] == 2028
    assert schema["subcontracting_check"]["properties"]["year"]["enum"] == list(range(2022, 2029))
    assert {"score_2027", "score_2028"} <= set(schema["staffel_percentage"]["properties"])


def test_2027_questions_still_get_2027_answers(corpus_2028):
    # a contract year stated by its own document is read from that document (wv2028's table restates 2027 otherwise)
    pc = run(corpus_2028, "postcode_average", {"clients_per_postcode": [4, 1, 2], "contract_year": 2027})
    assert pc.threshold == 3 and pc.citations[2].clause_id == "wv2027/2.3.2"
    assert run(corpus_2028, "postcode_average", {"clients_per_postcode": [4, 1, 2]}).threshold == 4
    # the whole 2027 policy on request
    wm = run(corpus_2028, "waardemodel_applicability", {"production_agreement_eur": 110_000}, year=2027)
    assert wm.threshold_eur == 100_000 and wm.waardemodel_applies is True
    assert {c.doc for c in wm.citations} == {"wv2027"}
    staffel = run(corpus_2028, "staffel_percentage", {"score_2026": "A", "score_2027": "A"}, year=2027)
    assert staffel.row == "score_A_2026_and_2027"
    coop = run(corpus_2028, "cooperative_staffing_check", {"clients": 104, "hbo_bachelor_nurse_fte": 2}, year=2027)
    assert coop.max_clients_per_fte == 55 and coop.compliant is True


# ------------------------------------------------------------------ deadlines


def test_deadlines_are_the_2028_cycle(corpus_2028):
    out = run(corpus_2028, "deadlines", {"topic": "bezwaar"})
    objection = next(d for d in out.deadlines if d.id == "objections")
    assert objection.last_day == date(2027, 5, 20)
    assert out.citations[0].clause_id == "wv2028/voorwoord" and "20 mei a.s." in out.citations[0].quote
    new = run(corpus_2028, "deadlines", {"topic": "inschrijving nieuwe zorgaanbieders", "on_date": "2028-02-28"})
    reg = next(d for d in new.deadlines if d.id == "new_provider_registration")
    assert (reg.start, reg.last_day, reg.status) == (date(2027, 12, 1), date(2028, 2, 28), "open")
    old = run(corpus_2028, "deadlines", {"topic": "bezwaar"}, year=2027)
    assert next(d for d in old.deadlines if d.id == "objections").last_day == date(2026, 5, 15)


# ------------------------------------------------------------------ verify and diff


def test_verify_reads_the_2028_text(assistant_2028):
    from assistant.answer.verify import verify_claim

    claim = "De nieuwe zorgaanbieder heeft bij CZ groep een onderbouwde verwachte zorgomzet van minimaal € {}"
    new = verify_claim(assistant_2028, claim.format("60.000"))
    assert new["verdict"] == "supported"
    assert new["source"]["clause_id"] == "wv2028/3.2.1" and "€ 60.000" in new["source"]["quote"]
    old = verify_claim(assistant_2028, claim.format("50.000"))  # still what the 2027 policy says
    assert old["verdict"] == "supported" and old["source"]["clause_id"] == "wv2027/3.2.1"
    wrong = verify_claim(assistant_2028, claim.format("70.000"))
    assert wrong["verdict"] == "contradicted"
    caseload = "De gespecialiseerde casemanager dementie heeft een caseload van gemiddeld 45 tot 60 cliënten per fte"
    ok = verify_claim(assistant_2028, caseload)
    assert ok["verdict"] == "supported" and ok["source"]["year"] == 2028


def test_the_diff_shows_what_2028_changed(corpus_2028):
    from assistant.diff import diff_documents

    d = diff_documents(corpus_2028, "wv2027", "wv2028")
    assert not d.added and not d.removed and len(d.pairs) == len([c for c in corpus_2028.clauses if c.doc == "wv2027"])
    assert all(p.before.section == p.after.section for p in d.pairs)  # same numbering: aligned one to one
    changes = {(x.before, x.after) for p in d.pairs for c in p.changed for x in c.changes if x.emphasis}
    assert ("50.000", "60.000") in changes
    assert ("55", "50") in changes
    assert ("50", "45") in changes or ("50 tot 65", "45 tot 60") in changes
    coop = next(p for p in d.pairs if p.after.clause_id == "wv2028/bijlage-1/1.4")
    assert any("op 50 cliënten" in c.after.text and "op 55 cliënten" in c.before.text for c in coop.changed)


# ------------------------------------------------------------------ answers


def test_answers_read_the_2028_values_and_2027_stays_2027(assistant_2028):
    """A chat question reaches the calculator with the 2028 threshold (4, not 3) and says so; a clause question
    quotes the 2028 text; asked for 2027, the same questions get the 2027 figures and quotes."""
    question = "We hebben 4, 3 en 4 cliënten in drie postcodegebieden. Voldoen we aan de postcode-eis?"
    now = assistant_2028.ask(question)
    line = now.answer.split("\n")[0]
    assert line.startswith("Nee") and "3,67" in line and "2028" in line, line
    assert now.tool_calls[0].result["threshold"] == 4
    then = assistant_2028.ask(question.replace("eis?", "eis voor 2027?"))
    line = then.answer.split("\n")[0]
    assert line.startswith("Ja") and "3,67" in line and "2027" in line, line

    clause = assistant_2028.ask("Welke zorgomzet moet een nieuwe zorgaanbieder op jaarbasis minimaal verwachten?")
    assert "60.000" in clause.answer.split("\n")[0], clause.answer[:300]
    assert any(c.doc == "wv2028" and "60.000" in c.quote for c in clause.citations)
    old = assistant_2028.ask("Welke zorgomzet moet een nieuwe zorgaanbieder op jaarbasis minimaal verwachten?", year=2027)
    assert "50.000" in old.answer.split("\n")[0] and "60.000" not in old.answer, old.answer[:300]
