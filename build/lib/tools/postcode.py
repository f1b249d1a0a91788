"""`postcode_average`: average CZ clients per 4-digit postcode area (2.3.2, Bijlage 1 §1.1, 3.2.1)."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Literal

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Count,
    Flag,
    PositiveCount,
    ToolInput,
    en_num,
    invalid,
    nl_num,
    round2,
    shown2,
)
from tools._citations import cite

# (contract_year, provider_type) -> minimum average per postcode area (2.3.2 table)
THRESHOLDS: dict[tuple[int, str], int] = {
    (2026, "existing"): 2,
    (2026, "new"): 3,
    (2027, "existing"): 3,
    (2027, "new"): 3,
}

Q_TABLE_HEAD = "Jaar Bestaande zorgaanbieders kernwerkgebied Nieuwe zorgaanbieders kernwerkgebied"
Q_ROW_2026 = (
    "2026 Per 4-cijferig postcodegebied levert de zorgaanbieder gemiddeld aan ten minste 2 CZ-cliënten zorg "
    "Per 4-cijferig postcodegebied levert de zorgaanbieder gemiddeld aan ten minste 3 CZ-cliënten zorg"
)
Q_ROW_2027 = "2027 Per 4-cijferig postcodegebied levert de zorgaanbieder gemiddeld aan ten minste 3 CZ-cliënten zorg"
Q_ALL_2027 = "Voor 2027 geldt deze voorwaarde voor alle zorgaanbieders als volgt:"
Q_METHOD = (
    "We berekenen deze verhouding door het aantal cliënten te delen door het aantal 4-cijferige postcodegebieden "
    "op basis van de declaratiedata over 2025."
)
Q_CONSEQUENCE = (
    "Een zorgaanbieder die in 2027 niet aan deze voorwaarde voldoet, komt niet (langer) in aanmerking voor een "
    "overeenkomst, tenzij CZ groep gegronde redenen heeft om hiervan af te wijken."
)
Q_ONLY_EXCEPTION = "De enige uitzondering op deze voorwaarde betreft (medische) kindzorg."
Q_B1_RULE = (
    "De zorgaanbieder levert in onze kernwerkgebieden per 4-cijferig postcodegebied gemiddeld aan ten minste 3 "
    "CZ-cliënten zorg. Uitzonderingen hierop zijn de (medische) kindzorg en zorgaanbieders die (het merendeel van "
    "hun) zorg leveren buiten het kernwerkgebied van CZ groep."
)
Q_NEW = (
    "Als de nieuwe zorgaanbieder (het merendeel van) de zorg levert in een van de kernwerkgebieden van CZ groep, "
    "kan hij aantonen dat hij daar gemiddeld aan ten minste 3 CZ-cliënten per 4-cijferig postcodegebied zorg levert."
)


class PostcodeAverageInput(ToolInput):
    """Give either `clients_per_postcode` (one count per 4-digit postcode area in the claims data)
    or `total_clients` + `postcode_areas`."""

    clients_per_postcode: list[PositiveCount] | None = Field(
        default=None,
        min_length=1,
        description="CZ clients per 4-digit postcode area (each area in the claims data has at least 1 client)",
    )
    total_clients: Count | None = Field(default=None, description="total CZ clients in care")
    postcode_areas: PositiveCount | None = Field(default=None, description="number of 4-digit postcode areas")
    provider_type: Literal["existing", "new"] = Field(default="existing", description="existing or new provider")
    contract_year: Literal[2026, 2027] = Field(default=2027, description="contract year the requirement is for")
    in_core_area: Flag = Field(default=True, description="the provider delivers care in a CZ core area")
    medical_child_care_only: Flag = Field(default=False, description="the provider delivers (medische) kindzorg")
    mostly_outside_core_area: Flag = Field(default=False, description="most care is delivered outside CZ core areas")

    @model_validator(mode="after")
    def _one_form(self) -> PostcodeAverageInput:
        has_list = self.clients_per_postcode is not None
        has_totals = self.total_clients is not None or self.postcode_areas is not None
        if not has_list and not has_totals:
            raise invalid("clients_per_postcode", "required (or give total_clients and postcode_areas)")
        if has_list:
            self._check_consistent()
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


class PostcodeAverageOutput(ToolResult):
    average: float = Field(
        description="clients per postcode area, rounded half up to 2 decimals for display, but never up onto the "
        "threshold (2.995 shows as 2.99)"
    )
    average_exact: float = Field(description="the unrounded average, used for the comparison")
    total_clients: int
    postcode_areas: int
    threshold: int
    requirement_applies: bool
    exception: Literal["medical_child_care", "mostly_outside_core_area", "outside_core_area"] | None
    meets_threshold: bool = Field(description="exact average >= threshold")
    compliant: bool = Field(description="meets the threshold, or the requirement does not apply")
    clients_needed: int = Field(description="extra clients in the same areas needed to reach the threshold")


def _exception(inp: PostcodeAverageInput) -> str | None:
    if inp.medical_child_care_only:
        return "medical_child_care"
    if inp.mostly_outside_core_area:
        return "mostly_outside_core_area"
    if not inp.in_core_area:
        return "outside_core_area"
    return None


def _citations(inp: PostcodeAverageInput, exception: str | None) -> list[Citation]:
    row = Q_ROW_2027 if inp.contract_year == 2027 else Q_ROW_2026
    cites = [cite("wv2027/2.3.2", Q_ALL_2027), cite("wv2027/2.3.2", Q_TABLE_HEAD), cite("wv2027/2.3.2", row)]
    cites.append(cite("wv2027/2.3.2", Q_METHOD))
    if inp.provider_type == "new":
        cites.append(cite("wv2027/3.2.1", Q_NEW))
    if exception is None:
        cites.append(cite("wv2027/2.3.2", Q_CONSEQUENCE))
    else:
        cites.append(cite("wv2027/2.3.2", Q_ONLY_EXCEPTION))
    cites.append(cite("wv2027/bijlage-1/1.1", Q_B1_RULE))
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


def _verdicts(inp: PostcodeAverageInput, out: dict, exact_avg: Fraction) -> tuple[str, str]:
    avg_nl, avg_en = nl_num(out["average"]), en_num(out["average"])
    if round2(exact_avg) >= out["threshold"] and not out["meets_threshold"]:
        avg_nl = f"{nl_num(out['average_exact'], 4)} (niet afgerond)"  # 2,995 would round to 3,00
        avg_en = f"{en_num(out['average_exact'], 4)} (not rounded)"
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
        f"{inp.contract_year} (nog {out['clients_needed']} cliënt(en) nodig in dezelfde gebieden).",
        f"{base_en}: below {out['threshold']}, so you do not meet the {inp.contract_year} postcode requirement "
        f"({out['clients_needed']} more client(s) needed in the same areas).",
    )


def _assumptions(inp: PostcodeAverageInput) -> tuple[list[str], list[str]]:
    nl = [
        NO_ROUNDING_NL,
        "'Ten minste' is inclusief: precies 3,00 voldoet. Het getoonde gemiddelde is op 2 decimalen afgerond, maar "
        "nooit omhoog naar de drempel (2,995 wordt 2,99).",
        "De aantallen komen uit de declaratiedata die CZ hanteert (voor 2027: declaratiedata over 2025).",
        "Uitzonderingen: (medische) kindzorg (2.3.2 noemt dit 'de enige uitzondering') én, volgens Bijlage 1 §1.1, "
        "zorgaanbieders die het merendeel van hun zorg buiten het kernwerkgebied leveren; de eis geldt alleen in de "
        "kernwerkgebieden, dus '(de) enige uitzondering' lezen we als de enige uitzondering binnen het kernwerkgebied.",
        "Als de eis niet geldt, is 'compliant' waar; 'meets_threshold' laat de kale vergelijking zien.",
    ]
    en = [
        NO_ROUNDING_EN,
        "'Ten minste' (at least) is inclusive: exactly 3.00 complies. The average shown is rounded to 2 decimals, "
        "but never up onto the threshold (2.995 shows as 2.99).",
        "Counts come from the claims data CZ uses (for 2027: claims data over 2025).",
        "Exceptions: (medical) child care (2.3.2 calls it 'the only exception') and, per Bijlage 1 §1.1, providers "
        "that deliver most of their care outside the core area; the requirement only applies in core areas, so we "
        "read 'the only exception' as the only exception inside the core area.",
        "When the requirement does not apply, 'compliant' is true; 'meets_threshold' shows the bare comparison.",
    ]
    if inp.contract_year == 2026 and inp.provider_type == "existing":
        nl.append("Voor bestaande zorgaanbieders gold in 2026 een drempel van 2; voor 2027 is dat 3.")
        en.append("For existing providers the 2026 threshold was 2; for 2027 it is 3.")
    return nl, en


def _figures(inp: PostcodeAverageInput) -> tuple[dict, Fraction]:
    total, areas = inp.totals()
    exact_avg = Fraction(total, areas)
    threshold = THRESHOLDS[(inp.contract_year, inp.provider_type)]
    exception = _exception(inp)
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
