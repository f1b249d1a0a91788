"""Staffing ratios: `cooperative_staffing_check` (Bijlage 1 §1.4) and `dementia_caseload_check` (§1.5.2)."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import Field

from assistant.domain import ToolResult
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Count,
    PositiveAmount,
    ToolInput,
    en_num,
    en_short,
    exact,
    nl_num,
    nl_short,
    round2,
    shown2,
)
from tools._citations import cite

MAX_CLIENTS_PER_FTE = 55
Position = Literal["below", "within", "above"]
DEMENTIA_MIN, DEMENTIA_MAX = 50, 65

Q_COOP_RATIO = (
    "Binnen de coöperatie geldt de verhouding van minimaal 1 fte hbo-bachelor opgeleide verpleegkundige (niveau 6) "
    "op 55 cliënten, die conform het Normenkader V&VN zorgdraagt voor de indicatiestelling en voor het uitvoeren en "
    "bewaken van het verpleegkundig proces."
)
Q_COOP_EXCEPTION = (
    "CZ groep maakt een uitzondering op het beleid voor onderaannemers als een zorgcoöperatie (bestaande uit zzp’ers "
    "en/of zorgaanbieders) aantoonbaar voldoet aan de eisen uit paragraaf 1.1 van deze bijlage en aan de eisen "
    "hieronder:"
)
Q_DEMENTIA = "De gespecialiseerde casemanager dementie heeft een caseload van gemiddeld 50 tot 65 cliënten per fte."
Q_DEMENTIA_HEAD = "Voorwaarden aan de gespecialiseerde casemanager dementie"


class CooperativeStaffingInput(ToolInput):
    clients: Count = Field(description="clients in care at the cooperative")
    hbo_bachelor_nurse_fte: PositiveAmount = Field(description="fte of hbo-bachelor (niveau 6) nurses, more than 0")


class CooperativeStaffingOutput(ToolResult):
    clients_per_fte: float = Field(description="clients per fte hbo-bachelor nurse (2 decimals)")
    max_clients_per_fte: int
    required_fte: float = Field(description="clients ÷ 55, rounded half up to 2 decimals")
    required_fte_exact: float
    compliant: bool = Field(description="clients per fte <= 55 (exact comparison)")


COOP_RULE_NL = (
    "Binnen een zorgcoöperatie is er minimaal 1 fte hbo-bachelor opgeleide verpleegkundige (niveau 6) op 55 "
    "cliënten: deel het aantal cliënten door het aantal fte; dat mag hoogstens 55 zijn."
)
COOP_RULE_EN = (
    "Within a care cooperative there is at least 1 fte hbo-bachelor nurse (level 6) per 55 clients: divide the "
    "clients by the fte; the result may be at most 55."
)
COOP_ASSUMPTIONS_NL = [
    NO_ROUNDING_NL,
    "'Minimaal 1 fte op 55 cliënten' is inclusief: precies 55 cliënten per fte voldoet.",
]
COOP_ASSUMPTIONS_EN = [
    NO_ROUNDING_EN,
    "'At least 1 fte per 55 clients' is inclusive: exactly 55 clients per fte complies.",
]


def _coop_verdicts(inp: CooperativeStaffingInput, shown: float, required: float, ok: bool) -> tuple[str, str]:
    fte_nl, fte_en = nl_short(inp.hbo_bachelor_nurse_fte), en_short(inp.hbo_bachelor_nurse_fte)
    end_nl = "dus de coöperatie voldoet" if ok else "dus de coöperatie voldoet niet"
    end_en = "so the cooperative complies" if ok else "so the cooperative does not comply"
    return (
        f"{inp.clients} cliënten op {fte_nl} fte hbo-bachelor verpleegkundige is {nl_num(shown)} cliënten per fte; "
        f"nodig is minimaal {nl_num(required)} fte (1 fte op 55 cliënten), {end_nl}.",
        f"{inp.clients} clients on {fte_en} fte hbo-bachelor nurse is {en_num(shown)} clients per fte; at least "
        f"{en_num(required)} fte is needed (1 fte per 55 clients), {end_en}.",
    )


def cooperative_staffing_check(inp: CooperativeStaffingInput) -> CooperativeStaffingOutput:
    ratio = Fraction(inp.clients) / exact(inp.hbo_bachelor_nurse_fte)
    ok = ratio <= MAX_CLIENTS_PER_FTE
    required = Fraction(inp.clients, MAX_CLIENTS_PER_FTE)
    shown = shown2(ratio, MAX_CLIENTS_PER_FTE, ok)
    verdict, verdict_en = _coop_verdicts(inp, shown, round2(required), ok)
    return CooperativeStaffingOutput(
        tool="cooperative_staffing_check",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=COOP_RULE_NL,
        rule_en=COOP_RULE_EN,
        assumptions=COOP_ASSUMPTIONS_NL,
        assumptions_en=COOP_ASSUMPTIONS_EN,
        citations=[cite("wv2027/bijlage-1/1.4", Q_COOP_EXCEPTION), cite("wv2027/bijlage-1/1.4", Q_COOP_RATIO)],
        clients_per_fte=shown,
        max_clients_per_fte=MAX_CLIENTS_PER_FTE,
        required_fte=round2(required),
        required_fte_exact=float(required),
        compliant=ok,
    )


class DementiaCaseloadInput(ToolInput):
    clients: Count = Field(description="clients of the specialised dementia case managers together")
    casemanager_fte: PositiveAmount = Field(description="fte of specialised dementia case managers, more than 0")


class DementiaCaseloadOutput(ToolResult):
    caseload_per_fte: float = Field(description="clients per fte (2 decimals)")
    norm_min: int
    norm_max: int
    within_norm: bool = Field(description="50 <= caseload <= 65 (exact comparison, both ends inclusive)")
    position: Position


def _position(caseload: Fraction) -> Position:
    if caseload < DEMENTIA_MIN:
        return "below"
    return "above" if caseload > DEMENTIA_MAX else "within"


_POSITION_TEXT = {
    "below": ("onder de norm van gemiddeld 50 tot 65", "below the norm of 50 to 65 on average"),
    "within": ("binnen de norm van gemiddeld 50 tot 65", "within the norm of 50 to 65 on average"),
    "above": ("boven de norm van gemiddeld 50 tot 65", "above the norm of 50 to 65 on average"),
}


DEMENTIA_RULE_NL = (
    "De gespecialiseerde casemanager dementie heeft gemiddeld 50 tot 65 cliënten per fte: deel het aantal cliënten "
    "door het aantal fte casemanagers."
)
DEMENTIA_RULE_EN = (
    "The specialised dementia case manager has on average 50 to 65 clients per fte: divide the clients by the case "
    "managers' fte."
)
DEMENTIA_ASSUMPTIONS_NL = [
    NO_ROUNDING_NL,
    "'Gemiddeld 50 tot 65' lezen we als 50 tot en met 65: beide grenzen voldoen.",
    "Het gemiddelde wordt berekend over alle gespecialiseerde casemanagers samen.",
]
DEMENTIA_ASSUMPTIONS_EN = [
    NO_ROUNDING_EN,
    "'Gemiddeld 50 tot 65' (on average 50 to 65) is read as 50 to 65 inclusive: both limits comply.",
    "The average is computed over all specialised case managers together.",
]


def _dementia_verdicts(inp: DementiaCaseloadInput, shown: float, position: Position) -> tuple[str, str]:
    where_nl, where_en = _POSITION_TEXT[position]
    fte_nl, fte_en = nl_short(inp.casemanager_fte), en_short(inp.casemanager_fte)
    return (
        f"{inp.clients} cliënten op {fte_nl} fte is een caseload van {nl_num(shown)} cliënten per fte: {where_nl} "
        "cliënten per fte.",
        f"{inp.clients} clients on {fte_en} fte is a caseload of {en_num(shown)} clients per fte: {where_en} clients "
        "per fte.",
    )


def dementia_caseload_check(inp: DementiaCaseloadInput) -> DementiaCaseloadOutput:
    caseload = Fraction(inp.clients) / exact(inp.casemanager_fte)
    position = _position(caseload)
    limit = DEMENTIA_MIN if position == "below" else DEMENTIA_MAX
    shown = shown2(caseload, limit, position == "within")
    verdict, verdict_en = _dementia_verdicts(inp, shown, position)
    return DementiaCaseloadOutput(
        tool="dementia_caseload_check",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=DEMENTIA_RULE_NL,
        rule_en=DEMENTIA_RULE_EN,
        assumptions=DEMENTIA_ASSUMPTIONS_NL,
        assumptions_en=DEMENTIA_ASSUMPTIONS_EN,
        citations=[cite("wv2027/bijlage-1/1.5.2", Q_DEMENTIA_HEAD), cite("wv2027/bijlage-1/1.5.2", Q_DEMENTIA)],
        caseload_per_fte=shown,
        norm_min=DEMENTIA_MIN,
        norm_max=DEMENTIA_MAX,
        within_norm=position == "within",
        position=position,
    )
