"""Round 39: the unit a question asks for is no label of the figure after it ("hoeveel fte voor 250?"); a bare figure a
part gives is the asker's; a count of another thing is no bare figure of the last calculation; "kwijtraken" takes
away and "we keep those N after all" undoes the last change; a rule's value asked across the versions is compared on
that value; a figure only the older text states is set right with the current one; "when does X count as Y" asks
what makes it one; a preface before a colon is no part of the question; a part's own words answer it when they find
far more of it; a part that borrows a subject the policy is silent on is not answered by a sentence about something
else; "één of enkele" is no count. Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import first as _first

from assistant.answer.asked import asked, asks_definition, without_condition
from assistant.text.quantities import read, without_preface

# --- reading figures --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["hoeveel fte hebben we nodig voor 250?", "How many fte do we need for 250?", "en hoeveel fte is dan nodig voor alle 230?"],
)
def test_the_unit_asked_for_is_no_label_of_the_figure_after_it(text):
    (q,) = [q for q in read(text) if q.number is not None]
    assert q.unit != "fte", q


def test_a_unit_said_as_a_label_still_carries():
    qs = read("onze fte: 2,5 en 3")
    assert [q.unit for q in qs] == ["fte", "fte"], qs


def test_one_or_a_few_is_no_count():
    assert not [q for q in read("CZ wil met één of enkele zorgaanbieders per regio afspraken maken") if q.number is not None]
    assert [q.number for q in read("we hebben 1 of 2 zzp'ers") if q.number is not None] == [1, 2]


def test_a_compound_names_what_is_counted():
    found = asked("Hoeveel thuiszorgaanbieders heeft CZ in Brabant onder contract?")
    assert found is not None and found.kind == "count" and found.unit == "providers", found


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Even checken: wanneer sluit de inschrijving?", "wanneer sluit de inschrijving?"),
        ("Quick question: is 24/7 care required?", "is 24/7 care required?"),
        ("Onze situatie: 40 cliënten in 12 gebieden", "Onze situatie: 40 cliënten in 12 gebieden"),
    ],
)
def test_a_preface_before_a_colon_is_no_part_of_the_question(text, rest):
    assert without_preface(text) == rest


def test_when_something_counts_as_a_term_asks_its_definition():
    for text in ("Wanneer geldt een zorgaanbieder eigenlijk als bestaande aanbieder?", "When does a provider count as new?"):
        assert asks_definition(text), text
        assert asked(text) is None, text
    assert "geldt" not in without_condition("Wanneer geldt een zorgaanbieder als bestaande aanbieder?")
    assert asked("Wanneer sluit de inschrijving?") is not None


# --- calculations in a conversation ------------------------------------------------------------------------------------


def test_a_part_asks_the_fte_for_a_bare_count_of_clients(fake_assistant):
    cid = "dem39"
    fake_assistant.ask("Onze casemanagers dementie: 2,5 fte, 190 cliënten. Halen we de norm?", conversation_id=cid)
    a = fake_assistant.ask(
        "Hoeveel cliënten mogen we met die 2,5 fte maximaal hebben? En hoeveel fte hebben we nodig voor alle 210?",
        conversation_id=cid,
    )
    assert "162" in a.answer and "3,23" in a.answer, a.answer


def test_a_bare_count_after_asking_fte_is_the_clients(fake_assistant):
    cid = "dem39b"
    fake_assistant.ask("Our dementia case managers: 2.5 fte for 190 clients. Within the norm?", conversation_id=cid)
    a = fake_assistant.ask("how many fte would we need for 250?", conversation_id=cid)
    assert "3.85" in a.answer and "250" in a.answer, a.answer


def test_a_question_of_another_calculator_leaves_the_last_calculation(fake_assistant):
    cid = "pc39"
    fake_assistant.ask("We hebben 75 cliënten in 20 postcodegebieden, bestaande aanbieder. Halen we de norm voor 2027?",
                       conversation_id=cid)  # fmt: skip
    a = fake_assistant.ask("Hoeveel cliënten mag een casemanager dementie hebben per fte?", conversation_id=cid)
    assert "50 tot 65" in _first(a), a.answer
    assert "3,75" not in a.answer, a.answer


@pytest.mark.parametrize(
    "question",
    ["We hebben 75 CZ-clienten en zijn een bestaande aanbieder. Halen we de norm voor 2027?",
     "We have 75 CZ clients as an existing provider. Do we meet the requirement?"],
)  # fmt: skip
def test_cz_clients_name_the_postcode_rule(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert "25" in _first(a), a.answer
    assert "postcode_areas" in a.needs_input, a.needs_input


@pytest.mark.parametrize(
    ("turns", "after_loss", "after_keep"),
    [
        (["Nieuwe aanbieder, 2027, kernwerkgebied: 80 cliënten in 25 postcodegebieden. Halen we de 3?",
          "en als we er 8 kwijtraken?",
          "stel we houden die 8 toch, maar er komen 4 postcodegebieden bij met elk 1 cliënt?"], "2,88", "2,90"),
        (["New provider in the core area for 2027: 80 clients in 25 postcode areas. Do we reach 3?",
          "and suppose 8 of them leave us?",
          "suppose we keep those 8 after all, but 4 new areas come with 1 client each?"], "2.88", "2.90"),
    ],
)  # fmt: skip
def test_losing_clients_and_keeping_them_after_all(fake_assistant, turns, after_loss, after_keep):
    cid = f"keep39{turns[0][:3]}"
    fake_assistant.ask(turns[0], conversation_id=cid)
    lost = fake_assistant.ask(turns[1], conversation_id=cid)
    assert after_loss in _first(lost) and "72" in _first(lost), lost.answer
    kept = fake_assistant.ask(turns[2], conversation_id=cid)
    assert after_keep in _first(kept) and "84" in _first(kept) and "29" in _first(kept), kept.answer


# --- versions ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "no"),
    [
        ("Is het maximale aandeel onderaanneming veranderd ten opzichte van 2024?", "Nee"),
        ("Has the maximum share of subcontracted care changed since the 2024 policy?", "No"),
    ],
)
def test_a_value_asked_across_the_versions_is_compared_on_that_value(fake_assistant, question, no):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(no) and "50%" in _first(a), a.answer
    assert {c.year for c in a.citations} == {2024, 2027}, a.citations


def test_a_figure_only_the_older_text_states_is_set_right_with_the_current_one(fake_assistant):
    a = fake_assistant.ask("Volgens het ingroeimodel mag je 65% in onderaanneming doen, toch?")
    assert _first(a).startswith("Nee") and "65%" in _first(a) and "50%" in _first(a), a.answer
    assert {c.year for c in a.citations} == {2024, 2027}, a.citations
    assert len(a.citations) == len({c.quote for c in a.citations}), a.citations


# --- clause answers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Kort vraagje: wanneer geldt een aanbieder als bestaande zorgaanbieder?",
     "When does a provider count as an existing provider?"],
)  # fmt: skip
def test_when_a_provider_counts_as_existing(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert "beschouwen wij als bestaande zorgaanbieders" in a.answer, a.answer
    assert a.citations[0].section == "3.1", a.citations


def test_a_part_is_answered_by_its_own_words_when_they_find_far_more(fake_assistant):
    a = fake_assistant.ask(
        "Hoeveel personen moeten er minimaal in het team voor de regiefunctie complexe wondzorg? "
        "En moet de wondregisseur een doppler kunnen uitvoeren?"
    )
    assert "3 personen" in a.answer and "doppleronderzoek" in a.answer, a.answer


@pytest.mark.parametrize(
    "question",
    ["Hoeveel geld krijgt een aanbieder uit het innovatiebudget? En is er een maximum per project?",
     "What amount is available from the innovation budget per provider, and is there a limit for each project?"],
)  # fmt: skip
def test_a_part_on_a_subject_the_policy_is_silent_on_is_not_answered_from_elsewhere(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert a.refused, a.answer
    assert "H&A" not in a.answer and "100.000" not in a.answer, a.answer


def test_one_score_letter_is_not_confirmed_by_the_list_of_all_letters(fake_assistant):
    one = fake_assistant.ask("Net als vorig jaar worden we toch weer ingedeeld in categorie B?")
    assert not _first(one).startswith(("Ja", "Nee")), one.answer
    assert "A, B of C" in _first(one), one.answer
    every = fake_assistant.ask("Wordt een zorgaanbieder ingedeeld in categorie A, B of C?")
    assert _first(every).startswith("Ja"), every.answer


def test_a_score_given_by_default_after_a_late_delivery_is_set_right(fake_assistant):
    a = fake_assistant.ask("Our quality figures reached CZ a week late. I believe we then get a B by default, so fine?")
    assert _first(a).startswith("No") and "C-score" in _first(a), a.answer


def test_a_score_letter_before_by_default_is_a_score():
    assert [q.value for q in read("after a late quality delivery CZ hands out a C by default") if q.kind == "score"] == ["C"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [("Onze score is C. We willen toch bijcontracteren.", True), ("Our category became B. We'd like to know why.", True),
     ("Onze wijkverpleegkundige is J. Smit.", False)],
)  # fmt: skip
def test_a_score_letter_after_is_no_initial(text, kept):
    from pathlib import Path

    from assistant import privacy

    privacy.configure(Path(__file__).resolve().parents[2] / "corpus")
    assert (privacy.redact(text) == text) is kept, privacy.redact(text)
