"""`staffel_percentage`: maximum reimbursement on an honoured additional budget (3.2.4 staffel table).

The table's two waardemodel years, its percentages and the cost-point limit are policy parameters; the input
fields are named after the years (`score_<previous year>`, `score_<policy year>`, `cost_points_<year>`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from assistant.ingest.param_types import Staffel
from assistant.ingest.params import PolicyParams
from tools._base import (
    Amount,
    FieldSpecs,
    Flag,
    Score,
    ToolInput,
    bind,
    en_eur,
    exact,
    invalid,
    nl_eur,
    nl_short,
    round2,
)

ROW_KEYS = ("ceiling_free", "a_both", "a_first", "b_first_min_points", "no_score")
NOT_ELIGIBLE = "not_eligible"
REASON_C = "score_C_excluded"


def _years(st: Staffel) -> tuple[int, int]:
    first, second = st.score_years.values
    return first, second


def _pts(st: Staffel) -> str:
    return nl_short(st.min_cost_points.value)


def row_codes(st: Staffel) -> dict[str, str]:
    """Row key -> the stable code in the output (`score_A_<year>_and_<year>`, ...)."""
    y1, y2 = _years(st)
    return {
        "ceiling_free": "ceiling_free_agreement",
        "a_both": f"score_A_{y1}_and_{y2}",
        "a_first": f"score_A_{y1}",
        "b_first_min_points": f"score_B_{y1}_min_{_pts(st)}_cost_points",
        "no_score": "no_waardemodel_score",
    }


def reason_b_low(st: Staffel) -> str:
    return f"score_B_under_{_pts(st)}_cost_points_excluded"


class StaffelInput(ToolInput):
    # fields per policy document (`_fields`): waardemodel scores and cost points named after the table's years
    if TYPE_CHECKING:
        ceiling_free_agreement: bool
        has_waardemodel_score: bool | None
        honored_additional_budget_eur: float | None

    @model_validator(mode="after")
    def _consistent(self) -> StaffelInput:
        st = self.policy().section("staffel")
        y1, y2 = _years(st)
        any_score = self.score(y1) is not None or self.score(y2) is not None
        flag = self.has_waardemodel_score
        if flag is False and any_score:
            raise invalid("has_waardemodel_score", f"is false, but score_{y1}/score_{y2} is given")
        if flag is not False and not any_score and not self.ceiling_free_agreement:
            raise invalid(
                f"score_{y1}",
                "required (A, B or C); set has_waardemodel_score to false if the provider has no waardemodel score",
            )
        basis, year = self.basis()
        if basis == "B" and year is not None and self.points(year) is None and not self.ceiling_free_agreement:
            raise invalid(
                f"cost_points_{year}",
                f"required when score_{year} is B: the staffel distinguishes at least {_pts(st)} and fewer than "
                f"{_pts(st)} points",
            )
        return self

    def score(self, year: int) -> str | None:
        return getattr(self, f"score_{year}")

    def points(self, year: int) -> float | None:
        return getattr(self, f"cost_points_{year}")

    def basis(self) -> tuple[str | None, int | None]:
        """The score the table rows are read from: the first year's, or the policy year's when that is missing."""
        for year in _years(self.policy().section("staffel")):
            if self.score(year) is not None:
                return self.score(year), year
        return None, None


def _fields(params: PolicyParams) -> FieldSpecs:
    st, limit = params.section("staffel"), params.section("waardemodel").limit_eur.value
    y1, y2 = _years(st)
    return {
        f"score_{y1}": (Score | None, Field(default=None, description=f"waardemodel score {y1}: A, B or C")),
        f"score_{y2}": (Score | None, Field(default=None, description=f"waardemodel score {y2}: A, B or C")),
        f"cost_points_{y1}": (Amount | None, Field(default=None, description=f"points on the cost component in {y1}")),
        f"cost_points_{y2}": (Amount | None, Field(default=None, description=f"points on the cost component in {y2}")),
        "ceiling_free_agreement": (Flag, Field(default=False, description="the provider has a ceiling-free agreement")),
        "has_waardemodel_score": (
            Flag | None,
            Field(
                default=None,
                description=f"false when the provider has no waardemodel score (production <= {nl_eur(limit)})",
            ),
        ),
        "honored_additional_budget_eur": (
            Amount | None,
            Field(default=None, description="honoured additional budget, €"),
        ),
    }


def input_model(params: PolicyParams) -> type[StaffelInput]:
    return bind(StaffelInput, params, _fields)


def describe(params: PolicyParams) -> tuple[str, str]:
    y1, y2 = _years(params.section("staffel"))
    return (
        "Bepaalt de maximale vergoeding (staffel) op een gehonoreerd aanvullend budget uit de waardemodelscores "
        f"van {y1} en {y2}, de kostenpunten of een plafondvrije afspraak.",
        f"Determines the maximum reimbursement (staffel) on an honoured additional budget from the {y1} and {y2} "
        "waardemodel scores, cost points or a ceiling-free agreement.",
    )


class StaffelOutput(ToolResult):
    eligible: bool
    percentage: int = Field(description="maximum reimbursement on the honoured additional budget, 0-100")
    max_reimbursement_eur: float | None = Field(description="honoured budget × percentage, when the budget is given")
    row: str = Field(
        description="the staffel row applied: ceiling_free_agreement, score_A_<year>_and_<year>, score_A_<year>, "
        "score_B_<year>_min_<points>_cost_points, no_waardemodel_score or not_eligible"
    )
    score_year_used: int | None = Field(description="year of the score the row was read from")
    reasons: list[str] = Field(description="why the provider is not eligible (stable codes)")


def exclusion_reasons(st: Staffel, score: str | None, points: float | None) -> list[str]:
    """3.2.4: B with fewer than the minimum cost points, and C, are excluded from additional purchase."""
    if score == "C":
        return [REASON_C]
    if score == "B" and points is not None and exact(points) < st.min_cost_points.value:
        return [reason_b_low(st)]
    return []


def _reasons(inp: StaffelInput, st: Staffel) -> list[str]:
    found = [r for year in _years(st) for r in exclusion_reasons(st, inp.score(year), inp.points(year))]
    return list(dict.fromkeys(found))


def _row(inp: StaffelInput, st: Staffel, reasons: list[str]) -> str:
    """The row key (ROW_KEYS) or NOT_ELIGIBLE."""
    basis, _ = inp.basis()
    y1, y2 = _years(st)
    if reasons:
        return NOT_ELIGIBLE
    if inp.ceiling_free_agreement:
        return "ceiling_free"
    if basis is None:
        return "no_score"
    if basis == "A":
        return "a_both" if inp.score(y1) == "A" and inp.score(y2) == "A" else "a_first"
    return "b_first_min_points"


def _citations(params: PolicyParams, st: Staffel, row: str) -> list[Citation]:
    quoted = st.min_cost_points if row == NOT_ELIGIBLE else getattr(st.rows, row)
    cites = [st.intro.cite(), st.head.cite(), quoted.cite()]
    if row == "no_score":
        cites.append(params.section("waardemodel").limit_eur.cite())
    cites.append(st.deviate.cite())
    return cites


def _row_text(st: Staffel, row: str, used: int | None = None) -> tuple[str, str]:
    """The row in words; `used`: the year of the score it was read from (the policy year's when only that is given)."""
    y1, y2 = _years(st)
    first = used or y1
    return {
        "ceiling_free": ("een plafondvrije afspraak", "a ceiling-free agreement"),
        "a_both": (f"score A in {y1} én {y2}", f"score A in {y1} and {y2}"),
        "a_first": (f"score A in {first} (niet in beide jaren A)", f"score A in {first} (not A in both years)"),
        "b_first_min_points": (
            f"score B met ten minste {_pts(st)} punten op het kostenonderdeel",
            f"score B with at least {_pts(st)} points on the cost component",
        ),
        "no_score": ("geen score op het waardemodel", "no waardemodel score"),
    }[row]


def _verdicts(st: Staffel, row: str, pct: int, amount: float | None, used: int | None = None) -> tuple[str, str]:
    if row == NOT_ELIGIBLE:
        return (
            "U komt niet in aanmerking voor aanvullende inkoop: zorgaanbieders met score C of met score B en minder "
            f"dan {_pts(st)} punten op het kostenonderdeel zijn uitgesloten (vergoeding 0%).",
            "You are not eligible for additional purchase: providers with score C, or score B with fewer than "
            f"{_pts(st)} points on the cost component, are excluded (0% reimbursement).",
        )
    nl, en = _row_text(st, row, used)
    extra_nl = f", dus maximaal {nl_eur(amount)}" if amount is not None else ""
    extra_en = f", i.e. at most {en_eur(amount)}" if amount is not None else ""
    return (
        f"Met {nl} krijgt u maximaal {pct}% van het gehonoreerde aanvullende budget vergoed{extra_nl}.",
        f"With {en} you are reimbursed at most {pct}% of the honoured additional budget{extra_en}.",
    )


def _texts(st: Staffel) -> dict[str, Any]:
    y1, y2 = _years(st)
    r = st.rows
    return {"y1": y1, "y2": y2, "p": _pts(st), "both": r.a_both.percentage, "first": r.a_first.percentage,
            "b": r.b_first_min_points.percentage, "none": r.no_score.percentage}  # fmt: skip


ASSUMPTIONS_NL = [
    "De tabel leest de score van {y1}; ontbreekt die maar is er een score voor {y2}, dan lezen we de rijen met de "
    "score van {y2} (A in één jaar geeft {first}%, {both}% vraagt A in beide jaren).",
    "Score B in {y1} met ten minste {p} punten geeft {b}%, ook als {y2} een A is (de tabel kent geen rij B-dan-A).",
    "De uitsluiting van score C en van B met minder dan {p} punten noemt geen jaar: zij geldt voor de score van {y1} "
    "én van {y2}; punten voor {y2} worden alleen getoetst als ze zijn opgegeven.",
    "De uitsluiting gaat vóór een plafondvrije afspraak.",
    "'≥ {p} punten' is inclusief: precies {p} punten geeft {b}%. Geen afronding vóór de vergelijking.",
    "Het percentage is een maximum; CZ kan afwijkende afspraken maken en past bij palliatieve zorg aan terminale "
    "verzekerden waar mogelijk coulance toe.",
]
ASSUMPTIONS_EN = [
    "The table reads the {y1} score; if only a {y2} score is given, the rows are read with the {y2} score (A in one "
    "year gives {first}%, {both}% needs A in both years).",
    "Score B in {y1} with at least {p} points gives {b}%, even if {y2} is A (the table has no B-then-A row).",
    "The exclusion of score C and of B with fewer than {p} points names no year: it applies to the {y1} and the {y2} "
    "score; {y2} points are only checked when given.",
    "The exclusion takes precedence over a ceiling-free agreement.",
    "'≥ {p} points' is inclusive: exactly {p} points gives {b}%. No rounding before comparing.",
    "The percentage is a maximum; CZ may make different arrangements and applies leniency where possible for "
    "palliative care to terminally ill insured persons.",
]
RULE_NL = (
    "Maximale vergoeding op gehonoreerd aanvullend budget: score A in {y1} én {y2} of plafondvrije afspraak "
    "{both}%; score A in {y1} {first}%; score B in {y1} met ten minste {p} punten op het kostenonderdeel {b}%; geen "
    "score op het waardemodel {none}%; score B met minder dan {p} punten en score C: geen aanvullende inkoop."
)
RULE_EN = (
    "Maximum reimbursement on the honoured additional budget: score A in {y1} and {y2} or a ceiling-free "
    "agreement {both}%; score A in {y1} {first}%; score B in {y1} with at least {p} cost points {b}%; no waardemodel "
    "score {none}%; score B with fewer than {p} points and score C: no additional purchase."
)


def staffel_percentage(inp: StaffelInput) -> StaffelOutput:
    params = inp.policy()
    st = params.section("staffel")
    reasons = _reasons(inp, st)
    row = _row(inp, st, reasons)
    pct = 0 if row == NOT_ELIGIBLE else getattr(st.rows, row).percentage
    budget = inp.honored_additional_budget_eur
    amount = None if budget is None else round2(exact(budget) * pct / 100)
    verdict, verdict_en = _verdicts(st, row, pct, amount, inp.basis()[1])
    texts = _texts(st)
    return StaffelOutput(
        tool="staffel_percentage",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL.format(**texts),
        rule_en=RULE_EN.format(**texts),
        assumptions=[a.format(**texts) for a in ASSUMPTIONS_NL],
        assumptions_en=[a.format(**texts) for a in ASSUMPTIONS_EN],
        citations=_citations(params, st, row),
        eligible=row != NOT_ELIGIBLE,
        percentage=pct,
        max_reimbursement_eur=amount,
        row=row_codes(st).get(row, NOT_ELIGIBLE),
        score_year_used=inp.basis()[1] if row in ("a_both", "a_first", "b_first_min_points") else None,
        reasons=reasons,
    )
