"""`deadlines`: the dated obligations of a contracting cycle, filtered by topic and/or with their status on a date.

The deadlines themselves (dates, wording, clause quotes, keywords) are policy parameters (`[[deadlines.items]]`
in `corpus/<doc>.params.toml`): "vóór <date>" is stored as `before`, the last day is the day before;
"uiterlijk <date>" as `by`; "in <month>" as `in_month`; "medio" dates are the 15th and flagged `approximate`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

from assistant.domain import Citation, ToolResult
from assistant.ingest.param_types import Deadline, Deadlines, Who
from assistant.ingest.params import PolicyParams
from tools._base import (
    IsoDate,
    ToolInput,
    bind,
    check_date_range,
    days_outside,
    en_date,
    in_year,
    nl_date,
    year_range,
)
from tools._citations import dedupe

MAX_TOPIC_CHARS = 200  # a topic is keywords or one question, not a text
Topic = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=MAX_TOPIC_CHARS)]
Status = Literal["upcoming", "open", "passed"]

STOPWORDS = set(
    "aan als and are bij dat de deadline deadlines den der die een en for het hoe in is kan moet must of om ons onze "
    "op our te ten termijn termijnen the tot uiterlijk van voor wanneer wat we what when wij zijn per hun their toch "
    "met with via dan then nog still heeft hebben has have".split()
)


class DeadlinesInput(ToolInput):
    on_date: IsoDate | None = Field(default=None, description="show the status of each deadline on this date")
    year_given: bool = Field(
        default=True, description="false when the date was said without a year ('3 June'): it is then checked in the "
        "year that puts it nearest the deadlines found (one year for all of them), not in the year given"
    )
    topic: Topic | None = Field(default=None, description="keyword(s), Dutch or English, e.g. 'bezwaar', 'VECOZO'")

    @model_validator(mode="after")
    def _check(self) -> DeadlinesInput:
        check_date_range("on_date", self.on_date, *_period(self.policy().section("deadlines")))
        return self


def _period(dl: Deadlines) -> tuple[date, date]:
    """1 January of the first deadline's year to 31 December of the last one's."""
    days = [d.last_day for d in dl.items] + [d.first_day for d in dl.items if d.first_day]
    return year_range(min(days).year, max(days).year)


def input_model(params: PolicyParams) -> type[DeadlinesInput]:
    return bind(DeadlinesInput, params)


def describe(params: PolicyParams) -> tuple[str, str]:
    first, last = _period(params.section("deadlines"))
    return (
        f"Geeft de termijnen van {first.year}-{last.year} (tijdpad, bezwaar, VECOZO, RESV, innovatie, bijcontractering, "
        "nachtzorg) met bronbepaling, gefilterd op onderwerp en/of met hun status op een datum.",
        f"Lists the {first.year}-{last.year} deadlines (timeline, objections, VECOZO, RESV, innovation, additional "
        "purchase, night care) with their clause, filtered by topic and/or with their status on a date.",
    )


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
    days_left: int | None = Field(
        default=None, description="on on_date, the days until the last day (0 on the last day itself); null once passed"
    )
    note: str | None
    note_en: str | None
    clause_ids: list[str]


class DeadlinesOutput(ToolResult):
    deadlines: list[DeadlineItem]
    open_on_date: list[str] = Field(description="ids still open on on_date (window open or deadline not passed)")
    upcoming_on_date: list[str] = Field(description="ids whose window has not started on on_date")
    passed_on_date: list[str]
    checked_on: date | None = Field(default=None, description="the date checked: on_date, in the deadlines' year when no year was given")
    in_time: bool | None = Field(
        default=None, description="on on_date: every deadline shown is still open (true) or has passed (false); "
        "null without a date, when some have passed and others not, or when one has not begun yet"
    )
    available_topics: list[str] = Field(description="ids of all known deadlines")


def _normalise(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def _tokens(topic: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", _normalise(topic))
    return [w for w in words if len(w) >= 3 and w not in STOPWORDS and not w.isdigit()]


def _status(item: Deadline, on: date | None) -> Status | None:
    if on is None:
        return None
    if item.first_day is not None and on < item.first_day:
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
        start=d.first_day,
        last_day=d.last_day,
        approximate=d.approximate,
        status=_status(d, on),
        days_left=(d.last_day - on).days if on is not None and on <= d.last_day else None,
        note=d.note,
        note_en=d.note_en,
        clause_ids=[s.clause_id for s in d.sources],
    )


SHORT_TOKEN = 5  # a shorter word of the question names a keyword only as the keyword or its start ("pas" is no "aangepaste")


def _hit(dl: Deadlines, item: Deadline, token: str) -> bool:
    def names(k: str) -> bool:
        inside = k.startswith(token) if len(token) < SHORT_TOKEN else token in k
        return inside or (len(k) >= 4 and k in token)

    return any(names(k) for k in (_normalise(k) for k in dl.keywords(item)))


def _named_by(dl: Deadlines, items: list[Deadline], token: str) -> list[str]:
    """The deadlines a word of the topic names: those with it as a keyword of their own (or an inflection of one),
    else those a keyword of which it contains or begins ("bijcontractering" names the deadlines of additional
    purchase, whose keyword it is, not the contracting round, whose "contractering" it only contains)."""
    own = [d.id for d in items if any(_same_word(token, _normalise(k)) for k in dl.keywords(d))]
    return own or [d.id for d in items if _hit(dl, d, token)]


INFLECTION = 2  # "overeenkomst" and "overeenkomsten", "getekend" and "getekende": one word, not a compound


def _same_word(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(long) - len(short) <= INFLECTION


def _select(inp: DeadlinesInput, dl: Deadlines) -> list[Deadline]:
    """The deadlines the topic names best (all when it has no usable keyword), sorted by last day. Each keyword
    of the topic counts 1/n for the n deadlines it names, so a whole question works as a topic: in "kan ik nu
    nog bezwaar maken tegen het inkoopbeleid?" 'bezwaar' names one deadline, 'inkoopbeleid' two."""
    tokens = _tokens(inp.topic) if inp.topic else []
    topic = _normalise(inp.topic or "")
    # a deadline for one kind of provider only ("kindzorg") is named only by a topic that names that kind
    items = [d for d in dl.items if not tokens or not d.only_for or _names_any(topic, d.only_for)]
    named = {t: _named_by(dl, items, t) for t in tokens}
    # of deadlines named equally, those named by more words of the question ("kwaliteitsuitvraag", "VECOZO")
    scores = {
        d.id: (round(sum(1 / len(ids) for ids in named.values() if d.id in ids), 9), sum(d.id in ids for ids in named.values()))
        for d in items
    }
    best = max(scores.values(), default=(0, 0))
    chosen = [d for d in items if not tokens or (best[0] > 0 and scores[d.id] == best)]
    return sorted(chosen, key=lambda d: (d.last_day, d.first_day or d.last_day))


def _names_any(topic: str, words: list[str]) -> bool:
    return any(re.search(rf"\b{re.escape(_normalise(w))}\b", topic) for w in words)


def _verdicts(inp: DeadlinesInput, items: list[DeadlineItem], chosen: list[Deadline]) -> tuple[str, str]:
    if not items:
        return (
            f"Geen termijn gevonden voor '{inp.topic}' in het tijdpad van het beleid.",
            f"No deadline found for '{inp.topic}' in the policy's timeline.",
        )
    if inp.on_date is not None:
        still = [i for i in items if i.status != "passed"]
        if not still:
            nl, en = _listing(items)
            late = dedupe([d.late.cite() for d in chosen if d.late is not None]) if _all_say_late(chosen) else []
            then_nl = "".join(f" Te laat (§ {c.section}): «{c.quote}»" for c in late)
            then_en = "".join(f" If late (§ {c.section}): «{c.quote}»" for c in late)
            return (
                f"Op {nl_date(inp.on_date)} verstreken: {nl}.{then_nl}",
                f"Passed on {en_date(inp.on_date)}: {en}.{then_en}",
            )
        states = {_state(i) for i in still}
        if len(states) == 1:
            (nl_state, en_state), = states
            nl, en = _listing(still, on=inp.on_date)
            return f"Op {nl_date(inp.on_date)} {nl_state}: {nl}.", f"{en_state.capitalize()} on {en_date(inp.on_date)}: {en}."
        nl, en = _listing(still, states=True, on=inp.on_date)
        return f"Op {nl_date(inp.on_date)}: {nl}.", f"On {en_date(inp.on_date)}: {en}."
    nl, en = _listing(items)
    return f"Termijnen: {nl}.", f"Deadlines: {en}."


def _when(text: str, last_day: date, fmt: Callable[[date], str], label: str) -> str:
    """The policy's wording, plus the last day when the wording has no year."""
    return text if str(last_day.year) in text else f"{text} ({label} {fmt(last_day)})"


def _state(item: DeadlineItem) -> tuple[str, str]:
    """How a deadline that has not passed stands on the date: its period has not begun, is running, or it is a
    last day still ahead."""
    if item.status == "upcoming":
        return "nog niet begonnen", "not started yet"
    return ("open", "open") if item.start is not None else ("nog niet verstreken", "not yet passed")


def _listing(items: list[DeadlineItem], states: bool = False, on: date | None = None) -> tuple[str, str]:
    """The deadlines as "title: when"; with `states`, each followed by how it stands on the date asked; with `on`,
    the days left on that date."""
    def state(i: DeadlineItem, k: int) -> str:
        return f" ({_state(i)[k]})" if states else ""

    def left(i: DeadlineItem, k: int) -> str:
        return _left(i, on)[k] if on is not None else ""

    nl = "; ".join(f"{i.title}: {_when(i.when, i.last_day, nl_date, 't/m')}{state(i, 0)}{left(i, 0)}" for i in items)
    en = "; ".join(f"{i.title_en}: {_when(i.when_en, i.last_day, en_date, 'last day')}{state(i, 1)}{left(i, 1)}" for i in items)
    return nl, en


def _left(item: DeadlineItem, on: date) -> tuple[str, str]:
    """How much time is left on `on` (nl, en): the days to a last day still ahead ("nog 88 dagen"), "today is the last
    day", or the days until a step that has not begun opens; nothing for a day the policy gives only roughly ("medio")."""
    if item.approximate or item.days_left is None:
        return "", ""
    if item.status == "upcoming" and item.start is not None:
        n = (item.start - on).days
        return f", opent over {n} {'dag' if n == 1 else 'dagen'}", f", opens in {n} {'day' if n == 1 else 'days'}"
    n = item.days_left
    if n == 0:
        return ", vandaag is de laatste dag", ", today is the last day"
    return f", nog {n} {'dag' if n == 1 else 'dagen'}", f", {n} {'day' if n == 1 else 'days'} left"


def _all_say_late(chosen: list[Deadline]) -> bool:
    """Every deadline said states what follows when it is missed (not a listing of many with one consequence)."""
    return bool(chosen) and all(d.late is not None for d in chosen)


def _citations(chosen: list[Deadline], on: date | None = None) -> list[Citation]:
    """The deadlines' clauses; on a date after all of them, what follows from missing them first."""
    passed = on is not None and all(_status(d, on) == "passed" for d in chosen)
    late = [d.late.cite() for d in chosen if d.late is not None] if passed and _all_say_late(chosen) else []
    return dedupe([*late, *(s.cite() for d in chosen for s in d.sources)])


def _example(dl: Deadlines) -> tuple[date, date]:
    """A 'vóór' deadline whose quote states the year, to show how 'vóór' is read."""
    for d in dl.items:
        if d.before is not None and any(str(d.before.year) in s.quote for s in d.sources):
            return d.before, d.last_day
    return dl.items[0].last_day + timedelta(days=1), dl.items[0].last_day


def _assumptions(dl: Deadlines) -> tuple[list[str], list[str]]:
    before, last = _example(dl)
    nl = [
        f"'Vóór' een datum betekent uiterlijk de dag ervoor (vóór {nl_date(before)} = uiterlijk {nl_date(last)}); "
        "'uiterlijk' en 'tot en met' zijn inclusief.",
        "'Medio' (half van de maand) rekenen we als de 15e; zulke termijnen zijn gemarkeerd als 'approximate'.",
        *dl.notes,
        "Een onderwerp wordt gezocht op trefwoorden (Nederlands en Engels, zonder accenten); zonder bruikbaar "
        "trefwoord tonen we alle termijnen.",
    ]
    en = [
        f"'Vóór' (before) a date means the day before at the latest (before {en_date(before)} = {en_date(last)} at the "
        "latest); 'uiterlijk' (no later than) and 'tot en met' (up to and including) are inclusive.",
        "'Medio' (mid-month) counts as the 15th; such deadlines are flagged 'approximate'.",
        *dl.notes_en,
        "A topic is matched on keywords (Dutch and English, accents ignored); without a usable keyword all deadlines "
        "are shown.",
    ]
    return nl, en


def _placed(on: date, chosen: list[Deadline]) -> date:
    """A day said without a year, in the year that puts it nearest the chosen deadlines' windows (a day in June
    beside a window in May lies in that window's year); unmoved when the deadlines' years differ on that."""
    best: set[date] = set()
    for d in chosen:
        first = d.first_day or d.last_day
        days = [in_year(on, y) for y in {first.year, d.last_day.year}]
        best.add(min(days, key=lambda x: (days_outside(x, first, d.last_day), x)))
    return best.pop() if len(best) == 1 else on


def deadlines(inp: DeadlinesInput) -> DeadlinesOutput:
    dl = inp.policy().section("deadlines")
    chosen = _select(inp, dl)
    if inp.on_date is not None and not inp.year_given and chosen:
        inp = inp.model_copy(update={"on_date": _placed(inp.on_date, chosen)})
    items = [_item(d, inp.on_date) for d in chosen]
    verdict, verdict_en = _verdicts(inp, items, chosen)
    return DeadlinesOutput(
        tool="deadlines",
        verdict=verdict,
        verdict_en=verdict_en,
        rule="Elke termijn staat met de bepaling waar hij uit komt; een termijn is open tot en met zijn laatste dag.",
        rule_en="Each deadline is listed with the clause it comes from; a deadline is open up to and including its "
        "last day.",
        assumptions=_assumptions(dl)[0],
        assumptions_en=_assumptions(dl)[1],
        citations=_citations(chosen, inp.on_date),
        deadlines=items,
        open_on_date=[i.id for i in items if i.status == "open"],
        upcoming_on_date=[i.id for i in items if i.status == "upcoming"],
        passed_on_date=[i.id for i in items if i.status == "passed"],
        checked_on=inp.on_date,
        in_time=_in_time(inp, items),
        available_topics=[d.id for d in dl.items],
    )


def _in_time(inp: DeadlinesInput, items: list[DeadlineItem]) -> bool | None:
    if inp.on_date is None or not items:
        return None
    if any(i.status == "upcoming" for i in items):
        return None  # a step that has not begun yet: neither in time nor too late, the dates say when
    passed = {i.status == "passed" for i in items}
    return None if len(passed) > 1 else not passed.pop()
