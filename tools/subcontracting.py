"""`subcontracting_check`: share of care delivered by subcontractors (Bijlage 1 §1.1/§1.2).

The maximum share per year is a policy parameter (`[subcontracting] limits`), across documents: an appendix's
ingroeimodel for the years it names, each later policy's own limit from its year on."""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Literal

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from assistant.ingest.param_types import Limit, Source
from assistant.ingest.params import PolicyParams, PolicySet
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Amount,
    FieldSpecs,
    Flag,
    PositiveAmount,
    ToolInput,
    bind,
    en_short,
    exact,
    invalid,
    nl_short,
    round2,
    shown2,
)

Share = Annotated[Amount, Field(le=100)]

CATEGORY_FIELDS = ("own_staff_hours", "subcontractor_hours", "zzp_hours", "full_subsidiary_hours")


class SubcontractingInput(ToolInput):
    """Give one form: `total_care_hours` + `subcontracted_hours`; or hours per category (own staff,
    subcontractors, zzp'ers, volle dochters), with or without `total_care_hours` (a category left out is the rest
    of the total); or `subcontracted_share_pct` and/or `own_share_pct`, with or without `full_subsidiary_share_pct` (own
    care; beside the subcontracted share the rest is own care). `total_care_hours` alone, or the own hours alone (own
    staff, volle dochters), gives the most hours that may be subcontracted."""

    total_care_hours: PositiveAmount | None = Field(default=None, description="all care hours delivered")
    subcontracted_hours: Amount | None = Field(default=None, description="hours by subcontractors incl. zzp'ers")
    own_staff_hours: Amount | None = Field(default=None, description="hours by own employees")
    subcontractor_hours: Amount | None = Field(default=None, description="hours by subcontracting organisations")
    zzp_hours: Amount | None = Field(default=None, description="hours by self-employed (zzp) nurses")
    full_subsidiary_hours: Amount | None = Field(default=None, description="hours by volle dochters (count as own)")
    subcontracted_share_pct: Share | None = Field(default=None, description="share subcontracted, 0-100")
    own_share_pct: Share | None = Field(default=None, description="share delivered by the provider itself, 0-100")
    full_subsidiary_share_pct: Share | None = Field(
        default=None, description="share delivered by volle dochters (counts as own care), 0-100"
    )
    year: int = Field(description="year the rule is for (allowed years: from the policy)")
    is_cooperative: Flag = Field(default=False, description="a zorgcoöperatie meeting Bijlage 1 §1.4")
    measure: Literal["hours", "fte"] = Field(default="hours", description="the unit the figures are in: hours or fte")

    def units(self) -> tuple[str, str]:
        """How the figures' unit is said (nl, en)."""
        return ("fte", "fte") if self.measure == "fte" else ("uur", "hours")

    @model_validator(mode="after")
    def _one_form(self) -> SubcontractingInput:
        if self._share_is_ownership():  # "de dochter, waarvan wij 100% bezitten, doet 2.000 uur"
            self.full_subsidiary_share_pct = None
        if self._subcontracted_is_a_part():  # "7.900 eigen, 6.300 zzp, 2.700 door een onderaannemer; 18.400 in totaal"
            self.subcontractor_hours, self.subcontracted_hours = self.subcontracted_hours, None
        self._share_of_hours()
        forms = [name for name, given in self._forms().items() if given]
        if forms == ["totals", "categories"] and self.subcontracted_hours is None:
            self._check_rest()
            return self
        if forms == ["totals"] and self.subcontracted_hours is None:
            return self  # the total alone: how many hours may be subcontracted
        if not forms and self.is_cooperative:
            return self  # a cooperative meeting Bijlage 1 §1.4: the maximum does not apply, no hours needed
        if forms == ["totals", "categories"] and self._breakdown():
            self._check_form("totals")  # "4.000 uur uitbesteed, waarvan 1.500 aan zzp'ers": the zzp hours are part of it
            return self
        if len(forms) != 1:
            msg = "required" if not forms else f"give one form only (got {' and '.join(forms)})"
            raise invalid(
                "total_care_hours",
                f"{msg}: total_care_hours + subcontracted_hours, hours per "
                "category, or subcontracted_share_pct/own_share_pct",
            )
        self._check_form(forms[0])
        return self

    def _share_is_ownership(self) -> bool:
        """A subsidiary's share beside its own hours, or 100% beside other figures: how much of it the provider
        owns, not a share of the care."""
        share = self.full_subsidiary_share_pct
        if share is None:
            return False
        others = [self.total_care_hours, self.subcontracted_hours, self.subcontracted_share_pct, self.own_share_pct,
                  *(getattr(self, f) for f in CATEGORY_FIELDS)]  # fmt: skip
        return self.full_subsidiary_hours is not None or (exact(share) == 100 and any(o is not None for o in others))

    def _share_of_hours(self) -> None:
        """A share said beside the one figure of hours it is a share of ("100% zelf, 6.000 uur in totaal", "we do 60%
        ourselves: 3,000 hours of own staff"): the share made into hours of that figure (one form, the same verdict)."""
        if self.full_subsidiary_share_pct is not None:
            self._subsidiary_share_of_total()
            return
        if self.subcontracted_share_pct is None and self.own_share_pct is None:
            return
        if self.subcontracted_hours is not None or self.subcontractor_hours is not None or self.zzp_hours is not None:
            return
        sub = exact(self.subcontracted_share_pct) if self.subcontracted_share_pct is not None else 100 - exact(self.own_share_pct or 0)
        if self.subcontracted_share_pct is not None and self.own_share_pct is not None and sub + exact(self.own_share_pct) != 100:
            return  # shares that do not add up: said as they are
        own = [getattr(self, f) for f in ("own_staff_hours", "full_subsidiary_hours") if getattr(self, f) is not None]
        if self.total_care_hours is not None and not own:
            self.subcontracted_hours = float(exact(self.total_care_hours) * sub / 100)
        elif self.total_care_hours is None and own and sub < 100:
            self.total_care_hours = float(sum(exact(h) for h in own) * 100 / (100 - sub))
        else:
            return
        self.subcontracted_share_pct = self.own_share_pct = None

    def _subsidiary_share_of_total(self) -> None:
        """A subsidiary's share and the subcontracted share beside the total hours ("10.000 uur; de volle dochter
        doet 30%, zzp'ers 20%"): both made into hours of the total, the rest being the own staff's."""
        hours = [self.subcontracted_hours, *(getattr(self, f) for f in CATEGORY_FIELDS)]
        if self.total_care_hours is None or self.subcontracted_share_pct is None or self.own_share_pct is not None:
            return
        if any(h is not None for h in hours):
            return
        total = exact(self.total_care_hours)
        self.full_subsidiary_hours = float(total * exact(self.full_subsidiary_share_pct or 0) / 100)
        self.subcontractor_hours = float(total * exact(self.subcontracted_share_pct) / 100)
        self.full_subsidiary_share_pct = self.subcontracted_share_pct = None

    def _forms(self) -> dict[str, bool]:
        return {
            "totals": self.total_care_hours is not None or self.subcontracted_hours is not None,
            "categories": any(getattr(self, f) is not None for f in CATEGORY_FIELDS),
            "shares": self._given_shares(),
        }

    def _shares(self) -> tuple[Amount | None, Amount | None, Amount | None]:
        return self.subcontracted_share_pct, self.own_share_pct, self.full_subsidiary_share_pct

    def _given_shares(self) -> bool:
        return any(s is not None for s in self._shares())

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
        elif form == "shares":
            self._check_shares()

    def _check_shares(self) -> None:
        """The shares are parts of all care: together at most 100%; the subcontracted and the own share, given both,
        make 100% with the subsidiary's, if any."""
        sub, own, daughter = (exact(s) if s is not None else None for s in self._shares())
        if sub is None and own is None:
            raise invalid("subcontracted_share_pct", "required beside full_subsidiary_share_pct")
        if sub is not None and own is not None and sub + own + (daughter or 0) != 100:
            raise invalid("own_share_pct", "own_share_pct + subcontracted_share_pct must add up to 100")
        if sum(s for s in (sub, own, daughter) if s is not None) > 100:
            raise invalid("full_subsidiary_share_pct", "the shares together must be at most 100")

    def _subcontracted_is_a_part(self) -> bool:
        """Subcontracted hours given beside the zzp hours and the own hours, where all of them together make the
        total (or no total is given): they are the hours of the subcontracting organisations, one part among the
        others."""
        if None in (self.subcontracted_hours, self.zzp_hours) or self.subcontractor_hours is not None:
            return False
        if self.own_staff_hours is None and self.full_subsidiary_hours is None:
            return False
        if self.total_care_hours is None:  # "own staff 800, a subcontractor 300, zzp'ers 200": three parts
            return True
        parts = sum(exact(getattr(self, f) or 0) for f in CATEGORY_FIELDS) + exact(self.subcontracted_hours or 0)
        return parts == exact(self.total_care_hours or 0)

    def _breakdown(self) -> bool:
        """Total and subcontracted hours, with zzp or subcontractor hours that fit inside the subcontracted ones."""
        if self.total_care_hours is None or self.subcontracted_hours is None:
            return False
        if self.own_staff_hours is not None or self.full_subsidiary_hours is not None:
            return False
        return exact(self.zzp_hours or 0) + exact(self.subcontractor_hours or 0) <= exact(self.subcontracted_hours)

    def _check_rest(self) -> None:
        given = sum(exact(getattr(self, f) or 0) for f in CATEGORY_FIELDS)
        if given > exact(self.total_care_hours or 0):
            raise invalid(
                "total_care_hours",
                f"must be at least the hours per category together ({float(given):g}) (got {self.total_care_hours})",
            )

    def total_hours(self) -> Fraction | None:
        """All care hours, when the question gives hours: the total, or the parties' hours together."""
        if self.total_care_hours is not None:
            return exact(self.total_care_hours)
        if self._given_shares():
            return None
        given = [getattr(self, f) for f in CATEGORY_FIELDS if getattr(self, f) is not None]
        return sum((exact(h) for h in given), Fraction(0)) if given else None

    def solving(self) -> bool:
        """Only the total, or only the own hours (own staff, volle dochters): the most hours that may be
        subcontracted."""
        if self.subcontracted_hours is not None or self._given_shares():
            return False
        if self.total_care_hours is not None:
            return not any(getattr(self, f) is not None for f in CATEGORY_FIELDS)
        if self.is_cooperative and not any(getattr(self, f) is not None for f in CATEGORY_FIELDS):
            return True  # no figures: what a cooperative may subcontract (no maximum)
        return self.subcontractor_hours is None and self.zzp_hours is None and (
            self.own_staff_hours is not None or self.full_subsidiary_hours is not None
        )

    def subcontracted_pct(self) -> Fraction:
        if self.subcontracted_share_pct is not None:
            return exact(self.subcontracted_share_pct)
        if self.own_share_pct is not None:  # beside a subsidiary's share, the own staff's: the rest is subcontracted
            return 100 - exact(self.own_share_pct) - exact(self.full_subsidiary_share_pct or 0)
        hours = {f: exact(getattr(self, f) or 0) for f in CATEGORY_FIELDS}
        if self.total_care_hours is not None and self.subcontracted_hours is None:  # a category is the rest
            total = exact(self.total_care_hours)
            outside = hours["subcontractor_hours"] + hours["zzp_hours"]
            given_outside = self.subcontractor_hours is not None or self.zzp_hours is not None
            # the category left out is the rest: with the outside hours given and no own staff hours, the own staff
            # make up the rest ("5.000 uur zzp, 2.000 uur volle dochter, de rest eigen personeel")
            given_own = self.own_staff_hours is not None or (self.full_subsidiary_hours is not None and not given_outside)
            if given_own and not (given_outside and self._complete(total, hours)):
                outside = total - hours["own_staff_hours"] - hours["full_subsidiary_hours"]
            return outside * 100 / total
        if self.total_care_hours is not None:
            return exact(self.subcontracted_hours or 0) * 100 / exact(self.total_care_hours)
        return (hours["subcontractor_hours"] + hours["zzp_hours"]) * 100 / sum(hours.values())

    @staticmethod
    def _complete(total: Fraction, hours: dict[str, Fraction]) -> bool:
        return sum(hours.values()) == total


def _fields(params: PolicyParams) -> FieldSpecs:
    years = tuple(range(min(params.policy_set.subcontracting_limits()), max(params.policy_set.years) + 1))
    return {"year": (Literal[years], Field(default=params.year, description="year the rule is for"))}  # type: ignore[valid-type]


def input_model(params: PolicyParams) -> type[SubcontractingInput]:
    return bind(SubcontractingInput, params, _fields)


def describe(params: PolicyParams) -> tuple[str, str]:
    shown = _shown(params.policy_set.subcontracting_limits())
    last = shown[-1][0]
    nl = ", ".join(f"{'vanaf ' if y == last else ''}{y}: {lim.max_pct}%" for y, (lim, _) in shown)
    en = ", ".join(f"{'from ' if y == last else ''}{y}: {lim.max_pct}%" for y, (lim, _) in shown)
    return (
        "Berekent het aandeel zorg in onderaanneming (zzp'ers tellen mee, volle dochters niet) en toetst het "
        f"aan het maximum voor het jaar ({nl}).",
        "Computes the share of subcontracted care (zzp'ers count, wholly owned subsidiaries do not) and checks "
        f"it against the year's maximum ({en}).",
    )


def _shown(limits: dict[int, tuple[Limit, PolicyParams]]) -> list[tuple[int, tuple[Limit, PolicyParams]]]:
    """The limits as a schedule: a limit equal to the one before it is not a change."""
    out, before = [], None
    for year, item in limits.items():
        if item[0].max_pct != before:
            out.append((year, item))
        before = item[0].max_pct
    return out


class Rule:
    """The subcontracting rule for a year: the limit in force and the document that governs the year."""

    def __init__(self, policy_set: PolicySet, year: int, running: PolicyParams) -> None:
        limits = policy_set.subcontracting_limits()
        self.limit, self.limit_doc = limits[max(y for y in limits if y <= year)]
        later = [y for y in limits if y > year]
        self.stated = year in limits  # the year has its own row; otherwise the limit carries on from before
        # the document for the year: its own row's, else the next rule's (the policy that follows), else the limit's
        self.doc = limits[year][1] if self.stated else (limits[min(later)][1] if later else self.limit_doc)
        self.next = None if self.stated or not later else limits[min(later)]
        self.running = running

    def quote(self, name: str, fallback: bool = False) -> Source | None:
        """A quote from the governing document; with `fallback`, from the document the calculator runs under."""
        own = getattr(self.doc.subcontracting, name, None) if self.doc.subcontracting else None
        if own is None and fallback and self.running.subcontracting:
            return getattr(self.running.subcontracting, name, None)
        return own


class SubcontractingOutput(ToolResult):
    own_share_pct: float | None = Field(description="share delivered by the provider itself (incl. volle dochters), %")
    subcontracted_share_pct: float | None = Field(description="share delivered by subcontractors (incl. zzp'ers), %")
    max_allowed_pct: int = Field(description="maximum subcontracted share for the year, %")
    min_own_pct: int
    requirement_applies: bool = Field(description="false for a zorgcoöperatie meeting Bijlage 1 §1.4")
    within_limit: bool | None = Field(description="subcontracted share <= maximum (exact comparison); null unchecked")
    compliant: bool | None = Field(description="within the limit, or the requirement does not apply")
    max_subcontracted_hours: float | None = Field(
        default=None,
        description="with the total or the own hours known: the most hours (or fte) that may be subcontracted",
    )
    room_hours: float | None = Field(
        default=None,
        description="with the hours known: hours that may still be subcontracted (negative: hours over the maximum)",
    )


def _citations(inp: SubcontractingInput, rule: Rule) -> list[Citation]:
    cites: list[Citation] = []
    for limit, doc in [(rule.limit, rule.limit_doc)] + ([rule.next] if rule.next else []):
        intro = doc.subcontracting.schedule_intro if doc.subcontracting else None
        cites += ([intro.cite()] if intro else []) + [limit.cite()] + [q.cite() for q in limit.also]
    cites += [q.cite() for q in (rule.quote("zzp"), rule.quote("daughters"), rule.quote("not_reported")) if q]
    if inp.is_cooperative:
        coop = rule.quote("cooperative_exception", fallback=True)
        cites += [coop.cite()] if coop else []
    else:
        consequence = rule.quote("consequence")
        cites += [consequence.cite()] if consequence else []
    return cites


def _verdicts(inp: SubcontractingInput, sub: float, own: float, limit: int, ok: bool) -> tuple[str, str]:
    head_nl = f"{nl_short(sub)}% van de zorg gaat via onderaannemers (zzp'ers meegeteld) en {nl_short(own)}% levert u zelf"
    head_en = f"{en_short(sub)}% of the care is subcontracted (zzp'ers included) and you deliver {en_short(own)}% yourself"
    if inp.full_subsidiary_hours or inp.full_subsidiary_share_pct:  # the part the asker may have counted the other way
        head_nl += " (de volle dochter telt als eigen zorg, niet als onderaannemer)"
        head_en += " (the wholly owned subsidiary counts as own care, not as a subcontractor)"
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


def _assumptions(inp: SubcontractingInput, policy_set: PolicySet) -> tuple[list[str], list[str]]:
    params = inp.policy()
    own = Rule(policy_set, params.year, params).limit.max_pct  # the policy year's own limit
    history_nl, history_en = _history(policy_set, params)
    nl = [
        NO_ROUNDING_NL,
        f"'Maximaal {own}%' is inclusief: precies {own}% onderaanneming voldoet.",
        "Zzp'ers die als zzp'er zijn ingehuurd tellen als onderaannemer; uren van 'volle dochters' tellen als eigen zorg.",
        *history_nl,
        "Een zorgcoöperatie is alleen uitgezonderd als zij aantoonbaar aan bijlage 1 §1.4 voldoet (zie "
        "cooperative_staffing_check); dat wordt hier aangenomen als is_cooperative waar is.",
    ]
    en = [
        NO_ROUNDING_EN,
        f"'Maximaal {own}%' (at most) is inclusive: exactly {own}% subcontracting complies.",
        "Zzp'ers hired as zzp'er count as subcontractors; hours of 'volle dochters' (wholly owned subsidiaries) count "
        "as own care.",
        *history_en,
        "A cooperative is only exempt if it demonstrably meets Bijlage 1 §1.4 (see cooperative_staffing_check); that is "
        "assumed here when is_cooperative is true.",
    ]
    return nl, en


def _history(policy_set: PolicySet, params: PolicyParams) -> tuple[list[str], list[str]]:
    """How the earlier years are read: each named schedule, and each gap between the documents' years."""
    limits = policy_set.subcontracting_limits()
    nl, en = [], []
    for doc in policy_set.documents:
        sub = doc.subcontracting
        rows = [(y, lim) for y, (lim, d) in limits.items() if d is doc]
        if not sub or not sub.schedule_name or len(rows) < 2 or doc.year >= params.year:
            continue
        pcts = ", ".join(f"{lim.max_pct}%" for _, lim in rows)
        span = f"{rows[0][0]}-{rows[-1][0]}"
        gap = [y for y in range(rows[-1][0] + 1, params.year + 1) if y not in limits]
        if not gap:
            nl.append(f"{span} volgen {sub.schedule_name} (maximaal {pcts}).")
            en.append(f"{span} follow {sub.schedule_name_en} (at most {pcts}).")
            continue
        after = min(y for y in limits if y > gap[-1])
        years_nl = " en ".join(str(y) for y in gap) if len(gap) <= 2 else f"{gap[0]}-{gap[-1]}"
        years_en = " and ".join(str(y) for y in gap) if len(gap) <= 2 else f"{gap[0]}-{gap[-1]}"
        last, carried = rows[-1][0], rows[-1][1].max_pct
        same = limits[after][0].max_pct == carried
        nl.append(
            f"{span} volgen {sub.schedule_name} (maximaal {pcts}). De teksten noemen {years_nl} niet apart: we "
            f"nemen aan dat de {carried}% vanaf {last} is blijven gelden"
            + (f", gelijk aan de eis voor {after}." if same else f"; vanaf {after} geldt {limits[after][0].max_pct}%.")
        )
        en.append(
            f"{span} follow {sub.schedule_name_en} (at most {pcts}). The texts do not mention {years_en} separately: "
            f"we assume the {carried}% from {last} onward continued"
            + (f", equal to the {after} requirement." if same else f"; from {after} it is {limits[after][0].max_pct}%.")
        )
    return nl, en


def _rules(year: int, limit: int) -> tuple[str, str]:
    return (
        f"In {year} levert de zorgaanbieder ten minste {100 - limit}% van de zorg zelf en zet hij voor maximaal "
        f"{limit}% onderaannemers in (zzp'ers tellen als onderaannemer, volle dochters niet); alleen zorgcoöperaties "
        "die aan bijlage 1 §1.4 voldoen zijn uitgezonderd.",
        f"In {year} the provider delivers at least {100 - limit}% of the care itself and subcontracts at most {limit}% "
        "(zzp'ers count as subcontractors, volle dochters do not); only cooperatives meeting Bijlage 1 §1.4 are "
        "exempt.",
    )


def _most_hours(inp: SubcontractingInput, limit: int) -> tuple[str, str, float | None]:
    """The most that may be subcontracted: of the total, or beside the own hours (which stay at least the rest);
    a cooperative meeting Bijlage 1 §1.4 has no maximum."""
    u_nl, u_en = inp.units()
    if inp.is_cooperative:
        return (
            f"Als zorgcoöperatie die aantoonbaar aan bijlage 1 §1.4 voldoet, geldt het maximum van {limit}% "
            "onderaanneming niet.",
            f"As a cooperative demonstrably meeting Bijlage 1 §1.4, the {limit}% subcontracting maximum does not apply.",
            None,
        )
    if inp.total_care_hours is None:  # the own hours: they must stay at least the rest of the whole
        own = exact(inp.own_staff_hours or 0) + exact(inp.full_subsidiary_hours or 0)
        most = round2(own * limit / (100 - limit)) if limit < 100 else float("inf")
        return (
            f"Naast {nl_short(own)} {u_nl} eigen zorg mag in {inp.year} hoogstens {nl_short(most)} {u_nl} door "
            f"onderaannemers (zzp'ers meegeteld) worden geleverd: dan gaat {limit}% van de zorg via onderaannemers en "
            f"levert u {100 - limit}% zelf.",
            f"Beside {en_short(own)} {u_en} of own care at most {en_short(most)} {u_en} may be delivered by "
            f"subcontractors (zzp'ers included) in {inp.year}: then {limit}% of the care is subcontracted and you "
            f"deliver {100 - limit}% yourself.",
            most,
        )
    most = round2(exact(inp.total_care_hours or 0) * limit / 100)
    total_nl, total_en = nl_short(inp.total_care_hours or 0), en_short(inp.total_care_hours or 0)
    return (
        f"Van {total_nl} {u_nl} zorg mag in {inp.year} hoogstens {nl_short(most)} {u_nl} ({limit}%) door onderaannemers "
        "(zzp'ers meegeteld) worden geleverd; de rest levert u zelf.",
        f"Of {total_en} {u_en} of care at most {en_short(most)} {u_en} ({limit}%) may be delivered by subcontractors "
        f"(zzp'ers included) in {inp.year}; you deliver the rest yourself.",
        most,
    )


def subcontracting_check(inp: SubcontractingInput) -> SubcontractingOutput:
    params = inp.policy()
    governing = Rule(params.policy_set, inp.year, params)
    if inp.solving():
        limit = governing.limit.max_pct
        verdict, verdict_en, most = _most_hours(inp, limit)
        rule, rule_en = _rules(inp.year, limit)
        assumptions, assumptions_en = _assumptions(inp, params.policy_set)
        return SubcontractingOutput(
            tool="subcontracting_check", verdict=verdict, verdict_en=verdict_en, rule=rule, rule_en=rule_en,
            assumptions=assumptions, assumptions_en=assumptions_en, citations=_citations(inp, governing),
            own_share_pct=None, subcontracted_share_pct=None, max_allowed_pct=limit, min_own_pct=100 - limit,
            requirement_applies=not inp.is_cooperative, within_limit=None, compliant=None,
            max_subcontracted_hours=most,
        )  # fmt: skip
    sub_pct = inp.subcontracted_pct()
    limit = governing.limit.max_pct
    within = sub_pct <= limit
    sub = shown2(sub_pct, limit, within)
    own = shown2(100 - sub_pct, 100 - limit, within)
    verdict, verdict_en = _verdicts(inp, sub, own, limit, within)
    total = inp.total_hours()
    most = room = None
    if total is not None and not inp.is_cooperative:  # in hours: the most there may be and what is left of it
        most, room = round2(total * limit / 100), round2(total * (limit - sub_pct) / 100)
        sub_hours = round2(total * sub_pct / 100)  # the hours the asker subcontracts, beside the most there may be
        verdict, verdict_en = _with_room(verdict, verdict_en, total, sub_hours, most, room, inp.units())
    rule, rule_en = _rules(inp.year, limit)
    return SubcontractingOutput(
        tool="subcontracting_check",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=rule,
        rule_en=rule_en,
        assumptions=_assumptions(inp, params.policy_set)[0],
        assumptions_en=_assumptions(inp, params.policy_set)[1],
        citations=_citations(inp, governing),
        own_share_pct=own,
        subcontracted_share_pct=sub,
        max_allowed_pct=limit,
        min_own_pct=100 - limit,
        requirement_applies=not inp.is_cooperative,
        within_limit=within,
        compliant=within or inp.is_cooperative,
        max_subcontracted_hours=most,
        room_hours=room,
    )


def _with_room(
    verdict: str, verdict_en: str, total: Fraction, sub: float, most: float, room: float, units: tuple[str, str]
) -> tuple[str, str]:
    """The verdict with the figures in their unit (hours or fte): the most of the total that may be subcontracted, and
    what is left or too many."""
    u_nl, u_en = units
    if room == 0:  # exactly on the maximum
        nl, en = "precies het maximum, geen ruimte meer", "exactly the maximum, nothing to spare"
    elif room > 0:
        nl = f"nog {nl_short(room)} {u_nl} ruimte"
        en = f"{en_short(room)} {u_en} still to spare"
    else:
        nl = f"{nl_short(-room)} {u_nl} te veel"
        en = f"{en_short(-room)} {u_en} too many"
    return (
        f"{verdict.rstrip('.')} (van {nl_short(total)} {u_nl} gaan er {nl_short(sub)} {u_nl} via onderaannemers en mogen "
        f"er hoogstens {nl_short(most)} {u_nl}: {nl}).",
        f"{verdict_en.rstrip('.')} (of {en_short(total)} {u_en}, {en_short(sub)} {u_en} are subcontracted and at most "
        f"{en_short(most)} {u_en} may be: {en}).",
    )
