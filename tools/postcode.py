"""`postcode_average`: average CZ clients per 4-digit postcode area (2.3.2, Bijlage 1 §1.1, 3.2.1)."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Literal

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from assistant.ingest.param_types import PostcodeRow
from assistant.ingest.params import PolicyParams
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Amount,
    Count,
    FieldSpecs,
    Flag,
    PositiveCount,
    ToolInput,
    bind,
    en_num,
    exact,
    invalid,
    nl_num,
    nl_short,
    round2,
    shown2,
)


class PostcodeAverageInput(ToolInput):
    """Give either `clients_per_postcode` (one count per 4-digit postcode area in the claims data), or
    `total_clients` + `postcode_areas`, or the average you computed (`average_clients_per_postcode`); with only
    `postcode_areas` the calculator says how many clients those areas need in total, with only `total_clients` over
    how many areas those clients may be spread at most."""

    clients_per_postcode: list[PositiveCount] | None = Field(
        default=None,
        min_length=1,
        description="CZ clients per 4-digit postcode area (each area in the claims data has at least 1 client)",
    )
    total_clients: Count | None = Field(default=None, description="total CZ clients in care")
    postcode_areas: PositiveCount | None = Field(default=None, description="number of 4-digit postcode areas")
    average_clients_per_postcode: Amount | None = Field(
        default=None, description="an average per postcode area the provider computed (instead of the counts)"
    )
    provider_type: Literal["existing", "new"] = Field(default="existing", description="existing or new provider")
    contract_year: int = Field(description="contract year the requirement is for (allowed years: from the policy)")
    in_core_area: Flag = Field(default=True, description="the provider delivers care in a CZ core area")
    medical_child_care_only: Flag = Field(default=False, description="the provider delivers (medische) kindzorg")
    mostly_outside_core_area: Flag = Field(default=False, description="most care is delivered outside CZ core areas")

    @model_validator(mode="after")
    def _one_form(self) -> PostcodeAverageInput:
        has_list = self.clients_per_postcode is not None
        has_totals = self.total_clients is not None or self.postcode_areas is not None
        if self.average_clients_per_postcode is not None:
            if has_list or self.total_clients is not None:
                raise invalid("average_clients_per_postcode", "give the average or the counts, not both")
            return self
        if not has_list and not has_totals:
            if _exception(self) is not None:
                return self  # exempt ("most of our care is outside the core area"): no counts are needed to say so
            raise invalid("clients_per_postcode", "required (or give total_clients and postcode_areas)")
        if has_list:
            self._check_consistent()
        elif self.total_clients is None and self.postcode_areas is not None:
            return self  # the areas alone: how many clients they need in total
        elif self.total_clients is not None and self.postcode_areas is None:
            return self  # the clients alone: over how many areas they may be spread at most
        elif self.total_clients is None or self.postcode_areas is None:
            missing = "total_clients" if self.total_clients is None else "postcode_areas"
            raise invalid(missing, "required together with the other of total_clients/postcode_areas")
        elif self.total_clients < self.postcode_areas:
            raise invalid(
                "total_clients",
                f"must be at least postcode_areas ({self.postcode_areas}): every postcode area in the claims "
                f"data has at least 1 client (got {self.total_clients})",
            )
        return self

    def _check_consistent(self) -> None:
        counts = self.clients_per_postcode or []
        if self.total_clients not in (None, sum(counts)):
            raise invalid("total_clients", f"must equal the sum of clients_per_postcode ({sum(counts)})")
        if self.postcode_areas not in (None, len(counts)):
            raise invalid("postcode_areas", f"must equal the number of clients_per_postcode entries ({len(counts)})")

    def totals(self) -> tuple[int, int]:
        if self.clients_per_postcode is not None:
            return sum(self.clients_per_postcode), len(self.clients_per_postcode)
        return self.total_clients or 0, self.postcode_areas or 1

    def row(self) -> tuple[PostcodeRow, PolicyParams]:
        """The threshold row for the contract year and the document that states it."""
        return self.policy().policy_set.postcode_row(self.contract_year)


def _fields(params: PolicyParams) -> FieldSpecs:
    years = tuple(params.policy_set.postcode_rows())
    default = params.year if params.year in years else years[-1]
    return {
        "contract_year": (
            Literal[years],  # type: ignore[valid-type]
            Field(default=default, description="contract year the requirement is for"),
        )
    }


def input_model(params: PolicyParams) -> type[PostcodeAverageInput]:
    return bind(PostcodeAverageInput, params, _fields)


def describe(params: PolicyParams) -> tuple[str, str]:
    years = "/".join(str(y) for y in params.policy_set.postcode_rows())
    return (
        "Berekent het gemiddelde aantal CZ-cliënten per 4-cijferig postcodegebied en toetst het aan de "
        f"postcode-eis ({years}, bestaande of nieuwe zorgaanbieder, uitzonderingen kindzorg en buiten het "
        "kernwerkgebied).",
        "Computes the average number of CZ clients per 4-digit postcode area and checks it against the postcode "
        f"requirement ({years}, existing or new provider, exceptions for child care and outside the core "
        "area).",
    )


class PostcodeAverageOutput(ToolResult):
    average: float | None = Field(
        description="clients per postcode area, rounded half up to 2 decimals for display, but never up onto the "
        "threshold (2.995 shows as 2.99); null when only the areas are given"
    )
    average_exact: float | None = Field(description="the unrounded average, used for the comparison")
    total_clients: int | None
    postcode_areas: int | None
    threshold: int
    requirement_applies: bool
    exception: Literal["medical_child_care", "mostly_outside_core_area", "outside_core_area"] | None
    meets_threshold: bool | None = Field(description="exact average >= threshold; null when only the areas are given")
    compliant: bool | None = Field(description="meets the threshold, or the requirement does not apply")
    clients_needed: int | None = Field(
        description="extra clients in the same areas needed to reach the threshold (null for a stated average)"
    )
    clients_needed_total: int | None = Field(
        default=None, description="with only the areas given: the clients those areas need in total"
    )
    max_postcode_areas: int | None = Field(
        default=None,
        description="with only the total given: the most areas those clients may be spread over and still average the "
        "threshold (0 when the total is below the threshold)",
    )


def _exception(inp: PostcodeAverageInput) -> str | None:
    if inp.medical_child_care_only:
        return "medical_child_care"
    if inp.mostly_outside_core_area:
        return "mostly_outside_core_area"
    if not inp.in_core_area:
        return "outside_core_area"
    return None


def _citations(inp: PostcodeAverageInput, exception: str | None) -> list[Citation]:
    row, doc = inp.row()
    pc = doc.section("postcode")
    cites = [pc.applies.cite(), pc.table_head.cite(), row.cite(), pc.method.cite()]
    if inp.provider_type == "new":
        cites.append(pc.new_provider_rule.cite())
    cites.append((pc.consequence if exception is None else pc.only_exception).cite())
    cites.append(pc.core_area_rule.cite())
    return cites


_EXCEPTION_TEXT = {
    "medical_child_care": ("(medische) kindzorg is uitgezonderd", "(medical) child care is exempt"),
    "mostly_outside_core_area": (
        "zorgaanbieders die het merendeel van hun zorg buiten het kernwerkgebied leveren zijn uitgezonderd",
        "providers delivering most of their care outside the core area are exempt",
    ),
    "outside_core_area": (
        "de eis geldt alleen in de kernwerkgebieden van CZ groep",
        "the requirement only applies in CZ's core areas",
    ),
}


def _without_counts(inp: PostcodeAverageInput, **fields: object) -> dict:
    """The result fields of an answer worked out without the clients' counts (no average, no comparison), `fields`
    set over them."""
    exception = _exception(inp)
    return {
        "average": None, "average_exact": None, "total_clients": None, "postcode_areas": inp.postcode_areas,
        "threshold": inp.row()[0].threshold(inp.provider_type), "requirement_applies": exception is None,
        "exception": exception, "meets_threshold": None, "compliant": None, "clients_needed": None, **fields,
    }  # fmt: skip


def _exempt(inp: PostcodeAverageInput) -> tuple[str, str, dict]:
    """No counts, and a fact of the case that takes the provider out of the requirement: it does not apply."""
    out = _without_counts(inp, postcode_areas=None, compliant=True)
    nl, en = _EXCEPTION_TEXT[out["exception"]]
    return (
        f"De postcode-eis voor {inp.contract_year} geldt niet voor u: {nl}.",
        f"The {inp.contract_year} postcode requirement does not apply to you: {en}.",
        out,
    )


def _needed_total(inp: PostcodeAverageInput) -> tuple[str, str, dict]:
    """Only the areas given: the clients they need in total to average the threshold."""
    threshold = inp.row()[0].threshold(inp.provider_type)
    areas = inp.postcode_areas or 1
    needed = math.ceil(threshold * areas)
    out = _without_counts(inp, postcode_areas=areas, clients_needed_total=needed)
    return (
        f"In {areas} postcodegebieden hebt u in totaal minimaal {needed} CZ-cliënten nodig om gemiddeld ten minste "
        f"{threshold} per postcodegebied te halen ({threshold} × {areas}, postcode-eis {inp.contract_year}).",
        f"{areas} postcode areas need at least {needed} CZ clients in total to average at least {threshold} per area "
        f"({threshold} × {areas}, {inp.contract_year} postcode requirement).",
        out,
    )


def _most_areas(inp: PostcodeAverageInput) -> tuple[str, str, dict]:
    """Only the total given: the most areas the clients may be spread over and still average the threshold."""
    threshold = inp.row()[0].threshold(inp.provider_type)
    total = inp.total_clients or 0
    most = total // threshold
    out = _without_counts(inp, total_clients=total, max_postcode_areas=most)
    year = inp.contract_year
    if most == 0:
        return (
            f"Met {total} CZ-cliënten haalt u in geen enkel postcodegebied gemiddeld {threshold}: daarvoor zijn er "
            f"ten minste {threshold} nodig (postcode-eis {year}).",
            f"With {total} CZ clients no postcode area averages {threshold}: that takes at least {threshold} "
            f"({year} postcode requirement).",
            out,
        )
    return (
        f"Over hoogstens {most} postcodegebieden: {total} CZ-cliënten halen dan gemiddeld ten minste {threshold} per "
        f"postcodegebied ({total} ÷ {threshold} = {nl_num(round2(Fraction(total, threshold)))}, naar beneden "
        f"afgerond; postcode-eis {year}). Bij {most + 1} gebieden komt u onder de {threshold}.",
        f"Over at most {most} postcode areas: {total} CZ clients then average at least {threshold} per area "
        f"({total} ÷ {threshold} = {en_num(round2(Fraction(total, threshold)))}, rounded down; {year} postcode "
        f"requirement). With {most + 1} areas you fall below {threshold}.",
        out,
    )


def _verdicts(inp: PostcodeAverageInput, out: dict, exact_avg: Fraction) -> tuple[str, str]:
    avg_nl, avg_en = nl_num(out["average"]), en_num(out["average"])
    if out["total_clients"] is None:  # a stated average
        stated_nl = f"Gemiddeld {avg_nl} CZ-cliënten per postcodegebied (uw eigen gemiddelde)"
        stated_en = f"On average {avg_en} CZ clients per postcode area (your own average)"
        if out["exception"]:  # exempt: the average is not compared at all
            nl, en = _EXCEPTION_TEXT[out["exception"]]
            return (
                f"{stated_nl}; de postcode-eis geldt hier niet, want {nl}.",
                f"{stated_en}; the requirement does not apply: {en}.",
            )
        ok = out["compliant"]
        return (
            f"{stated_nl}: dat is {'ten minste' if ok else 'minder dan'} {out['threshold']}, dus u voldoet"
            f"{'' if ok else ' niet'} aan de postcode-eis voor {inp.contract_year}.",
            f"{stated_en}: {'at least' if ok else 'below'} {out['threshold']}, so you "
            f"{'meet' if ok else 'do not meet'} the {inp.contract_year} postcode requirement.",
        )
    if round2(exact_avg) >= out["threshold"] and not out["meets_threshold"]:
        places = 3 if (exact_avg * 1000).denominator == 1 else 4  # 2,995 (not 2,9950): it would round to 3,00
        avg_nl = f"{nl_num(out['average_exact'], places)} (niet afgerond)"
        avg_en = f"{en_num(out['average_exact'], places)} (not rounded)"
    base_nl = f"Gemiddeld {avg_nl} CZ-cliënten per postcodegebied ({out['total_clients']} ÷ {out['postcode_areas']})"
    base_en = f"On average {avg_en} CZ clients per postcode area ({out['total_clients']} ÷ {out['postcode_areas']})"
    if out["exception"]:
        nl, en = _EXCEPTION_TEXT[out["exception"]]
        return (
            f"{base_nl}; de postcode-eis geldt hier niet, want {nl}.",
            f"{base_en}; the requirement does not apply: {en}.",
        )
    if out["compliant"]:
        return (
            f"{base_nl}: dat is ten minste {out['threshold']}, dus u voldoet aan de postcode-eis voor {inp.contract_year}.",
            f"{base_en}: at least {out['threshold']}, so you meet the {inp.contract_year} postcode requirement.",
        )
    return (
        f"{base_nl}: dat is minder dan {out['threshold']}, dus u voldoet niet aan de postcode-eis voor "
        f"{inp.contract_year} (nog {out['clients_needed']} cliënt(en) nodig in dezelfde gebieden: "
        f"{out['total_clients'] + out['clients_needed']} in totaal).",
        f"{base_en}: below {out['threshold']}, so you do not meet the {inp.contract_year} postcode requirement "
        f"({out['clients_needed']} more client(s) needed in the same areas: "
        f"{out['total_clients'] + out['clients_needed']} in total).",
    )


def _assumptions(inp: PostcodeAverageInput) -> tuple[list[str], list[str]]:
    row, doc = inp.row()
    pc = doc.section("postcode")
    own = pc.threshold_row(doc.year) or row  # the policy year's own requirement
    limit = own.existing
    below = Fraction(limit * 1000 - 5, 1000)  # the rounding example just under the threshold: 2,995
    only, b1 = pc.only_exception.cite().section, pc.core_area_rule.cite().section
    nl = [
        NO_ROUNDING_NL,
        f"'Ten minste' is inclusief: precies {nl_num(limit)} voldoet. Het getoonde gemiddelde is op 2 decimalen "
        f"afgerond, maar nooit omhoog naar de drempel ({nl_num(below, 3)} wordt {nl_num(limit - Fraction(1, 100))}).",
        f"De aantallen komen uit de declaratiedata die CZ hanteert (voor {doc.year}: declaratiedata over "
        f"{pc.method.claims_year}).",
        f"Uitzonderingen: (medische) kindzorg ({only} noemt dit 'de enige uitzondering') én, volgens Bijlage 1 §{b1}, "
        "zorgaanbieders die het merendeel van hun zorg buiten het kernwerkgebied leveren; de eis geldt alleen in de "
        "kernwerkgebieden, dus '(de) enige uitzondering' lezen we als de enige uitzondering binnen het kernwerkgebied.",
        "Als de eis niet geldt, is 'compliant' waar; 'meets_threshold' laat de kale vergelijking zien.",
    ]
    en = [
        NO_ROUNDING_EN,
        f"'Ten minste' (at least) is inclusive: exactly {en_num(limit)} complies. The average shown is rounded to 2 "
        f"decimals, but never up onto the threshold ({en_num(below, 3)} shows as {en_num(limit - Fraction(1, 100))}).",
        f"Counts come from the claims data CZ uses (for {doc.year}: claims data over {pc.method.claims_year}).",
        f"Exceptions: (medical) child care ({only} calls it 'the only exception') and, per Bijlage 1 §{b1}, providers "
        "that deliver most of their care outside the core area; the requirement only applies in core areas, so we "
        "read 'the only exception' as the only exception inside the core area.",
        "When the requirement does not apply, 'compliant' is true; 'meets_threshold' shows the bare comparison.",
    ]
    nl_note, en_note = _earlier_threshold(inp, row, own, doc)
    return nl + nl_note, en + en_note


def _earlier_threshold(
    inp: PostcodeAverageInput, row: PostcodeRow, own: PostcodeRow, doc: PolicyParams
) -> tuple[list[str], list[str]]:
    """A contract year other than the policy year, with another threshold: say what changed."""
    then, now = row.threshold(inp.provider_type), own.threshold(inp.provider_type)
    if row.year == own.year or then == now or inp.provider_type != "existing":
        return [], []
    return (
        [
            f"Voor bestaande zorgaanbieders gold in {row.year} een drempel van {nl_short(then)}; voor {doc.year} is dat "
            f"{nl_short(now)}."
        ],
        [f"For existing providers the {row.year} threshold was {then}; for {doc.year} it is {now}."],
    )


def _figures(inp: PostcodeAverageInput) -> tuple[dict, Fraction]:
    threshold = inp.row()[0].threshold(inp.provider_type)
    exception = _exception(inp)
    if inp.average_clients_per_postcode is not None:  # the provider's own average, compared as given
        exact_avg = exact(inp.average_clients_per_postcode)
        meets = exact_avg >= threshold
        out = {
            "average": shown2(exact_avg, threshold, meets), "average_exact": float(exact_avg), "total_clients": None,
            "postcode_areas": inp.postcode_areas, "threshold": threshold, "requirement_applies": exception is None,
            "exception": exception, "meets_threshold": meets, "compliant": meets or exception is not None,
            "clients_needed": None,
        }  # fmt: skip
        return out, exact_avg
    total, areas = inp.totals()
    exact_avg = Fraction(total, areas)
    meets = exact_avg >= threshold
    out = {
        "average": shown2(exact_avg, threshold, meets),
        "average_exact": float(exact_avg),
        "total_clients": total,
        "postcode_areas": areas,
        "threshold": threshold,
        "requirement_applies": exception is None,
        "exception": exception,
        "meets_threshold": meets,
        "compliant": meets or exception is not None,
        "clients_needed": max(0, math.ceil(threshold * areas) - total),
    }
    return out, exact_avg


def _rules(inp: PostcodeAverageInput, threshold: int) -> tuple[str, str]:
    who_nl = "bestaande" if inp.provider_type == "existing" else "nieuwe"
    who_en = "an existing" if inp.provider_type == "existing" else "a new"
    return (
        f"Tel de CZ-cliënten op en deel door het aantal 4-cijferige postcodegebieden; in {inp.contract_year} moet een "
        f"{who_nl} zorgaanbieder in het kernwerkgebied gemiddeld aan ten minste {threshold} CZ-cliënten per "
        "postcodegebied zorg leveren.",
        f"Add up the CZ clients and divide by the number of 4-digit postcode areas; in {inp.contract_year} {who_en} "
        f"provider in the core area must average at least {threshold} CZ clients per postcode area.",
    )


def postcode_average(inp: PostcodeAverageInput) -> PostcodeAverageOutput:
    no_counts = inp.clients_per_postcode is None and inp.total_clients is None and inp.average_clients_per_postcode is None
    total_only = inp.total_clients is not None and inp.postcode_areas is None and inp.clients_per_postcode is None
    if (no_counts or total_only) and _exception(inp) is not None:
        verdict, verdict_en, out = _exempt(inp)
    elif no_counts:
        verdict, verdict_en, out = _needed_total(inp)
    elif total_only:
        verdict, verdict_en, out = _most_areas(inp)
    else:
        out, exact_avg = _figures(inp)
        verdict, verdict_en = _verdicts(inp, out, exact_avg)
    rule, rule_en = _rules(inp, out["threshold"])
    assumptions, assumptions_en = _assumptions(inp)
    return PostcodeAverageOutput(
        tool="postcode_average",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=rule,
        rule_en=rule_en,
        assumptions=assumptions,
        assumptions_en=assumptions_en,
        citations=_citations(inp, out["exception"]),
        **out,
    )
