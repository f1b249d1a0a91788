"""Word-level differences between two versions of a sentence; changed numbers and levels are flagged.

Tokens are the words of the collapsed text (punctuation stays with its word, footnote markers are ignored
when comparing). Two changes separated by a single unchanged word are one change, so "niveau 5/6" ->
"(niveau 6)" reads as one edit: `hbo-verpleegkundige niveau 5/6` -> `hbo-bachelor opgeleide verpleegkundige
(niveau 6)`."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from assistant.diff.model import Change, Segment
from assistant.diff.sentences import normalise

CONTEXT_WORDS = 3
_LEVEL = re.compile(r"\b(?:niveau|level|hbo|mbo|wo|bachelor|master|hbo-v|sph)\b", re.I)
_SECTION_REF = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2})+[).,;:]*$")  # "1.5" or "2.3.4": a reference, not a figure
_FIGURE = re.compile(r"€\s?\d[\d.,]*|\d+(?:[.,/]\d+)*\s?%?|\bniveau\s+\d+(?:/\d+)?(?:\s+(?:of|tot)\s+\d+)?", re.I)


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    return normalise(word).strip(".,;:()[]'\"!?")


def emphasised(text: str) -> bool:
    """A number, amount, percentage or education level: what a reader must not miss."""
    figures = [w for w in text.split() if re.search(r"\d", w) and not _SECTION_REF.match(w)]
    return bool(figures or _LEVEL.search(text))


def figures(text: str) -> list[str]:
    return [m.group(0).strip() for m in _FIGURE.finditer(text)]


@lru_cache(maxsize=65536)
def _counts(word: str) -> bool:
    return re.search(r"\w", _key(word)) is not None


def _words(text: str) -> list[str]:
    """The words that count: bullets, footnote markers and lone punctuation are left out."""
    return [w for w in text.split() if _counts(w)]


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    ops = SequenceMatcher(None, [_key(w) for w in a], [_key(w) for w in b], autojunk=False).get_opcodes()
    merged: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        joins = len(merged) >= 2 and merged[-1][0] == "equal" and merged[-2][0] != "equal"
        if op[0] != "equal" and joins and merged[-1][2] - merged[-1][1] == 1:
            merged.pop()  # the single unchanged word between two changes joins them
            first = merged.pop()
            merged.append(("replace", first[1], op[2], first[3], op[4]))
        else:
            merged.append(op)
    return merged


def word_diff(before: str, after: str) -> tuple[list[Segment], list[Change]]:
    """Segments to render the after-text with deletions and insertions marked, and the list of changes."""
    a, b = _words(before), _words(after)
    segments: list[Segment] = []
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        old, new = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if tag == "equal":
            segments.append(Segment(op="equal", text=new))
            continue
        strong = emphasised(old) or emphasised(new)
        if old:
            segments.append(Segment(op="delete", text=old, emphasis=strong))
        if new:
            segments.append(Segment(op="insert", text=new, emphasis=strong))
        context = " ".join(b[max(0, j1 - CONTEXT_WORDS) : j1])
        changes.append(
            Change(
                before=old,
                after=new,
                context=context,
                emphasis=strong,
                figures_before=figures(old),
                figures_after=figures(new),
            )
        )
    return segments, changes


def similarity(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
