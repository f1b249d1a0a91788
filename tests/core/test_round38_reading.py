"""Round 38: "self-employed" is no "employed" (loondienst); a consequence claimed after "then" is claimed of the case the
sentence before sets; a score letter said of the quality information; "niet gewoon" proposes, it does not deny; an
e-mail address the asker names is the e-mail channel, one word of a short follow-up and no address asked for; "that
threshold" points back at the last calculation's rule; a question joining three things gets the items of all three;
a half in words is the policy's 50%. Phrasings written for these tests."""

from __future__ import annotations

import pytest
from answers import first as _first

from assistant.answer.asked import asked, reason_span
from assistant.answer.premise import claim_of
from assistant.answer.state import message_words
from assistant.answer.verify import picks_alternative
from assistant.retrieve.analysis import analyse, score_terms
from assistant.text.quantities import fold, read, without_addresses

# --- words of a compound and the vocabulary --------------------------------------------------------------------------


def test_self_employed_does_not_expand_to_its_opposite():
    terms = set(analyse("I am self-employed", expand=True))
    assert not any(t.startswith("loondien") for t in terms), terms
    assert any("zzp" in t for t in terms), terms
    assert any(t.startswith("loondien") for t in analyse("we are employed by them", expand=True))


def test_a_half_in_words_is_fifty_percent():
    assert "50%" in analyse("minstens de helft zelf leveren", expand=True)


@pytest.mark.parametrize(
    "question",
    [
        "As a self-employed nurse in a cooperative with a contract, may I also give non-contracted care alongside it?",
        "Ik ben lid van een zorgcoöperatie. Mag ik ernaast ook niet-gecontracteerde zorg geven?",
    ],
)
def test_a_member_of_a_cooperative_may_not_give_non_contracted_care(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert _first(a).startswith(("No", "Nee")), a.answer
    assert "niet-gecontracteerde zorg" in _first(a), a.answer


# --- claims and consequences ----------------------------------------------------------------------------------------


def test_a_consequence_after_then_is_claimed_of_the_case_before():
    claim = claim_of("Our quality information came in a week late. Then we simply get a B, right?")
    assert claim is not None and "late" in claim and "B" in claim, claim


@pytest.mark.parametrize(
    "question",
    [
        "We handed our quality information in a week late. Then we just get a B score, right?",
        "Onze kwaliteitsinformatie kwam een week te laat binnen. Dan krijgen we toch gewoon een B?",
    ],
)
def test_late_quality_information_is_a_c_not_a_b(fake_assistant, question):
    a = fake_assistant.ask(question)
    line = _first(a)
    assert line.startswith(("No", "Nee")), a.answer
    assert "C-score" in line or "C" in line.split(), a.answer
    assert "2.3.4" in a.answer, a.answer


def test_a_score_letter_beside_the_quality_information_is_a_score():
    assert [(q.kind, q.value) for q in read("De kwaliteitsinformatie was te laat. Krijgen we dan een B?")] == [("score", "B")]
    assert read("A quality mark is needed") == []


# --- sending the request ---------------------------------------------------------------------------------------------


def test_an_address_is_one_word_of_a_message():
    assert message_words("Kan die aanvraag naar iemand.anders@voorbeeld.nl?") == ["Kan", "die", "aanvraag", "naar", "address"]
    assert without_addresses("mail naar a.b@c.nl of www.cz.nl/x") == "mail naar   of  "


def test_an_address_named_is_not_an_address_asked_for():
    assert asked("Mag ik het naar inkoop@voorbeeld.nl mailen?") is None
    found = asked("Naar welk adres mag ik het mailen?")
    assert found is not None and found.kind == "contact"


@pytest.mark.parametrize(
    "follow_up",
    [
        "Kan ik die aanvraag niet gewoon naar zorgteam.wijkverpleging@cz.nl sturen?",
        "Mogen we die aanvraag niet gewoon e-mailen aan zorgteam.wijkverpleging@cz.nl?",
        "Kan ik die aanvraag niet gewoon mailen?",
    ],
)
def test_a_request_for_additional_purchase_is_not_sent_by_mail(fake_assistant, follow_up):
    fake_assistant.ask("Op welke manier vragen we bijcontractering aan?", conversation_id="mail38")
    a = fake_assistant.ask(follow_up, conversation_id="mail38")
    line = _first(a)
    assert line.startswith("Nee"), a.answer
    assert "website" in line and "e-mail" in line, a.answer


def test_cant_we_just_email_it_is_asked_whether_email_will_do(fake_assistant):
    fake_assistant.ask("What is the procedure for requesting additional purchase?", conversation_id="mail38en")
    a = fake_assistant.ask("Can't we just send it by email?", conversation_id="mail38en")
    assert _first(a).startswith("No"), a.answer
    assert "website" in _first(a), a.answer


# --- the last calculation's rule, named back ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "follow_up",
    [
        "What extra turnover is still required by 1 October to get to that threshold?",
        "Welk bedrag moet er tot 1 oktober nog bij om die drempel te halen?",
    ],
)
def test_how_much_more_to_reach_that_threshold_is_the_last_calculation(fake_assistant, follow_up):
    cid = "thr38" + follow_up[:3]
    fake_assistant.ask(
        "Ons omzetplafond is € 500.000 en we zitten half augustus op € 350.000 omzet. Komen we al in aanmerking voor bijcontractering?",
        conversation_id=cid,
    )
    a = fake_assistant.ask(follow_up, conversation_id=cid)
    assert "50.000" in a.answer or "50,000" in a.answer, a.answer
    assert "400.000" in a.answer or "400,000" in a.answer, a.answer


# --- several things joined -----------------------------------------------------------------------------------------


def test_three_things_joined_get_three_items(fake_assistant):
    a = fake_assistant.ask("Welke doelen in procenten gelden er voor reisbewegingen, incontinentie en restafval?")
    line = _first(a)
    assert "55%" in line and "5%" in line and "25%" in line, a.answer


def test_the_half_rule_for_providers_outside_the_core_region(fake_assistant):
    a = fake_assistant.ask("Moet een aanbieder die vooral buiten het kernwerkgebied werkt ook de helft van de zorg zelf leveren?")
    assert _first(a).startswith("Ja"), a.answer
    assert "50%" in _first(a), a.answer


# --- review findings of round 37 and more ---------------------------------------------------------------------------


def test_a_later_year_follow_up_is_judged_on_the_subject_before(fake_assistant):
    fake_assistant.ask("Vanaf welk jaar komt reablement in het waardemodel?", conversation_id="y38a")
    a = fake_assistant.ask("En in 2028?", conversation_id="y38a")
    assert "reablement" in _first(a) and "spiegelinformatie" in _first(a), a.answer


def test_a_later_year_follow_up_of_a_subject_it_never_names_is_refused(fake_assistant):
    fake_assistant.ask("Hoeveel CZ-cliënten per postcodegebied zijn er gemiddeld nodig?", conversation_id="y38b")
    a = fake_assistant.ask("En in 2028?", conversation_id="y38b")
    assert _first(a).startswith("Het beleid zegt hier niets over"), a.answer
    assert "2028" in a.answer, a.answer


def test_what_cz_does_with_a_thing_is_no_consequence_asked():
    assert asked("Wat doet CZ met reablement in het waardemodel?") is None
    assert asked("What will CZ do with the quality information?") is None
    found = asked("Wat doet CZ dan als het formulier te laat komt?")
    assert found is not None and found.kind == "consequence"


def test_the_reason_span_needs_a_word_of_cause():
    sentence = "Vanwege de aanstaande wijziging maken we voor 2027 geen nieuwe afspraken met een maatwerkcontract."
    span = reason_span(sentence)
    assert span is not None and fold(sentence)[span[0] : span[1]].startswith("vanwege de aanstaande wijziging")
    assert reason_span("Niet-gecontracteerde zorg naast de coöperatie is niet toegestaan.") is None


def test_a_small_score_letter_after_score_is_a_score_term():
    assert score_terms("krijgen we score b?") == ["score_b"]
    assert score_terms("a c-score") == ["score_c"]
    assert score_terms("we score a provider on quality") == []


def test_calling_someone_as_a_duty_asks_no_phone_number():
    found = asked("Do we have to call the client before we stop care?")
    assert found is None or found.kind != "phone"
    number = asked("Can we call CZ about our contract?")
    assert number is not None and number.kind == "phone"


def test_a_letter_among_all_alternatives_confirms_none_of_them():
    assert picks_alternative("we get a B score", "Zorgaanbieders worden ingedeeld in categorie A, B of C.")
    assert not picks_alternative("we get a B score", "Zorgaanbieders met een score B komen niet in aanmerking.")
    assert not picks_alternative("met een B kom je er niet in", "Aanbieders met score B of C komen niet in aanmerking.")


def test_a_rule_that_lapses_is_denied(fake_assistant):
    fake_assistant.ask(
        "Het grootste deel van wat we doen ligt buiten het kernwerkgebied; we hebben 4 cliënten in 2 postcodegebieden. Voldoen we?",
        conversation_id="half38",
    )
    a = fake_assistant.ask("En de eis dat we minimaal de helft van de zorg zelf leveren, vervalt die dan ook voor ons?", conversation_id="half38")
    assert _first(a).startswith("Nee"), a.answer
    assert "50%" in _first(a), a.answer
    assert "postcodegebied" not in _first(a), a.answer
