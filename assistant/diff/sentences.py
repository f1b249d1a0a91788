"""A clause as a list of sentences, each verbatim (whitespace collapsed) with its line span in the source.

Sentences come from the project's splitter (`split_sentences`) over the clause's passages. Two clean-ups
that keep every sentence a verbatim piece of the text: bare list markers ("1.", "•") are dropped, and a
piece that stops mid-sentence at a PDF line break is joined to the piece that continues it in lower case."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from assistant.domain import Clause, Passage, collapse_ws
from assistant.ingest.parser import split_sentences

_MARKER = re.compile(r"^(?:[•·\-–]|\(?\d{1,2}[.)]|[a-z][.)])$")
_FOOTNOTE = re.compile(r"\[\d{1,2}\]|(?<=[a-zà-ÿ])\d{1,2}(?=\s|$)")
_TOKEN = re.compile(r"[0-9a-zà-ÿ]+(?:[/,.-][0-9a-zà-ÿ]+)*", re.I)
_TERMINAL = tuple(".;:!?")
STOP = frozenset(
    "de het een en van in op te voor met die dat is zijn aan bij of door als om ook niet wordt worden we wij "
    "zij hij deze dit er naar over uit tot hun ons onze kan kunnen moet moeten wel dan zo".split()
)


@dataclass
class Sent:
    """One sentence of a clause (internal: the diff's output types are in `assistant.diff.model`)."""

    clause_id: str
    text: str  # verbatim, whitespace collapsed
    line_start: int
    line_end: int
    index: int  # position in the clause
    footnote: bool = False  # from a footnote passage of the clause
    key: str = ""  # for comparing: lower case, no footnote markers, quotes unified
    tokens: list[str] = field(default_factory=list)
    token_set: frozenset[str] = frozenset()
    content: frozenset[str] = frozenset()  # the words that carry meaning (for finding candidate pairs)


def normalise(text: str) -> str:
    t = unicodedata.normalize("NFC", text).lower()
    t = t.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("\xa0", " ")
    t = _FOOTNOTE.sub("", t)
    return collapse_ws(t.strip(" •"))


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


class _Locator:
    """Find collapsed text in a document's raw lines and return its line span."""

    def __init__(self, raw: str) -> None:
        chars, where, space = [], [], True
        for i, ch in enumerate(raw):
            if ch.isspace():
                if not space:
                    chars.append(" ")
                    where.append(i)
                space = True
            else:
                chars.append(ch)
                where.append(i)
                space = False
        self.text = "".join(chars)
        self.where = where
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]

    def span(self, needle: str, start_line: int, end_line: int) -> tuple[int, int] | None:
        lo = self._offset(start_line)
        hi = self._offset(end_line + 1)
        pos = self.text.find(needle, lo, hi + 1) if lo < len(self.text) else -1
        if pos < 0:
            return None
        first = bisect_right(self.line_starts, self.where[pos])
        last = bisect_right(self.line_starts, self.where[pos + len(needle) - 1])
        return first, last

    def _offset(self, line: int) -> int:
        """Index in the collapsed text of the first character at or after the start of `line` (1-based)."""
        if line - 1 >= len(self.line_starts):
            return len(self.text)
        raw_pos = self.line_starts[line - 1]
        from bisect import bisect_left

        return bisect_left(self.where, raw_pos)


def _pieces(passage: Passage) -> list[str]:
    out: list[str] = []
    for piece in split_sentences(passage.text, table=passage.kind == "table"):
        text = collapse_ws(piece)
        if passage.subheading and text.startswith(passage.subheading + " ") and not out:
            out.append(passage.subheading)
            text = text[len(passage.subheading) :].strip()
        text = text.lstrip("•· ").strip()  # a list bullet is not part of the sentence
        if not text or _MARKER.match(text):
            continue
        if out and not out[-1].endswith(_TERMINAL) and text[:1].islower():
            out[-1] = f"{out[-1]} {text}"  # one sentence cut at a PDF line break
            continue
        out.append(text)
    return out


def clause_sentences(clause: Clause, passages: list[Passage], locator: _Locator) -> list[Sent]:
    """The clause's sentences in order, each with its line span (a piece the text does not hold is skipped)."""
    out: list[Sent] = []
    for p in passages:
        for text in _pieces(p):
            span = locator.span(text, p.line_start, p.line_end) or locator.span(
                text, clause.line_start, clause.line_end
            )
            if span is None:
                continue
            toks = tokens(text)
            out.append(
                Sent(
                    clause.id,
                    text,
                    span[0],
                    span[1],
                    index=len(out),
                    footnote=p.kind == "footnote",
                    key=normalise(text),
                    tokens=toks,
                    token_set=frozenset(toks),
                    content=frozenset(t for t in toks if len(t) > 2 and t not in STOP),
                )
            )
    return out


def joined(first: Sent, second: Sent) -> Sent:
    """Two sentences that follow each other in one clause, as one: the version of a sentence the other year split in
    two ("... conform het kwaliteitskader Wijkverpleging en maakt de resultaten ... openbaar" became "... conform het
    Generiek kompas. Hij maakt de resultaten ... openbaar")."""
    text = f"{first.text} {second.text}"
    toks = first.tokens + second.tokens
    return Sent(
        first.clause_id, text, first.line_start, second.line_end, first.index, first.footnote, normalise(text), toks,
        frozenset(toks), first.content | second.content,
    )


def document_sentences(raw: str, clauses: list[Clause], passages: list[Passage]) -> dict[str, list[Sent]]:
    """Clause id -> sentences, for the clauses of one document."""
    locator = _Locator(raw)
    by_clause: dict[str, list[Passage]] = {}
    for p in passages:
        by_clause.setdefault(p.clause_id, []).append(p)
    return {c.id: clause_sentences(c, by_clause.get(c.id, []), locator) for c in clauses}
