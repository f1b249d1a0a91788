"""Comparing the policy years in context: a changed sentence that continues the one before it ("Hij borgt dit
door ...") is about what that one says, and the sentence that continues it in the other year stands in its place;
a part that asks of another year with no subject of its own ("..., and in 2024?") asks about the part before it; a
sentence that is only a web address answers only where something is found."""

from __future__ import annotations

from answers import first as _first


def test_a_changed_continuation_answers_with_what_stands_in_its_place(fake_assistant):
    a = fake_assistant.ask("Has the quality system requirement for providers changed since 2024?")
    first = _first(a)
    assert "werkend kwaliteitssysteem" in first and "kwaliteitsbeeld" in first, first
    assert {ct.year for ct in a.citations} == {2024, 2027}, a.citations
    assert "external audit" in first  # the key terms of the Dutch quoted, for an English reader


def test_a_part_asking_another_year_without_a_subject_asks_about_the_part_before(fake_assistant):
    a = fake_assistant.ask("Hoe moeten we onze cliënten registreren en declareren volgens de bijlage van 2027, en wat was dat in 2024?")
    assert "doelgroep" in a.answer and "draagkracht" in a.answer, a.answer
    assert "hbo-niveau 5" not in a.answer, a.answer  # not the salient change of another rule


def test_a_web_address_alone_answers_only_where_something_is_found(fake_assistant):
    from assistant.answer.compose import rank_sentences

    retriever = fake_assistant.index.retriever
    for question, shown in (("Hoe gaat declareren in zijn werk?", False), ("Op welke webpagina staat meer over declareren?", True)):
        ranked = rank_sentences(retriever.bm25, question, retriever.search(question, k=8))
        urls = [s for s in ranked if "https://" in s.sentence and len(s.sentence.split()) <= 3]
        assert bool(urls) == shown, (question, [s.sentence for s in ranked[:5]])


def test_a_part_asking_whether_that_changed_compares_the_rule_the_part_before_answered(fake_assistant):
    a = fake_assistant.ask("Welk niveau moet een verpleegkundige hebben voor gespecialiseerde verpleging, en is dat veranderd sinds 2024?")
    assert "4 of 5" in a.answer and "4 of 6" in a.answer, a.answer
    assert "hbo-niveau 5" not in a.answer.split("\n")[0], a.answer
