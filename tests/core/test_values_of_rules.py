"""Where a rule's value comes from (phrasings of our own): never from a worked example's figures; a table of years
asked without a year is read in the policy's own year; a maximum asked where the policy sets only a minimum is
answered as such; an unyeared day is checked in the year of the deadline it is held against."""

import re

import pytest


@pytest.mark.parametrize(
    "question",
    ["Hoeveel cliënten moeten we per postcodegebied gemiddeld minimaal halen?",
     "On average, how many clients must we serve at least in each four-digit area?"],
)
def test_the_rule_value_is_the_policy_years_row_and_never_the_example(fake_assistant, question):
    a = fake_assistant.ask(question)
    first = a.answer_line
    assert re.search(r"(?<![\d.,])3 (?:CZ-cliënten|clients)", first) and not re.search(r"(?<![\d.,])[27] ", first), first
    assert a.citations and not a.citations[0].quote.startswith("2026") and "÷" not in a.citations[0].quote, a.citations[0].quote


def test_a_year_asked_reads_that_years_row(fake_assistant):
    a = fake_assistant.ask("Welk gemiddelde per postcodegebied gold in 2026 voor bestaande zorgaanbieders?")
    assert "2" in a.answer_line and a.citations[0].quote.startswith("2026"), a.answer_line


@pytest.mark.parametrize(
    ("question", "says"),
    [("Hoeveel cliënten per postcodegebied mogen we maximaal hebben?", "Het beleid noemt geen maximum; wel: minimaal 3"),
     ("What is the maximum we may serve per four-digit area, in clients?", "The policy sets no maximum; it does set: at least 3")],
)
def test_a_maximum_asked_where_only_a_minimum_is_set(fake_assistant, question, says):
    a = fake_assistant.ask(question)
    assert a.answer_line.startswith(says), a.answer_line


def test_a_minimum_about_something_else_is_no_answer_to_a_maximum(fake_assistant):
    """'Minimaal € 50.000' is a new provider's revenue; it says nothing of the most an innovation project can get."""
    a = fake_assistant.ask("How much can one care organisation receive at most from the innovation budget?")
    assert "50,000" not in a.answer_line and "50.000" not in a.answer_line, a.answer_line
