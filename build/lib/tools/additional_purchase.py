"""`additional_purchase_eligibility`: may a provider request bijcontractering for 2027 (3.2.4)?"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Literal

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Amount,
    Flag,
    IsoDate,
    PositiveAmount,
    Score,
    ToolInput,
    check_date_range,
    en_eur,
    en_num,
    exact,
    invalid,
    nl_eur,
    nl_num,
    round2,
    shown2,
)
from tools._citations import cite
from tools.staffel import Q_EXCLUDED, exclusion_reasons

THRESHOLD_PCT = 80
OCTOBER_1 = date(2027, 10, 1)
SEPTEMBER_1 = date(2027, 9, 1)
DECEMBER_31 = date(2027, 12, 31)

Q_SEPTEMBER = "Dan kan hij in september via onze website een verzoek indienen voor bijcontractering."
Q_80 = (
    "De zorgaanbieder dient het verzoek in wanneer vóór 1 oktober ten minste 80% van het omzetplafond voor 2027 "
    "is bereikt en de verwachting is dat het omzetplafond ontoereikend is."
)
Q_SENT = "Het verzoek is vóór 31 december 2027 verzonden via onze website (en dus niet per e-mail)."
Q_ZORGPLICHT = (
    "De zorgaanbieder heeft gedurende de looptijd van de overeenkomst aangetoond dat hij zijn zorgplicht is "
    "nagekomen voor bestaande cliënten die bij hem in zorg zijn."
)
Q_SPREAD = "Er is sprake van een evenredige spreiding van nieuwe cliënten over het hele jaar."
Q_GROWTH = "De zorgaanbieder moet aantonen dat er sprake is van een toename van het aantal cliënten."
Q_REGION = "In de regio is sprake van een probleem met de zorgplicht."
Q_CONTINUITY = (
    "Een verzekerde die al zorg ontvangt, heeft recht op continuïteit van die zorg, ook als de zorgaanbieder het "
    "omzetplafond heeft bereikt of als de zorgvraag verandert."
)

# criteria the calculator cannot check: CZ assesses them from the request
ALWAYS_TO_ASSESS = [
    "ceiling_expected_insufficient",
    "even_spread_of_new_clients",
    "increase_in_clients",
    "zorgplicht_problem_in_region",
    "no_other_suitable_care_available",
    "efficiency_not_decreasing",
]


class AdditionalPurchaseInput(ToolInput):
    """Give either `omzetplafond_eur` + `revenue_reached_eur` or `percentage_of_ceiling_reached`."""

    omzetplafond_eur: PositiveAmount | None = Field(default=None, description="the 2027 revenue ceiling, €")
    revenue_reached_eur: Amount | None = Field(default=None, description="revenue reached on the 2027 ceiling, €")
    date_reached: IsoDate | None = Field(default=None, description="date the revenue/percentage was reached (2027)")
    percentage_of_ceiling_reached: Amount | None = Field(default=None, description="percentage of the ceiling reached")
    before_1_october: Flag | None = Field(default=None, description="the percentage was reached before 1 October")
    waardemodel_score: Score | None = Field(default=None, description="waardemodel score: A, B or C")
    cost_points: Amount | None = Field(default=None, description="points on the cost component (matters for B)")
    care_stopped_for_existing_clients: Flag | None = Field(
        default=None, description="care for existing clients was stopped (e.g. because the budget ran out)"
    )
    request_date: IsoDate | None = Field(default=None, description="date the request is sent (2027)")
    request_channel: Literal["website", "email"] | None = Field(default=None, description="website or email")

    @model_validator(mode="after")
    def _check(self) -> AdditionalPurchaseInput:
        amounts = self.omzetplafond_eur is not None or self.revenue_reached_eur is not None
        if amounts and self.percentage_of_ceiling_reached is not None:
            raise invalid(
                "percentage_of_ceiling_reached", "give it or omzetplafond_eur + revenue_reached_eur, not both"
            )
        if not amounts and self.percentage_of_ceiling_reached is None:
            raise invalid(
                "percentage_of_ceiling_reached", "required (or give omzetplafond_eur and revenue_reached_eur)"
            )
        if amounts and (self.omzetplafond_eur is None or self.revenue_reached_eur is None):
            missing = "omzetplafond_eur" if self.omzetplafond_eur is None else "revenue_reached_eur"
            raise invalid(missing, "required together with the other of omzetplafond_eur/revenue_reached_eur")
        check_date_range("date_reached", self.date_reached, date(2027, 1, 1), DECEMBER_31)
        check_date_range("request_date", self.request_date, date(2027, 1, 1), DECEMBER_31)
        if self.date_reached and self.before_1_october is not None:
            if (self.date_reached < OCTOBER_1) != self.before_1_october:
                raise invalid("before_1_october", f"contradicts date_reached ({self.date_reached.isoformat()})")
        return self

    def percentage(self) -> Fraction:
        if self.percentage_of_ceiling_reached is not None:
            return exact(self.percentage_of_ceiling_reached)
        return exact(self.revenue_reached_eur or 0) * 100 / exact(self.omzetplafond_eur or 1)

    def reached_before_october(self) -> bool | None:
        if self.date_reached is not None:
            return self.date_reached < OCTOBER_1
        return self.before_1_october


class AdditionalPurchaseOutput(ToolResult):
    percentage_of_ceiling: float = Field(description="percentage of the 2027 ceiling reached (2 decimals)")
    threshold_pct: int
    threshold_met: bool = Field(description="at least 80% reached, before 1 October (assumed when no date is given)")
    required_revenue_eur: float | None = Field(description="80% of the ceiling, when the ceiling is given")
    additional_revenue_needed_eur: float | None = Field(description="revenue still needed to reach 80%")
    eligible: bool = Field(description="no checked condition fails; CZ still assesses the `still_to_assess` items")
    reasons: list[str] = Field(description="failed conditions (stable codes)")
    still_to_assess: list[str] = Field(description="conditions not checked here (stable codes)")
    notes: list[str] = Field(default_factory=list, description="remarks that do not fail the request (codes)")


def _threshold_reasons(inp: AdditionalPurchaseInput) -> list[str]:
    if inp.percentage() < THRESHOLD_PCT:
        return ["threshold_80pct_not_met"]
    if inp.reached_before_october() is False:
        return ["threshold_not_reached_before_1_october"]
    return []


def _request_reasons(inp: AdditionalPurchaseInput) -> list[str]:
    reasons = []
    if inp.request_channel == "email":
        reasons.append("request_by_email_not_accepted")
    if inp.request_date is not None and inp.request_date >= DECEMBER_31:
        reasons.append("request_not_sent_before_2027-12-31")
    if inp.request_date is not None and inp.request_date < SEPTEMBER_1:
        reasons.append("request_before_september")
    return reasons


def _reasons(inp: AdditionalPurchaseInput) -> list[str]:
    reasons = _threshold_reasons(inp) + exclusion_reasons(inp.waardemodel_score, inp.cost_points)
    if inp.care_stopped_for_existing_clients:
        reasons.append("care_stopped_for_existing_clients")
    return reasons + _request_reasons(inp)


def _still_to_assess(inp: AdditionalPurchaseInput) -> list[str]:
    todo = list(ALWAYS_TO_ASSESS)
    optional = {
        "reached_before_1_october": inp.reached_before_october() is None,
        "waardemodel_score": inp.waardemodel_score is None,
        "cost_points_for_score_B": inp.waardemodel_score == "B" and inp.cost_points is None,
        "zorgplicht_existing_clients": inp.care_stopped_for_existing_clients is None,
        "request_date": inp.request_date is None,
        "request_via_website": inp.request_channel is None,
    }
    return todo + [code for code, missing in optional.items() if missing]


def _citations(inp: AdditionalPurchaseInput, reasons: list[str]) -> list[Citation]:
    cites = [cite("wv2027/3.2.4", Q_SEPTEMBER), cite("wv2027/3.2.4", Q_80), cite("wv2027/3.2.4", Q_SENT)]
    cites.append(cite("wv2027/3.2.4", Q_ZORGPLICHT))
    if any(r.startswith("score_") for r in reasons) or inp.waardemodel_score is not None:
        cites.append(cite("wv2027/3.2.4", Q_EXCLUDED))
    if "care_stopped_for_existing_clients" in reasons:
        cites.append(cite("wv2027/2.3.2", Q_CONTINUITY))
    cites += [cite("wv2027/3.2.4", q) for q in (Q_SPREAD, Q_GROWTH, Q_REGION)]
    return cites


_REASON_TEXT = {
    "threshold_80pct_not_met": ("u zit onder 80% van het omzetplafond", "you are below 80% of the ceiling"),
    "threshold_not_reached_before_1_october": (
        "de 80% is niet vóór 1 oktober bereikt",
        "the 80% was not reached before 1 October",
    ),
    "score_C_excluded": ("score C is uitgesloten", "score C is excluded"),
    "score_B_under_5_cost_points_excluded": (
        "score B met minder dan 5 punten op het kostenonderdeel is uitgesloten",
        "score B with fewer than 5 cost points is excluded",
    ),
    "care_stopped_for_existing_clients": (
        "de zorg aan bestaande cliënten is stopgezet (zorgplicht niet nagekomen)",
        "care for existing clients was stopped (duty of care not met)",
    ),
    "request_by_email_not_accepted": (
        "het verzoek moet via de website, niet per e-mail",
        "the request must be sent via the website, not by e-mail",
    ),
    "request_not_sent_before_2027-12-31": (
        "het verzoek is niet vóór 31 december 2027 verzonden",
        "the request was not sent before 31 December 2027",
    ),
    "request_before_september": (
        "het verzoek kan pas vanaf september worden ingediend",
        "the request can only be submitted from September",
    ),
}


def _verdicts(pct: Fraction, reasons: list[str], required: float | None, needed: float | None) -> tuple[str, str]:
    shown = shown2(pct, THRESHOLD_PCT, pct >= THRESHOLD_PCT)
    head_nl = f"U zit op {nl_num(shown)}% van uw omzetplafond (drempel: ten minste {THRESHOLD_PCT}%"
    head_en = f"You are at {en_num(shown)}% of your ceiling (threshold: at least {THRESHOLD_PCT}%"
    if required is not None and needed:
        head_nl += f", dat is {nl_eur(required)}: nog {nl_eur(needed)} nodig"
        head_en += f", i.e. {en_eur(required)}: {en_eur(needed)} more needed"
    head_nl, head_en = head_nl + ")", head_en + ")"
    if reasons:
        why_nl = "; ".join(_REASON_TEXT[r][0] for r in reasons)
        why_en = "; ".join(_REASON_TEXT[r][1] for r in reasons)
        return (
            f"{head_nl}, maar u komt niet in aanmerking voor bijcontractering: {why_nl}.",
            f"{head_en}, but you are not eligible for additional purchase: {why_en}.",
        )
    return (
        f"{head_nl}: op basis van de opgegeven gegevens kunt u in september via de website een verzoek tot "
        "bijcontractering indienen; CZ toetst de overige voorwaarden.",
        f"{head_en}: based on the facts given you can request additional purchase via the website in September; "
        "CZ assesses the remaining conditions.",
    )


RULE_NL = (
    "U kunt in september via de website bijcontractering aanvragen als u vóór 1 oktober ten minste 80% van uw "
    "omzetplafond 2027 hebt bereikt, de zorg aan bestaande cliënten niet hebt stopgezet en geen score C of score B "
    "met minder dan 5 punten op het kostenonderdeel hebt; het verzoek moet vóór 31 december 2027 via de website "
    "(niet per e-mail) zijn verzonden."
)
RULE_EN = (
    "You can request additional purchase via the website in September if you reached at least 80% of your 2027 "
    "ceiling before 1 October, did not stop care for existing clients and do not have score C or score B with fewer "
    "than 5 cost points; the request must be sent via the website (not by e-mail) before 31 December 2027."
)

ASSUMPTIONS_NL = [
    NO_ROUNDING_NL,
    "'Ten minste 80%' is inclusief: precies 80% haalt de drempel.",
    "Tijdpad (3.2.4 noemt 'in september', 'vóór 1 oktober' en 'vóór 31 december 2027'): de 80% moet vóór "
    "1 oktober 2027 bereikt zijn (uiterlijk 30 september); het verzoek kan vanaf 1 september worden ingediend en "
    "moet vóór 31 december 2027 (uiterlijk 30 december) via de website zijn verzonden. Een verzoek na september "
    "maar vóór 31 december rekenen we niet als afwijzing, maar melden we (note 'request_after_september').",
    "Is er geen datum opgegeven, dan nemen we aan dat het percentage vóór 1 oktober is bereikt (nog te toetsen).",
    "Uitsluiting score C en score B met minder dan 5 punten op het kostenonderdeel: 'minder dan 5' is exclusief, "
    "precies 5 punten is niet uitgesloten.",
    "'eligible' betekent: geen van de getoetste voorwaarden faalt; de voorwaarden in 'still_to_assess' beoordeelt CZ.",
]
ASSUMPTIONS_EN = [
    NO_ROUNDING_EN,
    "'Ten minste 80%' (at least) is inclusive: exactly 80% meets the threshold.",
    "Timing (3.2.4 says 'in September', 'before 1 October' and 'before 31 December 2027'): the 80% must be reached "
    "before 1 October 2027 (30 September at the latest); the request can be submitted from 1 September and must be "
    "sent via the website before 31 December 2027 (30 December at the latest). A request after September but "
    "before 31 December is not treated as a rejection, but flagged (note 'request_after_september').",
    "Without a date we assume the percentage was reached before 1 October (still to be checked).",
    "Exclusion of score C and of score B with fewer than 5 cost points: 'fewer than 5' is exclusive, exactly 5 "
    "points is not excluded.",
    "'eligible' means: none of the checked conditions fails; CZ assesses the conditions in 'still_to_assess'.",
]


def _amounts(inp: AdditionalPurchaseInput) -> tuple[float | None, float | None]:
    if inp.omzetplafond_eur is None:
        return None, None
    required = exact(inp.omzetplafond_eur) * THRESHOLD_PCT / 100
    needed = max(Fraction(0), required - exact(inp.revenue_reached_eur or 0))
    return round2(required), round2(needed)


def additional_purchase_eligibility(inp: AdditionalPurchaseInput) -> AdditionalPurchaseOutput:
    pct = inp.percentage()
    reasons = _reasons(inp)
    required, needed = _amounts(inp)
    verdict, verdict_en = _verdicts(pct, reasons, required, needed)
    late = inp.request_date is not None and OCTOBER_1 <= inp.request_date < DECEMBER_31
    return AdditionalPurchaseOutput(
        tool="additional_purchase_eligibility",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL,
        rule_en=RULE_EN,
        assumptions=ASSUMPTIONS_NL,
        assumptions_en=ASSUMPTIONS_EN,
        citations=_citations(inp, reasons),
        percentage_of_ceiling=shown2(pct, THRESHOLD_PCT, pct >= THRESHOLD_PCT),
        threshold_pct=THRESHOLD_PCT,
        threshold_met=not _threshold_reasons(inp),
        required_revenue_eur=required,
        additional_revenue_needed_eur=needed,
        eligible=not reasons,
        reasons=reasons,
        still_to_assess=_still_to_assess(inp),
        notes=["request_after_september"] if late else [],
    )
