"""`deadlines`: the dated obligations of 2026-2027, filtered by topic and/or with their status on a date."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

from assistant.domain import Citation, ToolResult
from tools._base import IsoDate, ToolInput, check_date_range, en_date, nl_date
from tools._citations import cite, dedupe
from tools.deadline_data import DEADLINES, Deadline, Who

Topic = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=200)]
Status = Literal["upcoming", "open", "passed"]

STOPWORDS = set(
    "aan als and are bij dat de deadline deadlines den der die een en for het hoe in is kan moet must of om ons onze "
    "op our te ten termijn termijnen the tot uiterlijk van voor wanneer wat we what when wij zijn".split()
)


class DeadlinesInput(ToolInput):
    on_date: IsoDate | None = Field(default=None, description="show the status of each deadline on this date")
    topic: Topic | None = Field(default=None, description="keyword(s), Dutch or English, e.g. 'bezwaar', 'VECOZO'")

    @model_validator(mode="after")
    def _check(self) -> DeadlinesInput:
        check_date_range("on_date", self.on_date, date(2026, 1, 1), date(2027, 12, 31))
        return self


class DeadlineItem(BaseModel):
    id: str
    title: str
    title_en: str
    who: Who
    when: str = Field(description="as the policy puts it (Dutch)")
    when_en: str
    start: date | None
    last_day: date = Field(description="last day the obligation can be met (inclusive)")
    approximate: bool = Field(description="'medio' (mid-month) dates are stored as the 15th")
    status: Status | None = Field(description="on on_date: upcoming (not started), open, passed")
    note: str | None
    note_en: str | None
    clause_ids: list[str]


class DeadlinesOutput(ToolResult):
    deadlines: list[DeadlineItem]
    open_on_date: list[str] = Field(description="ids still open on on_date (window open or deadline not passed)")
    upcoming_on_date: list[str] = Field(description="ids whose window has not started on on_date")
    passed_on_date: list[str]
    available_topics: list[str] = Field(description="ids of all known deadlines")


def _normalise(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def _tokens(topic: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", _normalise(topic))
    return [w for w in words if len(w) >= 3 and w not in STOPWORDS and not w.isdigit()]


def _matches(item: Deadline, tokens: list[str]) -> bool:
    keywords = [_normalise(k) for k in item.keywords]
    return any(t in k or (len(k) >= 4 and k in t) for t in tokens for k in keywords)


def _status(item: Deadline, on: date | None) -> Status | None:
    if on is None:
        return None
    if item.start is not None and on < item.start:
        return "upcoming"
    return "open" if on <= item.last_day else "passed"


def _item(d: Deadline, on: date | None) -> DeadlineItem:
    return DeadlineItem(
        id=d.id,
        title=d.title,
        title_en=d.title_en,
        who=d.who,
        when=d.when,
        when_en=d.when_en,
        start=d.start,
        last_day=d.last_day,
        approximate=d.approximate,
        status=_status(d, on),
        note=d.note,
        note_en=d.note_en,
        clause_ids=[cid for cid, _ in d.sources],
    )


def _select(inp: DeadlinesInput) -> list[Deadline]:
    """Deadlines matching the topic (all when there is no usable keyword), sorted by last day."""
    tokens = _tokens(inp.topic) if inp.topic else []
    chosen = [d for d in DEADLINES if not tokens or _matches(d, tokens)]
    return sorted(chosen, key=lambda d: (d.last_day, d.start or d.last_day))


def _verdicts(inp: DeadlinesInput, items: list[DeadlineItem]) -> tuple[str, str]:
    if not items:
        return (
            f"Geen termijn gevonden voor '{inp.topic}'; zie available_topics voor de bekende termijnen.",
            f"No deadline found for '{inp.topic}'; see available_topics for the known deadlines.",
        )
    if inp.on_date is not None:
        still = [i for i in items if i.status != "passed"]
        if not still:
            return (
                f"Op {nl_date(inp.on_date)} zijn al deze termijnen verstreken.",
                f"On {en_date(inp.on_date)} all of these deadlines have passed.",
            )
        nl, en = _listing(still)
        return (
            f"Op {nl_date(inp.on_date)} nog niet verstreken: {nl}.",
            f"Not yet passed on {en_date(inp.on_date)}: {en}.",
        )
    nl, en = _listing(items)
    return f"Termijnen: {nl}.", f"Deadlines: {en}."


def _when(text: str, last_day: date, fmt: Callable[[date], str], label: str) -> str:
    """The policy's wording, plus the last day when the wording has no year."""
    return text if str(last_day.year) in text else f"{text} ({label} {fmt(last_day)})"


def _listing(items: list[DeadlineItem]) -> tuple[str, str]:
    nl = "; ".join(f"{i.title}: {_when(i.when, i.last_day, nl_date, 't/m')}" for i in items)
    en = "; ".join(f"{i.title_en}: {_when(i.when_en, i.last_day, en_date, 'last day')}" for i in items)
    return nl, en


def _citations(chosen: list[Deadline]) -> list[Citation]:
    return dedupe([cite(cid, quote) for d in chosen for cid, quote in d.sources])


ASSUMPTIONS_NL = [
    "'Vóór' een datum betekent uiterlijk de dag ervoor (vóór 1 augustus 2027 = uiterlijk 31 juli 2027); "
    "'uiterlijk' en 'tot en met' zijn inclusief.",
    "'Medio' (half van de maand) rekenen we als de 15e; zulke termijnen zijn gemarkeerd als 'approximate'.",
    "Kwaliteitsinformatie: 2.3.4 en 4.1 noemen 2-31 mei 2026, bijlage 2 (medische kindzorg) noemt 1-31 mei; beide "
    "staan in de lijst. Veilig advies: lever aan tussen 2 en 31 mei 2026.",
    "Termijnen zonder jaartal (bezwaar 'a.s.', nachtzorg-businesscase, aanvraagformulier innovatie) hebben het jaar "
    "gekregen dat in de notitie staat.",
    "Een onderwerp wordt gezocht op trefwoorden (Nederlands en Engels, zonder accenten); zonder bruikbaar trefwoord "
    "tonen we alle termijnen.",
]
ASSUMPTIONS_EN = [
    "'Vóór' (before) a date means the day before at the latest (before 1 August 2027 = 31 July 2027 at the latest); "
    "'uiterlijk' (no later than) and 'tot en met' (up to and including) are inclusive.",
    "'Medio' (mid-month) counts as the 15th; such deadlines are flagged 'approximate'.",
    "Quality information: 2.3.4 and 4.1 say 2-31 May 2026, Bijlage 2 (medical child care) says 1-31 May; both are "
    "listed. Safe advice: submit between 2 and 31 May 2026.",
    "Deadlines without a year (objections 'a.s.', night-care business case, innovation application form) got the "
    "year stated in their note.",
    "A topic is matched on keywords (Dutch and English, accents ignored); without a usable keyword all deadlines "
    "are shown.",
]


def deadlines(inp: DeadlinesInput) -> DeadlinesOutput:
    chosen = _select(inp)
    items = [_item(d, inp.on_date) for d in chosen]
    verdict, verdict_en = _verdicts(inp, items)
    return DeadlinesOutput(
        tool="deadlines",
        verdict=verdict,
        verdict_en=verdict_en,
        rule="Elke termijn staat met de bepaling waar hij uit komt; een termijn is open tot en met zijn laatste dag.",
        rule_en="Each deadline is listed with the clause it comes from; a deadline is open up to and including its "
        "last day.",
        assumptions=ASSUMPTIONS_NL,
        assumptions_en=ASSUMPTIONS_EN,
        citations=_citations(chosen),
        deadlines=items,
        open_on_date=[i.id for i in items if i.status == "open"],
        upcoming_on_date=[i.id for i in items if i.status == "upcoming"],
        passed_on_date=[i.id for i in items if i.status == "passed"],
        available_topics=[d.id for d in DEADLINES],
    )
