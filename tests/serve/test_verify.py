"""verify_claim on true, altered and invented statements (fake embedder: BM25 carries retrieval)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.answer.verify import extract_facts, states, verify_claim
from assistant.errors import InvalidInput

REVENUE = (
    "De nieuwe zorgaanbieder heeft bij CZ groep een onderbouwde verwachte zorgomzet van minimaal € 50.000 op jaarbasis"
)
REGISTER = "Nieuwe zorgaanbieders kunnen zich tussen 1 december 2026 en 28 februari 2027 inschrijven voor een overeenkomst wijkverpleging 2027."

SUPPORTED = [
    REVENUE + ", verdeeld over voldoende cliënten.",
    REGISTER,
    "Een nieuwe zorgaanbieder mag zich maximaal 1 keer per contractjaar inschrijven.",
    "Een overeenkomst geldt nooit met terugwerkende kracht.",
    "Als de aanvraag en de benodigde gegevens compleet zijn, krijgt de zorgaanbieder binnen 10 werkdagen uitsluitsel over de aanvraag.",
    "Uiterlijk op 12 november 2026 presenteert CZ groep de gecontracteerde zorgaanbieders voor 2027.",
    "Publiceren van het zorginkoopbeleid 2027 Uiterlijk 1 april 2026",
    # paraphrases that keep every fact
    "Nieuwe zorgaanbieders moeten een verwachte zorgomzet van minimaal € 50.000 per jaar hebben.",
    "Nieuwe zorgaanbieders kunnen zich tot en met 28 februari 2027 inschrijven.",
    "Het verzoek is vóór 31 december 2027 verzonden via onze website.",
]


@pytest.mark.parametrize("claim", SUPPORTED)
def test_true_statements_are_supported(fake_assistant, claim):
    r = verify_claim(fake_assistant, claim)
    assert r["verdict"] == "supported", r
    assert r["differences"] == []
    src = r["source"]
    assert fake_assistant.corpus.quote_in_clause(src["quote"], src["clause_id"])  # a verbatim quote
    assert src["year"] == 2027 and src["section"] in src["clause_id"]


@pytest.mark.parametrize(
    ("claim", "expected", "section"),
    [
        # altered amount (the text says € 50.000)
        (REVENUE.replace("50.000", "100.000") + ".", [("€ 100.000", "€ 50.000", "number")], "3.2.1"),
        (
            "Nieuwe zorgaanbieders moeten een verwachte zorgomzet van minimaal € 100.000 hebben.",
            [("€ 100.000", "€ 50.000", "number")],
            "3.2.1",
        ),
        # altered counts and percentages
        (
            "Een nieuwe zorgaanbieder mag zich maximaal 2 keer per contractjaar inschrijven.",
            [("2", "1", "number")],
            "3.2.1",
        ),
        (
            "De zorgaanbieder dient het verzoek in wanneer vóór 1 oktober ten minste 70% van het omzetplafond voor 2027 is bereikt.",
            [("70%", "80%", "number")],
            "3.2.4",
        ),
        # altered years
        (
            REGISTER.replace("2026", "2025").replace("28 februari 2027", "28 februari 2026"),
            [("1 december 2025", "1 december 2026", "date"), ("28 februari 2026", "28 februari 2027", "date")],
            "3.2.1",
        ),
        (
            "Uiterlijk op 12 november 2025 presenteert CZ groep de gecontracteerde zorgaanbieders voor 2027.",
            [("12 november 2025", "12 november 2026", "date")],
            "4.2",
        ),
        # altered deadline: 1 maart 2027 where the text says 28 februari 2027
        (REGISTER.replace("28 februari 2027", "1 maart 2027"), [("1 maart 2027", "28 februari 2027", "date")], "3.2.1"),
        # dropped negation, opposite term
        ("Een overeenkomst geldt met terugwerkende kracht.", [("", "nooit", "term")], "3.2.1"),
        ("Inschrijvingen die later binnenkomen, nemen we in behandeling.", [("", "niet", "term")], "3.2.1"),
        (REVENUE.replace("minimaal", "maximaal") + ".", [("maximaal", "minimaal", "term")], "3.2.1"),
    ],
)
def test_altered_statements_are_contradicted(fake_assistant, claim, expected, section):
    r = verify_claim(fake_assistant, claim)
    assert r["verdict"] == "contradicted", r
    assert [(d["claim"], d["source"], d["kind"]) for d in r["differences"]] == expected
    assert r["source"]["section"] == section
    for d in r["differences"]:
        if d["source"]:
            assert d["source"] in r["source"]["quote"]


@pytest.mark.parametrize("claim", ["Nieuwe zorgaanbieders kunnen zich tot 1 maart 2027 inschrijven."])
def test_altered_deadline_names_the_real_one(fake_assistant, claim):
    r = verify_claim(fake_assistant, claim)
    assert r["verdict"] == "contradicted"
    assert r["differences"][0]["claim"] == "1 maart 2027"
    assert r["differences"][0]["source"].startswith("28 februari")


@pytest.mark.parametrize(
    "claim",
    [
        "CZ vergoedt elke zorgaanbieder 100% van het aanvullend budget",
        "CZ betaalt alle reiskosten van wijkverpleegkundigen volledig terug.",
        "Zorgaanbieders krijgen een bonus van € 10.000 als ze elektrisch rijden.",
        "De maan is van kaas.",
    ],
)
def test_invented_rules_are_not_supported(fake_assistant, claim):
    r = verify_claim(fake_assistant, claim)
    assert r["verdict"] != "supported", r
    if r["verdict"] == "not_found":
        assert r["source"] is None and r["differences"] == []


def test_invented_full_reimbursement_rule(fake_assistant):
    r = verify_claim(fake_assistant, "CZ vergoedt elke zorgaanbieder 100% van het aanvullend budget")
    assert r["verdict"] in ("not_found", "contradicted")


@pytest.mark.parametrize("claim", ["", "   ", "x" * 2001])
def test_bad_claims_raise(fake_assistant, claim):
    with pytest.raises(InvalidInput):
        verify_claim(fake_assistant, claim)


def test_fact_extraction():
    facts = extract_facts(
        "tussen 1 december 2026 en 28 februari 2027, minimaal € 50.000, 80%, 2-31 mei 2026, paragraaf 2.3.4, 3 keer"
    )
    assert [(f.kind, f.value, f.text) for f in facts] == [
        ("period", (date(2026, 12, 1), date(2027, 2, 28)), "1 december 2026 en 28 februari 2027"),
        ("money", 50000, "€ 50.000"),
        ("percent", 80, "80%"),
        ("period", (date(2026, 5, 2), date(2026, 5, 31)), "2-31 mei 2026"),
        ("count", 3, "3"),
    ]
    assert facts[1].bound == "min"


@pytest.mark.parametrize("written", ["50 %", "50%", "50 procent", "vijftig procent", "fifty percent"])
def test_one_quantity_reader_one_fact(written):
    """Facts come from the one quantity reader: every spelling of fifty per cent is the same fact."""
    (fact,) = extract_facts(f"ten minste {written} van de zorg")
    assert (fact.kind, fact.value, fact.bound) == ("percent", 50, "min")
    assert states("Bestaande én nieuwe zorgaanbieders leveren ten minste 50 procent van de zorg zelf", written)
    assert not states("Bestaande én nieuwe zorgaanbieders leveren ten minste 50 procent van de zorg zelf", "60%")


def test_source_line_span_is_the_quotes(fake_assistant):
    r = verify_claim(fake_assistant, REVENUE + ", verdeeld over voldoende cliënten.")
    src = r["source"]
    lines = fake_assistant.corpus.texts["wv2027"].split("\n")[src["line_start"] - 1 : src["line_end"]]
    assert src["line_end"] - src["line_start"] == 1
    assert lines[0].startswith("De nieuwe zorgaanbieder heeft bij CZ groep") and lines[1].startswith("jaarbasis")
