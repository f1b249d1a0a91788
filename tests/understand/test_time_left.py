"""A question for the time left until a step's last day ("hoeveel dagen hebben we nog?") is asked on the day it
is asked: the deadlines calculator counts the days from today, in a question of any form."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize(
    "question, said",
    [
        ("Hoeveel dagen resten ons nog voor de inschrijving als nieuwe zorgaanbieder sluit?", "nog 59 dagen"),
        ("As a start-up provider, how many days do we still have for signing up?", "59 days left"),
    ],
)
def test_the_days_left_are_counted_from_today(fake_assistant, monkeypatch, question, said):
    monkeypatch.setattr(fake_assistant.settings, "today", date(2026, 12, 31))
    a = fake_assistant.ask(question)
    calls = [c for c in a.tool_calls if c.name == "deadlines"]
    assert calls and calls[0].args["on_date"] == "2026-12-31", (a.tool_calls, a.answer)
    assert said in a.answer.split("\n")[0], a.answer
