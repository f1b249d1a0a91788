"""A synthetic next-year corpus: the 2027 policy shifted by a year, with a few numbers and dates changed.

`write_next_year(dest)` copies corpus/ to `dest` and adds wv2028: the text of wv2027 with every year 2020-2029
moved on by one, and CHANGES applied; its manifest; its parameter file (wv2027.params.toml with the same year
shift and the same changes). wv2027 becomes "superseded". No code is involved: only the files a policy team
would write for a new year."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT

# (pattern in the year-shifted 2027 text, replacement): applied to the new text and to the quotes in its parameters
CHANGES = [
    (r"(2028 Per 4-cijferig postcodegebied levert de zorgaanbieder\s+gemiddeld aan ten minste )3( CZ-cliënten zorg\s+"
     r"Per 4-cijferig postcodegebied levert de zorgaanbieder\s+gemiddeld aan ten minste )3", r"\g<1>4\g<2>4"),
    (r"(meer\s+dan\s+€\s+)100\.000", r"\g<1>120.000"),
    (r"(onder\s+de\s+€\s+)100\.000", r"\g<1>120.000"),
    (r"(minimaal\s+€\s+)50\.000", r"\g<1>60.000"),
    (r"(ten\s+minste\s+)80(%\s+van\s+het)", r"\g<1>75\g<2>"),
    (r"(op\s+)55(\s+cliënten)", r"\g<1>50\g<2>"),
    (r"(gemiddeld\s+)50(\s+tot\s+)65(\s+cliënten)", r"\g<1>45\g<2>60\g<3>"),
    (r"(uiterlijk\s+)15(\s+mei\s+a\.s\.)", r"\g<1>20\g<2>"),
]  # fmt: skip
# in the parameter file the 2028 table row is quoted once (one sentence covers both provider types)
QUOTE_CHANGES = [
    (r"(2028 Per 4-cijferig postcodegebied levert de zorgaanbieder gemiddeld aan ten minste )3", r"\g<1>4")
]
QUOTE_CHANGES += CHANGES[1:]
# the same changes where the parameter file states them as values
PARAM_CHANGES = [
    ("year = 2028\nexisting = 3\nnew = 3", "year = 2028\nexisting = 4\nnew = 4"),
    ("value = 100000", "value = 120000"),
    ("value = 50000", "value = 60000"),
    ("value = 80,", "value = 75,"),
    ("Ten minste 80% van het omzetplafond", "Ten minste 75% van het omzetplafond"),
    ("max_clients_per_fte = 55", "max_clients_per_fte = 50"),
    ("min = 50, max = 65", "min = 45, max = 60"),
    ("by = 2027-05-15", "by = 2027-05-20"),
    ("Uiterlijk 15 mei a.s.", "Uiterlijk 20 mei a.s."),
    ("'a.s.' lezen we als 15 mei 2027", "'a.s.' lezen we als 20 mei 2027"),
    ("'a.s.' (next) is read as 15 May 2027", "'a.s.' (next) is read as 20 May 2027"),
    ("No later than 15 May", "No later than 20 May"),
]


def next_year(text: str) -> str:
    return re.sub(r"\b202(\d)\b", lambda m: f"202{int(m.group(1)) + 1}", text)


def _apply(text: str, changes: list[tuple[str, str]], name: str, regex: bool = False) -> str:
    for old, new in changes:
        if regex:
            text, n = re.subn(old, new, text)
            assert n, f"{name}: {old!r} not found"
        else:
            assert old in text, f"{name}: {old!r} not found"
            text = text.replace(old, new)
    return text


def write_next_year(dest: Path) -> Path:
    shutil.copytree(REPO_ROOT / "corpus", dest)
    text = (dest / "wv2027.txt").read_text(encoding="utf-8")
    (dest / "wv2028.txt").write_text(_apply(next_year(text), CHANGES, "wv2028.txt", regex=True), encoding="utf-8")
    params = (dest / "wv2027.params.toml").read_text(encoding="utf-8")
    params = _apply(
        _apply(next_year(params), QUOTE_CHANGES, "params quotes", regex=True), PARAM_CHANGES, "params values"
    )
    (dest / "wv2028.params.toml").write_text(params, encoding="utf-8")
    (dest / "wv2028.toml").write_text(
        'id = "wv2028"\nfile = "wv2028.txt"\ntitle = "Zorginkoopbeleid Wijkverpleging 2028"\npublisher = "CZ groep"\n'
        'year = 2028\nstatus = "current"\nsupersedes = ["wv2027"]\n',
        encoding="utf-8",
    )
    manifest = (dest / "wv2027.toml").read_text(encoding="utf-8")
    manifest = manifest.replace('status = "current"', 'status = "superseded"\nsuperseded_by = "wv2028"')
    (dest / "wv2027.toml").write_text(manifest, encoding="utf-8")
    return dest


@pytest.fixture(scope="session")
def corpus_2028_dir(tmp_path_factory) -> Path:
    return write_next_year(tmp_path_factory.mktemp("next-year") / "corpus")


@pytest.fixture(scope="session")
def corpus_2028(corpus_2028_dir):
    from assistant.ingest import load_corpus

    return load_corpus(corpus_2028_dir)
