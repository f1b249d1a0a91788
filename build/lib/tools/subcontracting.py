"""`subcontracting_check`: share of care delivered by subcontractors (Bijlage 1 §1.1/§1.2; 2024 ingroeimodel)."""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Literal

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Amount,
    Flag,
    PositiveAmount,
    ToolInput,
    exact,
    invalid,
    nl_num,
    shown2,
)
from tools._citations import cite

Share = Annotated[Amount, Field(le=100)]

# year -> maximum % of care in subcontracting (2022-2024: ingroeimodel of the 2024 appendix; then 50%)
MAX_SUBCONTRACTED: dict[int, int] = {2022: 75, 2023: 65, 2024: 50, 2025: 50, 2026: 50, 2027: 50}

Q_2027_RULE = (
    "Wij verwachten van zorgaanbieders dat zij ten minste 50% van de zorg zelf leveren en voor maximaal 50% van de "
    "zorg onderaannemers inzetten."
)
Q_2027_MIN = (
    "De zorgaanbieder levert ten minste 50% van de zorg zelf en zet voor maximaal 50% van de zorg onderaannemers in. "
    "Hierop maken we alléén een uitzondering voor zorgcoöperaties die aantoonbaar aan de aanvullende voorwaarden uit "
    "paragraaf 1.4 van deze bijlage voldoen."
)
Q_ZZP = "Zzp’ers gelden daarbij uitdrukkelijk óók als onderaannemers als zij als zzp’er worden ingehuurd."
Q_DAUGHTERS = "Zogenoemde ‘volle dochters’ worden niet als onderaannemer beschouwd."
Q_CONSEQUENCE = (
    "Een zorgaanbieder die niet aan deze voorwaarde voldoet, komt niet (langer) in aanmerking voor een overeenkomst, "
    "tenzij CZ groep gegronde redenen heeft om hiervan af te wijken."
)
Q_NOT_REPORTED = (
    "Zorg die wordt geleverd door onderaannemers die niet vooraf gemeld zijn, komt niet voor vergoeding in aanmerking."
)
Q_COOPERATIVE = (
    "Voor zorgcoöperaties die uit zzp’ers en/of leden bestaan, maken we een uitzondering op de eis dat een "
    "zorgaanbieder het grootste deel van de zorg uit laat voeren door eigen personeel."
)
Q_2024_ROWS = {
    2022: "2022 Minimaal 25% van de geleverde zorg wordt door de zorgaanbieder zelf uitgevoerd per 01-01-2022 "
    "Maximaal 75% van de geleverde zorg wordt in onderaanneming uitgevoerd",
    2023: "2023 Minimaal 35% van de geleverde zorg wordt door de zorgaanbieder zelf uitgevoerd per 01-01-2023 "
    "Maximaal 65% van de geleverde zorg wordt in onderaanneming uitgevoerd",
    2024: "2024 Minimaal 50% van de geleverde zorg wordt door de zorgaanbieder zelf uitgevoerd per 01-01-2024 "
    "Maximaal 50% van de geleverde zorg wordt in onderaanneming uitgevoerd",
}
Q_2024_INGROEI = "werken we via een ingroeimodel. Dat ziet er als volgt uit:"

CATEGORY_FIELDS = ("own_staff_hours", "subcontractor_hours", "zzp_hours", "full_subsidiary_hours")


class SubcontractingInput(ToolInput):
    """Give one form: `total_care_hours` + `subcontracted_hours`; or hours per category (own staff,
    subcontractors, zzp'ers, volle dochters); or `subcontracted_share_pct` and/or `own_share_pct`."""

    total_care_hours: PositiveAmount | None = Field(default=None, description="all care hours delivered")
    subcontracted_hours: Amount | None = Field(default=None, description="hours by subcontractors incl. zzp'ers")
    own_staff_hours: Amount | None = Field(default=None, description="hours by own employees")
    subcontractor_hours: Amount | None = Field(default=None, description="hours by subcontracting organisations")
    zzp_hours: Amount | None = Field(default=None, description="hours by self-employed (zzp) nurses")
    full_subsidiary_hours: Amount | None = Field(default=None, description="hours by volle dochters (count as own)")
    subcontracted_share_pct: Share | None = Field(default=None, description="share subcontracted, 0-100")
    own_share_pct: Share | None = Field(default=None, description="share delivered by the provider itself, 0-100")
    year: Literal[2022, 2023, 2024, 2025, 2026, 2027] = Field(default=2027, description="year the rule is for")
    is_cooperative: Flag = Field(default=False, description="a zorgcoöperatie meeting Bijlage 1 §1.4")

    @model_validator(mode="after")
    def _one_form(self) -> SubcontractingInput:
        forms = [name for name, given in self._forms().items() if given]
        if len(forms) != 1:
            msg = "required" if not forms else f"give one form only (got {' and '.join(forms)})"
            raise invalid(
                "total_care_hours",
                f"{msg}: total_care_hours + subcontracted_hours, hours per "
                "category, or subcontracted_share_pct/own_share_pct",
            )
        self._check_form(forms[0])
        return self

    def _forms(self) -> dict[str, bool]:
        return {
            "totals": self.total_care_hours is not None or self.subcontracted_hours is not None,
            "categories": any(getattr(self, f) is not None for f in CATEGORY_FIELDS),
            "shares": self.subcontracted_share_pct is not None or self.own_share_pct is not None,
        }

    def _check_form(self, form: str) -> None:
        if form == "totals":
            if self.total_care_hours is None or self.subcontracted_hours is None:
                missing = "total_care_hours" if self.total_care_hours is None else "subcontracted_hours"
                raise invalid(missing, "required together with the other of total_care_hours/subcontracted_hours")
            if exact(self.subcontracted_hours) > exact(self.total_care_hours):
                raise invalid(
                    "subcontracted_hours",
                    f"must be at most total_care_hours ({self.total_care_hours}) (got {self.subcontracted_hours})",
                )
        elif form == "categories" and sum(getattr(self, f) or 0 for f in CATEGORY_FIELDS) <= 0:
            raise invalid("own_staff_hours", "the hours per category must add up to more than 0")
        elif form == "shares" and None not in (self.subcontracted_share_pct, self.own_share_pct):
            if exact(self.subcontracted_share_pct or 0) + exact(self.own_share_pct or 0) != 100:
                raise invalid("own_share_pct", "own_share_pct + subcontracted_share_pct must add up to 100")

    def subcontracted_pct(self) -> Fraction:
        if self.subcontracted_share_pct is not None:
            return exact(self.subcontracted_share_pct)
        if self.own_share_pct is not None:
            return 100 - exact(self.own_share_pct)
        if self.total_care_hours is not None:
            return exact(self.subcontracted_hours or 0) * 100 / exact(self.total_care_hours)
        hours = {f: exact(getattr(self, f) or 0) for f in CATEGORY_FIELDS}
        return (hours["subcontractor_hours"] + hours["zzp_hours"]) * 100 / sum(hours.values())


class SubcontractingOutput(ToolResult):
    own_share_pct: float = Field(description="share delivered by the provider itself (incl. volle dochters), %")
    subcontracted_share_pct: float = Field(description="share delivered by subcontractors (incl. zzp'ers), %")
    max_allowed_pct: int = Field(description="maximum subcontracted share for the year, %")
    min_own_pct: int
    requirement_applies: bool = Field(description="false for a zorgcoöperatie meeting Bijlage 1 §1.4")
    within_limit: bool = Field(description="subcontracted share <= maximum (exact comparison)")
    compliant: bool = Field(description="within the limit, or the requirement does not apply")


def _citations(inp: SubcontractingInput) -> list[Citation]:
    cites = []
    if inp.year <= 2026:
        cites += [cite("wv2024/bijlage-1/1.2", Q_2024_INGROEI)]
        cites += [cite("wv2024/bijlage-1/1.2", Q_2024_ROWS[min(inp.year, 2024)])]
    if inp.year >= 2025:
        cites += [cite("wv2027/bijlage-1/1.2", Q_2027_RULE), cite("wv2027/bijlage-1/1.1", Q_2027_MIN)]
    doc = "wv2024/bijlage-1/1.2" if inp.year <= 2024 else "wv2027/bijlage-1/1.2"
    cites += [cite(doc, Q_ZZP), cite(doc, Q_DAUGHTERS), cite(doc, Q_NOT_REPORTED)]
    if inp.is_cooperative:
        cites.append(cite("wv2027/3.2.2", Q_COOPERATIVE))
    elif inp.year >= 2025:
        cites.append(cite("wv2027/bijlage-1/1.2", Q_CONSEQUENCE))
    return cites


def _verdicts(inp: SubcontractingInput, sub: float, own: float, limit: int, ok: bool) -> tuple[str, str]:
    head_nl = f"{nl_num(sub)}% van de zorg gaat via onderaannemers (zzp'ers meegeteld) en {nl_num(own)}% levert u zelf"
    head_en = f"{sub:.2f}% of the care is subcontracted (zzp'ers included) and you deliver {own:.2f}% yourself"
    if inp.is_cooperative:
        return (
            f"{head_nl}; als zorgcoöperatie die aantoonbaar aan bijlage 1 §1.4 voldoet, geldt het maximum van "
            f"{limit}% niet.",
            f"{head_en}; as a cooperative demonstrably meeting Bijlage 1 §1.4, the {limit}% maximum does not apply.",
        )
    if ok:
        return (
            f"{head_nl}: binnen het maximum van {limit}% voor {inp.year}, dus u voldoet.",
            f"{head_en}: within the {limit}% maximum for {inp.year}, so you comply.",
        )
    return (
        f"{head_nl}: meer dan het maximum van {limit}% voor {inp.year}, dus u voldoet niet.",
        f"{head_en}: more than the {limit}% maximum for {inp.year}, so you do not comply.",
    )


ASSUMPTIONS_NL = [
    NO_ROUNDING_NL,
    "'Maximaal 50%' is inclusief: precies 50% onderaanneming voldoet.",
    "Zzp'ers die als zzp'er zijn ingehuurd tellen als onderaannemer; uren van 'volle dochters' tellen als eigen zorg.",
    "2022-2024 volgen het ingroeimodel uit bijlage 1 van 2024 (maximaal 75%, 65%, 50%). De teksten noemen 2025 en "
    "2026 niet apart: we nemen aan dat de 50% vanaf 2024 is blijven gelden, gelijk aan de eis voor 2027.",
    "Een zorgcoöperatie is alleen uitgezonderd als zij aantoonbaar aan bijlage 1 §1.4 voldoet (zie "
    "cooperative_staffing_check); dat wordt hier aangenomen als is_cooperative waar is.",
]
ASSUMPTIONS_EN = [
    NO_ROUNDING_EN,
    "'Maximaal 50%' (at most) is inclusive: exactly 50% subcontracting complies.",
    "Zzp'ers hired as zzp'er count as subcontractors; hours of 'volle dochters' (wholly owned subsidiaries) count "
    "as own care.",
    "2022-2024 follow the ingroeimodel of the 2024 appendix (at most 75%, 65%, 50%). The texts do not mention 2025 "
    "and 2026 separately: we assume the 50% from 2024 onward continued, equal to the 2027 requirement.",
    "A cooperative is only exempt if it demonstrably meets Bijlage 1 §1.4 (see cooperative_staffing_check); that is "
    "assumed here when is_cooperative is true.",
]


def _rules(year: int, limit: int) -> tuple[str, str]:
    return (
        f"In {year} levert de zorgaanbieder ten minste {100 - limit}% van de zorg zelf en zet hij voor maximaal "
        f"{limit}% onderaannemers in (zzp'ers tellen als onderaannemer, volle dochters niet); alleen zorgcoöperaties "
        "die aan bijlage 1 §1.4 voldoen zijn uitgezonderd.",
        f"In {year} the provider delivers at least {100 - limit}% of the care itself and subcontracts at most {limit}% "
        "(zzp'ers count as subcontractors, volle dochters do not); only cooperatives meeting Bijlage 1 §1.4 are "
        "exempt.",
    )


def subcontracting_check(inp: SubcontractingInput) -> SubcontractingOutput:
    sub_pct = inp.subcontracted_pct()
    limit = MAX_SUBCONTRACTED[inp.year]
    within = sub_pct <= limit
    sub = shown2(sub_pct, limit, within)
    own = shown2(100 - sub_pct, 100 - limit, within)
    verdict, verdict_en = _verdicts(inp, sub, own, limit, within)
    rule, rule_en = _rules(inp.year, limit)
    return SubcontractingOutput(
        tool="subcontracting_check",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=rule,
        rule_en=rule_en,
        assumptions=ASSUMPTIONS_NL,
        assumptions_en=ASSUMPTIONS_EN,
        citations=_citations(inp),
        own_share_pct=own,
        subcontracted_share_pct=sub,
        max_allowed_pct=limit,
        min_own_pct=100 - limit,
        requirement_applies=not inp.is_cooperative,
        within_limit=within,
        compliant=within or inp.is_cooperative,
    )
