"""Questions whether something is still possible ("kan dat nog?", "too late for ...?") are checked against
the day they are asked: `Settings.today` (ASSISTANT_TODAY), else the machine's date. A question for a time
("wanneer moeten we nog ...?") is not."""

from __future__ import annotations

from datetime import date

import pytest
from answers import first as _first

from assistant.answer.asked import is_yes_no
from assistant.config import Settings
from assistant.errors import ConfigError


@pytest.fixture
def on_day(fake_assistant, monkeypatch):
    def set_day(day: date):
        monkeypatch.setattr(fake_assistant.settings, "today", day)
        return fake_assistant

    return set_day


def test_a_still_question_about_objections_is_answered_for_the_day_asked(on_day):
    late = on_day(date(2026, 9, 14)).ask("Is bezwaar aantekenen tegen het zorginkoopbeleid nog mogelijk?")
    first = _first(late)
    assert first.startswith("Nee") and "15 mei 2026" in first, late.answer
    assert "14 september 2026" in late.answer  # the day it was checked on is said
    assert any(c.section == "Voorwoord" for c in late.citations), late.answer
    early = on_day(date(2026, 4, 20)).ask("Is bezwaar aantekenen tegen het zorginkoopbeleid nog mogelijk?")
    assert _first(early).startswith("Ja"), early.answer


def test_too_late_asks_the_other_way_round_and_an_open_period_is_called_open(on_day):
    a = on_day(date(2027, 1, 12)).ask("As a starting home care organisation, are we too late now to join the 2027 registration?")
    assert _first(a).startswith("No"), a.answer
    b = on_day(date(2027, 1, 12)).ask("Kan het nog, ons als nieuwe partij voor het contract 2027 inschrijven?")
    assert _first(b).startswith("Ja"), b.answer
    c = on_day(date(2027, 3, 9)).ask("Kan het nog, ons als nieuwe partij voor het contract 2027 inschrijven?")
    assert _first(c).startswith("Nee") and "28 februari 2027" in _first(c), c.answer


def test_steps_that_have_not_begun_are_told_apart_from_open_ones(on_day):
    a = on_day(date(2027, 2, 3)).ask("Kunnen we nu nog om bijcontractering vragen?")
    first = _first(a)
    assert "nog niet begonnen" in first and "september" in first, a.answer
    assert not first.startswith(("Ja", "Nee")), a.answer  # neither in time nor too late: the dates say when


def test_a_question_for_a_time_is_not_checked_against_today(on_day):
    a = on_day(date(2026, 9, 14)).ask("Wanneer moeten wij nog bezwaar indienen tegen het beleid?")
    assert "14 september 2026" not in a.answer and "15 mei" in _first(a), a.answer


def test_the_day_comes_from_the_environment_and_a_bad_one_is_one_readable_error():
    assert Settings.from_env(env={"ASSISTANT_TODAY": "2027-02-01"}).today == date(2027, 2, 1)
    assert Settings.from_env(env={}).today is None
    with pytest.raises(ConfigError, match="ASSISTANT_TODAY"):
        Settings.from_env(env={"ASSISTANT_TODAY": "morgen"})


def test_a_condition_closed_by_a_colon_leaves_a_yes_no_question():
    assert is_yes_no("Als startende organisatie: mogen we dan meedoen?")
    assert not is_yes_no("Als startende organisatie: wanneer horen we iets?")
    assert not is_yes_no("En als het 4 gebieden waren?")


def test_the_eval_asks_on_the_day_its_sets_were_written_for():
    from assistant.evaluation.cli import ASKED_ON, build_parser

    assert build_parser().parse_args(["--today", "2027-01-05"]).today == date(2027, 1, 5)
    assert build_parser().parse_args([]).today is None and ASKED_ON == date(2026, 12, 2)
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["--today", "volgende week"])
    assert exit_.value.code == 2
