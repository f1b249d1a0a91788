"""A time of day asked ("tussen welke uren ...?", "what hours ...?", asked.toml [kinds.time]) is answered with the
time the policy gives, from .. to as one value ("tussen 23.00 en 7.00 uur"); in English in English words."""

from __future__ import annotations

from answers import first as _first

from assistant.answer.asked import asked, asks_question_word
from assistant.text.quantities import read


def test_a_time_from_to_is_one_value():
    said = [(q.kind, q.text) for q in read("bereikbaar van 21:30 tot 07:15, daarna de centrale")]
    assert said == [("time", "van 21:30 tot 07:15")]
    assert [(q.kind, q.text) for q in read("om 8.30 uur")] == [("time", "8.30 uur")]
    assert [q.kind for q in read("tussen 3 en 12 mei")] == ["period"]
    assert [q.kind for q in read("10.00-12.00")] == ["range"]  # no time word, no clock form: a range
    assert [q.kind for q in read("tussen 2,5 en 3,0 cliënten")] != ["time"]


def test_the_kind_asked():
    assert asked("Tussen welke uren geldt de nachtelijke bereikbaarheid?").kind == "time"
    assert asked("What hours of the night does the night shift cover?").kind == "time"
    assert getattr(asked("Welke uren tellen mee voor het deel in onderaanneming?"), "kind", None) != "time"  # of care
    assert getattr(asked("At what time must the business case for night care be in?"), "kind", None) != "time"
    assert asks_question_word("Between which hours must we answer the phone?")


def test_the_hours_of_unplanned_night_care(fake_assistant):
    a = fake_assistant.ask("Tussen welke uren loopt onplanbare nachtzorg eigenlijk?")
    assert _first(a).startswith("Tussen 23.00 en 7.00 uur"), a.answer
    b = fake_assistant.ask("Between which hours does unplanned night care run?")
    assert _first(b).startswith("Between 23.00 and 7.00"), b.answer


def test_steps_asked_with_their_dates_is_a_question_for_the_dates(fake_assistant):
    assert asked("Which steps and deadlines does the yearly night care plan go through?").kind == "date"
    a = fake_assistant.ask("Welke stappen en data horen bij een nieuwe businesscase voor nachtzorg?")
    first = _first(a)
    assert "1 april" in first and "1 mei" in first and "1 juli" in first, a.answer


def test_a_question_opening_with_between_which_is_a_part_of_its_own(fake_assistant):
    from assistant.answer.parts import split_parts

    t = "Nachtzorg zonder planning: tussen welke uren loopt die, en wat zijn de termijnen voor een nieuwe businesscase?"
    assert len(split_parts(t)) == 2
    first = _first(fake_assistant.ask(t))
    assert "23.00" in first and "1 mei" in first and "1 juli" in first, first
