"""`exclusion_check`: the grounds (3.2.3) on which a provider gets no agreement for the policy year.

The verbatim quote of each ground is a policy parameter (`[exclusion] grounds`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, model_validator

from assistant.domain import Citation, ToolResult
from assistant.errors import InvalidInput
from assistant.ingest.params import PolicyParams
from tools._base import Flag, ToolInput, bind, invalid

# field -> (Dutch description, English description); the verbatim quote of each ground is a policy parameter
GROUNDS: dict[str, tuple[str, str]] = {
    "bankrupt_or_liquidation": (
        "in staat van faillissement of liquidatie, of werkzaamheden gestaakt",
        "bankrupt or in liquidation, or activities ceased",
    ),
    "surseance_or_akkoord": (
        "surseance van betaling of een akkoord geldt",
        "suspension of payments (surseance) or a composition applies",
    ),
    "bankruptcy_or_surseance_requested": (
        "faillissement, liquidatie of surseance is aangevraagd of een procedure is aanhangig",
        "bankruptcy, liquidation or surseance has been applied for or proceedings are pending",
    ),
    "tax_arrears": ("belastingverplichtingen niet nagekomen", "tax obligations not met"),
    "false_statements": (
        "valse verklaringen afgelegd of relevante inlichtingen niet verstrekt",
        "made false statements or withheld relevant information",
    ),
    "non_cooperation_art_7_3_7_4": (
        "niet meegewerkt aan een onderzoek volgens artikel 7.3/7.4 Regeling Zorgverzekering",
        "did not cooperate with an investigation under article 7.3/7.4 Regeling Zorgverzekering",
    ),
    "igj_enhanced_supervision": (
        "onder verscherpt toezicht van de IGJ",
        "under enhanced supervision (verscherpt toezicht) of the IGJ",
    ),
    "igj_administrative_measure": (
        "een bestuurlijke maatregel van de IGJ opgelegd gekregen",
        "an administrative measure (bestuurlijke maatregel) imposed by the IGJ",
    ),
    "earlier_serious_shortcomings": (
        "eerder aanzienlijk of voortdurend tekortgeschoten bij een overeenkomst met CZ groep",
        "earlier significant or persistent shortcomings under an agreement with CZ groep",
    ),
    "cz_indications_continuity_quality_risk": (
        "CZ groep heeft aanwijzingen dat continuïteit en kwaliteit van de zorg niet voldoende gewaarborgd zijn",
        "CZ groep has indications that continuity and quality of care are not sufficiently safeguarded",
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


def input_model(params: PolicyParams) -> type[ExclusionInput]:
    missing = sorted(set(GROUNDS) - set(params.section("exclusion").grounds))
    if missing:
        raise InvalidInput(f"the {params.year} policy ({params.doc}) gives no quote for exclusion grounds {missing}")
    return bind(ExclusionInput, params)


def describe(params: PolicyParams) -> tuple[str, str]:
    sec = params.section("exclusion").intro.cite().section
    return (
        f"Toetst de uitsluitingsgronden van {sec} (faillissement, surseance, belastingschuld, valse verklaringen, "
        "IGJ-toezicht, eerdere tekortkomingen, risico's voor continuïteit of kwaliteit).",
        f"Checks the exclusion grounds of {sec} (bankruptcy, surseance, tax arrears, false statements, IGJ "
        "supervision, earlier shortcomings, continuity or quality risks).",
    )


class ExclusionGround(BaseModel):
    code: str
    description: str
    description_en: str
    quote: str


class ExclusionOutput(ToolResult):
    excluded: bool
    grounds: list[ExclusionGround] = Field(description="the exclusion grounds that apply, each with its quote")
    not_assessed: list[str] = Field(description="grounds for which no fact was given")


def _citations(params: PolicyParams, grounds: list[ExclusionGround]) -> list[Citation]:
    ex = params.section("exclusion")
    return [ex.intro.cite()] + [ex.grounds[g.code].cite() for g in grounds]


def _verdicts(params: PolicyParams, grounds: list[ExclusionGround], not_assessed: list[str]) -> tuple[str, str]:
    sec = params.section("exclusion").intro.cite().section
    if grounds:
        return (
            f"Uitgesloten, dus niet in aanmerking voor een overeenkomst {params.year} (uitsluitingsgrond van § {sec}): "
            + "; ".join(g.description for g in grounds)
            + ".",
            f"Excluded, so not eligible for a {params.year} agreement (exclusion ground of § {sec}): "
            + "; ".join(g.description_en for g in grounds)
            + ".",
        )
    n = len(not_assessed)  # the grounds no fact was given for, counted (never their field names)
    open_nl = f" (de overige {n} {'grond is' if n == 1 else 'gronden zijn'} niet beoordeeld)" if n else ""
    open_en = f" (the other {n} {'ground was' if n == 1 else 'grounds were'} not assessed)" if n else ""
    return (
        f"Op basis van de opgegeven feiten geldt geen uitsluitingsgrond uit § {sec}{open_nl}.",
        f"Based on the facts given no exclusion ground of § {sec} applies{open_en}.",
    )


RULE_NL = (
    "Eén uitsluitingsgrond uit {sec} is genoeg: dan komt de zorgaanbieder niet in aanmerking voor een overeenkomst "
    "{year} met CZ groep."
)
RULE_EN = (
    "One exclusion ground of {sec} is enough: the provider is then not eligible for a {year} agreement with CZ groep."
)
ASSUMPTIONS_NL = ["Alleen de opgegeven feiten zijn getoetst; gronden zonder opgegeven feit staan in 'not_assessed'."]
ASSUMPTIONS_EN = ["Only the facts given are checked; grounds without a fact are listed in 'not_assessed'."]


def exclusion_check(inp: ExclusionInput) -> ExclusionOutput:
    params = inp.policy()
    quotes = params.section("exclusion").grounds
    grounds = [
        ExclusionGround(code=c, description=nl, description_en=en, quote=quotes[c].cite().quote)
        for c, (nl, en) in GROUNDS.items()
        if getattr(inp, c) is True
    ]
    not_assessed = [c for c in GROUNDS if getattr(inp, c) is None]
    verdict, verdict_en = _verdicts(params, grounds, not_assessed)
    texts = {"sec": params.section("exclusion").intro.cite().section, "year": params.year}
    return ExclusionOutput(
        tool="exclusion_check",
        verdict=verdict,
        verdict_en=verdict_en,
        rule=RULE_NL.format(**texts),
        rule_en=RULE_EN.format(**texts),
        assumptions=ASSUMPTIONS_NL,
        assumptions_en=ASSUMPTIONS_EN,
        citations=_citations(params, grounds),
        excluded=bool(grounds),
        grounds=grounds,
        not_assessed=not_assessed,
    )
