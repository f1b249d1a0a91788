"""`staffel_percentage`: maximum reimbursement on an honoured additional budget (3.2.4 staffel table)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from tools._base import Amount, Flag, Score, ToolInput, en_eur, exact, invalid, nl_eur, round2
from tools._citations import cite

Q_INTRO = (
    "Zorgaanbieders met een reguliere overeenkomst ontvangen een maximale vergoeding op het gehonoreerde "
    "aanvullende budget op basis van hun doelmatigheid, conform onderstaande tabel."
)
Q_HEAD = "Doelmatigheid Maximale vergoeding op gehonoreerd aanvullend budget (staffel)"
Q_EXCLUDED = (
    "Zorgaanbieders met een score B en minder dan 5 punten op het kostenonderdeel én zorgaanbieders met score C "
    "komen niet voor aanvullende inkoop in aanmerking."
)
Q_DEVIATE = "Als dat nodig is, kunnen we afwijkende afspraken maken."
Q_WAARDEMODEL_LIMIT = (
    "We passen het waardemodel alleen toe bij zorgaanbieders die een productieafspraak krijgen van meer dan € 100.000."
)

Row = Literal[
    "ceiling_free_agreement",
    "score_A_2026_and_2027",
    "score_A_2026",
    "score_B_2026_min_5_cost_points",
    "no_waardemodel_score",
    "not_eligible",
]
# row -> (percentage, quote of the table row in 3.2.4)
ROWS: dict[str, tuple[int, str]] = {
    "ceiling_free_agreement": (100, "Score A in 2026 én 2027 óf een plafondvrije afspraak 100%"),
    "score_A_2026_and_2027": (100, "Score A in 2026 én 2027 óf een plafondvrije afspraak 100%"),
    "score_A_2026": (90, "Score A in 2026 90%"),
    "score_B_2026_min_5_cost_points": (85, "Score B in 2026 én ≥ 5 punten op kostenonderdeel 85%"),
    "no_waardemodel_score": (90, "Geen score op het waardemodel 90%"),
    "not_eligible": (0, Q_EXCLUDED),
}
REASON_C = "score_C_excluded"
REASON_B_LOW = "score_B_under_5_cost_points_excluded"


class StaffelInput(ToolInput):
    score_2026: Score | None = Field(default=None, description="waardemodel score 2026: A, B or C")
    score_2027: Score | None = Field(default=None, description="waardemodel score 2027: A, B or C")
    cost_points_2026: Amount | None = Field(default=None, description="points on the cost component in 2026")
    cost_points_2027: Amount | None = Field(default=None, description="points on the cost component in 2027")
    ceiling_free_agreement: Flag = Field(default=False, description="the provider has a ceiling-free agreement")
    has_waardemodel_score: Flag | None = Field(
        default=None, description="false when the provider has no waardemodel score (production <= € 100.000)"
    )
    honored_additional_budget_eur: Amount | None = Field(default=None, description="honoured additional budget, €")

    @model_validator(mode="after")
    def _consistent(self) -> StaffelInput:
        any_score = self.score_2026 is not None or self.score_2027 is not None
        if self.has_waardemodel_score is False and any_score:
            raise invalid("has_waardemodel_score", "is false, but score_2026/score_2027 is given")
        if self.has_waardemodel_score is not False and not any_score and not self.ceiling_free_agreement:
            raise invalid(
                "score_2026",
                "required (A, B or C); set has_waardemodel_score to false if the provider has no waardemodel score",
            )
        basis, year = self.basis()
        points = self.cost_points_2026 if year == 2026 else self.cost_points_2027
        if basis == "B" and points is None:
            raise invalid(
                f"cost_points_{year}",
                f"required when score_{year} is B: the staffel distinguishes at least 5 and fewer than 5 points",
            )
        return self

    def basis(self) -> tuple[str | None, int | None]:
        """The score the table rows are read from: 2026, or 2027 when no 2026 score is given."""
        if self.score_2026 is not None:
            return self.score_2026, 2026
        if self.score_2027 is not None:
            return self.score_2027, 2027
        return None, None


class StaffelOutput(ToolResult):
    eligible: bool
    percentage: int = Field(description="maximum reimbursement on the honoured additional budget, 0-100")
    max_reimbursement_eur: float | None = Field(description="honoured budget × percentage, when the budget is given")
    row: Row = Field(description="the staffel row applied")
    score_year_used: int | None = Field(description="year of the score the row was read from")
    reasons: list[str] = Field(description="why the provider is not eligible (stable codes)")


def exclusion_reasons(score: str | None, points: float | None) -> list[str]:
    """3.2.4: B with fewer than 5 cost points and C are excluded from additional purchase."""
    if score == "C":
        return [REASON_C]
    if score == "B" and points is not None and exact(points) < 5:
        return [REASON_B_LOW]
    return []


def _reasons(inp: StaffelInput) -> list[str]:
    found = exclusion_reasons(inp.score_2026, inp.cost_points_2026)
    found += exclusion_reasons(inp.score_2027, inp.cost_points_2027)
    return list(dict.fromkeys(found))


def _row(inp: StaffelInput, reasons: list[str]) -> Row:
    basis, _ = inp.basis()
    if reasons:
        return "not_eligible"
    if inp.ceiling_free_agreement:
        return "ceiling_free_agreement"
    if basis is None:
        return "no_waardemodel_score"
    if basis == "A":
        both = inp.score_2026 == "A" and inp.score_2027 == "A"
        return "score_A_2026_and_2027" if both else "score_A_2026"
    return "score_B_2026_min_5_cost_points"


def _citations(row: str) -> list[Citation]:
    cites = [cite("wv2027/3.2.4", Q_INTRO), cite("wv2027/3.2.4", Q_HEAD), cite("wv2027/3.2.4", ROWS[row][1])]
    if row == "no_waardemodel_score":
        cites.append(cite("wv2027/2.3.3", Q_WAARDEMODEL_LIMIT))
    cites.append(cite("wv2027/3.2.4", Q_DEVIATE))
    return cites


_ROW_TEXT = {
    "ceiling_free_agreement": ("een plafondvrije afspraak", "a ceiling-free agreement"),
    "score_A_2026_and_2027": ("score A in 2026 én 2027", "score A in 2026 and 2027"),
    "score_A_2026": ("score A in 2026 (niet in beide jaren A)", "score A in 2026 (not A in both years)"),
    "score_B_2026_min_5_cost_points": (
        "score B met ten minste 5 punten op het kostenonderdeel",
        "score B with at least 5 points on the cost component",
    ),
    "no_waardemodel_score": ("geen score op het waardemodel", "no waardemodel score"),
}


def _verdicts(row: str, pct: int, amount: float | None) -> tuple[str, str]:
    if row == "not_eligible":
        return (
            "U komt niet in aanmerking voor aanvullende inkoop: zorgaanbieders met score C of met score B en minder "
            "dan 5 punten op het kostenonderdeel zijn uitgesloten (vergoeding 0%).",
            "You are not eligible for additional purchase: providers with score C, or score B with fewer than 5 "
            "points on the cost component, are excluded (0% reimbursement).",
        )
    nl, en = _ROW_TEXT[row]
    extra_nl = f", dus maximaal {nl_eur(amount)}" if amount is not None else ""
    extra_en = f", i.e. at most {en_eur(amount)}" if amount is not None else ""
    return (
        f"Met {nl} krijgt u maximaal {pct}% van het gehonoreerde aanvullende budget vergoed{extra_nl}.",
        f"With {en} you are reimbursed at most {pct}% of the honoured additional budget{extra_en}.",
    )


ASSUMPTIONS_NL = [
    "De tabel leest de score van 2026; ontbreekt die maar is er een score voor 2027, dan lezen we de rijen met de "
    "score van 2027 (A in één jaar geeft 90%, 100% vraagt A in beide jaren).",
    "Score B in 2026 met ten minste 5 punten geeft 85%, ook als 2027 een A is (de tabel kent geen rij B-dan-A).",
    "De uitsluiting van score C en van B met minder dan 5 punten noemt geen jaar: zij geldt voor de score van 2026 "
    "én van 2027; punten voor 2027 worden alleen getoetst als ze zijn opgegeven.",
    "De uitsluiting gaat vóór een plafondvrije afspraak.",
    "'≥ 5 punten' is inclusief: precies 5 punten geeft 85%. Geen afronding vóór de vergelijking.",
    "Het percentage is een maximum; CZ kan afwijkende afspraken maken en past bij palliatieve zorg aan terminale "
    "verzekerden waar mogelijk coulance toe.",
]
ASSUMPTIONS_EN = [
    "The table reads the 2026 score; if only a 2027 score is given, the rows are read with the 2027 score (A in one "
    "year gives 90%, 100% needs A in both years).",
    "Score B in 2026 with at least 5 points gives 85%, even if 2027 is A (the table has no B-then-A row).",
    "The exclusion of score C and of B with fewer than 5 points names no year: it applies to the 2026 and the 2027 "
    "score; 2027 points are only checked when given.",
    "The exclusion takes precedence over a ceiling-free agreement.",
    "'≥ 5 points' is inclusive: exactly 5 points gives 85%. No rounding before comparing.",
    "The percentage is a maximum; CZ may make different arrangements and applies leniency where possible for "
    "palliative care to terminally ill insured persons.",
]


RULE_NL = (
    "Maximale vergoeding op gehonoreerd aanvullend budget: score A in 2026 én 2027 of plafondvrije afspraak "
    "100%; score A in 2026 90%; score B in 2026 met ten minste 5 punten op het kostenonderdeel 85%; geen score "
    "op het waardemodel 90%; score B met minder dan 5 punten en score C: geen aanvullende inkoop."
)
RULE_EN = (
    "Maximum reimbursement on the honoured additional budget: score A in 2026 and 2027 or a ceiling-free "
    "agreement 100%; score A in 2026 90%; score B in 2026 with at least 5 cost points 85%; no waardemodel score "
    "90%; score B with fewer than 5 points and score C: no additional purchase."
)


def staffel_percentage(inp: StaffelInput) -> StaffelOutput:
    reasons = _reasons(inp)
    row = _row(inp, reasons)
    pct = ROWS[row][0]
    budget = inp.honored_additional_budget_eur
    amount = None if budget is None else round2(exact(budget) * pct / 100)
    verdict, verdict_en = _verdicts(row, pct, amount)
    return StaffelOutput(
        tool="staffel_percentage",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL,
        rule_en=RULE_EN,
        assumptions=ASSUMPTIONS_NL,
        assumptions_en=ASSUMPTIONS_EN,
        citations=_citations(row),
        eligible=row != "not_eligible",
        percentage=pct,
        max_reimbursement_eur=amount,
        row=row,
        score_year_used=inp.basis()[1] if row.startswith("score_") else None,
        reasons=reasons,
    )
