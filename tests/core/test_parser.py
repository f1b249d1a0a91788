"""The parser on the real texts: ids, headings, artefacts, tables, footnotes, passage limits."""

import hashlib

from assistant.config import REPO_ROOT as ROOT
from assistant.domain import Document, collapse_ws
from assistant.ingest.parser import MAX_PASSAGE_CHARS, parse_document


def test_corpus_files_are_byte_for_byte_the_published_texts():
    digests = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in (ROOT / "corpus").glob("*.txt")}
    # sha256 of 000_3d2709293215211c.txt and 001_c988948ad1a0c7af.txt as published to us
    assert digests == {"wv2024-bijlage1.txt": "86f20719e00122cb", "wv2027.txt": "f2d17da3f1fb14ec"}


def test_clause_ids_are_document_plus_section_path(corpus):
    ids = [c.id for c in corpus.clauses]
    assert len(ids) == len(set(ids))
    for expected in (
        "wv2027/2.3.2",
        "wv2027/3.2.4",
        "wv2027/bijlage-1/1.1",
        "wv2027/bijlage-1/1.5.2",
        "wv2027/bijlage-2",
        "wv2027/voorwoord",
        "wv2024/bijlage-1/1.5.3",
        "wv2027/4.1",
    ):
        assert expected in ids
    # 1.1 exists both as chapter-1 section and as Bijlage 1 section: different ids, different text
    assert "De zorg staat onder druk" in corpus.clause("wv2027/1.1").text
    assert "Alle zorgaanbieders moeten aantoonbaar" in corpus.clause("wv2027/bijlage-1/1.1").text


def test_wrapped_headings_are_joined_and_trails_are_complete(corpus):
    c = corpus.clause("wv2027/bijlage-1/1.5.2")
    assert c.heading_trail == [
        "Bijlage 1: Minimale en aanvullende eisen",
        "1.5 Specialistische zorg met aanvullende eisen op de basisovereenkomst",
        "1.5.2 Casemanagement dementie",
    ]
    assert corpus.clause("wv2027/bijlage-1/1.3").title == "Inzet van helpenden (niveau 2) en ander zorgpersoneel"
    assert (
        corpus.clause("wv2027/3.2.4").heading_trail[1]
        == "3.2 Voorwaarden om in aanmerking te komen voor een overeenkomst"
    )


def test_line_spans_point_into_the_source(corpus):
    lines = corpus.texts["wv2027"].splitlines()
    c = corpus.clause("wv2027/2.3.8")
    assert lines[c.line_start - 1].strip() == "2.3.8 Maatwerkafspraken met maandbekostiging"
    for p in corpus.passages:
        first = collapse_ws(p.text.split("\n")[0])[:30]
        src = collapse_ws(" ".join(corpus.texts[p.doc].splitlines()[p.line_start - 1 : p.line_end]))
        assert first in src, p.id


def test_passages_respect_the_limit_and_end_on_sentence_or_row(corpus):
    for p in corpus.passages:
        assert len(p.text) <= MAX_PASSAGE_CHARS, p.id
        assert collapse_ws(p.text) in corpus.collapsed_clause_texts[p.clause_id], p.id


def test_postcode_table_stays_with_its_header_in_one_passage(corpus):
    table = [p for p in corpus.passages if p.clause_id == "wv2027/2.3.2" and p.kind == "table"]
    assert len(table) == 1
    t = collapse_ws(table[0].text)
    assert t.startswith("Voor 2027 geldt deze voorwaarde voor alle zorgaanbieders als volgt:")
    assert "Jaar Bestaande zorgaanbieders kernwerkgebied Nieuwe zorgaanbieders kernwerkgebied" in t
    assert "2026 Per 4-cijferig postcodegebied levert de zorgaanbieder gemiddeld aan ten minste 2 CZ-cliënten zorg" in t
    assert "2027 Per 4-cijferig postcodegebied levert de zorgaanbieder gemiddeld aan ten minste 3 CZ-cliënten zorg" in t


def test_staffel_and_timeline_tables(corpus):
    staffel = next(p for p in corpus.passages if p.clause_id == "wv2027/3.2.4" and p.kind == "table")
    for row in (
        "Score A in 2026 én 2027 óf een plafondvrije afspraak 100%",
        "Score A in 2026 90%",
        "Score B in 2026 én ≥ 5 punten op kostenonderdeel 85%",
        "Geen score op het waardemodel 90%",
    ):
        assert row in collapse_ws(staffel.text)
    timeline = [p for p in corpus.passages if p.clause_id == "wv2027/4.1"]
    assert len(timeline) == 1 and timeline[0].kind == "table"
    assert "Inschrijving nieuwe zorgaanbieders 2027 1 december 2026 tot en met 28 februari 2027" in collapse_ws(
        timeline[0].text
    )


def test_footnotes_and_stray_artefacts(corpus):
    notes = [p for p in corpus.passages if p.clause_id == "wv2027/bijlage-1/1.1" and p.kind == "footnote"]
    assert notes and collapse_ws(notes[0].text).startswith("1 Zzp’ers beschikken over een overeenkomst")
    assert notes[0].subheading == "Voetnoot 1"
    for p in corpus.passages:
        assert all(line.strip() not in {"2", "•"} for line in p.text.split("\n")), p.id


def test_subheadings_are_recorded(corpus):
    subs = {p.subheading for p in corpus.passages if p.clause_id == "wv2027/2.3.2"}
    assert {"Zorgplicht", "Versnippering", "Regionale zorgcoördinatie"} <= subs
    bezwaren = [p for p in corpus.passages if p.clause_id == "wv2027/voorwoord" and p.subheading == "Bezwaren"]
    assert "uiterlijk 15 mei a.s." in collapse_ws(bezwaren[0].text)


def test_text_without_headings_is_still_indexed_with_a_warning():
    doc = Document(id="x", file="x.txt", title="X", publisher="CZ", year=2027, status="current")
    parsed = parse_document(doc, "Zomaar een tekst zonder koppen. Nog een zin.\n\nEn een alinea.")
    assert parsed.warnings and "no recognisable section headings" in parsed.warnings[0]
    assert parsed.passages and "Zomaar een tekst" in parsed.passages[0].text


def test_an_abbreviation_at_a_line_end_does_not_end_the_sentence():
    from assistant.ingest.parser import split_sentences

    text = (
        "Bezwaren tegen dit inkoopbeleid (bijvoorbeeld over criteria of termijnen die wij hanteren) kunt u "
        "uiterlijk 15 mei a.s. \naan ons kenbaar maken. Na deze datum is het recht daarop vervallen."
    )
    first, second = split_sentences(text)
    assert first.endswith("15 mei a.s.\naan ons kenbaar maken.") and second.startswith("Na deze datum")
