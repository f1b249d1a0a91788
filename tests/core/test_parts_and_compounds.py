"""Multi-part questions cut into their parts (assistant/answer/parts.py) and compound splitting in retrieval
(assistant/retrieve/analysis.py); phrasings are our own."""

from __future__ import annotations

import pytest

from assistant.answer.parts import split_parts
from assistant.retrieve.analysis import CompoundSplitter


@pytest.mark.parametrize(
    ("text", "own"),
    [
        (  # a statement ending in a year, then a question in lower case: the statement is context
            "wij starten in 2026. hoe schrijven we ons in en wanneer horen we iets?",
            ["hoe schrijven we ons in?", "wanneer horen we iets?"],
        ),
        (
            "Who signs the agreement for us, and when and where do we send the signed copy?",
            ["Who signs the agreement for us?", "when do we send the signed copy?", "where do we send the signed copy?"],
        ),
        (  # two question words share the rest of the question
            "Hoe en vanaf wanneer kunnen wij ons aanmelden voor de regiefunctie?",
            ["Hoe kunnen wij ons aanmelden voor de regiefunctie?", "vanaf wanneer kunnen wij ons aanmelden voor de regiefunctie?"],
        ),
        (  # a preposition belongs to its own question word; the noun after "welke" to both
            "Tot wanneer en hoe kan een regio het RESV-plan aanleveren?",
            ["Tot wanneer kan een regio het RESV-plan aanleveren?", "hoe kan een regio het RESV-plan aanleveren?"],
        ),
        (
            "Hoeveel en welke functies koopt CZ regionaal in?",
            ["Hoeveel functies koopt CZ regionaal in?", "welke functies koopt CZ regionaal in?"],
        ),
        (  # an enumeration: each item asked with the words before the first mark
            "Waar meld ik (a) een nieuwe onderaannemer en (b) een wijziging van onze locaties?",
            ["Waar meld ik een nieuwe onderaannemer?", "Waar meld ik een wijziging van onze locaties?"],
        ),
        (
            "Which forms do we need for 1) a new subcontractor, 2) a merger, and 3) a change of AGB code?",
            [
                "Which forms do we need for a new subcontractor?",
                "Which forms do we need for a merger?",
                "Which forms do we need for a change of AGB code?",
            ],
        ),
        (  # after a comma, a verb before its article opens a yes/no part
            "Hoe lang duurt de beoordeling, telt een zieke medewerker mee, en wie neemt het besluit?",
            ["Hoe lang duurt de beoordeling?", "telt een zieke medewerker mee?", "wie neemt het besluit?"],
        ),
        (
            "What does the ceiling cover, does the bonus count towards it?",
            ["What does the ceiling cover?", "does the bonus count towards it?"],
        ),

        (
            "About the innovation budget: who may apply, is there a maximum amount, and when is the decision?",
            ["About the innovation budget: who may apply?", "is there a maximum amount?", "when is the decision?"],
        ),
        (  # a part that opens with a preposition before its question word still asks
            "Even kort: bij wie melden we een calamiteit, en binnen welke termijn moet dat?",
            ["Even kort: bij wie melden we een calamiteit?", "binnen welke termijn moet dat?"],
        ),
        (  # chat style: a full stop before a lowercase word ends a statement; "halen we" asks
            "bestaande aanbieder. 70 clienten over 30 postcodegebieden. redden we de norm van 2026 en wat als het 2027 is?",
            ["redden we de norm van 2026?", "wat als het 2027 is?"],
        ),
        (  # a verb before its subject after ", en" opens a yes/no part
            "Over het innovatiebudget: wie mag een plan indienen, en krijgen we bericht als het wordt afgewezen?",
            ["Over het innovatiebudget: wie mag een plan indienen?", "krijgen we bericht als het wordt afgewezen?"],
        ),
        (
            "Uiterlijk wanneer moeten we tekenen, en hoe weten we of we gecontracteerd zijn?",
            ["Uiterlijk wanneer moeten we tekenen?", "hoe weten we of we gecontracteerd zijn?"],
        ),
        (  # a bare question word between two questions asks of the one before it, and a comma ends it
            "Which share of care may go to zzp'ers and from when, and who checks the hours?",
            ["Which share of care may go to zzp'ers?", "from when?", "who checks the hours?"],
        ),
        (  # a dash before a question word: the statement before it is the setting of the parts after it
            "Say CZ honours part of our request - how much of it is paid, and when is the decision made?",
            ["how much of it is paid?", "when is the decision made?"],
        ),
        (
            "Hoeveel moet de reisuitstoot omlaag en tegen wanneer, en wat vraagt CZ van het wondmateriaal?",
            ["Hoeveel moet de reisuitstoot omlaag?", "tegen wanneer?", "wat vraagt CZ van het wondmateriaal?"],
        ),
        (  # a question word of two words after "en": the first asks "hoe", the second "hoe vaak"
            "Hoe en hoe vaak melden we een wijziging in ons team?",
            ["Hoe melden we een wijziging in ons team?", "hoe vaak melden we een wijziging in ons team?"],
        ),
        (
            "When and how long must the night nurse be reachable?",
            ["When must the night nurse be reachable?", "how long must the night nurse be reachable?"],
        ),
        (  # "and" inside a noun phrase before the verb ("loon- en materiële kosten wordt"): one clause, not a part
            "Hoe wordt de begroting geïndexeerd, en welke verdeling tussen loon- en materiële kosten wordt gebruikt?",
            ["Hoe wordt de begroting geïndexeerd?", "welke verdeling tussen loon- en materiële kosten wordt gebruikt?"],
        ),
    ],
)
def test_a_question_is_cut_into_its_parts(text, own):
    assert [p for _, p in split_parts(text)] == own


@pytest.mark.parametrize(
    "text",
    [
        "Hoeveel uren mogen we uitbesteden, gegeven de 3 locaties die we hebben?",
        "What is the deadline, assuming the registration is complete?",
        "Welke eisen gelden er, zoals de eisen voor de wondzorg?",
        "en wat gold daar in 2024, kreeg een verpleegkundige niveau 5 toen een plek?",  # the first piece frames the second
        "Which address do we use (see the form) for that?",  # one mark is no enumeration
        "Hoeveel uren mogen naar onderaannemers, naast de uren van de eigen mensen?",
        "Tellen (a) stagiaires en (b) invalkrachten mee als eigen personeel?",  # the items share the words after them
        "Sturen we (1) een brief of (2) een e-mail voor de inschrijving?",  # a choice is one question
        "Mogen we zzp-ers inzetten en zo ja, hoeveel?",  # "zo ja, hoeveel" asks on the question before
        "Which ratio of wages and equipment is applied?",  # "and" between two nouns before the verb
        "Suppose we sign up on 3 February 2027 - how soon will CZ reply?",  # a supposition, then the question
    ],
)
def test_a_phrase_after_a_comma_is_no_part(text):
    assert len(split_parts(text)) == 1


def test_a_condition_before_the_question_is_no_part():
    assert len(split_parts("Als we 40 cliënten hebben, mogen we ons dan inschrijven?")) == 1


def test_a_verb_ending_is_not_the_second_word_of_a_compound():
    splitter = CompoundSplitter(["zorg", "aanbod", "public", "controle", "kwaliteit", "informatie"])
    assert splitter.split("publiceren") == ()
    assert splitter.split("kwaliteitsinformatie")[-1] == "informatie"


def test_a_last_question_typed_without_its_question_mark_is_a_part():
    parts = split_parts("vanaf welke datum telt de nieuwe regel? en welk formulier hoort daarbij")
    assert [p for _, p in parts] == ["vanaf welke datum telt de nieuwe regel?", "en welk formulier hoort daarbij"]
    assert len(split_parts("Startende organisatie hier. Op dit moment 40 cliënten")) == 1  # statements: no question


def test_a_part_that_points_back_with_a_pronoun_borrows_the_words_before():
    parts = split_parts("What training must a wound consultant have, and how many years of experience are required of her?")
    assert len(parts) == 2 and "wound consultant" in parts[1][0] and parts[1][1].startswith("how many years")


def test_a_part_with_its_own_verb_and_subject_borrows_nothing():
    parts = split_parts("Wanneer gaat de contracteerronde open? En wanneer verschijnt het productievoorstel?")
    assert [full for full, _ in parts] == ["Wanneer gaat de contracteerronde open?", "En wanneer verschijnt het productievoorstel?"]
    short = split_parts("Wie beoordeelt de aanvraag, en wanneer?")  # a bare question word still borrows
    assert "aanvraag" in short[-1][0]


def test_a_part_after_a_comma_may_open_with_a_preposition_before_its_question_word():
    parts = split_parts("Over het bezwaar: vanaf wanneer kan het, tot welke datum, en hoe dienen we het in?")
    assert len(parts) == 3, parts


def test_an_elaboration_after_a_comma_is_no_part_of_its_own():
    assert len(split_parts("Wat houdt de reactietermijn in, binnen hoeveel werkdagen krijgen we antwoord?")) == 1


def test_a_separable_verb_said_apart_meets_the_whole_verb():
    """'op te stellen' and 'opstellen', 'in te dienen' and 'indienen' share a term (vocabulary.toml [separable])."""
    from assistant.retrieve.analysis import analyse

    assert set(analyse("het plan op te stellen")) & set(analyse("wie moet het plan opstellen?"))
    assert set(analyse("het bezwaar in te dienen")) >= set(analyse("indienen"))
    assert not set(analyse("de uren te leveren")) & set(analyse("aanleveren"))  # no particle before "te": no verb joined


def test_a_linking_s_is_no_part_of_the_first_word():
    """'veiligheids' (from 'veiligheids- en kwaliteitseisen') is no head of its own: 'veiligheidsmaatregelen' is
    veiligheid + s + maatregelen."""
    splitter = CompoundSplitter(["veiligheid", "veiligheids", "maatregelen", "verbetering"])
    assert splitter.split("veiligheidsmaatregelen") == ("veiligheid", "maatregelen")
    assert splitter.split("veiligheidsverbetering") == ("veiligheid", "verbetering")


def test_a_how_question_with_a_separable_verb_said_apart_asks_for_the_channel():
    """'hoe geven we ... door?' is 'doorgeven' (vocabulary.toml [separable]): a way of sending, so the channel is
    asked; a how-question with another verb is not ("hoe geven we invulling aan ...?")."""
    from assistant.answer.asked import asked

    assert asked("Hoe geven we een andere locatie door?").kind == "contact"
    assert asked("hoe sturen we de verklaring op?").kind == "contact"
    assert asked("How must a change in our team be reported?").kind == "contact"  # a passive verb, late
    assert asked("Hoe geven we invulling aan de eis van een vast team?") is None


def test_which_shares_asks_every_share_with_what_it_is_a_share_of():
    from assistant.answer.asked import asked, with_its_words
    from assistant.text.quantities import read

    a = asked("Welke percentages noemt CZ voor de verdeling van het budget?")
    assert a.kind == "percent" and a.several
    assert not asked("Welk percentage mag in onderaanneming?").several
    text = "De kosten worden verdeeld (70% loonkosten en 30% overige kosten) over de regio's."
    said = [with_its_words(text, q) for q in read(text) if q.kind == "percent"]
    assert said == ["70% loonkosten", "30% overige kosten"]


@pytest.mark.parametrize(
    ("text", "own"),
    [
        (
            "Welke uiterste data gelden voor het aanleveren van de kwaliteitsgegevens, het maken van bezwaar en het "
            "ondertekenen van de overeenkomst?",
            [
                "Welke uiterste datum geldt voor het aanleveren van de kwaliteitsgegevens?",
                "Welke uiterste datum geldt voor het maken van bezwaar?",
                "Welke uiterste datum geldt voor het ondertekenen van de overeenkomst?",
            ],
        ),
        (
            "Which deadlines: signing up as a starting organisation and objecting to the outcome?",
            ["Which deadline — signing up as a starting organisation?", "Which deadline — objecting to the outcome?"],
        ),
    ],
)
def test_several_values_listed_for_things_are_one_part_per_thing(text, own):
    """A plural noun of values, then the things they are for: each thing asked for one value (singular)."""
    assert [p for _, p in split_parts(text)] == own


@pytest.mark.parametrize(
    "text",
    [
        "Welke datums gelden voor kindzorg en wijkverpleging?",  # two short items, no colon: one question
        "Welke data moeten we aanleveren voor de kwaliteit, de wachttijden en de cliëntervaring?",  # data: gegevens
        "Which deadlines apply to us as a new provider?",
    ],
)
def test_a_plural_value_question_without_a_list_is_one_part(text):
    assert len(split_parts(text)) == 1


@pytest.mark.parametrize(
    "text",
    ["Hoeveel fte is nodig voor 200 cliënten, en hoeveel uur een zzp'er?", "Welke opleiding heeft de wondregisseur en welke opleiding de wondconsulent?"],
)
def test_a_part_whose_question_word_heads_a_noun_still_borrows(text):
    first, second = split_parts(text)
    assert len(second[0].split()) > len(second[1].split()), second  # the words of the part before are added


def test_a_part_whose_other_words_only_point_back_borrows_the_words_before():
    """'... en welk gevolg heeft het als we daar onder zakken?': 'daar' points at the rule of the part before; it is no
    word of the part's own, so the part is asked with the words of the part before."""
    parts = split_parts("Hoeveel uur scholing moet een verpleegkundige volgen? En welk gevolg heeft het als we daar onder zakken?")
    assert len(parts) == 2 and "scholing" in parts[1][0] and parts[1][1].startswith("En welk gevolg")
    own = split_parts("Hoeveel uur scholing is verplicht? En wat volgt er als de coördinator dat jaarlijkse verslag niet instuurt?")
    assert "scholing" not in own[1][0]  # words of its own: nothing borrowed


@pytest.mark.parametrize(
    "text, own",
    [
        (
            "Wat is er sinds 2024 gewijzigd bij de casemanager dementie, en bij de nachtzorg?",
            ["Wat is er sinds 2024 gewijzigd bij de casemanager dementie?",
             "Wat is er sinds 2024 gewijzigd bij de nachtzorg?"],
        ),
        (
            "Does the postcode rule apply to new providers, and to providers of child care?",
            ["Does the postcode rule apply to new providers?", "Does the postcode rule apply to providers of child care?"],
        ),
    ],
)
def test_a_phrase_after_and_with_the_same_preposition_asks_the_same_of_another_thing(text, own):
    assert [full for full, _ in split_parts(text)] == own


def test_a_phrase_after_and_beside_the_askers_figures_or_with_a_question_word_is_not_split_so():
    """'..., en in 2026?' beside '40 cliënten in 12 gebieden': what it replaces is not clear; '..., en bij welke
    afdeling?' asks with its own question word (split by the join, not as a phrase of the part before)."""
    assert len(split_parts("Halen we de norm met 40 cliënten in 12 gebieden, en in 2026?")) == 1
    parts = split_parts("Kunnen we bijcontracteren bij CZ, en bij welke afdeling?")
    assert parts[1][1] == "bij welke afdeling?"
