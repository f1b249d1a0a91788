"""Read a question once into typed quantities: `read(text) -> list[Quantity]`.

Every value a user types is read here and nowhere else (router, follow-ups, verify, the LLM guard and the
evaluation use it): counts of clients, areas, hours, fte, cost points (`count` with a `unit`), money, percentages,
dates and periods, 4-digit postcodes, waardemodel score letters (with the years their clause names), years
(also "vorig jaar", "dit jaar (2027)"), ranges ("50-65", "tussen 50 en 65"), ordinals ("het eerste gebied"),
and bare numbers whose kind the caller decides from its cues.

Each quantity carries its span, the words around it (`before`, `after`: folded, same sentence) for the router's
cue matching, the bound it is stated with ("ten minste 3" -> min, "niet meer dan 50%" -> max), and whether a
negation denies it ("niet langer A maar B": A is negated, B is not). The words that type a number are data in
lexicon.toml.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.text.dates import find_dates
from assistant.text.numbers import MULTIPLIERS, TIMES_WORDS, NumberMention, find_fractions, find_numbers, ordinal_value
from assistant.text.sentences import ABBREVIATION_END, sentence_spans

LEXICON_PATH = Path(__file__).with_name("lexicon.toml")
WINDOW = 8  # words of context kept on each side of a quantity
UNIT_GAP = 3  # filler words allowed between a number and its unit word


@dataclass(frozen=True)
class Quantity:
    kind: str  # count | money | percent | date | period | postcode | score | year | range | ordinal | number
    value: Any  # Decimal | date | (date, date) | "A" | int | (Decimal, Decimal) | str postcode
    start: int
    end: int
    text: str
    unit: str | None = None  # for counts and ranges: clients | areas | hours | fte | points | ...
    bound: str | None = None  # min | max | gt | lt | approx | until | since | within | before | after
    negated: bool = False
    years: tuple[int, ...] = ()  # score letters and cost points: the years their clause names
    before: tuple[str, ...] = ()  # folded words before it (nearest last), same sentence
    after: tuple[str, ...] = ()  # folded words after it (nearest first), same sentence
    explicit_year: bool = True  # dates: the year was written
    relative: bool = False  # dates: "half september" (the day is read, not written)
    digits: bool = True  # written with digits (a year or postcode is only ever written with digits)
    ratio: int | None = None  # "1 fte per 40 cliënten": both sides carry the same ratio number (its position)
    change: str | None = None  # "more" / "less": a change to a value stated before ("een halve fte meer")
    inferred_unit: bool = False  # the unit was carried over from a sibling in the sentence ("12.000 uur, waarvan 7.000 ...")
    times: tuple[Decimal, Decimal] | None = None  # a count for each of several areas: (areas, count each), value = product
    was: Decimal | None = None  # "van 0,6 naar 0,9 fte", "is cut back from 0.9 to 0.7": the value it changes from
    per: str | None = None  # hours said per week or month and put per year (`times`: the factor and the amount said)
    only: bool = False  # a score or points said for its year alone ("uitsluitend in 2027 een A"): not for the other years
    modifier: bool = False  # a percentage joined by a hyphen to the word after it ("onze 100%-dochter", "de 50%-regel"):
    # it names a kind of thing, not a figure of the asker's case

    @property
    def number(self) -> Decimal | None:
        return self.value if isinstance(self.value, Decimal) else None


@dataclass
class Lexicon:
    units: dict[str, set[str]]
    fillers: set[str]
    money_before: set[str]
    money_after: set[str]
    percent_after: set[str]
    bounds: dict[str, list[str]]
    negations: set[str]
    letter_denials: set[str]  # English verbs with a denial, denying a score letter only ("don't get an A")
    negation_verbs: set[str]
    not_denial: list[str]
    proposing: list[str]  # "niet gewoon": a question that proposes, not a denial
    contrast: set[str]
    score_context: set[str]
    relative_years: dict[str, int]
    both_years: list[str]
    more: list[str] = field(default_factory=list)
    around: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # "er 6 cliënten bij": (before, after)
    inverted: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # "8 gebieden geven we op": both after
    around_not_followed: list[str] = field(default_factory=list)  # "bij ons": a preposition, not the split verb
    around_joined: list[str] = field(default_factory=list)  # "bijkomen": the particle written onto its verb
    less: list[str] = field(default_factory=list)
    on_top_of: list[str] = field(default_factory=list)  # "bovenop (die) 580k": the figure added onto, no change
    to_party: list[str] = field(default_factory=list)  # "... overdragen aan een collega": whom a change goes to
    described: list[str] = field(default_factory=list)  # words that make a count part of the changed count before it
    size_of_person: list[str] = field(default_factory=list)  # words that join persons who come or go to their fte
    counted_one_by_one: list[str] = field(default_factory=list)  # units "how much" never asks a number of
    instead_of: list[str] = field(default_factory=list)  # "3 punten ipv 7": the new value first, the old after
    exact: list[str] = field(default_factory=list)  # words that say a figure again, precisely ("om precies te zijn")
    each_area: list[str] = field(default_factory=list)  # ... and make it a count for each of those areas
    together: list[str] = field(default_factory=list)  # ... and make it their count together
    result_words: list[str] = field(default_factory=list)  # "..., dus 3,5 fte": the result of the change before it
    more_inside: list[str] = field(default_factory=list)  # "10 nieuwe gebieden": more, said inside the quantity only
    still_before: list[str] = field(default_factory=list)  # "nog € 9.000 factureren": more, with a verb that adds up
    as_many: list[str] = field(default_factory=list)  # "evenveel uren minder": the figure of that unit said before, again
    not_a_name: frozenset[str] = frozenset()  # "300 of meer": words after a number that name nothing (no change after)
    accrues: list[str] = field(default_factory=list)  # ... the verbs that add up (billing, producing)
    hires: list[str] = field(default_factory=list)  # "we nemen iemand aan voor 0,5 fte, dus ...": how the result came
    own_words: list[str] = field(default_factory=list)  # possessives: "met onze 5 fte" names the asker's own figure
    unit_of: dict[str, str] = field(default_factory=dict)
    partitive: list[str] = field(default_factory=list)
    part_after: list[str] = field(default_factory=list)  # "800 daarvan": right after a figure, it is a part
    out_of: list[str] = field(default_factory=list)  # "3.000 van de 8.000 uur": the figure before is a part of the one after
    year_span: list[str] = field(default_factory=list)  # "2027-2029", "2027 t/m 2029": two years as one span
    apart_shares: list[str] = field(default_factory=list)  # "vorig jaar 30%, nu 45%": not two parts side by side
    further_parts: list[str] = field(default_factory=list)  # "... and a further 20%": a part beside the one before
    remains: list[str] = field(default_factory=list)  # "dan houden we er 120 over": the figure after a change
    one_alone: list[str] = field(default_factory=list)  # "... the area with just one": a count said by a word alone
    one_more_joins: list[str] = field(default_factory=list)  # "3 fte and one more at 0.5": one more person's figure
    one_more_after: list[str] = field(default_factory=list)
    one_more_at: list[str] = field(default_factory=list)
    restates: list[str] = field(default_factory=list)  # "330k (82,5%)": a share said of the amount before it
    rule_named_before: list[str] = field(default_factory=list)  # "de eis van 3": the figure of a rule named
    allows: list[str] = field(default_factory=list)  # "mag", "may": a rule's permission, as `obligation` its duty
    containing: list[str] = field(default_factory=list)
    per_each: frozenset[str] = frozenset()  # "per fte", "elke cliënt": the unit counted per, not the thing counted
    each_after: tuple[str, ...] = ()  # "0,6 fte elk", "0.4 fte each": the size of each of a count of persons
    asks_count: tuple[str, ...] = ()  # "hoeveel fte ...": the unit asked for, no label of the figures after it
    rest_of_whole: list[str] = field(default_factory=list)  # "de rest", "the remainder": a cue after them is the rest's
    conclusion: list[str] = field(default_factory=list)
    conclusion_at: list[str] = field(default_factory=list)
    confirms: list[str] = field(default_factory=list)
    confirm_requests: list[str] = field(default_factory=list)  # "bevestig even dat ...", "please confirm ..."

    def confirming(self) -> list[str]:
        """The words that ask to confirm what is said: a tag ("toch?", "right?") or a request ("please confirm")."""
        return [*self.confirms, *self.confirm_requests]
    increment: list[str] = field(default_factory=list)
    rule_words: list[str] = field(default_factory=list)
    one_more_area: list[str] = field(default_factory=list)
    where_said: list[str] = field(default_factory=list)
    why_said: list[str] = field(default_factory=list)  # "waarom niet?": why the previous answer is so
    why_rest: set[str] = field(default_factory=set)  # the only words a why-follow-up adds ("waarom dan eigenlijk?")
    earlier_registration: set[str] = field(default_factory=set)  # "in 2025 afgewezen": an earlier registration's year
    descriptors: set[str] = field(default_factory=set)
    rule_reference: list[str] = field(default_factory=list)
    clause_only: list[str] = field(default_factory=list)
    clause_anywhere: list[str] = field(default_factory=list)
    rule_copulas: list[str] = field(default_factory=list)
    rule_subjects: list[str] = field(default_factory=list)
    rule_case_words: list[str] = field(default_factory=list)
    weak_asks: set[str] = field(default_factory=set)
    rate_per: list[str] = field(default_factory=list)
    joining: set[str] = field(default_factory=set)
    clause_subjects: list[str] = field(default_factory=list)
    money_nouns: set[str] = field(default_factory=set)
    obligation: list[str] = field(default_factory=list)  # "welk percentage moeten we bereikt hebben?": a rule's value
    condition: list[str] = field(default_factory=list)  # words that open a condition ("als", "what if")
    of_persons: list[str] = field(default_factory=list)  # "two of them": persons a change is said of
    both_persons: list[str] = field(default_factory=list)  # "beide", "both"
    from_to_verbs: list[str] = field(default_factory=list)
    openers: list[str] = field(default_factory=list)
    acknowledgements: list[str] = field(default_factory=list)
    there: list[str] = field(default_factory=list)
    revert: list[str] = field(default_factory=list)
    keep_change: list[str] = field(default_factory=list)
    keeps: list[str] = field(default_factory=list)
    same_as_before: list[str] = field(default_factory=list)
    same_adjectives: list[str] = field(default_factory=list)
    same_said_after: list[str] = field(default_factory=list)  # "are the dates identical?": the same-word after the thing
    same_as_before_not_after: list[str] = field(default_factory=list)
    same_as_before_not_followed: list[str] = field(default_factory=list)
    same_words: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # short closing questions that ask the calculation again
    adds_to_last: list[str] = field(default_factory=list)  # words that add figures to the last calculation's
    drop_area: list[str] = field(default_factory=list)  # words that take areas out ("dat gebied met 1 cliënt eruit")
    asks_change: list[str] = field(default_factory=list)  # a follow-up asking whether the outcome turns
    new_case: list[str] = field(default_factory=list)  # a message opening another case: no slot carries into it
    compares: list[str] = field(default_factory=list)  # words that compare the policy texts of two years
    compared_since: list[str] = field(default_factory=list)  # words that set a time to compare with ("sinds 2024")
    year_then_name: set[str] = field(default_factory=set)  # "2027 CZ contract": capitals after a year naming the insurer
    corrects: list[str] = field(default_factory=list)  # "my mistake", "vergissing": the figures said before, corrected
    amends: list[str] = field(default_factory=list)  # "pas je antwoord aan", "change your answer": the answer disputed
    back: list[str] = field(default_factory=list)
    back_subject: list[str] = field(default_factory=list)  # "is that stricter?": a part about what was said before
    moved_to: list[str] = field(default_factory=list)
    moved_from: list[str] = field(default_factory=list)
    moved_as: list[str] = field(default_factory=list)
    does_that: list[str] = field(default_factory=list)
    supposing: list[str] = field(default_factory=list)
    moved_to_only: list[str] = field(default_factory=list)  # words that say where hours go, not who does them now
    moved_back: list[str] = field(default_factory=list)  # "terughalen naar ons eigen team": from the party that had them
    all_of: list[str] = field(default_factory=list)
    some_of: list[str] = field(default_factory=list)
    shorthand: dict[str, str] = field(default_factory=dict)  # chat shorthand -> the words it stands for
    replaced: list[str] = field(default_factory=list)
    spread: list[str] = field(default_factory=list)
    restriction: list[str] = field(default_factory=list)
    opposites: list[tuple[list[str], list[str]]] = field(default_factory=list)  # groups of opposite sense
    any_time: list[str] = field(default_factory=list)  # "all year round": a time claimed without bounds
    period_end: list[str] = field(default_factory=list)
    inflections: list[str] = field(default_factory=list)  # endings a cue word may carry (cue_pattern)
    period_start: list[str] = field(default_factory=list)
    exception: list[str] = field(default_factory=list)  # "een uitzondering voor ...": a rule does not hold for it
    denying_determiners: list[str] = field(default_factory=list)  # "geen coöperatie": the noun after is denied
    full_time: set[str] = field(default_factory=set)  # "fulltime", "voltijds": persons said so are fte
    units_before: set[str] = field(default_factory=set)  # units that may stand before their number ("fte 1,8")
    measures: set[str] = field(default_factory=set)  # units a year never qualifies ("die 2000 uur" counts hours)
    exception_ends: list[str] = field(default_factory=list)  # "uitzondering voor X die ...": X ends before "die"
    not_full_time: set[str] = field(default_factory=set)  # "mostly full-time": not all of them
    # hours said per week or per month beside hours per year: the words of each period, and how many of it a year has
    rates: dict[str, list[str]] = field(default_factory=dict)
    per_year: dict[str, int] = field(default_factory=dict)
    only_year: list[str] = field(default_factory=list)  # "alleen in 2026": a score for that year alone
    permission: list[str] = field(default_factory=list)  # "mogen we ...?": what follows is asked, not stated
    added_amount: list[str] = field(default_factory=list)  # "hoeveel fte moet er bij?": how much more than there is
    several_rules: list[str] = field(default_factory=list)  # "halen we ze allebei?": more than one rule asked
    loose_bounds: list[str] = field(default_factory=list)  # "ruim 77%": a size, not a limit

    def _bound_word(self, word: str) -> bool:
        """A word of a bound phrase ("ten minste", "maximaal"): never read as a mistyped unit."""
        return any(word in p.split() for ps in self.bounds.values() for p in ps)

    def unit_for(self, word: str) -> str | None:
        """The unit a folded word names: exact, after a "cz-" prefix ("cz-kinderen"), as the last part of a
        hyphenated compound ("zzp-uren", "bureau-uren"), or (for known words of 6+ letters) with one typo."""
        if word in self.unit_of:
            return self.unit_of[word]
        if word.startswith("cz-") and word[3:] in self.unit_of:
            return self.unit_of[word[3:]]
        head = word.rsplit("-", 1)[-1]
        if head != word and head in self.unit_of:
            return self.unit_of[head]
        if len(word) >= 5 and not self._bound_word(word):  # "ten minste 1": "minste" is no "minute" mistyped
            for known, unit in self.unit_of.items():  # (a word of 5 letters: one letter of a 6-letter word left out)
                if len(known) >= 6 and one_edit(word, known):
                    return unit
        return None


@lru_cache(maxsize=1)
def _shorthand() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    table = lexicon().shorthand
    if not table:
        return None, table
    words = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{words})(?![\w-]|\.\w)", re.I), table  # never inside "wnr.nl", "mn-tekst"


EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*\w")  # an e-mail address (the policy's own, or one the asker names)
ADDRESS = re.compile(rf"{EMAIL.pattern}|(?:https?://|www\.)\S+")  # an e-mail or web address


def without_addresses(text: str, instead: str = " ") -> str:
    """The text with each e-mail or web address replaced: its parts ("zorgteam.wijkverpleging@cz.nl") are no words
    of the question."""
    return ADDRESS.sub(instead, text)


PREFACE_WORDS = 4  # a preface before a colon has at most this many words


def without_preface(text: str) -> str:
    """`text` without a preface that only says a question follows ("Even checken: wanneer ...", "Quick check: ...";
    lexicon `preface`), so its words ("checken") are not read as what is asked."""
    head, colon, rest = text.partition(":")
    words = re.findall(r"[\w'-]+", fold(head))
    preface = set(lexicon_data()["words"].get("preface", []))
    if not colon or not rest.strip() or not words or len(words) > PREFACE_WORDS or not all(w in preface for w in words):
        return text
    return rest.lstrip()


def expand_shorthand(text: str) -> str:
    """Chat shorthand written out ("wnnr" -> "wanneer"; lexicon.toml [shorthand]), a capital kept."""
    pattern, table = _shorthand()
    if pattern is None:
        return text

    def full(m: re.Match[str]) -> str:
        out = table[fold(m.group(0))]
        return out[:1].upper() + out[1:] if m.group(0)[:1].isupper() else out

    return pattern.sub(full, text)


@lru_cache(maxsize=1)
def lexicon_data() -> dict:
    """lexicon.toml as read, once (tables that one reader uses, e.g. [parts] for multi-part questions)."""
    return tomllib.loads(LEXICON_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = lexicon_data()
    units = {name: {fold(w) for w in words} for name, words in data["units"].items()}
    lex = Lexicon(
        units=units,
        fillers={fold(w) for w in data["words"]["fillers"]},
        money_before={fold(w) for w in data["words"]["money_before"]},
        year_then_name={fold(w) for w in data["words"].get("year_then_name", [])},
        money_nouns={fold(w) for w in data["words"].get("money_nouns", [])},
        obligation=[fold(w) for w in data["words"].get("obligation", [])],
        condition=[fold(w) for w in data["words"].get("condition", [])],
        of_persons=[fold(w) for w in data["follow_up"].get("of_persons", [])],
        both_persons=[fold(w) for w in data["follow_up"].get("both_persons", [])],
        money_after={fold(w) for w in data["words"]["money_after"]},
        percent_after={fold(w) for w in data["words"]["percent_after"]},
        bounds={k: [fold(p) for p in v] for k, v in data["bounds"].items()},
        negations={fold(w) for w in data["negation"]["words"]},
        letter_denials={fold(w) for w in data["negation"].get("letter_denials", [])},
        negation_verbs={fold(w) for w in data["negation"].get("verbs", [])},
        not_denial=[fold(p) for p in data["negation"]["not_denial"]],
        proposing=[fold(p) for p in data["negation"].get("proposing", [])],
        contrast={fold(w) for w in data["negation"]["contrast"]},
        replaced=[fold(p) for p in data["negation"].get("replaced", [])],
        score_context={fold(w) for w in data["scores"]["context"]},
        relative_years={fold(k): int(v) for k, v in data["relative_years"].items()},
        both_years=[fold(p) for p in data["both_years"]["words"]],
        more=[fold(p) for p in data["change"]["more"]],
        less=[fold(p) for p in data["change"]["less"]],
        on_top_of=[fold(p) for p in data["change"].get("on_top_of", [])],
        described=[fold(p) for p in data["change"].get("described", [])],
        size_of_person=[fold(p) for p in data["change"].get("size_of_person", [])],
        exact=[fold(p) for p in data["change"].get("exact", [])],
        instead_of=[fold(p) for p in data["change"].get("instead_of", [])],
        counted_one_by_one=list(data["words"].get("counted_one_by_one", [])),
        from_to_verbs=[fold(p) for p in data["change"].get("from_to_verbs", [])],
        each_area=[fold(p) for p in data["change"].get("each_area", [])],
        together=[fold(p) for p in data["change"].get("together", [])],
        result_words=[fold(p) for p in data["change"].get("result_words", [])],
        hires=[fold(p) for p in data["change"].get("hires", [])],
        more_inside=[fold(p) for p in data["change"].get("more_inside", [])],
        still_before=[fold(p) for p in data["change"].get("still_before", [])],
        as_many=[fold(p) for p in data["change"].get("as_many", [])],
        not_a_name=frozenset(fold(p) for p in data["change"].get("not_a_name", [])),
        accrues=[fold(p) for p in data["change"].get("accrues", [])],
        to_party=[fold(p) for p in data["change"].get("to_party", [])],
        own_words=[fold(p) for p in data["change"].get("own_words", [])],
        around={k: [tuple(fold(p).split("|")) for p in v] for k, v in data["change"].get("around", {}).items()},
        around_not_followed=[fold(p) for p in data["change"].get("around_not_followed", [])],
        around_joined=[fold(p) for p in data["change"].get("around_joined", [])],
        inverted={k: [tuple(fold(p).split("|")) for p in v] for k, v in data["change"].get("inverted", {}).items()},
        partitive=[fold(p) for p in data["words"]["partitive"]],
        part_after=[fold(p) for p in data["words"].get("part_after", [])],
        out_of=[fold(p) for p in data["words"].get("out_of", [])],
        year_span=[fold(p) for p in data["words"].get("year_span", [])],
        allows=[fold(p) for p in data["words"].get("allows", [])],
        rule_named_before=[fold(p) for p in data["words"].get("rule_named_before", [])],
        one_alone=[fold(p) for p in data["words"].get("one_alone", [])],
        one_more_joins=[fold(p) for p in data["words"].get("one_more_joins", [])],
        one_more_after=[fold(p) for p in data["words"].get("one_more_after", [])],
        one_more_at=[fold(p) for p in data["words"].get("one_more_at", [])],
        restates=[fold(p) for p in data["words"].get("restates", [])],
        apart_shares=[fold(p) for p in data["words"].get("apart_shares", [])],
        further_parts=[fold(p) for p in data["words"].get("further_parts", [])],
        remains=[fold(p) for p in data["words"].get("remains", [])],
        containing=[fold(p) for p in data["words"]["containing"]],
        per_each=frozenset(fold(p) for p in data["words"].get("per_each", [])),
        each_after=tuple(fold(p) for p in data["words"].get("each_after", [])),
        asks_count=tuple(fold(p) for p in data["words"].get("asks_count", [])),
        rest_of_whole=[fold(p) for p in data["words"].get("rest_of_whole", [])],
        conclusion=[fold(p) for p in data["words"]["conclusion"]],
        conclusion_at=[fold(p) for p in data["words"].get("conclusion_at", [])],
        confirms=[fold(p) for p in data["words"].get("confirms", [])],
        confirm_requests=[fold(p) for p in data["parts"].get("confirm_requests", [])],
        increment=[fold(p) for p in data["words"].get("increment", [])],
        rule_words=[fold(p) for p in data["words"]["rule_words"]],
        one_more_area=[fold(p) for p in data["words"]["one_more_area"]],
        where_said=[fold(p) for p in data["words"]["where_said"]],
        why_said=[fold(p) for p in data["words"].get("why_said", [])],
        why_rest={fold(p) for p in data["words"].get("why_rest", [])},
        earlier_registration={fold(p) for p in data["words"].get("earlier_registration", [])},
        descriptors={fold(w) for w in data["words"]["descriptors"]},
        rule_reference=[fold(w) for w in data["words"]["rule_reference"]],
        clause_only=[fold(w) for w in data["questions"]["clause_only"]],
        clause_anywhere=[fold(w) for w in data["questions"]["clause_anywhere"]],
        rule_copulas=[fold(w) for w in data["questions"].get("rule_copulas", [])],
        rule_subjects=[fold(w) for w in data["questions"].get("rule_subjects", [])],
        rule_case_words=[fold(w) for w in data["questions"].get("rule_case_words", [])],
        weak_asks={fold(w) for w in data["questions"]["weak_asks"]},
        rate_per=[fold(w) for w in data["words"].get("rate_per", [])],
        joining={fold(w) for w in data["words"].get("joining", [])},
        clause_subjects=[fold(w) for w in data["words"].get("clause_subjects", [])],
        openers=[fold(p) for p in data["follow_up"]["openers"]],
        acknowledgements=[fold(p) for p in data["follow_up"].get("acknowledgements", [])],
        there=[fold(p) for p in data["follow_up"]["there"]],
        revert=[fold(p) for p in data["follow_up"]["revert"]],
        keep_change=[fold(p) for p in data["follow_up"].get("keep_change", [])],
        keeps=[fold(p) for p in data["follow_up"].get("keeps", [])],
        same_as_before=[fold(p) for p in data["follow_up"].get("same_as_before", [])],
        same_adjectives=[fold(p) for p in data["follow_up"].get("same_adjectives", [])],
        same_said_after=[fold(p) for p in data["follow_up"].get("same_said_after", [])],
        same_as_before_not_after=[fold(p) for p in data["follow_up"].get("same_as_before_not_after", [])],
        same_as_before_not_followed=[fold(p) for p in data["follow_up"].get("same_as_before_not_followed", [])],
        same_words=[fold(p) for p in data["follow_up"].get("same_words", [])],
        closing=[fold(p).rstrip("?") for p in data["follow_up"].get("closing", [])],
        adds_to_last=[fold(p) for p in data["follow_up"].get("adds_to_last", [])],
        drop_area=[fold(p) for p in data["follow_up"].get("drop_area", [])],
        asks_change=[fold(p) for p in data["follow_up"].get("asks_change", [])],
        new_case=[fold(p) for p in data["follow_up"].get("new_case", [])],
        corrects=[fold(p) for p in data["follow_up"].get("corrects", [])],
        amends=[fold(p) for p in data["follow_up"].get("amends", [])],
        compares=[fold(p) for p in data["follow_up"].get("compares", [])],
        compared_since=[fold(p) for p in data["follow_up"].get("compared_since", [])],
        back=[fold(p) for p in data["follow_up"].get("back", [])],
        back_subject=[fold(p) for p in data["follow_up"].get("back_subject", [])],
        moved_to=[fold(p) for p in data["follow_up"].get("moved_to", [])],
        moved_from=[fold(p) for p in data["follow_up"].get("moved_from", [])],
        moved_as=[fold(p) for p in data["follow_up"].get("moved_as", [])],
        does_that=[fold(p) for p in data["follow_up"].get("does_that", [])],
        supposing=[fold(p) for p in data["follow_up"].get("supposing", [])],
        moved_to_only=[fold(p) for p in data["follow_up"].get("moved_to_only", [])],
        moved_back=[fold(p) for p in data["follow_up"].get("moved_back", [])],
        all_of=[fold(p) for p in data["follow_up"].get("all_of", [])],
        some_of=[fold(p) for p in data["follow_up"].get("some_of", [])],
        shorthand={fold(k): v for k, v in data.get("shorthand", {}).items()},
        spread=[fold(p) for p in data["words"]["spread"]],
        restriction=[fold(p) for p in data["words"]["restriction"]],
        opposites=[([fold(p) for p in a], [fold(p) for p in b]) for a, b in data["words"].get("opposites", [])],
        any_time=[fold(p) for p in data["words"].get("any_time", [])],
        period_end=[fold(p) for p in data["periods"]["end"]],
        inflections=[fold(p) for p in data["words"].get("inflections", [])],
        period_start=[fold(p) for p in data["periods"]["start"]],
        exception=[fold(p) for p in data["words"].get("exception", [])],
        denying_determiners=[fold(p) for p in data["negation"].get("determiners", [])],
        full_time={fold(p) for p in data.get("full_time", {}).get("words", [])},
        units_before=set(data.get("units_before", {}).get("units", [])),
        measures=set(data.get("units_before", {}).get("measures", [])),
        exception_ends=[fold(p) for p in data["words"].get("exception_ends", [])],
        not_full_time={fold(p) for p in data.get("full_time", {}).get("not_all", [])},
        rates={k: [fold(w) for w in v] for k, v in data.get("rates", {}).get("words", {}).items()},
        only_year=[fold(w) for w in data["scores"].get("only_year", [])],
        permission=[fold(w) for w in data["questions"].get("permission", [])],
        several_rules=[fold(w) for w in data["questions"].get("several_rules", [])],
        added_amount=[fold(w) for w in data["follow_up"].get("added_amount", [])],
        loose_bounds=[fold(w) for w in data["bounds"].get("loose", [])],
        per_year={k: int(v) for k, v in data.get("rates", {}).get("per_year", {}).items()},
    )
    lex.unit_of = {w: name for name, words in units.items() for w in words}
    return lex


def names_clients(folded: str) -> bool:
    """A word of the folded text names clients (lexicon units `clients`, also "cz-cliënten" and with one typo)."""
    lex = lexicon()
    return any(lex.unit_for(w) == "clients" for w in re.findall(r"[\w'-]+", folded))


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case without diacritics, one character for one character (spans stay aligned)."""
    out = []
    for ch in text.lower().replace("’", "'").replace("‘", "'"):
        base = unicodedata.normalize("NFKD", ch)
        kept = "".join(c for c in base if not unicodedata.combining(c))
        out.append(kept if len(kept) == 1 else ch)
    return "".join(out)


def one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


# ---------------------------------------------------------------- words with spans

# words, signs, and a comma that separates (not the one inside "42,000"): a list separator weighs as distance
# an e-mail address or web address is one word (its dots end no sentence)
_WORD = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[^\s]+[\w/]|€|%|[\w][\w'’\-/]*[\w%]|[\w%]|[.;:!?]|,(?=\s)|->|=>"
    r"|→|[=:+]",
    re.UNICODE,
)
_SENTENCE_STOP = {".", ";", "!", "?"}


@dataclass(frozen=True)
class _Tok:
    text: str  # folded
    start: int
    end: int


def _tokens(folded: str) -> list[_Tok]:
    """The words and signs of the text; the full stop of an abbreviation ("ca.", "incl.") is left out: it ends no
    sentence."""
    return [
        _Tok(m.group(0), m.start(), m.end())
        for m in _WORD.finditer(folded)
        if m.group(0) != "." or not ABBREVIATION_END.search(folded[: m.end()])
    ]


def _index_at(tokens: list[_Tok], pos: int) -> int:
    """Index of the first token that starts at or after `pos`."""
    return next((i for i, t in enumerate(tokens) if t.start >= pos), len(tokens))


def _context(
    tokens: list[_Tok], start: int, end: int, asides: list[tuple[int, int]] = ()  # type: ignore[assignment]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words around a quantity in its sentence, nearest first; words in a parenthesis that does not hold the
    quantity are skipped ("onderaannemers (incl. 2 zzp'ers) er 3.400": the cue is "onderaannemers")."""
    i, j = _index_at(tokens, start), _index_at(tokens, end)
    skip = [(a, b) for a, b in asides if not (a <= start < b)]
    opened = max((a for a, b in asides if a <= start < b), default=-1)
    closed = min((b for a, b in asides if a <= start < b), default=None)  # "(100% van ons) 5.000": its words end there
    if opened >= 0 and not re.search(r"[^\W\d_]", _tokens_text(tokens, opened, start)):
        opened = -1  # "vaste staf (4.200 uur)": the value of the words before the parenthesis
        if closed is not None and not re.search(r"[^\W\d_]", _tokens_text(tokens, end, closed)):
            closed = None  # "het overige deel (2.500 uur) doet onze dochter-bv": and of the words after it
    # otherwise, in a parenthesis with words of its own ("(totaal wordt dan 13.500 uur)"), those are its context

    def kept(t: _Tok) -> bool:
        return not any(a <= t.start < b for a, b in skip)

    before: list[str] = []
    for t in reversed(tokens[max(0, i - WINDOW * 3) : i]):
        if t.text in _SENTENCE_STOP or t.start < opened:
            break
        if kept(t):
            before.append(t.text)
    after: list[str] = []
    joined = next((t for t in tokens if t.start <= start < t.end and t.end > end), None)
    if joined is not None:  # "de 3-cliënten-eis": the words joined to the figure by hyphens come right after it
        after.extend(w for w in joined.text[end - joined.start :].split("-") if w)
    for t in tokens[j : j + WINDOW * 3]:
        if t.text in _SENTENCE_STOP or (closed is not None and t.start >= closed):
            break
        if kept(t):
            after.append(t.text)
    return tuple(reversed(before[:WINDOW])), tuple(after[:WINDOW])


def _tokens_text(tokens: list[_Tok], start: int, end: int) -> str:
    return " ".join(t.text for t in tokens if start <= t.start < end)


def _asides(folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", folded)]


# ---------------------------------------------------------------- typing a number


_AROUND_THE_CLOCK = re.compile(r"(?<![\d/])24\s*/\s*7(?![\d/])|(?<![\d/])7\s*/\s*24(?![\d/])")
_SECTION_BEFORE = re.compile(
    r"(?:§|\bparagraaf|\bartikel|\bart\.|\bhoofdstuk|\bbijlage|\bsection|\bappendix|\bchapter|\blid|niveau|\bniv\.?|\bnivo|\blvl\.?|\blevel|\bpagina|\bpage|\bp\.)[\s-]*$"
)
_POSTCODE_WORD = re.compile(r"(?:postcode\w*|\bpc\b|zip\w*|postal code)[^.;!?\d]{0,30}$")
_KEYED = re.compile(r"^\s*(?:->|=>|→|:|=)\s*\d")
_COUNT_IN = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:[a-z'\-]+\s+){0,2}(?:in|op|bij|at|binnen|voor)\s*$")


def _unit_after(tokens: list[_Tok], end: int, lex: Lexicon, folded: str = "") -> tuple[str | None, int]:
    """The unit word after a number (skipping up to UNIT_GAP fillers, never past a comma: "In 2026, existing
    providers" is a year) and where it ends."""
    for t in tokens:  # "een 3-jarige overeenkomst", "a 3-year contract": the unit joined to the number
        if t.start < end < t.end and t.text[end - t.start : end - t.start + 1] == "-":
            unit = lex.unit_for(t.text[end - t.start + 1 :])
            if unit:
                return unit, t.end
    j = _index_at(tokens, end)
    spare = 0  # "6.000 van die bureau-uren", "4,500 of those agency hours": after a partitive, one word of its own
    for p in lex.partitive:
        words = p.split()
        if [t.text for t in tokens[j : j + len(words)]] == words:
            j, spare = j + len(words), 1
            break
    reach = j + UNIT_GAP + 1 + spare
    k = j - 1
    while k + 1 < min(len(tokens), reach):
        k += 1
        if re.search(r"[,;:!?]|\.(?!\d)", folded[end : tokens[k].start]):  # the unit stands in the number's clause
            return None, end
        word = tokens[k].text
        level = _level_at(tokens, k)
        if level:  # "one extra niveau-5 colleague", "nog een niveau 6 verpleegkundige": the level says what kind of person
            reach, k = min(len(tokens), reach + level), k + level - 1
            continue
        unit = lex.unit_for(word)
        if unit == "staff" and k + 1 < len(tokens) and lex.unit_for(tokens[k + 1].text) in ("hours", "fte"):
            return lex.unit_for(tokens[k + 1].text), tokens[k + 1].end  # "2,000 of those zzp hours": hours of them
        if unit == "staff":  # "4 verpleegkundigen niveau 6 fulltime": persons working full time are fte
            full = _full_time_after(tokens, k + 1, lex, folded)
            if full is not None:
                return "fte", full
        if unit:
            return unit, tokens[k].end
        if word not in lex.fillers:
            if spare:
                spare -= 1
                continue
            return None, end
    return None, end


_LEVEL_WORD = re.compile(r"^(?:niveau|niv\.?|nivo|level|lvl\.?)$")
_LEVEL_JOINED = re.compile(r"^(?:niveau|niv|nivo|level|lvl)-?\d$")


def _level_at(tokens: list[_Tok], k: int) -> int:
    """How many tokens a level designation at `k` takes ("level-6": 1, "niveau 6": 2, "level 6" with a hyphen as a
    token of its own: 3), or 0."""
    word = tokens[k].text
    if _LEVEL_JOINED.match(word):
        return 1
    if _LEVEL_WORD.match(word) and k + 1 < len(tokens):
        if re.fullmatch(r"\d", tokens[k + 1].text):
            return 2
        if tokens[k + 1].text == "-" and k + 2 < len(tokens) and re.fullmatch(r"\d", tokens[k + 2].text):
            return 3
    return 0
FULL_TIME_REACH = 3  # words after the persons within which "fulltime" makes them fte ("niveau 6 fulltime")


def _full_time_after(tokens: list[_Tok], k: int, lex: Lexicon, folded: str) -> int | None:
    """Where a word for full time ends that follows persons within FULL_TIME_REACH words of the same clause (a level
    "niveau 6" between counts as words, another number does not), or None. "fte" itself belongs to a number of its
    own ("4 verpleegkundigen met 3,2 fte")."""
    for i in range(k, min(len(tokens), k + FULL_TIME_REACH)):
        if re.search(r"[,;.]", folded[tokens[k - 1].end : tokens[i].start]):
            return None
        word = tokens[i].text
        if word[:1].isdigit() and not (i > 0 and _LEVEL_WORD.match(tokens[i - 1].text)):
            return None
        if word in lex.negations or word in lex.not_full_time:  # "niet fulltime", "mostly full-time"
            return None
        if word in lex.full_time:
            return tokens[i].end
    return None


_ARTICLE_BEFORE = re.compile(r"(?<![\w])(?:the|de|het|this|that|deze|die|dit)\s+$")
_OWN_BEFORE = re.compile(r"(?<![\w])(?:our|onze|ons|my|mijn)\s+$")
_HEADS_A_LIST = re.compile(r"\s*(?::|\(|[-–]\s)")  # "2027 hours: ...": a heading over the figures that follow
_FIGURE_LISTED = re.compile(r"\s*:\s*(?:€\s*)?\d")  # "2027 hours: 9,000 ...": the heading's list begins with a figure
_POSTCODE_LETTERS = re.compile(r"^\s?[A-Z]{2}\b")
_YEAR_PREPOSITION = re.compile(r"\b(?:in|voor|for|sinds|since|vanaf|from|tot|until|anno)\s*$")


def _year_after_preposition(m: NumberMention, folded: str) -> bool:
    """A year of this era right after 'in' / 'voor' / 'since' ... ("per postcode area in 2026", "In 2027 existing")."""
    return (
        m.digits
        and re.fullmatch(r"20[0-4]\d", m.raw) is not None
        and bool(_YEAR_PREPOSITION.search(folded[max(0, m.start - 8) : m.start]))
    )


def _named_after_year(m: NumberMention, letters: re.Match[str], lex: Lexicon, text: str) -> bool:
    """"a 2027 CZ contract": after a year, the insurer's name (lexicon [words] year_then_name), not a place after the
    letters ("2031 CZ Haarlem" is a postcode)."""
    after = text[m.end + letters.end() :]
    return fold(letters.group().strip()) in lex.year_then_name and not re.match(r"^\s+[A-Z][a-z]", after)


def _is_postcode(m: NumberMention, folded: str, lex: Lexicon, text: str = "") -> bool:
    if not m.digits or not re.fullmatch(r"[1-9]\d{3}", m.raw):
        return False
    yearlike = 2000 <= int(m.raw) <= 2040
    letters = _POSTCODE_LETTERS.match(text[m.end :])
    if letters and not (yearlike and _named_after_year(m, letters, lex, text)):  # "5041 AB": the letters of a full
        return True  # postcode are capitals
    if _year_after_preposition(m, folded):
        return False
    if _POSTCODE_WORD.search(folded[max(0, m.start - (12 if yearlike else 40)) : m.start]) and not (
        yearlike and re.search(r"\b(?:in|voor|for|over|uit)\s*$", folded[max(0, m.start - 6) : m.start])
    ):
        return True
    if _KEYED.match(folded[m.end :]):  # "5041: 3"; "2026: 9 cliënten" is a year unless other postcodes stand by
        others = [x for x in re.findall(r"(?<![\w.,])[1-9]\d{3}(?![\w.,]\d)", folded) if x != m.raw]
        return not yearlike or any(not 2000 <= int(x) <= 2040 for x in others)
    if yearlike:  # "in 2026" is a year, unless a postcode word or format says otherwise
        return False
    place = _PLACE_AFTER.match(text[m.end :])
    if place and _a_place(place.group(1), folded[max(0, m.start - 40) : m.start], lex):  # "4811 in Breda", "5611
        return True  # Eindhoven": a place's postcode
    return bool(_COUNT_IN.search(folded[max(0, m.start - 40) : m.start]))


def _a_place(word: str, before: str, lex: Lexicon) -> bool:
    """A capitalised word after a number names a place: not a unit ("1200 Uren"), a month or weekday ("1400 in
    March"), and no counted thing is named just before the number ("1800 zorguren; 1200 in Tilburg")."""
    from assistant.text.dates import is_weekday, month_number

    w = fold(word)
    if w in lex.unit_of or month_number(w) is not None or is_weekday(w):
        return False
    clause = re.split(r"[.!?]", before)[-1]
    return not any(lex.unit_for(t) for t in re.findall(r"[\w'-]+", clause))


_PLACE_AFTER = re.compile(r"\s+(?:(?:in|te|at)\s+)?([A-Z][a-zà-ÿ]{2,})(?:[\s.,;:?!)]|$)")


def _bound(folded: str, start: int, lex: Lexicon, dated: bool = False) -> str | None:
    head = folded[max(0, start - 30) : start]
    kinds = ("max", "min", "until", "since", "within", "lt", "gt", "approx") + (("before", "after") if dated else ())
    for kind in kinds:  # "niet meer dan" before "meer dan"
        for phrase in sorted(lex.bounds[kind], key=len, reverse=True):
            # "uiterlijk op 12 november", "vóór of op 1 juli": a date's bound may stand before "op"/"on"
            on = r"(?:\s+(?:of\s+)?(?:op|on))?" if dated else ""
            if re.search(rf"(?<![\w]){re.escape(phrase)}{on}\s*(?:€\s*)?$", head):
                return kind
    return None


def _leading_bound(folded_text: str, lex: Lexicon) -> str | None:
    """A bound the date reader took into the date's own text ("since March 2027", "vanaf 1 mei")."""
    for name, phrases in lex.bounds.items():
        if any(re.match(re.escape(p) + r"\s", folded_text) for p in phrases):
            return name
    return None


def _bound_spans(folded: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where the bound phrases of the lexicon stand in the text."""
    return [
        (m.start(), m.end())
        for m in _bound_pattern(tuple(p for ps in lex.bounds.values() for p in ps)).finditer(folded)
    ]


@lru_cache(maxsize=4)
def _bound_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])")


def _negated(folded: str, start: int, lex: Lexicon, denials: set[str] | None = None) -> bool:
    """A negation word (`denials`, else the lexicon's negations) among the few words before `start`, in the same
    clause, not cut off by a contrast ("geen A meer maar een B": B is not negated) and not part of a bound ("niet meer
    dan")."""
    head = folded[max(0, start - 45) : start]
    if any(re.search(rf"(?<![\w]){re.escape(p)}\s*$", head) for p in lex.replaced):
        return True  # "6.000 uur ipv 5.100": the replaced value
    head = re.split(r"[.;:!?,()]", head)[-1]
    words = re.findall(r"[\w']+", head)[-4:]
    for i, w in enumerate(words):
        if w in lex.contrast:
            words = words[i + 1 :]
            break
    if not any(w in (denials or lex.negations) for w in words):
        return False
    tail = " ".join(words)
    return not any(tail.endswith(p) or f"{p} " in tail + " " for p in lex.not_denial)


def _describes(folded: str, end: int, lex: Lexicon) -> bool:
    """The number is part of a description ("4-cijferige postcode", "4 digits"), not a quantity."""
    nxt = re.match(r"[\s-]?([a-z]+)", folded[end:])
    return bool(nxt) and nxt.group(1) in lex.descriptors


def _typed(
    m: NumberMention, folded: str, tokens: list[_Tok], lex: Lexicon, text: str = ""
) -> tuple[str, str | None, int, Any]:
    """(kind, unit, end, value) of a number mention."""
    after = folded[m.end : m.end + 16].lstrip()  # ("10 procentpunten")
    # the word right before the number ("eur 45", "in euro: 45", "(EUR) 45"); not one a comma parts from it
    # ("70.000 euro, 45 cliënten": the unit of the amount before)
    before_word = re.findall(r"([\w€']+|€)[\s:.()]*$", folded[max(0, m.start - 12) : m.start])
    if any(after.startswith(p) for p in lex.percent_after) and (after[:1] == "%" or re.match(r"[a-z.]+", after)):
        word = re.match(r"%|[a-z.]+", after)
        written = word.group(0) if word else ""
        if written not in lex.percent_after:
            written = written.rstrip(".")  # "100 procent." at the end of a sentence
        if written in lex.percent_after:
            return (
                "percent",
                None,
                m.end + (len(folded[m.end :]) - len(folded[m.end :].lstrip())) + len(written),
                m.value,
            )
    if (before_word and before_word[-1] in lex.money_before) or "€" in folded[max(0, m.start - 3) : m.start]:
        return "money", None, m.end, m.value
    money_word = re.match(r"(euro|eur|euros)\b|€", after)
    if money_word and re.match(r"€\s*\d", after):
        money_word = None  # "plafond 2027 € 600.000": the sign belongs to the amount after it
    if money_word:
        return (
            "money",
            None,
            m.end + (len(folded[m.end :]) - len(folded[m.end :].lstrip())) + len(money_word.group(0)),
            m.value,
        )
    if _is_postcode(m, folded, lex, text):
        return "postcode", None, m.end, m.raw
    if _year_after_preposition(m, folded):  # "In 2027 existing providers ...": a year, not 2027 providers
        return "year", None, m.end, int(m.raw)
    unit, unit_end = _unit_after(tokens, m.end, lex, folded)
    if not m.digits and fold(m.raw) in TIMES_WORDS:  # "twice", "tweemaal": the word holds its unit, times
        unit, unit_end = lex.unit_for("times"), m.end
    before = folded[max(0, m.start - 8) : m.start]
    if (
        m.digits and re.fullmatch(r"20[0-4]\d", m.raw) and _ARTICLE_BEFORE.search(before) and unit not in lex.measures
    ):
        return "year", None, m.end, int(m.raw)  # "the 2027 postcode requirement", "de 2026 cijfers"; "die 2000 uur"
    if (
        m.digits and re.fullmatch(r"20[2-3]\d", m.raw) and unit in lex.measures and unit_end is not None
        and _HEADS_A_LIST.match(folded[unit_end:])
        and (_ARTICLE_BEFORE.search(before) or _OWN_BEFORE.search(before) or _FIGURE_LISTED.match(folded[unit_end:]))
    ):  # ("planned 2027 hours: 9,000 by employees, ...": a figure right after the colon)
        return "year", None, m.end, int(m.raw)  # "our 2027 hours: 4,000 own staff, ...": the year of the figures listed
        # counts hours
    if unit:
        return "count", unit, unit_end, m.value
    if m.multiplier:  # "65k", "1,2 miljoen", "twee ton" with no unit after: money (the unit is guessed)
        return "money", "guessed", m.end, m.value
    if (
        m.digits
        and re.fullmatch(r"(?:19|20)\d{2}", m.raw)
        and not _SECTION_BEFORE.search(folded[max(0, m.start - 15) : m.start])
    ):
        return "year", None, m.end, int(m.raw)
    said_before = _UNIT_BEFORE.search(folded[max(0, m.start - UNIT_BEFORE_CHARS) : m.start])
    if (
        said_before and lex.unit_for(said_before.group(1)) in lex.units_before
        and not _PER_BEFORE.search(folded[max(0, m.start - UNIT_BEFORE_CHARS) : m.start - len(said_before.group(0))])
    ):  # "fte 1,8", "kostenpunten: 6"; not "clients per postcode area: 2, 2 and 5" (counts of what is per area)
        return "count", lex.unit_for(said_before.group(1)), m.end, m.value
    return "number", None, m.end, m.value


UNIT_BEFORE_CHARS = 30
_PER_BEFORE = re.compile(r"\b(?:per|each|every|elk|elke|ieder|iedere)(?:\s+[\w'-]+){0,3}\s*$")
# the word right before a number, with at most a colon or "=" between: "clienten 104, fte 1,8", "kostenpunten: 6"; or
# with the year it is of and a colon: "uren in 2027: 12.500"
_UNIT_BEFORE = re.compile(
    r"(?:^|[\s,;(])([a-z\u00e0-\u00ff][\w'-]*)(?:\s*[:=]?|\s+(?:for|in|of|over|voor|van)\s+20\d\d\s*[:=])\s*$"
)


# ---------------------------------------------------------------- score letters and years

_LETTER = re.compile(
    r"(?<![\w\-'])(?:([ABC])(?:-?score\b|-?status\b|-?categorie\b|-?klasse\b)?|score[- ]?([ABC]))(?![\w'])"
    r"(?!-(?!score|status|categorie|klasse))"  # "C-categorie": the letter of a category
)
_LETTER_AFTER_OK = re.compile(
    r"^\s*(?:$|[.,;:!?)]|-?score|-?status|-?categor\w*|category\b|class\b|in\b|voor\b|for\b|en\b|and\b|maar\b|but\b|met\b|with\b|\(|op\b|gehaald|gescoord"
    r"|scored|gekregen|had\b|hadden\b|zijn\b|was\b|waren\b|is\b|are\b|were\b|geworden|became|behaald|again\b|weer\b"
    r"|both\b|beide\b|allebei\b"
    r"|opnieuw\b|too\b|as\s+well\b|by\s+default\b|standaard\b|automatisch\b|automatically\b|toegekend|assigned\b|\d"
    r"|uit\b|uitkomen\b|uitgekomen\b|uitkomt\b|end\s+up\b|ends\s+up\b|ended\s+up\b)"
)
_LETTER_BEFORE_OK = re.compile(
    r"(?:\b(?:een|n|'n|a|an|met|with|score|scores|scoorde\w*|scored|had|hadden|ook|also|weer|again|is|was|waren|were|"
    r"langer|nog|steeds|still|toch|al|already|naar|to|from|van|categorie|category|klasse|status|label|geen|no|not|"
    r"niet|maar|but|en|and|dan|than|onze|ons|our|mijn|my|hun|their|zelfde|same|uitkomen\s+op|uit\s+op"
    r"|in\s+20\d\d|20\d\d|jaar|year|:)|[(:,])\s*$"
)


YEAR_BEFORE_CHARS = 25  # how far before a score letter the year it is said of may stand ("2026 was an A")


def _letters(text: str, folded: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    has_context = any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", folded) for w in lex.score_context)
    out = []
    for m in _LETTER.finditer(text):
        letter = m.group(1) or m.group(2)
        explicit = m.group(2) is not None or len(m.group(0)) > 1
        near = folded[max(0, m.start() - 25) : m.end() + 25]
        context_near = any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", near) for w in lex.score_context)
        after_ok = _LETTER_AFTER_OK.match(folded[m.end() :]) is not None
        before_ok = _LETTER_BEFORE_OK.search(folded[max(0, m.start() - 20) : m.start()]) is not None
        if re.search(r"\bop\s*$", folded[: m.start()]) and re.match(r"\s*uit(?:komen|gekomen|komt)?\b", folded[m.end() :]):
            before_ok = True  # "volgend jaar komen we vermoedelijk op B uit": the letter one ends up at
        sentence_start = not folded[: m.start()].strip() or folded[: m.start()].rstrip()[-1:] in ".!?"
        year_next = re.match(
            r"\s+(?:(?:again|weer|opnieuw|ook|also|both|beide|allebei)\s+)?(?:in|voor|over|for)\s+(?:both\s+|beide\s+|zowel\s+)?20\d\d\b", folded[m.end() :]
        ) or re.search(  # "in 2026 een A", "..., but 2027 only a B", "2026 was an A" (the year opens its clause)
            r"(?:\b(?:in|voor|for|met|with|dat|that|als|if|en|and|maar|but)\s+|(?:^|[:;,.!?])\s*)20\d\d,?\s+(?:(?:een|an?|ook|weer|opnieuw|again|also|toch|nog|steeds|still|al|"
            r"already|dan|then|wel|maar|only|just|zijn|waren|werden|werd|we|wij|became|got|kregen|had|hadden|were|was|been|be|would|"
            r"geweest|zou|zouden|op|uit|on|at|to|naar|"
            r"onze|ons|our|mijn|my|hun|their|gewoon|simply|de|the|geen|no|niet|not|langer|longer|meer)\s+){0,4}$",  # "in 2027
            # gewoon de A", "in 2027 geen A" (a letter denied for its year: read, negated)
            ("" if m.start() <= YEAR_BEFORE_CHARS else "x") + folded[max(0, m.start() - YEAR_BEFORE_CHARS) : m.start()],
        )
        if letter == "A" and sentence_start and not explicit and not year_next and re.match(r"\s+[a-z]", text[m.end() :]):
            continue  # "A cooperative needs ...": the English article ("B in 2026, A in 2027" is a score)
        if explicit or (context_near and (after_ok or before_ok)) or (has_context and after_ok and before_ok) or (
            year_next and (after_ok or before_ok)
        ):
            out.append((m.start(), m.end(), letter))
    return out


def _clauses(folded: str, letters: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """Clause spans for attaching years to score letters and points: split at sentence ends, semicolons and
    at a comma or "maar"/"but" that opens a new year ("..., in 2027 ..."); a joining word before a new year opens a
    clause when a letter of its own follows in it ("een C in 2026 en voor 2027 een A"; `letters`: where the letters
    stand), not in "C in 2026 en voor 2027"."""
    cuts = [0]
    for m in re.finditer(
        r"[.;!?](?:\s+|$)|,\s*(?=(?:en\s+|and\s+|maar\s+|but\s+|alleen\s+|enkel\s+|uitsluitend\s+|only\s+|wel\s+)?(?:in|for|voor|dit|vorig|this|last)\b"
        r"|(?:alleen|only|wel|enkel|uitsluitend)\s+20\d\d\b)",
        folded,
    ):
        cuts.append(m.end())
    for m in re.finditer(r"\s(?:en|and|maar|but)\s+(?=(?:in|for|voor)\s+20\d\d\b)", folded):
        end = min([c for c in cuts if c > m.end()] + [len(folded)])
        if any(m.end() <= x < end for x in letters) and any(x < m.start() for x in letters):
            cuts.append(m.end())
    cuts = sorted(set(cuts)) + [len(folded)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _relative_years(folded: str, lex: Lexicon, today: date) -> list[tuple[int, int, int]]:
    """(start, end, year) for 'vorig jaar', 'dit jaar (2027)', 'next year'. The anchor is a year written right
    after 'dit jaar'/'this year' ("dit jaar (2027)"), else today's calendar year."""
    anchor_m = re.search(r"(?:dit jaar|this year|huidige jaar|current year)\s*\(?\s*((?:19|20)\d{2})", folded)
    anchor = int(anchor_m.group(1)) if anchor_m else today.year
    out = []
    for phrase, offset in lex.relative_years.items():
        for m in re.finditer(rf"(?<![\w]){re.escape(phrase)}(?![\w])", folded):
            out.append((m.start(), m.end(), anchor + offset))
    return out


# ---------------------------------------------------------------- the reader


def read(text: str, today: date | None = None, default_year: int | None = None) -> list[Quantity]:
    """Every quantity in `text`, in order of appearance (see the module docstring). The numbers of an enumeration
    ("(1) Geldt de regel? (2) Welke omzet ...?") are markers, not figures: blanked out, the offsets kept."""
    return list(_read(_LIST_MARKER.sub(lambda m: " " * len(m.group(0)), text), today or date.today(), default_year))


# "(1) Does ...", "2) Wat ...", "1. Hoe ...": a number that opens a part of an enumeration, before a capital or a question
_LIST_MARKER = re.compile(r"(?:(?<=^)|(?<=[\s.?!:;]))(?:\(\d\)|\d\))(?=\s+[A-ZÀ-Ý])")


@lru_cache(maxsize=20_000)
def _read(text: str, today: date, default_year: int | None) -> tuple[Quantity, ...]:
    """`read`, cached: the policy's sentences are read again for every question (Quantity is immutable)."""
    lex = lexicon()
    folded = fold(text)
    tokens = _tokens(folded)
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    asides = _asides(folded)

    def add(q: Quantity) -> None:
        before, after = _context(tokens, q.start, q.end, asides)
        out.append(replace(q, before=before, after=after))
        taken.append((q.start, q.end))

    dates = find_dates(text, default_year or today.year)
    written = {d.first.year for d in dates if d.explicit_year and d.first is not None}
    if len(written) == 1 and any(not d.explicit_year for d in dates):  # "31 mei 2026 is een zondag; mag het op 1
        dates = find_dates(text, written.pop())  # juni nog?": a date without a year has the year the text writes
    for d in dates:
        kind = "period" if d.is_period or d.precision == "month" else "date"
        value = (d.first, d.last) if kind == "period" else d.first
        bound = _bound(folded, d.start, lex, dated=True) or _leading_bound(fold(d.text), lex)
        add(Quantity(kind, value, d.start, d.end, d.text, bound=bound, explicit_year=d.explicit_year, relative=d.relative))
    for m in _CLOCK_SPAN.finditer(text):  # "tussen 23.00 en 7.00 uur": one time of day from .. to
        if not any(s <= m.start() < e for s, e in taken):
            add(Quantity("time", m.group(0), m.start(), m.end(), m.group(0)))
    for m in _CLOCK.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            add(Quantity("time", m.group(0), m.start(), m.end(), m.group(0)))
    for f in find_fractions(text):
        add(Quantity("percent", f.value * 100, f.start, f.end, f.raw, bound=_bound(folded, f.start, lex), digits=False))
    phrases = _bound_spans(folded, lex)  # "ten minste 3": "ten" is part of the bound, not the number 10
    phrases += [(m.start(), m.end()) for m in _AROUND_THE_CLOCK.finditer(folded)]  # "(24/7)": always, no figures
    mentions = [
        m
        for m in find_numbers(text)
        if not any(s <= m.start < e for s, e in taken) and not any(s <= m.start and m.end <= e for s, e in phrases)
    ]
    typed = []
    for m in mentions:
        if _SECTION_BEFORE.search(folded[max(0, m.start - 15) : m.start]) and m.digits:
            continue  # "§ 3", "niveau 6", "bijlage 1": a reference, not a quantity
        if _describes(folded, m.end, lex):
            continue  # "4-cijferig", "(4 cijfers)", "four-digit": says what a postcode is, counts nothing
        if not m.digits and _vague_after(folded, m.end):
            continue  # "één of enkele zorgaanbieders": an indefinite number, no count
        kind, unit, end, value = _typed(m, folded, tokens, lex, text)
        typed.append((m, kind, unit, end, value))
    typed = _ranges(_more_postcodes(typed, folded), folded)
    for m, kind, unit, end, value in typed:
        guessed = unit == "guessed"
        add(
            Quantity(
                kind, value, m.start, end, text[m.start : end], unit=None if guessed else unit,
                bound=_bound(folded, m.start, lex), negated=_negated(folded, m.start, lex), digits=m.digits,
                inferred_unit=guessed,
            )
        )  # fmt: skip
    for q in _as_many(folded, tokens, lex, out, taken):  # "... en wij zelf evenveel uur minder"
        add(replace(q, text=text[q.start : q.end]))
    for start, end, year in _relative_years(folded, lex, today):
        if not any(s < end and start < e for s, e in taken):
            add(Quantity("year", year, start, end, text[start:end], explicit_year=False))
    for start, end, letter in _letters(text, folded, lex):
        if not any(s <= start < e for s, e in taken):
            denied = _negated(folded, start, lex, lex.negations | lex.letter_denials)
            add(Quantity("score", letter, start, end, text[start:end], negated=denied))
    for m in re.finditer(r"(?<![\w])(" + "|".join(_ORDINAL_WORDS) + r")(?![\w])", folded):
        if not any(s <= m.start() < e for s, e in taken):
            person = _ordinal_person(folded, tokens, m, lex)
            if person is not None:  # "er komt een vierde casemanager bij", "a fourth nurse joins": one person more
                add(Quantity("count", Decimal(1), person[0], person[1], text[person[0] : person[1]], unit="staff"))
                continue
            add(Quantity("ordinal", ordinal_value(m.group(1)), m.start(), m.end(), text[m.start() : m.end()]))
    out.sort(key=lambda q: q.start)
    out = [
        replace(q, change=_change(folded, q, lex, next((o.start for o in out if o.start >= q.end), len(folded))))
        if q.kind in ("count", "number", "money", "percent") else q
        for q in out
    ]  # fmt: skip
    out = _described_changes(_persons_of_change(_persons_hired(_from_to(out, folded, lex), folded, lex), folded, lex), folded, lex)
    out = _each_person(out, folded, lex)
    out = _restated(out, folded, lex, asides)
    out = _change_said_again(out, asides)
    carried = _parallel_items(_carry_units(_ratios(_with_years(out, folded, lex), folded), folded), folded, lex)
    return tuple(_modifiers(_per_year(_part_of_whole(carried, folded, lex), folded, lex), folded))


_JOINED_WORD = re.compile(r"-[^\W\d_]")


def _as_many(
    folded: str, tokens: list[_Tok], lex: Lexicon, found: list[Quantity], taken: list[tuple[int, int]]
) -> list[Quantity]:
    """"800 uur extra via zzp'ers, wij zelf evenveel uur minder", "and our own nurses as many
    hours fewer": a word of lexicon `as_many` with a unit after it is the figure of that unit said last before it in
    the same sentence, again (its kind, value and unit; the words around it say what it does)."""
    words = "|".join(re.escape(w) for w in sorted(lex.as_many, key=len, reverse=True))
    if not words:
        return []
    out = []
    for m in re.finditer(rf"(?<![\w])(?:{words})(?![\w])", folded):
        if any(s <= m.start() < e for s, e in taken):
            continue
        unit, end = _unit_after(tokens, m.end(), lex, folded)
        earlier = [
            q for q in found
            if q.end <= m.start() and q.number is not None and q.kind in ("count", "money", "number")
            and not re.search(r"[.!?]\s", folded[q.end : m.start()])
        ]  # fmt: skip
        same = [q for q in earlier if unit is not None and q.unit == unit]
        if same:
            out.append(Quantity(same[-1].kind, same[-1].value, m.start(), end, folded[m.start() : end], unit=unit))
    return out


def _modifiers(qs: list[Quantity], folded: str) -> list[Quantity]:
    """A percentage joined by a hyphen to the word after it ("onze 100%-dochter-bv", "de 50%-regel") is marked a
    modifier: it names a kind of thing. It stands between no other figure and the words around it ("onze 100%-dochter-bv
    levert 40%": "dochter-bv" is said of 40%)."""
    marked = {i for i, q in enumerate(qs) if q.kind == "percent" and _JOINED_WORD.match(folded, q.end)}
    if not marked:
        return qs
    words = {fold(qs[i].text) for i in marked}
    return [
        replace(q, modifier=True) if i in marked
        else replace(q, before=tuple(w for w in q.before if w not in words), after=tuple(w for w in q.after if w not in words))
        for i, q in enumerate(qs)
    ]


def _ordinal_person(folded: str, tokens: list[_Tok], m: re.Match[str], lex: Lexicon) -> tuple[int, int] | None:
    """'een vierde casemanager', 'a fourth case manager': an article, an ordinal and a word for a person (fillers or a
    level between): one person, said from the article to the person word; None for "de vierde", "the 4th area"."""
    if not re.search(r"(?:^|[^\w])(?:een|a|an)\s+$", folded[max(0, m.start() - 5) : m.start()]):
        return None
    unit, end = _unit_after(tokens, m.end(), lex, folded)
    if unit != "staff":
        return None
    return m.start() - len(re.search(r"(?:een|a|an)\s+$", folded[: m.start()]).group(0)), end


RATE_CHARS = 14  # how far before an amount its period may stand ("per maand 200 uur")


def _period_of(q: Quantity, folded: str, lex: Lexicon) -> str | None:
    """The period an amount of hours is said per ("30 uur per week", "per maand 200 uur", "3.000 uur per jaar")."""
    after, before = folded[q.end : q.end + 24], folded[max(0, q.start - RATE_CHARS) : q.start]
    for name, words in lex.rates.items():
        for w in words:
            if re.match(rf"\s*(?:\w+\s+)?{re.escape(w)}(?![\w])", after) or re.search(rf"(?<![\w]){re.escape(w)}\s*[:,]?\s*$", before):
                return name
    return None


def _weeks_a_year(weeks: Quantity, qs: list[Quantity], folded: str, lex: Lexicon) -> bool:
    """A number of weeks that says how many weeks of the year the weekly hours run: said per year ("48 weken per
    jaar") or right beside the weekly amount ("20 uur per week, 45 weken"); not "6 weken vakantie", "binnen 2 weken"."""
    if _period_of(weeks, folded, lex) == "year":
        return True
    weekly = [q for q in qs if q.kind == "count" and q.unit == "hours" and q.end <= weeks.start]
    if not weekly:
        return False
    between = folded[weekly[-1].end : weeks.start]
    for w in lex.rates.get("week", []):
        between = between.replace(w, " ")
    after = folded[weeks.end :].lstrip()
    after = next((after[len(w) :] for w in lex.rates.get("year", []) if after.startswith(w)), after)  # "48 weken per jaar"
    return not re.sub(r"[\s,;(]", "", between) and not re.match(r"\s*[a-z]", after)


def _per_year(qs: list[Quantity], folded: str, lex: Lexicon) -> list[Quantity]:
    """Hours said per week or per month beside hours said per year ("5.200 uur zorg per jaar; onze zzp'er werkt 24
    uur per week") are put per year, so the parts and the whole are on one footing: times the weeks the question
    names ("52 weken", "40 weeks") or a year's weeks and months (lexicon [rates] per_year); the value keeps the
    amount and factor it comes from (`times`). Without hours per year nothing changes."""
    periods = {i: _period_of(q, folded, lex) for i, q in enumerate(qs) if q.kind == "count" and q.unit == "hours"}
    if "year" not in periods.values() or not any(p in lex.per_year and p != "year" for p in periods.values()):
        return qs
    weeks = next((q.number for q in qs if q.kind == "count" and q.unit == "weeks" and q.number and _weeks_a_year(q, qs, folded, lex)), None)
    factor = {name: Decimal(n) for name, n in lex.per_year.items()}
    if weeks is not None:
        factor["week"] = weeks
    out = list(qs)
    for i, p in periods.items():
        if p in factor and p != "year" and out[i].number is not None:
            out[i] = replace(out[i], value=out[i].number * factor[p], times=(factor[p], out[i].number), per=p)
    return out


HIRED_REACH = 40  # characters before a number in which a word of taking someone on makes "N of them" persons


def _persons_hired(qs: list[Quantity], folded: str, lex: Lexicon) -> list[Quantity]:
    """A number taken on ("by employing three of them", "door er twee van hen aan te nemen"): persons (unit staff),
    not hours or fte; the word of hiring stands in the same clause before or after "N of them"."""
    out = list(qs)
    for i, q in enumerate(qs):
        if q.kind not in ("number", "count") or (q.unit is not None and not q.inferred_unit):
            continue
        m = next((m for w in lex.of_persons if (m := re.match(rf"\s*{re.escape(w)}(?![\w])", folded[q.end :]))), None)
        if m is None:
            continue
        counted = next((o for o in reversed(qs[:i]) if o.kind == "count" and o.unit and not o.inferred_unit), None)
        if counted is not None and counted.unit != "staff" and any(
            re.match(rf"\s*{re.escape(w)}(?![\w])", folded[q.end :]) for w in lex.partitive
        ):  # "18,000 hours planned. 6,000 of those go to freelancers we take on": hours of those hours (not
            continue  # "drie van hen in dienst nemen" after hours: persons)
        before = re.split(r"[,.;:!?]", folded[max(0, q.start - HIRED_REACH) : q.start])[-1]
        after = re.split(r"[,.;:!?]", folded[q.end + m.end() : q.end + m.end() + HIRED_REACH])[0]
        if any(word_pattern(w).search(before) or word_pattern(w).search(after) for w in lex.hires):
            out[i] = replace(q, kind="count", unit="staff", inferred_unit=False)
    return out


def _persons_of_change(qs: list[Quantity], folded: str, lex: Lexicon) -> list[Quantity]:
    """The number of persons a change "from X to Y" is said of ("twee van hen gaan van 1,0 naar 0,8 fte", "if 3 of
    them each go from 0.9 to 0.6"): persons (unit staff), never the fte or clients themselves."""
    out = list(qs)
    for i, q in enumerate(qs):
        if q.was is None or not i:
            continue
        p = qs[i - 1]
        said = folded[p.end : q.start]
        if p.kind in ("number", "count") and p.unit in (None, "fte") and not re.search(r"[.;:!?]", said) and any(
            re.match(rf"\s*{re.escape(w)}\b", said) for w in lex.of_persons
        ):
            out[i - 1] = replace(p, kind="count", unit="staff", inferred_unit=False)
    return out


_FROM = re.compile(r"(?:^|\s)(?:van|from)\s*$")
_TO = re.compile(r"^\s*(naar|to|into)(?![\w])\s*$")
FROM_TO_CHARS = 60  # how far before "from" a verb that makes "from X to Y" a change may stand (same clause)


def _from_to(qs: list[Quantity], folded: str, lex: Lexicon) -> list[Quantity]:
    """'Mo gaat van 0,6 naar 0,9 fte', 'our nurse is cut back from 0.9 to 0.7 fte': one value that changes, the new
    value with the one it was (`was`); "van ... naar" says so itself, "from ... to" with a verb of change in its
    clause (else "from 50 to 65 clients" is a range)."""
    out: list[Quantity] = []
    skip = False
    for k, q in enumerate(qs):
        if skip:
            skip = False
            continue
        pair = None
        if q.kind == "range" and isinstance(q.value, tuple):  # "from 0.6 to 0.9 fte" was read as a range
            inner = re.search(r"\d\s*(naar|to|into)(?![\w])\s*\S", folded[q.start : q.end])
            if inner and _FROM.search(folded[max(0, q.start - 8) : q.start]):
                pair = (q.value[0], q, inner.group(1))
        elif k + 1 < len(qs) and q.kind in ("number", "count") and qs[k + 1].kind in ("number", "count"):
            nxt = qs[k + 1]
            join = _TO.match(folded[q.end : nxt.start])
            same = q.kind == "number" or nxt.kind == "number" or q.unit == nxt.unit
            if join and same and q.number is not None and _FROM.search(folded[max(0, q.start - 8) : q.start]):
                pair = (q.number, nxt, join.group(1))
        if pair is None:
            out.append(q)
            continue
        was, new, word = pair
        clause = re.split(r"[,.;:!?]", folded[max(0, q.start - FROM_TO_CHARS) : q.start])[-1]
        tail = re.split(r"[,.;:!?]", folded[new.end : new.end + 30])[0]
        verbs = lex.from_to_verbs
        if word != "naar" and not any(word_pattern(v).search(f"{clause} {tail}") for v in verbs):
            out.append(q)
            continue
        value = new.value[1] if new.kind == "range" else new.value
        unit = new.unit or (q.unit if q is not new else None)
        kind = "count" if unit else "number"  # one value now, never a range
        out.append(replace(new, kind=kind, value=value, unit=unit, start=q.start, was=Decimal(was), change=None))
        skip = q is not new
    return out


_COPULA = re.compile(
    r"^\W*(?:(?:is|are|was|were|wordt|worden|gaat|gaan|zijn|raakt|raken|becomes|goes|van hen|of them|of us|daarvan)\s+){0,2}"
)
_DETERMINER = re.compile(r"(?<=\s)(?:the|those|these|our|de|het|die|deze|onze|ons)\s+$")


KEPT_CHARS = 20  # how near before a figure a word saying it stays the same stands ("met dezelfde 0,8 fte")


def _said_as_kept(q: Quantity, folded: str, lex: Lexicon) -> bool:
    """The figure is said as unchanged ("with the same 0.9 fte", "met dezelfde 180 cliënten")."""
    before = folded[max(0, q.start - KEPT_CHARS) : q.start]
    owner = r"(?:\s+(?:her|his|their|our|its|the|onze|haar|zijn|hun|de|het))?"  # "keeping her 0.8 fte"
    return any(re.search(rf"(?<![\w]){re.escape(w)}{owner}\s*$", before) for w in lex.same_words)


def _change(folded: str, q: Quantity, lex: Lexicon, next_start: int) -> str | None:
    """'een half fte erbij', '2 extra cliënten', 'one more case manager', '3 cliënten minder'. `next_start`: where
    the next quantity begins (a split verb belongs to the number nearest its particle: "als er in de 16 gebieden
    nog 8 cliënten bijkomen" adds clients, not areas)."""
    before = re.sub(_DETERMINER, "", folded[max(0, q.start - 30) : q.start])  # "drop the 3 areas": the verb
    after = re.sub(_COPULA, " ", folded[q.end : q.end + 24])[:16]  # "(0,6 fte) gaat met verlof": the word after the verb
    if q.unit == "staff" and any(re.search(rf"(?<![\w]){re.escape(w)}\s+(?:een|an|a)?\s*$", before) for w in lex.to_party):
        return None  # "... overdragen aan een collega": the person they go to, no change of the asker's staff
    if any(re.search(rf"(?<![\w]){re.escape(w)}\s*$", before) for w in lex.on_top_of):
        return None  # "30k extra bovenop (die) 580k": what is added onto, not a change itself
    inside = folded[q.start : q.end]
    for kind, words in (("more", [*lex.more, *lex.more_inside]), ("less", lex.less)):
        if any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", inside) for w in words):
            return kind
    kept = _said_as_kept(q, folded, lex)  # "8 more clients, keeping the same 0,9 fte": a change word before it is not its
    named = re.match(r"\s*([\w'-]+)\s+", folded[q.end : q.end + 40])  # "700 uur zzp extra": one word naming whose
    skip = len(named.group(0)) if named and named.group(1) not in lex.not_a_name and not named.group(1)[:1].isdigit() else 0
    for kind, words in (("more", lex.more), ("less", lex.less)):
        for w in words:
            if re.match(rf"\s*{re.escape(w)}(?![\w])", after) or (
                skip and re.match(rf"{re.escape(w)}(?![\w])", folded[q.end + skip : q.end + skip + 24])
            ) or (
                not kept and re.search(rf"(?<![\w]){re.escape(w)}\s*$", before)
            ):
                return kind
    window = folded[q.end : q.end + CLAUSE_END_CHARS]
    if re.match(r"\w", folded[q.end + CLAUSE_END_CHARS : q.end + CLAUSE_END_CHARS + 1]):
        window = re.sub(r"\w+$", "", window)  # a word cut by the window is no word of the clause
    clause_end = re.split(r"[,.;:!?(]", window)[0].rstrip()  # an aside opens a clause of its own
    joins = [w for w in lex.joining if w.isalpha()]  # "... (0,5 fte) per 1 juni weggaat en er komt niemand": the
    if joins:  # condition's clause ends at a word that joins the next one
        clause_end = re.split(rf"\s(?:{'|'.join(map(re.escape, sorted(joins)))})\s(?!\d|(?:een|één|one)\s)", clause_end)[0].rstrip()
        # ("met maar 1 cliënt": "maar" before a figure is "only", no join)
    accrues = "|".join(map(re.escape, lex.accrues)) or "(?!)"
    for w in lex.still_before:  # "als we nog € 9.000 factureren", "if we still invoice 12k": billed on top of what
        m = re.search(rf"(?<![\w]){re.escape(w)}(?:\s+({accrues}))?\s*(?:€|eur|euro)?\s*$", before)  # was reached
        if m and (m.group(1) or re.search(rf"(?<![\w])(?:{accrues})(?![\w])", clause_end)):  # (not "we zitten nog
            return "more"  # op 400k": no verb that adds up)
    condition = re.split(r"[,.;:!?]", folded[max(0, q.start - CONDITION_CHARS) : q.start])[-1]
    if not kept and re.search(r"(?:^|[\s(])(?:als|if|wanneer|when|stel dat|suppose)\s", condition):
        party = "|".join(map(re.escape, lex.to_party))  # "... overdragen aan een collega-aanbieder": whom it goes to
        to = rf"(?:\s+(?:{party})(?![\w]).*)?" if party else ""  # may follow the verb
        for kind, words in (("more", lex.more), ("less", lex.less)):  # "als we die 8 gebieden ... afstoten": the
            if any(re.search(rf"(?<![\w]){re.escape(w)}{to}$", clause_end) for w in words):  # verb ends the clause
                return kind
    head = re.split(r"[,.;:!?]", folded[max(0, q.start - AROUND_BEFORE_CHARS) : q.start])[-1]
    tail = re.split(r"[,.;:!?]", folded[q.end : min(q.end + AROUND_CHARS, next_start)])[0]
    for kind, pairs in lex.inverted.items():  # a split verb after it, subject between: "8 gebieden geven we op"
        for first, last in pairs:
            if re.match(rf"\s*(?:\S+\s+){{0,2}}?{re.escape(first)}\s+(?:\S+\s+){{0,2}}?{re.escape(last)}(?![\w])", tail):
                return kind
    for kind, pairs in lex.around.items():  # a split verb around it: "nemen er 2 fte bij"
        for first, last in pairs:
            after_last = rf"(?!\s+(?:{'|'.join(map(re.escape, lex.around_not_followed))})(?![\w]))" if lex.around_not_followed else ""
            joined = f"(?:{'|'.join(map(re.escape, lex.around_joined))})?" if lex.around_joined else ""
            if re.search(rf"(?<![\w]){re.escape(first)}(?![\w])", head) and re.search(
                rf"(?<![\w]){re.escape(last)}{joined}(?![\w]){after_last}", tail
            ):
                return kind
    return None


DESCRIBED_CHARS = 40  # how far a count described as part of a changed count may stand after it


def _described_changes(qs: list[Quantity], folded: str, lex: Lexicon) -> list[Quantity]:
    """'we stoppen in 4 gebieden waar we samen 6 cliënten hebben': the clients of the areas that go, go too."""
    out = list(qs)
    for i, q in enumerate(qs):
        if q.kind != "count":
            continue
        prev = next((p for p in reversed(qs[:i]) if p.kind in ("count", "number")), None)  # as read, not as spread
        if prev is None or not prev.change or prev.unit == q.unit or q.change not in (None, prev.change):
            continue
        between = folded[prev.end : q.start]
        joining = lex.described + (lex.size_of_person if prev.unit == "staff" and q.unit in ("fte", "hours") else [])
        if (
            len(between) <= DESCRIBED_CHARS and not re.search(r"[.;!?]", between)
            and any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", between) for w in joining)
            and not any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", between) for w in [*lex.own_words, *lex.keeps])
            and not _opens_clause(between, lex)  # "... 0,6 fte stopt en wij komen uit op 300": another clause
            and not any(re.search(rf"(?<![\w]){re.escape(w)}\s*$", between) for w in lex.to_party)  # "... de cliënten
        ):  # overdragen aan een collega": whom they go to, no part of the change  # "3 cliënten erbij met onze 5 fte", "... with the same 0.9 fte": the asker's own figure, not part of the change
            out[i] = replace(q, change=prev.change)
            if prev.unit == "areas" and q.unit == "clients" and _for_each_area(q, prev, folded, lex):
                out[i] = replace(out[i], value=q.value * prev.value, times=(prev.value, q.value))  # "de 9 gebieden
                # waar we elk 1 cliënt hebben": 9 × 1
    return out


EACH_CHARS = 30  # how far after a count of persons the size each of them has may stand ("3 casemanagers van elk 0,6 fte")


def _each_person(qs: list[Quantity], folded: str, lex: Lexicon) -> list[Quantity]:
    """"3 casemanagers van elk 0,6 fte", "two nurses of 0.5 fte each": the fte or hours said of each of a count of
    persons are their product (times: the persons and the size of each), when the word for "each" stands right before
    the size or right after it, in the same clause."""
    out = list(qs)
    for i, q in enumerate(qs):
        if q.kind != "count" or q.unit not in ("fte", "hours") or q.number is None or q.times is not None or i == 0:
            continue
        persons = qs[i - 1]
        if persons.kind != "count" or persons.unit != "staff" or persons.number is None or persons.change:
            continue
        between = folded[persons.end : q.start]
        if len(between) > EACH_CHARS or re.search(r"[.;:!?,]", between):
            continue
        before = re.findall(r"[\w']+", between)[-1:]
        after = folded[q.end :].lstrip()
        if (before and before[0] in lex.per_each and before[0] != "per") or any(
            re.match(rf"{re.escape(w)}\b", after) for w in lex.each_after
        ):
            out[i] = replace(q, value=q.number * persons.number, times=(persons.number, q.number))
    return out


def _opens_clause(text: str, lex: Lexicon) -> bool:
    """"... en wij komen dan uit op": a joining word and a subject of its own open another clause in `text`."""
    pattern = _clause_opening(tuple(lex.joining), tuple(lex.clause_subjects))
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=4)
def _clause_opening(joining: tuple[str, ...], subjects: tuple[str, ...]) -> re.Pattern[str] | None:
    """A joining word followed by a subject (lexicon `joining`, `clause_subjects`), compiled once; None without them."""
    joins = "|".join(re.escape(w) for w in joining if w.isalpha())
    said = "|".join(re.escape(w) for w in subjects)
    return re.compile(rf"(?<![\w])(?:{joins})\s+(?:{said})(?![\w])") if joins and said else None


RESTATED_CHARS = 50  # how far a figure said again precisely may stand after the rough one
RESTATED_SHARE = Decimal("0.25")  # how far apart the two may be: the precise one is near the rough one
EXACT_CHARS = 25  # how near after the figure said again its word of precision may stand ("29.400 to be exact")


def _change_said_again(qs: list[Quantity], asides: list[tuple[int, int]]) -> list[Quantity]:
    """'... de twee gebieden met 1 cliënt laten vallen (die 2 cliënten gaan naar een collega)': a count in an aside
    right after a changed count of its unit, of the same value, says that change again: it is left out."""
    out: list[Quantity] = []
    for q in qs:
        last = out[-1] if out else None
        if (
            last is not None and last.change and q.kind == "count" and last.kind == "count" and q.unit == last.unit
            and q.value == last.value and any(last.end <= a < q.start < b for a, b in asides)
        ):
            continue
        out.append(q)
    return out


def _restated(qs: list[Quantity], folded: str, lex: Lexicon, asides: list[tuple[int, int]]) -> list[Quantity]:
    """'ruim 4 fte (4,2 om precies te zijn)', 'about 18k hours, 17,600 to be exact': the figure said again precisely,
    in an aside or after a word of precision (lexicon [change] exact), near in size, is the one figure: it takes
    the place, unit and cues of the rough one, without the rough one's bound ("bijna", "about")."""
    out = list(qs)
    numeric = [i for i, q in enumerate(qs) if q.kind in ("count", "money", "percent", "number") and q.number is not None]
    gone: set[int] = set()
    exact = "|".join(re.escape(w) for w in sorted(lex.exact, key=len, reverse=True))
    for i, j in zip(numeric, numeric[1:], strict=False):
        q, r = qs[i], qs[j]
        between = folded[q.end : r.start]
        if i in gone or len(between) > RESTATED_CHARS or re.search(r"[.;!?]", between):
            continue
        if not (r.kind == q.kind or "number" in (q.kind, r.kind)) or (q.unit and r.unit and q.unit != r.unit):
            continue
        aside = next(((a, b) for a, b in asides if a <= r.start < b), None)
        if aside is not None and aside[0] >= q.end:  # "(4,2 om precies te zijn)": the aside says the figure again
            said = folded[aside[0] + 1 : r.start] + " " + folded[r.end : aside[1] - 1]  # and nothing else
            if not re.fullmatch(rf"[\s,:\-–]*(?:(?:{exact})[\s,:\-–]*)+", said):
                continue
        else:  # ", precies 83", ", 29.400 to be exact": only punctuation and the words of precision between
            after = re.split(r"[.;!?,]", folded[r.end : r.end + EXACT_CHARS])[0]
            if not re.fullmatch(rf"[\s,:(\-–]*(?:{exact})?[\s,:(\-–]*", between) or not (
                re.search(rf"(?<![\w])(?:{exact})(?![\w])", between + " " + after)
            ):
                continue
        rough, precise = q.number, r.number
        if abs(precise - rough) > RESTATED_SHARE * max(abs(rough), Decimal(1)):
            continue
        out[i] = replace(q, value=precise, bound=None)
        gone.add(j)
    return [q for k, q in enumerate(out) if k not in gone]


_BECOMES = r"(?:goes|gaat|comes|komt|rises|stijgt|grows|groeit|drops|daalt|falls|zakt|becomes|wordt|is)"


def as_repeated(q: Quantity) -> str:
    """The value as an answer repeats it back: as written, or a share said in words as its whole percentage ("all
    of our budget" -> "100%", "de helft" -> "50%")."""
    if q.kind == "percent" and not q.digits and q.number is not None and q.number == q.number.to_integral_value():
        return f"{int(q.number)}%"
    return q.text


def in_digits(text: str) -> str:
    """`text` with each share said in words as the texts write it ("moeten we de helft zelf leveren?" -> "... 50%
    ..."): a word such as "helft" is no term of the rule it names."""
    out, at = [], 0
    for q in read(text):
        repeated = as_repeated(q)
        if q.kind != "percent" or q.digits or repeated == q.text or q.start < at:
            continue
        if fold(text[q.start : q.end]) != fold(q.text):
            continue  # positions of a text that folds to another length: left as it is
        if re.search(r"\b(?:eerste|tweede|laatste|first|second|last|andere|other)\s*$", fold(text[: q.start])):
            continue  # "in de tweede helft van het jaar": a time, not a share
        out += [text[at : q.start], repeated]
        at = q.end
    return "".join(out) + text[at:]


def said_as_total(q: Quantity, lex: Lexicon | None = None) -> bool:
    """The value is said as the sum of its parts ("so 2.5 FTE in total", "dan samen 2,4 fte", "een totaal van 3
    fte"): a together word right beside it."""
    lex = lex or lexicon()
    after, before = " ".join(q.after[:3]), " ".join(q.before[-4:])
    for w in lex.together:
        if (after == w or after.startswith(w + " ")) and after[len(w) :].split()[:1] not in (["met"], ["with"]):
            return True  # "... 2,4 fte samen" ("2.000 uur samen met een onderaannemer" is said with another party)
        if re.search(rf"(?:^|\s){re.escape(w)}(?:\s{_BECOMES})?(?:\s(?:of|van|to|naar|op))?$", before):  # "brings the
            # total to 8,600", "het totaal gaat naar 7.300"
            return True
    # "we nemen iemand aan voor 0,5 fte. Dus 3,5 fte ...": the result of the change said before it
    return any(re.search(rf"(?:^|\s){re.escape(w)}$", before) for w in lex.result_words)


def _for_each_area(q: Quantity, areas: Quantity, folded: str, lex: Lexicon) -> bool:
    """A count of clients described with areas that go is a count for each of them: said so ("elk", "each"), or
    fewer than the areas (every area has a client) and not said to be theirs together."""
    around = folded[areas.end : q.end + 25]
    said = lambda words: any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", around) for w in words)  # noqa: E731
    if said(lex.together) or q.number is None or areas.number is None:
        return False
    return said(lex.each_area) or q.number < areas.number


CLAUSE_END_CHARS = 60  # how far the verb that ends a condition ("als we die 8 gebieden ... afstoten") may stand
CONDITION_CHARS = 60  # how far back in its sentence the word opening a condition may stand ("als wij 6 van onze
# gebieden afstoten en hun 8 cliënten aan een ander geven": one condition over both counts)
AROUND_CHARS = 30  # how far the two halves of a split change verb ("er ... bij") may stand from the number
AROUND_BEFORE_CHARS = 45  # ... its first half before it ("als er in die zelfde 7 gebieden nog 3 cliënten bij komen")


_NOT_CARRIED = {"points", "registrations", "years_count", "staff", "providers"}


def _carry_units(qs: list[Quantity], folded: str) -> list[Quantity]:
    """A bare number gets the unit of the one counted thing its sentence names ("we leveren 12.000 uur, waarvan
    7.000 door zzp'ers": 7.000 hours), unless the sentence names several units, or the number is a year or
    part of a ratio. A count in a parenthesis names no unit for the rest ("5, 3 en 2 (drie gebieden)"); with no
    counted thing, the unit word that stands before the numbers does ("onze uren vorig jaar: eigen personeel
    7.200, ..."; "cliënten per postcode: 5, 3, 2": not the word after "per")."""
    out = list(qs)
    lex = lexicon()
    asides = _asides(folded)
    tokens = _tokens(folded)

    def aside(q: Quantity) -> bool:
        return any(a <= q.start < b for a, b in asides)

    sentences = sentence_spans(folded)
    everywhere = {
        q.unit for q in qs
        if q.kind == "count" and q.unit and q.unit not in _NOT_CARRIED and not aside(q) and not _said_as_kept(q, folded, lex)
    }  # fmt: skip
    labelled: set[str] = set()  # units that a word before a sentence's bare numbers gave them
    label_size = Decimal(0)
    for a, b in sentences:
        inside = [i for i, q in enumerate(out) if a <= q.start < b]
        if any(word_pattern(w).search(folded[a:b]) for w in lex.money_nouns):
            labelled = set()  # "Omzet 2027: 900k. Daarvan 300k ...": amounts from here on, not the hours labelled before
            label_size = Decimal(0)
        units = {
            out[i].unit
            for i in inside
            if out[i].kind == "count" and out[i].unit and out[i].unit not in _NOT_CARRIED and not aside(out[i])
            and not _said_as_kept(out[i], folded, lex)  # "four more, keeping the same 1.2 fte": not four fte
        }
        # "21.000 uur in totaal. 9.500 door eigen personeel, ..."; a question takes the unit of another sentence only
        # when it takes its figures from it ("... Daarvan doen zzp'ers 3.400, mag dat?"; not "... 3 fte. Are our
        # 140 ok?")
        asks = folded[a:b].rstrip().endswith("?")
        pool = everywhere or labelled  # "Total hours: 30k. 12k by ..., 9k by ...": the unit a label gave before
        there = [i for i in inside if out[i].kind == "number" and _THERE_BEFORE.search(folded[max(0, out[i].start - 14) : out[i].start])]
        said_unit = any(lex.unit_for(t.text) for t in tokens if a <= t.start < b)  # ("er 87, cliënten bedoel ik")
        if not units and there and not said_unit:  # "Hoeveel cliënten hebben we nodig ...? Nu hebben we er 70.": of the
            # counted thing asked
            asked_units = {
                u for t in tokens if _asked_unit(folded, t.start, lex) and (u := lex.unit_for(t.text)) and u not in _NOT_CARRIED
            }  # fmt: skip
            pool = asked_units if len(asked_units) == 1 else pool
        only_amounts = not everywhere and bool(labelled)  # (carried then only to amounts in thousands, as the label's)
        if not units and len(pool) == 1 and (not asks or _says_part_of(folded[a:b], lex)):
            units = pool
        else:
            only_amounts = False
        bare = [
            i for i in inside
            if (out[i].kind == "number" or (out[i].kind == "money" and out[i].inferred_unit)) and out[i].ratio is None
        ]  # fmt: skip
        if not units and bare:
            first = out[bare[0]].start
            words = [
                (t, lex.unit_for(t.text))
                for k, t in enumerate(tokens)
                if a <= t.start < first
                and not {w.text for w in tokens[max(0, k - 3) : k]} & lex.per_each  # "per 4-digit postcode area"
                and not (k and ordinal_value(tokens[k - 1].text))  # "het tweede gebied er maar 1": a label
                and not (_asked_unit(folded, t.start, lex) and not re.search(r"[:;]", folded[t.start : first]))
                # "hoeveel fte hebben we nodig voor 250?": the unknown's unit (not "hoeveel cliënten ...: 80")
            ]
            named = [u for t, u in words if u and u not in _NOT_CARRIED and not any(x <= t.start < y for x, y in asides)]
            units = {named[-1]} if named else set()
            labelled |= units
        if len(units) != 1:
            continue
        unit = next(iter(units))
        for i in inside:
            q = out[i]
            scaled = q.kind == "money" and q.inferred_unit  # "5k uur zorg, waarvan 2k door zzp'ers": 2.000 hours
            clause = re.split(r"[,.;!?]", folded[max(0, q.start - 40) : q.start])[-1]  # with its label ("omzet: 40k")
            clause += " " + " ".join(re.findall(r"[\w'-]+", re.split(r"[,.;:!?]", folded[q.end : q.end + 40])[0])[:2])
            if scaled and any(word_pattern(w).search(clause) for w in lex.money_nouns):
                continue  # "verwachte omzet bij CZ 40k, ... 3 cliënten", "40k turnover from CZ clients": an amount
            if _spread_over(q, out, folded, unit, lex):
                continue  # "123 in totaal over die 41 gebieden": the 123 are spread over the areas, not areas
            if folded[q.end : q.end + 1] == "+":
                continue  # "(18+)": an age group, not a number of months
            if aside(q) and _counts_a_noun(folded, q):
                continue  # "(zzp'ers en 2 kleine organisaties)": the 2 count organisations, not clients
            if unit in _WHOLE_UNITS and q.number is not None and q.number != int(q.number):
                continue  # "postcode average were 2.6": no number of areas has decimals
            if only_amounts and not scaled and not _part_of_before(folded, q, lex) and not (
                q.number is not None and label_size and q.number * PARALLEL_RATIO >= label_size
            ):  # ("about 30k hours in all. Employees 17,000, ...": a figure of the label's size is of its measure)
                continue  # "Geplande uren: 24k. Daarnaast 12 teams.": the 12 are no hours (but "5.900 daarvan" are)
            if (q.kind == "number" or scaled) and q.number is not None and q.ratio is None and q.number >= 1:
                out[i] = replace(q, kind="count", unit=unit, inferred_unit=True)
                if not only_amounts:  # the largest figure a label gave its unit (a later sentence's figures of its size
                    label_size = max(label_size, q.number)  # take it too)
    return out


PARALLEL_RATIO = 10  # an item of a list of hours whose figure is within this factor of a sibling's is hours too
PARALLEL_UNITS = ("hours",)  # (not fte: "3,5 fte en 4 verpleegkundigen" counts persons of the size of fte figures)


def _parallel_items(qs: list[Quantity], folded: str, lex: Lexicon) -> list[Quantity]:
    """"10.000 uur totaal, 4.000 eigen personeel, 2.000 zzp'ers": an item of a list of hours that names its
    party with a word that also counts persons is of the list's measure, when it follows its sibling after a comma or
    "en" and its figure is of the size of a sibling's (within PARALLEL_RATIO); "3.000 uur door 12 zzp'ers" counts
    persons."""
    out = list(qs)
    for i, q in enumerate(out):
        if q.kind != "count" or q.unit != "staff" or q.number is None or q.number <= 0:
            continue
        if not re.search(r"(?:[,;]|\b(?:en|and|plus))\s*$", folded[max(0, q.start - 8) : q.start]):
            continue
        span = next(((a, b) for a, b in sentence_spans(folded) if a <= q.start < b), (0, len(folded)))
        siblings = [
            o for o in out[:i]
            if o.kind == "count" and o.unit in PARALLEL_UNITS and o.number and span[0] <= o.start < span[1]
        ]  # fmt: skip
        if siblings and 1 / PARALLEL_RATIO <= float(q.number) / float(siblings[-1].number) <= PARALLEL_RATIO:
            out[i] = replace(q, unit=siblings[-1].unit, inferred_unit=True)
    return out


def _vague_after(folded: str, end: int) -> bool:
    """Words right after a number that make it indefinite ("één of enkele"; lexicon `vague_after`)."""
    rest = folded[end : end + 20].lstrip()
    return any(re.match(rf"{re.escape(v)}\b", rest) for v in lexicon_data()["words"].get("vague_after", []))


_THERE_BEFORE = re.compile(r"(?<![\w'])er\s+(?:nu\s+|al\s+|maar\s+|pas\s+|zo'?n\s+|ongeveer\s+|circa\s+)?$")  # "we hebben er 70"


def _asked_unit(folded: str, start: int, lex: Lexicon) -> bool:
    """The unit word at `start` is the count a question asks for ("hoeveel fte", "how many hbo nurses")."""
    before = " ".join(re.findall(r"[\w'-]+", folded[max(0, start - 30) : start])[-3:])
    return any(re.search(rf"(?:^|\s){re.escape(a)}(?:\s[\w'-]+)?$", before) for a in lex.asks_count)


def _part_of_whole(qs: list[Quantity], folded: str, lex: Lexicon) -> list[Quantity]:
    """A bare number right before an `out_of` phrase and a count ("3.000 van de 8.000 zorguren", "2,500 out of
    6,000 hours") is a part of that count, in its unit."""
    out = list(qs)
    for i, q in enumerate(out[:-1]):
        whole = out[i + 1]
        if q.kind != "number" or q.ratio is not None or whole.kind != "count" or not whole.unit:
            continue
        between = " ".join(re.findall(r"[\w'-]+", folded[q.end : whole.start]))
        if between in lex.out_of:
            out[i] = replace(q, kind="count", unit=whole.unit, inferred_unit=True)
    return out


# the time units of counts ("3 maanden", "een half jaar") in days, so durations in two units compare
DAYS_PER_UNIT = {"days": 1, "weeks": 7, "months": 30, "years_count": 365}
_WHOLE_UNITS = {"areas", "registrations"}  # counted things that come only in whole numbers

_LINK_WORDS = {"en", "of", "and", "or", "van", "in", "op", "per", "door", "bij", "voor", "met", "by", "for", "with", "at",
               "tot", "to", "t/m", "erbij", "extra", "meer", "minder", "more", "less"}  # fmt: skip


def _part_of_before(folded: str, q: Quantity, lex: Lexicon) -> bool:
    """Right after the number, a word that takes it from the figure before ("5.900 daarvan", "5,900 of those"): a
    part of what was labelled, in its unit."""
    after = folded[q.end : q.end + 20]
    return any(re.match(rf"\s*{re.escape(w)}(?![\w])", after) for w in [*lex.part_after, *lex.partitive])


def _says_part_of(sentence: str, lex: Lexicon) -> bool:
    """The sentence takes its figures from what was counted before ("daarvan", "of which", "van die")."""
    return any(word_pattern(w).search(sentence) for w in [*lex.containing, *lex.partitive])


def _counts_a_noun(folded: str, q: Quantity) -> bool:
    """The number is followed by a plural noun of its own, perhaps after an adjective ("2 kleine organisaties",
    "3 teams"; not a link word, not an elliptic "20 nieuwe"): it counts that."""
    m = re.match(r"\s+([^\W\d_][\w'’-]*)(?:\s+([^\W\d_][\w'’-]*))?", folded[q.end :])
    if m is None or m.group(1) in _LINK_WORDS:
        return False
    return any(w and w.endswith(("s", "en")) for w in m.groups())


def _spread_over(q: Quantity, qs: list[Quantity], folded: str, unit: str, lex: Lexicon) -> bool:
    """`q` stands before "over"/"across" and a count of `unit`: what it counts is spread over those."""
    after = [x for x in qs if x.start >= q.end and x.kind == "count" and x.unit == unit]
    if not after:
        return False
    between = folded[q.end : after[0].start]
    return any(word_pattern(w).search(between) for w in lex.spread)


_PER = re.compile(  # "om gemiddeld op 3 uit te komen", "to get to 3": a target, no ratio
    r"^\s*(?:(?!(?:om|gemiddeld|average|get|reach|komen)\b)[\w'\-]+\s+){0,3}?"
    r"(?:per|op|for every|for each|voor elke|voor iedere|on|to)\s+(?:elke\s+|iedere\s+|every\s+|each\s+)?$"
)


def _ratios(qs: list[Quantity], folded: str) -> list[Quantity]:
    """'1 fte per 40 cliënten', '1 FTE for every 55 clients', '1 op 55': two counts of different units joined by
    'per'/'op' state a ratio; both are marked with the ratio's position (the caller decides: a rule claimed, or
    the user's own figures)."""
    out = list(qs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind in ("count", "number") and b.kind in ("count", "number") and (a.unit != b.unit or a.unit is None):
            if _PER.match(folded[a.end : b.start]) and a.ratio is None:
                out[i], out[i + 1] = replace(a, ratio=i), replace(b, ratio=i)
    return out


def _more_postcodes(typed: list[tuple], folded: str) -> list[tuple]:
    """A 4-digit number that is not a year reads as a postcode after 'in'/'op'/'bij' or right before a count
    ("in 5612 2", "in 5042 4 cliënten"), and so does one beside postcodes already found ("5041, 5042 en 5043")."""
    found = any(kind == "postcode" for _, kind, *_ in typed)
    out = []
    for i, (m, kind, unit, end, value) in enumerate(typed):
        four = m.digits and re.fullmatch(r"[1-9]\d{3}", m.raw) and not 2000 <= int(m.raw) <= 2040
        nxt = typed[i + 1] if i + 1 < len(typed) else None
        before_count = (
            nxt is not None and nxt[1] in ("count", "number") and re.fullmatch(r"\s*", folded[m.end : nxt[0].start])
        )
        after_prep = re.search(
            r"(?:\bin|\bop|\bbij|\bat|\bvoor|\bfor|,|\ben|\band|&)\s*$", folded[max(0, m.start - 8) : m.start]
        )
        if (
            four
            and kind in ("number", "count")
            and (
                before_count
                or (found and after_prep and kind == "number")  # "... en we leveren 1500 uur": hours
                or re.search(r"\b(?:in|op|bij)\s*$", folded[max(0, m.start - 5) : m.start])
            )
        ):
            out.append((m, "postcode", None, m.end, m.raw))
            found = True  # "in 5301 4, 5302 drie, 5303 en 5304 elk 2": the ones read so far stand by the next
        else:
            out.append((m, kind, unit, end, value))
    return out


# a time of day ("23.00", "7.00 uur", "8:30"): not a count of hours
_CLOCK_TIME = r"(?:[01]?\d|2[0-3])[.:][0-5]\d"
_CLOCK_HM = r"(?:[01]\d|2[0-3]):[0-5]\d"  # "22:00", "06:00": a clock time by its form alone
# a time of day from .. to, said with its word before it and as clock times: "tussen 23.00 en 7.00 uur", "van 22:00
# tot 06:00", "(23.00 - 7.00 uur)"; not "between 2.50 and 3.00 clients" or a range "10.00-12.00"
_CLOCK_SPAN = re.compile(
    rf"(?:\b(?:tussen|van|vanaf|between|from)\s+(?<![\w.,])(?:{_CLOCK_TIME}\s*(?:en|tot|and|to|until|-|–)\s*{_CLOCK_TIME}\s*uur\b"
    rf"|{_CLOCK_HM}\s*(?:en|tot|and|to|until|-|–)\s*{_CLOCK_HM}\b)"
    rf"|(?<![\w.,]){_CLOCK_TIME}\s*(?:-|–)\s*{_CLOCK_TIME}\s*uur\b)",
    re.I,
)
_CLOCK = re.compile(
    r"(?:(?<=\bom )|(?<=\btussen )|(?<=\bvanaf )|(?<=\bvan )|(?<=\btot )|(?<=\bat )|(?<=\bfrom )|(?<=\bbetween )|"
    r"(?<=\buntil ))(?:[01]?\d|2[0-3])[.:][0-5]\d\b(?:\s*uur\b)?|(?<![\w.,])(?:[01]?\d|2[0-3])[.:][0-5]\d\s*uur\b"
    r"|(?<![\w.,])(?:[01]?\d|2[0-3]):[0-5]\d\b",
    re.I,
)


_ORDINAL_WORDS = sorted(
    ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "laatste", "first", "second", "third", "fourth",
     "fifth", "sixth", "last", "1e", "2e", "3e", "4e", "5e", "1ste", "2de", "3de", "1st", "2nd", "3rd", "4th", "5th",
     "ene"),
    key=len, reverse=True,
)  # fmt: skip
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|tot(?:\s+en\s+met)?|t/m|to|a)\s*$")  # "a": a folded "180 à 200"
_BETWEEN = re.compile(r"(?:tussen|between)(?:\s+(?:de|the|zo'?n|ongeveer|ca\.?|circa|about|roughly))?\s*$")


def _ranges(typed: list[tuple], folded: str) -> list[tuple]:
    """'50-65 cliënten', '50 tot 65', 'tussen 50 en 65 per fte': two numbers of one kind joined into a range
    (a range of the unit that follows the second)."""
    out: list[tuple] = []
    i = 0
    while i < len(typed):
        cur = typed[i]
        nxt = typed[i + 1] if i + 1 < len(typed) else None
        kinds = ("number", "count", "percent", "money")
        if nxt is not None and cur[1] in kinds and nxt[1] in kinds and (nxt[1] != "money" or nxt[0].multiplier):
            between = folded[cur[0].end : nxt[0].start]
            joined = _RANGE_JOIN.match(between) or (
                re.match(r"^\s*(?:en|and)\s*$", between)
                and _BETWEEN.search(folded[max(0, cur[0].start - 20) : cur[0].start])
            )
            low = _scaled_low(cur, nxt)
            if joined and not _in_dash_chain(typed, i, folded) and (cur[1] == "number" or cur[2] == nxt[2]) and low < nxt[4]:
                m = NumberMention(folded[cur[0].start : nxt[3]], low, cur[0].start, nxt[3], 0, cur[0].digits)
                kind = "range" if nxt[1] != "percent" else "percent_range"
                out.append((m, kind, nxt[2], nxt[3], (low, nxt[4])))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


_DASH = re.compile(r"^\s*[-–—]\s*$")


def _in_dash_chain(typed: list[tuple], i: int, folded: str) -> bool:
    """'5 - 1 - 2 - 4': three or more numbers joined by dashes are a list of counts, not a range (a range has
    two ends)."""
    def dashed(a: int) -> bool:
        return 0 <= a and a + 1 < len(typed) and bool(_DASH.match(folded[typed[a][0].end : typed[a + 1][0].start]))

    return dashed(i) and (dashed(i - 1) or dashed(i + 1))


def _scaled_low(cur: tuple, nxt: tuple) -> Decimal:
    """The low end of a range whose high end alone says its multiplier ("tussen 6 en 7 duizend uur", "31 to 33
    thousand"): scaled by it when the scaled value is still below the high end; else as written."""
    factor = MULTIPLIERS.get(fold(nxt[0].multiplier or ""))
    if factor and not cur[0].multiplier and cur[4] * factor < nxt[4]:
        return Decimal(cur[4]) * factor
    return Decimal(cur[4])


def range_ends(text: str) -> list[tuple[str, Decimal]]:
    """'tussen de 150 en 170 cliënten': the text said once with each end of its first range of numbers
    ("150 cliënten", "170 cliënten") and that end's value, so a calculation can be worked out for both; [] without
    such a range."""
    for q in read(text):
        if q.kind != "range":
            continue
        span = text[q.start : q.end]
        numbers = find_numbers(span)
        if len(numbers) < 2:
            continue
        low = span[: numbers[0].end] + span[numbers[1].end :]
        if numbers[1].multiplier and not numbers[0].multiplier and q.value[0] != numbers[0].value:  # "9 en 10
            # duizend uur": the low end is said with the multiplier ("9 duizend uur")
            said = span[numbers[1].start : numbers[1].end]  # "95k" joins its multiplier, "10 duizend" spaces it
            gap = "" if re.search(rf"\d{re.escape(numbers[1].multiplier)}$", said) else " "
            low = f"{span[: numbers[0].end]}{gap}{numbers[1].multiplier}{span[numbers[1].end :]}"
        high = span[numbers[1].start :]
        lead = _BETWEEN.search(fold(text[max(0, q.start - 20) : q.start]))
        start = q.start - (len(lead.group(0)) if lead else 0)
        values = q.value if isinstance(q.value, tuple) else (numbers[0].value, numbers[1].value)
        return [(text[:start] + end + text[q.end :], v) for end, v in ((low, values[0]), (high, values[1]))]
    return []


BOUND_YEAR_CHARS = 30  # how near a year bound to a letter stands to it ("2025 was een C", "C in 2025")


def _with_years(qs: list[Quantity], folded: str, lex: Lexicon) -> list[Quantity]:
    """Score letters and cost points take the years of their own clause: the years after them up to the next
    letter, else the years before them; 'beide jaren' / a lone letter takes every year the text names."""
    years = [q for q in qs if q.kind == "year"]
    every = tuple(sorted({q.value for q in years}))
    both = any(p in folded for p in lex.both_years)
    scored = [q for q in qs if q.kind == "score" or (q.kind == "count" and q.unit == "points")]
    clauses = _clauses(folded, tuple(q.start for q in scored if q.kind == "score"))
    out = []
    bound = _adjacent_years(qs, folded)
    for q in qs:
        if q not in scored:
            out.append(q)
            continue
        if q.start in bound:
            out.append(replace(q, years=bound[q.start]))
            continue
        letter = next((o for o in reversed(out) if o.kind == "score" and o.end <= q.start), None)
        if q.kind == "count" and letter is not None and letter.years and _POINTS_OF_LETTER.match(folded[letter.end : q.start]):
            out.append(replace(q, years=letter.years))  # "a C (with 3 cost points)": the points of that letter
            continue
        a, b = next(((a, b) for a, b in clauses if a <= q.start < b), (0, len(folded)))
        same = [s for s in scored if a <= s.start < b and s.kind == q.kind]
        idx = same.index(q)
        stop = same[idx + 1].start if idx + 1 < len(same) else b
        if q.kind == "count":  # points end at the next letter too ("B in 2026 with 4 points, B again in 2027")
            stop = min([stop] + [s.start for s in scored if s.kind == "score" and q.end <= s.start < stop])
        begin = same[idx - 1].end if idx else a
        # a year written right against another letter is that letter's ("... werd het C, met 2 punten (het jaar ervoor nog een B)")
        others = [y for y in years if any(s != q.start and y.value in ys and abs(y.start - s) <= BOUND_YEAR_CHARS
                                          for s, ys in bound.items())]  # fmt: skip
        free = [y for y in years if y not in others]
        nxt = same[idx + 1] if idx + 1 < len(same) else None
        after = tuple(
            y.value for y in free if q.end <= y.start < stop
            # "A voor 2026, in 2027 dalen we naar B": a year that opens the next letter's clause is that letter's
            and not (nxt is not None and _BREAK.search(folded[q.end : y.start]) and not _BREAK.search(folded[y.end : nxt.start]))
        )  # fmt: skip
        before = tuple(y.value for y in free if begin <= y.start < q.start)
        breaks = [m.end() for m in _BREAK.finditer(folded, begin, q.start)]
        if breaks and any(breaks[-1] <= y.start < q.start for y in free):  # "..., in 2027 dalen we naar B": the
            before = tuple(y.value for y in free if breaks[-1] <= y.start < q.start)  # year of its own clause
        yrs = after or before
        prev = same[idx - 1] if idx else None
        if (
            not yrs
            and prev is not None
            and prev.negated
            and re.search(r"\b(maar|but|wel)\b", folded[prev.end : q.start])
        ):
            yrs = next((o.years for o in out if o is prev or (o.start == prev.start and o.kind == prev.kind)), ())
        if not yrs and (both or len([s for s in scored if s.kind == q.kind]) == 1):
            yrs = every
        out.append(replace(q, years=tuple(dict.fromkeys(yrs))))
    return [replace(q, only=True) if _said_alone(q, folded, lex) else q for q in out]


_BREAK = re.compile(r"[,;]")  # a clause break between a score letter and a year


def _said_alone(q: Quantity, folded: str, lex: Lexicon) -> bool:
    """A score letter or points of one year, said for that year alone."""
    scored = q.kind == "score" or (q.kind == "count" and q.unit == "points")
    return scored and len(q.years) == 1 and _only_year(_around(folded, q, ONLY_CHARS), q.years[0], lex)


ONLY_CHARS = 30  # how far from its letter "alleen in 2026" may stand


def _around(folded: str, q: Quantity, chars: int) -> str:
    """The text up to `chars` either side of `q`, within its sentence and not past another score letter's clause."""
    before = re.split(r"[.;!?]|,\s*(?:maar|but|en|and)\b", folded[max(0, q.start - chars) : q.start])[-1]
    after = re.split(r"[.;!?,]", folded[q.end : q.end + chars])[0]
    return before + folded[q.start : q.end] + after


def _only_year(clause: str, year: int, lex: Lexicon) -> bool:
    """The clause says its year alone ("uitsluitend in 2027 een A", "an A just for 2026", "in 2026 only")."""
    only = "|".join(re.escape(w) for w in lex.only_year)
    return bool(only) and re.search(
        rf"(?<![\w])(?:{only})\s+(?:(?:in|voor|for|over)\s+)?{year}(?![\w])|(?<![\w]){year}\s+(?:{only})\s*(?:[.,;:!?]|$)", clause
    ) is not None


_YEAR_THEN_LETTER = re.compile(
    r"^\s*(?:,\s*)?(?:(?:een|a|an|ook|weer|opnieuw|again|also|nog|steeds|still|toch|al|already|dan|then|wel|de|het|"
    r"score|scoorden|scoorde|we|wij|scored|hadden|had|kregen|got|was|is|were|waren|werd|werden|zijn|became|dropped|fell|went|rose|"
    r"to|naar|gedaald|gezakt|gestegen|terug|bleef|bleven|blijft|stayed|remained|remains|"
    r"zakken|zakt|dalen|daalt|stijgen|stijgt|gaan|gaat|komen|komt|uit|drop|drops|fall|falls|go|goes|slip|slips|down)\s+){0,5}$"
    r"|^\s*-?score\s+(?:[\w']+\s+){0,4}$"  # "our 2027 score had fallen to a B"
    r"|^\s*(?:[\w']+\s+){1,2}(?:een|a|an)\s+$"  # "while 2026 stayed an A"
)
_LETTER_THEN_YEAR = re.compile(r"^\s*(?:-?score\s+)?(?:(?:again|weer|opnieuw|ook|also|too)\s+)?(?:in|voor|for|over)\s*$")


_POINTS_OF_LETTER = re.compile(  # "a C (with 3 points)", "score C op het waardemodel, met 2 punten"
    r"^\s*(?:-?\s*score\s*)?(?:(?:in|op|on)\s+(?:het\s+|the\s+|our\s+|ons\s+)?(?:waardemodel|value[ -]model)\s*)?"
    r"(?:(?:in|voor|for)\s+20\d\d\s*)?(?:[\w']+\s*(?=\())?[(,]?\s*(?:met|with|en|and|plus)?\s*$"
)
_YEARS_JOIN = re.compile(
    r"\s*(?:,|en|and|&|als|as well as|t/m|tot en met)\s*(?:ook\s+|also\s+|weer\s+|again\s+|opnieuw\s+|eveneens\s+)?"
    r"(?:in\s+|voor\s+|for\s+)?"
)  # "B for 2026 and again for 2027": the letter of both years


def _adjacent_years(qs: list[Quantity], folded: str) -> dict[int, tuple[int, ...]]:
    """Years written right before or right after a score letter or cost points bind to it: in "in 2026 een A en
    in 2027 weer een A" each A has its own year; a run of years ("in 2026 én 2027", "in 2026 en eveneens in 2027")
    binds as a whole."""
    years = [q for q in qs if q.kind == "year" and q.explicit_year]
    marks = [q for q in qs if q.kind == "score" or (q.kind == "count" and q.unit == "points")]
    runs: list[list[Quantity]] = []
    def opens_own(y: Quantity) -> bool:  # "eerst een A (2026), toen in 2027 een C": 2027 belongs to C
        nxt = next((m for m in marks if m.start >= y.end and m.kind == "score"), None)
        return nxt is not None and nxt.start - y.end <= 25 and bool(_YEAR_THEN_LETTER.match(folded[y.end : nxt.start]))

    def has_own(y: Quantity) -> bool:  # "een C voor 2026 ...": the year already said of the letter before it
        prev = next((m for m in reversed(marks) if m.end <= y.start and y.start - m.end <= 12), None)
        return prev is not None and prev.kind == "score" and bool(_LETTER_THEN_YEAR.match(folded[prev.end : y.start]))

    for y in years:
        join = folded[runs[-1][-1].end : y.start] if runs else ""
        # "een C voor 2026 en voor 2027 een A": a year with a letter of its own after it ends the run of the letter before
        if runs and _YEARS_JOIN.fullmatch(join) and not (opens_own(y) and ("," in join or has_own(runs[-1][0]))):
            runs[-1].append(y)
        else:
            runs.append([y])
    out: dict[int, list[int]] = {}
    for run in runs:
        first, last = run[0], run[-1]
        prev = next((m for m in reversed(marks) if m.end <= first.start and first.start - m.end <= 12), None)
        nxt = next((m for m in marks if m.start >= last.end and m.start - last.end <= 25 and m.kind == "score"), None)
        if prev is not None and _LETTER_THEN_YEAR.match(folded[prev.end : first.start]):
            out.setdefault(prev.start, []).extend(y.value for y in run)
        elif nxt is not None and _YEAR_THEN_LETTER.match(folded[last.end : nxt.start]):
            out.setdefault(nxt.start, []).extend(y.value for y in run)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@lru_cache(maxsize=50_000)
def word_pattern(phrase: str) -> re.Pattern[str]:
    """A folded phrase as a whole word or words, compiled once ("zzp" does not match inside "zzpers")."""
    left = r"(?<![\w])" if phrase[:1].isalnum() else ""
    right = r"(?![\w])" if phrase[-1:].isalnum() else ""
    return re.compile(left + re.escape(phrase) + right)


def of_kind(qs: list[Quantity], *kinds: str, unit: str | None = None) -> list[Quantity]:
    return [q for q in qs if q.kind in kinds and (unit is None or q.unit == unit)]
