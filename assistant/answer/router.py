"""Decide what a question needs: a calculator (with arguments pulled from the text), a clause lookup,
or a question back to the user when an argument is missing. Rules, not a model: every decision can be
read here and tested."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer import extract as x
from assistant.retrieve.analysis import fold


@dataclass
class Route:
    kind: str  # "tool" | "clause" | "clarify"
    tool: str | None = None
    args: dict = field(default_factory=dict)
    missing: list[tuple[str, str, str]] = field(default_factory=list)  # (field, nl question, en question)
    assumptions: list[tuple[str, str]] = field(default_factory=list)  # (nl, en)
    deadline: bool = False


def _has(low: str, pattern: str) -> bool:
    return re.search(pattern, low) is not None


_ASKS_DEADLINE = (
    r"\b(wanneer|uiterlijk|deadline|tot wanneer|tussen welke data|when|by when|until when|welke datum|vanaf wanneer)\b"
)


def route(question: str, current_year: int = 2027) -> Route:
    low = fold(question)
    for rule in (
        _postcode,
        _dementia,
        _cooperative,
        _subcontracting,
        _staffel,
        _additional,
        _waardemodel,
        _new_provider,
        _exclusion,
    ):
        r = rule(question, low, current_year)
        if r is not None:
            r.args = {k: _whole(v) for k, v in r.args.items()}
            return r
    return Route("clause", deadline=_has(low, _ASKS_DEADLINE))


def _whole(v):
    """Extracted numbers are floats; a whole number goes to the calculator as an int."""
    return int(v) if isinstance(v, float) and v.is_integer() else v


# ---------------------------------------------------------------- one rule per calculator


_NEW_PROVIDER = (
    r"\bnieuwe?\b.{0,40}(organisatie|aanbieder|zorgaanbieder)|\bnew (provider|organi[sz]ation|home ?care|nursing)"
    r"|\bals nieuwe|\bstart-?up\b|\bstarting (a |an )?(provider|organi[sz]ation)"
)
_CEILING = r"omzetplafond|plafond|ceiling|revenue cap|\bcap\b|omzetgrens"


def _postcode(q: str, low: str, year: int) -> Route | None:
    if not _has(low, r"postcode|postal code|areas?\b|gebied"):
        return None
    asks = _has(
        low,
        r"voldo|meet|haal|norm|eis\b|requirement|complian|gemiddeld|average|bevestig|confirm|rekenvraag|regel|rule"
        r"|criteri|enough|genoeg|voldoende|drempel|threshold|minimum|minimaal",
    )
    if not asks and not x.postcode_counts(q):
        return None
    args: dict = {"contract_year": _year_or(low, year, (2026, 2027)), "in_core_area": True}
    args["provider_type"] = "new" if _has(low, _NEW_PROVIDER + r"|\bnieuw\b") else "existing"
    args["medical_child_care_only"] = _has(low, r"kindzorg|child care|paediatric|pediatric")
    args["mostly_outside_core_area"] = _has(low, r"buiten (het )?kernwerkgebied|outside (the |cz'?s )?core")
    counts = x.postcode_counts(q)
    avg = x.stated_average(q)
    r = Route("tool", "postcode_average", args)
    if counts:
        args.update(counts)
    elif avg is not None:
        # an average the user states: compared as-is (100 areas reproduce it exactly to 2 decimals)
        args.update({"total_clients": round(avg * 100), "postcode_areas": 100})
        r.assumptions.append(
            (
                f"u noemde een gemiddelde van {_nl(avg)} cliënten per postcodegebied",
                f"you stated an average of {avg:g} clients per postcode area",
            )
        )
    else:
        r.kind = "clarify"
        r.missing.append(
            (
                "clients_per_postcode",
                "Hoeveel CZ-cliënten had u per 4-cijferig postcodegebied (bijvoorbeeld: 5 in 5041, 1 in 5042 en 2 in 5043), of het totaal en het aantal gebieden?",
                "How many CZ clients did you have per 4-digit postcode area (e.g. 5 in 5041, 1 in 5042 and 2 in 5043), or the total and the number of areas?",
            )
        )
    if "provider_type" in args and not _has(low, r"bestaand|existing|nieuw|new"):
        r.assumptions.append(("ik ga uit van een bestaande zorgaanbieder", "I assume an existing provider"))
    if not _has(low, r"kernwerkgebied|core area|kernregio"):
        r.assumptions.append(("ik ga uit van zorg in het kernwerkgebied van CZ", "I assume care in CZ's core area"))
    return r


def _dementia(q: str, low: str, year: int) -> Route | None:
    if not (_has(low, r"dementie|dementia|casemanag") and _has(low, r"fte|caseload")):
        return None
    fte, clients = x.fte_and_clients(q)
    return _need(Route("tool", "dementia_caseload_check", {"clients": clients, "casemanager_fte": fte}), _FTE_CLIENTS)


def _cooperative(q: str, low: str, year: int) -> Route | None:
    if not (_has(low, r"cooperati|cooperative") and _has(low, r"\bfte\b")):
        return None
    fte, clients = x.fte_and_clients(q)
    return _need(
        Route("tool", "cooperative_staffing_check", {"clients": clients, "hbo_bachelor_nurse_fte": fte}), _FTE_CLIENTS
    )


_FTE_CLIENTS = {
    "clients": ("Om hoeveel cliënten gaat het?", "How many clients are involved?"),
    "casemanager_fte": ("Hoeveel fte is er beschikbaar?", "How many fte are available?"),
    "hbo_bachelor_nurse_fte": (
        "Hoeveel fte hbo-bachelor verpleegkundigen (niveau 6) zijn er?",
        "How many fte of hbo-bachelor nurses (level 6) are there?",
    ),
}


def _need(r: Route, questions: dict) -> Route:
    for name, value in r.args.items():
        if value is None and name in questions:
            r.missing.append((name, *questions[name]))
    if r.missing:
        r.kind = "clarify"
    r.args = {k: v for k, v in r.args.items() if v is not None}
    return r


def _subcontracting(q: str, low: str, year: int) -> Route | None:
    if not _has(low, r"onderaanne|subcontract|zzp|self-employed|freelance"):
        return None
    hrs = x.hours(q)
    args: dict = {
        "is_cooperative": _has(low, r"cooperati|cooperative"),
        "year": _year_or(low, year, (2022, 2023, 2024, 2025, 2026, 2027)),
    }
    if len(hrs) >= 2:
        total, sub = max(hrs), sorted(hrs)[-2] if hrs.count(max(hrs)) == 1 else min(hrs)
        args.update({"total_care_hours": total, "subcontracted_hours": sub})
    elif (share := _subcontracted_pct(q)) is not None:
        args.update({"subcontracted_share_pct": share})
    else:
        return None  # a clause question about subcontracting, not a calculation
    r = Route("tool", "subcontracting_check", args)
    if len(hrs) >= 2:
        r.assumptions.append(
            (
                "het kleinere aantal uren is het deel dat onderaannemers (incl. zzp'ers) leverden",
                "the smaller number of hours is the part delivered by subcontractors (incl. zzp'ers)",
            )
        )
    return r


def _subcontracted_pct(q: str) -> float | None:
    """The share the user says goes to subcontractors: a percentage with a subcontracting word within a few
    words of it. Not the rule they mention ("de 50%-regel", "max 50%") and not ownership ("100% van ons")."""
    for m in re.finditer(
        r"(\d{1,3}(?:[.,]\d+)?)\s*(%|procent|percent)(-?\s*(regel|norm|grens|rule|limit|eis))?", q, re.I
    ):
        if m.group(3):
            continue
        before, after = q[max(0, m.start() - 60) : m.start()].lower(), q[m.end() : m.end() + 60].lower()
        if re.search(r"(maximaal|maximum|max\.?|ten hoogste|at most|limit|regel|norm)\s*$", before):
            continue
        if re.search(r"^\s*(van ons|eigendom|owned|of ours|aandelen|shares)", after) or re.search(
            r"dochter|subsidiar", before[-25:]
        ):
            continue
        if re.search(r"onderaanne|subcontract|zzp|uitbeste|outsourc|ingehuurd|hired", before + " " + after):
            return float(m.group(1).replace(",", "."))
    return None


def _staffel(q: str, low: str, year: int) -> Route | None:
    asks_share = _has(
        low,
        r"percentage|hoeveel .*vergoed|maximale vergoeding|maximaal vergoed|reimburs|staffel|how much .*(get|paid)|100 ?%",
    )
    about_extra = _has(low, r"aanvullend|bijcontract|additional|extra budget|gehonoreerd|honou?red")
    if not (asks_share and about_extra):
        return None
    scores = x.scores_by_year(q)
    amounts = x.euro_amounts(q)
    args: dict = {
        "score_2026": scores.get(2026),
        "score_2027": scores.get(2027),
        "cost_points_2026": x.cost_points(q) if scores.get(2026) else None,
        "cost_points_2027": None,
        "ceiling_free_agreement": _has(low, r"plafondvrij|ceiling-free|no ceiling|without a ceiling"),
        "has_waardemodel_score": True,
        "honored_additional_budget_eur": None,
    }
    r = Route("tool", "staffel_percentage", args)
    production = _amount_near(q, r"productieafspraak|production agreement")
    if _has(low, r"geen (waardemodel)?\s*score|geen score|no (value model |waardemodel )?score|without a score") or (
        production is not None and production <= 100_000
    ):
        args.update({"has_waardemodel_score": False, "score_2026": None, "score_2027": None})
        if production is not None:
            r.assumptions.append(
                (
                    "bij een productieafspraak van niet meer dan € 100.000 past CZ het waardemodel niet toe, dus is er geen score",
                    "with a production agreement not above € 100,000 CZ does not apply the value model, so there is no score",
                )
            )
    budget = _amount_near(q, r"gehonoreerd|honou?red|budget|verzoek|request|aanvullend")
    if budget is not None and budget != production:
        args["honored_additional_budget_eur"] = budget
    elif len(amounts) == 1 and production is None:
        args["honored_additional_budget_eur"] = amounts[0]
    if args["has_waardemodel_score"] and not args["ceiling_free_agreement"] and not scores:
        r.kind = "clarify"
        r.missing.append(
            (
                "score_2026",
                "Welke waardemodelscore (A, B of C) had u in 2026 en 2027, en bij B: hoeveel punten op het kostenonderdeel?",
                "Which value-model score (A, B or C) did you have in 2026 and 2027, and with B: how many points on the cost component?",
            )
        )
    return r


def _additional(q: str, low: str, year: int) -> Route | None:
    if not _has(low, r"bijcontract|aanvullende (zorg)?inkoop|additional (purchase|budget)|extra budget"):
        return None
    if not _has(
        low,
        r"plafond|ceiling|\bcap\b|drempel|threshold|aanvragen|aanvraag|apply|request|indienen|komen we in aanmerking|eligible",
    ):
        return None
    amounts = x.euro_amounts(q)
    pcts = x.percentages(q)
    scores = x.scores_by_year(q)
    args: dict = {}
    ceiling = _amount_near(q, _CEILING)
    if ceiling is not None:
        args["omzetplafond_eur"] = ceiling
        others = [a for a in amounts if a != ceiling]
        if others:
            args["revenue_reached_eur"] = others[0]
    if pcts and "revenue_reached_eur" not in args:
        args["percentage_of_ceiling_reached"] = pcts[0]
    when = x.dates(q, default_year=year)
    if when:
        args["date_reached"] = when[0].isoformat()
    elif _has(low, r"september|vóór 1 oktober|voor 1 oktober|before 1 october|al op|already"):
        args["before_1_october"] = True
    if scores:
        letter = scores.get(2027) or scores.get(2026) or next(iter(scores.values()))
        args["waardemodel_score"] = letter
        pts = x.cost_points(q)
        if pts is not None:
            args["cost_points"] = pts
    if not any(
        k in args
        for k in ("omzetplafond_eur", "revenue_reached_eur", "percentage_of_ceiling_reached", "waardemodel_score")
    ):
        return None  # "when/how can we apply?" is a clause question
    r = Route("tool", "additional_purchase_eligibility", args)
    if "omzetplafond_eur" in args and "revenue_reached_eur" not in args and "percentage_of_ceiling_reached" not in args:
        r.kind = "clarify"
        r.missing.append(
            (
                "revenue_reached_eur",
                "Welke omzet had u bereikt, en op welke datum?",
                "What revenue had you reached, and on which date?",
            )
        )
    return r


def _waardemodel(q: str, low: str, year: int) -> Route | None:
    if not (_has(low, r"waardemodel|value model") and _has(low, r"productieafspraak|production agreement|productie")):
        return None
    amount = _amount_near(q, r"productieafspraak|production agreement|productie") or next(iter(x.euro_amounts(q)), None)
    if amount is None:
        return None
    return Route("tool", "waardemodel_applicability", {"production_agreement_eur": amount})


def _new_provider(q: str, low: str, year: int) -> Route | None:
    if not _has(low, _NEW_PROVIDER):
        return None
    if not _has(low, r"inschrij|inschijv|register|sign up|contract|overeenkomst|in aanmerking"):
        return None
    if _has(
        low, r"hoe lang|hoelang|wanneer (horen|hoor|weten|krijgen)|how long|when (will|do|would) (we|i) (hear|know|get)"
    ):
        return None  # how long the assessment takes is a clause question, not an eligibility check
    args: dict = {}
    amounts = x.euro_amounts(q)
    if amounts:
        args["expected_annual_revenue_cz_eur"] = amounts[0]
    when = x.dates(q, default_year=year)
    if when:
        args["registration_date"] = when[0].isoformat()
    avg = x.stated_average(q)
    if avg is not None:
        args["average_clients_per_postcode"] = avg
    if not args:
        return None
    return Route("tool", "new_provider_eligibility", args)


_EXCLUSION_FACTS = {
    "bankrupt_or_liquidation": r"faillis|failliet|bankrupt|liquidatie|liquidation",
    "surseance_or_akkoord": r"surseance|suspension of payment",
    "tax_arrears": r"belasting\w* niet|belastingschuld|tax arrears|unpaid tax|(belasting\w*|\btax\w*).{0,80}"
    r"(achterstand|schuld|niet betaal|betaalt niet|onbetaald|unpaid|arrear|owe|behind)"
    r"|(achterstand|schuld|unpaid|arrear|owe|behind).{0,80}(belasting|\btax)",
    "false_statements": r"valse verklaring|false statement",
    "igj_enhanced_supervision": r"verscherpt toezicht|enhanced supervision",
    "igj_administrative_measure": r"bestuurlijke maatregel|administrative measure",
}


def _exclusion(q: str, low: str, year: int) -> Route | None:
    facts = {name: True for name, pat in _EXCLUSION_FACTS.items() if _has(low, pat)}
    if not facts:
        return None
    return Route("tool", "exclusion_check", facts)


# ---------------------------------------------------------------- helpers


def _year_or(low: str, default: int, allowed: tuple[int, ...]) -> int:
    ys = [int(y) for y in re.findall(r"\b(20\d\d)\b", low) if int(y) in allowed]
    return ys[-1] if ys else default


def _amount_near(q: str, keyword: str) -> float | None:
    """The euro amount closest after (or before) a keyword."""
    best: tuple[int, float] | None = None
    for m in re.finditer(keyword, q, re.IGNORECASE):
        for a in re.finditer(
            r"(?:€|eur\b|euro\b)\s*\d[\d.,]*(?:\s*(?:miljoen|mln|million|k))?|\d[\d.,]*\s*(?:miljoen|million|euro)",
            q,
            re.I,
        ):
            value = x.euro_amounts(a.group(0))
            if not value:
                continue
            dist = a.start() - m.end() if a.start() >= m.end() else (m.start() - a.end()) * 2
            if best is None or dist < best[0]:
                best = (dist, value[0])
    return best[1] if best else None


def _nl(v: float) -> str:
    return f"{v:g}".replace(".", ",")
