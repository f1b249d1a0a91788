"""The dated obligations and milestones of the 2027 contracting cycle (2026-2027), as data with clause refs.

`last_day` is inclusive: "vóór 1 augustus 2027" becomes 31 July 2027, "uiterlijk 15 mei" stays 15 May.
"Medio" (mid-month) dates are stored as the 15th and flagged `approximate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Who = Literal["provider", "cz", "region", "provider_and_cz"]


@dataclass(frozen=True)
class Deadline:
    id: str
    title: str
    title_en: str
    who: Who
    when: str  # as the policy puts it (Dutch)
    when_en: str
    last_day: date
    sources: tuple[tuple[str, str], ...]  # (clause id, verbatim quote)
    keywords: tuple[str, ...]
    start: date | None = None
    approximate: bool = False
    note: str | None = None
    note_en: str | None = None


_QUALITY_KW = (
    "kwaliteit",
    "kwaliteitsinformatie",
    "kwaliteitsuitvraag",
    "uitvraag",
    "vecozo",
    "quality",
    "waardemodel",
)
_NIGHT_KW = ("nachtzorg", "onplanbare", "businesscase", "business", "night", "volgverzoek", "preferente")
_EXTRA_KW: tuple[str, ...] = (
    "bijcontractering",
    "aanvullende",
    "aanvullend",
    "zorginkoop",
    "omzetplafond",
    "plafond",
    "additional",
)
_EXTRA_KW += ("purchase", "ceiling", "budget", "bijcontracteren")

DEADLINES: tuple[Deadline, ...] = (
    Deadline(
        "policy_publication",
        "Publicatie zorginkoopbeleid 2027",
        "Publication of the 2027 purchasing policy",
        "cz",
        "Uiterlijk 1 april 2026",
        "No later than 1 April 2026",
        date(2026, 4, 1),
        (("wv2027/4.1", "Publiceren van het zorginkoopbeleid 2027 Uiterlijk 1 april 2026"),),
        ("publicatie", "publiceren", "inkoopbeleid", "zorginkoopbeleid", "publication", "policy"),
    ),
    Deadline(
        "resv_policy_publication",
        "Publicatie zorginkoopbeleid RESV",
        "Publication of the RESV purchasing policy",
        "cz",
        "Op 1 april 2026",
        "On 1 April 2026",
        date(2026, 4, 1),
        (
            (
                "wv2027/2.3.2",
                "Op 1 april 2026 publiceert CZ groep het zorginkoopbeleid Regionaal Eerstelijns "
                "Samenwerkingsverband (RESV).",
            ),
        ),
        ("resv", "eerstelijns", "samenwerkingsverband", "regional", "primary"),
    ),
    Deadline(
        "night_care_business_case_discussion",
        "Onplanbare nachtzorg: bespreken of een nieuwe of aangepaste businesscase nodig is",
        "Unplanned night care: discuss whether a new or revised business case is needed",
        "provider_and_cz",
        "Vóór 1 april",
        "Before 1 April",
        date(2026, 3, 31),
        (
            (
                "wv2027/bijlage-1/1.6.3",
                "Vóór 1 april bespreken de zorgaanbieder en de preferente zorgverzekeraar of er "
                "een nieuwe of aangepaste businesscase moet komen",
            ),
        ),
        _NIGHT_KW,
        note="De tekst noemt geen jaar; wij nemen 2026 aan (voorbereiding van 2027).",
        note_en="The text gives no year; we assume 2026 (preparing 2027).",
    ),
    Deadline(
        "night_care_business_case",
        "Onplanbare nachtzorg: businesscase aanleveren bij de preferente zorgverzekeraar",
        "Unplanned night care: submit the business case to the preferred insurer",
        "provider",
        "Vóór 1 mei",
        "Before 1 May",
        date(2026, 4, 30),
        (
            (
                "wv2027/bijlage-1/1.6.3",
                "Vóór 1 mei levert de zorgaanbieder de businesscase aan bij de preferente zorgverzekeraar.",
            ),
        ),
        _NIGHT_KW,
        note="De tekst noemt geen jaar; wij nemen 2026 aan (voorbereiding van 2027).",
        note_en="The text gives no year; we assume 2026 (preparing 2027).",
    ),
    Deadline(
        "quality_information_kindzorg",
        "Kwaliteitsinformatie medische kindzorg aanleveren in VECOZO",
        "Submit quality information for medical child care in VECOZO",
        "provider",
        "Tussen 1 en 31 mei",
        "Between 1 and 31 May",
        date(2026, 5, 31),
        (
            (
                "wv2027/bijlage-2",
                "Wij vragen zorgaanbieders om deze kwaliteitsinformatie tussen 1 en 31 mei digitaal "
                "aan te leveren via de uitvraagmodule van VECOZO.",
            ),
        ),
        (*_QUALITY_KW, "kindzorg", "medische", "child", "children"),
        start=date(2026, 5, 1),
        note="Bijlage 2 noemt 1-31 mei, 2.3.4 en 4.1 noemen 2-31 mei 2026. Wij nemen aan dat 1-31 mei (2026) voor "
        "medische kindzorg geldt en 2-31 mei voor de anderen; wie op of na 2 mei aanlevert, zit in beide vensters.",
        note_en="Bijlage 2 says 1-31 May, 2.3.4 and 4.1 say 2-31 May 2026. We assume 1-31 May (2026) for medical "
        "child care and 2-31 May for the others; submitting on or after 2 May is inside both windows.",
    ),
    Deadline(
        "quality_information",
        "Kwaliteitsinformatie aanleveren via de uitvraagmodule in VECOZO",
        "Submit quality information via the VECOZO questionnaire module",
        "provider",
        "2-31 mei 2026",
        "2-31 May 2026",
        date(2026, 5, 31),
        (
            (
                "wv2027/4.1",
                "Invullen van de uitvraagmodule kwaliteitsinformatie in VECOZO door alle zorgaanbieders voor "
                "waardegedreven zorginkoop (zie paragraaf 2.3.4) 2-31 mei 2026",
            ),
            (
                "wv2027/2.3.4",
                "Alle informatie die na 31 mei binnenkomt, kunnen we niet meer meenemen in onze beoordeling.",
            ),
        ),
        _QUALITY_KW,
        start=date(2026, 5, 2),
        note="Te laat aanleveren leidt automatisch tot een C-score. Voor medische kindzorg noemt bijlage 2 1-31 mei.",
        note_en="Late delivery automatically leads to a C score. For medical child care Bijlage 2 says 1-31 May.",
    ),
    Deadline(
        "objections",
        "Bezwaar maken tegen het inkoopbeleid",
        "Objections against the purchasing policy",
        "provider",
        "Uiterlijk 15 mei a.s.",
        "No later than 15 May",
        date(2026, 5, 15),
        (
            (
                "wv2027/voorwoord",
                "Bezwaren tegen dit inkoopbeleid (bijvoorbeeld over criteria of termijnen die wij "
                "hanteren) kunt u uiterlijk 15 mei a.s. aan ons kenbaar maken. Na deze datum is het recht daarop "
                "vervallen.",
            ),
        ),
        ("bezwaar", "bezwaren", "objection", "objections", "object", "appeal", "complaint"),
        note="'a.s.' lezen we als 15 mei 2026: het beleid wordt uiterlijk 1 april 2026 gepubliceerd.",
        note_en="'a.s.' (next) is read as 15 May 2026: the policy is published by 1 April 2026.",
    ),
    Deadline(
        "strategic_policy",
        "Strategisch beleid delen (op verzoek)",
        "Share strategic policy (on request)",
        "provider",
        "Uiterlijk 1 juni 2026",
        "No later than 1 June 2026",
        date(2026, 6, 1),
        (
            (
                "wv2027/4.1",
                "De zorgaanbieder deelt op verzoek zijn strategisch beleid met ons of verwijst naar de plek "
                "waar deze informatie te vinden is Uiterlijk 1 juni 2026",
            ),
        ),
        ("strategisch", "strategie", "strategic", "strategy"),
    ),
    Deadline(
        "night_care_follow_request",
        "Onplanbare nachtzorg: getekend volgverzoek indienen bij de verre zorgverzekeraars",
        "Unplanned night care: submit the signed follow request to the other insurers",
        "provider",
        "Vóór 1 juli",
        "Before 1 July",
        date(2026, 6, 30),
        (
            (
                "wv2027/bijlage-1/1.6.3",
                "Vóór 1 juli dient de zorgaanbieder het getekende volgverzoek in bij de verre "
                "zorgverzekeraars. Volgverzoeken die op of na 1 juli worden ingediend, worden niet meer in behandeling "
                "genomen.",
            ),
        ),
        _NIGHT_KW,
        note="De tekst noemt geen jaar; wij nemen 2026 aan (voorbereiding van 2027).",
        note_en="The text gives no year; we assume 2026 (preparing 2027).",
    ),
    Deadline(
        "production_proposals",
        "Bekendmaking productievoorstellen (daarna kunt u reageren)",
        "Production proposals announced (you can respond afterwards)",
        "cz",
        "Medio juli 2026",
        "Mid-July 2026",
        date(2026, 7, 15),
        (
            (
                "wv2027/4.1",
                "Bekendmaking productievoorstellen. Na ontvangst van het productievoorstel kunt u daarop "
                "reageren Medio juli 2026",
            ),
        ),
        ("productievoorstel", "productievoorstellen", "productie", "production", "proposal"),
        approximate=True,
    ),
    Deadline(
        "resv_plan",
        "RESV-plan voor 2027 aanleveren (door de regio)",
        "Region submits the RESV plan for 2027",
        "region",
        "Uiterlijk 15 juli 2026",
        "No later than 15 July 2026",
        date(2026, 7, 15),
        (
            (
                "wv2027/2.3.9",
                "Uiterlijk op 15 juli 2026 levert de betreffende regio het RESV-plan voor 2027 bij ons aan.",
            ),
        ),
        ("resv", "regio", "region", "regional", "eerstelijns", "primary"),
    ),
    Deadline(
        "contract_offer",
        "Aanbieden van de overeenkomsten",
        "Contracts offered",
        "cz",
        "Uiterlijk 20 september 2026",
        "No later than 20 September 2026",
        date(2026, 9, 20),
        (("wv2027/4.1", "Aanbieden van de overeenkomsten Uiterlijk 20 september 2026"),),
        ("overeenkomst", "overeenkomsten", "aanbieden", "contract", "offer"),
    ),
    Deadline(
        "contracting",
        "Contracteren",
        "Contracting period",
        "provider_and_cz",
        "Medio juli tot en met 31 oktober 2026",
        "Mid-July to 31 October 2026",
        date(2026, 10, 31),
        (("wv2027/4.1", "Contracteren Medio juli tot en met 31 oktober 2026"),),
        ("contracteren", "contractering", "contracting", "onderhandeling", "negotiation"),
        start=date(2026, 7, 15),
        approximate=True,
    ),
    Deadline(
        "signing",
        "Uiterste tekentermijn van de overeenkomsten; einde contracteerronde",
        "Last day to sign the contracts; end of the contracting round",
        "provider",
        "Uiterlijk 1 november 2026",
        "No later than 1 November 2026",
        date(2026, 11, 1),
        (
            (
                "wv2027/4.1",
                "Uiterste tekentermijn van de overeenkomsten en afsluiting van de contracteerronde. Op deze "
                "datum ronden wij dus ook de onderhandelingen/contractbesprekingen af Uiterlijk 1 november 2026",
            ),
        ),
        ("tekenen", "ondertekenen", "tekentermijn", "contracteerronde", "sign", "signing", "contract"),
    ),
    Deadline(
        "contracted_providers_publication",
        "Publicatie van het gecontracteerde zorgaanbod",
        "Publication of the contracted providers",
        "cz",
        "Uiterlijk 12 november 2026",
        "No later than 12 November 2026",
        date(2026, 11, 12),
        (
            (
                "wv2027/4.2",
                "Uiterlijk op 12 november 2026 presenteert CZ groep de gecontracteerde zorgaanbieders voor 2027.",
            ),
        ),
        ("gecontracteerd", "gecontracteerde", "zorgvinder", "zorgaanbod", "contracted", "publication"),
    ),
    Deadline(
        "new_provider_registration",
        "Inschrijving nieuwe zorgaanbieders 2027",
        "Registration of new providers 2027",
        "provider",
        "1 december 2026 tot en met 28 februari 2027",
        "1 December 2026 to 28 February 2027 inclusive",
        date(2027, 2, 28),
        (
            (
                "wv2027/3.2.1",
                "Nieuwe zorgaanbieders kunnen zich tussen 1 december 2026 en 28 februari 2027 inschrijven "
                "voor een overeenkomst wijkverpleging 2027.",
            ),
            ("wv2027/4.1", "Inschrijving nieuwe zorgaanbieders 2027 1 december 2026 tot en met 28 februari 2027"),
        ),
        ("inschrijving", "inschrijven", "nieuwe", "registration", "register", "new"),
        start=date(2026, 12, 1),
    ),
    Deadline(
        "innovation_form",
        "Aanvraagformulier innovatiebudget op de website",
        "Innovation budget application form on the website",
        "cz",
        "Uiterlijk medio juni",
        "By mid-June at the latest",
        date(2027, 6, 15),
        (
            (
                "wv2027/2.3.6",
                "Wij plaatsen daarvoor uiterlijk medio juni een aanvraagformulier met de kaders op onze website.",
            ),
        ),
        ("innovatie", "innovatiebudget", "aanvraagformulier", "innovation"),
        approximate=True,
        note="De tekst noemt geen jaar; wij nemen juni 2027 aan (vóór de termijn van 1 augustus 2027).",
        note_en="The text gives no year; we assume June 2027 (before the 1 August 2027 deadline).",
    ),
    Deadline(
        "innovation_plan",
        "Projectplan innovatiebudget insturen (SMART-doelen, KPI's, begroting)",
        "Submit the innovation project plan (SMART goals, KPIs, budget)",
        "provider",
        "Vóór 1 augustus 2027",
        "Before 1 August 2027",
        date(2027, 7, 31),
        (
            (
                "wv2027/2.3.6",
                "hier gebruik van willen maken om dit vóór 1 augustus 2027 kenbaar te maken door een "
                "projectplan in te sturen met daarin ten minste SMART doelstellingen, concrete KPI’s en een begroting.",
            ),
        ),
        ("innovatie", "innovatiebudget", "projectplan", "innovation", "project"),
    ),
    Deadline(
        "additional_purchase_request",
        "Verzoek tot bijcontractering indienen via de website",
        "Submit a request for additional purchase via the website",
        "provider",
        "In september",
        "In September",
        date(2027, 9, 30),
        (("wv2027/3.2.4", "Dan kan hij in september via onze website een verzoek indienen voor bijcontractering."),),
        _EXTRA_KW,
        start=date(2027, 9, 1),
        note="'In september' is het moment om in te dienen; de harde verzendtermijn is vóór 31 december 2027.",
        note_en="'In September' is the moment to submit; the hard sending deadline is before 31 December 2027.",
    ),
    Deadline(
        "additional_purchase_threshold",
        "Ten minste 80% van het omzetplafond 2027 bereikt",
        "At least 80% of the 2027 ceiling reached",
        "provider",
        "Vóór 1 oktober",
        "Before 1 October",
        date(2027, 9, 30),
        (
            (
                "wv2027/3.2.4",
                "De zorgaanbieder dient het verzoek in wanneer vóór 1 oktober ten minste 80% van het "
                "omzetplafond voor 2027 is bereikt",
            ),
        ),
        _EXTRA_KW,
    ),
    Deadline(
        "additional_purchase_send_deadline",
        "Verzoek tot bijcontractering verzonden (via de website, niet per e-mail)",
        "Request for additional purchase sent (via the website, not by e-mail)",
        "provider",
        "Vóór 31 december 2027",
        "Before 31 December 2027",
        date(2027, 12, 30),
        (
            (
                "wv2027/3.2.4",
                "Het verzoek is vóór 31 december 2027 verzonden via onze website (en dus niet per e-mail).",
            ),
        ),
        _EXTRA_KW,
    ),
)
