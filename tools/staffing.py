"""Staffing ratios: `cooperative_staffing_check` (Bijlage 1 §1.4) and `dementia_caseload_check` (§1.5.2).

The clients per fte, the nurse's level and the caseload range are policy parameters (`[cooperative]`,
`[dementia]`); run under an earlier policy year, the same checks use that year's clauses."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Literal

from pydantic import Field, model_validator

from assistant.domain import ToolResult
from assistant.ingest.param_types import Caseload, Ratio
from assistant.ingest.params import PolicyParams
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Amount,
    Count,
    PositiveAmount,
    ToolInput,
    bind,
    en_num,
    en_short,
    exact,
    invalid,
    nl_num,
    nl_short,
    round2,
    shown2,
)

Position = Literal["below", "within", "above"]


class CooperativeStaffingInput(ToolInput):
    """Give both to check the ratio; only `clients` for the fte needed; only the fte for the clients allowed."""

    clients: Count | None = Field(default=None, description="clients in care at the cooperative")
    hbo_bachelor_nurse_fte: PositiveAmount | None = Field(
        default=None, description="fte of hbo-bachelor (niveau 6) nurses, more than 0"
    )

    @model_validator(mode="after")
    def _something(self) -> CooperativeStaffingInput:
        if self.clients is None and self.hbo_bachelor_nurse_fte is None:
            raise invalid("clients", "required (or give hbo_bachelor_nurse_fte for the clients it allows)")
        return self


def cooperative_input_model(params: PolicyParams) -> type[CooperativeStaffingInput]:
    return bind(CooperativeStaffingInput, params)


def describe_cooperative(params: PolicyParams) -> tuple[str, str]:
    r = params.section("cooperative").ratio
    return (
        f"Toetst bij een zorgcoöperatie de verhouding van minimaal 1 fte {r.nurse_short} op "
        f"{r.max_clients_per_fte} cliënten.",
        f"Checks a care cooperative's ratio of at least 1 fte {r.nurse_short_en} per {r.max_clients_per_fte} clients.",
    )


class CooperativeStaffingOutput(ToolResult):
    clients_per_fte: float | None = Field(description="clients per fte hbo-bachelor nurse (2 decimals); null without both")
    max_clients_per_fte: int
    required_fte: float | None = Field(
        description="clients ÷ the policy's clients per fte, rounded half up to 2 decimals (the fte needed)"
    )
    required_fte_exact: float | None
    clients_allowed: int | None = Field(default=None, description="the most clients the given fte allows")
    fte_short: float | None = Field(
        default=None, description="the fte still needed on top of the given fte (0 when it is enough; 2 decimals)"
    )
    compliant: bool | None = Field(description="clients per fte <= the policy's maximum (exact); null when not checked")


COOP_RULE_NL = (
    "Binnen een zorgcoöperatie is er minimaal 1 fte {nurse} op {n} cliënten: deel het aantal cliënten door het "
    "aantal fte; dat mag hoogstens {n} zijn."
)
COOP_RULE_EN = (
    "Within a care cooperative there is at least 1 fte {nurse_en} per {n} clients: divide the clients by the fte; "
    "the result may be at most {n}."
)
COOP_ASSUMPTIONS_NL = [
    NO_ROUNDING_NL,
    "'Minimaal 1 fte op {n} cliënten' is inclusief: precies {n} cliënten per fte voldoet.",
]
COOP_ASSUMPTIONS_EN = [
    NO_ROUNDING_EN,
    "'At least 1 fte per {n} clients' is inclusive: exactly {n} clients per fte complies.",
]


def _coop_texts(r: Ratio) -> dict[str, object]:
    return {"n": r.max_clients_per_fte, "nurse": r.nurse, "nurse_en": r.nurse_en}


def fte_short(clients: int, fte: Any, n: int) -> float:
    """The fte still needed on top of `fte` for `clients` at one fte per `n`, to 2 decimals as the fte needed is
    shown (2,18 - 2 = 0,18); a shortfall never shows as 0,00 while the check fails (at least 0,01)."""
    missing = Fraction(clients, n) - exact(fte)
    return max(round2(missing), 0.01) if missing > 0 else 0.0


def _coop_verdicts(inp: CooperativeStaffingInput, r: Ratio, shown: float, required: float, ok: bool) -> tuple[str, str]:
    fte_nl, fte_en = nl_short(inp.hbo_bachelor_nurse_fte), en_short(inp.hbo_bachelor_nurse_fte)
    end_nl = "dus de coöperatie voldoet" if ok else "dus de coöperatie voldoet niet"
    end_en = "so the cooperative complies" if ok else "so the cooperative does not comply"
    n = r.max_clients_per_fte
    allowed = int(exact(inp.hbo_bachelor_nurse_fte) * n)  # over the ratio: the clients the fte would allow
    room = allowed - inp.clients  # the clients the fte still carries on top of these
    over_nl = f" (met {fte_nl} fte hoogstens {allowed} cliënten: " + (
        f"ruimte voor nog {room} cliënten)" if room > 0 else "geen ruimte voor meer cliënten)" if ok else f"{-room} te veel)"
    )
    over_en = f" ({fte_en} fte allows at most {allowed} clients: " + (
        f"room for {room} more)" if room > 0 else "no room for more)" if ok else f"{-room} too many)"
    )
    short = fte_short(inp.clients, inp.hbo_bachelor_nurse_fte, n)  # the fte still to add
    more_nl = "" if ok else f": {nl_num(short)} fte meer dan de {fte_nl} fte die u hebt"
    more_en = "" if ok else f": {en_num(short)} fte more than the {fte_en} fte you have"
    return (
        f"{inp.clients} cliënten op {fte_nl} fte {r.nurse_short} is {nl_num(shown)} cliënten per fte; "
        f"nodig is minimaal {nl_num(required)} fte (1 fte op {n} cliënten){more_nl}, {end_nl}{over_nl}.",
        f"{inp.clients} clients on {fte_en} fte {r.nurse_short_en} is {en_num(shown)} clients per fte; at least "
        f"{en_num(required)} fte is needed (1 fte per {n} clients){more_en}, {end_en}{over_en}.",
    )


def _coop_solved(inp: CooperativeStaffingInput, r: Ratio, n: int) -> tuple[str, str, dict]:
    """One of the two is missing: the fte the clients need, or the clients the fte allows."""
    if inp.hbo_bachelor_nurse_fte is None:
        required = Fraction(inp.clients or 0, n)
        return (
            f"Voor {inp.clients} cliënten is minimaal {nl_num(round2(required))} fte {r.nurse_short} nodig "
            f"(1 fte op {n} cliënten).",
            f"{inp.clients} clients need at least {en_num(round2(required))} fte {r.nurse_short_en} "
            f"(1 fte per {n} clients).",
            {"required_fte": round2(required), "required_fte_exact": float(required)},
        )
    allowed = int(exact(inp.hbo_bachelor_nurse_fte) * n)  # whole clients: never more than the ratio allows
    fte_nl, fte_en = nl_short(inp.hbo_bachelor_nurse_fte), en_short(inp.hbo_bachelor_nurse_fte)
    return (
        f"Met {fte_nl} fte {r.nurse_short} mag de coöperatie hoogstens {allowed} cliënten in zorg hebben "
        f"(1 fte op {n} cliënten).",
        f"With {fte_en} fte {r.nurse_short_en} the cooperative may have at most {allowed} clients in care "
        f"(1 fte per {n} clients).",
        {"clients_allowed": allowed, "required_fte": None, "required_fte_exact": None},
    )


def cooperative_staffing_check(inp: CooperativeStaffingInput) -> CooperativeStaffingOutput:
    coop = inp.policy().section("cooperative")
    r, n = coop.ratio, coop.ratio.max_clients_per_fte
    texts = _coop_texts(r)
    common = dict(
        tool="cooperative_staffing_check",
        rule=COOP_RULE_NL.format(**texts),
        rule_en=COOP_RULE_EN.format(**texts),
        assumptions=[a.format(**texts) for a in COOP_ASSUMPTIONS_NL],
        assumptions_en=[a.format(**texts) for a in COOP_ASSUMPTIONS_EN],
        citations=[coop.exception.cite(), r.cite()],
        max_clients_per_fte=n,
    )
    if inp.clients is None or inp.hbo_bachelor_nurse_fte is None:
        verdict, verdict_en, solved = _coop_solved(inp, r, n)
        return CooperativeStaffingOutput(
            verdict=verdict, verdict_en=verdict_en, clients_per_fte=None, compliant=None, **solved, **common
        )
    ratio = Fraction(inp.clients) / exact(inp.hbo_bachelor_nurse_fte)
    ok = ratio <= n
    required = Fraction(inp.clients, n)
    shown = shown2(ratio, n, ok)
    verdict, verdict_en = _coop_verdicts(inp, r, shown, round2(required), ok)
    return CooperativeStaffingOutput(
        verdict=verdict,
        verdict_en=verdict_en,
        clients_per_fte=shown,
        clients_allowed=int(exact(inp.hbo_bachelor_nurse_fte) * n),  # whole clients, as in the verdict
        required_fte=round2(required),
        required_fte_exact=float(required),
        fte_short=0.0 if ok else fte_short(inp.clients, inp.hbo_bachelor_nurse_fte, n),
        compliant=ok,
        **common,
    )


class DementiaCaseloadInput(ToolInput):
    """Give both to check the caseload; only the fte for the clients it may carry; only `clients` for the fte needed;
    or the caseload the provider computed (`caseload_per_fte`) to check it as given (with one of the two beside it,
    also what that fte carries or what those clients need; with both, it is refused: the two give the caseload)."""

    clients: Count | None = Field(default=None, description="clients of the specialised dementia case managers together")
    casemanager_fte: PositiveAmount | None = Field(
        default=None, description="fte of specialised dementia case managers, more than 0"
    )
    caseload_per_fte: Amount | None = Field(
        default=None, description="a caseload (clients per fte) the provider computed (instead of clients and fte)"
    )

    @model_validator(mode="after")
    def _something(self) -> DementiaCaseloadInput:
        if self.caseload_per_fte is not None:
            if self.clients is not None and self.casemanager_fte is not None:
                raise invalid("caseload_per_fte", "give the caseload or the clients and the fte, not both")
            return self
        if self.clients is None and self.casemanager_fte is None:
            raise invalid("clients", "required (or give casemanager_fte for the clients it may carry)")
        return self


def dementia_input_model(params: PolicyParams) -> type[DementiaCaseloadInput]:
    return bind(DementiaCaseloadInput, params)


def describe_dementia(params: PolicyParams) -> tuple[str, str]:
    c = params.section("dementia").caseload
    return (
        "Berekent de caseload per fte gespecialiseerde casemanager dementie en toetst die aan de norm van "
        f"gemiddeld {c.min} tot {c.max} cliënten per fte.",
        "Computes the caseload per fte of specialised dementia case managers and checks it against the norm "
        f"of {c.min} to {c.max} clients per fte on average.",
    )


class DementiaCaseloadOutput(ToolResult):
    caseload_per_fte: float | None = Field(description="clients per fte (2 decimals); null without both")
    norm_min: int
    norm_max: int
    within_norm: bool | None = Field(
        description="norm_min <= caseload <= norm_max (exact comparison, both ends inclusive); null when not checked"
    )
    position: Position | None
    clients_min: int | None = Field(default=None, description="the fewest clients the given fte should carry")
    clients_max: int | None = Field(default=None, description="the most clients the given fte may carry")
    fte_min: float | None = Field(default=None, description="the least fte the clients need (clients ÷ norm_max)")
    fte_max: float | None = Field(default=None, description="the most fte for the clients (clients ÷ norm_min)")


def _position(caseload: Fraction, c: Caseload) -> Position:
    if caseload < c.min:
        return "below"
    return "above" if caseload > c.max else "within"


def _position_text(position: Position, c: Caseload) -> tuple[str, str]:
    nl = {"below": "onder", "within": "binnen", "above": "boven"}[position]
    en = {"below": "below", "within": "within", "above": "above"}[position]
    return (
        f"{nl} de norm van gemiddeld {c.min} tot {c.max}",
        f"{en} the norm of on average {c.min} to {c.max}",
    )


DEMENTIA_RULE_NL = (
    "De gespecialiseerde casemanager dementie heeft gemiddeld {lo} tot {hi} cliënten per fte: deel het aantal "
    "cliënten door het aantal fte casemanagers."
)
DEMENTIA_RULE_EN = (
    "The specialised dementia case manager has on average {lo} to {hi} clients per fte: divide the clients by the "
    "case managers' fte."
)
DEMENTIA_ASSUMPTIONS_NL = [
    NO_ROUNDING_NL,
    "'Gemiddeld {lo} tot {hi}' lezen we als {lo} tot en met {hi}: beide grenzen voldoen.",
    "Het gemiddelde wordt berekend over alle gespecialiseerde casemanagers samen.",
]
DEMENTIA_ASSUMPTIONS_EN = [
    NO_ROUNDING_EN,
    "'Gemiddeld {lo} tot {hi}' (on average {lo} to {hi}) is read as {lo} to {hi} inclusive: both limits comply.",
    "The average is computed over all specialised case managers together.",
]


def _client_ends(fte: float, c: Caseload) -> tuple[Fraction, Fraction]:
    """The norm's ends for `fte`, exactly ("0,9 fte": 45 and 58,5 clients)."""
    return exact(fte) * c.min, exact(fte) * c.max


def _clients_range(fte: float, c: Caseload) -> tuple[int, int]:
    """The whole numbers of clients inside the norm for `fte`."""
    lo, hi = _client_ends(fte, c)
    return int(-(-lo // 1)), int(hi)


def _fte_range(clients: int, c: Caseload) -> tuple[float, float]:
    """The fte that keeps `clients` inside the norm (2 decimals)."""
    return round2(Fraction(clients, c.max)), round2(Fraction(clients, c.min))


def _dementia_verdicts(inp: DementiaCaseloadInput, c: Caseload, shown: float, position: Position) -> tuple[str, str]:
    """The caseload against the norm; outside it, also what the fte carries and what the clients need."""
    where_nl, where_en = _position_text(position, c)
    fte = inp.casemanager_fte or 0
    fte_nl, fte_en = nl_short(fte), en_short(fte)
    nl = f"{inp.clients} cliënten op {fte_nl} fte is een caseload van {nl_num(shown)} cliënten per fte: {where_nl} cliënten per fte"
    en = f"{inp.clients} clients on {fte_en} fte is a caseload of {en_num(shown)} clients per fte: {where_en} clients per fte"
    (low, high), (f_lo, f_hi) = _clients_range(fte, c), _fte_range(inp.clients or 0, c)
    if position == "within":
        nl += f" (bij {fte_nl} fte passen {low} tot {high} cliënten)"
        en += f" ({fte_en} fte fits {low} to {high} clients)"
    else:
        gap_nl, gap_en = (f" ({g})" if g else "" for g in _client_gap(inp.clients or 0, low, high))
        nl += (
            f"; bij {fte_nl} fte passen {low} tot {high} cliënten{gap_nl}, voor {inp.clients} cliënten is {nl_num(f_lo)} "
            f"tot {nl_num(f_hi)} fte nodig"
        )
        en += (
            f"; {fte_en} fte fits {low} to {high} clients{gap_en}, {inp.clients} clients need {en_num(f_lo)} to "
            f"{en_num(f_hi)} fte"
        )
    return nl + ".", en + "."


def _client_gap(clients: int, low: int, high: int) -> tuple[str, str]:
    """How many clients the fte lacks to reach the norm's bottom, or carries above its top (nothing within it)."""
    if clients < low:
        return f"nog {low - clients} cliënten nodig", f"{low - clients} more clients needed"
    if clients > high:
        return f"{clients - high} cliënten te veel", f"{clients - high} clients too many"
    return "", ""


def _dementia_solved(inp: DementiaCaseloadInput, c: Caseload) -> tuple[str, str, dict]:
    """One of the two is missing: the clients the fte may carry, or the fte the clients need."""
    if inp.clients is None:
        low, high = _clients_range(inp.casemanager_fte or 0, c)
        fte_nl, fte_en = nl_short(inp.casemanager_fte or 0), en_short(inp.casemanager_fte or 0)
        ends = _client_ends(inp.casemanager_fte or 0, c)
        whole = all(e.denominator == 1 for e in ends)  # "0,9 fte": 45 to 58,5 clients by the norm, 58 whole ones at most
        by_nl = "" if whole else f": {fte_nl} × {c.min} = {nl_short(float(ends[0]))} tot {fte_nl} × {c.max} = {nl_short(float(ends[1]))}"
        by_en = "" if whole else f": {fte_en} × {c.min} = {en_short(float(ends[0]))} to {fte_en} × {c.max} = {en_short(float(ends[1]))}"
        return (
            f"Met {fte_nl} fte hoort een caseload van {low} tot {high} cliënten (gemiddeld {c.min} tot {c.max} "
            f"cliënten per fte{by_nl}); hoogstens {high} cliënten.",
            f"{fte_en} fte should carry {low} to {high} clients ({c.min} to {c.max} clients per fte on average{by_en}); "
            f"at most {high} clients.",
            {"clients_min": low, "clients_max": high},
        )
    lo, hi = _fte_range(inp.clients, c)
    return (
        f"Voor {inp.clients} cliënten is {nl_num(lo)} tot {nl_num(hi)} fte gespecialiseerde "
        f"casemanagers dementie nodig (gemiddeld {c.min} tot {c.max} cliënten per fte); minimaal "
        f"{nl_num(lo)} fte.",
        f"{inp.clients} clients need {en_num(lo)} to {en_num(hi)} fte of specialised dementia case "
        f"managers ({c.min} to {c.max} clients per fte on average); at least {en_num(lo)} fte.",
        {"fte_min": lo, "fte_max": hi},
    )


def dementia_caseload_check(inp: DementiaCaseloadInput) -> DementiaCaseloadOutput:
    dem = inp.policy().section("dementia")
    c = dem.caseload
    texts = {"lo": c.min, "hi": c.max}
    common = dict(
        tool="dementia_caseload_check",
        rule=DEMENTIA_RULE_NL.format(**texts),
        rule_en=DEMENTIA_RULE_EN.format(**texts),
        assumptions=[a.format(**texts) for a in DEMENTIA_ASSUMPTIONS_NL],
        assumptions_en=[a.format(**texts) for a in DEMENTIA_ASSUMPTIONS_EN],
        citations=[dem.head.cite(), c.cite()],
        norm_min=c.min,
        norm_max=c.max,
    )
    if inp.caseload_per_fte is not None:  # the provider's own caseload, compared as given
        caseload = exact(inp.caseload_per_fte)
        position = _position(caseload, c)
        shown = shown2(caseload, c.min if position == "below" else c.max, position == "within")
        where_nl, where_en = _position_text(position, c)
        nl = f"Een caseload van {nl_num(shown)} cliënten per fte (uw eigen gemiddelde) is {where_nl} cliënten per fte"
        en = f"A caseload of {en_num(shown)} clients per fte (your own average) is {where_en} clients per fte"
        solved: dict = {}
        if inp.casemanager_fte is not None:  # the fte given beside it: what that fte should carry
            low, high = _clients_range(inp.casemanager_fte, c)
            fte_nl, fte_en = nl_short(inp.casemanager_fte), en_short(inp.casemanager_fte)
            now = caseload * exact(inp.casemanager_fte)  # the clients the asker has, when the two give a whole number
            gaps = _client_gap(int(now), low, high) if now.denominator == 1 else ("", "")
            gap_nl, gap_en = (f": {g}" if g else "" for g in gaps)
            nl += f" (bij {fte_nl} fte passen {low} tot {high} cliënten{gap_nl})"
            en += f" ({fte_en} fte fits {low} to {high} clients{gap_en})"
            solved = {"clients_min": low, "clients_max": high}
        elif inp.clients is not None:  # the clients given beside it: the fte they need
            lo, hi = _fte_range(inp.clients, c)
            nl += f" (voor {inp.clients} cliënten is {nl_num(lo)} tot {nl_num(hi)} fte nodig)"
            en += f" ({inp.clients} clients need {en_num(lo)} to {en_num(hi)} fte)"
            solved = {"fte_min": lo, "fte_max": hi}
        return DementiaCaseloadOutput(
            verdict=nl + ".", verdict_en=en + ".", caseload_per_fte=shown, within_norm=position == "within",
            position=position, **solved, **common,
        )  # fmt: skip
    if inp.clients is None or inp.casemanager_fte is None:
        verdict, verdict_en, solved = _dementia_solved(inp, c)
        return DementiaCaseloadOutput(
            verdict=verdict, verdict_en=verdict_en, caseload_per_fte=None, within_norm=None, position=None,
            **solved, **common,
        )  # fmt: skip
    caseload = Fraction(inp.clients) / exact(inp.casemanager_fte)
    position = _position(caseload, c)
    limit = c.min if position == "below" else c.max
    shown = shown2(caseload, limit, position == "within")
    verdict, verdict_en = _dementia_verdicts(inp, c, shown, position)
    (low, high), (f_lo, f_hi) = _clients_range(inp.casemanager_fte, c), _fte_range(inp.clients, c)
    return DementiaCaseloadOutput(
        verdict=verdict,
        verdict_en=verdict_en,
        caseload_per_fte=shown,
        within_norm=position == "within",
        position=position,
        clients_min=low,
        clients_max=high,
        fte_min=f_lo,
        fte_max=f_hi,
        **common,
    )
