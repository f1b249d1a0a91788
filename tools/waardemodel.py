"""`waardemodel_applicability`: is the waardemodel applied to a provider (2.3.3), and must it submit quality data?

The production-agreement limit and the quality-information window are policy parameters (`[waardemodel]`)."""

from __future__ import annotations

from fractions import Fraction

from pydantic import Field

from assistant.domain import ToolResult
from assistant.ingest.param_types import Waardemodel
from assistant.ingest.params import PolicyParams
from tools._base import Amount, ToolInput, bind, en_eur, en_month, exact, nl_eur, nl_month


class WaardemodelInput(ToolInput):
    production_agreement_eur: Amount = Field(description="the production agreement (productieafspraak), €")


def input_model(params: PolicyParams) -> type[WaardemodelInput]:
    return bind(WaardemodelInput, params)


def describe(params: PolicyParams) -> tuple[str, str]:
    limit = params.section("waardemodel").limit_eur.value
    return (
        f"Bepaalt of het waardemodel geldt (productieafspraak van meer dan {nl_eur(limit)}) en of de kwaliteitsuitvraag "
        "moet worden ingediend (altijd).",
        f"Determines whether the waardemodel applies (production agreement of more than {en_eur(limit)}) and whether "
        "the quality questionnaire must be submitted (always).",
    )


class WaardemodelOutput(ToolResult):
    waardemodel_applies: bool = Field(description="production agreement strictly more than the policy's limit")
    price_agreement_only: bool
    quality_submission_required: bool = Field(description="always true: all providers submit the kwaliteitsuitvraag")
    threshold_eur: int


def _texts(wm: Waardemodel) -> dict[str, str]:
    limit, w = wm.limit_eur.value, wm.quality_window
    return {
        "nl": nl_eur(limit), "en": en_eur(limit), "cent_nl": nl_eur(exact(limit) + Fraction(1, 100)),
        "cent_en": en_eur(exact(limit) + Fraction(1, 100)), "named": str(wm.lower.year_named),
        "window_nl": f"tussen {w.start.day} en {w.end.day} {nl_month(w.end)}",
        "window_en": f"between {w.start.day} and {w.end.day} {en_month(w.end)}",
    }  # fmt: skip


ASSUMPTIONS_NL = [
    "'Meer dan {nl}' is exclusief: bij precies {nl} wordt het waardemodel niet toegepast (alleen een "
    "prijsafspraak). De tekst noemt ook 'een lagere productieafspraak' en 'onder de {nl}', waardoor precies "
    "{nl} formeel in geen van beide groepen valt; wij volgen de letterlijke lezing van 'meer dan'.",
    "'Voor {named}' in de zin over de lagere productieafspraak lezen we als de productieafspraak voor het contractjaar.",
    "Geen afronding vóór de vergelijking: {cent_nl} is meer dan {nl}.",
]
ASSUMPTIONS_EN = [
    "'Meer dan {nl}' (more than) is exclusive: at exactly {en} the waardemodel is not applied (price "
    "agreement only). The text also says 'a lower production agreement' and 'below {en}', so exactly {en} "
    "formally falls in neither group; we follow the literal reading of 'more than'.",
    "'Voor {named}' in the sentence about lower production agreements is read as the agreement for the contract year.",
    "No rounding before comparing: {cent_en} is more than {en}.",
]
RULE_NL = (
    "Het waardemodel geldt alleen bij een productieafspraak van meer dan {nl}; alle zorgaanbieders dienen de "
    "kwaliteitsuitvraag in ({window_nl} via VECOZO)."
)
RULE_EN = (
    "The waardemodel only applies to production agreements of more than {en}; all providers submit the quality "
    "questionnaire ({window_en} via VECOZO)."
)


def _verdicts(texts: dict[str, str], amount: float, applies: bool) -> tuple[str, str]:
    if applies:
        nl = f"Bij een productieafspraak van {nl_eur(amount)} (meer dan {texts['nl']}) past CZ het waardemodel toe"
        en = f"With a production agreement of {en_eur(amount)} (more than {texts['en']}) CZ applies the waardemodel"
    else:
        nl = (
            f"Bij een productieafspraak van {nl_eur(amount)} (niet meer dan {texts['nl']}) past CZ het waardemodel "
            "niet toe en maakt alleen een prijsafspraak"
        )
        en = (
            f"With a production agreement of {en_eur(amount)} (not more than {texts['en']}) CZ does not apply the "
            "waardemodel and only makes a price agreement"
        )
    return (
        nl + "; de kwaliteitsuitvraag moet u hoe dan ook indienen.",
        en + "; you must submit the quality questionnaire in any case.",
    )


def waardemodel_applicability(inp: WaardemodelInput) -> WaardemodelOutput:
    wm = inp.policy().section("waardemodel")
    texts = _texts(wm)
    applies = exact(inp.production_agreement_eur) > wm.limit_eur.value
    verdict, verdict_en = _verdicts(texts, inp.production_agreement_eur, applies)
    citations = [wm.limit_eur.cite()] + ([] if applies else [wm.lower.cite()])
    citations += [wm.all_submit.cite(), wm.quality_window.cite(), wm.late_c.cite()]
    return WaardemodelOutput(
        tool="waardemodel_applicability",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL.format(**texts),
        rule_en=RULE_EN.format(**texts),
        assumptions=[a.format(**texts) for a in ASSUMPTIONS_NL],
        assumptions_en=[a.format(**texts) for a in ASSUMPTIONS_EN],
        citations=citations,
        waardemodel_applies=applies,
        price_agreement_only=not applies,
        quality_submission_required=True,
        threshold_eur=int(wm.limit_eur.value),
    )
