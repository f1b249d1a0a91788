"""The one sentence splitter and the table model on the real texts: whole sentences across the PDF's line and page
breaks, list items and table rows as units, tables as header cells and rows of cells with verbatim text and lines."""

from __future__ import annotations

import pytest

from assistant.domain import collapse_ws
from assistant.ingest.parser import sentence_breaks, split_sentences, table_breaks
from assistant.text.quantities import read


def _units(corpus, clause_id):
    return [collapse_ws(u) for p in corpus.passages if p.clause_id == clause_id for u in split_sentences(p.text)]


def test_no_unit_stops_in_mid_sentence_and_every_row_lines_up(corpus):
    assert sentence_breaks(corpus.passages) == []
    assert table_breaks(corpus.tables) == []


def test_every_unit_is_verbatim(corpus):
    for p in corpus.passages:
        for unit in split_sentences(p.text, table=p.kind == "table"):
            assert corpus.quote_in_clause(unit, p.clause_id), (p.id, unit)


@pytest.mark.parametrize(
    ("clause_id", "sentence"),
    [
        # a bracket at a line end does not end the sentence when the next line goes on in lower case
        ("wv2027/bijlage-1/1.4", "Binnen de coöperatie geldt de verhouding van minimaal 1 fte hbo-bachelor opgeleide "
         "verpleegkundige (niveau 6) op 55 cliënten, die conform het Normenkader V&VN zorgdraagt voor de "
         "indicatiestelling en voor het uitvoeren en bewaken van het verpleegkundig proces."),
        ("wv2027/2.2.1", "De herkenbare en aanspreekbare wijkverpleging maakt integraal deel uit van het RESV (hechte "
         "wijkverbanden) en komt (gedeeltelijk) terug in businesscase vanuit de RESV."),
        ("wv2027/bijlage-1/1.5.4", "Gespecialiseerde verpleging wordt geleverd door een verpleegkundige van niveau 4 "
         "of 6 die (actueel) geschoold is in medisch-technische handelingen en die in staat is, als dat verantwoord en "
         "passend is, om deze kennis en expertise aan de cliënt of de mantelzorger over te dragen om de "
         "zelfredzaamheid te vergroten."),
        # a page break (blank line) inside a sentence
        ("wv2027/bijlage-1/1.6.3", "Daarbij hanteren we het ‘Gezamenlijk kader toekomstbestendige wijkverpleging’ als "
         "uitgangspunt."),
        ("wv2027/bijlage-1/1.5.5", "Voor het pgb-beleid en de aanvraag van een pgb-budget verwijzen we naar het meest "
         "recente pgb- reglement op onze website."),
        # a colon before one lower-case item that ends the sentence is not a list
        ("wv2027/bijlage-1/1.5.4", "Het heeft ook voordelen voor de patiënt: meer regie en behandeling in een "
         "vertrouwde omgeving."),
        ("wv2027/4.3", "Voor overige vragen over het zorginkoopbeleid en relatiebeheer van CZ groep kunt u mailen "
         "naar: inkoopvvt.zvw@cz.nl."),
        # brackets are never cut inside ("(zie: Downloads ...)")
        ("wv2027/bijlage-1/1.5.4", "We toetsen initiatieven daarom aan het CZ Toetsingskader Ziekenhuisverplaatste zorg "
         "(zie: Downloads wijkverpleging - CZ)."),
    ],
)  # fmt: skip
def test_sentences_run_across_line_and_page_breaks(corpus, clause_id, sentence):
    assert sentence in _units(corpus, clause_id)


def test_list_items_stay_units(corpus):
    units = _units(corpus, "wv2027/2.3.3")
    assert "de productie in het voorgaande jaar;" in units
    assert "de score van de zorgaanbieder in ons waardemodel;" in units
    items = _units(corpus, "wv2027/4.2")
    assert "de wachttijden (indien beschikbaar);" in items and "patiëntervaringen (indien beschikbaar)." in items


def test_the_tables_of_the_corpus(corpus):
    tables = {t.clause_id: t for t in corpus.tables}
    assert set(tables) == {"wv2027/2.3.2", "wv2027/3.2.4", "wv2027/4.1", "wv2024/bijlage-1/1.2"}
    staffel = tables["wv2027/3.2.4"]
    assert staffel.columns == ["Doelmatigheid", "Maximale vergoeding op gehonoreerd aanvullend budget (staffel)"]
    assert [(r.cells[0].flat, r.cells[1].flat) for r in staffel.rows] == [
        ("Score A in 2026 én 2027 óf een plafondvrije afspraak", "100%"),
        ("Score A in 2026", "90%"),
        ("Score B in 2026 én ≥ 5 punten op kostenonderdeel", "85%"),
        ("Geen score op het waardemodel", "90%"),
    ]
    postcode = tables["wv2027/2.3.2"]
    assert postcode.columns == [
        "Jaar",
        "Bestaande zorgaanbieders kernwerkgebied",
        "Nieuwe zorgaanbieders kernwerkgebied",
    ]
    assert postcode.intro == "Voor 2027 geldt deze voorwaarde voor alle zorgaanbieders als volgt:"
    assert [[c.flat[-18:] for c in r.cells] for r in postcode.rows] == [
        ["2026", "2 CZ-cliënten zorg", "3 CZ-cliënten zorg"],
        ["2027", "3 CZ-cliënten zorg", "3 CZ-cliënten zorg"],
    ]
    timeline = tables["wv2027/4.1"]
    assert timeline.columns == ["Activiteiten", "Planning"] and len(timeline.rows) == 9
    assert timeline.rows[-1].cells[1].flat == "1 december 2026 tot en met 28 februari 2027"
    assert timeline.rows[4].cells[1].flat == "Medio juli tot en met 31 oktober 2026"
    ingroei = tables["wv2024/bijlage-1/1.2"]
    assert ingroei.header is None and [r.cells[0].flat for r in ingroei.rows] == ["2022", "2023", "2024"]


def test_cells_carry_their_source_lines(corpus):
    lines = corpus.texts["wv2027"].splitlines()
    for table in corpus.tables:
        doc = table.clause_id.split("/")[0]
        src = corpus.texts[doc].splitlines() if doc != "wv2027" else lines
        for row in table.rows:
            for cell in row.cells:
                span = collapse_ws(" ".join(src[cell.line_start - 1 : cell.line_end]))
                assert cell.flat in span, (table.clause_id, cell)


@pytest.mark.parametrize(
    ("clause_id", "text", "row", "columns"),
    [
        ("wv2027/3.2.4", "Bij score B in 2026 en minstens 5 punten op het kostenonderdeel", "Score B in 2026", [1]),
        ("wv2027/3.2.4", "score A in 2026", "Score A in 2026 9", [1]),
        ("wv2027/3.2.4", "score A in 2026 en in 2027", "Score A in 2026 én 2027", [1]),
        ("wv2027/3.2.4", "a provider without a score in the value model", "Geen score", [1]),
        ("wv2027/2.3.2", "bestaande zorgaanbieders in 2026", "2026", [1]),
        ("wv2027/2.3.2", "nieuwe zorgaanbieders in 2027", "2027", [2]),
        ("wv2027/2.3.2", "alle zorgaanbieders in 2027", "2027", [1, 2]),
        ("wv2027/4.1", "wanneer worden de overeenkomsten aangeboden", "Aanbieden van de overeenkomsten", [1]),
        ("wv2027/4.1", "tot wanneer kunnen nieuwe zorgaanbieders zich inschrijven", "Inschrijving nieuwe", [1]),
        ("wv2024/bijlage-1/1.2", "in 2023 maximaal in onderaanneming", "2023", [2]),
    ],
)
def test_row_for_finds_the_row_that_applies(corpus, clause_id, text, row, columns):
    table = corpus.tables_in(clause_id)[0]
    match = table.row_for(text)
    assert match is not None and match.row.flat.startswith(row)
    assert list(match.columns) == columns


@pytest.mark.parametrize("text", ["score C", "in 2028", "de kleur van de lucht"])
def test_row_for_is_none_when_no_row_applies(corpus, text):
    assert corpus.tables_in("wv2027/3.2.4")[0].row_for(text) is None
    assert corpus.tables_in("wv2027/2.3.2")[0].row_for(text) is None


def test_a_row_is_quoted_with_its_header_verbatim(corpus):
    table = corpus.tables_in("wv2027/3.2.4")[0]
    match = table.row_for("score B in 2026 en ≥ 5 punten")
    pieces = table.quote(match.row)
    assert [collapse_ws(p) for p in pieces] == [
        "Doelmatigheid Maximale vergoeding op gehonoreerd aanvullend budget (staffel)",
        "Score B in 2026 én ≥ 5 punten op kostenonderdeel 85%",
    ]
    assert all(corpus.quote_in_clause(p, table.clause_id) for p in pieces)
    first = table.quote(table.rows[0])  # the first row follows its header: one piece
    assert len(first) == 1 and corpus.quote_in_clause(first[0], table.clause_id)


def test_table_passages_split_into_intro_header_and_rows(corpus):
    passage = corpus.passage_by_id[corpus.tables_in("wv2027/2.3.2")[0].passage_id]
    units = [collapse_ws(u) for u in split_sentences(passage.text, table=True)]
    assert units[0] == "Voor 2027 geldt deze voorwaarde voor alle zorgaanbieders als volgt:"
    assert units[1].startswith("Jaar Bestaande")
    assert units[2].startswith("2026 Per 4-cijferig") and units[2].endswith("ten minste 3 CZ-cliënten zorg")
    assert len(units) == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ten minste 3 CZ-cliënten", [("count", 3, "min")]),  # "ten" of "ten minste" is not the number 10
        ("Score B in 2026 én ≥ 5 punten", [("score", "B", None), ("year", 2026, None), ("count", 5, "min")]),
        ("de vergoeding is 100 procent.", [("percent", 100, None)]),
        ("In 2027 existing providers serve 3 CZ clients", [("year", 2027, None), ("count", 3, None)]),
        ("In 2026, existing providers serve 2 clients", [("year", 2026, None), ("count", 2, None)]),
        ("per postcode area in 2026.", [("year", 2026, None)]),
    ],
)
def test_reader_fixes_used_by_tables_and_verify(text, expected):
    assert [(q.kind, q.value, q.bound) for q in read(text)] == expected


def test_a_plain_figure_inside_a_row_keys_bound_is_that_row():
    from assistant.ingest.tables import conflicting_key, same_key
    from assistant.text.quantities import read

    key = next(q for q in read("Score B in 2026 én ≥ 5 punten op kostenonderdeel") if q.kind == "count")
    seven = next(q for q in read("een B met 7 punten") if q.kind == "count")
    three = next(q for q in read("een B met 3 punten") if q.kind == "count")
    assert same_key(key, seven) and not conflicting_key(key, seven)
    assert not same_key(key, three) and conflicting_key(key, three)
