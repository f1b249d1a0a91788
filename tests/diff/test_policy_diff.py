"""The clause-by-clause diff, checked by hand against corpus/wv2024-bijlage1.txt and corpus/wv2027.txt:
alignment across renumbering, added/removed/moved clauses, the level changes, verbatim sentences with line
spans, section filter, bad input (CLI exit 2 with one line, API 404 with the valid list)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.diff import diff_documents, diff_for
from assistant.domain import collapse_ws
from assistant.errors import InvalidInput, NotFound

# 2024 Bijlage 1 section -> 2027 section (checked by hand; see the README's alignment table)
ALIGNMENT = {
    "wv2024/bijlage-1/1.1": "wv2027/bijlage-1/1.1",
    "wv2024/bijlage-1/1.2": "wv2027/bijlage-1/1.2",
    "wv2024/bijlage-1/1.3": "wv2027/bijlage-1/1.4",  # zorgcoöperaties
    "wv2024/bijlage-1/1.4": "wv2027/bijlage-1/1.5",  # specialistische zorg
    "wv2024/bijlage-1/1.4.1": "wv2027/bijlage-1/1.5.1",
    "wv2024/bijlage-1/1.4.2": "wv2027/bijlage-1/1.5.2",  # casemanagement dementie
    "wv2024/bijlage-1/1.4.3": "wv2027/bijlage-1/1.5.3",
    "wv2024/bijlage-1/1.4.4": "wv2027/bijlage-2",  # kindzorg moved to Bijlage 2
    "wv2024/bijlage-1/1.4.5": "wv2027/bijlage-1/1.5.4",
    "wv2024/bijlage-1/1.5": "wv2027/bijlage-1/1.6",  # regionale functies
    "wv2024/bijlage-1/1.5.1": "wv2027/bijlage-1/1.5.5",  # pgb-indicatiestelling, now under specialistische zorg
    "wv2024/bijlage-1/1.5.3": "wv2027/bijlage-1/1.6.3",  # onplanbare nachtzorg
}


@pytest.fixture(scope="module")
def diff(corpus):
    return diff_documents(corpus, "wv2024", "wv2027")


def test_alignment_across_renumbering(diff):
    assert {p.before.clause_id: p.after.clause_id for p in diff.pairs} == ALIGNMENT
    assert [a.clause.clause_id for a in diff.added] == [
        "wv2027/bijlage-1/1.3",  # inzet van helpenden
        "wv2027/bijlage-1/1.6.1",
        "wv2027/bijlage-1/1.6.2",
    ]
    assert [r.clause.clause_id for r in diff.removed] == ["wv2024/bijlage-1/1.5.2"]  # regionale samenwerking
    moved = {p.before.section for p in diff.pairs if p.moved}
    assert moved == {"1.4.4", "1.5.1"}
    assert {p.before.section for p in diff.pairs if not p.renumbered} == {"1.1", "1.2"}
    assert diff.scope == ["bijlage-1"]


def _pair(diff, before):
    return next(p for p in diff.pairs if p.before.clause_id == before)


def _emphasised(pair) -> set[tuple[str, str]]:
    return {(x.before, x.after) for c in pair.changed for x in c.changes if x.emphasis}


def test_the_level_changes_are_shown_and_emphasised(diff):
    agb = _pair(diff, "wv2024/bijlage-1/1.1")
    assert ("van minimaal hbo-niveau 5", "met minimaal een hbo-bacheloropleiding (niveau 6)") in _emphasised(agb)
    coop = _pair(diff, "wv2024/bijlage-1/1.3")
    assert ("hbo-verpleegkundige niveau 5/6", "hbo-bachelor opgeleide verpleegkundige (niveau 6)") in _emphasised(coop)
    ratio = next(c for c in coop.changed if "op 55 cliënten" in c.after.text)
    assert (ratio.before.line_start, ratio.after.line_start, ratio.after.line_end) == (105, 951, 953)
    assert [s.op for s in ratio.segments if s.emphasis] == ["delete", "insert"]
    cm = _pair(diff, "wv2024/bijlage-1/1.4.2")
    assert any(
        "hbo-V-opleiding" in x.before and "hbo-bacheloropleiding verpleegkunde (niveau 6)" in x.after
        for c in cm.changed
        for x in c.changes
    )
    assert any("dienstverband van minimaal 24 uur per week" in s.text for s in cm.removed)
    assert any("2023" in x.before and "2026" in x.after for c in cm.changed for x in c.changes if x.emphasis)


def _all_sentences(diff):
    for p in diff.pairs:
        yield from (s for c in p.changed for s in (c.before, c.after))
        yield from p.removed + p.added
    for c in diff.added + diff.removed:
        yield from c.sentences
    for m in diff.moved:
        yield from (m.before, m.after)


def test_every_sentence_is_verbatim_with_its_clause_and_line_span(corpus, diff):
    lines = {d.id: corpus.texts[d.id].split("\n") for d in corpus.documents}
    sentences = list(_all_sentences(diff))
    assert len(sentences) > 400
    for s in sentences:
        assert corpus.quote_in_clause(s.text, s.clause_id), s
        doc = s.clause_id.split("/")[0]
        assert s.text in collapse_ws(" ".join(lines[doc][s.line_start - 1 : s.line_end])), s
        clause = corpus.clause_by_id[s.clause_id]
        assert clause.line_start <= s.line_start <= s.line_end <= clause.line_end


def test_moved_content_is_found(diff):
    moved = {(m.before.clause_id, m.after.clause_id) for m in diff.moved}
    # the 2024 footnotes (printed at the end of § 1.5.3) now stand where they are used
    assert ("wv2024/bijlage-1/1.5.3", "wv2027/bijlage-1/1.1") in moved
    assert all(m.similarity >= 0.6 for m in diff.moved)


def test_the_reverse_diff_mirrors_it(corpus, diff):
    back = diff_documents(corpus, "2027", "2024")
    assert {p.after.clause_id: p.before.clause_id for p in back.pairs} == ALIGNMENT
    assert {r.clause.clause_id for r in back.removed} == {a.clause.clause_id for a in diff.added}
    assert back.summary["changed_sentences"] == diff.summary["changed_sentences"]


def test_section_filter_in_either_numbering(corpus):
    d = diff_documents(corpus, "wv2024", "wv2027", section="1.5.2")
    assert [(p.before.section, p.after.section) for p in d.pairs] == [("1.4.2", "1.5.2")]
    assert [r.clause.section for r in d.removed] == ["1.5.2"]  # 2024's 1.5.2 is another clause
    assert [p.after.clause_id for p in diff_documents(corpus, "wv2024", "wv2027", section="Bijlage 2").pairs] == [
        "wv2027/bijlage-2"
    ]
    assert len(diff_documents(corpus, "wv2024", "wv2027", section="1.4").pairs) == 7  # 1.4, 1.4.x and 2027's 1.4


def test_unknown_document_or_section_lists_the_valid_ones(corpus):
    with pytest.raises(NotFound) as err:
        diff_documents(corpus, "wv2023", "wv2027")
    assert err.value.message == "unknown document 'wv2023'; valid documents: wv2024 (2024), wv2027 (2027)"
    with pytest.raises(NotFound) as err:
        diff_documents(corpus, "wv2024", "wv2027", section="9.9")
    assert err.value.message.startswith("unknown section '9.9' for wv2024 -> wv2027; valid sections: 1.1, 1.2, 1.3,")
    assert err.value.message.endswith("1.6.1, 1.6.2, 1.6.3, Bijlage 2")
    with pytest.raises(InvalidInput, match="same document"):
        diff_documents(corpus, "wv2027", "2027")


def test_diff_for_a_question(corpus):
    pairs = diff_for(corpus, "wv2024", "wv2027", terms="wat is er veranderd aan de eisen voor casemanagement dementie?")
    assert (
        pairs[0].before.clause_id == "wv2024/bijlage-1/1.4.2" and pairs[0].after.clause_id == "wv2027/bijlage-1/1.5.2"
    )
    by_id = diff_for(corpus, "wv2024", "wv2027", clause_ids=["wv2027/bijlage-1/1.4"])
    assert [p.before.clause_id for p in by_id] == ["wv2024/bijlage-1/1.3"]
    assert diff_for(corpus, "wv2024", "wv2027", terms="tandarts") == []


# ------------------------------------------------------------------ the CLI and the API


def test_cli_text_json_and_bad_input(capsys):
    from assistant.cli import main

    assert main(["diff", "--from", "wv2024", "--to", "wv2027", "--section", "1.3"]) == 0
    out = capsys.readouterr().out
    assert "= Bijlage 1 § 1.3 Aanvullende eisen voor zorgcoöperaties (2024, l. 87-119) -> Bijlage 1 § 1.4" in out
    assert "[-hbo-verpleegkundige niveau 5/6-] {+hbo-bachelor opgeleide verpleegkundige (niveau 6)+}" in out
    assert (
        "!! (minimaal 1 fte) hbo-verpleegkundige niveau 5/6 -> hbo-bachelor opgeleide verpleegkundige (niveau 6)" in out
    )
    assert main(["diff", "--from", "2024", "--to", "2027", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["pairs"]) == len(ALIGNMENT) and data["summary"]["added_clauses"] == 3
    for args in (["--from", "wv2024", "--to", "wv2099"], ["--from", "wv2024", "--to", "wv2027", "--section", "x"]):
        assert main(["diff", *args]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "valid" in err


@pytest.fixture(scope="module")
def client(fake_assistant, tmp_path_factory):
    from assistant.serve.app import create_app

    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("diff-api"), embedder="fake"), assistant=fake_assistant)
    with TestClient(app) as c:
        yield c


def test_api(client):
    r = client.get("/api/diff", params={"from": "wv2024", "to": "wv2027", "section": "1.4.2"})
    assert r.status_code == 200
    body = r.json()
    assert [(p["before"]["clause_id"], p["after"]["clause_id"]) for p in body["pairs"]] == [
        ("wv2024/bijlage-1/1.4.2", "wv2027/bijlage-1/1.5.2")
    ]
    assert body["pairs"][0]["changed"][0]["after"]["line_start"] >= 1029
    r = client.get("/api/diff", params={"from": "wv2024", "to": "wv2030"})
    assert r.status_code == 404
    assert r.json()["error"] == {
        "code": "not_found",
        "message": "unknown document 'wv2030'; valid documents: wv2024 (2024), wv2027 (2027)",
    }
    r = client.get("/api/diff", params={"from": "wv2024", "to": "wv2027", "section": "8.8"})
    assert r.status_code == 404 and "valid sections: 1.1, 1.2" in r.json()["error"]["message"]
    r = client.get("/api/diff", params={"from": "wv2024"})
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("to:")
