"""The one sentence rule for text as people type it, and the abbreviations whose full stop ends no sentence.

A typed message is cut after ".", "!" or "?" followed by white space, not after an abbreviation ("incl.", "o.a.",
"ca.": "Een bureau (o.a. voor de nachten) levert ca. 900 uur" is one sentence). A point inside a number
("6.800") is followed by a digit, so it never cuts. The policy texts are cut by `assistant.ingest.parser`, which
adds the rules of a PDF's lines to this one and shares its abbreviations.
"""

from __future__ import annotations

import re

# a full stop after these ends an abbreviation, not a sentence ("uiterlijk 15 mei a.s. aan ons kenbaar maken")
ABBREVIATION_END = re.compile(
    r"(?<![\w.])(a\.s|o\.a|bijv|bv|i\.v\.m|e\.d|d\.w\.z|m\.b\.t|o\.b\.v|z\.s\.m|t\.a\.v|i\.o\.m|resp|ca|incl|excl"
    r"|nr|art|mr|dhr|mevr|mw|drs|dr|ir|ing|prof|zgn|evt|e\.g|i\.e|vs)\.$",
    re.I,
)
_TYPED_END = re.compile(r"(?<=[.!?])\s+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of a typed message, white space between them left out."""
    cuts = [m for m in _TYPED_END.finditer(text) if not ABBREVIATION_END.search(text[: m.start()])]
    spans, start = [], 0
    for m in cuts:
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentences(text: str) -> list[str]:
    """The sentences of a typed message."""
    return [text[a:b] for a, b in sentence_spans(text)]


HEADING_WORDS = 8


def heading_like(text: str) -> bool:
    """A heading or table header quoted as a line of its own ("Voorwaarden aan de gespecialiseerde casemanager
    dementie", "CSRD (Corporate Sustainability Reporting Directive)"): a few words, no figure, no sentence end; a
    list item or table row is longer or holds a figure."""
    text = text.strip()
    return len(text.split()) <= HEADING_WORDS and not re.search(r"\d|[.;!?:»]$", text)
