"""A document diff as plain text for the terminal (`assistant diff`). Deleted words are shown as [-...-],
inserted words as {+...+}; a change that touches a number, amount, percentage or level gets a `!!` line."""

from __future__ import annotations

from assistant.diff.model import ChangedSentence, ClauseRef, DocumentDiff, MovedSentence, Segment, Sentence


def _label(ref: ClauseRef) -> str:
    section = ref.section if not ref.section[:1].isdigit() else f"§ {ref.section}"
    if ref.part.startswith("bijlage-") and ref.section[:1].isdigit():
        section = f"Bijlage {ref.part.split('-')[1]} {section}"
    return f"{section} {ref.title}"


def _lines(first: int, last: int) -> str:
    return f"l. {first}" if first == last else f"l. {first}-{last}"


def _span(s: Sentence) -> str:
    return _lines(s.line_start, s.line_end) + (" (footnote)" if s.footnote else "")


def segments_text(segments: list[Segment]) -> str:
    marks = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return " ".join(marks[s.op][0] + s.text + marks[s.op][1] for s in segments)


def _changed(c: ChangedSentence | MovedSentence, indent: str) -> list[str]:
    out = [f"{indent}{segments_text(c.segments)}"] if c.segments else [f"{indent}{c.after.text}"]
    out += [
        f"{indent}!! {f'({x.context}) ' if x.context else ''}{x.before or '(nothing)'} -> {x.after or '(nothing)'}"
        for x in c.changes
        if x.emphasis
    ]
    return out


def render_text(d: DocumentDiff) -> str:
    s = d.summary
    head = [
        f"{d.before.id} ({d.before.year}) -> {d.after.id} ({d.after.year}); compared: {', '.join(d.scope)}"
        + (f"; section {d.section}" if d.section else ""),
        f"{s['aligned']} clauses aligned ({s['renumbered']} renumbered, {s['moved_clauses']} moved), "
        f"{s['added_clauses']} added, {s['removed_clauses']} removed; sentences: {s['changed_sentences']} changed, "
        f"{s['added_sentences']} added, {s['removed_sentences']} removed, {s['moved_sentences']} moved, "
        f"{s['unchanged_sentences']} unchanged",
    ]
    out = head
    for p in d.pairs:
        flags = [f for f, on in (("renumbered", p.renumbered), ("moved", p.moved)) if on]
        out += [
            "",
            f"= {_label(p.before)} ({p.before.year}, {_lines(p.before.line_start, p.before.line_end)}) -> "
            f"{_label(p.after)} ({p.after.year}, {_lines(p.after.line_start, p.after.line_end)})"
            + (f"  [{', '.join(flags)}]" if flags else ""),
        ]
        for c in p.changed:
            out.append(f"  ~ {_span(c.before)} -> {_span(c.after)}")
            out += _changed(c, "    ")
        out += [f"  - {_span(x)}: {x.text}" for x in p.removed]
        out += [f"  + {_span(x)}: {x.text}" for x in p.added]
        if not p.has_changes:
            out.append(f"  (unchanged: {p.unchanged} sentences)")
    for a in d.added:
        out += ["", f"+ added: {_label(a.clause)} ({a.clause.year}, {_lines(a.clause.line_start, a.clause.line_end)})"]
        out += [f"  + {_span(x)}: {x.text}" for x in a.sentences]
    for r in d.removed:
        out += [
            "",
            f"- removed: {_label(r.clause)} ({r.clause.year}, {_lines(r.clause.line_start, r.clause.line_end)})",
        ]
        out += [f"  - {_span(x)}: {x.text}" for x in r.sentences]
    for m in d.moved:
        out += ["", f"> moved: {m.before.clause_id} {_span(m.before)} -> {m.after.clause_id} {_span(m.after)}"]
        out += _changed(m, "    ")
    return "\n".join(out)
