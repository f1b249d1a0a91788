"""`additional_purchase_eligibility`: may a provider request bijcontractering for the policy year (3.2.4)?

The threshold percentage, the date before which it must be reached, the month to apply in and the sending
deadline are policy parameters (`[additional_purchase]`)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from assistant.ingest.param_types import AdditionalPurchase
from assistant.ingest.params import PolicyParams
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Amount,
    FieldSpecs,
    Flag,
    IsoDate,
    PositiveAmount,
    Score,
    ToolInput,
    bind,
    check_date_range,
    code_day,
    en_day,
    en_eur,
    en_month,
    en_short,
    exact,
    invalid,
    nl_day,
    nl_eur,
    nl_month,
    nl_num,
    nl_short,
    round2,
    shown2,
    year_range,
)
from tools.staffel import exclusion_reasons, reason_b_low

# criteria the calculator cannot check: CZ assesses them from the request
ALWAYS_TO_ASSESS = [
    "ceiling_expected_insufficient",
    "even_spread_of_new_clients",
    "increase_in_clients",
    "zorgplicht_problem_in_region",
    "no_other_suitable_care_available",
    "efficiency_not_decreasing",
]


def _before_field(ap: AdditionalPurchase) -> str:
    return f"before_{code_day(ap.reached_before.value)}"


class AdditionalPurchaseInput(ToolInput):
    """Give either `omzetplafond_eur` + `revenue_reached_eur` or `percentage_of_ceiling_reached` (with or without
    the ceiling). With only `omzetplafond_eur` the calculator says what revenue the threshold asks; without either, it
    still decides when another condition fails (a score, stopped care, the channel or date of the request)."""

    @model_validator(mode="after")
    def _check(self) -> AdditionalPurchaseInput:
        amounts = self.omzetplafond_eur is not None or self.revenue_reached_eur is not None
        if self.revenue_reached_eur is not None and self.percentage_of_ceiling_reached is not None:
            raise invalid(
                "percentage_of_ceiling_reached", "give it or omzetplafond_eur + revenue_reached_eur, not both"
            )
        if not amounts and self.percentage_of_ceiling_reached is None and not _fails_without_share(self):
            raise invalid(
                "percentage_of_ceiling_reached", "required (or give omzetplafond_eur and revenue_reached_eur)"
            )
        if self.omzetplafond_eur is not None and self.revenue_reached_eur is None:
            pass  # the ceiling alone: the revenue the threshold asks
        elif amounts and (self.omzetplafond_eur is None or self.revenue_reached_eur is None):
            missing = "omzetplafond_eur" if self.omzetplafond_eur is None else "revenue_reached_eur"
            raise invalid(missing, "required together with the other of omzetplafond_eur/revenue_reached_eur")
        first, last = year_range(self.policy().year, self.policy().year)
        check_date_range("date_reached", self.date_reached, first, last)
        check_date_range("request_date", self.request_date, first, last)
        flag = self.before_flag()
        if self.date_reached and flag is not None and (self.date_reached < self.cutoff()) != flag:
            raise invalid(self.before_name(), f"contradicts date_reached ({self.date_reached.isoformat()})")
        return self

    def terms(self) -> AdditionalPurchase:
        return self.policy().section("additional_purchase")

    def cutoff(self) -> date:
        return self.terms().reached_before.value

    def before_name(self) -> str:
        return _before_field(self.terms())

    def before_flag(self) -> bool | None:
        return getattr(self, self.before_name())

    def percentage(self) -> Fraction | None:
        """The share of the ceiling reached (None when neither it nor the revenue reached is given)."""
        if self.percentage_of_ceiling_reached is not None:
            return exact(self.percentage_of_ceiling_reached)
        if self.revenue_reached_eur is None:
            return None
        return exact(self.revenue_reached_eur) * 100 / exact(self.omzetplafond_eur or 1)

    def reached_before_cutoff(self) -> bool | None:
        if self.date_reached is not None:
            return self.date_reached < self.cutoff()
        return self.before_flag()

    if TYPE_CHECKING:  # the fields, added per policy document by `_fields`
        omzetplafond_eur: float | None
        revenue_reached_eur: float | None
        date_reached: date | None
        percentage_of_ceiling_reached: float | None
        waardemodel_score: str | None
        cost_points: float | None
        care_stopped_for_existing_clients: bool | None
        request_date: date | None
        request_channel: str | None


def _fields(params: PolicyParams) -> FieldSpecs:
    ap, y = params.section("additional_purchase"), params.year
    return {
        "omzetplafond_eur": (PositiveAmount | None, Field(default=None, description=f"the {y} revenue ceiling, €")),
        "revenue_reached_eur": (
            Amount | None,
            Field(default=None, description=f"revenue reached on the {y} ceiling, €"),
        ),
        "date_reached": (
            IsoDate | None,
            Field(default=None, description=f"date the revenue/percentage was reached ({y})"),
        ),
        "percentage_of_ceiling_reached": (
            Amount | None,
            Field(default=None, description="percentage of the ceiling reached"),
        ),
        _before_field(ap): (
            Flag | None,
            Field(default=None, description=f"the percentage was reached before {en_day(ap.reached_before.value)}"),
        ),
        "waardemodel_score": (Score | None, Field(default=None, description="waardemodel score: A, B or C")),
        "cost_points": (Amount | None, Field(default=None, description="points on the cost component (matters for B)")),
        "care_stopped_for_existing_clients": (
            Flag | None,
            Field(default=None, description="care for existing clients was stopped (e.g. because the budget ran out)"),
        ),
        "request_date": (IsoDate | None, Field(default=None, description=f"date the request is sent ({y})")),
        "request_channel": (
            Literal["website", "email"] | None,
            Field(default=None, description="website or email"),
        ),
    }


def input_model(params: PolicyParams) -> type[AdditionalPurchaseInput]:
    return bind(AdditionalPurchaseInput, params, _fields)


def describe(params: PolicyParams) -> tuple[str, str]:
    ap, y = params.section("additional_purchase"), params.year
    pct, cutoff, sent = ap.threshold_pct.value, ap.reached_before.value, ap.sent_before
    return (
        f"Toetst of een zorgaanbieder bijcontractering voor {y} kan aanvragen: {pct}% van het omzetplafond vóór "
        f"{nl_day(cutoff)}, score, zorgplicht, verzoek via de website vóór {_nl_full(sent.value)}.",
        f"Checks whether a provider can request additional purchase (bijcontractering) for {y}: {pct}% of the "
        f"ceiling before {en_day(cutoff)}, score, duty of care, request via the website before "
        f"{_en_full(sent.value)}.",
    )


def _nl_full(d: date) -> str:
    return f"{nl_day(d)} {d.year}"


def _en_full(d: date) -> str:
    return f"{en_day(d)} {d.year}"


class AdditionalPurchaseOutput(ToolResult):
    percentage_of_ceiling: float | None = Field(
        description="percentage of the policy year's ceiling reached (2 decimals); null when not given"
    )
    threshold_pct: int
    threshold_met: bool | None = Field(
        description="the threshold percentage reached before the cut-off date (assumed when no date is given); "
        "null when the share reached is not given"
    )
    required_revenue_eur: float | None = Field(description="the threshold share of the ceiling, when it is given")
    additional_revenue_needed_eur: float | None = Field(description="revenue still needed to reach the threshold")
    eligible: bool | None = Field(
        description="no checked condition fails; CZ still assesses the `still_to_assess` items (null: not decided)"
    )
    reasons: list[str] = Field(description="failed conditions (stable codes)")
    still_to_assess: list[str] = Field(description="conditions not checked here (stable codes)")
    notes: list[str] = Field(default_factory=list, description="remarks that do not fail the request (codes)")


def _codes(ap: AdditionalPurchase) -> dict[str, str]:
    """Stable reason and note codes, named after the policy's values (`threshold_80pct_not_met`, ...)."""
    month = en_month(ap.request_month.value).lower()
    return {
        "below": f"threshold_{ap.threshold_pct.value}pct_not_met",
        "late": f"threshold_not_reached_before_{code_day(ap.reached_before.value)}",
        "email": "request_by_email_not_accepted",
        "not_sent": f"request_not_sent_before_{ap.sent_before.value.isoformat()}",
        "early": f"request_before_{month}",
        "after_month": f"request_after_{month}",
        "when_reached": f"reached_{_before_field(ap)}",
    }


def _fails_without_share(inp: AdditionalPurchaseInput) -> bool:
    """Another condition already fails, so the share of the ceiling reached does not matter."""
    ap = inp.terms()
    st = inp.policy().section("staffel")
    return bool(
        exclusion_reasons(st, inp.waardemodel_score, inp.cost_points)
        or inp.care_stopped_for_existing_clients
        or _request_reasons(inp, ap)
    )


def _threshold_reasons(inp: AdditionalPurchaseInput, ap: AdditionalPurchase) -> list[str]:
    pct = inp.percentage()
    if pct is None:
        return []
    if pct < ap.threshold_pct.value:
        return [_codes(ap)["below"]]
    if inp.reached_before_cutoff() is False:
        return [_codes(ap)["late"]]
    return []


def _request_reasons(inp: AdditionalPurchaseInput, ap: AdditionalPurchase) -> list[str]:
    codes, reasons = _codes(ap), []
    if inp.request_channel == "email":
        reasons.append(codes["email"])
    if inp.request_date is not None and inp.request_date >= ap.sent_before.value:
        reasons.append(codes["not_sent"])
    if inp.request_date is not None and inp.request_date < ap.request_month.value.replace(day=1):
        reasons.append(codes["early"])
    return reasons


def _reasons(inp: AdditionalPurchaseInput, ap: AdditionalPurchase) -> list[str]:
    st = inp.policy().section("staffel")
    reasons = _threshold_reasons(inp, ap) + exclusion_reasons(st, inp.waardemodel_score, inp.cost_points)
    if inp.care_stopped_for_existing_clients:
        reasons.append("care_stopped_for_existing_clients")
    return reasons + _request_reasons(inp, ap)


def _still_to_assess(inp: AdditionalPurchaseInput, ap: AdditionalPurchase) -> list[str]:
    todo = list(ALWAYS_TO_ASSESS)
    optional = {
        _codes(ap)["when_reached"]: inp.reached_before_cutoff() is None,
        "waardemodel_score": inp.waardemodel_score is None,
        "cost_points_for_score_B": inp.waardemodel_score == "B" and inp.cost_points is None,
        "zorgplicht_existing_clients": inp.care_stopped_for_existing_clients is None,
        "request_date": inp.request_date is None,
        "request_via_website": inp.request_channel is None,
    }
    return todo + [code for code, missing in optional.items() if missing]


def _citations(inp: AdditionalPurchaseInput, ap: AdditionalPurchase, reasons: list[str]) -> list[Citation]:
    cites = [ap.request_month.cite(), ap.threshold_pct.cite(), ap.sent_before.cite(), ap.zorgplicht.cite()]
    if any(r.startswith("score_") for r in reasons) or inp.waardemodel_score is not None:
        cites.append(inp.policy().section("staffel").min_cost_points.cite())
    if "care_stopped_for_existing_clients" in reasons:
        cites.append(ap.continuity.cite())
    cites += [q.cite() for q in (ap.spread, ap.growth, ap.region)]
    return cites


def _reason_text(inp: AdditionalPurchaseInput, ap: AdditionalPurchase) -> dict[str, tuple[str, str]]:
    codes, pct = _codes(ap), ap.threshold_pct.value
    pts = nl_num(inp.policy().section("staffel").min_cost_points.value, 0)
    cutoff, sent, month = ap.reached_before.value, ap.sent_before.value, ap.request_month.value
    return {
        codes["below"]: (f"u zit onder {pct}% van het omzetplafond", f"you are below {pct}% of the ceiling"),
        codes["late"]: (f"de {pct}% is niet vóór {nl_day(cutoff)} bereikt", f"the {pct}% was not reached before {en_day(cutoff)}"),
        "score_C_excluded": ("score C is uitgesloten", "score C is excluded"),
        reason_b_low(inp.policy().section("staffel")): (
            f"score B met minder dan {pts} punten op het kostenonderdeel is uitgesloten",
            f"score B with fewer than {pts} points on the cost component is excluded",
        ),
        "care_stopped_for_existing_clients": (
            "de zorg aan bestaande cliënten is stopgezet (zorgplicht niet nagekomen)",
            "care for existing clients was stopped (duty of care not met)",
        ),
        codes["email"]: (
            "het verzoek moet via de website, niet per e-mail",
            "the request must be sent via the website, not by e-mail",
        ),
        codes["not_sent"]: (
            f"het verzoek is niet vóór {_nl_full(sent)} verzonden",
            f"the request was not sent before {_en_full(sent)}",
        ),
        codes["early"]: (
            f"het verzoek kan pas vanaf {nl_month(month)} worden ingediend",
            f"the request can only be submitted from {en_month(month)}",
        ),
    }  # fmt: skip


def _verdicts(
    inp: AdditionalPurchaseInput, pct: Fraction | None, reasons: list[str], required: float | None, needed: float | None
) -> tuple[str, str]:
    ap = inp.terms()
    limit, month = ap.threshold_pct.value, ap.request_month.value
    cut_nl, cut_en = nl_day(ap.reached_before.value), en_day(ap.reached_before.value)
    if pct is None and not reasons:  # the ceiling alone
        return (
            f"Om bijcontractering te kunnen aanvragen moet u vóór {cut_nl} ten minste {limit}% van uw omzetplafond "
            f"hebben bereikt: {nl_eur(required or 0)} van {nl_eur(inp.omzetplafond_eur or 0)}.",
            f"To request additional purchase you must reach at least {limit}% of your ceiling before {cut_en}: "
            f"{en_eur(required or 0)} of {en_eur(inp.omzetplafond_eur or 0)}.",
        )
    if pct is None:
        texts = _reason_text(inp, ap)
        return (
            f"U komt niet in aanmerking voor bijcontractering: {'; '.join(texts[r][0] for r in reasons)}.",
            f"You are not eligible for additional purchase: {'; '.join(texts[r][1] for r in reasons)}.",
        )
    shown = shown2(pct, limit, pct >= limit)
    head_nl = f"U zit op {nl_short(shown)}% van uw omzetplafond (drempel: ten minste {limit}% vóór {cut_nl}"
    head_en = f"You are at {en_short(shown)}% of your ceiling (threshold: at least {limit}% before {cut_en}"
    if required is not None and needed:
        head_nl += f", dat is {nl_eur(required)}: nog {nl_eur(needed)} nodig"
        head_en += f", i.e. {en_eur(required)}: {en_eur(needed)} more needed"
    elif required is not None:  # the threshold in euros, also when it is reached
        head_nl += f", dat is {nl_eur(required)}"
        head_en += f", i.e. {en_eur(required)}"
    head_nl, head_en = head_nl + ")", head_en + ")"
    if reasons:
        texts = _reason_text(inp, ap)
        why_nl = "; ".join(texts[r][0] for r in reasons)
        why_en = "; ".join(texts[r][1] for r in reasons)
        but_nl, but_en = ("maar", "but") if pct >= limit else ("dus", "so")  # (the threshold met, or not)
        return (
            f"{head_nl}, {but_nl} u komt niet in aanmerking voor bijcontractering: {why_nl}.",
            f"{head_en}, {but_en} you are not eligible for additional purchase: {why_en}.",
        )
    return (
        f"{head_nl}: op basis van de opgegeven gegevens kunt u in {nl_month(month)} via de website een verzoek tot "
        "bijcontractering indienen; CZ toetst de overige voorwaarden.",
        f"{head_en}: based on the facts given you can request additional purchase via the website in "
        f"{en_month(month)}; CZ assesses the remaining conditions.",
    )


def _after_month(ap: AdditionalPurchase) -> date:
    """The first day after the month in which the request is to be made."""
    m = ap.request_month.value
    return m.replace(day=calendar.monthrange(m.year, m.month)[1]) + timedelta(days=1)


def _texts(params: PolicyParams) -> dict[str, object]:
    ap = params.section("additional_purchase")
    cutoff, sent, month = ap.reached_before.value, ap.sent_before.value, ap.request_month.value
    pts = nl_num(params.section("staffel").min_cost_points.value, 0)
    day = timedelta(days=1)
    return {
        "y": params.year, "pct": ap.threshold_pct.value, "pts": pts, "sec": ap.threshold_pct.cite().section,
        "cutoff_nl": nl_day(cutoff), "cutoff_en": en_day(cutoff),
        "last_nl": nl_day(cutoff - day), "last_en": en_day(cutoff - day),
        "cutoff_full_nl": _nl_full(cutoff), "cutoff_full_en": _en_full(cutoff),
        "sent_nl": _nl_full(sent), "sent_en": _en_full(sent),
        "sent_day_nl": nl_day(sent), "sent_day_en": en_day(sent),
        "sent_last_nl": nl_day(sent - day), "sent_last_en": en_day(sent - day),
        "month_nl": nl_month(month), "month_en": en_month(month),
        "month_first_nl": nl_day(month.replace(day=1)), "month_first_en": en_day(month.replace(day=1)),
        "note": _codes(ap)["after_month"],
    }  # fmt: skip


RULE_NL = (
    "U kunt in {month_nl} via de website bijcontractering aanvragen als u vóór {cutoff_nl} ten minste {pct}% van uw "
    "omzetplafond {y} hebt bereikt, de zorg aan bestaande cliënten niet hebt stopgezet en geen score C of score B "
    "met minder dan {pts} punten op het kostenonderdeel hebt; het verzoek moet vóór {sent_nl} via de website "
    "(niet per e-mail) zijn verzonden."
)
RULE_EN = (
    "You can request additional purchase via the website in {month_en} if you reached at least {pct}% of your {y} "
    "ceiling before {cutoff_en}, did not stop care for existing clients and do not have score C or score B with "
    "fewer than {pts} cost points; the request must be sent via the website (not by e-mail) before {sent_en}."
)
ASSUMPTIONS_NL = [
    NO_ROUNDING_NL,
    "'Ten minste {pct}%' is inclusief: precies {pct}% haalt de drempel.",
    "Tijdpad ({sec} noemt 'in {month_nl}', 'vóór {cutoff_nl}' en 'vóór {sent_nl}'): de {pct}% moet vóór "
    "{cutoff_full_nl} bereikt zijn (uiterlijk {last_nl}); het verzoek kan vanaf {month_first_nl} worden "
    "ingediend en moet vóór {sent_nl} (uiterlijk {sent_last_nl}) via de website zijn verzonden. Een verzoek na "
    "{month_nl} maar vóór {sent_day_nl} rekenen we niet als afwijzing, maar melden we (note '{note}').",
    "Is er geen datum opgegeven, dan nemen we aan dat het percentage vóór {cutoff_nl} is bereikt (nog te toetsen).",
    "Uitsluiting score C en score B met minder dan {pts} punten op het kostenonderdeel: 'minder dan {pts}' is "
    "exclusief, precies {pts} punten is niet uitgesloten.",
    "'eligible' betekent: geen van de getoetste voorwaarden faalt; de voorwaarden in 'still_to_assess' beoordeelt CZ.",
]
ASSUMPTIONS_EN = [
    NO_ROUNDING_EN,
    "'Ten minste {pct}%' (at least) is inclusive: exactly {pct}% meets the threshold.",
    "Timing ({sec} says 'in {month_en}', 'before {cutoff_en}' and 'before {sent_en}'): the {pct}% must be reached "
    "before {cutoff_full_en} ({last_en} at the latest); the request can be submitted from {month_first_en} and must "
    "be sent via the website before {sent_en} ({sent_last_en} at the latest). A request after {month_en} but "
    "before {sent_day_en} is not treated as a rejection, but flagged (note '{note}').",
    "Without a date we assume the percentage was reached before {cutoff_en} (still to be checked).",
    "Exclusion of score C and of score B with fewer than {pts} cost points: 'fewer than {pts}' is exclusive, exactly "
    "{pts} points is not excluded.",
    "'eligible' means: none of the checked conditions fails; CZ assesses the conditions in 'still_to_assess'.",
]


def _amounts(inp: AdditionalPurchaseInput, limit: int | float) -> tuple[float | None, float | None]:
    if inp.omzetplafond_eur is None:
        return None, None
    required = exact(inp.omzetplafond_eur) * exact(limit) / 100
    pct = inp.percentage()
    if pct is None:
        return round2(required), None
    reached = exact(inp.omzetplafond_eur) * pct / 100  # the revenue given, or the share of the ceiling given
    needed = max(Fraction(0), required - reached)
    return round2(required), round2(needed)


def additional_purchase_eligibility(inp: AdditionalPurchaseInput) -> AdditionalPurchaseOutput:
    params, ap = inp.policy(), inp.terms()
    limit = ap.threshold_pct.value
    pct = inp.percentage()
    reasons = _reasons(inp, ap)
    required, needed = _amounts(inp, limit)
    verdict, verdict_en = _verdicts(inp, pct, reasons, required, needed)
    late = inp.request_date is not None and _after_month(ap) <= inp.request_date < ap.sent_before.value
    texts = _texts(params)
    return AdditionalPurchaseOutput(
        tool="additional_purchase_eligibility",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL.format(**texts),
        rule_en=RULE_EN.format(**texts),
        assumptions=[a.format(**texts) for a in ASSUMPTIONS_NL],
        assumptions_en=[a.format(**texts) for a in ASSUMPTIONS_EN],
        citations=_citations(inp, ap, reasons),
        percentage_of_ceiling=None if pct is None else shown2(pct, limit, pct >= limit),
        threshold_pct=limit,
        threshold_met=None if pct is None else not _threshold_reasons(inp, ap),
        required_revenue_eur=required,
        additional_revenue_needed_eur=needed,
        eligible=None if pct is None and not reasons else not reasons,
        reasons=reasons,
        still_to_assess=_still_to_assess(inp, ap),
        notes=[_codes(ap)["after_month"]] if late else [],
    )
