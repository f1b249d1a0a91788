"""Policy parameters (corpus/<doc>.params.toml): every quote is in its clause and states its value; a broken
parameter fails the corpus load (and so `assistant index`) with its name and quote; calculators read the
document of the policy year and never fall back to another year."""

from __future__ import annotations

import re
import shutil
import tomllib

import pytest

from assistant.config import REPO_ROOT
from assistant.domain import collapse_ws
from assistant.errors import ConfigError, InvalidInput, NotFound
from assistant.ingest import load_corpus
from assistant.ingest.params import policy
from tools.registry import list_tools, run_tool

PARAM_FILES = sorted((REPO_ROOT / "corpus").glob("*.params.toml"))


def _quotes_in_file(data) -> int:
    """How many `quote = ...` entries a parameter file has, however deeply nested."""
    if isinstance(data, dict):
        return ("quote" in data) + sum(_quotes_in_file(v) for v in data.values())
    if isinstance(data, list):
        return sum(_quotes_in_file(v) for v in data)
    return 0


def test_every_document_has_a_parameter_file():
    assert [p.name for p in PARAM_FILES] == ["wv2024.params.toml", "wv2027.params.toml"]


@pytest.mark.parametrize("path", PARAM_FILES, ids=lambda p: p.name)
def test_every_quote_is_in_its_clause_and_states_its_value(corpus, path):
    params = corpus.policy.params(path.name.split(".")[0])
    sources = params.sources()
    deadline_sources = [s for d in (params.deadlines.items if params.deadlines else []) for s in d.sources]
    # the check covers every quote in the file: none is skipped
    assert len(sources) == _quotes_in_file(tomllib.loads(path.read_text(encoding="utf-8")))
    for name, source in sources:
        clause = corpus.clause_by_id[source.clause_id]
        assert collapse_ws(source.quote) in collapse_ws(clause.text), name
        assert source.problems() == [], f"{name}: {source.problems()}"
        assert source.cite().quote == collapse_ws(source.quote)
    assert all(any(s is d for _, s in sources) for d in deadline_sources)
    for d in params.deadlines.items if params.deadlines else []:
        assert d.problems() == [], d.id


def test_values_are_typed_and_readable_by_year(corpus):
    p = corpus.policy.params(2027)
    assert p.doc == "wv2027" and corpus.policy.params("wv2027") is p and corpus.policy.current is p
    assert p.waardemodel.limit_eur.value == 100_000
    assert p.additional_purchase.reached_before.value.isoformat() == "2027-10-01"
    assert p.postcode.threshold_row(2026).existing == 2
    row, doc = corpus.policy.postcode_row(2027)
    assert (row.existing, row.new, doc.doc) == (3, 3, "wv2027")
    assert {y: lim.max_pct for y, (lim, _) in corpus.policy.subcontracting_limits().items()} == {
        2022: 75,
        2023: 65,
        2024: 50,
        2027: 50,
    }
    assert corpus.policy.params(2024).cooperative.ratio.nurse == "hbo-verpleegkundige niveau 5/6"
    with pytest.raises(NotFound, match="valid: wv2024 \\(2024\\), wv2027 \\(2027\\)"):
        corpus.policy.params(2025)


def test_the_default_policy_is_the_configured_corpus_loaded_once(corpus):
    assert policy() is policy()
    assert policy().years == [2024, 2027]


def test_calculators_run_under_an_earlier_year_with_that_years_text():
    coop = run_tool("cooperative_staffing_check", {"clients": 110, "hbo_bachelor_nurse_fte": 2}, year=2024)
    assert [c.clause_id for c in coop.citations] == ["wv2024/bijlage-1/1.3", "wv2024/bijlage-1/1.3"]
    assert "hbo-verpleegkundige niveau 5/6" in coop.rule and "hbo-verpleegkundige" in coop.verdict
    dem = run_tool("dementia_caseload_check", {"clients": 60, "casemanager_fte": 1}, year=2024)
    assert dem.citations[1].clause_id == "wv2024/bijlage-1/1.4.2"


def test_no_fallback_to_another_year():
    with pytest.raises(InvalidInput) as err:
        run_tool("waardemodel_applicability", {"production_agreement_eur": 1}, year=2024)
    assert err.value.message == (
        "the 2024 policy (wv2024) defines no waardemodel parameters; documents that do: wv2027 (2027)"
    )
    assert [t["name"] for t in list_tools(year=2024)] == [
        "subcontracting_check",
        "cooperative_staffing_check",
        "dementia_caseload_check",
    ]


def test_allowed_years_come_from_the_parameters():
    with pytest.raises(InvalidInput, match="contract_year: must be one of 2026 or 2027"):
        run_tool("postcode_average", {"total_clients": 9, "postcode_areas": 3, "contract_year": 2028})
    with pytest.raises(InvalidInput, match="year: must be one of 2022, 2023, 2024, 2025, 2026 or 2027"):
        run_tool("subcontracting_check", {"subcontracted_share_pct": 10, "year": 2021})


# ------------------------------------------------------------------ a broken parameter file fails loudly


@pytest.fixture
def corpus_copy(tmp_path):
    d = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "corpus", d)
    return d


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_quote_that_is_not_in_its_clause_fails_the_load_with_its_name(corpus_copy):
    _edit(
        corpus_copy / "wv2027.txt", "gemiddeld aan ten minste 2 CZ-cliënten", "gemiddeld aan ten minste 4 CZ-cliënten"
    )
    with pytest.raises(ConfigError) as err:
        load_corpus(corpus_copy)
    message = err.value.message
    assert message.startswith("wv2027.params.toml: parameter postcode.thresholds[0]: quote not found in wv2027/2.3.2:")
    assert "«2026 Per 4-cijferig postcodegebied levert de zorgaanbieder gemiddeld aan ten minste 2" in message


def test_a_quote_that_does_not_state_its_value_fails(corpus_copy):
    _edit(corpus_copy / "wv2027.params.toml", "value = 100000", "value = 110000")
    with pytest.raises(ConfigError, match=r"parameter waardemodel\.limit_eur: the quote does not state value = 110000"):
        load_corpus(corpus_copy)


def test_a_date_the_quote_does_not_state_fails(corpus_copy):
    _edit(corpus_copy / "wv2027.params.toml", "before = 2027-08-01", "before = 2027-09-01")
    with pytest.raises(ConfigError, match=r"deadlines\.innovation_plan: no quote states before = 2027-09-01"):
        load_corpus(corpus_copy)


def test_an_unknown_parameter_fails(corpus_copy):
    _edit(corpus_copy / "wv2027.params.toml", "[waardemodel]\n", "[waardemodel]\nlimiet = 3\n")
    with pytest.raises(ConfigError, match="wv2027.params.toml: waardemodel.limiet: Extra inputs are not permitted"):
        load_corpus(corpus_copy)


def test_the_index_command_stops_with_the_parameter_and_the_quote(corpus_copy, tmp_path, monkeypatch, capsys):
    from assistant.cli import main

    _edit(
        corpus_copy / "wv2027.txt", "100.000. Zorgaanbieders met een lagere", "110.000. Zorgaanbieders met een lagere"
    )
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus_copy))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "fake")
    assert main(["index"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("error: wv2027.params.toml: parameter waardemodel.limit_eur: quote not found in wv2027/2.3.3")
    assert (
        "«We passen het waardemodel alleen toe bij zorgaanbieders die een productieafspraak krijgen van meer dan € 100.000.»"
        in err
    )


# ------------------------------------------------------------------ no policy literal left in the code


LITERALS = [
    re.compile(r"(?<!\d)20[12]\d(?!\d)"),  # a policy year, also inside an id or a code
    re.compile(r"€\s?\d"),  # an amount
    re.compile(
        r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b"
    ),
]


@pytest.mark.parametrize(
    "path",
    sorted((REPO_ROOT / "tools").glob("*.py"))
    + sorted((REPO_ROOT / "assistant/diff").glob("*.py"))
    + [
        REPO_ROOT / f"assistant/{name}.py"
        for name in ("ingest/params", "ingest/quotes", "ingest/corpus", "serve/routes/diff")
    ],
    ids=lambda p: p.name,
)
def test_no_year_amount_or_date_literal_in_the_calculators(path):
    text = path.read_text(encoding="utf-8")
    found = [m.group(0) for pattern in LITERALS for m in pattern.finditer(text)]
    assert found == [], f"{path.name}: {found}"


def test_cli_runs_a_calculator_under_a_year(capsys):
    from assistant.cli import main

    args = '{"clients": 110, "hbo_bachelor_nurse_fte": 2}'
    assert main(["tools", "run", "cooperative_staffing_check", "--year", "2024", "--args", args]) == 0
    out = capsys.readouterr().out
    assert "hbo-verpleegkundige is 55,00 cliënten per fte" in out and "§ 1.3 (2024)" in out
    assert (
        main(
            ["tools", "run", "waardemodel_applicability", "--year", "2024", "--args", '{"production_agreement_eur": 1}']
        )
        == 2
    )
    assert capsys.readouterr().err.strip() == (
        "error: the 2024 policy (wv2024) defines no waardemodel parameters; documents that do: wv2027 (2027)"
    )
