"""Calculator specs: how a question reaches each calculator, declared as data beside the calculators
(tools/specs/<name>.toml; the keys are explained in tools/specs/README.md). Loaded once, typed here."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.text.quantities import lexicon_data


def spec_dir() -> Path:
    """tools/specs, wherever the `tools` package is installed."""
    import tools

    return Path(tools.__file__).resolve().parent / "specs"


class InputSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    kind: str  # count | money | percent | date | year | score | flag | choice | topic
    units: tuple[str, ...] = ()
    per_area: bool = False
    # a count with decimals needs no cue to be this input: no count of what it counts has decimals ("our 2.2" is an
    # average of clients per area, never 2.2 clients)
    decimals_cue: bool = False
    # a count of things that come only whole (a total of clients): a figure with decimals is never this input
    whole_only: bool = False
    # a per-area list whose areas are numbered on after a total over a count of areas ("6 cliënten in 2 gebieden en 2
    # in een derde"): the total and the count it continues (their inputs), which then hold all areas together
    continues: tuple[str, ...] = ()
    year: int | None = None
    unyeared: bool = False
    cues: tuple[str, ...] = ()
    weak_cues: tuple[str, ...] = ()  # words that hint at the input only a little (a verb: "leveren", "deliver")
    anti_cues: tuple[str, ...] = ()
    # anti-cues that exclude a value only when they follow it: "3 per gebied" is an average, while "per gebied 2,
    # 5 en 3" opens a list of counts
    anti_cues_after: tuple[str, ...] = ()
    anti_bounds: tuple[str, ...] = ()
    # a whole whose parts may be given beside it ("2.500 uur uitbesteed, waarvan 1.500 aan zzp'ers"): when one of
    # `beside_parts` is given next to it without a word that makes it a part (lexicon `containing`), the two are
    # parties side by side ("6.000 uur bij een thuiszorgbureau, 2.000 uur bij zelfstandigen") and this value is `beside_is`
    beside_parts: tuple[str, ...] = ()
    # a total that may be given as a list of its parts with the unit said once ("case managers at 0.9, 0.8 and 0.6
    # fte"): the list is summed
    sums_series: bool = False
    # shares of several parties this input holds, each said with its own cue ("zzp'ers 25% en onderaannemers 10%"):
    # together its value
    sums_cued: bool = False
    # the smallest step of the input a bound moves a value by ("net onder 3 per gebied" is 2,99, "just under 50k" is
    # 49.999): by default a whole unit for amounts and whole counts, a hundredth otherwise
    step: float | None = None
    # an average that may be given as the two counts it is worked out from ("84 cliënten in 28 postcodegebieden"):
    # the units of the counted things and of what they are spread over; the value is their quotient
    per_of: tuple[str, ...] = ()
    # how a follow-up that changes one of those counts says so, in the asker's own figures (nl, en; {said}: the counts
    # as typed), and one that takes areas out ({n} areas of {each} each): the average itself is the calculator's
    per_of_note: tuple[str, ...] = ()
    per_of_drop_note: tuple[str, ...] = ()
    # a value per one of these (an average per "areas"): a whole count said spread over a count of them right after
    # it ("ons gemiddelde is 40 cliënten over 16 postcodes") is their total, never this value
    spread_over: str | None = None
    # a total of what is spread over these: a whole count said spread over a count of them is this value, whatever
    # word of an average stands before it ("ons gemiddelde is 40 cliënten over 16 postcodes": 40 in all)
    spread_total: str | None = None
    beside_is: str | None = None
    # the output a value of this input claims when the figures it stands for are given as well ("138 cliënten over
    # 52 gebieden, dus gemiddeld 2,65"): checked against the worked-out value, not calculated with
    claim_of: str | None = None  # bounds a value of this input never has ("since March": a state, no date)
    # cues that name this input only before its value ("van onze 8.000 uur", "out of 8,000"): after a value they
    # take a part of the whole that follows ("3.900 van onze 8.000")
    cues_before: tuple[str, ...] = ()
    # a part the asker says it is not after all, by one of `defining_cues` denied ("het is geen volle dochter", "not
    # really wholly owned"): a follow-up moves its amount to the input `denied_becomes`
    defining_cues: tuple[str, ...] = ()
    denied_becomes: str | None = None
    # what makes it not one without naming it ("it has a board of its own", "een minderheidsbelang"), and a share
    # below `denied_below_pct` said beside one of `share_cues` ("we hold only 40% of its shares"): denied as well
    denying_cues: tuple[str, ...] = ()
    denied_below_pct: float | None = None
    share_cues: tuple[str, ...] = ()
    accept_bare: bool = False
    accept_number: bool = False
    needs_cue: bool = False  # only a value with one of the cues near it fills this input
    cue_within: int | None = None  # only a cue at most this many words from the value makes it this input
    asked_back: bool = True  # false: a question back asks for another alternative (a value the asker worked out)
    replaces: tuple[str, ...] = ()  # inputs a follow-up value of this one stands in for ("en met 70%?" after amounts)
    # the calculator's policy parameter this input is compared with ("min_cost_points"): when only this input is
    # missing and the question claims a result, the answer works out both sides of it instead of asking back
    cases_param: str | None = None
    # words that make a count include this time ("nog een keer", "opnieuw"): the earlier times plus one
    again_cues: tuple[str, ...] = ()
    # a fact about the asker (a score, cost points): a question to this calculator that does not state it takes it
    # from the conversation's previous question, read for this calculator ("A in 2026 en 2027 ... kunnen we
    # bijcontracteren?" then "hoeveel van 60k gehonoreerd budget krijgen we vergoed?")
    carried: bool = False
    # a value only the asker's case is checked with in a yes/no question ("is 3 maart nog op tijd?"); in a question
    # for a value or a time ("we schreven ons op 8 januari in: wanneer horen we iets?") it dates the asker's own step
    yes_no_only: bool = False
    # a value of this input said in a yes/no message that names no calculator ("... per mail mogen sturen, bevestig
    # dat even") makes the message a case of the calculator an earlier message named, as two figures would
    decides: bool = False
    # a date input's companion argument that says whether the asker wrote the year ("op 3 juni" has none): the
    # calculator then reads the day in the year of the step it is checked against, not in the contract year
    year_given_arg: str | None = None
    # `current` (the current policy year) or `today` (a date input: the date of the day the question is asked); a
    # default with `default_if` words applies only when the asked sentence says one of them ("kunnen we nog ...?")
    default: Any = None
    default_if: tuple[str, ...] = ()
    # ... or, in a question of any form, one of these ("hoeveel dagen hebben we nog?": the time left from today)
    default_if_asked: tuple[str, ...] = ()
    # words that name the day asked outright ("lukt inschrijven nu nog?"): the default "today" holds even
    # when the message tells a time of the asker's own ("sinds oktober actief")
    today_cues: tuple[str, ...] = ()
    # ... and only when the question names one of these concepts (the steps that have a date: "bezwaar", not a
    # contract of some kind in general)
    default_concepts: tuple[str, ...] = ()
    assume_nl: str | None = None
    assume_en: str | None = None
    choices: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # a choice whose value is the unit the question's counts were given in (its choices are units: "hours", "fte");
    # never read from words, so it states nothing of the asker's case
    of_units: bool = False
    true_cues: tuple[str, ...] = ()
    false_cues: tuple[str, ...] = ()
    # a flag another input says more exactly: with that input stated, the flag's words are not read (a date in
    # September decides "before 1 October"; "we dienen in november in" is about the request, not the date reached)
    implied_by: str | None = None
    denied_cues: tuple[str, ...] = ()  # flags: words that make it false when negated, and say nothing when affirmed
    ask_nl: str | None = None
    ask_en: str | None = None
    label_nl: str | None = None  # how the input is named to a user ("het aantal postcodegebieden")
    label_en: str | None = None


class SolveSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    asks: tuple[str, ...]
    output: str
    requires: tuple[tuple[str, ...], ...] = ()  # inputs that are enough to work the unknown out
    kind: str = "count"  # the kind of value it is (asked.toml): a question asking another kind is not about it
    # other kinds its answer states too, asked for when the inputs it is worked out from are given ("24.000 uur in
    # totaal: hoeveel mogen we uitbesteden?" asks a share or hours; the most hours are said with the share)
    also_kinds: tuple[str, ...] = ()
    # the check with every input given names this unknown too (postcode: the clients still needed); when it does not
    # (the dementia caseload check names no range), a follow-up asking for it is worked out even when it was given
    check_reports: bool = True
    # the units of the count it works out (clients; fte, also asked as persons): "hoeveel cliënten ...?" is not about
    # an unknown in hours
    units: tuple[str, ...] = ()


class CalculatorSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    concepts: tuple[str, ...]
    # quantity kinds that name the concept by themselves ("6 in 5041, 2 in 5042": postcodes name postcode areas)
    concept_kinds: tuple[str, ...] = ()
    # concepts that name the calculator only in a question that also says one of its `asks` words ("75 CZ-cliënten ...
    # halen we de norm?" is the postcode rule; "4 CZ-cliënten in een BTH: valt dat onder het dagtarief?" is not)
    asked_concepts: tuple[str, ...] = ()
    asked_concepts_with: tuple[str, ...] = ()  # the words that make an `asked_concepts` concept name it (rule words)
    asks: tuple[str, ...] = ()
    not_if: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    requires: tuple[tuple[str, ...], ...] = ()
    # input values that settle the result without the required inputs, when the asker states them ("most of our care
    # is outside the core area": the postcode requirement does not apply, no counts needed): input -> value
    settled_by: dict[str, Any] = Field(default_factory=dict)
    answers_without_inputs: bool = False
    asks_back: bool = True  # a question about the concept without any value may be answered with a question back
    # what one fact of the asker's case in words (a flag or choice input it states) weighs when calculators are ranked;
    # None: as much as a figure. More where one stated fact settles the question by itself (an exclusion ground)
    fact_weight: float | None = None
    asks_required: bool = False  # only a question that asks what this calculator answers reaches it
    # asked kinds (asked.toml) for which a question about the asker's own case without figures gets a question back
    # ("welk percentage krijgen we vergoed?" depends on the asker's score), not the clause
    asks_back_for: tuple[str, ...] = ()
    # asked kinds its result answers when the asker's case is stated in words ("valse verklaring: wat is het
    # gevolg?" -> consequence); any other asked kind without a figure of the asker's is a question for the clause
    answers_kinds: tuple[str, ...] = ()
    # the output field(s) that answer a yes/no question ("voldoen we?"): the first one the result decides
    verdict: tuple[str, ...] = ()
    # words that name what the verdict decides ("waardemodel" for whether it applies): a yes/no question without
    # figures that names one, after this calculator's result, is asked of that case ("krijgen we dan een score?")
    verdict_concepts: tuple[str, ...] = ()
    # a value of this quantity kind that the question states but that fills no input is a claim about this output
    # ("krijgen we dan de volle 100%?" -> percentage): checked against the worked-out value
    claims: dict[str, str] = Field(default_factory=dict)
    # words right after a value that keep it from being a claim: "a subsidiary that is 100% ours" says whose it is
    claim_anti_cues_after: tuple[str, ...] = ()
    verdict_invert_if: tuple[str, ...] = ()  # question words that make the yes/no the opposite of that field
    # result fields that turn the outcome too ("does that change the reimbursement?": the staffel's percentage), beside
    # the verdict
    changes_with: tuple[str, ...] = ()
    # result fields that turn the outcome when the question names them (field -> its words: "does that change the
    # percentages?" asks of the shares, not only of the verdict)
    changes_named: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # the result field that holds the rule's own figure ("threshold": 3 per area): a figure the question says the rule
    # has ("de ondergrens is 2 per gebied") is corrected by it
    rule_output: str | None = None
    rule_kind: str = "count"  # ... said as a count or a percentage
    rule_units: tuple[str, ...] = ()  # ... and a claimed figure with a unit of one of these (none said: any)
    verdict_keep_if: tuple[str, ...] = ()  # question words that ask for the field itself, whatever else it says
    # another output field that answers the yes/no when the question asks it ("geldt die eis ook voor ons?" ->
    # requirement_applies): field -> question words ("a ~ b" allowed)
    verdict_if: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # of such a field, question words that ask its opposite ("kunnen we de kwaliteitsuitvraag overslaan?", "is it
    # optional?"), and words that name what it is about: a clause asking its opposite in a message that names that
    # (and not what the main verdict decides) asks that field ("the survey is only for large providers, so we can skip
    # it this May, right?"); field -> words
    verdict_if_not: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    verdict_if_subjects: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # the quotes (words of them) that carry the answer when such a field answers, shown first in this order
    verdict_if_quotes: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # quotes of the calculator's clauses that carry a result only in some cases: words of the quote -> when it is
    # shown, one condition or a list of which one must hold ("stated:<input>": the asker gave that input or named it
    # by one of its cues; "outcome:true"/"outcome:false": the verdict came out so); otherwise it goes to the further
    # context ("volle dochters ..." only when a subsidiary is spoken of)
    quote_if: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    inputs: dict[str, InputSpec]
    solve: dict[str, SolveSpec] = Field(default_factory=dict)
    # inputs that are parts of one whole: a follow-up that moves an amount from one to another ("en als zzp'ers die
    # 2.000 uur van de dochter overnemen?") takes it off the one and adds it to the other
    parts: tuple[str, ...] = ()
    # the input that is the whole of `parts`, and the part that is the rest of it when the asker leaves it out
    # ("... de rest eigen personeel"): the whole minus the others
    whole: str | None = None
    rest: str | None = None
    # words besides the rest part's own cues that name it after "de rest" / "the rest" ("the rest is us", "de rest
    # doen wij"): the asker's own people
    rest_cues: tuple[str, ...] = ()
    # an input that is several parts together, and the part it stands as when hours move between parties ("7.000 uur
    # via onderaannemers", then "1.200 uur van eigen personeel naar een zzp'er": the 7.000 are the other parties')
    parts_together: dict[str, str] = Field(default_factory=dict)
    # the parts such an input holds ("uitbesteed" holds the zzp'ers' and the subcontractors' hours): given beside a
    # part outside it ("520 uur eigen personeel, de rest via onderaannemers"), it stands as its part of `parts_together`
    together_holds: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # parties the rule puts on one side ("zzp'ers gelden ... als onderaannemers"): `verbs` that say a party counts as
    # something, `sides` (side -> words naming it) and `parties` (cues, the side it is on, the policy's quote); an
    # asker who puts a party on the other side is set right by that quote
    counts_as: dict[str, Any] = Field(default_factory=dict)

    def input(self, name: str) -> InputSpec:
        return self.inputs[name]

    def label(self, name: str, lang: str) -> str:
        """How an answer names an input: its label in the user's language, never the field name."""
        inp = self.inputs.get(name)
        label = (inp.label_en or inp.label_nl) if inp is not None and lang == "en" else (inp.label_nl if inp else None)
        return label or ("this value" if lang == "en" else "deze waarde")


def _spec(name: str, data: dict[str, Any]) -> CalculatorSpec:
    if isinstance(data.get("verdict"), str):
        data["verdict"] = (data["verdict"],)
    outcomes = lexicon_data().get("outcomes", {})  # "@bad_outcome": the words lexicon.toml [outcomes] shares
    for key in ("verdict_invert_if", "verdict_keep_if"):
        unknown = [p for p in data.get(key, []) if p.startswith("@") and p[1:] not in outcomes]
        if unknown:
            raise ValueError(f"{name}: {key} names {unknown}; lexicon.toml [outcomes] has {sorted(outcomes)}")
        data[key] = [w for p in data.get(key, []) for w in (outcomes[p[1:]] if p.startswith("@") else [p])]
    data["quote_if"] = {w: (c,) if isinstance(c, str) else tuple(c) for w, c in data.get("quote_if", {}).items()}
    bad = {w: c for w, cs in data["quote_if"].items() for c in cs if not re.fullmatch(r"stated:\w+|outcome:(?:true|false)", c)}
    if bad:
        raise ValueError(f"{name}: quote_if conditions {bad} must be 'stated:<input>' or 'outcome:true|false'")
    inputs = {f: InputSpec(field=f, **v) for f, v in data.pop("inputs", {}).items()}
    unnamed = [c for cs in data["quote_if"].values() for c in cs if c.startswith("stated:") and c[7:] not in inputs]
    if unnamed:
        raise ValueError(f"{name}: quote_if names inputs it does not have: {unnamed}")
    solve = {n: SolveSpec(name=n, **v) for n, v in data.pop("solve", {}).items()}
    stray = {k: sorted(set(data.get(k, {})) - set(data.get("verdict_if", {})))
             for k in ("verdict_if_not", "verdict_if_subjects", "verdict_if_quotes")}
    if any(stray.values()):
        raise ValueError(f"{name}: {stray} name fields that are not in its verdict_if")
    counts = data.get("counts_as", {})
    wrong = [p.get("side") for p in counts.get("parties", []) if p.get("side") not in counts.get("sides", {})]
    if wrong:
        raise ValueError(f"{name}: counts_as parties name sides {wrong}; it declares {sorted(counts.get('sides', {}))}")
    return CalculatorSpec(name=name, inputs=inputs, solve=solve, **data)


@lru_cache(maxsize=4)
def load_specs(directory: Path | None = None) -> dict[str, CalculatorSpec]:
    """Every calculator spec, by calculator name (the file name)."""
    specs = {}
    for path in sorted((directory or spec_dir()).glob("*.toml")):
        specs[path.stem] = _spec(path.stem, tomllib.loads(path.read_text(encoding="utf-8")))
    return specs
