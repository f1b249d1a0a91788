"""Shared building blocks for the calculators: strict input types, exact arithmetic, number formatting.

Inputs are strict where coercion would hide a mistake: counts must be whole numbers, amounts and fte
must be real numbers (never text or booleans), flags must be real booleans, dates must be `date`
objects or `YYYY-MM-DD` strings. Comparisons are done on exact fractions (no rounding before comparing).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, create_model
from pydantic_core import PydanticCustomError

from assistant.ingest.params import PolicyParams

NO_ROUNDING_NL = "Geen afronding vóór de vergelijking: er wordt met de exacte waarde vergeleken (2,95 is minder dan 3)."
NO_ROUNDING_EN = "No rounding before comparing: the exact value is compared (2.95 is less than 3)."

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: object) -> date:
    """Accept a `date` or a `YYYY-MM-DD` string; reject datetimes, numbers and other text."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("date_format", f"must be a date in YYYY-MM-DD form (got {value!r})")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
# upper bounds far above any real provider (CZ has a few million insured): a larger value is a typing error
MAX_COUNT = 100_000_000
MAX_AMOUNT = 1e12
Count = Annotated[int, Strict(), Field(ge=0, le=MAX_COUNT)]
PositiveCount = Annotated[int, Strict(), Field(ge=1, le=MAX_COUNT)]
Amount = Annotated[float, Strict(), Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
PositiveAmount = Annotated[float, Strict(), Field(gt=0, le=MAX_AMOUNT, allow_inf_nan=False)]
Flag = Annotated[bool, Strict()]
Score = Literal["A", "B", "C"]


class ToolInput(BaseModel):
    """Base for every calculator input: unknown arguments are an error, not silently dropped.

    A calculator's input model is built per policy document by `bind`: the subclass carries the document's
    parameters (`params`), and the fields whose names, allowed values or texts come from the policy."""

    model_config = ConfigDict(extra="forbid")
    params: ClassVar[PolicyParams | None] = None

    @classmethod
    def policy(cls) -> PolicyParams:
        if cls.params is None:
            raise TypeError(f"{cls.__name__} is not bound to a policy document; use the registry (run_tool)")
        return cls.params


M = TypeVar("M", bound=ToolInput)
FieldSpecs = dict[str, tuple[Any, Any]]


def bind(base: type[M], params: PolicyParams, fields: Callable[[PolicyParams], FieldSpecs] | None = None) -> type[M]:
    """`base` for one policy document (built once per document): `params` set, plus the fields that depend on
    the policy (`fields(params)`: name -> (type, Field(...)); a base field of the same name keeps its place)."""
    key = f"model:{base.__module__}.{base.__qualname__}"
    if key not in params.cache:
        model = create_model(
            base.__name__, __base__=base, __module__=base.__module__, **(fields(params) if fields else {})
        )
        model.params = params
        model.__doc__ = base.__doc__
        params.cache[key] = model
    return params.cache[key]


def invalid(field: str, message: str) -> PydanticCustomError:
    """A cross-field validation error whose one-line message starts with the field name."""
    return PydanticCustomError("invalid_combination", f"{field}: {message}")


def check_date_range(field: str, value: date | None, first: date, last: date) -> None:
    """Raise a readable error when a date falls outside the period the policy covers."""
    if value is not None and not first <= value <= last:
        raise invalid(field, f"must be between {first.isoformat()} and {last.isoformat()} (got {value.isoformat()})")


def exact(value: int | float) -> Fraction:
    """The value as an exact fraction, reading floats by their shortest decimal representation."""
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(Decimal(repr(value)))


def round2(value: Fraction) -> float:
    """Round half up to 2 decimals (for display only, never before a comparison)."""
    dec = Decimal(value.numerator) / Decimal(value.denominator)
    return float(dec.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def shown2(value: Fraction, limit: int | Fraction, ok: bool) -> float:
    """`round2(value)`, except that a failing value is never rounded onto the limit it fails
    (9,995 against "at least 10" shows as 9,99; 10,004 against "at most 10" shows as 10,01)."""
    rounded = round2(value)
    if ok or Fraction(Decimal(repr(rounded))) != limit:
        return rounded
    step = Fraction(1, 100)
    return float(limit - step) if value < limit else float(limit + step)


def _fmt(value: float | Fraction, decimals: int, thousands: str, point: str) -> str:
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", point).replace("\x00", thousands)


def nl_num(value: float | Fraction, decimals: int = 2) -> str:
    """Dutch number notation: 2,33 and 12.000,50."""
    return _fmt(value, decimals, ".", ",")


def en_num(value: float | Fraction, decimals: int = 2) -> str:
    """English number notation: 2.33 and 12,000.50."""
    return _fmt(value, decimals, ",", ".")


def _decimals(value: float | Fraction) -> int:
    return 0 if float(value) == int(float(value)) else 2


def nl_short(value: float | Fraction) -> str:
    """Dutch notation without needless decimals: 3 and 2,5 (up to 2 decimals)."""
    return nl_num(value, 2).rstrip("0").rstrip(",") if _decimals(value) else nl_num(value, 0)


def en_short(value: float | Fraction) -> str:
    """English notation without needless decimals: 3 and 2.5 (up to 2 decimals)."""
    return en_num(value, 2).rstrip("0").rstrip(".") if _decimals(value) else en_num(value, 0)


def nl_eur(value: float | Fraction) -> str:
    """Euros in Dutch notation: `€`, a space, thousands with `.`, cents (only when there are any) with `,`."""
    return "€ " + nl_num(value, _decimals(value))


def en_eur(value: float | Fraction) -> str:
    """Euros in English notation: `€`, thousands with `,`, cents (only when there are any) with `.`."""
    return "€" + en_num(value, _decimals(value))


NL_MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
EN_MONTHS = "January February March April May June July August September October November December".split()


def nl_date(value: date) -> str:
    return f"{value.day} {NL_MONTHS[value.month - 1]} {value.year}"


def en_date(value: date) -> str:
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"


def nl_day(value: date) -> str:
    """Day and Dutch month name, no year."""
    return f"{value.day} {NL_MONTHS[value.month - 1]}"


def en_day(value: date) -> str:
    """Day and English month name, no year."""
    return f"{value.day} {EN_MONTHS[value.month - 1]}"


def nl_month(value: date) -> str:
    return NL_MONTHS[value.month - 1]


def en_month(value: date) -> str:
    return EN_MONTHS[value.month - 1]


def code_day(value: date) -> str:
    """Day and lower-case English month joined by `_`: a date inside a stable code or field name."""
    return f"{value.day}_{EN_MONTHS[value.month - 1].lower()}"


def year_range(first: int, last: int) -> tuple[date, date]:
    """1 January of `first` to 31 December of `last`."""
    return date(first, 1, 1), date(last, 12, 31)


def yes_no(flag: bool, yes: str, no: str) -> str:
    return yes if flag else no


def in_year(day: date, year: int) -> date:
    """`day` in `year` (29 February in a year without it: 28 February)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=calendar.monthrange(year, day.month)[1])


def days_outside(day: date, first: date, last: date) -> int:
    """How many days `day` lies before `first` or after `last` (0 inside the window)."""
    return 0 if first <= day <= last else min(abs((day - first).days), abs((day - last).days))
