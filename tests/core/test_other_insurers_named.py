"""A question about another insurer's policy names that insurer in the refusal, as the asker wrote it; a value the
texts do not state is answered with where the policy says it will be given (phrasings of our own)."""

import pytest

from assistant.answer.guards import insurer_named


@pytest.mark.parametrize(
    ("question", "name"),
    [("Hoe zit dat bij DSW?", "DSW"), ("What does Zilveren Kruis require?", "Zilveren Kruis"),
     ("Wat vindt CZ van onderaanneming?", None)],
)
def test_the_insurer_is_read_as_written(question, name):
    assert insurer_named(question) == name


@pytest.mark.parametrize(
    ("question", "says"),
    [("Mogen we bij ONVZ meer dan de helft uitbesteden?", "niet dat van ONVZ"),
     ("And how does Menzis handle extra budget?", "not that of Menzis")],
)
def test_a_refusal_about_another_insurer_names_it(fake_assistant, question, says):
    a = fake_assistant.ask(question)
    assert a.refused and says in a.answer, a.answer


@pytest.mark.parametrize(
    "question",
    ["Welk bedrag krijgen we van CZ voor een beveiligde beeldzorgapplicatie?", "What amount does CZ reimburse for a "
     "medication dispenser per client?"],
)
def test_an_amount_not_stated_is_answered_with_where_it_will_be_given(fake_assistant, question):
    """The texts give no amount for home care technology; the sentence that says the production proposal will give
    it is the context, not some sentence that only shares a word."""
    a = fake_assistant.ask(question)
    assert a.refused and "In het productievoorstel voor 2027 wordt u geïnformeerd over de hoogte" in a.answer, a.answer


def test_a_count_not_stated_keeps_the_closest_sentence_not_where_an_amount_is_given(fake_assistant):
    """Only an amount is deferred to the production proposal; a number of clients asked is answered with the
    sentence closest to the question."""
    a = fake_assistant.ask("Bij hoeveel cliënten per jaar moeten we hybride medicatieaanreiking inzetten?")
    assert a.refused and "hybride medicatieaanreiking" in a.answer and "productievoorstel" not in a.answer, a.answer
