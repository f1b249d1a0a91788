"""`new_provider_eligibility`: the checkable 3.2.1 conditions for a new provider's registration.

The registration window, the minimum expected revenue, the registrations per year and the postcode average are
policy parameters (`[new_provider]`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from assistant.ingest.param_types import NewProvider
from assistant.ingest.params import PolicyParams
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Amount,
    FieldSpecs,
    Flag,
    IsoDate,
    PositiveCount,
    ToolInput,
    bind,
    check_date_range,
    days_outside,
    en_date,
    en_eur,
    en_short,
    exact,
    in_year,
    invalid,
    nl_date,
    nl_eur,
    nl_short,
    shown2,
    year_range,
)

C_ONCE = "max_one_registration_per_contract_year"
C_REJECTED = "earlier_rejection_added_value_not_demonstrated"
C_IGJ = "igj_notification_or_licence"
NOT_APPLICABLE = "not_applicable"
STILL_TO_ASSESS = ["added_value", "white_spot", "integrity_investigation", "existing_provider_conditions_bijlage_1"]

_DAY = timedelta(days=1)
IgjStatus = Literal["melding_gedaan", "vergunning_aangevraagd", "toelating", "geen"]


def codes(np: NewProvider) -> dict[str, str]:
    """Criterion -> its stable code, named after the policy's values (`minimum_expected_revenue_50000`, ...)."""
    w = np.window
    return {
        "window": f"registration_window_{w.start.isoformat()}_to_{w.end.isoformat()}",
        "revenue": f"minimum_expected_revenue_{np.min_revenue_eur.value}",
        "once": C_ONCE,
        "rejected": C_REJECTED,
        "postcode": f"postcode_average_at_least_{nl_short(np.min_postcode_average.value)}",
        "igj": C_IGJ,
    }


class NewProviderInput(ToolInput):
    """Facts about a new provider's registration; give at least one. Unknown facts are listed as not checked."""

    registration_date: IsoDate | None = Field(default=None, description="date the registration arrives")
    registration_year_given: bool = Field(
        default=True, description="false when the date was said without a year (a day and a month): it is then read "
        "in the year that puts it inside (or nearest) the registration window"
    )
    expected_annual_revenue_cz_eur: Amount | None = Field(default=None, description="expected annual revenue at CZ, €")
    registrations_this_year: PositiveCount | None = Field(
        default=None, description="registrations for this contract year, including this one"
    )
    rejected_last_year_for_added_value: Flag | None = Field(
        default=None, description="rejected last year for insufficient added value"
    )
    shows_added_value_development: Flag | None = Field(
        default=None, description="the new registration shows how the added value has since been developed"
    )
    average_clients_per_postcode: Amount | None = Field(default=None, description="CZ clients per 4-digit postcode")
    mostly_in_core_area: Flag | None = Field(default=None, description="(most) care is delivered in a CZ core area")
    igj_status: IgjStatus | None = Field(
        default=None, description="IGJ: melding_gedaan, vergunning_aangevraagd, toelating or geen"
    )

    @model_validator(mode="after")
    def _check(self) -> NewProviderInput:
        w = self.policy().section("new_provider").window
        check_date_range("registration_date", self.registration_date, *year_range(w.start.year, w.end.year))
        facts = [
            name for name in type(self).model_fields
            if name not in ("shows_added_value_development", "registration_year_given")
        ]  # fmt: skip
        if all(getattr(self, name) is None for name in facts):
            raise invalid("registration_date", "give at least one fact to check (e.g. registration_date)")
        return self


def _fields(params: PolicyParams) -> FieldSpecs:
    w = params.section("new_provider").window
    return {
        "registration_date": (
            IsoDate | None,
            Field(default=None, description=f"date the registration arrives ({w.start.year}-{w.end.year})"),
        )
    }


def input_model(params: PolicyParams) -> type[NewProviderInput]:
    return bind(NewProviderInput, params, _fields)


def describe(params: PolicyParams) -> tuple[str, str]:
    np = params.section("new_provider")
    revenue, once = np.min_revenue_eur.value, nl_short(np.max_registrations.value)
    return (
        f"Toetst de controleerbare voorwaarden voor een nieuwe zorgaanbieder (inschrijvingsperiode, {nl_eur(revenue)} "
        f"omzet, {once} inschrijving per jaar, eerdere afwijzing, IGJ, postcodegemiddelde).",
        f"Checks the verifiable conditions for a new provider (registration window, {en_eur(revenue)} revenue, "
        f"{_times_en(np)} registration per year, earlier rejection, IGJ, postcode average).",
    )


def _times_en(np: NewProvider) -> str:
    n = np.max_registrations.value
    return "one" if n == 1 else en_short(n)


def _once_en(np: NewProvider) -> str:
    n = np.max_registrations.value
    return "once" if n == 1 else f"{en_short(n)} times"


class NewProviderOutput(ToolResult):
    meets_checked_criteria: bool | None = Field(description="no checked criterion fails (None: none was checked)")
    failed_criteria: list[str] = Field(description="stable codes of the criteria that fail")
    passed_criteria: list[str]
    not_applicable: list[str] = Field(description="criteria that do not apply (postcode outside the core area)")
    not_checked: list[str] = Field(description="checkable criteria for which no input was given")
    still_to_assess: list[str] = Field(description="criteria only CZ can assess (added value, white spot, ...)")
    registration_too_late: bool | None = Field(
        default=None, description="the registration date lies after the registration window (None: no date given)"
    )


def _window(inp: NewProviderInput, np: NewProvider) -> bool | None:
    d = inp.registration_date
    return None if d is None else np.window.start <= d <= np.window.end


def _revenue(inp: NewProviderInput, np: NewProvider) -> bool | None:
    rev = inp.expected_annual_revenue_cz_eur
    return None if rev is None else exact(rev) >= np.min_revenue_eur.value


def _once(inp: NewProviderInput, np: NewProvider) -> bool | None:
    n = inp.registrations_this_year
    return None if n is None else n <= np.max_registrations.value


def _rejected(inp: NewProviderInput, np: NewProvider) -> bool | None:
    if inp.rejected_last_year_for_added_value is None:
        return None
    if not inp.rejected_last_year_for_added_value:
        return True
    return None if inp.shows_added_value_development is None else inp.shows_added_value_development


def _postcode(inp: NewProviderInput, np: NewProvider) -> bool | str | None:
    if inp.mostly_in_core_area is False:
        return NOT_APPLICABLE  # the requirement only applies in CZ core areas
    avg = inp.average_clients_per_postcode
    return None if avg is None else exact(avg) >= np.min_postcode_average.value


def _igj(inp: NewProviderInput, np: NewProvider) -> bool | None:
    return None if inp.igj_status is None else inp.igj_status != "geen"


CHECKS: dict[str, Callable[[NewProviderInput, NewProvider], bool | str | None]] = {
    "window": _window,
    "revenue": _revenue,
    "once": _once,
    "rejected": _rejected,
    "postcode": _postcode,
    "igj": _igj,
}


def _quotes(np: NewProvider) -> dict[str, list[Citation]]:
    return {
        "window": [np.window.cite(), np.window_timeline.cite()],
        "revenue": [np.min_revenue_eur.cite()],
        "once": [np.max_registrations.cite()],
        "rejected": [np.rejected.cite()],
        "postcode": [np.min_postcode_average.cite()],
        "igj": [np.igj.cite()],
    }


def _text(np: NewProvider) -> dict[str, tuple[str, str]]:
    w, revenue, avg = np.window, np.min_revenue_eur.value, np.min_postcode_average.value
    return {
        "window": (
            f"inschrijven kan van {nl_date(w.start)} tot en met {nl_date(w.end)}",
            f"registration is open {en_date(w.start)} to {en_date(w.end)} inclusive",
        ),
        "revenue": (
            f"de verwachte zorgomzet bij CZ moet minimaal {nl_eur(revenue)} per jaar zijn",
            f"expected annual revenue at CZ must be at least {en_eur(revenue)}",
        ),
        "once": (
            f"u mag zich maximaal {nl_short(np.max_registrations.value)} keer per contractjaar inschrijven",
            f"you may register at most {_once_en(np)} per contract year",
        ),
        "rejected": (
            "na een afwijzing wegens onvoldoende toegevoegde waarde moet u aantonen hoe die is ontwikkeld",
            "after a rejection for insufficient added value you must show how it has been developed",
        ),
        "postcode": (
            f"in het kernwerkgebied moet u gemiddeld aan ten minste {nl_short(avg)} CZ-cliënten per postcodegebied "
            "zorg leveren",
            f"in the core area you must average at least {en_short(avg)} CZ clients per postcode area",
        ),
        "igj": (
            "een melding bij de IGJ, een aangevraagde vergunning of een toelating is nodig",
            "an IGJ notification, a licence application or an admission is required",
        ),
    }


def _yours(inp: NewProviderInput, np: NewProvider, ok: dict[str, bool | str | None]) -> dict[str, tuple[str, str]]:
    """The asker's own figure for each condition it decides ("u verwacht" and the amount), said beside the condition."""
    out: dict[str, tuple[str, str]] = {}  # (not the registration date: a term the asker claims for the window is
    # easily read as it, and the window's own dates already say the verdict)
    if inp.expected_annual_revenue_cz_eur is not None:
        rev = inp.expected_annual_revenue_cz_eur
        out["revenue"] = (f"u verwacht {nl_eur(rev)}", f"you expect {en_eur(rev)}")
    if inp.average_clients_per_postcode is not None:  # never rounded onto the threshold it fails (2,995 is 2,99)
        limit = exact(np.min_postcode_average.value)
        avg = shown2(exact(inp.average_clients_per_postcode), limit, ok.get("postcode") is True)
        out["postcode"] = (f"u heeft gemiddeld {nl_short(avg)}", f"you average {en_short(avg)}")
    return out


def _said(text: dict[str, tuple[str, str]], yours: dict[str, tuple[str, str]], key: str, lang: int) -> str:
    """A condition with the asker's figure for it in brackets, when one was given."""
    own = yours.get(key)
    return text[key][lang] + (f" ({own[lang]})" if own else "")


def _citations(np: NewProvider, failed: list[str], passed: list[str]) -> list[Citation]:
    quotes = _quotes(np)
    cites = [c for key in failed + passed for c in quotes[key]]
    cites += [q.cite() for q in (np.added_value, np.white_spot, np.integrity, np.bijlage1)]
    return cites


_MOOT = {
    "postcode": ("de postcode-eis geldt niet buiten het kernwerkgebied",
                 "the postcode requirement does not apply outside the core area"),
}  # fmt: skip


def _verdicts(
    np: NewProvider, year: int, failed: list[str], passed: list[str], moot: list[str], open_: list[str],
    yours: dict[str, tuple[str, str]],
) -> tuple[str, str]:
    text = _text(np)
    if failed:
        nl = "; ".join(_said(text, yours, c, 0) for c in failed)
        en = "; ".join(_said(text, yours, c, 1) for c in failed)
        met = [c for c in passed if c in yours]  # "halen we zowel de omzetgrens als de postcode-eis?": both said
        if met:
            nl += ". Wel voldaan: " + "; ".join(_said(text, yours, c, 0) for c in met)
            en += ". Conditions met: " + "; ".join(_said(text, yours, c, 1) for c in met)
        return (
            f"U voldoet niet aan de voorwaarden voor een nieuwe inschrijving voor {year}: {nl}.",
            f"You do not meet the conditions for a new {year} registration: {en}.",
        )
    if not passed and not moot:  # the facts given decide nothing yet (an earlier rejection): what they make the condition
        nl = "; ".join(text[c][0] for c in open_) or "geef de feiten van uw inschrijving (datum, verwachte omzet, IGJ)"
        en = "; ".join(text[c][1] for c in open_) or "give the facts of your registration (date, expected revenue, IGJ)"
        return (f"Dat hangt af van deze voorwaarde voor {year}: {nl}.", f"That depends on this condition for {year}: {en}.")
    said = [(_said(text, yours, c, 0), _said(text, yours, c, 1)) for c in passed] + [_MOOT.get(c, text[c]) for c in moot]
    nl, en = "; ".join(x[0] for x in said), "; ".join(x[1] for x in said)
    return (
        f"U voldoet aan de getoetste voorwaarden: {nl}. CZ beoordeelt daarnaast nog de toegevoegde waarde, "
        "de witte vlek, het integriteitsonderzoek en de eisen uit bijlage 1.",
        f"You meet the checked conditions: {en}. CZ also assesses added value, the white spot, the integrity "
        "investigation and the Bijlage 1 requirements.",
    )


def _texts(np: NewProvider) -> dict[str, str]:
    w, revenue = np.window, np.min_revenue_eur.value
    return {
        "start_nl": nl_date(w.start), "end_nl": nl_date(w.end), "start_en": en_date(w.start),
        "end_en": en_date(w.end), "too_late_nl": nl_date(w.end + _DAY), "too_late_en": en_date(w.end + _DAY),
        "sec": np.window_timeline.cite().section, "once": _once_en(np),
        "rev_nl": nl_eur(revenue), "rev_en": en_eur(revenue), "n": nl_short(np.max_registrations.value),
        "avg": nl_short(np.min_postcode_average.value),
    }  # fmt: skip


ASSUMPTIONS_NL = [
    NO_ROUNDING_NL,
    "Het inschrijvingsvenster is inclusief beide dagen: {start_nl} tot en met {end_nl} ({sec}); {too_late_nl} is te "
    "laat.",
    "'Minimaal {rev_nl}' is inclusief: precies {rev_nl} voldoet.",
    "registrations_this_year telt deze inschrijving mee; meer dan {n} voldoet niet.",
    "De postcode-eis (gemiddeld ten minste {avg}) geldt alleen als de zorg (grotendeels) in een kernwerkgebied wordt "
    "geleverd; is dat onbekend, dan toetsen we het opgegeven gemiddelde toch.",
    "Niet opgegeven feiten staan in 'not_checked'; 'meets_checked_criteria' zegt alleen iets over de getoetste.",
]
ASSUMPTIONS_EN = [
    NO_ROUNDING_EN,
    "The registration window includes both days: {start_en} to {end_en} inclusive ({sec}); {too_late_en} is too late.",
    "'Minimaal {rev_nl}' (at least) is inclusive: exactly {rev_en} complies.",
    "registrations_this_year includes this registration; more than {n} fails.",
    "The postcode requirement (average of at least {avg}) only applies when (most) care is in a core area; if that "
    "is unknown, the given average is still checked.",
    "Facts not given are listed in 'not_checked'; 'meets_checked_criteria' only covers the checked criteria.",
]
RULE_NL = (
    "Een nieuwe zorgaanbieder schrijft zich tussen {start_nl} en {end_nl} in (maximaal {n} keer per contractjaar), "
    "verwacht bij CZ minimaal {rev_nl} zorgomzet per jaar, heeft een melding, vergunning of toelating bij de IGJ, "
    "levert in het kernwerkgebied gemiddeld aan ten minste {avg} CZ-cliënten per postcodegebied zorg en toont na "
    "een eerdere afwijzing aan hoe de toegevoegde waarde is ontwikkeld."
)
RULE_EN = (
    "A new provider registers between {start_en} and {end_en} (at most {once} per contract year), expects at least "
    "{rev_en} annual revenue at CZ, has an IGJ notification, licence or admission, averages at least {avg} CZ "
    "clients per postcode area in the core area, and after an earlier rejection shows how its added value has "
    "been developed."
)


def _placed(day: date, np: NewProvider) -> date:
    """A day said without a year, in the year of the registration window that puts it inside the window, else
    nearest to it (a day of December for a window from December to February: the December the window opens in)."""
    days = [in_year(day, y) for y in sorted({np.window.start.year, np.window.end.year})]
    return min(days, key=lambda d: (days_outside(d, np.window.start, np.window.end), d))


def new_provider_eligibility(inp: NewProviderInput) -> NewProviderOutput:
    params = inp.policy()
    np = params.section("new_provider")
    if inp.registration_date is not None and not inp.registration_year_given:
        inp = inp.model_copy(update={"registration_date": _placed(inp.registration_date, np)})
    code = codes(np)
    results = {key: check(inp, np) for key, check in CHECKS.items()}
    failed = [k for k, ok in results.items() if ok is False]
    passed = [k for k, ok in results.items() if ok is True]
    given = {"rejected": inp.rejected_last_year_for_added_value}  # a fact given whose condition is still open
    open_ = [k for k, ok in results.items() if ok is None and given.get(k)]
    moot = [k for k, ok in results.items() if ok == NOT_APPLICABLE]  # "buiten het kernwerkgebied": no postcode eis
    verdict, verdict_en = _verdicts(np, params.year, failed, passed, moot, open_, _yours(inp, np, results))
    texts = _texts(np)
    return NewProviderOutput(
        tool="new_provider_eligibility",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL.format(**texts),
        rule_en=RULE_EN.format(**texts),
        assumptions=[a.format(**texts) for a in ASSUMPTIONS_NL],
        assumptions_en=[a.format(**texts) for a in ASSUMPTIONS_EN],
        citations=_citations(np, failed, passed),
        meets_checked_criteria=(not failed) if (failed or passed or moot) else None,
        failed_criteria=[code[k] for k in failed],
        passed_criteria=[code[k] for k in passed],
        not_checked=[code[k] for k, ok in results.items() if ok is None],
        not_applicable=[code[k] for k, ok in results.items() if ok == NOT_APPLICABLE],
        still_to_assess=STILL_TO_ASSESS,
        registration_too_late=None if inp.registration_date is None else inp.registration_date > np.window.end,
    )
