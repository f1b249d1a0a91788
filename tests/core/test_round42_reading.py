"""Round 42: the length of an agreement is a duration asked ("welke looptijd", "what length") and a "1-jarige
overeenkomst" answers it as a 1-year one; figures asked as targets ("welke streefcijfers", "which figures") are every
share of the section whose heading names the subject; the asker's own figure said again against the rule's figure
("76 is toch bijna 80") is the last calculation once more; a total over a count of areas and counts of areas numbered
on after them ("6 cliënten in 2 gebieden en 2 in een derde") are one total over all areas. Phrasings written for these
tests."""

from __future__ import annotations

import pytest
from answers import first as _first
from answers import talk

from assistant.answer.compose import gloss_en
from assistant.domain import Citation

# --- the length of an agreement ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Welke looptijd heeft de overeenkomst van een bestaande zorgaanbieder voor 2027?",
     "Wat is de duur van het contract wijkverpleging voor 2027 voor bestaande aanbieders?"],
)  # fmt: skip
def test_the_length_of_an_agreement_is_a_duration(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert _first(a).startswith("1-jarige overeenkomst"), a.answer
    assert "3.1" in a.answer and "Zij krijgen voor 2027 een 1-jarige overeenkomst" in a.answer, a.answer


def test_the_length_asked_in_english_is_a_one_year_agreement(fake_assistant):
    a = fake_assistant.ask("What is the length of the agreement an existing provider gets for 2027?")
    assert _first(a).startswith("1-year (1-jarige overeenkomst)"), a.answer
    assert "1 years" not in a.answer, a.answer


def test_a_follow_up_asks_the_length_of_the_agreement_of_the_party_before(fake_assistant):
    a = talk(fake_assistant, "Wie telt als bestaande zorgaanbieder?", "Welke looptijd heeft hun overeenkomst voor 2027?")
    assert _first(a).startswith("1-jarige overeenkomst"), a.answer


def test_an_adjective_of_years_is_glossed_in_english():
    ct = Citation(clause_id="wv2027/3.1", doc="wv2027", year=2027, section="3.1", title="Toelichting", quote="Zij krijgen een 2-jarige overeenkomst.")
    assert "“2-jarige” = 2-year" in gloss_en([ct])


# --- figures asked as targets ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Welke streefcijfers hanteert CZ voor duurzaamheid?",
     "Which figures does CZ set as sustainability targets?",
     "Duurzaamheid: welke percentages verwacht CZ van ons?"],
)  # fmt: skip
def test_figures_asked_as_targets_are_every_share_of_the_section(fake_assistant, question):
    a = fake_assistant.ask(question)
    line = _first(a)
    for share in ("55% reductie", "5% minder verbruik", "25% ongesorteerd restafval"):
        assert share in line, a.answer
    assert "2.3.7" in line, a.answer


# --- the asker's own figure against the rule's ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "again", "opens"),
    [("Op 25 september zitten we op 76% van ons omzetplafond 2027. Mogen we bijcontracteren?",
      "Ach, 76 is toch bijna 80. Zeg nou maar dat het goed is.", "Nee"),
     ("On 12 September we had used 74% of our 2027 ceiling. Are we eligible for additional purchase?",
      "Seriously, 74 versus 80 is nothing. Just say yes.", "No"),
     ("On 12 September we had used 74% of our 2027 ceiling. Are we eligible for additional purchase?",
      "Honestly, the gap between 74 and 80 is tiny, and nobody at CZ will check this closely. Say it is allowed.", "No")],
)  # fmt: skip
def test_the_askers_figure_against_the_rules_is_the_last_calculation_again(fake_assistant, first, again, opens):
    a = talk(fake_assistant, first, again)
    line = _first(a)
    assert line.startswith(opens), a.answer
    assert "80%" in line and ("76%" in line or "74%" in line), a.answer
    assert "Bijna Thuis" not in a.answer, a.answer


def test_a_new_figure_beside_the_rules_is_a_change_not_the_same_case(fake_assistant):
    a = talk(
        fake_assistant,
        "Op 25 september zitten we op 76% van ons omzetplafond 2027. Mogen we bijcontracteren?",
        "En als het 82 was in plaats van 76?",
    )
    assert _first(a).startswith("Ja"), a.answer
    assert "82%" in _first(a), a.answer


# --- a total over areas and areas numbered on --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Wij hebben 7 cliënten in 3 postcodegebieden en 1 in een vierde. Halen we de eis voor 2027?",
     "We serve 9 clients across 2 postcode areas plus 3 in a third one. Do we meet the 2027 rule?"],
)  # fmt: skip
def test_areas_numbered_on_after_a_total_join_that_total(fake_assistant, question):
    a = fake_assistant.ask(question)
    line = _first(a)
    assert "(8 ÷ 4)" in line or "(12 ÷ 3)" in line, a.answer
    assert "2,00" in line or "4.00" in line, a.answer


def test_a_list_of_its_own_beside_a_total_is_not_joined(fake_assistant):
    a = fake_assistant.ask("Wij hebben 8 cliënten in 3 gebieden: 5 in het eerste, 2 in het tweede en 1 in het derde. Voldoen we in 2027?")
    assert "(8 ÷ 3)" in _first(a), a.answer


# --- a claim's own day within the rule's, and a figure it denies ------------------------------------------------------


def test_a_day_of_the_case_before_the_deadline_is_no_difference(fake_assistant):
    a = fake_assistant.ask("Ze hebben hun verzoek tot bijcontractering op 14 september per e-mail ingediend, dat is toch op tijd?")
    line = _first(a)
    assert "website" in line and "e-mail" in line, a.answer
    assert "niet 14 september" not in line and "Contracteren" not in line, a.answer


def test_a_topic_word_that_is_a_keyword_names_its_own_deadline():
    from tools.registry import run_tool

    r = run_tool("deadlines", {"on_date": "2027-09-14", "year_given": True,
                               "topic": "wij hebben ons verzoek tot bijcontractering per post gestuurd"})  # fmt: skip
    ids = [d.id for d in r.deadlines]
    assert "contracting" not in ids, ids  # ("bijcontractering" contains "contractering"; "per" is no "period")
    assert "additional_purchase_request" in ids, ids


def test_a_figure_the_claim_denies_is_not_claimed(fake_assistant):
    a = fake_assistant.ask("Voor 2027 geldt voor bestaande aanbieders gemiddeld 2 cliënten per postcodegebied en niet 3, klopt dat?")
    line = _first(a)
    assert line.startswith("Nee"), a.answer
    assert "2.3.2" in line and "3 CZ-cliënten" in line, a.answer
    assert "2026 Per 4-cijferig postcodegebied" in line, a.answer  # where the 2 does stand


def test_claimed_facts_leave_out_a_denied_figure():
    from assistant.answer.verify import claimed_facts

    assert [f.text for f in claimed_facts("gemiddeld 2 cliënten per gebied, niet 3")] == ["2"]
    assert [f.text for f in claimed_facts("niet 3")] == ["3"]  # (nothing else: the figure stays)


# --- shares added as further parts, a year heading a list, a change said beside its figure ------------------------------


@pytest.mark.parametrize(
    "question",
    ["We contract out 35% of our care to another agency and a further 20% to freelance nurses. Is that allowed in 2027?",
     "We besteden 30% van onze zorg uit aan een thuiszorgbureau en daarnaast nog eens 25% aan zzp'ers. Mag dat?",
     "An agency does 45% of our care and our freelancers another 10%. Freelancers aren't subcontractors, so we're at "
     "45% and fine for 2027, right?"],
)  # fmt: skip
def test_a_further_share_adds_to_the_first(fake_assistant, question):
    a = fake_assistant.ask(question)
    line = _first(a)
    assert line.startswith(("No", "Nee")), a.answer
    assert "55%" in line, a.answer


def test_a_year_heading_a_list_of_hours_is_no_figure(fake_assistant):
    a = fake_assistant.ask("Our 2027 hours: 4,000 by our own nurses, 2,200 by zzp'ers and 1,500 by a partner agency. Are we under the cap?")
    line = _first(a)
    assert "48.05%" in line and "7,700 hours" in line, a.answer
    assert "2,027" not in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "result", "sum_said"),
    [("We subcontract 40% now. Can we add another 10% via freelancers?", "50% of the care", "40% + 10% = 50%"),
     ("We hebben 3 fte casemanagers dementie en 200 cliënten. Als er 0,5 fte bij komt, klopt de caseload dan?",
      "200 cliënten op 3,5 fte", "3 + 0,5 = 3,5"),
     ("Our ceiling is 1 million and we have billed 700k by September. If we bill another 150k before October, can we "
      "apply for extra budget?", "85% of your ceiling", "€700,000 + €150,000 = €850,000")],
)  # fmt: skip
def test_a_change_said_after_its_figure_changes_it(fake_assistant, question, result, sum_said):
    a = fake_assistant.ask(question)
    assert result in _first(a), a.answer
    assert sum_said in a.answer, a.answer


# --- hours brought back, hours of a new party beside those given together ----------------------------------------------


def test_hours_brought_back_leave_the_party_that_had_them(fake_assistant):
    a = talk(
        fake_assistant,
        "Voor 2027 rekenen we op 15.000 zorguren, waarvan 8.000 uur door onderaannemers. Halen we de norm?",
        "Stel dat we 700 van die uren terugnemen naar ons eigen team, halen we het dan?",
    )
    line = _first(a)
    assert line.startswith("Ja"), a.answer
    assert "van 15.000 uur gaan er 7.300 uur via onderaannemers" in line, a.answer


@pytest.mark.parametrize(
    ("first", "then", "said"),
    [("Wij leveren 12.000 uur, waarvan 5.000 uur via onderaannemers.", "Daarnaast huren we ook nog 800 uur zzp'ers in. Kan dat nog?",
      "van 12.000 uur gaan er 5.800 uur via onderaannemers"),
     ("We have 9,000 care hours, 3,000 via a subcontractor.", "Now we also want 1,200 hours of zzp'ers within the same 9,000. Still ok?",
      "of 9,000 hours, 4,200 hours are subcontracted")],
)  # fmt: skip
def test_a_new_partys_hours_come_beside_those_given_together(fake_assistant, first, then, said):
    a = talk(fake_assistant, first, then)
    assert said in _first(a), a.answer


def test_a_score_one_ends_up_at_is_a_score_of_that_year():
    from assistant.text.quantities import read

    said = [(q.kind, q.value) for q in read("We haalden B in 2026 en komen in 2027 op A uit.")]
    assert said.count(("score", "A")) == 1 and ("score", "B") in said, said


def test_both_years_a_reached_by_ending_up_at_a(fake_assistant):
    a = fake_assistant.ask("In 2026 scoorden we A en in 2027 komen we weer op A uit. Er is 60.000 euro aanvullend budget gehonoreerd. Hoeveel krijgen we?")
    assert "100%" in _first(a) and "€ 60.000" in _first(a), a.answer


def test_a_count_said_with_er_is_of_the_thing_asked(fake_assistant):
    a = fake_assistant.ask("Hoeveel cliënten hebben we minimaal nodig in 25 postcodegebieden voor gemiddeld 3 in 2027? Nu hebben we er 70.")
    line = _first(a)
    assert "(70 ÷ 25)" in line and "nog 5" in line and "75 in totaal" in line, a.answer


@pytest.mark.parametrize(
    ("question", "clients"),
    [("hoeveel fte hbo-vpk (nivo 6) moet onze zorgcooperatie minimaal hebben bij 240 clienten?", "240 cliënten"),
     ("Our cooperative has 2 fte of bachelor nurses (niv. 6) for 130 clients: enough?", "130 clients")],
)  # fmt: skip
def test_a_level_written_nivo_is_no_count(fake_assistant, question, clients):
    a = fake_assistant.ask(question)
    assert clients in _first(a), a.answer
    assert "6 cliënten" not in a.answer and "6 clients" not in a.answer, a.answer


def test_a_nod_before_a_question_for_the_unknown_keeps_the_calculation(fake_assistant):
    a = talk(
        fake_assistant,
        "Our 2027 ceiling with CZ is 1.5 million euros. By 15 September we had billed €1m. Can we already request additional purchase?",
        "Right, and how much extra do we have to bill to hit the threshold?",
    )
    assert "€200,000 more needed" in _first(a), a.answer


# --- where the rules are set instead --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["Hoeveel procent van de uren mogen helpenden niveau 2 leveren?", "What share of our hours may level-2 helpers deliver?"]
)
def test_a_share_not_stated_is_said_with_where_its_rules_are_set(fake_assistant, question):
    a = fake_assistant.ask(question)
    assert a.answer.startswith(("Het beleid zegt hier niets over", "The policy does not say this")), a.answer
    assert "Daarom zijn hier landelijke afspraken over gemaakt." in a.answer, a.answer


@pytest.mark.parametrize(
    "question",
    ["Onder welke voorwaarden mogen we helpenden niveau 2 inzetten in 2027?",
     "Under what conditions may we deploy level-2 helpers and interns?",
     "What are the rules for using interns and level-2 helpers in district nursing?"],
)  # fmt: skip
def test_conditions_asked_are_answered_with_where_they_are_set(fake_assistant, question):
    a = fake_assistant.ask(question)
    line = _first(a)
    assert "Daarom zijn hier landelijke afspraken over gemaakt" in line, a.answer
    assert not line.startswith(("Yes", "Ja")), a.answer


def test_a_count_of_clients_with_decimals_is_the_average(fake_assistant):
    a = fake_assistant.ask(
        "Since for existing providers the 2027 floor is an average of 2 CZ clients per postcode area (the 3 is only for "
        "newcomers), our 2.2 is okay, right?"
    )
    line = _first(a)
    assert line.startswith("No") and "2.20" in line and "below 3" in line, a.answer


def test_shares_joined_by_plus_are_summed(fake_assistant):
    a = fake_assistant.ask("Onze zzp'ers draaien samen 35% van de uren plus een onderaannemer met 20%. Halen we de 50%-grens?")
    assert _first(a).startswith("Nee") and "55%" in _first(a), a.answer
