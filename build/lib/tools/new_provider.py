"""`new_provider_eligibility`: the checkable 3.2.1 conditions for a new provider's 2027 registration."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from assistant.domain import Citation, ToolResult
from tools._base import (
    NO_ROUNDING_EN,
    NO_ROUNDING_NL,
    Amount,
    Flag,
    IsoDate,
    PositiveCount,
    ToolInput,
    check_date_range,
    exact,
    invalid,
)
from tools._citations import cite

WINDOW_START = date(2026, 12, 1)
WINDOW_END = date(2027, 2, 28)  # inclusive: 4.1 says "1 december 2026 tot en met 28 februari 2027"
MIN_REVENUE_EUR = 50_000
MIN_POSTCODE_AVERAGE = 3

C_WINDOW = "registration_window_2026-12-01_to_2027-02-28"
C_REVENUE = "minimum_expected_revenue_50000"
C_ONCE = "max_one_registration_per_contract_year"
C_REJECTED = "earlier_rejection_added_value_not_demonstrated"
C_POSTCODE = "postcode_average_at_least_3"
C_IGJ = "igj_notification_or_licence"

Q_WINDOW = (
    "Nieuwe zorgaanbieders kunnen zich tussen 1 december 2026 en 28 februari 2027 inschrijven voor een overeenkomst "
    "wijkverpleging 2027. Inschrijvingen die later binnenkomen, nemen we niet in behandeling."
)
Q_WINDOW_41 = "Inschrijving nieuwe zorgaanbieders 2027 1 december 2026 tot en met 28 februari 2027"
Q_ONCE = "Een nieuwe zorgaanbieder mag zich maximaal 1 keer per contractjaar inschrijven."
Q_REVENUE = (
    "De nieuwe zorgaanbieder heeft bij CZ groep een onderbouwde verwachte zorgomzet van minimaal € 50.000 op "
    "jaarbasis, verdeeld over voldoende cliënten."
)
Q_REJECTED = (
    "We nemen geen inschrijvingen in behandeling van zorgaanbieders die in het voorgaande jaar een afwijzing hebben "
    "gekregen vanwege onvoldoende toegevoegde waarde en die zich opnieuw inschrijven zonder dat ze in de inschrijving "
    "aantonen hoe zij deze toegevoegde waarde inmiddels hebben ontwikkeld."
)
Q_IGJ = (
    "De (geheel) nieuwe zorgaanbieder heeft een melding bij de Inspectie Gezondheidszorg en Jeugd (IGJ) gedaan, "
    "heeft een vergunning aangevraagd als nieuwe zorgaanbieder of beschikt al over een toelating."
)
Q_POSTCODE = (
    "Als de nieuwe zorgaanbieder (het merendeel van) de zorg levert in een van de kernwerkgebieden van CZ groep, "
    "kan hij aantonen dat hij daar gemiddeld aan ten minste 3 CZ-cliënten per 4-cijferig postcodegebied zorg levert."
)
Q_ADDED_VALUE = (
    "De nieuwe zorgaanbieder heeft een toegevoegde waarde, bijvoorbeeld in de vorm van innovatieve zorgconcepten of "
    "een zorgaanbod dat vernieuwend en onderscheidend is ten opzichte van het bestaande zorgaanbod in de regio."
)
Q_WHITE_SPOT = "De zorgaanbieder geeft invulling aan een witte vlek die wij geconstateerd hebben."
Q_INTEGRITY = "Een integriteitsonderzoek is onderdeel van de beoordelingsprocedure. Dit onderzoek mag geen beletselen"
Q_BIJLAGE1 = "De nieuwe zorgaanbieder voldoet aan de voorwaarden die worden gesteld aan bestaande zorgaanbieders"

NOT_APPLICABLE = "not_applicable"
STILL_TO_ASSESS = ["added_value", "white_spot", "integrity_investigation", "existing_provider_conditions_bijlage_1"]

IgjStatus = Literal["melding_gedaan", "vergunning_aangevraagd", "toelating", "geen"]


class NewProviderInput(ToolInput):
    """Facts about a new provider's registration; give at least one. Unknown facts are listed as not checked."""

    registration_date: IsoDate | None = Field(default=None, description="date the registration arrives (2026-2027)")
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
        check_date_range("registration_date", self.registration_date, date(2026, 1, 1), date(2027, 12, 31))
        facts = [name for name in type(self).model_fields if name != "shows_added_value_development"]
        if all(getattr(self, name) is None for name in facts):
            raise invalid("registration_date", "give at least one fact to check (e.g. registration_date)")
        return self


class NewProviderOutput(ToolResult):
    meets_checked_criteria: bool
    failed_criteria: list[str] = Field(description="stable codes of the criteria that fail")
    passed_criteria: list[str]
    not_applicable: list[str] = Field(description="criteria that do not apply (postcode outside the core area)")
    not_checked: list[str] = Field(description="checkable criteria for which no input was given")
    still_to_assess: list[str] = Field(description="criteria only CZ can assess (added value, white spot, ...)")


def _window(inp: NewProviderInput) -> bool | None:
    d = inp.registration_date
    return None if d is None else WINDOW_START <= d <= WINDOW_END


def _revenue(inp: NewProviderInput) -> bool | None:
    rev = inp.expected_annual_revenue_cz_eur
    return None if rev is None else exact(rev) >= MIN_REVENUE_EUR


def _once(inp: NewProviderInput) -> bool | None:
    n = inp.registrations_this_year
    return None if n is None else n <= 1


def _rejected(inp: NewProviderInput) -> bool | None:
    if inp.rejected_last_year_for_added_value is None:
        return None
    if not inp.rejected_last_year_for_added_value:
        return True
    return None if inp.shows_added_value_development is None else inp.shows_added_value_development


def _postcode(inp: NewProviderInput) -> bool | str | None:
    if inp.mostly_in_core_area is False:
        return NOT_APPLICABLE  # the requirement only applies in CZ core areas
    avg = inp.average_clients_per_postcode
    return None if avg is None else exact(avg) >= MIN_POSTCODE_AVERAGE


def _igj(inp: NewProviderInput) -> bool | None:
    return None if inp.igj_status is None else inp.igj_status != "geen"


CHECKS = {C_WINDOW: _window, C_REVENUE: _revenue, C_ONCE: _once, C_REJECTED: _rejected, C_POSTCODE: _postcode}
CHECKS[C_IGJ] = _igj
QUOTES = {
    C_WINDOW: [("wv2027/3.2.1", Q_WINDOW), ("wv2027/4.1", Q_WINDOW_41)],
    C_REVENUE: [("wv2027/3.2.1", Q_REVENUE)],
    C_ONCE: [("wv2027/3.2.1", Q_ONCE)],
    C_REJECTED: [("wv2027/3.2.1", Q_REJECTED)],
    C_POSTCODE: [("wv2027/3.2.1", Q_POSTCODE)],
    C_IGJ: [("wv2027/3.2.1", Q_IGJ)],
}
TEXT = {
    C_WINDOW: (
        "inschrijven kan van 1 december 2026 tot en met 28 februari 2027",
        "registration is open 1 December 2026 to 28 February 2027 inclusive",
    ),
    C_REVENUE: (
        "de verwachte zorgomzet bij CZ moet minimaal € 50.000 per jaar zijn",
        "expected annual revenue at CZ must be at least €50,000",
    ),
    C_ONCE: (
        "u mag zich maximaal 1 keer per contractjaar inschrijven",
        "you may register at most once per contract year",
    ),
    C_REJECTED: (
        "na een afwijzing wegens onvoldoende toegevoegde waarde moet u aantonen hoe die is ontwikkeld",
        "after a rejection for insufficient added value you must show how it has been developed",
    ),
    C_POSTCODE: (
        "in het kernwerkgebied moet u gemiddeld aan ten minste 3 CZ-cliënten per postcodegebied zorg leveren",
        "in the core area you must average at least 3 CZ clients per postcode area",
    ),
    C_IGJ: (
        "een melding bij de IGJ, een aangevraagde vergunning of een toelating is nodig",
        "an IGJ notification, a licence application or an admission is required",
    ),
}


def _citations(failed: list[str], passed: list[str]) -> list[Citation]:
    cites = [cite(cid, q) for code in failed + passed for cid, q in QUOTES[code]]
    cites += [cite("wv2027/3.2.1", q) for q in (Q_ADDED_VALUE, Q_WHITE_SPOT, Q_INTEGRITY, Q_BIJLAGE1)]
    return cites


def _verdicts(failed: list[str], checked: int) -> tuple[str, str]:
    if failed:
        nl = "; ".join(TEXT[c][0] for c in failed)
        en = "; ".join(TEXT[c][1] for c in failed)
        return (
            f"U voldoet niet aan de voorwaarden voor een nieuwe inschrijving voor 2027: {nl}.",
            f"You do not meet the conditions for a new 2027 registration: {en}.",
        )
    return (
        f"U voldoet aan de {checked} getoetste voorwaarde(n); CZ beoordeelt daarnaast nog de toegevoegde waarde, "
        "de witte vlek, het integriteitsonderzoek en de eisen uit bijlage 1.",
        f"You meet the {checked} checked condition(s); CZ also assesses added value, the white spot, the integrity "
        "investigation and the Bijlage 1 requirements.",
    )


ASSUMPTIONS_NL = [
    NO_ROUNDING_NL,
    "Het inschrijvingsvenster is inclusief beide dagen: 1 december 2026 tot en met 28 februari 2027 (4.1); "
    "1 maart 2027 is te laat.",
    "'Minimaal € 50.000' is inclusief: precies € 50.000 voldoet.",
    "registrations_this_year telt deze inschrijving mee; meer dan 1 voldoet niet.",
    "De postcode-eis (gemiddeld ten minste 3) geldt alleen als de zorg (grotendeels) in een kernwerkgebied wordt "
    "geleverd; is dat onbekend, dan toetsen we het opgegeven gemiddelde toch.",
    "Niet opgegeven feiten staan in 'not_checked'; 'meets_checked_criteria' zegt alleen iets over de getoetste.",
]
ASSUMPTIONS_EN = [
    NO_ROUNDING_EN,
    "The registration window includes both days: 1 December 2026 to 28 February 2027 inclusive (4.1); 1 March 2027 "
    "is too late.",
    "'Minimaal € 50.000' (at least) is inclusive: exactly €50,000 complies.",
    "registrations_this_year includes this registration; more than 1 fails.",
    "The postcode requirement (average of at least 3) only applies when (most) care is in a core area; if that is "
    "unknown, the given average is still checked.",
    "Facts not given are listed in 'not_checked'; 'meets_checked_criteria' only covers the checked criteria.",
]


RULE_NL = (
    "Een nieuwe zorgaanbieder schrijft zich tussen 1 december 2026 en 28 februari 2027 in (maximaal 1 keer "
    "per contractjaar), verwacht bij CZ minimaal € 50.000 zorgomzet per jaar, heeft een melding, vergunning of "
    "toelating bij de IGJ, levert in het kernwerkgebied gemiddeld aan ten minste 3 CZ-cliënten per postcodegebied "
    "zorg en toont na een eerdere afwijzing aan hoe de toegevoegde waarde is ontwikkeld."
)
RULE_EN = (
    "A new provider registers between 1 December 2026 and 28 February 2027 (at most once per contract "
    "year), expects at least €50,000 annual revenue at CZ, has an IGJ notification, licence or admission, "
    "averages at least 3 CZ clients per postcode area in the core area, and after an earlier rejection shows how "
    "its added value has been developed."
)


def new_provider_eligibility(inp: NewProviderInput) -> NewProviderOutput:
    results = {code: check(inp) for code, check in CHECKS.items()}
    failed = [c for c, ok in results.items() if ok is False]
    passed = [c for c, ok in results.items() if ok is True]
    verdict, verdict_en = _verdicts(failed, len(passed))
    return NewProviderOutput(
        tool="new_provider_eligibility",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL,
        rule_en=RULE_EN,
        assumptions=ASSUMPTIONS_NL,
        assumptions_en=ASSUMPTIONS_EN,
        citations=_citations(failed, passed),
        meets_checked_criteria=not failed,
        failed_criteria=failed,
        passed_criteria=passed,
        not_checked=[c for c, ok in results.items() if ok is None],
        not_applicable=[c for c, ok in results.items() if ok == NOT_APPLICABLE],
        still_to_assess=STILL_TO_ASSESS,
    )
