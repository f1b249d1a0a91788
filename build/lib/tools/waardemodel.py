"""`waardemodel_applicability`: is the waardemodel applied to a provider (2.3.3), and must it submit quality data?"""

from __future__ import annotations

from pydantic import Field

from assistant.domain import ToolResult
from tools._base import Amount, ToolInput, en_eur, exact, nl_eur
from tools._citations import cite

WAARDEMODEL_LIMIT_EUR = 100_000

Q_LIMIT = (
    "We passen het waardemodel alleen toe bij zorgaanbieders die een productieafspraak krijgen van meer dan € 100.000."
)
Q_LOWER = (
    "Zorgaanbieders met een lagere productieafspraak voor 2026 beoordelen we niet, omdat zij te weinig cliënten in "
    "zorg hebben om daar conclusies uit te kunnen trekken. Met hen maken we alleen een prijsafspraak."
)
Q_ALL_SUBMIT = (
    "Wel moeten álle zorgaanbieders onze kwaliteitsuitvraag indienen (dus ook de zorgaanbieders met een "
    "productieafspraak onder de € 100.000)."
)
Q_WINDOW = "Wij vragen zorgaanbieders om deze kwaliteitsinformatie tussen 2 en 31 mei digitaal aan te leveren"
Q_LATE_C = "Let op: het niet tijdig aanleveren van de kwaliteitsinformatie leidt automatisch tot een C-score in ons"

ASSUMPTIONS_NL = [
    "'Meer dan € 100.000' is exclusief: bij precies € 100.000 wordt het waardemodel niet toegepast (alleen een "
    "prijsafspraak). De tekst noemt ook 'een lagere productieafspraak' en 'onder de € 100.000', waardoor precies "
    "€ 100.000 formeel in geen van beide groepen valt; wij volgen de letterlijke lezing van 'meer dan'.",
    "'Voor 2026' in de zin over de lagere productieafspraak lezen we als de productieafspraak voor het contractjaar.",
    "Geen afronding vóór de vergelijking: € 100.000,01 is meer dan € 100.000.",
]
ASSUMPTIONS_EN = [
    "'Meer dan € 100.000' (more than) is exclusive: at exactly €100,000 the waardemodel is not applied (price "
    "agreement only). The text also says 'a lower production agreement' and 'below €100,000', so exactly €100,000 "
    "formally falls in neither group; we follow the literal reading of 'more than'.",
    "'Voor 2026' in the sentence about lower production agreements is read as the agreement for the contract year.",
    "No rounding before comparing: €100,000.01 is more than €100,000.",
]


class WaardemodelInput(ToolInput):
    production_agreement_eur: Amount = Field(description="the production agreement (productieafspraak), €")


class WaardemodelOutput(ToolResult):
    waardemodel_applies: bool = Field(description="production agreement strictly more than € 100.000")
    price_agreement_only: bool
    quality_submission_required: bool = Field(description="always true: all providers submit the kwaliteitsuitvraag")
    threshold_eur: int


RULE_NL = (
    "Het waardemodel geldt alleen bij een productieafspraak van meer dan € 100.000; alle zorgaanbieders dienen de "
    "kwaliteitsuitvraag in (tussen 2 en 31 mei via VECOZO)."
)
RULE_EN = (
    "The waardemodel only applies to production agreements of more than €100,000; all providers submit the quality "
    "questionnaire (between 2 and 31 May via VECOZO)."
)


def _verdicts(amount: float, applies: bool) -> tuple[str, str]:
    if applies:
        nl = f"Bij een productieafspraak van {nl_eur(amount)} (meer dan € 100.000) past CZ het waardemodel toe"
        en = f"With a production agreement of {en_eur(amount)} (more than €100,000) CZ applies the waardemodel"
    else:
        nl = (
            f"Bij een productieafspraak van {nl_eur(amount)} (niet meer dan € 100.000) past CZ het waardemodel niet "
            "toe en maakt alleen een prijsafspraak"
        )
        en = (
            f"With a production agreement of {en_eur(amount)} (not more than €100,000) CZ does not apply the "
            "waardemodel and only makes a price agreement"
        )
    return (
        nl + "; de kwaliteitsuitvraag moet u hoe dan ook indienen.",
        en + "; you must submit the quality questionnaire in any case.",
    )


def waardemodel_applicability(inp: WaardemodelInput) -> WaardemodelOutput:
    applies = exact(inp.production_agreement_eur) > WAARDEMODEL_LIMIT_EUR
    verdict, verdict_en = _verdicts(inp.production_agreement_eur, applies)
    citations = [cite("wv2027/2.3.3", Q_LIMIT)] + ([] if applies else [cite("wv2027/2.3.3", Q_LOWER)])
    citations += [cite("wv2027/2.3.3", Q_ALL_SUBMIT), cite("wv2027/2.3.4", Q_WINDOW), cite("wv2027/2.3.4", Q_LATE_C)]
    return WaardemodelOutput(
        tool="waardemodel_applicability",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL,
        rule_en=RULE_EN,
        assumptions=ASSUMPTIONS_NL,
        assumptions_en=ASSUMPTIONS_EN,
        citations=citations,
        waardemodel_applies=applies,
        price_agreement_only=not applies,
        quality_submission_required=True,
        threshold_eur=WAARDEMODEL_LIMIT_EUR,
    )
