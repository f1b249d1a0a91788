"""An answer is a plan, then text.

A `Plan` says what the answer is (a verdict, a value, a date, a correction, "not stated", a question back) and
which sentences carry it; `render` writes it in the user's language: the direct answer line first, then (for a
calculation) the calculation in one line and the assumptions that shaped it, then at most three supporting
quotes, each with section and year. Further context and generic explanations stay in the plan (the API's
`context` and `explanation` fields, folded away in the web page), never in the text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.answer.compose import gloss_en
from assistant.domain import Citation, collapse_ws

MESSAGES_PATH = Path(__file__).with_name("messages.toml")
MAX_QUOTES = 3


@lru_cache(maxsize=1)
def messages() -> dict[str, Any]:
    """messages.toml: every fixed sentence, and the calculators' refusals in words."""
    return tomllib.loads(MESSAGES_PATH.read_text(encoding="utf-8"))


def msg(key: str, lang: str, **values: object) -> str:
    """A fixed sentence in the user's language, with its placeholders filled."""
    text = messages()[key]["en" if lang == "en" else "nl"]
    return text.format(**values) if values else text


@dataclass
class Plan:
    kind: str  # verdict | value | date | correction | not_stated | clarify | quotes | calculation | diff | help
    line: str  # the direct answer line, in the user's language
    quotes: list[Citation] = field(default_factory=list)  # at most MAX_QUOTES, each carries the answer
    context: list[Citation] = field(default_factory=list)  # further context (folded)
    calculation: str | None = None  # one line: how the value was computed
    assumptions: list[str] = field(default_factory=list)  # only those that shaped this result
    explanation: list[str] = field(default_factory=list)  # generic remarks (folded "toelichting")
    parts: list[Plan] = field(default_factory=list)  # a multi-part question: one plan per part
    refused: bool = False
    intent: str = "clause"
    line_quote: Citation | None = None  # the quote the answer line itself reproduces (shown once)
    counted: bool = False  # the line works out the date a period the policy counts from a step comes to

    def all_quotes(self) -> list[Citation]:
        if self.parts:
            out: list[Citation] = []
            for p in self.parts:
                out.extend(c for c in p.all_quotes() if c not in out)
            return out
        return list(self.quotes)

    def all_context(self) -> list[Citation]:
        if self.parts:
            return [c for p in self.parts for c in p.all_context()]
        return list(self.context)


def where(c: Citation, lang: str) -> str:
    name = c.section if c.title == c.section else f"{c.section} {c.title}"
    return f"§ {name} (" + ("policy" if lang == "en" else "beleid") + f" {c.year})"


def _quote_lines(quotes: list[Citation], lang: str, line_quote: Citation | None) -> list[str]:
    if not quotes:
        return []
    out = [msg("source" if len(quotes) == 1 else "sources", lang)]
    for c in quotes[:MAX_QUOTES]:
        if line_quote is not None and collapse_ws(c.quote) == collapse_ws(line_quote.quote):
            out.append(f"- {where(c, lang)}")  # the answer line already reproduces this sentence
        else:
            out.append(f"- {where(c, lang)}: «{c.quote}»")
    return out


SUMMARY_CHARS = 200  # a part's answer line longer than this is said by its head on the first line (whole below)


def summary(plan: Plan) -> str | None:
    """One line with every part's answer, in the order of the parts below ("Uiterlijk 1 november 2026 (§ 4.1,
    beleid 2027) | Uiterlijk 12 november 2026 (§ 4.1, beleid 2027)."); a long line by its head, cut at a word
    with "…" (a quote closed again, its clause named), so every part's answer opens the reply."""
    lines = [_head(p.line.split("\n")[0].strip().rstrip(".")) for p in plan.parts]
    if not lines:
        return None
    return " | ".join(lines) + "."


_REFERENCE = re.compile(r"\s*\(§[^()]*\)")  # "(§ 4.1, beleid 2027)"


def _head(line: str) -> str:
    """`line`, or its first SUMMARY_CHARS characters cut at a word, with "…" (inside a quote: "…»") and the line's
    last clause reference with what follows it (an English line's key terms)."""
    if len(line) <= SUMMARY_CHARS:
        return line
    refs = list(_REFERENCE.finditer(line))
    tail = line[refs[-1].start() :] if refs else ""
    cut = line[: refs[-1].start()] if refs else line
    cut = cut[: max(SUMMARY_CHARS - len(tail), SUMMARY_CHARS // 2)]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    opened = cut.count("«") > cut.count("»")
    return cut.rstrip(" ,;:") + (" …»" if opened else " …") + tail


def render(plan: Plan, lang: str) -> str:
    if plan.parts:
        blocks = [line] if (line := summary(plan)) else []
        for n, part in enumerate(plan.parts, 1):
            body = render(part, lang).split("\n")
            body[0] = msg("part", lang, n=n, text=body[0])
            blocks.append("\n".join(body))
        return "\n\n".join(blocks)
    lines = [plan.line[:1].upper() + plan.line[1:]]
    if plan.calculation:
        lines.append(msg("calculation", lang, text=plan.calculation))
    lines.extend(msg("assumption", lang, text=a.rstrip(".")) for a in dict.fromkeys(plan.assumptions))
    lines.extend(_quote_lines(plan.quotes, lang, plan.line_quote))
    if lang == "en" and plan.quotes:  # the Dutch quotes: their key terms in English under them (those a clause line
        lines.append(gloss_en(plan.quotes[:MAX_QUOTES], skip=plan.line))  # glosses itself are not said twice)
    return "\n".join(line for line in lines if line)


def with_notices(body: str, notices: list[str]) -> str:
    """The answer with the guards' notices (ignored instructions, personal data) after its first line: the answer
    comes first, the notice right under it."""
    if not notices:
        return body
    first, _, rest = body.partition("\n")
    return "\n".join([first, *notices]) + ("\n\n" + rest.lstrip("\n") if rest.strip() else "")
