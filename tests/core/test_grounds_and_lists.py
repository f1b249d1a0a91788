"""What a rule rests on, a list quoted with its lead-in, rules said of one party, and question words that join a
clause ("waarop", "waarvoor"): the answer line says the grounds, not a yes or a sum (phrasings of our own)."""

import re

import pytest

from assistant.answer.asked import asked, is_yes_no
from assistant.retrieve.analysis import analyse
from assistant.retrieve.hybrid import looks_back


@pytest.mark.parametrize(
    "question",
    ["Waarop baseert CZ het omzetplafond?", "Waarover moeten we CZ informeren?", "Waardoor kan het plafond stijgen?"],
)
def test_a_question_word_of_where_on_or_what_for_asks_no_yes_or_no(question):
    assert not is_yes_no(question)


def test_question_words_that_join_a_clause_are_no_search_terms():
    assert not {"waarop", "waarvoor", "waarmee", "why"} & set(analyse("waarop waarvoor waarmee why plafond"))


@pytest.mark.parametrize(
    "question",
    ["What is the revenue ceiling based on?", "Waarop is het omzetplafond gebaseerd?", "On what basis is the budget set?",
     "Op basis waarvan bepaalt CZ het omzetplafond?"],
)
def test_a_question_for_the_grounds_asks_no_amount_and_no_yes_or_no(question):
    assert asked(question) is None and not is_yes_no(question)


@pytest.mark.parametrize(
    "question", ["How large is the fund for innovation?", "Hoe groot is het fonds?", "How much can one provider get at most?"]
)
def test_a_fund_and_what_one_gets_are_amounts(question):
    found = asked(question)
    assert found is not None and found.kind == "money"


@pytest.mark.parametrize(
    ("question", "lead", "items"),
    [
        ("Welke informatie staat er bij de gepubliceerde zorgaanbieders op de zorgvinder?", "met daarbij de volgende informatie",
         ("NAW-gegevens van de zorgaanbieder", "patiëntervaringen (indien beschikbaar)")),
        ("Wat verwacht CZ groep bij de inzet van technologie?", "CZ groep verwacht bij de inzet van technologie:",
         ("een ambitie hebben voor de implementatie",)),
    ],
)
def test_a_lead_in_is_quoted_with_its_items(fake_assistant, question, lead, items):
    a = fake_assistant.ask(question)
    quote = next(c.quote for c in a.citations if lead in c.quote)
    assert all(item in quote for item in items)
    assert fake_assistant.corpus.quote_in_clause(quote, next(c.clause_id for c in a.citations if c.quote == quote))


def test_a_rule_said_of_cooperatives_answers_a_question_that_names_them(fake_assistant):
    a = fake_assistant.ask("Hoe wordt het plafond van een coöperatie bepaald?")
    assert "maximumbudget" in a.answer.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "back"),
    [
        ("Welke CO2-doelen noemt CZ, en vergeleken met welk basisjaar?", False),
        ("Hoeveel minder afval t.o.v. 2018 vraagt CZ?", False),
        ("Is de norm voor casemanagers gewijzigd t.o.v. het oude beleid?", True),
        ("How does the 2027 rule differ compared to the previous appendix?", True),
        ("Our quality data goes in on 3 June because we were late. Still accepted then?", False),
        ("Is the 24 hour rule still in the policy?", True),
    ],
)
def test_a_comparison_looks_back_only_when_it_is_with_a_policy(question, back):
    assert looks_back(question) is back


@pytest.mark.parametrize(
    "question",
    ["Mogen wij casemanagement dementie leveren zonder addendum?", "May zzp nurses work for us as dementia case managers?"],
)
def test_a_permission_about_dementia_case_management_gets_the_clause_not_a_question_back(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert a.kind != "clarify" and not a.tool_calls and not a.needs_input
    assert a.citations and any("dementie" in c.quote for c in a.citations)
    assert "nog nodig" not in a.answer and "still need" not in a.answer


def test_an_unknown_asked_for_still_gets_a_question_back_for_its_figures(fake_assistant):
    a = fake_assistant.ask("Hoeveel cliënten mogen onze casemanagers dementie samen hebben?")
    assert a.kind == "clarify" and "fte" in a.answer


def test_a_registration_date_asked_as_accepted_is_checked_against_the_window(fake_assistant):
    a = fake_assistant.ask("Wordt een inschrijving op 4 maart 2027 nog geaccepteerd?")
    assert a.tool_calls and a.tool_calls[0].name == "deadlines"
    assert a.answer.startswith("Nee") and "28 februari 2027" in a.answer.splitlines()[0]


def test_a_date_beside_figures_of_a_calculation_without_dates_is_no_claim(fake_assistant):
    a = fake_assistant.ask(
        "Per 1 maart 2027 hebben onze casemanagers dementie samen 110 cliënten op 2 fte; dat zit toch binnen de norm?"
    )
    first = a.answer.splitlines()[0]
    assert first.startswith("Ja") and "niet 110" not in a.answer


def test_a_closing_date_claimed_beside_other_facts_is_set_right(fake_assistant):
    a = fake_assistant.ask(
        "Als starter mag je je tot 25 maart 2027 aanmelden, klopt dat? Worden we afgewezen, dan melden we ons "
        "gewoon opnieuw aan."
    )
    first = a.answer.splitlines()[0]
    assert first.startswith("Nee") and "28 februari 2027" in first and "25 maart 2027" in first


@pytest.mark.parametrize(
    ("question", "sub", "own"),
    [
        ("Onze volle dochter levert 35% van de zorg en een uitzendbureau 10%. Blijven we onder de grens voor 2027?",
         "10%", "90%"),
        ("Our wholly-owned subsidiary handles 40% of the care, a temp agency 30%. Within the 2027 cap?", "30%", "70%"),
    ],
)
def test_a_subsidiary_share_asked_in_words_is_own_care(fake_assistant, question, sub, own):
    a = fake_assistant.ask(question)
    assert a.tool_calls[0].name == "subcontracting_check" and a.tool_calls[0].error is None
    first = a.answer.splitlines()[0]
    assert first.split(":")[0] in ("Ja", "Yes") and sub in first and own in first


def test_a_follow_up_that_sends_it_late_gets_the_passed_window_and_what_follows(fake_assistant):
    fake_assistant.ask("Wanneer leveren we de kwaliteitsinformatie aan?", conversation_id="late-quality")
    a = fake_assistant.ask(
        "Onze server lag eruit. Stel dat het 3 juni 2026 wordt voor we insturen, wat gebeurt er dan?", conversation_id="late-quality"
    )
    first = a.answer.splitlines()[0]
    assert "verstreken" in first and "2-31 mei 2026" in first and "C-score" in first
    assert "kindzorg" not in first


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("Our fully owned subsidiary delivers 70% and an agency 45%. Within the 2027 cap?",
         "I cannot calculate with these numbers: the wholly owned subsidiary's share does not fit the other figures."),
        ("Onze volle dochter levert 65% van de zorg en een thuiszorgbureau 40%. Halen we de grens van 2027?",
         "Met deze getallen kan ik niet rekenen: het aandeel van de volle dochter past niet bij de andere getallen."),
    ],
)
def test_shares_over_100_get_one_readable_line(fake_assistant, question, message):
    a = fake_assistant.ask(question)
    assert a.answer.splitlines()[0] == message
    assert "full_subsidiary_share_pct" not in a.answer and "Traceback" not in a.answer


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Wij hebben de kwaliteitsuitvraag in VECOZO pas op 4 juni ingevuld. Was dat op tijd?", "4 juni 2026"),
        ("Our objection against the purchasing policy went out on 10 May. Was that in time?", "10 May 2026"),
    ],
)
def test_a_day_without_a_year_is_read_in_the_year_of_the_deadline_it_is_held_against(fake_assistant, question, said):
    a = fake_assistant.ask(question)
    first = a.answer.splitlines()[0]
    assert said in first and "2027" not in first.split(":")[1]


@pytest.mark.parametrize(
    "question",
    ["Voor welke zorgaanbieders geldt dat dagtarief eigenlijk?", "Which providers get the daily rate for a hospice stay?",
     "Welke nieuwe aanbieders komen in aanmerking voor het tarief?"],
)
def test_which_parties_a_rule_is_for_asks_no_amount(question):
    assert asked(question) is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [("Do our nurses have to be on call?", None), ("In which hours are nurses required to be on call?", None),
     ("Which number can we call for questions?", "phone"), ("What is the day rate?", "money")],
)
def test_on_call_asks_no_phone_number(question, kind):
    found = asked(question)
    assert (found.kind if found else None) == kind or (kind is None and (found is None or found.kind != "phone"))


def test_a_time_said_as_what_it_lasts_answers_when(fake_assistant):
    a = fake_assistant.ask("Wanneer dient een acuut wijkteam oproepbaar te zijn?")
    assert a.answer_line.startswith("Tijdens de openingstijden van de huisartsenpost"), a.answer_line
    en = fake_assistant.ask("When does the acute district nursing team have to be on call?")
    assert "openingstijden van de huisartsenpost" in en.answer_line and not en.refused, en.answer_line


@pytest.mark.parametrize(
    ("question", "names"),
    [("Is work done by our daughter company counted against the 50% subcontracting limit?", True),
     ("Telt dat mee voor de 80% omzetgrens?", True), ("Valt dat onder de 50%-regel?", True),
     ("Is the limit for subcontracting 50% for us?", False), ("Mogen we 60% uitbesteden aan zzp'ers?", False)],
)
def test_a_value_before_the_name_of_a_rule_names_it_and_claims_nothing(question, names):
    """"the 50% subcontracting limit" names the rule the question is about (a word of what it is about may stand
    between); "is the limit 50%?" claims a value."""
    from assistant.answer.clause import _names_rule
    from assistant.text.quantities import read

    q = next(q for q in read(question) if q.kind == "percent")
    assert _names_rule(q) is names


def test_a_value_naming_the_rule_gets_no_yes_it_did_not_claim(fake_assistant):
    a = fake_assistant.ask("Is work done by our wholly-owned daughter company counted against the 50% subcontracting limit?")
    assert not a.refused and not a.answer_line.startswith("Yes"), a.answer_line


@pytest.mark.parametrize(
    ("question", "first"),
    [("Is the outsourcing cap 50%?", "Yes"), ("Is the subcontracting cap 70%?", "No")],
)
def test_a_cap_of_subcontracting_is_its_maximum_share_not_the_ceiling(fake_assistant, question, first):
    a = fake_assistant.ask(question)
    assert a.answer_line.startswith(first) and "maximaal 50%" in a.answer_line and "100%" not in a.answer_line, a.answer_line


def test_the_deadlines_of_a_business_case_are_said_in_their_order(fake_assistant):
    a = fake_assistant.ask("Which deadlines hold for delivering an updated night-care business case?")
    assert re.search(r"1 April.*1 May.*1 July", a.answer_line), a.answer_line


def test_a_rule_named_by_its_noun_asks_no_figures_back_while_where_we_stand_does(fake_assistant):
    named = fake_assistant.ask("Tellen de uren van onze dochter-bv mee voor de grens van onderaanneming?")
    assert not named.needs_input and not named.refused and "onderaanne" in named.answer_line, named.answer_line
    ours = fake_assistant.ask("Zitten we met onze uitbesteding nog onder de toegestane grens?")
    assert ours.needs_input, ours.answer_line
