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

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from assistant.answer.asked import asked
from assistant.answer.specs import CalculatorSpec, InputSpec, load_specs
from assistant.text.numbers import to_number
from assistant.text.quantities import Quantity, fold, read

PERSONAL = re.compile(r"(?<![\w'])(we|wij|ons|onze|our|us|ik|mijn|my|me|i|jullie|hun|zij|they|their|ze)(?![\w'])")
CALC_KINDS = ("count", "money", "percent", "score", "date", "period", "range", "postcode")
TIE_MARGIN = 0.35  # specs closer than this in score are told apart by the embedder
ASKS_WEIGHT = 1.5  # the question asks what this calculator answers ("hoeveel krijgen we vergoed?")


@dataclass
class Area:
    """One postcode area of a per-area list: its label (a postcode, or an ordinal 'eerste'/'tweede') and count."""

    label: str | None
    count: int


@dataclass
class Reading:
    kind: str  # "tool" | "clarify" | "clause"
    tool: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    assumptions: list[tuple[str, str]] = field(default_factory=list)  # (nl, en): defaults that shaped the result
    missing: list[tuple[str, str, str]] = field(default_factory=list)  # (field, nl question, en question)
    solve: str | None = None  # the unknown asked for (a `[solve.<name>]` of the spec)
    areas: list[Area] | None = None
    quantities: list[Quantity] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # indices of the quantities that became arguments
    asks_calc: bool = False
    score: float = 0.0
    stated: list[str] = field(default_factory=list)  # fields filled from the question itself
    claims: dict[str, Any] = field(default_factory=dict)  # values the question claims for what it asks ("need 3 fte")


# ---------------------------------------------------------------- phrase matching


def has_phrase(folded: str, phrase: str) -> bool:
    p = fold(phrase)
    if not p:
        return False
    left = r"(?<![\w])" if p[0].isalnum() else ""
    right = r"(?![\w])" if p[-1].isalnum() else ""
    return re.search(left + re.escape(p) + right, folded) is not None


def phrase_at(folded: str, phrase: str) -> list[int]:
    p = fold(phrase)
    left = r"(?<![\w])" if p[:1].isalnum() else ""
    right = r"(?![\w])" if p[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(p) + right, folded)]


_NEG_BEFORE = re.compile(r"(?:\bniet|\bgeen|\bnooit|\bnot|\bno|\bnever|\bzonder|\bwithout|n't)\s+(?:\w+\s+){0,2}$")


NEAR_WORDS = 8  # "belasting ~ achterstand": both within this many words of each other


def affirmed(folded: str, phrase: str) -> bool:
    """The phrase occurs without a negation right before it ("geen nieuwe aanbieder" does not affirm "nieuwe");
    "a ~ b" is two words (or word starts) near each other in either order ("achterstand bij de Belastingdienst")."""
    if "~" in phrase:
        return _near(folded, *(p.strip() for p in phrase.split("~", 1)))
    return any(not _NEG_BEFORE.search(folded[max(0, i - 30) : i]) for i in phrase_at(folded, phrase))


def _near(folded: str, a: str, b: str) -> bool:
    words = re.findall(r"[\w'-]+", folded)
    a_words, b_words = fold(a).split(), fold(b).split()

    def hits(parts: list[str]) -> list[int]:
        return [i for i in range(len(words)) if all(p in words[i + k] if i + k < len(words) else False for k, p in enumerate(parts))]

    return any(abs(i - j) <= NEAR_WORDS for i in hits(a_words) for j in hits(b_words))


def negated_phrase(folded: str, phrase: str) -> bool:
    return any(_NEG_BEFORE.search(folded[max(0, i - 30) : i]) for i in phrase_at(folded, phrase))


def _cue_score(q: Quantity, cues: tuple[str, ...]) -> float:
    """How strongly cue words stand near a quantity: 1/(1 + words in between), summed over the cues found."""
    total = 0.0
    before, after = " ".join(q.before), " ".join(q.after)
    for cue in cues:
        c = fold(cue)
        best = None
        for side, text in (("b", before), ("a", after)):
            for m in (
                re.finditer(r"(?<![\w])" + re.escape(c) + r"(?![\w])", text)
                if c[:1].isalnum()
                else re.finditer(re.escape(c), text)
            ):
                words = text[m.end() :].split() if side == "b" else text[: m.start()].split()
                d = len(words)
                best = d if best is None else min(best, d)
        if best is not None:
            total += 1.0 / (1.0 + best)
    return total


def _anti(q: Quantity, cues: tuple[str, ...]) -> bool:
    """An anti-cue within the three words before or two after the quantity excludes it."""
    near = " ".join(q.before[-3:] + ("|",) + q.after[:2])
    return any(re.search(r"(?<![\w])" + re.escape(fold(c)), near) for c in cues)


# ---------------------------------------------------------------- areas


_PAIR_BEFORE = re.compile(
    r"^\s*(?:cz-?)?(?:cli[eë]nten|clients?|pati[eë]nten|verzekerden)?\s*(?:in|op|bij|at|voor|for)\s+(?:het\s+|de\s+|een\s+|the\s+|a\s+)?"
    r"(?:postcode(?:gebied)?\s+|pc\s+|area\s+|gebied\s+)?$",
    re.I,
)
_PAIR_AFTER = re.compile(
    r"^\s*(?:(?:postcode)?gebied(?:en)?|area|postcode)?\s*(?:[:=→>\-]+|hebben we|hadden we|we have|we had|zijn er|"
    r"waren er|met|with|telt|counts?)?\s*$",
    re.I,
)
_SERIES_SEP = re.compile(r"^\s*(?:,|\+|&|/|en|and|;)?\s*(?:,|\+|&|en|and)?\s*$", re.I)


def _is_number(q: Quantity, units: tuple[str, ...] = ("clients",)) -> bool:
    return (q.kind == "count" and q.unit in units) or (
        q.kind == "number" and q.number is not None and q.number == int(q.number) and q.number >= 0
    )


def read_areas(
    qs: list[Quantity], text: str, anti_cues: tuple[str, ...] = (), bare: bool = False
) -> tuple[list[Area], set[int]]:
    """Counts per area: labelled by a postcode ("5 in 5041", "in 5611 hebben we 6", "5041: 3") or an ordinal
    ("1 in een tweede"), or a series with the client word ("5, 1 en 2 cliënten", "6 + 3 + 2 + 1")."""
    used: set[int] = set()
    pairs: list[tuple[int, Area]] = []
    for i, q in enumerate(qs):
        if q.kind not in ("postcode", "ordinal"):
            continue
        label = q.value if q.kind == "postcode" else f"#{q.value}"
        prev = qs[i - 1] if i else None
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if prev is not None and i - 1 not in used and _is_number(prev) and _PAIR_BEFORE.match(text[prev.end : q.start]):
            used |= {i - 1, i}
            pairs.append((prev.start, Area(label, int(prev.number or 0))))
        elif (
            nxt is not None
            and _is_number(nxt)
            and _PAIR_AFTER.match(text[q.end : nxt.start])
            and not (
                i + 2 < len(qs) and qs[i + 2].kind == q.kind and _PAIR_BEFORE.match(text[nxt.end : qs[i + 2].start])
            )
        ):
            used |= {i, i + 1}
            pairs.append((q.start, Area(label, int(nxt.number or 0))))
    if pairs:
        return [a for _, a in sorted(pairs, key=lambda p: p[0])], used
    return _series(qs, text, anti_cues, bare)


def _series(qs: list[Quantity], text: str, anti_cues: tuple[str, ...], bare: bool = False) -> tuple[list[Area], set[int]]:
    """A run of counts joined by commas/'en'/'+': with the client word at least once, or (`bare`, a follow-up to
    a calculation with areas) without it ("en als het er 5, 3, 2 en 2 waren?")."""
    best: list[int] = []
    run: list[int] = []
    for i, q in enumerate(qs):
        ok = _is_number(q) and q.number is not None and q.number < 10_000 and not _anti(q, anti_cues) and not q.negated
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
    return [Area(None, int(qs[i].number or 0)) for i in best], set(best)


# ---------------------------------------------------------------- filling a spec's inputs


@dataclass
class Fill:
    args: dict[str, Any] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    stated: list[str] = field(default_factory=list)
    assumptions: list[tuple[str, str]] = field(default_factory=list)
    areas: list[Area] | None = None
    sources: dict[str, int] = field(default_factory=dict)  # input -> index of the quantity that filled it


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


def _value(inp: InputSpec, q: Quantity) -> Any:
    if inp.kind == "date":  # a month ("in augustus") counts as its last day: the latest it can mean
        d = q.value if q.kind == "date" else q.value[1]
        return d.isoformat()
    if inp.kind == "score":
        return q.value
    value = q.number if q.number is not None else Decimal(0)
    return (
        int(value)
        if inp.kind == "count"
        and inp.units
        and "fte" not in inp.units
        and "points" not in inp.units
        and value == int(value)
        else to_number(value)
    )


def _candidates(spec: CalculatorSpec, qs: list[Quantity], taken: set[int]) -> list[tuple[float, str, int]]:
    out = []
    for name, inp in spec.inputs.items():
        if inp.kind not in ("count", "money", "percent", "date", "score") or inp.per_area:
            continue
        for i, q in enumerate(qs):
            if i in taken or not _fits_kind(inp, q) or not _year_ok(inp, q) or _anti(q, inp.anti_cues):
                continue
            cue = _cue_score(q, inp.cues)
            if q.kind == "number" and inp.kind == "money" and cue == 0:
                continue  # a bare number is an amount only with a cue ("plafond 800.000")
            if q.kind == "number" and inp.accept_number and cue == 0 and "" not in inp.units:
                continue
            if inp.needs_cue and cue == 0:
                continue
            plain = 0.3 if q.bound in (None, "approx") else 0.0  # "over de 80% heen (inmiddels 82%)": 82 is the figure
            base = 0.5 if inp.cues and cue == 0 else 1.0  # an input that names its cues takes an uncued value last
            out.append((base + cue + plain + (0.2 if q.kind != "number" else 0.0), name, i))
    return sorted(out, key=lambda c: (-c[0], c[2]))


def claimed_ratios(qs: list[Quantity]) -> set[int]:
    """Quantities of a ratio ("1 fte per 40 cliënten") that state a rule rather than the user's own figures:
    the question also gives figures of the same units outside the ratio ("... so with 120 clients we need 3 fte")."""
    out: set[int] = set()
    for i, q in enumerate(qs):
        if q.ratio is None:
            continue
        pair = [j for j, o in enumerate(qs) if o.ratio == q.ratio]
        units = {qs[j].unit for j in pair}
        if any(o.ratio is None and o.kind == "count" and o.unit in units for o in qs):
            out.add(i)
    return out


def assign(
    spec: CalculatorSpec, qs: list[Quantity], text: str, current_year: int, years: dict[str, tuple[int, ...]],
    exclude: tuple[int, int] | None = None, follow_up: bool = False,
) -> Fill:
    """Fill the spec's inputs from the quantities; those inside `exclude` (a rule the question claims, "aangezien
    het minimum 2 per gebied is, ...") are not the asker's figures and fill nothing."""
    folded = fold(text)
    fill = Fill()
    rule_side = claimed_ratios(qs)
    if exclude is not None:
        rule_side |= {i for i, q in enumerate(qs) if exclude[0] <= q.start and q.end <= exclude[1]}
    for name, inp in spec.inputs.items():
        if inp.per_area:
            areas, used = read_areas(qs, folded, inp.anti_cues, bare=follow_up)
            if areas:
                fill.areas, fill.args[name] = areas, [a.count for a in areas]
                fill.used |= used
                fill.stated.append(name)
    _greedy(spec, qs, fill, _complete_first(spec, _candidates(spec, qs, fill.used | rule_side), set(fill.args)))
    _years_shared(spec, qs, fill)
    for name, inp in spec.inputs.items():
        if name in fill.args:
            continue
        _fill_word_input(spec.name, name, inp, folded, qs, fill, current_year, years)
    return fill


def _complete_first(
    spec: CalculatorSpec, candidates: list[tuple[float, str, int]], filled: set[str]
) -> list[tuple[float, str, int]]:
    """The candidates in the order that completes an alternative of `requires`: when "3.400" could be zzp hours
    or subcontracted hours, the reading that together with "6.800 uur" makes a whole calculation wins. Of the
    alternatives that can be completed, the one whose values fit their cues best."""
    best: tuple[float, list] | None = None
    for alt in spec.requires:
        chosen = [c for c in candidates if c[1] in alt]
        taken_q: set[int] = set()
        taken_f: set[str] = set(filled)
        score = 0.0
        for c in chosen:
            if c[1] in taken_f or c[2] in taken_q:
                continue
            taken_f.add(c[1])
            taken_q.add(c[2])
            score += c[0]
        if not all(f in taken_f for f in alt):
            continue
        if best is None or score > best[0]:
            best = (score, [c for c in chosen] + [c for c in candidates if c[1] not in alt])
    return best[1] if best else candidates


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
        fill.args[name] = _value(inp, q)
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
            if _fits_kind(inp, q) and inp.year in q.years and len(q.years) > 1 and not _anti(q, inp.anti_cues):
                fill.args[name] = _value(inp, q)
                fill.used.add(i)
                fill.stated.append(name)
                break


def _fill_word_input(
    spec_name: str,
    name: str,
    inp: InputSpec,
    folded: str,
    qs: list[Quantity],
    fill: Fill,
    current_year: int,
    years: dict,
) -> None:
    if inp.kind == "flag":
        if any(affirmed(folded, c) for c in inp.true_cues):
            fill.args[name], _ = True, fill.stated.append(name)
        elif any(affirmed(folded, c) for c in inp.false_cues) or any(negated_phrase(folded, c) for c in inp.true_cues):
            fill.args[name], _ = False, fill.stated.append(name)
        elif inp.default is not None:
            fill.args[name] = inp.default
    elif inp.kind == "choice":
        found = [v for v, phrases in inp.choices.items() if any(affirmed(folded, p) for p in phrases)]
        if found:
            fill.args[name] = found[0]
            fill.stated.append(name)
        elif inp.default is not None:
            fill.args[name] = inp.default
            if inp.assume_nl:
                fill.assumptions.append((inp.assume_nl, inp.assume_en or inp.assume_nl))
    elif inp.kind == "year":
        allowed = years.get(f"{spec_name}.{name}", ())
        stated = [q.value for q in qs if q.kind == "year" and (not allowed or q.value in allowed)]
        if stated:
            fill.args[name] = stated[-1]
            fill.stated.append(name)
        elif inp.default == "current":
            fill.args[name] = current_year
    elif inp.kind == "topic":
        pass


def _claimed(spec: CalculatorSpec, fill: Fill, qs: list[Quantity], solve: Any) -> dict[str, Any]:
    """'... so with 120 clients we need 3 FTE, right?': the question asks for the fte and states a value for it
    next to the word that asks ("need 3 FTE"): that value is a claim to check against the worked-out one, not an
    input to calculate with."""
    if solve is None or solve.name not in fill.sources or not solve.requires:
        return {}
    q = qs[fill.sources[solve.name]]
    near = " ".join(q.before[-3:] + q.after[:2])
    if any(re.search(r"(?<![\w])" + re.escape(fold(a)) + r"(?![\w])", near) for a in solve.asks):
        if any(all(f in fill.stated and f != solve.name for f in alt) for alt in solve.requires):
            return {solve.name: fill.args[solve.name]}
    return {}


# ---------------------------------------------------------------- scoring the specs


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
    ) -> None:
        self.analyse = analyse
        self.current_year = current_year
        self.years = years or {}
        self.similarity = similarity
        self.specs = specs or load_specs()
        self._concepts = {
            name: [frozenset(analyse(c)) for c in spec.concepts if analyse(c)] for name, spec in self.specs.items()
        }
        counts: dict[frozenset, int] = {}
        for sets in self._concepts.values():
            for s in set(sets):
                counts[s] = counts.get(s, 0) + 1
        self._shared = counts

    def concept_score(self, name: str, terms: set[str]) -> float:
        """Matched concepts, a longer concept weighing more and one shared by several specs less."""
        matched = [c for c in self._concepts[name] if c <= terms]
        matched = [c for c in matched if not any(c < other for other in matched)]  # "waardemodel" in "waardemodelscore"
        return sum((1.0 + 0.5 * (len(c) - 1)) / self._shared[c] for c in set(matched))

    def read(self, text: str, today: date | None = None, exclude: tuple[int, int] | None = None) -> Reading:
        """The reading of `text`; quantities inside `exclude` (a claimed rule) are not used as inputs."""
        qs = read(text, today=today, default_year=self.current_year)
        folded = fold(text)
        terms = set(self.analyse(text))
        ranked = []
        for name, spec in self.specs.items():
            concept = self.concept_score(name, terms)
            if concept <= 0:
                continue
            fill = assign(spec, qs, text, self.current_year, self.years, exclude)
            asks_len = max((len(a.split()) for a in spec.asks if has_phrase(folded, a)), default=0)
            asks = asks_len > 0
            words = sum(1 for n in set(fill.stated) if spec.inputs[n].kind in ("flag", "choice"))
            score = concept + 1.5 * len(fill.used) + 0.75 * words + ASKS_WEIGHT * min(asks_len, 3)
            ranked.append((score, name, fill, asks))
        ranked.sort(key=lambda r: -r[0])
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < TIE_MARGIN and self.similarity is not None:
            close = [r for r in ranked if ranked[0][0] - r[0] < TIE_MARGIN]
            close.sort(key=lambda r: -self.similarity(text, self.specs[r[1]].examples))  # type: ignore[misc]
            ranked = close + [r for r in ranked if r not in close]
        reading = Reading("clause", quantities=qs)
        if not ranked:
            return reading
        score, name, fill, asks = ranked[0]
        return self._decide(self.specs[name], fill, qs, folded, asks, score) or reading

    def _decide(
        self, spec: CalculatorSpec, fill: Fill, qs: list[Quantity], folded: str, asks: bool, score: float
    ) -> Reading | None:
        if any(has_phrase(folded, p) for p in spec.not_if) or (spec.asks_required and not asks):
            return None
        if not fill.used and (not spec.asks_back or asked(" ".join([folded])) is not None):
            return None  # a question for a value the policy states ("welk percentage mogen we uitbesteden?")
        solve = next((s for s in spec.solve.values() if any(has_phrase(folded, a) for a in s.asks)), None)
        claims = _claimed(spec, fill, qs, solve)
        stated = set(fill.stated) - set(claims)
        complete = [alt for alt in spec.requires if all(f in stated for f in alt)]
        if solve is not None and not complete:
            complete = [alt for alt in solve.requires if all(f in stated for f in alt)]
        personal = bool(PERSONAL.search(folded))
        has_values = bool(fill.used) or any(spec.inputs[f].kind in ("flag", "choice") for f in fill.stated)
        if not has_values and not (asks and personal and solve is None and spec.requires):
            if not (solve and complete):
                return None
        args = {k: v for k, v in fill.args.items() if k not in claims}
        reading = Reading(
            "tool", spec.name, args, list(fill.assumptions), solve=solve.name if solve else None,
            areas=fill.areas, quantities=qs, used=set(fill.used), asks_calc=asks, score=score,
            stated=[f for f in fill.stated if f not in claims], claims=claims,
        )  # fmt: skip
        if complete or spec.answers_without_inputs:
            return reading
        reading.kind = "clarify"
        reading.missing = self._missing(spec, fill)
        return reading

    @staticmethod
    def _missing(spec: CalculatorSpec, fill: Any) -> list[tuple[str, str, str]]:
        """What completes the alternative of `requires` that is closest to complete."""
        stated = set(getattr(fill, "stated", fill.args))
        alts = sorted(spec.requires, key=lambda alt: (sum(f not in stated for f in alt), -len(alt)))
        if not alts:
            return []
        out = []
        for f in alts[0]:
            if f in stated:
                continue
            inp = spec.inputs[f]
            nl = inp.ask_nl or (f"Wat is {inp.label_nl}?" if inp.label_nl else f)
            en = inp.ask_en or (f"What is {inp.label_en}?" if inp.label_en else nl)
            out.append((f, nl, en))
        return out
