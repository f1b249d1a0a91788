"""Checks on text and JSON from outside (HTTP bodies, query strings, command-line arguments, files), shared
by the API and the CLI. Each failure is an `InvalidInput` whose one-line message names the field.

- Text: invisible formatting characters (zero-width spaces and joiners, soft hyphens, left-to-right and
  right-to-left *marks*, byte-order marks) are removed, so "ig\u200bnore" reads as "ignore" for the guards;
  control characters (other than tab and newline) and the bidirectional *embedding/override/isolate*
  controls, which make the text display differently from what it says, are refused; so is text that is
  not valid UTF-8 (lone surrogates: what Python makes of undecodable command-line bytes).
- Numbers in a question: at most 15 digits each (`check_numbers`); the calculators cannot work with more.
- Calculator arguments: bounded nesting, list and string sizes, and numbers (finite, at most 1e12 in size),
  so an absurd value gets a clear 422 instead of an arithmetic failure inside a calculator.
- `calculation_guard`: what is left (decimal or float overflow on an extreme but allowed combination)
  becomes a clear invalid-input error instead of a crash, on every path that runs a calculator.
"""

from __future__ import annotations

import decimal
import logging
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from assistant.errors import InvalidInput

log = logging.getLogger(__name__)

# zero-width space/non-joiner/joiner, LRM, RLM, word joiner .. invisible plus, ALM, BOM, soft hyphen
INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\u061c\ufeff\u00ad]")
# LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 (tab, newline and CR are fine), DEL, C1
SURROGATE = re.compile("[\ud800-\udfff]")

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # 1.200.000,50 / 2,33 / 2027 / 0,000001
MAX_DIGITS = 15
MAX_NUMBER = 1e12
MAX_DEPTH = 6
MAX_ITEMS = 1000
MAX_STRING = 500
MAX_KEYS = 50


def _codepoint(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def text_problem(value: str) -> str | None:
    """Why `value` cannot be accepted as text (None when it can, after `clean_text`)."""
    if SURROGATE.search(value):
        return "is not valid UTF-8 text"
    m = CONTROL.search(value.replace("\r\n", "\n").replace("\r", "\n"))
    if m:
        return f"contains a control character ({_codepoint(m.group(0))}); send plain text"
    m = BIDI_CONTROLS.search(value)
    if m:
        return (
            f"contains a text-direction control character ({_codepoint(m.group(0))}) that can hide what the "
            "text says; remove it"
        )
    return None


def clean_text(value: str, field: str = "text") -> str:
    """The text without invisible formatting characters; `InvalidInput` for text that cannot be accepted."""
    if not isinstance(value, str):
        raise InvalidInput(f"{field}: must be text")
    problem = text_problem(value)
    if problem:
        raise InvalidInput(f"{field}: {problem}")
    return INVISIBLE.sub("", value)


def pydantic_text(value: str | None) -> str | None:
    """For a pydantic `field_validator`: the cleaned text, or a ValueError with the reason."""
    if value is None:
        return None
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return INVISIBLE.sub("", value)


def check_numbers(text: str, field: str = "question") -> str:
    """`text` unchanged, or `InvalidInput` when a number in it has more than MAX_DIGITS digits."""
    for m in NUMBER.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group(0))
        if digits > MAX_DIGITS:
            shown = m.group(0) if len(m.group(0)) <= 24 else m.group(0)[:20] + "…"
            raise InvalidInput(f"{field}: the number {shown} has {digits} digits; use realistic figures")
    return text


@contextmanager
def calculation_guard() -> Iterator[None]:
    """Arithmetic failures inside a calculator (extreme but accepted values) as `InvalidInput`."""
    try:
        yield
    except (decimal.DecimalException, OverflowError) as exc:  # not ZeroDivisionError & co.: those are bugs
        log.warning("calculation failed on extreme input: %s", exc.__class__.__name__)
        raise InvalidInput(
            f"a number is too large or too small to calculate with ({exc.__class__.__name__}); use realistic values"
        ) from None


def check_json_args(value: Any, field: str = "args", depth: int = 0) -> Any:
    """Calculator arguments within sane bounds (see the module docstring); returns them unchanged."""
    if depth > MAX_DEPTH:
        raise InvalidInput(f"{field}: nested too deeply (at most {MAX_DEPTH} levels)")
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if abs(value) > MAX_NUMBER:
            raise InvalidInput(f"{field}: the number is too large (at most {MAX_NUMBER:,.0f} in size)")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidInput(f"{field}: must be a finite number (got {value})")
        if abs(value) > MAX_NUMBER:
            raise InvalidInput(f"{field}: the number is too large (at most {MAX_NUMBER:,.0f} in size)")
        return value
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise InvalidInput(f"{field}: text of at most {MAX_STRING} characters")
        clean_text(value, field)
        return value
    if isinstance(value, list):
        if len(value) > MAX_ITEMS:
            raise InvalidInput(f"{field}: at most {MAX_ITEMS} items (got {len(value)})")
        for i, item in enumerate(value):
            check_json_args(item, f"{field}[{i}]", depth + 1)
        return value
    if isinstance(value, dict):
        if len(value) > MAX_KEYS:
            raise InvalidInput(f"{field}: at most {MAX_KEYS} arguments (got {len(value)})")
        for key, item in value.items():
            if not isinstance(key, str) or len(key) > 64 or text_problem(key):
                raise InvalidInput(f"{field}: argument names are short plain text")
            check_json_args(item, key if depth == 0 else f"{field}.{key}", depth + 1)
        return value
    raise InvalidInput(f"{field}: unsupported value of type {type(value).__name__}")


def run_tool_checked(run: Any, name: str, args: dict[str, Any]) -> Any:
    """`run(name, args)` after `check_json_args`, with arithmetic failures on extreme (but in-range)
    combinations reported as invalid input instead of a crash."""
    check_json_args(args)
    with calculation_guard():
        return run(name, args)
