"""`exclusion_check`: the 3.2.3 grounds on which a provider gets no 2027 agreement."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, model_validator

from assistant.domain import Citation, ToolResult
from tools._base import Flag, ToolInput, invalid
from tools._citations import cite

CLAUSE = "wv2027/3.2.3"
Q_INTRO = "Niet in aanmerking voor een overeenkomst 2027 met CZ groep komt de zorgaanbieder:"

# field -> (Dutch description, English description, verbatim quote from 3.2.3)
GROUNDS: dict[str, tuple[str, str, str]] = {
    "bankrupt_or_liquidation": (
        "in staat van faillissement of liquidatie, of werkzaamheden gestaakt",
        "bankrupt or in liquidation, or activities ceased",
        "die in staat van faillissement of van liquidatie verkeert, wiens werkzaamheden zijn gestaakt",
    ),
    "surseance_or_akkoord": (
        "surseance van betaling of een akkoord geldt",
        "suspension of payments (surseance) or a composition applies",
        "jegens wie een surseance van betaling of een akkoord geldt",
    ),
    "bankruptcy_or_surseance_requested": (
        "faillissement, liquidatie of surseance is aangevraagd of een procedure is aanhangig",
        "bankruptcy, liquidation or surseance has been applied for or proceedings are pending",
        "wiens faillissement of liquidatie is aangevraagd of tegen wie een procedure aanhangig is gemaakt van "
        "surseance van betaling of akkoord",
    ),
    "tax_arrears": (
        "belastingverplichtingen niet nagekomen",
        "tax obligations not met",
        "die niet aan zijn verplichtingen heeft voldaan ten aanzien van de betaling van zijn belastingen",
    ),
    "false_statements": (
        "valse verklaringen afgelegd of relevante inlichtingen niet verstrekt",
        "made false statements or withheld relevant information",
        "die zich schuldig heeft gemaakt aan valse verklaringen bij het verstrekken van de inlichtingen die voor de "
        "overeenkomst (kunnen) worden verlangd, of de voor de overeenkomst relevante inlichtingen niet heeft verstrekt",
    ),
    "non_cooperation_art_7_3_7_4": (
        "niet meegewerkt aan een onderzoek volgens artikel 7.3/7.4 Regeling Zorgverzekering",
        "did not cooperate with an investigation under article 7.3/7.4 Regeling Zorgverzekering",
        "die eerder niet conform artikel 7.3 Regeling Zorgverzekering en/of artikel 7.4 Regeling Zorgverzekering heeft "
        "meegewerkt aan een onderzoek zoals bedoeld in artikel 7.4 Regeling Zorgverzekering",
    ),
    "igj_enhanced_supervision": (
        "onder verscherpt toezicht van de IGJ",
        "under enhanced supervision (verscherpt toezicht) of the IGJ",
        "die onder verscherpt toezicht staat van de Inspectie Gezondheidszorg en Jeugd (IGJ)",
    ),
    "igj_administrative_measure": (
        "een bestuurlijke maatregel van de IGJ opgelegd gekregen",
        "an administrative measure (bestuurlijke maatregel) imposed by the IGJ",
        "of een bestuurlijke maatregel van de IGJ opgelegd heeft gekregen",
    ),
    "earlier_serious_shortcomings": (
        "eerder aanzienlijk of voortdurend tekortgeschoten bij een overeenkomst met CZ groep",
        "earlier significant or persistent shortcomings under an agreement with CZ groep",
        "die eerder aanzienlijk of voortdurend tekort is gekomen bij de uitvoering van een eerdere overeenkomst met CZ "
        "groep, wat heeft geleid tot vroegtijdige beëindiging van die overeenkomst, tot schadevergoeding of tot andere "
        "vergelijkbare acties",
    ),
    "cz_indications_continuity_quality_risk": (
        "CZ groep heeft aanwijzingen dat continuïteit en kwaliteit van de zorg niet voldoende gewaarborgd zijn",
        "CZ groep has indications that continuity and quality of care are not sufficiently safeguarded",
        "waarbij CZ groep beschikt over aanwijzingen waaruit blijkt dat het aannemelijk is dat de continuïteit en "
        "kwaliteit van de zorg niet voldoende gewaarborgd is",
    ),
}


def _flag(description: str) -> Any:
    return Field(default=None, description=description)


class ExclusionInput(ToolInput):
    """One optional true/false fact per exclusion ground of 3.2.3; give at least one."""

    bankrupt_or_liquidation: Flag | None = _flag("bankrupt or in liquidation, or activities ceased")
    surseance_or_akkoord: Flag | None = _flag("a suspension of payments (surseance) or composition applies")
    bankruptcy_or_surseance_requested: Flag | None = _flag("bankruptcy/liquidation/surseance applied for or pending")
    tax_arrears: Flag | None = _flag("tax obligations not met")
    false_statements: Flag | None = _flag("false statements made or relevant information withheld")
    non_cooperation_art_7_3_7_4: Flag | None = _flag("did not cooperate with an art. 7.3/7.4 Rzv investigation")
    igj_enhanced_supervision: Flag | None = _flag("under verscherpt toezicht of the IGJ")
    igj_administrative_measure: Flag | None = _flag("a bestuurlijke maatregel of the IGJ was imposed")
    earlier_serious_shortcomings: Flag | None = _flag("earlier serious/persistent shortcomings with CZ groep")
    cz_indications_continuity_quality_risk: Flag | None = _flag("CZ has indications of continuity/quality risk")

    @model_validator(mode="after")
    def _at_least_one(self) -> ExclusionInput:
        if all(getattr(self, name) is None for name in GROUNDS):
            raise invalid("bankrupt_or_liquidation", "give at least one fact (true or false) about the provider")
        return self


class ExclusionGround(BaseModel):
    code: str
    description: str
    description_en: str
    quote: str


class ExclusionOutput(ToolResult):
    excluded: bool
    grounds: list[ExclusionGround] = Field(description="the exclusion grounds that apply, each with its quote")
    not_assessed: list[str] = Field(description="grounds for which no fact was given")


def _citations(grounds: list[ExclusionGround]) -> list[Citation]:
    return [cite(CLAUSE, Q_INTRO)] + [cite(CLAUSE, g.quote) for g in grounds]


def _verdicts(grounds: list[ExclusionGround], not_assessed: list[str]) -> tuple[str, str]:
    if grounds:
        return (
            "De zorgaanbieder komt niet in aanmerking voor een overeenkomst 2027: "
            + "; ".join(g.description for g in grounds)
            + ".",
            "The provider is not eligible for a 2027 agreement: " + "; ".join(g.description_en for g in grounds) + ".",
        )
    open_nl = f" (niet beoordeeld: {', '.join(not_assessed)})" if not_assessed else ""
    open_en = f" (not assessed: {', '.join(not_assessed)})" if not_assessed else ""
    return (
        f"Op basis van de opgegeven feiten geldt geen uitsluitingsgrond uit 3.2.3{open_nl}.",
        f"Based on the facts given no exclusion ground of 3.2.3 applies{open_en}.",
    )


RULE_NL = (
    "Eén uitsluitingsgrond uit 3.2.3 is genoeg: dan komt de zorgaanbieder niet in aanmerking voor een overeenkomst "
    "2027 met CZ groep."
)
RULE_EN = (
    "One exclusion ground of 3.2.3 is enough: the provider is then not eligible for a 2027 agreement with CZ groep."
)
ASSUMPTIONS_NL = ["Alleen de opgegeven feiten zijn getoetst; gronden zonder opgegeven feit staan in 'not_assessed'."]
ASSUMPTIONS_EN = ["Only the facts given are checked; grounds without a fact are listed in 'not_assessed'."]


def exclusion_check(inp: ExclusionInput) -> ExclusionOutput:
    grounds = [
        ExclusionGround(code=c, description=nl, description_en=en, quote=q)
        for c, (nl, en, q) in GROUNDS.items()
        if getattr(inp, c) is True
    ]
    not_assessed = [c for c in GROUNDS if getattr(inp, c) is None]
    verdict, verdict_en = _verdicts(grounds, not_assessed)
    return ExclusionOutput(
        tool="exclusion_check",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL,
        rule_en=RULE_EN,
        assumptions=ASSUMPTIONS_NL,
        assumptions_en=ASSUMPTIONS_EN,
        citations=_citations(grounds),
        excluded=bool(grounds),
        grounds=grounds,
        not_assessed=not_assessed,
    )
