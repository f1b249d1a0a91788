"""The quantity reader (assistant/text/quantities.py + lexicon.toml): every value in a question read once, typed,
with its unit, bound, negation, change and the years a score letter is for. Phrasings are our own."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from assistant.text.quantities import Quantity, read

TODAY = date(2027, 6, 1)


def _read(text: str) -> list[Quantity]:
    return read(text, today=TODAY, default_year=2027)


def _nth(qs: list[Quantity], kind: str, n: int) -> Quantity:
    of_kind = [q for q in qs if q.kind == kind]
    assert len(of_kind) > n, f"no {kind} #{n} in {[(q.kind, q.value, q.unit) for q in qs]}"
    return of_kind[n]


def _same(actual, expected) -> bool:
    if isinstance(expected, float):
        return actual is not None and float(actual) == pytest.approx(expected, abs=0.01)
    if isinstance(expected, int) and isinstance(actual, Decimal):
        return actual == Decimal(expected)
    if isinstance(expected, tuple) and isinstance(actual, tuple):
        return len(expected) == len(actual) and all(_same(a, e) for a, e in zip(actual, expected, strict=True))
    return actual == expected


def row(text: str, kind: str, value, n: int = 0, **attrs):
    return pytest.param(text, kind, value, n, attrs, id=f"{text} -> {kind}#{n}")


ROWS = [
    # counts with their unit
    row("We hebben 14 cliënten in zorg", "count", 14, unit="clients"),
    row("we hebben 14 clienten", "count", 14, unit="clients"),
    row("14 actieve CZ-cliënten", "count", 14, unit="clients"),
    row("we hebben 14 clietnen", "count", 14, unit="clients"),  # a swapped pair of letters
    row("fifty-five clients in care", "count", 55, unit="clients", digits=False),
    row("negen verschillende postcodegebieden", "count", 9, unit="areas", digits=False),
    row("spread over 6 postcode areas", "count", 6, unit="areas"),
    row("we leveren 6.800 uur zorg", "count", 6800, unit="hours"),
    row("8,000 hours of care", "count", 8000, unit="hours"),
    row("5k uur per jaar", "count", 5000, unit="hours"),
    row("2,4 fte casemanagers", "count", 2.4, unit="fte"),
    row("anderhalve fte hbo", "count", 1.5, unit="fte", digits=False),
    row("four full-time nurses", "count", 4, unit="fte"),
    row("B met 6 punten op kosten", "count", 6, unit="points"),
    row("we schreven ons 2 keer in", "count", 2, unit="registrations"),
    row("3 zzp'ers", "count", 3, unit="staff"),
    # money
    row("een plafond van € 850.000", "money", 850000),
    row("850.000 euro omzet", "money", 850000),
    row("€1.250.000,50", "money", 1250000.5),
    row("we verwachten 65k omzet", "money", 65000),
    row("plafond 1,2 miljoen", "money", 1200000),
    row("twee ton productie", "money", 200000, digits=False),
    row("our cap is €400k", "money", 400000),
    row("een budget van € 65K", "money", 65000),
    row("1.5 mln euro", "money", 1500000),
    # percentages and fractions
    row("we zitten op 82%", "percent", 82),
    row("we zitten op 82 procent", "percent", 82),
    row("at 78 percent of the ceiling", "percent", 78),
    row("een derde van de uren", "percent", 33.33, digits=False),
    row("de helft van de zorg", "percent", 50, digits=False),
    # bounds
    row("ten minste 3 cliënten", "count", 3, unit="clients", bound="min"),
    row("niet meer dan 50% onderaanneming", "percent", 50, bound="max", negated=False),
    row("meer dan € 100.000", "money", 100000, bound="gt"),
    row("minder dan 5 punten", "count", 5, unit="points", bound="lt"),
    row("hooguit 65 cliënten per fte", "count", 65, unit="clients", bound="max"),
    row("ongeveer 40 cliënten", "count", 40, unit="clients", bound="approx"),
    row("at least 80% of our ceiling", "percent", 80, bound="min"),
    row("no more than 40 clients", "count", 40, unit="clients", bound="max", negated=False),
    row("zo'n 30 clienten", "count", 30, unit="clients", bound="approx"),
    row("ruim 80% van het plafond", "percent", 80, bound="gt"),
    row("max. 50% uitbesteed", "percent", 50, bound="max"),
    row("uiterlijk 28 februari 2027", "date", date(2027, 2, 28), bound="until"),
    row("vóór 1 oktober", "date", date(2027, 10, 1), bound="before"),
    # negation
    row("we hebben geen 60 cliënten", "count", 60, unit="clients", negated=True),
    # a letter is a score only with score words near it ("een A" alone could be anything)
    row("onze score is niet langer een A maar een B", "score", "A", negated=True),
    row("onze score is niet langer een A maar een B", "score", "B", n=1, negated=False),
    # score letters and their years
    row("We hadden score A in 2026", "score", "A", years=(2026,)),
    row("in 2026 een A en in 2027 een B", "score", "A", years=(2026,)),
    row("in 2026 een A en in 2027 een B", "score", "B", n=1, years=(2027,)),
    row("we scoorden een B in zowel 2026 als 2027", "score", "B", years=(2026, 2027)),
    row("score A in 2026 én 2027", "score", "A", years=(2026, 2027)),
    row("vorig jaar scoorden we een C", "score", "C", years=(2026,)),
    row("vorig jaar scoorden we een C", "year", 2026, explicit_year=False),
    row("dit jaar (2027) kregen we score-B", "score", "B", years=(2027,)),
    row("we scored B-score with 7 points in 2026", "count", 7, unit="points", years=(2026,)),
    row("als we zowel in 2026 als in 2027 een score A halen", "score", "A", years=(2026, 2027)),
    row("stel dat we voor 2027 geen A hebben, enkel voor 2026", "score", "A", years=(2027,), negated=True),
    row("stel dat 2027 geen B meer wordt, alleen 2026", "score", "B", years=(2027,), negated=True),
    row("suppose we don't get a B for 2027", "score", "B", years=(2027,), negated=True),
    row("we don't subcontract more than 4,000 hours", "count", 4000, negated=False),  # a bound, no denial
    row("Team A heeft 40 cliënten; onze score voor 2026 was een C", "score", "C", years=(2026,)),  # team A: no score
    # postcodes versus counts and years
    row("postcode 5041", "postcode", "5041"),
    row("5 cliënten in 5041", "postcode", "5041"),
    row("5 cliënten in 5041", "count", 5, unit="clients"),
    row("in 5612 hebben we 4 cliënten", "postcode", "5612"),
    row("in 5612 hebben we 4 cliënten", "count", 4, unit="clients"),
    row("5041 AB", "postcode", "5041"),
    row("postcodes 5041, 5042 en 5043", "postcode", "5043", n=2),
    row("6 in 1011, 2 in 1012", "postcode", "1012", n=1),
    row("5041: 6 cliënten", "postcode", "5041"),
    row("postcode 2031 heeft 4 cliënten", "postcode", "2031"),  # a year-like number after a postcode word
    row("we hebben 2031 cliënten", "count", 2031, unit="clients"),
    row("in 2027 hadden we 40 cliënten", "year", 2027),
    row("in 2027 hadden we 40 cliënten", "count", 40, unit="clients"),
    row("In 2027 existing providers need 3 clients", "year", 2027),
    row("als we die 2010 uur straks uitbesteden", "count", 2010, unit="hours"),  # a demonstrative before hours
    row("those 2030 hours go to an agency", "count", 2030, unit="hours"),
    row("de 2026 cliënten tellen niet mee", "year", 2026),  # a year names whose clients
    row("the 2027 postcode requirement", "year", 2027),
    # ranges and ratios
    row("50-65 cliënten per fte", "range", (50, 65), unit="clients"),
    row("tussen 50 en 65 cliënten", "range", (50, 65), unit="clients"),
    row("50 tot 65 clients", "range", (50, 65), unit="clients"),
    row("tussen de 80 en 95 cliënten", "range", (80, 95), unit="clients"),
    row("ergens tussen zo'n 12 en 14 gebieden", "range", (12, 14), unit="areas"),
    row("between roughly 300 and 320 hours", "range", (300, 320), unit="hours"),
    row("3 à 4 fte", "range", (3, 4), unit="fte"),
    row("1 fte per 55 cliënten", "count", 1, unit="fte", ratio=0),
    row("1 fte per 55 cliënten", "count", 55, n=1, unit="clients", ratio=0),
    row("one fte for every 40 clients", "count", 40, n=1, unit="clients", ratio=0),
    # a change to an earlier value
    row("en met een half fte erbij?", "count", 0.5, unit="fte", change="more"),
    row("and with two more clients?", "count", 2, unit="clients", change="more"),
    row("en met 3 cliënten minder?", "count", 3, unit="clients", change="less"),
    row("en met 2 extra gebieden?", "count", 2, unit="areas", change="more"),
    # a unit carried from a sibling in the sentence
    row("We leveren 12.000 uur, waarvan 7.000 door zzp'ers", "count", 7000, n=1, unit="hours", inferred_unit=True),
    row("Van de 10.000 uur doen onderaannemers er 4.000", "count", 4000, n=1, unit="hours"),
    # ordinals, times, dates
    row("3 in het tweede gebied", "ordinal", 2),
    row("in the last area", "ordinal", -1),
    row("om 23.00 uur", "time", "23.00 uur"),
    row("half september zaten we op 90%", "date", date(2027, 9, 15), relative=True),
    row("in september", "period", (date(2027, 9, 1), date(2027, 9, 30))),
]


@pytest.mark.parametrize("text,kind,value,n,attrs", ROWS)
def test_read(text, kind, value, n, attrs):
    q = _nth(_read(text), kind, n)
    assert _same(q.value, value), (q.kind, q.value, q.unit)
    for key, expected in attrs.items():
        got = getattr(q, key)
        if key == "ratio":
            assert got is not None, q
            continue
        assert _same(got, expected), f"{key}: {got!r} != {expected!r} ({q})"


ABSENT = [
    # (text, kinds that must not be read)
    ("ten minste 3 cliënten", {"number": [10]}),  # "ten" belongs to the bound
    ("zie § 3.2.4 en bijlage 1", {"number": [3, 1, 324], "count": None}),
    ("niveau 6 verpleegkundigen", {"count": None, "number": [6]}),
    ("om 23.00 uur", {"count": None}),  # a time of day, not 23 hours
    ("A cooperative needs nurses", {"score": None}),  # the English article
    ("In 2026 existing providers needed 2 clients", {"count": [2026]}),
    ("we hebben 40 cliënten in 2027", {"postcode": None}),  # a year after "in", not a postcode
    ("5 cliënten in 5041", {"count": [5041], "year": None}),
    ("het plafond van € 500.000", {"count": None, "number": None}),
    # what is spread over the areas is not a number of areas (the unit of "41 gebieden" is not carried back)
    ("dus 97 in totaal over die 31 gebieden", {"count": [97]}),
    ("we serve 64 spread across 20 postcode areas", {"count": [64]}),
]


@pytest.mark.parametrize("text,absent", ABSENT, ids=[t for t, _ in ABSENT])
def test_not_read_as(text, absent):
    qs = _read(text)
    for kind, values in absent.items():
        found = [q for q in qs if q.kind == kind]
        if values is None:
            assert not found, found
        else:
            assert not [q for q in found if q.number is not None and q.number in [Decimal(v) for v in values]], found


def test_spans_and_context_words():
    text = "Ons omzetplafond is € 800.000; we zitten op 85% van het plafond"
    qs = _read(text)
    money = _nth(qs, "money", 0)
    assert text[money.start : money.end] == money.text and "800.000" in money.text
    assert "omzetplafond" in money.before
    pct = _nth(qs, "percent", 0)
    assert pct.after[:3] == ("van", "het", "plafond")
    assert "omzetplafond" not in pct.before  # the context stops at the end of a clause


def test_read_is_ordered_by_position():
    qs = _read("6 in 5041, 3 in 5042 en 1 in 5043: gemiddeld 3,33 per postcodegebied")
    starts = [q.start for q in qs]
    assert starts == sorted(starts)
    assert [q.value for q in qs if q.kind == "postcode"] == ["5041", "5042", "5043"]


def test_a_unit_joined_to_its_number_by_a_hyphen():
    """'een 2-jarige overeenkomst', 'a 3-year contract': a count of years, not a bare number."""
    for text, value in (("een 2-jarige overeenkomst", 2), ("a 5-year contract", 5)):
        [q] = [q for q in _read(text) if q.number is not None]
        assert (q.kind, q.unit, q.number) == ("count", "years_count", Decimal(value)), q


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("mogen we meer dan de helft uitbesteden?", 50, "gt"),
        ("we leveren de helft zelf", 50, None),
        ("can we subcontract less than half of our care?", 50, "lt"),
    ],
)
def test_half_as_a_share_with_its_bound(text, value, bound):
    shares = [q for q in read(text) if q.kind == "percent"]
    assert [(float(q.value), q.bound) for q in shares] == [(value, bound)]


def test_the_second_half_of_a_year_is_no_share():
    assert not [q for q in read("in de tweede helft van het contractjaar") if q.kind == "percent"]


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("stel dat er 6 cliënten bij komen", "more"),
        ("als er nog 0,5 fte bij komt", "more"),
        ("er gaan 2 gebieden af", "less"),
        ("what if we add 1.5 fte", "more"),
        ("er zijn 12 cliënten bij ons in zorg", None),
        ("er wonen 7 cliënten bij de grens", None),
        ("als onze collega met 0,7 fte op 15 juni weggaat en niemand haar opvolgt", "less"),
        ("als een verpleegkundige van 1 fte in maart vertrekt, maar we houden de cliënten", "less"),
        ("als we 15 cliënten overdragen aan een collega-aanbieder", "less"),
        ("what if we take on another half fte", "more"),
    ],
)
def test_a_change_written_around_the_number(text, change):
    counts = [q for q in read(text) if q.kind == "count" and q.unit in ("clients", "fte", "areas")]
    assert [q.change for q in counts] == [change]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A B in 2026, and we got a B again for 2027", [("B", (2026,)), ("B", (2027,))]),
        ("What if our 2027 score went down to a C while 2026 remained an A?", [("C", (2027,)), ("A", (2026,))]),
        ("Onze score: 2026 bleef een B, maar 2027 werd een A", [("B", (2026,)), ("A", (2027,))]),
        ("we haalden een C in 2025 en in 2026 weer een A", [("C", (2025,)), ("A", (2026,))]),
        ("A in 2026, C in 2027", [("A", (2026,)), ("C", (2027,))]),
        ("een B in 2025 en in 2026", [("B", (2025, 2026))]),
        ("voor 2026 en 2027 een B", [("B", (2026, 2027))]),
        ("stel dat we voor 2027 op een C uitkomen", [("C", (2027,))]),
    ],
)
def test_score_letters_take_the_year_written_next_to_them(text, expected):
    assert [(q.value, q.years) for q in read(text) if q.kind == "score"] == expected


def test_cost_points_in_brackets_after_a_letter_are_that_letters():
    qs = read("Stel dat we in 2027 op een B uitkomen (met 8 punten op kosten) en in 2026 een A hadden")
    points = [q for q in qs if q.kind == "count" and q.unit == "points"]
    assert [(float(q.value), q.years) for q in points] == [(8.0, (2027,))]


def test_a_number_in_brackets_that_counts_its_own_noun_is_no_client_count():
    qs = read("Onze coöperatie (zzp'ers en 3 kleine praktijken) heeft 95 cliënten")
    assert [(q.kind, float(q.value)) for q in qs if q.kind == "count" and q.unit == "clients"] == [("count", 95.0)]
    elliptic = read("we hebben 80 cliënten (waarvan 12 nieuwe)")
    assert [float(q.value) for q in elliptic if q.kind == "count" and q.unit == "clients"] == [80.0, 12.0]


@pytest.mark.parametrize(
    "text",
    ["we hebben nu 9 cliënten ipv 7", "what if it were 9 clients instead of 7", "9 cliënten in plaats van 7"],
)
def test_the_replaced_value_is_no_figure_of_the_question(text):
    counts = [(float(q.value), q.negated) for q in read(text) if q.kind in ("count", "number")]
    assert (9.0, False) in counts and (7.0, True) in counts


def test_an_age_group_takes_no_unit():
    qs = read("binnen 6 weken na de 18e verjaardag, bij de overgang naar zorg voor volwassenen (18+)")
    assert [(float(q.value), q.unit) for q in qs if q.kind == "count"] == [(6.0, "weeks")]


def test_a_euro_sign_between_a_year_and_an_amount_belongs_to_the_amount():
    qs = read("Ons plafond 2027 € 750.000 en per 1 september € 640.000 gedeclareerd")
    assert [(q.kind, q.value) for q in qs if q.kind in ("year", "money")] == [("year", 2027), ("money", 750000), ("money", 640000)]


def test_a_count_of_hours_of_a_named_party_is_hours():
    from assistant.text.quantities import read

    (q,) = [q for q in read("Stel dat 1.200 van die zzp uren naar eigen personeel gaan", default_year=2027) if q.kind == "count"]
    assert q.unit == "hours" and q.number == 1200
    (p,) = [q for q in read("We hired 3 zzp nurses last month", default_year=2027) if q.kind == "count"]
    assert p.unit == "staff"


def test_chat_shorthand_is_written_out_but_not_inside_addresses_or_compounds():
    from assistant.text.quantities import expand_shorthand

    assert expand_shorthand("Wnr gaat dat in, en hvl uren mbt de dochter?") == (
        "Wanneer gaat dat in, en hoeveel uren met betrekking tot de dochter?"
    )
    assert expand_shorthand("zie wnr.nl of het mn-formulier") == "zie wnr.nl of het mn-formulier"
    # a phrasal verb whose particle changes the sense: "sign up" registers, "sign" alone signs a contract
    assert expand_shorthand("Until when can a newcomer sign up, and when do we sign?") == (
        "Until when can a newcomer register, and when do we sign?"
    )


def test_each_score_letter_takes_the_year_of_its_own_clause():
    from assistant.text.quantities import read

    scores = [(q.value, q.years) for q in read("Eerst een A in 2026, in 2027 zijn we C geworden.", default_year=2027) if q.kind == "score"]
    assert scores == [("A", (2026,)), ("C", (2027,))]
    both = [(q.value, q.years) for q in read("Score A in 2026, 2027 net zo.", default_year=2027) if q.kind == "score"]
    assert both == [("A", (2026, 2027))]


@pytest.mark.parametrize(
    "text, ends",
    [
        ("We hebben tussen de 80 en 95 cliënten.", ["We hebben 80 cliënten.", "We hebben 95 cliënten."]),
        ("about 3 à 4 fte of nurses", ["about 3 fte of nurses", "about 4 fte of nurses"]),
        ("en bij 70-75?", ["en bij 70?", "en bij 75?"]),
        ("we hebben 80 cliënten", []),
        ("van 1 tot 10 december", []),  # a period of days, no range of counts
    ],
)
def test_range_ends_say_the_text_with_each_end(text, ends):
    from assistant.text.quantities import range_ends

    assert [t for t, _ in range_ends(text)] == ends


@pytest.mark.parametrize(
    "text, changes",
    [
        ("als we uit 6 postcodegebieden stoppen, waar we 9 cliënten hebben?", ["less", "less"]),
        ("suppose we pull out of the 2 areas with 3 clients in them", ["less", "less"]),
        ("we sluiten 3 gebieden die samen 4 cliënten hebben", ["less", "less"]),
        ("we hebben 12 gebieden met 40 cliënten", [None, None]),  # no change: a description, not a loss
        ("en met 2 gebieden minder en 30 cliënten?", ["less", None]),  # no describing word between them
    ],
)
def test_a_count_described_as_part_of_a_changed_count_changes_with_it(text, changes):
    counts = [q for q in read(text) if q.kind in ("count", "number")]
    assert [q.change for q in counts] == changes, counts


@pytest.mark.parametrize(
    "text",
    ["stel dat 1,5 fte langdurig ziek wordt", "what if one nurse (0.6 fte) is on leave?", "als 1 fte van hen uitvalt"],
)
def test_staff_that_falls_away_is_a_change_down(text):
    fte = [q for q in read(text) if q.unit == "fte"]
    assert fte and fte[0].change == "less", fte


def test_a_dates_bound_may_stand_before_on():
    dates = [q for q in read("uiterlijk op 12 november; no later than on 3 May; vóór of op 1 juli") if q.kind == "date"]
    assert [q.bound for q in dates] == ["until", "until", "before"], dates


def test_the_askers_own_figure_after_a_change_does_not_change_with_it():
    counts = [q for q in read("stel we nemen er 4 cliënten bij met onze 2,5 fte") if q.kind == "count"]
    assert [q.change for q in counts] == ["more", None], counts


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        ("als er in de 12 gebieden nog 5 cliënten bijkomen", {"areas": None, "clients": "more"}),
        ("als er in diezelfde 12 postcodegebieden nog vijf cliënten bij komen", {"areas": None, "clients": "more"}),
        ("komen er in onze 9 gebieden 4 cliënten bij", {"areas": None, "clients": "more"}),
    ],
)
def test_a_split_change_verb_belongs_to_the_number_nearest_its_particle(text, changes):
    counts = {q.unit: q.change for q in read(text) if q.kind == "count"}
    assert counts == changes


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("We nemen 4 fte aan. Zijn onze 210 dan goed verdeeld?", None),  # another sentence, not said of the fte
        ("Say we have 2 fte. Are our 120 fine then?", None),
        ("We leveren 7.400 uur. Daarvan doen zzp'ers er 2.100.", "hours"),  # taken from the hours said before
        ("We deliver 9,000 hours. Of those, a partner agency does 1,500.", "hours"),
        ("Wij leveren 9.200 uur. 4.300 door eigen personeel, 4.900 door zzp'ers. Mag dat?", "hours"),  # a statement
        ("We nemen 4 fte aan. Daarvan zijn er 2 nieuw, klopt dat?", "fte"),
    ],
)
def test_a_bare_number_takes_a_unit_of_another_sentence_only_as_part_of_it(text, unit):
    last = read(text)[-1]
    assert (last.unit if last.kind == "count" else None) == unit


@pytest.mark.parametrize("text", ["how many level-6 fte would we need?", "hoeveel niveau-6 fte is nodig?"])
def test_a_level_written_with_a_hyphen_is_no_count(text):
    assert not [q for q in read(text) if q.kind in ("count", "number") and q.value == 6]


def test_a_year_said_against_another_letter_is_not_taken_by_the_letter_before_it():
    """'in 2027 geen A meer maar een B, met 6 punten (2026 bleef een A)': B and its points are 2027's."""
    qs = [q for q in read("En als we in 2027 geen A meer maar een B kregen, met 6 punten op kosten (2026 bleef een A)?")
          if q.kind in ("score", "count")]
    assert [(str(q.value), q.years) for q in qs if not q.negated] == [("B", (2027,)), ("6", (2027,)), ("A", (2026,))]


def test_a_rate_with_a_level_between_its_counts_is_a_ratio():
    """'1 fte niveau-6 nurse for every 70 clients': the level between the counts does not break the rate."""
    counts = [q for q in read("1 fte niveau-6 verpleegkundige per 70 cliënten") if q.kind == "count"]
    assert [q.ratio for q in counts] == [0, 0]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("onze verwachte omzet bij CZ is 35k, gemiddeld 4 cliënten per postcode", [("money", 35000), ("count", 4)]),
        ("we leveren 8k uur zorg, waarvan 3k door zzp'ers", [("count", 8000), ("count", 3000)]),
        ("hoeveel fte verpleegkundigen (niv 6) hebben we nodig voor 120 cliënten?", [("count", 120)]),
        ("lvl 6 nurses: 2.5 fte", [("count", 2.5)]),
    ],
)
def test_an_amount_its_clause_names_stays_money_and_a_level_is_no_count(text, kinds):
    assert [(q.kind, float(q.value)) for q in read(text) if q.kind in ("money", "count")] == kinds


@pytest.mark.parametrize(
    ("text", "value", "was"),
    [
        ("Mo gaat van 0,9 naar 0,7 fte", 0.7, 0.9),
        ("our nurse Sam goes from 0.6 to 0.9 fte in May", 0.9, 0.6),
        ("our case manager is cut back from 0.9 to 0.7 fte", 0.7, 0.9),
    ],
)
def test_a_value_going_from_one_figure_to_another_is_one_change(text, value, was):
    counts = [q for q in read(text) if q.kind == "count"]
    assert [(float(q.value), float(q.was)) for q in counts] == [(value, was)]


def test_from_to_without_a_verb_of_change_stays_a_range():
    assert [q.kind for q in read("a caseload from 50 to 65 clients per fte")] == ["range"]
    assert [q.kind for q in read("de norm gaat van 50 tot 65 cliënten")] == ["range"]


@pytest.mark.parametrize("text", ["Twee dingen: klopt onze verhouding?", "Two things: is it ok?", "3 vraagjes over onderaanneming"])
def test_a_count_of_the_questions_asked_is_no_figure(text):
    assert list(read(text)) == []


def test_a_range_whose_high_end_alone_says_its_multiplier_scales_its_low_end():
    """'tussen de 7 en 8 duizend uur', '45 to 58 thousand': both ends are thousands; '500 en 2 duizend' stays 500."""
    from assistant.text.quantities import range_ends

    hours = read("We verwachten tussen de 7 en 8 duizend uur zorg.")
    assert [(q.kind, q.unit) for q in hours] == [("range", "hours")] and hours[0].value == (Decimal(7000), Decimal(8000))
    money = read("Expected revenue 45 to 58 thousand euro.")
    assert money[0].kind == "range" and money[0].value == (Decimal(45000), Decimal(58000))
    assert read("tussen 500 en 2 duizend uur")[0].value == (Decimal(500), Decimal(2000))
    ends = range_ends("Ergens tussen 12 en 14 duizend uur per jaar.")
    assert [v for _, v in ends] == [Decimal(12000), Decimal(14000)] and "12 duizend uur" in ends[0][0], ends
    joined = range_ends("Wij verwachten een afspraak van zo'n 75 tot 85k.")  # a joined "k" is joined to the low end
    assert [t for t, _ in joined] == ["Wij verwachten een afspraak van zo'n 75k.", "Wij verwachten een afspraak van zo'n 85k."]
    assert [q.value for t, _ in joined for q in read(t) if q.kind == "money"] == [Decimal(75000), Decimal(85000)], joined


def test_a_money_range_with_a_joined_multiplier_is_worked_out_at_each_end(fake_assistant):
    """'iets tussen 80 en 95k': both ends are amounts of the production agreement; the value model is checked for
    each (both under € 100.000: no), where before the low end '80 k' was no amount and the question asked for it."""
    a = fake_assistant.ask("We komen volgend jaar op een productieafspraak van ergens 85 à 96k. Telt het waardemodel voor ons?")
    line = a.answer.split("\n")[0]
    assert "85.000" in line and "96.000" in line and line.startswith("Nee"), line
    assert not a.needs_input, a.needs_input


def test_a_letter_before_both_and_two_years_is_a_score_for_each():
    """'A both in 2026 and in 2027', 'een C beide in 2026 en 2027': the letter is a score of both years."""
    for text, letter in (("Suppose it had been A both in 2026 and in 2027.", "A"), ("Stel: een C beide in 2026 en 2027.", "C")):
        scores = [q for q in read(text) if q.kind == "score"]
        assert [(q.value, q.years) for q in scores] == [(letter, (2026, 2027))], (text, scores)


def test_persons_said_to_work_full_time_are_fte():
    """'5 verpleegkundigen niveau 6 voltijds', '3 nurses working full-time' are fte; persons beside a number of fte
    of their own, or a full-time word after a comma, stay persons."""
    assert [(q.unit, q.value) for q in read("De coöperatie heeft 5 verpleegkundigen niveau 6 voltijds in dienst.")] == [("fte", 5)]
    assert [q.unit for q in read("We have 3 nurses working full-time.")] == ["fte"]
    assert [q.unit for q in read("6 verpleegkundigen samen goed voor 4,5 fte")] == ["staff", "fte"]
    assert [q.unit for q in read("wij hebben 7 verpleegkundigen, voltijds werkt er niemand")] == ["staff"]
    assert [q.unit for q in read("5 verpleegkundigen niet voltijds")] == ["staff"]
    assert [q.unit for q in read("8 nurses, mostly full-time")] != ["fte"]
    assert [q.unit for q in read("8 nurses mostly full-time")] == ["staff"]


def test_a_unit_word_right_before_a_number_is_its_unit_in_terse_notes():
    """'clienten 96, fte 2,1', 'kostenpunten: 4' (lexicon [units_before]); not a list after 'per postcode area:'
    (the counts of what is per area)."""
    assert [(q.unit, q.value) for q in read("coöp: clienten 96, fte 2,1")] == [("clients", 96), ("fte", Decimal("2.1"))]
    assert [(q.unit, q.value) for q in read("score B, kostenpunten: 4")][-1] == ("points", 4)
    assert [q.unit for q in read("clients in each area: 4, 1 and 3")] == ["clients", "clients", "clients"]


def test_a_number_after_an_area_word_counts_what_is_in_the_area():
    """'in het derde gebied 5', 'areas: 4 / 2 / 3 clients': the numbers are clients, not numbers of areas."""
    assert "areas" not in [q.unit for q in read("stel dat het derde gebied 5 heeft")]
    assert [q.unit for q in read("postcode areas: 4 / 2 / 3 clients")] == ["clients", "clients", "clients"]


def test_hours_per_week_beside_hours_per_year_are_put_per_year():
    """'3.500 uur per jaar ... 20 uur per week' (lexicon [rates]): the weekly hours times the weeks named, else 52;
    per month times 12; the amount said and its factor kept. Hours all said per week stay as they are."""
    qs = read("Jaarlijks 3.500 uren zorg; de zzp'er draait 20 uur per week, 45 weken, en per maand 100 uur gaat naar de dochter.")
    hours = [(q.value, q.per, q.times) for q in qs if q.unit == "hours"]
    assert hours == [(3500, None, None), (900, "week", (45, 20)), (1200, "month", (12, 100))]
    assert [q.value for q in read("90 hours a year in total, a nurse does 2 hours a week") if q.unit == "hours"] == [90, 104]
    assert [q.value for q in read("we doen 300 uur per week, waarvan 120 uur per week door zzp'ers") if q.unit == "hours"] == [300, 120]
    # weeks that are no part of the working year ("6 weken vakantie") leave a year's 52; "48 weken per jaar" counts
    assert [q.value for q in read("Per jaar 4.000 uur; de zzp'er doet 20 uur per week en heeft 6 weken vakantie") if q.unit == "hours"] == [4000, 1040]
    assert [q.value for q in read("4.000 zorguren per jaar, een zzp'er doet 25 uur per week, 48 weken per jaar") if q.unit == "hours"] == [4000, 1200]


def test_a_date_without_a_year_takes_the_year_the_text_writes():
    """'31 mei 2026 valt op een zondag; mag het op 1 juni?': 1 juni is of 2026, not of the default year."""
    dates = [q.value for q in read("Omdat 31 mei 2026 een zondag is: mag de upload op maandag 1 juni nog?") if q.kind == "date"]
    assert [d.isoformat() for d in dates] == ["2026-05-31", "2026-06-01"]
    assert [q.value.year for q in read("deadline 1 maart, en 2 maart 2027?", default_year=2026) if q.kind == "date"] == [2027, 2027]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het zijn er bijna 5 fte (4,6 om precies te zijn).", [("count", Decimal("4.6"), "fte", None)]),
        ("Roughly 30k hours, 29,400 to be exact.", [("count", Decimal("29400"), "hours", None)]),
        # another input's words or a part between or in the aside: two figures
        ("Plafond 800.000, omzet precies 700.000", [("number", Decimal("800000"), None, None), ("number", Decimal("700000"), None, None)]),
        ("Totaal 10.000 uur (exact 9.000 eigen personeel)", [("count", Decimal("10000"), "hours", None), ("number", Decimal("9000"), None, None)]),
        ("ruim 80 cliënten, precies 83, in 20 gebieden",
         [("count", Decimal("83"), "clients", None), ("count", Decimal("20"), "areas", None)]),
        # not said again: a second figure of its own, or too far from the first in size
        ("we hebben 4 fte (en 2 vacatures)", [("count", Decimal("4"), "fte", None), ("number", Decimal("2"), None, None)]),
        ("ongeveer 40 cliënten, precies 12 in 5041",
         [("count", Decimal("40"), "clients", "approx"), ("count", Decimal("12"), "clients", None)]),
    ],
)
def test_a_figure_said_again_precisely_is_the_one_figure(text, expected):
    got = [(q.kind, q.value, q.unit, q.bound) for q in read(text) if q.kind in ("count", "number", "money", "percent")]
    assert got == expected


def test_the_numbers_of_an_enumeration_are_markers_not_figures():
    """"(1) Geldt ...? (2) Welke ...?": the parts' numbers are no counts; a count in brackets after a postcode stays."""
    assert [q for q in read("Nieuwe aanbieder. (1) Geldt de eis voor ons? (2) Welke omzet is nodig?") if q.kind != "year"] == []
    assert [q.text for q in read("1) Hoeveel uur mag uitbesteed? 2) Tot wanneer?")] == []
    assert [str(q.value) for q in read("6101 (5), 6102 (1) en 6103 (3)")] == ["6101", "5", "6102", "1", "6103", "3"]


def test_counts_joined_by_dashes_are_a_list_and_two_are_still_a_range():
    """'3 - 1 - 4 - 2' lists counts (a range has two ends); '50-65 cliënten' stays a range."""
    assert [(q.kind, q.value) for q in read("per gebied: 3 - 1 - 4 - 2 cliënten")] == [
        ("count", Decimal(3)), ("count", Decimal(1)), ("count", Decimal(4)), ("count", Decimal(2))]
    assert [q.kind for q in read("tussen 50-65 cliënten per fte")] == ["range"]


def test_the_whole_of_a_share_said_in_words_is_100_percent_unless_the_figure_stands_beside_it():
    assert [(q.kind, q.value) for q in read("they pay the entire honoured budget")] == [("percent", Decimal(100))]
    assert [(q.kind, q.value) for q in read("we leveren alle zorg (100%) zelf")] == [("percent", Decimal(100))]
    assert [q.kind for q in read("alle aanbieders moeten zich inschrijven")] == []  # not a share of a whole


def test_the_size_of_one_more_person_is_the_change():
    """'one more nurse at 0.4 fte': the person is counted as staff, the 0.4 fte is what is added."""
    got = [(q.value, q.unit, q.change) for q in read("we take on one more case manager at 0.4 fte")]
    assert got == [(Decimal(1), "staff", "more"), (Decimal("0.4"), "fte", "more")]


@pytest.mark.parametrize(
    "text",
    [
        "Do all our clients receive care at home?",
        "Moeten alle aanbieders met zorg in de regio zich opnieuw inschrijven?",
        "10,000 hours in total; all of the wound care hours go to freelancers",
        "Do we need to report all hours of care?",
    ],
)
def test_all_before_other_words_is_no_share(text):
    """Only a possessive, an article or a word naming the budget may stand between 'all' and the whole it takes."""
    assert [q for q in read(text) if q.kind == "percent"] == []


def test_a_clients_count_beside_a_new_person_is_not_part_of_the_change():
    """'one more nurse for 130 clients': the words that give a person's size join only fte or hours to the person,
    so the 130 clients stay as said; 'one more nurse for 0.5 fte' is 0.5 fte more."""
    got = [(q.value, q.unit, q.change) for q in read("what if one more nurse for 130 clients at 0.5 fte joins?")]
    assert (Decimal(130), "clients", None) in got
    got = [(q.value, q.unit, q.change) for q in read("what if one more nurse for 0.5 fte joins?")]
    assert (Decimal("0.5"), "fte", "more") in got


def test_a_score_letter_after_a_year_and_an_article_is_a_score():
    """'in 2027 gewoon de A' is the score A of 2027 (the year opens the clause; "gewoon de" stands between)."""
    from assistant.text.quantities import read

    scores = [(q.value, q.years) for q in read("Stel dat we in 2027 gewoon de A hadden weten te houden?") if q.kind == "score"]
    assert scores == [("A", (2027,))], scores


@pytest.mark.parametrize(
    "text",
    [
        "Stel dat er vijf cliënten bij komen bij dezelfde 1,2 fte?",
        "Suppose three extra clients join, keeping the same 0.6 fte.",
    ],
)
def test_a_figure_said_as_kept_is_no_change(text):
    """'... with the same 0.9 fte': the clients change, the fte said as kept has no change of its own."""
    got = {q.unit: q.change for q in read(text) if q.kind == "count"}
    assert got["clients"] == "more" and got["fte"] is None, got


def test_a_share_in_words_is_written_as_the_texts_write_it():
    """'de helft' is 50% for the words a question is looked up with; digits and other words stay as they are."""
    from assistant.text.quantities import in_digits

    assert in_digits("Mogen wij de helft van onze uren uitbesteden?") == "Mogen wij 50% van onze uren uitbesteden?"
    said = "Doen onze eigen mensen een kwart van de zorg, naast 20% zzp?"
    assert in_digits(said) == "Doen onze eigen mensen 25% van de zorg, naast 20% zzp?"
    assert in_digits("Hoeveel cliënten per fte?") == "Hoeveel cliënten per fte?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Onze waardemodelscore was A voor 2026, in 2027 dalen we naar een C.", [("A", (2026,)), ("C", (2027,))]),
        ("Our score was B for 2026, and in 2027 we slip to a C.", [("B", (2026,)), ("C", (2027,))]),
        ("Een A in 2026 en 2027, en een B in 2028.", [("A", (2026, 2027)), ("B", (2028,))]),
    ],
)
def test_a_year_that_opens_the_next_letters_clause_is_that_letters(text, expected):
    """'A in 2026, in 2027 dalen we naar C': 2027 opens the clause of C, it is not A's second year."""
    assert [(q.value, q.years) for q in read(text) if q.kind == "score"] == expected


@pytest.mark.parametrize(
    "text", ["Our value-model score: a B for 2026 and again for 2027.", "Waardemodel: een B voor 2026 en opnieuw voor 2027."]
)
def test_a_letter_said_again_for_a_second_year_holds_both(text):
    """'a B for 2026 and again for 2027': the year after 'again' is the same letter's."""
    assert [(q.value, q.years) for q in read(text) if q.kind == "score"] == [("B", (2026, 2027))]


@pytest.mark.parametrize(
    "text, staff_change, fte",
    [
        ("Stel dat er een vijfde wijkverpleegkundige bijkomt van 0,7 fte.", "more", Decimal("0.7")),
        ("Suppose a third nurse joins us at 0.8 fte.", "more", Decimal("0.8")),
        ("What if one extra level-5 employee starts at 0.6 fte?", "more", Decimal("0.6")),
        ("Als er nog een niveau 6 verpleegkundige bij komt van 0,5 fte?", "more", Decimal("0.5")),
        ("What if another level 6 colleague comes in at 0.9 fte?", "more", Decimal("0.9")),
    ],
)
def test_a_person_said_with_an_ordinal_or_a_level_is_one_more_person_with_their_fte(text, staff_change, fte):
    """'een vijfde wijkverpleegkundige', 'one more level-5 nurse': one person (an ordinal after an article, a level
    between the count and the person word); their fte is the change that comes with them, not the new total."""
    qs = read(text)
    staff = [q for q in qs if q.unit == "staff"]
    sized = [q for q in qs if q.unit == "fte"]
    assert [(q.value, q.change) for q in staff] == [(Decimal(1), staff_change)], qs
    assert [(q.value, q.change) for q in sized] == [(fte, staff_change)], qs


def test_an_ordinal_of_a_place_stays_an_ordinal():
    """'in het derde gebied', 'the second area', 'de vierde casemanager' (no article 'een'): a place, no person added."""
    assert [q.kind for q in read("in het derde gebied 5 cliënten")] == ["ordinal", "count"]
    assert [q.kind for q in read("de vierde casemanager heeft 0,5 fte")] == ["ordinal", "count"]


def test_a_currency_word_before_a_comma_is_no_currency_of_the_number_after_it():
    """'90.000 euro, 38 clienten': the comma ends the amount; the number after it is counted by its own unit."""
    qs = read("Omzet verwacht 90.000 euro, 38 clienten in 14 postcodegebieden")
    assert [(q.kind, q.value, q.unit) for q in qs] == [
        ("money", 90000, None), ("count", 38, "clients"), ("count", 14, "areas")
    ]
    for text in ("omzet eur 62.500 per jaar", "omzet in euro: 62.500", "Omzet (EUR): 62.500"):
        assert [(q.kind, q.value) for q in read(text)] == [("money", 62500)], text


def test_a_four_digit_number_before_a_place_name_is_a_postcode():
    """"5612 in Tilburg", "6211 Maastricht": a place's postcode, no count; a unit written with a capital stays a count."""
    assert [(q.kind, q.value) for q in read("Valt 5612 in Tilburg binnen het kernwerkgebied?")] == [("postcode", "5612")]
    assert [(q.kind, q.value) for q in read("ons kantoor zit op 6211 Maastricht")] == [("postcode", "6211")]
    assert [(q.kind, q.unit) for q in read("In totaal 1400 Uren zorg")] == [("count", "hours")]


def test_thousands_after_a_label_take_the_labels_unit_and_an_amount_keeps_its_own():
    """"Geplande uren: 24k. 10k door zzp'ers, 14k eigen personeel.": hours throughout; "Omzet: 40k." stays money
    beside a count of clients in the next sentence."""
    said = read("Geplande uren: 24k. 10k door zzp'ers, 14k eigen personeel.")
    assert [(q.kind, q.value, q.unit) for q in said] == [
        ("count", Decimal("24000"), "hours"), ("count", Decimal("10000"), "hours"), ("count", Decimal("14000"), "hours")
    ]
    said = read("Omzet: 40k. We hebben 3 clienten.")
    assert [(q.kind, q.value) for q in said] == [("money", Decimal("40000")), ("count", Decimal("3"))]


def test_half_said_as_the_maximum_is_fifty_percent():
    said = read("Was de helft als maximum ook toen al de regel?")
    assert [(q.kind, q.value) for q in said] == [("percent", Decimal("50"))]


def test_a_number_before_a_month_or_after_a_counted_thing_is_no_postcode():
    assert [q.kind for q in read("Planned 1400 in March, 1600 in April")] == ["number", "period", "number", "period"]
    said = read("We plannen 2000 zorguren; 1300 in Venlo en 700 in Roermond.")
    assert [(q.kind, q.unit) for q in said] == [("count", "hours")] * 3, said


def test_a_labels_unit_goes_only_to_amounts_in_thousands_and_stops_at_money():
    said = read("Geplande uren: 24k. Daarnaast 12 teams.")
    assert [(q.kind, q.unit) for q in said] == [("count", "hours"), ("number", None)], said
    said = read("Uren 2027: 20k. Omzet 2027: 900k. Daarvan 300k via onderaanneming.")
    assert [q.kind for q in said if q.kind != "year"] == ["count", "money", "money"], said
