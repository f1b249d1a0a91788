"""A calculation's yes or no answers what the question asks (phrasings of our own): "must we still fill in the
quality survey?" is answered by whether the survey is due, not by whether the waardemodel applies."""

import pytest


@pytest.mark.parametrize(
    ("question", "first"),
    [("Wij hebben maar 45.000 euro productie bij CZ. Is het indienen van de kwaliteitsuitvraag toch verplicht?", "Ja"),
     ("Our production agreement is 80,000 euros. Is submitting the quality survey still required of us?", "Yes"),
     ("Met een afspraak van 80.000 euro: doen we mee in het waardemodel?", "Nee")],
)
def test_the_quality_survey_is_due_whatever_the_waardemodel(fake_assistant, question, first):
    a = fake_assistant.ask(question)
    assert a.answer_line.startswith(first) and a.tool_calls and a.tool_calls[0].name == "waardemodel_applicability", a.answer_line
