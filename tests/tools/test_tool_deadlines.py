"""deadlines: dated obligations with clause refs, topic filter (nl/en) and status on a date."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.ingest.params import policy
from tools.registry import run_tool


def deadline_items():
    return policy().params("wv2027").section("deadlines").items


def run(**args):
    return run_tool("deadlines", args)


def by_id(out):
    return {d.id: d for d in out.deadlines}


def test_all_deadlines_without_filter_sorted_by_last_day():
    out = run()
    assert {d.id for d in out.deadlines} == {d.id for d in deadline_items()}
    last_days = [d.last_day for d in out.deadlines]
    assert last_days == sorted(last_days)
    assert last_days[0] == date(2026, 3, 31) and last_days[-1] == date(2027, 12, 30)
    assert all(d.status is None for d in out.deadlines)
    assert len(out.available_topics) == len(deadline_items())


@pytest.mark.parametrize(
    ("topic", "expected_id", "last_day"),
    [
        ("bezwaar", "objections", date(2026, 5, 15)),
        ("objections", "objections", date(2026, 5, 15)),
        ("RESV-plan", "resv_plan", date(2026, 7, 15)),
        ("innovatie projectplan", "innovation_plan", date(2027, 7, 31)),
        ("innovation", "innovation_plan", date(2027, 7, 31)),
        ("bijcontractering", "additional_purchase_send_deadline", date(2027, 12, 30)),
        ("nachtzorg businesscase", "night_care_business_case", date(2026, 4, 30)),
        ("inschrijving nieuwe zorgaanbieder", "new_provider_registration", date(2027, 2, 28)),
        ("kwaliteitsinformatie", "quality_information", date(2026, 5, 31)),
        ("Wanneer moet ik tekenen?", "signing", date(2026, 11, 1)),
    ],
)
def test_topic_filter(topic, expected_id, last_day):
    out = run(topic=topic)
    found = by_id(out)
    assert expected_id in found
    assert found[expected_id].last_day == last_day
    assert len(found) < len(deadline_items())


def test_vecozo_gives_the_general_window_and_the_child_care_one_when_asked():
    general, child = by_id(run(topic="VECOZO")), by_id(run(topic="VECOZO kindzorg"))
    assert set(general) == {"quality_information"} and set(child) == {"quality_information_kindzorg"}
    assert general["quality_information"].start == date(2026, 5, 2)
    assert child["quality_information_kindzorg"].start == date(2026, 5, 1)
    assert "wv2027/bijlage-2" in child["quality_information_kindzorg"].clause_ids
    assert "wv2027/4.1" in general["quality_information"].clause_ids


def test_status_on_1_may_2026_quality_window():
    assert by_id(run(topic="VECOZO", on_date="2026-05-01"))["quality_information"].status == "upcoming"
    assert by_id(run(topic="VECOZO medische kindzorg", on_date="2026-05-01"))["quality_information_kindzorg"].status == "open"


@pytest.mark.parametrize(("day", "status"), [("2027-07-31", "open"), ("2027-08-01", "passed")])
def test_voor_1_augustus_means_31_july_is_the_last_day(day, status):
    assert by_id(run(topic="innovation", on_date=day))["innovation_plan"].status == status


@pytest.mark.parametrize(("day", "status"), [("2026-05-15", "open"), ("2026-05-16", "passed")])
def test_objections_uiterlijk_15_mei_is_inclusive(day, status):
    out = run(topic="bezwaar", on_date=day)
    assert by_id(out)["objections"].status == status
    assert (out.open_on_date == ["objections"]) is (status == "open")


def test_open_upcoming_and_passed_partition_the_list():
    out = run(on_date="2026-12-15")
    ids = [d.id for d in out.deadlines]
    assert sorted(out.open_on_date + out.upcoming_on_date + out.passed_on_date) == sorted(ids)
    assert "new_provider_registration" in out.open_on_date
    assert "innovation_plan" in out.open_on_date
    assert "signing" in out.passed_on_date
    assert "additional_purchase_request" in out.upcoming_on_date
    assert "Inschrijving nieuwe zorgaanbieders 2027" in out.verdict


def test_unknown_topic_returns_nothing_and_says_so():
    out = run(topic="tandarts")
    assert out.deadlines == [] and out.citations == []
    assert "Geen termijn gevonden" in out.verdict and "available_topics" not in out.verdict + out.verdict_en


def test_citations_belong_to_the_returned_deadlines():
    out = run(topic="RESV")
    assert {c.clause_id for c in out.citations} == {"wv2027/2.3.9", "wv2027/2.3.2"}
    assert any("Uiterlijk op 15 juli 2026 levert de betreffende regio het RESV-plan" in c.quote for c in out.citations)


def test_a_whole_message_as_topic_picks_the_deadlines_most_of_its_words_name():
    """A short word names a keyword only as its start ("pas" is no "aangepaste"), and of deadlines named equally
    those named by more words of the message win: a message about the VECOZO questionnaire that also happens to
    say "beoordelen" gives the quality deadlines, not the night-care business case or the strategic policy."""
    out = run(topic="Onze kwaliteitsuitvraag voor VECOZO kwam pas na de termijn binnen; gaan jullie dat nog beoordelen?")
    assert {d.id for d in out.deadlines} == {"quality_information"}, by_id(out).keys()  # no child care named
    assert set(by_id(run(topic="bezwaar tegen het inkoopbeleid"))) == {"objections"}


def test_a_deadline_for_one_kind_of_provider_gives_way_to_the_general_one():
    assert set(by_id(run(topic="uploaden van de kwaliteitsinformatie in VECOZO"))) == {"quality_information"}
    assert set(by_id(run(topic="What kind of quality information goes to VECOZO?"))) == {"quality_information"}
    assert set(by_id(run(topic="kwaliteitsinformatie voor medische kindzorg"))) == {"quality_information_kindzorg"}
    assert "quality_information_kindzorg" in by_id(run(topic="kwaliteitsinformatie voor onze kinderthuiszorg"))


def test_a_missed_deadline_in_a_listing_of_many_says_no_single_consequence():
    out = run(on_date="2027-12-31")
    assert len(out.deadlines) > 2 and "C-score" not in out.verdict
    assert not any("C-score" in c.quote for c in out.citations)


def test_a_missed_deadline_says_what_follows_from_the_policy():
    out = run(topic="kwaliteitsinformatie", on_date="2026-06-03")
    assert out.in_time is False and out.passed_on_date == ["quality_information"]
    assert "leidt automatisch tot een C-score in ons waardemodel" in out.verdict
    assert "If late (§ 2.3.4)" in out.verdict_en
    assert out.citations[0].quote.startswith("Let op: het niet tijdig aanleveren van de kwaliteitsinformatie")


def test_a_deadline_not_yet_passed_says_no_consequence():
    out = run(topic="kwaliteitsinformatie", on_date="2026-05-20")
    assert out.in_time is True and "C-score" not in out.verdict
    assert not any("C-score" in c.quote for c in out.citations)


@pytest.mark.parametrize(
    ("topic", "said", "placed", "in_time"),
    [
        ("kwaliteitsinformatie VECOZO", "2027-06-04", date(2026, 6, 4), False),  # the 2026 window, not June 2027
        ("bezwaar", "2027-05-10", date(2026, 5, 10), True),
        ("inschrijving nieuwe zorgaanbieders", "2027-01-20", date(2027, 1, 20), True),  # a window over two years
        ("inschrijving nieuwe zorgaanbieders", "2027-12-10", date(2026, 12, 10), True),
        ("inschrijving nieuwe zorgaanbieders", "2027-03-05", date(2027, 3, 5), False),
    ],
)
def test_a_day_said_without_a_year_is_checked_in_the_year_of_its_deadline(topic, said, placed, in_time):
    out = run(topic=topic, on_date=said, year_given=False)
    assert out.checked_on == placed and out.in_time is in_time
    assert str(placed.year) in out.verdict.split(":")[0]


def test_a_day_with_its_year_written_is_checked_as_written():
    out = run(topic="bezwaar", on_date="2027-05-10")
    assert out.checked_on == date(2027, 5, 10) and out.in_time is False


@pytest.mark.parametrize("bad", ["maybe", 3, [True]])
def test_a_year_given_that_is_no_yes_or_no_is_one_readable_error(bad):
    from assistant.errors import InvalidInput

    with pytest.raises(InvalidInput, match=r"^year_given: ") as err:
        run(topic="bezwaar", on_date="2026-05-10", year_given=bad)
    assert "\n" not in str(err.value) and "Traceback" not in str(err.value)


def test_a_day_said_without_a_year_outside_the_policy_period_is_refused_not_moved():
    from assistant.errors import InvalidInput

    with pytest.raises(InvalidInput, match=r"^on_date: must be between"):
        run(topic="bezwaar", on_date="2030-05-10", year_given=False)


def test_days_left_count_to_the_last_day_inclusive_and_stop_once_passed():
    out = run(on_date="2027-01-15", topic="inschrijving nieuwe zorgaanbieders")
    item = out.deadlines[0]
    assert item.last_day == date(2027, 2, 28) and item.days_left == 44  # 16 in January, 28 in February
    assert "nog 44 dagen" in out.verdict and "44 days left" in out.verdict_en
    last = run(on_date="2027-02-28", topic="inschrijving nieuwe zorgaanbieders")
    assert last.deadlines[0].days_left == 0 and "vandaag is de laatste dag" in last.verdict
    early = run(on_date="2026-11-20", topic="inschrijving nieuwe zorgaanbieders")  # not begun: when it opens
    assert "opent over 11 dagen" in early.verdict and "opens in 11 days" in early.verdict_en, early.verdict
    assert run(on_date="2027-03-01", topic="inschrijving nieuwe zorgaanbieders").deadlines[0].days_left is None
    assert all(d.days_left is None for d in run().deadlines)  # no date asked: nothing is left of anything
