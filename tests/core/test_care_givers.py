"""A share or number said of one group of care givers (vocabulary.toml [care_givers]: subcontractors and zzp'ers,
trainees, helpers, subsidiaries) does not answer a question about another group: "maximaal 50% ... onderaannemers"
is no answer to how much trainees may do, and the policy states no such figure."""

from __future__ import annotations

from answers import first as _first

from assistant.answer.clause import _givers


def test_the_groups_a_text_names():
    subcontracting = _givers("de inzet van onderaannemers")
    assert len(subcontracting) == 1 and _givers("Mogen onze ZZP-ers meer dan de helft doen?") == subcontracting
    assert len(_givers("how many trainees and level 2 helpers may we use?")) == 2
    assert not _givers("how many trainees may we use?") & subcontracting
    assert _givers("Hoeveel procent mogen we zelf leveren?") == set()
    assert _givers("een intern overleg") == set()  # Dutch "intern" is internal, no trainee


def test_a_share_asked_of_trainees_is_not_the_subcontracting_share(fake_assistant):
    a = fake_assistant.ask("Tot welk percentage van de zorg mogen leerlingen in opleiding ingezet worden?")
    assert _first(a).startswith("Het beleid zegt hier niets over"), a.answer
    assert "50%" not in _first(a), a.answer
    b = fake_assistant.ask("Up to what percentage of our care may helpers of level 2 provide?")
    assert _first(b).startswith("The policy does not say"), b.answer


def test_a_share_asked_of_freelancers_still_is(fake_assistant):
    a = fake_assistant.ask("Welk deel van de zorg mag hoogstens door ingehuurde zzp-ers geleverd worden?")
    assert "50%" in _first(a), a.answer


def test_nor_does_the_older_text_s_share_of_another_group(fake_assistant):
    a = fake_assistant.ask("Welk aandeel van de uren mogen stagiaires in 2027 hoogstens maken?")
    first = _first(a)
    assert first.startswith("Het beleid zegt hier niets over") and "2024" not in first, a.answer
