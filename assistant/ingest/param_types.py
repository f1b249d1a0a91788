"""The typed policy parameters: a quote with the clause it stands in (`Source`), quotes that carry a value
(`Amount`, `Day`, `Window`, `Years`, ...), and one section per calculator. Each value-carrying type names the
fields its quote must state (`NUMBERS`, `DATES`); `assistant.ingest.params` checks them against the corpus."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from assistant.domain import Citation
from assistant.ingest.quotes import states_date, states_month, states_number, states_text


class ParamModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- a quote, and quotes that carry values


class Source(ParamModel):
    """A verbatim quote and the clause it stands in; `cite()` gives it as a Citation."""

    clause: str = Field(description="clause key relative to the document: '2.3.2', 'bijlage-1/1.4', 'voorwoord'")
    quote: str
    _citation: Citation | None = PrivateAttr(None)
    NUMBERS: ClassVar[tuple[str, ...]] = ()  # fields whose value the quote must state
    DATES: ClassVar[tuple[str, ...]] = ()

    def cite(self) -> Citation:
        if self._citation is None:
            raise RuntimeError(f"parameter quote not resolved against the corpus: {self.quote!r}")
        return self._citation

    @property
    def clause_id(self) -> str:
        return self.cite().clause_id

    def problems(self) -> list[str]:
        """What the quote fails to state: the values of NUMBERS and DATES fields."""
        out = []
        for name in self.NUMBERS:
            for v in _listed(getattr(self, name)):
                if not states_number(self.quote, v):
                    out.append(f"{name} = {v}")
        for name in self.DATES:
            v = getattr(self, name)
            if v is not None and not self._states(v):
                out.append(f"{name} = {v.isoformat()}")
        return out

    def _states(self, value: date) -> bool:
        return states_date(self.quote, value)


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


class Amount(Source):
    """A number (count, €, %, points) stated in the quote."""

    value: int | float
    NUMBERS = ("value",)


class Day(Source):
    """A date as the policy states it; `month_only` for "in september", `approximate` for "medio juli"."""

    value: date
    month_only: bool = False
    approximate: bool = False
    DATES = ("value",)

    def _states(self, value: date) -> bool:
        if self.month_only:
            return states_month(self.quote, value)
        return states_date(self.quote, value, approximate=self.approximate)


class Window(Source):
    """A period, both days inclusive ("tussen <date> en <date>")."""

    start: date
    end: date
    DATES = ("start", "end")


class Years(Source):
    values: list[int]
    NUMBERS = ("values",)


# ---------------------------------------------------------------- one section per calculator


class PostcodeRow(Source):
    year: int
    existing: int
    new: int
    NUMBERS = ("year", "existing", "new")

    def threshold(self, provider_type: str) -> int:
        return self.existing if provider_type == "existing" else self.new


class ClaimsData(Source):
    claims_year: int
    NUMBERS = ("claims_year",)


class Postcode(ParamModel):
    thresholds: list[PostcodeRow] = Field(min_length=1)
    table_head: Source
    applies: Source
    method: ClaimsData
    consequence: Source
    only_exception: Source
    core_area_rule: Source
    new_provider_rule: Source

    def threshold_row(self, year: int) -> PostcodeRow | None:
        return next((r for r in self.thresholds if r.year == year), None)


class StaffelRow(Source):
    percentage: int
    NUMBERS = ("percentage",)


class StaffelRows(ParamModel):
    ceiling_free: StaffelRow
    a_both: StaffelRow
    a_first: StaffelRow
    b_first_min_points: StaffelRow
    no_score: StaffelRow


class Staffel(ParamModel):
    score_years: Years = Field(description="the two waardemodel years the table reads: [previous, policy year]")
    min_cost_points: Amount = Field(description="score B needs at least this many cost points")
    rows: StaffelRows
    intro: Source
    head: Source
    deviate: Source

    @model_validator(mode="after")
    def _two_years(self) -> Staffel:
        if len(self.score_years.values) != 2:
            raise ValueError("staffel.score_years: give the two years the table reads")
        return self


class AdditionalPurchase(ParamModel):
    threshold_pct: Amount
    reached_before: Day
    request_month: Day
    sent_before: Day
    zorgplicht: Source
    spread: Source
    growth: Source
    region: Source
    continuity: Source


class NewProvider(ParamModel):
    window: Window
    window_timeline: Window
    min_revenue_eur: Amount
    max_registrations: Amount
    min_postcode_average: Amount
    rejected: Source
    igj: Source
    added_value: Source
    white_spot: Source
    integrity: Source
    bijlage1: Source


class Limit(Source):
    """Subcontracting: at most `max_pct` % of care by subcontractors from `from_year` (default: the document's year)."""

    from_year: int | None = None
    max_pct: int
    also: list[Source] = Field(default_factory=list, description="further quotes stating the same rule")
    NUMBERS = ("from_year", "max_pct")


class Subcontracting(ParamModel):
    limits: list[Limit] = Field(default_factory=list)
    schedule_intro: Source | None = None
    schedule_name: str | None = Field(None, description="how the messages name this document's schedule (Dutch)")
    schedule_name_en: str | None = None
    zzp: Source | None = None
    daughters: Source | None = None
    not_reported: Source | None = None
    consequence: Source | None = None
    cooperative_exception: Source | None = None


class Ratio(Source):
    max_clients_per_fte: int
    nurse: str = Field(description="the nurse as the quote names them (checked against the quote)")
    nurse_short: str
    nurse_en: str
    nurse_short_en: str
    NUMBERS = ("max_clients_per_fte",)

    def problems(self) -> list[str]:
        return super().problems() + ([] if states_text(self.quote, self.nurse) else [f"nurse = {self.nurse}"])


class Cooperative(ParamModel):
    ratio: Ratio
    exception: Source


class Caseload(Source):
    min: int
    max: int
    NUMBERS = ("min", "max")


class Dementia(ParamModel):
    caseload: Caseload
    head: Source


class NamedYear(Source):
    year_named: int
    NUMBERS = ("year_named",)


class Waardemodel(ParamModel):
    limit_eur: Amount
    lower: NamedYear
    all_submit: Source
    quality_window: Window
    late_c: Source


class Exclusion(ParamModel):
    intro: Source
    grounds: dict[str, Source]


Who = Literal["provider", "cz", "region", "provider_and_cz"]


class Deadline(ParamModel):
    """A dated obligation. Exactly one of `by` (inclusive: "uiterlijk"), `before` ("vóór": the day before is
    the last day) or `in_month` ("in september": the whole month); `start` opens a window."""

    id: str
    title: str
    title_en: str
    who: Who
    when: str = Field(description="as the policy puts it (Dutch)")
    when_en: str
    start: date | None = None
    by: date | None = None
    before: date | None = None
    in_month: date | None = None
    approximate: bool = False
    sources: list[Source] = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)
    keyword_sets: list[str] = Field(default_factory=list)
    # words naming the only providers the deadline is for ("kindzorg"): a question that names none of them is about
    # the deadline for everyone when that one is named as well
    only_for: list[str] = Field(default_factory=list)
    late: Source | None = None  # what follows when the deadline is missed, as the policy says it
    note: str | None = None
    note_en: str | None = None

    @model_validator(mode="after")
    def _one_end(self) -> Deadline:
        ends = [k for k in ("by", "before", "in_month") if getattr(self, k) is not None]
        if len(ends) != 1:
            raise ValueError(f"deadline {self.id}: give exactly one of by, before, in_month")
        if self.first_day is not None and self.first_day > self.last_day:
            raise ValueError(f"deadline {self.id}: start is after the last day")
        return self

    @property
    def last_day(self) -> date:
        if self.by is not None:
            return self.by
        if self.before is not None:
            return self.before - timedelta(days=1)
        m = self.in_month or date.min
        return m.replace(day=calendar.monthrange(m.year, m.month)[1])

    @property
    def first_day(self) -> date | None:
        return self.start or (self.in_month.replace(day=1) if self.in_month else None)

    def problems(self) -> list[str]:
        stated = {"start": self.start, "by": self.by, "before": self.before}
        out = [
            f"{name} = {value.isoformat()}"
            for name, value in stated.items()
            if value is not None
            and not any(states_date(s.quote, value, approximate=self.approximate) for s in self.sources)
        ]
        if self.in_month is not None and not any(states_month(s.quote, self.in_month) for s in self.sources):
            out.append(f"in_month = {self.in_month.isoformat()}")
        return out


class Deadlines(ParamModel):
    items: list[Deadline] = Field(min_length=1)
    keyword_sets: dict[str, list[str]] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list, description="assumptions about this document's deadlines (Dutch)")
    notes_en: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_sets(self) -> Deadlines:
        for d in self.items:
            unknown = [k for k in d.keyword_sets if k not in self.keyword_sets]
            if unknown:
                raise ValueError(f"deadline {d.id}: unknown keyword_sets {unknown}; defined: {list(self.keyword_sets)}")
        if len(self.notes) != len(self.notes_en):
            raise ValueError("deadlines.notes and deadlines.notes_en must have the same length")
        return self

    def keywords(self, d: Deadline) -> tuple[str, ...]:
        """The deadline's own keywords, those of its keyword sets, and the longer words of its titles."""
        extra = [k for name in d.keyword_sets for k in self.keyword_sets[name]]
        titled = [w for w in re.findall(r"[^\W\d_]{5,}", f"{d.title} {d.title_en}".lower())]
        return tuple(dict.fromkeys([*d.keywords, *extra, *titled]))
