"""Shared building blocks for the calculators: strict input types, exact arithmetic, number formatting.

Inputs are strict where coercion would hide a mistake: counts must be whole numbers, amounts and fte
must be real numbers (never text or booleans), flags must be real booleans, dates must be `date`
objects or `YYYY-MM-DD` strings. Comparisons are done on exact fractions (no rounding before comparing).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

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
    """Base for every calculator input: unknown arguments are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


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
    (2,995 against "at least 3" shows as 2,99; 55,004 against "at most 55" shows as 55,01)."""
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
    """`€ 102.000` or `€ 102.000,50` (Dutch)."""
    return "€ " + nl_num(value, _decimals(value))


def en_eur(value: float | Fraction) -> str:
    """`€102,000` or `€102,000.50` (English)."""
    return "€" + en_num(value, _decimals(value))


_NL_MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
_EN_MONTHS = "January February March April May June July August September October November December".split()


def nl_date(value: date) -> str:
    return f"{value.day} {_NL_MONTHS[value.month - 1]} {value.year}"


def en_date(value: date) -> str:
    return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"


def yes_no(flag: bool, yes: str, no: str) -> str:
    return yes if flag else no
