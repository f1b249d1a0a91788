"""Round 45: clients said "in" or "op" a count of areas are their total, also after "we zitten op"; "(4 cijf.)"
describes a postcode; a who-question asks for the person or party that does it and is answered with the sentence
that names one; a part that says "is that ...?" points back at the part before, whose changed sentence answers it;
everyday words for publishing online and for the care a child nurse sets reach the policy's words. Phrasings
written for these tests."""

from __future__ import annotations

import pytest
from answers import args_of, talk
from answers import first as _first

from assistant.answer.asked import asked, holds
from assistant.answer.clause import points_back
from assistant.text.quantities import read

# --- clients in a number of areas: a total ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["We zitten op 96 cliënten in 30 postcodegebieden. Halen we de eis voor 2027?",
     "Wij zitten momenteel op 96 clienten op 30 postcodes, bestaande aanbieder; voldoen we?",
     "we are at 96 clients within 30 postcode areas - do we meet the 2027 rule?"],
)  # fmt: skip
def test_clients_in_a_count_of_areas_are_a_total_not_an_average(fake_assistant, question):
    a = fake_assistant.ask(question)
    args = args_of(a, "postcode_average")
    assert args.get("total_clients") == 96 and args.get("postcode_areas") == 30, args
    assert "average_clients_per_postcode" not in args, args
    assert "3,20" in _first(a) or "3.20" in _first(a), _first(a)  # 96 / 30


def test_an_average_said_with_its_areas_stays_an_average(fake_assistant):
    args = args_of(fake_assistant.ask("We zitten gemiddeld op 2,4 cliënten in 15 gebieden. Voldoen we in 2027?"), "postcode_average")
    assert args.get("average_clients_per_postcode") == 2.4, args


@pytest.mark.parametrize("said", ["(4 cijf)", "(4-cijf.)", "(vier cijf)"])
def test_digits_abbreviated_describe_the_postcode(said):
    found = read(f"we leveren zorg in 21 postcodegebieden {said} aan 70 cliënten")
    assert [(q.kind, q.number) for q in found if q.kind == "count"] == [("count", 21), ("count", 70)], found


def test_clients_still_needed_with_digits_abbreviated(fake_assistant):
    a = fake_assistant.ask("We hebben 70 cliënten in 25 gebieden (4 cijf). Hoeveel cliënten erbij om aan de norm van 2027 te komen?")
    args = args_of(a, "postcode_average")
    assert args.get("total_clients") == 70 and args.get("postcode_areas") == 25, args
    assert "5" in _first(a) and "niet 4" not in a.answer, _first(a)  # 3 x 25 = 75: 5 more


# --- who does it ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Wie stelt bij kindzorg de indicatie?", "Who sets the indication in child care?",
     "wie beslist er over de inzet van technologie bij een cliënt?", "Who is responsible for the care when a subcontractor quits?"],
)  # fmt: skip
def test_a_who_question_asks_for_a_role(question):
    found = asked(question)
    assert found is not None and found.kind == "role", found


@pytest.mark.parametrize(
    "question",
    ["Bij wie kunnen we terecht met een vraag?", "Voor wie geldt deze eis?", "Wie moeten we mailen over een wijziging?",
     "To whom do we send the form?"],
)  # fmt: skip
def test_a_who_after_a_preposition_or_with_the_asker_is_no_role(question):
    found = asked(question)
    assert found is None or found.kind != "role", found


def test_a_role_is_a_person_not_a_describing_word():
    role = asked("Wie stelt bij kindzorg de indicatie?")
    assert holds(role, "De kinderverpleegkundige stelt de indicatie.")
    assert holds(role, "Daarna beslist de indicerend wijkverpleegkundige.")
    assert not holds(role, "Het gaat om integrale verpleegkundige zorg aan kinderen.")
    assert not holds(role, "De Handreiking is hier een onderdeel van.")


@pytest.mark.parametrize(
    ("question", "words"),
    [("Wie stelt bij kindzorg de indicatie?", "kinderverpleegkundige"),
     ("Who sets the indication in child care?", "kinderverpleegkundige"),
     ("Who has to inform the client when the work with a subcontractor stops?", "hoofdaannemer")],
)  # fmt: skip
def test_a_who_question_is_answered_with_the_sentence_that_names_them(fake_assistant, question, words):
    line = _first(fake_assistant.ask(question))
    assert words in line, line


def test_a_who_question_without_a_role_near_is_answered_as_a_clause(fake_assistant):
    line = _first(fake_assistant.ask("Who is paid the daily tariff for care in a Bijna Thuis Huis?"))
    assert "dagtarief" in line and "2024" in line, line


# --- "is that ...?" points back ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("part", ["and was that different in 2024?", "en is dat strenger geworden?", "is this new?"])
def test_a_pronoun_subject_points_back(part):
    assert points_back(part)


def test_is_there_points_nowhere():
    assert not points_back("is there a maximum?")


def test_the_change_of_the_sentence_that_answered_the_part_before_answers_is_that_stricter(fake_assistant):
    a = fake_assistant.ask("Wie stelt bij kindzorg de indicatie, en is dat zwaarder dan in 2024?")
    assert "niveau 5" in a.answer and "niveau 6" in a.answer, a.answer
    assert "lichamelijke handicap" not in a.answer.split("\n")[0], a.answer  # not a change of wording elsewhere


# --- everyday words ---------------------------------------------------------------------------------------------------


def test_online_reaches_the_publication_of_the_contracted_providers(fake_assistant):
    line = _first(fake_assistant.ask("Wanneer is het gecontracteerde zorgaanbod online te vinden?"))
    assert "12 november 2026" in line, line


def test_the_request_form_online_is_still_the_form(fake_assistant):
    line = _first(fake_assistant.ask("Wanneer komt het aanvraagformulier voor digitale zorg online?"))
    assert "medio juni" in line, line


def test_a_follow_up_part_asks_of_the_publication(fake_assistant):
    a = talk(fake_assistant, "Wanneer horen we of we een contract krijgen?", "En wanneer is het gecontracteerde zorgaanbod online te vinden?")
    assert "12 november 2026" in _first(a), a.answer


# --- an unknown asked per the stretch the asker's own figures are said per ----------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["We doen zo'n 2.000 uur per maand, waarvan 30% door zzp'ers. Hoeveel uur per maand mogen we nog extra uitbesteden?",
     "Our 2,000 hours a month include 30% by subcontractors. How many more hours a month may we subcontract?"],
)  # fmt: skip
def test_an_unknown_asked_per_the_stretch_of_the_askers_figures_is_worked_out(fake_assistant, question):
    a = fake_assistant.ask(question)
    args = args_of(a, "subcontracting_check")
    assert args.get("total_care_hours") == 2000 and args.get("subcontracted_share_pct") == 30, args
    assert "400" in _first(a), _first(a)  # at most 1.000 of 2.000: 600 now, 400 more


def test_hours_asked_per_month_of_one_person_stay_a_rate(fake_assistant):
    a = fake_assistant.ask("Hoeveel uur per maand mag één zzp'er bij ons werken?")
    assert not a.tool_calls, a.tool_calls


# --- a bound named by another value, in a sentence that points back ------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Wat is het maximale budget dat we in ons H&A-plan voor 2027 kunnen aanvragen?",
     "How much budget may an H&A plan for 2027 ask for at most?"],
)  # fmt: skip
def test_a_bound_named_in_a_sentence_that_points_back_answers(fake_assistant, question):
    line = _first(fake_assistant.ask(question))
    assert "H&A in 2026" in line, line
    assert "niets over" not in line and "does not say" not in line, line


# --- a client already in care --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("Ons plafond is bijna bereikt. Mogen we de zorg aan een bestaande cliënt tot januari stilleggen?", "Nee"),
     ("Our ceiling is nearly used up. May we stop care for a current client until the new year?", "No"),
     ("Het omzetplafond is op. Mogen we bestaande cliënten dan nog helpen?", "Ja")],
)  # fmt: skip
def test_a_client_already_in_care_keeps_the_right_to_continuity(fake_assistant, question, verdict):
    line = _first(fake_assistant.ask(question))
    assert line.startswith(verdict) and "continuïteit" in line, line


# --- what to do when the step fails -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Wat moeten we doen als we een nieuwe cliënt niet binnen de Treeknorm kunnen helpen?",
     "What is expected of us if we cannot start care within the Treeknorm for a new client?"],
)  # fmt: skip
def test_the_step_after_a_step_that_fails_is_said_with_it(fake_assistant, question):
    line = _first(fake_assistant.ask(question))
    assert "passende oplossing" in line and "CZ Zorgteam" in line, line


def test_a_yes_no_question_is_not_lengthened_by_the_fallback(fake_assistant):
    line = _first(fake_assistant.ask("Moeten we zelf een oplossing zoeken als we een nieuwe cliënt niet binnen de Treeknorm helpen?"))
    assert line.startswith("Ja"), line


# --- the unknown given in a follow-up: the check's verdict is asked ----------------------------------------------------


def test_a_follow_up_that_gives_the_unknown_asks_the_checks_verdict(fake_assistant):
    a = talk(
        fake_assistant, "Wij zijn een zorgcoöperatie. Hoeveel fte hbo-bachelor verpleegkundigen hebben we nodig voor 150 cliënten?",
        "En als we groeien naar 200 cliënten met maar 3,2 fte?",
    )
    assert _first(a).startswith("Nee") and "3,64" in _first(a), _first(a)  # 200 / 55 = 3,64 fte needed


def test_a_follow_up_that_keeps_asking_the_unknown_stays_a_value(fake_assistant):
    a = talk(fake_assistant, "Hoeveel fte casemanagers dementie hebben we nodig voor 180 cliënten?", "En voor 240 cliënten?")
    assert not _first(a).startswith(("Ja", "Nee")), _first(a)


# --- a mailbox is an address ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "address"),
    [("Which mailbox is for questions about our claims?", "decl.wijkverpleging@cz.nl"),
     ("Welke mailbox is er voor zorginhoudelijke vragen over een verzekerde?", "zorgteam.wijkverpleging@cz.nl")],
)  # fmt: skip
def test_a_mailbox_asked_is_the_address_for_that_subject(fake_assistant, question, address):
    line = _first(fake_assistant.ask(question))
    assert address in line, line


def test_a_branch_organisation_is_the_policys_brancheorganisatie(fake_assistant):
    a = fake_assistant.ask("In child care: who sets the indication, and which branch organisation must the provider join?")
    assert "kinderverpleegkundige" in _first(a) and "BINKZ" in _first(a), _first(a)
