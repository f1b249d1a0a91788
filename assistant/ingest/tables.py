"""Tables as the policy prints them: header cells and rows of cells, each with its verbatim text and line span.

The PDF text flattens a table to a header line and rows separated by blank lines; a cell can stand on several
lines and a row can be several blocks. `read_table(blocks)` reads those blocks (lists of (line number, raw line))
into a `Table`. A row is one of:
  - key-led: the first block starts with a year ("2026 Per 4-cijferig ...", or only "2022"); the blocks up to the
    next year are its further cells (the postcode table in 2.3.2, the 2024 ingroeimodel in Bijlage 1 1.2);
  - value-trailed: every row ends with a value (a percentage, an amount, a date or a period), which is its last
    cell (the staffel in 3.2.4, the timeline in 4.1); a block that is only such a value is the value cell of the
    row before it ("Uiterlijk 1 november" / "2026" under its activity);
  - otherwise each block is a row of one cell.
Header cells: the header line cut before each capitalised word when that gives as many cells as the rows have,
else one cell. The values are read by the one quantity reader (assistant.text.quantities), never re-parsed here.

A caller asks for the row that applies:

    table = corpus.table_for(passage_id)            # or corpus.tables_in(clause_id)
    match = table.row_for("Bij score B in 2026 en minstens 5 punten ...", terms=...)
    match.row.cells[-1].text                         # '85%'
    table.quote(match.row)                           # (header, row): each a verbatim piece of the clause

`row_for` reads the text's quantities and words: a row applies when the facts of its key cells (years, score
letters, points) are all in the text and none contradicts it, or, for rows named by words (the timeline), when the
row has at least half of the text's row-naming words (the words of the key cells); the row that fits best wins,
and a tie means the text does not say which row. `columns` are the value columns the
text names by their header words ("bestaande" / "nieuwe zorgaanbieders"), or all value columns when it names none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.domain import collapse_ws
from assistant.text.quantities import Quantity, fold, read

KEY_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\b")
VALUE_KINDS = ("percent", "money", "date", "period")
KEY_KINDS = ("year", "score", "count", "number", "range")
# words that belong to a date cell in front of its date ("Uiterlijk 1 april 2026")
_DATE_LEAD = re.compile(r"(?:\b(?:uiterlijk|vóór|voor|vanaf|tot en met|tot|per)\s*)+$", re.IGNORECASE)
_DATE_JOIN = re.compile(r"^\s*(?:-|–|—|tot\s+en\s+met|t/m|tot|en)\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
MIN_WORD_SHARE = 0.5  # a row named by words: it has at least this share of the text's words that name rows

Terms = Callable[[str], set[str]]


@dataclass(frozen=True)
class Cell:
    text: str  # verbatim: the source lines of the cell (whitespace as in the source)
    line_start: int
    line_end: int

    @property
    def flat(self) -> str:
        return collapse_ws(self.text)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    text: str  # the whole row, verbatim (its lines joined with "\n")
    line_start: int
    line_end: int

    @property
    def flat(self) -> str:
        return collapse_ws(self.text)


@dataclass(frozen=True)
class RowMatch:
    row: Row
    columns: tuple[int, ...]  # value columns the text is about (all value columns when it names none)
    named_column: bool  # the text named its column(s) by header words
    used: frozenset[int] = frozenset()  # positions (start offsets) of the text's quantities that matched key cells
    score: float = 0.0


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    header: Row | None = None
    key_columns: int = 1  # the first n cells of a row name it; the others hold its values
    intro: str | None = None  # the sentence that introduces the table ("... als volgt:"), verbatim
    clause_id: str = ""
    passage_id: str = ""
    _facts: dict[str, list[Quantity]] = field(default_factory=dict, compare=False, repr=False)  # per cell text

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)

    @property
    def value_columns(self) -> tuple[int, ...]:
        return tuple(range(self.key_columns, self.width))

    @property
    def columns(self) -> list[str]:
        """Header cell texts (collapsed) per column; '' where the table has no header for it."""
        if self.header is None or len(self.header.cells) != self.width:
            return [""] * self.width
        return [c.flat for c in self.header.cells]

    @property
    def text(self) -> str:
        """The table as the passage holds it: header and rows, a blank line between rows."""
        parts = ([self.header.text] if self.header else []) + [r.text for r in self.rows]
        return "\n\n".join(parts)

    def quote(self, row: Row) -> tuple[str, ...]:
        """The row with its header, as verbatim pieces (one piece when the row follows the header directly)."""
        if self.header is None:
            return (row.text,)
        if self.rows and row is self.rows[0]:
            return (f"{self.header.text}\n{row.text}",)
        return (self.header.text, row.text)

    def facts(self, text: str) -> list[Quantity]:
        """The quantities of a cell or row text (read once per text)."""
        if text not in self._facts:
            self._facts[text] = read(collapse_ws(text))
        return self._facts[text]

    def key_text(self, row: Row) -> str:
        return " ".join(c.flat for c in row.cells[: self.key_columns])

    def row_for(self, text: str, terms: Terms | None = None) -> RowMatch | None:
        """The row `text` is about, with the value columns it names; None when no row clearly applies."""
        terms = terms or plain_terms
        facts = read(collapse_ws(text))
        words = terms(text)
        scored = [(s, row) for row in self.rows if (s := self._score(row, facts, words, terms)) is not None]
        if not scored:
            return None
        scored.sort(key=lambda x: -x[0][0])
        (best, used), row = scored[0]
        if len(scored) > 1 and scored[1][0][0] >= best:
            return None  # two rows fit equally well: the text does not say which
        columns, named = self._columns(row, words, terms)
        return RowMatch(row, columns, named, frozenset(used), best)

    def _score(self, row: Row, facts: list[Quantity], words: set[str], terms: Terms) -> tuple[float, set[int]] | None:
        """(score, positions of the text's quantities used) when the row can be what the text is about."""
        key = [q for q in self.facts(self.key_text(row)) if q.kind in KEY_KINDS]
        matched, missing, conflicts, used = 0, 0, 0, set()
        for k in key:
            free = [q for q in facts if q.start not in used]
            hit = next((q for q in free if same_key(k, q)), None)
            if hit is not None:
                matched += 1
                used.add(hit.start)
            elif any(conflicting_key(k, q) for q in free if not any(same_key(o, q) for o in key)):
                conflicts += 1
            else:
                missing += 1
        kinds = {k.kind for k in key}
        extra = sum(1 for q in facts if q.start not in used and q.kind in kinds)
        shared = self._shared_words(terms)
        key_words = terms(self.key_text(row)) - shared
        own = words & key_words
        named = words & self._row_words(terms, shared)  # the text's words that name some row
        cover = len(own) / len(named) if named else 0.0
        recall = len(own) / len(key_words) if key_words else 0.0
        # a key fact of the text that this row does not state, of a kind other rows are named by (a score letter,
        # points; not a year, which texts add freely): the text is about another row
        stray = any(q.start not in used and q.kind in self._key_kinds() - {"year"} for q in facts)
        by_facts = matched > 0 and conflicts == 0 and missing == 0
        # a part of one of the row's compounds alone ("plafond" of "plafondvrije") does not name the row
        whole = {t for t in own if not any(t != u and t in u and u not in words for u in key_words)}
        by_words = conflicts == 0 and bool(whole) and cover >= MIN_WORD_SHARE and not stray
        if not (by_facts or by_words):
            return None
        return matched - missing - extra + cover + recall, used

    def _shared_words(self, terms: Terms) -> set[str]:
        """Words of the header, the intro and the value cells: they do not tell one row from another."""
        out: set[str] = set()
        for text in [*self.columns, self.intro or ""]:
            out |= terms(text)
        for r in self.rows:
            for c in r.cells[self.key_columns :]:
                out |= terms(c.text)
        return out

    def _key_kinds(self) -> set[str]:
        return {q.kind for r in self.rows for q in self.facts(self.key_text(r)) if q.kind in KEY_KINDS}

    def _row_words(self, terms: Terms, shared: set[str]) -> set[str]:
        """Words of the key cells of all rows (not in the header, intro or value cells): the words that name rows."""
        words: set[str] = set()
        for r in self.rows:
            words |= terms(self.key_text(r))
        return words - shared

    def _columns(self, row: Row, words: set[str], terms: Terms) -> tuple[tuple[int, ...], bool]:
        """The value columns whose own words (header words, or the cell's words when the table has no header)
        the text uses; all value columns when it uses none."""
        values = tuple(i for i in self.value_columns if i < len(row.cells))
        heads = self.columns
        names = {i: terms(heads[i]) if heads[i] else terms(row.cells[i].text) for i in values}
        own = {i: names[i] - set().union(*(names[j] for j in values if j != i)) for i in values}
        hits = {i: len(own[i] & words) for i in values}
        top = max(hits.values(), default=0)
        named = tuple(i for i in values if top and hits[i] == top)
        return (named, True) if named else (values, False)


def plain_terms(text: str) -> set[str]:
    """Folded words of 3+ letters: the default when a caller has no analyser of its own."""
    return {fold(w) for w in _WORD.findall(text) if len(w) >= 3}


def same_key(a: Quantity, b: Quantity) -> bool:
    """Does quantity b (in a text) state key fact a (of a row)?"""
    if a.kind == "score" or b.kind == "score":
        return a.kind == b.kind and a.value == b.value and not b.negated
    if a.kind == "year" or b.kind == "year":
        return a.kind == b.kind and a.value == b.value
    if a.number is None or b.number is None:
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.number != b.number:
        return within_key(a, b)  # "een B met 8 punten": the row "B én ≥ 5 punten"
    return compatible_bounds(a.bound, b.bound)


_WITHIN = {"min": lambda x, y: x >= y, "gt": lambda x, y: x > y, "max": lambda x, y: x <= y, "lt": lambda x, y: x < y}


def within_bound(value: Any, bound: str | None, limit: Any) -> bool:
    """Does `value` lie inside the bound `bound` ("min", "gt", "max", "lt") sets at `limit`? False for no bound."""
    test = _WITHIN.get(bound or "")
    return bool(test and test(value, limit))


def within_key(a: Quantity, b: Quantity) -> bool:
    """A plain figure (b, no bound of its own) that lies inside the bound a row key states (a: "≥ 5 punten")."""
    return b.bound is None and a.number is not None and b.number is not None and within_bound(b.number, a.bound, a.number)


def conflicting_key(a: Quantity, b: Quantity) -> bool:
    """b states something else where row key a stands: another year, another score letter, another count of the
    same unit or the same count with an opposite bound. (The caller only asks about text quantities that no key
    of the row states: a text may name several years.)"""
    if a.kind == "year":
        return b.kind == "year" and b.value != a.value
    if a.kind == "score":
        return b.kind == "score" and b.value != a.value and not b.negated
    if a.kind in ("count", "number") and b.kind in ("count", "number") and a.unit and a.unit == b.unit:
        if within_key(a, b):
            return False
        return a.number != b.number or not compatible_bounds(a.bound, b.bound)
    return False


_OPPOSITE_BOUNDS = {("min", "max"), ("min", "lt"), ("gt", "max"), ("gt", "lt")}


def compatible_bounds(a: str | None, b: str | None) -> bool:
    return (a, b) not in _OPPOSITE_BOUNDS and (b, a) not in _OPPOSITE_BOUNDS


# ---------------------------------------------------------------- reading the blocks


@dataclass
class _Text:
    """Lines joined with "\\n", with the source line number of every character offset."""

    text: str
    starts: list[tuple[int, int]]  # (offset, line no)

    @classmethod
    def of(cls, lines: list[tuple[int, str]]) -> _Text:
        text, starts = "", []
        for no, raw in lines:
            if text:
                text += "\n"
            starts.append((len(text), no))
            text += raw.rstrip()
        return cls(text, starts)

    def line_at(self, offset: int) -> int:
        no = self.starts[0][1]
        for off, n in self.starts:
            if off <= offset:
                no = n
        return no

    def cell(self, a: int, b: int) -> Cell | None:
        chunk = self.text[a:b]
        if not chunk.strip():
            return None
        a2 = a + len(chunk) - len(chunk.lstrip())
        b2 = a + len(chunk.rstrip())
        return Cell(self.text[a2:b2], self.line_at(a2), self.line_at(b2 - 1))


def trailing_value(text: str) -> int | None:
    """Where the value cell at the end of a row text starts (a percentage, amount, date or period, with the
    words in front of a date such as 'Uiterlijk'), or None when the text does not end with a value."""
    qs = read(text)
    if not qs or qs[-1].kind not in VALUE_KINDS or text[qs[-1].end :].strip():
        return None
    k = len(qs) - 1
    while k > 0 and qs[k].kind in ("date", "period") and qs[k - 1].kind in ("date", "period"):
        if not _DATE_JOIN.match(text[qs[k - 1].end : qs[k].start]):
            break
        k -= 1
    start = qs[k].start
    if qs[k].kind in ("date", "period"):
        lead = _DATE_LEAD.search(text[:start])
        if lead:
            start = lead.start()
    return start


def _is_year_only(lines: list[tuple[int, str]]) -> bool:
    return bool(re.fullmatch(r"\s*(?:19|20)\d{2}\s*", " ".join(raw for _, raw in lines)))


def _merge_value_blocks(blocks: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """A block that is only a value (a date under its activity) belongs to the block before it."""
    out: list[list[tuple[int, str]]] = []
    for blk in blocks:
        flat = collapse_ws(" ".join(raw for _, raw in blk))
        if out and trailing_value(flat) == 0 and re.search(r"\d", flat):
            out[-1] = out[-1] + blk
        else:
            out.append(list(blk))
    return out


def _key_led_row(groups: list[list[tuple[int, str]]]) -> Row:
    t = _Text.of([ln for g in groups for ln in g])
    cells: list[Cell] = []
    first_len = len("\n".join(raw.rstrip() for _, raw in groups[0]))
    m = KEY_YEAR.match(t.text)
    bounds = [0, m.end(1)] if m else [0]
    bounds.append(first_len)
    offset = first_len
    for g in groups[1:]:
        offset += 1 + len("\n".join(raw.rstrip() for _, raw in g))
        bounds.append(offset)
    for a, b in zip(bounds, bounds[1:], strict=False):
        c = t.cell(a, b)
        if c is not None:
            cells.append(c)
    return _row(t, cells)


def _row(t: _Text, cells: list[Cell]) -> Row:
    text = t.text.strip()
    return Row(tuple(cells), text, cells[0].line_start if cells else t.starts[0][1], t.line_at(len(t.text) - 1))


def _value_row(group: list[tuple[int, str]]) -> Row:
    t = _Text.of(group)
    flat_start = trailing_value(t.text)
    if flat_start is None:
        cells = [c for c in (t.cell(0, len(t.text)),) if c]
    else:
        cells = [c for c in (t.cell(0, flat_start), t.cell(flat_start, len(t.text))) if c]
    return _row(t, cells)


def _header(lines: list[tuple[int, str]], width: int) -> Row:
    t = _Text.of(lines)
    starts = [m.start() for m in re.finditer(r"(?<!\S)[A-ZÀ-Ý]", t.text)]
    if len(starts) == width and starts and not t.text[: starts[0]].strip():
        bounds = [*starts, len(t.text)]
        cells = [c for a, b in zip(bounds, bounds[1:], strict=False) if (c := t.cell(a, b))]
    else:
        cells = [c for c in (t.cell(0, len(t.text)),) if c]
    return _row(t, cells)


def read_table(blocks: list[list[tuple[int, str]]]) -> Table:
    """A table from its blocks (the header line first, when it has one): see the module docstring."""
    blocks = [b for b in blocks if b]
    header_block: list[tuple[int, str]] | None = None
    if blocks and not _is_year_only(blocks[0]) and not KEY_YEAR.match(blocks[0][0][1]):
        header_block, blocks = blocks[0], blocks[1:]
    blocks = _merge_value_blocks(blocks)
    rows: list[Row]
    if blocks and KEY_YEAR.match(blocks[0][0][1]):
        grouped: list[list[list[tuple[int, str]]]] = []
        for blk in blocks:
            if KEY_YEAR.match(blk[0][1]) or not grouped:
                grouped.append([blk])
            else:
                grouped[-1].append(blk)
        rows = [_key_led_row(g) for g in grouped]
    elif blocks and all(trailing_value(collapse_ws(" ".join(r for _, r in b))) is not None for b in blocks):
        rows = [_value_row(b) for b in blocks]
    else:
        rows = [_value_row_plain(b) for b in blocks]
    width = max((len(r.cells) for r in rows), default=1)
    header = _header(header_block, width) if header_block else None
    return Table(tuple(rows), header, key_columns=1 if width > 1 else width)


def _value_row_plain(group: list[tuple[int, str]]) -> Row:
    t = _Text.of(group)
    return _row(t, [c for c in (t.cell(0, len(t.text)),) if c])


def with_place(table: Table, clause_id: str, passage_id: str, intro: str | None) -> Table:
    return replace(table, clause_id=clause_id, passage_id=passage_id, intro=intro)
