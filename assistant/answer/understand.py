"""Understand a question: which calculator it is for (if any), with which arguments, and what is missing.

One generic router over the calculator specs (tools/specs/*.toml, loaded by `specs.py`):
1. the question is read once into typed quantities (`assistant.text.quantities.read`);
2. every spec is scored: its concepts matched on the same analysis retrieval uses (stems, compounds, the
   concept vocabulary), how many of the question's quantities its inputs take, and whether the question asks
   for a verdict or value; two specs that score alike are told apart by the embedder's similarity to each
   spec's example questions;
3. the chosen spec's inputs are filled by kind and the nearest cue (`assign`); defaults that shape the result
   become stated assumptions; a required input that is truly absent is asked for, unless the question asks
   for exactly that value and the calculator can work it out (`solve`).
No wording of a question lives here: words are data in the specs, the lexicon and the vocabulary.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from assistant.answer.asked import (
    asked,
    asked_clause,
    asked_start,
    asks_consequence,
    asks_of_the_rule,
    is_yes_no,
    objection_asked,
    own_conclusions,
    said_per,
    stretch_of,
    without_trailing_condition,
)
from assistant.answer.asked import (
    phrases as asked_phrases,
)
from assistant.answer.plan import msg
from assistant.answer.specs import CalculatorSpec, InputSpec, load_specs
from assistant.retrieve.hybrid import looks_back
from assistant.text.dates import en_date, nl_date
from assistant.text.numbers import format_eur, format_number, to_number
from assistant.text.quantities import (
    Quantity,
    as_repeated,
    fold,
    lexicon,
    names_clients,
    read,
    without_addresses,
    word_pattern,
)

TIME_INPUTS = ("date", "period")  # inputs that date the asker's case: alone they make no calculation
PERSONAL = re.compile(r"(?<![\w'])(we|wij|ons|onze|our|us|ik|mijn|my|me|i|jullie|hun|zij|they|their|ze)(?![\w'])")
CALC_KINDS = ("count", "money", "percent", "score", "date", "period", "range", "postcode")
TIE_MARGIN = 0.35  # specs closer than this in score are told apart by the embedder
ASKS_WEIGHT = 1.5  # the question asks what this calculator answers ("hoeveel krijgen we vergoed?")


@dataclass
class Area:
    """One postcode area of a per-area list: its label (a postcode, or an ordinal 'eerste'/'tweede') and count."""

    label: str | None
    count: int
    change: str | None = None  # "5612 had three more clients": add to (or take from) the count it had


@dataclass
class Reading:
    kind: str  # "tool" | "clarify" | "clause"
    tool: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    assumptions: list[tuple[str, str]] = field(default_factory=list)  # (nl, en): defaults that shaped the result
    notes: list[tuple[str, str]] = field(default_factory=list)  # (nl, en): how this turn's words were read
    missing: list[tuple[str, str, str]] = field(default_factory=list)  # (field, nl question, en question)
    solve: str | None = None  # the unknown asked for (a `[solve.<name>]` of the spec)
    areas: list[Area] | None = None
    quantities: list[Quantity] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # indices of the quantities that became arguments
    asks_calc: bool = False
    score: float = 0.0
    stated: list[str] = field(default_factory=list)  # fields filled from the question itself
    claims: dict[str, Any] = field(default_factory=dict)  # values the question claims for what it asks ("need 3 fte")
    claim_texts: dict[str, str] = field(default_factory=dict)  # the claimed values as the user wrote them
    claim_bounds: dict[str, str] = field(default_factory=dict)  # "nog geen 1,8": the claim is a bound (lt)
    follow_up: bool = False  # merged into the previous calculation of the conversation
    yes_no: bool = False  # the question (or, for a follow-up, the one it continues) asks for a yes or no
    changed: list[str] = field(default_factory=list)  # the inputs a follow-up changed
    outcome: bool | None = None  # the verdict field of the calculation's result (set when it has run)
    previous_outcome: bool | None = None  # a follow-up: the verdict of the calculation it continues
    # the result fields the spec's `changes_with` names (the staffel's percentage), of this and the last calculation
    outcome_values: list[Any] = field(default_factory=list)
    previous_outcome_values: list[Any] = field(default_factory=list)
    # an average worked out from two counts ("39 cliënten over 15 postcodes") -> those counts: a follow-up may change one
    quotients: dict[str, tuple[float, float]] = field(default_factory=dict)


# ---------------------------------------------------------------- phrase matching


def has_phrase(folded: str, phrase: str) -> bool:
    """The phrase stands in `folded` (as words); "a ~ b" is two words near each other (see `affirmed`)."""
    if "~" in phrase:
        return bool(_near_phrase(folded, phrase))
    p = fold(phrase)
    return bool(p) and word_pattern(p).search(folded) is not None


def phrase_places(folded: str, phrase: str) -> list[int]:
    """Where a phrase ("a ~ b" too) stands in `folded`, as character offsets."""
    return _near_phrase(folded, phrase) if "~" in phrase else phrase_at(folded, phrase)


def phrase_at(folded: str, phrase: str) -> list[int]:
    p = fold(phrase)
    return [m.start() for m in word_pattern(p).finditer(folded)] if p else []


@functools.cache
def _negations() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The negation words of the lexicon (one list for the quantity reader and the flags): right before a phrase
    (at most three words between: "voor geen enkele bestaande cliënt de zorg stopgezet"), and anywhere in a clause."""
    denying = lexicon().negations | lexicon().negation_verbs  # "skip" denies a fact, not a figure
    words = "|".join(sorted((re.escape(w) for w in denying), key=len, reverse=True))
    return (
        re.compile(rf"(?:\b(?:{words})|n't)\s+(?:[\w'-]+\s+){{0,3}}$"),
        re.compile(rf"(?<![\w])(?:{words})(?![\w])|n't\b"),
    )


NEGATION_CHARS = 45  # how far before a phrase its denial may start ("voor geen enkele bestaande cliënt de zorg ...")
NEAR_WORDS = 8  # "belasting ~ achterstand": both within this many words of each other
ORDERED_WORDS = 14  # "moeten wij ~> voldoen": b after a in one clause may stand this far ("moeten wij ook aan die eis van
# gemiddeld 3 per postcodegebied voldoen?"): the clause, not the distance, keeps them together


def affirmed(folded: str, phrase: str) -> bool:
    """The phrase occurs without a negation right before it ("geen nieuwe aanbieder" does not affirm "nieuwe");
    "a ~ b" is two words (or word starts) near each other in either order ("achterstand bij de Belastingdienst"),
    not denied earlier in their clause ("the registration doesn't say how they developed the added value")."""
    if "~" in phrase:
        return any(not _denied(folded, i) for i in _near_phrase(folded, phrase))
    return any(not _negations()[0].search(_proposed(folded[max(0, i - NEGATION_CHARS) : i])) for i in phrase_at(folded, phrase))


def _proposed(before: str) -> str:
    """The words before a phrase without a proposing "niet gewoon" ("mogen we het niet gewoon e-mailen?" affirms
    mailing; lexicon [negation] proposing)."""
    pattern = _proposing()
    return pattern.sub(" ", before) if pattern is not None else before


@functools.cache
def _proposing() -> re.Pattern[str] | None:
    """The lexicon's proposing phrases as one pattern, longest first (compiled once: `affirmed` is called often)."""
    words = sorted((re.escape(p) for p in lexicon().proposing), key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?:{'|'.join(words)})(?![\w])") if words else None


DENIED_WORDS = 3  # the words after "geen"/"not a" that it denies: adjectives and a noun ("no separate dementia addendum")


@functools.cache
def denying_words() -> str:
    """The lexicon's denying determiners (`determiners`: "geen", "not a", ...) as one alternation, longest first; ""
    when there are none."""
    return "|".join(sorted((re.escape(w) for w in lexicon().denying_determiners), key=len, reverse=True))


def denied_terms(folded: str, analyse: Any) -> set[str]:
    """Terms said only right after a denying determiner ("wij zijn geen coöperatie", "not a cooperative", lexicon
    `determiners`), never elsewhere: what the asker says it is not."""
    words = denying_words()
    if not words:
        return set()
    spans = [
        (m.start(), m.end()) for m in re.finditer(rf"(?<![\w])(?:{words})[\s-]+((?:[\w&'-]+\s*){{1,{DENIED_WORDS}}})", folded)
    ]
    if not spans:
        return set()
    denied = set(analyse(" ".join(folded[a:b] for a, b in spans)))
    rest = "".join(folded[spans[k - 1][1] if k else 0 : a] for k, (a, _) in enumerate(spans)) + folded[spans[-1][1] :]
    return denied - set(analyse(rest))


def never_taken(spec: CalculatorSpec, folded: str) -> bool:
    """The message asks what the calculator never takes (its `not_if`), said up to its last question ("They say it
    can be backdated. Is that so?" asks about backdating; "Is our registration on time? It can start retroactively
    anyway." checks the registration, and the claim after the question is answered as a premise)."""
    end = folded.rfind("?")
    where = folded[: end + 1] if end >= 0 else folded
    return any(says(where, p) for p in spec.not_if)


def says(folded: str, phrase: str) -> bool:
    """The question contains the phrase ("a ~ b": both near each other), negated or not."""
    if "~" in phrase:
        return bool(_near_phrase(folded, phrase))
    return has_phrase(folded, phrase)


def asks_strongly(spec: Any, folded: str) -> bool:
    """A word of the spec's (or an unknown's) own `asks` that is not a weak one (lexicon `weak_asks`): "voldoen
    we?", "ratio"."""
    return any(says(folded, a) for a in spec.asks if fold(a) not in lexicon().weak_asks)


NEGATION_SCOPE = 8  # words before a matched pair that a negation of its clause may stand in


def _denied(folded: str, pos: int) -> bool:
    """A negation earlier in the clause of the word at `pos` (no comma, semicolon or 'maar/but' in between)."""
    clause = re.split(r"[,;:.!?]|\bmaar\b|\bbut\b", folded[:pos])[-1]
    return bool(_negations()[1].search(" ".join(clause.split()[-NEGATION_SCOPE:])))


def _near_phrase(folded: str, phrase: str) -> list[int]:
    """Where "a ~ b" (a and b near each other, in either order) or "a ~> b" (b after a in the same clause) stands in
    `folded`."""
    ordered = "~>" in phrase
    a, b = (p.strip() for p in phrase.replace("~>", "~").split("~", 1))
    return _near(folded, a, b, ordered)


def _near(folded: str, a: str, b: str, ordered: bool = False) -> list[int]:
    """Character offsets of the first word of each place where a and b stand within NEAR_WORDS words (with
    `ordered`, b after a in the same clause)."""
    spans = [(m.start(), m.group(0)) for m in re.finditer(r"[\w'-]+", folded)]
    words = [w for _, w in spans]
    a_words, b_words = fold(a).split(), fold(b).split()

    def hits(parts: list[str]) -> list[int]:
        return [i for i in range(len(words)) if all(p in words[i + k] if i + k < len(words) else False for k, p in enumerate(parts))]

    def in_order(i: int, j: int) -> bool:  # b after a in the same clause
        return j > i and not re.search(r"[,;:.!?]", folded[spans[i][0] : spans[j][0]])

    return [
        spans[min(i, j)][0] for i in hits(a_words) for j in hits(b_words)
        if abs(i - j) <= (ORDERED_WORDS if ordered else NEAR_WORDS) and (not ordered or in_order(i, j))
    ]  # fmt: skip


def negated_phrase(folded: str, phrase: str) -> bool:
    if "~" in phrase:
        return any(_denied(folded, i) for i in _near_phrase(folded, phrase))
    return any(_negations()[0].search(folded[max(0, i - NEGATION_CHARS) : i]) for i in phrase_at(folded, phrase))


# between a cue and a value, a list separator counts as several words and a word that joins clauses as more:
# "we reached 85% in August and e-mailed the request on 12 September" (August was reached, not e-mailed)
SEPARATORS = {",": 3, ":": 3, ";": 3, "and": 8, "en": 8}


TIME_KINDS = ("date", "duration", "time")  # asked kinds only a calculator that declares them in answers_kinds answers
CONCEPT_CAP = 3.0  # many words of one topic say no more than a few: the figures and facts decide then
SUBJECT_FIGURES = 2  # own figures a message needs to be a calculation of the subject an earlier message named
VALUE_WEIGHT = 1.5  # per value or stated fact (a flag, a choice) of the question a calculator takes
UNPLACED_WEIGHT = 1.0  # per figure of the asker's with a unit the calculator has no input for
NUMERIC_KINDS = ("count", "money", "percent")  # inputs a calculation is worked out from (not flags, dates, scores)
WEAK_CUE = 0.4  # the weight of a weak cue against a cue


def _distance(words: list[str], years_free: bool = False) -> int:
    """The words between a cue and its figure, separators weighing more; `years_free` (for anti-cues): a year and
    the preposition before it weigh nothing ("het plafond voor 2027 bedraagt 640k": the ceiling's figure, said for its
    year, is no honoured budget)."""
    if years_free:
        words = [w for k, w in enumerate(words) if not _YEAR_WORD.fullmatch(w)
                 and not (k + 1 < len(words) and _YEAR_WORD.fullmatch(words[k + 1]) and w in _YEAR_PREPOSITIONS)]  # fmt: skip
    return sum(SEPARATORS.get(w, 1) for w in words)


_YEAR_WORD = re.compile(r"20[2-3]\d")
_YEAR_PREPOSITIONS = frozenset({"for", "in", "voor", "van", "of", "over"})


COMPOUND_HEAD = 6  # letters a one-word cue needs to be read as the head of a compound


@functools.lru_cache(maxsize=20_000)
def cue_pattern(cue: str) -> re.Pattern[str]:
    """A cue word as a whole word; a cue whose last word has four letters or more also with one of the lexicon's
    inflection endings ("deliver" in "delivered", "medewerker" in "medewerkers") but not as the head of a longer word
    ("zelf" is no "zelfstandige") nor as a word the follow-up tables know whole ("zelf" is no "zelfde")."""
    c = fold(cue)
    if not c[:1].isalnum():
        return re.compile(re.escape(c))
    words = re.escape(c).replace(r"\ ", r"[\s-]")  # a cue of two words also written joined ("own-staff hours")
    if not (len(c.split()[-1]) >= 4 and c[-1:].isalpha()):  # "van ons" is no "van onze"
        return re.compile(r"(?<![\w])" + words + r"(?![\w])")
    lex = lexicon()
    endings = "|".join(re.escape(e) for e in sorted(lex.inflections, key=len, reverse=True))
    known = sorted({w for w in [*lex.keeps, *lex.back] if " " not in w and w.startswith(c) and w != c})
    not_known = "".join(r"(?!" + re.escape(w) + r"(?![\w]))" for w in known)
    # a one-word cue of six letters or more is also the head of a compound ("organisatie" in "partnerorganisatie",
    # "zorg-bureau"): a Dutch compound ends in the word it is a kind of; a prefix of three letters makes none
    # ("subcontracting" is no kind of "contract")
    head = r"(?:[^\W\d_]{4,}-?)?" if " " not in c and len(c) >= COMPOUND_HEAD else ""
    return re.compile(r"(?<![\w])" + not_known + head + words + r"(?:" + endings + r")?(?![\w])")


MODIFIED_UNIT_WORDS = 4  # "800 extra zzp hours": the words between a number and its unit, with the unit


def _cue_distances(q: Quantity, cue: str, own: bool = False, sides: str = "ba", whole: bool = False) -> list[int]:
    """The distances (in words, separators weighing more) from the quantity to each place the cue stands in its
    context, leaving out places nearer to another number ("19.500 door eigen personeel, 14.000 via een bureau":
    "eigen personeel" is not said of 14.000) and the set a number is taken from ("6.000 van die bureau-uren").
    `own`: also leave out places as near to another number (an anti-cue must be the quantity's own); `sides`:
    "b" before it, "a" after it; `whole`: a word that opens parts after the quantity (lexicon `containing`) names
    it as the whole, though the parts' numbers stand nearer ("19.600 uur, waarvan 8.000 ...")."""
    pattern = cue_pattern(cue)
    opens_parts = whole and fold(cue) in lexicon().containing
    out = []
    unit_word = fold(re.sub(r"^[\d.,\s]+", "", q.text))
    if q.unit and len(unit_word.split()) <= 2 and pattern.search(unit_word):
        out.append(0)  # the quantity's own unit word is the cue ("6400 zorguren": the care hours in total)
    elif q.unit and unit_word and pattern.match(unit_word + " " + " ".join(q.after)):
        out.append(0)  # the unit word begins the cue ("20.000 uur zorg")
    elif q.unit and 2 < len(unit_word.split()) <= MODIFIED_UNIT_WORDS and pattern.search(" ".join(unit_word.split()[:-1])):
        out.append(0)  # a word between the number and its unit names it ("800 extra zzp hours")
    whole_after = _out_of_at(list(q.after))  # "3.000 van de 8.000 zorguren gaan naar zzp'ers": the words after the
    # whole are said of this part; and of a whole with a part before it ("... van de 8.000"), not of the whole
    whole_before = _part_before(list(q.before))
    for side, text in (("b", " ".join(q.before)), ("a", " ".join(q.after))):
        if side not in sides or (side == "a" and whole_before):
            continue
        for m in pattern.finditer(text):
            between = re.sub(r"^\S*", "", text[m.end() :]).split() if side == "b" else text[: m.start()].split()
            if side == "a" and any(" ".join(between) == p for p in lexicon().partitive):
                continue
            if side == "a" and any(word_pattern(p).search(" ".join(between)) for p in lexicon().rest_of_whole):
                continue  # "1.500, de rest doen we met eigen personeel": the cue is the rest's, not the figure's
            if q.kind != "percent" and _share_between(between):
                continue  # "2.000 uur en 45% daarvan doen onderaannemers": the cue says whose the share is
            if own and side == "b" and any(w in lexicon().condition for w in between):
                continue  # "halen wij de norm als onze zzp'ers 45% doen?": an anti-cue of the clause before the
                # condition the figure stands in is not the figure's own
            d = _distance(between, years_free=own)  # (an anti-cue said before the figure's year still excludes it)
            if opens_parts and side == "a" and not between and fold(cue) in lexicon().part_after:
                continue  # "1.400 uur, 800 daarvan via zzp'ers": 800 is a part of the figure before it, not a whole
            if opens_parts and side == "a":
                out.append(d)
                continue
            beyond = text[: m.start()].split()[::-1] if side == "b" else re.sub(r"^\S*", "", text[m.end() :]).split()
            other = next((k for k, w in enumerate(beyond) if w[:1].isdigit()), None)
            opens = side == "b" and text[max(0, m.start() - 1) : m.start()] == "("  # "3.000 (totaal ... 13.500"
            if side == "b" and between and all(w in lexicon().joining for w in between) and not q.before[-1:] == ("(",):
                continue  # "12% bij de dochter-bv plus 38% zzp": the cue ends the clause of the figure before it
            if other is not None and not opens:
                # a joining word between a cue and a number closes the clause it stands in: "65% doen zzp'ers en 35%
                # eigen personeel" says zzp'ers of 65%, not of 35%
                joining = lexicon().joining
                if side == "b" and any(w in joining for w in between):
                    continue
                if side == "a" and any(w in joining for w in beyond[:other]) and not any(w in joining for w in between):
                    out.append(d)
                    continue
            if side == "a" and whole_after and other is not None and len(beyond) - other <= whole_after + 2:
                other = None  # the number between is the whole this part is taken from
            if other is not None and not opens and (_distance(beyond[:other]) < d or (own and _distance(beyond[:other]) <= d)):
                if not (side == "b" and other == 0 and _persons(beyond[0], cue)):
                    continue  # ... but "3 zzp'ers samen 700 uur": the persons the cue counts, and their hours after
            out.append(d)
    return out


def _out_of_at(words: list[str]) -> int:
    """The words of an `out_of` phrase ("van de", "out of our") that `words` open, followed by a number ("van de
    8.000"); 0 when they do not. The number's own words (thousands split at the point: "8 000") follow it."""
    for p in sorted(lexicon().out_of, key=len, reverse=True):
        n = len(p.split())
        if words[:n] == p.split() and len(words) > n and words[n][:1].isdigit():
            return n
    return 0


def _of_counted(folded: str, phrase: str, units: frozenset[str]) -> bool:
    """Every place the phrase stands, the word right after it is a thing the calculator counts (`units`: "10 nieuwe
    postcodegebieden", "new clients"): the phrase is said of what is counted, not of the asker ("starting provider"
    is the asker)."""
    starts = phrase_at(folded, phrase)
    if not starts or "~" in phrase:
        return False
    width = len(fold(phrase))
    nexts = [re.match(r"\s*([\w'-]+)", folded[i + width :]) for i in starts]
    return all(m is not None and lexicon().unit_for(m.group(1)) in units for m in nexts)


@functools.cache
def _count_units_of(spec_units: tuple[str, ...]) -> frozenset[str]:
    return frozenset(u for u in spec_units if u)


def _count_units(spec: CalculatorSpec) -> frozenset[str]:
    """The units of the counts a calculator takes (clients, postcode areas, ...)."""
    return _count_units_of(tuple(u for inp in spec.inputs.values() if inp.kind == "count" for u in inp.units))


def _part_before(words: list[str]) -> bool:
    """`words` (before a figure) end in an `out_of` phrase after a number ("3.000 van de"): the figure is a whole."""
    for p in lexicon().out_of:
        n = len(p.split())
        if words[-n:] == p.split() and len(words) > n and words[-n - 1][:1].isdigit():
            return True
    return False


def _share_between(words: list[str]) -> bool:
    """A percentage among `words` (a number with a word of lexicon `percent_after`, or "45%"): a cue beyond it is said
    of that share, not of a figure on the other side of it."""
    signs = lexicon().percent_after
    return any(
        w[:1].isdigit() and (w.endswith("%") or (k + 1 < len(words) and words[k + 1] in signs))
        and not (k and words[k - 1] in INDEFINITE)  # "by a 100% subsidiary": said of the noun after it, no share
        for k, w in enumerate(words)
    )


INDEFINITE = ("een", "a", "an")


def _persons(number: str, cue: str) -> bool:
    """'3' before 'zzp'ers': a small whole number counting the persons the cue names (lexicon units `staff`)."""
    staff = lexicon().units.get("staff", set())
    return number.isdigit() and int(number) < PERSONS_MAX and fold(cue).split()[-1] in staff


PERSONS_MAX = 100  # a bare whole number below this, right before a word for persons, counts them ("3 zzp'ers")


def _cue_score(q: Quantity, cues: tuple[str, ...], whole: bool | None = None, sides: str = "ba") -> float:
    """How strongly cue words stand near a quantity: 1/(1 + distance), summed over the cues found; a phrase
    counts more than a single word ("als onderaannemer" names a party, "onderaannemer" only the concept).
    `whole`: whether the input is the whole that has parts (the spec's `whole`) or one of them; a word that
    opens the parts (lexicon `containing`: "waarvan", "of which") then counts only after a whole ("19.600 uur,
    waarvan ...") and before a part ("waarvan 8.000 door zzp'ers")."""
    total = 0.0
    for cue in cues:
        side = sides if whole is None or fold(cue) not in lexicon().containing else "a" if whole else "b"
        found = _cue_distances(q, cue, sides=side, whole=bool(whole))
        if found:
            total += (PHRASE_WEIGHT if " " in cue.strip() else 1.0) / (1.0 + min(found))
    return total


def settled(spec: CalculatorSpec, args: dict[str, Any], stated: Any) -> bool:
    """The asker stated a fact that settles the result without the required inputs (spec `settled_by`)."""
    return any(name in stated and args.get(name) == value for name, value in spec.settled_by.items())


def cue_strength(q: Quantity, inp: InputSpec, whole: bool | None = None) -> float:
    """How strongly the input's own cue words (`cues`, and `cues_before` standing before it) name the quantity;
    `whole` as in `_cue_score`."""
    return _cue_score(q, inp.cues, whole) + sum(
        (PHRASE_WEIGHT if " " in c.strip() else 1.0) / (1.0 + min(d)) for c in inp.cues_before if (d := _before(q, c))
    )


def _before(q: Quantity, cue: str) -> list[int]:
    """Where a cue that names an input only before its value stands before `q`: a phrase ("van onze", "out of") at
    any near distance, a lone word ("van", "of") only right before the figure ("van 10.400 uur"; not "een bv die
    niet van ons is, die 10.400 uur doet")."""
    found = _cue_distances(q, cue, sides="b")
    return found if " " in cue.strip() else [d for d in found if d == 0]


PHRASE_WEIGHT = 1.5


ANTI_DISTANCE = 2  # an anti-cue this near (in words) excludes the quantity
AFTER_DISTANCE = 1  # an anti-cue said after it only this near ("onze 100%-dochter", "100% owned", "4 per gebied"), not
# the party said after a word that joins it ("30% via de dochter-bv")


def anti_cued(q: Quantity, cues: tuple[str, ...], after: tuple[str, ...] = ()) -> bool:
    """An anti-cue right next to the quantity, in its own clause and not nearer to another number, excludes it;
    one of `after` only when it follows the quantity."""
    return any(d <= ANTI_DISTANCE for c in cues for d in _cue_distances(q, c, own=True)) or any(
        d <= AFTER_DISTANCE for c in after for d in _cue_distances(q, c, own=True, sides="a")
    )


# ---------------------------------------------------------------- areas


_PAIR_BEFORE = re.compile(
    r"^\s*(?:cz-?)?(?:cli[eë]nten|clients?|pati[eë]nten|verzekerden)?\s*(?:in|op|bij|at|voor|for)\s+(?:het\s+|de\s+|een\s+|the\s+|a\s+)?"
    r"(?:postcode(?:gebied)?\s+|pc\s+|area\s+|gebied\s+)?$",
    re.I,
)
_PAIR_AFTER = re.compile(
    r"^\s*(?:(?:postcode)?gebied(?:en)?|area|postcode|one)?\s*(?:(?:actually|really|eigenlijk|feitelijk|in feite|nu|now)\s+)?"
    r"(?:[:=→>\-]+|hebben we|hadden we|we have|we had|zijn er|zijn het er|waren het er|"
    r"waren er|zitten er|zaten er|zitten|zaten|met|with|telt|counts?|had|heeft|has|has got|at|op|staat op|stond op|komt op|is|was)?\s*(?:(?:er|maar|slechts|only|just|nog|still|toch|dan|then|weer|ook|also|again|actually|really|eigenlijk)\s+)*$",
    re.I,
)
_SERIES_SEP = re.compile(r"^\s*(?:,|\+|&|/|en|and|;|-|–|—)?\s*(?:,|\+|&|en|and)?\s*$", re.I)
# "Tom 1,0, Sara 0,8 en Lies 0,8 fte": a name before each part (one word after the separator)
_SERIES_NAMED = re.compile(r"^\s*(?:,|;|&|en|and)\s*(?:,\s*)?(?:en\s+|and\s+)?[A-ZÀ-Ý][a-zà-ÿ]+\s*:?\s*$")  # a name


def _rate(folded: str, found: Any, per: str = "rate_per", given: list[Quantity] | None = None) -> bool:
    """"hoeveel uur per maand werkt één zzp'er?": the asked unit is a rate (per month, per person), not the
    total an unknown of a calculator gives ("hoeveel uur mogen we uitbesteden?"); with `per="areas"`, counted per
    area ("hoeveel cliënten per postcodegebied moeten we hebben?"). Not when the asker's own figures of that unit
    (`given`) are said per the same stretch ("2.000 uur per maand, ...: hoeveel uur per maand mogen we nog
    uitbesteden?" asks the unknown in the asker's own terms)."""
    pattern = _rate_pattern(found.unit, per) if found.unit else None
    m = pattern.search(folded) if pattern is not None else None
    if m is None:
        return False
    stretch = stretch_of(m.group("per"))
    return not (stretch and any(q.unit == found.unit and said_per(q) == stretch for q in given or ()))


@functools.lru_cache(maxsize=16)
def _rate_pattern(unit: str, per_words: str = "rate_per") -> re.Pattern[str] | None:
    """The asked `unit` followed by what it is counted per (lexicon rate_per, or the area words of [units]), or None
    for a unit without words."""
    words = "|".join(re.escape(w) for w in sorted(lexicon().units.get(unit, ()), key=len, reverse=True))
    if not words:
        return None
    asks = r"(?:hoeveel|how\s+many|how\s+much)\s+(?:[\w'-]+\s+)?"  # the asked unit, not a given total ("bij 9.000 uur per jaar")
    counted = lexicon().rate_per if per_words == "rate_per" else sorted(lexicon().units.get(per_words, ()), key=len, reverse=True)
    per = "|".join(re.escape(w) for w in counted)  # per week, per person; not per year (a calculator's total)
    return re.compile(
        rf"\b{asks}(?:{words})\b(?:\s+[\w'-]+){{0,6}}?\s+(?:per|a|an|each|every|elke|iedere|een|één)\s+(?:[\w'-]+\s+)?(?P<per>{per})\b"
    )


def _is_number(q: Quantity, units: tuple[str, ...] = ("clients",)) -> bool:
    return (q.kind == "count" and q.unit in units) or (
        q.kind == "number" and q.number is not None and q.number == int(q.number) and q.number >= 0
    )


def read_areas(
    qs: list[Quantity], text: str, anti_cues: tuple[str, ...] = (), bare: bool = False, anti_after: tuple[str, ...] = ()
) -> tuple[list[Area], set[int]]:
    """Counts per area: labelled by a postcode ("5 in 5041", "in 5611 hebben we 6", "5041: 3") or an ordinal
    ("1 in een tweede"), or a series with the client word ("5, 1 en 2 cliënten", "6 + 3 + 2 + 1")."""
    used: set[int] = set()
    pairs: list[tuple[int, Area]] = []
    for i, q in enumerate(qs):
        if q.kind not in ("postcode", "ordinal") or i in used:
            continue
        shared = _each_of(qs, i, text)  # "6513 en 6514 elk 2": one count for each postcode of the run
        if shared:
            run, k = shared
            used |= {*run, k}
            pairs += [(qs[j].start, Area(qs[j].value, int(qs[k].number or 0), qs[k].change)) for j in run]
            continue
        label = q.value if q.kind == "postcode" else f"#{q.value}"
        prev = qs[i - 1] if i else None
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if prev is not None and i - 1 not in used and _is_number(prev) and _PAIR_BEFORE.match(text[prev.end : q.start]):
            used |= {i - 1, i}
            pairs.append((prev.start, Area(label, int(prev.number or 0), prev.change)))
        elif (
            nxt is not None
            and _is_number(nxt)
            and _PAIR_AFTER.match(text[q.end : nxt.start])
            and not (
                i + 2 < len(qs) and qs[i + 2].kind == q.kind and _PAIR_BEFORE.match(text[nxt.end : qs[i + 2].start])
            )
        ):
            used |= {i, i + 1}
            pairs.append((q.start, Area(label, int(nxt.number or 0), nxt.change)))
    named = _one_with_each(qs, text)  # "one area with 5, another with 2 and a third with 1": more than the ordinal
    if named and len(named[0]) > len(pairs):
        return named
    if pairs:
        return [a for _, a in sorted(pairs, key=lambda p: p[0])], used
    return _series(qs, text, anti_cues, bare, anti_after)


_JOINED = re.compile(r"^\s*(?:,|en|and|&|\+)\s*$")


def _each_of(qs: list[Quantity], i: int, text: str) -> tuple[list[int], int] | None:
    """Postcodes from `i` joined by "en" or commas and then one count said to be each one's ("5041 en 5042 elk 3",
    "5041, 5042 and 5043 with 2 each"): the postcodes' indexes and the count's; None when it is not that."""
    run = [i]
    while run[-1] + 1 < len(qs) and qs[run[-1] + 1].kind == "postcode" and _JOINED.match(
        text[qs[run[-1]].end : qs[run[-1] + 1].start]
    ):
        run.append(run[-1] + 1)
    each = lexicon().each_area
    if len(run) < 2:
        return None
    if i and _is_number(qs[i - 1]):  # "one client each in 6224 and 6225", "elk 2 cliënten in 5041 en 5042"
        before = fold(text[max(0, qs[i - 1].start - 12) : qs[i].start])
        if any(has_phrase(before, w) for w in each) and re.search(r"\b(?:in|op|at|for|voor)\s*$", before):
            return run, i - 1
    k = run[-1] + 1
    if k >= len(qs) or not _is_number(qs[k]):
        return None
    between = fold(text[qs[run[-1]].end : qs[k].start])
    after = fold(text[qs[k].end : qs[k].end + 12])
    if any(has_phrase(between, w) for w in each) or any(has_phrase(after, w) for w in each):
        return run, k
    return None



_WITH = re.compile(r"^(?P<head>.*?)\s*\b(?:met|with)\s+(?:(?:er|maar|slechts|only|just|nog|still)\s+)*$")


@functools.cache
def _one_more_area() -> re.Pattern[str]:
    """The end of a phrase that names one more area ("eentje", "nog een ander gebied", "another one")."""
    words = "|".join(sorted((re.escape(w) for w in lexicon().one_more_area), key=len, reverse=True))
    return re.compile(
        rf"(?:^|[\s,;:(])(?:(?:en|and)\s+)?(?:{words})(?:\s+(?:postcode\s*)?(?:area|gebied|postcodegebied|postcode))?$"
    )


def _one_with_each(qs: list[Quantity], text: str) -> tuple[list[Area], set[int]] | None:
    """Areas named one by one, each "with" its count: "1 gebied met 7 cliënten, eentje met 3 en nog eentje met 1",
    "one area with 5 clients, another with 2" (at least two; labelled in order, so "het tweede gebied" is the
    second)."""
    one_more = _one_more_area()
    found: list[tuple[int, int]] = []  # (index of the count, index of the "1 gebied" before it, or -1)
    for i, q in enumerate(qs):
        if not _is_number(q) or q.number is None:
            continue
        prev = qs[i - 1] if i else None
        m = _WITH.match(fold(text[prev.end if prev is not None else 0 : q.start]))
        if m is None:
            continue
        head = m.group("head").strip()
        area = not head and prev is not None and (
            prev.kind == "ordinal" or (prev.kind == "count" and prev.unit == "areas" and prev.number == 1)
        )
        if area or one_more.search(head):
            found.append((i, i - 1 if area else -1))
    if len(found) < 2:
        return None
    used = {i for i, _ in found} | {j for _, j in found if j >= 0}
    return [Area(f"#{k}", int(qs[i].number or 0), qs[i].change) for k, (i, _) in enumerate(found, 1)], used


def _series(
    qs: list[Quantity], text: str, anti_cues: tuple[str, ...], bare: bool = False, anti_after: tuple[str, ...] = ()
) -> tuple[list[Area], set[int]]:
    """A run of counts joined by commas/'en'/'+': with the client word at least once, or (`bare`, a follow-up to
    a calculation with areas) without it ("en als het er 5, 3, 2 en 2 waren?")."""
    best: list[int] = []
    run: list[int] = []
    members = _members_of_areas(qs, text)  # "clients in four areas: 2, 5, 1 and 4": counts the areas' word was put on
    for i, q in enumerate(qs):
        ok = (_is_number(q) or i in members) and q.number is not None and q.number < 10_000 and not anti_cued(q, anti_cues, anti_after) and not q.negated
        if (
            ok
            and run
            and _SERIES_SEP.match(
                text[
                    qs[run[-1]].end
                    if qs[run[-1]].kind == "number"
                    else qs[run[-1]].start + len(str(int(qs[run[-1]].number or 0))) : q.start
                ]
            )
        ):
            run.append(i)
        elif ok:
            run = [i]
        else:
            run = []
        if len(run) > len(best):
            best = list(run)
    if len(best) < 2 or not (bare or any(qs[i].kind == "count" for i in best)):
        return [], set()
    if any(i in members for i in best) and members.get(best[0]) != len(best):
        return [], set()  # the areas were counted: as many counts as areas, or it is no list of theirs
    return [Area(None, int(qs[i].number or 0)) for i in best], set(best)


def _members_of_areas(qs: list[Quantity], text: str) -> dict[int, int]:
    """Numbers that took the unit "areas" from the word before them although a count of areas stands before that
    word ("clients in four postcode areas: 2, 5, 1 and 4", "3 gebieden, met 4, 2 en 3 cliënten"), in a text that
    speaks of clients: each is a member's count, not another count of areas. Index -> the areas counted."""
    if not names_clients(fold(text)):
        return {}
    out: dict[int, int] = {}
    counted: int | None = None
    for i, q in enumerate(qs):
        if q.kind != "count" or q.unit != "areas" or q.number is None:
            counted = None if q.kind != "count" or q.unit != "areas" else counted
            continue
        if counted is None:
            counted = int(q.number)
        elif q.number == int(q.number):
            out[i] = counted
    return out


# ---------------------------------------------------------------- filling a spec's inputs


@dataclass
class Fill:
    args: dict[str, Any] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    stated: list[str] = field(default_factory=list)
    assumptions: list[tuple[str, str]] = field(default_factory=list)
    areas: list[Area] | None = None
    sources: dict[str, int] = field(default_factory=dict)  # input -> index of the quantity that filled it
    rule_side: set[int] = field(default_factory=set)  # quantities that name a rule, not the asker's figures
    # date inputs the asker's "nog"/"still" set to the day asked, with the assumption that says so
    said_now: dict[str, tuple[str, str]] = field(default_factory=dict)
    quotients: dict[str, tuple[float, float]] = field(default_factory=dict)  # an average -> the two counts it is of


def _without(fill: Fill, names: list[str]) -> Fill:
    """The fill without these inputs (and the quantities they took)."""
    gone = {fill.sources[n] for n in names if n in fill.sources}
    now = {n: a for n, a in fill.said_now.items() if n not in names}
    dropped = [a for n, a in fill.said_now.items() if n in names]
    return Fill(
        {k: v for k, v in fill.args.items() if k not in names}, fill.used - gone,
        [n for n in fill.stated if n not in names], [a for a in fill.assumptions if a not in dropped], fill.areas,
        {k: v for k, v in fill.sources.items() if k not in names}, set(fill.rule_side), now,
    )  # fmt: skip


def _fits_kind(inp: InputSpec, q: Quantity) -> bool:
    if q.negated:
        return False
    if inp.kind == "count":
        if q.kind == "count":
            return q.unit in inp.units
        if q.kind == "number":
            return "" in inp.units or inp.accept_number
        return False
    if inp.kind == "money":
        return q.kind == "money" or (
            q.kind == "number" and inp.accept_bare and q.number is not None and q.number >= 1000
        )
    if inp.kind == "percent":
        return q.kind == "percent"
    if inp.kind == "date":
        return q.kind in ("date", "period")
    if inp.kind == "score":
        return q.kind == "score"
    return False


def _year_ok(inp: InputSpec, q: Quantity) -> bool:
    if inp.year is None or q.kind not in ("score", "count"):
        return True
    return inp.year in q.years or (not q.years and inp.unyeared)


def _value(inp: InputSpec, q: Quantity, strict: bool = True) -> Any:
    if inp.kind == "date":  # a month ("in augustus") counts as its last day: the latest it can mean
        d = q.value if q.kind == "date" else q.value[1]
        if q.kind == "date" and q.bound == "after":  # "na 31 mei": the first day after it
            d += timedelta(days=1)
        elif q.kind == "date" and q.bound == "before":  # "vóór 1 december": the last day before it, as the
            d -= timedelta(days=1)  # policy's own "vóór" dates are read
        return d.isoformat()
    if inp.kind == "score":
        return q.value
    value = q.number if q.number is not None else Decimal(0)
    whole = inp.kind == "count" and inp.units and "fte" not in inp.units and "points" not in inp.units and value == int(value)
    if strict and q.bound in STRICT and inp.kind in ("count", "money", "percent", "number") and not _loose(q):
        # "just under 50k": below it, so a threshold of 50.000 is not met; by the smallest step the input is said in
        # (a euro, a client, a hundredth)
        step = Decimal(str(inp.step)) if inp.step is not None else Decimal(1) if whole or inp.kind == "money" else Decimal("0.01")
        value = value + STRICT[q.bound] * step
    return int(value) if whole and value == int(value) else to_number(value)


STRICT = {"lt": -1, "gt": 1}  # "net onder", "meer dan": the value the asker gave is a bound, not reached or passed


def _loose(q: Quantity) -> bool:
    """A bound said as a size ("ruim 77%", lexicon [bounds] loose): the figure said is calculated with."""
    return any(" ".join(q.before[-2:]).endswith(w) for w in lexicon().loose_bounds)


@functools.cache
def _restates() -> re.Pattern[str]:
    """The words between an amount and the share it is ("330k (82,5%)", "€ 540.000, dat is 83%"; lexicon restates)."""
    return re.compile(rf"^\s*(?:\(|,\s*(?:{_alternatives(lexicon().restates)})?|=|/)\s*$")


def _shares_of_amounts(qs: list[Quantity], text: str) -> frozenset[int]:
    """Percentages said right after an amount as its share ("330k (82,5%)", "€ 540.000, dat is 83%"): a share that
    input is worked out from amounts (`claim_of`) takes it as cued by that amount."""
    return frozenset(
        i for i, q in enumerate(qs)
        if q.kind == "percent" and i and qs[i - 1].kind == "money" and _restates().match(fold(text[qs[i - 1].end : q.start]))
    )  # fmt: skip


CHANGE_BESIDE = 0.6  # how much less a value said as a change weighs than one of its unit said as it stands


def _candidates(
    spec: CalculatorSpec, qs: list[Quantity], taken: set[int], follow_up: bool = False, shares: frozenset[int] = frozenset()
) -> list[tuple[float, str, int]]:
    """(score, input, quantity index) for every quantity an input can take; in a follow-up of this calculator an
    input that needs a cue takes a percentage or amount without one ("wat als we 70 procent hadden?"), and a count
    input takes a bare number by its cue, in the unit of the last calculation ("en als de zzp'ers er 900 doen?")."""
    out = []
    for name, inp in spec.inputs.items():
        if inp.kind not in ("count", "money", "percent", "date", "score") or inp.per_area:
            continue
        for i, q in enumerate(qs):
            fits = _fits_kind(inp, q) or (
                follow_up and inp.kind == "count" and q.kind == "number" and not q.negated and _cue_score(q, inp.cues) > 0
            )
            spread_total = bool(inp.spread_total) and _spread_over(qs, i, inp.spread_total or "")
            if i in taken or not fits or not _year_ok(inp, q) or q.modifier:
                continue  # ("onze 100%-dochter" names the subsidiary: no share of the care)
            if inp.whole_only and q.number is not None and q.number != int(q.number):
                continue  # "our 2.2": no total of clients has decimals (an average does)
            if anti_cued(q, inp.anti_cues, inp.anti_cues_after) and not spread_total:
                continue  # (but "ons gemiddelde is 40 cliënten over 16 postcodes": 40 is the total the average is of)
            if q.bound is not None and q.bound in inp.anti_bounds:
                continue
            if inp.spread_over and (_spread_over(qs, i, inp.spread_over) or q.times is not None):
                continue  # "40 cliënten over 16 postcodes", "10 nieuwe gebieden met 1 cliënt per gebied": a total, not
                # the value per area
            whole = name == spec.whole if spec.whole else None
            cue = cue_strength(q, inp, whole) + WEAK_CUE * _cue_score(q, inp.weak_cues, whole)
            if i in shares and inp.claim_of:
                cue = max(cue, 1.0)
            if q.kind == "number" and inp.kind == "money" and cue == 0:
                continue  # a bare number is an amount only with a cue ("plafond 800.000")
            if q.kind == "number" and inp.accept_number and cue == 0 and "" not in inp.units:
                continue
            if inp.decimals_cue and cue == 0 and q.kind == "count" and q.number is not None and q.number != int(q.number):
                cue = WEAK_CUE  # "our 2.2": clients with decimals are an average
            if inp.needs_cue and cue == 0 and not (follow_up and q.kind in ("percent", "money")):
                continue
            if inp.cue_within is not None and not any(
                d <= inp.cue_within for c in inp.cues for d in _cue_distances(q, c, sides="a")
            ):  # "70 cliënten per fte" is a caseload; "210 clients need at the most per fte" is not
                continue
            plain = 0.3 if q.bound in (None, "approx") else 0.0  # "over de 80% heen (inmiddels 82%)": 82 is the figure
            if not follow_up and q.change is not None and any(
                j != i and o.change is None and o.kind == q.kind and o.unit == q.unit and o.unit is not None
                for j, o in enumerate(qs)
            ):  # "we nemen 30 nieuwe cliënten aan en hebben 150 cliënten in 45 gebieden": the count said as it
                plain -= CHANGE_BESIDE  # stands fills the input before the one said as a change beside it
            base = 0.5 if inp.cues and cue == 0 else 1.0  # an input that names its cues takes an uncued value last
            out.append((base + cue + plain + (0.2 if q.kind != "number" else 0.0), name, i))
    return sorted(out, key=lambda c: (-c[0], c[2]))


OWN_BOUND_WORDS = 5  # words before a bounded value in which "we"/"onze" make it the asker's ("we zitten net onder de 3")


def names_the_rule(qs: list[Quantity], rule_values: frozenset) -> set[int]:
    """Quantities that name a value of the calculator's own rule (`rule_values`: the numbers and dates of its
    policy parameters) as the rule, not as the asker's figure: with a bound ("ten minste 3", "maximaal 50%"),
    or next to a word that points at the rule ("de eis van 3", "om aan 80% te komen", "die 1 op 55",
    "vóór 31 december"). A count with a unit of its own and no bound is a figure ("3 gebieden")."""
    words = lexicon().rule_reference
    out: set[int] = set()
    for i, q in enumerate(qs):
        if q.kind == "range" and isinstance(q.value, tuple) and all(v in rule_values for v in q.value):
            if not PERSONAL.search(" ".join(q.before)):
                out.add(i)  # "een casemanager heeft gemiddeld 50 tot 65 cliënten per fte, toch?": the rule's own range
            continue
        value = q.value.isoformat() if q.kind == "date" else (q.number if q.number is not None else None)
        if value is None or value not in rule_values:
            continue
        near = " ".join(q.before[-4:]) + " | " + " ".join(q.after[:2])
        pointed = any(word_pattern(w).search(near) for w in words)
        pair = [o for o in qs if q.ratio is not None and o.ratio == q.ratio]
        mine = any(PERSONAL.search(w) for o in pair for w in o.before[-4:])  # "onze coöperatie: 1 fte op 55"
        if len(pair) >= 2 and all(o.number in rule_values for o in pair) and not mine:
            pointed = True  # "die verhouding van 1 op 55": both of the rule's own figures, the ratio itself
        if q.kind == "count" and q.unit and not q.inferred_unit and q.bound is None and not pointed:
            continue
        said = " ".join(q.before[-OWN_BOUND_WORDS:])
        if q.bound in ("gt", "lt") and not pointed and PERSONAL.search(said) and not any(has_phrase(said, w) for w in lexicon().obligation):
            continue  # "we have just under 3 per area", "wij zitten net onder de 3": the asker's own figure, bounded
        if q.bound in ("min", "max", "gt", "lt", "before", "until") or pointed:
            out.add(i)
            out |= {j for j, o in enumerate(qs) if q.ratio is not None and o.ratio == q.ratio}
    for i, q in enumerate(qs):  # "starters hoeven maar 10k omzet te halen; wij zitten op 44k": a rule the asker
        # states for others (its figure need not be the policy's), beside a figure of the same kind of their own
        before = " ".join(q.before)
        said = _GENERIC_YOU.sub(lambda m: re.sub(r"\bje\b", " ", m.group(0)), before)  # "je mag tot de helft
        # uitbesteden": anyone, not the asker
        if i in out or q.kind not in ("money", "count", "percent") or PERSONAL.search(said):
            continue
        # a permission only as a rule's bound or said of anyone ("mag je tot twee derde"), not "mag 2.000 uur via zzp'ers als ...?"
        allows = (q.bound in ("max", "min") or _GENERIC_YOU.search(before)) and any(has_phrase(said, w) for w in lexicon().allows)
        if (allows or any(has_phrase(said, w) for w in lexicon().obligation)) and any(
            o is not q and o.kind == q.kind and PERSONAL.search(" ".join(o.before)) for o in qs
        ):
            out.add(i)
    return out


# "mag je", "moet je", "je mag": the generic you of a rule, not the asker
_GENERIC_YOU = re.compile(r"\b(?:mag|mogen|moet|moeten|kan|kun|kunt|hoef|hoeft|mocht|moest)\s+je\b|\bje\s+(?:mag|moet|kan|kunt|hoeft|mocht|moest)\b")


def claimed_ratios(qs: list[Quantity]) -> set[int]:
    """Quantities of a ratio ("1 fte per 40 cliënten") that state a rule rather than the user's own figures:
    the question also gives figures of the same units outside the ratio ("... so with 120 clients we need 3 fte")."""
    out: set[int] = set()
    rates = {i for i, q in enumerate(qs) if _is_rate(q)}
    for i, q in enumerate(qs):
        if q.ratio is None:
            continue
        pair = [j for j, o in enumerate(qs) if o.ratio == q.ratio]
        units = {qs[j].unit for j in pair}
        if any(o.ratio is None and o.kind == "count" and o.unit in units for k, o in enumerate(qs) if k not in rates):
            out.add(i)
    for i in rates:  # "max 60 cliënten per fte" beside the asker's "250 cliënten op 4 fte": a rate the rule sets
        if any(k != i and k not in rates and o.kind == "count" and o.unit == qs[i].unit for k, o in enumerate(qs)):
            out.add(i)
    return out


def _is_rate(q: Quantity) -> bool:
    """A count per a unit without a number of its own, bound or said of a rule ("hoogstens 60 cliënten per fte",
    "gemiddeld 2 per gebied te halen"): a rate a rule sets; the asker's own average ("gemiddeld 3 per gebied") is
    neither."""
    if not (q.kind == "count" and q.ratio is None and q.after[:1] == ("per",) and len(q.after) > 1):
        return False
    if lexicon().unit_for(q.after[1]) is None:
        return False
    said = " ".join([*q.before, *q.after])
    return q.bound in RATE_BOUNDS or any(has_phrase(said, w) for w in lexicon().rule_words)


RATE_BOUNDS = ("max", "min", "lt", "gt")
# right before a score inside a claimed rule: the case the rule is claimed of ("een aanbieder met een C krijgt 75%")
_CASE_OF_CLAIM = re.compile(r"(?<![\w])(?:met|with)\s+(?:(?:een|a|an)\s+)?(?:(?:score|waardemodelscore)\s+)?$")


def assign(
    spec: CalculatorSpec, qs: list[Quantity], text: str, current_year: int, years: dict[str, tuple[int, ...]],
    exclude: tuple[int, int] | None = None, follow_up: bool = False, rule_values: frozenset = frozenset(),
    today: date | None = None,
) -> Fill:
    """Fill the spec's inputs from the quantities; those inside `exclude` (a rule the question claims, "aangezien
    het minimum 2 per gebied is, ...") and those that name the calculator's own rule ("om aan 80% van ons plafond
    te komen", "de eis van 3 per gebied") are not the asker's figures and fill nothing."""
    folded = fold(text)
    fill = Fill()
    rule_side = claimed_ratios(qs) | names_the_rule(qs, rule_values)
    if exclude is not None:  # (a score the claimed rule is said of, "een aanbieder met een C krijgt 75%", is the case)
        rule_side |= {
            i for i, q in enumerate(qs)
            if exclude[0] <= q.start and q.end <= exclude[1] and not (q.kind == "score" and _CASE_OF_CLAIM.search(folded[: q.start]))
        }  # fmt: skip
    fill.rule_side = rule_side
    for name, inp in spec.inputs.items():
        if inp.per_area:
            areas, used = read_areas(qs, folded, inp.anti_cues, bare=follow_up, anti_after=inp.anti_cues_after)
            if areas:
                fill.areas, fill.args[name] = areas, [a.count for a in areas]
                fill.used |= used
                fill.stated.append(name)
    candidates = _candidates(spec, qs, fill.used | rule_side, follow_up, _shares_of_amounts(qs, text))
    cued = {(name, i) for _, name, i in candidates if _named(qs[i], spec.inputs[name].cues, spec.inputs[name].cues_before)}
    _greedy(spec, qs, fill, _complete_first(spec, candidates, set(fill.args), cued))
    _years_shared(spec, qs, fill)
    _side_by_side(spec, qs, fill, folded)
    _summed(spec, qs, fill, folded, text)
    _cued_summed(spec, qs, fill, rule_side, text or folded)
    _quotient(spec, qs, fill)
    _continued(spec, fill)
    if not follow_up:  # (a follow-up's changes are the conversation state's to apply)
        _changed_here(spec, qs, fill, rule_side)
    for name, inp in spec.inputs.items():
        if name in fill.args:
            continue
        _fill_word_input(spec.name, name, inp, folded, qs, fill, current_year, years, today, _count_units(spec))
    for name, inp in spec.inputs.items():
        if inp.again_cues:
            _again(name, inp, folded, qs, fill, current_year)
        if inp.year_given_arg and name in fill.sources:  # "op 3 juni": a day whose year the calculator places
            fill.args[inp.year_given_arg] = qs[fill.sources[name]].explicit_year
    return fill


CHANGED_KINDS = ("count", "money", "percent")
REMAINS_WORDS = 6  # words before a figure within which one of lexicon `remains` makes it what is left after a change


def changed_value(old: float, delta: float, change: str) -> float | int:
    """'een half fte erbij': the earlier value plus (or minus) the change, as a whole number when it is one."""
    new = Decimal(str(old)) + (Decimal(str(delta)) if change == "more" else -Decimal(str(delta)))
    return int(new) if new == new.to_integral_value() else float(new)


def _changed_here(spec: CalculatorSpec, qs: list[Quantity], fill: Fill, rule_side: set[int]) -> None:
    """"We hebben 3 fte en 200 cliënten. Als er 0,5 fte bij komt, ...?", "we subcontract 40%; can we add another
    10%?": a change said after the figure it changes, in the same message, changes it (the input of the same kind and
    unit whose cues name the change most, else the nearest before it); the sum is told as an assumption."""
    remains = set(lexicon().remains)
    if any(remains & {fold(w) for w in o.before[-REMAINS_WORDS:]} for o in qs if o.change is None):
        return  # "... 14 gebieden minder, dus houden we er 120 over in 40": the figures said are the result already
    for name, src in list(fill.sources.items()):  # "nog 30k extra bovenop de 580k": the base is the value, the
        onto = [  # change goes onto it
            j for j, o in enumerate(qs) if j > src and j not in fill.used and o.kind == qs[src].kind and o.unit == qs[src].unit
            and o.number is not None and _added_onto(o)
        ]  # fmt: skip
        if qs[src].change in ("more", "less") and len(onto) == 1 and name in fill.args:
            fill.args[name], fill.sources[name] = to_number(qs[onto[0]].number), onto[0]
            fill.used = (fill.used - {src}) | {onto[0]}
    for i, q in enumerate(qs):
        if i in fill.used or i in rule_side or q.change not in ("more", "less") or q.number is None or q.negated:
            continue
        if any(o.kind == q.kind and o.unit == q.unit and o.change is None and not _added_onto(o) for o in qs[i + 1 :]):
            continue  # "... 5 gebieden afstoten, zodat 120 cliënten in 40 gebieden resten": the figures after it say the result
        fits = [
            (name, src) for name, src in fill.sources.items()
            if (src < i or _added_onto(qs[src])) and spec.inputs[name].kind in CHANGED_KINDS and qs[src].kind == q.kind and qs[src].change is None
            and isinstance(fill.args.get(name), (int, float, Decimal)) and not isinstance(fill.args.get(name), bool)
            and (
                cue_strength(q, spec.inputs[name]) > 0  # "another 10% via freelancers", "if we bill another 150k"
                or (q.kind == "count" and q.unit is not None and not q.inferred_unit and q.unit == qs[src].unit)
            )  # ("0,5 fte erbij" after "3 fte"; not "20k extra gehonoreerd" after a ceiling: another amount)
        ]  # fmt: skip
        if not fits:
            continue
        name, src = max(fits, key=lambda f: (cue_strength(q, spec.inputs[f[0]]), f[1]))
        base = Decimal(str(fill.args[name]))
        value = changed_value(base, q.number, q.change)
        if value < 0:
            continue
        fill.args[name] = value
        new = Decimal(str(value))
        fill.used.add(i)
        sign = "+" if q.change == "more" else "−"
        said = {lang: [_said_value(v, q.kind, lang) for v in (base, q.number, new)] for lang in ("nl", "en")}
        fill.assumptions.append((
            msg("changed_here", "nl", label=spec.inputs[name].label_nl or name, base=said["nl"][0], sign=sign,
                delta=said["nl"][1], new=said["nl"][2]),
            msg("changed_here", "en", label=spec.inputs[name].label_en or name, base=said["en"][0], sign=sign,
                delta=said["en"][1], new=said["en"][2]),
        ))  # fmt: skip


_ONTO_DETERMINERS = ("de", "het", "die", "dat", "onze", "ons", "the", "those", "that", "our")


def _added_onto(q: Quantity) -> bool:
    """'... nog 30k extra bovenop de 580k': a figure right after a word of adding onto it (lexicon `on_top_of`), the
    base the change said before it goes onto."""
    words = list(q.before[-4:])
    while words and words[-1] in _ONTO_DETERMINERS:
        words.pop()
    said = " ".join(words)
    return any(re.search(rf"(?<![\w]){re.escape(w)}$", said) for w in lexicon().on_top_of)


def _said_value(value: Decimal, kind: str, lang: str) -> str:
    if kind == "money":
        return format_eur(value, lang)
    return format_number(value, lang) + ("%" if kind == "percent" else "")


def _continued(spec: CalculatorSpec, fill: Fill) -> None:
    """"6 cliënten in 2 gebieden en 2 in een derde": counts of areas numbered on after a total over a count of areas
    (spec `continues`) add to that total and that count, which then stand for all areas; the list goes."""
    for name, inp in spec.inputs.items():
        if len(inp.continues) != 2 or name not in fill.args or not fill.areas:
            continue
        total, count = inp.continues
        if not isinstance(fill.args.get(total), int) or not isinstance(fill.args.get(count), int):
            continue
        numbered = [a.label[1:] for a in fill.areas if a.label and a.label.startswith("#")]
        if len(numbered) != len(fill.areas) or not all(n.isdigit() and int(n) > fill.args[count] for n in numbered):
            continue  # (not a list of its own: "5041: 3, 5042: 2", "in het tweede 1")
        fill.args[total] += sum(a.count for a in fill.areas)
        fill.args[count] += len(fill.areas)
        del fill.args[name]
        fill.stated.remove(name)
        fill.areas = None


def _summed(spec: CalculatorSpec, qs: list[Quantity], fill: Fill, folded: str, text: str = "") -> None:
    """A total given as the list of its parts, the unit said once after the last ("vier casemanagers van 0,9, 0,8,
    0,8 en 0,6 fte"): the sum of the list (spec `sums_series`)."""
    for name, inp in spec.inputs.items():
        if not inp.sums_series or name not in fill.sources:
            continue
        i = fill.sources[name]
        last = qs[i]
        run = [i]
        j = i - 1
        while j >= 0 and j not in fill.used and qs[j].kind in ("number", "count") and qs[j].unit in (None, last.unit) \
                and qs[j].number is not None and _joins_series((text or folded)[qs[j].end : qs[j + 1].start], qs[j]):
            run.append(j)
            j -= 1
        k = i + 1  # the part read first, the others after it ("Tom 1,0, Sara 0,8 en Lies 0,8 fte")
        while k < len(qs) and k not in fill.used and qs[k].kind in ("number", "count") and qs[k].unit in (None, last.unit) \
                and qs[k].number is not None and _joins_series((text or folded)[qs[k - 1].end : qs[k].start], qs[k], ahead=True):
            run.append(k)
            k += 1
        run += _one_more_at(qs, max(run), fill, text or folded, inp)
        if len(run) < 2:
            continue
        total = sum((qs[k].number or Decimal(0)) for k in run if qs[k].unit != "staff")
        fill.args[name] = int(total) if total == int(total) else float(total)
        fill.used |= set(run)


def _one_more_at(qs: list[Quantity], last: int, fill: Fill, text: str, inp: InputSpec) -> list[int]:
    """'three full-time nurses and one more at 0.5 fte', '2 fte en nog een verpleegkundige op 0,6 fte': one more person
    at an fte of their own after the fte said (the person, counted one, is passed over); not when persons are counted
    more than one, each at the fte after them ("2 nurses at 1.0 fte and one at 0.5")."""
    if any(q.unit == "staff" and (q.number or 0) > 1 for q in qs):
        return []
    k = last + 1
    one = k < len(qs) and qs[k].unit == "staff" and qs[k].number == 1
    nxt = k + 1 if one else k
    if nxt >= len(qs) or nxt in fill.used or qs[nxt].unit != qs[last].unit or qs[nxt].number is None:
        return []
    between = fold(text[qs[last].end : qs[nxt].start])
    if not _one_more_words().match(between) or any(has_phrase(between, w) for w in inp.anti_cues):
        return []  # "... en een mbo-verpleegkundige op 0,8 fte", "one vacancy at 1 fte": not one more of them
    return [k, nxt] if one else [nxt]


def _cued_summed(spec: CalculatorSpec, qs: list[Quantity], fill: Fill, rule_side: set[int], text: str) -> None:
    """Shares of several parties one input holds (spec `sums_cued`), next to each other, each with a cue of that
    input ("zzp'ers 25% en onderaannemers 10%", "15% via an agency, 10% freelancers"): the input is their sum."""
    for name, inp in spec.inputs.items():
        if not inp.sums_cued or name not in fill.sources:
            continue
        run = {fill.sources[name]}
        for step in (-1, 1):
            j = fill.sources[name] + step
            while 0 <= j < len(qs) and j not in fill.used and j not in rule_side \
                    and qs[j].kind == inp.kind \
                    and not qs[j].negated and qs[j].was is None and qs[j].bound in (None, "approx") \
                    and (qs[j].change is None or (step > 0 and qs[j].change == "more" and _further(text[qs[j - 1].end : qs[j].start]))) \
                    and cue_strength(qs[j], inp) > 0 and not anti_cued(qs[j], inp.anti_cues, inp.anti_cues_after) \
                    and _side_by_side_parts(text[min(qs[j].end, qs[j - step].end) : max(qs[j].start, qs[j - step].start)]):
                run.add(j)
                j += step
        total = sum((qs[k].number or Decimal(0)) for k in run)
        if len(run) < 2 or total > 100 or qs[fill.sources[name]].bound not in (None, "approx"):
            continue
        fill.args[name] = int(total) if total == int(total) else float(total)
        fill.used |= run


_JOINED_PARTS = re.compile(r"^[^.;:?!\d]{0,40}$")  # the words between two parties' shares: their cue, a joining word
_FURTHER_PARTS = re.compile(r"^[^.;:?!\d]{0,80}$")  # ... or the cue of the first and words that add the second


def _further(between: str) -> bool:
    """The words before a share end in one that adds it as a further part ("... and a further", "en nog eens")."""
    folded = fold(between).rstrip()
    return any(re.search(rf"(?<!\w){re.escape(w)}$", folded) for w in lexicon().further_parts)


def _side_by_side_parts(between: str) -> bool:
    """The words between two shares say they are parts side by side, not shares of two times or alternatives ("vorig
    jaar 30%, nu 45%"), a total ("..., samen 35%"), the asker's own conclusion ("..., so we are at 35%") or a part of
    the one before ("30%, waarvan 10% via een bureau"); words that add the second as a further part ("... to another
    agency and a further 20%", lexicon `further_parts`) allow more words between them."""
    folded = fold(between)
    lex = lexicon()
    apart = (*lex.apart_shares, *lex.together, *lex.part_after, *lex.containing)
    near = _FURTHER_PARTS if _further(between) else _JOINED_PARTS
    return bool(near.match(between)) and not any(has_phrase(folded, w) for w in apart) and not own_conclusions(folded)


def _alternatives(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@functools.cache
def _one_more_words() -> re.Pattern[str]:
    """"three full-time nurses and one more at 0.5 fte", "2 fte en nog een verpleegkundige op 0,6 fte": the words from
    the figure before to one more person's own figure (lexicon one_more_joins, one_alone, one_more_after, one_more_at)."""
    lex = lexicon()
    return re.compile(
        rf"^[^.;:?!]{{0,40}}\b(?:{_alternatives(lex.one_more_joins)})\s+(?:nog\s+)?(?:{_alternatives(lex.one_alone)})"
        rf"(?:\s+(?:{_alternatives(lex.one_more_after)}))?(?:\s+[a-z'-]+)?\s+(?:{_alternatives(lex.one_more_at)})\s*$"
    )


def _joins_series(between: str, q: Quantity, ahead: bool = False) -> bool:
    """The text between two parts of a series (as typed): a separator, or one with the capitalised name of the next
    part after it when the part without the unit (`q`: the one before, or with `ahead` the one after the part that
    says it) is a bare number or took its unit from the sentence ("Tom 1,0, Sara 0,8 en Lies 0,8 fte", "Tom 1,0 fte,
    Sara 0,8 en Lies 0,8"; not "team 2, circa 1,4 fte")."""
    if _SERIES_SEP.match(between):
        return True
    return bool(_SERIES_NAMED.match(between)) and (q.kind == "number" or q.inferred_unit or (ahead and q.unit is None))


def _quotient(spec: CalculatorSpec, qs: list[Quantity], fill: Fill) -> None:
    """An average given as the two counts it is worked out from ("84 clients in 28 postcode areas"): their
    quotient, unless the question states the average itself (spec `per_of`)."""
    for name, inp in spec.inputs.items():
        if len(inp.per_of) != 2:
            continue
        own = fill.sources.get(name)
        if own is not None and qs[own].unit not in (inp.per_of[0],):
            continue
        if own is not None and _cue_score(qs[own], inp.cues) > 0:
            continue  # "gemiddeld 3,2 per gebied": the average as stated
        free = [i for i, q in enumerate(qs) if i == own or i not in fill.used]
        top = [i for i in free if qs[i].kind == "count" and qs[i].unit == inp.per_of[0] and qs[i].number]
        under = [i for i in free if qs[i].kind == "count" and qs[i].unit == inp.per_of[1] and qs[i].number]
        if len(top) != 1 or len(under) != 1:
            continue
        value = (qs[top[0]].number or Decimal(0)) / (qs[under[0]].number or Decimal(1))
        fill.args[name] = float(value)  # exact: 1199 over 400 is below 3, however it is rounded for display
        fill.quotients[name] = (float(qs[top[0]].number or 0), float(qs[under[0]].number or 1))
        fill.sources[name] = top[0]
        fill.used |= {top[0], under[0]}
        if name not in fill.stated:
            fill.stated.append(name)


def _spread_over(qs: list[Quantity], i: int, over: str) -> bool:
    """A whole count said spread over the count of `over` right after it: a word of spreading between (lexicon
    `spread`), none of "per" ("ons gemiddelde is 40 cliënten over 16 postcodes": 40 in all, over 16 areas; not "2,8
    cliënten per gebied")."""
    if i + 1 >= len(qs):
        return False
    a, b = qs[i], qs[i + 1]
    if a.kind != "count" or a.inferred_unit or a.number is None or a.number != int(a.number):
        return False
    if b.kind != "count" or b.unit != over or b.number is None or a.number < b.number:
        return False
    between = list(a.after[: next((k for k, w in enumerate(a.after) if w[:1].isdigit()), len(a.after))])
    said = " ".join(between)
    return len(between) <= 2 and not set(between) & lexicon().per_each and any(has_phrase(said, w) for w in lexicon().spread)


_COMPOUND = re.compile(r"(?<![\w'-])([^\W\d_][\w']*)-([^\W\d_][\w']*)(?![\w'-])")  # "zzp-coöperatie"

CONTAINING_AFTER = 12  # characters after the part within which "daarvan"/"of them" may still make it a part


def _side_by_side(spec: CalculatorSpec, qs: list[Quantity], fill: Fill, folded: str) -> None:
    """A whole given with one of its parts beside it, no word making that a part of it ("6.000 uur bij een
    thuiszorgbureau, 2.000 uur bij zelfstandigen; verder eigen mensen"): the two are parties side by side, so the
    whole's value is the party the spec names (`beside_is`)."""
    for name, inp in spec.inputs.items():
        if not inp.beside_is or name not in fill.sources or inp.beside_is in fill.args:
            continue
        whole = qs[fill.sources[name]]
        for part in inp.beside_parts:
            if part not in fill.sources:
                continue
            q = qs[fill.sources[part]]
            first, second = (whole, q) if whole.start < q.start else (q, whole)
            between = folded[first.end : second.end + CONTAINING_AFTER]  # "3.000 uur daarvan aan zzp'ers"
            if not any(has_phrase(between, w) for w in lexicon().containing):
                fill.args[inp.beside_is] = fill.args.pop(name)
                fill.sources[inp.beside_is] = fill.sources.pop(name)
                fill.stated = [inp.beside_is if n == name else n for n in fill.stated]
                break


def _asks_near(q: Quantity | None, asks: tuple[str, ...]) -> bool:
    """A word that asks for the unknown right after its value ("meer dan 2,9 fte niveau 6 nodig"): the value is what
    the asker thinks is needed, not what they have."""
    said = " ".join(q.after[:ASKS_NEAR_WORDS]) if q is not None else ""
    return any(has_phrase(said, a) for a in asks)


ASKS_NEAR_WORDS = 4
AGAIN_WORDS = 8  # words around an earlier year in which a rejection or registration dates the earlier time


def _again(name: str, inp: InputSpec, folded: str, qs: list[Quantity], fill: Fill, current_year: int = 0) -> None:
    """A count that includes this time ("nog een keer inschrijven", "opnieuw"): the earlier times plus this one
    (one earlier time when none is stated); not when the earlier time was in a year before this one ("vorig jaar
    afgewezen; in februari schrijven we ons opnieuw in": this year's first)."""
    spans = [m.span() for c in inp.again_cues for m in word_pattern(fold(c)).finditer(folded)]
    if not spans or any(
        q.kind == "year" and isinstance(q.value, int) and q.value < current_year
        and lexicon().relative_years.get(re.sub(r"^(?:het|the)\s+", "", fold(q.text))) != 0  # ("dit jaar al 1 keer
        # ingeschreven": this round's year, lexicon [relative_years])
        and set(q.before[-AGAIN_WORDS:] + q.after[:AGAIN_WORDS]) & lexicon().earlier_registration
        for q in qs
    ):
        return
    source = fill.sources.get(name)
    q = qs[source] if source is not None else None
    inside = q is not None and any(a <= q.start and q.end <= b for a, b in spans)
    earlier = int(q.number) if q is not None and q.number is not None and not inside else 1
    fill.args[name] = earlier + 1
    if name not in fill.stated:
        fill.stated.append(name)


def _works_out(solve: Any, stated: list[str]) -> bool:
    """The inputs of one of the unknown's alternatives are all given, so it can be worked out."""
    return any(all(f in stated for f in alt) for alt in solve.requires)


NAMED_DISTANCE = 4  # a cue this near (in words) names the input the value is for


def part_named(q: Quantity, cues: tuple[str, ...]) -> bool:
    """A cue of an input stands near the value (within NAMED_DISTANCE words)."""
    return _named(q, cues)


def _named(q: Quantity, cues: tuple[str, ...], cues_before: tuple[str, ...] = ()) -> bool:
    return any(d <= NAMED_DISTANCE for cue in cues for d in _cue_distances(q, cue)) or any(
        d <= NAMED_DISTANCE for cue in cues_before for d in _before(q, cue)
    )


def _complete_first(
    spec: CalculatorSpec, candidates: list[tuple[float, str, int]], filled: set[str],
    cued: set[tuple[str, int]] = frozenset(),  # type: ignore[assignment]
) -> list[tuple[float, str, int]]:
    """The candidates in the order that completes an alternative of `requires`: when "3.400" could be zzp hours
    or subcontracted hours, the reading that together with "6.800 uur" makes a whole calculation wins. Of the
    alternatives that can be completed, the one whose values, with the others filled after them, fit their cues
    best (each value to one input): "eigen personeel 14.000, onze dochter 5.000" is not read as own and zzp hours
    because the two alone would complete an alternative, when the 5.000 fits the subsidiary far better. A value
    a cue near it names as one input (`cued`) never completes an alternative as another input without such a cue:
    "5.000 uur bij een onderaannemer en 3.000 bij zzp'ers" are not own staff hours because those would complete
    one."""
    named = {i for _, i in cued}
    best: tuple[float, list] | None = None
    for alt in spec.requires:
        open_fields = [f for f in alt if f not in filled]
        options = {f: [c for c in candidates if c[1] == f and (c[2] not in named or (f, c[2]) in cued)] for f in open_fields}
        if any(not options[f] for f in open_fields):
            continue
        chosen = _best_matching(open_fields, options)
        if chosen is None:
            continue
        order = chosen + [c for c in candidates if c not in chosen]
        score = _reading_score(spec, order, alt, filled)
        if best is None or score > best[0]:
            best = (score, order)
    return best[1] if best else candidates


def _reading_score(spec: CalculatorSpec, order: list[tuple[float, str, int]], alt: list[str], filled: set[str]) -> float:
    """The summed cue scores of the alternative's inputs and of the inputs no alternative needs (a subsidiary's
    hours beside own and total hours), filled when the candidates are taken in this order (each input and each
    quantity once); the inputs of other alternatives compete with these and add nothing."""
    needed = {f for other in spec.requires for f in other}
    fields, used, total = set(filled), set(), 0.0
    for score, name, i in order:
        if name not in fields and i not in used:
            fields.add(name)
            used.add(i)
            total += score if name in alt or name not in needed else 0.0
    return total


def _best_matching(fields: list[str], options: dict[str, list]) -> list | None:
    """One candidate per field, no quantity twice, the highest total score (fields are few: tried exhaustively)."""
    best: tuple[float, list] | None = None

    def walk(k: int, used: set[int], picked: list) -> None:
        nonlocal best
        if k == len(fields):
            total = sum(c[0] for c in picked)
            if best is None or total > best[0]:
                best = (total, list(picked))
            return
        for c in options[fields[k]][:6]:
            if c[2] not in used:
                walk(k + 1, used | {c[2]}, picked + [c])

    walk(0, set(), [])
    return best[1] if best else None


def _greedy(spec: CalculatorSpec, qs: list[Quantity], fill: Fill, candidates: list[tuple[float, str, int]]) -> None:
    filled: set[str] = set(fill.args)
    for _, name, i in candidates:
        inp = spec.inputs[name]
        if name in filled:
            continue
        q = qs[i]
        shared = q.kind in ("score", "count") and inp.year is not None and i in fill.used
        if i in fill.used and not shared:
            continue
        if shared and not any(spec.inputs[f].year is not None and f in filled and qs[i] is q for f in filled):
            continue
        # a part of a whole or the whole itself keeps the figure said ("ruim 5.000 uur" of 10.000): they must add up
        fill.args[name] = _value(inp, q, strict=name not in spec.parts and name != spec.whole and name not in spec.parts_together)
        fill.used.add(i)
        fill.stated.append(name)
        fill.sources[name] = i
        filled.add(name)
        if inp.unyeared and not q.years and (inp.assume_nl or inp.assume_en):
            fill.assumptions.append((inp.assume_nl or "", inp.assume_en or ""))


def _years_shared(spec: CalculatorSpec, qs: list[Quantity], fill: Fill) -> None:
    """A score or points with two years ('A in 2026 én 2027') fills the input of each of its years."""
    for name, inp in spec.inputs.items():
        if name in fill.args or inp.year is None or inp.kind not in ("score", "count"):
            continue
        for i, q in enumerate(qs):
            if _fits_kind(inp, q) and inp.year in q.years and len(q.years) > 1 and not anti_cued(q, inp.anti_cues, inp.anti_cues_after):
                fill.args[name] = _value(inp, q)
                fill.used.add(i)
                fill.stated.append(name)
                break


PERMISSION_WORDS = 6  # words between "mogen we" and the act it asks about ("mogen we dan gewoon de zorg stopzetten?")


def _of_others(folded: str, cue: str) -> bool:
    """Every use of the flag's phrase describes other parties: it follows right after a word for providers (lexicon
    units `providers`: "omdat organisaties zonder waardemodelscore 90% ontvangen", "providers without a score"), a rule for
    them the asker reasons from, not the asker's own case."""
    if "~" in cue:
        return False
    parties = lexicon().units.get("providers", set())
    at = phrase_at(folded, cue)
    return bool(at) and all(folded[:i].split()[-1:] and folded[:i].split()[-1] in parties for i in at)


def _asked_whether(folded: str, cue: str) -> bool:
    """The act a flag names is what the question asks permission for ("can we stop care once the ceiling is
    reached?", lexicon [questions] permission), not something the asker did."""
    pattern = _permission()
    if pattern is None:
        return False
    start = asked_start(folded)
    at = _near_phrase(folded, cue) if "~" in cue else phrase_at(folded, cue)
    found = (pattern.search(folded[start:i]) for i in at if i >= start)
    # "kunnen we, nu we de zorg stopgezet hebben, nog bijcontracteren?": a clause of its own says what was done
    return any(m is not None and not _SUBORDINATE.search(m.group(1)) for m in found)


@functools.lru_cache(maxsize=1)
def _permission() -> re.Pattern[str] | None:
    """A word asking permission (lexicon [questions] permission) and the few words after it up to the act."""
    opener = "|".join(re.escape(w) for w in lexicon().permission)
    return re.compile(rf"(?<![\w])(?:{opener})(?![\w])((?:\W+[\w'-]+){{0,{PERMISSION_WORDS}}})\W*$") if opener else None


RULE_NAMED_WORDS = 3  # words before a figure in which a word of a rule ("eis", "norm") makes it the rule's figure


def _of_a_rule(q: Quantity) -> bool:
    """"bezwaar tegen de norm van 3 per gebied", "the 50% rule": a figure said as what a rule sets, not the asker's."""
    near = " ".join(q.before[-RULE_NAMED_WORDS:]) + " | " + " ".join(q.after[:1])
    return any(has_phrase(near, w) for w in lexicon().rule_named_before)


_SUBORDINATE = re.compile(r"(?<![\w])(?:nu|omdat|terwijl|nadat|ook al|aangezien|now that|since|because|although|after)(?![\w])")


def _fill_word_input(
    spec_name: str,
    name: str,
    inp: InputSpec,
    folded: str,
    qs: list[Quantity],
    fill: Fill,
    current_year: int,
    years: dict,
    today: date | None = None,
    units: frozenset[str] = frozenset(),  # the counts the calculator takes: "nieuwe postcodegebieden" is no new provider
) -> None:
    if inp.kind == "date" and inp.default == "today" and today is not None:
        if any(q.kind in ("date", "period") for q in qs) and not any(says(asked_clause(folded), c) for c in inp.today_cues):
            return  # "failliet sinds maart: kunnen we nog tekenen?": a time of the asker's own, no question for today
        asking = asked_clause(folded)  # "kunnen we nog bezwaar maken?": on the day asked; not "wat volgt er uit te laat insturen?"
        if any(q.kind in ("count", "money", "percent", "score") and not _of_a_rule(q) for q in read(asking)):
            return  # "met een C kunnen we nog 85% krijgen?": "nog" says still, of the asker's case; no day to check
            # (not a rule's figure that names what is objected to: "bezwaar tegen de norm van 3 per gebied, kan dat nog?")
        if (is_yes_no(asking) and any(says(asking, c) for c in inp.default_if)) or any(
            says(asking, c) for c in inp.default_if_asked
        ):
            fill.args[name], _ = today.isoformat(), fill.stated.append(name)
            if inp.year_given_arg:
                fill.args[inp.year_given_arg] = True
            nl, en = inp.assume_nl or "", inp.assume_en or inp.assume_nl or ""
            fill.said_now[name] = (nl.format(date=nl_date(today)), en.format(date=en_date(today)))
            if nl:
                fill.assumptions.append(fill.said_now[name])
    elif inp.kind == "flag":
        if inp.implied_by in fill.args:
            return
        if any(affirmed(folded, c) and not _of_others(folded, c) for c in inp.false_cues):  # the more specific words
            fill.args[name], _ = False, fill.stated.append(name)  # ("buiten het kernwerkgebied")
        elif any(affirmed(folded, c) and not _asked_whether(folded, c) and not _of_others(folded, c) for c in inp.true_cues):
            fill.args[name], _ = True, fill.stated.append(name)
        elif any(negated_phrase(folded, c) for c in (*inp.true_cues, *inp.denied_cues)):
            fill.args[name], _ = False, fill.stated.append(name)
        elif inp.default is not None:
            fill.args[name] = inp.default
    elif inp.kind == "choice" and inp.of_units:  # "5 fte eigen personeel en 3 fte zzp'ers": the figures are fte
        units = {qs[i].unit for i in fill.sources.values() if qs[i].kind == "count"}
        found = [u for u in units if u in inp.choices]
        fill.args[name] = found[0] if len(units) == 1 and found else inp.default
    elif inp.kind == "choice":
        found = [
            v for v, phrases in inp.choices.items()
            if any(affirmed(folded, p) and not _of_counted(folded, p, units) for p in phrases)
        ]  # fmt: skip
        if found:
            fill.args[name] = found[0]
            fill.stated.append(name)
        elif inp.default is not None:
            fill.args[name] = inp.default
            if inp.assume_nl:
                fill.assumptions.append((inp.assume_nl, inp.assume_en or inp.assume_nl))
    elif inp.kind == "year":
        allowed = years.get(f"{spec_name}.{name}", ())
        stated = [q for q in qs if q.kind == "year" and (not allowed or q.value in allowed)]
        if inp.cues:  # "vorig jaar 9.000 uur": a year said in words dates the figures unless a cue makes it the rule's
            stated = [q for q in stated if any(ch.isdigit() for ch in q.text) or _cue_score(q, inp.cues) > 0]
        if stated:  # the year its cues stand by ("voor de overeenkomst 2027: vorig jaar ..."), else the last one named
            best = max(enumerate(stated), key=lambda iq: (_cue_score(iq[1], inp.cues) if inp.cues else 0.0, iq[0]))
            fill.args[name] = best[1].value
            fill.stated.append(name)
        elif inp.default == "current":
            fill.args[name] = current_year
    elif inp.kind == "topic":  # the question's own words: the calculator picks what they name best
        words = _without_quantities(folded, qs)
        if words:
            fill.args[name] = words


def _starts_with(folded: str, phrase: str) -> bool:
    m = word_pattern(phrase).search(folded)
    return m is not None and folded[: m.start()].strip() in ("", "en", "and")


def _without_quantities(folded: str, qs: list[Quantity]) -> str:
    """The text without its quantities; a count written in words keeps its noun ("een inschrijving": what is
    asked about, not a figure)."""
    chars = list(folded)
    for q in qs:
        end = q.end
        if q.kind in ("count", "number") and not q.digits:
            first = re.match(r"\s*\S+", folded[q.start : q.end])
            end = q.start + first.end() if first else q.end
        chars[q.start : end] = " " * (end - q.start)
    return " ".join("".join(chars).split())[:200]


def _claimed(
    spec: CalculatorSpec, fill: Fill, qs: list[Quantity], solve: Any, asked_from: int = 0, confirms: bool = True
) -> dict[str, tuple[Any, str, str | None]]:
    """Values the question claims for what the calculator works out, to check against the worked-out one (not
    inputs to calculate with): the value next to the word that asks for the unknown ("... so with 120 clients
    we need 3 FTE, right?"), and a value of a kind that fills no input but is one of the spec's `claims`
    ("krijgen we dan automatisch de volle 100%?" -> the percentage)."""
    out: dict[str, Any] = {}
    if solve is not None and solve.name in fill.sources and solve.requires:
        q = qs[fill.sources[solve.name]]
        near = " ".join(q.before[-3:] + q.after[:2])
        if any(word_pattern(fold(a)).search(near) for a in solve.asks):
            if any(all(f in fill.stated and f != solve.name for f in alt) for alt in solve.requires):
                out[solve.name] = (fill.args[solve.name], q.text, q.bound)
    used = [qs[j] for j in fill.used]
    for i, q in enumerate(qs):
        output = spec.claims.get(q.kind)
        if i in fill.rule_side:  # "halen we de 80%?": the rule it asks about, not a value it claims
            continue
        if any(u.kind == q.kind and u.number == q.number for u in used):
            continue  # "600k toegekend ... hoeveel van die 600k krijgen we?": the same amount named again
        if output and anti_cued(q, (), spec.claim_anti_cues_after):
            continue  # "onze 100%-dochter", "a 100% owned subsidiary": whose it is, not the figure claimed
        if output and any(w in lexicon().increment for w in (*q.before[-2:], *q.after[:1])):
            continue  # "can we add another 10%?", "kunnen we 10% erbij nemen?": an addition asked, no claim
        if q.start < asked_from and not confirms and any(w in lexicon().own_words for w in q.before[-OWN_BOUND_WORDS:]):
            continue  # "onze productieafspraak is € 70.000. Hoeveel krijgen we vergoed?": the asker's own figure told
            # before the asked sentence, not what it claims (a rule as others tell it still is: "ik hoorde dat 70% ...")
        if output and spec.rule_output and _said_of_rule(q, used):
            continue  # "de ondergrens is gemiddeld 2 cliënten per gebied": the rule's figure, checked as the rule's
        if output and i not in fill.used and not q.negated and q.number is not None and output not in out:
            out[output] = (to_number(q.number), as_repeated(q), q.bound)
    return out


RULE_SUBJECT_WORDS = 6  # words before a figure in which a noun of a rule ("de ondergrens is ...") makes it the rule's


def _said_of_rule(q: Quantity, used: list[Quantity]) -> bool:
    """A figure right after a noun that names a rule ("het minimum ... is gemiddeld 2", "the threshold is 2"), with no
    figure of the asker's case between them: the rule's figure as the asker states it, no claim about the case."""
    before = q.before[-RULE_SUBJECT_WORDS:]
    opened = [k for k, w in enumerate(before) if w in lexicon().condition]
    before = before[opened[-1] + 1 :] if opened else before  # ("halen wij de norm als onze zzp'ers 45% doen?": the
    # figure of the condition is the asker's, the rule named before it)
    return any(has_phrase(" ".join(before), fold(w)) for w in lexicon().rule_subjects) and not any(
        u.end <= q.start and u.start >= q.start - 40 for u in used
    )


# ---------------------------------------------------------------- scoring the specs


class _Blank:
    """A fill that states nothing (what `_missing` asks when none of the question's values fills an input)."""

    args: dict = {}
    stated: list = []


class Router:
    """Scores the specs for a question and fills the best one. `analyse(text)` gives the question's terms as
    retrieval makes them (stems + vocabulary); `similarity(text, examples)` (optional) is the embedder's."""

    def __init__(
        self,
        analyse: Callable[[str], set[str]],
        current_year: int,
        years: dict[str, tuple[int, ...]] | None = None,
        similarity: Callable[[str, tuple[str, ...]], float] | None = None,
        specs: dict[str, CalculatorSpec] | None = None,
        rule_values: dict[str, frozenset] | None = None,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.analyse = analyse
        self.today = today  # the day a question is asked on ("kunnen we nog ...?"); None: no such check
        self.rule_values = rule_values or {}
        self.current_year = current_year
        self.years = years or {}
        self.similarity = similarity
        self.specs = specs or load_specs()
        self._concepts = {
            name: [frozenset(analyse(c)) for c in spec.concepts if analyse(c)] for name, spec in self.specs.items()
        }
        self._asked_concepts = {
            name: [frozenset(analyse(c)) for c in spec.asked_concepts if analyse(c)] for name, spec in self.specs.items()
        }
        counts: dict[frozenset, int] = {}
        for sets in self._concepts.values():
            for s in set(sets):
                counts[s] = counts.get(s, 0) + 1
        self._shared = counts

    def _modifiers(self, folded: str) -> set[str]:
        """Terms said only as the first part of a hyphenated compound whose head is a calculator's concept ("onze
        zzp-coöperatie" is a cooperative: "zzp" there names no subcontracting); they count for no concept."""
        out: set[str] = set()
        for m in _COMPOUND.finditer(folded):
            start, end, part, head_words = m.start(), m.end(), m.group(1), m.group(2)
            head = set(self.analyse(head_words))
            if not any(c <= head for sets in self._concepts.values() for c in sets):
                continue
            rest = set(self.analyse(folded[:start] + " " + folded[end:]))
            out |= set(self.analyse(part)) - rest - head
        return out

    @functools.lru_cache(maxsize=32)  # noqa: B019 (one router per process)
    def _takes_objections(self, name: str) -> bool:
        """The calculator's concepts name objecting (asked.toml [objection] words: the deadline for objections)."""
        words = {fold(w) for w in asked_phrases("objection", "words")}
        return any(fold(c) in words for c in self.specs[name].concepts)

    def concept_score(self, name: str, terms: set[str]) -> float:
        """Matched concepts, a longer concept weighing more and one shared by several specs less."""
        matched = [c for c in self._concepts[name] if c <= terms]
        matched = [c for c in matched if not any(c < other for other in matched)]  # "waardemodel" in "waardemodelscore"
        return min(CONCEPT_CAP, sum((1.0 + 0.5 * (len(c) - 1)) / self._shared[c] for c in set(matched)))

    def read(
        self, text: str, today: date | None = None, exclude: tuple[int, int] | None = None,
        only: frozenset[str] | None = None, subject: set[str] | None = None,
    ) -> Reading:
        """The reading of `text`; quantities inside `exclude` (a claimed rule) are not used as inputs. `only` limits
        the calculators weighed; `subject` (terms of an earlier message) counts for their concepts too."""
        today = today or (self.today() if self.today is not None else None)
        qs = read(text, today=today, default_year=self.current_year)
        folded = fold(text)
        said = (set(self.analyse(without_addresses(text))) - self._modifiers(folded)) | (subject or set())
        terms = said - denied_terms(folded, self.analyse)
        ranked = []
        objecting = objection_asked(text) is not None  # "mag onze organisatie bezwaar aantekenen tegen de eis van 3 per gebied?": the
        # right to object is asked; only a calculator whose concepts name objecting weighs it, not the rule's figures
        for name, spec in self.specs.items():
            if only is not None and name not in only:
                continue
            if objecting and not self._takes_objections(name):
                continue
            denial_is_input = terms != said and any(  # "geen waardemodelscore" is a fact the calculator takes, not
                # what the asker is not (looked at only when the question denies a term at all)
                says(folded, c) for inp in spec.inputs.values() for c in (*inp.false_cues, *inp.denied_cues)
            ) or any(  # "geen faillissement, geen belastingschuld: komen we in aanmerking?": facts denied are facts
                negated_phrase(folded, c) for inp in spec.inputs.values() if inp.kind == "flag" for c in inp.true_cues
            )
            concept = self.concept_score(name, said if denial_is_input else terms)
            if any(q.kind in spec.concept_kinds for q in qs):
                concept += 1.0  # as much as a one-word concept
            if concept <= 0 and any(c <= terms for c in self._asked_concepts[name]) and any(
                says(folded, a) for a in spec.asked_concepts_with
            ):
                concept = 1.0  # a concept that names the calculator with one of its asking words ("CZ-cliënten ... norm")
            if concept <= 0:
                continue
            fill = assign(
                spec, qs, text, self.current_year, self.years, exclude,
                rule_values=self.rule_values.get(name, frozenset()), today=today,
            )
            unnamed = [  # "kunnen we nog een maatwerkcontract afsluiten?" names no step with a date
                n for n in fill.said_now
                if spec.inputs[n].default_concepts and not any(c <= terms for c in self._default_concepts(name, n))
            ]
            if unnamed:
                fill = _without(fill, unnamed)
            asks_len = max((len(a.replace("~", " ").split()) for a in spec.asks if says(folded, a)), default=0)
            asks = asks_len > 0
            words = sum(1 for n in set(fill.stated) if spec.inputs[n].kind in ("flag", "choice"))
            facts = VALUE_WEIGHT if spec.fact_weight is None else spec.fact_weight
            score = concept + VALUE_WEIGHT * len(fill.used) + facts * words + ASKS_WEIGHT * min(asks_len, 3)
            score -= UNPLACED_WEIGHT * len(self._unplaced(spec, qs, fill, exclude))
            ranked.append((score, name, fill, asks))
        ranked.sort(key=lambda r: -r[0])
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TIE_MARGIN and self.similarity is not None:
            close = [r for r in ranked if ranked[0][0] - r[0] < TIE_MARGIN]
            close.sort(key=lambda r: -self.similarity(text, self.specs[r[1]].examples))  # type: ignore[misc]
            ranked = close + [r for r in ranked if r not in close]
        reading = Reading("clause", quantities=qs)
        lex = lexicon()
        if (
            not ranked
            or any(_starts_with(folded, w) for w in lex.clause_only)
            or any(has_phrase(folded, w) for w in lex.clause_anywhere)
            # "mogen we op elk moment een verzoek indienen?": when the rule allows it, no figure of the asker's
            or (not any(q.kind in CALC_KINDS for q in qs) and any(affirmed(folded, w) for w in lex.any_time))
            # "een aanbieder wil de zorg stoppen nu het plafond op is. Wat zegt het beleid daarover?": a case in words
            # told, then what the policy says asked (no figure of the asker's)
            or (
                not any(q.kind in CALC_KINDS for q in qs) and not PERSONAL.search(folded)
                and any(_starts_with(asked_clause(folded), w) for w in lex.clause_only)
            )
        ):
            return reading  # "waarom eist CZ 1 fte op 55 cliënten?": a question about the rule itself
        figures = [q for q in qs if q.kind in ("count", "money", "percent", "date", "period") and not q.negated]
        if figures and asks_of_the_rule(text) and not PERSONAL.search(folded):
            return reading  # "is the extra-budget threshold 85%?": the rule, checked; no figures of the asker's
        if looks_back(folded) and (not PERSONAL.search(folded) or not figures):
            return reading  # "stond de eis van 3 cliënten al in 2024?", "is het maximum veranderd?": about the rule's versions
        for score, name, fill, asks in ranked[:2]:  # the best reading that decides; the runner-up when it does not
            decided = self._decide(self.specs[name], fill, qs, folded, asks, score)
            if decided is not None:
                return decided
        return reading

    def _unplaced(
        self, spec: CalculatorSpec, qs: list[Quantity], fill: Fill, exclude: tuple[int, int] | None
    ) -> list[int]:
        """The asker's figures with a unit some calculator takes ("240 cliënten", "€ 80.000", "30%") that no input
        of `spec` can take: a reading that has no use for them is less likely the one meant ("een coöperatie van
        zzp'ers met 4,5 fte hbo en 240 cliënten" is the staffing ratio, not the subcontracting share)."""
        return [
            i for i, q in enumerate(qs)
            if i not in fill.used and i not in fill.rule_side and not q.negated and not q.modifier
            and q.kind in ("count", "money", "percent") and (q.kind != "count" or q.unit in self._units)
            and (exclude is None or not exclude[0] <= q.start < exclude[1])
            and not any(_fits_kind(inp, q) for inp in spec.inputs.values())
            and q.kind not in spec.claims  # "krijgen ze 100% met hun B-score?": a claim about its result
            and not (spec.rule_output and q.kind == spec.rule_kind and (not spec.rule_units or q.unit in spec.rule_units))
        ]  # fmt: skip

    @functools.cached_property
    def _input_heads(self) -> dict[str, frozenset[str]]:
        """Per calculator, the head words of the labels of its amount inputs ("omzetplafond", "ceiling"): what a
        question names when it asks for the value of one."""
        return {n: frozenset(_label_heads(spec, list(spec.inputs), "money")) for n, spec in self.specs.items()}

    @functools.cached_property
    def _units(self) -> frozenset[str]:
        """The units of count any calculator takes (clients, fte, hours, postcode areas, ...)."""
        return frozenset(u for spec in self.specs.values() for inp in spec.inputs.values() if inp.kind == "count" for u in inp.units if u)

    def names_a_default(self, spec: str, terms: set[str]) -> bool:
        """The analysed `terms` name a concept some input of the calculator defaults by (its `default_concepts`:
        "inschrijven" names the registration step of the deadlines)."""
        return any(c <= terms for name in self.specs[spec].inputs for c in self._default_concepts(spec, name))

    @functools.lru_cache(maxsize=64)  # noqa: B019 (one router per process)
    def _default_concepts(self, spec: str, name: str) -> tuple[frozenset[str], ...]:
        """The analysed `default_concepts` of a spec's input."""
        words = self.specs[spec].inputs[name].default_concepts
        return tuple(c for c in (frozenset(self.analyse(w)) for w in words) if c)

    def also(self, text: str, first: Reading, exclude: tuple[int, int] | None = None) -> Reading | None:
        """A second calculation that the figures the first one left complete, when the question asks after more
        than one rule ("70 cliënten in 20 gebieden en 30% via onderaannemers: halen we beide eisen?", lexicon
        [questions] several_rules); None otherwise."""
        folded = fold(text)
        if first.kind != "tool" or not first.used:
            return None
        left = {  # "140 clients in 40 areas and we subcontract 30% of the hours: is that allowed?": a figure of the
            # asker's the first calculation has no use for asks the rule it belongs to as well
            i for i, q in enumerate(first.quantities)
            if i not in first.used and not q.negated and q.kind in ("count", "money", "percent")
            and (q.kind != "count" or q.unit in self._units)
            and (exclude is None or not exclude[0] <= q.start < exclude[1])
        }  # fmt: skip
        both = any(has_phrase(folded, w) for w in lexicon().several_rules)
        asking = next((x for x in reversed(re.split(r"(?<=[.!?])\s+", text.strip())) if "?" in x), "")  # its own words
        if left and not both and self.concept_score(first.tool or "", set(self.analyse(asking))) > 0:
            left = set()  # "..., en een kwart via zzp'ers. Voldoet dat aan de postcode-eis?": one rule asked by name
        if not left and not both:
            return None
        terms = set(self.analyse(text))
        named = sorted(
            (n for n in self.specs if n != first.tool and self.concept_score(n, terms) > 0),
            key=lambda n: -self.concept_score(n, terms),
        )
        for name in named:
            second = self.read(text, exclude=exclude, only=frozenset([name]))
            own = second.used - first.used  # a figure of its own (one may serve both: "165 cliënten in 50 gebieden en
            if second.kind == "tool" and own and (both or own & left):  # 3 fte"); without a word asking for both,
                return second  # the one left over
        return None

    def read_in_subject(
        self, text: str, earlier: list[str], exclude: tuple[int, int] | None = None, beyond: Reading | None = None
    ) -> Reading | None:
        """"Wij hebben 200 cliënten en 3 fte op niveau 6. Klopt onze verhouding?" after "wij zijn een zorgcoöperatie
        ...": a message that names no calculator but whose own figures complete one that an earlier message of the
        conversation named (latest first). That calculation, or None. `beyond`: the message's own reading of a
        calculator it names by a word of one of its figures ("3,5 cliënten per postcode" after a question about new
        providers): the subject's calculation only when it takes more of the message's figures."""
        own = set(self.analyse(without_addresses(text)))  # (not "wijkverpleging" of an address it names)
        if beyond is None and any(self.concept_score(n, own) > 0 for n in self.specs):
            return None  # the message names a calculator itself: its own reading decides
        found = asked(asked_clause(fold(text)))
        for message in reversed(earlier):
            subject = set(self.analyse(message)) - denied_terms(fold(message), self.analyse)
            named = sorted((n for n in self.specs if self.concept_score(n, subject) > 0),
                           key=lambda n: -self.concept_score(n, subject))  # fmt: skip
            for name in named:  # "een coöperatie van zzp'ers" names two: the one the figures complete
                spec = self.specs[name]
                reading = self.read(text, exclude=exclude, only=frozenset([name]), subject=subject)
                decided = is_yes_no(text) and any(n in spec.inputs and spec.inputs[n].decides for n in reading.args)
                if found is not None and found.kind not in spec.answers_kinds and not any(
                    s.kind == found.kind for s in spec.solve.values()
                ) and not decided:
                    continue  # "... 45 cliënten op 0,8 fte. Hoe vaak moet zij evalueren?": asks what it does not give
                    # ("kan ik het mailen naar ...?" asks yes or no of what the calculator decides, not an address)
                if (
                    reading.kind == "tool" and (len(reading.used) >= SUBJECT_FIGURES or decided) and spec.requires
                    and (reading.asks_calc or reading.solve is not None or is_yes_no(text))
                    and (beyond is None or (name != beyond.tool and len(reading.used) > len(beyond.used)))
                ):
                    return reading
            if named:
                return None  # the latest subject decides; one further back is not reached past it
        return None

    def _decide(
        self, spec: CalculatorSpec, fill: Fill, qs: list[Quantity], folded: str, asks: bool, score: float
    ) -> Reading | None:
        if never_taken(spec, folded) or (spec.asks_required and not asks):
            return None
        # a question for what follows checks the case like a yes or no ("als we het op 2 juni insturen, wat dan?")
        checks_case = is_yes_no(folded) or asks_consequence(folded)
        checked = [n for n in fill.stated if spec.inputs[n].yes_no_only and n not in fill.said_now]  # (the day asked
        if not checks_case and checked:  # for the time left from it, "hoeveel dagen hebben we nog?", stays)
            fill = _without(fill, checked)
        personal = bool(PERSONAL.search(folded))
        # facts stated in words count as the asker's own only when the asker speaks of themselves ("we doen alleen
        # kindzorg" is a fact; "geldt de eis ook voor kindzorg?" asks about the rule)
        # (or in a statement of a case: "Een bestaande aanbieder zit in surseance. Kan die ...?")
        case = personal or bool(re.search(r"[^?]+[.!]\s+\S", folded))
        words = [f for f in fill.stated if spec.inputs[f].kind in ("flag", "choice")] if case else []
        taken = {u for inp in spec.inputs.values() for u in inp.units}
        figures = [
            q for i, q in enumerate(qs)
            if q.kind in ("date", "period", "money", "percent", "count") and not q.negated and i not in fill.rule_side
            and not (q.kind == "count" and q.unit == "staff" and "staff" not in taken)  # ("we hebben 6 zzp'ers": who
        ]  # fmt: skip  # works, beside the figures; no figure of another question)
        if figures and not fill.used and not words and not fill.said_now:
            return None  # the question's figures are for something else ("kan ik op 20 mei nog bezwaar maken?")
        found = asked(folded)
        kind = found.kind if found is not None else None
        solve = next(
            (
                s for s in spec.solve.values()
                if any(says(folded, a) for a in s.asks)
                and (
                    kind in (None, s.kind)
                    or (kind in s.also_kinds and (_works_out(s, fill.stated) or settled(spec, fill.args, words)))
                )  # "wij zijn een coöperatie: hoeveel mogen we uitbesteden?": the asker's fact that settles it works it out
                and not (found is not None and found.unit and s.units and found.unit not in s.units)
            ),
            None,
        )  # fmt: skip
        given = [qs[i] for i in fill.used]
        rate = found is not None and (_rate(folded, found, given=given) or (not fill.used and _rate(folded, found, "areas")))
        # "hoeveel cliënten per postcodegebied moeten we hebben?" without figures of the asker's: the rule's average
        if solve is not None and found is not None and found.unit in solve.units and rate:
            solve = None  # "hoeveel uur per maand werkt één zzp'er?": a rate, not the unknown's total
        if solve is None and found is not None and (found.unit or found.kind != "count") and not rate:
            # "what fte does that take?", "vanaf welk omzetbedrag ...?": the unit or kind asked for is what one
            # unknown gives, when the question does not state that unknown
            fits = [
                s for n, s in spec.solve.items()
                if n not in fill.stated and (found.unit in s.units if found.kind == "count" else s.kind == found.kind)
            ]  # fmt: skip
            solve = fits[0] if len(fits) == 1 else None
        if (
            found is not None and found.kind == "count" and found.unit and solve is None
            and any(s.units for s in spec.solve.values())
            and not any(found.unit in inp.units for inp in spec.inputs.values())
            and not any(found.unit in s.units for s in spec.solve.values())
        ):
            return None  # "what is the largest number of clients ...?": nothing a calculator of hours takes or gives
        if kind in TIME_KINDS and solve is None and kind not in spec.answers_kinds:
            return None  # "we schreven ons op 8 januari in: wanneer horen we iets?": a time the clause states
        if (
            kind == "money" and solve is None and kind not in spec.answers_kinds and not is_yes_no(folded)
            and not any(inp.kind == "money" for inp in spec.inputs.values())
            and not any(s.kind == "money" for s in spec.solve.values())
        ):
            return None  # "welke boete krijgen we bij 54% onderaanneming?": an amount a calculator without amounts
            # neither takes nor gives; the clause says whether the texts state one
        if (
            found is not None and found.kind == "count" and found.unit and solve is None
            and any(found.unit in inp.units for inp in spec.inputs.values())
        ):
            return None  # "hoeveel punten heb je nodig voor een A?": asks what the rule needs, not a calculation
        if not fill.used and not fill.said_now:  # no figure of the asker's: words alone ("als startende aanbieder")
            # do not make a calculation; "kunnen we nog ...?" names the day asked
            if not words and not spec.asks_back:
                return None
            if not words and any(says(folded, p) for ps in spec.verdict_if.values() for p in ps):
                return None  # "geldt de postcode-eis voor ons?" with nothing of the asker's case: the clause says for whom
            required = any(has_phrase(asked_clause(folded), w) for w in lexicon().obligation)
            if kind is not None and solve is None and (kind not in spec.answers_kinds or not words) and not (
                personal and kind in spec.asks_back_for and not required
            ):
                return None  # a question for a value the policy states ("welk percentage mogen we uitbesteden?",
                # "als startende aanbieder: wanneer moet ons bezwaar binnen zijn?")
            numeric = bool(spec.requires) and all(
                spec.inputs[f].kind in NUMERIC_KINDS for alt in spec.requires for f in alt
            )
            applies = settled(spec, fill.args, words) and is_yes_no(folded) and any(  # "geldt de 50%-regel ook voor ons als
                says(asked_clause(folded), p) for ps in spec.verdict_if.values() for p in ps  # coöperatie?": whether the
            )  # rule applies, which the stated fact settles
            if words and numeric and solve is None and not asks_strongly(spec, folded) and not applies:
                return None  # "mag een zzp'er van onze coöperatie ook ongecontracteerde zorg leveren?": a fact about
                # the asker and a permission asked, with none of the figures the calculation needs: the clause answers
        claims = _claimed(spec, fill, qs, solve, asked_start(folded), is_yes_no(folded[asked_start(folded) :]))
        if (
            solve is not None and solve.name in fill.stated and solve.name not in claims and is_yes_no(folded)
            and not _asks_near(qs[fill.sources[solve.name]] if solve.name in fill.sources else None, solve.asks)
        ):
            solve = None  # "met 4 fte en 280 cliënten zitten we te hoog en moeten we iemand zoeken, toch?": the asker's own value of
            # the unknown, not claimed as what is needed: the check of their figures answers
        for name in list(fill.stated):  # a value stated next to the figures it is worked out from: a claim
            inp = spec.inputs[name]
            others = [  # a complete alternative made of the figures this value is worked out from (not of other
                # worked-out values: "65% zzp'ers en 35% eigen personeel" are two shares, neither claims the other)
                alt for alt in spec.requires
                if name not in alt and set(alt) & set(inp.replaces) and all(f in fill.stated for f in alt)
                and not all(spec.inputs[f].claim_of for f in alt)
            ]  # fmt: skip
            if inp.claim_of and name in fill.sources and spec.rule_output and _said_of_rule(
                qs[fill.sources[name]], [qs[j] for j in fill.used if j != fill.sources[name]]
            ):
                at = fill.sources[name]  # "de ondergrens is gemiddeld 2 per gebied": the rule's figure as the asker
                fill = _without(fill, [name])  # states it (corrected as the rule's), not the asker's own average
                fill.rule_side.add(at)
                continue
            if inp.claim_of and others and name in fill.sources:
                q = qs[fill.sources[name]]
                rounded = "rounded" if q.kind == "percent" else None  # a share beside its amounts: as exact as written
                claims[inp.claim_of] = (  # ("71%" of 70,83%); an average or count is checked as it stands
                    to_number(q.number) if q.number is not None else fill.args[name], q.text, q.bound or rounded
                )
                claims[name] = claims[inp.claim_of]
        _rest_as_part(spec, fill, folded)
        stated = set(fill.stated) - set(claims)
        complete = [alt for alt in spec.requires if all(f in stated for f in alt)]
        if not complete and settled(spec, fill.args, set(words) & stated) and (is_yes_no(folded) or solve is not None):
            # the asker's own fact settles whether it holds or what is allowed ("which requirements apply to our
            # zzp'ers?" asks for what the policy lists, not the calculation)
            complete = [()]  # "most of our clients are outside the core area: does the rule apply?": settled by that
            fill.assumptions.clear()  # fact alone; no default shapes the result
        if solve is not None and not complete:
            complete = [alt for alt in solve.requires if all(f in stated for f in alt)]
        has_values = bool(fill.used) or bool(words) or bool(fill.said_now)
        strong = asks_strongly(spec, folded)
        own_case = asks and strong and personal and solve is None and spec.requires and (kind or is_yes_no(folded))
        if not has_values and not own_case:  # "kunnen we bijcontracteren?" is about the asker's case; "hoe dienen
            # we een verzoek in?" asks how (no kind of value a calculator gives): no figures are asked for
            in_its_unit = found is not None and solve is not None and bool(found.unit) and found.unit in solve.units
            # ("hoeveel uur kunnen we hooguit uitbesteden?": the unknown asked in its own unit, of the asker's case)
            if not (solve and (complete or (spec.asks_back and personal and (asks_strongly(solve, folded) or in_its_unit)))):
                return None  # "hoeveel cliënten moet een nieuwe aanbieder hebben?" asks for the rule, not a sum; "mogen
                # we dat leveren?" asks a permission (a weak ask), no unknown of the asker's to ask figures for
        _together_as_part(spec, fill)
        args = {k: v for k, v in fill.args.items() if k not in claims}
        reading = Reading(
            "tool", spec.name, args, list(fill.assumptions), solve=solve.name if solve else None,
            areas=fill.areas, quantities=qs, used=set(fill.used), asks_calc=asks, score=score,
            stated=[f for f in fill.stated if f not in claims],
            claims={k: v for k, (v, _, _) in claims.items() if k not in spec.inputs},
            claim_texts={k: t for k, (_, t, _) in claims.items() if k not in spec.inputs},
            claim_bounds={k: b for k, (_, _, b) in claims.items() if k not in spec.inputs and b},
            notes=_per_year_notes(spec, qs, fill.sources, args) + _strict_notes(spec, qs, fill.sources, args),
            quotients=dict(fill.quotients),
        )  # fmt: skip
        # (an input an unknown of the asked kind is worked out from, given, is what that unknown answers: "bij welke
        # omzet kunnen we extra budget aanvragen?" with the ceiling given asks the revenue the ceiling sets)
        worked_out = [s for s in spec.solve.values() if s.kind == kind and any(all(f in stated for f in alt) for alt in s.requires)]
        needed = {f for s in worked_out for alt in s.requires for f in alt}
        given = [
            f for f, inp in spec.inputs.items()
            if not inp.claim_of and (not worked_out or f in needed)
            and (f not in fill.sources or not _named(qs[fill.sources[f]], inp.cues, inp.cues_before))
        ]  # (an input the asker gave by its own name is the base of what is asked: "€ 40.000 budget gehonoreerd,
        # hoeveel daarvan wordt vergoed?"; one taken without its name may be another figure: "€1,2M gedeclareerd")
        its_own = solve is not None and any(says(asked_clause(folded), a) for a in solve.asks)
        others = frozenset(h for n, hs in self._input_heads.items() if n != spec.name for h in hs) - self._input_heads[spec.name]
        if not its_own and _asks_for_input(spec, given, folded, kind, others):
            return None  # "hoe hoog wordt ons omzetplafond?": what is asked is what the calculation takes as given
            # (a figure said before it is another one: "we declareerden 1,2 miljoen") and does not work out; the
            # clause says what it follows from
        if complete or spec.answers_without_inputs:
            return reading
        core = {f for alt in [*spec.requires, *(solve.requires if solve is not None else [])] for f in alt}
        if (
            not set(reading.stated) & core and is_yes_no(folded)
            and all(spec.inputs[n].kind in TIME_INPUTS for n in reading.stated if n in fill.sources)
            and self.concept_score(spec.name, set(self.analyse(without_trailing_condition(asked_clause(folded))))) <= 0
        ):  # "het plafond was in november op; is het toegestaan vaste cliënten tijdelijk geen zorg te geven?": the asker gave
            return None  # no figure this calculation is worked out from (a time is the setting) and asks whether
            # something else may be done
        reading.kind = "clarify"
        reading.missing = self._missing(spec, fill, solve.requires if solve is not None else None)
        if not reading.missing:  # its figures were all taken as claims: ask for the first way to work it out
            reading.missing = self._missing(spec, _Blank())
        return reading

    @staticmethod
    def _missing(spec: CalculatorSpec, fill: Any, requires: Any = None) -> list[tuple[str, str, str]]:
        """What completes the alternative of `requires` (the spec's, or an unknown's) that is closest to complete."""
        stated = set(getattr(fill, "stated", fill.args))
        alts = sorted(requires or spec.requires, key=lambda alt: (sum(f not in stated for f in alt), -len(alt)))
        # "zitten onze casemanagers binnen de norm?": the figures, not the caseload the asker could work out from them
        alts = [a for a in alts if all(spec.inputs[f].asked_back for f in a if f not in stated)] or alts
        if not alts:
            return []
        out = []
        for f in alts[0]:
            if f in stated:
                continue
            inp = spec.inputs[f]
            nl = inp.ask_nl or f"Wat is {spec.label(f, 'nl')}?"
            en = inp.ask_en or f"What is {spec.label(f, 'en')}?"
            out.append((f, nl, en))
        return out


_WHAT_IS = re.compile(r"(?:^|[,;:]\s*)\W*(?:(?:en|and|maar|but|so|dus)\W+)?(?:what|wat|welk|welke|hoe hoog|how high|hoe groot|how large|how big)\b")


def _label_heads(spec: CalculatorSpec, fields: list[str], kind: str | None) -> set[str]:
    """The head words of the labels of `fields` (the last word of "het omzetplafond", "the revenue ceiling"), of
    inputs of `kind` (any, for None)."""
    heads = {
        fold(label.split()[-1]) for f in fields if kind is None or spec.inputs[f].kind == kind
        for label in (spec.inputs[f].label_nl, spec.inputs[f].label_en) if label
    }  # fmt: skip
    return {h for h in heads if re.fullmatch(r"[^\W\d_]{4,}", h)}  # a word ("bij CZ", "(nieuw)" name no value)


def _asks_for_input(
    spec: CalculatorSpec, fields: list[str], folded: str, kind: str | None, others: frozenset[str] = frozenset()
) -> bool:
    """A question for a value of an input's own kind (not yes/no) whose asking clause names one of `fields` by the
    head word of its label: "wat wordt ons omzetplafond voor 2027?" to a calculator that takes the ceiling as given;
    or a question for what something is ("what will our ceiling be?") that names an input of another calculator
    (`others`), none of this one's: this calculator gives no such value either."""
    asking = without_trailing_condition(asked_clause(folded))
    if is_yes_no(folded):
        return False
    if any(_asked_as(asking, h) for h in _label_heads(spec, fields, kind)):
        return True
    return kind in (None, "money") and any(_asked_as(asking, h) for h in others) and not any(
        has_phrase(asking, h) for h in _label_heads(spec, list(spec.inputs), None)
    )


def _asked_as(asking: str, head: str) -> bool:
    """`head` is the thing the question word asks the value of ("hoe hoog wordt ons omzetplafond", "what exactly
    will our 2027 revenue ceiling be", "welk omzetplafond"), not a thing the value asked is of ("hoeveel van ons
    budget ...", "wat krijgen we vergoed van het budget?")."""
    return re.search(_WHAT_IS.pattern + _BEFORE_ASKED + re.escape(head) + r"(?![\w])", asking.strip()) is not None


# between the question word and the thing asked: a verb of being, a possessive or article, a year, one modifier
_BEFORE_ASKED = (
    r"(?:\s+(?:exactly|precies|precisely|straks|then|dan))?(?:\s+(?:is|will|would|wordt|zal|gaat|was|zijn|are|be))?"
    r"(?:\s+(?:our|my|the|ons|onze|het|de|mijn|uw|your))?(?:\s+20\d\d)?(?:\s+[^\W\d_][\w-]*)?\s+"
)


def _label_cap(spec: CalculatorSpec, name: str, lang: str) -> str:
    """An input's label opening a note ("Het aantal uren van zzp'ers: ...")."""
    label = spec.label(name, lang)
    return label[:1].upper() + label[1:]


REST_WORDS = 6  # how near after "de rest" / "the rest" a cue of the rest part says who does it


def _rest_as_part(spec: CalculatorSpec, fill: Fill, folded: str) -> None:
    """'20.000 uur, onze volle dochter 4.000, het overige eigen personeel': the spec's `rest` part, said only as the rest
    of the whole (lexicon `rest_of_whole` with a cue of that part within REST_WORDS words), is the whole minus the
    other parts given; nothing when the part has a figure of its own, no other part is given or the figures given
    already complete the calculation."""
    rest, whole = spec.rest, spec.whole
    if not rest or not whole or whole not in fill.args or rest not in spec.inputs:
        return
    _rest_to_other(spec, fill, folded)
    if rest in fill.args:
        return
    if any(all(f in fill.stated for f in alt) for alt in spec.requires):
        return  # the figures given are enough: the calculator works the rest out itself (a follow-up that changes the
        # whole then changes the rest with it)
    given = [*spec.parts, *spec.parts_together]  # "6.000 uur is uitbesteed": several parts together count too
    others = [p for p in given if p != rest and p in fill.args and isinstance(fill.args[p], (int, float))]
    if not others or not isinstance(fill.args[whole], (int, float)):
        return
    cues = [*spec.inputs[rest].cues, *spec.rest_cues]
    elsewhere = [c for p in given if p != rest and p in spec.inputs for c in spec.inputs[p].cues]
    said = False
    for w in lexicon().rest_of_whole:
        for m in word_pattern(w).finditer(folded):
            after = _rest_doer(folded, m, [*cues, *elsewhere])  # the rest's own clause ("..., het overige zelf.")
            if any(cue_pattern(c).search(after) for c in elsewhere):
                return  # "de rest besteden we uit aan zzp'ers": the rest goes to another party
            if any(cue_pattern(c).search(after) for c in cues):
                said = True
    value = fill.args[whole] - sum(fill.args[p] for p in others)
    if said and value >= 0:
        fill.args[rest] = value
        fill.stated.append(rest)


def _rest_to_other(spec: CalculatorSpec, fill: Fill, folded: str) -> None:
    """'12.000 uur: eigen personeel 5.000, zzp'ers 4.000 en de rest levert onze volle dochter': the rest of the whole
    said of a part other than the spec's `rest`, with no figure of its own, is the whole minus the parts given (not
    a part the calculator counts the unsaid hours in anyway, `together_holds`: "de rest door zzp'ers")."""
    if any(t in fill.args for t in spec.parts_together) or not isinstance(fill.args.get(spec.whole or ""), (int, float)):
        return
    given = [p for p in spec.parts if isinstance(fill.args.get(p), (int, float))]
    if not given:
        return
    every = [c for p in spec.parts if p in spec.inputs for c in spec.inputs[p].cues]
    for w in lexicon().rest_of_whole:
        for m in word_pattern(w).finditer(folded):
            after = _rest_doer(folded, m, every)
            named = [p for p in spec.parts if p in spec.inputs and any(cue_pattern(c).search(after) for c in spec.inputs[p].cues)]
            held = {h for hs in spec.together_holds.values() for h in hs}  # where the calculator puts hours not said
            if len(named) != 1 or named[0] == spec.rest or named[0] in fill.args or named[0] in held:
                continue
            value = fill.args[spec.whole or ""] - sum(fill.args[p] for p in given)
            if value >= 0:
                fill.args[named[0]] = value
                fill.stated.append(named[0])
            return


def _rest_doer(folded: str, m: re.Match[str], cues: list[str]) -> str:
    """The words that say who does the rest of a whole: up to REST_WORDS words after the rest word in its own clause
    ("het overige doet de dochter-bv"); when those name no party, the words before it since the clause's last
    figure ("and the subsidiary we fully own took the remainder"; not "zzp'ers 1.000 en de rest")."""
    clause = re.split(r"[.,;:!?]", folded[m.end() :])[0]
    after = " ".join(re.findall(r"[\w'-]+", clause)[:REST_WORDS])
    if any(cue_pattern(c).search(after) for c in cues):
        return after
    lead = re.split(r"[.,;:!?]|\d", folded[: m.start()])[-1]
    return " ".join(re.findall(r"[\w'-]+", lead)[-REST_WORDS:])


def _together_as_part(spec: CalculatorSpec, fill: Fill) -> None:
    """Several parties together ("de rest, 480 uur, via onderaannemers", the spec's `parts_together`) beside another
    part of the whole ("520 uur eigen personeel"): the hours per category, that value standing as its part, so the
    calculation gets one form of the figures."""
    for together, part in spec.parts_together.items():
        held = spec.together_holds.get(together, (part,))  # "4.000 uur uitbesteed, daarvan 2.400 aan zzp'ers": a part
        others = [p for p in spec.parts if p not in held and p in fill.stated]  # inside it keeps the total form
        if together in fill.stated and not any(h in fill.stated for h in held) and others:
            fill.args[part] = fill.args.pop(together)
            fill.stated[fill.stated.index(together)] = part
            if together in fill.sources:
                fill.sources[part] = fill.sources.pop(together)


def _per_year_notes(spec: CalculatorSpec, qs: list[Quantity], sources: dict[str, int], args: dict[str, Any]) -> list[tuple[str, str]]:
    """How hours said per week or month were put per year ("25 uur per week × 48 weken = 1.200 uur per jaar"), for
    each input they fill: the answer says the figure it worked with and where it came from."""
    out = []
    for name, i in sources.items():
        q = qs[i] if i < len(qs) else None
        if q is None or q.times is None or name not in args or (q.per is None and q.unit not in ("fte", "hours")):
            continue  # (and "3 casemanagers van elk 0,6 fte": 3 × 0,6 = 1,8)
        factor, each = q.times
        out.append(tuple(
            msg(f"per_year_{q.per}" if q.per else "each_person", lang, label=_label_cap(spec, name, lang),
                each=format_number(each, lang), factor=format_number(factor, lang), total=format_number(q.number or 0, lang))
            for lang in ("nl", "en")
        ))  # fmt: skip
    return out


def _strict_notes(spec: CalculatorSpec, qs: list[Quantity], sources: dict[str, int], args: dict[str, Any]) -> list[tuple[str, str]]:
    """How a bound the asker gave was worked with ("net onder 50k" as € 49.999): the figure it became, said."""
    out = []
    for name, i in sources.items():
        q = qs[i] if i < len(qs) else None
        value = args.get(name)
        if q is None or q.bound not in STRICT or not isinstance(value, (int, float)) or q.number is None:
            continue
        if spec.inputs[name].kind not in ("count", "money", "percent", "number") or float(value) == float(q.number):
            continue
        key = "strict_lt" if q.bound == "lt" else "strict_gt"
        said = format_eur if spec.inputs[name].kind == "money" else format_number  # "€ 49.999", "2,99"
        out.append(tuple(
            msg(key, lang, number=said(q.number, lang), value=said(value, lang), label=_label_cap(spec, name, lang))
            for lang in ("nl", "en")
        ))  # fmt: skip
    return out
