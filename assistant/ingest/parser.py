"""Parse a policy text (extracted from PDF or a web page) into clauses and passages.

The extraction left artefacts that this module handles explicitly:
- page breaks show up as a leading space on a line;
- headings can wrap over two lines ("1.5 Specialistische zorg ... op de" / "basisovereenkomst");
- stray lines such as "2" (a lost subscript) and lone "•" markers;
- footnote texts appear inline ("1 Zzp'ers beschikken ...");
- bullets lost their markers, so list items are only recognisable by line starts and punctuation;
- tables are flattened to short lines separated by blank lines.

A clause is a numbered section (or a named front-matter / appendix part). A passage is a piece of a
clause of at most MAX_PASSAGE_CHARS source characters, cut only between sentences, list items or
table rows; a table stays in one passage with its header row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.domain import Clause, Document, Passage, collapse_ws
from assistant.ingest.tables import Table, read_table, with_place
from assistant.text.sentences import ABBREVIATION_END

MAX_PASSAGE_CHARS = 1200
MIN_PASSAGE_CHARS = 200  # a sub-heading only opens a new passage when the current one has this much

_PART = re.compile(r"^\s*Bijlage\s+(\d+)\s*:\s*(\S.*?)\s*$")
_CHAPTER = re.compile(r"^\s*(\d{1,2})\.\s+([A-ZÀ-Ý]\S.{0,90}?)\s*$")
_SECTION = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\s+([A-ZÀ-Ý(]\S.{0,110}?)\s*$")
_FOOTNOTE = re.compile(r"^\s*(?:•\s*)?([1-9]\d?)(?: (?=[A-ZÀ-Ý‘'])|(?=[A-ZÀ-Ýh‘']))")
_TERMINAL = tuple(".;:!?")
# a sentence or list item ends at terminal punctuation (a closing quote or bracket, or a footnote mark "[10]", may
# follow) before a capital
_SENTENCE_END = re.compile(r"[.;:!?]['’”\"]?\)?(?:\[\d{1,3}\])?(?=\s+[\"'‘“(•]?[A-ZÀ-Ý0-9])")
# ... and at the end of a line (lists lost their markers): terminal punctuation, or a bracket before a capital
_LINE_END = re.compile(r"([.;:!?]['’”\"]?\)?|\))[ \t]*\n")
_FINISHED = re.compile(r"[.;:!?]['’”\"]?\)?$")


@dataclass
class Line:
    no: int  # 1-based
    raw: str

    @property
    def text(self) -> str:
        return self.raw.strip()


@dataclass
class Block:
    """Lines between blank lines."""

    lines: list[Line]
    kind: str = "text"  # text | table | footnote | subheading
    table: Table | None = None  # tables: header and rows of cells (see tables.py)

    @property
    def text(self) -> str:
        if self.table:  # header and rows apart (blank line between), so each row can be quoted on its own
            return self.table.text
        return "\n".join(line.raw.rstrip() for line in self.lines).strip()

    @property
    def flat(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass
class Heading:
    key: str  # id path segment, e.g. "bijlage-1/1.5.2" or "voorwoord"
    section: str
    title: str
    trail: list[str]
    line_start: int
    body: list[Line] = field(default_factory=list)


@dataclass
class Parsed:
    clauses: list[Clause]
    passages: list[Passage]
    warnings: list[str]
    tables: list[Table] = field(default_factory=list)


def is_artefact(text: str) -> bool:
    """Stray page/subscript digits and bullet markers that lost their text."""
    t = text.strip()
    return t in {"•", "-", "–"} or (t.isdigit() and len(t) <= 2)


def _num_tuple(num: str) -> tuple[int, ...]:
    return tuple(int(p) for p in num.split("."))


def _looks_like_title(title: str) -> bool:
    return not title.rstrip().endswith(_TERMINAL) and "  " not in title.strip()


def _continuation(line: Line | None) -> bool:
    """A wrapped heading's second line: short, lower-case start, no sentence punctuation."""
    if line is None:
        return False
    t = line.text
    return 0 < len(t) <= 40 and t[0].islower() and not t.endswith(_TERMINAL)


class _Structure:
    """Walks the lines once and cuts them into headed sections."""

    def __init__(self, doc: Document, lines: list[Line]) -> None:
        self.doc = doc
        self.lines = lines
        self.part: tuple[str, str] | None = None  # ("bijlage-1", "Bijlage 1: ...")
        self.chapter: tuple[int, str] | None = None
        self.last_num: tuple[int, ...] = ()
        self.titles: dict[str, str] = {}  # number -> "1.5 Title" for trails
        self.sections: list[Heading] = []

    def _trail(self, num: str | None) -> list[str]:
        trail = []
        if self.part:
            trail.append(self.part[1])
        elif self.chapter:
            trail.append(f"{self.chapter[0]}. {self.chapter[1]}")
        if num:
            parts = num.split(".")
            for i in range(2, len(parts) + 1):
                prefix = ".".join(parts[:i])
                if prefix in self.titles:
                    trail.append(self.titles[prefix])
        return trail

    def _open(self, key: str, section: str, title: str, line_no: int, num: str | None) -> None:
        self.sections.append(Heading(key, section, title, self._trail(num), line_no))

    def _match_heading(self, i: int) -> tuple[str, tuple, int] | None:
        """Return (kind, match-groups, lines consumed) when line i starts a heading."""
        line = self.lines[i]
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if m := _PART.match(line.raw):
            return "part", (m.group(1), m.group(2)), 1
        if not self.part and (m := _CHAPTER.match(line.raw)):
            n = int(m.group(1))
            expected = (self.chapter[0] + 1) if self.chapter else 1
            if n == expected and _looks_like_title(m.group(2)):
                return "chapter", (n, m.group(2)), 1
        if m := _SECTION.match(line.raw):
            num, title = m.group(1), m.group(2)
            t = _num_tuple(num)
            in_scope = self.part is not None or (self.chapter is not None and t[0] == self.chapter[0])
            if (
                in_scope
                and t > self.last_num
                and _looks_like_title(title)
                or (in_scope and t > self.last_num and _continuation(nxt))
            ):
                if _continuation(nxt):
                    return "section", (num, f"{title} {nxt.text}"), 2  # type: ignore[union-attr]
                return "section", (num, title), 1
        return None

    def run(self) -> list[Heading]:
        first = next((ln for ln in self.lines if ln.text), None)
        front_title = "Inleiding"
        start = 0
        if (
            first
            and len(first.text) <= 60
            and not first.text.endswith(_TERMINAL)
            and not self._match_heading(self.lines.index(first))
        ):
            front_title = first.text
            start = self.lines.index(first) + 1
        if self.doc.part:
            self.part = (self.doc.part, self.doc.part_title or self.doc.part)
        self._open(_slug(front_title), front_title, front_title, first.no if first else 1, None)
        i = start
        while i < len(self.lines):
            hit = self._match_heading(i)
            if hit is None:
                self.sections[-1].body.append(self.lines[i])
                i += 1
                continue
            kind, groups, used = hit
            line_no = self.lines[i].no
            if kind == "part":
                self.part = (f"bijlage-{groups[0]}", f"Bijlage {groups[0]}: {groups[1]}")
                self.last_num = ()
                self.titles = {}
                self._open(self.part[0], f"Bijlage {groups[0]}", groups[1], line_no, None)
            elif kind == "chapter":
                self.chapter = (groups[0], groups[1])
                self.last_num = (groups[0],)
                self.titles = {}
                self._open(str(groups[0]), str(groups[0]), groups[1], line_no, None)
            else:
                num, title = groups
                self.last_num = _num_tuple(num)
                self.titles[num] = f"{num} {title}"
                key = f"{self.part[0]}/{num}" if self.part else num
                self._open(key, num, title, line_no, num)
            i += used
        return self.sections


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "tekst"


# ---------------------------------------------------------------- blocks, tables, sub-headings


def _blocks(lines: list[Line]) -> list[Block]:
    """Lines between blank lines; a sentence that a page break cut ("het meest recente pgb-" / "reglement op
    onze website.") stays in one block."""
    blocks: list[Block] = []
    cur: list[Line] = []
    for line in lines:
        if not line.text or is_artefact(line.text):
            if cur:
                blocks.append(Block(cur))
                cur = []
            continue
        if cur and _starts_footnote(line, cur[-1]):
            blocks.append(Block(cur))
            cur = []
        if not cur and blocks and _goes_on(blocks[-1].lines[-1].text, line.text):
            cur = blocks.pop().lines
        cur.append(line)
    if cur:
        blocks.append(Block(cur))
    return blocks


def _goes_on(last: str, first: str) -> bool:
    """Does the line after a blank line continue the sentence before it? It does after a word cut at a hyphen
    or slash ("pgb-", "TB/"), and when an unfinished line is followed by a lower-case word."""
    if last.endswith(("-", "/")) and not last.endswith((" -", " /")) and len(last) > 1:
        return True
    return not _FINISHED.search(last) and first[:1].islower()


def _starts_footnote(line: Line, prev: Line) -> bool:
    """A footnote text printed inline at a page break, right after a finished sentence."""
    return line.raw.startswith(" ") and bool(_FOOTNOTE.match(line.raw)) and prev.text.endswith(_TERMINAL)


def _is_subheading(text: str) -> bool:
    t = text.strip()
    return (
        3 <= len(t) <= 75
        and t[0].isupper()
        and not t.endswith(_TERMINAL)
        and not t.endswith(",")
        and not re.search(r"\d{4}$|%$", t)
        and len(t.split()) <= 10
    )


def _row_like(block: Block) -> bool:
    flat = block.flat
    return len(block.lines) <= 4 and len(flat) <= 260 and not flat.endswith(_TERMINAL)


def _split_subheadings(blocks: list[Block]) -> list[Block]:
    """A short title line at the start of a block (or after a page break) becomes its own block."""
    out: list[Block] = []
    for b in blocks:
        if b.kind != "text":
            out.append(b)
            continue
        cur: list[Line] = []
        for j, line in enumerate(b.lines):
            prev_done = j == 0 or b.lines[j - 1].text.endswith(_TERMINAL)
            has_body_after = j + 1 < len(b.lines) or j == 0
            if (
                prev_done
                and has_body_after
                and _is_subheading(line.text)
                and (j + 1 == len(b.lines) or b.lines[j + 1].text[:1].isupper())
            ):
                if cur:
                    out.append(Block(cur))
                    cur = []
                out.append(Block([line], kind="subheading"))
                continue
            cur.append(line)
        if cur:
            out.append(Block(cur))
    return out


def _mark_footnotes(blocks: list[Block]) -> None:
    for i, b in enumerate(blocks):
        first = b.lines[0]
        m = _FOOTNOTE.match(first.raw)
        if not m:
            continue
        page_break = first.raw.startswith(" ") or (i > 0 and blocks[i - 1].kind == "footnote")
        bullet_note = first.text.startswith("•")
        if page_break or bullet_note:
            b.kind = "footnote"


def _mark_tables(blocks: list[Block]) -> list[Block]:
    """Header line + >= 2 row-like blocks -> one table block (rows keep their own lines)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        header_ok = (
            b.kind in ("text", "subheading")
            and len(b.lines) == 1
            and not b.flat.endswith(_TERMINAL)
            and len(b.flat) <= 120
        )
        if header_ok:
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "text" and _row_like(blocks[j]):
                j += 1
            if j - i - 1 >= 2:
                lines = [ln for blk in blocks[i:j] for ln in blk.lines]
                table = read_table([[(ln.no, ln.raw) for ln in blk.lines] for blk in blocks[i:j]])
                out.append(Block(lines, kind="table", table=table))
                i = j
                continue
        out.append(b)
        i += 1
    return out


# ---------------------------------------------------------------- sentences and packing


@dataclass
class Piece:
    """A run of source text that must not be cut: a sentence, list item, table or footnote."""

    text: str
    line_start: int
    line_end: int
    kind: str = "text"
    hard_break: bool = False  # start a new passage before this piece
    subheading: str | None = None
    table: Table | None = None


def _sentences(block: Block) -> list[Piece]:
    """Split a text block at sentence / list-item ends, tracking line numbers (see `sentence_cuts`)."""
    pieces: list[Piece] = []
    text = ""
    starts: list[tuple[int, int]] = []  # (char offset, line no)
    for line in block.lines:
        starts.append((len(text), line.no))
        text += line.raw.rstrip() + "\n"
    bounds = sorted({0, *[c for c in sentence_cuts(text) if 0 < c < len(text)], len(text)})

    def line_at(offset: int) -> int:
        no = starts[0][1]
        for off, n in starts:
            if off <= offset:
                no = n
        return no

    for a, b in zip(bounds, bounds[1:], strict=False):
        chunk = text[a:b]
        if not chunk.strip():
            continue
        lead = len(chunk) - len(chunk.lstrip())
        a2 = a + lead
        b2 = a + len(chunk.rstrip())
        pieces.append(Piece(text[a2:b2], line_at(a2), line_at(max(a2, b2 - 1))))
    return _hard_wrap(pieces)


def sentence_cuts(text: str) -> list[int]:
    """Offsets where a sentence or list item of a block ends (the one sentence splitter's rule):
    - terminal punctuation before a capital or digit, not after an abbreviation ("a.s.") and not inside brackets
      ("(zie: Downloads wijkverpleging - CZ)");
    - terminal punctuation at the end of a line (list items lost their markers), except a colon before a single
      lower-case item that ends the sentence ("voordelen voor de patiënt:" / "meer regie ... omgeving.");
    - a closing bracket at the end of a line when the next line starts with a capital (an unmarked item or a
      title); before a lower-case line the sentence goes on ("(niveau 6)" / "op 55 cliënten").
    A line that ends without any of these never ends a sentence: the PDF's line breaks are not sentence ends."""
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    for m in _LINE_END.finditer(text):
        mark, following = m.group(1), text[m.end() :]
        lower = following.lstrip()[:1].islower()
        if lower and (mark == ")" or (mark.startswith(":") and _one_item(following))):
            continue
        cuts.append(m.end(1))
    brackets = _bracketed(text)
    return sorted(
        c for c in set(cuts) if not ABBREVIATION_END.search(text[:c]) and not any(a < c < b for a, b in brackets)
    )


def _one_item(rest: str) -> bool:
    """After a line that ends with a colon: is what follows one item that finishes the sentence (the next
    unfinished run ends with '.', and no lower-case item follows it), rather than a list?"""
    lines = rest.split("\n")
    for k, line in enumerate(lines):
        end = line.rstrip()
        if end.endswith(";"):
            return False
        if re.search(r"[.!?]['’”\"]?\)?$", end):
            following = next((x.strip() for x in lines[k + 1 :] if x.strip()), "")
            return not following[:1].islower()
    return True


def _bracketed(text: str) -> list[tuple[int, int]]:
    """Spans of (balanced) round brackets."""
    spans, opened = [], []
    for i, ch in enumerate(text):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            spans.append((opened.pop(), i + 1))
    return spans


def split_sentences(text: str, table: bool = False) -> list[str]:
    """The one sentence splitter: the sentences and list items of a passage, or for a table passage its intro
    sentence, header and rows (a row with all its cells). Each unit is verbatim (whitespace as in the source),
    a sentence runs across the PDF's line breaks and page breaks (`sentence_cuts`)."""
    if table:
        return _table_units(text)
    lines = [Line(i + 1, ln) for i, ln in enumerate(text.split("\n"))]
    return [p.text for b in _blocks(lines) for p in _sentences(b) if p.text.strip()]


def _table_units(text: str) -> list[str]:
    """Table passages hold an optional intro sentence ("... als volgt:"), the header and the rows, a blank line
    between each (see `_join`)."""
    out: list[str] = []
    for k, chunk in enumerate(c.strip() for c in re.split(r"\n\s*\n", text)):
        if not chunk:
            continue
        if k == 0 and chunk.endswith(":"):
            out.extend(split_sentences(chunk))
        else:
            out.append(chunk)
    return out


def _hard_wrap(pieces: list[Piece]) -> list[Piece]:
    """A single sentence longer than the passage limit is cut at line ends (never mid-line)."""
    out: list[Piece] = []
    for p in pieces:
        if len(p.text) <= MAX_PASSAGE_CHARS:
            out.append(p)
            continue
        kind = p.kind
        buf: list[str] = []
        no = p.line_start
        start = no
        for k, ln in enumerate(p.text.split("\n")):
            if buf and len("\n".join(buf)) + len(ln) + 1 > MAX_PASSAGE_CHARS:
                out.append(Piece("\n".join(buf), start, no - 1 if k else no, kind))
                buf, start = [], no
            buf.append(ln)
            no += 1
        if buf:
            out.append(Piece("\n".join(buf), start, p.line_end, kind))
    return out


def _pieces(blocks: list[Block]) -> list[Piece]:
    pieces: list[Piece] = []
    subheading: str | None = None
    for b in blocks:
        if b.kind == "subheading":
            subheading = b.flat
            pieces.append(Piece(b.text, b.lines[0].no, b.lines[-1].no, "subheading", True, subheading))
        elif b.kind in ("table", "footnote"):
            for k, p in enumerate(_hard_wrap([Piece(b.text, b.lines[0].no, b.lines[-1].no, b.kind)])):
                p.hard_break = True
                p.subheading = subheading if b.kind == "table" else _footnote_label(b)
                p.table = b.table if k == 0 else None
                pieces.append(p)
        else:
            for p in _sentences(b):
                p.subheading = subheading
                pieces.append(p)
    return pieces


def _footnote_label(block: Block) -> str:
    m = _FOOTNOTE.match(block.lines[0].raw)
    return f"Voetnoot {m.group(1)}" if m else "Voetnoot"


def _pack(pieces: list[Piece]) -> list[list[Piece]]:
    """Greedy packing under the size limit; tables and footnotes get passages of their own
    (a table keeps the sentence that introduces it, e.g. "... als volgt:")."""
    groups: list[list[Piece]] = []
    cur: list[Piece] = []

    def size(group: list[Piece]) -> int:
        return sum(len(p.text) + 1 for p in group)

    # balance: a 1,400-character run becomes two passages of ~700, not 1,200 + 200
    total = size(pieces)
    target = total / max(1, -(-total // MAX_PASSAGE_CHARS)) if total else MAX_PASSAGE_CHARS
    target = max(target, MIN_PASSAGE_CHARS * 2)

    for p in pieces:
        prev = cur[-1] if cur else None
        special_before = prev is not None and prev.kind in ("footnote", "table") and p.kind != prev.kind
        starts_special = p.kind in ("footnote", "table") and (prev is None or prev.kind != p.kind)
        new_sub = p.kind == "subheading" and size(cur) >= MIN_PASSAGE_CHARS
        too_big = size(cur) + len(p.text) + 1 > MAX_PASSAGE_CHARS or (size(cur) >= target * 0.9 and p.kind == "text")
        if cur and (special_before or starts_special or new_sub or too_big):
            carry: list[Piece] = []
            if too_big and not (special_before or starts_special or new_sub):
                cur, carry = _line_aligned(cur, p, target)
            if p.kind == "table" and prev is not None and prev.text.endswith(":") and len(cur) > 1:
                if len(prev.text) + len(p.text) + 1 <= MAX_PASSAGE_CHARS:
                    carry = [cur.pop()]
            groups.append(cur)
            cur = carry
        cur.append(p)
    if cur:
        groups.append(cur)
    return _merge_orphans(groups)


def _line_aligned(cur: list[Piece], nxt: Piece, target: float) -> tuple[list[Piece], list[Piece]]:
    """Prefer to cut where a line ends: quotes are often taken line by line, and a cut inside a
    line would leave half of such a line in each passage."""
    if cur[-1].line_end != nxt.line_start:
        return cur, []
    for j in range(len(cur) - 1, 0, -1):
        head, tail = cur[:j], cur[j:]
        clean = head[-1].line_end != tail[0].line_start
        tail_size = sum(len(p.text) + 1 for p in tail) + len(nxt.text)
        if clean and sum(len(p.text) + 1 for p in head) >= target * 0.5 and tail_size <= MAX_PASSAGE_CHARS:
            return head, tail
    return cur, []


def _merge_orphans(groups: list[list[Piece]]) -> list[list[Piece]]:
    """A passage that is only a sub-heading joins the next one; a scrap joins the previous one."""
    out: list[list[Piece]] = []
    carry: list[Piece] = []
    for g in groups:
        g = carry + g
        carry = []
        if all(p.kind == "subheading" for p in g):
            carry = g
            continue
        scrap = sum(len(p.text) for p in g) < 60 and g[0].kind == "text"
        if scrap and out and sum(len(p.text) + 1 for p in out[-1] + g) <= MAX_PASSAGE_CHARS:
            out[-1].extend(g)
            continue
        out.append(g)
    if carry:
        if out:
            out[-1].extend(carry)
        else:
            out.append(carry)
    return out


def _join(group: list[Piece]) -> str:
    text = ""
    prev_end: int | None = None
    prev_kind = ""
    for p in group:
        if prev_end is None:
            text = p.text
        elif p.kind == "table" and prev_kind != "table":
            text += "\n\n" + p.text  # the intro sentence apart from the table's header and rows
        else:
            text += ("\n" if p.line_start != prev_end else " ") + p.text
        prev_end, prev_kind = p.line_end, p.kind
    return text


# ---------------------------------------------------------------- entry point


def parse_document(doc: Document, raw: str) -> Parsed:
    lines = [Line(i + 1, s) for i, s in enumerate(raw.splitlines())]
    sections = _Structure(doc, lines).run()
    warnings: list[str] = []
    if len(sections) == 1:
        warnings.append("no recognisable section headings; indexed as plain passages")
    clauses: list[Clause] = []
    passages: list[Passage] = []
    tables: list[Table] = []
    seen: set[str] = set()
    for s in sections:
        body_lines = [ln for ln in s.body if ln.text and not is_artefact(ln.text)]
        if not body_lines:
            continue
        cid = f"{doc.id}/{s.key}"
        if cid in seen:  # same number twice in one document: keep ids unique and stable
            k = 2
            while f"{cid}~{k}" in seen:
                k += 1
            cid = f"{cid}~{k}"
        seen.add(cid)
        trail = s.trail or [s.title]
        clause = Clause(
            id=cid,
            doc=doc.id,
            year=doc.year,
            section=s.section,
            title=s.title,
            heading_trail=trail,
            text="\n".join(ln.raw.rstrip() for ln in s.body).strip("\n"),
            line_start=s.line_start,
            line_end=body_lines[-1].no,
        )
        clauses.append(clause)
        blocks = _split_subheadings(_mark_tables(_blocks(s.body)))
        _mark_footnotes(blocks)
        for n, group in enumerate(_pack(_pieces(blocks)), start=1):
            kinds = {p.kind for p in group}
            passages.append(
                Passage(
                    id=f"{cid}#p{n}",
                    clause_id=cid,
                    doc=doc.id,
                    year=doc.year,
                    section=s.section,
                    title=s.title,
                    heading_trail=trail,
                    subheading=next((p.subheading for p in group if p.subheading), None),
                    kind="footnote" if kinds == {"footnote"} else ("table" if "table" in kinds else "text"),
                    text=_join(group),
                    line_start=group[0].line_start,
                    line_end=group[-1].line_end,
                )
            )
            for k, p in enumerate(group):
                if p.table is not None:
                    intro = group[k - 1].text if k and group[k - 1].text.endswith(":") else None
                    tables.append(with_place(p.table, cid, passages[-1].id, intro))
    return Parsed(clauses, passages, warnings, tables)


# ---------------------------------------------------------------- the check


def sentence_breaks(passages: list[Passage]) -> list[str]:
    """Where the units the splitter makes stop in mid-sentence, one line each (empty when all is well):
    a unit that ends without terminal punctuation (or with a word cut at a hyphen or slash) while the next unit,
    in its passage or at the start of the next passage of its clause, starts with a lower-case letter."""
    out: list[str] = []
    for i, p in enumerate(passages):
        if p.kind != "text":
            continue
        units = [collapse_ws(u) for u in split_sentences(p.text)]
        nxt_p = passages[i + 1] if i + 1 < len(passages) and passages[i + 1].clause_id == p.clause_id else None
        after = collapse_ws(split_sentences(nxt_p.text, table=nxt_p.kind == "table")[0]) if nxt_p else ""
        for k, unit in enumerate(units):
            following = units[k + 1] if k + 1 < len(units) else after
            cut_word = unit.endswith(("-", "/")) and not unit.endswith((" -", " /"))
            if (cut_word or not _FINISHED.search(unit)) and following[:1].islower():
                out.append(f"{p.id} (lines {p.line_start}-{p.line_end}): «…{unit[-50:]}» | «{following[:40]}…»")
    return out


def table_breaks(tables: list[Table]) -> list[str]:
    """Table rows whose cells do not line up with the table's columns (one line each; empty when all is well)."""
    out: list[str] = []
    for t in tables:
        width = len(t.header.cells) if t.header else t.width
        for r in t.rows:
            if len(r.cells) != width:
                out.append(f"{t.passage_id}: row «{r.flat[:60]}» has {len(r.cells)} cells, the table {width} columns")
    return out
